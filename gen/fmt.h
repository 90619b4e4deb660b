/*
 * The French formatters of documents.md ("Typography and formatting"):
 * times, date ranges, amounts, numbers, seniority, names and agreement
 * by civility.  Pure and locale-independent.  For the template fields
 * (fields*.c) and the tests; a date on its own is date.h's (date_fmt_*).
 */
#ifndef PARCOURS_FMT_H
#define PARCOURS_FMT_H

#include <stdbool.h>

#include "buf.h"
#include "date.h"
#include "dossier.h"

/* U+202F narrow no-break space: thousands separator, before "h". */
#define FMT_NNBSP "\xe2\x80\xaf"
/* U+00A0 no-break space: before "€". */
#define FMT_NBSP "\xc2\xa0"

/* Buffer sizes, terminating NUL included. */
#define FMT_TIME_LEN	 16 /* "14 h 00" */
#define FMT_DATETIME_LEN 72 /* "mercredi 30 septembre 2024 à 14 h 00" */
#define FMT_RANGE_LEN	 80 /* "du 30 septembre 2024 au 1er octobre 2025" */
#define FMT_NUMBER_LEN	 40 /* "-9 223 372 036 854 775 808" */
#define FMT_AMOUNT_LEN	 48 /* "1 000 000 €" */
#define FMT_DURATION_LEN 40 /* "6 ans et 3 mois" */
#define FMT_HOURS_LEN	 32 /* "3,5 h" */

/*
 * Each formatter writes into the caller's buffer and returns it; an
 * absent date (DATE_NONE) gives the empty string.
 */

/* "14 h 00", "9 h 30" from minutes after midnight. */
char *fmt_time(int minutes, char buf[FMT_TIME_LEN]);
/* "lundi 10 janvier 2022 à 14 h 00". */
char *fmt_datetime(struct datetime dt, char buf[FMT_DATETIME_LEN]);
/*
 * A span of days: "11 mai 2020" (one day), "du 5 au 9 mars 2018", "du
 * 30 mars au 2 avril 2018", "du 4 janvier 2021 au 31 décembre 2021" is
 * written "du 4 janvier au 31 décembre 2021"; an open end (DATE_NONE)
 * gives "depuis le 4 janvier 2021".
 */
char *fmt_date_range(date_t start, date_t end, char buf[FMT_RANGE_LEN]);

/* "2 500", "-1 000": groups of three with U+202F. */
char *fmt_number(long long n, char buf[FMT_NUMBER_LEN]);
/* "3 000 €": fmt_number(), then U+00A0 and "€". */
char *fmt_amount_eur(long long eur, char buf[FMT_AMOUNT_LEN]);
/* "35 h", "3,5 h", "1,25 h"; negative hours (absent) give "". */
char *fmt_hours(double hours, char buf[FMT_HOURS_LEN]);

/*
 * Whole years and months from one date to a later one: "6 ans et 3
 * mois", "1 an", "11 mois", "moins d'un mois"; "" if either date is
 * absent or to < from.
 */
char *fmt_seniority(date_t from, date_t to, char buf[FMT_DURATION_LEN]);
/* Whole years: "44 ans", "1 an", "0 an"; "" if either date is absent. */
char *fmt_age(date_t birth, date_t on, char buf[FMT_DURATION_LEN]);

/*
 * Appends "Mme Aïcha BENALI": civility (none if CIV_NONE), given name,
 * family name upper-cased with its accents.
 */
void fmt_person_name(struct buf *out, enum civility civ, const char *given,
		     const char *family);
/* Appends s upper-cased with its accents ("Żółć" -> "ŻÓŁĆ"). */
void fmt_upper(struct buf *out, const char *s);
/* Appends s with its first letter upper-cased ("entretien" -> "Entretien"). */
void fmt_capital(struct buf *out, const char *s);

/*
 * Agreement by civility: f for Mme, m for M., n (or m if n is NULL) when
 * the civility is unknown.  Returns one of its arguments.
 */
const char *fmt_agree(enum civility civ, const char *m, const char *f,
		      const char *n);
/* "Madame", "Monsieur", "Madame, Monsieur": a static string. */
const char *fmt_salutation(enum civility civ);
/* "Mme", "M." or "": a static string. */
const char *fmt_civility(enum civility civ);

#endif
