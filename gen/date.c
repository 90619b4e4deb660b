/*
 * Civil calendar arithmetic (rules.md §1).  Pure functions, no libc time
 * functions, no locale.  The day-number conversion is Howard Hinnant's
 * days_from_civil algorithm, which is exact over the proleptic Gregorian
 * calendar.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"

static const char *const month_names[12] = {
    "janvier", "février", "mars",      "avril",	  "mai",      "juin",
    "juillet", "août",	  "septembre", "octobre", "novembre", "décembre",
};

static const char *const weekday_names[7] = {
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
				     31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool date_valid_ymd(int y, int m, int d)
{
	return y >= DATE_YEAR_MIN && y <= DATE_YEAR_MAX && m >= 1 && m <= 12 &&
	       d >= 1 && d <= days_in_month(y, m);
}

date_t date_from_ymd(int y, int m, int d)
{
	if (!date_valid_ymd(y, m, d))
		return DATE_NONE;
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_to_ymd(date_t date, int *y, int *m, int *d)
{
	int z = date + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* Reads exactly n ASCII digits; no sign, no blanks. */
static bool digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

static bool parse_ymd(const char *s, date_t *out)
{
	int y, m, d;
	if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &m) ||
	    s[7] != '-' || !digits(s + 8, 2, &d))
		return false;
	*out = date_from_ymd(y, m, d);
	return *out != DATE_NONE;
}

bool date_parse(const char *s, date_t *out)
{
	return s != NULL && strlen(s) == 10 && parse_ymd(s, out);
}

bool datetime_parse(const char *s, struct datetime *out)
{
	int h, min;
	if (s == NULL || strlen(s) != 16 || s[10] != 'T' ||
	    !parse_ymd(s, &out->date) || !digits(s + 11, 2, &h) ||
	    s[13] != ':' || !digits(s + 14, 2, &min) || h > 23 || min > 59)
		return false;
	out->minutes = h * 60 + min;
	return true;
}

date_t date_add_months(date_t date, int months)
{
	int y, m, d;
	if (date == DATE_NONE)
		return DATE_NONE;
	date_to_ymd(date, &y, &m, &d);
	int index = y * 12 + (m - 1) + months;
	/* Out of the calendar: stop before days_in_month() sees month <= 0. */
	if (index < DATE_YEAR_MIN * 12 || index > DATE_YEAR_MAX * 12 + 11)
		return DATE_NONE;
	y = index / 12;
	m = index % 12 + 1;
	if (d > days_in_month(y, m))
		d = days_in_month(y, m);
	return date_from_ymd(y, m, d);
}

date_t date_add_years(date_t date, int years)
{
	return date_add_months(date, years * 12);
}

date_t date_quarter_end_after(date_t date)
{
	int y, m, d;
	if (date == DATE_NONE)
		return DATE_NONE;
	date_to_ymd(date, &y, &m, &d);
	int last_month = (m - 1) / 3 * 3 + 6; /* end of the next quarter */
	if (last_month > 12) {
		last_month -= 12;
		y++;
	}
	return date_from_ymd(y, last_month, days_in_month(y, last_month));
}

int date_months_between(date_t from, date_t to)
{
	int y1, m1, d1, y2, m2, d2;
	date_to_ymd(from, &y1, &m1, &d1);
	date_to_ymd(to, &y2, &m2, &d2);
	int months = (y2 - y1) * 12 + (m2 - m1);
	if (d2 < d1 && date_add_months(from, months) > to)
		months--;
	return months;
}

int date_years_between(date_t from, date_t to)
{
	return date_months_between(from, to) / 12;
}

int date_weekday(date_t date)
{
	/* 1970-01-01 was a Thursday (index 3). */
	int w = (date % 7 + 7 + 3) % 7;
	return w;
}

const char *date_weekday_fr(date_t date)
{
	return weekday_names[date_weekday(date)];
}

const char *date_month_fr(int month)
{
	return month >= 1 && month <= 12 ? month_names[month - 1] : "";
}

/*
 * The formatters' common start: the date's year, month and day, or false
 * with buf emptied for DATE_NONE.
 */
static bool split(date_t date, char *buf, int *y, int *m, int *d)
{
	if (date == DATE_NONE) {
		buf[0] = '\0';
		return false;
	}
	date_to_ymd(date, y, m, d);
	return true;
}

char *date_fmt_iso(date_t date, char buf[DATE_ISO_LEN])
{
	int y, m, d;
	if (split(date, buf, &y, &m, &d))
		snprintf(buf, DATE_ISO_LEN, "%04d-%02d-%02d", y, m, d);
	return buf;
}

char *date_fmt_numeric(date_t date, char buf[DATE_NUMERIC_LEN])
{
	int y, m, d;
	if (split(date, buf, &y, &m, &d))
		snprintf(buf, DATE_NUMERIC_LEN, "%02d/%02d/%04d", d, m, y);
	return buf;
}

char *date_fmt_fr_day(date_t date, char buf[DATE_FR_DAY_LEN])
{
	int y, m, d;
	if (split(date, buf, &y, &m, &d))
		snprintf(buf, DATE_FR_DAY_LEN, d == 1 ? "1er" : "%d", d);
	return buf;
}

char *date_fmt_fr_month(date_t date, char buf[DATE_FR_LEN])
{
	int y, m, d;
	if (split(date, buf, &y, &m, &d))
		snprintf(buf, DATE_FR_LEN, "%s %d", month_names[m - 1], y);
	return buf;
}

char *date_fmt_fr(date_t date, char buf[DATE_FR_LEN])
{
	int y, m, d;
	char day[DATE_FR_DAY_LEN];
	if (split(date, buf, &y, &m, &d))
		snprintf(buf, DATE_FR_LEN, "%s %s %d",
			 date_fmt_fr_day(date, day), month_names[m - 1], y);
	return buf;
}

char *date_fmt_fr_weekday(date_t date, char buf[DATE_FR_WEEKDAY_LEN])
{
	char day[DATE_FR_LEN];
	if (date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, DATE_FR_WEEKDAY_LEN, "%s %s", date_weekday_fr(date),
		 date_fmt_fr(date, day));
	return buf;
}
