#!/usr/bin/env python3
"""Writes dossier XML files as the CSV export of doc/import.md.

Used to make samples/export/ from samples/, the three encodings of the
import test, and the 50 000 employees of `make bench`.  It plays the HRIS:
it is the independent side of the round trip (XML -> CSV -> parcours
import -> XML), so it knows nothing of parcours' code.

  xml2csv.py [--sep ';'] [--bom] [--encoding cp1252] [--dates fr]
             [--english] [--cp1252-only] -o DIR FILE.xml...
"""
import argparse
import csv
import os
import sys
import xml.etree.ElementTree as ET

# (French header, English header, getter(element) -> str or None)
def A(name):
    return lambda e: e.get(name)


def T(path):
    def get(e):
        x = e.find(path)
        return None if x is None or x.text is None else x.text.strip()
    return get


def line(path, i):
    def get(e):
        x = e.find(path)
        if x is None:
            return None
        lines = x.findall("line")
        return lines[i].text.strip() if i < len(lines) else None
    return get


def rule(name):
    return lambda c: (c.find("rules").get(name)
                      if c.find("rules") is not None else None)


COMPANY = [
    ("societe", "company_id", A("id")),
    ("raison_sociale", "company_name", T("name")),
    ("siret", "company_siret", T("siret")),
    ("effectif", "company_headcount", T("headcount")),
    ("societe_adresse_1", "company_address_1", line("address", 0)),
    ("societe_adresse_2", "company_address_2", line("address", 1)),
    ("societe_adresse_3", "company_address_3", line("address", 2)),
    ("societe_code_postal", "company_postcode", T("address/postcode")),
    ("societe_ville", "company_city", T("address/city")),
    ("signataire", "signatory_name", T("signatory/name")),
    ("signataire_fonction", "signatory_title", T("signatory/title")),
    ("regime", "regime", rule("regime")),
    ("date_reforme", "reform_date", rule("reform-date")),
    ("periodicite_mois", "periodicity_months", rule("periodicity-months")),
    ("delai_proposition_retour", "return_offer_days",
     rule("return-offer-days")),
    ("montant_abondement", "abondement_eur", rule("abondement-eur")),
]

EMPLOYEE = [
    ("matricule", "employee_id", lambda d: d.get("id")),
    ("societe", "company_id", lambda d: d.get("_company")),
    ("civilite", "civility", T("employee/civility")),
    ("prenom", "given_name", T("employee/given-name")),
    ("nom", "family_name", T("employee/family-name")),
    ("date_naissance", "birth_date", T("employee/birth-date")),
    ("adresse_1", "address_1", line("employee/address", 0)),
    ("adresse_2", "address_2", line("employee/address", 1)),
    ("adresse_3", "address_3", line("employee/address", 2)),
    ("code_postal", "postcode", T("employee/address/postcode")),
    ("ville", "city", T("employee/address/city")),
    ("courriel", "email", T("employee/email")),
    ("contrat", "contract", lambda d: d.find("employment").get("contract")),
    ("date_embauche", "hire_date",
     lambda d: d.find("employment").get("hire-date")),
    ("date_anciennete", "seniority_date",
     lambda d: d.find("employment").get("seniority-date")),
    ("date_sortie", "exit_date",
     lambda d: d.find("employment").get("exit-date")),
    ("poste", "job_title", T("employment/job-title")),
    ("service", "department", T("employment/department")),
    ("responsable", "manager", T("employment/manager")),
    ("date_remise_notice", "notice_delivered",
     lambda d: d.find("notice").get("delivered")
     if d.find("notice") is not None else None),
    ("mode_remise_notice", "notice_method",
     lambda d: d.find("notice").get("method")
     if d.find("notice") is not None else None),
]

TEXT = lambda e: e.text.strip() if e.text else None

RECORDS = {
    "positions": ("employment/positions/position", [
        ("debut", "start", A("start")), ("fin", "end", A("end")),
        ("poste", "job_title", TEXT)]),
    "absences": ("absences/absence", [
        ("type", "kind", A("kind")), ("debut", "start", A("start")),
        ("fin", "end", A("end"))]),
    "mandats": ("mandates/mandate", [
        ("type", "kind", A("kind")), ("debut", "start", A("start")),
        ("fin", "end", A("end")),
        ("part_delegation", "delegation_share", A("delegation-share"))]),
    "visites-medicales": ("medical-visits/visit", [
        ("type", "kind", A("kind")), ("date", "date", A("date"))]),
    "formations": ("trainings/training", [
        ("debut", "start", A("start")), ("fin", "end", A("end")),
        ("heures", "hours", A("hours")),
        ("obligatoire", "mandatory", A("mandatory")),
        ("certifiante", "certifying", A("certifying")),
        ("intitule", "title", TEXT)]),
    "certifications": ("certifications/certification", [
        ("date", "date", A("date")), ("type", "kind", A("kind")),
        ("intitule", "title", TEXT)]),
    "progressions": ("progressions/progression", [
        ("date", "date", A("date")), ("type", "kind", A("kind")),
        ("libelle", "description", TEXT)]),
    "abondements": ("abondements/abondement", [
        ("fin_periode", "period_end", A("period-end")),
        ("date_versement", "paid", A("paid")),
        ("montant", "amount_eur", A("amount-eur")),
        ("reference", "reference", A("reference"))]),
    "convocations": ("convocations/convocation", [
        ("id_convocation", "convocation_id", A("id")),
        ("type", "kind", A("kind")), ("date_envoi", "issued", A("issued")),
        ("date_entretien", "date", A("date")), ("lieu", "place", A("place")),
        ("evaluateur", "interviewer", A("interviewer")),
        ("fonction_evaluateur", "interviewer_title",
         A("interviewer-title")),
        ("mode_remise", "delivery", A("delivery")),
        ("numero_lrar", "tracking", A("tracking")),
        ("absence_suivie", "absence", A("absence")),
        ("suite", "outcome", A("outcome")),
        ("date_reponse", "response_date", A("response-date"))]),
    "entretiens": ("interviews/interview", [
        ("id_entretien", "interview_id", A("id")),
        ("type", "kind", A("kind")), ("date", "date", A("date")),
        ("evaluateur", "interviewer", A("interviewer")),
        ("fonction_evaluateur", "interviewer_title",
         A("interviewer-title")),
        ("absence_suivie", "absence", A("absence")),
        ("vaut_entretien_periodique", "counts_as_periodic",
         A("counts-as-periodic")),
        ("poste_et_missions", "report_position", T("report/position")),
        ("competences", "report_skills", T("report/skills")),
        ("difficultes", "report_difficulties", T("report/difficulties")),
        ("souhaits", "report_wishes", T("report/wishes")),
        ("besoins_formation", "report_training_needs",
         T("report/training-needs")),
        ("projet", "report_project", T("report/project")),
        ("informe_vae", "informed_vae",
         lambda e: e.find("report/information").get("vae")
         if e.find("report/information") is not None else None),
        ("informe_cpf", "informed_cpf",
         lambda e: e.find("report/information").get("cpf")
         if e.find("report/information") is not None else None),
        ("informe_abondement", "informed_abondement",
         lambda e: e.find("report/information").get("abondement")
         if e.find("report/information") is not None else None),
        ("informe_cep", "informed_cep",
         lambda e: e.find("report/information").get("cep")
         if e.find("report/information") is not None else None),
        ("mi_carriere", "report_mid_career", T("report/mid-career")),
        ("fin_carriere", "report_end_of_career", T("report/end-of-career")),
        ("reprise", "report_return", T("report/return")),
        ("competences_mandat", "report_mandate_skills",
         T("report/mandate-skills")),
        ("commentaires_salarie", "report_employee_comments",
         T("report/employee-comments")),
        ("commentaires_employeur", "report_employer_comments",
         T("report/employer-comments")),
        ("signature_salarie", "signed_employee",
         lambda e: e.find("signatures").get("employee")
         if e.find("signatures") is not None else None),
        ("signature_employeur", "signed_employer",
         lambda e: e.find("signatures").get("employer")
         if e.find("signatures") is not None else None),
        ("copie_remise", "copy_given",
         lambda e: e.find("signatures").get("copy-given")
         if e.find("signatures") is not None else None)]),
}

BOOLS_FR = {"true": "Oui", "false": "Non"}


def fr_value(header, v, args):
    """What a French Excel shows: 04/09/2017, 0,35, Oui."""
    if v is None:
        return ""
    if args.dates == "fr":
        if len(v) == 10 and v[4] == "-" and v[7] == "-":
            return "%s/%s/%s" % (v[8:10], v[5:7], v[0:4])
        if len(v) == 16 and v[10] == "T":
            return "%s/%s/%s %s" % (v[8:10], v[5:7], v[0:4], v[11:])
        if v in BOOLS_FR:
            return BOOLS_FR[v]
        if header in ("part_delegation", "heures", "delegation_share",
                      "hours"):
            return v.replace(".", ",")
    return v


def encodable(d, encoding):
    try:
        ET.tostring(d, encoding="unicode").encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-o", required=True)
    p.add_argument("--sep", default=",")
    p.add_argument("--bom", action="store_true")
    p.add_argument("--encoding", default="utf-8")
    p.add_argument("--dates", default="iso")
    p.add_argument("--english", action="store_true")
    p.add_argument("--cp1252-only", action="store_true")
    p.add_argument("files", nargs="+")
    args = p.parse_args()
    h = 1 if args.english else 0

    companies, employees = [], []
    records = {k: [] for k in RECORDS}
    actions = []
    for path in args.files:
        root = ET.parse(path).getroot()
        dossiers = [root] if root.tag == "dossier" else root.findall(
            "dossier")
        file_company = root.find("company") if root.tag == "dossiers" \
            else None
        for d in dossiers:
            if args.cp1252_only and not encodable(d, "cp1252"):
                continue
            c = d.find("company") if d.find("company") is not None \
                else file_company
            if c.get("id") not in [x.get("id") for x in companies]:
                companies.append(c)
            d.set("_company", c.get("id"))
            employees.append(d)
            for kind, (path_, cols) in RECORDS.items():
                for e in d.findall(path_):
                    records[kind].append((d.get("id"), e))
            for iv in d.findall("interviews/interview"):
                for a in iv.findall("report/actions/action"):
                    actions.append((d.get("id"), iv.get("id"), a))

    os.makedirs(args.o, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(args.o, name), "w", newline="",
                  encoding=("utf-8-sig" if args.bom else args.encoding)) \
                as f:
            w = csv.writer(f, delimiter=args.sep, lineterminator="\r\n")
            w.writerow(header)
            for r in rows:
                w.writerow([fr_value(hd, v, args)
                            for hd, v in zip(header, r)])

    write("societes.csv", [c[h] for c in COMPANY],
          [[g(c) for _, _, g in (x for x in COMPANY)] for c in companies])
    write("salaries.csv", [c[h] for c in EMPLOYEE],
          [[g(d) for _, _, g in EMPLOYEE] for d in employees])
    for kind, (_, cols) in RECORDS.items():
        if not records[kind]:
            continue
        write(kind + ".csv", ["employee_id" if h else "matricule"] +
              [c[h] for c in cols],
              [[i] + [g(e) for _, _, g in cols] for i, e in records[kind]])
    if actions:
        write("actions.csv",
              ["employee_id" if h else "matricule",
               "interview_id" if h else "id_entretien",
               "kind" if h else "type", "due" if h else "echeance",
               "status" if h else "statut", "action" if h else "libelle"],
              [[i, iv, a.get("kind"), a.get("due"), a.get("status"),
                a.text.strip() if a.text else None]
               for i, iv, a in actions])


if __name__ == "__main__":
    sys.exit(main())
