#!/usr/bin/python3
"""Validate every example LOA document against the LOA JSON Schema.

Usage: /usr/bin/python3 tests/schema/check_examples.py SCHEMA EXAMPLES_DIR

Checks every EXAMPLES_DIR/cases/**/*.json with Debian's python3-jsonschema
(Draft202012Validator, with format checking so "2024-02-30" is refused), prints one line per
failing file and problem and an "N passed, M failed" summary. Exits non-zero when any file
fails, when no file is found at all, or when the schema does not reject deliberately broken
copies of a valid example (so this check is able to fail).
"""

import copy
import json
import pathlib
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - environment problem, say so clearly
    print("check_examples: python3-jsonschema (Draft 2020-12 support) is not installed", file=sys.stderr)
    sys.exit(2)


def pointer(path):
    """JSON Pointer for a jsonschema error path."""
    parts = [str(p).replace("~", "~0").replace("/", "~1") for p in path]
    return "/" + "/".join(parts) if parts else "/"


def problems(validator, document):
    errors = sorted(validator.iter_errors(document), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [f"{pointer(e.absolute_path)}: {e.message}" for e in errors]


def broken_copies(document):
    """(label, document) pairs that the schema must reject."""
    out = []

    def variant(label, mutate):
        doc = copy.deepcopy(document)
        mutate(doc)
        out.append((label, doc))

    variant("'lines' removed", lambda d: d.pop("lines"))
    variant("'lines' empty", lambda d: d.__setitem__("lines", []))
    variant("unknown top-level field", lambda d: d.__setitem__("lnies", []))
    variant("unknown line field", lambda d: d["lines"][0].__setitem__("colour", "red"))
    variant("money as a JSON number", lambda d: d["cost_summary"].__setitem__("total", 1000.0))
    variant("negative money", lambda d: d["cost_summary"].__setitem__("other", "-1.00"))
    variant("malformed money", lambda d: d["cost_summary"].__setitem__("other", "1,00.00"))
    variant("date not YYYY-MM-DD", lambda d: d["dates"].__setitem__("offer", "08/12/2023"))
    variant("impossible date", lambda d: d["dates"].__setitem__("offer", "2023-02-30"))
    variant("unknown document kind", lambda d: d["document"].__setitem__("kind", "restatement"))
    variant("basic with version 1", lambda d: d["document"].update(kind="basic", version=1))
    variant("unknown pricing", lambda d: d["lines"][0].__setitem__("pricing", "each"))
    variant("quantity zero", lambda d: d["lines"][0].__setitem__("quantity", 0))

    def per_unit_without_unit_cost(d):
        d["lines"][0]["pricing"] = "per_unit"
        d["lines"][0].pop("unit_cost", None)

    variant("per_unit line without unit_cost", per_unit_without_unit_cost)

    def lump_sum_without_mos(d):
        d["lines"][0]["pricing"] = "lump_sum"
        d["lines"][0].pop("months_of_service", None)

    variant("lump_sum line without months_of_service", lump_sum_without_mos)

    def modification_with_acceptance(d):
        d["document"] = {"kind": "modification", "version": 1}
        d["dates"].pop("offer_expiration", None)
        d["dates"]["acceptance"] = d["dates"]["offer"]

    variant("modification with an acceptance date", modification_with_acceptance)

    def modification_with_oed(d):
        d["document"] = {"kind": "modification", "version": 1}
        d["dates"].pop("acceptance", None)
        d["dates"]["offer_expiration"] = d["dates"]["effective"]

    variant("modification with an offer expiration date", modification_with_oed)

    def basic_without_oed(d):
        d["document"] = {"kind": "basic", "version": 0}
        d["dates"].pop("offer_expiration", None)

    variant("basic without an offer expiration date", basic_without_oed)
    variant("installment not on a billing day",
            lambda d: d["payment_schedule"]["installments"].append({"due": "2030-04-01", "amount": "1.00"}))
    variant("wrong format tag", lambda d: d.__setitem__("format", "fmsledger.loa/2"))
    return out


def main(argv):
    if len(argv) != 3:
        print("usage: check_examples.py SCHEMA EXAMPLES_DIR", file=sys.stderr)
        return 2
    schema_path = pathlib.Path(argv[1])
    examples_dir = pathlib.Path(argv[2])
    try:
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{schema_path}: cannot read schema: {exc}", file=sys.stderr)
        return 2
    try:
        Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as exc:
        print(f"{schema_path}: not a valid Draft 2020-12 schema: {exc.message}", file=sys.stderr)
        return 1
    validator = Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    files = sorted((examples_dir / "cases").glob("**/*.json"))
    passed = failed = 0
    first_valid = None
    for path in files:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"FAIL {path}: {exc}")
            failed += 1
            continue
        found = problems(validator, document)
        if found:
            failed += 1
            for problem in found:
                print(f"FAIL {path}: {problem}")
        else:
            passed += 1
            if first_valid is None:
                first_valid = document

    print(f"{passed} passed, {failed} failed ({examples_dir / 'cases'})")
    if not files:
        print(f"FAIL: no example documents found under {examples_dir / 'cases'}")
        return 1

    # The check must be able to fail: broken copies of a valid example must be rejected.
    not_rejected = 0
    variants = broken_copies(first_valid) if first_valid is not None else []
    for label, document in variants:
        if not problems(validator, document):
            not_rejected += 1
            print(f"FAIL: schema accepted a broken copy ({label})")
    if variants:
        print(f"{len(variants) - not_rejected} of {len(variants)} deliberately broken copies rejected")

    return 1 if failed or not_rejected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
