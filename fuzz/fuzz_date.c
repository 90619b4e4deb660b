/*
 * libFuzzer harness: the date parsers and calendar arithmetic of date.h
 * (with the French formatters of fmt.h), checked against their
 * contracts.  For `make fuzz`; never linked into parcours.
 *
 * The input is tried as "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM" text; a date
 * the parser accepts must print back to the same text, survive the
 * ymd round trip and obey rules.md §1 (month arithmetic clamps, quarter
 * ends).  The first bytes also drive arithmetic on arbitrary dates.
 */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fmt.h"

static void check_date(date_t d)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	if (!date_valid_ymd(y, m, day) || date_from_ymd(y, m, day) != d)
		abort();
	char iso[DATE_ISO_LEN], fr[DATE_FR_LEN], wd[DATE_FR_WEEKDAY_LEN];
	date_fmt_iso(d, iso);
	date_t back;
	if (!date_parse(iso, &back) || back != d)
		abort();
	if (date_fmt_fr(d, fr)[0] == '\0' ||
	    date_fmt_fr_weekday(d, wd)[0] == '\0')
		abort();
	int w = date_weekday(d);
	if (w < 0 || w > 6 || date_weekday(d + 7) != w)
		abort();
	/* The quarter end after d is in the next quarter, and a month end. */
	date_t q = date_quarter_end_after(d);
	if (q != DATE_NONE) {
		int qy, qm, qd;
		date_to_ymd(q, &qy, &qm, &qd);
		if (q <= d || qm % 3 != 0 ||
		    date_from_ymd(qy, qm, qd + 1) != DATE_NONE)
			abort();
	}
}

/* d + n months: same day or the month's last, in the right month. */
static void check_add_months(date_t d, int n)
{
	date_t r = date_add_months(d, n);
	if (r == DATE_NONE)
		return; /* out of the supported years */
	int y, m, day, ry, rm, rd;
	date_to_ymd(d, &y, &m, &day);
	date_to_ymd(r, &ry, &rm, &rd);
	long months = (long)y * 12 + (m - 1) + n;
	if ((long)ry * 12 + (rm - 1) != months)
		abort();
	if (rd != day &&
	    !(rd < day && date_from_ymd(ry, rm, rd + 1) == DATE_NONE))
		abort();
	if (n >= 0 && date_months_between(d, r) < n - 1)
		abort();
	char range[FMT_RANGE_LEN], dur[FMT_DURATION_LEN];
	fmt_date_range(d < r ? d : r, d < r ? r : d, range);
	fmt_seniority(d, r, dur);
	fmt_age(d, r, dur);
}

static void check_text(const char *s)
{
	date_t d;
	if (date_parse(s, &d)) {
		char iso[DATE_ISO_LEN];
		if (strcmp(date_fmt_iso(d, iso), s) != 0)
			abort();
		check_date(d);
	}
	struct datetime dt;
	if (datetime_parse(s, &dt)) {
		if (dt.minutes < 0 || dt.minutes > 1439 || strlen(s) != 16)
			abort();
		check_date(dt.date);
		char out[FMT_DATETIME_LEN], t[FMT_TIME_LEN];
		fmt_datetime(dt, out);
		fmt_time(dt.minutes, t);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[64];
	size_t n = size < sizeof(text) - 1 ? size : sizeof(text) - 1;
	memcpy(text, data, n);
	text[n] = '\0';
	check_text(text);

	/* Arithmetic from raw bytes: a day number and a month count. */
	if (size >= 6) {
		uint32_t raw = (uint32_t)data[0] | (uint32_t)data[1] << 8 |
			       (uint32_t)data[2] << 16;
		date_t lo = date_from_ymd(DATE_YEAR_MIN, 1, 1);
		date_t hi = date_from_ymd(DATE_YEAR_MAX, 12, 31);
		date_t d = lo + (date_t)(raw % (uint32_t)(hi - lo + 1));
		int months = (int16_t)((uint16_t)data[3] | data[4] << 8);
		check_date(d);
		check_add_months(d, months);
		check_add_months(d, (int)(int8_t)data[5] * 12);
		date_add_years(d, (int8_t)data[5]);
		char num[FMT_NUMBER_LEN], amount[FMT_AMOUNT_LEN];
		long long big = 0;
		memcpy(&big, data, size < sizeof(big) ? size : sizeof(big));
		fmt_number(big, num);
		fmt_amount_eur(big, amount);
	}
	return 0;
}
