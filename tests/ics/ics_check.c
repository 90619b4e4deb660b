/*
 * ics-check FILE...: parses each iCalendar file with libical and runs its
 * RFC 5545 / 5546 restriction check (icalrestriction_check).  Prints
 * "ok FILE" or each problem libical found, exits 1 if any file fails.
 * With -t, also the event's start in UTC as the file's own VTIMEZONE
 * makes it, to compare with another reader's time zone data.
 * For tests/ics/check.sh; not part of parcours.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 4096, n = 0;
	char *s = malloc(cap);
	size_t got;
	while (s != NULL && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (n + 1 == cap)
			s = realloc(s, cap *= 2);
	}
	fclose(f);
	if (s != NULL)
		s[n] = '\0';
	return s;
}

/* Problems libical recorded as X-LIC-ERROR properties, at any depth. */
static int errors(icalcomponent *c, const char *path)
{
	int n = 0;
	for (icalproperty *p =
		 icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	     p != NULL;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		printf("%s: %s\n", path, icalproperty_get_xlicerror(p));
		n++;
	}
	for (icalcomponent *k =
		 icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     k != NULL;
	     k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		n += errors(k, path);
	return n;
}

/* DTSTART of the event in UTC through the calendar's own VTIMEZONE. */
static void print_utc(icalcomponent *cal)
{
	icalcomponent *vtz =
	    icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	icalcomponent *ev =
	    icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	if (vtz == NULL || ev == NULL)
		return;
	icaltimezone *tz = icaltimezone_new();
	icaltimezone_set_component(tz, icalcomponent_new_clone(vtz));
	struct icaltimetype t = icalcomponent_get_dtstart(ev);
	t = icaltime_convert_to_zone(icaltime_set_timezone(&t, tz),
				     icaltimezone_get_utc_timezone());
	printf("  start %04d-%02d-%02d %02d:%02d UTC by its VTIMEZONE\n",
	       t.year, t.month, t.day, t.hour, t.minute);
	icaltimezone_free(tz, 1);
}

int main(int argc, char **argv)
{
	int failed = 0, first = 1, utc = 0;
	icalerror_set_errors_are_fatal(0);
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] == 't') {
		utc = 1;
		first = 2;
	}
	for (int i = first; i < argc; i++) {
		char *text = slurp(argv[i]);
		icalcomponent *c =
		    text != NULL ? icalparser_parse_string(text) : NULL;
		free(text);
		if (c == NULL ||
		    icalcomponent_isa(c) != ICAL_VCALENDAR_COMPONENT) {
			printf("%s: not an iCalendar object\n", argv[i]);
			failed = 1;
			icalcomponent_free(c);
			continue;
		}
		int ok = icalrestriction_check(c);
		int n = errors(c, argv[i]);
		if (!ok || n > 0)
			failed = 1;
		else
			printf("ok %s\n", argv[i]);
		if (utc)
			print_utc(c);
		icalcomponent_free(c);
	}
	return failed;
}
