"""`fmsledger serve` for the HTTP benchmarks: started on a free loopback port, signed in to, and
stopped (bench/http_load.py, bench/reads_beside_reconcile.py)."""
import json
import re
import subprocess
import urllib.request


class Server:
    """`fmsledger --db DB serve` on 127.0.0.1 and a free port; `base` is its URL."""

    def __init__(self, fmsledger, db, *serve_args):
        self.process = subprocess.Popen(
            [fmsledger, "--db", db, "serve", "--listen", "127.0.0.1:0", *serve_args],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        banner = self.process.stdout.readline()
        found = re.search(r"127\.0\.0\.1:(\d+)/", banner)
        if found is None:
            self.stop()
            raise RuntimeError(f"fmsledger serve did not start: {banner!r}")
        self.base = f"http://127.0.0.1:{found.group(1)}"

    def api_token(self, user, password):
        """Signs in as `user` and issues an API token for the load."""
        request = urllib.request.Request(
            self.base + "/api/session", json.dumps({"user": user, "password": password}).encode(),
            {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            cookie = response.headers["Set-Cookie"].split(";")[0]
            csrf = json.loads(response.read())["csrf_token"]
        request = urllib.request.Request(
            self.base + "/api/tokens", json.dumps({"label": "make bench"}).encode(),
            {"Content-Type": "application/json", "Cookie": cookie, "X-CSRF-Token": csrf})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())["token"]

    def stop(self):
        """SIGTERM, as an administrator would; it answers what is in flight first."""
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
