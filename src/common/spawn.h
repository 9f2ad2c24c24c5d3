/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spawn.h - a child program started with posix_spawnp, fed on its standard
 * input through a non-blocking pipe, stopped and reaped without blocking
 * the caller for long. Generic: no curses, no SQL, no knowledge of the
 * program it starts. Every descriptor it makes is close-on-exec, so the
 * child gets its standard input and /dev/null as output, nothing else;
 * and an environment built here, not the one the program inherited.
 */
#ifndef ACCUEIL_SPAWN_H
#define ACCUEIL_SPAWN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* A child: its process id (0 when none), the write end of its stdin, and
   how it ended. */
struct spawn_child {
	pid_t pid;
	int in;                 /* -1 once closed */
	int status;             /* once it has ended by itself (reaped by
	                           spawn_running): its exit status, or 128 and
	                           the signal that killed it; else -1 */
};

/* The child that is not there. */
#define SPAWN_NONE { 0, -1, -1 }

/* The HOME a child gets: no one's, so that no file of the kiosk user's
   home (a PulseAudio client.conf that starts a program) is read. */
#define SPAWN_HOME "/nonexistent"

/*
 * Starts argv[0] (looked up on PATH) with argv, in its own process group,
 * signals at their defaults and none blocked, stdin a pipe whose write end
 * is c->in (non-blocking, grown towards hint bytes when the system allows),
 * stdout and stderr /dev/null. Its environment holds PATH (the program's),
 * LANG=C.UTF-8, HOME=SPAWN_HOME and, of the program's own, the variables
 * named in pass (NULL-terminated, or NULL), nothing else. Returns 0, or -1
 * (c stays SPAWN_NONE).
 */
int spawn_start(struct spawn_child *c, const char *const argv[],
                const char *const pass[], size_t hint);

/*
 * Writes up to len bytes of buf to the child's stdin without blocking and
 * without SIGPIPE. Returns the bytes written (0 when the pipe is full), or
 * -1 when the child no longer reads (then its stdin is closed).
 */
long spawn_write(struct spawn_child *c, const char *buf, size_t len);

/* Closes the child's stdin (it reads end of file). */
void spawn_close_input(struct spawn_child *c);

/* Returns true while the child runs; reaps it once it has ended. */
bool spawn_running(struct spawn_child *c);

/*
 * Ends the child and its process group: SIGTERM, at most about 200 ms to
 * go, then SIGKILL; reaps it and closes its stdin. Nothing happens for
 * SPAWN_NONE.
 */
void spawn_stop(struct spawn_child *c);

#endif
