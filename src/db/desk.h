/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * desk.h - all of SQLite for the desk's own facts: the phones, e-mails,
 * addresses and opening hours the reception staff enter, and their notices,
 * kept in a small database of their own under the state directory, never
 * in the package's read-only one.
 *
 * Every change is one transaction, written with a rollback journal and
 * synchronous=FULL, so that a power cut in the middle of a write leaves
 * either the old facts or the new ones. The file and its tables are made at
 * the first write only: a kiosk that nobody writes to leaves nothing.
 * Every struct filled here is owned by the caller, with one *_free each;
 * every string in them is clean UTF-8 (text_clean).
 */
#ifndef ACCUEIL_DESK_H
#define ACCUEIL_DESK_H

#include <stdbool.h>
#include <stddef.h>

/* The schema version of the desk database (PRAGMA user_version). */
#define DESK_SCHEMA_VERSION 1

/* The longest value, notice text or node id kept, in bytes. */
#define DESK_VALUE_MAX 2000

struct desk;

/* One fact of a card: field is "phone", "email" or "address". */
struct desk_fact {
	char *field;
	char *value;
	char *entered;  /* the day it was entered, YYYY-MM-DD */
};

/* One opening of a weekday: from opens to closes (minutes after midnight,
   both -1 when no time is given), by appointment or not. */
struct desk_range {
	int weekday;    /* 1 Monday ... 7 Sunday */
	int opens, closes;
	bool appointment;
};

/* What the desk says of one card; free with desk_card_free. */
struct desk_card {
	char *node;
	size_t nfacts;
	struct desk_fact *facts;
	size_t nhours;
	struct desk_range *hours;       /* by weekday, then opening time */
	char *hours_entered;            /* NULL when no hours are kept */
};

/* One text of a notice. */
struct desk_text {
	char *lang;     /* "fr", "ar"... */
	char *text;
};

/* A notice for the home screen, from its first to its last day. */
struct desk_notice {
	long long id;
	char *first, *last, *entered;   /* YYYY-MM-DD */
	size_t ntexts;
	struct desk_text *texts;        /* French first */
};

/* Everything the desk keeps; free with desk_content_free. */
struct desk_content {
	size_t ncards;
	struct desk_card *cards;        /* by node id */
	size_t nnotices;
	struct desk_notice *notices;    /* by first day */
};

/*
 * Opens the desk database at path, read-write when writable (the file and
 * its tables are made at the first write), else read-only; a file that does
 * not exist is an empty desk. Always stores a desk in *out (close it with
 * desk_close). Returns 0, or -1 when the file is there but is not a desk
 * database this program can read (damaged, another kind, unreadable):
 * then *err is one malloc'd sentence (caller frees) and every function
 * but desk_close fails.
 */
int desk_open(const char *path, bool writable, struct desk **out, char **err);

/* Closes d (NULL is fine). */
void desk_close(struct desk *d);

/* Returns the last error of d as a sentence (owned by d). */
const char *desk_error(const struct desk *d);

/* Returns true when the last failure of d says the file is damaged (not
   merely full or read-only). */
bool desk_damaged(const struct desk *d);

/* Fills *out with what the desk says of node (maybe nothing). 0, or -1. */
int desk_card_get(struct desk *d, const char *node, struct desk_card *out);

/* Frees what desk_card_get stored in c. */
void desk_card_free(struct desk_card *c);

/* Sets field of node to value (an empty value removes it), entered on
   date, in one transaction. 0, or -1. */
int desk_fact_set(struct desk *d, const char *node, const char *field,
                  const char *value, const char *date);

/* Replaces the opening hours of node by the n ranges of v (none removes
   them), entered on date, in one transaction. 0, or -1. */
int desk_hours_set(struct desk *d, const char *node,
                   const struct desk_range *v, size_t n, const char *date);

/* Sets the n fields[i] of node to values[i] (empty ones removed) and its
   hours to the nh ranges of v, entered on date, in one transaction: all
   or nothing. 0, or -1. */
int desk_card_set(struct desk *d, const char *node, const char *const *fields,
                  const char *const *values, size_t n,
                  const struct desk_range *v, size_t nh, const char *date);

/* Adds notice n (its id is not read) in one transaction; stores its new
   id in *id unless NULL. 0, or -1. */
int desk_notice_add(struct desk *d, const struct desk_notice *n,
                    long long *id);

/* Removes notice id, in one transaction. 0, or -1. */
int desk_notice_delete(struct desk *d, long long id);

/* Fills *out with the notices shown on day (YYYY-MM-DD), or every notice
   when day is NULL; free with desk_content_free. 0, or -1. */
int desk_notices(struct desk *d, const char *day, struct desk_content *out);

/* Fills *out with everything the desk keeps. 0, or -1. */
int desk_content_get(struct desk *d, struct desk_content *out);

/* Replaces everything the desk keeps by c, in one transaction: on any
   failure nothing changes. 0, or -1. */
int desk_content_put(struct desk *d, const struct desk_content *c);

/* Frees what c holds and empties it. */
void desk_content_free(struct desk_content *c);

/* Checks the whole file (PRAGMA integrity_check). 0 when sound, -1 (see
   desk_error). */
int desk_check(struct desk *d);

#endif
