/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * content-model.c - the views the screens show, built from the bundled database:
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
#include <sqlite3.h>

#include "model/model.h"
#include "model/qr.h"
#include "common/xalloc.h"

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
 * Home lists the sections of DESIGN.md in order, search (entry 8: digits
 * alone reach it), the glossary and the ask-the-desk cards.
 */
static void
test_home(void **state)
{
	static const char *const ids[] = {
		"cai", "missions", "services", "themes", "contacts", "centres",
		"acteurs", "search", "lexique", "demander",
	};
	struct model_view v;

	(void)state;
	load("home", &v);
	assert_int_equal(v.kind, KIND_MENU);
	assert_int_equal(v.entries.n, 10);
	for (size_t i = 0; i < 10; i++)
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
	/* Its groups joined by no-break spaces (data/build-db.py). */
	assert_string_equal(p->text, "081\xc2\xa0" "71\xc2\xa0" "35\xc2\xa0" "28");
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
		               "Informations vérifiées le 05/12/2026.") == 0;
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

/* Returns the module at x, y of q (1 dark). */
static int
module(const struct qr *q, int x, int y)
{
	return q->dark[y * q->size + x];
}

/* Checks the finder pattern whose top left module is at x, y: a dark ring
   of 7, a light ring of 5, a dark square of 3. */
static void
check_finder(const struct qr *q, int x0, int y0)
{
	for (int y = 0; y < 7; y++)
		for (int x = 0; x < 7; x++) {
			int ring = x < y ? x : y, far = 6 - (x > y ? x : y);
			int want = (ring < far ? ring : far) != 1;

			if (module(q, x0 + x, y0 + y) != want)
				fail_msg("finder at %d,%d: module %d,%d is %d",
				         x0, y0, x, y,
				         module(q, x0 + x, y0 + y));
		}
}

/* libqrencode's code has a QR code's size, a light quiet zone of 4 and
   the three finder patterns; a payload too long for any version fails. */
static void
test_qr_encode(void **state)
{
	struct qr q;
	char *big;
	int n;

	(void)state;
	if (!qr_available()) {
		/* Built with -Dqr=disabled: no code, ever. */
		assert_int_equal(qr_encode("CAI", &q), -1);
		assert_null(q.dark);
		return;
	}
	assert_int_equal(qr_encode("MECARD:N:CAI;TEL:081 73 71 76;;", &q), 0);
	n = q.size - 8;
	assert_true(n >= 21 && n <= 177 && (n - 17) % 4 == 0);
	for (int y = 0; y < q.size; y++)
		for (int x = 0; x < q.size; x++)
			if ((x < 4 || y < 4 || x >= q.size - 4 ||
			     y >= q.size - 4) && module(&q, x, y) != 0)
				fail_msg("quiet zone module %d,%d is dark",
				         x, y);
	check_finder(&q, 4, 4);
	check_finder(&q, q.size - 11, 4);
	check_finder(&q, 4, q.size - 11);
	qr_free(&q);
	assert_null(q.dark);
	big = xmalloc(4000);
	memset(big, 'x', 3999);
	big[3999] = '\0';
	assert_int_equal(qr_encode(big, &q), -1);
	assert_null(q.dark);
	free(big);
}

/* Phones in international form: Belgian numbers get +32, plain or
   no-break spaces alike; numbers with + and short ones are kept. */
static void
test_qr_phone(void **state)
{
	static const char *const cases[][2] = {
		{ "081 71 35 28", "+3281713528" },
		{ "081\u00a071\u00a035\u00a028", "+3281713528" },
		{ "081\u202f71 35\u00a028", "+3281713528" },
		{ "0800 12 800", "+3280012800" },
		{ "0800\u00a012\u00a0800", "+3280012800" },
		{ "065/61.18.50 (inscriptions)", "+3265611850" },
		{ "0479/99.28.21", "+32479992821" },
		{ "02/209.62.50", "+3222096250" },
		{ "+32 2 213 44 18", "+3222134418" },
		{ "+32\u00a02\u00a0213\u00a044\u00a018", "+3222134418" },
		{ "0032 81 71 35 28", "+3281713528" },
		{ "112", "112" },
		{ "1712", "1712" },
		{ "081 71 35 28 / 081 71 35 29", "+3281713528" },
		{ "081 71 35 28 - 0800 12 800", "+3281713528" },
		{ "demandez à l'accueil", NULL },
		{ "12", NULL },
		{ "", NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = qr_phone_international(cases[i][0]);

		if (cases[i][1] == NULL && got != NULL)
			fail_msg("\"%s\" gave \"%s\", not nothing", cases[i][0],
			         got);
		if (cases[i][1] != NULL && (got == NULL ||
		                            strcmp(got, cases[i][1]) != 0))
			fail_msg("\"%s\" gave \"%s\", not \"%s\"", cases[i][0],
			         got ? got : "nothing", cases[i][1]);
		free(got);
	}
}

/* The payload holds the name, the +32 phone and the e-mail, nothing else;
   a contact with neither phone nor e-mail has none. */
static void
test_qr_payload(void **state)
{
	struct model_view v;
	struct qr q;
	char *s;

	(void)state;
	load("sami", &v);
	s = qr_payload(&v);
	assert_string_equal(s, "MECARD:N:Sami Pieczynski (racisme);"
	                    "TEL:+3281713528;EMAIL:sami@cainamur.be;;");
	assert_int_equal(qr_wanted(&v), qr_available());
	/* 75 bytes: version 3 holds 53 at level L, version 4 holds 78. */
	if (qr_available()) {
		assert_int_equal(qr_encode(s, &q), 0);
		assert_int_equal(q.version, 4);
		assert_int_equal(q.size, 17 + 4 * 4 + 2 * 4);
		qr_free(&q);
	}
	free(s);
	model_view_free(&v);
	load("direction", &v);
	assert_null(qr_payload(&v));
	assert_false(qr_wanted(&v));
	model_view_free(&v);
	load("home", &v);
	assert_null(qr_payload(&v));
	model_view_free(&v);
}

/* Every contact with a phone or an e-mail has a code that fits 80x24
   over the screen but the key bar: at most 23 rows of two modules, so at
   most 46 modules with the quiet zone (version 5). */
static void
test_qr_every_contact(void **state)
{
	sqlite3 *sq;
	sqlite3_stmt *st;
	int n = 0;

	(void)state;
	if (!qr_available())
		skip();
	assert_int_equal(sqlite3_open_v2(getenv("ACCUEIL_DB"), &sq,
	                 SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(sq, "SELECT id FROM node WHERE "
	                 "kind = 'contact' AND id IN (SELECT node FROM field "
	                 "WHERE name IN ('phone', 'email'))", -1, &st, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		struct model_view v;
		struct qr q;
		char *s;

		load(id, &v);
		s = qr_payload(&v);
		if (s == NULL || qr_encode(s, &q) != 0)
			fail_msg("%s: no code", id);
		if ((q.size + 1) / 2 > 23)
			fail_msg("%s: %d modules, %d rows at 80x24 (%zu bytes)",
			         id, q.size, (q.size + 1) / 2, strlen(s));
		n++;
		qr_free(&q);
		free(s);
		model_view_free(&v);
	}
	sqlite3_finalize(st);
	sqlite3_close(sq);
	assert_true(n >= 10);
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
		cmocka_unit_test(test_qr_encode),
		cmocka_unit_test(test_qr_phone),
		cmocka_unit_test(test_qr_payload),
		cmocka_unit_test(test_qr_every_contact),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("content-model", tests, setup, teardown);
}
