/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * qr.c - QR codes made by the qrencode program of libqrencode, in a child
 * process (see qr.h).
 */
#include "model/qr.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/paths.h"
#include "common/xalloc.h"

#define QUIET 4

/* Appends s to *buf (MECARD-escaped when escape), growing it. */
static void
put(char **buf, size_t *len, const char *s, bool escape)
{
	size_t n = strlen(s);

	*buf = xreallocarray(*buf, *len + 2 * n + 1, 1);
	for (; *s != '\0'; s++) {
		if (escape && strchr("\\;,:\"", *s) != NULL)
			(*buf)[(*len)++] = '\\';
		(*buf)[(*len)++] = *s;
	}
	(*buf)[*len] = '\0';
}

/* Returns the field name of v, or NULL. */
static const char *
field(const struct model_view *v, const char *name)
{
	for (size_t i = 0; i < v->npara; i++)
		if (v->para[i].style == MODEL_FIELD && v->para[i].name != NULL &&
		    strcmp(v->para[i].name, name) == 0)
			return v->para[i].text;
	return NULL;
}

/*
 * Returns the phone number at the start of s ("065/61.18.50 (inscriptions)"
 * gives "065/61.18.50"), or NULL.
 */
static char *
leading_number(const char *s)
{
	size_t n = strspn(s, "+0123456789 ./-");

	while (n > 0 && strchr(" ./-", s[n - 1]) != NULL)
		n--;
	return n >= 3 ? xstrndup(s, n) : NULL;
}

/* Returns the first word of s that holds an @, or NULL. */
static char *
first_email(const char *s)
{
	const char *at = strchr(s, '@'), *a, *b;

	if (at == NULL)
		return NULL;
	for (a = at; a > s && a[-1] != ' '; a--)
		;
	b = at + strcspn(at, " ()");
	return xstrndup(a, (size_t)(b - a));
}

/* Returns the payload of a QR code for v. */
char *
qr_payload(const struct model_view *v)
{
	const char *web = field(v, "website"), *address = field(v, "address");
	char *phone = field(v, "phone") ? leading_number(field(v, "phone")) : NULL;
	char *email = field(v, "email") ? first_email(field(v, "email")) : NULL;
	char *out = NULL;
	size_t len = 0;

	if (strcmp(v->kind, "contact") != 0) {
		free(phone);
		free(email);
		return web != NULL ? xstrdup(web) : NULL;
	}
	put(&out, &len, "MECARD:N:", false);
	put(&out, &len, v->title, true);
	put(&out, &len, ";", false);
	if (phone != NULL) {
		put(&out, &len, "TEL:", false);
		put(&out, &len, phone, true);
		put(&out, &len, ";", false);
	}
	if (email != NULL) {
		put(&out, &len, "EMAIL:", false);
		put(&out, &len, email, true);
		put(&out, &len, ";", false);
	}
	if (address != NULL) {
		put(&out, &len, "ADR:", false);
		put(&out, &len, address, true);
		put(&out, &len, ";", false);
	}
	if (web != NULL) {
		put(&out, &len, "URL:", false);
		put(&out, &len, web, true);
		put(&out, &len, ";", false);
	}
	put(&out, &len, ";", false);
	free(phone);
	free(email);
	return out;
}

/* Returns true when the qrencode program is there. */
bool
qr_available(void)
{
	static int found = -1;

	if (found < 0)
		found = paths_program("qrencode");
	return found;
}

/*
 * Runs qrencode on payload and returns what it printed (*len bytes), or
 * NULL. Its output is at most 177 lines of 354 modules' characters.
 */
static char *
run_qrencode(const char *payload, size_t *len)
{
	enum { MAX = 177 * (2 * 177 + 1) };
	char *out = xmalloc(MAX + 1);
	int fd[2], status;
	pid_t pid;
	ssize_t n;

	*len = 0;
	if (pipe(fd) != 0) {
		free(out);
		return NULL;
	}
	pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(null, STDIN_FILENO);
		dup2(fd[1], STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		close(fd[0]);
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		/* Level M, 8-bit data, no margin: the quiet zone is ours. */
		execlp("qrencode", "qrencode", "-t", "ASCII", "-l", "M", "-8",
		       "-m", "0", "-o", "-", "--", payload, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	while (pid > 0 && *len < MAX &&
	       ((n = read(fd[0], out + *len, MAX - *len)) > 0 ||
	        (n < 0 && errno == EINTR)))
		if (n > 0)
			*len += (size_t)n;
	close(fd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0 || *len == MAX) {
		free(out);
		return NULL;
	}
	out[*len] = '\0';
	return out;
}

/*
 * Reads qrencode's ASCII picture ("##" a dark module, "  " a light one, a
 * line a row) into out, with a quiet zone. Returns 0, or -1 when it is not
 * a square of a QR code's size.
 */
int
qr_parse(const char *text, struct qr *out)
{
	size_t width = strcspn(text, "\n") / 2, rows = 0;
	const char *line;

	memset(out, 0, sizeof *out);
	if (width < 21 || width > 177 || (width - 17) % 4 != 0)
		return -1;
	out->size = (int)width + 2 * QUIET;
	out->dark = xcalloc((size_t)out->size * (size_t)out->size, 1);
	for (line = text; *line != '\0' && rows <= width; rows++) {
		size_t n = strcspn(line, "\n");

		if (n != 2 * width || rows == width ||
		    strspn(line, "# ") < n)
			break;
		for (size_t x = 0; x < width; x++)
			out->dark[(rows + QUIET) * (size_t)out->size + x + QUIET] =
			    line[2 * x] == '#';
		line += n + (line[n] == '\n');
	}
	if (rows != width || *line != '\0') {
		qr_free(out);
		return -1;
	}
	return 0;
}

/* Encodes payload with its quiet zone. */
int
qr_encode(const char *payload, struct qr *out)
{
	size_t len;
	char *text;
	int rc;

	memset(out, 0, sizeof *out);
	if (!qr_available() || (text = run_qrencode(payload, &len)) == NULL)
		return -1;
	rc = strlen(text) == len ? qr_parse(text, out) : -1;
	free(text);
	return rc;
}

/* Frees q. */
void
qr_free(struct qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof *q);
}
