/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spawn.c - a child fed through a non-blocking pipe (see spawn.h).
 */
#include "common/spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

extern char **environ;

/* Signals the child gets back at their defaults (the parent may catch or
   ignore them). */
static const int default_signals[] = {
	SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGALRM, SIGTERM, SIGCHLD, SIGTSTP,
	SIGTTIN, SIGTTOU, SIGWINCH, SIGUSR1, SIGUSR2,
};

/* The most variables a child's environment holds. */
#define ENV_MAX 16

/* Returns name's "NAME=value" entry of the environment, or NULL. */
static char *
env_entry(const char *name)
{
	size_t n = strlen(name);

	for (char **e = environ; e != NULL && *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e;
	return NULL;
}

/* Fills env (room for ENV_MAX + 1) with the child's environment: PATH,
   LANG, HOME (see spawn.h) and the variables of pass that are set. */
static void
child_env(char *env[], const char *const pass[])
{
	static char lang[] = "LANG=C.UTF-8", home[] = "HOME=" SPAWN_HOME;
	size_t n = 0;

	if ((env[n] = env_entry("PATH")) != NULL)
		n++;
	env[n++] = lang;
	env[n++] = home;
	for (size_t i = 0; pass != NULL && pass[i] != NULL && n < ENV_MAX; i++)
		if ((env[n] = env_entry(pass[i])) != NULL)
			n++;
	env[n] = NULL;
}

/* Grows the pipe of fd towards hint bytes; the default stays on refusal. */
static void
grow_pipe(int fd, size_t hint)
{
	int size = 1 << 16;

	/* Unprivileged processes may go up to /proc/sys/fs/pipe-max-size,
	   1 MiB by default: try from there down. */
	while (size < (1 << 20) && (size_t)size < hint)
		size <<= 1;
	for (; size > (1 << 16); size >>= 1)
		if (fcntl(fd, F_SETPIPE_SZ, size) >= 0)
			return;
}

/* Starts the child (see spawn.h). */
int
spawn_start(struct spawn_child *c, const char *const argv[],
            const char *const pass[], size_t hint)
{
	char *env[ENV_MAX + 1];
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, dfl;
	int fd[2], rc;
	pid_t pid;

	c->pid = 0;
	c->in = -1;
	c->status = -1;
	if (pipe2(fd, O_CLOEXEC) != 0)
		return -1;
	if (fcntl(fd[1], F_SETFL, O_NONBLOCK) != 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	grow_pipe(fd[1], hint);
	sigemptyset(&none);
	sigemptyset(&dfl);
	for (size_t i = 0; i < sizeof default_signals / sizeof *default_signals;
	     i++)
		sigaddset(&dfl, default_signals[i]);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[0], STDIN_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null",
	                                 O_WRONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK |
	                         POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setsigdefault(&attr, &dfl);
	posix_spawnattr_setpgroup(&attr, 0);
	child_env(env, pass);
	rc = posix_spawnp(&pid, argv[0], &fa, &attr, (char *const *)argv,
	                  env);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[0]);
	if (rc != 0) {
		close(fd[1]);
		return -1;
	}
	c->pid = pid;
	c->in = fd[1];
	return 0;
}

/* Writes to the child's stdin (see spawn.h). */
long
spawn_write(struct spawn_child *c, const char *buf, size_t len)
{
	sigset_t pipe_set, old, pending;
	bool was_pending;
	ssize_t n;

	if (c->in < 0)
		return -1;
	/* A reader that went away would raise SIGPIPE, which ends the
	   program: block it for the write, and take back the one it made. */
	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	do
		n = write(c->in, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0 && errno == EPIPE && !was_pending) {
		struct timespec zero = { 0, 0 };

		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (n >= 0)
		return (long)n;
	if (errno == EAGAIN || errno == EWOULDBLOCK)
		return 0;
	spawn_close_input(c);
	return -1;
}

/* Closes the child's stdin. */
void
spawn_close_input(struct spawn_child *c)
{
	if (c->in >= 0) {
		close(c->in);
		c->in = -1;
	}
}

/* Returns true while the child runs, reaping it when it has ended. */
bool
spawn_running(struct spawn_child *c)
{
	pid_t r;
	int st = 0;

	if (c->pid <= 0)
		return false;
	do
		r = waitpid(c->pid, &st, WNOHANG);
	while (r < 0 && errno == EINTR);
	if (r == 0)
		return true;
	/* Ended (or not ours any more): forget it. */
	c->status = r != c->pid ? -1 : WIFEXITED(st) ? WEXITSTATUS(st)
	            : 128 + WTERMSIG(st);
	c->pid = 0;
	spawn_close_input(c);
	return false;
}

/* Ends and reaps the child. */
void
spawn_stop(struct spawn_child *c)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };

	spawn_close_input(c);
	if (c->pid <= 0)
		return;
	/* Its process group (spawn_start made it): a child of the child
	   (a shell's) goes too. */
	kill(-c->pid, SIGTERM);
	for (int i = 0; i < 20; i++) {
		if (!spawn_running(c)) {
			c->status = -1;         /* stopped, not failed */
			return;
		}
		nanosleep(&tick, NULL);
	}
	kill(-c->pid, SIGKILL);
	while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR)
		;
	c->pid = 0;
	c->status = -1;
}
