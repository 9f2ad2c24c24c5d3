/*
 * db.c - all of SQLite (see db.h).
 *
 * The statements are prepared once at open, which also proves that the
 * tables the program needs are there; queries only bind and step.
 */
#include "db/db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "text/text.h"

/* The title of a node in lang, else in French, and whether it fell back. */
#define TITLE_COLUMNS \
	"coalesce(t.value, f.value), t.value IS NULL AND ?2 <> 'fr' "
#define TITLE_JOINS \
	"JOIN field f ON f.node = n.id AND f.name = 'title' AND f.lang = 'fr' " \
	"LEFT JOIN field t ON t.node = n.id AND t.name = 'title' AND t.lang = ?2 "

enum stmt {
	ST_NODE, ST_FIELDS, ST_CHILDREN, ST_LINKS, ST_PATH, ST_SEARCH, ST_COUNT
};

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
	[ST_PATH] =
	    "WITH RECURSIVE up(id, depth) AS (SELECT ?1, 0 UNION ALL "
	    "  SELECT node.parent, up.depth + 1 FROM node JOIN up "
	    "  ON node.id = up.id WHERE node.parent IS NOT NULL AND depth < 32) "
	    "SELECT n.id, n.kind, " TITLE_COLUMNS "FROM up "
	    "JOIN node n ON n.id = up.id " TITLE_JOINS "ORDER BY up.depth DESC",
	[ST_SEARCH] =
	    "SELECT n.id, n.kind, " TITLE_COLUMNS ", "
	    "  max(accueil_match(o.title, ?1)) AS in_title "
	    "FROM fold o JOIN node n ON n.id = o.node " TITLE_JOINS
	    "WHERE o.lang IN (?2, 'fr') AND n.kind <> 'search' "
	    "  AND accueil_match(o.title || ' ' || o.body, ?1) "
	    "GROUP BY n.id ORDER BY in_title DESC, n.pos, n.id LIMIT ?3",
};

struct db {
	sqlite3 *h;
	sqlite3_stmt *st[ST_COUNT];
	char *error;
};

/* Stores a new error sentence in db. */
static void
set_error(struct db *db, const char *what)
{
	free(db->error);
	db->error = xasprintf("database error while %s: %s", what,
	                      sqlite3_errmsg(db->h));
}

/* Returns the last error of db. */
const char *
db_error(const struct db *db)
{
	return db->error ? db->error : "no error";
}

/*
 * accueil_match(text, query): 1 when every space-separated word of query is
 * a substring of text. Both are folded already.
 */
static void
match_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *text = (const char *)sqlite3_value_text(argv[0]);
	const char *q = (const char *)sqlite3_value_text(argv[1]);
	char word[256];

	if (text == NULL || q == NULL || *q == '\0') {
		sqlite3_result_int(ctx, 0);
		return;
	}
	while (*q != '\0') {
		size_t n = strcspn(q, " ");

		if (n > 0) {
			if (n >= sizeof word)
				n = sizeof word - 1;
			memcpy(word, q, n);
			word[n] = '\0';
			if (strstr(text, word) == NULL) {
				sqlite3_result_int(ctx, 0);
				return;
			}
		}
		q += strcspn(q, " ");
		q += strspn(q, " ");
	}
	sqlite3_result_int(ctx, 1);
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

/* Opens the database at path read-only and checks its schema. */
int
db_open(const char *path, struct db **out, char **err)
{
	struct db *db = xcalloc(1, sizeof *db);
	sqlite3_stmt *v = NULL;
	int rc, version = -1;

	*out = NULL;
	*err = NULL;
	/* A "file:" URI (an in-memory database in the tests) is not a path. */
	if (strncmp(path, "file:", 5) != 0 && access(path, R_OK) != 0) {
		*err = open_error(path, NULL, SQLITE_CANTOPEN);
		free(db);
		return -1;
	}
	rc = sqlite3_open_v2(path, &db->h,
	                     SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX |
	                     SQLITE_OPEN_URI, NULL);
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
	sqlite3_create_function(db->h, "accueil_match", 2,
	                        SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
	                        match_fn, NULL, NULL);
	for (int i = 0; i < ST_COUNT; i++) {
		rc = sqlite3_prepare_v3(db->h, sql[i], -1, SQLITE_PREPARE_PERSISTENT,
		                        &db->st[i], NULL);
		if (rc != SQLITE_OK) {
			*err = xasprintf("%s: the database is damaged or incomplete "
			                 "(%s)", path, sqlite3_errmsg(db->h));
			goto fail;
		}
	}
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
	free(db);
}

/* Returns a clean copy of a text column ("" for NULL). */
static char *
column(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? text_clean(s, sqlite3_column_bytes(st, i)) : xstrdup("");
}

/* Resets st and binds id and lang as ?1 and ?2. */
static sqlite3_stmt *
start(struct db *db, enum stmt which, const char *id, const char *lang)
{
	sqlite3_stmt *st = db->st[which];

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lang, -1, SQLITE_STATIC);
	return st;
}

/* Steps st to the end, collecting entries (id, kind, title, fallback). */
static int
collect(struct db *db, sqlite3_stmt *st, const char *what, struct db_list *out)
{
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_entry *e;

		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		e = &out->v[out->n++];
		e->id = column(st, 0);
		e->kind = column(st, 1);
		e->title = column(st, 2);
		e->fallback = sqlite3_column_int(st, 3) != 0;
	}
	if (rc != SQLITE_DONE) {
		set_error(db, what);
		db_list_free(out);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Fills *out with node id in lang. */
int
db_node_get(struct db *db, const char *id, const char *lang,
            struct db_node *out)
{
	sqlite3_stmt *st = start(db, ST_NODE, id, lang);
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 1;
	}
	if (rc != SQLITE_ROW) {
		set_error(db, "reading a page");
		sqlite3_reset(st);
		return -1;
	}
	out->id = column(st, 0);
	out->parent = column(st, 1);
	out->kind = column(st, 2);
	out->source = column(st, 3);
	out->checked = column(st, 4);
	out->dated = column(st, 5);
	sqlite3_reset(st);

	st = start(db, ST_FIELDS, id, lang);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		struct db_field *f;

		/* Rows come in the asked language first: keep the first. */
		if (name == NULL || db_node_field(out, name) != NULL)
			continue;
		if (out->nfields == cap) {
			cap = cap ? 2 * cap : 16;
			out->fields = xreallocarray(out->fields, cap, sizeof *f);
		}
		f = &out->fields[out->nfields++];
		f->name = column(st, 0);
		f->value = column(st, 1);
		f->fallback = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		set_error(db, "reading a page");
		db_node_free(out);
		return -1;
	}
	return 0;
}

/* Returns field name of n, or NULL. */
const struct db_field *
db_node_field(const struct db_node *n, const char *name)
{
	for (size_t i = 0; i < n->nfields; i++)
		if (strcmp(n->fields[i].name, name) == 0)
			return &n->fields[i];
	return NULL;
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
	free(n->kind);
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
	return collect(db, start(db, ST_PATH, id, lang), "reading the path", out);
}

/* Fills *out with the nodes matching the folded query. */
int
db_search(struct db *db, const char *folded, const char *lang, size_t max,
          struct db_list *out)
{
	sqlite3_stmt *st = start(db, ST_SEARCH, folded, lang);

	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	return collect(db, st, "searching", out);
}

/* Frees the entries of l. */
void
db_list_free(struct db_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].id);
		free(l->v[i].kind);
		free(l->v[i].title);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}
