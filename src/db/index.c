/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * index.c - fills the search tables of a database being built (see
 * index.h): the folded form (text_fold) of every node's title and of all
 * its other texts (not the web addresses of its sources), per language,
 * in search, so that the program and the index fold text
 * with the very same code; the numbers written in groups also as one word
 * (text_numbers); then the spelling neighbours of the index's words in
 * spell (text_drop_char) and spell_tri. The rowid of an entry is the node's rowid times
 * the number of languages plus the language's number (see schema.sql).
 */
#include "db/index.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "db/kind.h"
#include "text/text-search.h"
#include "text/text.h"

/* Returns folded text s (taken) followed by its numbers as words. */
static char *
with_numbers(char *s)
{
	char *n = text_numbers(s), *out = xasprintf("%s %s", s, n);

	free(s);
	free(n);
	return out;
}

/* Indexes every node of db in search. Returns 0, or -1. */
static int
add_nodes(sqlite3 *db)
{
	/* Every text of a node in lang, French where lang has none, title apart. */
	static const char sql_nodes[] =
	    "SELECT n.rowid * (SELECT count(*) + 1 FROM language WHERE code <> "
	    "  'fr') + l.no, 'x' || l.lang, n.kind, "
	    "  (SELECT value FROM field WHERE node = n.id AND name = 'title' "
	    "   AND lang IN (l.lang, 'fr') ORDER BY lang = 'fr' LIMIT 1), "
	    "  (SELECT group_concat(value, ' · ') FROM (SELECT value FROM field f "
	    "   WHERE f.node = n.id AND f.name NOT IN ('title', 'sources') "
	    "   AND (f.lang = l.lang "
	    "   OR (f.lang = 'fr' AND NOT EXISTS (SELECT 1 FROM field g WHERE "
	    "   g.node = n.id AND g.name = f.name AND g.lang = l.lang))) "
	    "   ORDER BY f.name = 'body' DESC, f.name)) "
	    "FROM node n, (SELECT 'fr' AS lang, 0 AS no UNION ALL SELECT code, "
	    "  row_number() OVER (ORDER BY code) FROM language "
	    "  WHERE code <> 'fr') l "
	    "WHERE EXISTS (SELECT 1 FROM field WHERE node = n.id "
	    "  AND lang = l.lang)";
	sqlite3_stmt *sel, *ins;
	int rc = SQLITE_DONE;

	if (sqlite3_prepare_v2(db, sql_nodes, -1, &sel, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_prepare_v2(db, "INSERT INTO search (rowid, title, body, "
	                       "lang, kind) VALUES (?1, ?3, ?4, ?2, ?5)", -1,
	                       &ins, NULL) != SQLITE_OK) {
		sqlite3_finalize(sel);
		return -1;
	}
	while (rc == SQLITE_DONE && sqlite3_step(sel) == SQLITE_ROW) {
		const char *title = (const char *)sqlite3_column_text(sel, 3);
		const char *body = (const char *)sqlite3_column_text(sel, 4);
		char *ft, *fb;

		/* Only the kinds with words of their own are searched. */
		if (!kind_indexed(kind_parse((const char *)
		                             sqlite3_column_text(sel, 2))))
			continue;
		ft = text_fold(title ? title : "");
		fb = text_fold(body ? body : "");
		/* Numbers in groups, also whole: "081 71 35 28" is found by
		   "0817135", as text_tokens makes it. */
		ft = with_numbers(ft);
		fb = with_numbers(fb);
		sqlite3_bind_value(ins, 1, sqlite3_column_value(sel, 0));
		sqlite3_bind_value(ins, 2, sqlite3_column_value(sel, 1));
		sqlite3_bind_text(ins, 3, ft, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 4, fb, -1, SQLITE_STATIC);
		sqlite3_bind_value(ins, 5, sqlite3_column_value(sel, 2));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		free(ft);
		free(fb);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	return rc == SQLITE_DONE ? 0 : -1;
}

/*
 * Fills the tables spell and spell_tri from the vocabulary of the index:
 * each word of four to 32 characters, and in spell the word less each of
 * its characters.
 */
static int
add_spelling(sqlite3 *db)
{
	sqlite3_stmt *sel = NULL, *ins = NULL, *tri = NULL;
	int rc = SQLITE_DONE;

	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.words USING "
	                 "fts5vocab(main, search, 'col')", NULL, NULL,
	                 NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT term, sum(doc) FROM temp.words "
	                       "WHERE col IN ('title', 'body') GROUP BY term",
	                       -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO spell (near, word, "
	                       "docs) VALUES (?1, ?2, ?3)", -1, &ins,
	                       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO spell_tri (word) VALUES (?1)",
	                       -1, &tri, NULL) != SQLITE_OK) {
		sqlite3_finalize(sel);
		sqlite3_finalize(ins);
		return -1;
	}
	while (rc == SQLITE_DONE && sqlite3_step(sel) == SQLITE_ROW) {
		const char *w = (const char *)sqlite3_column_text(sel, 0);
		size_t chars = w ? text_chars(w) : 0;

		/* Words, not numbers. */
		if (chars < 4 || chars > 32 || w[strspn(w, "0123456789")] == '\0')
			continue;
		sqlite3_bind_text(tri, 1, w, -1, SQLITE_STATIC);
		rc = sqlite3_step(tri);
		sqlite3_reset(tri);
		for (size_t i = 0;; i++) {
			char *near = i == 0 ? xstrdup(w)
			             : text_drop_char(w, i - 1);

			if (near == NULL)
				break;
			sqlite3_bind_text(ins, 1, near, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 2, w, -1, SQLITE_STATIC);
			sqlite3_bind_int(ins, 3, sqlite3_column_int(sel, 1));
			rc = sqlite3_step(ins);
			sqlite3_reset(ins);
			free(near);
			if (rc != SQLITE_DONE)
				break;
		}
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	sqlite3_finalize(tri);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Fills the search tables of the database at path. */
int
db_index_build(const char *path, char **err)
{
	sqlite3 *db = NULL;
	int rc;

	*err = NULL;
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI,
	                     NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "BEGIN", NULL, NULL, NULL);
	if (rc == SQLITE_OK && (add_nodes(db) != 0 || add_spelling(db) != 0))
		rc = SQLITE_ERROR;
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(db, "COMMIT; INSERT INTO search(search) VALUES "
		                  "('optimize'); INSERT INTO spell_tri(spell_tri) "
		                  "VALUES ('optimize')", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		*err = xasprintf("%s: cannot index: %s", path,
		                 db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
	sqlite3_close(db);
	return rc == SQLITE_OK ? 0 : -1;
}
