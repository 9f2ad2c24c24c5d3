/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-search.c - search as you type, and the contact directory.
 *
 * A line to type on, and below it the results, updated at every key: for a
 * search, each page or card with its section and an excerpt where the words
 * are marked; for the directory (reception staff), every contact card with
 * its phone and e-mail, filtered by name, organisation, theme or town.
 * Every digit typed is text (a phone number, a postcode); on an empty line
 * a 0 waits: another 0 goes back, another key makes it text. The line
 * rests KEYS_WAIT_MS after its last key, or at an arrow: its results then
 * carry numbers, which 1 to 9 open, and 0 goes back; a letter types on.
 * Arrows and Enter, or a click, open a result too.
 */
#include "ui/screen-search.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/load.h"
#include "ui/put.h"
#include "ui/term.h"

#define QUERY_MAX 256           /* bytes a person can type */
#define RESULTS_MAX 20
#define ROWS_PER_RESULT 2

struct search {
	struct screen base;
	struct model_view *v;
	bool directory;
	char query[QUERY_MAX + 1];
	size_t len;
	struct model_results r;
	char **lines;           /* directory: each result's second line, made
	                           when first drawn, kept until the filter or
	                           the language changes; NULL: not yet */
	bool failed;            /* the last search raised a database error */
	bool typing;            /* the line takes digits: it has not rested */
	size_t sel, first, shown;
	int row0;
};

/* What the search screen's own keys do. */
enum search_act { S_BACK, S_ERASE, S_CLEAR, S_UP, S_DOWN, S_PGUP, S_PGDN,
                  S_OPEN, S_CLICK, S_ZERO, S_NUMBER, S_REST, S_GLOBAL };

/* The search screen's own keys; any other key that types is text. */
static const struct keys_bind search_keys[] = {
	{ AK_ESC, S_BACK, KEYS_ESC },
	{ AK_LEFT, S_BACK, KEYS_BACK },
	{ AK_BACKSPACE, S_ERASE, KEYS_BACK },
	{ AK_DELETE, S_CLEAR, KEYS_CLEAR },
	{ AK_UP, S_UP, KEYS_CHOOSE },
	{ AK_SCROLL_UP, S_UP, KEYS_MOUSE },
	{ AK_DOWN, S_DOWN, KEYS_CHOOSE },
	{ AK_SCROLL_DOWN, S_DOWN, KEYS_MOUSE },
	{ AK_PGUP, S_PGUP, KEYS_PAGE },
	{ AK_PGDN, S_PGDN, KEYS_PAGE },
	{ AK_ENTER, S_OPEN, KEYS_OPEN },
	{ AK_RIGHT, S_OPEN, KEYS_OPEN },
	{ AK_MOUSE, S_CLICK, KEYS_MOUSE },
	{ '0', S_ZERO, KEYS_TYPED },
	{ AK_DIGIT, S_NUMBER, KEYS_TYPED },
	{ AK_TIMEOUT, S_REST, KEYS_TYPED },
	{ AK_INTERRUPT, S_GLOBAL, KEYS_QUIT },
	{ AK_STAFF, S_GLOBAL, KEYS_STAFF },
};

const struct keys_binds screen_search_keys = {
	"search", search_keys, sizeof search_keys / sizeof *search_keys
};

/* Forgets the directory lines made for the results. */
static void
forget_lines(struct search *s)
{
	for (size_t i = 0; s->lines != NULL && i < s->r.hits.n; i++)
		free(s->lines[i]);
	free(s->lines);
	s->lines = NULL;
}

/* Runs the search for the current query. */
static void
refresh(struct search *s, struct app *app)
{
	char *err = NULL;

	forget_lines(s);
	model_results_free(&s->r);
	s->sel = s->first = 0;
	if (s->directory)
		s->failed = model_contacts(app->db, s->query, i18n_lang(), &s->r,
		                           &err) != 0;
	else
		s->failed = model_search(app->db, s->query, i18n_lang(), NULL,
		                         RESULTS_MAX, &s->r, &err) != 0;
	if (s->failed) {
		/* The cause for the staff, never the query itself (SQLite
		   may quote it). */
		app_report(app, s->directory ? "directory" : "search",
		           db_broken(app->db) ? "the search failed: the "
		           "database is damaged or unreadable"
		           : "the search failed");
		/* A damaged index alone: the screen says search does not
		   work, the rest of the kiosk goes on. */
		if (db_broken(app->db))
			app->broken = true;
	}
	free(err);
	if (s->directory)
		s->lines = xcalloc(s->r.hits.n + 1, sizeof *s->lines);
}

/* Returns the directory line of a card: phone and e-mail, or a sentence. */
static char *
card_line(struct app *app, const char *id)
{
	struct model_view v;
	char *err = NULL, *line = NULL;
	const char *phone = NULL, *email = NULL;

	if (model_view_load(app->db, id, i18n_lang(), &v, &err) != 0) {
		app_report(app, id, err ? err : "no such node");
		free(err);
		return xstrdup("");
	}
	for (size_t i = 0; i < v.npara; i++) {
		if (v.para[i].style != MODEL_FIELD)
			continue;
		if (strcmp(v.para[i].name, "phone") == 0)
			phone = v.para[i].text;
		else if (strcmp(v.para[i].name, "email") == 0)
			email = v.para[i].text;
	}
	if (phone != NULL && email != NULL)
		line = xasprintf("%s · %s", phone, email);
	else if (phone != NULL || email != NULL)
		line = xstrdup(phone ? phone : email);
	else
		/* TRANSLATORS: in the directory, a card with no phone or e-mail. */
		line = xstrdup(_("téléphone et e-mail : demandez à l'accueil"));
	model_view_free(&v);
	return line;
}

/* Draws one result on two rows from y. */
static void
draw_result(struct search *s, struct app *app, size_t i, int y,
            const struct ui_area *a)
{
	const struct db_hit *h = &s->r.hits.v[i];
	bool sel = i == s->sel;
	int col = 4;
	char num[4];

	if (sel) {
		term_fill(y, a->x, TS_SELECTED);
		term_fill(y + 1, a->x, TS_SELECTED);
	}
	/* A line that rests numbers its results. */
	if (!s->typing) {
		keys_number(i, KEYS_LIST_ONES, num);
		ui_put(a, y, num[1] != '\0' ? 0 : 1, 2, num,
		       sel ? TS_SELECTED : TS_NUMBER);
	}
	col += ui_put(a, y, col, a->w - col, h->title,
	              sel ? TS_SELECTED : TS_TITLE);
	if (h->section[0] != '\0' && col + 4 < a->w) {
		col += ui_put(a, y, col, 3, " · ", sel ? TS_SELECTED : TS_NOTE);
		ui_put(a, y, col, a->w - col, h->section,
		       sel ? TS_SELECTED : TS_NOTE);
	}
	if (s->directory) {
		if (s->lines[i] == NULL)
			s->lines[i] = card_line(app, h->id);
		ui_put(a, y + 1, 4, a->w - 4, s->lines[i],
		       sel ? TS_SELECTED : TS_NORMAL);
	} else {
		struct text_snippet sn;

		text_snippet(h->text, &s->r.words, a->w - 4, &sn);
		ui_put_find(a, y + 1, 4, a->w - 4, sn.s, &s->r.words,
		            sel ? TS_SELECTED : TS_NORMAL, TS_MATCH, i18n_rtl());
		free(sn.s);
	}
}

/* Draws the search screen. */
static void
search_draw(struct screen *scr, struct app *app)
{
	struct search *s = (struct search *)scr;
	/* Nothing typed: 0 waits (0 0 goes back, 0 and a digit is a
	   number), digits are text; typing: every digit is text, one key
	   empties the line; resting: the results' numbers, 0 back. */
	static const enum keys_action empty[] = {
		KEYS_BACK, KEYS_ESC, KEYS_TYPED, KEYS_CHOOSE, KEYS_OPEN
	}, typed[] = {
		KEYS_ESC, KEYS_CLEAR, KEYS_TYPED, KEYS_CHOOSE, KEYS_OPEN
	}, rested[] = {
		KEYS_PICK, KEYS_BACK, KEYS_CLEAR, KEYS_CHOOSE, KEYS_OPEN
	};
	struct ui_area a;
	size_t fit;
	int col, y;

	scr->zero_waits = s->len == 0;
	if (s->len == 0)
		ui_frame(app, s->v, empty, sizeof empty / sizeof *empty, &a);
	else if (s->typing)
		ui_frame(app, s->v, typed, sizeof typed / sizeof *typed, &a);
	else
		ui_frame(app, s->v, rested, sizeof rested / sizeof *rested, &a);

	col = ui_put(&a, a.y, 0, a.w, s->directory
	             /* TRANSLATORS: before the text typed to filter the
	                directory. */
	             ? _("Nom, organisation, thème ou ville :")
	             /* TRANSLATORS: before the text the visitor types. */
	             : _("Tapez un mot :"), TS_LABEL) + 1;
	col += ui_put(&a, a.y, col, a.w - col - 1, s->query, TS_SELECTED);
	/* The waiting 0, not typed yet; the cursor while the line types. */
	if (s->len == 0 && app->zero_waits)
		col += ui_put(&a, a.y, col, 1, "0", TS_NOTE);
	if (s->typing)
		ui_put(&a, a.y, col, 1, " ", TS_SELECTED);
	y = a.y + 2;
	s->row0 = y;
	s->shown = 0;
	/* Before the third letter nothing is searched: no "no results". */
	if (!s->directory && !s->failed && !s->r.searched) {
		ui_put(&a, y, 0, a.w, _("Les pages et les contacts qui contiennent "
		                        "ce mot s'affichent ici."), TS_NOTE);
		return;
	}
	if (s->failed || s->r.hits.n == 0) {
		struct text_lines l = { 0 };

		text_wrap(s->failed ? _("La recherche ne fonctionne pas pour le "
		                        "moment. Demandez à l'accueil.")
		                    : _("Aucun résultat. Demandez à l'accueil, ou "
		                        "regardez dans Contacts."), a.w, &l);
		for (size_t i = 0; i < l.n; i++)
			ui_put(&a, y++, 0, a.w, l.v[i].s, TS_UNKNOWN);
		text_lines_free(&l);
		return;
	}
	fit = (size_t)((a.y + a.h - y) / ROWS_PER_RESULT);
	if (fit == 0)
		fit = 1;
	if (s->sel < s->first)
		s->first = s->sel;
	if (s->sel >= s->first + fit)
		s->first = s->sel - fit + 1;
	for (size_t i = s->first; i < s->r.hits.n && y + 1 < a.y + a.h;
	     i++, y += ROWS_PER_RESULT) {
		draw_result(s, app, i, y, &a);
		s->shown++;
	}
}

/* Opens result i. */
static int
open_result(struct app *app, struct search *s, size_t i)
{
	if (i >= s->r.hits.n)
		return APP_HANDLED;
	s->sel = i;
	/* The page scrolls to the words searched for and marks them. */
	app_open_marked(app, s->r.hits.v[i].id, &s->r.words);
	return APP_REDRAW;
}

/* Says that the field takes no more. */
static void
full(struct app *app)
{
	/* TRANSLATORS: the search field holds at most 256 bytes. */
	app_set_message(app, _("Le champ est plein : la suite n'est pas "
	                       "prise."));
}

/* Types key into the line: after a waiting 0, that 0 first. */
static int
type(struct search *s, struct app *app, int key)
{
	bool changed = false, room = true;

	if (s->len == 0 && app->zero_waits)
		room = changed = text_append(s->query, &s->len, QUERY_MAX,
		                             '0');
	if (room && text_append(s->query, &s->len, QUERY_MAX, key))
		changed = true;
	else
		full(app);
	s->typing = true;
	app_wait(app);
	if (changed)
		refresh(s, app);
	return APP_REDRAW;
}

/* The line rests (it had text): its results take numbers. */
static void
rest(struct search *s)
{
	s->typing = s->len == 0;
}

/* Handles a key on the search screen. */
static int
search_key(struct screen *scr, struct app *app, const struct app_event *ev)
{
	struct search *s = (struct search *)scr;
	long i;

	switch (KEYS_BOUND(search_keys, ev->key)) {
	case S_BACK:
		return APP_POP;
	case S_ERASE:
		if (s->len == 0)
			return APP_POP;
		text_drop_last(s->query, &s->len);
		s->typing = true;
		app_wait(app);
		refresh(s, app);
		return APP_REDRAW;
	case S_CLEAR:
		if (s->len == 0)
			return APP_HANDLED;
		s->len = 0;
		s->query[0] = '\0';
		s->typing = true;
		refresh(s, app);
		return APP_REDRAW;
	case S_UP:
		rest(s);
		if (s->sel > 0)
			s->sel--;
		return APP_REDRAW;
	case S_DOWN:
		rest(s);
		if (s->sel + 1 < s->r.hits.n)
			s->sel++;
		return APP_REDRAW;
	case S_PGDN:
		rest(s);
		s->sel = s->sel + s->shown < s->r.hits.n ? s->sel + s->shown
		         : (s->r.hits.n > 0 ? s->r.hits.n - 1 : 0);
		return APP_REDRAW;
	case S_PGUP:
		rest(s);
		s->sel = s->sel > s->shown ? s->sel - s->shown : 0;
		return APP_REDRAW;
	case S_OPEN:
		return open_result(app, s, s->sel);
	case S_CLICK:
		if (ev->y >= s->row0 &&
		    ev->y < s->row0 + (int)s->shown * ROWS_PER_RESULT)
			return open_result(app, s, s->first + (size_t)(ev->y - s->row0) /
			                   ROWS_PER_RESULT);
		return APP_HANDLED;
	case S_REST:
		if (!s->typing || s->len == 0)
			return APP_HANDLED;
		rest(s);
		return APP_REDRAW;
	case S_ZERO:
		/* On an empty line, 0 waits; at rest, back; else text. */
		if (s->len == 0)
			return app_zero_wait(app);
		if (!s->typing)
			return APP_IGNORED;
		return type(s, app, ev->key);
	case S_NUMBER:
		if (s->typing)
			return type(s, app, ev->key);
		/* Only a result whose number is on the screen. */
		i = app_number(app, ev->key, KEYS_LIST_ONES);
		if (i < (long)s->first || i >= (long)(s->first + s->shown))
			return APP_REDRAW;
		return open_result(app, s, (size_t)i);
	case S_GLOBAL:
		return APP_IGNORED;
	default:
		break;
	}
	if (ev->key == AK_PASTE && ev->text != NULL) {
		/* A paste: its text in one step, one search. */
		if (!text_append_text(s->query, &s->len, QUERY_MAX, ev->text))
			full(app);
		s->typing = true;
		app_wait(app);
		refresh(s, app);
		return APP_REDRAW;
	}
	if (text_is_typed(ev->key))
		return type(s, app, ev->key);
	return APP_HANDLED;
}

/* Frees the search screen. */
static void
search_free(struct screen *scr)
{
	struct search *s = (struct search *)scr;

	forget_lines(s);
	model_results_free(&s->r);
	ui_view_free(s->v);
	/* What the visitor typed does not stay in freed memory. */
	explicit_bzero(s->query, sizeof s->query);
	free(s);
}

/* Shows the screen again in the language now chosen. */
static void
search_reload(struct screen *scr, struct app *app)
{
	struct search *s = (struct search *)scr;
	struct model_view *v = ui_load(app, s->v->id, i18n_lang());

	ui_view_replace(&s->v, v);
	refresh(s, app);
}

static const struct screen_ops search_ops = {
	.draw = search_draw,
	.key = search_key,
	.reload = search_reload,
	.free = search_free,
};

/* Returns a new search or directory screen (v, taken, gives its title). */
static struct screen *
make(struct app *app, struct model_view *v, bool directory)
{
	struct search *s;

	if (v == NULL)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->base.ops = &search_ops;
	s->v = v;
	s->directory = directory;
	s->typing = true;
	refresh(s, app);
	return &s->base;
}

/* Returns a new search screen. */
struct screen *
screen_search_new(struct app *app, const char *id, struct model_view *v)
{
	(void)id;
	return make(app, v, false);
}

/* Returns a new directory screen. */
struct screen *
screen_directory_new(struct app *app, const char *id, struct model_view *v)
{
	(void)id;
	return make(app, v, true);
}
