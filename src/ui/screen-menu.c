/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-menu.c - a menu: numbered entries chosen by digit, arrow, Enter or
 * click. A menu of more than nine entries is shown in groups of eight, with
 * 9 for the next group and 0 for the previous one, so that the digits alone
 * reach every entry.
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

#define GROUP 8

struct menu {
	struct screen base;
	struct model_view *v;
	size_t sel;             /* the chosen entry */
	int row0;               /* screen row of the first entry drawn */
	size_t first;           /* the entry drawn on row0 */
	size_t nrows;           /* how many entry rows were drawn */
	int more_row;           /* screen row of "9 next", or -1 */
	int gap;                /* rows from one entry to the next */
};

/* Returns true when the entries come in groups. */
static bool
grouped(const struct menu *m)
{
	return m->v->entries.n > 9;
}

/* Returns the first entry of the group shown. */
static size_t
group_start(const struct menu *m)
{
	return grouped(m) ? m->sel / GROUP * GROUP : 0;
}

/* Returns one past the last entry of the group shown. */
static size_t
group_end(const struct menu *m)
{
	size_t end = grouped(m) ? group_start(m) + GROUP : m->v->entries.n;

	return end < m->v->entries.n ? end : m->v->entries.n;
}

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
	size_t nkeys = 0, start = group_start(m), end = group_end(m), rows;
	bool more = grouped(m) && end < m->v->entries.n;
	/* Large spacing: a blank row between entries, when they fit. */
	int x, y, gap = 1;
	bool blank = true;

	keys[nkeys++] = KEYS_PICK;
	nkeys += ui_common_keys(app, NULL, 0, keys + nkeys, 12 - nkeys);
	ui_frame(app, m->v, keys, nkeys, &a);

	/* The entries come first; the intro gets what room is left: all of
	   it and a blank row, or else its last paragraph (the home's
	   emergency numbers), with the blank row if there is room. */
	rows = end - start + (more ? 1 : 0);
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
	}
	if (intro.n > 0 &&
	    (int)(intro.n + (blank ? 1 : 0) + rows) <= a.y + a.h - y) {
		for (size_t i = 0; i < intro.n; i++)
			ui_put_line(&a, y++, 0, a.w, intro.v[i].s, TS_NORMAL,
			            i18n_rtl());
		y += blank ? 1 : 0;
	}
	text_lines_free(&intro);

	if (ui_spacious() && (int)(2 * rows) <= a.y + a.h - y)
		gap = 2;
	/* Keep the chosen entry in view when the rows are too few. */
	m->first = start;
	if ((int)rows > a.y + a.h - y && m->sel - start >= (size_t)(a.y + a.h - y))
		m->first = m->sel - (size_t)(a.y + a.h - y) + 1;
	m->row0 = y;
	m->nrows = 0;
	m->gap = gap;
	for (size_t i = m->first; i < end && y < a.y + a.h;
	     i++, y += gap) {
		char num[4];
		bool sel = i == m->sel;

		snprintf(num, sizeof num, "%zu", i - start + 1);
		if (sel)
			term_fill(y, a.x, TS_SELECTED);
		ui_put(&a, y, 1, 2, num, sel ? TS_SELECTED : TS_NUMBER);
		x = put_title(&a, y, &m->v->entries.v[i], sel);
		if (m->v->entries.v[i].fallback)
			ui_put(&a, y, 5 + x, a.w - 5 - x, _("(pas encore traduit)"),
			       sel ? TS_SELECTED : TS_MARK);
		m->nrows++;
	}
	m->more_row = -1;
	if (more && y < a.y + a.h) {
		char *label;

		/* TRANSLATORS: last entry of a long menu: %zu/%zu is the group
		   shown and how many there are. */
		label = xasprintf(_("Suite… (%zu/%zu)"), start / GROUP + 1,
		                  (m->v->entries.n + GROUP - 1) / GROUP);
		ui_put(&a, y, 1, 2, "9", TS_NUMBER);
		ui_put(&a, y, 4, a.w - 4, label, TS_NORMAL);
		free(label);
		m->more_row = y;
	}
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
	size_t start = group_start(m), n = m->v->entries.n;

	switch (ev->key) {
	case AK_UP:
		return choose(m, (long)m->sel - 1);
	case AK_DOWN:
		return choose(m, (long)m->sel + 1);
	case AK_HOME:
		return choose(m, 0);
	case AK_END:
		return choose(m, (long)n - 1);
	case AK_PGUP:
		return choose(m, (long)start - GROUP);
	case AK_PGDN:
		return grouped(m) ? choose(m, (long)start + GROUP) : choose(m, (long)n - 1);
	case AK_ENTER:
	case AK_RIGHT:
		return open_entry(app, m, m->sel);
	case '0':
	case AK_BACKSPACE:
		/* In a later group, go back to the group before (the third 0
		   in a row goes home, whatever the group). */
		if (grouped(m) && start > 0 &&
		    !(ev->key == '0' && app->zeros >= APP_ZEROS_HOME))
			return choose(m, (long)start - GROUP);
		return APP_IGNORED;
	case AK_MOUSE:
		if (ev->y >= m->row0 && ev->y < m->row0 + (int)m->nrows * m->gap &&
		    (ev->y - m->row0) % m->gap == 0)
			return open_entry(app, m, m->first +
			                  (size_t)((ev->y - m->row0) / m->gap));
		if (ev->y == m->more_row)
			return choose(m, (long)start + GROUP);
		return APP_HANDLED;
	case AK_SCROLL_UP:
		return choose(m, (long)m->sel - 1);
	case AK_SCROLL_DOWN:
		return choose(m, (long)m->sel + 1);
	default:
		break;
	}
	if (ev->key >= '1' && ev->key <= '9') {
		size_t d = (size_t)(ev->key - '1');

		if (grouped(m) && ev->key == '9')
			return start + GROUP < n ? choose(m, (long)start + GROUP)
			                         : APP_HANDLED;
		return start + d < group_end(m) ? open_entry(app, m, start + d)
		                                : APP_HANDLED;
	}
	return APP_IGNORED;
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
	m->more_row = -1;
	m->gap = 1;
	return &m->base;
}
