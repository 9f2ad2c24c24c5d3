/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-query.c - libFuzzer harness for what a person types into search:
 * folding, splitting into words, and the FTS5 queries built from them, run
 * against a real in-memory database with the program's schema. Any bytes
 * must give results or none, never an SQL or FTS5 error.
 */
#include <locale.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MEMDB "file:fuzzdb?mode=memory&cache=shared"

static sqlite3 *writer;
static struct db *db;

/* Creates the database from data/schema.sql (SCHEMA in the environment). */
static void
setup(void)
{
	static const char rows[] =
	    "INSERT INTO node VALUES ('home', NULL, 1, 'menu', 's', '2026-11-22', '');"
	    "INSERT INTO node VALUES ('a', 'home', 1, 'page', 's', '2026-11-22', '');"
	    "INSERT INTO field VALUES ('home', 'title', 'fr', 'Accueil', 1);"
	    "INSERT INTO field VALUES ('a', 'title', 'fr', 'Logement', 1);"
	    /* rowid: node 2 times one language (no language rows) */
	    "INSERT INTO search (rowid, title, body, lang, kind) VALUES "
	    "  (2, 'logement', 'droit au logement titre de sejour', "
	    "   'xfr', 'page');"
	    "INSERT INTO spell VALUES ('logement', 'logement', 1), "
	    "  ('logment', 'logement', 1);"
	    "INSERT INTO spell_tri (word) VALUES ('logement');";
	const char *path = getenv("ACCUEIL_SCHEMA");
	FILE *f = fopen(path ? path : "data/schema.sql", "rb");
	char *schema = calloc(1, 1 << 16), *err = NULL;

	if (f == NULL || schema == NULL)
		abort();
	fread(schema, 1, (1 << 16) - 1, f);
	fclose(f);
	if (sqlite3_open_v2(MEMDB, &writer, SQLITE_OPEN_READWRITE |
	                    SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, NULL) != SQLITE_OK ||
	    sqlite3_exec(writer, schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(writer, rows, NULL, NULL, NULL) != SQLITE_OK ||
	    db_open(MEMDB, &db, &err) != 0)
		abort();
	free(schema);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct model_results r;
	char *query = malloc(size + 1), *err = NULL;

	if (db == NULL) {
		setlocale(LC_ALL, "C.UTF-8");
		setup();
	}
	memcpy(query, data, size);
	query[size] = '\0';
	if (model_search(db, query, size % 2 ? "fr" : "ar", NULL, 20, &r,
	                 &err) != 0) {
		fprintf(stderr, "search error for %zu bytes: %s\n", size, err);
		abort();
	}
	model_results_free(&r);
	free(query);
	return 0;
}
