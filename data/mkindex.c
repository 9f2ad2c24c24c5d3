/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * mkindex.c - fills the search tables of a freshly built database.
 *
 * Usage: mkindex IN.db OUT.db
 *
 * Copies IN.db to OUT.db.tmp and indexes it with db_index_build (the code
 * the unit tests index their own small database with, src/db/index.c).
 * The finished file then replaces OUT.db at once (rename): a kiosk that is
 * reading OUT.db, and holds its read lock, keeps the file it opened, never
 * half a build.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "db/index.h"

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

int
main(int argc, char **argv)
{
	sqlite3 *db;
	char *tmp, *err = NULL;

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
	if (db_index_build(tmp, &err) != 0) {
		fprintf(stderr, "mkindex: %s\n", err);
		unlink(tmp);
		return 1;
	}
	/* The smallest file: the pages left by the build go. */
	if (sqlite3_open(tmp, &db) != SQLITE_OK ||
	    sqlite3_exec(db, "VACUUM", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_close(db) != SQLITE_OK) {
		fprintf(stderr, "mkindex: %s: %s\n", tmp, sqlite3_errmsg(db));
		unlink(tmp);
		return 1;
	}
	if (rename(tmp, argv[2]) != 0) {
		fprintf(stderr, "mkindex: cannot replace %s\n", argv[2]);
		unlink(tmp);
		return 1;
	}
	free(tmp);
	return 0;
}
