/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fixture.h - the small database the unit tests build for themselves:
 * data/schema.sql (ACCUEIL_SCHEMA in the environment), a few rows of
 * content written here, indexed by db_index_build as data/mkindex indexes
 * the bundled one. A change of the real content breaks none of them.
 */
#ifndef ACCUEIL_TEST_FIXTURE_H
#define ACCUEIL_TEST_FIXTURE_H

/* A small tree: home, a menu of themes, pages on racism and housing, three
   contact cards, a glossary term, emergency numbers, in French, with
   Arabic and English titles and texts for some. */
extern const char fixture_rows[];

/*
 * Creates the database at path (a file name or a "file:" URI) from the
 * schema and the rows of sql, then indexes it; fails the test on any
 * error. Returns path.
 */
const char *fixture_build(const char *path, const char *sql);

/* Returns a new temporary file name (caller unlinks and frees). */
char *fixture_temp(void);

/* Returns the whole file at path (caller frees), or fails the test. */
char *fixture_slurp(const char *path);

/* Builds fixture_rows in a temporary file and opens it (a cmocka group
   setup); fixture_close closes it and removes the file. */
int fixture_open(void **state);
int fixture_close(void **state);

/* The database fixture_open opened. */
extern struct db *fixture_db;

#endif
