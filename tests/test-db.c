/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-db.c - the database layer against a real in-memory SQLite built from
 * data/schema.sql and indexed by db_index_build, against broken files and
 * hostile values (NULL, huge, of another type), and a damaged index.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "fixture.h"
#include "db/index.h"
#include "text/text.h"

#define MEMDB "file:testdb?mode=memory&cache=shared"

static sqlite3 *writer;   /* keeps the in-memory database alive */

/* Creates the in-memory database: schema plus a small tree. */
static int
setup_memdb(void **state)
{
	static const char rows[] =
	    "INSERT INTO node VALUES ('home', NULL, 1, 'menu', 's', '2026-11-22', '');"
	    "INSERT INTO node VALUES ('b', 'home', 2, 'page', 'src b', '2026-11-22', '2013');"
	    "INSERT INTO node VALUES ('a', 'home', 1, 'contact', 'src a', '2026-11-01', '');"
	    "INSERT INTO node VALUES ('c', 'b', 1, 'page', 'src c', '2026-11-22', '');"
	    /* A loop, as a damaged database could have one. */
	    "INSERT INTO node VALUES ('x', 'y', 1, 'page', 's', '2026-11-22', '');"
	    "INSERT INTO node VALUES ('y', 'x', 1, 'page', 's', '2026-11-22', '');"
	    "INSERT INTO field VALUES ('x', 'title', 'fr', 'X', 1);"
	    "INSERT INTO field VALUES ('y', 'title', 'fr', 'Y', 1);"
	    "INSERT INTO field VALUES ('c', 'title', 'fr', 'Bel étage', 1);"
	    "INSERT INTO field VALUES ('home', 'title', 'fr', 'Accueil', 1);"
	    "INSERT INTO field VALUES ('home', 'title', 'en', 'Home', 0);"
	    "INSERT INTO field VALUES ('a', 'title', 'fr', 'Aé', 1);"
	    "INSERT INTO field VALUES ('a', 'phone', 'fr', '081 71 35 28', 1);"
	    "INSERT INTO field VALUES ('a', 'role', 'fr', 'rôle', 1);"
	    "INSERT INTO field VALUES ('a', 'role', 'en', 'role', 0);"
	    "INSERT INTO field VALUES ('b', 'title', 'fr', CAST(X'42C3A9E280A6FF1B5B324A' AS TEXT), 1);"
	    "INSERT INTO field VALUES ('b', 'body', 'fr', 'texte du corps', 1);"
	    "INSERT INTO link VALUES ('b', 1, 'a');"
	    "INSERT INTO link VALUES ('b', 2, 'home');"
	    "INSERT INTO language VALUES ('en', 0, 0, 0, 0, 0, 0);";
	char *err = NULL;
	char *schema = fixture_slurp(getenv("ACCUEIL_SCHEMA"));

	(void)state;
	assert_int_equal(sqlite3_open_v2(MEMDB, &writer, SQLITE_OPEN_READWRITE |
	                 SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(writer, schema, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(writer, rows, NULL, NULL, NULL), SQLITE_OK);
	free(schema);
	/* Indexed as data/mkindex indexes the bundled database. */
	if (db_index_build(MEMDB, &err) != 0)
		fail_msg("%s", err);
	return 0;
}

static int
teardown_memdb(void **state)
{
	(void)state;
	sqlite3_close(writer);
	return 0;
}

/* Opens the in-memory database or fails. */
static struct db *
open_mem(void)
{
	struct db *db;
	char *err;

	assert_int_equal(db_open(MEMDB, &db, &err), 0);
	assert_null(err);
	return db;
}

/* Children come in order, titles fall back to French and say so. */
static void
test_children(void **state)
{
	struct db *db = open_mem();
	struct db_list l;

	(void)state;
	assert_int_equal(db_children(db, "home", "en", &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, "a");
	assert_int_equal(l.v[0].kind, KIND_CONTACT);
	assert_string_equal(l.v[0].title, "Aé");
	assert_true(l.v[0].fallback);
	assert_string_equal(l.v[1].id, "b");
	db_list_free(&l);
	assert_int_equal(db_children(db, "home", "fr", &l), 0);
	assert_false(l.v[0].fallback);
	db_list_free(&l);
	assert_int_equal(db_children(db, "nothing", "fr", &l), 0);
	assert_int_equal(l.n, 0);
	db_list_free(&l);
	db_close(db);
}

/* A node's fields: the asked language first, French otherwise. */
static void
test_node(void **state)
{
	struct db *db = open_mem();
	struct db_node n;
	const struct db_field *f;

	(void)state;
	assert_int_equal(db_node_get(db, "a", "en", &n), 0);
	assert_int_equal(n.kind, KIND_CONTACT);
	assert_string_equal(n.checked, "2026-11-01");
	f = db_node_field(&n, "role");
	assert_non_null(f);
	assert_string_equal(f->value, "role");
	assert_false(f->fallback);
	f = db_node_field(&n, "phone");
	assert_string_equal(f->value, "081 71 35 28");
	assert_true(f->fallback);
	assert_null(db_node_field(&n, "email"));
	db_node_free(&n);
	assert_int_equal(db_node_get(db, "a", "fr", &n), 0);
	assert_string_equal(db_node_field(&n, "role")->value, "rôle");
	db_node_free(&n);
	assert_int_equal(db_node_get(db, "missing", "fr", &n), 1);
	db_close(db);
}

/* Bad bytes and escape sequences in the file never come out. */
static void
test_clean_text(void **state)
{
	struct db *db = open_mem();
	struct db_node n;

	(void)state;
	assert_int_equal(db_node_get(db, "b", "fr", &n), 0);
	assert_string_equal(db_node_field(&n, "title")->value,
	                    "Bé…\xef\xbf\xbd[2J");
	assert_string_equal(n.dated, "2013");
	db_node_free(&n);
	db_close(db);
}

/* Links and the path from home. */
static void
test_links_path(void **state)
{
	struct db *db = open_mem();
	struct db_list l;

	(void)state;
	assert_int_equal(db_links(db, "b", "en", &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, "a");
	assert_string_equal(l.v[1].title, "Home");
	db_list_free(&l);
	assert_int_equal(db_path(db, "b", "fr", &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, "home");
	assert_string_equal(l.v[1].id, "b");
	db_list_free(&l);
	assert_int_equal(db_path(db, "c", "en", &l), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.v[0].title, "Home");
	assert_string_equal(l.v[1].id, "b");
	assert_string_equal(l.v[2].title, "Bel étage");
	assert_true(l.v[2].fallback);
	db_list_free(&l);
	assert_int_equal(db_path(db, "nothing", "fr", &l), 0);
	assert_int_equal(l.n, 0);
	db_list_free(&l);
	/* A loop ends after 32 levels. */
	assert_int_equal(db_path(db, "x", "fr", &l), 0);
	assert_int_equal(l.n, 32);
	assert_string_equal(l.v[31].id, "x");
	assert_string_equal(l.v[30].id, "y");
	db_list_free(&l);
	db_close(db);
}

/* Search: every word must match, as a word or a prefix; title matches
   first; typos by shared trigrams; FTS5 syntax is only text. */
static void
test_search(void **state)
{
	static const struct {
		const char *q;
		const char *kind;
		size_t n;
		const char *first;     /* typos: found by shared letters */
	} rows[] = {
		{ "aee", NULL, 0, NULL },        /* a is "Aé": not a prefix */
		{ "ae", NULL, 0, NULL },         /* two letters: not searched */
		{ "rôle", NULL, 1, "a" },        /* a's role */
		{ "rôle", "page", 0, NULL },     /* kind filter */
		{ "corps", NULL, 1, "b" },
		{ "cor", NULL, 1, "b" },         /* prefix while typing */
		{ "cor ", NULL, 0, NULL },       /* a whole word: no prefix */
		{ "corps t", NULL, 1, "b" },     /* "t" just begun: left out */
		{ "texte corps", NULL, 1, "b" },
		{ "etagge", NULL, 1, "c" },      /* typo: a letter added */
		{ "etxgq", NULL, 0, NULL },      /* too far */
		{ "corsp", NULL, 1, "b" },       /* two letters swapped */
		{ "081 71 35 28", NULL, 1, "a" },
		{ "bel etage", NULL, 1, "c" },
		{ "", NULL, 0, NULL },
		{ "' OR 1=1 --", NULL, 0, NULL },
		{ "\"NEAR(a b)\" * ^title:x -y", NULL, 0, NULL },
		{ "home", NULL, 1, "home" },     /* English row */
		{ "zzzqqq", NULL, 0, NULL },
	};
	struct db *db = open_mem();

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct text_tokens t;
		struct db_hits h;
		char *f = text_fold(rows[i].q);

		text_tokens(f, 16, &t);
		free(f);
		/* As model_search does: a space typed completes the last word. */
		if (*rows[i].q != '\0' && rows[i].q[strlen(rows[i].q) - 1] == ' ')
			t.open = false;
		assert_int_equal(db_search(db, &t, "en", rows[i].kind, 10, &h), 0);
		if (h.n != rows[i].n)
			fail_msg("\"%s\": %zu results, expected %zu", rows[i].q, h.n,
			         rows[i].n);
		if (rows[i].first != NULL)
			assert_string_equal(h.v[0].id, rows[i].first);
		db_hits_free(&h);
		text_tokens_free(&t);
	}
	db_close(db);
}

/* The directory lists every contact card, with its section. */
static void
test_contacts(void **state)
{
	struct db *db = open_mem();
	struct db_hits h;

	(void)state;
	assert_int_equal(db_contacts(db, "fr", &h), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].id, "a");
	assert_string_equal(h.v[0].section, "Accueil");
	db_hits_free(&h);
	db_close(db);
}

/* Writes n bytes of data to a new temporary file and returns its path. */
static char *
temp_file(const void *data, size_t n)
{
	char *path = strdup("/tmp/accueil-test-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
	return path;
}

/* Makes a database file with the given SQL and returns its path. */
static char *
temp_db(const char *sql)
{
	char *path = temp_file("", 0);
	sqlite3 *h;

	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	return path;
}

/* Each broken file gives one sentence naming the path and the problem. */
static void
test_broken(void **state)
{
	char zeros[4096] = { 0 }, noise[4096];
	char *paths[6];
	const char *expect[6] = {
		"does not exist", "damaged or is not a database",
		"damaged or is not a database", "version 7 (it says version 8)",
		"damaged or incomplete", "version 7 (it says version 0)",
	};

	(void)state;
	srand(42);
	for (size_t i = 0; i < sizeof noise; i++)
		noise[i] = (char)rand();
	paths[0] = strdup("/nonexistent/accueil.db");
	paths[1] = temp_file(zeros, sizeof zeros);
	paths[2] = temp_file(noise, sizeof noise);
	paths[3] = temp_db("PRAGMA user_version = 8; CREATE TABLE x(y);");
	paths[4] = temp_db("PRAGMA user_version = 7; CREATE TABLE node(id);");
	paths[5] = temp_file("", 0);
	for (int i = 0; i < 6; i++) {
		struct db *db = (struct db *)1;
		char *err = NULL;

		assert_int_equal(db_open(paths[i], &db, &err), -1);
		assert_null(db);
		assert_non_null(err);
		assert_non_null(strstr(err, paths[i]));
		if (strstr(err, expect[i]) == NULL)
			fail_msg("%s: got \"%s\"", paths[i], err);
		assert_null(strchr(err, '\n'));
		free(err);
		if (i > 0)
			unlink(paths[i]);
		free(paths[i]);
	}
}


/* More than sixteen languages: the index finds the node of the row of the
   last one (runs last: it changes the shared database). */
static void
test_many_languages(void **state)
{
	struct db *db;
	struct text_tokens t;
	struct db_hits h;
	char sql[256];

	(void)state;
	for (int i = 1; i <= 19; i++) {
		snprintf(sql, sizeof sql, "INSERT INTO language VALUES "
		         "('l%02d', 0, 0, 0, 0, 0, 0)", i);
		assert_int_equal(sqlite3_exec(writer, sql, NULL, NULL, NULL),
		                 SQLITE_OK);
	}
	/* en, l01..l19 and French: 21; l19 is the 20th. b is node 2. */
	assert_int_equal(sqlite3_exec(writer, "INSERT INTO search (rowid, title, "
	                 "body, lang, kind) VALUES (2 * 21 + 20, 'zeta', '', "
	                 "'xl19', 'page')", NULL, NULL, NULL), SQLITE_OK);
	db = open_mem();
	text_tokens("zeta", 16, &t);
	t.open = false;
	assert_int_equal(db_search(db, &t, "l19", NULL, 10, &h), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].id, "b");
	db_hits_free(&h);
	text_tokens_free(&t);
	db_close(db);
}

/* Every kind parses back from its name; the schema allows exactly the node
   kinds (the language picker's entries are not nodes). */
static void
test_kinds(void **state)
{
	char *schema = fixture_slurp(getenv("ACCUEIL_SCHEMA"));
	const char *check = strstr(schema, "CHECK (kind IN (");

	(void)state;
	assert_non_null(check);
	for (int k = 0; k < KIND_COUNT; k++) {
		char quoted[32];
		const char *end = strchr(check, ')');

		snprintf(quoted, sizeof quoted, "'%s'", kind_name(k));
		assert_int_equal(kind_parse(kind_name(k)), k);
		assert_true((strstr(check, quoted) != NULL &&
		             strstr(check, quoted) < end) == (k != KIND_LANGUAGE));
	}
	assert_int_equal(kind_parse("nope"), -1);
	assert_int_equal(kind_parse(NULL), -1);
	assert_string_equal(kind_name(-1), "");
	assert_false(kind_indexed(KIND_SEARCH));
	assert_true(kind_indexed(KIND_CONTACT));
	free(schema);
}

/* Makes the database at path from the schema without its NOT NULL (as a
   hostile file may be), and the rows of sql, indexed. */
static void
loose_db(const char *path, const char *sql)
{
	char *schema = fixture_slurp(getenv("ACCUEIL_SCHEMA")), *p, *err = NULL;
	sqlite3 *h;

	while ((p = strstr(schema, "NOT NULL")) != NULL)
		memset(p, ' ', strlen("NOT NULL"));
	assert_int_equal(sqlite3_open(path, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, schema, NULL, NULL, NULL), SQLITE_OK);
	if (sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("%s", sqlite3_errmsg(h));
	sqlite3_close(h);
	free(schema);
	if (db_index_build(path, &err) != 0)
		fail_msg("%s", err);
}

/*
 * NULL, foreign and out-of-range values never reach the program: an entry
 * or a hit with no title is left out (a glossary term whose French title
 * is NULL crashed the search "cpa"), a field without a value too, counts
 * are clamped (INT_MIN overflowed --languages).
 */
static void
test_hostile_values(void **state)
{
	static const char rows[] =
	    "INSERT INTO node VALUES ('home', NULL, 1, 'menu', 's', 'd', '');"
	    "INSERT INTO node VALUES ('t', 'home', 1, 'term', NULL, NULL, NULL);"
	    "INSERT INTO node VALUES ('p', 'home', 2, 'page', 's', 'd', '');"
	    "INSERT INTO node VALUES (NULL, 'home', 3, 'page', 's', 'd', '');"
	    "INSERT INTO node VALUES ('q', 'home', 4, 'page', 1, 2, 3);"
	    "INSERT INTO field VALUES ('home', 'title', 'fr', 'Accueil', 1);"
	    "INSERT INTO field VALUES ('t', 'title', 'fr', NULL, 1);"
	    "INSERT INTO field VALUES ('t', 'body', 'fr', 'cpas cpas', 1);"
	    "INSERT INTO field VALUES ('p', 'title', 'fr', X'4350415300', 1);"
	    "INSERT INTO field VALUES ('p', 'body', 'fr', 'le cpas', 1);"
	    "INSERT INTO field VALUES ('p', 'phone', 'fr', NULL, 1);"
	    "INSERT INTO field VALUES ('q', 'title', 'fr', 12345, 1);"
	    "INSERT INTO language VALUES ('xx', -2147483648, 9223372036854775807,"
	    "  NULL, 'abc', 1e300, 7);";
	char *path = temp_file("", 0), *err = NULL;
	struct db *db;
	struct db_list l;
	struct db_hits h;
	struct db_node n;
	struct db_language lang;
	struct text_tokens t;

	(void)state;
	loose_db(path, rows);
	assert_int_equal(db_open(path, &db, &err), 0);
	/* The menu: the term without a title and the node without an id go. */
	assert_int_equal(db_children(db, "home", "fr", &l), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].id, "p");
	assert_string_equal(l.v[0].title, "CPAS");
	assert_string_equal(l.v[1].title, "12345");
	assert_int_equal(l.v[1].kind, KIND_PAGE);
	db_list_free(&l);
	/* Search: the term is found by its body, and left out. */
	text_tokens("cpa", 16, &t);
	assert_int_equal(db_search(db, &t, "fr", NULL, 10, &h), 0);
	assert_int_equal(h.n, 1);
	assert_string_equal(h.v[0].id, "p");
	db_hits_free(&h);
	text_tokens_free(&t);
	/* A node: no value, no field; NULL dates are empty. */
	assert_int_equal(db_node_get(db, "t", "fr", &n), 0);
	assert_null(db_node_field(&n, "title"));
	assert_string_equal(n.checked, "");
	db_node_free(&n);
	assert_int_equal(db_node_get(db, "p", "fr", &n), 0);
	assert_null(db_node_field(&n, "phone"));
	assert_int_equal(n.nfields, 2);
	db_node_free(&n);
	/* Counts between 0 and DB_COUNT_MAX, no more done than there are. */
	assert_int_equal(db_language_get(db, "xx", &lang), 0);
	assert_int_equal(lang.texts, 0);
	assert_int_equal(lang.done, 0);
	assert_false(lang.reviewed);
	assert_int_equal(lang.ui_texts, 0);
	assert_int_equal(lang.ui_done, 0);
	db_close(db);
	unlink(path);
	free(path);
}

/*
 * A damaged search index: search fails and says so (DB_FAULT_SEARCH),
 * the rest of the database still reads, and it is not out of service.
 */
static void
test_damaged_index(void **state)
{
	char *path = temp_file("", 0), *err = NULL;
	struct db *db;
	struct db_hits h;
	struct db_node n;
	struct text_tokens t;
	sqlite3 *w;

	(void)state;
	loose_db(path, "INSERT INTO node VALUES ('home', NULL, 1, 'menu', 's', "
	         "'d', ''); INSERT INTO field VALUES ('home', 'title', 'fr', "
	         "'Accueil', 1); INSERT INTO node VALUES ('p', 'home', 1, 'page',"
	         " 's', 'd', ''); INSERT INTO field VALUES ('p', 'title', 'fr', "
	         "'Logement social', 1);");
	assert_int_equal(sqlite3_open(path, &w), SQLITE_OK);
	assert_int_equal(sqlite3_exec(w, "UPDATE search_data SET block = "
	                 "X'0000ffffffff0000ffffffff' WHERE id > 10", NULL, NULL,
	                 NULL), SQLITE_OK);
	sqlite3_close(w);
	assert_int_equal(db_open(path, &db, &err), 0);
	text_tokens("logement", 16, &t);
	assert_int_equal(db_search(db, &t, "fr", NULL, 10, &h), -1);
	assert_int_equal(db_fault(db), DB_FAULT_SEARCH);
	assert_false(db_damaged(db));
	assert_false(db_broken(db));
	assert_non_null(strstr(db_error(db), "searching"));
	text_tokens_free(&t);
	assert_int_equal(db_node_get(db, "p", "fr", &n), 0);
	assert_int_equal(db_fault(db), DB_FAULT_NONE);
	db_node_free(&n);
	db_close(db);
	unlink(path);
	free(path);
}

/* A FIFO given as the database, as a path or as a file: URI, is refused
   before SQLite opens it (opening it would block for ever). */
static void
test_not_a_file(void **state)
{
	char *path = temp_file("", 0), *uri, *err = NULL;
	struct db *db;

	(void)state;
	unlink(path);
	assert_int_equal(mkfifo(path, 0600), 0);
	uri = malloc(strlen(path) + 32);
	assert_non_null(uri);
	snprintf(uri, strlen(path) + 32, "file:%s?mode=ro", path);
	for (int i = 0; i < 2; i++) {
		const char *name = i ? uri : path;

		assert_int_equal(db_open(name, &db, &err), -1);
		assert_null(db);
		if (strstr(err, "not a regular file") == NULL)
			fail_msg("%s: %s", name, err);
		free(err);
	}
	unlink(path);
	free(path);
	free(uri);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_children),
		cmocka_unit_test(test_node),
		cmocka_unit_test(test_clean_text),
		cmocka_unit_test(test_links_path),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_contacts),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_hostile_values),
		cmocka_unit_test(test_damaged_index),
		cmocka_unit_test(test_not_a_file),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_many_languages),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("db", tests, setup_memdb,
	                                   teardown_memdb);
}
