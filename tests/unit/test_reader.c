/*
 * The dossier reader (dossier_read.c with dossier_parse.c,
 * dossier_schema.c, dossier_build.c and inputs.c): what a valid file
 * becomes, each check that rejects a dossier, company resolution, parsing
 * safety, and that the schema explanation agrees with libxml2's verdict.
 * Runs from the source tree (make unit), where schema/ is.
 */
#define _XOPEN_SOURCE 700 /* nftw(), to clean up the temporary files */

#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "diag.h"
#include "dossier_parse.h"
#include "dossier_read.h"
#include "dossier_schema.h"
#include "inputs.h"

static char tmpdir[] = "/tmp/parcours-test-reader-XXXXXX";

static const char *schema_dir(void)
{
	const char *env = getenv("PARCOURS_SCHEMA_DIR");
	return env != NULL ? env : "schema";
}

/* Writes text to tmpdir/name; returns the path (static storage). */
static const char *put(const char *name, const char *text)
{
	static char paths[8][512];
	static int next;
	char *path = paths[next++ % 8];
	snprintf(path, 512, "%s/%s", tmpdir, name);
	FILE *f = fopen(path, "w");
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0)
		fail_msg("cannot write %s", path);
	return path;
}

/* text with the first occurrence of find replaced; caller frees. */
static char *replace(const char *text, const char *find, const char *with)
{
	const char *at = find != NULL ? strstr(text, find) : NULL;
	if (find != NULL && at == NULL)
		fail_msg("test table error: \"%s\" not in the base text", find);
	size_t n = strlen(text) + (with != NULL ? strlen(with) : 0) + 1;
	char *out = malloc(n);
	assert_non_null(out);
	if (at == NULL) {
		strcpy(out, text);
		return out;
	}
	size_t head = (size_t)(at - text);
	memcpy(out, text, head);
	strcpy(out + head, with);
	strcat(out, at + strlen(find));
	return out;
}

/* What one run of the reader gave. */
struct run {
	unsigned long valid, failed, failed_files, errors;
	int worst;
	char messages[16384];
	struct dossier *kept[4]; /* the first valid dossiers */
	/* Kept open: the dossiers' companies live as long as it does. */
	struct dossier_source *src;
};

static void read_all(struct run *r, char *const *inputs, int n,
		     const char *company)
{
	memset(r, 0, sizeof(*r));
	FILE *log = tmpfile();
	assert_non_null(log);
	diag_reset(log);
	struct dossier_source *src =
	    dossier_source_new(inputs, n, company, schema_dir());
	if (src != NULL) {
		struct dossier *d;
		while ((d = dossier_source_next(src)) != NULL) {
			if (r->valid < 4)
				r->kept[r->valid] = d;
			else
				dossier_free(d);
			r->valid++;
		}
		r->failed = dossier_source_failed(src);
		r->failed_files = dossier_source_failed_files(src);
		r->src = src;
	}
	r->errors = diag_errors();
	r->worst = (int)diag_worst();
	diag_reset(NULL);
	rewind(log);
	size_t got = fread(r->messages, 1, sizeof(r->messages) - 1, log);
	r->messages[got] = '\0';
	fclose(log);
}

static void read_text(struct run *r, const char *xml, const char *company)
{
	char *path = (char *)put("input.xml", xml);
	read_all(r, &path, 1, company);
}

static void run_free(struct run *r)
{
	for (int i = 0; i < 4; i++)
		dossier_free(r->kept[i]);
	dossier_source_free(r->src);
}

/* A valid file that uses every part of the format. */
static const char base[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<dossiers version=\"1\">\n"
    "  <company id=\"ACME\">\n"
    "    <name>  ACME SAS  </name>\n"
    "    <siret>12345678900012</siret>\n"
    "    <headcount> 80 </headcount>\n"
    "    <address><line>1 quai</line><postcode>45000</postcode>"
    "<city>Orléans</city></address>\n"
    "    <signatory><name>Paul Martin</name><title>DG</title></signatory>\n"
    "  </company>\n"
    "  <dossier id=\"D1\">\n"
    "    <employee>\n"
    "      <civility>Mme</civility>\n"
    "      <given-name>\n        Zoë\n      </given-name>\n"
    "      <family-name>Żółć</family-name>\n"
    "      <birth-date>1981-04-12</birth-date>\n"
    "      <address><line>a</line><line>b</line><line>c</line>"
    "<postcode>45100</postcode><city>Orléans</city></address>\n"
    "      <email>z@example.org</email>\n"
    "    </employee>\n"
    "    <employment contract=\"CDD\" hire-date=\"2017-09-04\" "
    "seniority-date=\"2016-01-01\" exit-date=\"2030-06-30\">\n"
    "      <job-title>Cariste</job-title><department>Quai</department>"
    "<manager>Jean Roux</manager>"
    "<positions><position start=\"2017-09-04\" end=\"2019-12-31\">Agent"
    "</position><position start=\"2020-01-01\">Cariste</position>"
    "</positions>\n"
    "    </employment>\n"
    "    <notice delivered=\"2017-09-04\" method=\"registered-mail\"/>\n"
    "    <absences>\n"
    "      <absence kind=\"parental-leave\" start=\"2021-01-04\" "
    "end=\"2021-12-31\"/>\n"
    "      <absence kind=\"sick\" start=\"2023-02-06\"/>\n"
    "    </absences>\n"
    "    <mandates>\n"
    "      <mandate kind=\"union\" start=\"2019-01-01\" end=\"2022-12-31\" "
    "delegation-share=\"0.35\"/>\n"
    "      <mandate kind=\"elected\" start=\"2023-01-01\"/>\n"
    "    </mandates>\n"
    "    <medical-visits><visit kind=\"mid-career\" date=\"2026-03-02\"/>"
    "</medical-visits>\n"
    "    <trainings>\n"
    "      <training start=\"2018-03-05\" end=\"2018-03-09\" hours=\"35\" "
    "mandatory=\"true\">FCO</training>\n"
    "      <training start=\"2020-05-11\" hours=\"14.5\" mandatory=\"false\" "
    "certifying=\"true\"> Éco-conduite </training>\n"
    "      <training start=\"2021-05-11\" mandatory=\"false\">Tutorat"
    "</training>\n"
    "    </trainings>\n"
    "    <certifications><certification date=\"2024-10-08\" kind=\"cqp\">"
    "CQP</certification></certifications>\n"
    "    <progressions><progression date=\"2022-01-01\" "
    "kind=\"professional\">Chef d'équipe</progression></progressions>"
    "<abondements><abondement period-end=\"2023-09-04\" paid=\"2024-03-29\" "
    "amount-eur=\"3000\" reference=\" CDC-2024-17 \"/><abondement "
    "period-end=\"2031-09-04\" paid=\"2031-12-31\"/></abondements>\n"
    "    <convocations>\n"
    "      <convocation id=\"C1\" kind=\"periodic\" issued=\"2019-08-12\" "
    "date=\"2019-09-02T10:30\" place=\"Salle\" interviewer=\"Jean Roux\" "
    "interviewer-title=\"Chef\" delivery=\"hand\" outcome=\"held\"/>\n"
    "      <convocation id=\"C2\" kind=\"return\" issued=\"2021-12-06\" "
    "date=\"2022-01-10T14:00\" place=\"Salle\" interviewer=\"Jean Roux\" "
    "interviewer-title=\"Chef\" delivery=\"registered-mail\" "
    "tracking=\"1A 23\" absence=\"parental-leave\" outcome=\"declined\" "
    "response-date=\"2021-12-20\"/>\n"
    "      <convocation id=\"C3\" kind=\"recap\" issued=\"2023-06-01\" "
    "date=\"2023-06-15T09:00\" place=\"Salle\" interviewer=\"Jean Roux\" "
    "interviewer-title=\"Chef\" delivery=\"email\" outcome=\"refused\" "
    "response-date=\"2023-06-05\"/>\n"
    "    </convocations>\n"
    "    <interviews>\n"
    "      <interview id=\"I1\" kind=\"periodic\" date=\"2019-09-02\" "
    "interviewer=\"Jean Roux\" interviewer-title=\"Chef\">\n"
    "        <signatures employee=\"2019-09-03\" employer=\"2019-09-02\"/>\n"
    "        <report>\n"
    "          <return>Reprise.</return>\n"
    "          <position>\n  Premier paragraphe.\n\n  Second.\n  "
    "</position>\n"
    "          <actions><action kind=\"vae\" due=\"2026-06-30\" "
    "status=\"in-progress\">VAE</action><action kind=\"other\">Autre"
    "</action></actions>\n"
    "          <information vae=\"true\" cpf=\"false\"/>\n"
    "        </report>\n"
    "      </interview>\n"
    "      <interview id=\"I2\" kind=\"return\" absence=\"union-mandate\" "
    "date=\"2023-01-16\" interviewer=\"Jean Roux\" "
    "interviewer-title=\"Chef\" counts-as-periodic=\"true\"/>\n"
    "    </interviews>\n"
    "  </dossier>\n"
    "  <dossier id=\"D2\">\n"
    "    <employee><given-name>Ann</given-name><family-name>Lee"
    "</family-name><birth-date>1990-01-01</birth-date></employee>\n"
    "    <employment contract=\"interim\" hire-date=\"2024-01-01\">"
    "<job-title>Agent</job-title></employment>\n"
    "  </dossier>\n"
    "</dossiers>\n";

static date_t D(const char *s)
{
	date_t d;
	if (!date_parse(s, &d))
		fail_msg("test error: %s", s);
	return d;
}

static void test_valid_file(void **state)
{
	(void)state;
	struct run r;
	read_text(&r, base, NULL);
	if (r.errors != 0)
		fail_msg("unexpected messages:\n%s", r.messages);
	assert_int_equal(r.valid, 2);
	assert_int_equal(r.failed, 0);
	const struct dossier *d = r.kept[0], *d2 = r.kept[1];
	assert_string_equal(d->id, "D1");
	assert_int_equal(d->line, 10);
	assert_non_null(strstr(d->file, "input.xml"));

	/* The file's company, shared, trimmed, with the defaults. */
	const struct company *c = d->company;
	assert_ptr_equal(c, d2->company);
	assert_string_equal(c->id, "ACME");
	assert_string_equal(c->name, "ACME SAS");
	assert_string_equal(c->siret, "12345678900012");
	assert_int_equal(c->headcount, 80);
	assert_int_equal(c->address.nlines, 1);
	assert_string_equal(c->address.city, "Orléans");
	assert_string_equal(c->signatory_name, "Paul Martin");
	assert_string_equal(c->signatory_title, "DG");
	assert_int_equal(c->rules.regime, REGIME_AUTO);
	assert_int_equal(c->rules.reform_date, D("2025-10-26"));
	assert_int_equal(c->rules.periodicity_months, 0);
	assert_int_equal(c->rules.return_offer_days, 30);
	assert_int_equal(c->rules.abondement_eur, 3000);
	assert_int_equal(c->line, 3);

	/* Free text trimmed at both ends only. */
	assert_int_equal(d->employee.civility, CIV_MME);
	assert_string_equal(d->employee.given_name, "Zoë");
	assert_string_equal(d->employee.family_name, "Żółć");
	assert_int_equal(d->employee.birth_date, D("1981-04-12"));
	assert_true(d->employee.has_address);
	assert_int_equal(d->employee.address.nlines, 3);
	assert_string_equal(d->employee.address.lines[2], "c");
	assert_string_equal(d->employee.email, "z@example.org");
	assert_int_equal(d2->employee.civility, CIV_NONE);
	assert_false(d2->employee.has_address);
	assert_null(d2->employee.email);

	const struct employment *e = &d->employment;
	assert_int_equal(e->contract, CONTRACT_CDD);
	assert_int_equal(e->hire_date, D("2017-09-04"));
	assert_int_equal(e->seniority_date, D("2016-01-01"));
	assert_int_equal(e->exit_date, D("2030-06-30"));
	assert_string_equal(e->manager, "Jean Roux");
	assert_int_equal(d2->employment.contract, CONTRACT_INTERIM);
	assert_int_equal(d2->employment.seniority_date, DATE_NONE);
	assert_int_equal(d2->employment.exit_date, DATE_NONE);
	assert_null(d2->employment.department);
	assert_int_equal(e->npositions, 2);
	assert_int_equal(e->positions[0].end, D("2019-12-31"));
	assert_string_equal(e->positions[0].title, "Agent");
	assert_int_equal(e->positions[1].start, D("2020-01-01"));
	assert_int_equal(e->positions[1].end, DATE_NONE);
	assert_int_equal(d2->employment.npositions, 0);

	assert_true(d->notice.delivered);
	assert_int_equal(d->notice.method, NOTICE_REGISTERED_MAIL);
	assert_false(d2->notice.delivered);

	assert_int_equal(d->nabsences, 2);
	assert_int_equal(d->absences[0].kind, ABSENCE_PARENTAL_LEAVE);
	assert_int_equal(d->absences[1].end, DATE_NONE);
	assert_int_equal(d->absences[1].line, 27);
	assert_int_equal(d->nmandates, 2);
	assert_true(d->mandates[0].delegation_share > 0.349 &&
		    d->mandates[0].delegation_share < 0.351);
	assert_true(d->mandates[1].delegation_share < 0);
	assert_int_equal(d->mandates[1].kind, MANDATE_ELECTED);
	assert_int_equal(d->nvisits, 1);
	assert_int_equal(d->visits[0].date, D("2026-03-02"));

	assert_int_equal(d->ntrainings, 3);
	assert_true(d->trainings[0].mandatory);
	assert_string_equal(d->trainings[1].title, "Éco-conduite");
	assert_int_equal(d->trainings[1].end, d->trainings[1].start);
	assert_true(d->trainings[1].hours > 14.49 &&
		    d->trainings[1].hours < 14.51);
	assert_true(d->trainings[1].certifying);
	assert_true(d->trainings[2].hours < 0);
	assert_false(d->trainings[2].certifying);
	assert_int_equal(d->certifications[0].kind, CERT_CQP);
	assert_int_equal(d->progressions[0].kind, PROGRESSION_PROFESSIONAL);
	assert_string_equal(d->progressions[0].text, "Chef d'équipe");
	assert_int_equal(d->nabondements, 2);
	assert_int_equal(d->abondements[0].period_end, D("2023-09-04"));
	assert_int_equal(d->abondements[0].paid, D("2024-03-29"));
	assert_int_equal(d->abondements[0].amount_eur, 3000);
	assert_string_equal(d->abondements[0].reference, "CDC-2024-17");
	/* No @amount-eur: the company's rules/@abondement-eur. */
	assert_int_equal(d->abondements[1].amount_eur, 3000);
	assert_null(d->abondements[1].reference);
	assert_int_equal(d2->nabondements, 0);

	assert_int_equal(d->nconvocations, 3);
	const struct convocation *v = &d->convocations[1];
	assert_string_equal(v->id, "C2");
	assert_int_equal(v->kind, KIND_RETURN);
	assert_int_equal(v->date.date, D("2022-01-10"));
	assert_int_equal(v->date.minutes, 14 * 60);
	assert_int_equal(v->delivery, DELIVERY_REGISTERED_MAIL);
	assert_string_equal(v->tracking, "1A 23");
	assert_true(v->has_absence);
	assert_int_equal(v->absence, ABSENCE_PARENTAL_LEAVE);
	assert_int_equal(v->outcome, OUTCOME_DECLINED);
	assert_int_equal(v->response_date, D("2021-12-20"));
	assert_false(d->convocations[0].has_absence);
	assert_null(d->convocations[0].tracking);
	assert_int_equal(d->convocations[0].response_date, DATE_NONE);
	assert_int_equal(d->convocations[0].date.minutes, 10 * 60 + 30);

	assert_int_equal(d->ninterviews, 2);
	const struct interview *iv = &d->interviews[0];
	assert_true(iv->has_signatures);
	assert_int_equal(iv->signed_employee, D("2019-09-03"));
	assert_int_equal(iv->copy_given, DATE_NONE);
	assert_non_null(iv->report);
	assert_string_equal(iv->report->position,
			    "Premier paragraphe.\n\n  Second.");
	assert_string_equal(iv->report->return_text, "Reprise.");
	assert_null(iv->report->skills);
	assert_int_equal(iv->report->nactions, 2);
	assert_int_equal(iv->report->actions[0].kind, ACTION_VAE);
	assert_int_equal(iv->report->actions[1].due, DATE_NONE);
	assert_int_equal(iv->report->actions[0].status, ACTION_IN_PROGRESS);
	/* @status absent: planned (dossier.md). */
	assert_int_equal(iv->report->actions[1].status, ACTION_PLANNED);
	assert_true(iv->report->has_information);
	assert_int_equal(iv->report->info_vae, TRI_TRUE);
	assert_int_equal(iv->report->info_cpf, TRI_FALSE);
	assert_int_equal(iv->report->info_cep, TRI_UNSET);
	const struct interview *i2 = &d->interviews[1];
	assert_true(i2->has_absence);
	assert_int_equal(i2->absence, ABSENCE_UNION_MANDATE);
	assert_true(i2->counts_as_periodic);
	assert_null(i2->report);
	assert_false(i2->has_signatures);
	run_free(&r);
}

/*
 * One change to the valid base and what the reader must say.  find is
 * replaced by with; valid and failed count dossiers; message must appear.
 */
static const struct {
	const char *find, *with;
	unsigned long valid, failed, files;
	const char *message, *reason;
} rejections[] = {
    {"date=\"2019-09-02\" interviewer", "date=\"2023-02-30\" interviewer", 1, 1,
     0,
     ":47: error: <interview>: attribute \"date\": "
     "\"2023-02-30\" is not a valid date",
     "impossible calendar date"},
    {"date=\"2019-09-02T10:30\"", "date=\"2019-09-02T24:00\"", 1, 1, 0,
     "\"2019-09-02T24:00\" is not a valid date and time",
     "impossible time of day"},
    {"<birth-date>1981-04-12", "<birth-date>1981-02-29", 1, 1, 0,
     "<birth-date>: the date is not a valid date",
     "birth date checked without quoting it (personal data)"},
    {"start=\"2021-01-04\" end=\"2021-12-31\"",
     "start=\"2021-01-04\" end=\"2021-01-03\"", 1, 1, 0,
     "<absence>: end 2021-01-03 is before start 2021-01-04",
     "absence ends before it starts"},
    {"start=\"2019-01-01\" end=\"2022-12-31\"",
     "start=\"2019-01-01\" end=\"2018-12-31\"", 1, 1, 0,
     "<mandate>: end 2018-12-31 is before start 2019-01-01",
     "mandate ends before it starts"},
    {"start=\"2018-03-05\" end=\"2018-03-09\"",
     "start=\"2018-03-05\" end=\"2018-03-04\"", 1, 1, 0,
     "<training>: end 2018-03-04 is before start 2018-03-05",
     "training ends before it starts"},
    {"exit-date=\"2030-06-30\"", "exit-date=\"2017-09-03\"", 1, 1, 0,
     "<employment>: exit-date 2017-09-03 is before hire-date 2017-09-04",
     "exit before hire"},
    {"exit-date=\"2030-06-30\"", "exit-date=\"2017-09-04\"", 2, 0, 0, NULL,
     "exit on the hire date is allowed"},
    {"<convocation id=\"C3\"", "<convocation id=\"C1\"", 1, 1, 0,
     "<convocation>: id \"C1\" is already used by the convocation at "
     "line 42",
     "convocation ids are unique in a dossier"},
    {"<interview id=\"I2\"", "<interview id=\"I1\"", 1, 1, 0,
     "<interview>: id \"I1\" is already used by the interview at line 47",
     "interview ids are unique in a dossier"},
    {"<interview id=\"I2\"", "<interview id=\"C1\"", 2, 0, 0, NULL,
     "convocation and interview ids are separate"},
    {"<dossier id=\"D2\">", "<dossier id=\"D1\">", 1, 1, 0,
     "<dossier>: id \"D1\" is already used by the dossier at ",
     "dossier ids are unique in the run"},
    {"<dossier id=\"D2\">", "<dossier id=\"D/2\">", 1, 1, 0,
     "<dossier>: attribute \"id\": \"D/2\" is not an id of 1 to 64",
     "a slash could leave the output directory"},
    {"<dossier id=\"D2\">", "<dossier id=\"..\">", 1, 1, 0,
     "\"..\" is not an id of 1 to 64", "\"..\" would name a directory"},
    {"<dossier id=\"D2\">", "<dossier id=\"Zoë\">", 1, 1, 0,
     "\"Zoë\" is not an id", "ids are ASCII: they name files"},
    {"<dossier id=\"D2\">",
     "<dossier id=\"éééééééééééééééééééééééééééééééééééééééééé\">", 1, 1, 0,
     "\"éééééééééééééééééééé…\" is not an id",
     "a long value is cut between characters, not inside one"},
    {"<dossier id=\"D2\">",
     "<dossier id=\"A234567890123456789012345678901234567890123456789012"
     "345678901234\">",
     2, 0, 0, NULL, "64 characters is the longest id"},
    {"<dossier id=\"D2\">",
     "<dossier id=\"A234567890123456789012345678901234567890123456789012"
     "3456789012345\">",
     1, 1, 0, "is not an id of 1 to 64", "65 characters is too long"},
    {"absence=\"parental-leave\" outcome", "outcome", 1, 1, 0,
     "<convocation>: kind \"return\" needs attribute \"absence\"",
     "return convocation without @absence"},
    {"<interview id=\"I2\" kind=\"return\" absence=\"union-mandate\"",
     "<interview id=\"I2\" kind=\"return\"", 1, 1, 0,
     "<interview>: kind \"return\" needs attribute \"absence\"",
     "return interview without @absence"},
    {"kind=\"periodic\" issued", "kind=\"periodic\" absence=\"sick\" issued", 1,
     1, 0,
     "<convocation>: attribute \"absence\" is only for kind \"return\", "
     "not \"periodic\"",
     "@absence only on return items"},
    {"outcome=\"declined\" response-date=\"2021-12-20\"",
     "outcome=\"declined\"", 1, 1, 0,
     "<convocation>: outcome \"declined\" needs attribute "
     "\"response-date\"",
     "declined without response date"},
    {"outcome=\"refused\" response-date=\"2023-06-05\"", "outcome=\"refused\"",
     1, 1, 0, "outcome \"refused\" needs attribute \"response-date\"",
     "refused without response date"},
    {"contract=\"CDD\"", "contract=\"stage\"", 1, 1, 0,
     "contract \"stage\" is refused: interns (stagiaires) are out of "
     "scope",
     "interns are out of scope"},
    {"contract=\"CDD\"", "contract=\"freelance\"", 1, 1, 0,
     "attribute \"contract\": \"freelance\" is not one of CDI, CDD, "
     "interim",
     "unknown contract"},
    {"</signatory>", "</signatory><rules periodicity-months=\"49\"/>", 0, 2, 0,
     "<rules>: attribute \"periodicity-months\": 49 is not between 1 and "
     "48",
     "periodicity above 48: every dossier of that company fails"},
    {"</signatory>", "</signatory><rules periodicity-months=\"0\"/>", 0, 2, 0,
     "\"periodicity-months\": 0 is not between 1 and 48", "periodicity 0"},
    {"</signatory>", "</signatory><rules periodicity-months=\"48\"/>", 2, 0, 0,
     NULL, "periodicity 48 is the upper bound"},
    {"</signatory>",
     "</signatory><rules reform-date=\"2026-02-29\" regime=\"2014\"/>", 0, 2, 0,
     "\"reform-date\": \"2026-02-29\" is not a valid date",
     "company reform date checked too"},
    {"</signatory>", "</signatory><rules reform-date=\"2025-10-25\"/>", 0, 2, 0,
     "\"reform-date\": 2025-10-25 is not between 2025-10-26 (the law's "
     "entry into force) and 2026-10-01",
     "reform date the day before the law took effect"},
    {"</signatory>", "</signatory><rules reform-date=\"2025-10-26\"/>", 2, 0, 0,
     NULL, "reform date on the law's entry into force: the lower bound"},
    {"</signatory>", "</signatory><rules reform-date=\"2026-10-01\"/>", 2, 0, 0,
     NULL,
     "reform date 2026-10-01, the agreements' deadline: the upper "
     "bound"},
    {"</signatory>", "</signatory><rules reform-date=\"2026-10-02\"/>", 0, 2, 0,
     "\"reform-date\": 2026-10-02 is not between 2025-10-26",
     "reform date the day after the agreements' deadline"},
    {"period-end=\"2031-09-04\"", "period-end=\"2023-09-04\"", 1, 1, 0,
     "<abondement>: a payment for the period ending 2023-09-04 is already "
     "recorded at line 40",
     "one payment per recap period"},
    {"paid=\"2031-12-31\"", "paid=\"2031-12-32\"", 1, 1, 0,
     "<abondement>: attribute \"paid\": \"2031-12-32\" is not a valid date",
     "payment date checked"},
    {"paid=\"2031-12-31\"", "", 1, 1, 0,
     "<abondement>: missing attribute \"paid\"",
     "a payment without its date records nothing"},
    {"start=\"2017-09-04\" end=\"2019-12-31\"",
     "start=\"2017-09-04\" end=\"2017-09-03\"", 1, 1, 0,
     "<position>: end 2017-09-03 is before start 2017-09-04",
     "position ends before it starts"},
    {"status=\"in-progress\"", "status=\"finished\"", 1, 1, 0,
     "\"finished\" is not one of planned, done, in-progress, dropped",
     "action status outside the enumeration"},
    {"<headcount> 80 </headcount>", "<headcount>-1</headcount>", 0, 2, 0,
     "<headcount>: \"-1\" is not a whole number (0 or more)",
     "negative headcount"},
    {"<headcount> 80 </headcount>", "<headcount>0</headcount>", 2, 0, 0, NULL,
     "headcount 0 is allowed"},
    {"delegation-share=\"0.35\"", "delegation-share=\"1.01\"", 1, 1, 0,
     "\"delegation-share\": 1.01 is more than 1", "share above 1"},
    {"delegation-share=\"0.35\"", "delegation-share=\"1\"", 2, 0, 0, NULL,
     "share of exactly 1 is allowed"},
    {"delegation-share=\"0.35\"", "delegation-share=\"-0.1\"", 1, 1, 0,
     "\"-0.1\" is not a number such as 14 or 0.35", "negative share"},
    {"<siret>12345678900012</siret>", "<siret>1234567890001</siret>", 0, 2, 0,
     "<siret>: \"1234567890001\" is not a SIRET number (14 digits)",
     "SIRET of 13 digits"},
    {"<department>Quai</department>", "<departement>Quai</departement>", 1, 1,
     0, "<employment>: unknown element <departement>", "unknown element"},
    {"<job-title>Cariste</job-title>", "", 1, 1, 0,
     "<employment>: missing <job-title>", "missing required element"},
    {" hire-date=\"2017-09-04\"", "", 1, 1, 0,
     "<employment>: missing attribute \"hire-date\"",
     "missing required attribute"},
    {"method=\"registered-mail\"", "method=\"registered-mail\" by=\"x\"", 1, 1,
     0, "<notice>: unknown attribute \"by\"", "unknown attribute"},
    {"outcome=\"held\"", "outcome=\"helt\"", 1, 1, 0,
     "\"helt\" is not one of pending, held, absent, refused, declined, "
     "cancelled",
     "outcome outside the enumeration"},
    {"<given-name>\n        Zoë\n      </given-name>",
     "<given-name>   </given-name>", 1, 1, 0,
     "<given-name> is empty; expected a non-empty text",
     "required text left blank"},
    {"<dossiers version=\"1\">", "<dossiers version=\"2\">", 0, 0, 1,
     "attribute \"version\": \"2\" is not \"1\"",
     "another format version: the whole file is refused"},
    {"  <dossier id=\"D2\">", "  <dossierr/>\n  <dossier id=\"D2\">", 2, 0, 0,
     "<dossiers>: unknown element <dossierr>",
     "a stray element in the envelope fails no dossier"},
    {"<employee><given-name>Ann", "<employee><nickname/><given-name>Ann", 1, 1,
     0, "<employee>: unknown element <nickname>",
     "after an envelope error, later dossiers are still checked"},
    {"<dossier id=\"D2\">", "<dossier id=\"D2\"><company/>", 1, 1, 0,
     "<company>: missing <name>", "a dossier's own broken company"},
    {"</dossiers>", "<company/></dossiers>", 2, 0, 0,
     "<dossiers>: <company> must come before <dossier>",
     "the file's company belongs before the dossiers"},
    {"<name>  ACME SAS  </name>", "<name>ACME SAS</name><name>X</name>", 0, 2,
     0, "<company>: only one <name> is allowed", "repeated element"},
    {"<absences>", "<absences>text", 1, 1, 0, "<absences>: unexpected text",
     "text where only elements go"},
    {"</dossiers>", "</dossiers", 0, 0, 1, "not well-formed XML",
     "malformed XML refuses the whole file"},
};

static void test_rejections(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rejections) / sizeof(rejections[0]);
	     i++) {
		char *xml =
		    replace(base, rejections[i].find, rejections[i].with);
		struct run r;
		read_text(&r, xml, NULL);
		free(xml);
		run_free(&r);
		const char *why = rejections[i].reason;
		if (r.valid != rejections[i].valid ||
		    r.failed != rejections[i].failed ||
		    r.failed_files != rejections[i].files)
			fail_msg("%s: %lu valid, %lu failed, %lu files; "
				 "messages:\n%s",
				 why, r.valid, r.failed, r.failed_files,
				 r.messages);
		if (rejections[i].message == NULL) {
			if (r.errors != 0 || r.messages[0] != '\0')
				fail_msg("%s: unexpected messages:\n%s", why,
					 r.messages);
			continue;
		}
		if (strstr(r.messages, rejections[i].message) == NULL)
			fail_msg("%s: no \"%s\" in:\n%s", why,
				 rejections[i].message, r.messages);
		if (r.errors == 0 || r.worst != DIAG_ERROR)
			fail_msg("%s: reported as %d, %lu errors", why, r.worst,
				 r.errors);
	}
}

/* Every problem of a dossier, not just the first, in line order. */
static void test_all_problems(void **state)
{
	(void)state;
	char *a =
	    replace(base, "outcome=\"held\"", "outcome=\"x\" extra=\"1\"");
	char *b = replace(a, "kind=\"cqp\"", "kind=\"bts\"");
	char *c = replace(b, "<manager>Jean Roux</manager>", "");
	char *xml = replace(c, "<email>", "<mail/><email>");
	struct run r;
	read_text(&r, xml, NULL);
	free(a);
	free(b);
	free(c);
	free(xml);
	run_free(&r);
	assert_int_equal(r.valid, 1);
	assert_int_equal(r.failed, 1);
	assert_int_equal(r.errors, 4);
	const char *want[] = {
	    ":19: error: <employee>: unknown element <mail>",
	    ":39: error: <certification>: attribute \"kind\": \"bts\"",
	    ":42: error: <convocation>: attribute \"outcome\": \"x\"",
	    ":42: error: <convocation>: unknown attribute \"extra\"",
	};
	const char *at = r.messages;
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *p = strstr(at, want[i]);
		if (p == NULL)
			fail_msg("missing or out of order: \"%s\" in:\n%s",
				 want[i], r.messages);
		at = p + 1;
	}
}

static const char company_file[] =
    "<company><name>CLI SAS</name><headcount>3</headcount>"
    "<address><line>l</line><postcode>1</postcode><city>c</city></address>"
    "<signatory><name>n</name><title>t</title></signatory>"
    "<rules regime=\"2025\" periodicity-months=\"24\" "
    "return-offer-days=\"15\" abondement-eur=\"4000\"/></company>";

static const char own_company[] =
    "<dossier id=\"D2\"><company id=\"OWN\"><name>OWN SAS</name>"
    "<headcount>60</headcount><address><line>l</line><postcode>1"
    "</postcode><city>c</city></address><signatory><name>n</name>"
    "<title>t</title></signatory></company>";

/* Removes the base file's <company> block, in place. */
static void cut_file_company(char *xml)
{
	char *from = strstr(xml, "  <company id");
	char *to = strstr(xml, "</company>\n");
	assert_non_null(from);
	assert_non_null(to);
	to += strlen("</company>\n");
	memmove(from, to, strlen(to) + 1);
}

/* dossier.md: own company, else the file's, else --company. */
static const struct {
	bool file_company, own, cli;
	const char *want_d2; /* company name of D2, NULL: rejected */
	const char *message, *reason;
} resolutions[] = {
    {true, false, false, "ACME SAS", NULL, "the file's company"},
    {true, true, false, "OWN SAS", NULL, "own company beats the file's"},
    {true, false, true, "ACME SAS", NULL, "the file's beats --company"},
    {false, false, true, "CLI SAS", NULL, "--company when nothing else"},
    {false, true, true, "OWN SAS", NULL, "own company beats --company"},
    {false, false, false, NULL,
     "<dossier>: dossier D2 has no company: give it a <company>",
     "no company at all is an error for that dossier"},
};

static void test_company_resolution(void **state)
{
	(void)state;
	const char *cli = put("company.xml", company_file);
	for (size_t i = 0; i < sizeof(resolutions) / sizeof(resolutions[0]);
	     i++) {
		char *a = replace(base, NULL, NULL);
		if (!resolutions[i].file_company)
			cut_file_company(a);
		char *xml = resolutions[i].own
				? replace(a, "<dossier id=\"D2\">", own_company)
				: replace(a, NULL, NULL);
		struct run r;
		read_text(&r, xml, resolutions[i].cli ? cli : NULL);
		free(a);
		free(xml);
		const char *why = resolutions[i].reason;
		const struct dossier *d2 = NULL;
		for (unsigned long k = 0; k < r.valid && k < 4; k++)
			if (strcmp(r.kept[k]->id, "D2") == 0)
				d2 = r.kept[k];
		if (resolutions[i].want_d2 == NULL) {
			if (d2 != NULL ||
			    strstr(r.messages, resolutions[i].message) == NULL)
				fail_msg("%s: got:\n%s", why, r.messages);
		} else if (d2 == NULL || strcmp(d2->company->name,
						resolutions[i].want_d2) != 0) {
			fail_msg("%s: D2 has %s; messages:\n%s", why,
				 d2 != NULL ? d2->company->name : "no dossier",
				 r.messages);
		}
		run_free(&r);
	}

	/* --company's own rules, read once, override the defaults. */
	struct run r;
	char *xml = replace(base, NULL, NULL);
	cut_file_company(xml);
	read_text(&r, xml, cli);
	free(xml);
	assert_int_equal(r.valid, 2);
	const struct company_rules *rules = &r.kept[0]->company->rules;
	assert_int_equal(rules->regime, REGIME_2025);
	assert_int_equal(rules->periodicity_months, 24);
	assert_int_equal(rules->return_offer_days, 15);
	assert_int_equal(rules->abondement_eur, 4000);
	assert_ptr_equal(r.kept[0]->company, r.kept[1]->company);
	run_free(&r);

	/* A broken --company file stops everything before any dossier. */
	const char *bad = put("bad-company.xml", "<company><name>x</name>"
						 "</company>");
	read_text(&r, base, bad);
	run_free(&r);
	assert_int_equal(r.valid, 0);
	assert_non_null(strstr(r.messages, "<company>: missing <headcount>"));
	assert_int_equal(r.worst, DIAG_ERROR);
}

/* Ids are unique across files; a bad file does not stop the others. */
static void test_across_files(void **state)
{
	(void)state;
	char *inputs[3];
	inputs[0] = strdup(put("a.xml", base));
	inputs[1] = strdup(put("b.xml", "<dossiers version=\"1\"><oops>"));
	char *again =
	    replace(base, "<dossier id=\"D2\">", "<dossier id=\"D3\">");
	inputs[2] = strdup(put("c.xml", again));
	free(again);
	struct run r;
	read_all(&r, inputs, 3, NULL);
	run_free(&r);
	assert_int_equal(r.valid, 3);
	assert_int_equal(r.failed, 1);
	assert_int_equal(r.failed_files, 1);
	if (strstr(r.messages, "b.xml:1: error: not well-formed XML") == NULL ||
	    strstr(r.messages, "c.xml:10: error: <dossier>: id \"D1\" is "
			       "already used by the dossier at ") == NULL ||
	    strstr(r.messages, "a.xml:10\n") == NULL)
		fail_msg("got:\n%s", r.messages);
	for (int i = 0; i < 3; i++)
		free(inputs[i]);
}

static int entity_loads;

static xmlParserInputPtr counting_loader(const char *url, const char *id,
					 xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	entity_loads++;
	return NULL;
}

static const struct {
	const char *xml, *message, *reason;
} hostile[] = {
    {"<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "
     "\"file:///etc/passwd\">]>\n<dossier id=\"a\">&x;</dossier>",
     ":2: error: DOCTYPE declarations are not accepted (entities and DTDs "
     "are refused for safety)",
     "external entity (XXE)"},
    {"<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;"
     "&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
     "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;"
     "&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"
     "\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><d>&g;&g;</d>",
     ":1: error: DOCTYPE declarations are not accepted", "billion laughs"},
    {"<!DOCTYPE dossier SYSTEM \"http://127.0.0.1:9/x.dtd\">\n"
     "<dossier id=\"a\"/>",
     "DOCTYPE declarations are not accepted", "external DTD on the net"},
    {"<!DOCTYPE dossier>\n<dossier id=\"a\"/>",
     "DOCTYPE declarations are not accepted",
     "even an empty DOCTYPE is refused"},
    {"<dossiers version=\"1\" xmlns:xi=\"http://www.w3.org/2001/"
     "XInclude\">\n<xi:include href=\"/etc/passwd\" parse=\"text\"/>"
     "</dossiers>",
     ":2: error: XInclude is not accepted: <xi:include> is never "
     "followed",
     "XInclude"},
    {"<dossier id=\"a\">&nbsp;</dossier>",
     "not well-formed XML: Entity 'nbsp' not defined", "undeclared entity"},
    {"<company><name>x</name></company>",
     "the root element is <company>; a dossier file holds <dossiers> or "
     "one <dossier>",
     "a company file is not a dossier file"},
    {"", "the file is empty", "empty file"},
    {" \n", "not well-formed XML: Start tag expected", "blank file"},
    {"<dossier id=\"\xe9\"/>",
     "the text is not valid UTF-8 (or not in its declared encoding)",
     "Latin-1 bytes are not quoted"},
};

static void test_hostile(void **state)
{
	(void)state;
	xmlSetExternalEntityLoader(counting_loader);
	xmlStructuredErrorFunc before = xmlStructuredError;
	for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
		struct run r;
		read_text(&r, hostile[i].xml, NULL);
		run_free(&r);
		if (r.failed_files != 1 || r.valid != 0 ||
		    strstr(r.messages, hostile[i].message) == NULL)
			fail_msg("%s: %lu files failed; messages:\n%s",
				 hostile[i].reason, r.failed_files, r.messages);
	}
	/* libxml2's hooks are ours only while we read: put back after. */
	assert_ptr_equal(xmlGetExternalEntityLoader(), counting_loader);
	assert_ptr_equal(xmlStructuredError, before);
	assert_int_equal(entity_loads, 0);
}

/*
 * The explanation must agree with libxml2: something to say exactly when
 * libxml2 says no, for changes both ways.
 */
static const struct {
	const char *find, *with;
	bool valid;
	const char *reason;
} mutations[] = {
    {NULL, NULL, true, "the base file"},
    {"<return>Reprise.</return>", "", true, "report children optional"},
    {"<email>z@example.org</email>", "", true, "optional element"},
    {"<civility>Mme</civility>", "", true, "civility is optional"},
    {"<line>a</line><line>b</line><line>c</line>"
     "<postcode>45100</postcode><city>Orléans</city>",
     "<city>Orléans</city><line>a</line><postcode>45100</postcode>", true,
     "address children in any order"},
    {"<headcount> 80 </headcount>", "<!-- c --><headcount>80</headcount>", true,
     "comments anywhere"},
    {"outcome=\"held\"", "outcome=\" held \"", true,
     "tokens: surrounding white space does not count"},
    {"<notice", "<?pi x?><notice", true, "processing instructions"},
    {"<absences>", "<absences><![CDATA[ ]]>", true, "blank CDATA"},
    {"<job-title>Cariste</job-title>", "", false, "missing element"},
    {"<job-title>Cariste</job-title>",
     "<job-title>A</job-title><job-title>B</job-title>", false,
     "repeated element"},
    {"<notice delivered=\"2017-09-04\" method=\"registered-mail\"/>", "", true,
     "notice is optional"},
    {"<mandates>",
     "<notice delivered=\"2017-09-04\" method=\"hand\"/>"
     "<mandates>",
     false, "two notices, the second out of order"},
    {"delegation-share=\"0.35\"", "delegation-share=\"0,35\"", false,
     "decimal comma"},
    {"hours=\"35\"", "hours=\"35.\"", false, "decimal point without digits"},
    {"mandatory=\"true\"", "mandatory=\"1\"", false, "boolean as 1"},
    {"mandatory=\"true\"", "", false, "missing @mandatory"},
    {"<signatures employee=\"2019-09-03\"",
     "<signatures employee=\"2019-09-03\" witness=\"2019-09-03\"", false,
     "unknown attribute on an empty element"},
    {"<signatures employee=\"2019-09-03\" employer=\"2019-09-02\"/>",
     "<signatures employee=\"2019-09-03\">x</signatures>", false,
     "text in an empty element"},
    {"<information vae=\"true\" cpf=\"false\"/>", "<information vae=\"oui\"/>",
     false, "French boolean"},
    {"<visit kind=\"mid-career\"", "<visit kind=\"end-of-career\"", false,
     "visit kinds"},
    {"<given-name>\n        Zoë\n      </given-name>",
     "<given-name><b>Zoë</b></given-name>", false, "markup in text"},
    {"<dossier id=\"D2\">", "<dossier>", false, "missing dossier id"},
    {"<dossiers version=\"1\">", "<dossiers>", false, "missing version"},
    {"<employment contract", "<employment xml:lang=\"fr\" contract", false,
     "namespaced attribute"},
    {"<employee>", "<employee xmlns=\"urn:x\">", false,
     "elements in a namespace"},
};

static void test_explain_agrees(void **state)
{
	(void)state;
	struct dossier_parse_guard guard;
	dossier_parse_guard_begin(&guard);
	FILE *log = tmpfile();
	diag_reset(log);
	struct dossier_schema *schema = dossier_schema_new(schema_dir());
	assert_non_null(schema);
	for (size_t i = 0; i < sizeof(mutations) / sizeof(mutations[0]); i++) {
		char *xml = replace(base, mutations[i].find, mutations[i].with);
		struct dossier_parse_error err;
		xmlDocPtr doc = dossier_parse(xml, strlen(xml), &err);
		free(xml);
		if (doc == NULL) {
			/* Not well-formed is not the schema's business. */
			if (mutations[i].valid)
				fail_msg("%s: %s", mutations[i].reason,
					 err.message);
			continue;
		}
		int valid = dossier_schema_validate(schema, doc);
		unsigned found = dossier_schema_explain(
		    schema, xmlDocGetRootElement(doc), NULL, "t.xml");
		xmlFreeDoc(doc);
		if (valid != mutations[i].valid)
			fail_msg("%s: libxml2 says %d", mutations[i].reason,
				 valid);
		if ((found == 0) != (valid == 1))
			fail_msg("%s: libxml2 says %d, the explanation found "
				 "%u problems",
				 mutations[i].reason, valid, found);
	}
	dossier_schema_free(schema);
	diag_reset(NULL);
	fclose(log);
	dossier_parse_guard_end(&guard);
}

/* cli.md: a directory gives its *.xml files in name order, no more. */
static void test_inputs(void **state)
{
	(void)state;
	char dir[600], sub[700];
	snprintf(dir, sizeof(dir), "%s/inputs", tmpdir);
	snprintf(sub, sizeof(sub), "%s/sub.xml", dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(mkdir(sub, 0700), 0);
	put("inputs/b.xml", "");
	put("inputs/a.xml", "");
	put("inputs/B.xml", "");
	put("inputs/.hidden.xml", "");
	put("inputs/notes.txt", "");
	put("inputs/x.xml~", "");
	put("inputs/.xml", "");
	char with_slash[700];
	snprintf(with_slash, sizeof(with_slash), "%s/", dir);
	char *args[] = {dir, (char *)"-", with_slash, (char *)"missing.xml"};
	FILE *log = tmpfile();
	diag_reset(log);
	struct inputs *in = inputs_new(args, 4);
	assert_non_null(in);
	static const char *const want[] = {
	    "/inputs/B.xml", "/inputs/a.xml", "/inputs/b.xml", "-",
	    "/inputs/B.xml", "/inputs/a.xml", "/inputs/b.xml", "missing.xml",
	};
	static const char *const reasons[] = {
	    "byte order: upper case first",
	    "name order",
	    "name order",
	    "- kept for standard input",
	    "a trailing slash is not doubled",
	    "",
	    "",
	    "a missing file is kept, to be reported when read",
	};
	assert_int_equal(inputs_count(in), 8);
	for (size_t i = 0; i < 8; i++) {
		const char *p = inputs_path(in, i);
		size_t n = strlen(p), w = strlen(want[i]);
		if (n < w || strcmp(p + n - w, want[i]) != 0 ||
		    strstr(p, "//") != NULL)
			fail_msg("%s: [%zu] is %s", reasons[i], i, p);
	}
	inputs_free(in);
	inputs_free(NULL);
	assert_int_equal(diag_errors(), 0);
	diag_reset(NULL);
	fclose(log);
}

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) != NULL ? 0 : -1;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	(void)state;
	return nftw(tmpdir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_valid_file),
	    cmocka_unit_test(test_rejections),
	    cmocka_unit_test(test_all_problems),
	    cmocka_unit_test(test_company_resolution),
	    cmocka_unit_test(test_across_files),
	    cmocka_unit_test(test_hostile),
	    cmocka_unit_test(test_explain_agrees),
	    cmocka_unit_test(test_inputs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
