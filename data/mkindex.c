/*
 * mkindex.c - fills the search columns of a freshly built database.
 *
 * Usage: mkindex IN.db OUT.db
 *
 * Copies IN.db to OUT.db, then stores in table fold the folded form
 * (text_fold) of every node's title and of all its texts, per language, so
 * that the program and the index fold text with the very same code.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
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

/* Stops with the database's error. */
static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "mkindex: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

int
main(int argc, char **argv)
{
	/* Every text of a node in lang, French where lang has none, title apart. */
	static const char sql_nodes[] =
	    "SELECT n.id, l.lang, "
	    "  (SELECT value FROM field WHERE node = n.id AND name = 'title' "
	    "   AND lang IN (l.lang, 'fr') ORDER BY lang = 'fr' LIMIT 1), "
	    "  (SELECT group_concat(value, ' ') FROM field f WHERE f.node = n.id "
	    "   AND f.name <> 'title' AND (f.lang = l.lang OR (f.lang = 'fr' AND "
	    "   NOT EXISTS (SELECT 1 FROM field g WHERE g.node = n.id AND "
	    "   g.name = f.name AND g.lang = l.lang)))) "
	    "FROM node n, (SELECT DISTINCT lang FROM field) l "
	    "WHERE EXISTS (SELECT 1 FROM field WHERE node = n.id AND "
	    "  lang = l.lang)";
	sqlite3 *db;
	sqlite3_stmt *sel, *ins;

	if (argc != 3) {
		fputs("usage: mkindex IN.db OUT.db\n", stderr);
		return 2;
	}
	if (copy_file(argv[1], argv[2]) != 0) {
		fprintf(stderr, "mkindex: cannot copy %s to %s\n", argv[1], argv[2]);
		return 1;
	}
	if (sqlite3_open(argv[2], &db) != SQLITE_OK)
		die(db, argv[2]);
	if (sqlite3_exec(db, "BEGIN; DELETE FROM fold", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "starting");
	if (sqlite3_prepare_v2(db, sql_nodes, -1, &sel, NULL) != SQLITE_OK)
		die(db, "reading nodes");
	if (sqlite3_prepare_v2(db, "INSERT INTO fold VALUES (?, ?, ?, ?)", -1,
	                       &ins, NULL) != SQLITE_OK)
		die(db, "preparing the index");
	while (sqlite3_step(sel) == SQLITE_ROW) {
		const char *title = (const char *)sqlite3_column_text(sel, 2);
		const char *body = (const char *)sqlite3_column_text(sel, 3);
		char *ft = text_fold(title ? title : "");
		char *fb = text_fold(body ? body : "");

		sqlite3_bind_text(ins, 1, (const char *)sqlite3_column_text(sel, 0),
		                  -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 2, (const char *)sqlite3_column_text(sel, 1),
		                  -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(ins, 3, ft, -1, free);
		sqlite3_bind_text(ins, 4, fb, -1, free);
		if (sqlite3_step(ins) != SQLITE_DONE)
			die(db, "writing the index");
		sqlite3_reset(ins);
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(ins);
	if (sqlite3_exec(db, "COMMIT; VACUUM", NULL, NULL, NULL) != SQLITE_OK)
		die(db, "saving");
	sqlite3_close(db);
	return 0;
}
