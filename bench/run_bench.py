#!/usr/bin/env python3
"""The fmsledger benchmark (`make bench`; docs/benchmark.md).

Generates a deterministic portfolio (fmsledger-bench-generate), sets its cases up in a new
database, imports the delivery listing and the receipt inspections durably, reconciles, and
checks the discrepancy report against the generator's ground truth exactly. In the same run a
throwaway PostgreSQL 15 loads the same files with COPY and classifies them with a FULL OUTER
JOIN (postgres_baseline.py), and the two are compared.

Every phase is timed with time.perf_counter around its subprocess and printed with rows/s; the
peak memory (maximum resident set size) of each fmsledger process is printed too. Timings are
reported, never asserted. Exit status: 0 when every step ran and the result equals the ground
truth ("ground truth: exact"), 1 otherwise. The money discrepancies (MONEY_TYPES) are listed
but not compared: the generated cases have no payments or statements to model them by.
"""

import argparse
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import postgres_baseline  # noqa: E402  (after the path is set)

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ROWS = 2_000_000
DEFAULT_SEED = 1
DEFAULT_AS_OF = "2026-06-30"
MAX_DIFFERENCES_SHOWN = 20  # per side
SPEED_UP_TARGET = 10.0  # import + reconcile at most a tenth of PostgreSQL's time
RECONCILE_TARGET_SECONDS = 0.2


class BenchError(Exception):
    pass


class Child:
    """One finished subprocess: exit code, output, wall time and peak memory."""

    def __init__(self, argv, cwd=None):
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            try:
                process = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err)
            except OSError as e:
                raise BenchError(f"cannot run {argv[0]}: {e}") from None
            _, status, usage = os.wait4(process.pid, 0)
            self.seconds = time.perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            self.code = process.returncode
            self.peak_bytes = usage.ru_maxrss * 1024  # Linux reports kilobytes
            out.seek(0)
            err.seek(0)
            self.stdout = out.read().decode("utf-8", "replace")
            self.stderr = err.read().decode("utf-8", "replace")
        self.argv = argv

    def check(self):
        if self.code != 0:
            raise BenchError(f"{shlex.join(self.argv)} exited with {self.code}:\n"
                             f"{self.stderr.strip() or self.stdout.strip()}")
        return self

    def json(self):
        try:
            return json.loads(self.stdout)
        except json.JSONDecodeError as e:
            raise BenchError(f"{shlex.join(self.argv)} printed no JSON ({e}):\n"
                             f"{self.stdout[:2000]}")


def megabytes(size):
    return f"{size / (1024 * 1024):,.0f} MB"


class Report:
    """Prints one line per phase as it finishes and keeps the numbers for the summary."""

    def __init__(self):
        self.seconds = {}
        self.peaks = {}
        print(f"{'phase':<28}{'seconds':>10}{'rows/s':>14}{'peak RSS':>12}")

    def phase(self, name, seconds, rows=None, peak_bytes=None):
        self.seconds[name] = seconds
        if peak_bytes is not None:
            self.peaks[name] = peak_bytes
        rate = f"{rows / seconds:,.0f}" if rows and seconds > 0 else "-"
        peak = megabytes(peak_bytes) if peak_bytes is not None else "-"
        print(f"{name:<28}{seconds:>10.3f}{rate:>14}{peak:>12}", flush=True)


def generate(args, data_dir, report):
    child = Child([args.generator, "--out", data_dir, "--deliveries", str(args.rows),
                   "--seed", str(args.seed), "--as-of", args.as_of]).check()
    with open(os.path.join(data_dir, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    report.phase("generate", child.seconds, truth["deliveries"] + truth["receipts"])
    size = sum(os.path.getsize(os.path.join(data_dir, name))
               for name in ("deliveries.csv", "receipts.csv"))
    print(f"  {child.stdout.strip()}; CSV {megabytes(size)}")
    return truth


def fmsledger(args, db, *command):
    return [args.fmsledger, "--db", db, "--actor", "bench", *command]


def setup(args, db, data_dir, report):
    seconds = 0.0
    peak = 0
    with open(os.path.join(data_dir, "setup.txt"), encoding="utf-8") as f:
        commands = [shlex.split(line) for line in f if line.strip()]
    for command in [["init"]] + commands:
        child = Child(fmsledger(args, db, *command), cwd=data_dir).check()
        seconds += child.seconds
        peak = max(peak, child.peak_bytes)
    report.phase(f"setup ({len(commands) + 1} commands)", seconds, None, peak)


def run_fmsledger(args, workdir, data_dir, truth, report):
    db = os.path.join(workdir, "fmsledger.db")
    setup(args, db, data_dir, report)
    deliveries = Child(fmsledger(args, db, "import", "delivery-listing",
                                 os.path.join(data_dir, "deliveries.csv"), "--json")).check()
    report.phase("import deliveries", deliveries.seconds, truth["deliveries"],
                 deliveries.peak_bytes)
    receipts = Child(fmsledger(args, db, "import", "receipts",
                               os.path.join(data_dir, "receipts.csv"), "--json")).check()
    report.phase("import receipts", receipts.seconds, truth["receipts"], receipts.peak_bytes)
    reconcile = Child(fmsledger(args, db, "reconcile", "--as-of", args.as_of, "--json")).check()
    report.phase("reconcile", reconcile.seconds, truth["deliveries"] + truth["receipts"],
                 reconcile.peak_bytes)
    summary = reconcile.json()
    listing = Child(fmsledger(args, db, "report", "discrepancies", "--as-of", args.as_of,
                              "--json")).check()
    report.phase("check (report discrepancies)", listing.seconds, None, listing.peak_bytes)
    return summary, listing.json()


# The generator writes deliveries and receipts only: its cases have no payments or DD 645s, so
# the money checks (docs/reconciliation.md, "Money") report their deposits unpaid and their
# statements missing. Those are right, and outside what the ground truth models.
MONEY_TYPES = {"payment-not-credited", "credited-not-recorded", "statement-overdue",
               "statement-missing", "deposit-unpaid", "case-value-mismatch",
               "cost-near-case-value", "cost-above-case-value", "settlement-outstanding"}


def differences(truth, summary, listing):
    """Lines describing how the engine's result differs from the ground truth; empty if exact."""
    expected = Counter((d["type"], d["case_id"], d["line"], d["document"])
                       for d in truth["discrepancies"])
    got = Counter((d["type"], d["case_id"], d["line"], (d.get("documents") or [""])[0])
                  for d in listing["discrepancies"] if d["type"] not in MONEY_TYPES)
    found = []
    if summary.get("matches") != truth["matches"]:
        found.append(f"matches: fmsledger {summary.get('matches')}, "
                     f"ground truth {truth['matches']}")
    missing = sorted((expected - got).elements())
    extra = sorted((got - expected).elements())
    for item in missing[:MAX_DIFFERENCES_SHOWN]:
        found.append(f"expected, not reported: {item}")
    if len(missing) > MAX_DIFFERENCES_SHOWN:
        found.append(f"... and {len(missing) - MAX_DIFFERENCES_SHOWN} more expected")
    for item in extra[:MAX_DIFFERENCES_SHOWN]:
        found.append(f"reported, not expected: {item}")
    if len(extra) > MAX_DIFFERENCES_SHOWN:
        found.append(f"... and {len(extra) - MAX_DIFFERENCES_SHOWN} more reported")
    return found


def print_counts(truth, listing, postgres):
    ours = Counter(d["type"] for d in listing["discrepancies"]) if listing else Counter()
    expected = Counter(d["type"] for d in truth["discrepancies"])
    pg = postgres["counts"] if postgres else {}
    engine_types = set(ours) | set(expected)
    names = sorted(engine_types) + sorted(set(pg) - engine_types)
    print(f"\n{'class':<34}{'ground truth':>14}{'fmsledger':>12}{'PostgreSQL':>12}")
    for name in names:
        ours_text = f"{ours.get(name, 0):,}" if listing and name in engine_types else "-"
        modelled = name in engine_types and name not in MONEY_TYPES
        truth_text = f"{expected.get(name, 0):,}" if modelled else "-"
        pg_text = f"{pg[name]:,}" if name in pg else "-"
        print(f"{name:<34}{truth_text:>14}{ours_text:>12}{pg_text:>12}")
    if postgres:
        print("(PostgreSQL's join has no quantity pass and no duplicate rule: informational only)")


def run_postgres(args, data_dir, truth):
    if os.geteuid() == 0:
        # The server runs as the postgres user, which must reach the files.
        for path in (args.workdir_path, data_dir):
            os.chmod(path, 0o755)
    rules = age_days(truth["as_of"])
    result = postgres_baseline.run_baseline(os.path.join(data_dir, "deliveries.csv"),
                                            os.path.join(data_dir, "receipts.csv"),
                                            truth["as_of"], rules)
    settings = ", ".join(f"{k}={v}" for k, v in result["settings"].items()) or "default settings"
    print(f"\nPostgreSQL 15 (throwaway server on 127.0.0.1, {settings}, fsync on)")
    rows = truth["deliveries"] + truth["receipts"]
    for name, seconds in result["steps"]:
        print(f"  {name:<30}{seconds:>10.3f} s")
    print(f"  {'total (psql session)':<30}{result['total']:>10.3f} s"
          f"{rows / result['total']:>14,.0f} rows/s")
    return result


def age_days(as_of):
    """shipped_not_received_days in force on as_of, from the reference data the engine uses."""
    with open(os.path.join(REPO, "refdata", "thresholds.json"), encoding="utf-8") as f:
        rows = json.load(f)["reconciliation_rules"]
    in_force = [r for r in rows if r["effective_from"] <= as_of]
    return max(in_force, key=lambda r: r["effective_from"])["shipped_not_received_days"]


def summarise(report, postgres):
    ours = sum(report.seconds.get(name, 0.0)
               for name in ("import deliveries", "import receipts", "reconcile"))
    if report.peaks:
        peak = max(report.peaks.values())
        print(f"\npeak memory (max RSS of one fmsledger process): {megabytes(peak)}")
    if "reconcile" in report.seconds:
        reconcile = report.seconds["reconcile"]
        held = "met" if reconcile <= RECONCILE_TARGET_SECONDS else "NOT met"
        print(f"target reconcile <= {RECONCILE_TARGET_SECONDS} s: {held} ({reconcile:.3f} s)")
    if postgres and "reconcile" in report.seconds:
        pg = postgres["total"]
        speed_up = pg / ours if ours > 0 else float("inf")
        print(f"import + reconcile: {ours:.3f} s (fmsledger) vs {pg:.3f} s (PostgreSQL)")
        print(f"speed-up vs PostgreSQL: {speed_up:.1f}x")
        held = "met" if speed_up >= SPEED_UP_TARGET else "NOT met"
        print(f"target speed-up >= {SPEED_UP_TARGET:.0f}x: {held}")


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=DEFAULT_ROWS, help="delivery rows")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--as-of", default=DEFAULT_AS_OF)
    parser.add_argument("--workdir", help="working directory (default: a new one under /tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the working directory")
    parser.add_argument("--fmsledger",
                        default=os.path.join(REPO, "build/release/src/cli/fmsledger"))
    parser.add_argument("--generator",
                        default=os.path.join(REPO, "build/release/bench/fmsledger-bench-generate"))
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--skip-fmsledger", action="store_true",
                        help="generate and run PostgreSQL only (no ground-truth check)")
    args = parser.parse_args()
    # Setup commands run inside the data directory; binaries are named from anywhere.
    args.fmsledger = os.path.abspath(args.fmsledger)
    args.generator = os.path.abspath(args.generator)
    return args


def stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def main():
    args = parse_args()
    signal.signal(signal.SIGTERM, stop_on_sigterm)
    created = args.workdir is None
    args.workdir_path = args.workdir or tempfile.mkdtemp(prefix="fmsledger-bench-", dir="/tmp")
    os.makedirs(args.workdir_path, exist_ok=True)
    data_dir = os.path.join(args.workdir_path, "data")
    exact = False
    try:
        if os.path.exists(data_dir):
            raise BenchError(f"{data_dir} exists; give --workdir a new or empty directory")
        print(f"fmsledger benchmark: {args.rows:,} deliveries, seed {args.seed}, "
              f"as of {args.as_of}, in {args.workdir_path}\n")
        report = Report()
        truth = generate(args, data_dir, report)
        summary = listing = None
        if not args.skip_fmsledger:
            summary, listing = run_fmsledger(args, args.workdir_path, data_dir, truth, report)
        postgres = None if args.skip_postgres else run_postgres(args, data_dir, truth)
        print_counts(truth, listing, postgres)
        summarise(report, postgres)
        if listing is not None:
            found = differences(truth, summary, listing)
            if found:
                print("\nground truth: DIFFERENT")
                for line in found:
                    print("  " + line)
            else:
                exact = True
                print(f"\nground truth: exact ({len(truth['discrepancies']):,} discrepancies, "
                      f"{truth['matches']:,} matches)")
    except (BenchError, postgres_baseline.PostgresError) as e:
        print(f"\nbenchmark failed: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nbenchmark interrupted; any throwaway PostgreSQL was stopped and removed",
              file=sys.stderr)
        return 130
    finally:
        if args.keep or not created:
            print(f"working directory kept: {args.workdir_path}")
        else:
            shutil.rmtree(args.workdir_path, ignore_errors=True)
    return 0 if exact or args.skip_fmsledger else 1


if __name__ == "__main__":
    sys.exit(main())
