#!/usr/bin/env python3
"""Reads each .ics with Python's icalendar (an independent parser) and
prints, per file, its method, UID, start in UTC, end, summary and
attendees.  Exits 1 if a file does not parse as one VCALENDAR with one
VEVENT in Europe/Paris time, or if two files of one convocation... share
nothing they should: UIDs must differ between different convocations.
  check.py [--summary] FILE.ics...
"""
import datetime
import sys

import icalendar


def main():
    summary = sys.argv[1] == "--summary"
    files = sys.argv[2:] if summary else sys.argv[1:]
    uids = {}
    bad = 0
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        if b"\r\n" not in data or b"\n" in data.replace(b"\r\n", b""):
            print("%s: lines must end with CRLF" % f)
            bad += 1
        # RFC 5545 §3.1: lines of at most 75 octets, folded between
        # characters, never inside a UTF-8 sequence.
        for n, line in enumerate(data.split(b"\r\n"), 1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                print("%s:%d: a line cut inside a character" % (f, n))
                bad += 1
            if len(line) > 75:
                print("%s:%d: %d octets" % (f, n, len(line)))
                bad += 1
        cal = icalendar.Calendar.from_ical(data)
        events = [c for c in cal.walk() if c.name == "VEVENT"]
        zones = [c for c in cal.walk() if c.name == "VTIMEZONE"]
        if len(events) != 1 or len(zones) != 1:
            print("%s: %d events, %d time zones" % (f, len(events),
                                                   len(zones)))
            bad += 1
            continue
        ev = events[0]
        start = ev.decoded("DTSTART")
        end = ev.decoded("DTEND")
        if ev["DTSTART"].params.get("TZID") != "Europe/Paris" or \
                start.tzinfo is None or end <= start:
            print("%s: DTSTART is not a Europe/Paris time before DTEND" % f)
            bad += 1
        uid = str(ev["UID"])
        if uid in uids:
            print("%s: UID of %s too" % (f, uids[uid]))
            bad += 1
        uids[uid] = f
        if not summary:
            utc = start.astimezone(datetime.timezone.utc)
            att = ev.get("ATTENDEE")
            att = [att] if att is not None and not isinstance(att, list) \
                else (att or [])
            print("%s: %s %s local %s = %s UTC, %s min; %s; attendees: %s"
                  % (f.split("/")[-1], cal.get("METHOD", "-"),
                     ev["UID"], start.strftime("%Y-%m-%d %H:%M %Z"),
                     utc.strftime("%Y-%m-%d %H:%M"),
                     int((end - start).total_seconds() // 60),
                     ev["SUMMARY"], ", ".join(str(a) for a in att) or "-"))
    if summary:
        print("icalendar: %d files, %d UIDs, %d problems"
              % (len(files), len(uids), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
