/*
 * iCalendar invitations (RFC 5545, written with libical) for the
 * convocations that letters invite to: one VEVENT in Europe/Paris time
 * with its VTIMEZONE, a UID stable across runs, the employee as attendee
 * when the dossier has an email.  Bytes depend on the dossier and as-of
 * only.  For cmd_letters.c and the batch workers.
 */
#ifndef PARCOURS_ICS_H
#define PARCOURS_ICS_H

#include <stdbool.h>

#include "buf.h"
#include "documents.h"
#include "dossier.h"
#include "rules.h"

/* The document of manifest.csv for an invitation. */
#define ICS_DOCUMENT "calendar-convocation"

/* Whether a letter invites to a meeting (convocation, reconvocation,
 * return-interview proposal): those get an invitation beside them. */
bool ics_letter_has_event(const struct rules_letter *);

/*
 * Appends to out the invitation to letter e's convocation (dossier d),
 * stamped with as-of (DTSTAMP), and writes its file name into path:
 * the letter's, with document "convocation" and extension ".ics", made
 * unique through names.  false when out of memory (after a diagnostic).
 */
bool ics_letter(struct buf *out, struct documents_names *names,
		char path[OUTFILE_PATH_MAX], const struct dossier *d,
		const struct documents_entry *e, date_t as_of,
		const char *organizer);

/*
 * The invitation to convocation c alone.  organizer (NULL: none) is the
 * mailbox it is sent from: then it is an iTIP message, a REQUEST to the
 * employee when the dossier has an email, else a PUBLISH.  Without one
 * it is a plain event to import in a calendar, with no attendee (RFC
 * 5545 wants an ORGANIZER wherever there are attendees).
 */
bool ics_convocation(struct buf *out, const struct dossier *d,
		     const struct convocation *c, date_t as_of,
		     const char *organizer);

#endif
