/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.c - the kiosk's configuration file (see config.h). The PIN is
 * checked with crypt(3) against a salted hash; it is never stored.
 */
#include "app/config.h"

#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"

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
 * Parses the value of "languages =": codes of the language table, separated
 * by spaces or commas, each once. Stores them in c->languages, one space
 * apart. Returns NULL, or a malloc'd sentence naming the wrong code.
 */
static char *
parse_languages(const char *value, struct config *c)
{
	char *copy = xstrdup(value), *list = xcalloc(1, strlen(value) + 2);
	char *save = NULL, *err = NULL;
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
		if (*list != '\0')
			strcat(list, " ");
		strcat(list, code);
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

/* Reads the file at path into *c. */
int
config_load(const char *path, bool required, struct config *c, char **err)
{
	FILE *f = fopen(path, "r");
	char line[512];
	int n = 0;

	c->pin = NULL;
	c->idle = -1;
	c->languages = NULL;
	*err = NULL;
	if (f == NULL) {
		if (!required && errno == ENOENT)
			return 0;
		*err = xasprintf("%s: the configuration cannot be read (%s)", path,
		                 strerror(errno));
		return -1;
	}
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
		} else if (strcmp(key, "languages") == 0) {
			char *why = parse_languages(value, c);

			if (why != NULL) {
				*err = xasprintf("%s:%d: languages: %s", path, n, why);
				free(why);
				break;
			}
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
	free(c->languages);
	c->languages = NULL;
}
