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
	ST_NODE, ST_FIELDS, ST_CHILDREN, ST_LINKS, ST_PATH, ST_SEARCH, ST_FUZZY,
	ST_CONTACTS, ST_COUNT
};

/*
 * A search over table T, as hits: ?1 the FTS5 query, ?2 the language, ?3
 * the most rows, ?4 a kind or NULL. Title matches come first, then bm25
 * with titles weighing ten times the rest.
 */
#define SEARCH_SQL(T) \
	"WITH m AS MATERIALIZED (SELECT node, text, title AS folded, " \
	"  bm25(" T ", 0, 0, 10.0, 1.0, 0) AS score FROM " T \
	"  WHERE " T " MATCH ?1 AND lang IN (?2, 'fr')) " \
	"SELECT n.id, n.kind, " TITLE_COLUMNS ", " \
	"  coalesce(pt.value, pf.value, ''), s.text, " \
	"  s.node IN (SELECT node FROM " T " WHERE " T " MATCH " \
	"    '{title} : (' || ?1 || ')' AND lang IN (?2, 'fr')) AS in_title, " \
	"  s.folded " \
	"FROM (SELECT node, min(score) AS score, text, folded FROM m " \
	"  GROUP BY node) s " \
	"JOIN node n ON n.id = s.node " TITLE_JOINS \
	"LEFT JOIN field pf ON pf.node = n.parent AND pf.name = 'title' " \
	"  AND pf.lang = 'fr' " \
	"LEFT JOIN field pt ON pt.node = n.parent AND pt.name = 'title' " \
	"  AND pt.lang = ?2 " \
	"WHERE n.kind NOT IN ('search', 'directory') " \
	"  AND (?4 IS NULL OR n.kind = ?4) " \
	"ORDER BY in_title DESC, s.score, n.id LIMIT ?3"

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
	[ST_SEARCH] = SEARCH_SQL("search"),
	[ST_FUZZY] = SEARCH_SQL("search_tri"),
	[ST_CONTACTS] =
	    "SELECT n.id, n.kind, " TITLE_COLUMNS ", "
	    "  coalesce(pt.value, pf.value, ''), '', 0, '' FROM node n "
	    TITLE_JOINS
	    "LEFT JOIN field pf ON pf.node = n.parent AND pf.name = 'title' "
	    "  AND pf.lang = 'fr' "
	    "LEFT JOIN field pt ON pt.node = n.parent AND pt.name = 'title' "
	    "  AND pt.lang = ?2 "
	    "WHERE n.kind = 'contact' ORDER BY 3 COLLATE NOCASE",
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

/* Frees the strings of one hit. */
static void
hit_free(struct db_hit *h)
{
	free(h->id);
	free(h->kind);
	free(h->title);
	free(h->section);
	free(h->text);
}

/* Appends s to the string being built in *buf (size *cap, length *len). */
static void
append(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);

	if (*len + n + 1 > *cap) {
		*cap = 2 * (*len + n + 1);
		*buf = xreallocarray(*buf, *cap, 1);
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* Appends s as an FTS5 string: in double quotes, inner quotes doubled. */
static void
append_quoted(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	append(buf, len, cap, "\"");
	for (size_t i = 0; i < n; i++) {
		char c[3] = { s[i], s[i] == '"' ? '"' : '\0', '\0' };

		append(buf, len, cap, c);
	}
	append(buf, len, cap, "\"");
}

/*
 * Returns the FTS5 query for the words of t: every word as a prefix
 * ("a"* AND "b"*), or, for typos, every run of three characters of every
 * word ("abc" OR "bcd" ...); NULL when there is nothing to look for.
 */
static char *
fts_query(const struct text_tokens *t, bool fuzzy)
{
	char *q = NULL;
	size_t len = 0, cap = 0;

	for (size_t i = 0; i < t->n; i++) {
		const char *w = t->v[i];

		if (!fuzzy) {
			if (len > 0)
				append(&q, &len, &cap, " AND ");
			append_quoted(&q, &len, &cap, w, strlen(w));
			append(&q, &len, &cap, "*");
			continue;
		}
		/* Each run of three characters (not bytes). */
		for (const char *a = w; *a != '\0';) {
			const char *b = a;
			int k;

			for (k = 0; k < 3 && *b != '\0'; k++)
				do
					b++;
				while ((*b & 0xc0) == 0x80);
			if (k < 3)
				break;
			if (len > 0)
				append(&q, &len, &cap, " OR ");
			append_quoted(&q, &len, &cap, a, (size_t)(b - a));
			do
				a++;
			while ((*a & 0xc0) == 0x80);
		}
	}
	return q;
}

/* Counts the runs of three characters of word, and those found in title. */
static void
count_trigrams(const char *word, const char *title, int *all, int *found)
{
	for (const char *a = word; *a != '\0';) {
		const char *b = a;
		int k;

		for (k = 0; k < 3 && *b != '\0'; k++)
			do
				b++;
			while ((*b & 0xc0) == 0x80);
		if (k < 3)
			break;
		(*all)++;
		if (memmem(title, strlen(title), a, (size_t)(b - a)) != NULL)
			(*found)++;
		do
			a++;
		while ((*a & 0xc0) == 0x80);
	}
}

/*
 * Returns true when a node found by shared trigrams is close enough to what
 * was typed: its folded title holds at least half of the words' trigrams.
 */
static bool
close_enough(const struct text_tokens *t, const char *folded_title)
{
	int all = 0, found = 0;

	for (size_t i = 0; i < t->n; i++)
		count_trigrams(t->v[i], folded_title, &all, &found);
	return all > 0 && 2 * found >= all;
}

/*
 * Steps st to the end, collecting hits; for a search by trigrams (t not
 * NULL), only those close_enough to the words of t.
 */
static int
collect_hits(struct db *db, sqlite3_stmt *st, const struct text_tokens *t,
             struct db_hits *out)
{
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_hit *h;

		if (t != NULL && !close_enough(t,
		    (const char *)sqlite3_column_text(st, 7)))
			continue;
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		h = &out->v[out->n++];
		h->id = column(st, 0);
		h->kind = column(st, 1);
		h->title = column(st, 2);
		h->fallback = sqlite3_column_int(st, 3) != 0;
		h->section = column(st, 4);
		h->text = column(st, 5);
		h->fuzzy = t != NULL;
	}
	if (rc != SQLITE_DONE) {
		set_error(db, "searching");
		db_hits_free(out);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs one search statement with FTS5 query q (t: the words, for typos). */
static int
run_search(struct db *db, enum stmt which, const char *q, const char *lang,
           const char *kind, size_t max, const struct text_tokens *t,
           struct db_hits *out)
{
	sqlite3_stmt *st = start(db, which, q, lang);

	/* Typos are filtered after the query: ask for more. */
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(t ? 4 * max : max));
	if (kind != NULL)
		sqlite3_bind_text(st, 4, kind, -1, SQLITE_STATIC);
	return collect_hits(db, st, t, out);
}

/* Fills *out with the nodes matching the words of t. */
int
db_search(struct db *db, const struct text_tokens *t, const char *lang,
          const char *kind, size_t max, struct db_hits *out)
{
	char *q = fts_query(t, false);
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (q != NULL)
		rc = run_search(db, ST_SEARCH, q, lang, kind, max, NULL, out);
	free(q);
	if (rc != 0 || out->n > 0)
		return rc;
	q = fts_query(t, true);
	if (q != NULL)
		rc = run_search(db, ST_FUZZY, q, lang, kind, max, t, out);
	free(q);
	while (out->n > max)
		hit_free(&out->v[--out->n]);
	return rc;
}

/* Fills *out with every contact card. */
int
db_contacts(struct db *db, const char *lang, struct db_hits *out)
{
	return collect_hits(db, start(db, ST_CONTACTS, NULL, lang), NULL, out);
}

/* Frees the results of h. */
void
db_hits_free(struct db_hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		hit_free(&h->v[i]);
	free(h->v);
	memset(h, 0, sizeof *h);
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
