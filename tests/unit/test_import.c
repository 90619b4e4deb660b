/*
 * Unit tests of the CSV importer's cell values (import_values.c),
 * header normalisation and file kinds (import_columns.c), and the whole
 * run on small exports in memory (import.c): tables with a reason on
 * every row.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "import_internal.h"

static const struct import_col *column(enum import_kind k, const char *name)
{
	char norm[128];
	import_normalize(name, norm, sizeof(norm));
	int c = import_column_find(k, norm);
	assert_true(c >= 0);
	return &import_kinds[k].cols[c];
}

static void test_values(void **state)
{
	(void)state;
	static const struct {
		enum import_kind kind;
		const char *col, *in, *want; /* want NULL: refused or empty */
		const char *why;
	} rows[] = {
	    {IMPORT_EMPLOYEES, "hire_date", "04/09/2017", "2017-09-04",
	     "French Excel date"},
	    {IMPORT_EMPLOYEES, "hire_date", "4/9/2017", "2017-09-04",
	     "day and month without their zero"},
	    {IMPORT_EMPLOYEES, "hire_date", "2017-09-04", "2017-09-04", "ISO"},
	    {IMPORT_EMPLOYEES, "hire_date", " 2017-09-04 ", "2017-09-04",
	     "white space trimmed"},
	    {IMPORT_EMPLOYEES, "hire_date", "31/02/2019", NULL,
	     "no 31 February"},
	    {IMPORT_EMPLOYEES, "hire_date", "29/02/2024", "2024-02-29",
	     "a leap day"},
	    {IMPORT_EMPLOYEES, "hire_date", "09/04/17", NULL,
	     "a two-digit year is ambiguous"},
	    {IMPORT_EMPLOYEES, "hire_date", "2017-9-4", NULL,
	     "ISO needs two digits"},
	    {IMPORT_EMPLOYEES, "hire_date", "", NULL, "empty: absent"},
	    {IMPORT_CONVOCATIONS, "date", "25/10/2026 10:00",
	     "2026-10-25T10:00", "Excel date and time"},
	    {IMPORT_CONVOCATIONS, "date", "2026-10-25T10:00",
	     "2026-10-25T10:00", "dossier form"},
	    {IMPORT_CONVOCATIONS, "date", "25/10/2026 10h30",
	     "2026-10-25T10:30", "French 10h30"},
	    {IMPORT_CONVOCATIONS, "date", "25/10/2026 10:30:00",
	     "2026-10-25T10:30", "seconds :00 dropped"},
	    {IMPORT_CONVOCATIONS, "date", "25/10/2026 24:00", NULL,
	     "no hour 24"},
	    {IMPORT_CONVOCATIONS, "date", "25/10/2026", NULL, "no time"},
	    {IMPORT_TRAININGS, "mandatory", "Oui", "true", "French yes"},
	    {IMPORT_TRAININGS, "mandatory", "NON", "false", "any case"},
	    {IMPORT_TRAININGS, "mandatory", "peut-être", NULL, "not a boolean"},
	    {IMPORT_TRAININGS, "hours", "10,5", "10.5", "decimal comma"},
	    {IMPORT_TRAININGS, "hours", "1 234", "1234", "thousands space"},
	    {IMPORT_TRAININGS, "hours", "-3", NULL, "no negative hours"},
	    {IMPORT_TRAININGS, "hours", "1,2,3", NULL, "two commas"},
	    {IMPORT_ABONDEMENTS, "amount_eur", "3 000,00", "3000",
	     "spreadsheet money"},
	    {IMPORT_ABONDEMENTS, "amount_eur", "3000,50", NULL,
	     "euros are whole"},
	    {IMPORT_COMPANIES, "company_siret", "123 456 789 00012",
	     "12345678900012", "SIRET with spaces"},
	    {IMPORT_COMPANIES, "company_siret", "1234", NULL, "too short"},
	    {IMPORT_ABSENCES, "kind", "Congé parental", "parental-leave",
	     "French words, accent and case"},
	    {IMPORT_ABSENCES, "kind", "parental-leave", "parental-leave",
	     "dossier.md code"},
	    {IMPORT_ABSENCES, "kind", "Maladie", "sick", "French sick"},
	    {IMPORT_ABSENCES, "kind", "vacances", NULL, "not a kind"},
	    {IMPORT_EMPLOYEES, "civility", "Madame", "Mme", "civility word"},
	    {IMPORT_EMPLOYEES, "civility", "M.", "M.", "the code itself"},
	    {IMPORT_CONVOCATIONS, "delivery", "LRAR", "registered-mail",
	     "what HR calls it"},
	    {IMPORT_EMPLOYEES, "employee_id", "E0042", "E0042", "an id"},
	    {IMPORT_EMPLOYEES, "employee_id", "../etc", NULL,
	     "an id never names a path"},
	    {IMPORT_EMPLOYEES, "employee_id", ".hidden", NULL,
	     "no leading dot"},
	    {IMPORT_EMPLOYEES, "job_title", "=HYPERLINK(\"x\")", NULL,
	     "a formula"},
	    {IMPORT_EMPLOYEES, "job_title", "@SUM(A1)", NULL, "a formula"},
	    {IMPORT_EMPLOYEES, "job_title", "- Soudeur", "- Soudeur",
	     "a dash is text"},
	    {IMPORT_EMPLOYEES, "job_title",
	     "Sou\x01"
	     "deur",
	     NULL, "a control character"},
	    {IMPORT_EMPLOYEES, "family_name", "Żółć", "Żółć",
	     "letters kept as they are"},
	};
	struct arena *a = arena_new();
	FILE *null = fopen("/dev/null", "w");
	diag_reset(null);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		bool bad = false;
		const struct import_col *c = column(rows[i].kind, rows[i].col);
		char *got = import_value_check(a, c, rows[i].col, rows[i].in,
					       "t.csv", 2, 1, &bad);
		if ((got == NULL) != (rows[i].want == NULL) ||
		    (got != NULL && strcmp(got, rows[i].want) != 0))
			fail_msg("%s \"%s\": got \"%s\", want \"%s\" (%s)",
				 rows[i].col, rows[i].in, got ? got : "(none)",
				 rows[i].want ? rows[i].want : "(none)",
				 rows[i].why);
		bool empty = rows[i].in[0] == '\0';
		if (bad != (rows[i].want == NULL && !empty))
			fail_msg("%s \"%s\": reported %d (%s)", rows[i].col,
				 rows[i].in, bad, rows[i].why);
	}
	diag_reset(NULL);
	fclose(null);
	arena_free(a);
}

static void test_headers_and_kinds(void **state)
{
	(void)state;
	static const struct {
		const char *path;
		enum import_kind kind;
		const char *why;
	} files[] = {
	    {"export/salaries.csv", IMPORT_EMPLOYEES, "French name"},
	    {"Salariés 2026.CSV", IMPORT_EMPLOYEES, "accent, case, space"},
	    {"employees.csv", IMPORT_EMPLOYEES, "English name"},
	    {"societes.csv", IMPORT_COMPANIES, "companies"},
	    {"entretiens-actions.csv", IMPORT_ACTIONS,
	     "actions before interviews"},
	    {"entretiens.csv", IMPORT_INTERVIEWS, "interviews"},
	    {"visites-medicales.csv", IMPORT_VISITS, "medical visits"},
	    {"paie.csv", IMPORT_NKINDS, "says nothing"},
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		if (import_kind_of(files[i].path) != files[i].kind)
			fail_msg("%s (%s)", files[i].path, files[i].why);
	char n[64];
	import_normalize("Date d'embauche", n, sizeof(n));
	assert_string_equal(n, "datedembauche");
	assert_true(import_column_find(IMPORT_EMPLOYEES, n) == IC_HIRE_DATE);
	import_normalize("DATE_ANCIENNETÉ", n, sizeof(n));
	assert_true(import_column_find(IMPORT_EMPLOYEES, n) ==
		    IC_SENIORITY_DATE);
}

static size_t emitted;
static bool count_emit(void *ctx, const struct import_output *o)
{
	(void)ctx;
	emitted += o->ndossiers;
	return true;
}

/* The join: a bad row of a record file leaves its employee out. */
static void test_join(void **state)
{
	(void)state;
	static const char emp[] =
	    "matricule;societe;raison_sociale;effectif;societe_adresse_1;"
	    "societe_code_postal;societe_ville;signataire;signataire_fonction;"
	    "prenom;nom;date_naissance;contrat;date_embauche;poste\n"
	    "A1;CO;Co SA;10;1 rue;75001;Paris;Ann Lee;DRH;Jean;Roux;"
	    "01/01/1980;CDI;01/01/2020;Agent\n"
	    "A2;CO;;;;;;;;Marie;Roux;01/01/1981;CDI;01/01/2020;Agent\n"
	    "A3;CO;Other SA;;;;;;;Luc;Roux;01/01/1982;CDI;01/01/2020;Agent\n";
	static const char abs[] = "matricule,type,debut,fin\n"
				  "A1,maladie,02/02/2024,01/02/2024\n"
				  "A2,maladie,02/02/2024,09/02/2024\n";
	struct import_file files[] = {
	    {"salaries.csv", emp, sizeof(emp) - 1},
	    {"absences.csv", abs, sizeof(abs) - 1},
	};
	struct import_result res;
	emitted = 0;
	FILE *null = fopen("/dev/null", "w");
	diag_reset(null);
	assert_true(import_run(files, 2, NULL, count_emit, NULL, &res));
	/* A1: end before start; A3: another company name for CO. */
	assert_int_equal(diag_errors(), 2);
	diag_reset(NULL);
	fclose(null);
	assert_int_equal(res.ndossiers, 1);
	assert_int_equal(emitted, 1);
	assert_int_equal(res.nrejected, 2);
}

/* A one-company export needs no company column on its employees. */
static void test_one_company(void **state)
{
	(void)state;
	static const char co[] =
	    "raison_sociale;societe;effectif;societe_adresse_1;"
	    "societe_code_postal;societe_ville;signataire;signataire_fonction\n"
	    "Co SA;CO;10;1 rue;75001;Paris;Ann Lee;DRH\n";
	static const char emp[] =
	    "matricule;prenom;nom;date_naissance;contrat;date_embauche;poste\n"
	    "A1;Jean;Roux;01/01/1980;CDI;01/01/2020;Agent\n"
	    "A2;Marie;Roux;01/01/1981;CDI;01/01/2020;Agent\n";
	struct import_file files[] = {
	    {"societes.csv", co, sizeof(co) - 1},
	    {"salaries.csv", emp, sizeof(emp) - 1},
	};
	struct import_result res;
	emitted = 0;
	assert_true(import_run(files, 2, NULL, count_emit, NULL, &res));
	assert_int_equal(diag_errors(), 0);
	assert_int_equal(res.ndossiers, 2);
	assert_int_equal(res.nfiles, 1);
	/* Two companies: the column is needed, said once. */
	static const char co2[] =
	    "raison_sociale;societe;effectif;societe_adresse_1;"
	    "societe_code_postal;societe_ville;signataire;signataire_fonction\n"
	    "Co SA;CO;10;1 rue;75001;Paris;Ann Lee;DRH\n"
	    "Bo SA;BO;10;1 rue;75001;Paris;Ann Lee;DRH\n";
	files[0].data = co2;
	files[0].len = sizeof(co2) - 1;
	FILE *null = fopen("/dev/null", "w");
	diag_reset(null);
	assert_true(import_run(files, 2, NULL, count_emit, NULL, &res));
	assert_int_equal(diag_errors(), 1);
	assert_int_equal(res.ndossiers, 0);
	diag_reset(NULL);
	fclose(null);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_values),
	    cmocka_unit_test(test_headers_and_kinds),
	    cmocka_unit_test(test_join),
	    cmocka_unit_test(test_one_company),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
