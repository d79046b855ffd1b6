#!/usr/bin/env python3
"""The HTTP load run of `make bench`: `fmsledger serve` over the demo portfolio, loaded with wrk
on loopback, for two reads: the Tomahawk case summary (GET /api/cases/JA-P-TWK) and a portfolio
report (GET /api/reports/status). Prints requests per second and p50/p99 latency for each.

The target (issue: >= 20,000 req/s at p99 <= 5 ms for the case summary on 2 cores) is measured
here, never asserted in tests. wrk and the server share the machine's cores, so the figures
describe the box as a whole, client included (bench/http/README.md has the library comparison
that chose Boost.Beast).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from served import Server


def to_ms(text):
    value, unit = float(re.match(r"([\d.]+)", text).group(1)), re.sub(r"[\d.]", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(url, token, connections, threads, duration):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency",
         "-H", f"Authorization: Bearer {token}", url],
        check=True, capture_output=True, text=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors:.*", out)
    return rps, p50, p99, int(non_2xx.group(1)) if non_2xx else 0, errors.group(0) if errors else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--fmsledger", required=True)
    parser.add_argument("--duration", default="15s")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--wrk-threads", type=int, default=2)
    parser.add_argument("--server-threads", type=int, default=2)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("http_load: wrk is not installed (scripts/bootstrap installs it)")
    work = tempfile.mkdtemp(prefix="fmsledger-http-bench-")
    db = os.path.join(work, "demo.db")
    subprocess.run([args.fmsledger, "--db", db, "demo"], check=True, stdout=subprocess.DEVNULL)
    # wrk is one client address: the per-client connection limit (32 by default) is raised to
    # its connections, or the ones beyond it would be measured as 503s.
    server = Server(args.fmsledger, db, "--threads", str(args.server_threads),
                    "--max-connections-per-client", str(args.connections))
    try:
        base = server.base
        token = server.api_token("pmo", "fmsledger-demo")
        print(f"HTTP load: fmsledger serve --threads {args.server_threads}, wrk -t{args.wrk_threads} "
              f"-c{args.connections} -d{args.duration} on loopback, {os.cpu_count()} cores shared")
        print(f"{'request':<40} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8}  non-2xx")
        results = {}
        for name, path in [("case summary (GET /api/cases/JA-P-TWK)", "/api/cases/JA-P-TWK"),
                           ("portfolio report (GET /api/reports/status)", "/api/reports/status")]:
            run_wrk(base + path, token, args.connections, args.wrk_threads, "3s")  # warm-up
            rps, p50, p99, non_2xx, errors = run_wrk(base + path, token, args.connections,
                                                     args.wrk_threads, args.duration)
            results[path] = (rps, p99)
            print(f"{name:<40} {rps:>10,.0f} {p50:>8.2f} {p99:>8.2f}  {non_2xx}  {errors}")
        rps, p99 = results["/api/cases/JA-P-TWK"]
        met = rps >= 20000 and p99 <= 5.0
        print(f"case summary target (>= 20,000 req/s at p99 <= 5 ms): {'met' if met else 'NOT met'}")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
