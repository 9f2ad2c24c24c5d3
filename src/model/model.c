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
#include "db/desk.h"
#include "model/hours.h"
#include "model/staff.h"
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

/* Returns msgid in language lang (malloc'd): a view's words are those of
   its own language, whatever the interface's (the French original shown
   under a page is French throughout). */
static char *
in(const char *lang, const char *msgid)
{
	return i18n_gettext_in(lang, msgid);
}

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

/*
 * Returns, malloc'd, s with every space between two digits made a
 * no-break one, as the build does for the package's texts: a phone number
 * is never cut in two nor reversed under a right-to-left language.
 */
static char *
number_groups(const char *s)
{
	size_t n = strlen(s), k = 0;
	char *out = xmalloc(2 * n + 1);

	for (size_t i = 0; i < n; i++) {
		bool between = i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
		               s[i + 1] >= '0' && s[i + 1] <= '9';

		if (s[i] == ' ' && between) {
			out[k++] = '\xc2';   /* U+00A0 */
			out[k++] = '\xa0';
			continue;
		}
		out[k++] = s[i];
	}
	out[k] = '\0';
	return out;
}

/* Returns the value the desk gives field in c, or NULL. */
static const char *
desk_value(const struct desk_card *c, const char *field)
{
	for (size_t i = 0; i < c->nfacts; i++)
		if (strcmp(c->facts[i].field, field) == 0)
			return c->facts[i].value;
	return NULL;
}

/*
 * Adds the opening hours the desk gives in c, one weekday a line, then
 * whether it is open now. Returns false when the desk gives none.
 */
static bool
add_hours(struct model_view *v, const struct desk_card *c, const char *label)
{
	struct hours_now now;
	bool first = true;

	if (c->nhours == 0)
		return false;
	for (int d = 1; d <= 7; d++) {
		char *line = hours_day_line(c->hours, c->nhours, d);

		if (line == NULL)
			continue;
		add_para(v, MODEL_FIELD, first ? label : "", line);
		v->para[v->npara - 1].name = "hours";
		first = false;
		free(line);
	}
	hours_now(&now);
	add_para(v, MODEL_FIELD, "", hours_open(c->hours, c->nhours, &now)
	         /* TRANSLATORS: under opening hours, from the kiosk's
	            clock. */
	         ? _("Ouvert maintenant.")
	         /* TRANSLATORS: under opening hours, from the kiosk's
	            clock. */
	         : _("Fermé maintenant."));
	v->para[v->npara - 1].name = "hours";
	return true;
}

/* Adds the labelled fields of a contact card in lang, the desk's before
   the package's. */
static void
add_contact(struct model_view *v, const struct db_node *n,
            const struct desk_card *c, const char *lang)
{
	/* TRANSLATORS: shown instead of a phone number, address... that no
	   source gives. */
	char *ask = in(lang, N_("demandez à l'accueil"));

	for (size_t i = 0; i < sizeof contact_fields / sizeof *contact_fields;
	     i++) {
		const struct db_field *f = db_node_field(n, contact_fields[i].name);
		char *label = in(lang, contact_fields[i].label);
		const char *desk = desk_value(c, contact_fields[i].name);
		bool shown = true;

		if (strcmp(contact_fields[i].name, "hours") == 0 &&
		    add_hours(v, c, label)) {
			free(label);
			continue;
		}
		if (desk != NULL) {
			char *marked = number_groups(desk);

			add_para(v, MODEL_FIELD, label, marked);
			free(marked);
		}
		else if (f != NULL && f->value[0] != '\0')
			add_para(v, MODEL_FIELD, label, f->value);
		else if (contact_fields[i].always)
			add_para(v, MODEL_UNKNOWN, label, ask);
		else
			shown = false;
		free(label);
		if (shown)
			v->para[v->npara - 1].name = contact_fields[i].name;
	}
	free(ask);
}

/* Adds that the desk gave some of the card's facts, and when. */
static void
add_desk_note(struct model_view *v, const struct desk_card *c)
{
	const char *last = c->hours_entered;
	char *date, *s;

	for (size_t i = 0; i < c->nfacts; i++)
		if (last == NULL || strcmp(c->facts[i].entered, last) > 0)
			last = c->facts[i].entered;
	if (last == NULL)
		return;
	date = hours_day_text(last);
	/* TRANSLATORS: the source of the facts the reception staff entered
	   in the kiosk; %1$s is "Accueil du CAI" (a name, kept in French),
	   %2$s the day they were entered, 22/11/2026. */
	s = xasprintf(_("Source des informations de l'accueil : %s, %s."),
	              STAFF_SOURCE, date);
	add_para(v, MODEL_NOTE, NULL, s);
	free(s);
	free(date);
}

/* Adds the notices of the desk shown today, in lang or in French with the
   untranslated mark. */
static void
add_notices(struct model_view *v, const char *lang)
{
	struct desk *d = staff_desk();
	struct desk_content c;
	struct hours_now now;

	if (d == NULL)
		return;
	hours_now(&now);
	if (desk_notices(d, now.day, &c) != 0)
		return;         /* the package's facts alone */
	for (size_t i = 0; i < c.nnotices; i++) {
		const struct desk_notice *n = &c.notices[i];
		const char *fr = NULL, *own = NULL;
		char *s;

		for (size_t j = 0; j < n->ntexts; j++) {
			if (strcmp(n->texts[j].lang, "fr") == 0)
				fr = n->texts[j].text;
			if (strcmp(n->texts[j].lang, lang) == 0)
				own = n->texts[j].text;
		}
		if (own == NULL && fr == NULL)
			continue;
		s = number_groups(own != NULL ? own : fr);
		if (own == NULL) {
			char *t = xasprintf("%s %s", s,
			                    _("(pas encore traduit)"));

			free(s);
			s = t;
		}
		add_para(v, MODEL_WARNING, NULL, s);
		v->para[v->npara - 1].name = "notice";
		free(s);
	}
	desk_content_free(&c);
}

/* Adds a note made of the format msgid (in lang) and one string. */
static void
add_note(struct model_view *v, const char *lang, const char *msgid,
         const char *arg)
{
	char *fmt = in(lang, msgid), *s = xasprintf(fmt, arg);

	add_para(v, MODEL_NOTE, NULL, s);
	free(s);
	free(fmt);
}

/* Adds the checked date and the sources of n, in lang. */
static void
add_notes(struct model_view *v, const struct db_node *n, const char *lang)
{
	char *date = format_date(n->checked);

	/* TRANSLATORS: %s is a date such as 22/11/2026. */
	add_note(v, lang, N_("Informations vérifiées le %s."), date);
	free(date);
	if (n->dated[0] != '\0')
		/* TRANSLATORS: %s is the date or year of the source, e.g. 2013. */
		add_note(v, lang, N_("Date de la source : %s."), n->dated);
	if (n->source[0] != '\0')
		/* TRANSLATORS: %s lists the sources of the page. */
		add_note(v, lang, N_("Source : %s"), n->source);
}

/*
 * Adds, when the source is three years or more older than the check, that
 * the information may have changed.
 */
static void
add_age_warning(struct model_view *v, const struct db_node *n,
                const char *lang)
{
	int checked, dated = 0;
	const char *p = n->dated;
	char *fmt, *s;

	if (sscanf(n->checked, "%4d", &checked) != 1)
		return;
	/* The first year the source's date gives. */
	while (*p != '\0' && sscanf(p, "%4d", &dated) != 1)
		p++;
	if (dated < 1900 || checked - dated < 3)
		return;
	/* TRANSLATORS: %d is the year of the source of the page. */
	fmt = in(lang, N_("Ces informations datent de %d : elles ont "
	                  "peut-être changé. Vérifiez à l'accueil."));
	s = xasprintf(fmt, dated);
	add_para(v, MODEL_WARNING, NULL, s);
	free(s);
	free(fmt);
}

/* Loads node id into v. */
int
model_view_load(struct db *db, const char *id, const char *lang,
                struct model_view *v, char **err)
{
	struct db_node n;
	struct desk_card desk;
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
	if (strcmp(n.id, "home") == 0)
		add_notices(v, lang);
	add_age_warning(v, &n, lang);
	if (n.kind == KIND_CONTACT) {
		if (staff_desk() == NULL ||
		    desk_card_get(staff_desk(), n.id, &desk) != 0)
			/* The package's facts alone. */
			memset(&desk, 0, sizeof desk);
		add_contact(v, &n, &desk, lang);
	}
	f = db_node_field(&n, "brief");
	if (f != NULL) {
		/* TRANSLATORS: heading of the few easy sentences that open a
		   page. */
		char *h = in(lang, N_("En bref"));

		add_para(v, MODEL_HEADING, NULL, h);
		free(h);
		add_para(v, MODEL_TEXT, NULL, f->value);
		v->text_fallback = f->fallback;
	}
	f = db_node_field(&n, "body");
	if (f != NULL) {
		if (db_node_field(&n, "brief") != NULL) {
			/* TRANSLATORS: heading of the rest of a page, after "En
			   bref". */
			char *h = in(lang, N_("En détail"));

			add_para(v, MODEL_HEADING, NULL, h);
			free(h);
		}
		v->text_fallback |= f->fallback;
		add_body(v, f->value);
	}
	if (n.kind == KIND_PAGE || n.kind == KIND_CONTACT || n.kind == KIND_TERM)
		add_notes(v, &n, lang);
	if (n.kind == KIND_CONTACT) {
		add_desk_note(v, &desk);
		desk_card_free(&desk);
	}
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

/* Returns how many of the words t holds the desk's facts of card k hold. */
static int
desk_words(const struct desk_card *k, const struct text_tokens *t)
{
	int words = 0;

	for (size_t w = 0; w < t->n; w++) {
		bool found = false;

		for (size_t i = 0; i < k->nfacts && !found; i++) {
			/* A number typed with its spaces is one word. */
			char *folded = text_fold(k->facts[i].value);
			char *numbers = text_numbers(folded);

			found = strstr(folded, t->v[w]) != NULL ||
			        strstr(numbers, t->v[w]) != NULL;
			free(numbers);
			free(folded);
		}
		words += found;
	}
	return words;
}

/*
 * Adds to out the contact cards whose desk facts (phone, e-mail, address)
 * hold a word of out->words and that it does not hold yet, as any fact
 * would be found. A desk that fails adds nothing: the package's facts
 * alone.
 */
static void
add_desk_hits(struct db *db, const char *lang, const char *kind, size_t max,
              struct model_results *out)
{
	struct desk *d = staff_desk();
	struct desk_content c;

	if (d == NULL || out->words.n == 0 ||
	    (kind != NULL && strcmp(kind, "contact") != 0) ||
	    desk_content_get(d, &c) != 0)
		return;
	for (size_t i = 0; i < c.ncards && out->hits.n < max; i++) {
		const struct desk_card *k = &c.cards[i];
		int words = desk_words(k, &out->words);
		struct db_list path;
		struct db_node n;
		struct db_hit *h;
		bool have = false;

		for (size_t j = 0; j < out->hits.n && !have; j++)
			have = strcmp(out->hits.v[j].id, k->node) == 0;
		if (words == 0 || have ||
		    db_node_get(db, k->node, lang, &n) != 0)
			continue;
		if (n.kind != KIND_CONTACT ||
		    db_path(db, k->node, lang, &path) != 0) {
			db_node_free(&n);
			continue;
		}
		out->hits.v = xreallocarray(out->hits.v, out->hits.n + 1,
		                            sizeof *out->hits.v);
		h = &out->hits.v[out->hits.n++];
		memset(h, 0, sizeof *h);
		h->id = xstrdup(k->node);
		h->kind = n.kind;
		h->title = xstrdup(db_node_field(&n, "title") != NULL
		                   ? db_node_field(&n, "title")->value : n.id);
		h->section = xstrdup(path.n >= 2 ? path.v[path.n - 2].title
		                     : "");
		h->text = xstrdup("");
		for (size_t j = 0; j < k->nfacts; j++) {
			char *t = xasprintf("%s%s%s", h->text, j ? " · " : "",
			                    k->facts[j].value);

			free(h->text);
			h->text = t;
		}
		h->words = words;
		db_list_free(&path);
		db_node_free(&n);
	}
	desk_content_free(&c);
}

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
	add_desk_hits(db, lang, kind, max, out);
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
