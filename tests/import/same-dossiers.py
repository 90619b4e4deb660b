#!/usr/bin/env python3
"""Exit 0 if two sets of dossier files hold the same dossiers.

Each dossier is compared with its company (its own, or its file's),
attributes in any order, white space at the ends of texts ignored, as
dossier.md reads them.  Prints the first difference otherwise.
  same-dossiers.py DIR_OR_FILES_A -- DIR_OR_FILES_B
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET


def canon(e):
    text = (e.text or "").strip()
    children = [canon(c) for c in e]
    if e.tag == "report":  # an interleave: its order carries nothing
        children.sort()
    return (e.tag, tuple(sorted(e.attrib.items())), text, tuple(children))


def dossiers(paths):
    files = []
    for p in paths:
        files += sorted(glob.glob(os.path.join(p, "*.xml"))) \
            if os.path.isdir(p) else [p]
    out = {}
    for f in files:
        root = ET.parse(f).getroot()
        company = root.find("company") if root.tag == "dossiers" else None
        for d in ([root] if root.tag == "dossier" else root.findall("dossier")):
            c = d.find("company")
            if c is not None:
                d.remove(c)
            else:
                c = company
            out[d.get("id")] = (canon(c), canon(d))
    return out


def main():
    i = sys.argv.index("--")
    a, b = dossiers(sys.argv[1:i]), dossiers(sys.argv[i + 1:])
    if sorted(a) != sorted(b):
        print("different dossier ids:", sorted(set(a) ^ set(b)))
        return 1
    for k in sorted(a):
        if a[k] != b[k]:
            print("dossier %s differs" % k)
            return 1
    print("%d dossiers, the same" % len(a))
    return 0


if __name__ == "__main__":
    sys.exit(main())
