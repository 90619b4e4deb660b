#!/usr/bin/env python3
# Deterministic generator of valid, varied dossiers (dossier.md, version 1)
# for batch measurements and tests: the same COUNT, --seed and --per-file
# always give the same bytes.  Fictitious people.
#
# usage: bench/gen-dossiers.py [--seed S] [--per-file K] [--until DATE]
#                              COUNT OUTDIR
#
# Writes OUTDIR/batch-NNNNNN.xml, each a <dossiers> file of K dossiers
# (default 50) of one company.  Every event is dated on or before --until
# (default 2026-11-26, the tests' reference date), so that `validate
# --as-of UNTIL` accepts the files without a warning.
import argparse
import datetime as dt
import os
import random
import sys
from xml.sax.saxutils import escape, quoteattr

GIVEN_F = ["Aïcha", "Camille", "Zoë", "Inès", "Małgorzata", "Nguyễn Thị Ánh",
           "Siobhán", "Sofía", "Ana Luísa", "Chloé", "Léa", "Jūratė",
           "Ørnulf", "Hélène", "Émilie", "Björk", "Fatou", "Ágnes"]
GIVEN_M = ["Łukasz", "Mamadou", "Jérôme", "Kévin", "Stéphane", "Joël",
           "Çağan", "Dávid", "João", "Søren", "Jürgen", "Nicolás", "Loïc",
           "Thibault", "Yann", "Piotr", "Ilyès", "François"]
FAMILY = ["Benali", "Żółć", "N'Diaye", "O'Brien", "Dupont-Moreau", "Nguyễn",
          "Müller", "Đorđević", "Gonçalves", "Le Gall", "Østergaard",
          "Szabó", "Garnier", "Hoarau", "Dąbrowska", "Fernández", "Roussel",
          "Lefèvre", "Çelik", "Kovačević", "Martin", "Petit", "Faure",
          "Brière", "Vauclair", "Mercier", "Bonnet", "Lambert", "Rousseau"]
JOBS = ["Conducteur poids lourd", "Agent de quai", "Menuisier poseur",
        "Technicienne de laboratoire", "Comptable", "Chargée de recrutement",
        "Opérateur de production", "Technicien de maintenance",
        "Assistante de direction", "Développeur", "Cariste",
        "Responsable qualité"]
DEPTS = ["Exploitation", "Entrepôt", "Production", "Administration",
         "Qualité", "Maintenance", "Ressources humaines", "Informatique"]
TRAININGS = [("Sauveteur secouriste du travail (SST)", True, 14),
             ("Habilitation électrique B1V", True, 21),
             ("CACES R489 recyclage", True, 7),
             ("Éco-conduite", False, 14),
             ("Anglais professionnel", False, 40),
             ("Tutorat en entreprise", False, 14),
             ("Gestion du temps et des priorités", False, 7),
             ("Excel avancé", False, 14)]
CITIES = [("45000", "Orléans"), ("35000", "Rennes"), ("31000", "Toulouse"),
          ("69003", "Lyon"), ("13002", "Marseille"), ("59000", "Lille"),
          ("67000", "Strasbourg"), ("97400", "Saint-Denis")]
STREETS = ["rue des Carmes", "allée des Tilleuls", "boulevard de Verdun",
           "rue Émile-Zola", "place du Martroi", "chemin des Vignes"]
RETURN_ABSENCES = ["maternity", "parental-leave", "sabbatical",
                   "long-illness", "caregiver"]

UNTIL = dt.date(2026, 11, 26)


def iso(d):
    return d.isoformat()


def add_days(d, n):
    return d + dt.timedelta(days=n)


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    for day in (d.day, 30, 29, 28):
        try:
            return dt.date(y, m, day)
        except ValueError:
            pass
    raise ValueError(d)


def rand_date(r, lo, hi):
    return add_days(lo, r.randrange((hi - lo).days + 1))


def weekday(d):
    """The next Monday to Thursday on or after d."""
    while d.weekday() > 3:
        d = add_days(d, 1)
    return d


def address(r, indent):
    postcode, city = r.choice(CITIES)
    pad = " " * indent
    return (f"{pad}<address>\n"
            f"{pad}  <line>{r.randrange(1, 120)} {escape(r.choice(STREETS))}</line>\n"
            f"{pad}  <postcode>{postcode}</postcode>\n"
            f"{pad}  <city>{escape(city)}</city>\n"
            f"{pad}</address>\n")


def company(r, n):
    headcount = r.choice([12, 35, 49, 50, 120, 480, 2480])
    rules = ""
    if n % 3 == 1:
        rules = '    <rules regime="auto" periodicity-months="36"/>\n'
    return (f'  <company id="GEN{n}">\n'
            f"    <name>Société générée n° {n} SAS</name>\n"
            f"    <headcount>{headcount}</headcount>\n"
            + address(r, 4) +
            "    <signatory>\n"
            "      <name>Claire Dubois</name>\n"
            "      <title>Directrice des ressources humaines</title>\n"
            "    </signatory>\n" + rules +
            "  </company>\n")


def report(r):
    parts = ["<position>Missions du poste, évolution depuis le dernier "
             "entretien.</position>",
             "<skills>Maîtrise des outils ; autonomie croissante.</skills>",
             "<wishes>Évoluer vers un poste de référent.</wishes>",
             "<training-needs>Formation de tuteur.</training-needs>"]
    if r.random() < 0.5:
        parts.append('<actions><action kind="training" due="2027-06-30">'
                     "Formation « Tutorat en entreprise »</action></actions>")
    parts.append('<information vae="true" cpf="true" abondement="%s" '
                 'cep="true"/>' % ("true" if r.random() < 0.5 else "false"))
    return "<report>" + "".join(parts) + "</report>"


def dossier(r, ident, until):
    mme = r.random() < 0.5
    given = r.choice(GIVEN_F if mme else GIVEN_M)
    family = r.choice(FAMILY)
    birth = rand_date(r, dt.date(1960, 1, 1), dt.date(2002, 12, 31))
    hire = rand_date(r, dt.date(2008, 1, 1), add_days(until, -30))
    if hire < add_months(birth, 12 * 18):
        hire = add_months(birth, 12 * 18)
    if hire > add_days(until, -30):
        hire = add_days(until, -30)
    contract = r.choices(["CDI", "CDD", "apprentissage", "interim"],
                         [80, 10, 6, 4])[0]
    exit_date = None
    if r.random() < 0.08:
        exit_date = rand_date(r, add_days(hire, 200), add_days(until, 400))
    out = [f'  <dossier id="{ident}">\n', "    <employee>\n",
           f"      <civility>{'Mme' if mme else 'M.'}</civility>\n",
           f"      <given-name>{escape(given)}</given-name>\n",
           f"      <family-name>{escape(family)}</family-name>\n",
           f"      <birth-date>{iso(birth)}</birth-date>\n",
           address(r, 6), "    </employee>\n"]
    attrs = f'contract="{contract}" hire-date="{iso(hire)}"'
    if exit_date is not None:
        attrs += f' exit-date="{iso(exit_date)}"'
    out += [f"    <employment {attrs}>\n",
            f"      <job-title>{escape(r.choice(JOBS))}</job-title>\n",
            f"      <department>{escape(r.choice(DEPTS))}</department>\n",
            "    </employment>\n"]
    if hire >= dt.date(2014, 3, 7) and r.random() < 0.85:
        out.append(f'    <notice delivered="{iso(hire)}" method="hand"/>\n')

    last = min(until, exit_date) if exit_date else until
    absence = None
    if r.random() < 0.15 and (last - hire).days > 500:
        start = rand_date(r, add_days(hire, 90), add_days(last, -200))
        end = add_days(start, r.randrange(60, 300))
        if end < last:
            absence = (r.choice(RETURN_ABSENCES), start, end)
            out.append("    <absences>\n"
                       f'      <absence kind="{absence[0]}" '
                       f'start="{iso(start)}" end="{iso(end)}"/>\n'
                       "    </absences>\n")

    trainings = []
    for _ in range(r.randrange(0, 4)):
        title, mandatory, hours = r.choice(TRAININGS)
        start = rand_date(r, hire, last)
        trainings.append((start, title, mandatory, hours))
    trainings.sort()
    if trainings:
        out.append("    <trainings>\n")
        for start, title, mandatory, hours in trainings:
            out.append(f'      <training start="{iso(start)}" hours="{hours}"'
                       f' mandatory="{"true" if mandatory else "false"}">'
                       f"{escape(title)}</training>\n")
        out.append("    </trainings>\n")

    # Periodic interviews roughly every two years, some missed, some
    # refused; a return interview after the absence.
    conv, inter = [], []
    who = ('interviewer="Jean Roux" interviewer-title="Chef de service"'
           ' place="Salle de réunion, siège"')
    when = add_months(hire, r.choice([12, 20, 24]))
    events = []
    while when <= add_days(last, -21):
        events.append(("periodic", weekday(when)))
        when = add_months(when, r.choice([22, 24, 26, 30]))
    if absence is not None:
        ret = weekday(add_days(absence[2], 10))
        if ret <= add_days(last, -21):
            events.append(("return", ret))
    events.sort(key=lambda e: e[1])
    for kind, day in events:
        n = len(conv) + 1
        issued = add_days(day, -r.randrange(14, 28))
        fate = r.random()
        extra = f' absence="{absence[0]}"' if kind == "return" else ""
        if kind == "periodic" and fate < 0.12:
            conv.append(f'      <convocation id="C{n}" kind="{kind}" '
                        f'issued="{iso(issued)}" date="{iso(day)}T10:00" '
                        f'{who} delivery="registered-mail" '
                        f'tracking="1A {n:03d} 456 7890 1" outcome="refused" '
                        f'response-date="{iso(add_days(issued, 5))}"/>\n')
            continue
        if fate < 0.22:
            conv.append(f'      <convocation id="C{n}" kind="{kind}" '
                        f'issued="{iso(issued)}" date="{iso(day)}T10:00" '
                        f'{who} delivery="hand"{extra} outcome="absent"/>\n')
            n += 1
            issued, day = add_days(day, 3), weekday(add_days(day, 17))
            if day > last:
                continue
        if fate > 0.9:
            continue  # never convened: a missed due date
        conv.append(f'      <convocation id="C{n}" kind="{kind}" '
                    f'issued="{iso(issued)}" date="{iso(day)}T10:00" {who} '
                    f'delivery="hand"{extra} outcome="held"/>\n')
        iv = (f'      <interview id="I{len(inter) + 1}" kind="{kind}"'
              f'{extra} date="{iso(day)}" interviewer="Jean Roux" '
              'interviewer-title="Chef de service"'
              + (' counts-as-periodic="true"' if kind == "return" else "")
              + ">")
        if r.random() < 0.5:
            iv += report(r)
        iv += (f'<signatures employee="{iso(day)}" employer="{iso(day)}" '
               f'copy-given="{iso(day)}"/></interview>\n')
        inter.append(iv)
    if conv:
        out += ["    <convocations>\n"] + conv + ["    </convocations>\n"]
    if inter:
        out += ["    <interviews>\n"] + inter + ["    </interviews>\n"]
    out.append("  </dossier>\n")
    return "".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--per-file", type=int, default=50)
    p.add_argument("--until", default=UNTIL.isoformat())
    p.add_argument("count", type=int)
    p.add_argument("outdir")
    a = p.parse_args()
    until = dt.date.fromisoformat(a.until)
    r = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    done, nfile = 0, 0
    while done < a.count:
        nfile += 1
        k = min(a.per_file, a.count - done)
        body = ['<?xml version="1.0" encoding="UTF-8"?>\n',
                f"<!-- bench/gen-dossiers.py, seed {a.seed}: fictitious "
                "people -->\n", '<dossiers version="1">\n',
                company(r, nfile % 7)]
        for i in range(k):
            body.append(dossier(r, f"G{a.seed}-{done + i + 1:07d}", until))
        body.append("</dossiers>\n")
        path = os.path.join(a.outdir, f"batch-{nfile:06d}.xml")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(body))
        done += k
    return 0


if __name__ == "__main__":
    sys.exit(main())
