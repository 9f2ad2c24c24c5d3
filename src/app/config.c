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
#include "i18n/i18n.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/* The dearest hashes accepted, so that one try stays well under a second
   (measured on a 2-core test machine: yescrypt cost 7 95 ms, sha512crypt
   500 000 rounds 160 ms, bcrypt cost 11 115 ms; the default of --hash-pin,
   yescrypt cost 5, 25 ms). */
#define YESCRYPT_N_MAX 'B'      /* the N character of yescrypt cost 7 */
#define YESCRYPT_R_MAX 'T'      /* r = 32, the default */
#define SHA512_ROUNDS_MAX 500000
#define BCRYPT_COST_MAX 11

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

/* Returns the place of c in crypt's alphabet "./0-9A-Za-z", or 64. */
static int
itoa64(char c)
{
	static const char set[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                          "abcdefghijklmnopqrstuvwxyz";
	const char *p = c != '\0' ? strchr(set, c) : NULL;

	return p != NULL ? (int)(p - set) : 64;
}

/* Returns NULL when one try of hash h costs at most the bound above, else
   why not (a static sentence). */
static const char *
hash_cost_refused(const char *h)
{
	const char *dear = "costs too much to check at each try";

	if (strncmp(h, "$y$", 3) == 0 || strncmp(h, "$gy$", 4) == 0) {
		const char *p = strchr(h + 1, '$') + 1;

		/* Flavour, N and r, and no further parameter. */
		if (strcspn(p, "$") != 3)
			return "is a yescrypt hash with parameters "
			       "accueil does not weigh";
		return itoa64(p[1]) > itoa64(YESCRYPT_N_MAX) ||
		       itoa64(p[2]) > itoa64(YESCRYPT_R_MAX) ? dear : NULL;
	}
	if (strncmp(h, "$6$", 3) == 0) {
		if (strncmp(h + 3, "rounds=", 7) != 0)
			return NULL;    /* 5000 rounds */
		return strspn(h + 10, "0123456789") > 7 ||
		       atol(h + 10) > SHA512_ROUNDS_MAX ? dear : NULL;
	}
	if (strncmp(h, "$2b$", 4) == 0 || strncmp(h, "$2y$", 4) == 0) {
		if (strspn(h + 4, "0123456789") != 2)
			return "is a bcrypt hash without its cost";
		return atoi(h + 4) > BCRYPT_COST_MAX ? dear : NULL;
	}
	return "is of a kind whose cost accueil does not weigh (yescrypt, "
	       "sha512crypt and bcrypt are)";
}

/* Returns NULL when h is a complete hash of a sound kind at a bearable
   cost, else a malloc'd sentence saying why not. */
static char *
hash_refused(const char *path, int line, const char *h)
{
	struct crypt_data data;
	const char *why, *out;

	if (crypt_checksalt(h) != CRYPT_SALT_OK)
		why = "is not of a kind this system deems sound";
	else
		why = hash_cost_refused(h);
	if (why == NULL) {
		/* A complete hash comes back whole, of the same length. */
		memset(&data, 0, sizeof data);
		out = crypt_r("-", h, &data);
		if (out == NULL || *out == '*' || strlen(out) != strlen(h))
			why = "is incomplete";
		explicit_bzero(&data, sizeof data);
	}
	if (why == NULL)
		return NULL;
	return xasprintf("%s:%d: the PIN's hash %s; make one with "
	                 "accueil --hash-pin",
	                 path, line, why);
}

/*
 * Checks who may change or read the open configuration file f: refuses it
 * (a malloc'd sentence) when its group or others may write it, warns on
 * stderr when others may read it. A character device (/dev/null) holds
 * nothing to protect.
 */
static char *
mode_refused(const char *path, FILE *f)
{
	struct stat st;

	if (fstat(fileno(f), &st) != 0)
		return xasprintf("%s: the configuration cannot be read (%s)",
		                 path, strerror(errno));
	if (S_ISCHR(st.st_mode))
		return NULL;
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return xasprintf("%s: the configuration can be changed by "
		                 "other users (mode %04o); make it 0640 "
		                 "root:accueil",
		                 path, (unsigned)(st.st_mode & 07777));
	if (st.st_mode & S_IROTH)
		fprintf(stderr, "accueil: warning: %s can be read by every "
		        "user (mode %04o), who can then guess the PIN offline; "
		        "make it 0640 root:accueil\n", path,
		        (unsigned)(st.st_mode & 07777));
	return NULL;
}

/*
 * Parses the value of "languages =": codes of the language table, separated
 * by spaces or commas, each once. Stores them in c->languages, one space
 * apart. Returns NULL, or a malloc'd sentence naming the wrong code.
 */
static char *
parse_languages(const char *value, struct config *c)
{
	char *copy = xstrdup(value), *list = xcalloc(1, strlen(value) + 2);
	char *save = NULL, *err = NULL;
	size_t used = 0;
	bool seen[64] = { false };

	for (char *code = strtok_r(copy, " ,\t", &save); code != NULL;
	     code = strtok_r(NULL, " ,\t", &save)) {
		const struct i18n_language *l = i18n_find(code);
		size_t k = l != NULL ? (size_t)(l - i18n_languages) : 0;

		if (l == NULL || k >= sizeof seen / sizeof *seen) {
			err = xasprintf("\"%s\" is not a language of the kiosk",
			                code);
			break;
		}
		if (seen[k]) {
			err = xasprintf("\"%s\" is listed twice", code);
			break;
		}
		seen[k] = true;
		/* list has room for value: the codes and one space between. */
		if (used > 0)
			list[used++] = ' ';
		memcpy(list + used, code, strlen(code) + 1);
		used += strlen(code);
	}
	free(copy);
	if (err != NULL || *list == '\0') {
		free(list);
		return err != NULL ? err : xstrdup("no language is listed");
	}
	free(c->languages);
	c->languages = list;
	return NULL;
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
	c->languages = NULL;
	*err = NULL;
	/* --config /dev/null: no configuration at all, as the tests use it. */
	if (f == NULL && strcmp(path, "/dev/null") == 0)
		return 0;
	if (f == NULL) {
		/* The default file is 0640 root:accueil: a user outside the
		   group (staff searching from a shell) runs without it. */
		if (!required && (errno == ENOENT || errno == EACCES))
			return 0;
		*err = xasprintf("%s: the configuration cannot be read (%s)", path,
		                 errno == EINVAL ? "not a regular file"
		                 : errno == EFBIG ? "larger than 64 KiB"
		                 : strerror(errno));
		return -1;
	}
	*err = mode_refused(path, f);
	/* Lines of any length, within the file's size limit. */
	while (*err == NULL && (len = getline(&line, &cap, f)) > 0) {
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
			*err = hash_refused(path, n, value);
		} else if (strcmp(key, "idle") == 0 &&
		           strspn(value, "0123456789") == strlen(value) &&
		           *value != '\0' && strlen(value) < 6 &&
		           atoi(value) <= CONFIG_IDLE_MAX) {
			c->idle = atoi(value);
		} else if (strcmp(key, "languages") == 0) {
			char *why = parse_languages(value, c);

			if (why != NULL) {
				*err = xasprintf("%s:%d: languages: %s", path, n, why);
				free(why);
			}
		} else {
			*err = xasprintf("%s:%d: unknown key or bad value for \"%s\"",
			                 path, n, key);
		}
	}
	if (line != NULL)
		explicit_bzero(line, cap);
	free(line);
	fclose(f);
	if (*err != NULL) {
		config_free(c);
		c->idle = -1;   /* the defaults, all of them */
		return -1;
	}
	return 0;
}

/* Returns NULL when pin can be typed on the PIN screen, else why not. */
const char *
config_pin_refused(const char *pin)
{
	size_t n = strlen(pin);

	for (size_t i = 0; i < n; i++)
		if (!CONFIG_PIN_CHAR((unsigned char)pin[i]))
			return "a PIN is made of ASCII letters, digits and "
			       "punctuation, without spaces or tabs: the PIN "
			       "screen types nothing else";
	if (n < CONFIG_PIN_MIN)
		return "a PIN has at least " STR(CONFIG_PIN_MIN) " characters";
	if (n > CONFIG_PIN_MAX)
		return "a PIN has at most " STR(CONFIG_PIN_MAX) " characters: "
		       "the PIN screen types no more";
	return NULL;
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
	if (h == NULL || *h == '*' || strlen(h) != strlen(c->pin)) {
		explicit_bzero(&data, sizeof data);
		return false;
	}
	/* Compare in constant time. */
	n = strlen(h);
	for (size_t i = 0; i < n; i++)
		diff |= (unsigned)(h[i] ^ c->pin[i]);
	explicit_bzero(&data, sizeof data);
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
	h = h == NULL || *h == '*' ? NULL : xstrdup(h);
	explicit_bzero(&data, sizeof data);
	return (char *)h;
}

/* Frees what config_load stored. */
void
config_free(struct config *c)
{
	free(c->pin);
	c->pin = NULL;
	free(c->languages);
	c->languages = NULL;
}
