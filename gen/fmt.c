/*
 * French formatters (see fmt.h).  Upper-casing is names.c's, so that a
 * name reads the same in every document and in the CSV outputs.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fmt.h"
#include "names.h"
#include "utf8.h"

char *fmt_time(int minutes, char buf[FMT_TIME_LEN])
{
	snprintf(buf, FMT_TIME_LEN, "%d h %02d", minutes / 60, minutes % 60);
	return buf;
}

char *fmt_datetime(struct datetime dt, char buf[FMT_DATETIME_LEN])
{
	char day[DATE_FR_WEEKDAY_LEN], time[FMT_TIME_LEN];
	if (dt.date == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, FMT_DATETIME_LEN, "%s à %s",
		 date_fmt_fr_weekday(dt.date, day), fmt_time(dt.minutes, time));
	return buf;
}

char *fmt_date_range(date_t start, date_t end, char buf[FMT_RANGE_LEN])
{
	char a[DATE_FR_LEN], b[DATE_FR_LEN], day[DATE_FR_DAY_LEN];
	int y1, m1, d1, y2, m2, d2;
	if (start == DATE_NONE) {
		buf[0] = '\0';
		return buf;
	}
	if (end == DATE_NONE) {
		snprintf(buf, FMT_RANGE_LEN, "depuis le %s",
			 date_fmt_fr(start, a));
		return buf;
	}
	if (end <= start) {
		snprintf(buf, FMT_RANGE_LEN, "%s", date_fmt_fr(start, a));
		return buf;
	}
	date_to_ymd(start, &y1, &m1, &d1);
	date_to_ymd(end, &y2, &m2, &d2);
	/* Say the month and the year once when both ends share them. */
	if (y1 == y2 && m1 == m2)
		snprintf(buf, FMT_RANGE_LEN, "du %s au %s",
			 date_fmt_fr_day(start, day), date_fmt_fr(end, b));
	else if (y1 == y2)
		snprintf(buf, FMT_RANGE_LEN, "du %s %s au %s",
			 date_fmt_fr_day(start, day), date_month_fr(m1),
			 date_fmt_fr(end, b));
	else
		snprintf(buf, FMT_RANGE_LEN, "du %s au %s",
			 date_fmt_fr(start, a), date_fmt_fr(end, b));
	return buf;
}

char *fmt_number(long long n, char buf[FMT_NUMBER_LEN])
{
	char digits[24];
	/* Through unsigned so that LLONG_MIN has a magnitude. */
	unsigned long long u =
	    n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	int len = snprintf(digits, sizeof(digits), "%llu", u);
	char *p = buf;
	if (n < 0)
		*p++ = '-';
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0) {
			memcpy(p, FMT_NNBSP, sizeof(FMT_NNBSP) - 1);
			p += sizeof(FMT_NNBSP) - 1;
		}
		*p++ = digits[i];
	}
	*p = '\0';
	return buf;
}

char *fmt_amount_eur(long long eur, char buf[FMT_AMOUNT_LEN])
{
	char number[FMT_NUMBER_LEN];
	snprintf(buf, FMT_AMOUNT_LEN, "%s" FMT_NBSP "€",
		 fmt_number(eur, number));
	return buf;
}

char *fmt_hours(double hours, char buf[FMT_HOURS_LEN])
{
	if (!(hours >= 0) || hours > 1e6) {
		buf[0] = '\0';
		return buf;
	}
	/* Hundredths are enough for any timesheet; French decimal comma. */
	long long cents = llround(hours * 100);
	long long whole = cents / 100, frac = cents % 100;
	if (frac == 0)
		snprintf(buf, FMT_HOURS_LEN, "%lld h", whole);
	else if (frac % 10 == 0)
		snprintf(buf, FMT_HOURS_LEN, "%lld,%lld h", whole, frac / 10);
	else
		snprintf(buf, FMT_HOURS_LEN, "%lld,%02lld h", whole, frac);
	return buf;
}

/* Empties buf; whether from..to is a span known enough to write there. */
static bool span_known(date_t from, date_t to, char buf[FMT_DURATION_LEN])
{
	buf[0] = '\0';
	return from != DATE_NONE && to != DATE_NONE && to >= from;
}

char *fmt_seniority(date_t from, date_t to, char buf[FMT_DURATION_LEN])
{
	if (!span_known(from, to, buf))
		return buf;
	int months = date_months_between(from, to);
	int years = months / 12;
	months %= 12;
	if (years == 0 && months == 0)
		snprintf(buf, FMT_DURATION_LEN, "moins d'un mois");
	else if (months == 0)
		snprintf(buf, FMT_DURATION_LEN, "%d an%s", years,
			 years > 1 ? "s" : "");
	else if (years == 0)
		snprintf(buf, FMT_DURATION_LEN, "%d mois", months);
	else
		snprintf(buf, FMT_DURATION_LEN, "%d an%s et %d mois", years,
			 years > 1 ? "s" : "", months);
	return buf;
}

char *fmt_age(date_t birth, date_t on, char buf[FMT_DURATION_LEN])
{
	if (!span_known(birth, on, buf))
		return buf;
	int years = date_years_between(birth, on);
	snprintf(buf, FMT_DURATION_LEN, "%d an%s", years, years > 1 ? "s" : "");
	return buf;
}

void fmt_upper(struct buf *out, const char *s)
{
	names_put_upper(out, s);
}

void fmt_capital(struct buf *out, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	/* The first character, whatever its UTF-8 length. */
	uint32_t cp;
	size_t n = utf8_decode(s, strlen(s), &cp);
	char first[5];
	memcpy(first, s, n);
	first[n] = '\0';
	names_put_upper(out, first);
	buf_puts(out, s + n);
}

void fmt_person_name(struct buf *out, enum civility civ, const char *given,
		     const char *family)
{
	const char *c = fmt_civility(civ);
	if (*c != '\0') {
		buf_puts(out, c);
		buf_puts(out, " ");
	}
	if (given != NULL && *given != '\0') {
		buf_puts(out, given);
		buf_puts(out, " ");
	}
	if (family != NULL)
		names_put_upper(out, family);
}

const char *fmt_agree(enum civility civ, const char *m, const char *f,
		      const char *n)
{
	switch (civ) {
	case CIV_MME:
		return f;
	case CIV_M:
		return m;
	case CIV_NONE:
		break;
	}
	return n != NULL ? n : m;
}

const char *fmt_salutation(enum civility civ)
{
	return fmt_agree(civ, "Monsieur", "Madame", "Madame, Monsieur");
}

const char *fmt_civility(enum civility civ)
{
	return fmt_agree(civ, "M.", "Mme", "");
}
