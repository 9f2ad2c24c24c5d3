#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""soak.py - drives the real accueil in kiosk mode for a long time, as a
day at the reception desk would: random keys, mouse clicks, resizes,
language changes, searches, and pauses long enough for the idle reset.
Every 30 seconds it samples the program's resident memory, its open file
descriptors and its zombie children, and prints them. A benchmark, not a
test: it asserts nothing about time, and runs outside scripts/test.

Usage: soak.py ACCUEIL DB [SECONDS] [SEED]    (scripts/soak runs it)
"""
import errno
import fcntl
import os
import pty
import random
import select
import signal
import struct
import sys
import termios
import time

binary, db = sys.argv[1], sys.argv[2]
duration = float(sys.argv[3]) if len(sys.argv) > 3 else 3600.0
seed = int(sys.argv[4]) if len(sys.argv) > 4 else int(time.time())
rng = random.Random(seed)
IDLE = 20            # --idle: a reset comes 20 + 15 s after the last key
SAMPLE = 30.0        # seconds between two samples
SIZES = [(24, 80), (15, 40), (60, 200), (10, 30), (5, 12), (40, 120)]
WORDS = ["racisme", "cpas", "titre de séjour", "liège", "unia", "logement",
         "santé", "xyzzy", "فارسی", "ሰላም", "urgence", "112"]
KEYS = ([b"%d" % d for d in range(10)] * 4 +
        [b"\x1b[A", b"\x1b[B", b"\x1b[5~", b"\x1b[6~", b"\r", b"\x7f",
         b"\x1b", b"?", b"f", b"h", b"c", b"s", b"\x1b[21~"])


def set_size(fd, rows, cols):
    """Gives the pseudo-terminal a size (the program gets SIGWINCH)."""
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def sample(pid):
    """Returns (RSS in KiB, open descriptors, zombie children) of pid."""
    rss = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    fds = len(os.listdir(f"/proc/{pid}/fd"))
    zombies = 0
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] == "Z" and int(fields[1]) == pid:
            zombies += 1
    return rss, fds, zombies


def main():
    """Runs the soak and prints its samples and a summary."""
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary, "--db", db, "--kiosk", "--idle", str(IDLE),
                           "--config", "/dev/null"], env)
    set_size(fd, 24, 80)
    os.set_blocking(fd, False)

    def pump(data, seconds):
        """Sends data, then reads and drops the output for seconds."""
        end = time.time() + seconds
        while data:
            try:
                data = data[os.write(fd, data):]
            except OSError as e:
                if e.errno != errno.EAGAIN:
                    raise
                select.select([fd], [fd], [], 0.05)
                drain()
        while True:
            left = end - time.time()
            if left <= 0:
                break
            select.select([fd], [], [], min(left, 0.1))
            drain()

    def drain():
        """Reads whatever the program wrote."""
        try:
            while os.read(fd, 65536):
                pass
        except OSError as e:
            if e.errno not in (errno.EAGAIN, errno.EIO):
                raise

    print(f"soak: {duration:.0f} s, seed {seed}, idle {IDLE} s, pid {pid}")
    print(f"{'t (s)':>7} {'RSS KiB':>8} {'fds':>4} {'zombies':>7} "
          f"{'events':>7} {'resets':>6}")
    start = time.time()
    next_sample = start
    next_pause = start + rng.uniform(120, 300)
    events = resets = 0
    first = last = None
    worst = (0, 0, 0)
    pump(b"", 1.0)
    while time.time() - start < duration:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            print("soak: accueil ended by itself: FAILED")
            return 1
        now = time.time()
        if now >= next_sample:
            s = sample(pid)
            first = first or s
            last = s
            worst = tuple(max(a, b) for a, b in zip(worst, s))
            print(f"{now - start:7.0f} {s[0]:8d} {s[1]:4d} {s[2]:7d} "
                  f"{events:7d} {resets:6d}", flush=True)
            next_sample += SAMPLE
        if now >= next_pause:
            pump(b"", IDLE + 15 + 3)        # long enough for the reset
            resets += 1
            next_pause = time.time() + rng.uniform(120, 300)
            continue
        r = rng.random()
        if r < 0.70:
            data = rng.choice(KEYS)
        elif r < 0.80:
            data = b"*" + b"%d" % rng.randint(1, 9)
        elif r < 0.88:
            data = b"/" + rng.choice(WORDS).encode() + b"\r"
        elif r < 0.95:
            x, y = rng.randint(1, 80), rng.randint(1, 24)
            data = b"\x1b[<0;%d;%dM\x1b[<0;%d;%dm" % (x, y, x, y)
        else:
            rows, cols = rng.choice(SIZES)
            set_size(fd, rows, cols)
            data = b""
        pump(data, rng.uniform(0.02, 0.3))
        events += 1
    s = sample(pid)
    os.kill(pid, signal.SIGTERM)
    for _ in range(50):
        if os.waitpid(pid, os.WNOHANG)[0]:
            break
        time.sleep(0.1)
    print(f"soak: {events} events, {resets} idle resets in "
          f"{time.time() - start:.0f} s")
    print(f"soak: RSS {first[0]} KiB at the start, {s[0]} KiB at the end "
          f"(peak {worst[0]}); descriptors {first[1]} -> {s[1]} "
          f"(peak {worst[1]}); zombies at most {worst[2]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
