/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mkindex.c - fills the search columns of a freshly built database.
 *
 * Usage: mkindex IN.db OUT.db
 *
 * Copies IN.db to OUT.db.tmp, then indexes in the full-text tables search and
 * search_tri the folded form (text_fold) of every node's title and of all
 * its other texts (not the web addresses of its sources), per language, so
 * that the program and the index fold text with the very same code, with
 * the numbers written in groups also as one word (text_numbers). The rowid
 * of an entry is the node's rowid times the number of languages plus the
 * language's number (see schema.sql). Then it fills the table spell with
 * the spelling neighbours of the index's words (text_drop_char). The
 * finished file
 * then replaces OUT.db at once (rename): a kiosk that is reading OUT.db,
 * and holds its read lock, keeps the file it opened, never half a build.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "db/kind.h"
#include "text/text-search.h"
#include "text/text.h"

/* Copies the file at from to to. Returns 0, or -1. */
static int
copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = in ? fopen(to, "wb") : NULL;
	char buf[65536];
	size_t n;
	int rc = 0;

	if (in == NULL || out == NULL)
		rc = -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n)
			rc = -1;
	if (in != NULL && ferror(in))
		rc = -1;
	if (in != NULL)
		fclose(in);
	if (out != NULL && fclose(out) != 0)
		rc = -1;
	return rc;
}

static char *tmp;   /* the file being built */

/* Stops with the database's error, leaving no file half built. */
static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "mkindex: %s: %s\n", what, sqlite3_errmsg(db));
	sqlite3_close(db);
	unlink(tmp);
	exit(1);
}

/*
 * Fills the table spell from the vocabulary of the index: each word of
 * four to 32 characters, and the word less each of its characters.
 */
static void
add_spelling(sqlite3 *db)
{
	sqlite3_stmt *sel, *ins;

	if (sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.words USING "
	                 "fts5vocab(main, search, 'col')", NULL, NULL,
	                 NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT term, sum(doc) FROM temp.words "
	                       "WHERE col IN ('title', 'body') GROUP BY term",
	                       -1, &sel, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT OR IGNORE INTO spell (near, word, "
	                       "docs) VALUES (?1, ?2, ?3)", -1, &ins,
	                       NULL) != SQLITE_OK)
		die(db, "reading the vocabulary");
	while (sqlite3_step(sel) == SQLITE_ROW) {
		const char *w = (const char *)sqlite3_column_text(sel, 0);
		size_t chars = w ? text_chars(w) : 0;

		/* Words, not numbers. */
		if (chars < 4 || chars > 32 || w[strspn(w, "0123456789")] == '\0')
			continue;
		for (size_t i = 0;; i++) {
			char *near = i == 0 ? xstrdup(w)
			             : text_drop_char(w, i - 1);

			if (near == NULL)
				break;
			sqlite3_bind_text(ins, 1, near, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 2, w, -1, SQLITE_STATIC);
			sqlite3_bind_int(ins, 3, sqlite3_column_int(sel, 1));
			if (sqlite3_step(ins) != SQLITE_DONE)
				die(db, "writing the spelling");
			sqlite3_reset(ins);
			free(near);
		}
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
}

int
main(int argc, char **argv)
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
	    "WHERE EXISTS (SELECT 1 FROM field WHERE node = n.id AND lang = l.lang)";
	sqlite3 *db;
	sqlite3_stmt *sel, *ins[2];

	if (argc != 3) {
		fputs("usage: mkindex IN.db OUT.db\n", stderr);
		return 2;
	}
	tmp = xasprintf("%s.tmp", argv[2]);
	if (copy_file(argv[1], tmp) != 0) {
		fprintf(stderr, "mkindex: cannot copy %s to %s\n", argv[1], tmp);
		unlink(tmp);
		return 1;
	}
	if (sqlite3_open(tmp, &db) != SQLITE_OK)
		die(db, tmp);
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "starting");
	if (sqlite3_prepare_v2(db, sql_nodes, -1, &sel, NULL) != SQLITE_OK)
		die(db, "reading nodes");
	if (sqlite3_prepare_v2(db, "INSERT INTO search (rowid, title, body, "
	                       "lang, kind) VALUES (?1, ?3, ?4, ?2, ?5)", -1,
	                       &ins[0], NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO search_tri (rowid, title, lang, "
	                       "kind) VALUES (?1, ?3, ?2, ?5)", -1, &ins[1],
	                       NULL) != SQLITE_OK)
		die(db, "preparing the index");
	while (sqlite3_step(sel) == SQLITE_ROW) {
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
		{
			char *nt = text_numbers(ft), *nb = text_numbers(fb);
			char *t2 = xasprintf("%s %s", ft, nt);
			char *b2 = xasprintf("%s %s", fb, nb);

			free(ft);
			free(fb);
			free(nt);
			free(nb);
			ft = t2;
			fb = b2;
		}

		for (int t = 0; t < 2; t++) {
			sqlite3_bind_value(ins[t], 1, sqlite3_column_value(sel, 0));
			sqlite3_bind_value(ins[t], 2, sqlite3_column_value(sel, 1));
			sqlite3_bind_text(ins[t], 3, ft, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins[t], 4, fb, -1, SQLITE_STATIC);
			sqlite3_bind_value(ins[t], 5, sqlite3_column_value(sel, 2));
			if (sqlite3_step(ins[t]) != SQLITE_DONE)
				die(db, "writing the index");
			sqlite3_reset(ins[t]);
		}
		free(ft);
		free(fb);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins[0]);
	sqlite3_finalize(ins[1]);
	add_spelling(db);
	if (sqlite3_exec(db, "COMMIT; INSERT INTO search(search) VALUES "
	                 "('optimize'); INSERT INTO search_tri(search_tri) VALUES "
	                 "('optimize'); VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "saving");
	if (sqlite3_close(db) != SQLITE_OK)
		die(db, "closing");
	if (rename(tmp, argv[2]) != 0) {
		fprintf(stderr, "mkindex: cannot replace %s\n", argv[2]);
		unlink(tmp);
		return 1;
	}
	free(tmp);
	return 0;
}
