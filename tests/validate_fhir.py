#!/usr/bin/env python3
"""Validate FHIR R4 JSON (a CarePlan, or a Bundle of a PlanDefinition and ActivityDefinitions)
against the official R4 JSON schema vendored in tests/fhir/ (see tests/fhir/README.md).

Usage: validate_fhir.py SCHEMA.json.gz DOCUMENT [--expect TYPE] [--mutate NAME] [--expect-invalid]

Besides the schema (draft-06, checked with Debian's python3-jsonschema), the script checks
references the schema cannot: every "#id" reference names a contained resource and every
contained resource is referenced (FHIR dom-3), every relatedAction.actionId names a phase
action, and every definitionCanonical names an ActivityDefinition of the bundle.

Exit 0 when valid (or, with --expect-invalid, when rejected); 1 with the errors otherwise;
2 on a usage or I/O problem. --mutate breaks a copy of the document in a named way, so that
the negative tests need no hand-kept broken files.
"""
import argparse
import gzip
import json
import sys

import jsonschema


def _care_plan_activity(doc):
    return doc["activity"][0]["detail"]


def _first_phase(doc):
    return doc["entry"][0]["resource"]["action"][1]


MUTATIONS = {
    # CarePlan
    "activity-status-unknown": lambda d: _care_plan_activity(d).__setitem__("status", "planned"),
    "period-unit-unknown": lambda d: _care_plan_activity(d)["scheduledTiming"]["repeat"]
    .__setitem__("periodUnit", "week"),
    "status-missing-value": lambda d: d.__setitem__("status", ""),
    "period-slashed-date": lambda d: d["period"].__setitem__("start", "2026/11/23"),
    "activity-day-as-number": lambda d: _care_plan_activity(d)["scheduledTiming"]["repeat"]
    .__setitem__("dayOfWeek", [1]),
    "activity-unknown-field": lambda d: _care_plan_activity(d).__setitem__("dose", "3 x 15"),
    "do-not-perform-string": lambda d: _care_plan_activity(d).__setitem__("doNotPerform", "yes"),
    "dangling-contained-reference": lambda d: d["addresses"][0].__setitem__("reference", "#nothing"),
    # Bundle / PlanDefinition
    "bundle-type-unknown": lambda d: d.__setitem__("type", "pile"),
    "condition-kind-unknown": lambda d: _first_phase(d)["condition"][0].__setitem__("kind", "gate"),
    "related-action-unknown-phase": lambda d: _first_phase(d)["relatedAction"][0]
    .__setitem__("actionId", "no-such-phase"),
    "id-with-slash": lambda d: d["entry"][0]["resource"].__setitem__("id", "a/b"),
}


def _leaves(error):
    if not error.context:
        yield error
        return
    for sub in error.context:
        yield from _leaves(sub)


def _on_own_branch(leaf):
    """True when every oneOf above `leaf` was entered at the branch of the instance's own
    resourceType (the schema is a oneOf over every resource type, and so is each contained or
    bundled resource): failures on the other branches say nothing about the document."""
    e = leaf
    while e.parent is not None:
        p = e.parent
        if p.validator == "oneOf" and isinstance(p.instance, dict) and e.relative_schema_path:
            ref = p.validator_value[e.relative_schema_path[0]].get("$ref", "")
            if ref.rsplit("/", 1)[-1] != p.instance.get("resourceType"):
                return False
        e = p
    return True


def _deepest(error):
    """The failure that says what is wrong: on the document's own branches, deepest first."""
    leaves = [e for e in _leaves(error) if _on_own_branch(e)]
    if not leaves:
        return error
    return max(leaves, key=lambda e: len(e.absolute_path))


def _references(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                found.append(value)
            else:
                _references(value, found)
    elif isinstance(node, list):
        for item in node:
            _references(item, found)


def _check_contained(resource, where, problems):
    contained = resource.get("contained", [])
    ids = {c.get("id") for c in contained}
    refs = []
    _references({k: v for k, v in resource.items() if k != "contained"}, refs)
    for c in contained:
        _references(c, refs)
    local = {r[1:] for r in refs if r.startswith("#")}
    for ref in sorted(local - ids):
        problems.append(f"{where}: reference '#{ref}' names no contained resource")
    for cid in sorted(ids - local):
        problems.append(f"{where}: contained resource '{cid}' is not referenced (dom-3)")


def _actions(actions):
    for action in actions:
        yield action
        yield from _actions(action.get("action", []))


def _check_bundle(doc, problems):
    urls = {e["resource"].get("url") for e in doc.get("entry", [])
            if e["resource"].get("resourceType") == "ActivityDefinition"}
    for entry in doc.get("entry", []):
        resource = entry["resource"]
        _check_contained(resource, resource.get("resourceType", "?"), problems)
        if resource.get("resourceType") != "PlanDefinition":
            continue
        phase_ids = {a.get("id") for a in resource.get("action", [])}
        for action in _actions(resource.get("action", [])):
            for related in action.get("relatedAction", []):
                if related.get("actionId") not in phase_ids:
                    problems.append(f"relatedAction names unknown action '{related.get('actionId')}'")
            canonical = action.get("definitionCanonical")
            if canonical is not None and canonical not in urls:
                problems.append(f"definitionCanonical '{canonical}' names no ActivityDefinition")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("schema")
    parser.add_argument("document")
    parser.add_argument("--expect", help="the resourceType the document must have")
    parser.add_argument("--mutate", action="append", default=[], choices=sorted(MUTATIONS))
    parser.add_argument("--expect-invalid", action="store_true")
    args = parser.parse_args()
    try:
        with gzip.open(args.schema, "rt", encoding="utf-8") as f:
            schema = json.load(f)
        with open(args.document, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as e:
        print(f"cannot read input: {e}", file=sys.stderr)
        return 2
    for name in args.mutate:
        MUTATIONS[name](doc)

    problems = []
    if args.expect and doc.get("resourceType") != args.expect:
        problems.append(f"resourceType is {doc.get('resourceType')!r}, expected {args.expect!r}")
    validator = jsonschema.Draft6Validator(schema)
    for error in validator.iter_errors(doc):
        best = _deepest(error)
        path = "/".join(str(p) for p in best.absolute_path)
        problems.append(f"schema: at /{path}: {best.message[:300]}")
    if doc.get("resourceType") == "Bundle":
        _check_bundle(doc, problems)
    else:
        _check_contained(doc, doc.get("resourceType", "?"), problems)

    if args.expect_invalid:
        if problems:
            print(f"rejected as expected ({len(problems)} problem(s)); first: {problems[0]}")
            return 0
        print("expected the document to be rejected, but it is valid", file=sys.stderr)
        return 1
    if problems:
        for p in problems[:20]:
            print(p, file=sys.stderr)
        return 1
    print(f"valid FHIR R4 {doc.get('resourceType')} ({args.document})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
