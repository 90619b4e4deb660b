#!/usr/bin/env python3
# Seed corpora and dictionaries for the fuzz harnesses, built at run time
# from the source tree into OUT (the Makefile's build-fuzz/corpus): every
# sample dossier split into one file per dossier with its company (small
# seeds reach deep code quickly), the invalid samples and the hostile
# corpus as they are, every template behind each selector byte of
# fuzz_template.c, and the committed date seeds of fuzz/corpus/date.
# Usage: fuzz/seeds.py OUT
import glob
import os
import re
import shutil
import sys

out = sys.argv[1]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fresh(name):
    d = os.path.join(out, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    return d


def put(d, name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def split_dossiers(text):
    """Yields one <dossiers> file per <dossier> of text, keeping the
    file's <company>.  Plain text surgery: the samples are regular."""
    m = re.search(rb"<dossiers[^>]*>", text)
    if m is None:
        yield text
        return
    head = text[: m.end()]
    comp = re.search(rb"<company.*?</company>", text[m.end():], re.S)
    company = comp.group(0) if comp and b"<dossier" not in comp.group(0) else b""
    for dm in re.finditer(rb"<dossier\b.*?</dossier>", text, re.S):
        yield head + b"\n" + company + b"\n" + dm.group(0) + b"\n</dossiers>\n"


dossier = fresh("dossier")
n = 0
inputs = sorted(glob.glob(os.path.join(root, "samples", "*.xml")))
inputs += [os.path.join(root, "tests", "reader", "dossier-example.xml")]
for path in inputs:
    text = open(path, "rb").read()
    for i, part in enumerate(split_dossiers(text)):
        put(dossier, "%s-%d.xml" % (os.path.basename(path)[:-4], i), part)
        n += 1
for path in sorted(glob.glob(os.path.join(root, "samples", "invalid", "*.xml"))):
    shutil.copy(path, os.path.join(dossier, "invalid-" + os.path.basename(path)))
for path in sorted(glob.glob(os.path.join(root, "tests", "hostile", "cases", "*.xml"))):
    if os.path.getsize(path) <= 64 * 1024:
        shutil.copy(path, os.path.join(dossier, "hostile-" + os.path.basename(path)))

# fuzz_documents renders everything: the valid single-dossier seeds only.
documents = fresh("documents")
for name in sorted(os.listdir(dossier)):
    if not name.startswith(("invalid-", "hostile-")):
        shutil.copy(os.path.join(dossier, name), os.path.join(documents, name))

# fuzz_stream reads files of many dossiers: the dossier seeds and the
# samples whole.
stream = fresh("stream")
for name in sorted(os.listdir(dossier)):
    shutil.copy(os.path.join(dossier, name), os.path.join(stream, name))
for path in inputs:
    shutil.copy(path, os.path.join(stream, "whole-" + os.path.basename(path)))

# Selector byte (index in fuzz_template.c's targets[]) + the template.
template = fresh("template")
targets = ["notice.xml", "report.xml", "report.xml", "recap.xml",
           "letter-convocation.xml", "letter-reconvocation.xml",
           "letter-proposal.xml", "letter-refusal-record.xml",
           "letter-decline-record.xml"]
for i, name in enumerate(targets):
    data = open(os.path.join(root, "templates", name), "rb").read()
    put(template, "%d-%s" % (i, name), bytes([i]) + data)

date = fresh("date")
for path in sorted(glob.glob(os.path.join(root, "fuzz", "corpus", "date", "*"))):
    shutil.copy(path, date)

# fuzz_import: an export as one input, its files in the order of
# fuzz_import.c's names[], separated by "\n%%\n"; one seed per company.
import_dir = fresh("import")
export = os.path.join(root, "samples", "export")
import_order = ["salaries.csv", "societes.csv", "absences.csv",
                "convocations.csv", "entretiens.csv", "actions.csv",
                "formations.csv", "abondements.csv", "positions.csv",
                "mandats.csv"]
parts = {}
for name in import_order:
    path = os.path.join(export, name)
    parts[name] = open(path, "rb").read().splitlines(True) \
        if os.path.exists(path) else [b"matricule\r\n"]
companies = [l.split(b";")[0] for l in parts["societes.csv"][1:]]
for c in companies:
    ids = set(l.split(b";")[0] for l in parts["salaries.csv"][1:]
              if l.split(b";")[1] == c)
    seed = []
    for name in import_order:
        lines = parts[name]
        keep = [lines[0]] + [l for l in lines[1:]
                             if l.split(b";")[0] in ids or
                             (name == "societes.csv" and l.startswith(c + b";"))]
        seed.append(b"".join(keep))
    put(import_dir, "export-%s" % c.decode().lstrip("\ufeff"),
        b"\n%%\n".join(seed))

# Dictionaries: the names of the schema and of the template language.
def names(paths, patterns):
    found = set()
    for p in paths:
        text = open(p, encoding="utf-8").read()
        for pat in patterns:
            found.update(re.findall(pat, text))
    return sorted(found)


def write_dict(path, tokens):
    with open(path, "w", encoding="utf-8") as f:
        for t in tokens:
            f.write('"%s"\n' % t.replace("\\", "\\\\").replace('"', '\\"'))


xml_tokens = ["<?xml version=\"1.0\"?>", "<!DOCTYPE", "<![CDATA[", "]]>",
              "&amp;", "&#", "=\"", "/>", "</", "<!--", "-->",
              "xmlns:xi=\"http://www.w3.org/2001/XInclude\""]
schema_names = names([os.path.join(root, "schema", "dossier.rng")],
                     [r'name="([a-z][a-z-]*)"', r"<value>([^<]+)</value>"])
write_dict(os.path.join(out, "dossier.dict"),
           xml_tokens + schema_names + ["2024-02-29", "2026-11-26T14:00",
                                        "true", "false"])
tpl_names = names(glob.glob(os.path.join(root, "templates", "*.xml")),
                  [r"<([a-z][a-z-]*)", r'="([a-z][a-z0-9.-]*)"',
                   r"([a-z-]+)="])
write_dict(os.path.join(out, "template.dict"), xml_tokens + tpl_names)
import_names = names([os.path.join(root, "gen", "import_columns.c")],
                     [r'"([a-z][a-z_]+)"'])
def write_bytes_dict(path, tokens):
    """A dictionary whose tokens may hold line ends: written \\xNN."""
    with open(path, "w", encoding="ascii") as f:
        for t in tokens:
            f.write('"%s"\n' % "".join(
                c if 32 <= ord(c) < 127 and c not in '"\\' else
                "\\x%02X" % ord(c) for c in t))


write_bytes_dict(os.path.join(out, "import.dict"),
           import_names + [";", ",", '"', '""', "\r\n", "\n%%\n",
                           "04/09/2017", "2017-09-04", "Oui", "Non", "0,35",
                           "=HYPERLINK("])
write_dict(os.path.join(out, "date.dict"),
           ["-", "T", ":", "-02-29", "-12-31", "1900", "2199", "2200"])
print("seeds: %d dossier seeds, %d templates, %d dates"
      % (n, len(targets), len(os.listdir(date))))
