#!/usr/bin/env python3
"""Runs fmsledger scenario tests: tests/scenarios/<name>/scenario.test (format: README.md).

    run_scenarios.py --fmsledger BIN --scenario DIR [--scenario DIR ...] [--update]
    run_scenarios.py --fmsledger BIN --all [--update]       every directory next to this script

Each scenario runs against a fresh database in a temporary directory, with the scenario's
directory as the working directory, a fixed clock (FMSLEDGER_NOW), --actor scenario and empty
standard input unless a `stdin` line gives one.
A mismatch prints a unified diff and the scenario fails; --update rewrites the expected blocks
from the actual output instead (review every change by hand before keeping it).

Python 3 standard library only.
"""

import argparse
import difflib
import os
import pathlib
import re
import shlex
import subprocess
import sys
import tempfile

DEFAULT_NOW = "2026-11-25T12:00:00Z"
ACTOR = "scenario"
SCRIPT = "scenario.test"
COMMAND_TIMEOUT_SECONDS = 60
HERE = pathlib.Path(__file__).resolve().parent
# In an expected line, $HASH stands for any 64 lower-case hex digits: a value that differs on every
# run (a head hash once the log holds salted password hashes).
HASH_PLACEHOLDER = "$HASH"


class ScenarioError(Exception):
    """A malformed scenario file: names the file and line."""


class Step:
    """One `run` or `expect-error` command, with its expected block if it has one."""

    def __init__(self, line_no, verb, argv, text):
        self.line_no = line_no
        self.verb = verb  # "run" or "expect-error"
        self.argv = argv
        self.text = text  # the command line as written
        self.expected = None  # list of lines, or None: only the exit code is checked
        self.heredoc = None  # terminator of a "---- <<END" block
        self.block_start = None  # index into the file's lines of the first expected line
        self.block_end = None  # index one past the block's last line (terminator included)
        self.stdin = None  # standard input text (`stdin` directive), or None: /dev/null


def parse(path):
    """Returns (now, steps, lines) for a scenario file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    now = DEFAULT_NOW
    steps = []
    pending_stdin = None
    i = 0
    while i < len(lines):
        raw = lines[i]
        stripped = raw.strip()
        where = f"{path}:{i + 1}"
        i += 1
        if not stripped or stripped.startswith("#"):
            continue
        verb, _, rest = stripped.partition(" ")
        if verb == "now":
            if not rest.strip():
                raise ScenarioError(f"{where}: `now` needs a timestamp or a date")
            now = rest.strip()
            continue
        if verb == "stdin":
            if pending_stdin is not None:
                raise ScenarioError(f"{where}: two `stdin` lines before one command")
            pending_stdin = rest + "\n"
            continue
        if verb not in ("run", "expect-error"):
            raise ScenarioError(f"{where}: unknown directive {verb!r} (run, expect-error, now, stdin, #)")
        try:
            argv = shlex.split(rest)
        except ValueError as error:
            raise ScenarioError(f"{where}: {error}") from None
        if not argv:
            raise ScenarioError(f"{where}: `{verb}` needs a command")
        step = Step(i, verb, argv, stripped)
        step.stdin, pending_stdin = pending_stdin, None
        if i < len(lines) and lines[i].strip().startswith("----"):
            marker = lines[i].strip()
            i += 1
            step.block_start = i
            block = []
            if marker == "----":
                # The block ends at the first blank line (or the end of the file).
                while i < len(lines) and lines[i].strip() != "":
                    block.append(lines[i])
                    i += 1
                step.block_end = i
            elif marker.startswith("---- <<") and len(marker) > len("---- <<"):
                step.heredoc = marker[len("---- <<"):]
                while i < len(lines) and lines[i].rstrip() != step.heredoc:
                    block.append(lines[i])
                    i += 1
                if i == len(lines):
                    raise ScenarioError(f"{path}:{step.block_start}: block never ends with {step.heredoc}")
                i += 1
                step.block_end = i
            else:
                raise ScenarioError(f"{path}:{step.block_start}: expected `----` or `---- <<END`")
            step.expected = normalise("\n".join(block))
        steps.append(step)
    if pending_stdin is not None:
        raise ScenarioError(f"{path}: `stdin` is not followed by a command")
    return now, steps, lines


def normalise(text):
    """Trailing whitespace of each line and trailing blank lines do not count."""
    out = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while out and out[-1] == "":
        out.pop()
    return out


def run_step(fmsledger, step, scenario_dir, work_dir, now):
    database = work_dir / "ledger.db"
    argv = [fmsledger, "--db", str(database), "--actor", ACTOR] + step.argv
    env = dict(os.environ)
    env["FMSLEDGER_NOW"] = now
    env["TZ"] = "UTC"
    env["LC_ALL"] = "C"
    # Standard input is never the terminal the runner was started from, so no command waits on it.
    stdin_args = {"input": step.stdin.encode("utf-8")} if step.stdin is not None else {"stdin": subprocess.DEVNULL}
    completed = subprocess.run(argv, cwd=scenario_dir, env=env, capture_output=True,
                               timeout=COMMAND_TIMEOUT_SECONDS, check=False, **stdin_args)
    def decoded(data):
        # The temporary directory differs on every run; expected outputs name it $TMP.
        return data.decode("utf-8", errors="replace").replace(str(work_dir), "$TMP")
    return completed.returncode, decoded(completed.stdout), decoded(completed.stderr)


def matches(expected, actual):
    """Line by line; $HASH in an expected line matches any 64 lower-case hex digits."""
    if len(expected) != len(actual):
        return False
    for want, got in zip(expected, actual):
        if HASH_PLACEHOLDER in want:
            pattern = "[0-9a-f]{64}".join(re.escape(part) for part in want.split(HASH_PLACEHOLDER))
            if not re.fullmatch(pattern, got):
                return False
        elif want != got:
            return False
    return True


def keep_placeholders(expected, actual):
    """For --update: the actual lines, except that lines an expected $HASH line matches stay."""
    if len(expected) != len(actual):
        return actual
    return [want if HASH_PLACEHOLDER in want and matches([want], [got]) else got
            for want, got in zip(expected, actual)]


def render_block(actual):
    """The expected-block lines for an output (heredoc form when it holds a blank line)."""
    if "" in actual:
        return ["---- <<END"] + actual + ["END"]
    return ["----"] + actual


def run_scenario(fmsledger, scenario_dir, update):
    """Returns a list of failure messages (empty: passed)."""
    script = scenario_dir / SCRIPT
    now, steps, lines = parse(script)
    if not steps:
        return [f"{script}: no run or expect-error command"]
    failures = []
    replacements = []  # (start, end, new lines) on the file's lines, for --update
    with tempfile.TemporaryDirectory(prefix="fmsledger-scenario-") as temp:
        work_dir = pathlib.Path(temp).resolve()
        for step in steps:
            where = f"{script}:{step.line_no}: {step.text}"
            code, out, err = run_step(fmsledger, step, scenario_dir, work_dir, now)
            wanted_code = 0 if step.verb == "run" else 1
            if code != wanted_code:
                failures.append(f"{where}\n  exit code {code}, expected {wanted_code}\n"
                                f"  stdout:\n{indent(out)}\n  stderr:\n{indent(err)}")
                break  # later steps depend on this one
            if step.expected is None:
                continue
            actual = normalise(out if step.verb == "run" else err)
            if matches(step.expected, actual):
                continue
            if update:
                # The command line is the line before the block; replace marker + block.
                replacements.append((step.block_start - 1, step.block_end,
                                     render_block(keep_placeholders(step.expected, actual))))
                continue
            diff = difflib.unified_diff(step.expected, actual, "expected", "actual", lineterm="")
            failures.append(f"{where}\n  {'stdout' if step.verb == 'run' else 'stderr'} differs:\n"
                            + "\n".join(diff))
    if update and replacements and not failures:
        for start, end, new in sorted(replacements, reverse=True):
            lines[start:end] = new
        script.write_text("\n".join(lines), encoding="utf-8")
        print(f"updated {script} ({len(replacements)} block(s))")
    return failures


def indent(text):
    return "\n".join("    " + line for line in text.rstrip("\n").split("\n"))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fmsledger", required=True, help="the fmsledger binary")
    parser.add_argument("--scenario", action="append", default=[], help="a scenario directory")
    parser.add_argument("--all", action="store_true", help="every scenario next to this script")
    parser.add_argument("--update", action="store_true", help="rewrite expected blocks from output")
    args = parser.parse_args(argv[1:])
    fmsledger = str(pathlib.Path(args.fmsledger).resolve())
    dirs = [pathlib.Path(d).resolve() for d in args.scenario]
    if args.all:
        dirs += sorted(p.parent for p in HERE.glob(f"*/{SCRIPT}"))
    if not dirs:
        parser.error("give --scenario DIR or --all")
    failed = 0
    for scenario_dir in dirs:
        try:
            failures = run_scenario(fmsledger, scenario_dir, args.update)
        except (ScenarioError, OSError, subprocess.TimeoutExpired) as error:
            failures = [str(error)]
        if failures:
            failed += 1
            print(f"FAIL {scenario_dir.name}")
            for failure in failures:
                print(failure)
        else:
            print(f"ok   {scenario_dir.name}")
    print(f"{len(dirs) - failed} of {len(dirs)} scenarios passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
