#!/usr/bin/env python3
"""Validate a plan (or referral) JSON document against docs/plan.schema.json.

Usage: validate_json_schema.py SCHEMA DOCUMENT [--mutate NAME]... [--expect-invalid]

Besides the schema, the script checks what JSON Schema cannot express (docs/plan-json.md, docs/plan-rules.md): days and
weeks are consecutive, start/end match the weeks, and run_km is the sum of the week's run.km. A referral
(schema kneerehab.referral/1) has no weeks: the schema is all there is to check.

Exit 0 when the document is valid (or, with --expect-invalid, when it is rejected);
exit 1 with the validation error(s) otherwise; exit 2 on a usage or I/O problem.
--mutate breaks a copy of the document in a named way before validating it, so that
negative tests need no hand-kept broken files; run with --list-mutations to see them.

Needs Debian's python3-jsonschema (>= 4, for draft 2020-12): run it with /usr/bin/python3.
"""
import argparse
import datetime
import json
import sys

MESSAGE_LIMIT = 240


def _short(message):
    return message if len(message) <= MESSAGE_LIMIT else message[:MESSAGE_LIMIT] + "..."


def _first_week(doc):
    return doc["weeks"][0]


def _first_session(doc, wanted):
    for week in doc["weeks"]:
        for day in week["days"]:
            for session in day["sessions"]:
                if wanted(session):
                    return session
    raise SystemExit("mutation needs a session the document does not have")


def _drop(key):
    def mutate(doc):
        del doc[key]
    return mutate


def _set_session_run(doc):
    _first_session(doc, lambda s: s["type"] == "rest" or s["type"] == "strength")["run"] = {
        "km": 1.0, "minutes": 6.0, "continuous": True, "intervals": [],
        "surface": "flat", "hills": False}


def _shift_day(doc):
    day = _first_week(doc)["days"][3]
    day["date"] = (datetime.date.fromisoformat(day["date"]) + datetime.timedelta(days=1)).isoformat()


def _shift_week(doc):
    week = doc["weeks"][-1]
    later = datetime.date.fromisoformat(week["start"]) + datetime.timedelta(days=7)
    week["start"] = later.isoformat()
    for i, day in enumerate(week["days"]):
        day["date"] = (later + datetime.timedelta(days=i)).isoformat()
    doc["end"] = (later + datetime.timedelta(days=6)).isoformat()


def _inflate_run_km(doc):
    week = next(w for w in doc["weeks"] if w["run_km"] > 0)
    week["run_km"] = round(week["run_km"] + 1.0, 2)


def _warning_in_miles(doc):
    warning = next(w for w in doc["warnings"] if "target_km" in w)
    warning["target_mi"] = round(warning.pop("target_km") / 1.609344, 2)


MUTATIONS = {
    "gap-between-days": _shift_day,
    "gap-between-weeks": _shift_week,
    "run-km-not-the-sum": _inflate_run_km,
    "missing-weeks": _drop("weeks"),
    "missing-warnings": _drop("warnings"),
    "wrong-schema-id": lambda d: d.__setitem__("schema", "kneerehab.plan/2"),
    "six-days": lambda d: _first_week(d)["days"].pop(),
    "eight-days": lambda d: _first_week(d)["days"].append(_first_week(d)["days"][-1]),
    "bad-date": lambda d: d.__setitem__("start", "2026-02-30"),
    "slashed-date": lambda d: _first_week(d).__setitem__("start", "2026/11/23"),
    "negative-run-km": lambda d: _first_week(d).__setitem__("run_km", -1.0),
    "string-run-km": lambda d: _first_week(d).__setitem__("run_km", "5"),
    "unknown-session-type": lambda d: _first_session(d, lambda s: True).__setitem__(
        "type", "yoga"),
    "unknown-surface": lambda d: _first_session(d, lambda s: "run" in s)["run"].__setitem__(
        "surface", "sand"),
    "run-without-run": lambda d: _first_session(
        d, lambda s: s["type"] in ("run", "walk-run")).pop("run"),
    "strength-without-exercises": lambda d: _first_session(
        d, lambda s: s["type"] == "strength").pop("exercises"),
    "run-on-a-non-running-session": _set_session_run,
    "exercise-without-hold": lambda d: _first_session(
        d, lambda s: s.get("exercises"))["exercises"][0].pop("hold_s"),
    "continuous-not-boolean": lambda d: _first_session(
        d, lambda s: "run" in s)["run"].__setitem__("continuous", "yes"),
    "misspelt-field": lambda d: _first_week(d).__setitem__("run_kms", 0.0),
    "warning-as-string": lambda d: d["warnings"].__setitem__(0, d["warnings"][0]["text"]),
    "warning-unknown-code": lambda d: d["warnings"][0].__setitem__("code", "looks-fine"),
    "warning-without-text": lambda d: d["warnings"][0].pop("text"),
    "warning-distance-in-miles": _warning_in_miles,
    # For a referral document (tests/golden/referral.json, an Ottawa knee rule referral).
    "referral-unknown-reason": lambda d: d.__setitem__("reason", "looks-fine"),
    "referral-without-action": _drop("action"),
    "referral-ottawa-without-injury-date": _drop("injury_date"),
    "referral-with-weeks": lambda d: d.__setitem__("weeks", []),
    "referral-pain-above-10": lambda d: d.update({"reason": "pain", "pain": 11,
                                                  "pain_refer_min": 8}),
}


def contract_problems(doc):
    """The plan rules (docs/plan-rules.md) that JSON Schema cannot express: consecutive days and weeks, the plan's
    start and end, and run_km as the sum of the week's run.km (each rounded to 2 decimals)."""
    problems = []
    if doc.get("schema") == "kneerehab.referral/1":
        return problems
    day = datetime.timedelta(days=1)
    previous_end = None
    for w, week in enumerate(doc["weeks"]):
        start = datetime.date.fromisoformat(week["start"])
        if week["number"] != w + 1:
            problems.append(f"/weeks/{w}/number: {week['number']}, expected {w + 1}")
        if previous_end is not None and start != previous_end + day:
            problems.append(f"/weeks/{w}/start: {start} does not follow {previous_end}")
        for d, entry in enumerate(week["days"]):
            expected = start + d * day
            if entry["date"] != expected.isoformat():
                problems.append(f"/weeks/{w}/days/{d}/date: {entry['date']}, expected {expected}")
            weekday = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")[expected.weekday()]
            if "weekday" in entry and entry["weekday"] != weekday:
                problems.append(f"/weeks/{w}/days/{d}/weekday: {entry['weekday']}, "
                                f"expected {weekday}")
        previous_end = start + 6 * day
        runs = [s["run"]["km"] for entry in week["days"] for s in entry["sessions"] if "run" in s]
        if abs(sum(runs) - week["run_km"]) > 0.005 * (len(runs) + 1):
            problems.append(f"/weeks/{w}/run_km: {week['run_km']}, but its sessions run "
                            f"{round(sum(runs), 2)} km")
    if doc["weeks"]:
        if doc["start"] != doc["weeks"][0]["start"]:
            problems.append(f"/start: {doc['start']} is not the start of week 1")
        if doc["end"] != previous_end.isoformat():
            problems.append(f"/end: {doc['end']} is not the last day of the last week "
                            f"({previous_end})")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("schema", nargs="?")
    parser.add_argument("document", nargs="?")
    parser.add_argument("--mutate", action="append", default=[], choices=sorted(MUTATIONS))
    parser.add_argument("--expect-invalid", action="store_true")
    parser.add_argument("--list-mutations", action="store_true")
    args = parser.parse_args()
    if args.list_mutations:
        print("\n".join(sorted(MUTATIONS)))
        return 0
    if not args.schema or not args.document:
        parser.error("SCHEMA and DOCUMENT are required")

    try:
        import jsonschema
    except ImportError:
        print(f"{sys.executable}: the jsonschema module is missing "
              "(Debian: apt-get install python3-jsonschema)", file=sys.stderr)
        return 2

    try:
        with open(args.schema, encoding="utf-8") as f:
            schema = json.load(f)
        with open(args.document, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read input: {e}", file=sys.stderr)
        return 2

    validator_class = jsonschema.validators.validator_for(schema)
    try:
        validator_class.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"{args.schema} is not a valid {validator_class.__name__} schema: {e.message}",
              file=sys.stderr)
        return 2

    for name in args.mutate:
        MUTATIONS[name](document)

    validator = validator_class(schema, format_checker=jsonschema.FormatChecker())
    errors = [f"/{'/'.join(str(p) for p in e.absolute_path)}: {_short(e.message)}"
              for e in sorted(validator.iter_errors(document), key=lambda e: list(e.path))]
    if not errors:  # the contract checks assume a schema-valid document
        errors = contract_problems(document)
    label = args.document + "".join(f" [mutated: {m}]" for m in args.mutate)
    if args.expect_invalid:
        if errors:
            print(f"{label}: rejected as expected: {errors[0]}")
            return 0
        print(f"{label}: accepted, but it should have been rejected", file=sys.stderr)
        return 1
    if errors:
        for e in errors[:20]:
            print(f"{label}: {e}", file=sys.stderr)
        if len(errors) > 20:
            print(f"... and {len(errors) - 20} more", file=sys.stderr)
        return 1
    print(f"{label}: valid against {args.schema}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
