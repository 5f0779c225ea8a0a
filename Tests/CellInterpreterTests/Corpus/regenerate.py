#!/usr/bin/env python3
"""Regenerate the expected outputs of the Swift corpus from the real compiler.

For every accept/NNN-name.swift: compile it as main.swift with
    swiftc -module-name main -Onone main.swift -o prog
run prog (10 s timeout) and write its stdout to accept/NNN-name.out.  When the
program traps (non-zero exit status or a signal) a final line "[trap]" is
appended after whatever it printed before the trap.  The program runs on a
pseudo-terminal so that output printed before a trap is not lost in a stdio
buffer (Swift's stdout is fully buffered when it is a pipe).

For every reject/NNN-name.swift: compile it the same way and write the first
"error:" line, without the file name ("LINE:COL: error: MESSAGE"), to
reject/NNN-name.err.  A reject program that compiles is a failure.

Usage: regenerate.py [--only PATTERN] [--swiftc PATH]
PATTERN is a substring or a glob (fnmatch) matched against "accept/NNN-name"
and "reject/NNN-name" (e.g. --only reject/, --only '*closure*', --only 042).
Compiles run one at a time.  Exits non-zero when anything failed.
Standard library only.
"""
import argparse
import fnmatch
import os
import pty
import re
import select
import shutil
import subprocess
import sys
import tempfile
import time
import tty

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 10.0
ERROR_RE = re.compile(r"^(?:.*?main\.swift):(\d+):(\d+): error: (.*)$")


def compile_program(swiftc, src, workdir):
    """Copy src to workdir/main.swift and compile it. Returns (rc, stderr)."""
    main = os.path.join(workdir, "main.swift")
    prog = os.path.join(workdir, "prog")
    if os.path.exists(prog):
        os.remove(prog)
    shutil.copyfile(src, main)
    proc = subprocess.run(
        [swiftc, "-module-name", "main", "-Onone", "main.swift", "-o", "prog"],
        cwd=workdir, stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return proc.returncode, (proc.stdout + proc.stderr).decode("utf-8", "replace")


def run_on_pty(workdir):
    """Run workdir/prog with stdout on a raw pseudo-terminal.
    Returns (stdout bytes, trapped: bool, timed_out: bool)."""
    master, slave = pty.openpty()
    tty.setraw(slave)  # no "\n" -> "\r\n" translation, no echo
    env = dict(os.environ)
    env["SWIFT_BACKTRACE"] = "enable=no"
    proc = subprocess.Popen([os.path.join(workdir, "prog")], cwd=workdir,
                            stdin=subprocess.DEVNULL, stdout=slave,
                            stderr=subprocess.DEVNULL, env=env)
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + TIMEOUT
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            proc.kill()
            break
        ready, _, _ = select.select([master], [], [], min(left, 0.5))
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: every writer closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            # exited; drain what is left
            try:
                while True:
                    r, _, _ = select.select([master], [], [], 0.05)
                    if not r:
                        break
                    data = os.read(master, 65536)
                    if not data:
                        break
                    chunks.append(data)
            except OSError:
                pass
            break
    os.close(master)
    rc = proc.wait()
    return b"".join(chunks), rc != 0, timed_out


def first_error(output):
    for line in output.splitlines():
        m = ERROR_RE.match(line)
        if m:
            return "%s:%s: error: %s" % m.groups()
    for line in output.splitlines():
        if "error:" in line:
            return line.strip()
    return None


def selected(kind, name, pattern):
    if pattern is None:
        return True
    key = "%s/%s" % (kind, name)
    return pattern in key or fnmatch.fnmatch(key, pattern) or fnmatch.fnmatch(name, pattern)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", metavar="PATTERN", help="regenerate only matching programs")
    ap.add_argument("--swiftc", default=shutil.which("swiftc") or "swiftc")
    args = ap.parse_args()

    start = time.monotonic()
    counts = {"accept": 0, "reject": 0, "trap": 0}
    failures = []
    workdir = tempfile.mkdtemp(prefix="lectern-corpus-")
    try:
        for kind in ("accept", "reject"):
            folder = os.path.join(HERE, kind)
            names = sorted(f[:-6] for f in os.listdir(folder) if f.endswith(".swift"))
            for name in names:
                if not selected(kind, name, args.only):
                    continue
                src = os.path.join(folder, name + ".swift")
                rc, diag = compile_program(args.swiftc, src, workdir)
                if kind == "accept":
                    if rc != 0:
                        failures.append("%s/%s: does not compile: %s" % (kind, name, first_error(diag)))
                        print("FAIL  %s/%s: does not compile\n%s" % (kind, name, diag), file=sys.stderr)
                        continue
                    out, trapped, timed_out = run_on_pty(workdir)
                    text = out.decode("utf-8", "replace")
                    if timed_out:
                        failures.append("%s/%s: timed out after %gs" % (kind, name, TIMEOUT))
                        print("FAIL  %s/%s: timed out" % (kind, name), file=sys.stderr)
                        continue
                    if trapped:
                        if text and not text.endswith("\n"):
                            text += "\n"
                        text += "[trap]\n"
                        counts["trap"] += 1
                    with open(os.path.join(folder, name + ".out"), "w", encoding="utf-8", newline="") as f:
                        f.write(text)
                    counts["accept"] += 1
                else:
                    if rc == 0:
                        failures.append("%s/%s: COMPILED SUCCESSFULLY but must be rejected" % (kind, name))
                        print("!!!!! FAIL  %s/%s COMPILED SUCCESSFULLY — a reject program must not compile !!!!!"
                              % (kind, name), file=sys.stderr)
                        continue
                    err = first_error(diag)
                    if err is None:
                        failures.append("%s/%s: compiler failed without an error line" % (kind, name))
                        print("FAIL  %s/%s: no error line in:\n%s" % (kind, name, diag), file=sys.stderr)
                        continue
                    with open(os.path.join(folder, name + ".err"), "w", encoding="utf-8", newline="") as f:
                        f.write(err + "\n")
                    counts["reject"] += 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    elapsed = time.monotonic() - start
    print("accept: %d written (%d trap)   reject: %d written   failures: %d   time: %.1f s"
          % (counts["accept"], counts["trap"], counts["reject"], len(failures), elapsed))
    for f in failures:
        print("  FAILURE: " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
