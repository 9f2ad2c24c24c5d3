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
#include "db/types.h"
#include "text/text-search.h"

/* The schema version this program reads (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 7

struct db;

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

/* Returns what the last error of db means (DB_FAULT_NONE for NULL). */
enum db_fault db_fault(const struct db *db);

/* Returns true when the last error of db says the file is damaged or
   unreadable (not one value too long, not the search index alone). */
bool db_damaged(const struct db *db);

/*
 * The one rule that puts the kiosk out of service: returns true when db
 * must be closed and opened again before anything more is read from it,
 * because its last error says the file is damaged (db_damaged) or because
 * the file was replaced, written over or deleted (db_stale). A missing
 * node, a value too long or a damaged search index is not.
 */
bool db_broken(const struct db *db);

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

/*
 * Fills *out with at most max nodes, in lang or in French, that contain
 * any searched word of t (the words of a folded query, see text_tokens
 * and text_word_searched), the word being typed (once long enough) also
 * as the start of a longer one; those holding more of the words first,
 * then by relevance (bm25, a title weighing a hundred times the rest), a
 * glossary entry whose French word holds every word typed before all.
 * When no node holds a word, the words of four letters or more that the
 * index does not hold are replaced by their nearest spelling neighbour
 * from the index's vocabulary: one letter away ("rasisme" finds
 * "racisme"), else the word sharing the most of their runs of three
 * letters, at least half ("sociojuridik"); out->words then holds the
 * words found. kind, unless
 * NULL, keeps only nodes of the kind it names (see kind_name). Words not
 * long enough (text_search_long_enough) find nothing. The words are quoted
 * into an FTS5 query that is bound as a parameter: they are searched as
 * text whatever they hold. 0, or -1 (see db_fault).
 */
int db_search(struct db *db, const struct text_tokens *t, const char *lang,
              const char *kind, size_t max, struct db_hits *out);

/* Fills *out with every contact card, by title. 0, or -1 on error. */
int db_contacts(struct db *db, const char *lang, struct db_hits *out);

/* Frees the results of h and empties it. */
void db_hits_free(struct db_hits *h);

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
