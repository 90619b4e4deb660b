/*
 * iCalendar invitations (ics.h), built as a libical component tree and
 * serialised by libical (escaping, line folding, CRLF); what every
 * invitation has, the time zone above all, once per process.  The only
 * file that includes libical.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ics.h"
#include "manifest.h"
#include "names.h"

#define TZID "Europe/Paris"
/* An interview is planned for an hour; the letter gives no end. */
#define DURATION_MINUTES 60

bool ics_letter_has_event(const struct rules_letter *l)
{
	switch (l->kind) {
	case RULES_LETTER_CONVOCATION:
	case RULES_LETTER_RECONVOCATION:
	case RULES_LETTER_PROPOSAL:
		return true;
	case RULES_LETTER_REFUSAL_RECORD:
	case RULES_LETTER_DECLINE_RECORD:
		return false;
	}
	return false;
}

static struct icaltimetype local_time(date_t date, int minutes)
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	struct icaltimetype t = icaltime_null_time();
	t.year = y;
	t.month = m;
	t.day = d;
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	t.is_date = 0;
	return t; /* floating: the TZID parameter names its zone */
}

/*
 * Europe/Paris as the EU has ruled it since 1996: summer time from the
 * last Sunday of March, 02:00, to the last Sunday of October, 03:00.
 * Written out rather than taken from the system's zoneinfo, so that the
 * bytes do not depend on the machine's tzdata.
 */
static icalcomponent *paris_timezone(void)
{
	static const struct {
		icalcomponent_kind kind;
		const char *name, *dtstart, *rrule;
		int from, to;
	} rules[] = {
	    {ICAL_XDAYLIGHT_COMPONENT, "CEST", "19700329T020000",
	     "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", 3600, 7200},
	    {ICAL_XSTANDARD_COMPONENT, "CET", "19701025T030000",
	     "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", 7200, 3600},
	};
	icalcomponent *tz = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
	icalcomponent_add_property(tz, icalproperty_new_tzid(TZID));
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		icalcomponent *obs = icalcomponent_new(rules[i].kind);
		icalcomponent_add_property(
		    obs, icalproperty_new_dtstart(
			     icaltime_from_string(rules[i].dtstart)));
		icalcomponent_add_property(
		    obs, icalproperty_new_tzoffsetfrom(rules[i].from));
		icalcomponent_add_property(
		    obs, icalproperty_new_tzoffsetto(rules[i].to));
		icalcomponent_add_property(
		    obs, icalproperty_new_tzname(rules[i].name));
		icalcomponent_add_property(
		    obs, icalproperty_new_rrule(
			     icalrecurrencetype_from_string(rules[i].rrule)));
		icalcomponent_add_component(tz, obs);
	}
	return tz;
}

static icalproperty *zoned(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
	return p;
}

/* The words of a convocation's kind, as the letters say them. */
static const char *kind_fr(enum interview_kind k)
{
	switch (k) {
	case KIND_PERIODIC:
		return "Entretien professionnel";
	case KIND_RETURN:
		return "Entretien professionnel de reprise";
	case KIND_RECAP:
		return "Entretien professionnel — état des lieux récapitulatif";
	case KIND_MID_CAREER:
		return "Entretien de mi-carrière";
	case KIND_END_OF_CAREER:
		return "Entretien de fin de carrière";
	}
	return "Entretien professionnel";
}

/* A UID no other convocation has, the same at every run: a hash of the
 * company, dossier and convocation ids (no personal data). */
static void uid_of(const struct dossier *d, const struct convocation *c,
		   char *uid, size_t size)
{
	struct buf key = {0};
	const char *company =
	    d->company != NULL && d->company->id != NULL ? d->company->id : "";
	buf_printf(&key, "%s\n%s\n%s", company, d->id, c->id);
	char hex[SHA256_HEX_LEN];
	manifest_sha256(key.data, key.len, hex);
	buf_free(&key);
	snprintf(uid, size, "%.32s@parcours", hex);
}

/* "mailto:ADDR" into the arena-less buf b, NUL-terminated. */
static const char *mailto(struct buf *b, const char *addr)
{
	buf_reset(b);
	buf_printf(b, "mailto:%s", addr);
	buf_put(b, "", 1);
	return b->oom ? "" : (const char *)b->data;
}

static bool has_email(const struct dossier *d)
{
	const char *e = d->employee.email;
	return e != NULL && strchr(e, '@') != NULL &&
	       strpbrk(e, " \t\r\n\"<>,;:") == NULL;
}

static icalcomponent *event(const struct dossier *d,
			    const struct convocation *c, date_t as_of,
			    const char *who, const char *organizer)
{
	icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
	char uid[64], text[512];
	uid_of(d, c, uid, sizeof(uid));
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	struct icaltimetype stamp = local_time(as_of, 0);
	stamp.zone = icaltimezone_get_utc_timezone();
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
	int end = c->date.minutes + DURATION_MINUTES;
	icalcomponent_add_property(
	    ev, zoned(icalproperty_new_dtstart(
		    local_time(c->date.date, c->date.minutes))));
	icalcomponent_add_property(
	    ev, zoned(icalproperty_new_dtend(local_time(
		    date_add_days(c->date.date, end / 1440), end % 1440))));
	bool cancelled = c->outcome == OUTCOME_CANCELLED;
	/* A cancelled convocation updates the invitation already sent. */
	icalcomponent_add_property(ev, icalproperty_new_sequence(cancelled));
	icalcomponent_add_property(
	    ev, icalproperty_new_status(cancelled ? ICAL_STATUS_CANCELLED
						  : ICAL_STATUS_CONFIRMED));
	snprintf(text, sizeof(text), "%s — %s", kind_fr(c->kind), who);
	icalcomponent_add_property(ev, icalproperty_new_summary(text));
	icalcomponent_add_property(ev, icalproperty_new_location(c->place));
	snprintf(text, sizeof(text), "%s avec %s, %s.", kind_fr(c->kind),
		 c->interviewer, c->interviewer_title);
	icalcomponent_add_property(ev, icalproperty_new_description(text));
	icalcomponent_add_property(ev,
				   icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	struct buf to = {0};
	if (organizer != NULL) {
		icalproperty *o =
		    icalproperty_new_organizer(mailto(&to, organizer));
		icalproperty_add_parameter(
		    o, icalparameter_new_cn(c->interviewer));
		icalcomponent_add_property(ev, o);
	}
	if (organizer != NULL && has_email(d)) {
		icalproperty *a =
		    icalproperty_new_attendee(mailto(&to, d->employee.email));
		icalproperty_add_parameter(a, icalparameter_new_cn(who));
		icalproperty_add_parameter(
		    a, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		icalproperty_add_parameter(
		    a, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		icalproperty_add_parameter(
		    a, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
		icalcomponent_add_property(ev, a);
	}
	buf_free(&to);
	return ev;
}

/* The iTIP method: what the receiving calendar is to do with it. */
static icalproperty_method method_of(const struct dossier *d,
				     const struct convocation *c)
{
	if (!has_email(d))
		return ICAL_METHOD_PUBLISH;
	return c->outcome == OUTCOME_CANCELLED ? ICAL_METHOD_CANCEL
					       : ICAL_METHOD_REQUEST;
}

/* What libical ends a calendar with, after its last component. */
#define CALENDAR_END "END:VCALENDAR\r\n"

/*
 * The calendar without its event, as libical writes it: the properties
 * from PRODID to METHOD (ICAL_METHOD_NONE: none) and the VTIMEZONE,
 * with CALENDAR_END taken off.  NULL when out of memory.
 */
static char *calendar_without_event(icalproperty_method method)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
	icalcomponent_add_property(
	    cal, icalproperty_new_prodid(
		     "-//parcours//parcours " PARCOURS_VERSION "//FR"));
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	if (method != ICAL_METHOD_NONE)
		icalcomponent_add_property(cal,
					   icalproperty_new_method(method));
	icalcomponent_add_component(cal, paris_timezone());
	char *s = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (s == NULL)
		return NULL;
	size_t len = strlen(s), end = strlen(CALENDAR_END);
	if (len < end || strcmp(s + len - end, CALENDAR_END) != 0) {
		/* libical ends every calendar so: this is not seen. */
		icalmemory_free_buffer(s);
		return NULL;
	}
	s[len - end] = '\0';
	return s;
}

/*
 * calendar_without_event(method), made once per process and kept: it is
 * the same in every invitation with that method, and building the time
 * zone and writing it out was most of what an invitation cost.
 */
static const char *calendar_head(icalproperty_method method)
{
	static struct {
		icalproperty_method method;
		char *head;
	} kept[4]; /* none, PUBLISH, REQUEST, CANCEL */
	static size_t nkept;
	for (size_t i = 0; i < nkept; i++)
		if (kept[i].method == method)
			return kept[i].head;
	char *head = calendar_without_event(method);
	if (head == NULL || nkept == sizeof(kept) / sizeof(kept[0]))
		return head; /* not kept: more methods than method_of() has */
	kept[nkept].method = method;
	kept[nkept++].head = head;
	return head;
}

/*
 * The calendar is written in three pieces: its head, kept from one
 * invitation to the next, then the event serialised by libical as it
 * would be inside the calendar, then CALENDAR_END.
 */
bool ics_convocation(struct buf *out, const struct dossier *d,
		     const struct convocation *c, date_t as_of,
		     const char *organizer)
{
	char *who = names_full(&d->employee);
	if (who == NULL) {
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	icalerror_set_errors_are_fatal(0);
	const char *head = calendar_head(organizer != NULL ? method_of(d, c)
							   : ICAL_METHOD_NONE);
	icalcomponent *ev = event(d, c, as_of, who, organizer);
	free(who);
	char *s = icalcomponent_as_ical_string_r(ev);
	icalcomponent_free(ev);
	if (head == NULL || s == NULL) {
		if (s != NULL)
			icalmemory_free_buffer(s);
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
		return false;
	}
	buf_puts(out, head);
	buf_puts(out, s);
	buf_puts(out, CALENDAR_END);
	icalmemory_free_buffer(s);
	if (out->oom)
		diag(MSG_OUT_OF_MEMORY, NULL, 0);
	return !out->oom;
}

bool ics_letter(struct buf *out, struct documents_names *names,
		char path[OUTFILE_PATH_MAX], const struct dossier *d,
		const struct documents_entry *e, date_t as_of,
		const char *organizer)
{
	struct documents_entry cal = *e;
	cal.name = "convocation";
	return documents_unique_path(names, path, d, &cal, "ics") &&
	       ics_convocation(out, d, e->letter->convocation, as_of,
			       organizer);
}
