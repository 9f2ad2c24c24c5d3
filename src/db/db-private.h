/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db-private.h - what the files of db/ share and nothing else sees: the
 * database handle, its prepared statements, and how an error is kept.
 * db.c owns the handle (open, check, statements, errors, the reads of the
 * menu tree); search.c ranks search results with it; row.c turns rows into
 * the program's types.
 */
#ifndef ACCUEIL_DB_PRIVATE_H
#define ACCUEIL_DB_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <sys/stat.h>

#include "db/types.h"

/* Every statement, prepared on first use and kept (db_start). */
enum db_stmt {
	ST_NODE, ST_FIELDS, ST_CHILDREN, ST_LINKS, ST_UP, ST_CONTACTS,
	ST_LANGUAGE, ST_HOME,
	ST_SEARCH, ST_FUZZY, ST_TERM, ST_KNOWN, ST_SPELL, ST_PRESENT,
	ST_COUNT
};

struct db {
	sqlite3 *h;
	sqlite3_stmt *st[ST_COUNT];
	char *error;            /* the last error, NULL when the last
	                           operation worked */
	char *path;
	enum db_fault fault;    /* what the last error means */
	bool words;             /* accueil_words is registered (search.c) */
	struct stat file;       /* the file opened (st_ino 0 for a URI) */
};

/*
 * Forgets the last error, prepares statement which from sql on its first
 * use, resets it and binds id and lang as ?1 and ?2 (NULL binds NULL).
 * Returns NULL, with the error set, when it cannot be prepared.
 */
sqlite3_stmt *db_start(struct db *db, enum db_stmt which, const char *sql,
                       const char *id, const char *lang);

/* Keeps the error of the last SQLite call, while doing what, as fault
   (DB_FAULT_DAMAGED is made DB_FAULT_VALUE for a value too long). */
void db_set_error(struct db *db, const char *what, enum db_fault fault);

/* Returns true when the menu tree can still be read (home is there), after
   an error elsewhere: then only that part is damaged. */
bool db_tree_readable(struct db *db);

#endif
