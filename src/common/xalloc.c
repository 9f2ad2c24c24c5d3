/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xalloc.c - allocation that cannot fail (see xalloc.h).
 */
#include "common/xalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void (*fail_hook)(void);

/* Sets the function run before exiting on allocation failure. */
void
xalloc_set_fail_hook(void (*hook)(void))
{
	fail_hook = hook;
}

/* Restores the terminal through the hook, says so and exits. */
void
xalloc_fail(void)
{
	if (fail_hook != NULL)
		fail_hook();
	fputs("accueil: out of memory\n", stderr);
	exit(2);
}

/* Returns n bytes; never NULL. */
void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xalloc_fail();
	return p;
}

/* Returns n zeroed elements of size sz; never NULL. */
void *
xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (p == NULL)
		xalloc_fail();
	return p;
}

/* Resizes p to n elements of size sz; never NULL. */
void *
xreallocarray(void *p, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		xalloc_fail();
	p = realloc(p, (n * sz) != 0 ? n * sz : 1);
	if (p == NULL)
		xalloc_fail();
	return p;
}

/* Returns a copy of s. */
char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : xstrndup(s, strlen(s));
}

/* Returns a copy of the first n bytes of s. */
char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Returns a newly allocated formatted string. */
char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	if (vasprintf(&p, fmt, ap) < 0)
		xalloc_fail();
	va_end(ap);
	return p;
}
