/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * row.c - rows into the program's types, refusing what cannot be shown
 * (see row.h).
 */
#include "db/row.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "db/kind.h"
#include "text/text.h"

/* Returns the bytes of text column i of st, at most max, cut at a
   character; NULL for NULL. */
static const char *
column_bytes(sqlite3_stmt *st, int i, size_t max, size_t *n)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	if (s == NULL)
		return NULL;
	*n = (size_t)sqlite3_column_bytes(st, i);
	if (*n > max) {
		*n = max;
		while (*n > 0 && ((unsigned char)s[*n] & 0xc0) == 0x80)
			(*n)--;
	}
	return s;
}

/* Returns a clean copy of column i, at most max bytes ("" for NULL). */
static char *
column_text(sqlite3_stmt *st, int i, size_t max)
{
	size_t n = 0;
	const char *s = column_bytes(st, i, max, &n);

	return s != NULL ? text_clean(s, n) : xstrdup("");
}

/* Returns a clean copy of text column i of st. */
char *
db_row_text(sqlite3_stmt *st, int i)
{
	return column_text(st, i, (size_t)DB_VALUE_MAX);
}

/* Returns true when column i of st holds a text to show. */
bool
db_row_has(sqlite3_stmt *st, int i)
{
	char *s;
	bool has;

	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return false;
	s = column_text(st, i, DB_TEXT_MAX);
	has = s[strspn(s, " ")] != '\0';
	free(s);
	return has;
}

/* Returns column i of st as a count. */
int
db_row_count(sqlite3_stmt *st, int i)
{
	sqlite3_int64 v = sqlite3_column_int64(st, i);

	if (v < 0)
		return 0;
	return v > DB_COUNT_MAX ? DB_COUNT_MAX : (int)v;
}

/* Returns the kind named in column i of st. */
int
db_row_kind(sqlite3_stmt *st, int i)
{
	int k = kind_parse((const char *)sqlite3_column_text(st, i));

	return k < 0 ? KIND_PAGE : k;
}

/* Fills *e from st's row, unless it cannot be shown. */
bool
db_row_entry(sqlite3_stmt *st, struct db_entry *e)
{
	if (!db_row_has(st, 0) || !db_row_has(st, 2))
		return false;
	e->id = column_text(st, 0, DB_TEXT_MAX);
	e->kind = db_row_kind(st, 1);
	e->title = column_text(st, 2, DB_TEXT_MAX);
	e->fallback = sqlite3_column_int(st, 3) != 0;
	return true;
}

/* Fills *h from st's row, unless it cannot be shown. */
bool
db_row_hit(sqlite3_stmt *st, struct db_hit *h)
{
	if (!db_row_has(st, 0) || !db_row_has(st, 2))
		return false;
	h->id = column_text(st, 0, DB_TEXT_MAX);
	h->kind = db_row_kind(st, 1);
	h->title = column_text(st, 2, DB_TEXT_MAX);
	h->fallback = sqlite3_column_int(st, 3) != 0;
	h->section = column_text(st, 4, DB_TEXT_MAX);
	h->text = db_row_text(st, 5);
	h->words = sqlite3_column_count(st) > 6 ? db_row_count(st, 6) : 0;
	return true;
}

/* Fills *f from st's row, unless it has no name or no value. */
bool
db_row_field(sqlite3_stmt *st, struct db_field *f)
{
	if (!db_row_has(st, 0) || sqlite3_column_type(st, 1) == SQLITE_NULL)
		return false;
	f->name = column_text(st, 0, DB_TEXT_MAX);
	f->value = db_row_text(st, 1);
	f->fallback = sqlite3_column_int(st, 2) != 0;
	return true;
}

/* Fills *l from a language row: counts, and no more done than there are. */
void
db_row_language(sqlite3_stmt *st, struct db_language *l)
{
	l->texts = db_row_count(st, 0);
	l->done = db_row_count(st, 1);
	l->reviewed = sqlite3_column_int64(st, 2) != 0;
	l->ui_texts = db_row_count(st, 3);
	l->ui_done = db_row_count(st, 4);
	l->ui_reviewed = sqlite3_column_int64(st, 5) != 0;
	if (l->done > l->texts)
		l->done = l->texts;
	if (l->ui_done > l->ui_texts)
		l->ui_done = l->ui_texts;
}
