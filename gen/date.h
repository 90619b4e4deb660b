/*
 * Calendar dates as rules.md §1 defines them: civil dates, no time zones,
 * no mktime, no locale.  Used by every part of parcours.
 *
 * A date is a count of days since 1970-01-01 (negative before), so that
 * comparison is integer comparison and "plus N days" is addition.
 * DATE_NONE marks an absent date and compares below every real date.
 */
#ifndef PARCOURS_DATE_H
#define PARCOURS_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t date_t;

#define DATE_NONE INT32_MIN

/* Years accepted by the parser and by date_from_ymd(). */
#define DATE_YEAR_MIN 1900
#define DATE_YEAR_MAX 2199

/* Buffer sizes for the formatters, terminating NUL included. */
#define DATE_ISO_LEN	    11 /* "2024-02-29" */
#define DATE_FR_LEN	    32 /* "1er septembre 2024" */
#define DATE_FR_WEEKDAY_LEN 48 /* "mercredi 30 septembre 2024" */
#define DATE_FR_DAY_LEN	    8  /* "1er" */
#define DATE_NUMERIC_LEN    11 /* "04/09/2017" */

/* Date and time of day, as "YYYY-MM-DDTHH:MM" in the dossier. */
struct datetime {
	date_t date;
	int minutes; /* minutes after midnight, 0..1439 */
};

bool date_valid_ymd(int y, int m, int d);
/* Returns DATE_NONE if y-m-d is not a real calendar date in range. */
date_t date_from_ymd(int y, int m, int d);
void date_to_ymd(date_t date, int *y, int *m, int *d);

/* Strict "YYYY-MM-DD"; false on anything else, including 2023-02-30. */
bool date_parse(const char *s, date_t *out);
/* Strict "YYYY-MM-DDTHH:MM". */
bool datetime_parse(const char *s, struct datetime *out);

/* Same day of month, clamped to the month's last day (rules.md §1). */
date_t date_add_months(date_t date, int months);
date_t date_add_years(date_t date, int years);
static inline date_t date_add_days(date_t date, int days)
{
	return date + days;
}
/* Last day of the calendar quarter following the one containing date. */
date_t date_quarter_end_after(date_t date);
/* Whole years between birth and date (age on that date). */
int date_years_between(date_t from, date_t to);
/* Whole months between from and to, to >= from. */
int date_months_between(date_t from, date_t to);

/* 0 = lundi ... 6 = dimanche. */
int date_weekday(date_t date);
const char *date_weekday_fr(date_t date);
const char *date_month_fr(int month);

/*
 * Formatters write into the caller's buffer and return it.  A DATE_NONE
 * date formats as the empty string.
 */
char *date_fmt_iso(date_t date, char buf[DATE_ISO_LEN]);
/* "4 septembre 2017", "1er janvier 2022". */
char *date_fmt_fr(date_t date, char buf[DATE_FR_LEN]);
/* "lundi 10 janvier 2022". */
char *date_fmt_fr_weekday(date_t date, char buf[DATE_FR_WEEKDAY_LEN]);
/* The day of the month alone, as French writes it: "4", "1er". */
char *date_fmt_fr_day(date_t date, char buf[DATE_FR_DAY_LEN]);
/* "septembre 2017". */
char *date_fmt_fr_month(date_t date, char buf[DATE_FR_LEN]);
/* "04/09/2017", day first. */
char *date_fmt_numeric(date_t date, char buf[DATE_NUMERIC_LEN]);

#endif
