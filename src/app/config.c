/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.c - the kiosk's configuration file (see config.h). The PIN is
 * checked with crypt(3) against a salted hash; it is never stored.
 */
#include "app/config.h"

#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/xalloc.h"

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

/*
 * Opens path for reading if it is a regular file of at most
 * CONFIG_SIZE_MAX bytes (a FIFO would block open(), /dev/zero never end);
 * returns NULL with errno set (EINVAL, EFBIG) otherwise.
 */
static FILE *
open_regular(const char *path)
{
	struct stat st;
	FILE *f;
	int fd;

	if (stat(path, &st) != 0)
		return NULL;
	if (!S_ISREG(st.st_mode)) {
		errno = EINVAL;
		return NULL;
	}
	/* O_NONBLOCK: should a FIFO replace it after the check, open() still
	   returns at once, and fstat says what it is. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    st.st_size > CONFIG_SIZE_MAX) {
		errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	f = fdopen(fd, "r");
	if (f == NULL)
		close(fd);
	return f;
}

/* Reads the file at path into *c. */
int
config_load(const char *path, bool required, struct config *c, char **err)
{
	FILE *f = open_regular(path);
	char *line = NULL;
	size_t cap = 0;
	long total = 0;
	ssize_t len;
	int n = 0;

	c->pin = NULL;
	c->idle = -1;
	*err = NULL;
	if (f == NULL) {
		if (!required && errno == ENOENT)
			return 0;
		*err = xasprintf("%s: the configuration cannot be read (%s)", path,
		                 errno == EINVAL ? "not a regular file"
		                 : errno == EFBIG ? "larger than 64 KiB"
		                 : strerror(errno));
		return -1;
	}
	/* Lines of any length, within the file's size limit. */
	while ((len = getline(&line, &cap, f)) > 0) {
		char *key, *eq, *value;

		total += len;
		if (total > CONFIG_SIZE_MAX) {
			*err = xasprintf("%s: larger than 64 KiB", path);
			break;
		}
		if (strlen(line) != (size_t)len) {
			*err = xasprintf("%s:%d: a NUL byte", path, n + 1);
			break;
		}
		key = trim(line);

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
		           *value != '\0' && strlen(value) < 6 &&
		           atoi(value) <= CONFIG_IDLE_MAX) {
			c->idle = atoi(value);
		} else {
			*err = xasprintf("%s:%d: unknown key or bad value for \"%s\"",
			                 path, n, key);
			break;
		}
	}
	free(line);
	fclose(f);
	if (*err != NULL) {
		config_free(c);
		c->idle = -1;   /* the defaults, all of them */
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
