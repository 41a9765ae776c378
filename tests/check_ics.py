#!/usr/bin/env python3
"""Read an iCalendar file back with a real parser (Debian's python3-icalendar) and check it,
event by event, against the plan JSON of the same plan (docs/exports.md).

Usage: check_ics.py PLAN.ics PLAN.json [km|mi]   (the --units of the .ics; default km)

Checks the raw bytes (CRLF line ends, lines of at most 75 octets, no fold inside a UTF-8
character), the calendar (VERSION 2.0, PRODID) and one all-day VEVENT per session that is not
rest, in plan order: DTSTART is the session's day as a DATE, DTEND the day after, a DTSTAMP, a
UID unique in the file, a SUMMARY that names the session's type and a DESCRIPTION that holds
its dose (every exercise's name and sets, the run's distance). Exit 0 when it all holds, 1 with
the problems otherwise, 2 on a usage or I/O problem.
"""
import datetime
import json
import sys

import icalendar

SUMMARY_PREFIX = {
    "run": "Run ",
    "walk-run": "Walk-run ",
    "strength": "Strength, ",
    "mobility": "Mobility, ",
    "cross-training": "Cross-training",
}


def check_bytes(raw, problems):
    if not raw.endswith(b"\r\n"):
        problems.append("the file does not end in CRLF")
    lines = raw.split(b"\r\n")[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: bare CR or LF")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets (more than 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"line {n}: not UTF-8 on its own (a fold split a character)")
    return len(lines)


def expected_events(doc):
    for week in doc["weeks"]:
        for day in week["days"]:
            for session in day["sessions"]:
                if session["type"] != "rest":
                    yield datetime.date.fromisoformat(day["date"]), session


def main():
    if len(sys.argv) not in (3, 4) or (len(sys.argv) == 4 and sys.argv[3] not in ("km", "mi")):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with open(sys.argv[1], "rb") as f:
            raw = f.read()
        with open(sys.argv[2], encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read input: {e}", file=sys.stderr)
        return 2

    units = sys.argv[3] if len(sys.argv) == 4 else "km"
    per_km = 1.0 if units == "km" else 1 / 1.609344

    def distance_texts(km):
        # JSON rounds km to 2 decimals, the .ics to 1 in its units: allow for both roundings.
        return {f"{(km + d) * per_km:.1f} {units}" for d in (-0.006, 0.0, 0.006)}

    problems = []
    line_count = check_bytes(raw, problems)
    cal = icalendar.Calendar.from_ical(raw.decode("utf-8"))
    if str(cal.get("VERSION")) != "2.0":
        problems.append(f"VERSION is {cal.get('VERSION')!r}")
    if not str(cal.get("PRODID", "")):
        problems.append("no PRODID")
    events = [c for c in cal.walk() if c.name == "VEVENT"]
    expected = list(expected_events(doc))
    if len(events) != len(expected):
        problems.append(f"{len(events)} events for {len(expected)} sessions")
    uids = set()
    for n, (event, (day, session)) in enumerate(zip(events, expected), 1):
        where = f"event {n} ({day}, {session['type']})"
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        if isinstance(start, datetime.datetime) or start != day:
            problems.append(f"{where}: DTSTART {start!r} is not the all-day date {day}")
        if isinstance(end, datetime.datetime) or end != day + datetime.timedelta(days=1):
            problems.append(f"{where}: DTEND {end!r} is not the day after")
        if "DTSTAMP" not in event:
            problems.append(f"{where}: no DTSTAMP")
        uid = str(event.get("UID", ""))
        if not uid or uid in uids:
            problems.append(f"{where}: UID {uid!r} missing or repeated")
        uids.add(uid)
        summary = str(event.get("SUMMARY", ""))
        if not summary.startswith(SUMMARY_PREFIX[session["type"]]):
            problems.append(f"{where}: SUMMARY {summary!r} does not name the session")
        description = str(event.get("DESCRIPTION", ""))
        for exercise in session.get("exercises", []):
            dose = f"{exercise['name']}: "
            if exercise["reps"] > 0:
                dose += f"{exercise['sets']} x {exercise['reps']}"
            elif exercise["hold_s"] > 0:
                dose += f"{exercise['sets']} x {exercise['hold_s']} s"
            if dose not in description:
                problems.append(f"{where}: DESCRIPTION lacks {dose!r}")
        if "run" in session and not any(t in description
                                        for t in distance_texts(session["run"]["km"])):
            problems.append(f"{where}: DESCRIPTION lacks the run's distance "
                            f"({sorted(distance_texts(session['run']['km']))})")
        if session["type"] == "cross-training" and session.get("activity", "") not in summary:
            problems.append(f"{where}: SUMMARY lacks the activity")

    if problems:
        for p in problems[:30]:
            print(p, file=sys.stderr)
        return 1
    print(f"{len(events)} events match the plan's sessions ({line_count} lines, all folded right)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
