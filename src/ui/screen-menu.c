/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-menu.c - a menu: numbered entries chosen by digit, arrow, Enter or
 * click. The entries are numbered 1 to 9, then 01 to 09 (keys.h): where a
 * number beginning with 0 is shown, the first 0 waits for the next digit
 * (app_zero_wait), and the screen shows every entry at once when it can,
 * scrolling with the chosen one when it cannot.
 */
#include "ui/screen-menu.h"

#include <stdio.h>
#include <stdlib.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/load.h"
#include "ui/put.h"
#include "ui/term.h"

/* The fewest entry rows the intro's last paragraph leaves. */
#define MIN_ROWS 4

struct menu {
	struct screen base;
	struct model_view *v;
	size_t sel;             /* the chosen entry */
	int row0;               /* screen row of the first entry drawn */
	size_t first;           /* the entry drawn on row0 */
	size_t nrows;           /* how many entry rows were drawn */
	int gap;                /* rows from one entry to the next */
};

/* What a menu's own keys do. */
enum menu_act { M_UP, M_DOWN, M_FIRST, M_LAST, M_PGUP, M_PGDN, M_OPEN,
                M_NUMBER, M_ZERO, M_CLICK };

/* The menu's own keys (the rest are the global ones of app.c). */
static const struct keys_bind menu_keys[] = {
	{ AK_UP, M_UP, KEYS_CHOOSE },
	{ AK_SCROLL_UP, M_UP, KEYS_MOUSE },
	{ AK_DOWN, M_DOWN, KEYS_CHOOSE },
	{ AK_SCROLL_DOWN, M_DOWN, KEYS_MOUSE },
	{ AK_HOME, M_FIRST, KEYS_PAGE },
	{ AK_END, M_LAST, KEYS_PAGE },
	{ AK_PGUP, M_PGUP, KEYS_PAGE },
	{ AK_PGDN, M_PGDN, KEYS_PAGE },
	{ AK_ENTER, M_OPEN, KEYS_OPEN },
	{ AK_RIGHT, M_OPEN, KEYS_OPEN },
	{ AK_DIGIT, M_NUMBER, KEYS_PICK },
	{ '0', M_ZERO, KEYS_BACK },
	{ AK_MOUSE, M_CLICK, KEYS_MOUSE },
};

const struct keys_binds screen_menu_keys = {
	"menu", menu_keys, sizeof menu_keys / sizeof *menu_keys
};

/* Writes an entry's title at col 4 of row y. */
static int
put_title(const struct ui_area *a, int y, const struct db_entry *e, bool sel)
{
	return ui_put(a, y, 4, a->w - 4, e->title, sel ? TS_SELECTED : TS_NORMAL);
}

/* Draws the menu. */
static void
menu_draw(struct screen *s, struct app *app)
{
	struct menu *m = (struct menu *)s;
	enum keys_action keys[12];
	struct ui_area a;
	struct text_lines intro = { 0 };
	size_t nkeys = 0, end = m->v->entries.n, rows = end, fit;
	/* Large spacing: a blank row between entries, when they fit. */
	int x, y, gap = 1;
	bool blank = true, keep = false;

	keys[nkeys++] = KEYS_PICK;
	nkeys += ui_common_keys(app, NULL, 0, keys + nkeys, 12 - nkeys);
	ui_frame(app, m->v, keys, nkeys, &a);

	/* The entries come first; the intro gets what room is left: all of
	   it and a blank row, or else its last paragraph (the home's
	   emergency numbers), with the blank row if there is room. That
	   paragraph stays while it leaves MIN_ROWS rows to the entries,
	   which then scroll. */
	y = a.y;
	/* The desk's notices (home) come first, marked, while they fit. */
	for (size_t i = 0; i < m->v->npara; i++) {
		if (m->v->para[i].style != MODEL_WARNING)
			continue;
		ui_wrap(m->v->para[i].text, a.w - 2, i18n_rtl(), &intro);
		if ((int)(intro.n + 1 + rows) <= a.y + a.h - y) {
			ui_put(&a, y, 0, 1, "!", TS_MARK);
			for (size_t k = 0; k < intro.n; k++)
				ui_put_line(&a, y++, 2, a.w - 2, intro.v[k].s,
				            TS_MARK, i18n_rtl());
		}
		text_lines_free(&intro);
	}
	for (size_t i = 0; i < m->v->npara; i++)
		if (m->v->para[i].style != MODEL_WARNING)
			ui_wrap(m->v->para[i].text, a.w, i18n_rtl(), &intro);
	if (m->v->npara > 1 && (int)(intro.n + 1 + rows) > a.y + a.h - y) {
		text_lines_free(&intro);
		ui_wrap(m->v->para[m->v->npara - 1].text, a.w, i18n_rtl(),
		        &intro);
		blank = (int)(intro.n + 1 + rows) <= a.y + a.h - y;
		keep = (int)intro.n + MIN_ROWS <= a.y + a.h - y;
	}
	if (intro.n > 0 &&
	    (keep || (int)(intro.n + (blank ? 1 : 0) + rows) <= a.y + a.h - y)) {
		for (size_t i = 0; i < intro.n; i++)
			ui_put_line(&a, y++, 0, a.w, intro.v[i].s, TS_NORMAL,
			            i18n_rtl());
		y += blank ? 1 : 0;
	}
	text_lines_free(&intro);

	if (ui_spacious() && (int)(2 * rows) <= a.y + a.h - y)
		gap = 2;
	/* Keep the chosen entry in view when the rows are too few. */
	fit = a.y + a.h - y > gap ? (size_t)((a.y + a.h - y + gap - 1) / gap)
	      : 1;
	if (rows <= fit) {
		m->first = 0;
	} else {
		if (m->sel < m->first)
			m->first = m->sel;
		if (m->sel >= m->first + fit)
			m->first = m->sel - fit + 1;
		if (m->first + fit > rows)
			m->first = rows - fit;
	}
	m->row0 = y;
	m->nrows = 0;
	m->gap = gap;
	s->zero_waits = false;
	for (size_t i = m->first; i < end && y < a.y + a.h; i++, y += gap) {
		char num[4];
		bool sel = i == m->sel;
		/* While a 0 waits, the numbers it begins stand out. */
		bool two = keys_two_digits(i, KEYS_LIST_ONES);
		enum term_style ns = sel ? TS_SELECTED
		                     : !app->zero_waits ? TS_NUMBER
		                     : two ? TS_MATCH : TS_NOTE;

		keys_number(i, KEYS_LIST_ONES, num);
		s->zero_waits |= two;
		if (sel)
			term_fill(y, a.x, TS_SELECTED);
		ui_put(&a, y, num[1] != '\0' ? 0 : 1, 2, num, ns);
		x = put_title(&a, y, &m->v->entries.v[i], sel);
		if (m->v->entries.v[i].fallback)
			ui_put(&a, y, 5 + x, a.w - 5 - x, _("(pas encore traduit)"),
			       sel ? TS_SELECTED : TS_MARK);
		m->nrows++;
	}
	/* The marks of a list that goes on above or below. */
	if (m->first > 0)
		term_put(m->row0, a.x + a.w, 1, "▲", TS_NUMBER);
	if (m->first + m->nrows < end && m->nrows > 0)
		term_put(m->row0 + ((int)m->nrows - 1) * gap, a.x + a.w, 1, "▼",
		         TS_NUMBER);
}

/* Opens entry i. */
static int
open_entry(struct app *app, struct menu *m, size_t i)
{
	if (i >= m->v->entries.n)
		return APP_HANDLED;
	m->sel = i;
	app_open(app, m->v->entries.v[i].id);
	return APP_REDRAW;
}

/* Moves the choice to entry i, kept within the menu. */
static int
choose(struct menu *m, long i)
{
	long n = (long)m->v->entries.n;

	if (n == 0)
		return APP_HANDLED;
	m->sel = (size_t)(i < 0 ? 0 : i >= n ? n - 1 : i);
	return APP_REDRAW;
}

/* Handles a key on a menu. */
static int
menu_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	struct menu *m = (struct menu *)s;
	long n = (long)m->v->entries.n, i;
	long page = m->nrows > 1 ? (long)m->nrows : 1;

	switch (KEYS_BOUND(menu_keys, ev->key)) {
	case M_UP:
		return choose(m, (long)m->sel - 1);
	case M_DOWN:
		return choose(m, (long)m->sel + 1);
	case M_FIRST:
		return choose(m, 0);
	case M_LAST:
		return choose(m, n - 1);
	case M_PGUP:
		return choose(m, (long)m->sel - page);
	case M_PGDN:
		return choose(m, (long)m->sel + page);
	case M_OPEN:
		return open_entry(app, m, m->sel);
	case M_NUMBER:
		/* Only an entry whose number is on the screen. */
		i = app_number(app, ev->key, KEYS_LIST_ONES);
		if (i < (long)m->first || i >= (long)(m->first + m->nrows))
			return APP_REDRAW;
		return open_entry(app, m, (size_t)i);
	case M_ZERO:
		return s->zero_waits ? app_zero_wait(app) : APP_IGNORED;
	case M_CLICK:
		if (ev->y >= m->row0 && ev->y < m->row0 + (int)m->nrows * m->gap &&
		    (ev->y - m->row0) % m->gap == 0)
			return open_entry(app, m, m->first +
			                  (size_t)((ev->y - m->row0) / m->gap));
		return APP_HANDLED;
	default:
		return APP_IGNORED;
	}
}

/* Frees the menu. */
static void
menu_free(struct screen *s)
{
	struct menu *m = (struct menu *)s;

	ui_view_free(m->v);
	free(m);
}

/* Shows the menu again in the language now chosen, on the same entry. */
static void
menu_reload(struct screen *s, struct app *app)
{
	struct menu *m = (struct menu *)s;
	struct model_view *v = ui_load(app, m->v->id, i18n_lang());

	if (!ui_view_replace(&m->v, v))
		return;
	if (m->sel >= v->entries.n)
		m->sel = v->entries.n > 0 ? v->entries.n - 1 : 0;
}

static const struct screen_ops menu_ops = {
	.draw = menu_draw,
	.key = menu_key,
	.reload = menu_reload,
	.free = menu_free,
};

/* Returns a new menu screen showing v (taken), the view of node id. */
struct screen *
screen_menu_new(struct app *app, const char *id, struct model_view *v)
{
	struct menu *m;

	(void)app;
	(void)id;
	if (v == NULL)
		return NULL;
	m = xcalloc(1, sizeof *m);
	m->base.ops = &menu_ops;
	m->v = v;
	m->gap = 1;
	return &m->base;
}
