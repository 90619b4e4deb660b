#!/usr/bin/python3
# Peer of `parcours report`: the interview reports drawn with ReportLab
# (Debian's python3-reportlab), as a Python shop would write them with
# platypus: the same text (our document trees, from `parcours report
# --format tree`), the same Open Sans faces embedded, A4, wrapped and
# justified paragraphs, ruled tables whose header row repeats on the next
# page, check boxes, signature blocks and a "page N / M" footer.  One
# warm process renders every document.
#
# usage: reportlab-report.py DUMP FONTS_DIR OUTDIR [MAX_DOCS]
# Prints one JSON line: {"docs","wall_s","cpu_s","bytes"}, measured after
# a first, untimed document (the warm-up).  Uses Debian's python3 (the
# package's), not one on the PATH.
import json
import os
import sys
import time
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import (KeepTogether, Paragraph, SimpleDocTemplate,
                                Spacer, Table, TableStyle)


def unquote(s, i):
    """One quoted string of the dump at s[i] == '"': (value, next i)."""
    out = []
    i += 1
    while i < len(s) and s[i] != '"':
        c = s[i]
        if c != "\\":
            out.append(c)
        else:
            i += 1
            c = s[i]
            if c == "n":
                out.append("\n")
            elif c == "t":
                out.append("\t")
            elif c == "x":
                out.append(chr(int(s[i + 1:i + 3], 16)))
                i += 2
            else:
                out.append(c)
        i += 1
    return "".join(out), i + 1


def parse_line(body):
    """A node line: (type, words, attrs, text), as tree.js reads it."""
    node = {"words": [], "attrs": {}, "text": None, "children": []}
    tokens = []
    i = 0
    while i < len(body):
        if body[i] == " ":
            i += 1
        elif body[i] == '"':
            node["text"], i = unquote(body, i)
        else:
            j = i
            while j < len(body) and body[j] not in " =":
                j += 1
            word = body[i:j]
            if j < len(body) and body[j] == "=":
                if body[j + 1:j + 2] == '"':
                    node["attrs"][word], i = unquote(body, j + 1)
                else:
                    k = body.find(" ", j + 1)
                    k = len(body) if k < 0 else k
                    node["attrs"][word] = body[j + 1:k]
                    i = k
            else:
                tokens.append(word)
                i = j
    node["type"] = tokens[0] if tokens else ""
    node["words"] = tokens[1:]
    return node


def read_dump(path):
    docs, stack = [], None
    with open(path, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.startswith("== "):
                stack = []
                docs.append({"path": line[3:], "root": None})
                continue
            if stack is None or not line.strip():
                continue
            body = line.lstrip(" ")
            depth = (len(line) - len(body)) // 2
            node = parse_line(body)
            if depth == 0:
                docs[-1]["root"] = node
                stack = [node]
                continue
            del stack[depth:]
            stack[depth - 1]["children"].append(node)
            stack.append(node)
    return [d for d in docs if d["root"] is not None]


BODY, SMALL = 9.5, 8
HEADING = {1: 16, 2: 11.5, 3: 10}
FACES = {(False, False): "R", (True, False): "B", (False, True): "I",
         (True, True): "BI"}


def style(name, size, align=TA_LEFT, font="R"):
    return ParagraphStyle(name, fontName=font, fontSize=size,
                          leading=size * 1.3, alignment=align,
                          spaceAfter=size * 0.4)


STYLES = {}


def par_style(words):
    size = SMALL if "small" in words else BODY
    align = (TA_CENTER if "center" in words else TA_RIGHT if "right" in words
             else TA_JUSTIFY if "justify" in words else TA_LEFT)
    key = (size, align)
    if key not in STYLES:
        STYLES[key] = style("p%d" % len(STYLES), size, align)
    return STYLES[key]


def markup(node):
    """A paragraph's runs as ReportLab's mini-markup."""
    out = []
    for c in node["children"]:
        t = c["type"]
        if t == "linebreak":
            out.append("<br/>")
        elif t == "checkbox":
            out.append("\u2612 " if "checked" in c["words"] else "\u2610 ")
        elif t == "text":
            face = FACES[("bold" in c["words"], "italic" in c["words"])]
            out.append('<font name="%s">%s</font>'
                       % (face, escape(c["text"] or "")))
        else:
            out.append(markup(c))
    return "".join(out)


def paragraph(node):
    return Paragraph(markup(node), par_style(node["words"]))


def cell_flowables(cell):
    return [flow for c in cell["children"] for flow in flowables(c)]


def table(node, width):
    rows = [[cell_flowables(cell) for cell in row["children"]]
            for row in node["children"] if row["type"] == "row"]
    ncols = max(len(r) for r in rows) if rows else 1
    for r in rows:
        r.extend([""] * (ncols - len(r)))
    w = node["attrs"].get("widths")
    widths = ([float(x) * width for x in w.split(",")] if w
              else [width / ncols] * ncols)
    t = Table(rows, colWidths=widths[:ncols], repeatRows=1)
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8a8f99")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef0f3")),
    ]))
    return [t, Spacer(1, 4)]


def signature(node, width):
    signers = node["children"]
    cols = [cell_flowables(s) + [Spacer(1, 40)] for s in signers]
    t = Table([cols], colWidths=[width / max(1, len(cols))] * len(cols))
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [KeepTogether([t])]


WIDTH = A4[0] - 40 * mm


def flowables(node):
    t = node["type"]
    if t == "heading":
        level = int(node["words"][0]) if node["words"] else 2
        st = style("h%d" % level, HEADING.get(level, BODY),
                   TA_CENTER if level == 1 else TA_LEFT, "B")
        return [Paragraph(escape("".join(
            c["text"] or "" for c in node["children"]
            if c["type"] == "text")), st)]
    if t == "paragraph":
        return [paragraph(node)]
    if t == "table":
        return table(node, WIDTH)
    if t == "signature":
        return signature(node, WIDTH)
    if t == "space":
        n = float(node["words"][0]) if node["words"] else 1
        return [Spacer(1, n * BODY * 0.5)]
    return [f for c in node["children"] for f in flowables(c)]


def numbered_canvas(footer):
    """A canvas that knows the page count when it saves: "page N / M"."""
    class Numbered(canvas.Canvas):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            self.pages = []

        def showPage(self):
            self.pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            n = len(self.pages)
            for state in self.pages:
                self.__dict__.update(state)
                self.setFont("R", 7.5)
                self.setFillColor(colors.HexColor("#666a73"))
                self.drawCentredString(
                    A4[0] / 2, 14 * mm,
                    "%s \u2014 page %d / %d" % (footer, self._pageNumber, n))
                super().showPage()
            super().save()
    return Numbered


def render(doc, out):
    meta = doc["root"]["attrs"]
    os.makedirs(os.path.dirname(out), exist_ok=True)
    pdf = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm,
                            rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=22 * mm, title=meta.get("title"),
                            author=meta.get("author"),
                            subject=meta.get("subject"),
                            keywords=meta.get("keywords"),
                            creator="reportlab peer")
    story = [f for c in doc["root"]["children"] for f in flowables(c)]
    footer = "%s \u2014 %s" % (meta.get("title", ""), meta.get("footer", ""))
    pdf.build(story, canvasmaker=numbered_canvas(footer))
    return os.path.getsize(out)


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: reportlab-report.py DUMP FONTS_DIR OUTDIR [MAX_DOCS]")
    dump, fonts, outdir = sys.argv[1:4]
    for face, name in (("R", "Regular"), ("B", "Bold"), ("I", "Italic"),
                       ("BI", "BoldItalic")):
        pdfmetrics.registerFont(
            TTFont(face, os.path.join(fonts, "OpenSans-%s.ttf" % name)))
    pdfmetrics.registerFontFamily("R", normal="R", bold="B", italic="I",
                                  boldItalic="BI")
    docs = read_dump(dump)
    if len(sys.argv) > 4:
        docs = docs[:int(sys.argv[4]) + 1]
    if len(docs) < 2:
        sys.exit("reportlab-report: need at least two documents")
    render(docs[0], os.path.join(outdir, docs[0]["path"]))  # warm-up
    t0, c0 = time.monotonic(), time.process_time()
    size = sum(render(d, os.path.join(outdir, d["path"])) for d in docs[1:])
    print(json.dumps({"docs": len(docs) - 1,
                      "wall_s": time.monotonic() - t0,
                      "cpu_s": time.process_time() - c0, "bytes": size}))


if __name__ == "__main__":
    main()
