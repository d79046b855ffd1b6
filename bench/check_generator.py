#!/usr/bin/env python3
"""Checks fmsledger-bench-generate end to end (a CTest test):

  1. the same seed writes byte-identical files, twice;
  2. another seed writes other files;
  3. the files keep to their formats (headers, 14-character document numbers, money with two
     decimals, ISO dates, accepted + rejected = received, row counts as in the ground truth);
  4. an independent model of the reconciliation rules (reference_reconcile.py) finds exactly
     the ground truth.

Usage: check_generator.py --generator PATH [--rows N]
"""

import argparse
import csv
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_reconcile  # noqa: E402  (after the path is set)

DELIVERY_HEADER = ["document_number", "case_id", "line", "ship_date", "quantity", "value_usd",
                   "delivery_term_code", "tcn", "reporting_quarter_end"]
RECEIPT_HEADER = ["receipt_id", "document_number", "case_id", "line", "received_date",
                  "quantity_received", "quantity_accepted", "quantity_rejected", "condition",
                  "inspector"]
DOCUMENT_NUMBER = re.compile(r"[A-Z0-9]{14}")
MONEY = re.compile(r"\d+\.\d\d")
DATE = re.compile(r"\d{4}-\d\d-\d\d")


def generate(generator, out, rows, seed):
    subprocess.run([generator, "--out", out, "--deliveries", str(rows), "--seed", str(seed)],
                   check=True, stdout=subprocess.DEVNULL)


def same_tree(a, b):
    """Names of files that differ or exist on one side only."""
    differences = []
    for root, _, files in os.walk(a):
        for name in files:
            left = os.path.join(root, name)
            right = os.path.join(b, os.path.relpath(left, a))
            if not os.path.exists(right) or not filecmp.cmp(left, right, shallow=False):
                differences.append(os.path.relpath(left, a))
    for root, _, files in os.walk(b):
        for name in files:
            if not os.path.exists(os.path.join(a, os.path.relpath(os.path.join(root, name), b))):
                differences.append(os.path.relpath(os.path.join(root, name), b))
    return differences


def format_problems(directory):
    problems = []
    with open(os.path.join(directory, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    with open(os.path.join(directory, "deliveries.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != DELIVERY_HEADER:
        problems.append(f"deliveries.csv header {rows[0]}")
    if len(rows) - 1 != truth["deliveries"]:
        problems.append(f"deliveries.csv has {len(rows) - 1} rows, "
                        f"ground truth {truth['deliveries']}")
    for n, row in enumerate(rows[1:], start=2):
        if not (DOCUMENT_NUMBER.fullmatch(row[0]) and DATE.fullmatch(row[3]) and
                MONEY.fullmatch(row[5]) and DATE.fullmatch(row[8]) and int(row[4]) > 0 and
                len(row[7]) in (0, 17) and row[8] >= row[3]):
            problems.append(f"deliveries.csv:{n}: malformed row {row}")
            break
    with open(os.path.join(directory, "receipts.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    if rows[0] != RECEIPT_HEADER:
        problems.append(f"receipts.csv header {rows[0]}")
    if len(rows) - 1 != truth["receipts"]:
        problems.append(f"receipts.csv has {len(rows) - 1} rows, ground truth {truth['receipts']}")
    ids = set()
    for n, row in enumerate(rows[1:], start=2):
        received, accepted, rejected = int(row[5]), int(row[6]), int(row[7])
        if not ((row[1] == "" or DOCUMENT_NUMBER.fullmatch(row[1])) and DATE.fullmatch(row[4]) and
                accepted + rejected == received and min(accepted, rejected) >= 0 and
                received > 0 and row[9] != "" and
                row[0] not in ids and row[4] <= truth["as_of"]):
            problems.append(f"receipts.csv:{n}: malformed row {row}")
            break
        ids.add(row[0])
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generator", required=True)
    parser.add_argument("--rows", type=int, default=20000)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="fmsledger-bench-check-")
    failures = []
    try:
        first, again, other = (os.path.join(work, name) for name in ("first", "again", "other"))
        generate(args.generator, first, args.rows, 7)
        generate(args.generator, again, args.rows, 7)
        generate(args.generator, other, args.rows, 8)
        differences = same_tree(first, again)
        if differences:
            failures.append(f"seed 7 twice: files differ: {differences}")
        else:
            print("same seed: byte-identical files")
        changed = [name for name in ("deliveries.csv", "receipts.csv", "ground-truth.json")
                   if filecmp.cmp(os.path.join(first, name), os.path.join(other, name),
                                  shallow=False)]
        if changed:
            failures.append(f"seeds 7 and 8 wrote identical {changed}")
        else:
            print("other seed: other files")
        failures += format_problems(first)
        problems, discrepancies, matches = reference_reconcile.compare(first)
        failures += problems
        if not problems:
            print(f"independent model: {discrepancies} discrepancies, {matches} matches, "
                  "as the ground truth says")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
