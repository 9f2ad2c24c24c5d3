/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-model.c - the views the screens show, on the small database the
 * test builds (tests/fixture.c): the menu tree, a contact card with "ask
 * at the desk", dates, sources and the age warning, French as fallback,
 * search results with the words they mark. The same on the real content,
 * and the QR codes, are in tests/content-model.c.
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

/* Loads id in lang or fails the test. */
static void
load(const char *id, const char *lang, struct model_view *v)
{
	char *err = NULL;

	if (model_view_load(fixture_db, id, lang, v, &err) != 0)
		fail_msg("cannot load %s: %s", id, err ? err : "no such node");
}

/* Returns the paragraph of v for field name, or NULL. */
static const struct model_para *
field(const struct model_view *v, const char *name)
{
	for (size_t i = 0; i < v->npara; i++)
		if (v->para[i].name && strcmp(v->para[i].name, name) == 0)
			return &v->para[i];
	return NULL;
}

/* Home lists its children in order, search among them (a digit reaches
   it). */
static void
test_home(void **state)
{
	static const char *const ids[] = {
		"themes", "contacts", "urgences", "lex-cpas", "search",
	};
	struct model_view v;

	(void)state;
	load("home", "ar", &v);
	assert_int_equal(v.kind, KIND_MENU);
	assert_string_equal(v.title, "الرئيسية");
	assert_false(v.fallback);
	assert_int_equal(v.entries.n, 5);
	for (size_t i = 0; i < 5; i++)
		assert_string_equal(v.entries.v[i].id, ids[i]);
	/* No Arabic title: the French one, marked. */
	assert_string_equal(v.entries.v[0].title, "Thématiques");
	assert_true(v.entries.v[0].fallback);
	assert_int_equal(v.path.n, 1);
	model_view_free(&v);
}

/* A contact card: its fields, "ask at the desk" for the unknown ones, its
   path. */
static void
test_contact(void **state)
{
	struct model_view v;
	const struct model_para *p;
	char *crumb;

	(void)state;
	load("sami", "fr", &v);
	p = field(&v, "phone");
	assert_non_null(p);
	assert_int_equal(p->style, MODEL_FIELD);
	assert_string_equal(p->text, "081\xc2\xa0" "71\xc2\xa0" "35\xc2\xa0" "28");
	p = field(&v, "hours");
	assert_non_null(p);
	assert_int_equal(p->style, MODEL_UNKNOWN);
	assert_string_equal(p->text, "demandez à l'accueil");
	assert_null(field(&v, "website"));      /* not always shown */
	crumb = model_crumb(&v, " > ");
	assert_string_equal(crumb, "Accueil > Contacts > Sami (racisme)");
	free(crumb);
	model_view_free(&v);
}

/* A page: its text, its links, its checked date and source; an old source
   says it may have changed; French where the language has no text. */
static void
test_page(void **state)
{
	struct model_view v;
	bool date = false, source = false, warned = false;

	(void)state;
	load("racisme", "ar", &v);
	assert_string_equal(v.title, "مكافحة العنصرية");
	assert_false(v.text_fallback);
	assert_int_equal(v.entries.n, 1);
	assert_string_equal(v.entries.v[0].id, "sami");
	for (size_t i = 0; i < v.npara; i++) {
		date |= v.para[i].style == MODEL_NOTE &&
		        strstr(v.para[i].text, "22/11/2026") != NULL;
		source |= v.para[i].style == MODEL_NOTE &&
		          strstr(v.para[i].text, "site, 2024") != NULL;
		warned |= v.para[i].style == MODEL_WARNING;
	}
	assert_true(date);
	assert_true(source);
	assert_false(warned);                   /* 2024, checked 2026 */
	model_view_free(&v);
	load("logement", "ar", &v);
	assert_true(v.fallback);
	assert_true(v.text_fallback);
	warned = false;
	for (size_t i = 0; i < v.npara; i++)
		warned |= v.para[i].style == MODEL_WARNING &&
		          strstr(v.para[i].text, "2013") != NULL;
	assert_true(warned);                    /* 2013, checked 2026 */
	model_view_free(&v);
}

/* A missing node is said as such, not as an error. */
static void
test_missing(void **state)
{
	struct model_view v;
	char *err = NULL;

	(void)state;
	assert_int_equal(model_view_load(fixture_db, "no-such-page", "fr", &v, &err), 1);
	assert_null(err);
}

/* Search folds what a person types; the words kept are those searched
   for (the short ones go when a long one is there). */
static void
test_search(void **state)
{
	static const char *const queries[] = {
		"racisme", "RACISME", "ràcïsme", "  racisme  ", "le racisme",
	};

	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		struct model_results r;
		char *err;

		assert_int_equal(model_search(fixture_db, queries[i], "fr", NULL, 50, &r,
		                              &err), 0);
		if (r.hits.n == 0)
			fail_msg("nothing found for \"%s\"", queries[i]);
		assert_true(r.searched);
		assert_int_equal(r.words.n, 1);
		assert_string_equal(r.words.v[0], "racisme");
		model_results_free(&r);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home),
		cmocka_unit_test(test_contact),
		cmocka_unit_test(test_page),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_search),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("model", tests, fixture_open,
	                                   fixture_close);
}
