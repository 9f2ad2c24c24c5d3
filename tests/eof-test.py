#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""eof-test.py - a terminal that goes away without SIGHUP ends accueil.

accueil runs on a pseudo-terminal that is not its controlling terminal
(so closing the master sends no SIGHUP), in kiosk mode; once its screen is
up, the master is closed. accueil must end within 3 s (today it spun at
thousands of poll+read a second). Also SIGTERM while it waits in the
out-of-service screen and on a database that is a FIFO.
Usage: eof-test.py ACCUEIL DB"""
import os
import pty
import select
import signal
import subprocess
import sys
import tempfile
import time

binary, db = sys.argv[1], sys.argv[2]
failed = 0


def report(name, good, detail=""):
    global failed
    print(("ok   " if good else "FAIL ") + name + (": " + detail if detail else ""))
    if not good:
        failed += 1


def start(args):
    """Starts accueil on a new pty; returns (process, master fd)."""
    master, slave = pty.openpty()
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    p = subprocess.Popen([binary] + args, stdin=slave, stdout=slave,
                         stderr=subprocess.DEVNULL, env=env,
                         start_new_session=False)
    os.close(slave)
    # Read what it draws until the screen is up.
    out = b""
    end = time.monotonic() + 5
    while time.monotonic() < end and len(out) < 200:
        r, _, _ = select.select([master], [], [], 0.2)
        if r:
            try:
                out += os.read(master, 65536)
            except OSError:
                break
    return p, master, out


def ends(p, seconds):
    try:
        p.wait(timeout=seconds)
        return True
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()
        return False


p, master, out = start(["--kiosk", "--lang", "fr", "--db", db])
report("eof: the screen came up", len(out) > 0)
os.close(master)
t = time.monotonic()
report("eof: a closed terminal ends the kiosk", ends(p, 3),
       "%.2f s" % (time.monotonic() - t))

with tempfile.TemporaryDirectory() as tmp:
    fifo = os.path.join(tmp, "fifo.db")
    os.mkfifo(fifo)
    # Plain mode: refused at once, status 2.
    r = subprocess.run([binary, "--db", fifo, "--search", "x"],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=10)
    report("fifo --db: refused", r.returncode == 2 and b"regular" in r.stderr,
           r.stderr.decode(errors="replace").strip())
    r = subprocess.run([binary, "--config", fifo, "--search", "x", "--db", db],
                       stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=10)
    report("fifo --config: refused", r.returncode == 2 and b"regular" in r.stderr,
           r.stderr.decode(errors="replace").strip())
    r = subprocess.run([binary, "--config", "/dev/zero", "--search", "x",
                        "--db", db], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=10)
    report("/dev/zero --config: refused", r.returncode == 2,
           r.stderr.decode(errors="replace").strip())
    # Kiosk mode on the FIFO: out of service, and SIGTERM ends it at once.
    for sig in (signal.SIGTERM, signal.SIGHUP):
        p, master, out = start(["--kiosk", "--db", fifo])
        report("fifo kiosk: out of service", b"Hors service" in out)
        p.send_signal(sig)
        t = time.monotonic()
        # Every wait is at most a second; the exit itself takes a little.
        report("fifo kiosk: %s ends it within 1.5 s" % sig.name,
               ends(p, 1.5), "%.2f s" % (time.monotonic() - t))
        os.close(master)
    # Waiting for a key (no idle timer): SIGTERM within a second.
    p, master, out = start(["--lang", "fr", "--idle", "0", "--db", db])
    time.sleep(0.3)
    p.send_signal(signal.SIGTERM)
    t = time.monotonic()
    report("idle wait: SIGTERM ends it within 1.5 s", ends(p, 1.5),
           "%.2f s" % (time.monotonic() - t))
    os.close(master)

print("%s" % ("all passed" if failed == 0 else "%d failed" % failed))
sys.exit(1 if failed else 0)
