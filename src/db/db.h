/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * db.h - all of SQLite: the content database, opened read-only.
 *
 * Every function returns owned structs with one *_free each; every string in
 * them is clean UTF-8 (text_clean), whatever the file holds. Languages are
 * codes such as "fr" or "ar"; a text missing in the asked language comes in
 * French with its fallback flag set.
 */
#ifndef ACCUEIL_DB_H
#define ACCUEIL_DB_H

#include <stdbool.h>
#include <stddef.h>

#include "db/kind.h"
#include "text/text.h"

/* The schema version this program reads (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 6

struct db;

/* A node as a menu entry: its id, kind and title. */
struct db_entry {
	char *id;
	int kind;       /* enum kind (db/kind.h) */
	char *title;
	bool fallback;  /* the title is the French one */
};

/* A list of entries; free with db_list_free. */
struct db_list {
	size_t n;
	struct db_entry *v;
};

/* One named text of a node. */
struct db_field {
	char *name;
	char *value;
	bool fallback;  /* the value is the French one */
};

/* A whole node; free with db_node_free. */
struct db_node {
	char *id, *parent, *source, *checked, *dated;
	int kind;       /* enum kind */
	size_t nfields;
	struct db_field *fields;
};

/*
 * Opens the database at path read-only and checks that it is one this
 * program understands. On success stores it in *out and returns 0; on
 * failure returns -1 and stores in *err one malloc'd sentence naming the path
 * and the problem (caller frees).
 */
int db_open(const char *path, struct db **out, char **err);

/* Closes db (NULL is fine). */
void db_close(struct db *db);

/* Returns the last error of db as a sentence (owned by db). */
const char *db_error(const struct db *db);

/* Returns the path db was opened from (owned by db). */
const char *db_file(const struct db *db);

/*
 * Returns true when the file at db's path is no longer the one opened
 * (replaced, copied over, truncated, deleted): the database must be opened
 * again. The file is opened immutable, so SQLite itself would not notice.
 */
bool db_stale(const struct db *db);

/* Returns true when the file opened was written over in place (the same
   file, other bytes): what is read from it now may be a mix of both. A file
   replaced by another (renamed over) or deleted is still read whole. */
bool db_rewritten(const struct db *db);

/* The most bytes of one field (or any value) read from the database: a
   longer one is an error, not a blank screen for minutes. */
#define DB_VALUE_MAX (16 * 1024 * 1024)

/* Returns true when the last error of db says the file is damaged or
   unreadable (not merely one value too long). */
bool db_damaged(const struct db *db);

/*
 * Fills *out with node id in language lang. Returns 0, 1 when there is no
 * such node, -1 on a database error (see db_error).
 */
int db_node_get(struct db *db, const char *id, const char *lang,
                struct db_node *out);

/* Returns the value of field name of n, or NULL (owned by n). */
const struct db_field *db_node_field(const struct db_node *n, const char *name);

/* Frees what db_node_get stored in n. */
void db_node_free(struct db_node *n);

/* Fills *out with the children of parent in order. 0, or -1 on error. */
int db_children(struct db *db, const char *parent, const char *lang,
                struct db_list *out);

/* Fills *out with the "see also" links of id in order. 0, or -1. */
int db_links(struct db *db, const char *id, const char *lang,
             struct db_list *out);

/* Fills *out with the ancestors of id, home first, id itself last. 0, or -1. */
int db_path(struct db *db, const char *id, const char *lang,
            struct db_list *out);

/* A search result. */
struct db_hit {
	char *id;
	int kind;       /* enum kind */
	char *title;
	bool fallback;  /* the title is the French one */
	char *section;  /* the title of its menu */
	char *text;     /* its texts as they are, for an excerpt */
	int words;      /* how many of the words searched for it holds */
};

/* A list of results; free with db_hits_free. */
struct db_hits {
	size_t n;
	struct db_hit *v;
};

/*
 * Fills *out with at most max nodes, in lang or in French, that contain
 * any word of t (the words of a folded query, see text_tokens), the word
 * being typed (three letters or more) also as the start of a longer one;
 * those holding more of the words first, then by relevance (bm25, a title
 * weighing a hundred times the rest), a glossary entry whose French word
 * holds every word typed before all. When no node holds a word, the
 * nodes whose title holds at least half of the words' three-letter runs
 * (typos). kind, unless NULL, keeps only nodes of the kind it names (see
 * kind_name). No words find
 * nothing. The words are quoted into an FTS5 query that is bound as a
 * parameter: they are searched as text whatever they hold. 0, or -1.
 */
int db_search(struct db *db, const struct text_tokens *t, const char *lang,
              const char *kind, size_t max, struct db_hits *out);

/* Fills *out with every contact card, by title. 0, or -1 on error. */
int db_contacts(struct db *db, const char *lang, struct db_hits *out);

/* Frees the results of h and empties it. */
void db_hits_free(struct db_hits *h);

/* How much of the interface and of the content a language has. */
struct db_language {
	int texts, done;        /* content texts, and how many are translated */
	bool reviewed;          /* a fluent reader reviewed the content */
	int ui_texts, ui_done;  /* the same for the interface */
	bool ui_reviewed;
};

/* Fills *out for language code. 0, 1 when it has no translation, -1. */
int db_language_get(struct db *db, const char *code, struct db_language *out);

/* Frees the entries of l and empties it. */
void db_list_free(struct db_list *l);

/*
 * Forgets what the statements were last given, at the end of a visit:
 * each is reset (a search's cursor, and its copy of the query, freed) and
 * its parameters cleared; the memory SQLite can give back is given back.
 */
void db_forget(struct db *db);

#endif
