/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * desk.c - the desk's own facts in their own SQLite database (see desk.h).
 */
#include "db/desk.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/xalloc.h"
#include "text/text.h"

struct desk {
	char *path;
	sqlite3 *h;             /* NULL while the file does not exist */
	bool writable;
	bool broken;            /* not a desk database: everything fails */
	bool damaged;           /* the last failure said the file is damaged */
	char *error;
};

/* The tables, made in the transaction of the first write. */
static const char schema[] =
	"CREATE TABLE IF NOT EXISTS fact ("
	" node TEXT NOT NULL,"
	" field TEXT NOT NULL CHECK (field IN ('phone', 'email', 'address')),"
	" value TEXT NOT NULL,"
	" entered TEXT NOT NULL,"
	" PRIMARY KEY (node, field));"
	"CREATE TABLE IF NOT EXISTS hours ("
	" node TEXT NOT NULL,"
	" weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),"
	" opens INTEGER NOT NULL CHECK (opens BETWEEN -1 AND 1440),"
	" closes INTEGER NOT NULL CHECK (closes BETWEEN -1 AND 1440),"
	" appointment INTEGER NOT NULL CHECK (appointment IN (0, 1)),"
	" entered TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS notice ("
	" id INTEGER PRIMARY KEY,"
	" first TEXT NOT NULL,"
	" last TEXT NOT NULL,"
	" entered TEXT NOT NULL);"
	"CREATE TABLE IF NOT EXISTS notice_text ("
	" notice INTEGER NOT NULL REFERENCES notice (id) ON DELETE CASCADE,"
	" lang TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" PRIMARY KEY (notice, lang));"
	"PRAGMA user_version = 1;";

/* Sets the error of d to a sentence naming its file. */
static void
set_error(struct desk *d, const char *what)
{
	free(d->error);
	d->error = xasprintf("%s: %s", d->path, what);
}

/* Sets the error of d from SQLite's last one; returns -1. */
static int
fail(struct desk *d)
{
	int code = d->h != NULL ? sqlite3_errcode(d->h) & 0xff : SQLITE_ERROR;

	d->damaged = code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
	set_error(d, d->h != NULL ? sqlite3_errmsg(d->h) : "cannot be read");
	return -1;
}

/* Returns a clean copy of column i of st ("" for NULL). */
static char *
column(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	int n = sqlite3_column_bytes(st, i);

	return s != NULL ? text_clean(s, (size_t)n) : xstrdup("");
}

/* Applies the settings every connection needs. */
static void
settings(struct desk *d)
{
	sqlite3_busy_timeout(d->h, 2000);
	sqlite3_limit(d->h, SQLITE_LIMIT_LENGTH, 1024 * 1024);
	/* A rollback journal, written through before every commit: a power
	   cut leaves the old facts or the new ones, never half of each. */
	sqlite3_exec(d->h, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
	sqlite3_exec(d->h, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
	sqlite3_exec(d->h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
}

/* Opens the file of d when it exists (or create); 0, 1 when absent, -1. */
static int
connect(struct desk *d, bool create)
{
	struct stat st;
	int flags, rc;

	if (d->h != NULL)
		return 0;
	if (stat(d->path, &st) != 0) {
		if (errno == ENOENT && !create)
			return 1;
		if (errno != ENOENT) {
			set_error(d, strerror(errno));
			return -1;
		}
	} else if (!S_ISREG(st.st_mode)) {
		set_error(d, "not a regular file");
		return -1;
	}
	flags = d->writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	rc = sqlite3_open_v2(d->path, &d->h, flags | SQLITE_OPEN_NOMUTEX,
	                     NULL);
	if (rc != SQLITE_OK) {
		fail(d);
		sqlite3_close(d->h);
		d->h = NULL;
		return -1;
	}
	settings(d);
	return 0;
}

/* Checks that the open file is a desk database; 0, or -1 (error set). */
static int
check_schema(struct desk *d)
{
	sqlite3_stmt *st = NULL;
	int version = -1, tables = -1;

	if (sqlite3_prepare_v2(d->h, "PRAGMA user_version", -1, &st, NULL) !=
	    SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return fail(d);
	}
	version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_prepare_v2(d->h, "SELECT count(*) FROM sqlite_schema WHERE "
	                       "type = 'table' AND name IN ('fact', 'hours', "
	                       "'notice', 'notice_text')", -1, &st, NULL) !=
	    SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return fail(d);
	}
	tables = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	/* An empty file (version 0, no table) is an empty desk. */
	if ((version == 0 && tables == 0) ||
	    (version == DESK_SCHEMA_VERSION && tables == 4))
		return 0;
	d->damaged = true;
	set_error(d, version > DESK_SCHEMA_VERSION
	          ? "made by a newer version of accueil"
	          : "not a desk database of accueil (tables are missing)");
	return -1;
}

/* Runs PRAGMA quick_check or integrity_check; 0 when "ok". */
static int
run_check(struct desk *d, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return fail(d);
	}
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *r = (const char *)sqlite3_column_text(st, 0);

		if (r != NULL && strcmp(r, "ok") == 0)
			rc = 0;
		else {
			d->damaged = true;
			set_error(d, "the file is damaged");
		}
	} else {
		fail(d);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Opens the desk database. */
int
desk_open(const char *path, bool writable, struct desk **out, char **err)
{
	struct desk *d = xcalloc(1, sizeof *d);
	int rc;

	d->path = xstrdup(path);
	d->writable = writable;
	*out = d;
	*err = NULL;
	rc = connect(d, false);
	if (rc == 0 && (check_schema(d) != 0 ||
	                run_check(d, "PRAGMA quick_check") != 0))
		rc = -1;
	if (rc >= 0)
		return 0;
	d->broken = true;
	*err = xstrdup(d->error);
	return -1;
}

/* Closes d. */
void
desk_close(struct desk *d)
{
	if (d == NULL)
		return;
	sqlite3_close(d->h);
	free(d->path);
	free(d->error);
	free(d);
}

/* Returns the last error of d. */
const char *
desk_error(const struct desk *d)
{
	return d->error != NULL ? d->error : "no error";
}

/* Returns true when the last failure said the file is damaged. */
bool
desk_damaged(const struct desk *d)
{
	return d->broken || d->damaged;
}

/* Makes sure d can be read: 0 open, 1 no file yet (empty), -1 broken. */
static int
readable(struct desk *d)
{
	int rc;

	if (d->broken) {
		d->damaged = true;
		return -1;
	}
	if (d->h != NULL)
		return 0;
	/* Written by another process since (an import, the kiosk). */
	rc = connect(d, false);
	if (rc == 0 && check_schema(d) != 0) {
		d->broken = true;
		return -1;
	}
	return rc;
}

/* Returns 1 when the tables are there, 0 when not yet, -1 on error. */
static int
has_tables(struct desk *d)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(d->h, "SELECT count(*) FROM sqlite_schema WHERE "
	                       "name = 'fact'", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return fail(d);
	}
	rc = sqlite3_column_int(st, 0) > 0;
	sqlite3_finalize(st);
	return rc;
}

/* Before a read: 1 when there is something to read, 0 when there is no
   file or no table yet (nothing), -1 on error. */
static int
can_read(struct desk *d)
{
	int rc = readable(d);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return has_tables(d);
}

/* Begins a write: the file and its tables made if need be. 0, or -1. */
static int
begin(struct desk *d)
{
	if (d->broken) {
		d->damaged = true;
		return -1;
	}
	if (!d->writable) {
		d->damaged = false;
		set_error(d, "opened read-only");
		return -1;
	}
	if (connect(d, true) != 0)
		return -1;
	if (sqlite3_exec(d->h, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return fail(d);
	if (sqlite3_exec(d->h, schema, NULL, NULL, NULL) != SQLITE_OK) {
		fail(d);
		sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* Ends a write: commits when ok, else rolls back. Returns 0, or -1. */
static int
end(struct desk *d, bool ok)
{
	if (ok && sqlite3_exec(d->h, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	if (ok)
		fail(d);
	sqlite3_exec(d->h, "ROLLBACK", NULL, NULL, NULL);
	return -1;
}

/* Prepares sql, binds the texts of args (NULL-terminated), steps it to
   its end. Returns 0, or -1. */
static int
exec_texts(struct desk *d, const char *sql, const char *const *args)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(d->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return fail(d);
	}
	for (int i = 0; args[i] != NULL; i++)
		sqlite3_bind_text(st, i + 1, args[i], -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(d);
}

/* Writes one fact inside a transaction. */
static int
put_fact(struct desk *d, const char *node, const char *field,
         const char *value, const char *date)
{
	if (value == NULL || value[0] == '\0')
		return exec_texts(d, "DELETE FROM fact WHERE node = ?1 AND "
		                  "field = ?2", (const char *[]){ node, field,
		                  NULL });
	return exec_texts(d, "INSERT OR REPLACE INTO fact (node, field, value, "
	                  "entered) VALUES (?1, ?2, ?3, ?4)",
	                  (const char *[]){ node, field, value, date, NULL });
}

/* Sets one fact. */
int
desk_fact_set(struct desk *d, const char *node, const char *field,
              const char *value, const char *date)
{
	if (begin(d) != 0)
		return -1;
	return end(d, put_fact(d, node, field, value, date) == 0);
}

/* Writes the hours of node inside a transaction. */
static int
put_hours(struct desk *d, const char *node, const struct desk_range *v,
          size_t n, const char *date)
{
	sqlite3_stmt *st = NULL;
	int rc = 0;

	if (exec_texts(d, "DELETE FROM hours WHERE node = ?1",
	               (const char *[]){ node, NULL }) != 0)
		return -1;
	if (n == 0)
		return 0;
	if (sqlite3_prepare_v2(d->h, "INSERT INTO hours (node, weekday, opens, "
	                       "closes, appointment, entered) VALUES (?1, ?2, "
	                       "?3, ?4, ?5, ?6)", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return fail(d);
	}
	for (size_t i = 0; i < n && rc == 0; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, v[i].weekday);
		sqlite3_bind_int(st, 3, v[i].opens);
		sqlite3_bind_int(st, 4, v[i].closes);
		sqlite3_bind_int(st, 5, v[i].appointment);
		sqlite3_bind_text(st, 6, date, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = fail(d);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Replaces the hours of node. */
int
desk_hours_set(struct desk *d, const char *node, const struct desk_range *v,
               size_t n, const char *date)
{
	if (begin(d) != 0)
		return -1;
	return end(d, put_hours(d, node, v, n, date) == 0);
}

/* Sets a whole card. */
int
desk_card_set(struct desk *d, const char *node, const char *const *fields,
              const char *const *values, size_t n,
              const struct desk_range *v, size_t nh, const char *date)
{
	bool ok = true;

	if (begin(d) != 0)
		return -1;
	for (size_t i = 0; ok && i < n; i++)
		ok = put_fact(d, node, fields[i], values[i], date) == 0;
	if (ok)
		ok = put_hours(d, node, v, nh, date) == 0;
	return end(d, ok);
}

/* Writes notice n inside a transaction. */
static int
put_notice(struct desk *d, const struct desk_notice *n, long long *id)
{
	long long row;
	char num[24];

	if (exec_texts(d, "INSERT INTO notice (first, last, entered) VALUES "
	               "(?1, ?2, ?3)", (const char *[]){ n->first, n->last,
	               n->entered, NULL }) != 0)
		return -1;
	row = sqlite3_last_insert_rowid(d->h);
	snprintf(num, sizeof num, "%lld", row);
	for (size_t i = 0; i < n->ntexts; i++)
		if (exec_texts(d, "INSERT INTO notice_text (notice, lang, "
		               "text) VALUES (CAST(?1 AS INTEGER), ?2, ?3)",
		               (const char *[]){ num, n->texts[i].lang,
		               n->texts[i].text, NULL }) != 0)
			return -1;
	if (id != NULL)
		*id = row;
	return 0;
}

/* Adds a notice. */
int
desk_notice_add(struct desk *d, const struct desk_notice *n, long long *id)
{
	if (begin(d) != 0)
		return -1;
	return end(d, put_notice(d, n, id) == 0);
}

/* Removes a notice. */
int
desk_notice_delete(struct desk *d, long long id)
{
	char num[24];

	snprintf(num, sizeof num, "%lld", id);
	if (begin(d) != 0)
		return -1;
	return end(d, exec_texts(d, "DELETE FROM notice WHERE id = "
	                         "CAST(?1 AS INTEGER)",
	                         (const char *[]){ num, NULL }) == 0);
}

/* Returns the card of node in c, appending it when new. */
static struct desk_card *
card_of(struct desk_content *c, const char *node)
{
	struct desk_card *k;

	if (c->ncards > 0 && strcmp(c->cards[c->ncards - 1].node, node) == 0)
		return &c->cards[c->ncards - 1];
	k = XAPPEND(c->cards, c->ncards);
	k->node = xstrdup(node);
	return k;
}

/* Reads the facts and hours of node (every node when NULL) into c. */
static int
read_cards(struct desk *d, const char *node, struct desk_content *c)
{
	static const char *const sql[2] = {
		"SELECT node, field, value, entered FROM fact WHERE ?1 IS NULL "
		"OR node = ?1 ORDER BY node, CASE field WHEN 'address' THEN 1 "
		"WHEN 'phone' THEN 2 ELSE 3 END",
		"SELECT node, weekday, opens, closes, appointment, entered "
		"FROM hours WHERE ?1 IS NULL OR node = ?1 ORDER BY node, "
		"weekday, opens, closes",
	};
	int rc = 0;

	for (int q = 0; q < 2 && rc == 0; q++) {
		sqlite3_stmt *st = NULL;
		int step;

		if (sqlite3_prepare_v2(d->h, sql[q], -1, &st, NULL) !=
		    SQLITE_OK) {
			sqlite3_finalize(st);
			return fail(d);
		}
		if (node != NULL)
			sqlite3_bind_text(st, 1, node, -1, SQLITE_STATIC);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			char *id = column(st, 0);
			struct desk_card *k;

			/* Hours may come for a node without facts. */
			k = NULL;
			for (size_t i = 0; i < c->ncards; i++)
				if (strcmp(c->cards[i].node, id) == 0)
					k = &c->cards[i];
			if (k == NULL)
				k = card_of(c, id);
			free(id);
			if (q == 0) {
				struct desk_fact *f = XAPPEND(k->facts,
				                              k->nfacts);

				f->field = column(st, 1);
				f->value = column(st, 2);
				f->entered = column(st, 3);
			} else {
				struct desk_range *r = XAPPEND(k->hours,
				                               k->nhours);

				r->weekday = sqlite3_column_int(st, 1);
				r->opens = sqlite3_column_int(st, 2);
				r->closes = sqlite3_column_int(st, 3);
				r->appointment = sqlite3_column_int(st, 4) != 0;
				free(k->hours_entered);
				k->hours_entered = column(st, 5);
			}
		}
		sqlite3_finalize(st);
		if (step != SQLITE_DONE)
			rc = fail(d);
	}
	return rc;
}

/* Fills *out with what the desk says of node. */
int
desk_card_get(struct desk *d, const char *node, struct desk_card *out)
{
	struct desk_content c = { 0 };
	int rc;

	memset(out, 0, sizeof *out);
	out->node = xstrdup(node);
	if ((rc = can_read(d)) <= 0)
		return rc;
	if (read_cards(d, node, &c) != 0) {
		desk_content_free(&c);
		return -1;
	}
	if (c.ncards > 0) {
		free(out->node);
		*out = c.cards[0];
		c.ncards = 0;
	}
	desk_content_free(&c);
	return 0;
}

/* Frees c. */
void
desk_card_free(struct desk_card *c)
{
	for (size_t i = 0; i < c->nfacts; i++) {
		free(c->facts[i].field);
		free(c->facts[i].value);
		free(c->facts[i].entered);
	}
	free(c->facts);
	free(c->hours);
	free(c->hours_entered);
	free(c->node);
	memset(c, 0, sizeof *c);
}

/* Reads the notices shown on day (all when NULL) into c. */
static int
read_notices(struct desk *d, const char *day, struct desk_content *c)
{
	sqlite3_stmt *st = NULL;
	int step;

	if (sqlite3_prepare_v2(d->h, "SELECT n.id, n.first, n.last, "
	                       "n.entered, t.lang, t.text FROM notice n JOIN "
	                       "notice_text t ON t.notice = n.id WHERE ?1 IS "
	                       "NULL OR (n.first <= ?1 AND ?1 <= n.last) ORDER "
	                       "BY n.first, n.id, t.lang <> 'fr', t.lang", -1,
	                       &st, NULL) !=
	    SQLITE_OK) {
		sqlite3_finalize(st);
		return fail(d);
	}
	if (day != NULL)
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		struct desk_notice *n;
		struct desk_text *t;

		if (c->nnotices == 0 || c->notices[c->nnotices - 1].id != id) {
			n = XAPPEND(c->notices, c->nnotices);
			n->id = id;
			n->first = column(st, 1);
			n->last = column(st, 2);
			n->entered = column(st, 3);
		}
		n = &c->notices[c->nnotices - 1];
		t = XAPPEND(n->texts, n->ntexts);
		t->lang = column(st, 4);
		t->text = column(st, 5);
	}
	sqlite3_finalize(st);
	return step == SQLITE_DONE ? 0 : fail(d);
}

/* Fills *out with the notices of day. */
int
desk_notices(struct desk *d, const char *day, struct desk_content *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = can_read(d)) <= 0)
		return rc;
	if (read_notices(d, day, out) == 0)
		return 0;
	desk_content_free(out);
	return -1;
}

/* Fills *out with everything. */
int
desk_content_get(struct desk *d, struct desk_content *out)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = can_read(d)) <= 0)
		return rc;
	if (read_cards(d, NULL, out) == 0 && read_notices(d, NULL, out) == 0)
		return 0;
	desk_content_free(out);
	return -1;
}

/* Replaces everything. */
int
desk_content_put(struct desk *d, const struct desk_content *c)
{
	bool ok;

	if (begin(d) != 0)
		return -1;
	ok = sqlite3_exec(d->h, "DELETE FROM notice_text; DELETE FROM notice; "
	                  "DELETE FROM hours; DELETE FROM fact", NULL, NULL,
	                  NULL) == SQLITE_OK;
	if (!ok)
		fail(d);
	for (size_t i = 0; ok && i < c->ncards; i++) {
		const struct desk_card *k = &c->cards[i];

		for (size_t j = 0; ok && j < k->nfacts; j++)
			ok = put_fact(d, k->node, k->facts[j].field,
			              k->facts[j].value,
			              k->facts[j].entered) == 0;
		if (ok && k->nhours > 0)
			ok = put_hours(d, k->node, k->hours, k->nhours,
			               k->hours_entered) == 0;
	}
	for (size_t i = 0; ok && i < c->nnotices; i++)
		ok = put_notice(d, &c->notices[i], NULL) == 0;
	return end(d, ok);
}

/* Frees c. */
void
desk_content_free(struct desk_content *c)
{
	for (size_t i = 0; i < c->ncards; i++)
		desk_card_free(&c->cards[i]);
	free(c->cards);
	for (size_t i = 0; i < c->nnotices; i++) {
		struct desk_notice *n = &c->notices[i];

		for (size_t j = 0; j < n->ntexts; j++) {
			free(n->texts[j].lang);
			free(n->texts[j].text);
		}
		free(n->texts);
		free(n->first);
		free(n->last);
		free(n->entered);
	}
	free(c->notices);
	memset(c, 0, sizeof *c);
}

/* Checks the whole file. */
int
desk_check(struct desk *d)
{
	int rc = readable(d);

	if (rc != 0)
		return rc < 0 ? -1 : 0;
	return run_check(d, "PRAGMA integrity_check");
}
