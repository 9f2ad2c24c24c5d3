/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model.h - what a screen shows, already in the visitor's language.
 *
 * A view is one node of the menu tree made ready to show: its path, its
 * title, its text as paragraphs (a contact card becomes labelled lines, an
 * unknown field says to ask at the desk) and its entries (the children of a
 * menu, the "see also" links of a page). No SQL and no curses here.
 */
#ifndef ACCUEIL_MODEL_H
#define ACCUEIL_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "text/text-search.h"
#include "text/text.h"

/* How a paragraph is shown. */
enum model_style {
	MODEL_TEXT,     /* plain text */
	MODEL_ITEM,     /* a list item: text after a bullet */
	MODEL_FIELD,    /* a contact field: label, then value */
	MODEL_UNKNOWN,  /* a field no source gives: label, then "ask at the desk" */
	MODEL_NOTE,     /* the checked date, the source: shown dimmed */
	MODEL_HEADING,  /* a heading inside the text */
	MODEL_WARNING,  /* "this may have changed": shown marked */
};

struct model_para {
	enum model_style style;
	const char *name; /* the field's name ("phone"...) for MODEL_FIELD and
	                     MODEL_UNKNOWN, else NULL */
	char *label;    /* for MODEL_FIELD and MODEL_UNKNOWN, else NULL */
	char *text;
};

struct model_view {
	char *id;
	int kind;               /* enum kind (db/kind.h) */
	char *title;
	bool fallback;          /* the title is shown in French */
	bool text_fallback;     /* the text is shown in French */
	struct db_list path;    /* home first, this node last */
	size_t npara;
	struct model_para *para;
	struct db_list entries; /* children of a menu, links of a page */
};

/*
 * Loads node id in language lang into *v. Returns 0, 1 when there is no
 * such node, -1 on a database error (then *err is a malloc'd sentence).
 */
int model_view_load(struct db *db, const char *id, const char *lang,
                    struct model_view *v, char **err);

/* Frees what model_view_load stored in v. */
void model_view_free(struct model_view *v);

/* What a search found, and the words it looked for (for excerpts). */
struct model_results {
	struct db_hits hits;
	struct text_tokens words;       /* searched for: the excerpts mark them */
	bool searched;  /* the words were long enough to search
	                   (text_search_long_enough); else nothing was
	                   looked for: no "no results" */
};

/*
 * Searches the content for what a person typed (any bytes: it is folded and
 * split into words first), keeping only nodes of kind unless it is NULL.
 * Fills *out with at most max results, and the words searched for (typos
 * corrected, see db_search). Returns 0, or -1 on error (then *err
 * is a malloc'd sentence).
 */
int model_search(struct db *db, const char *query, const char *lang,
                 const char *kind, size_t max, struct model_results *out,
                 char **err);

/*
 * Fills *out with the contact cards matching what a person typed, or all of
 * them while it is not long enough to search. 0, or -1 on error (*err as
 * above).
 */
int model_contacts(struct db *db, const char *query, const char *lang,
                   struct model_results *out, char **err);

/* Frees what model_search or model_contacts stored in r. */
void model_results_free(struct model_results *r);

/* Returns the breadcrumb of v ("Accueil › Thématiques › Santé"); caller frees. */
char *model_crumb(const struct model_view *v, const char *sep);

#endif
