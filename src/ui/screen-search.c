/*
 * screen-search.c - search as you type: a line to type on, and the matching
 * pages and contacts below it, updated at every key. Digits are typed into
 * the search (phone numbers); arrows and Enter, or a click, open a result.
 */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "text/text.h"
#include "ui/term.h"

#define QUERY_MAX 256           /* bytes a person can type */
#define RESULTS_MAX 50

struct search {
	struct screen base;
	struct model_view *v;
	char query[QUERY_MAX + 1];
	size_t len;
	struct db_list results;
	bool failed;            /* the last search raised a database error */
	size_t sel, first;
	int row0, nrows;
};

/* Runs the search for the current query. */
static void
refresh(struct search *s, struct app *app)
{
	char *err = NULL;

	db_list_free(&s->results);
	s->sel = s->first = 0;
	s->failed = model_search(app->db, s->query, i18n_lang(), RESULTS_MAX,
	                         &s->results, &err) != 0;
	free(err);
}

/* Draws the search screen. */
static void
search_draw(struct screen *scr, struct app *app)
{
	struct search *s = (struct search *)scr;
	struct ui_key keys[8];
	struct ui_area a;
	size_t nkeys = 0;
	int x, y;

	/* TRANSLATORS: key-bar buttons of the search screen. */
	keys[nkeys++] = (struct ui_key){ "Esc", N_("Retour"), AK_ESC };
	keys[nkeys++] = (struct ui_key){ "↑↓", N_("Choisir"), AK_NONE };
	keys[nkeys++] = (struct ui_key){ "⏎", N_("Ouvrir"), AK_ENTER };
	ui_frame(app, s->v, keys, nkeys, &a);

	/* TRANSLATORS: before the text the visitor types. */
	x = a.x + term_put(a.y, a.x, a.w, _("Tapez un mot :"), TS_LABEL) + 1;
	x += term_put(a.y, x, a.x + a.w - x, s->query, TS_SELECTED);
	term_put(a.y, x, 1, " ", TS_SELECTED);
	y = a.y + 2;
	s->row0 = y;
	s->nrows = 0;
	if (s->len == 0) {
		term_put(y, a.x, a.w, _("Les pages et les contacts qui contiennent "
		                        "ce mot s'affichent ici."), TS_NOTE);
	} else if (s->failed || s->results.n == 0) {
		struct text_lines l = { 0 };

		text_wrap(s->failed ? _("La recherche ne fonctionne pas pour le "
		                        "moment. Demandez à l'accueil.")
		                    : _("Aucun résultat. Demandez à l'accueil, ou "
		                        "regardez dans Contacts."), a.w, &l);
		for (size_t i = 0; i < l.n; i++)
			term_put(y++, a.x, a.w, l.v[i].s, TS_UNKNOWN);
		text_lines_free(&l);
	} else {
		int rows = a.y + a.h - y;

		if (s->sel < s->first)
			s->first = s->sel;
		if (rows > 0 && s->sel >= s->first + (size_t)rows)
			s->first = s->sel - (size_t)rows + 1;
		for (size_t i = s->first; i < s->results.n && y < a.y + a.h;
		     i++, y++) {
			bool sel = i == s->sel;

			if (sel)
				term_fill(y, a.x, TS_SELECTED);
			term_put(y, a.x + 1, a.w - 1, s->results.v[i].title,
			         sel ? TS_SELECTED : TS_NORMAL);
			s->nrows++;
		}
	}
	term_cursor(-1, 0);
}

/* Opens result i. */
static int
open_result(struct app *app, struct search *s, size_t i)
{
	if (i >= s->results.n)
		return APP_HANDLED;
	s->sel = i;
	app_open(app, s->results.v[i].id);
	return APP_REDRAW;
}

/* Handles a key on the search screen. */
static int
search_key(struct screen *scr, struct app *app, const struct app_event *ev)
{
	struct search *s = (struct search *)scr;

	switch (ev->key) {
	case AK_ESC:
	case AK_LEFT:
		return APP_POP;
	case AK_BACKSPACE:
		if (s->len == 0)
			return APP_POP;
		text_drop_last(s->query, &s->len);
		refresh(s, app);
		return APP_REDRAW;
	case AK_UP:
		if (s->sel > 0)
			s->sel--;
		return APP_REDRAW;
	case AK_DOWN:
		if (s->sel + 1 < s->results.n)
			s->sel++;
		return APP_REDRAW;
	case AK_ENTER:
	case AK_RIGHT:
		return open_result(app, s, s->sel);
	case AK_MOUSE:
		if (ev->y >= s->row0 && ev->y < s->row0 + s->nrows)
			return open_result(app, s, s->first + (size_t)(ev->y - s->row0));
		return APP_HANDLED;
	case AK_INTERRUPT:
		return APP_IGNORED;
	default:
		break;
	}
	if (ev->key >= 0x20 && ev->key < 0x110000) {
		if (text_append(s->query, &s->len, QUERY_MAX, ev->key))
			refresh(s, app);
		return APP_REDRAW;
	}
	return APP_HANDLED;
}

/* Frees the search screen. */
static void
search_free(struct screen *scr)
{
	struct search *s = (struct search *)scr;

	db_list_free(&s->results);
	model_view_free(s->v);
	free(s->v);
	free(s);
}

static const struct screen_ops search_ops = {
	.name = "search",
	.draw = search_draw,
	.key = search_key,
	.free = search_free,
};

/* Returns a new search screen (v, taken, gives its title and path). */
struct screen *
screen_search_new(struct model_view *v)
{
	struct search *s = xcalloc(1, sizeof *s);

	s->base.ops = &search_ops;
	s->v = v;
	return &s->base;
}
