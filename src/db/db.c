/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db.c - the content database: opening it read-only, checking it, its
 * prepared statements and errors, and the reads of the menu tree (see
 * db.h). Search is in search.c, rows become the program's types in row.c.
 *
 * Opening checks the schema version and that every table is there; each
 * statement is prepared the first time it is used and kept, so that later
 * queries only bind and step.
 */
#include "db/db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "db/db-private.h"
#include "db/kind.h"
#include "db/row.h"
#include "text/text.h"

/* The title of a node in lang, else in French, and whether it fell back. */
#define TITLE_COLUMNS \
	"coalesce(t.value, f.value), t.value IS NULL AND ?2 <> 'fr' "
#define TITLE_JOINS \
	"JOIN field f ON f.node = n.id AND f.name = 'title' AND f.lang = 'fr' " \
	"LEFT JOIN field t ON t.node = n.id AND t.name = 'title' AND t.lang = ?2 "

/* The page cache, in KiB (PRAGMA cache_size). */
#define DB_CACHE_KIB "256"

/* The tables a database of this version has. */
#define DB_TABLES "'node', 'field', 'link', 'language', 'search', " \
	"'spell', 'spell_tri'"
#define DB_NTABLES 7

static const char *const sql[ST_COUNT] = {
	[ST_NODE] =
	    "SELECT id, parent, kind, source, checked, dated FROM node "
	    "WHERE id = ?1",
	[ST_FIELDS] =
	    "SELECT name, value, lang <> ?2 FROM field "
	    "WHERE node = ?1 AND lang IN (?2, 'fr') "
	    "ORDER BY name, lang = 'fr' AND ?2 <> 'fr'",
	[ST_CHILDREN] =
	    "SELECT n.id, n.kind, " TITLE_COLUMNS "FROM node n " TITLE_JOINS
	    "WHERE n.parent = ?1 ORDER BY n.pos",
	[ST_LINKS] =
	    "SELECT n.id, n.kind, " TITLE_COLUMNS "FROM link l "
	    "JOIN node n ON n.id = l.target " TITLE_JOINS
	    "WHERE l.node = ?1 ORDER BY l.pos",
	[ST_UP] =
	    "SELECT n.id, n.kind, " TITLE_COLUMNS ", n.parent FROM node n "
	    TITLE_JOINS "WHERE n.id = ?1",
	[ST_LANGUAGE] =
	    "SELECT texts, done, reviewed, ui_texts, ui_done, ui_reviewed "
	    "FROM language WHERE code = ?1 AND ?2 IS NULL",
	[ST_HOME] =
	    "SELECT count(*) FROM node WHERE id = 'home' AND ?1 IS NULL "
	    "AND ?2 IS NULL",
};

/* Keeps the error of the last SQLite call, as fault. */
void
db_set_error(struct db *db, const char *what, enum db_fault fault)
{
	free(db->error);
	if (fault == DB_FAULT_DAMAGED &&
	    (sqlite3_errcode(db->h) & 0xff) == SQLITE_TOOBIG)
		fault = DB_FAULT_VALUE;
	db->fault = fault;
	db->error = xasprintf("database error while %s: %s", what,
	                      sqlite3_errmsg(db->h));
}

/* Returns what the last error of db means. */
enum db_fault
db_fault(const struct db *db)
{
	return db == NULL || db->error == NULL ? DB_FAULT_NONE : db->fault;
}

/* Returns true when the last error says the file is damaged. */
bool
db_damaged(const struct db *db)
{
	return db_fault(db) == DB_FAULT_DAMAGED;
}

/* Returns true when db must be opened again before anything more is read. */
bool
db_broken(const struct db *db)
{
	return db_damaged(db) || db_stale(db);
}

/* Returns the last error of db. */
const char *
db_error(const struct db *db)
{
	return db->error ? db->error : "no error";
}

/* Returns the meaning of a failed open for a person, for path. */
static char *
open_error(const char *path, sqlite3 *h, int rc)
{
	if (access(path, F_OK) != 0)
		return xasprintf("%s: the database file does not exist", path);
	if (access(path, R_OK) != 0)
		return xasprintf("%s: the database file cannot be read (%s)", path,
		                 strerror(errno));
	if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
		return xasprintf("%s: the file is damaged or is not a database",
		                 path);
	return xasprintf("%s: the database cannot be opened (%s)", path,
	                 h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
}

/* Returns the path db was opened from. */
const char *
db_file(const struct db *db)
{
	return db->path;
}

/* Returns true when the file at db's path is not the one opened. */
bool
db_stale(const struct db *db)
{
	struct stat st;

	if (db == NULL || db->file.st_ino == 0)
		return false;
	if (stat(db->path, &st) != 0)
		return true;
	return st.st_dev != db->file.st_dev || st.st_ino != db->file.st_ino ||
	       st.st_size != db->file.st_size ||
	       st.st_mtim.tv_sec != db->file.st_mtim.tv_sec ||
	       st.st_mtim.tv_nsec != db->file.st_mtim.tv_nsec ||
	       st.st_ctim.tv_sec != db->file.st_ctim.tv_sec ||
	       st.st_ctim.tv_nsec != db->file.st_ctim.tv_nsec;
}

/* Returns true when the file opened was written over in place. */
bool
db_rewritten(const struct db *db)
{
	struct stat st;

	if (db == NULL || db->file.st_ino == 0 || stat(db->path, &st) != 0 ||
	    st.st_dev != db->file.st_dev || st.st_ino != db->file.st_ino)
		return false;
	return db_stale(db);
}

/*
 * Returns the URI that opens path immutable: SQLite then takes no lock and
 * creates no file beside it (no -wal, -shm or -journal, even for a WAL
 * database or beside a hot journal, even in a read-only folder).
 */
static char *
immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = xmalloc(3 * strlen(path) + sizeof "file:?immutable=1");
	char *o = uri + 5;

	memcpy(uri, "file:", 5);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._~-", *p) != NULL) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	memcpy(o, "?immutable=1", sizeof "?immutable=1");
	return uri;
}

/* Returns the value of hex digit c, or -1. */
static int
hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Returns the file a "file:" URI names, decoded (caller frees), or NULL
 * when it names none (an in-memory database): a FIFO or a device given as
 * a URI is refused as a path is. rest is what follows "file:".
 */
static char *
uri_file(const char *rest)
{
	const char *p = rest, *end = p + strcspn(p, "?#");
	char *out, *o;

	if (strstr(rest, "mode=memory") != NULL ||
	    (end - p == 8 && strncmp(p, ":memory:", 8) == 0))
		return NULL;
	if (strncmp(p, "///", 3) == 0)
		p += 2;
	else if (strncmp(p, "//localhost/", 12) == 0)
		p += 11;
	if (p >= end)
		return NULL;
	out = o = xmalloc((size_t)(end - p) + 1);
	for (; p < end; p++) {
		if (*p == '%' && end - p >= 3 && hex_value(p[1]) >= 0 &&
		    hex_value(p[2]) >= 0) {
			*o++ = (char)(hex_value(p[1]) * 16 + hex_value(p[2]));
			p += 2;
		} else {
			*o++ = *p;
		}
	}
	*o = '\0';
	return out;
}

/* Opens the database at path read-only and checks its schema. */
int
db_open(const char *path, struct db **out, char **err)
{
	struct db *db = xcalloc(1, sizeof *db);
	sqlite3_stmt *v = NULL;
	int rc, version = -1;
	bool uri = strncmp(path, "file:", 5) == 0;
	char *name, *file;

	*out = NULL;
	*err = NULL;
	/* A "file:" URI (an in-memory database in the tests) is not a path:
	   the file it names, if any, is checked as a path is. */
	file = uri ? uri_file(path + strlen("file:")) : xstrdup(path);
	if (file != NULL && access(file, R_OK) != 0) {
		*err = open_error(file, NULL, SQLITE_CANTOPEN);
		free(file);
		free(db);
		return -1;
	}
	/* A FIFO or a device would block open() or never end: only a
	   regular file, checked before SQLite opens it. */
	if (file != NULL && (stat(file, &db->file) != 0 ||
	                     !S_ISREG(db->file.st_mode))) {
		*err = xasprintf("%s: the database is not a regular file", path);
		free(file);
		free(db);
		return -1;
	}
	free(file);
	if (uri)
		db->file.st_ino = 0;    /* not watched: db_stale says false */
	db->path = xstrdup(path);
	/* One thread uses SQLite: no mutexes, no memory statistics. Refused,
	   harmlessly, once SQLite has started (a second database). */
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	name = uri ? xstrdup(path) : immutable_uri(path);
	rc = sqlite3_open_v2(name, &db->h,
	                     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
	                     SQLITE_OPEN_URI, NULL);
	free(name);
	if (rc == SQLITE_OK)
		sqlite3_limit(db->h, SQLITE_LIMIT_LENGTH, DB_VALUE_MAX);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &v, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(v);
		if (rc == SQLITE_ROW) {
			version = sqlite3_column_int(v, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(v);
	if (rc != SQLITE_OK) {
		*err = open_error(path, db->h, sqlite3_extended_errcode(db->h) & 0xff);
		goto fail;
	}
	if (version != DB_SCHEMA_VERSION) {
		*err = xasprintf("%s: this is not an accueil database of version "
		                 "%d (it says version %d)", path,
		                 DB_SCHEMA_VERSION, version);
		goto fail;
	}
	/* Every table must be there; statements are prepared when first
	   used, so that start-up reads no more than the first screen needs. */
	rc = sqlite3_prepare_v2(db->h, "SELECT count(*) FROM sqlite_schema WHERE "
	                        "type = 'table' AND name IN (" DB_TABLES ")", -1,
	                        &v, NULL);
	if (rc == SQLITE_OK && sqlite3_step(v) == SQLITE_ROW &&
	    sqlite3_column_int(v, 0) == DB_NTABLES)
		rc = SQLITE_OK;
	else
		rc = SQLITE_CORRUPT;
	sqlite3_finalize(v);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: the database is damaged or incomplete (tables "
		                 "are missing)", path);
		goto fail;
	}
	/* A small memory budget: the kiosk runs on an old PC all day. */
	sqlite3_exec(db->h, "PRAGMA cache_size = -" DB_CACHE_KIB, NULL, NULL,
	             NULL);
	/* Nothing writes the content while the kiosk runs: take the read
	   lock once and keep it, instead of locking and checking the file
	   again for every query. */
	sqlite3_exec(db->h, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
	/* Sorts and temporary tables in memory, never in a file of /var/tmp
	   (which may be read-only, full, or read by someone else). */
	sqlite3_exec(db->h, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
	*out = db;
	return 0;
fail:
	db_close(db);
	return -1;
}

/* Closes db. */
void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(db->st[i]);
	sqlite3_close(db->h);
	free(db->error);
	free(db->path);
	free(db);
}

/* Forgets what the statements were last given (see db.h). */
void
db_forget(struct db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < ST_COUNT; i++) {
		if (db->st[i] == NULL)
			continue;
		sqlite3_reset(db->st[i]);
		sqlite3_clear_bindings(db->st[i]);
	}
	sqlite3_db_release_memory(db->h);
}

/*
 * Prepares statement which on its first use, resets it and binds id and
 * lang as ?1 and ?2.
 */
sqlite3_stmt *
db_start(struct db *db, enum db_stmt which, const char *text, const char *id,
         const char *lang)
{
	sqlite3_stmt *st = db->st[which];

	free(db->error);
	db->error = NULL;
	db->fault = DB_FAULT_NONE;
	if (st == NULL) {
		if (sqlite3_prepare_v3(db->h, text, -1, SQLITE_PREPARE_PERSISTENT,
		                       &db->st[which], NULL) != SQLITE_OK) {
			db_set_error(db, "reading the content", DB_FAULT_DAMAGED);
			return NULL;
		}
		st = db->st[which];
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	return st;
}

/* Prepares one of this file's statements (see db_start). */
static sqlite3_stmt *
start(struct db *db, enum db_stmt which, const char *id, const char *lang)
{
	return db_start(db, which, sql[which], id, lang);
}

/* Returns true when home can still be read. */
bool
db_tree_readable(struct db *db)
{
	sqlite3_stmt *st = start(db, ST_HOME, NULL, NULL);
	bool ok = st != NULL && sqlite3_step(st) == SQLITE_ROW &&
	          sqlite3_column_int(st, 0) == 1;

	if (st != NULL)
		sqlite3_reset(st);
	return ok;
}

/* Appends the entry of st's row to out, unless it cannot be shown. */
static void
push_entry(sqlite3_stmt *st, struct db_list *out, size_t *cap)
{
	struct db_entry e;

	if (!db_row_entry(st, &e))
		return;
	if (out->n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		out->v = xreallocarray(out->v, *cap, sizeof *out->v);
	}
	out->v[out->n++] = e;
}

/* Steps st to the end, collecting entries (id, kind, title, fallback). */
static int
collect(struct db *db, sqlite3_stmt *st, const char *what, struct db_list *out)
{
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		push_entry(st, out, &cap);
	if (rc != SQLITE_DONE) {
		db_set_error(db, what, DB_FAULT_DAMAGED);
		db_list_free(out);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Orders fields by name. */
static int
field_cmp(const void *a, const void *b)
{
	return strcmp(((const struct db_field *)a)->name,
	              ((const struct db_field *)b)->name);
}

/* Fills *out with node id in lang. */
int
db_node_get(struct db *db, const char *id, const char *lang,
            struct db_node *out)
{
	sqlite3_stmt *st = start(db, ST_NODE, id, lang);
	size_t cap = 0;
	char *prev = NULL;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		db_set_error(db, "reading a page", DB_FAULT_DAMAGED);
		sqlite3_reset(st);
		return -1;
	}
	out->id = db_row_text(st, 0);
	out->parent = db_row_text(st, 1);
	out->kind = db_row_kind(st, 2);
	out->source = db_row_text(st, 3);
	out->checked = db_row_text(st, 4);
	out->dated = db_row_text(st, 5);
	sqlite3_reset(st);

	st = start(db, ST_FIELDS, id, lang);
	if (st == NULL) {
		db_node_free(out);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_field f;

		/* Rows come by name, in the asked language first: keep the
		   first of each name (compared with the last kept, not looked
		   up: a node of 60 000 fields opens in linear time). */
		if (!db_row_field(st, &f))
			continue;
		if (prev != NULL && strcmp(prev, f.name) == 0) {
			free(f.name);
			free(f.value);
			continue;
		}
		free(prev);
		prev = xstrdup(f.name);
		if (out->nfields == cap) {
			cap = cap ? 2 * cap : 16;
			out->fields = xreallocarray(out->fields, cap, sizeof f);
		}
		out->fields[out->nfields++] = f;
	}
	free(prev);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_set_error(db, "reading a page", DB_FAULT_DAMAGED);
		db_node_free(out);
		return -1;
	}
	/* Sorted by the clean name, so that db_node_field finds by key. */
	if (out->nfields > 1)
		qsort(out->fields, out->nfields, sizeof *out->fields, field_cmp);
	return 0;
}

/* Returns field name of n, or NULL. */
const struct db_field *
db_node_field(const struct db_node *n, const char *name)
{
	struct db_field key = { .name = (char *)name };

	if (n->nfields == 0)
		return NULL;
	return bsearch(&key, n->fields, n->nfields, sizeof *n->fields,
	               field_cmp);
}

/* Frees what db_node_get stored. */
void
db_node_free(struct db_node *n)
{
	for (size_t i = 0; i < n->nfields; i++) {
		free(n->fields[i].name);
		free(n->fields[i].value);
	}
	free(n->fields);
	free(n->id);
	free(n->parent);
	free(n->source);
	free(n->checked);
	free(n->dated);
	memset(n, 0, sizeof *n);
}

/* Fills *out with the children of parent. */
int
db_children(struct db *db, const char *parent, const char *lang,
            struct db_list *out)
{
	return collect(db, start(db, ST_CHILDREN, parent, lang),
	               "reading a menu", out);
}

/* Fills *out with the links of id. */
int
db_links(struct db *db, const char *id, const char *lang, struct db_list *out)
{
	return collect(db, start(db, ST_LINKS, id, lang), "reading links", out);
}

/* Fills *out with the path from home to id. */
int
db_path(struct db *db, const char *id, const char *lang, struct db_list *out)
{
	size_t cap = 0;
	char *up = xstrdup(id);
	int rc = SQLITE_DONE;

	/* From the node up to home, one parent at a time: a few lookups by
	   key, cheaper than a recursive query. At most 32 levels, so that a
	   loop in a damaged database ends. */
	memset(out, 0, sizeof *out);
	for (int depth = 0; up != NULL && depth < 32; depth++) {
		sqlite3_stmt *st = start(db, ST_UP, up, lang);
		char *parent = NULL;

		if (st == NULL) {
			rc = SQLITE_ERROR;
			break;
		}
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			push_entry(st, out, &cap);
			if (sqlite3_column_type(st, 4) != SQLITE_NULL)
				parent = db_row_text(st, 4);
			rc = SQLITE_DONE;
		}
		sqlite3_reset(st);
		free(up);
		up = parent;
	}
	free(up);
	if (rc != SQLITE_DONE) {
		db_set_error(db, "reading the path", DB_FAULT_DAMAGED);
		db_list_free(out);
		return -1;
	}
	/* Home first. */
	for (size_t i = 0; i < out->n / 2; i++) {
		struct db_entry e = out->v[i];

		out->v[i] = out->v[out->n - 1 - i];
		out->v[out->n - 1 - i] = e;
	}
	return 0;
}

/* Fills *out for language code. */
int
db_language_get(struct db *db, const char *code, struct db_language *out)
{
	sqlite3_stmt *st = start(db, ST_LANGUAGE, code, NULL);
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_row_language(st, out);
	} else if (rc != SQLITE_DONE) {
		db_set_error(db, "reading the languages", DB_FAULT_DAMAGED);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

/* Frees the entries of l. */
void
db_list_free(struct db_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].title);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
