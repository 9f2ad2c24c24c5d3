/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * row.h - the one place where a row read from the database becomes the
 * program's types. Any column may be NULL, of another type, huge or made
 * of bad bytes: a text comes out clean (text_clean) and at most
 * DB_TEXT_MAX bytes for a name or a title, a count between 0 and
 * DB_COUNT_MAX, a kind from the kind table; a row that cannot be shown (no
 * id, no title) is refused, and the caller skips it.
 */
#ifndef ACCUEIL_DB_ROW_H
#define ACCUEIL_DB_ROW_H

#include <sqlite3.h>
#include <stdbool.h>

#include "db/types.h"

/* The longest id, name or title kept, in bytes (cut at a character). */
#define DB_TEXT_MAX 4096

/* The largest count read (language statistics). */
#define DB_COUNT_MAX 1000000

/* Returns a clean copy of text column i of st ("" for NULL). */
char *db_row_text(sqlite3_stmt *st, int i);

/* Returns true when column i of st holds a text to show (not NULL, not
   empty once clean). */
bool db_row_has(sqlite3_stmt *st, int i);

/* Returns column i of st as a count, 0 to DB_COUNT_MAX. */
int db_row_count(sqlite3_stmt *st, int i);

/* Returns the kind named in column i of st (a page if unknown). */
int db_row_kind(sqlite3_stmt *st, int i);

/*
 * Fills *e from columns id, kind, title, fallback of st's row. Returns
 * false, filling nothing, when the row has no id or no title.
 */
bool db_row_entry(sqlite3_stmt *st, struct db_entry *e);

/*
 * Fills *h from columns id, kind, title, fallback, section, text (and the
 * count of words, when there is a seventh column) of st's row. Returns
 * false, filling nothing, when the row has no id or no title.
 */
bool db_row_hit(sqlite3_stmt *st, struct db_hit *h);

/* Fills *f from columns name, value, fallback. Returns false, filling
   nothing, when the row has no name or its value is NULL. */
bool db_row_field(sqlite3_stmt *st, struct db_field *f);

/* Fills *l from the six count columns of a language row. */
void db_row_language(sqlite3_stmt *st, struct db_language *l);

#endif
