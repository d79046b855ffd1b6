#!/usr/bin/env python3
"""An independent, deliberately plain model of fmsledger's reconciliation rules, used to check
the benchmark generator's ground truth without the engine.

It implements the matching passes and the row- and line-level discrepancy rules of
docs/reconciliation.md for a portfolio of one delivery listing and one receipts file (the
benchmark has no bills or payments, so no case-level rule can fire), straight from the
specification and with no attempt at speed:

  pass 1   receipts carrying the document number of an original delivery row (the first row
           with that number) match it; later rows with the number are duplicates;
  pass 2   per case + line, over what pass 1 left: (a) one receipt to the earliest eligible
           delivery of the same quantity, (b) a run of 2-8 receipts adding up to a delivery,
           (c) a run of 2-8 deliveries adding up to a receipt; eligible = received on or
           after the ship date and at most receipt_window_days later.

Usage: reference_reconcile.py DIR   (a generator output directory; compares with its
ground-truth.json and exits 1 on any difference).
"""

import csv
import glob
import json
import os
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_RUN = 8  # the longest run of parts pass 2 considers


def parse_date(text):
    return date.fromisoformat(text)


def plus_months(day, months):
    """Calendar months, the day clamped to the end of a shorter month (as CivilDate does)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    last_day = (next_month - timedelta(days=1)).day
    return date(year, month, min(day.day, last_day))


def cents(text):
    whole, _, fraction = text.partition(".")
    return int(whole) * 100 + int((fraction + "00")[:2])


def rules_on(as_of):
    with open(os.path.join(REPO, "refdata", "thresholds.json"), encoding="utf-8") as f:
        rows = json.load(f)["reconciliation_rules"]
    in_force = [r for r in rows if parse_date(r["effective_from"]) <= as_of]
    return max(in_force, key=lambda r: r["effective_from"])


def load_lines(directory):
    """(case, line) -> {quantity, unit_cost, per_unit, planned_availability}."""
    lines = {}
    for path in sorted(glob.glob(os.path.join(directory, "cases", "*.json"))):
        with open(path, encoding="utf-8") as f:
            loa = json.load(f)
        accepted = parse_date(loa["dates"]["acceptance"])
        for line in loa["lines"]:
            availability = line.get("availability")
            lines[(loa["case_id"], line["number"])] = {
                "quantity": line["quantity"],
                "unit_cost": cents(line["unit_cost"]) if line["pricing"] == "per_unit" else 0,
                "per_unit": line["pricing"] == "per_unit",
                "planned": (plus_months(accepted, availability["to_months"])
                            if availability else None),
            }
    return lines


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def reconcile(directory, as_of):
    rules = rules_on(as_of)
    window = timedelta(days=rules["receipt_window_days"])
    lines = load_lines(directory)
    deliveries = read_csv(os.path.join(directory, "deliveries.csv"))
    receipts = read_csv(os.path.join(directory, "receipts.csv"))
    for d in deliveries:
        d["ship"] = parse_date(d["ship_date"])
        d["qty"] = int(d["quantity"])
        d["value"] = cents(d["value_usd"])
    for r in receipts:
        r["date"] = parse_date(r["received_date"])
        r["qty"] = int(r["quantity_received"])
        r["rejected"] = int(r["quantity_rejected"])

    original = {}  # document number -> index of its first row
    duplicates = []
    for i, d in enumerate(deliveries):
        if d["document_number"] in original:
            duplicates.append(i)
        else:
            original[d["document_number"]] = i
    originals = sorted(original.values())

    matches = []  # (delivery index, receipt index, rule)
    delivery_matched = set()
    receipt_matched = set()

    def match(i, j, rule):
        matches.append((i, j, rule))
        delivery_matched.add(i)
        receipt_matched.add(j)

    for j, r in enumerate(receipts):
        number = r["document_number"]
        if number and number in original:
            match(original[number], j, "document-number")

    def eligible(i, j):
        return deliveries[i]["ship"] <= receipts[j]["date"] <= deliveries[i]["ship"] + window

    by_key_d = defaultdict(list)
    by_key_r = defaultdict(list)
    for i in originals:
        if i not in delivery_matched:
            by_key_d[(deliveries[i]["case_id"], deliveries[i]["line"])].append(i)
    for j, r in enumerate(receipts):
        if j not in receipt_matched:
            by_key_r[(r["case_id"], r["line"])].append(j)
    receipt_groups = {}  # receipt index -> delivery indexes, for pass-2 (c) groups
    for key in sorted(set(by_key_d) & set(by_key_r)):
        ds = sorted(by_key_d[key], key=lambda i: (deliveries[i]["ship"], i))
        rs = sorted(by_key_r[key], key=lambda j: (receipts[j]["date"], j))
        for j in rs:  # (a)
            for i in ds:
                if (i not in delivery_matched and eligible(i, j)
                        and deliveries[i]["qty"] == receipts[j]["qty"]):
                    match(i, j, "case-line-quantity")
                    break
        for i in ds:  # (b)
            if i in delivery_matched:
                continue
            free = [j for j in rs if j not in receipt_matched]
            run = first_run(free, lambda j: eligible(i, j), lambda j: receipts[j]["qty"],
                            deliveries[i]["qty"])
            for j in run:
                match(i, j, "case-line-quantity")
        for j in rs:  # (c)
            if j in receipt_matched:
                continue
            free = [i for i in ds if i not in delivery_matched]
            run = first_run(free, lambda i: eligible(i, j), lambda i: deliveries[i]["qty"],
                            receipts[j]["qty"])
            for i in run:
                match(i, j, "case-line-quantity")
            if run:
                receipt_groups[j] = run

    found = []

    def report(kind, case_id, line, document):
        found.append((kind, case_id, line, document))

    def report_delivery(kind, d):
        report(kind, d["case_id"], d["line"], "delivery " + d["document_number"])

    age = timedelta(days=rules["shipped_not_received_days"])
    tolerance = rules["value_tolerance_basis_points"]
    for i in originals:
        d = deliveries[i]
        if i not in delivery_matched and d["qty"] > 0 and d["ship"] + age < as_of:
            report_delivery("shipped-not-received", d)
        info = lines.get((d["case_id"], d["line"]))
        if info and info["per_unit"] and info["unit_cost"] > 0 and d["qty"] > 0:
            expected = d["qty"] * info["unit_cost"]
            if abs(d["value"] - expected) * 10000 > tolerance * expected:
                report_delivery("value-mismatch", d)
    for i in duplicates:
        d = deliveries[i]
        report("duplicate-document", d["case_id"], d["line"], "delivery " + d["document_number"])
    for j, r in enumerate(receipts):
        if j not in receipt_matched:
            report("received-not-reported", r["case_id"], r["line"], "receipt " + r["receipt_id"])
        if r["rejected"] > 0:
            report("rejected-on-inspection", r["case_id"], r["line"], "receipt " + r["receipt_id"])

    in_c_group = {i for group in receipt_groups.values() for i in group}
    received_by_delivery = defaultdict(int)
    for i, j, rule in matches:
        if i in in_c_group:
            continue
        received_by_delivery[i] += receipts[j]["qty"]
        d, r = deliveries[i], receipts[j]
        if rule == "document-number" and (r["case_id"], r["line"]) != (d["case_id"], d["line"]):
            report("line-mismatch", d["case_id"], d["line"], "delivery " + d["document_number"])
    groups = [(i, deliveries[i]["qty"], received) for i, received in received_by_delivery.items()]
    groups += [(group[0], sum(deliveries[i]["qty"] for i in group), receipts[j]["qty"])
               for j, group in receipt_groups.items()]
    for i, delivered, received in groups:
        d = deliveries[i]
        if received != delivered:
            kind = "quantity-short" if received < delivered else "quantity-over"
            report(kind, d["case_id"], d["line"], "delivery " + d["document_number"])

    delivered_on_line = defaultdict(int)
    beyond_reported = set()
    for i in sorted(originals, key=lambda i: (deliveries[i]["ship"], i)):
        d = deliveries[i]
        key = (d["case_id"], d["line"])
        delivered_on_line[key] += d["qty"]
        quantity = lines[key]["quantity"] if key in lines else 0
        if delivered_on_line[key] > quantity and key not in beyond_reported:
            beyond_reported.add(key)
            report_delivery("delivered-beyond-line-quantity", d)
    for key, info in lines.items():
        overdue = info["planned"] and info["planned"] < as_of
        if overdue and delivered_on_line[key] < info["quantity"]:
            report("line-past-availability-undelivered", key[0], key[1], "")
    return found, len(matches)


def first_run(candidates, is_eligible, quantity, target):
    """The first run of 2..MAX_RUN consecutive candidates, each eligible, adding up to target."""
    for start in range(len(candidates)):
        total = 0
        for end in range(start, min(start + MAX_RUN, len(candidates))):
            if not is_eligible(candidates[end]):
                break
            total += quantity(candidates[end])
            if end > start and total == target:
                return candidates[start:end + 1]
            if total > target:
                break
    return []


def compare(directory):
    with open(os.path.join(directory, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    found, match_count = reconcile(directory, parse_date(truth["as_of"]))
    expected = Counter((d["type"], d["case_id"], d["line"], d["document"])
                       for d in truth["discrepancies"])
    got = Counter(found)
    problems = []
    if match_count != truth["matches"]:
        problems.append(f"matches: model {match_count}, ground truth {truth['matches']}")
    for item in sorted((expected - got).elements())[:20]:
        problems.append(f"in the ground truth only: {item}")
    for item in sorted((got - expected).elements())[:20]:
        problems.append(f"in the model only: {item}")
    return problems, sum(got.values()), match_count


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    problems, discrepancies, match_count = compare(sys.argv[1])
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"model agrees with the ground truth: {discrepancies} discrepancies, "
          f"{match_count} matches")
    return 0


if __name__ == "__main__":
    sys.exit(main())
