#!/usr/bin/env python3
"""Independent oracle for `parcours letters` (rules.md §9, documents.md §4).

Reads the dossiers itself, works out which letters rules.md §9 calls for
and what each must say, then checks a run's output directory: the .odt
files written (no more, no fewer) and the text LibreOffice extracted from
each (FILE.txt beside FILE.odt, made by check.sh).  Prints the expected
letters, one per line, then the problems found; exits 1 if any.

usage: letters_oracle.py --as-of DATE --out DIR [--company FILE] INPUT...
"""
import datetime
import os
import re
import sys
import xml.etree.ElementTree as ET

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
            "dimanche"]
ABSENCES = {
    "maternity": "congé de maternité",
    "adoption": "congé d’adoption",
    "parental-leave": "congé parental d’éducation",
    "parental-part-time": "temps partiel parental",
    "caregiver": "congé de proche aidant",
    "sabbatical": "congé sabbatique",
    "secure-mobility": "période de mobilité volontaire sécurisée",
    "long-illness": "arrêt de longue maladie",
    "union-mandate": "mandat syndical",
}


def day(s):
    return datetime.date.fromisoformat(s)


def words(d):
    """4 septembre 2017, 1er janvier 2022."""
    n = "1er" if d.day == 1 else str(d.day)
    return f"{n} {MONTHS[d.month - 1]} {d.year}"


def full(dt):
    """lundi 10 janvier 2022 à 14 h 00."""
    d = day(dt[:10])
    h, m = int(dt[11:13]), int(dt[14:16])
    return f"{WEEKDAYS[d.weekday()]} {words(d)} à {h} h {m:02d}"


def text(el, path, default=None):
    x = el.find(path)
    return x.text.strip() if x is not None and x.text else default


def inputs(paths):
    for p in paths:
        if os.path.isdir(p):
            for name in sorted(os.listdir(p)):
                if name.endswith(".xml"):
                    yield os.path.join(p, name)
        else:
            yield p


def dossiers(paths, company_file):
    fallback = ET.parse(company_file).getroot() if company_file else None
    for path in inputs(paths):
        root = ET.parse(path).getroot()
        shared = root.find("company") if root.tag == "dossiers" else None
        found = root.findall("dossier") if root.tag == "dossiers" else [root]
        for d in found:
            company = d.find("company")
            if company is None:
                company = shared if shared is not None else fallback
            yield d, company


def regime_2025(company, date):
    rules = company.find("rules")
    forced = rules.get("regime", "auto") if rules is not None else "auto"
    if forced != "auto":
        return forced == "2025"
    reform = rules.get("reform-date") if rules is not None else None
    return date >= day(reform or "2025-10-26")


def letters(d, as_of):
    """(kind, convocation, date, previous, repeated) in §9's order."""
    convs = [c for c in d.iter("convocation") if day(c.get("issued")) <= as_of]
    convs.sort(key=lambda c: c.get("issued"))  # stable: document order
    held = [day(i.get("date")) for i in d.iter("interview")]
    held += [day(c.get("date")[:10]) for c in d.iter("convocation")
             if c.get("outcome") == "held"]
    out, prev = [], {}
    for i, c in enumerate(convs):
        kind, p = c.get("kind"), prev.get(c.get("kind"))
        prev[kind] = c
        if kind == "return":
            out.append(("letter-proposal", c, day(c.get("issued")), None,
                        False))
            if c.get("outcome") == "declined":
                out.append(("letter-decline-record", c,
                            day(c.get("response-date")), None, False))
            continue
        if p is not None and p.get("outcome") in ("absent", "cancelled"):
            out.append(("letter-reconvocation", c, day(c.get("issued")), p,
                        False))
        else:
            out.append(("letter-convocation", c, day(c.get("issued")), None,
                        False))
        if c.get("outcome") == "refused":
            when = day(c.get("date")[:10])
            last = max([h for h in held if h < when and h <= as_of],
                       default=datetime.date.min)
            repeated = any(e.get("kind") == kind and
                           e.get("outcome") == "refused" and
                           day(e.get("date")[:10]) > last
                           for e in convs[:i])
            out.append(("letter-refusal-record", c,
                        day(c.get("response-date")), None, repeated))
    return [x for x in out if x[2] <= as_of]


def typographic(s):
    """Dossier text other than names is set with ’ (documents.md)."""
    return s.replace("'", "\u2019")


def phrases(d, company, letter):
    """What the letter must say, and what it must not."""
    kind, c, date, prev, repeated = letter
    e = d.find("employee")
    civ = text(e, "civility", "")
    name = " ".join(x for x in (civ, text(e, "given-name"),
                                text(e, "family-name").upper()) if x)
    salutation = {"Mme": "Madame", "M.": "Monsieur"}.get(civ,
                                                       "Madame, Monsieur")
    term = ("entretien de parcours professionnel"
            if regime_2025(company, date) else "entretien professionnel")
    want = [name, text(company, "name"),
            f"{text(company, 'address/city')}, le {words(date)}",
            f"{salutation},", f"Nous vous prions d’agréer, {salutation},",
            text(company, "signatory/name"),
            typographic(text(company, "signatory/title")),
            "Objet :", term]
    for line in e.iter("line"):
        want.append(line.text.strip())
    unwanted = []
    delivery = c.get("delivery")
    record = kind.endswith("-record")
    if delivery == "hand":
        want += ["Lettre remise en main propre contre décharge", "Reçu le"]
    else:
        unwanted.append("Reçu le")
    if delivery == "registered-mail":
        want.append("Lettre recommandée avec accusé de réception")
        if c.get("tracking") and not record:
            want.append("n° " + c.get("tracking"))
    if delivery == "email":
        want.append("Envoyée par courriel")
    if kind in ("letter-convocation", "letter-reconvocation",
                "letter-proposal"):
        want += [full(c.get("date")), typographic(c.get("place")),
                 c.get("interviewer"),
                 "ne porte pas sur l’évaluation de votre travail",
                 "temps de travail"]
    if kind == "letter-convocation":
        want.append("conseil en évolution professionnelle")
    if kind == "letter-reconvocation":
        want.append(full(prev.get("date")))
        want.append("annulé" if prev.get("outcome") == "cancelled"
                    else "ne vous êtes pas présent")
    if kind == "letter-proposal":
        want += [ABSENCES.get(c.get("absence"), "absence"),
                 "libre d’accepter ou de décliner", "j’accepte",
                 "je ne souhaite pas", "Date :", "Signature"]
    if kind == "letter-refusal-record":
        want += [words(day(c.get("issued"))), full(c.get("date")),
                 words(date), "Nous prenons acte de votre refus"]
        (want if repeated else unwanted).append(
            "fait partie de l’exécution normale de votre contrat de travail")
    if kind == "letter-decline-record":
        want += [words(day(c.get("issued"))), full(c.get("date")),
                 words(date), "Cette proposition reste ouverte"]
    return want, unwanted


def normal(s):
    """One line, plain spaces: justified text breaks anywhere."""
    return re.sub(r"\s+", " ", s.replace("\u202f", " ").replace("\xa0", " "))


def main(argv):
    args, as_of, out, company = [], None, None, None
    it = iter(argv)
    for a in it:
        if a == "--as-of":
            as_of = day(next(it))
        elif a == "--out":
            out = next(it)
        elif a == "--company":
            company = next(it)
        else:
            args.append(a)
    expected, problems = {}, []
    for d, comp in dossiers(args, company):
        for letter in letters(d, as_of):
            key = (d.get("id"), letter[0], letter[2].isoformat())
            # Two letters of one name and date: the later one carries
            # its convocation's id (cmd_letters.c).
            if key in expected:
                key += (letter[1].get("id"),)
            expected[key] = phrases(d, comp, letter)
    pattern = re.compile(r"^([^/]+)/\1_[A-Z0-9-]+_(letter-[a-z-]+)_"
                         r"(\d{4}-\d\d-\d\d)(?:_([A-Za-z0-9-]+))?\.odt$")
    written = {}
    for top, _, files in os.walk(out):
        for f in files:
            rel = os.path.relpath(os.path.join(top, f), out)
            if not f.endswith(".odt") or rel == "merged.odt":
                continue
            m = pattern.match(rel)
            if m is None:
                problems.append(f"unexpected file name {rel}")
                continue
            written[tuple(g for g in m.groups() if g is not None)] = rel
    for key in sorted(expected):
        print(" ".join(key))
    for key in sorted(set(written) - set(expected)):
        problems.append(f"letter not called for: {written[key]}")
    for key in sorted(set(expected) - set(written)):
        problems.append(f"letter missing: {' '.join(key)}")
    for key in sorted(set(expected) & set(written)):
        txt = os.path.join(out, written[key][:-4] + ".txt")
        with open(txt, encoding="utf-8") as fh:
            body = normal(fh.read())
        want, unwanted = expected[key]
        for w in want:
            if normal(w) not in body:
                problems.append(f"{written[key]}: no \"{w}\"")
        for u in unwanted:
            if normal(u) in body:
                problems.append(f"{written[key]}: unexpected \"{u}\"")
    for p in problems:
        print("FAIL", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
