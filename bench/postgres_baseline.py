"""The PostgreSQL baseline of the benchmark: a throwaway PostgreSQL 15 server loads the same CSV
files with COPY and classifies deliveries against receipts with one FULL OUTER JOIN.

The server lives in a temporary directory, listens on 127.0.0.1 on a free port only, keeps
PostgreSQL's default durability (fsync, synchronous_commit and full_page_writes on; every
statement commits durably) and is stopped and deleted when the `with` block ends, also on
Ctrl-C. When run as root, the server runs as the `postgres` system user (runuser), which
must be able to read the CSV files; otherwise it runs as the current user.

The classification is the natural SQL equivalent of the reconciliation's document-number pass,
not of all its rules: receipts are summed per document number (a shipment received in parts
is one group), receipts without a number stay single rows, and each joined row is classed
shipped-not-received (older than the age limit), in-transit, received-not-reported, rejected,
short, over or matched. It has no quantity pass and no duplicate handling, so its counts are
printed next to fmsledger's for a sanity check only.
"""

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time

TIMED_STEPS = ["create tables", "copy deliveries", "copy receipts", "analyze",
               "classify (full outer join)"]

SCHEMA = """
CREATE TABLE deliveries (
  document_number text NOT NULL, case_id text NOT NULL, line text NOT NULL,
  ship_date date NOT NULL, quantity integer NOT NULL, value_usd numeric(14,2) NOT NULL,
  delivery_term_code text NOT NULL, tcn text, reporting_quarter_end date NOT NULL);
CREATE TABLE receipts (
  receipt_id text NOT NULL, document_number text, case_id text NOT NULL, line text NOT NULL,
  received_date date NOT NULL, quantity_received integer NOT NULL,
  quantity_accepted integer NOT NULL, quantity_rejected integer NOT NULL, condition text,
  inspector text);
"""

CLASSIFY = """
CREATE TABLE reconciliation AS
WITH received AS (
  SELECT document_number, min(receipt_id) AS receipt_id,
         sum(quantity_received) AS quantity_received, sum(quantity_rejected) AS quantity_rejected
  FROM receipts WHERE document_number IS NOT NULL GROUP BY document_number
  UNION ALL
  SELECT NULL, receipt_id, quantity_received, quantity_rejected
  FROM receipts WHERE document_number IS NULL)
SELECT coalesce(d.document_number, r.document_number) AS document_number,
       d.case_id, d.line, r.receipt_id,
       CASE
         WHEN r.receipt_id IS NULL AND d.ship_date < DATE '{as_of}' - {age_days}
           THEN 'shipped-not-received'
         WHEN r.receipt_id IS NULL THEN 'in-transit'
         WHEN d.document_number IS NULL THEN 'received-not-reported'
         WHEN r.quantity_rejected > 0 THEN 'rejected-on-inspection'
         WHEN r.quantity_received < d.quantity THEN 'quantity-short'
         WHEN r.quantity_received > d.quantity THEN 'quantity-over'
         ELSE 'matched'
       END AS classification
FROM deliveries d FULL OUTER JOIN received r ON d.document_number = r.document_number;
"""

COUNTS = "SELECT classification, count(*) FROM reconciliation GROUP BY 1 ORDER BY 1;"

# Settings beyond port and sockets: none, so every setting is PostgreSQL 15's default (fsync,
# synchronous_commit and full_page_writes on). Larger memory settings make this workload no
# faster: with work_mem at 256MB the planner aggregates the receipts in one process instead of
# in parallel, and a larger shared_buffers or max_wal_size does not shorten the load measurably.
SERVER_SETTINGS = {}


class PostgresError(Exception):
    pass


def find_bin_dir(version="15"):
    preferred = f"/usr/lib/postgresql/{version}/bin"
    if os.path.exists(os.path.join(preferred, "initdb")):
        return preferred
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return os.path.dirname(found[-1])
    raise PostgresError("PostgreSQL is not installed (no initdb under /usr/lib/postgresql); "
                        "run scripts/bootstrap")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sql_literal(text):
    return "'" + text.replace("'", "''") + "'"


class ThrowawayPostgres:
    """A PostgreSQL server in a temporary directory: `with ThrowawayPostgres() as pg: ...`."""

    def __init__(self, bin_dir=None):
        self.bin_dir = bin_dir or find_bin_dir()
        self.as_root = os.geteuid() == 0
        self.user = "postgres" if self.as_root else pwd.getpwuid(os.geteuid()).pw_name
        self.base = None
        self.port = None
        self.started = False

    def _command(self, tool, *args):
        argv = [os.path.join(self.bin_dir, tool), *args]
        return ["runuser", "-u", "postgres", "--", *argv] if self.as_root else argv

    def _run(self, tool, *args):
        result = subprocess.run(self._command(tool, *args), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, text=True)
        if result.returncode != 0:
            raise PostgresError(f"{tool} failed ({result.returncode}):\n{result.stdout}")
        return result.stdout

    def __enter__(self):
        if self.as_root:
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                raise PostgresError("no 'postgres' system user; run scripts/bootstrap") from None
        self.base = tempfile.mkdtemp(prefix="fmsledger-bench-pg-")
        try:
            if self.as_root:
                entry = pwd.getpwnam("postgres")
                os.chown(self.base, entry.pw_uid, entry.pw_gid)
            data = os.path.join(self.base, "data")
            self._run("initdb", "-D", data, "-U", self.user, "--auth=trust", "-E", "UTF8",
                      "--no-locale", "--no-instructions")
            self.port = free_port()
            options = [f"-c port={self.port}", "-c listen_addresses=127.0.0.1",
                       f"-c unix_socket_directories={self.base}"]
            options += [f"-c {name}={value}" for name, value in SERVER_SETTINGS.items()]
            self._run("pg_ctl", "-D", data, "-l", os.path.join(self.base, "server.log"), "-w",
                      "-o", " ".join(options), "start")
            self.started = True
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        try:
            if self.started:
                subprocess.run(self._command("pg_ctl", "-D", os.path.join(self.base, "data"),
                                             "-m", "immediate", "-w", "stop"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                self.started = False
        finally:
            if self.base:
                shutil.rmtree(self.base, ignore_errors=True)
                self.base = None
        return False

    def psql(self, script):
        """Runs `script` in one psql session; its output, and the session's wall time."""
        argv = [os.path.join(self.bin_dir, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, "-d", "postgres",
                "-A", "-t", "-f", "-"]
        start = time.perf_counter()
        result = subprocess.run(argv, input=script, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            raise PostgresError(f"psql failed ({result.returncode}):\n{result.stderr}")
        return result.stdout, elapsed


def step_times(psql_output):
    """The "Time: 123.456 ms" lines \\timing prints, in seconds."""
    times = []
    for line in psql_output.splitlines():
        if line.startswith("Time: "):
            times.append(float(line.split()[1]) / 1000.0)
    return times


def run_baseline(deliveries_csv, receipts_csv, as_of, age_days, bin_dir=None):
    """Loads and classifies; {"steps": [(name, seconds)], "total": s, "counts": {class: n}}."""
    with ThrowawayPostgres(bin_dir) as pg:
        script = "\\timing on\n" + SCHEMA
        for table, path in (("deliveries", deliveries_csv), ("receipts", receipts_csv)):
            script += f"COPY {table} FROM {sql_literal(path)} WITH (FORMAT csv, HEADER true);\n"
        # Statistics for the planner, as any load script would gather before querying.
        script += "ANALYZE deliveries;\nANALYZE receipts;\n"
        script += CLASSIFY.format(as_of=as_of, age_days=int(age_days))
        output, total = pg.psql(script)
        times = step_times(output)
        # One time per statement: two CREATE TABLEs, two COPYs, two ANALYZEs, the classification.
        if len(times) != 7:
            raise PostgresError(f"expected 7 timings from psql, got {len(times)}:\n{output}")
        steps = list(zip(TIMED_STEPS, [times[0] + times[1], times[2], times[3], times[4] + times[5],
                                       times[6]]))
        counts_output, _ = pg.psql(COUNTS)
        counts = {}
        for line in counts_output.splitlines():
            if "|" in line:
                name, count = line.split("|")
                counts[name] = int(count)
        return {"steps": steps, "total": total, "counts": counts, "settings": SERVER_SETTINGS}
