/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.c - the kiosk's configuration file (see config.h). The PIN is
 * checked with crypt(3) against a salted hash; it is never stored.
 */
#include "core/config.h"

#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/xalloc.h"

/* Returns s without its leading and trailing white space (in place). */
static char *
trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' ||
	                   end[-1] == '\n' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* Warns on stderr when the open file f at path, which may hold the PIN's
   hash, is writable by its group or anyone, or readable by anyone. */
static void
warn_mode(FILE *f, const char *path)
{
	struct stat st;

	if (fstat(fileno(f), &st) == 0 &&
	    (st.st_mode & (S_IWGRP | S_IWOTH | S_IROTH)) != 0)
		fprintf(stderr, "accueil: warning: %s is %s (mode %04o); "
		        "make it 0640 root:accueil\n", path,
		        (st.st_mode & (S_IWGRP | S_IWOTH)) != 0
		        ? "writable by others" : "readable by everyone",
		        (unsigned)(st.st_mode & 07777));
}

/* Reads the file at path into *c. */
int
config_load(const char *path, bool required, struct config *c, char **err)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int n = 0;

	c->pin = NULL;
	c->idle = -1;
	*err = NULL;
	if (f == NULL) {
		/* The default file is 0640 root:accueil: a user outside the
		   group (staff searching from a shell) runs without it. */
		if (!required && (errno == ENOENT || errno == EACCES))
			return 0;
		*err = xasprintf("%s: the configuration cannot be read (%s)", path,
		                 strerror(errno));
		return -1;
	}
	warn_mode(f, path);
	while (fgets(line, sizeof line, f) != NULL) {
		char *key = trim(line), *eq, *value;

		n++;
		if (*key == '#' || *key == '\0')
			continue;
		eq = strchr(key, '=');
		if (eq == NULL) {
			*err = xasprintf("%s:%d: expected \"key = value\"", path, n);
			break;
		}
		*eq = '\0';
		key = trim(key);
		value = trim(eq + 1);
		if (strcmp(key, "pin") == 0 && *value == '$') {
			free(c->pin);
			c->pin = xstrdup(value);
		} else if (strcmp(key, "idle") == 0 &&
		           strspn(value, "0123456789") == strlen(value) &&
		           *value != '\0' && strlen(value) < 6) {
			c->idle = atoi(value);
		} else {
			*err = xasprintf("%s:%d: unknown key or bad value for \"%s\"",
			                 path, n, key);
			break;
		}
	}
	fclose(f);
	if (*err != NULL) {
		config_free(c);
		return -1;
	}
	return 0;
}

/* Returns true when pin matches the staff PIN. */
bool
config_pin_ok(const struct config *c, const char *pin)
{
	struct crypt_data data;
	const char *h;
	size_t n;
	unsigned diff = 0;

	if (c == NULL || c->pin == NULL || pin == NULL || *pin == '\0')
		return false;
	memset(&data, 0, sizeof data);
	h = crypt_r(pin, c->pin, &data);
	if (h == NULL || *h == '*' || strlen(h) != strlen(c->pin))
		return false;
	/* Compare in constant time. */
	n = strlen(h);
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned)(h[i] ^ c->pin[i]);
	return diff == 0;
}

/* Returns a new salted hash of pin. */
char *
config_hash_pin(const char *pin)
{
	struct crypt_data data;
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	const char *h;

	memset(&data, 0, sizeof data);
	if (crypt_gensalt_rn(NULL, 0, NULL, 0, salt, sizeof salt) == NULL)
		return NULL;
	h = crypt_r(pin, salt, &data);
	return h == NULL || *h == '*' ? NULL : xstrdup(h);
}

/* Frees what config_load stored. */
void
config_free(struct config *c)
{
	free(c->pin);
	c->pin = NULL;
}
