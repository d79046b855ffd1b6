#!/usr/bin/env python3
"""Reads beside a reconciliation (`make bench`; docs/benchmark.md, "Reads beside a reconciliation").

A generated portfolio (1,000,000 deliveries and their receipts by default) is set up in a new
database and served by `fmsledger serve`. While `POST /api/reconciliation` matches the whole
portfolio, and a viewer asks for the discrepancies at a date nothing was matched at yet, a third
client times `GET /healthz` and `GET /api/cases/<id>` one after the other. Prints the time of
the reconciliation and the p50, p99 and largest latency of each timed read.

The target (readers do not wait for writers): each timed read answers in under 100 ms while the
reconciliation runs. Reported, never asserted in tests.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import run_bench
from served import Server

TARGET_MS = 100.0
PASSWORD = "bench-password-1"


def request(url, token=None, data=None, timeout=600):
    headers = {"Content-Type": "application/json"} if data is not None else {}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, headers=headers,
                                 method="POST" if data is not None else "GET")
    with urllib.request.urlopen(req, timeout=timeout) as response:
        return response.status, response.read()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


class Background(threading.Thread):
    """One long request on its own thread, timed; its failure is kept for the report."""

    def __init__(self, url, token, data=None):
        super().__init__(daemon=True)
        self.url, self.token, self.data = url, token, data
        self.seconds = None
        self.error = None
        self.body = b""

    def run(self):
        start = time.perf_counter()
        try:
            _, self.body = request(self.url, self.token, self.data)
        except (urllib.error.URLError, OSError) as e:
            self.error = str(e)
        self.seconds = time.perf_counter() - start


def set_up(args, workdir, report):
    data_dir = os.path.join(workdir, "data")
    truth = run_bench.generate(args, data_dir, report)
    db = os.path.join(workdir, "fmsledger.db")
    run_bench.setup(args, db, data_dir, report)
    for kind, name in (("delivery-listing", "deliveries.csv"), ("receipts", "receipts.csv")):
        child = run_bench.Child(run_bench.fmsledger(
            args, db, "import", kind, os.path.join(data_dir, name))).check()
        report.phase(f"import {kind}", child.seconds,
                     truth["deliveries" if kind == "delivery-listing" else "receipts"])
    for command in (["user", "add", "bench", "--display-name", "Bench", "--password-stdin"],
                    ["user", "grant", "bench", "--role", "case-manager", "--org", "*"]):
        subprocess.run(run_bench.fmsledger(args, db, *command), input=PASSWORD + "\n",
                       check=True, capture_output=True, text=True)
    cases = json.loads(subprocess.run(run_bench.fmsledger(args, db, "--json", "case", "list"),
                                      check=True, capture_output=True, text=True).stdout)
    return db, truth, cases["cases"][0]["case_id"]


def time_reads(base, token, case_id, busy):
    """GET /healthz and the case, one after the other, until `busy` is false."""
    samples = {"/healthz": [], f"/api/cases/{case_id}": []}
    while busy():
        for path, times in samples.items():
            start = time.perf_counter()
            request(base + path, token if path != "/healthz" else None, timeout=60)
            times.append((time.perf_counter() - start) * 1000.0)
        time.sleep(0.02)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000, help="delivery rows")
    parser.add_argument("--seed", type=int, default=run_bench.DEFAULT_SEED)
    parser.add_argument("--as-of", default=run_bench.DEFAULT_AS_OF)
    parser.add_argument("--fmsledger",
                        default=os.path.join(run_bench.REPO, "build/release/src/cli/fmsledger"))
    parser.add_argument("--generator", default=os.path.join(
        run_bench.REPO, "build/release/bench/fmsledger-bench-generate"))
    args = parser.parse_args()
    args.fmsledger = os.path.abspath(args.fmsledger)
    args.generator = os.path.abspath(args.generator)
    workdir = tempfile.mkdtemp(prefix="fmsledger-bench-reads-", dir="/tmp")
    server = None
    try:
        print(f"\nReads beside a reconciliation: {args.rows:,} deliveries, seed {args.seed}, "
              f"as of {args.as_of}, {os.cpu_count()} cores shared by server and clients\n")
        report = run_bench.Report()
        db, truth, case_id = set_up(args, workdir, report)
        server = Server(args.fmsledger, db, "--quiet")
        base = server.base
        token = server.api_token("bench", PASSWORD)
        request(base + f"/api/cases/{case_id}", token)  # the first read opens the readers

        reconcile = Background(base + "/api/reconciliation", token,
                               json.dumps({"as_of": args.as_of}).encode())
        # A day nothing was matched at: the server matches afresh for this reader.
        later = time.strftime("%Y-%m-%d", time.gmtime(
            time.mktime(time.strptime(args.as_of, "%Y-%m-%d")) + 86400 * 2))
        discrepancies = Background(base + f"/api/discrepancies?as_of={later}&limit=10", token)
        reconcile.start()
        discrepancies.start()
        samples = time_reads(base, token, case_id, reconcile.is_alive)
        reconcile.join()
        discrepancies.join()
        for name, failed in (("reconciliation", reconcile.error),
                             ("discrepancies", discrepancies.error)):
            if failed:
                raise run_bench.BenchError(f"{name} request failed: {failed}")
        report.phase("POST /api/reconciliation", reconcile.seconds,
                     truth["deliveries"] + truth["receipts"])
        report.phase(f"GET /api/discrepancies ({later})", discrepancies.seconds)

        print(f"\n{'timed beside it':<34}{'reads':>7}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}")
        met = True
        for path, times in samples.items():
            if not times:
                raise run_bench.BenchError("the reconciliation ended before any read was timed")
            largest = max(times)
            met = met and largest < TARGET_MS
            print(f"GET {path:<30}{len(times):>7}{percentile(times, 0.5):>9.2f}"
                  f"{percentile(times, 0.99):>9.2f}{largest:>9.2f}")
        print(f"target (every timed read under {TARGET_MS:.0f} ms while reconciling): "
              f"{'met' if met else 'NOT met'}")
    except run_bench.BenchError as e:
        print(f"\nbenchmark failed: {e}", file=sys.stderr)
        return 1
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
