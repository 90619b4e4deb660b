#!/usr/bin/env python3
# The dashboard's figures against the CSVs of the same run: every figure
# index.html carries a data-k key for is computed again here from
# status.csv, recap.csv and stats.csv, and the overdue list must be the
# first overdue rows of status.csv, in its order, with the same names.
# Prints one "ok" line per group of figures, or FAIL and exits 1.
#
# usage: figures.py OUT_DIR AS_OF
import csv
import datetime
import html.parser
import os
import re
import sys

out, as_of = sys.argv[1], datetime.date.fromisoformat(sys.argv[2])


def fail(msg):
    print(f"FAIL {msg}")
    sys.exit(1)


def ok(msg):
    print(f"ok {msg}")


class Page(html.parser.HTMLParser):
    """The text of each data-k element, and the overdue list's rows."""

    def __init__(self):
        super().__init__()
        self.figures = {}
        self.rows = []
        self.open = []  # [key, text] of the data-k elements being read
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "data-k" in a:
            self.open.append([a["data-k"], "", tag])
        if tag == "tr" and "data-dossier" in a:
            self.row = {"dossier": a["data-dossier"],
                        "obligation": a["data-obligation"], "cells": []}
        if self.row is not None and tag == "td":
            self.cell = ""
        if self.row is not None and tag == "time" and "due" not in self.row:
            self.row["due"] = a["datetime"]
        if self.cell is not None and tag in ("br", "small"):
            self.cell += "\n"

    def handle_endtag(self, tag):
        if self.open and self.open[-1][2] == tag:
            key, text, _ = self.open.pop()
            self.figures[key] = text
        if self.row is not None and tag == "td":
            self.row["cells"].append(self.cell)
            self.cell = None
        if self.row is not None and tag == "tr":
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        for o in self.open:
            o[1] += data
        if self.cell is not None:
            self.cell += data


def number(text):
    """'12 345 €' (narrow no-break spaces) -> 12345."""
    digits = re.sub(r"[^0-9−-]", "", text).replace("−", "-")
    if digits in ("", "-"):
        fail(f"not a number: {text!r}")
    return int(digits)


def read_csv(name):
    with open(os.path.join(out, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


page = Page()
with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
    page.feed(f.read())
fig = {k: number(v) for k, v in page.figures.items()}


def expect(key, want):
    if key not in fig:
        fail(f"index.html has no figure {key}")
    if fig[key] != want:
        fail(f"{key}: the page says {fig[key]}, the CSVs {want}")


status = read_csv("status.csv")
recap = read_csv("recap.csv")
stats = read_csv("stats.csv")

# Open obligations by kind and state.
kinds = ["notice", "periodic", "return-offer", "mid-career",
         "end-of-career", "recap"]
for k in kinds:
    for s in ("overdue", "upcoming"):
        expect(f"open-{k}-{s}", sum(1 for r in status
                                    if r["obligation"] == k and
                                    r["state"] == s))
overdue = [r for r in status if r["state"] == "overdue"]
expect("open-overdue", len(overdue))
expect("open-upcoming", len(status) - len(overdue))
expect("kpi-overdue", len(overdue))
expect("kpi-employees-overdue", len({r["dossier"] for r in overdue}))
expect("kpi-due-90", sum(1 for r in status if r["state"] == "upcoming" and
                         datetime.date.fromisoformat(r["due"]) <=
                         as_of + datetime.timedelta(days=90)))
ok("open obligations by kind and state: those of status.csv")

# The calendar: twelve months from five before the as-of month.
first = as_of.year * 12 + as_of.month - 1 - 5
months = {}
before = after = 0
for r in status:
    d = datetime.date.fromisoformat(r["due"])
    i = d.year * 12 + d.month - 1 - first
    if i < 0:
        before += 1
    elif i >= 12:
        after += 1
    else:
        months[(i, r["state"])] = months.get((i, r["state"]), 0) + 1
for i in range(12):
    y, m = divmod(first + i, 12)
    for s in ("overdue", "upcoming"):
        expect(f"month-{y:04d}-{m + 1:02d}-{s}", months.get((i, s), 0))
expect("cal-before", before)
expect("cal-after", after)
ok("calendar: each month's due dates, and those before and after, "
   "as in status.csv")

# Money, from recap.csv's abondement_eur.
for key, status_name in (("owed", "final"), ("projected", "provisional")):
    rows = [r for r in recap if r["status"] == status_name and
            int(r["abondement_eur"]) > 0]
    expect(f"money-{key}-eur", sum(int(r["abondement_eur"]) for r in rows))
    expect(f"money-{key}-periods", len(rows))
    expect(f"money-{key}-employees", len({r["dossier"] for r in rows}))
owed = [r for r in recap if r["status"] == "final" and
        int(r["abondement_eur"]) > 0]
paid = [r for r in owed if r["paid_on"] != ""]
expect("kpi-projected-eur", fig["money-projected-eur"])
expect("money-paid-periods", len(paid))
expect("money-paid-employees", len({r["dossier"] for r in paid}))
# recap.csv has the date of a payment, not its amount: what is left
# unpaid is at least the periods with no payment, at most all of them.
unpaid = [r for r in owed if r["paid_on"] == ""]
if not (len(unpaid) <= fig["money-unpaid-periods"] <= len(owed)):
    fail(f"money-unpaid-periods: {fig['money-unpaid-periods']} for "
         f"{len(unpaid)} periods without payment of {len(owed)}")
if not (sum(int(r["abondement_eur"]) for r in unpaid)
        <= fig["money-unpaid-eur"] <= fig["money-owed-eur"]
        <= fig["money-unpaid-eur"] + fig["money-paid-eur"]):
    fail("money: unpaid and paid do not add up to what is owed")
if not paid and fig["money-paid-eur"] != 0:
    fail("money: paid without a paid_on in recap.csv")
expect("kpi-unpaid-eur", fig["money-unpaid-eur"])
ok("abondements owed, paid (paid_on) and unpaid on final periods, "
   "projected on provisional ones: those of recap.csv")

# CSE figures.
for r in stats:
    expect(f"stats-{r['metric']}", int(r["value"]))
ok("CSE figures: every row of stats.csv")

# The overdue list: status.csv's first overdue rows, in order.
if overdue:
    expect("overdue-total", len(overdue))
if not page.rows and overdue:
    fail("no overdue row on the page")
for got, want in zip(page.rows, overdue):
    g = (got["dossier"], got["obligation"], got["due"])
    w = (want["dossier"], want["obligation"], want["due"])
    if g != w:
        fail(f"overdue list: {g} where status.csv has {w}")
    name = got["cells"][2].split("\n")[0]
    if name != want["employee"]:
        fail(f"overdue list: {name!r} where status.csv has "
             f"{want['employee']!r}")
if len(page.rows) != min(len(overdue), 200):
    fail(f"overdue list: {len(page.rows)} rows for {len(overdue)} overdue")
ok("overdue list: the first overdue rows of status.csv (200 at most), "
   "in order, names as there")
