/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db.c - all of SQLite (see db.h).
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
#include "db/kind.h"
#include "text/text.h"

/* The title of a node in lang, else in French, and whether it fell back. */
#define TITLE_COLUMNS \
	"coalesce(t.value, f.value), t.value IS NULL AND ?2 <> 'fr' "
#define TITLE_JOINS \
	"JOIN field f ON f.node = n.id AND f.name = 'title' AND f.lang = 'fr' " \
	"LEFT JOIN field t ON t.node = n.id AND t.name = 'title' AND t.lang = ?2 "

/* The page cache, in KiB (PRAGMA cache_size). */
#define DB_CACHE_KIB "256"

/* The most matching rows a search ranks (see SEARCH_SQL). */
#define RANK_ROWS 200

enum stmt {
	ST_NODE, ST_FIELDS, ST_CHILDREN, ST_LINKS, ST_UP, ST_SEARCH, ST_FUZZY,
	ST_CONTACTS, ST_LANGUAGE, ST_COUNT
};

/*
 * A search over table T, as hits: ?1 the FTS5 query (which also names the
 * languages and the kind), ?2 the language, ?3 the most nodes, ?4 the most
 * index rows to keep, ?5 the most rows to rank. Rows are ranked by bm25
 * with the weights W; a node found in two languages counts once. Ranking
 * costs a few microseconds a row, so only the first ?5 matching rows (in
 * the order of the content) are ranked: all of them for any query on the
 * bundled content, and a bounded cost on a content a hundred times larger.
 * The excerpt is the node's text in the language, else in French, else its
 * role. A row holding more of the words ranks first, whatever its bm25:
 * accueil_words counts the phrases of the query found in the first C
 * columns (the words; the language and the kind are in the others). bm25
 * is negative and far smaller than WORD_WEIGHT: the count is read back
 * from the score, the function being called once a row.
 */
#define WORD_WEIGHT "1000000.0"
#define FIELD(name, lang) \
	"(SELECT value FROM field WHERE node = n.id AND name = '" name "' " \
	"AND lang = " lang ")"
#define SEARCH_SQL(T, W, C) \
	"SELECT n.id, n.kind, " TITLE_COLUMNS ", " \
	"  coalesce(pt.value, pf.value, ''), " \
	"  coalesce(" FIELD("body", "?2") ", " FIELD("body", "'fr'") ", " \
	"    " FIELD("role", "?2") ", " FIELD("role", "'fr'") ", '') , " \
	"  CAST(-s.score / " WORD_WEIGHT " AS INTEGER) " \
	"FROM (SELECT rowid / (SELECT count(*) + 1 FROM language WHERE " \
	"  code <> 'fr') AS nr, min(score) AS score FROM " \
	"  (SELECT rowid, bm25(" T ", " W ") - " WORD_WEIGHT " * " \
	"     accueil_words(" T ", " C ") AS score FROM " T \
	"   WHERE " T " MATCH ?1 AND rowid <= coalesce((SELECT rowid FROM " T \
	"     WHERE " T " MATCH ?1 ORDER BY rowid LIMIT 1 OFFSET ?5), " \
	"     9223372036854775807) " \
	"   ORDER BY score LIMIT ?4) GROUP BY nr) s " \
	"JOIN node n ON n.rowid = s.nr " TITLE_JOINS \
	"LEFT JOIN field pf ON pf.node = n.parent AND pf.name = 'title' " \
	"  AND pf.lang = 'fr' " \
	"LEFT JOIN field pt ON pt.node = n.parent AND pt.name = 'title' " \
	"  AND pt.lang = ?2 " \
	"ORDER BY s.score, n.id LIMIT ?3"

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
	[ST_SEARCH] = SEARCH_SQL("search", "100.0, 1.0, 0.0, 0.0", "2"),
	[ST_FUZZY] = SEARCH_SQL("search_tri", "1.0, 0.0, 0.0", "0"),
	[ST_LANGUAGE] =
	    "SELECT texts, done, reviewed, ui_texts, ui_done, ui_reviewed "
	    "FROM language WHERE code = ?1 AND ?2 IS NULL",
	[ST_CONTACTS] =
	    "SELECT n.id, n.kind, " TITLE_COLUMNS ", "
	    "  coalesce(pt.value, pf.value, ''), '' FROM node n "
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
	char *path;
	int code;               /* the SQLite result of the last error */
	struct stat file;       /* the file opened (st_ino 0 for a URI) */
};

/* Stores a new error sentence in db. */
static void
set_error(struct db *db, const char *what)
{
	free(db->error);
	db->code = sqlite3_errcode(db->h);
	db->error = xasprintf("database error while %s: %s", what,
	                      sqlite3_errmsg(db->h));
}

/* Returns true when the last error says the file is damaged. */
bool
db_damaged(const struct db *db)
{
	return db->error != NULL && db->code != SQLITE_TOOBIG;
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

/*
 * The FTS5 function accueil_words(T, C): how many phrases of the query have
 * a match in the row, in its first C columns. Each word of a query is one
 * phrase, and its column filter keeps its matches to the text columns.
 */
static void
words_found(const Fts5ExtensionApi *api, Fts5Context *fts,
            sqlite3_context *ctx, int nval, sqlite3_value **val)
{
	int cols = nval > 0 ? sqlite3_value_int(val[0]) : 0, n = 0;
	int phrases = api->xPhraseCount(fts);

	for (int i = 0; i < phrases; i++) {
		Fts5PhraseIter it;
		int col = -1, off = -1;

		if (api->xPhraseFirst(fts, i, &it, &col, &off) == SQLITE_OK &&
		    col >= 0 && col < cols)
			n++;
	}
	sqlite3_result_int(ctx, n);
}

/* Registers accueil_words with the FTS5 of h. Returns 0, or -1. */
static int
add_words_function(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st,
	                       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->iVersion < 2)
		return -1;
	return api->xCreateFunction(api, "accueil_words", NULL, words_found,
	                            NULL) == SQLITE_OK ? 0 : -1;
}

/* Opens the database at path read-only and checks its schema. */
int
db_open(const char *path, struct db **out, char **err)
{
	struct db *db = xcalloc(1, sizeof *db);
	sqlite3_stmt *v = NULL;
	int rc, version = -1;
	bool uri = strncmp(path, "file:", 5) == 0;
	char *name;

	*out = NULL;
	*err = NULL;
	/* A "file:" URI (an in-memory database in the tests) is not a path. */
	if (!uri && access(path, R_OK) != 0) {
		*err = open_error(path, NULL, SQLITE_CANTOPEN);
		free(db);
		return -1;
	}
	/* A FIFO or a device would block open() or never end: only a
	   regular file, checked before SQLite opens it. */
	if (!uri && (stat(path, &db->file) != 0 || !S_ISREG(db->file.st_mode))) {
		*err = xasprintf("%s: the database is not a regular file", path);
		free(db);
		return -1;
	}
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
	                        "type = 'table' AND name IN ('node', 'field', "
	                        "'link', 'language', 'search', 'search_tri')", -1,
	                        &v, NULL);
	if (rc == SQLITE_OK && sqlite3_step(v) == SQLITE_ROW &&
	    sqlite3_column_int(v, 0) == 6)
		rc = SQLITE_OK;
	else
		rc = SQLITE_CORRUPT;
	sqlite3_finalize(v);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: the database is damaged or incomplete (tables "
		                 "are missing)", path);
		goto fail;
	}
	if (add_words_function(db->h) != 0) {
		*err = xasprintf("%s: SQLite has no FTS5 to search with", path);
		goto fail;
	}
	/* A small memory budget: the kiosk runs on an old PC all day. */
	sqlite3_exec(db->h, "PRAGMA cache_size = -" DB_CACHE_KIB, NULL, NULL,
	             NULL);
	/* Nothing writes the content while the kiosk runs: take the read
	   lock once and keep it, instead of locking and checking the file
	   again for every query. */
	sqlite3_exec(db->h, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL);
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

/* Returns a clean copy of a text column ("" for NULL). */
static char *
column(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? text_clean(s, sqlite3_column_bytes(st, i)) : xstrdup("");
}

/* Returns the kind named in column i of st's row (a page if unknown). */
static int
column_kind(sqlite3_stmt *st, int i)
{
	int k = kind_parse((const char *)sqlite3_column_text(st, i));

	return k < 0 ? KIND_PAGE : k;
}

/*
 * Prepares statement which on its first use, resets it and binds id and
 * lang as ?1 and ?2. Returns NULL, with the error set, when it cannot be
 * prepared (a damaged database).
 */
static sqlite3_stmt *
start(struct db *db, enum stmt which, const char *id, const char *lang)
{
	sqlite3_stmt *st = db->st[which];

	if (st == NULL) {
		if (sqlite3_prepare_v3(db->h, sql[which], -1,
		                       SQLITE_PREPARE_PERSISTENT, &db->st[which],
		                       NULL) != SQLITE_OK) {
			set_error(db, "reading the content");
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

/* Appends the entry (id, kind, title, fallback) of st's row to out. */
static void
push_entry(sqlite3_stmt *st, struct db_list *out, size_t *cap)
{
	struct db_entry *e;

	if (out->n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		out->v = xreallocarray(out->v, *cap, sizeof *out->v);
	}
	e = &out->v[out->n++];
	e->id = column(st, 0);
	e->kind = column_kind(st, 1);
	e->title = column(st, 2);
	e->fallback = sqlite3_column_int(st, 3) != 0;
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
		set_error(db, what);
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
		set_error(db, "reading a page");
		sqlite3_reset(st);
		return -1;
	}
	out->id = column(st, 0);
	out->parent = column(st, 1);
	out->kind = column_kind(st, 2);
	out->source = column(st, 3);
	out->checked = column(st, 4);
	out->dated = column(st, 5);
	sqlite3_reset(st);

	st = start(db, ST_FIELDS, id, lang);
	if (st == NULL) {
		db_node_free(out);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		struct db_field *f;

		/* Rows come by name, in the asked language first: keep the
		   first of each name (compared with the last kept, not looked
		   up: a node of 60 000 fields opens in linear time). */
		if (name == NULL || (prev != NULL && strcmp(prev, name) == 0))
			continue;
		free(prev);
		prev = xstrdup(name);
		if (out->nfields == cap) {
			cap = cap ? 2 * cap : 16;
			out->fields = xreallocarray(out->fields, cap, sizeof *f);
		}
		f = &out->fields[out->nfields++];
		f->name = column(st, 0);
		f->value = column(st, 1);
		f->fallback = sqlite3_column_int(st, 2) != 0;
	}
	free(prev);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		set_error(db, "reading a page");
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
				parent = column(st, 4);
			rc = SQLITE_DONE;
		}
		sqlite3_reset(st);
		free(up);
		up = parent;
	}
	free(up);
	if (rc != SQLITE_DONE) {
		set_error(db, "reading the path");
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

/* Frees the strings of one hit. */
static void
hit_free(struct db_hit *h)
{
	free(h->id);
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

/* Returns the character after the one at UTF-8 s. */
static const char *
next_char(const char *s)
{
	do
		s++;
	while ((*s & 0xc0) == 0x80);
	return s;
}

/*
 * Returns the bytes of the run of three characters (not bytes) at UTF-8 s,
 * or 0 when fewer than three are left.
 */
static size_t
trigram(const char *s)
{
	const char *b = s;

	for (int k = 0; k < 3; k++) {
		if (*b == '\0')
			return 0;
		b = next_char(b);
	}
	return (size_t)(b - s);
}

/* Returns the number of characters (not bytes) of UTF-8 word w. */
static size_t
char_count(const char *w)
{
	size_t n = 0;

	for (; *w != '\0'; w++)
		n += (*w & 0xc0) != 0x80;
	return n;
}

/*
 * Returns the FTS5 query for the words of t in languages lang and French,
 * of kind unless NULL, in the titles only or in all the text: any of the
 * words ("a" OR "b"*: the last word, if it is still being typed and has three
 * characters or more, also as the start of a longer one; words of one or
 * two letters are left out when a longer one is there), or, for
 * typos, every run of three characters of every word of four characters or
 * more ("abcd": "abc" OR "bcd"). NULL when there is nothing to look for.
 */
static char *
fts_query(const struct text_tokens *t, const char *lang, const char *kind,
          bool fuzzy, bool titles)
{
	char *q = NULL;
	size_t len = 0, cap = 0, words = 0;

	append(&q, &len, &cap, titles ? "{title} : (" : "{title body} : (");
	bool long_word = false;

	for (size_t i = 0; i < t->n; i++)
		long_word |= char_count(t->v[i]) >= 3;
	for (size_t i = 0; i < t->n; i++) {
		const char *w = t->v[i];
		size_t chars = char_count(w);
		bool typing = i + 1 == t->n && t->open;

		if (!fuzzy) {
			/* Words of one or two letters ("d" of "d'intégration", "de",
			   "la"), and the start of a word being typed, say too little
			   when a longer word says more: leave them out. */
			if (long_word && (chars < 3 || (typing && chars < 3)))
				continue;
			if (words++ > 0)
				append(&q, &len, &cap, " OR ");
			append_quoted(&q, &len, &cap, w, strlen(w));
			/* The word being typed is also the start of a longer one;
			   the others are whole words. */
			if (typing && chars >= 3)
				append(&q, &len, &cap, "*");
			continue;
		}
		/* A typo is looked for in words of four characters or more. */
		if (chars < 4)
			continue;
		for (const char *a = w; *a != '\0'; a = next_char(a)) {
			size_t n = trigram(a);

			if (n == 0)
				break;
			if (words++ > 0)
				append(&q, &len, &cap, " OR ");
			append_quoted(&q, &len, &cap, a, n);
		}
	}
	if (words == 0) {
		free(q);
		return NULL;
	}
	/* The language as the token "x" + code, and the kind. */
	append(&q, &len, &cap, ") AND {lang} : (\"xfr\"");
	if (strcmp(lang, "fr") != 0) {
		char token[16];

		snprintf(token, sizeof token, "x%.8s", lang);
		append(&q, &len, &cap, " OR ");
		append_quoted(&q, &len, &cap, token, strlen(token));
	}
	append(&q, &len, &cap, ")");
	if (kind != NULL) {
		append(&q, &len, &cap, " AND {kind} : ");
		append_quoted(&q, &len, &cap, kind, strlen(kind));
	}
	return q;
}

/* Counts the runs of three characters of word, and those found in title. */
static void
count_trigrams(const char *word, const char *title, int *all, int *found)
{
	for (const char *a = word; *a != '\0'; a = next_char(a)) {
		size_t n = trigram(a);

		if (n == 0)
			break;
		(*all)++;
		if (memmem(title, strlen(title), a, n) != NULL)
			(*found)++;
	}
}

/*
 * Returns true when a node found by shared trigrams is close enough to what
 * was typed: its title holds at least half of the words' trigrams.
 */
static bool
close_enough(const struct text_tokens *t, const char *title)
{
	char *folded = text_fold(title ? title : "");
	int all = 0, found = 0;

	for (size_t i = 0; i < t->n; i++)
		count_trigrams(t->v[i], folded, &all, &found);
	free(folded);
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
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_hit *h;

		if (t != NULL && !close_enough(t,
		    (const char *)sqlite3_column_text(st, 2)))
			continue;
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		h = &out->v[out->n++];
		h->id = column(st, 0);
		h->kind = column_kind(st, 1);
		h->title = column(st, 2);
		h->fallback = sqlite3_column_int(st, 3) != 0;
		h->section = column(st, 4);
		h->text = column(st, 5);
		h->words = sqlite3_column_count(st) > 6
		           ? sqlite3_column_int(st, 6) : 0;
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
           size_t max, const struct text_tokens *t, struct db_hits *out)
{
	sqlite3_stmt *st = start(db, which, q, lang);

	if (st == NULL) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	/* Typos are filtered after the query: ask for more. A node comes in
	   two languages: rank twice as many rows as nodes wanted. */
	sqlite3_bind_int64(st, 3, (sqlite3_int64)(t ? 4 * max : max));
	sqlite3_bind_int64(st, 4, (sqlite3_int64)(t ? 8 * max : 2 * max));
	sqlite3_bind_int64(st, 5, RANK_ROWS - 1);
	return collect_hits(db, st, t, out);
}

/*
 * Appends to out the hits of more that it does not hold yet, up to max; a
 * hit it holds takes the count of words of more's if higher (more looked in
 * more of the text).
 */
static void
merge_hits(struct db_hits *out, struct db_hits *more, size_t max)
{
	for (size_t i = 0; i < more->n; i++) {
		bool dup = false;

		for (size_t j = 0; j < out->n && !dup; j++)
			if (strcmp(out->v[j].id, more->v[i].id) == 0) {
				dup = true;
				if (more->v[i].words > out->v[j].words)
					out->v[j].words = more->v[i].words;
			}
		if (dup || out->n >= max) {
			hit_free(&more->v[i]);
			continue;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = more->v[i];
	}
	free(more->v);
	memset(more, 0, sizeof *more);
}

/* Returns true when the words of title are exactly the words of t. */
static bool
title_is(const struct text_tokens *t, const char *title)
{
	char *folded = text_fold(title ? title : "");
	struct text_tokens w;
	bool same;

	text_tokens(folded, t->n + 1, &w);
	same = w.n == t->n;
	for (size_t i = 0; same && i < w.n; i++)
		same = strcmp(w.v[i], t->v[i]) == 0;
	text_tokens_free(&w);
	free(folded);
	return same;
}

/* The most words of a query whose glossary entries are looked for. */
#define TERM_WORDS 32

/*
 * Returns the set (bit i: word i) of the words of t (the first TERM_WORDS)
 * that are words of the French title of node id (the last one, while it is
 * typed, may be the start of one).
 */
static unsigned long
french_title_words(struct db *db, const char *id, const struct text_tokens *t)
{
	sqlite3_stmt *st;
	unsigned long found = 0;

	if (sqlite3_prepare_v2(db->h, "SELECT value FROM field WHERE node = ?1 "
	                       "AND name = 'title' AND lang = 'fr'", -1, &st,
	                       NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char *folded = text_fold((const char *)sqlite3_column_text(st, 0));
		struct text_tokens w;

		text_tokens(folded, 64, &w);
		for (size_t i = 0; i < t->n && i < TERM_WORDS; i++) {
			bool prefix = i + 1 == t->n && t->open;

			for (size_t j = 0; j < w.n; j++)
				if (prefix ? strncmp(w.v[j], t->v[i],
				                     strlen(t->v[i])) == 0
				           : strcmp(w.v[j], t->v[i]) == 0)
					found |= 1UL << i;
		}
		text_tokens_free(&w);
		free(folded);
	}
	sqlite3_finalize(st);
	return found;
}

/*
 * Returns the set of the words of t that say something: all of them, or,
 * when one has three characters or more, those that have (as fts_query).
 */
static unsigned long
long_words(const struct text_tokens *t)
{
	unsigned long all = 0, longer = 0;

	for (size_t i = 0; i < t->n && i < TERM_WORDS; i++) {
		all |= 1UL << i;
		if (char_count(t->v[i]) >= 3)
			longer |= 1UL << i;
	}
	return longer ? longer : all;
}

/* Moves hit i of h to place n, the hits from n to i one place down. */
static void
move_hit(struct db_hits *h, size_t i, size_t n)
{
	struct db_hit hit = h->v[i];

	memmove(&h->v[n + 1], &h->v[n], (i - n) * sizeof *h->v);
	h->v[n] = hit;
}

/*
 * Puts first, in their order, the glossary entries (kind "term") of h
 * whose French word holds the words typed, or, for a query made of
 * several official words ("CPAS titre de séjour"), the entries that
 * together hold them all; then the nodes whose title is the very words
 * typed: a word typed as a letter writes it ("CPAS", "titre de séjour") is
 * explained before the pages that use it, in any language, and "Unia"
 * finds the card "Unia" before those that name it.
 */
static void
terms_first(struct db *db, struct db_hits *h, const struct text_tokens *t)
{
	unsigned long all = t->n >= TERM_WORDS ? ~0UL : (1UL << t->n) - 1;
	unsigned long need = long_words(t), covered = 0;
	unsigned long *has = xcalloc(h->n + 1, sizeof *has);
	size_t n = 0;

	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].kind == KIND_TERM) {
			has[i] = french_title_words(db, h->v[i].id, t);
			covered |= has[i] & need;
		}
	for (size_t i = 0; i < h->n; i++) {
		bool whole = t->n > 0 && (has[i] & all) == all;
		bool part = t->n > 1 && covered == need && (has[i] & need) != 0;

		if (h->v[i].kind != KIND_TERM || !(whole || part))
			continue;
		/* has[] is read from i + 1 on only: it need not follow. */
		move_hit(h, i, n++);
	}
	free(has);
	for (size_t i = n; i < h->n; i++)
		if (title_is(t, h->v[i].title))
			move_hit(h, i, n++);
}

/* Returns how many words of t fts_query looks for (long_words). */
static int
searched_words(const struct text_tokens *t)
{
	int n = 0;

	for (unsigned long w = long_words(t); w != 0; w &= w - 1)
		n++;
	return n;
}

/* Sorts h by the count of words found, more first, keeping the order of
   hits with as many (insertion: a stable sort, of a few dozen hits). */
static void
most_words_first(struct db_hits *h)
{
	for (size_t i = 1; i < h->n; i++) {
		struct db_hit hit = h->v[i];
		size_t j = i;

		for (; j > 0 && h->v[j - 1].words < hit.words; j--)
			h->v[j] = h->v[j - 1];
		h->v[j] = hit;
	}
}

/*
 * Fills *out with the nodes matching any of the words of t: first those
 * whose title matches, ranked among themselves, then (when the titles are
 * not enough, or there are several words) the best of the rest of the text;
 * then the hits that hold more of the words go first, a hit from the titles
 * before one from the text that holds as many. Ranking the titles first
 * keeps a frequent word cheap, whatever the size of the content.
 */
int
db_search(struct db *db, const struct text_tokens *t, const char *lang,
          const char *kind, size_t max, struct db_hits *out)
{
	char *q = fts_query(t, lang, kind, false, true);
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (q == NULL)
		return 0;       /* no word worth looking for */
	rc = run_search(db, ST_SEARCH, q, lang, max, NULL, out);
	free(q);
	if (rc == 0 && (out->n < max || searched_words(t) > 1)) {
		struct db_hits more;

		q = fts_query(t, lang, kind, false, false);
		rc = run_search(db, ST_SEARCH, q, lang, max, NULL, &more);
		free(q);
		if (rc == 0)
			merge_hits(out, &more, 2 * max);
		most_words_first(out);
		while (out->n > max)
			hit_free(&out->v[--out->n]);
	}
	if (rc == 0)
		terms_first(db, out, t);
	if (rc != 0 || out->n > 0)
		return rc;
	q = fts_query(t, lang, kind, true, true);
	if (q != NULL)
		rc = run_search(db, ST_FUZZY, q, lang, max, t, out);
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
		out->texts = sqlite3_column_int(st, 0);
		out->done = sqlite3_column_int(st, 1);
		out->reviewed = sqlite3_column_int(st, 2) != 0;
		out->ui_texts = sqlite3_column_int(st, 3);
		out->ui_done = sqlite3_column_int(st, 4);
		out->ui_reviewed = sqlite3_column_int(st, 5) != 0;
	} else if (rc != SQLITE_DONE) {
		set_error(db, "reading the languages");
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
