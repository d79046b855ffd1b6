# The two commands a new machine needs: `make run` and `make test`.
# Both install missing Debian packages first (scripts/bootstrap).

DB ?= $(CURDIR)/build/demo/fmsledger.db

.PHONY: all bootstrap build web run test fuzz bench clean format

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	cmake --preset release >/dev/null
	cmake --build --preset release

LISTEN ?= 127.0.0.1:8080

# Builds, creates a fresh demo database and serves the web UI and the API on $(LISTEN) until
# Ctrl-C (docs/api.md).
run: build
	@scripts/build-web
	@scripts/run-demo "$(DB)" build/release/src/cli/fmsledger "$(LISTEN)"

# Builds the sanitizer preset and runs the whole suite through CTest.
test: bootstrap
	cmake --preset asan-ubsan >/dev/null
	cmake --build --preset asan-ubsan
	ctest --preset asan-ubsan

FUZZ_SECONDS ?= 300

# Builds the libFuzzer targets (clang, the fuzz preset) and runs each for FUZZ_SECONDS; fails if
# any finds a crash, which it writes to fuzz/crashes/<target>/ (fuzz/README.md).
fuzz:
	@scripts/bootstrap --fuzz
	cmake --preset fuzz >/dev/null
	cmake --build --preset fuzz
	scripts/fuzz $(FUZZ_SECONDS)

# Builds the release preset and runs the benchmark (docs/benchmark.md): 2,000,000 deliveries
# and 2,000,000 receipts imported, reconciled and checked, then the same with PostgreSQL 15;
# then reads timed beside a 1,000,000-row reconciliation over HTTP; then the HTTP load run (wrk
# against `fmsledger serve`).
# The web UI (TypeScript, Vite) into web/dist; npm packages from web/package-lock.json.
web: bootstrap
	@scripts/build-web

bench: bootstrap
	cmake --preset release >/dev/null
	cmake --build --preset release --target fmsledger fmsledger-bench-generate
	python3 bench/run_bench.py --rows 2000000 --fmsledger build/release/src/cli/fmsledger \
	  --generator build/release/bench/fmsledger-bench-generate
	python3 bench/reads_beside_reconcile.py --rows 1000000 \
	  --fmsledger build/release/src/cli/fmsledger \
	  --generator build/release/bench/fmsledger-bench-generate
	python3 bench/http_load.py --fmsledger build/release/src/cli/fmsledger

format:
	clang-format -i $$(git ls-files '*.h' '*.cc')

clean:
	rm -rf build
