/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fixture.c - the unit tests' own small database (see fixture.h).
 */
#include "fixture.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/index.h"

/* A no-break space, as data/build-db.py writes between digit groups. */
#define NB "' || char(160) || '"

const char fixture_rows[] =
    "INSERT INTO language VALUES ('ar', 10, 5, 0, 10, 5, 0);"
    "INSERT INTO language VALUES ('en', 10, 10, 1, 10, 10, 1);"
    "INSERT INTO node VALUES ('home', NULL, 1, 'menu', '', '2026-11-22', '');"
    "INSERT INTO node VALUES ('search', 'home', 9, 'search', '', "
    "  '2026-11-22', '');"
    "INSERT INTO node VALUES ('themes', 'home', 1, 'menu', '', '2026-11-22', "
    "  '');"
    "INSERT INTO node VALUES ('racisme', 'themes', 1, 'page', 'site, 2024', "
    "  '2026-11-22', '2024');"
    "INSERT INTO node VALUES ('logement', 'themes', 2, 'page', 'site', "
    "  '2026-11-22', '2013');"
    "INSERT INTO node VALUES ('contacts', 'home', 2, 'menu', '', "
    "  '2026-11-22', '');"
    "INSERT INTO node VALUES ('sami', 'contacts', 1, 'contact', 'site', "
    "  '2026-11-22', '');"
    "INSERT INTO node VALUES ('unia', 'contacts', 2, 'contact', 'site', "
    "  '2026-11-22', '');"
    "INSERT INTO node VALUES ('cai', 'contacts', 3, 'contact', 'site', "
    "  '2026-11-22', '');"
    "INSERT INTO node VALUES ('urgences', 'home', 3, 'page', 'site', "
    "  '2026-11-22', '');"
    "INSERT INTO node VALUES ('lex-cpas', 'home', 4, 'term', 'site', "
    "  '2026-11-22', '');"
    "INSERT INTO field (node, name, lang, value) VALUES "
    "  ('home', 'title', 'fr', 'Accueil'),"
    "  ('home', 'title', 'ar', 'الرئيسية'),"
    "  ('home', 'title', 'en', 'Home'),"
    "  ('search', 'title', 'fr', 'Recherche'),"
    "  ('themes', 'title', 'fr', 'Thématiques'),"
    "  ('racisme', 'title', 'fr', 'Lutte contre le racisme'),"
    "  ('racisme', 'title', 'ar', 'مكافحة العنصرية'),"
    "  ('racisme', 'body', 'fr', 'Le CAI aide les victimes de "
    "     discrimination et de racisme, avec le CPAS.'),"
    "  ('racisme', 'body', 'ar', 'يساعد المركز ضحايا العنصرية والتمييز.'),"
    "  ('logement', 'title', 'fr', 'Logement'),"
    "  ('logement', 'title', 'en', 'Housing'),"
    "  ('logement', 'body', 'fr', 'Trouver un logement à Namur : "
    "     demandez au CPAS.'),"
    "  ('contacts', 'title', 'fr', 'Contacts'),"
    "  ('sami', 'title', 'fr', 'Sami (racisme)'),"
    "  ('sami', 'role', 'fr', 'Lutte contre le racisme'),"
    "  ('sami', 'phone', 'fr', '081" NB "71" NB "35" NB "28'),"
    "  ('sami', 'email', 'fr', 'sami@example.org'),"
    "  ('sami', 'address', 'fr', 'Rue de Fer 42, 5000 Namur'),"
    "  ('unia', 'title', 'fr', 'Unia'),"
    "  ('unia', 'phone', 'fr', '0479/99.28.21'),"
    "  ('cai', 'title', 'fr', 'CAI'),"
    "  ('cai', 'phone', 'fr', '081" NB "22" NB "33" NB "44'),"
    "  ('urgences', 'title', 'fr', 'Numéros d''urgence'),"
    "  ('urgences', 'body', 'fr', 'Police : 101. Child Focus : 116" NB "000.'),"
    "  ('lex-cpas', 'phone', 'fr', '116" NB "111'),"
    "  ('lex-cpas', 'title', 'fr', 'CPAS'),"
    "  ('lex-cpas', 'body', 'fr', 'Centre public d''action sociale.'),"
    "  ('lex-cpas', 'body', 'ar', 'المركز العام للعمل الاجتماعي.');"
    "INSERT INTO link VALUES ('racisme', 1, 'sami');";

/* Returns the whole file at path (caller frees), or fails the test. */
char *
fixture_slurp(const char *path)
{
	FILE *f = path ? fopen(path, "rb") : NULL;
	char *buf;
	long n;

	if (f == NULL)
		fail_msg("cannot read %s (ACCUEIL_SCHEMA)", path ? path : "NULL");
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

/* Creates and indexes the database at path. */
const char *
fixture_build(const char *path, const char *sql)
{
	char *schema = fixture_slurp(getenv("ACCUEIL_SCHEMA")), *err = NULL;
	sqlite3 *h;

	assert_int_equal(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE |
	                 SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL), SQLITE_OK);
	if (sqlite3_exec(h, schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		fail_msg("fixture: %s", sqlite3_errmsg(h));
	free(schema);
	if (db_index_build(path, &err) != 0)
		fail_msg("fixture: %s", err);
	sqlite3_close(h);
	return path;
}

/* Returns a new temporary file name. */
char *
fixture_temp(void)
{
	char *path = strdup("/tmp/accueil-test-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	return path;
}

struct db *fixture_db;
static char *fixture_path;

/* Builds and opens the fixture. */
int
fixture_open(void **state)
{
	char *err = NULL;

	(void)state;
	fixture_path = fixture_temp();
	fixture_build(fixture_path, fixture_rows);
	if (db_open(fixture_path, &fixture_db, &err) != 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	return 0;
}

/* Closes and removes the fixture. */
int
fixture_close(void **state)
{
	(void)state;
	db_close(fixture_db);
	fixture_db = NULL;
	unlink(fixture_path);
	free(fixture_path);
	return 0;
}
