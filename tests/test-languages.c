/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-languages.c - the one table of languages (i18n/i18n.c) against the
 * files that name languages too: po/LINGUAS and po/content/LINGUAS list
 * exactly the languages of the table but French (the source), and each
 * po/LL.po has the plural rule of the table (ACCUEIL_PO: the po folder).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"

/* Returns the text of file rel in the po folder (malloc'd). */
static char *
po_file(const char *rel)
{
	char path[4096];
	FILE *f;
	char *text;
	long n;

	snprintf(path, sizeof path, "%s/%s", getenv("ACCUEIL_PO"), rel);
	if ((f = fopen(path, "r")) == NULL)
		fail_msg("cannot read %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	return text;
}

/* Checks that LINGUAS file rel lists the table's languages but French. */
static void
check_linguas(const char *rel)
{
	char *text = po_file(rel), *save = NULL;
	size_t n = 0;

	for (char *w = strtok_r(text, " \t\n", &save); w != NULL;
	     w = strtok_r(NULL, " \t\n", &save)) {
		if (i18n_find(w) == NULL || strcmp(w, "fr") == 0)
			fail_msg("%s lists %s, which the language table has not", rel, w);
		n++;
	}
	if (n != i18n_nlanguages - 1)
		fail_msg("%s lists %zu languages, the table %zu besides French", rel,
		         n, i18n_nlanguages - 1);
	free(text);
}

/* Both LINGUAS follow the table. */
static void
test_linguas(void **state)
{
	(void)state;
	assert_string_equal(i18n_languages[0].code, "fr");
	check_linguas("LINGUAS");
	check_linguas("content/LINGUAS");
}

/* Every interface PO file has the plural rule of the table. */
static void
test_plurals(void **state)
{
	(void)state;
	for (size_t i = 1; i < i18n_nlanguages; i++) {
		char rel[32], *text, *p, *end, *rule;
		size_t len = 0;

		snprintf(rel, sizeof rel, "%s.po", i18n_languages[i].code);
		text = po_file(rel);
		p = strstr(text, "\"Plural-Forms: ");
		assert_non_null(p);
		/* The header may go on over several quoted lines. */
		rule = calloc(1, strlen(p) + 1);
		p += strlen("\"Plural-Forms: ");
		while ((end = strchr(p, '"')) != NULL) {
			memcpy(rule + len, p, (size_t)(end - p));
			len += (size_t)(end - p);
			if (len >= 2 && strcmp(rule + len - 2, "\\n") == 0)
				break;
			p = strchr(end + 1, '"');
			if (p == NULL)
				break;
			p++;
		}
		rule[len >= 2 ? len - 2 : len] = '\0';
		if (strcmp(rule, i18n_languages[i].plural) != 0)
			fail_msg("%s: Plural-Forms \"%s\", the table \"%s\"", rel, rule,
			         i18n_languages[i].plural);
		free(rule);
		free(text);
	}
}

/* Codes are unique; right-to-left ones are the three of the kiosk. */
static void
test_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < i18n_nlanguages; i++) {
		assert_ptr_equal(i18n_find(i18n_languages[i].code), &i18n_languages[i]);
		assert_non_null(i18n_languages[i].plural);
	}
	assert_null(i18n_find("xx"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_linguas),
		cmocka_unit_test(test_plurals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
