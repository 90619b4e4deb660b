/*
 * Calendar arithmetic of rules.md §1 (date.c): parsing, month arithmetic
 * with clamping, quarter ends, weekdays, French formats.  Tables with a
 * reason on every row; expected values were computed independently of
 * date.c (by hand and with Python's datetime).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"

/* A date from a literal the tests trust; fails the test if not one. */
static date_t D(const char *s)
{
	date_t d;
	if (!date_parse(s, &d))
		fail_msg("test table error: \"%s\" is not a date", s);
	return d;
}

static void assert_date(date_t got, const char *want, const char *reason)
{
	char buf[DATE_ISO_LEN];
	if (want == NULL) {
		if (got != DATE_NONE)
			fail_msg("%s: got %s, expected no date", reason,
				 date_fmt_iso(got, buf));
		return;
	}
	date_fmt_iso(got, buf);
	if (strcmp(buf, want) != 0)
		fail_msg("%s: got \"%s\", expected %s", reason, buf, want);
}

static const struct {
	const char *in;
	bool ok;
	int y, m, d;
	const char *reason;
} parse_cases[] = {
    {"2024-02-29", true, 2024, 2, 29, "leap day in a leap year"},
    {"2000-02-29", true, 2000, 2, 29, "divisible by 400: leap"},
    {"1900-02-29", false, 0, 0, 0, "divisible by 100 only: not leap"},
    {"2023-02-29", false, 0, 0, 0, "leap day in a common year"},
    {"2023-02-30", false, 0, 0, 0, "30 February never exists"},
    {"2023-04-31", false, 0, 0, 0, "April has 30 days"},
    {"2023-12-31", true, 2023, 12, 31, "last day of the year"},
    {"2023-13-01", false, 0, 0, 0, "month 13"},
    {"2023-00-10", false, 0, 0, 0, "month 0"},
    {"2023-01-00", false, 0, 0, 0, "day 0"},
    {"2023-01-32", false, 0, 0, 0, "day 32"},
    {"2023-2-3", false, 0, 0, 0, "month and day need two digits"},
    {"2023-02-03x", false, 0, 0, 0, "trailing character"},
    {"2023-02-03 ", false, 0, 0, 0, "trailing space"},
    {" 2023-02-03", false, 0, 0, 0, "leading space"},
    {"2023/02/03", false, 0, 0, 0, "slashes are not ISO 8601"},
    {"+023-02-03", false, 0, 0, 0, "a sign is not a digit"},
    {"2023-02-03T10:00", false, 0, 0, 0, "a date-time is not a date"},
    {"", false, 0, 0, 0, "empty string"},
    {"1900-01-01", true, 1900, 1, 1, "first accepted day"},
    {"1899-12-31", false, 0, 0, 0, "before DATE_YEAR_MIN"},
    {"2199-12-31", true, 2199, 12, 31, "last accepted day"},
    {"2200-01-01", false, 0, 0, 0, "after DATE_YEAR_MAX"},
};

static void test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]);
	     i++) {
		date_t d = 12345;
		bool ok = date_parse(parse_cases[i].in, &d);
		if (ok != parse_cases[i].ok)
			fail_msg("%s: date_parse(\"%s\") = %d",
				 parse_cases[i].reason, parse_cases[i].in, ok);
		if (!ok)
			continue;
		int y, m, dd;
		date_to_ymd(d, &y, &m, &dd);
		if (y != parse_cases[i].y || m != parse_cases[i].m ||
		    dd != parse_cases[i].d)
			fail_msg("%s: got %d-%d-%d", parse_cases[i].reason, y,
				 m, dd);
	}
	assert_false(date_parse(NULL, &(date_t){0}));
}

static const struct {
	const char *in;
	bool ok;
	const char *date;
	int minutes;
	const char *reason;
} datetime_cases[] = {
    {"2024-01-08T09:30", true, "2024-01-08", 570, "morning interview"},
    {"2024-01-08T00:00", true, "2024-01-08", 0, "midnight"},
    {"2024-01-08T23:59", true, "2024-01-08", 1439, "last minute"},
    {"2024-01-08T24:00", false, NULL, 0, "hour 24"},
    {"2024-01-08T23:60", false, NULL, 0, "minute 60"},
    {"2024-01-08T9:30", false, NULL, 0, "hour needs two digits"},
    {"2024-01-08 09:30", false, NULL, 0, "a space instead of T"},
    {"2024-01-08t09:30", false, NULL, 0, "lower-case t"},
    {"2024-01-08T09:30:00", false, NULL, 0, "no seconds"},
    {"2024-01-08T09:30Z", false, NULL, 0, "no time zone"},
    {"2023-02-30T10:00", false, NULL, 0, "impossible date part"},
    {"2024-01-08", false, NULL, 0, "a date alone"},
};

static void test_datetime(void **state)
{
	(void)state;
	for (size_t i = 0;
	     i < sizeof(datetime_cases) / sizeof(datetime_cases[0]); i++) {
		struct datetime dt = {0, -1};
		bool ok = datetime_parse(datetime_cases[i].in, &dt);
		if (ok != datetime_cases[i].ok)
			fail_msg("%s: datetime_parse(\"%s\") = %d",
				 datetime_cases[i].reason, datetime_cases[i].in,
				 ok);
		if (!ok)
			continue;
		assert_date(dt.date, datetime_cases[i].date,
			    datetime_cases[i].reason);
		if (dt.minutes != datetime_cases[i].minutes)
			fail_msg("%s: minutes %d", datetime_cases[i].reason,
				 dt.minutes);
	}
}

static const struct {
	const char *from;
	int months;
	const char *want; /* NULL: out of range */
	const char *reason;
} month_cases[] = {
    {"2024-02-29", 12, "2025-02-28", "leap day clamps (rules.md §1)"},
    {"2023-01-31", 1, "2023-02-28", "month end clamps (rules.md §1)"},
    {"2024-01-31", 1, "2024-02-29", "clamps to a leap February"},
    {"2024-03-31", 1, "2024-04-30", "31 to a 30-day month"},
    {"2023-12-15", 1, "2024-01-15", "across a year boundary"},
    {"2023-11-30", 3, "2024-02-29", "across a year into a leap February"},
    {"2024-01-15", -1, "2023-12-15", "backwards across a year boundary"},
    {"2024-03-31", -1, "2024-02-29", "backwards clamps too"},
    {"2020-02-29", 48, "2024-02-29", "leap day to leap day"},
    {"2017-09-04", 24, "2019-09-04", "2014 regime periodicity"},
    {"2024-01-08", 48, "2028-01-08", "2025 regime periodicity"},
    {"2024-05-31", 0, "2024-05-31", "zero months is the same day"},
    {"2014-03-07", 72, "2020-03-07", "six years of seniority"},
    {"2199-12-31", 1, NULL, "past DATE_YEAR_MAX gives no date"},
    {"1900-01-31", -1, NULL, "before DATE_YEAR_MIN gives no date"},
    {"2024-01-15", -30001, NULL,
     "far before the calendar: no date (was an out-of-bounds read)"},
    {"2024-01-15", 3000000, NULL, "far after the calendar: no date"},
};

static void test_add_months(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(month_cases) / sizeof(month_cases[0]);
	     i++)
		assert_date(date_add_months(D(month_cases[i].from),
					    month_cases[i].months),
			    month_cases[i].want, month_cases[i].reason);
	assert_date(date_add_months(DATE_NONE, 3), NULL,
		    "no date stays no date");
}

static const struct {
	const char *from;
	int years;
	const char *want;
	const char *reason;
} year_cases[] = {
    {"2024-02-29", 1, "2025-02-28", "leap day, one year on"},
    {"2024-02-29", 4, "2028-02-29", "leap day, four years on"},
    {"2023-09-04", 8, "2031-09-04", "recap period of the 2025 regime"},
    {"2041-04-12", -2, "2039-04-12", "end-of-career window start"},
};

static void test_add_years(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(year_cases) / sizeof(year_cases[0]); i++)
		assert_date(
		    date_add_years(D(year_cases[i].from), year_cases[i].years),
		    year_cases[i].want, year_cases[i].reason);
}

static const struct {
	const char *in, *want, *reason;
} quarter_cases[] = {
    {"2024-02-10", "2024-06-30", "rules.md §1 example, Q1 to Q2"},
    {"2024-12-31", "2025-03-31", "rules.md §1 example, Q4 to next Q1"},
    {"2024-01-01", "2024-06-30", "first day of a quarter"},
    {"2024-03-31", "2024-06-30", "last day of a quarter"},
    {"2024-04-01", "2024-09-30", "Q2 to Q3"},
    {"2024-07-15", "2024-12-31", "Q3 to Q4"},
    {"2024-10-01", "2025-03-31", "first day of Q4"},
    {"2020-03-07", "2020-06-30", "rules.md §11, E0107's payment due"},
    {"2027-11-15", "2028-03-31", "Q4 of a year before a leap year"},
    {"2199-11-01", NULL, "the quarter after lies past DATE_YEAR_MAX"},
};

static void test_quarter_end(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(quarter_cases) / sizeof(quarter_cases[0]);
	     i++)
		assert_date(date_quarter_end_after(D(quarter_cases[i].in)),
			    quarter_cases[i].want, quarter_cases[i].reason);
	assert_date(date_quarter_end_after(DATE_NONE), NULL,
		    "no date stays no date");
}

static const struct {
	const char *from, *to;
	int months, years;
	const char *reason;
} between_cases[] = {
    {"2017-09-04", "2019-09-04", 24, 2, "exact anniversary"},
    {"2017-09-04", "2019-09-03", 23, 1, "the day before"},
    {"2024-01-31", "2024-02-29", 1, 0, "month end: clamped anniversary"},
    {"2024-01-31", "2024-02-28", 0, 0, "month end: one day short"},
    {"2024-02-29", "2025-02-28", 12, 1, "leap-day birthday, common year"},
    {"2023-12-15", "2024-01-14", 0, 0, "across a year, short"},
    {"2023-12-15", "2024-01-15", 1, 0, "across a year, exact"},
    {"1981-04-12", "2026-04-11", 539, 44, "age: the day before 45"},
    {"1981-04-12", "2026-04-12", 540, 45, "age: 45th birthday"},
    {"2022-05-05", "2022-05-05", 0, 0, "same day"},
};

static void test_between(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(between_cases) / sizeof(between_cases[0]);
	     i++) {
		date_t a = D(between_cases[i].from), b = D(between_cases[i].to);
		int m = date_months_between(a, b);
		int y = date_years_between(a, b);
		if (m != between_cases[i].months || y != between_cases[i].years)
			fail_msg("%s: %d months, %d years",
				 between_cases[i].reason, m, y);
	}
}

static const struct {
	const char *in;
	int weekday;
	const char *name, *reason;
} weekday_cases[] = {
    {"1970-01-01", 3, "jeudi", "the epoch was a Thursday"},
    {"1969-12-31", 2, "mercredi", "negative day numbers"},
    {"1900-01-01", 0, "lundi", "first accepted day"},
    {"2000-01-01", 5, "samedi", "a Saturday"},
    {"2022-01-10", 0, "lundi", "documents.md example"},
    {"2024-02-29", 3, "jeudi", "leap day"},
    {"2023-10-01", 6, "dimanche", "a Sunday"},
    {"2199-12-31", 1, "mardi", "last accepted day"},
};

static void test_weekday(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(weekday_cases) / sizeof(weekday_cases[0]);
	     i++) {
		date_t d = D(weekday_cases[i].in);
		if (date_weekday(d) != weekday_cases[i].weekday ||
		    strcmp(date_weekday_fr(d), weekday_cases[i].name) != 0)
			fail_msg("%s: %d %s", weekday_cases[i].reason,
				 date_weekday(d), date_weekday_fr(d));
	}
}

static const struct {
	const char *in, *fr, *fr_weekday, *reason;
} french_cases[] = {
    {"2022-01-01", "1er janvier 2022", "samedi 1er janvier 2022",
     "first of the month is 1er"},
    {"2017-09-04", "4 septembre 2017", "lundi 4 septembre 2017",
     "no leading zero"},
    {"2021-12-06", "6 décembre 2021", "lundi 6 décembre 2021",
     "accented month (UTF-8)"},
    {"2024-08-01", "1er août 2024", "jeudi 1er août 2024",
     "août with its circumflex"},
    {"2024-02-29", "29 février 2024", "jeudi 29 février 2024",
     "février, leap day"},
    {"2022-01-10", "10 janvier 2022", "lundi 10 janvier 2022",
     "documents.md convocation example"},
    {"2023-10-01", "1er octobre 2023", "dimanche 1er octobre 2023",
     "Sunday the first"},
};

static void test_french(void **state)
{
	(void)state;
	char fr[DATE_FR_LEN], wd[DATE_FR_WEEKDAY_LEN];
	for (size_t i = 0; i < sizeof(french_cases) / sizeof(french_cases[0]);
	     i++) {
		date_t d = D(french_cases[i].in);
		if (strcmp(date_fmt_fr(d, fr), french_cases[i].fr) != 0 ||
		    strcmp(date_fmt_fr_weekday(d, wd),
			   french_cases[i].fr_weekday) != 0)
			fail_msg("%s: \"%s\", \"%s\"", french_cases[i].reason,
				 fr, wd);
	}
	assert_string_equal(date_fmt_fr(DATE_NONE, fr), "");
	assert_string_equal(date_fmt_fr_weekday(DATE_NONE, wd), "");
	assert_string_equal(date_month_fr(13), "");
}

static const struct {
	const char *in, *day, *month, *numeric, *reason;
} short_cases[] = {
    {"2022-01-01", "1er", "janvier 2022", "01/01/2022",
     "first of the month is 1er; numeric is zero-padded"},
    {"2017-09-04", "4", "septembre 2017", "04/09/2017",
     "day without leading zero in words, with it in figures"},
    {"2024-08-31", "31", "août 2024", "31/08/2024", "accented month"},
    {"1900-12-25", "25", "décembre 1900", "25/12/1900",
     "first year accepted, four-digit year"},
};

static void test_short_forms(void **state)
{
	(void)state;
	char day[DATE_FR_DAY_LEN], month[DATE_FR_LEN], num[DATE_NUMERIC_LEN];
	for (size_t i = 0; i < sizeof(short_cases) / sizeof(short_cases[0]);
	     i++) {
		date_t d = D(short_cases[i].in);
		if (strcmp(date_fmt_fr_day(d, day), short_cases[i].day) != 0 ||
		    strcmp(date_fmt_fr_month(d, month), short_cases[i].month) !=
			0 ||
		    strcmp(date_fmt_numeric(d, num), short_cases[i].numeric) !=
			0)
			fail_msg("%s: \"%s\", \"%s\", \"%s\"",
				 short_cases[i].reason, day, month, num);
	}
	assert_string_equal(date_fmt_fr_day(DATE_NONE, day), "");
	assert_string_equal(date_fmt_fr_month(DATE_NONE, month), "");
	assert_string_equal(date_fmt_numeric(DATE_NONE, num), "");
}

static void test_iso_round_trip(void **state)
{
	(void)state;
	/* Every accepted day: ymd -> day number -> ISO -> parse. */
	date_t first = D("1900-01-01"), last = D("2199-12-31");
	date_t expect = first;
	char buf[DATE_ISO_LEN];
	for (int y = DATE_YEAR_MIN; y <= DATE_YEAR_MAX; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= 31; d++) {
				date_t v = date_from_ymd(y, m, d);
				if (v == DATE_NONE)
					continue;
				/* Consecutive days are consecutive numbers. */
				if (v != expect)
					fail_msg("%d-%d-%d: %d, expected %d", y,
						 m, d, v, expect);
				expect++;
				date_t back;
				if (!date_parse(date_fmt_iso(v, buf), &back) ||
				    back != v)
					fail_msg("%s does not round-trip", buf);
			}
	assert_int_equal(expect, last + 1);
	assert_int_equal(D("1970-01-01"), 0);
	assert_string_equal(date_fmt_iso(DATE_NONE, buf), "");
	assert_int_equal(date_from_ymd(2023, 2, 29), DATE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse),
	    cmocka_unit_test(test_datetime),
	    cmocka_unit_test(test_add_months),
	    cmocka_unit_test(test_add_years),
	    cmocka_unit_test(test_quarter_end),
	    cmocka_unit_test(test_between),
	    cmocka_unit_test(test_weekday),
	    cmocka_unit_test(test_french),
	    cmocka_unit_test(test_short_forms),
	    cmocka_unit_test(test_iso_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
