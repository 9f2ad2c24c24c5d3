/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * types.h - what the database layer gives: entries, nodes, search results,
 * language counts, and what an error means. Every string in them is
 * owned by the struct and is clean UTF-8 (text_clean); each list has one
 * *_free in db.h. Apart from db.h so that the files of db/ that make
 * them (row.c) need not include the whole interface.
 */
#ifndef ACCUEIL_DB_TYPES_H
#define ACCUEIL_DB_TYPES_H

#include <stdbool.h>
#include <stddef.h>

#include "text/text-search.h"

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

/* The most bytes of one field (or any value) read from the database: a
   longer one is an error, not a blank screen for minutes. */
#define DB_VALUE_MAX (16 * 1024 * 1024)

/* What the last error of db means (none when the last call worked). */
enum db_fault {
	DB_FAULT_NONE,
	DB_FAULT_VALUE,         /* one value too long: that page only */
	DB_FAULT_SEARCH,        /* the search index is damaged (or SQLite
	                           has no FTS5): search does not work, the
	                           rest of the kiosk does */
	DB_FAULT_DAMAGED,       /* the file is damaged or unreadable */
};

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
	struct text_tokens words;       /* when typos were corrected, the
	                                   words found instead (else none) */
};

/* How much of the interface and of the content a language has. */
struct db_language {
	int texts, done;        /* content texts, and how many are translated */
	bool reviewed;          /* a fluent reader reviewed the content */
	int ui_texts, ui_done;  /* the same for the interface */
	bool ui_reviewed;
};

#endif
