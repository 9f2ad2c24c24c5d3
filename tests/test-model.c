/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-model.c - the views the screens show, built from the bundled database:
 * the menu tree, contact cards with "ask at the desk", dates and sources.
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

#include "core/model.h"
#include "core/qr.h"
#include "core/xalloc.h"

static struct db *db;

static int
setup(void **state)
{
	char *err;

	(void)state;
	if (getenv("ACCUEIL_DB") == NULL) {
		fprintf(stderr, "ACCUEIL_DB must name the built database\n");
		return -1;
	}
	if (db_open(getenv("ACCUEIL_DB"), &db, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	db_close(db);
	return 0;
}

/* Loads id or fails the test. */
static void
load(const char *id, struct model_view *v)
{
	char *err = NULL;

	if (model_view_load(db, id, "fr", v, &err) != 0)
		fail_msg("cannot load %s: %s", id, err ? err : "no such node");
}

/* Returns the paragraph of v with the given label, or NULL. */
static const struct model_para *
field(const struct model_view *v, const char *label)
{
	for (size_t i = 0; i < v->npara; i++)
		if (v->para[i].label && strcmp(v->para[i].label, label) == 0)
			return &v->para[i];
	return NULL;
}

/*
 * Home lists the sections of DESIGN.md in order, the glossary and the
 * ask-the-desk cards; search is the / key of every screen.
 */
static void
test_home(void **state)
{
	static const char *const ids[] = {
		"cai", "missions", "services", "themes", "contacts", "centres",
		"acteurs", "lexique", "demander",
	};
	struct model_view v;

	(void)state;
	load("home", &v);
	assert_string_equal(v.kind, "menu");
	assert_int_equal(v.entries.n, 9);
	for (size_t i = 0; i < 9; i++)
		assert_string_equal(v.entries.v[i].id, ids[i]);
	assert_int_equal(v.path.n, 1);
	model_view_free(&v);
}

/* Section sizes: 7 missions, 6 services, 15 themes, 9 centres (8 + DISCRI). */
static void
test_sections(void **state)
{
	static const struct {
		const char *id;
		size_t min;
	} rows[] = {
		{ "missions", 7 }, { "services", 6 }, { "themes", 15 },
		{ "centres", 9 }, { "contacts", 4 }, { "acteurs", 8 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct model_view v;

		load(rows[i].id, &v);
		if (v.entries.n < rows[i].min)
			fail_msg("%s has %zu entries", rows[i].id, v.entries.n);
		model_view_free(&v);
	}
}

/* A contact card: its fields, "ask at the desk" for the unknown ones. */
static void
test_contact(void **state)
{
	struct model_view v;
	const struct model_para *p;
	char *crumb;

	(void)state;
	load("sami", &v);
	p = field(&v, "Téléphone");
	assert_non_null(p);
	assert_int_equal(p->style, MODEL_FIELD);
	assert_string_equal(p->text, "081 71 35 28");
	p = field(&v, "E-mail");
	assert_string_equal(p->text, "sami@cainamur.be");
	p = field(&v, "Heures d'ouverture");
	assert_non_null(p);
	assert_int_equal(p->style, MODEL_UNKNOWN);
	assert_string_equal(p->text, "demandez à l'accueil");
	crumb = model_crumb(&v, " > ");
	assert_string_equal(crumb, "Accueil > Contacts > Sami Pieczynski (racisme)");
	free(crumb);
	model_view_free(&v);
}

/* Every page ends with its checked date and its source. */
static void
test_notes(void **state)
{
	struct model_view v;
	bool date = false, source = false;

	(void)state;
	load("sami", &v);
	for (size_t i = 0; i < v.npara; i++) {
		if (v.para[i].style != MODEL_NOTE)
			continue;
		date |= strcmp(v.para[i].text,
		               "Informations vérifiées le 22/11/2026.") == 0;
		source |= strncmp(v.para[i].text, "Source : ", 9) == 0;
	}
	assert_true(date);
	assert_true(source);
	model_view_free(&v);
}

/* A source three years older than the check says it may have changed. */
static void
test_age_warning(void **state)
{
	static const struct {
		const char *id;
		bool warned;
	} rows[] = {
		{ "cimb", true },       /* 2013 */
		{ "cric", false },      /* 2025 */
		{ "sami", false },      /* no date */
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct model_view v;
		bool warned = false;

		load(rows[i].id, &v);
		for (size_t j = 0; j < v.npara; j++)
			warned |= v.para[j].style == MODEL_WARNING &&
			          strstr(v.para[j].text, "peut-être changé") != NULL;
		if (warned != rows[i].warned)
			fail_msg("%s: warned %d, expected %d", rows[i].id, warned,
			         rows[i].warned);
		model_view_free(&v);
	}
}

/* A missing node is said as such, not as an error. */
static void
test_missing(void **state)
{
	struct model_view v;
	char *err = NULL;

	(void)state;
	assert_int_equal(model_view_load(db, "no-such-page", "fr", &v, &err), 1);
	assert_null(err);
}

/* Search folds what a person types. */
static void
test_search(void **state)
{
	static const char *const queries[] = {
		"racisme", "RACISME", "Pieczynski", "pieczyński", "  racisme  ",
	};

	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		struct model_results r;
		char *err;

		assert_int_equal(model_search(db, queries[i], "fr", NULL, 50, &r,
		                              &err), 0);
		if (r.hits.n == 0)
			fail_msg("nothing found for \"%s\"", queries[i]);
		model_results_free(&r);
	}
}

/* Returns qrencode's ASCII picture of a width x width code: dark where
   (x + y) % 3 == 0, with line breaks; the caller frees. */
static char *
picture(int width)
{
	char *s = malloc((size_t)width * (2 * (size_t)width + 1) + 1), *p = s;

	for (int y = 0; y < width; y++) {
		for (int x = 0; x < width; x++) {
			*p++ = (x + y) % 3 == 0 ? '#' : ' ';
			*p++ = (x + y) % 3 == 0 ? '#' : ' ';
		}
		*p++ = '\n';
	}
	*p = '\0';
	return s;
}

/* qrencode's picture is read module by module, with a quiet zone of 4; any
   other text is refused. */
static void
test_qr_parse(void **state)
{
	struct qr q;
	char *s = picture(21);

	(void)state;
	assert_int_equal(qr_parse(s, &q), 0);
	assert_int_equal(q.size, 29);
	for (int y = 0; y < q.size; y++)
		for (int x = 0; x < q.size; x++) {
			bool in = x >= 4 && y >= 4 && x < 25 && y < 25;
			int want = in && ((x - 4) + (y - 4)) % 3 == 0;

			if (q.dark[y * q.size + x] != want)
				fail_msg("module %d,%d is %d", x, y, q.dark[y * q.size + x]);
		}
	qr_free(&q);
	s[strlen(s) - 1] = '\0';               /* no last line break: fine */
	assert_int_equal(qr_parse(s, &q), 0);
	qr_free(&q);
	s[strlen(s) - 43] = '\0';              /* a row short */
	assert_int_equal(qr_parse(s, &q), -1);
	assert_null(q.dark);
	free(s);
	s = picture(21);
	s[5] = 'x';                            /* not a module */
	assert_int_equal(qr_parse(s, &q), -1);
	free(s);
	s = picture(22);                       /* not a QR code's width */
	assert_int_equal(qr_parse(s, &q), -1);
	free(s);
	s = picture(25);
	assert_int_equal(qr_parse(s, &q), 0);
	qr_free(&q);
	s = xreallocarray(s, strlen(s) + 60, 1);
	strcat(s, "##\n");                     /* a row too many */
	assert_int_equal(qr_parse(s, &q), -1);
	free(s);
	assert_int_equal(qr_parse("", &q), -1);
	assert_int_equal(qr_parse("##\n", &q), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_home),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_contact),
		cmocka_unit_test(test_notes),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_age_warning),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_qr_parse),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("model", tests, setup, teardown);
}
