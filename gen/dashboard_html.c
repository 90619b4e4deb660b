/*
 * The dashboard page (dashboard.h): one static HTML file in French,
 * CSS and SVG inline, no script, nothing fetched, so that it opens
 * offline beside the archive and prints on A4 landscape.  Every text
 * from a dossier goes through buf_put_xml().  Figures carry a data-k
 * key (and dates a <time datetime>) so that a test can set them beside
 * the CSVs of the same run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dashboard.h"
#include "report_csv.h"

#ifndef PARCOURS_VERSION
#define PARCOURS_VERSION "dev"
#endif

#define NNBSP "\u202f" /* between thousands */
#define NBSP  "\u00a0"

static const char *const obligation_fr[DASHBOARD_KINDS] = {
    [RULES_OBL_NOTICE] = "Information à l'embauche",
    [RULES_OBL_PERIODIC] = "Entretien périodique",
    [RULES_OBL_RETURN_OFFER] = "Entretien au retour d'absence",
    [RULES_OBL_MID_CAREER] = "Entretien de mi-carrière",
    [RULES_OBL_END_OF_CAREER] = "Entretien de fin de carrière",
    [RULES_OBL_RECAP] = "État des lieux récapitulatif",
};

static const char *const kind_fr[] = {
    [KIND_PERIODIC] = "entretien périodique",
    [KIND_RETURN] = "entretien de reprise",
    [KIND_RECAP] = "état des lieux",
    [KIND_MID_CAREER] = "entretien de mi-carrière",
    [KIND_END_OF_CAREER] = "entretien de fin de carrière",
};

static const char *const month_short[] = {"janv.", "févr.", "mars",  "avr.",
					  "mai",   "juin",  "juil.", "août",
					  "sept.", "oct.",  "nov.",  "déc."};

/* ---- small pieces ---------------------------------------------------- */

/* 12345 as "12 345", with a narrow no-break space. */
static void put_int(struct buf *b, long long v)
{
	char digits[32];
	int n = snprintf(digits, sizeof(digits), "%lld", v < 0 ? -v : v);
	if (v < 0)
		buf_puts(b, "−");
	for (int i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf_puts(b, NNBSP);
		buf_put(b, &digits[i], 1);
	}
}

static void put_eur(struct buf *b, long long v)
{
	put_int(b, v);
	buf_puts(b, NBSP "€");
}

/* A figure with its test key: <td data-k="key">12 345</td>. */
static void cell(struct buf *b, const char *key, long long v)
{
	buf_printf(b, "<td data-k=\"%s\">", key);
	put_int(b, v);
	buf_puts(b, "</td>");
}

static void put_date(struct buf *b, date_t d)
{
	char iso[DATE_ISO_LEN], num[DATE_NUMERIC_LEN];
	buf_printf(b, "<time datetime=\"%s\">%s</time>", date_fmt_iso(d, iso),
		   date_fmt_numeric(d, num));
}

static void put_date_long(struct buf *b, date_t d)
{
	char iso[DATE_ISO_LEN], fr[DATE_FR_LEN];
	buf_printf(b, "<time datetime=\"%s\">%s</time>", date_fmt_iso(d, iso),
		   date_fmt_fr(d, fr));
}

/*
 * The n bytes at s, with a capital first letter if asked: the labels
 * of report_csv.c are lower-case, made for a column of a table, and
 * begin with an ASCII letter or "é".
 */
static void put_capitalised(struct buf *b, const char *s, size_t n,
			    bool capital)
{
	if (capital && n >= 2 && strncmp(s, "é", 2) == 0) {
		buf_puts(b, "É");
		s += 2, n -= 2;
	} else if (capital && n >= 1 && *s >= 'a' && *s <= 'z') {
		char c = (char)(*s - 'a' + 'A');
		buf_put(b, &c, 1);
		s++, n--;
	}
	buf_put_xml_text(b, s, n);
}

static const char *plural(unsigned long n, const char *s)
{
	return n > 1 ? s : "";
}

/* How late: "5 ans et 2 mois", "3 mois", "12 jours". */
static void put_delay(struct buf *b, date_t due, date_t as_of)
{
	int months = date_months_between(due, as_of);
	if (months >= 12) {
		int y = months / 12, m = months % 12;
		buf_printf(b, "%d%san%s", y, NBSP,
			   plural((unsigned long)y, "s"));
		if (m > 0)
			buf_printf(b, " %d%smois", m, NBSP);
	} else if (months >= 1)
		buf_printf(b, "%d%smois", months, NBSP);
	else {
		int days = (int)(as_of - due);
		buf_printf(b, "%d%sjour%s", days, NBSP,
			   plural((unsigned long)days, "s"));
	}
}

/* A capped list's count: "les 200 premières sur 1 234", or "18". */
static void put_shown(struct buf *b, size_t shown, unsigned long total,
		      const char *which, const char *key)
{
	if (shown < total) {
		buf_puts(b, "les ");
		put_int(b, (long long)shown);
		buf_printf(b, " %s sur ", which);
	}
	buf_printf(b, "<span data-k=\"%s\">", key);
	put_int(b, (long long)total);
	buf_puts(b, "</span>");
}

static date_t month_at(const struct dashboard *db, int i)
{
	return date_add_months(db->first_month, i);
}

/* ---- the page's parts ------------------------------------------------ */

static const char css[] =
    ":root{--ink:#1f2933;--muted:#4b5563;--line:#d0d7e2;--soft:#f3f5f8;"
    "--late:#b42318;--late-bar:#d92d20;--late-soft:#fef3f2;--next:#175cd3;"
    "--next-bar:#2e90fa;--ok:#067647;--money:#93370d;--money-soft:#fffaeb}"
    "*{box-sizing:border-box}"
    ".vh{position:absolute;width:1px;height:1px;overflow:hidden;"
    "clip:rect(0 0 0 0);white-space:nowrap}"
    "body{margin:0;font-family:\"Open Sans\",\"Segoe UI\",Arial,sans-serif;"
    "font-size:15px;line-height:1.45;color:var(--ink);background:#eef1f5}"
    "header.top{background:#1e3a5f;color:#fff;padding:20px 32px 18px}"
    "header.top p{margin:0}"
    ".kicker{font-size:13px;letter-spacing:.06em;text-transform:uppercase;"
    "color:#dbe6f3}"
    "h1{margin:4px 0 6px;font-size:28px;font-weight:700}"
    ".asof{font-size:16px;color:#fff}"
    "main{max-width:1320px;margin:0 auto;padding:20px 24px 8px}"
    ".kpis{display:grid;grid-template-columns:repeat(5,1fr);gap:14px;"
    "list-style:none;margin:0 0 18px;padding:0}"
    ".kpi{background:#fff;border-radius:8px;padding:14px 16px;"
    "border-top:5px solid var(--next);box-shadow:0 1px 2px rgba(0,0,0,.08)}"
    ".kpi .v{display:block;font-size:32px;font-weight:700;line-height:1.1;"
    "color:var(--next)}"
    ".kpi .l{display:block;font-weight:600;margin-top:4px}"
    ".kpi .s{display:block;color:var(--muted);font-size:13px}"
    ".kpi.late{border-top-color:var(--late)}.kpi.late .v{color:var(--late)}"
    ".kpi.money{border-top-color:var(--money)}"
    ".kpi.money .v{color:var(--money)}"
    ".kpi.calm{border-top-color:var(--ok)}.kpi.calm .v{color:var(--ok)}"
    ".kpi.plain{border-top-color:#4b5563}.kpi.plain .v{color:#1f2933}"
    ".grid{display:grid;grid-template-columns:1fr 1fr;gap:18px}"
    "section{background:#fff;border-radius:8px;padding:16px 20px 14px;"
    "margin:0 0 18px;box-shadow:0 1px 2px rgba(0,0,0,.08)}"
    ".grid section{margin:0}.grid{margin:0 0 18px}"
    "h2{font-size:19px;margin:0 0 10px;color:#1e3a5f}"
    "p.note{color:var(--muted);font-size:13px;margin:8px 0 0}"
    "table{border-collapse:collapse;width:100%;font-size:14px}"
    "caption{text-align:left;color:var(--muted);font-size:13px;"
    "padding:0 0 6px}"
    "th,td{padding:5px 8px;border-bottom:1px solid var(--line);"
    "text-align:left;vertical-align:top}"
    "thead th{background:var(--soft);font-weight:600;"
    "border-bottom:2px solid var(--line)}"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}"
    "tfoot th,tfoot td{font-weight:700;border-top:2px solid var(--line)}"
    "td.late,.late-t{color:var(--late);font-weight:600}"
    "tbody tr:nth-child(even){background:#fafbfc}"
    "td.basis{font-size:13px;color:var(--muted);min-width:300px}"
    "td.docs{font-size:13px;min-width:190px}"
    "td.docs a{display:block;white-space:nowrap;line-height:18px;"
    "padding:3px 0}"
    "a{color:var(--next)}"
    ".chart svg{width:100%;height:auto;display:block}"
    ".legend{display:flex;gap:18px;font-size:13px;margin:4px 0 8px;"
    "padding:0;list-style:none}"
    ".sw{display:inline-block;width:12px;height:12px;border-radius:2px;"
    "margin-right:6px;vertical-align:-1px}"
    ".cal td,.cal th{text-align:right;padding:4px 5px;font-size:13px}"
    ".cal th[scope=row]{text-align:left}"
    ".meter{display:inline-block;width:90px;height:9px;background:#e5e9f0;"
    "border-radius:5px;margin-left:8px;vertical-align:0;overflow:hidden}"
    ".meter span{display:block;height:100%;background:var(--late-bar)}"
    ".sub{padding-left:24px;font-weight:400;color:var(--muted)}"
    "footer{max-width:1320px;margin:0 auto;padding:0 24px 28px;"
    "color:var(--muted);font-size:13px}"
    ".empty{color:var(--muted);font-style:italic}"
    "@media screen and (max-width:900px){.kpis{grid-template-columns:1fr 1fr}"
    ".grid{grid-template-columns:1fr}}"
    "@page{size:A4 landscape;margin:10mm}"
    "@media print{body{background:#fff;font-size:10pt}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    "header.top{padding:8px 12px}h1{font-size:18pt}"
    "main,footer{max-width:none;padding:6px 0}"
    "section,.kpi{box-shadow:none;border:1px solid var(--line);"
    "break-inside:avoid}"
    "section.long{break-inside:auto}"
    ".kpis{grid-template-columns:repeat(5,1fr)}"
    ".grid{grid-template-columns:1fr 1fr;gap:8px}"
    ".kpis{gap:6px}.kpi{padding:6px 8px}.kpi .v{font-size:20pt}"
    "table{font-size:8.5pt}th,td{padding:2px 4px}"
    "thead{display:table-header-group}tr{break-inside:avoid}"
    "h2{break-after:avoid;font-size:12pt}"
    "a{color:inherit;text-decoration:none}}";

static void head(struct buf *b, const struct dashboard *db)
{
	char fr[DATE_FR_LEN];
	buf_puts(b,
		 "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n"
		 "<meta charset=\"utf-8\">\n"
		 "<meta name=\"viewport\" content=\"width=device-width, "
		 "initial-scale=1\">\n"
		 "<meta name=\"generator\" content=\"parcours " PARCOURS_VERSION
		 "\">\n<title>Campagne des entretiens professionnels au ");
	buf_puts(b, date_fmt_fr(db->as_of, fr));
	buf_puts(b, "</title>\n<style>");
	buf_puts(b, css);
	buf_puts(b, "</style>\n</head>\n<body>\n<header class=\"top\">\n"
		    "<p class=\"kicker\">");
	if (db->company != NULL)
		buf_put_xml(b, db->company);
	else
		buf_puts(b, "Entretiens professionnels");
	buf_puts(b, "</p>\n<h1>Campagne des entretiens professionnels</h1>\n"
		    "<p class=\"asof\">Situation au <strong>");
	put_date_long(b, db->as_of);
	buf_puts(b, "</strong> · ");
	put_int(b, (long long)db->dossiers);
	buf_printf(b, " dossier%s</p>\n</header>\n<main>\n",
		   plural(db->dossiers, "s"));
}

static unsigned long open_total(const struct dashboard *db, int state)
{
	unsigned long n = 0;
	for (int k = 0; k < DASHBOARD_KINDS; k++)
		n += db->open[k][state];
	return n;
}

static void kpi(struct buf *b, const char *class, const char *key, long long v,
		bool eur, const char *label)
{
	buf_printf(b, "<li class=\"kpi %s\"><span class=\"v\" data-k=\"%s\">",
		   class, key);
	if (eur)
		put_eur(b, v);
	else
		put_int(b, v);
	buf_printf(b, "</span><span class=\"l\">%s</span><span class=\"s\">",
		   label);
}

static void kpis(struct buf *b, const struct dashboard *db)
{
	unsigned long late = open_total(db, RULES_OVERDUE);
	buf_puts(b, "<h2 class=\"vh\">Chiffres clés</h2>\n"
		    "<ul class=\"kpis\">\n");
	kpi(b, late > 0 ? "late" : "calm", "kpi-overdue", (long long)late,
	    false, "obligations en retard");
	buf_puts(b, "pour <span data-k=\"kpi-employees-overdue\">");
	put_int(b, (long long)db->employees_overdue);
	buf_printf(b, "</span> salarié%s</span></li>\n",
		   plural(db->employees_overdue, "s"));
	kpi(b, "", "kpi-due-90", (long long)db->due_90, false,
	    "à échéance sous 90 jours");
	buf_puts(b, "sur ");
	put_int(b, (long long)open_total(db, RULES_UPCOMING));
	buf_puts(b, " à venir</span></li>\n");
	kpi(b, "money", "kpi-unpaid-eur", db->unpaid.eur, true,
	    "abondements à verser");
	buf_puts(b, "dus et non versés, ");
	put_int(b, (long long)db->unpaid.employees);
	buf_printf(b, " salarié%s</span></li>\n",
		   plural(db->unpaid.employees, "s"));
	kpi(b, "money", "kpi-projected-eur", db->projected.eur, true,
	    "abondements projetés");
	buf_puts(b, "périodes en cours, ");
	put_int(b, (long long)db->projected.employees);
	buf_printf(b, " salarié%s</span></li>\n",
		   plural(db->projected.employees, "s"));
	kpi(b, "plain", "kpi-refusals", (long long)db->refusals_total, false,
	    "refus sur 12 mois");
	buf_puts(b, "dont ");
	put_int(b, (long long)db->declined_total);
	buf_printf(b, " offre%s déclinée%s</span></li>\n</ul>\n",
		   plural(db->declined_total, "s"),
		   plural(db->declined_total, "s"));
}

static void open_table(struct buf *b, const struct dashboard *db)
{
	buf_puts(b, "<section aria-labelledby=\"h-open\">\n"
		    "<h2 id=\"h-open\">Obligations ouvertes</h2>\n<table>\n"
		    "<caption>Par nature, en retard (échéance passée) ou à "
		    "venir</caption>\n<thead><tr><th scope=\"col\">Obligation"
		    "</th><th scope=\"col\" class=\"n\">En retard</th>"
		    "<th scope=\"col\" class=\"n\">À venir</th>"
		    "<th scope=\"col\" class=\"n\">Total</th></tr></thead>\n"
		    "<tbody>\n");
	for (int k = 0; k < DASHBOARD_KINDS; k++) {
		const char *name = rules_obligation_name(k);
		char key[64];
		buf_printf(b, "<tr><th scope=\"row\">%s</th>",
			   obligation_fr[k]);
		snprintf(key, sizeof(key), "open-%s-overdue", name);
		buf_printf(b, "<td class=\"n%s\" data-k=\"%s\">",
			   db->open[k][RULES_OVERDUE] > 0 ? " late" : "", key);
		put_int(b, (long long)db->open[k][RULES_OVERDUE]);
		buf_puts(b, "</td>");
		snprintf(key, sizeof(key), "open-%s-upcoming", name);
		buf_printf(b, "<td class=\"n\" data-k=\"%s\">", key);
		put_int(b, (long long)db->open[k][RULES_UPCOMING]);
		buf_puts(b, "</td><td class=\"n\">");
		put_int(b, (long long)(db->open[k][0] + db->open[k][1]));
		buf_puts(b, "</td></tr>\n");
	}
	unsigned long late = open_total(db, RULES_OVERDUE);
	unsigned long next = open_total(db, RULES_UPCOMING);
	buf_puts(b, "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>"
		    "<td class=\"n\" data-k=\"open-overdue\">");
	put_int(b, (long long)late);
	buf_puts(b, "</td><td class=\"n\" data-k=\"open-upcoming\">");
	put_int(b, (long long)next);
	buf_puts(b, "</td><td class=\"n\">");
	put_int(b, (long long)(late + next));
	buf_puts(b, "</td></tr></tfoot>\n</table>\n</section>\n");
}

static void money_row(struct buf *b, const char *label, const char *key,
		      const struct dashboard_money *m)
{
	char k[48];
	/* "dont …": a part of the row above. */
	buf_printf(b, "<tr><th scope=\"row\"%s>%s</th>",
		   strncmp(label, "dont ", 5) == 0 ? " class=\"sub\"" : "",
		   label);
	snprintf(k, sizeof(k), "money-%s-eur", key);
	buf_puts(b, "<td class=\"n\"");
	buf_printf(b, " data-k=\"%s\">", k);
	put_eur(b, m->eur);
	snprintf(k, sizeof(k), "money-%s-periods", key);
	buf_printf(b, "</td><td class=\"n\" data-k=\"%s\">", k);
	put_int(b, (long long)m->periods);
	snprintf(k, sizeof(k), "money-%s-employees", key);
	buf_printf(b, "</td><td class=\"n\" data-k=\"%s\">", k);
	put_int(b, (long long)m->employees);
	buf_puts(b, "</td></tr>\n");
}

static void money_table(struct buf *b, const struct dashboard *db)
{
	buf_puts(b, "<section aria-labelledby=\"h-money\">\n"
		    "<h2 id=\"h-money\">Abondements correctifs au CPF</h2>\n"
		    "<table>\n<caption>Sommes des états des lieux "
		    "récapitulatifs (article L6323-13)</caption>\n"
		    "<thead><tr><th scope=\"col\">Situation</th>"
		    "<th scope=\"col\" class=\"n\">Montant</th>"
		    "<th scope=\"col\" class=\"n\">Périodes</th>"
		    "<th scope=\"col\" class=\"n\">Salariés</th></tr></thead>\n"
		    "<tbody>\n");
	money_row(b, "Dus sur les périodes closes", "owed", &db->owed);
	money_row(b, "dont versés au CPF", "paid", &db->paid);
	money_row(b, "dont restant à verser", "unpaid", &db->unpaid);
	money_row(b, "Projetés sur les périodes en cours", "projected",
		  &db->projected);
	buf_puts(b, "</tbody>\n</table>\n<p class=\"note\">Un abondement "
		    "projeté n'est pas encore dû : il le deviendra à la fin "
		    "de la période si rien ne change d'ici là.</p>\n"
		    "</section>\n");
}

/* ---- the calendar: SVG bars and the same figures as a table ---------- */

#define CAL_W	 920
#define CAL_H	 240
#define CAL_LEFT 44
#define CAL_TOP	 44
#define CAL_PLOT 140 /* bar area height */

static unsigned long cal_max(const struct dashboard *db)
{
	unsigned long max = 1;
	for (int i = 0; i < DASHBOARD_MONTHS; i++) {
		unsigned long v = db->month[i][0] + db->month[i][1];
		if (v > max)
			max = v;
	}
	return max;
}

/* A round step for the axis: 1, 2, 5, 10, 20, 50… for about 4 lines. */
static unsigned long cal_step(unsigned long max)
{
	unsigned long step = 1;
	for (;;) {
		static const int mult[] = {1, 2, 5};
		for (int i = 0; i < 3; i++)
			if (max / (step * mult[i]) <= 4)
				return step * mult[i];
		step *= 10;
	}
}

static void cal_svg(struct buf *b, const struct dashboard *db)
{
	unsigned long step = cal_step(cal_max(db));
	unsigned long top = step;
	while (top < cal_max(db))
		top += step;
	double slot = (double)(CAL_W - CAL_LEFT - 8) / DASHBOARD_MONTHS;
	double base = CAL_TOP + CAL_PLOT;
	buf_printf(b,
		   "<svg viewBox=\"0 0 %d %d\" role=\"img\" "
		   "aria-labelledby=\"cal-t cal-d\" "
		   "xmlns=\"http://www.w3.org/2000/svg\">\n"
		   "<title id=\"cal-t\">Échéances par mois</title>\n"
		   "<desc id=\"cal-d\">",
		   CAL_W, CAL_H);
	for (int i = 0; i < DASHBOARD_MONTHS; i++) {
		int y, m, d;
		date_to_ymd(month_at(db, i), &y, &m, &d);
		buf_printf(b, "%s %d : %lu en retard, %lu à venir. ",
			   month_short[m - 1], y, db->month[i][RULES_OVERDUE],
			   db->month[i][RULES_UPCOMING]);
	}
	buf_puts(b, "</desc>\n");
	for (unsigned long v = 0; v <= top; v += step) {
		double y = base - (double)CAL_PLOT * (double)v / (double)top;
		buf_printf(b,
			   "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" "
			   "stroke=\"%s\"/>"
			   "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" "
			   "text-anchor=\"end\" fill=\"#4b5563\">%lu</text>\n",
			   CAL_LEFT, CAL_W - 8, y, y, v ? "#e5e9f0" : "#8a94a6",
			   CAL_LEFT - 6, y + 4, v);
	}
	for (int i = 0; i < DASHBOARD_MONTHS; i++) {
		int y, m, d;
		date_to_ymd(month_at(db, i), &y, &m, &d);
		double x = CAL_LEFT + slot * i + slot * 0.18;
		double w = slot * 0.64, h0 = 0;
		const char *fill[2] = {"#d92d20", "#2e90fa"};
		for (int s = 0; s < 2; s++) {
			double h = (double)CAL_PLOT * (double)db->month[i][s] /
				   (double)top;
			if (h > 0)
				buf_printf(b,
					   "<rect x=\"%.1f\" y=\"%.1f\" "
					   "width=\"%.1f\" height=\"%.1f\" "
					   "fill=\"%s\"/>",
					   x, base - h0 - h, w, h, fill[s]);
			h0 += h;
		}
		unsigned long tot = db->month[i][0] + db->month[i][1];
		if (tot > 0)
			buf_printf(b,
				   "<text x=\"%.1f\" y=\"%.1f\" "
				   "font-size=\"13\" font-weight=\"600\" "
				   "text-anchor=\"middle\" fill=\"#1f2933\">"
				   "%lu</text>",
				   x + w / 2, base - h0 - 5, tot);
		buf_printf(b,
			   "<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\" "
			   "text-anchor=\"middle\" fill=\"#1f2933\">%s"
			   "</text>",
			   x + w / 2, base + 18, month_short[m - 1]);
		if (i == 0 || m == 1)
			buf_printf(b,
				   "<text x=\"%.1f\" y=\"%.1f\" "
				   "font-size=\"12\" text-anchor=\"middle\" "
				   "fill=\"#4b5563\">%d</text>",
				   x + w / 2, base + 34, y);
		buf_puts(b, "\n");
	}
	/* Today, within its month. */
	int y, m, d;
	date_to_ymd(db->as_of, &y, &m, &d);
	date_t first = date_from_ymd(y, m, 1);
	double days = (double)(date_add_months(first, 1) - first);
	double x = CAL_LEFT + slot * DASHBOARD_MONTHS_BEFORE +
		   slot * (double)(d - 1) / days;
	buf_printf(b,
		   "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%.1f\" "
		   "stroke=\"#1f2933\" stroke-width=\"1.5\" "
		   "stroke-dasharray=\"4 3\"/>"
		   "<text x=\"%.1f\" y=\"%d\" font-size=\"12\" "
		   "text-anchor=\"middle\" fill=\"#1f2933\">aujourd'hui"
		   "</text>\n</svg>\n",
		   x, x, CAL_TOP - 22, base, x, CAL_TOP - 28);
}

static void cal_table(struct buf *b, const struct dashboard *db)
{
	buf_puts(b, "<table class=\"cal\">\n<caption>Les mêmes chiffres, "
		    "mois par mois</caption>\n<thead><tr><td></td>");
	for (int i = 0; i < DASHBOARD_MONTHS; i++) {
		int y, m, d;
		date_to_ymd(month_at(db, i), &y, &m, &d);
		buf_printf(b, "<th scope=\"col\">%s %d</th>",
			   month_short[m - 1], y % 100);
	}
	buf_puts(b, "</tr></thead>\n<tbody>\n");
	static const char *const label[2] = {"En retard", "À venir"};
	static const char *const state[2] = {"overdue", "upcoming"};
	for (int s = 0; s < 2; s++) {
		buf_printf(b, "<tr><th scope=\"row\">%s</th>", label[s]);
		for (int i = 0; i < DASHBOARD_MONTHS; i++) {
			char iso[DATE_ISO_LEN], key[48];
			date_fmt_iso(month_at(db, i), iso);
			snprintf(key, sizeof(key), "month-%.7s-%s", iso,
				 state[s]);
			cell(b, key, (long long)db->month[i][s]);
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n");
}

static void calendar(struct buf *b, const struct dashboard *db)
{
	buf_puts(b, "<section class=\"chart\" aria-labelledby=\"h-cal\">\n"
		    "<h2 id=\"h-cal\">Calendrier des échéances</h2>\n"
		    "<ul class=\"legend\"><li><span class=\"sw\" "
		    "style=\"background:#d92d20\"></span>En retard (échéance "
		    "passée)</li><li><span class=\"sw\" "
		    "style=\"background:#2e90fa\"></span>À venir</li></ul>\n");
	cal_svg(b, db);
	cal_table(b, db);
	buf_puts(b, "<p class=\"note\">Hors de ces douze mois : "
		    "<span data-k=\"cal-before\">");
	put_int(b, (long long)db->before);
	buf_printf(b, "</span> obligation%s en retard d'avant ",
		   plural(db->before, "s"));
	int y, m, d;
	date_to_ymd(db->first_month, &y, &m, &d);
	buf_printf(b, "%s %d et <span data-k=\"cal-after\">",
		   month_short[m - 1], y);
	put_int(b, (long long)db->after);
	buf_printf(b, "</span> échéance%s plus lointaine%s.</p>\n</section>\n",
		   plural(db->after, "s"), plural(db->after, "s"));
}

/* ---- the overdue list ------------------------------------------------ */

static const char *document_fr(const char *document)
{
	static const struct {
		const char *name, *fr;
	} names[] = {
	    {"notice", "notice"},
	    {"report", "compte rendu"},
	    {"report-blank", "formulaire"},
	    {"recap", "état des lieux"},
	    {"letter-convocation", "convocation"},
	    {"letter-reconvocation", "nouvelle convocation"},
	    {"letter-proposal", "proposition"},
	    {"letter-refusal-record", "prise d'acte du refus"},
	    {"letter-decline-record", "prise d'acte"},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(document, names[i].name) == 0)
			return names[i].fr;
	return document;
}

static void links(struct buf *b, const struct dashboard_overdue *o)
{
	for (size_t i = 0; i < o->nlinks; i++) {
		const struct dashboard_link *l = &o->links[i];
		buf_puts(b, "<a href=\"");
		buf_put_xml(b, l->path);
		buf_puts(b, "\">");
		buf_put_xml(b, document_fr(l->document));
		if (l->date != DATE_NONE) {
			char num[DATE_NUMERIC_LEN];
			buf_printf(b, " du %s", date_fmt_numeric(l->date, num));
		}
		buf_puts(b, "</a> ");
	}
	if (o->ndocs > o->nlinks)
		buf_printf(b, "<small>et %zu autre%s</small>",
			   o->ndocs - o->nlinks,
			   o->ndocs - o->nlinks > 1 ? "s" : "");
}

static void overdue_list(struct buf *b, const struct dashboard *db)
{
	bool dept = db->departments.named > 0;
	buf_puts(b, "<section class=\"long\" aria-labelledby=\"h-late\">\n"
		    "<h2 id=\"h-late\">Obligations en retard</h2>\n");
	if (db->overdue_total == 0) {
		buf_puts(b, "<p class=\"empty\">Aucune obligation en retard."
			    "</p>\n</section>\n");
		return;
	}
	buf_puts(b, "<table>\n<caption>De la plus ancienne à la plus récente"
		    " : ");
	put_shown(b, db->noverdue, db->overdue_total, "premières",
		  "overdue-total");
	buf_printf(b,
		   " (la liste complète est dans status.csv)"
		   "</caption>\n<thead><tr><th scope=\"col\">Échéance</th>"
		   "<th scope=\"col\">Retard</th><th scope=\"col\">Salarié"
		   "</th><th scope=\"col\">Obligation</th>%s"
		   "<th scope=\"col\">Fondement de la date</th>%s</tr>"
		   "</thead>\n<tbody>\n",
		   dept ? "<th scope=\"col\">Service</th>" : "",
		   db->links ? "<th scope=\"col\">Documents</th>" : "");
	for (size_t i = 0; i < db->noverdue; i++) {
		const struct dashboard_overdue *o = &db->overdue[i];
		buf_puts(b, "<tr data-dossier=\"");
		buf_put_xml(b, o->dossier);
		buf_printf(b, "\" data-obligation=\"%s\"><td>",
			   rules_obligation_name(o->kind));
		put_date(b, o->due);
		buf_puts(b, "</td><td class=\"late\">");
		put_delay(b, o->due, db->as_of);
		buf_puts(b, "</td><td>");
		buf_put_xml(b, o->employee);
		buf_puts(b, "<br><small>");
		buf_put_xml(b, o->dossier);
		buf_printf(b, "</small></td><td>%s</td>",
			   obligation_fr[o->kind]);
		if (dept) {
			buf_puts(b, "<td>");
			if (o->department != NULL)
				buf_put_xml(b, o->department);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "<td class=\"basis\">");
		buf_put_xml(b, o->basis);
		buf_puts(b, "</td>");
		if (db->links) {
			buf_puts(b, "<td class=\"docs\">");
			links(b, o);
			buf_puts(b, "</td>");
		}
		buf_puts(b, "</tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

/* ---- refusals, groups, CSE figures ----------------------------------- */

static void refusal_kinds(struct buf *b, const struct dashboard *db)
{
	static const enum interview_kind order[] = {
	    KIND_PERIODIC, KIND_RECAP, KIND_RETURN, KIND_MID_CAREER,
	    KIND_END_OF_CAREER};
	buf_puts(b, "<section aria-labelledby=\"h-refus\">\n"
		    "<h2 id=\"h-refus\">Refus des 12 derniers mois</h2>\n");
	if (db->refusals_total == 0) {
		buf_puts(b, "<p class=\"empty\">Aucun refus ni offre déclinée "
			    "enregistré depuis un an.</p>\n</section>\n");
		return;
	}
	buf_puts(b, "<table>\n<caption>Convocations refusées et offres "
		    "déclinées, par date de réponse</caption>\n<thead><tr>"
		    "<th scope=\"col\">Entretien</th><th scope=\"col\" "
		    "class=\"n\">Refus</th><th scope=\"col\" class=\"n\">"
		    "Offres déclinées</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < sizeof(order) / sizeof(*order); i++) {
		const unsigned long *n = db->refusals_kind[order[i]];
		if (n[0] + n[1] == 0)
			continue;
		const char *fr = kind_fr[order[i]];
		buf_puts(b, "<tr><th scope=\"row\">");
		put_capitalised(b, fr, strlen(fr), true);
		buf_puts(b, "</th><td class=\"n\">");
		put_int(b, (long long)n[0]);
		buf_puts(b, "</td><td class=\"n\">");
		put_int(b, (long long)n[1]);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody>\n<tfoot><tr><th scope=\"row\">Total</th>"
		    "<td class=\"n\">");
	put_int(b, (long long)(db->refusals_total - db->declined_total));
	buf_puts(b, "</td><td class=\"n\">");
	put_int(b, (long long)db->declined_total);
	buf_puts(b, "</td></tr></tfoot>\n</table>\n<p class=\"note\">Un "
		    "refus vaut entretien pour le calcul des échéances "
		    "périodiques ; la liste nominative suit celle des "
		    "retards.</p>\n</section>\n");
}

static void refusals(struct buf *b, const struct dashboard *db)
{
	if (db->refusals_total == 0)
		return;
	bool dept = db->departments.named > 0;
	buf_puts(b, "<section class=\"long\" aria-labelledby=\"h-refus-l\">"
		    "\n<h2 id=\"h-refus-l\">Refus et offres déclinées des 12 "
		    "derniers mois</h2>\n<table>\n<caption>Du plus récent au "
		    "plus ancien : ");
	put_shown(b, db->nrefusals, db->refusals_total, "derniers",
		  "refusals-total");
	buf_printf(b,
		   "</caption>\n<thead><tr><th scope=\"col\">Réponse"
		   "</th><th scope=\"col\">Salarié</th><th scope=\"col\">"
		   "Dossier</th>%s<th scope=\"col\">Entretien</th>"
		   "<th scope=\"col\">Décision</th></tr></thead>\n"
		   "<tbody>\n",
		   dept ? "<th scope=\"col\">Service</th>" : "");
	for (size_t i = 0; i < db->nrefusals; i++) {
		const struct dashboard_refusal *r = &db->refusals[i];
		buf_puts(b, "<tr><td>");
		put_date(b, r->response);
		buf_puts(b, "</td><td>");
		buf_put_xml(b, r->employee);
		buf_puts(b, "</td><td>");
		buf_put_xml(b, r->dossier);
		buf_puts(b, "</td>");
		if (dept) {
			buf_puts(b, "<td>");
			if (r->department != NULL)
				buf_put_xml(b, r->department);
			buf_puts(b, "</td>");
		}
		buf_printf(b, "<td>%s</td><td>%s</td></tr>\n", kind_fr[r->kind],
			   r->declined ? "offre déclinée" : "refus");
	}
	buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static int group_cmp(const void *pa, const void *pb)
{
	const struct dashboard_group *a =
	    *(const struct dashboard_group *const *)pa;
	const struct dashboard_group *b =
	    *(const struct dashboard_group *const *)pb;
	if (a->overdue != b->overdue)
		return a->overdue > b->overdue ? -1 : 1;
	if (a->employees_overdue != b->employees_overdue)
		return a->employees_overdue > b->employees_overdue ? -1 : 1;
	return strcmp(a->name, b->name);
}

static void group_row(struct buf *b, const struct dashboard_group *g,
		      const char *name)
{
	buf_puts(b, "<tr><th scope=\"row\">");
	buf_put_xml(b, name);
	buf_puts(b, "</th><td class=\"n\">");
	put_int(b, (long long)g->employees);
	buf_puts(b, "</td><td class=\"n\">");
	put_int(b, (long long)g->employees_overdue);
	unsigned pct =
	    g->employees ? (unsigned)(100 * g->employees_overdue / g->employees)
			 : 0;
	buf_printf(b,
		   " <small>(%u%s%%)</small><span class=\"meter\" "
		   "aria-hidden=\"true\"><span style=\"width:%u%%\">"
		   "</span></span></td><td class=\"n%s\">",
		   pct, NNBSP, pct, g->overdue ? " late" : "");
	put_int(b, (long long)g->overdue);
	buf_puts(b, "</td><td class=\"n\">");
	put_int(b, (long long)g->upcoming);
	buf_puts(b, "</td><td class=\"n\">");
	put_eur(b, g->owed_eur);
	buf_puts(b, "</td></tr>\n");
}

/* By department or by manager, those with most overdue first. */
static void groups(struct buf *b, const struct dashboard *db,
		   const struct dashboard_groups *gs, const char *id,
		   const char *title, const char *what)
{
	if (gs->named == 0)
		return;
	const struct dashboard_group **order = malloc(gs->n * sizeof(*order));
	if (order == NULL && gs->n > 0) {
		b->oom = true;
		return;
	}
	for (size_t i = 0; i < gs->n; i++)
		order[i] = &gs->g[i];
	qsort(order, gs->n, sizeof(*order), group_cmp);
	buf_printf(
	    b,
	    "<section aria-labelledby=\"%s\">\n<h2 id=\"%s\">%s"
	    "</h2>\n<table>\n<caption>Les %s où le retard est le "
	    "plus grand d'abord</caption>\n<thead><tr>"
	    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"n\">"
	    "Salariés</th><th scope=\"col\" class=\"n\">Salariés en "
	    "retard</th><th scope=\"col\" class=\"n\">Obligations en "
	    "retard</th><th scope=\"col\" class=\"n\">À venir</th>"
	    "<th scope=\"col\" class=\"n\">Abondements à verser</th></tr>"
	    "</thead>\n<tbody>\n",
	    id, id, title, what, what[0] == 's' ? "Service" : "Manager");
	for (size_t i = 0; i < gs->n; i++)
		group_row(b, order[i], order[i]->name);
	if (gs->others.employees > 0)
		group_row(b, &gs->others, "Autres (au-delà des 300 premiers)");
	buf_puts(b, "</tbody>\n</table>\n");
	if (gs->named < db->dossiers) {
		buf_puts(b, "<p class=\"note\">");
		put_int(b, (long long)(db->dossiers - gs->named));
		buf_printf(b, " dossier%s sans cette information.</p>\n",
			   plural(db->dossiers - gs->named, "s"));
	}
	buf_puts(b, "</section>\n");
	free(order);
}

static void cse(struct buf *b, const struct rules_stats *stats)
{
	struct report_csv_metric m[REPORT_CSV_METRICS_MAX];
	size_t n = report_csv_metrics(stats, m);
	buf_printf(b,
		   "<section aria-labelledby=\"h-cse\">\n<h2 id=\"h-cse\">"
		   "Chiffres CSE / BDESE %d</h2>\n<table>\n<caption>Année "
		   "civile %d, comme stats.csv</caption>\n<thead><tr>"
		   "<th scope=\"col\">Indicateur</th><th scope=\"col\" "
		   "class=\"n\">Valeur</th></tr></thead>\n<tbody>\n",
		   stats->year, stats->year);
	for (size_t i = 0; i < n; i++) {
		const char *label = m[i].label;
		bool sub = label[0] == ' ';
		while (*label == ' ')
			label++;
		char key[64];
		snprintf(key, sizeof(key), "stats-%s", m[i].name);
		buf_printf(b, "<tr><th scope=\"row\"%s>",
			   sub ? " class=\"sub\"" : "");
		/* "total des abondements (€)": the unit is in the cell. */
		size_t len = strlen(label);
		if (len > 6 && strcmp(label + len - 6, " (€)") == 0)
			len -= 6;
		put_capitalised(b, label, len, !sub);
		buf_puts(b, "</th>");
		buf_puts(b, "<td class=\"n\"");
		buf_printf(b, " data-k=\"%s\">", key);
		size_t nl = strlen(m[i].name);
		if (nl > 4 && strcmp(m[i].name + nl - 4, "_eur") == 0)
			put_eur(b, m[i].value);
		else
			put_int(b, m[i].value);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</tbody>\n</table>\n</section>\n");
}

static void footer(struct buf *b, const struct dashboard *db,
		   const char *const reports[3])
{
	buf_puts(b,
		 "</main>\n<footer>\n<p>Établi par parcours " PARCOURS_VERSION
		 " à partir de ");
	put_int(b, (long long)db->dossiers);
	buf_printf(b, " dossier%s, à la date du ", plural(db->dossiers, "s"));
	put_date_long(b, db->as_of);
	buf_puts(b, ". ");
	if (reports != NULL) {
		buf_puts(b, "Le détail est dans <a href=\"");
		buf_put_xml(b, reports[0]);
		buf_puts(b, "\">");
		buf_put_xml(b, reports[0]);
		buf_puts(b, "</a> (obligations ouvertes), <a href=\"");
		buf_put_xml(b, reports[1]);
		buf_puts(b, "\">");
		buf_put_xml(b, reports[1]);
		buf_puts(b, "</a> (périodes et abondements) et <a href=\"");
		buf_put_xml(b, reports[2]);
		buf_puts(b, "\">");
		buf_put_xml(b, reports[2]);
		buf_puts(b, "</a> (chiffres CSE), écrits en même temps.");
	} else
		buf_puts(b, "Le détail des obligations est donné par "
			    "<code>parcours status</code>.");
	buf_puts(b, "</p>\n</footer>\n</body>\n</html>\n");
}

void dashboard_html(struct buf *b, const struct dashboard *db,
		    const struct rules_stats *stats,
		    const char *const reports[3])
{
	head(b, db);
	kpis(b, db);
	buf_puts(b, "<div class=\"grid\">\n");
	open_table(b, db);
	money_table(b, db);
	buf_puts(b, "</div>\n");
	calendar(b, db);
	/* Who is behind, then the CSE's figures; the long lists last. */
	groups(b, db, &db->departments, "h-dept", "Par service", "services");
	groups(b, db, &db->managers, "h-mgr", "Par manager", "managers");
	buf_puts(b, "<div class=\"grid\">\n");
	refusal_kinds(b, db);
	cse(b, stats);
	buf_puts(b, "</div>\n");
	overdue_list(b, db);
	refusals(b, db);
	footer(b, db, reports);
}
