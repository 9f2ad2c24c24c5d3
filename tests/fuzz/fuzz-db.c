/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-db.c - libFuzzer harness for hostile databases: the tables of the
 * bundled database (ACCUEIL_DB; a part of it, with the schema's NOT NULL
 * and WITHOUT ROWID taken away, as a hostile file may have them) are
 * copied once into a template; each input is a list of mutations of its
 * values (NULL, integers, reals, any bytes, huge texts, blobs; in the
 * content tables and in the search index's own tables), applied to a copy,
 * which the program then opens and reads as the screens do: every node as
 * a view in two languages, searches, the directory, the language counts.
 * Errors are allowed; a crash, a sanitizer report, or a string that is not
 * clean UTF-8 is not.
 *
 * An input is a list of records of 6 bytes and a text: table, column,
 * which rows (one at an offset, all, one in eight), the kind of value,
 * the offset, the length of the text that follows.
 */
#include <locale.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/index.h"
#include "model/model.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The tables mutated: content, then the index's own. */
static const char *const tables[] = {
	"node", "field", "link", "language", "spell", "search_data",
	"search_idx", "spell_tri_data",
};

static unsigned char *image;    /* the template database, serialized */
static sqlite3_int64 image_size;
static char path[64];           /* the copy each input mutates */

/* Stops the run: the harness itself cannot work. */
static void
die(const char *what, sqlite3 *h)
{
	fprintf(stderr, "fuzz-db: %s: %s\n", what, h ? sqlite3_errmsg(h) : "");
	abort();
}

/* Removes the copy at exit. */
static void
remove_copy(void)
{
	unlink(path);
}

/* Makes the template from the schema and a part of the bundled database. */
static void
setup(void)
{
	static const char copy[] =
	    "ATTACH ?1 AS b;"
	    "INSERT INTO node SELECT * FROM b.node WHERE rowid <= 40;"
	    "INSERT INTO field SELECT * FROM b.field WHERE lang IN ('fr', 'ar')"
	    "  AND node IN (SELECT id FROM node);"
	    "INSERT INTO link SELECT * FROM b.link WHERE node IN (SELECT id FROM"
	    "  node) AND target IN (SELECT id FROM node);"
	    "INSERT INTO language SELECT * FROM b.language WHERE code = 'ar';";
	const char *schema_path = getenv("ACCUEIL_SCHEMA");
	const char *bundled = getenv("ACCUEIL_DB");
	FILE *f = fopen(schema_path ? schema_path : "data/schema.sql", "rb");
	char *schema = calloc(1, 1 << 16), *p, *err = NULL;
	sqlite3 *h;
	sqlite3_stmt *st;

	if (f == NULL || schema == NULL || bundled == NULL)
		die("ACCUEIL_SCHEMA and ACCUEIL_DB name the schema and the "
		    "bundled database", NULL);
	fread(schema, 1, (1 << 16) - 1, f);
	fclose(f);
	while ((p = strstr(schema, "NOT NULL")) != NULL)
		memset(p, ' ', 8);
	while ((p = strstr(schema, "WITHOUT ROWID")) != NULL)
		memset(p, ' ', 13);
	/* In memory when it can: each input writes the copy again. */
	snprintf(path, sizeof path, "%s/fuzz-db-%d.db",
	         access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp",
	         (int)getpid());
	unlink(path);
	atexit(remove_copy);
	if (sqlite3_open(path, &h) != SQLITE_OK ||
	    sqlite3_exec(h, schema, NULL, NULL, NULL) != SQLITE_OK)
		die("schema", h);
	/* ATTACH with a bound name, then the copies. */
	for (const char *sql = copy; *sql != '\0';) {
		const char *tail;

		if (sqlite3_prepare_v2(h, sql, -1, &st, &tail) != SQLITE_OK)
			die("copy", h);
		sqlite3_bind_text(st, 1, bundled, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			die("copy", h);
		sqlite3_finalize(st);
		sql = tail;
	}
	sqlite3_exec(h, "DETACH b", NULL, NULL, NULL);
	sqlite3_close(h);
	free(schema);
	if (db_index_build(path, &err) != 0)
		die(err, NULL);
	f = fopen(path, "rb");
	if (f == NULL)
		die("template", NULL);
	fseek(f, 0, SEEK_END);
	image_size = ftell(f);
	rewind(f);
	image = malloc((size_t)image_size);
	if (image == NULL || fread(image, 1, (size_t)image_size, f) !=
	    (size_t)image_size)
		die("template", NULL);
	fclose(f);
}

/* Binds as ?1 the value of kind k made from the n bytes at s (a huge one
   only when one row takes it). */
static void
bind_value(sqlite3_stmt *st, int k, const uint8_t *s, size_t n, bool one)
{
	sqlite3_int64 v = 0;

	memcpy(&v, s, n < sizeof v ? n : sizeof v);
	if (k % 7 == 5 && !one)
		k = 3;
	switch (k % 7) {
	case 0:
		sqlite3_bind_null(st, 1);
		break;
	case 1:
		sqlite3_bind_int64(st, 1, v);
		break;
	case 2:
		sqlite3_bind_double(st, 1, (double)v * 1e300);
		break;
	case 3:
		sqlite3_bind_text(st, 1, (const char *)s, (int)n, SQLITE_STATIC);
		break;
	case 4:
		sqlite3_bind_blob(st, 1, s, (int)n, SQLITE_STATIC);
		break;
	case 5: {
		/* Huge: the text repeated, 256 KiB. */
		size_t len = 256 * 1024;
		char *huge = malloc(len);

		if (huge == NULL)
			abort();
		for (size_t i = 0; i < len; i++)
			huge[i] = n > 0 ? (char)s[i % n] : 'x';
		sqlite3_bind_text(st, 1, huge, (int)len, free);
		break;
	}
	default:
		sqlite3_bind_int64(st, 1, v < 0 ? INT64_MIN : INT32_MIN);
		break;
	}
}

/* Applies the mutations of data to the database at path. */
static void
mutate(const uint8_t *data, size_t size)
{
	sqlite3 *h;

	if (sqlite3_open(path, &h) != SQLITE_OK)
		die("copy", h);
	/* A copy: nothing to keep safe on disk. */
	sqlite3_exec(h, "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY;"
	             " BEGIN", NULL, NULL, NULL);
	while (size >= 6) {
		const char *table = tables[data[0] % (sizeof tables /
		                                      sizeof *tables)];
		size_t n = data[5] < size - 6 ? data[5] : size - 6;
		char sql[256], col[64] = "";
		sqlite3_stmt *st;
		int ncols = 0;

		/* The column: the table's own list, by number. */
		snprintf(sql, sizeof sql, "SELECT name FROM pragma_table_info('%s')",
		         table);
		if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
			while (sqlite3_step(st) == SQLITE_ROW)
				if (ncols++ == data[1] % 8 || col[0] == '\0')
					snprintf(col, sizeof col, "%s",
					         sqlite3_column_text(st, 0));
			sqlite3_finalize(st);
		}
		switch (data[2] % 3) {
		case 0:
			snprintf(sql, sizeof sql, "UPDATE %s SET \"%s\" = ?1 WHERE "
			         "rowid = (SELECT rowid FROM %s LIMIT 1 OFFSET %d)",
			         table, col, table, data[4]);
			break;
		case 1:
			snprintf(sql, sizeof sql, "UPDATE %s SET \"%s\" = ?1", table,
			         col);
			break;
		default:
			snprintf(sql, sizeof sql, "UPDATE %s SET \"%s\" = ?1 WHERE "
			         "rowid %% 8 = %d", table, col, data[4] % 8);
			break;
		}
		if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK) {
			bind_value(st, data[3], data + 6, n, data[2] % 3 == 0);
			sqlite3_step(st);
			sqlite3_finalize(st);
		}
		data += 6 + n;
		size -= 6 + n;
	}
	sqlite3_exec(h, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h);
}

/* Stops when a string the program would show is not clean. */
static void
check_clean(const char *s)
{
	if (s == NULL || !text_is_clean(s, strlen(s)))
		abort();
}

/* Reads the database at path as the screens do. */
static void
read_all(void)
{
	static const char *const queries[] = {
		"cpa", "racisme", "rasisme", "081 71", "0479", "العنصرية", "ra",
	};
	struct db *db;
	struct model_view home;
	struct model_results r;
	struct db_language l;
	char *err = NULL;

	if (db_open(path, &db, &err) != 0) {
		check_clean(err);
		free(err);
		return;
	}
	if (model_view_load(db, "home", "ar", &home, &err) == 0) {
		for (size_t i = 0; i < home.entries.n; i++) {
			struct model_view v;

			check_clean(home.entries.v[i].title);
			if (model_view_load(db, home.entries.v[i].id, "fr", &v,
			                    &err) == 0) {
				for (size_t j = 0; j < v.npara; j++)
					check_clean(v.para[j].text);
				model_view_free(&v);
			}
			free(err);
			err = NULL;
		}
		model_view_free(&home);
	}
	free(err);
	err = NULL;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		if (model_search(db, queries[i], i % 2 ? "ar" : "fr", NULL, 20, &r,
		                 &err) == 0) {
			for (size_t j = 0; j < r.hits.n; j++) {
				check_clean(r.hits.v[j].title);
				check_clean(r.hits.v[j].text);
			}
			model_results_free(&r);
		}
		free(err);
		err = NULL;
	}
	if (model_contacts(db, "", "fr", &r, &err) == 0)
		model_results_free(&r);
	free(err);
	if (db_language_get(db, "ar", &l) == 0 &&
	    (l.texts < 0 || l.done < 0 || l.done > l.texts))
		abort();
	db_close(db);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f;

	if (image == NULL) {
		setlocale(LC_ALL, "C.UTF-8");
		setup();
	}
	f = fopen(path, "wb");
	if (f == NULL || fwrite(image, 1, (size_t)image_size, f) !=
	    (size_t)image_size)
		die("copy", NULL);
	fclose(f);
	mutate(data, size);
	read_all();
	return 0;
}
