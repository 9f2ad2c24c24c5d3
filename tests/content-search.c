/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * content-search.c - search on the bundled database, as a visitor types it:
 * a table of queries and the first result expected (node id), in French and
 * in other interface languages, and queries that must give no error at all.
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

#include "model/model.h"

static struct db *db;

static int
setup(void **state)
{
	char *err;

	(void)state;
	if (getenv("ACCUEIL_DB") == NULL || db_open(getenv("ACCUEIL_DB"), &db,
	                                            &err) != 0)
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close(db);
	return 0;
}

/* Each query finds its page first. */
static void
test_first_result(void **state)
{
	static const struct {
		const char *query;
		const char *lang;
		const char *first;
	} rows[] = {
		{ "racisme", "fr", "sami" },
		{ "RACISME", "fr", "sami" },                    /* case */
		{ "lutte contre le racisme", "fr", "theme-racisme" },
		{ "lutte rac", "fr", "theme-racisme" },         /* prefix */
		{ "santé", "fr", "theme-sante" },
		{ "SANTE", "fr", "theme-sante" },               /* accents */
		{ "sante\xcc\x81", "fr", "theme-sante" },        /* combining mark */
		{ "logment", "fr", "theme-logement" },          /* typo */
		{ "sociojuridik", "fr", "theme-sociojuridique" },
		{ "volontaria", "fr", "theme-volontariat" },    /* typing */
		{ "Liège Waremme", "fr", "cripel" },            /* towns */
		{ "liege waremme", "fr", "cripel" },
		{ "081 71 35 28", "fr", "sami" },               /* a phone */
		{ "sami@cainamur.be", "fr", "sami" },           /* an e-mail */
		{ "112", "fr", "urgences" },
		{ "unia", "fr", "unia" },
		{ "visa", "ar", "office-etrangers" },           /* French word, */
		{ "sans titre de séjour", "fr", "theme-sans-papiers" },
		{ "tuteur", "fr", "lex-tuteur" },               /* glossary first */
		{ "service des tutelles", "fr", "tutelles" },   /* MENA */
		{ "titre de séjour", "so", "lex-titre-sejour" },
		{ "CPAS", "ar", "lex-cpas" },
		{ "CRI Verviers", "fr", "crvi" },               /* 2025 names */
		{ "Mons Borinage", "fr", "cimb" },  /* Saint-Ghislain since 2025 */
		{ "racisme", "ar", "sami" },                    /* Arabic screen */
		{ "العنصرية", "ar", "theme-racisme" },          /* Arabic word */
		{ "اللجوء", "ar", "theme-asile" },
		{ "житло", "uk", "theme-logement" },            /* Ukrainian */
		{ "asylum", "en", "theme-asile" },              /* English */
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct model_results r;
		char *err = NULL;

		assert_int_equal(model_search(db, rows[i].query, rows[i].lang, NULL,
		                              50, &r, &err), 0);
		if (r.hits.n == 0)
			fail_msg("\"%s\" (%s): nothing found", rows[i].query,
			         rows[i].lang);
		if (strcmp(r.hits.v[0].id, rows[i].first) != 0)
			fail_msg("\"%s\" (%s): first is %s, expected %s",
			         rows[i].query, rows[i].lang, r.hits.v[0].id,
			         rows[i].first);
		model_results_free(&r);
	}
}

/* Returns the place of node id in the results r, or -1. */
static long
place(const struct model_results *r, const char *id)
{
	for (size_t i = 0; i < r->hits.n; i++)
		if (strcmp(r->hits.v[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* A query of which only some words match still finds (any of the words). */
static void
test_any_word(void **state)
{
	struct model_results r;
	char *err = NULL;
	long cpas, titre;

	(void)state;
	/* "unia" is a title; "zzqqxx" is nowhere, not even by trigrams. */
	assert_int_equal(model_search(db, "zzqqxx unia", "fr", NULL, 20, &r,
	                              &err), 0);
	if (place(&r, "unia") < 0 || place(&r, "unia") > 1)
		fail_msg("zzqqxx unia: unia at %ld of %zu", place(&r, "unia"),
		         r.hits.n);
	model_results_free(&r);
	/* Two official words: both glossary entries, first. */
	assert_int_equal(model_search(db, "CPAS titre de séjour", "fr", NULL,
	                              20, &r, &err), 0);
	cpas = place(&r, "lex-cpas");
	titre = place(&r, "lex-titre-sejour");
	if (cpas < 0 || cpas > 1 || titre < 0 || titre > 1)
		fail_msg("CPAS at %ld, titre de séjour at %ld", cpas, titre);
	model_results_free(&r);
	/* A query that is the very word of an entry: that entry first. */
	assert_int_equal(model_search(db, "titre de séjour", "fr", NULL, 20,
	                              &r, &err), 0);
	assert_string_equal(r.hits.v[0].id, "lex-titre-sejour");
	model_results_free(&r);
}

/* A page that holds more of the words ranks above one that holds fewer. */
static void
test_more_words_first(void **state)
{
	struct model_results r;
	char *err = NULL;
	long both, one;

	(void)state;
	assert_int_equal(model_search(db, "racisme logement", "fr", NULL, 20,
	                              &r, &err), 0);
	/* Unia's card names both; the Logement theme, whose title weighs a
	   hundred times its text, only one. */
	both = place(&r, "unia");
	one = place(&r, "theme-logement");
	if (both < 0 || one < 0 || both > one)
		fail_msg("unia at %ld, theme-logement at %ld", both, one);
	assert_int_equal(r.hits.v[both].words, 2);
	assert_int_equal(r.hits.v[one].words, 1);
	for (size_t i = 1; i < r.hits.n; i++)
		if (r.hits.v[i].words > r.hits.v[i - 1].words)
			fail_msg("%s (%d words) after %s (%d words)",
			         r.hits.v[i].id, r.hits.v[i].words,
			         r.hits.v[i - 1].id, r.hits.v[i - 1].words);
	model_results_free(&r);
}

/* Whatever a person types, the search answers without an error. */
static void
test_anything_typed(void **state)
{
	char *big = malloc(10001);
	const char *queries[] = {
		"", " ", "a", "é", "\"", "*", "-", ":", "^", "(", ")",
		"\"NEAR(racisme logement)\" * ^title: -unia (( OR AND NOT",
		"'; DROP TABLE node; --", "\xff\xfe\xfd", "ra\xc3", "\xed\xa0\x80",
		"\x1b[2J", "racisme\tlogement\n", NULL,
	};
	size_t n = 0;

	(void)state;
	memset(big, 'x', 10000);
	for (size_t i = 0; i < 10000; i += 7)
		big[i] = ' ';
	big[10000] = '\0';
	while (queries[n] != NULL)
		n++;
	for (size_t i = 0; i <= n; i++) {
		const char *q = i < n ? queries[i] : big;
		struct model_results r;
		char *err = NULL;

		if (model_search(db, q, i % 2 ? "ar" : "fr", NULL, 50, &r, &err) != 0)
			fail_msg("query %zu: %s", i, err);
		model_results_free(&r);
		if (model_contacts(db, q, "fr", &r, &err) != 0)
			fail_msg("contacts %zu: %s", i, err);
		model_results_free(&r);
	}
	free(big);
}

/* The directory: every card with nothing typed, filtered as typed. */
static void
test_directory(void **state)
{
	static const struct {
		const char *query;
		const char *must;       /* a card that must be among the results */
	} rows[] = {
		{ "", "cripel" }, { "Liège", "cripel" }, { "racisme", "sami" },
		{ "racisme", "unia" }, { "racisme", "mrax" }, { "Charleroi", "cric" },
		{ "CRI Charleroi", "cric" }, { "CRIC", "cric" }, { "Nivelles", "cribw" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct model_results r;
		char *err = NULL;
		bool found = false;

		assert_int_equal(model_contacts(db, rows[i].query, "fr", &r, &err), 0);
		for (size_t j = 0; j < r.hits.n; j++) {
			assert_int_equal(r.hits.v[j].kind, KIND_CONTACT);
			found |= strcmp(r.hits.v[j].id, rows[i].must) == 0;
		}
		if (!found)
			fail_msg("\"%s\": %s is not among the %zu cards", rows[i].query,
			         rows[i].must, r.hits.n);
		model_results_free(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_result),
		cmocka_unit_test(test_any_word),
		cmocka_unit_test(test_more_words_first),
		cmocka_unit_test(test_anything_typed),
		cmocka_unit_test(test_directory),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("content-search", tests, setup, teardown);
}
