/*
 * Unit tests of the French formatters (fmt.c) and of the field formats
 * (fields_format()): dates, times, amounts with their exact code points,
 * seniority, names and agreement by civility.
 */
/* cmocka.h needs these first. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "fmt.h"

/* U+202F and U+00A0 spelled out, so that a row shows what it expects. */
#define NNBSP "\xe2\x80\xaf"
#define NBSP  "\xc2\xa0"

static date_t D(const char *s)
{
	date_t d;
	if (s == NULL)
		return DATE_NONE;
	if (!date_parse(s, &d))
		fail_msg("bad date in a test table: %s", s);
	return d;
}

static void check(const char *why, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		fail_msg("%s: got \"%s\", want \"%s\"", why, got, want);
}

static const struct {
	const char *date;
	int format; /* index in fields_format_find()'s date formats */
	const char *want, *why;
} dates[] = {
    {"2017-09-04", 0, "4 septembre 2017", "day without leading zero"},
    {"2022-01-01", 0, "1er janvier 2022", "the first is 1er"},
    {"2024-02-29", 0, "29 février 2024", "accented month, leap day"},
    {"2023-08-15", 0, "15 août 2023", "août keeps its circumflex"},
    {"2021-12-06", 0, "6 décembre 2021", "décembre"},
    {"2022-01-10", 1, "lundi 10 janvier 2022", "weekday format"},
    {"2023-10-01", 1, "dimanche 1er octobre 2023", "weekday with 1er"},
    {"2017-09-04", 2, "04/09/2017", "numeric: day first, zero-padded"},
    {"2017-09-04", 3, "2017-09-04", "iso format"},
    {"2017-09-04", 4, "septembre 2017", "month and year"},
    {"2017-09-04", 5, "2017", "year alone"},
};

static void test_dates(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(dates) / sizeof(*dates); i++) {
		struct fields_value v = {.type = FIELDS_DATE,
					 .date = D(dates[i].date)};
		struct buf b = {0};
		assert_true(fields_format(&v, dates[i].format, &b));
		buf_put(&b, "", 1);
		check(dates[i].why, (const char *)b.data, dates[i].want);
		buf_free(&b);
	}
}

static void test_absent_values(void **state)
{
	(void)state;
	struct buf b = {0};
	struct fields_value date = {.type = FIELDS_DATE, .date = DATE_NONE};
	struct fields_value text = {.type = FIELDS_TEXT, .text = ""};
	struct fields_value amount = {.type = FIELDS_AMOUNT, .absent = true};
	assert_false(fields_format(&date, 0, &b));
	assert_false(fields_format(&text, 0, &b));
	assert_false(fields_format(&amount, 0, &b));
	assert_int_equal(b.len, 0);
	assert_false(fields_truth(&date));
	buf_free(&b);
}

static const struct {
	const char *date;
	int minutes;
	const char *want, *why;
} datetimes[] = {
    {"2022-01-10", 14 * 60, "lundi 10 janvier 2022 à 14 h 00",
     "documents.md's example"},
    {"2023-12-18", 9 * 60 + 30, "lundi 18 décembre 2023 à 9 h 30",
     "no leading zero on the hour"},
    {"2025-09-15", 11 * 60 + 5, "lundi 15 septembre 2025 à 11 h 05",
     "minutes keep two digits"},
    {"2024-06-01", 0, "samedi 1er juin 2024 à 0 h 00", "midnight, 1er"},
};

static void test_datetimes(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(datetimes) / sizeof(*datetimes); i++) {
		char s[FMT_DATETIME_LEN];
		struct datetime dt = {D(datetimes[i].date),
				      datetimes[i].minutes};
		check(datetimes[i].why, fmt_datetime(dt, s), datetimes[i].want);
	}
	char t[FMT_TIME_LEN];
	check("time alone", fmt_time(8 * 60 + 45, t), "8 h 45");
}

static const struct {
	const char *start, *end, *want, *why;
} ranges[] = {
    {"2020-05-11", "2020-05-11", "11 mai 2020", "one day"},
    {"2018-03-05", "2018-03-09", "du 5 au 9 mars 2018", "same month"},
    {"2018-03-30", "2018-04-02", "du 30 mars au 2 avril 2018", "same year"},
    {"2021-01-04", "2021-12-31", "du 4 janvier au 31 décembre 2021",
     "a whole year in one"},
    {"2024-12-30", "2025-01-03", "du 30 décembre 2024 au 3 janvier 2025",
     "across years"},
    {"2022-01-01", "2022-01-03", "du 1er au 3 janvier 2022",
     "1er at the start"},
    {"2023-02-06", NULL, "depuis le 6 février 2023", "still running"},
};

static void test_ranges(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ranges) / sizeof(*ranges); i++) {
		char s[FMT_RANGE_LEN];
		check(ranges[i].why,
		      fmt_date_range(D(ranges[i].start), D(ranges[i].end), s),
		      ranges[i].want);
	}
}

static const struct {
	long long eur;
	const char *want, *why;
} amounts[] = {
    {3000, "3" NNBSP "000" NBSP "€", "documents.md: 3 000 €"},
    {0, "0" NBSP "€", "zero"},
    {1000000, "1" NNBSP "000" NNBSP "000" NBSP "€", "a million: two"},
    {999, "999" NBSP "€", "no separator under a thousand"},
    {1000, "1" NNBSP "000" NBSP "€", "exactly a thousand"},
    {-1500, "-1" NNBSP "500" NBSP "€", "negative keeps its groups"},
};

static void test_amounts(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(amounts) / sizeof(*amounts); i++) {
		char s[FMT_AMOUNT_LEN];
		check(amounts[i].why, fmt_amount_eur(amounts[i].eur, s),
		      amounts[i].want);
	}
	/* The code points themselves, not a look-alike space. */
	char s[FMT_AMOUNT_LEN];
	fmt_amount_eur(3000, s);
	assert_memory_equal(s,
			    "3\xe2\x80\xaf"
			    "000\xc2\xa0\xe2\x82\xac",
			    10);
	char n[FMT_NUMBER_LEN];
	check("headcount", fmt_number(2500, n), "2" NNBSP "500");
}

static const struct {
	double hours;
	const char *want, *why;
} hours[] = {
    {35, "35 h", "whole hours"},
    {3.5, "3,5 h", "French decimal comma"},
    {1.25, "1,25 h", "quarter hours"},
    {0, "0 h", "zero is a duration"},
    {-1, "", "absent (-1) prints nothing"},
};

static void test_hours(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(hours) / sizeof(*hours); i++) {
		char s[FMT_HOURS_LEN];
		check(hours[i].why, fmt_hours(hours[i].hours, s),
		      hours[i].want);
	}
}

static const struct {
	const char *from, *to, *want, *why;
} seniorities[] = {
    {"2017-09-04", "2017-09-04", "moins d'un mois", "0 months"},
    {"2017-09-04", "2017-10-03", "moins d'un mois", "a day short"},
    {"2017-09-04", "2018-09-04", "1 an", "one year, singular"},
    {"2017-09-04", "2023-12-04", "6 ans et 3 mois", "years and months"},
    {"2017-09-04", "2018-08-04", "11 mois", "months alone"},
    {"2017-09-04", "2019-09-03", "1 an et 11 mois", "a day short of 2"},
    {"2024-01-31", "2024-02-29", "1 mois", "month end clamps"},
    {"2017-09-04", NULL, "", "absent date"},
    {"2020-01-01", "2019-01-01", "", "backwards"},
};

static void test_seniority(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(seniorities) / sizeof(*seniorities);
	     i++) {
		char s[FMT_DURATION_LEN];
		check(seniorities[i].why,
		      fmt_seniority(D(seniorities[i].from),
				    D(seniorities[i].to), s),
		      seniorities[i].want);
	}
	char s[FMT_DURATION_LEN];
	check("age the day before a birthday",
	      fmt_age(D("1981-04-12"), D("2026-04-11"), s), "44 ans");
	check("age on the birthday",
	      fmt_age(D("1981-04-12"), D("2026-04-12"), s), "45 ans");
	check("one year old", fmt_age(D("2025-01-01"), D("2026-01-01"), s),
	      "1 an");
}

static const struct {
	enum civility civ;
	const char *given, *family, *want, *why;
} names[] = {
    {CIV_MME, "Aïcha", "Benali", "Mme Aïcha BENALI", "documents.md"},
    {CIV_M, "Łukasz", "Żółć", "M. Łukasz ŻÓŁĆ", "Polish capitals"},
    {CIV_NONE, "Thị Ánh", "Nguyễn", "Thị Ánh NGUYỄN",
     "Vietnamese stacked marks, no civility"},
    {CIV_M, "Seán", "O'Brien", "M. Seán O'BRIEN", "apostrophe kept"},
    {CIV_MME, "Zoë", "Lefèvre-Durand", "Mme Zoë LEFÈVRE-DURAND",
     "accents and hyphen kept"},
    {CIV_M, "Jürgen", "Groß", "M. Jürgen GROSS", "sharp s"},
};

static void test_names(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		struct buf b = {0};
		fmt_person_name(&b, names[i].civ, names[i].given,
				names[i].family);
		buf_put(&b, "", 1);
		check(names[i].why, (const char *)b.data, names[i].want);
		buf_free(&b);
	}
}

static const struct {
	const char *in, *want, *why;
} capitals[] = {
    {"état des lieux", "État des lieux", "accented first letter"},
    {"entretien", "Entretien", "ASCII first letter"},
    {"Déjà", "Déjà", "already a capital"},
    {"", "", "empty"},
};

static void test_capital(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(capitals) / sizeof(*capitals); i++) {
		struct buf b = {0};
		fmt_capital(&b, capitals[i].in);
		buf_put(&b, "", 1);
		check(capitals[i].why, (const char *)b.data, capitals[i].want);
		buf_free(&b);
	}
}

static const struct {
	enum civility civ;
	const char *m, *f, *n, *want, *why;
} agreements[] = {
    {CIV_MME, "convoqué", "convoquée", NULL, "convoquée", "Mme: feminine"},
    {CIV_M, "convoqué", "convoquée", NULL, "convoqué", "M.: masculine"},
    {CIV_MME, "présenté", "présentée", NULL, "présentée", "présentée"},
    {CIV_NONE, "convoqué", "convoquée", "convoqué(e)", "convoqué(e)",
     "unknown: the neutral form"},
    {CIV_NONE, "convoqué", "convoquée", NULL, "convoqué",
     "unknown without neutral: masculine"},
};

static void test_agreement(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(agreements) / sizeof(*agreements); i++)
		check(agreements[i].why,
		      fmt_agree(agreements[i].civ, agreements[i].m,
				agreements[i].f, agreements[i].n),
		      agreements[i].want);
	check("Madame", fmt_salutation(CIV_MME), "Madame");
	check("Monsieur", fmt_salutation(CIV_M), "Monsieur");
	check("unknown civility", fmt_salutation(CIV_NONE), "Madame, Monsieur");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dates),
	    cmocka_unit_test(test_absent_values),
	    cmocka_unit_test(test_datetimes),
	    cmocka_unit_test(test_ranges),
	    cmocka_unit_test(test_amounts),
	    cmocka_unit_test(test_hours),
	    cmocka_unit_test(test_seniority),
	    cmocka_unit_test(test_names),
	    cmocka_unit_test(test_capital),
	    cmocka_unit_test(test_agreement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
