/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-search.c - search as a visitor types it, on the small database the
 * test builds (tests/fixture.c): words, prefixes, typos, numbers typed
 * with spaces, the three-letter rule, other languages, the glossary first,
 * and anything typed giving no error. The same on the real content is
 * tests/content-search.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "model/model.h"

/* Searches query in lang, or fails the test. */
static void
search(const char *query, const char *lang, struct model_results *r)
{
	char *err = NULL;

	if (model_search(fixture_db, query, lang, NULL, 20, r, &err) != 0)
		fail_msg("\"%s\": %s", query, err);
}

/* Each query finds its node first (typos and numbers included). */
static void
test_first_result(void **state)
{
	static const struct {
		const char *query, *lang, *first;
		size_t n;       /* how many found, 0: not counted */
	} rows[] = {
		{ "racisme", "fr", "sami", 0 },         /* the shorter title */
		{ "sami", "fr", "sami", 0 },
		{ "lutte contre le racisme", "fr", "racisme", 0 },
		{ "RACISME", "fr", "sami", 0 },         /* case */
		{ "lutte rac", "fr", "racisme", 0 },       /* the word being typed */
		{ "rasisme", "fr", "sami", 0 },         /* a letter changed */
		{ "discrimnation", "fr", "racisme", 0 },   /* a letter left out */
		{ "logment", "fr", "logement", 0 },
		{ "logemment", "fr", "logement", 0 },      /* a letter added */
		{ "lgoement", "fr", "logement", 0 },       /* two swapped */
		{ "081 71 35 28", "fr", "sami", 1 },    /* a phone, as typed */
		{ "081713528", "fr", "sami", 1 },
		{ "081 71", "fr", "sami", 1 },          /* being typed */
		{ "081 2", "fr", "cai", 1 },
		{ "081", "fr", NULL, 2 },               /* both cards */
		{ "0479", "fr", "unia", 0 },
		{ "116 000", "fr", "urgences", 1 },
		{ "116 111", "fr", "lex-cpas", 1 },
		{ "5000", "fr", "sami", 0 },               /* a postcode */
		{ "cpas", "fr", "lex-cpas", 0 },           /* the glossary first */
		{ "cpas", "ar", "lex-cpas", 0 },
		{ "العنصرية", "ar", "racisme", 0 },        /* Arabic */
		{ "housing", "en", "logement", 0 },        /* English */
		{ "logement", "en", "logement", 0 },       /* French on English */
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct model_results r;

		search(rows[i].query, rows[i].lang, &r);
		if (r.hits.n == 0)
			fail_msg("\"%s\" (%s): nothing found", rows[i].query,
			         rows[i].lang);
		if (rows[i].first != NULL &&
		    strcmp(r.hits.v[0].id, rows[i].first) != 0)
			fail_msg("\"%s\" (%s): first is %s, expected %s",
			         rows[i].query, rows[i].lang, r.hits.v[0].id,
			         rows[i].first);
		if (rows[i].n > 0 && r.hits.n != rows[i].n)
			fail_msg("\"%s\" (%s): %zu found, expected %zu",
			         rows[i].query, rows[i].lang, r.hits.n, rows[i].n);
		model_results_free(&r);
	}
}

/* A typo corrected: the words marked are the words found. */
static void
test_typo_words(void **state)
{
	struct model_results r;
	struct text_mark m[4];

	(void)state;
	search("rasisme", "fr", &r);
	assert_int_equal(r.words.n, 1);
	assert_string_equal(r.words.v[0], "racisme");
	assert_int_equal(text_marks("Lutte contre le racisme", &r.words, m, 4),
	                 1);
	model_results_free(&r);
	/* Nowhere near a word of the index: nothing, and no error. */
	search("qqqqzzzz", "fr", &r);
	assert_int_equal(r.hits.n, 0);
	assert_true(r.searched);
	model_results_free(&r);
}

/* Before the third letter nothing is looked for (no "no results"). */
static void
test_three_letters(void **state)
{
	static const struct {
		const char *query;
		bool searched;
	} rows[] = {
		{ "", false }, { "r", false }, { "ra", false }, { "ra ", false },
		{ "l r", false }, { "08", false }, { "rac", true },
		{ "081", true }, { "é é", false }, { "عن", false },
		{ "عنص", true }, { "de rac", true },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct model_results r;

		search(rows[i].query, "fr", &r);
		if (r.searched != rows[i].searched)
			fail_msg("\"%s\": searched %d, expected %d", rows[i].query,
			         r.searched, rows[i].searched);
		if (!r.searched)
			assert_int_equal(r.hits.n, 0);
		model_results_free(&r);
	}
}

/* A number typed with spaces is marked whole in the text. */
static void
test_number_marks(void **state)
{
	struct model_results r;
	struct text_mark m[4];
	const char *text = "Tél. 081\xc2\xa0" "71\xc2\xa0" "35\xc2\xa0" "28, "
	                   "5000 Namur";

	(void)state;
	search("081 71 3", "fr", &r);
	assert_int_equal(text_marks(text, &r.words, m, 4), 1);
	assert_int_equal(m[0].start, 6);
	assert_int_equal(m[0].end, 6 + 3 + 2 + 2 + 2 + 2 + 2 + 2);
	model_results_free(&r);
	search("5000", "fr", &r);
	assert_int_equal(text_marks(text, &r.words, m, 4), 1);
	assert_int_equal(m[0].start, strlen(text) - strlen("5000 Namur"));
	model_results_free(&r);
}

/* Anything typed gives results or none, never an error. */
static void
test_anything_typed(void **state)
{
	static const char *const queries[] = {
		"' OR 1=1 --", "\"NEAR(a b)\" * ^title:x -y", "racisme\"", "*",
		"\xff\xfe\x1b[2J", "AND OR NOT", "{title}: x", "a b c d e f g h",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2",
	};

	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		struct model_results r;

		search(queries[i], i % 2 ? "ar" : "fr", &r);
		model_results_free(&r);
	}
}

/* The directory: every card while the filter is short, then filtered. */
static void
test_directory(void **state)
{
	struct model_results r;
	char *err = NULL;

	(void)state;
	assert_int_equal(model_contacts(fixture_db, "", "fr", &r, &err), 0);
	assert_int_equal(r.hits.n, 3);
	model_results_free(&r);
	assert_int_equal(model_contacts(fixture_db, "un", "fr", &r, &err), 0);
	assert_int_equal(r.hits.n, 3);
	model_results_free(&r);
	assert_int_equal(model_contacts(fixture_db, "uni", "fr", &r, &err), 0);
	assert_int_equal(r.hits.n, 1);
	assert_string_equal(r.hits.v[0].id, "unia");
	model_results_free(&r);
	assert_int_equal(model_contacts(fixture_db, "racisme", "fr", &r, &err), 0);
	assert_int_equal(r.hits.n, 1);
	assert_string_equal(r.hits.v[0].id, "sami");
	model_results_free(&r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_result),
		cmocka_unit_test(test_typo_words),
		cmocka_unit_test(test_three_letters),
		cmocka_unit_test(test_number_marks),
		cmocka_unit_test(test_anything_typed),
		cmocka_unit_test(test_directory),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("search", tests, fixture_open,
	                                   fixture_close);
}
