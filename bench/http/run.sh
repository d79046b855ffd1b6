#!/usr/bin/env bash
# Measures the two HTTP library candidates for `fmsledger serve` with wrk.
#
#   bench/http/run.sh            # 15 s per measurement, 2 rounds
#   DURATION=5s ROUNDS=1 bench/http/run.sh   # DURATION in seconds, "Ns"
#
# Needs: g++ (C++20), libcpp-httplib-dev, libboost-dev, wrk.
# wrk and the server share the same cores, so the figures are for the whole
# box (client included), not for the server alone.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-/tmp/fmsledger-http-bench}"
duration="${DURATION:-15s}"
rounds="${ROUNDS:-2}"
path="/api/cases/JA-P-TWK"
seconds="${duration%s}"
probe_after=$(( seconds / 3 ))
probe_max=$(( seconds + 5 ))
mkdir -p "$out"

# Debian builds cpp-httplib as a shared library (libcpp-httplib.so), with
# OpenSSL/zlib/brotli support compiled in; its pkg-config flags keep the
# header's configuration macros in step with the library.
echo "building into $out" >&2
g++ -std=c++20 -O2 -pthread -o "$out/httplib_server" "$here/httplib_server.cc" \
  $(pkg-config --cflags --libs cpp-httplib)
g++ -std=c++20 -O2 -pthread -o "$out/beast_server" "$here/beast_server.cc"

echo "cores: $(nproc), wrk: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)" >&2

server_pid=""
stop_server() {
  if [[ -n "$server_pid" ]]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
trap stop_server EXIT

# wrk_line NAME CONNECTIONS PORT -> one table row
wrk_line() {
  local name="$1" conns="$2" port="$3" log
  log="$out/wrk-${name// /_}-c${conns}.txt"
  wrk -t2 -c"$conns" -d"$duration" --latency "http://127.0.0.1:${port}${path}" >"$log" &
  local wrk_pid=$!
  # wrk only times the requests that complete, so a connection the server
  # never gets to is invisible in its percentiles.  A fresh client arriving
  # a few seconds into the load shows how long such a connection waits.
  sleep "$probe_after"
  local probe
  probe=$(curl -s -o /dev/null -w '%{time_total}' --max-time "$probe_max" \
            "http://127.0.0.1:${port}${path}" || echo "gave up")
  wait "$wrk_pid"
  awk -v name="$name" -v c="$conns" -v probe="$probe" '
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Socket errors:/ { err = $0; sub(/^ *Socket errors: */, "", err) }
    /Non-2xx/ { non2xx = $NF }
    END {
      if (err == "") err = "none"
      if (non2xx == "") non2xx = 0
      printf "| %-28s | %3d | %10s | %9s | %9s | %9ss | %s; non-2xx %s |\n", name, c, rps, p50, p99, probe, err, non2xx
    }' "$log"
}

# run_server NAME PORT COMMAND... -> warm up, then -c64 and -c16
run_server() {
  local name="$1" port="$2"
  shift 2
  "$@" 2>/dev/null &
  server_pid=$!
  for _ in $(seq 50); do
    curl -fs -o /dev/null "http://127.0.0.1:${port}${path}" && break
    sleep 0.1
  done
  wrk -t2 -c16 -d3s "http://127.0.0.1:${port}${path}" >/dev/null  # warm-up
  wrk_line "$name" 64 "$port"
  wrk_line "$name" 16 "$port"
  stop_server
}

for round in $(seq "$rounds"); do
  echo
  echo "round $round ($duration per row, wrk -t2, keep-alive)"
  echo
  echo "| server                       |   c |      req/s |       p50 |       p99 | new client | wrk errors |"
  echo "|------------------------------|-----|------------|-----------|-----------|------------|------------|"
  run_server "beast, 2 threads"            18081 "$out/beast_server" 18081 2
  run_server "beast, 1 thread"             18086 "$out/beast_server" 18086 1
  run_server "httplib, 2 workers"          18082 "$out/httplib_server" 18082 2
  run_server "httplib, 4 workers"          18083 "$out/httplib_server" 18083 4
  run_server "httplib, 4 workers, max 5"   18084 "$out/httplib_server" 18084 4 5
  run_server "httplib, 2 w, lib defaults"  18085 "$out/httplib_server" 18085 2 5 0
done
