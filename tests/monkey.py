#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""monkey.py - a seeded random stream of keys, mouse events and resizes sent
to the real accueil in a pseudo-terminal, as the most impatient visitor
would. Passes when accueil is still running and answering at the end, and
no sanitizer wrote a report.

Usage: monkey.py ACCUEIL DB [EVENTS] [SEED]
Prints the number of events, the seed and the time taken, then
'N passed, N failed'.
"""
import errno
import fcntl
import glob
import os
import pty
import random
import select
import signal
import atexit
import shutil
import struct
import sys
import tempfile
import termios
import time

binary, db = sys.argv[1], sys.argv[2]
events = int(sys.argv[3]) if len(sys.argv) > 3 else 100000
seed = int(sys.argv[4] if len(sys.argv) > 4 else
           os.environ.get("MONKEY_SEED", int(time.time())))
rng = random.Random(seed)
term = os.environ.get("MONKEY_TERM", "xterm-256color")
# The seed first, so that a run that hangs or is killed can be replayed
# (MONKEY_SEED=N).
print(f"seed {seed} (MONKEY_SEED={seed} replays it), TERM={term}", flush=True)
logdir = tempfile.mkdtemp(prefix="accueil-monkey-")
atexit.register(shutil.rmtree, logdir, True)

KEYS = ([b"%d" % d for d in range(10)] * 6 +
        [b"\x1b[A", b"\x1b[B", b"\x1b[C", b"\x1b[D", b"\x1b[5~", b"\x1b[6~",
         b"\x1b[H", b"\x1b[F", b"\x1bOH", b"\x1bOF", b"\r", b"\n", b"\x7f",
         b"\x08", b"\x1b", b"\t", b" ", b"?", b"/", b"*", b"f", b"q", b"Q",
         b"\x03", b"\x04", b"\x1a", b"\x1c", b"\x1b[21~", b"\x1b[24~",
         b"\x1bOP", b"\x1b[2~", b"\x1b[3~", b"\x1b[1;5A", b"\x1b[200~",
         "é".encode(), "ي".encode(), "ሰ".encode(), "日".encode(),
         b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\x1b[", b"\x1b]0;x\x07"])


def random_event():
    """Returns the bytes of one random event (a key, text or a mouse click)."""
    r = rng.random()
    if r < 0.70:
        return rng.choice(KEYS)
    if r < 0.85:
        n = rng.randint(1, 6)
        return bytes(rng.choice(b"abcdefghijklmnopqrstuvwxyz0123456789 ")
                     for _ in range(n))
    if r < 0.95:
        x, y = rng.randint(1, 230), rng.randint(1, 100)
        b = rng.choice([0, 0, 0, 1, 2, 64, 65])
        return b"\x1b[<%d;%d;%dM\x1b[<%d;%d;%dm" % (b, x, y, b, x, y)
    return bytes(rng.randint(0, 255) for _ in range(rng.randint(1, 8)))


def set_size(fd, rows, cols):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


# At TERM=linux, ncurses loads libgpm, whose Gpm_Open keeps 10 bytes, and
# unloads it at the end: LeakSanitizer then reports them. Preloaded, the
# library stays, and so do its pointers to them: not a leak. (The slow
# unwinder that lsan.supp's entry needs made the sanitizer run 3 times
# slower: 376 s for its 100 000 events.) Preloaded before the sanitizer's
# runtime, which then must not insist on coming first.
preload = {}
asan_extra = ""
if term == "linux":
    preload = {"LD_PRELOAD": "libgpm.so.2"}
    asan_extra = ":verify_asan_link_order=0"
env = dict(os.environ, TERM=term, LANG="C.UTF-8", **preload,
           ASAN_OPTIONS=f"log_path={logdir}/asan:detect_leaks=1{asan_extra}",
           LSAN_OPTIONS="print_suppressions=0:suppressions=" +
           os.path.join(os.path.dirname(os.path.abspath(__file__)),
                        "lsan.supp"),
           UBSAN_OPTIONS=f"log_path={logdir}/ubsan:print_stacktrace=1")
pid, fd = pty.fork()
if pid == 0:
    os.execve(binary, [binary, "--db", db, "--kiosk", "--idle", "0",
                       "--config", "/dev/null"], env)
set_size(fd, 24, 80)
os.set_blocking(fd, False)
output = bytearray()


def pump(pending, timeout):
    """Writes what it can of pending, reads what there is; returns the rest."""
    w = [fd] if pending else []
    r, w, _ = select.select([fd], w, [], timeout)
    if r:
        try:
            data = os.read(fd, 65536)
            output.extend(data)
            del output[:-200000]
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.EIO):
                raise
    if w and pending:
        try:
            n = os.write(fd, pending[:4096])
            pending = pending[n:]
        except OSError as e:
            if e.errno != errno.EAGAIN:
                raise
    return pending


exit_status = None


def alive():
    """Returns true while accueil runs; keeps its status once it ended."""
    global exit_status
    if exit_status is not None:
        return False
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        exit_status = status
    return not done


# Like a visitor, start once the first screen is there.
deadline = time.time() + 10
while b"1" not in output and time.time() < deadline:
    pump(b"", 0.1)

start = time.time()
passed = failed = 0
pending = b""
dead_at = None
for i in range(events):
    if rng.random() < 0.02 and not pending:
        set_size(fd, rng.randint(1, 100), rng.randint(1, 300))
    else:
        pending += random_event()
    while len(pending) > 8192:
        pending = pump(pending, 1.0)
    pending = pump(pending, 0)
    if i % 500 == 0 and not alive():
        dead_at = i
        break
deadline = time.time() + 60
while pending and time.time() < deadline:
    pending = pump(pending, 1.0)
elapsed = time.time() - start

# Still answering: back to a known place, then the help screen in French.
if dead_at is None and alive():
    set_size(fd, 24, 80)
    # What it drew for the events' last keys comes first (a help screen
    # among it would pass for the answer): on until it has been quiet
    # for a second.
    quiet = time.time()
    deadline = quiet + 30
    while time.time() - quiet < 1.0 and time.time() < deadline:
        n = len(output)
        pump(b"", 0.1)
        if len(output) != n:
            quiet = time.time()
    output.clear()
    pending = b"\x1b" * 8 + b"0" * 12 + b"*1?"
    deadline = time.time() + 30
    while time.time() < deadline and b"Aide" not in output:
        pending = pump(pending, 0.2)
    answering = b"Aide" in output
else:
    answering = False
print(f"{events} events, seed {seed}, {elapsed:.1f} s")
if answering:
    passed += 1
    print("ok   still running and answering at the end")
else:
    failed += 1
    print(f"FAIL accueil died or stopped answering (seed {seed}, "
          f"event {dead_at}, wait status {exit_status}); its last screen:")
    print(output[-2000:].decode("utf-8", "replace"))
if alive():
    os.kill(pid, signal.SIGTERM)
    # Up to 5 s to end (the sanitizers' exit checks take time). Once the
    # program has closed the terminal, reading it returns at once: sleep.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        pump(b"", 0.05)
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        time.sleep(0.01)
    else:
        os.kill(pid, signal.SIGKILL)
        status = -1
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        passed += 1
        print("ok   SIGTERM ends it with status 0")
    else:
        failed += 1
        print(f"FAIL SIGTERM: status {status}")
reports = glob.glob(f"{logdir}/*san*")
for path in reports:
    failed += 1
    print(f"FAIL sanitizer report {path}:")
    print(open(path, errors="replace").read()[:4000])
if not reports:
    passed += 1
    print("ok   no sanitizer report")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
