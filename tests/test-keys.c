/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-keys.c - the one key table (app/keys.c) and what is derived from it:
 * the help screen lists every key of the mode it runs in, each key sends
 * what its row says, and the man page (ACCUEIL_MAN) has every key in its
 * KEYS section.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"
#include "app/keys.h"
#include "ui/registry.h"
#include "ui/screen-help.h"

/* Returns true when view v has a paragraph of text s. */
static bool
has_para(const struct model_view *v, const char *s)
{
	for (size_t i = 0; i < v->npara; i++)
		if (strcmp(v->para[i].text, s) == 0)
			return true;
	return false;
}

/* Returns the help view of the kiosk (kiosk true) or of the plain mode. */
static struct model_view *
help_of(bool kiosk)
{
	struct app app = { .kiosk = kiosk };

	return screen_help_view(&app);
}

/* Frees a view help_of returned. */
static void
help_free(struct model_view *v)
{
	model_view_free(v);
	free(v);
}

/* Returns the row whose help line is s, or KEYS_NONE. */
static int
row_of(const char *s)
{
	for (int k = 0; k < KEYS_COUNT; k++)
		if (strcmp(keys_table[k].help, s) == 0)
			return k;
	return KEYS_NONE;
}

/*
 * The help screen, read as a visitor would, not worked out again from the
 * table's rules: between its first line (the mouse) and its last (ask at
 * the desk) every line is a row's help, each once; every row of the table
 * is in the help of one mode at least; and the keys that differ by mode
 * are where they belong.
 */
static void
test_help(void **state)
{
	struct model_view *v[2] = { help_of(false), help_of(true) };

	(void)state;
	for (int kiosk = 0; kiosk < 2; kiosk++) {
		assert_true(v[kiosk]->npara >= 3);
		assert_string_equal(v[kiosk]->para[0].text,
		                    keys_table[KEYS_MOUSE].help);
		for (size_t i = 1; i + 1 < v[kiosk]->npara; i++) {
			const char *line = v[kiosk]->para[i].text;

			if (row_of(line) == KEYS_NONE)
				fail_msg("help (kiosk %d) line %zu \"%s\" is no "
				         "row's", kiosk, i, line);
			for (size_t j = 0; j < i; j++)
				if (strcmp(v[kiosk]->para[j].text, line) == 0)
					fail_msg("help (kiosk %d): \"%s\" twice",
					         kiosk, line);
		}
	}
	for (int k = 0; k < KEYS_COUNT; k++)
		if (!has_para(v[0], keys_table[k].help) &&
		    !has_para(v[1], keys_table[k].help))
			fail_msg("key %d \"%s\" is in no help", k,
			         keys_table[k].help);
	/* Quit outside the kiosk only, the staff's F10 and its PIN in it
	   only; choosing, back, help and search in both. */
	assert_true(has_para(v[0], keys_table[KEYS_QUIT].help));
	assert_false(has_para(v[1], keys_table[KEYS_QUIT].help));
	assert_true(has_para(v[1], keys_table[KEYS_STAFF].help));
	assert_false(has_para(v[0], keys_table[KEYS_STAFF].help));
	assert_true(has_para(v[1], keys_table[KEYS_CONFIRM].help));
	assert_false(has_para(v[0], keys_table[KEYS_CONFIRM].help));
	for (int kiosk = 0; kiosk < 2; kiosk++) {
		assert_true(has_para(v[kiosk], keys_table[KEYS_PICK].help));
		assert_true(has_para(v[kiosk], keys_table[KEYS_BACK].help));
		assert_true(has_para(v[kiosk], keys_table[KEYS_HELP].help));
		assert_true(has_para(v[kiosk], keys_table[KEYS_SEARCH].help));
	}
	help_free(v[0]);
	help_free(v[1]);
}

/* Every row has a help line and a key, and its keys send its action. */
static void
test_table(void **state)
{
	(void)state;
	for (int k = 0; k < KEYS_COUNT; k++) {
		const struct keys_row *r = &keys_table[k];

		assert_non_null(r->help);
		assert_non_null(r->man);
		assert_true(r->label == NULL || r->key != NULL);
		for (size_t i = 0; r->codes[i] != AK_NONE; i++) {
			int c = r->codes[i], a = keys_action(c);

			/* The digits are the scheme's: app.c and each screen's
			   bindings give them their meaning (test_bindings). */
			if ((c >= '0' && c <= '9') || c == AK_DIGIT ||
			    c == AK_TIMEOUT)
				continue;
			/* Rows that share a key (Enter, the arrows) act by screen;
			   the first row that has the key is the global one. */
			if (a != k && strcmp(keys_table[a].key ? keys_table[a].key : "",
			                     r->key ? r->key : "") != 0 &&
			    strcmp(keys_table[a].help, r->help) != 0)
				fail_msg("key %d of row %d does row %d", c, k,
				         a);
		}
	}
	assert_int_equal(keys_action('7'), KEYS_PICK);
	assert_int_equal(keys_action('0'), KEYS_BACK);
	assert_int_equal(keys_action(AK_ESC), KEYS_ESC);
	assert_int_equal(keys_action(AK_STAFF), KEYS_STAFF);
	assert_int_equal(keys_action('x'), KEYS_NONE);
}

/* Every key a screen binds is told by the row its binding names: the
   row lists that key, so its help line and its man-page entry cover it. */
static void
test_bindings(void **state)
{
	(void)state;
	for (size_t t = 0; ui_registry_keys[t] != NULL; t++) {
		const struct keys_binds *b = ui_registry_keys[t];

		for (size_t i = 0; i < b->n; i++) {
			const struct keys_row *r = &keys_table[b->v[i].row];
			bool told = false;

			for (size_t c = 0; r->codes[c] != AK_NONE; c++)
				told |= r->codes[c] == b->v[i].key;
			if (!told)
				fail_msg("%s: key %d is bound but its row %d "
				         "does not list it", b->screen,
				         b->v[i].key, b->v[i].row);
		}
	}
}

/* Returns the KEYS section of the man page (malloc'd). */
static char *
man_keys(void)
{
	const char *path = getenv("ACCUEIL_MAN");
	FILE *f = path ? fopen(path, "r") : NULL;
	char *text, *start, *end;
	long n;

	if (f == NULL)
		fail_msg("ACCUEIL_MAN must name the man page");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = calloc(1, (size_t)n + 1);
	assert_int_equal(fread(text, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	start = strstr(text, "\n.Sh KEYS\n");
	assert_non_null(start);
	end = strstr(start + 1, "\n.Sh ");
	if (end != NULL)
		*end = '\0';
	memmove(text, start, strlen(start) + 1);
	return text;
}

/* The man page names every key of the table in its KEYS section. */
static void
test_man(void **state)
{
	char *keys = man_keys();

	(void)state;
	for (int k = 0; k < KEYS_COUNT; k++)
		if (strstr(keys, keys_table[k].man) == NULL)
			fail_msg("the man page's KEYS lack \"%s\" (%s)",
			         keys_table[k].man, keys_table[k].help);
	free(keys);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_man),
		cmocka_unit_test(test_bindings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
