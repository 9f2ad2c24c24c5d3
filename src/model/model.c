/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model.c - turns database nodes into views (see model.h).
 */
#include "model/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "common/xalloc.h"
#include "text/text-search.h"
#include "text/text.h"

/* The contact fields, in the order they are shown, with their labels. */
static const struct {
	const char *name;
	const char *label;
	bool always;    /* shown as "ask at the desk" when no source gives it */
} contact_fields[] = {
	{ "aka",     N_("Aussi appelé"),       false },
	{ "org",     N_("Organisation"),       false },
	{ "role",    N_("Pour"),               false },
	{ "address", N_("Adresse"),            true },
	{ "town",    N_("Lieu"),               false },
	{ "phone",   N_("Téléphone"),          true },
	{ "email",   N_("E-mail"),             true },
	{ "website", N_("Site web"),           false },
	{ "hours",   N_("Heures d'ouverture"), true },
};

/* Appends a paragraph to v; label and text are copied. */
static void
add_para(struct model_view *v, enum model_style style, const char *label,
         const char *text)
{
	struct model_para *p;

	v->para = xreallocarray(v->para, v->npara + 1, sizeof *v->para);
	p = &v->para[v->npara++];
	p->style = style;
	p->name = NULL;
	p->label = xstrdup(label);
	p->text = xstrdup(text);
}

/* Splits a body into paragraphs at blank lines; "- " starts a list item. */
static void
add_body(struct model_view *v, const char *body)
{
	const char *p = body;

	while (*p != '\0') {
		const char *end = strstr(p, "\n\n");
		size_t n = end ? (size_t)(end - p) : strlen(p);
		char *para = xstrndup(p, n);

		if (strncmp(para, "- ", 2) == 0)
			add_para(v, MODEL_ITEM, NULL, para + 2);
		else if (strncmp(para, "## ", 3) == 0)
			add_para(v, MODEL_HEADING, NULL, para + 3);
		else if (n > 0)
			add_para(v, MODEL_TEXT, NULL, para);
		free(para);
		p += n;
		while (*p == '\n')
			p++;
	}
}

/* Formats an ISO date YYYY-MM-DD as DD/MM/YYYY; anything else as it is. */
static char *
format_date(const char *iso)
{
	int y, m, d;

	if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3)
		return xasprintf("%02d/%02d/%04d", d, m, y);
	return xstrdup(iso);
}

/* Adds the labelled fields of a contact card. */
static void
add_contact(struct model_view *v, const struct db_node *n)
{
	for (size_t i = 0; i < sizeof contact_fields / sizeof *contact_fields;
	     i++) {
		const struct db_field *f = db_node_field(n, contact_fields[i].name);
		const char *label = _(contact_fields[i].label);

		if (f != NULL && f->value[0] != '\0')
			add_para(v, MODEL_FIELD, label, f->value);
		else if (contact_fields[i].always)
			/* TRANSLATORS: shown instead of a phone number, address...
			   that no source gives. */
			add_para(v, MODEL_UNKNOWN, label, _("demandez à l'accueil"));
		else
			continue;
		v->para[v->npara - 1].name = contact_fields[i].name;
	}
}

/* Adds the checked date and the sources of n. */
static void
add_notes(struct model_view *v, const struct db_node *n)
{
	char *date = format_date(n->checked), *s;

	/* TRANSLATORS: %s is a date such as 22/11/2026. */
	s = xasprintf(_("Informations vérifiées le %s."), date);
	add_para(v, MODEL_NOTE, NULL, s);
	free(s);
	free(date);
	if (n->dated[0] != '\0') {
		/* TRANSLATORS: %s is the date or year of the source, e.g. 2013. */
		s = xasprintf(_("Date de la source : %s."), n->dated);
		add_para(v, MODEL_NOTE, NULL, s);
		free(s);
	}
	if (n->source[0] != '\0') {
		/* TRANSLATORS: %s lists the sources of the page. */
		s = xasprintf(_("Source : %s"), n->source);
		add_para(v, MODEL_NOTE, NULL, s);
		free(s);
	}
}

/*
 * Adds, when the source is three years or more older than the check, that
 * the information may have changed.
 */
static void
add_age_warning(struct model_view *v, const struct db_node *n)
{
	int checked, dated = 0;
	const char *p = n->dated;
	char *s;

	if (sscanf(n->checked, "%4d", &checked) != 1)
		return;
	/* The first year the source's date gives. */
	while (*p != '\0' && sscanf(p, "%4d", &dated) != 1)
		p++;
	if (dated < 1900 || checked - dated < 3)
		return;
	/* TRANSLATORS: %d is the year of the source of the page. */
	s = xasprintf(_("Ces informations datent de %d : elles ont peut-être "
	                "changé. Vérifiez à l'accueil."), dated);
	add_para(v, MODEL_WARNING, NULL, s);
	free(s);
}

/* Loads node id into v. */
int
model_view_load(struct db *db, const char *id, const char *lang,
                struct model_view *v, char **err)
{
	struct db_node n;
	const struct db_field *f;
	int rc;

	memset(v, 0, sizeof *v);
	*err = NULL;
	rc = db_node_get(db, id, lang, &n);
	if (rc != 0) {
		if (rc < 0)
			*err = xstrdup(db_error(db));
		return rc;
	}
	v->id = xstrdup(n.id);
	v->kind = n.kind;
	f = db_node_field(&n, "title");
	v->title = xstrdup(f ? f->value : n.id);
	v->fallback = f ? f->fallback : false;
	add_age_warning(v, &n);
	if (n.kind == KIND_CONTACT)
		add_contact(v, &n);
	f = db_node_field(&n, "brief");
	if (f != NULL) {
		/* TRANSLATORS: heading of the few easy sentences that open a
		   page. */
		add_para(v, MODEL_HEADING, NULL, _("En bref"));
		add_para(v, MODEL_TEXT, NULL, f->value);
		v->text_fallback = f->fallback;
	}
	f = db_node_field(&n, "body");
	if (f != NULL) {
		if (db_node_field(&n, "brief") != NULL)
			/* TRANSLATORS: heading of the rest of a page, after "En
			   bref". */
			add_para(v, MODEL_HEADING, NULL, _("En détail"));
		v->text_fallback |= f->fallback;
		add_body(v, f->value);
	}
	if (n.kind == KIND_PAGE || n.kind == KIND_CONTACT || n.kind == KIND_TERM)
		add_notes(v, &n);
	if (n.kind == KIND_MENU)
		rc = db_children(db, id, lang, &v->entries);
	else
		rc = db_links(db, id, lang, &v->entries);
	if (rc == 0)
		rc = db_path(db, id, lang, &v->path);
	db_node_free(&n);
	if (rc != 0) {
		*err = xstrdup(db_error(db));
		model_view_free(v);
		return -1;
	}
	return 0;
}

/* Frees v. */
void
model_view_free(struct model_view *v)
{
	for (size_t i = 0; i < v->npara; i++) {
		free(v->para[i].label);
		free(v->para[i].text);
	}
	free(v->para);
	free(v->id);
	free(v->title);
	db_list_free(&v->path);
	db_list_free(&v->entries);
	memset(v, 0, sizeof *v);
}

/* The most words of a query that are looked for. */
#define QUERY_WORDS 16

/* Searches the content for query. */
int
model_search(struct db *db, const char *query, const char *lang,
             const char *kind, size_t max, struct model_results *out,
             char **err)
{
	char *folded = text_fold(query);
	int rc;

	text_tokens(folded, QUERY_WORDS, &out->words);
	free(folded);
	/* Folding trims the end: a space typed after a word completes it. */
	if (*query != '\0' && strchr(" \t'-.,;:!?)", query[strlen(query) - 1]))
		out->words.open = false;
	out->searched = text_search_long_enough(&out->words);
	rc = db_search(db, &out->words, lang, kind, max, &out->hits);
	*err = rc != 0 ? xstrdup(db_error(db)) : NULL;
	if (rc != 0) {
		text_tokens_wipe(&out->words);
		return rc;
	}
	/* Typos corrected: the words found are the ones to mark. */
	if (out->hits.words.n > 0) {
		text_tokens_wipe(&out->words);
		out->words = out->hits.words;
		memset(&out->hits.words, 0, sizeof out->hits.words);
	}
	/* The words an excerpt marks are those searched for. */
	text_tokens_searched(&out->words);
	return 0;
}

/* Finds the contact cards matching query, or all of them. */
int
model_contacts(struct db *db, const char *query, const char *lang,
               struct model_results *out, char **err)
{
	int rc;

	if (model_search(db, query, lang, "contact", 500, out, err) != 0)
		return -1;
	if (out->searched)
		return 0;
	rc = db_contacts(db, lang, &out->hits);
	*err = rc != 0 ? xstrdup(db_error(db)) : NULL;
	return rc;
}

/* Frees r. */
void
model_results_free(struct model_results *r)
{
	db_hits_free(&r->hits);
	/* The words are what the visitor typed: wiped, not only freed. */
	text_tokens_wipe(&r->words);
}

/* Returns the breadcrumb of v. */
char *
model_crumb(const struct model_view *v, const char *sep)
{
	size_t len = 1;
	char *s;

	for (size_t i = 0; i < v->path.n; i++)
		len += strlen(v->path.v[i].title) + strlen(sep);
	s = xmalloc(len);
	s[0] = '\0';
	for (size_t i = 0; i < v->path.n; i++) {
		if (i > 0)
			strncat(s, sep, len - strlen(s) - 1);
		strncat(s, v->path.v[i].title, len - strlen(s) - 1);
	}
	return s;
}
