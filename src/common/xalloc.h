/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * xalloc.h - allocation that cannot fail.
 *
 * Running out of memory is fatal: every x*alloc function either returns
 * memory or calls xalloc_fail(), which runs the hook set by the terminal layer
 * (to restore the screen), prints one sentence and exits with status 2.
 * This file is a leaf: every layer may use it.
 */
#ifndef ACCUEIL_XALLOC_H
#define ACCUEIL_XALLOC_H

#include <stddef.h>
#include <string.h>

/* Returns n bytes; never NULL. Free with free(). */
void *xmalloc(size_t n);
/* Returns n zeroed elements of size sz; never NULL. */
void *xcalloc(size_t n, size_t sz);
/* Resizes p to n elements of size sz (overflow-checked); never NULL. */
void *xreallocarray(void *p, size_t n, size_t sz);
/* Appends a zeroed element to the array v of n elements, counts n up
   and returns the element's address (v and n are each named twice). */
#define XAPPEND(v, n) \
	((v) = xreallocarray((v), (n) + 1, sizeof *(v)), \
	 memset(&(v)[(n)], 0, sizeof *(v)), &(v)[(n)++])
/* Returns a copy of s (NULL gives NULL). */
char *xstrdup(const char *s);
/* Returns a copy of the first n bytes of s, NUL-terminated. */
char *xstrndup(const char *s, size_t n);
/* Returns a printf-formatted string; never NULL. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Sets the function run before exiting on allocation failure. */
void xalloc_set_fail_hook(void (*hook)(void));
/* Restores the terminal, prints "accueil: out of memory" and exits with 2. */
void xalloc_fail(void) __attribute__((noreturn));

#endif
