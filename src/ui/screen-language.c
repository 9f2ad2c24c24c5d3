/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-language.c - the language picker (see screen-language.h).
 *
 * Every language on one screen, in the desk's order (languages = in the
 * configuration, then the rest of the language table): its number, its
 * name in its own script, and "choose your language" in it, so that the
 * heading is there in every language at once. Digits alone choose, with
 * the keys shown beside each name: 1 to 9 for the first nine, then 0 and
 * a digit ("01" to "09") for the next ones (keys.h). A 0 waits for the
 * next digit (app_zero_wait): the numbers that begin with it light up and
 * a line says so; a second 0 goes back; after KEYS_WAIT_MS without a key
 * the 0 is dropped, and the screen shows that too.
 * Arrows and Enter, a tap or a click work too; a screen too short to show
 * every row scrolls.
 */
#include "ui/screen-language.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "db/kind.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/put.h"
#include "ui/term.h"

/* Languages with a one-digit number; the next ones are 0 and a digit. */
#define DIRECT 9
#define MAX_LANGUAGES (2 * DIRECT)

/* TRANSLATORS: title of the language picker, also shown beside each
   language's name in that language. */
#define ASK N_("Choisissez votre langue")

struct picker {
	struct screen base;
	struct model_view *v;   /* the title, for the frame */
	const struct i18n_language *l[MAX_LANGUAGES];
	char *ask[MAX_LANGUAGES];       /* ASK in each language */
	size_t n, sel, first;
	int row0, nrows;        /* where the rows were drawn, for clicks */
};

/* What the picker's own keys do. */
enum picker_act { L_UP, L_DOWN, L_FIRST, L_LAST, L_PICK, L_CLICK, L_NUMBER,
                  L_ZERO };

/* The picker's own keys (the rest are the global ones of app.c). */
static const struct keys_bind picker_keys[] = {
	{ AK_UP, L_UP, KEYS_CHOOSE },
	{ AK_SCROLL_UP, L_UP, KEYS_MOUSE },
	{ AK_DOWN, L_DOWN, KEYS_CHOOSE },
	{ AK_SCROLL_DOWN, L_DOWN, KEYS_MOUSE },
	{ AK_HOME, L_FIRST, KEYS_PAGE },
	{ AK_PGUP, L_FIRST, KEYS_PAGE },
	{ AK_END, L_LAST, KEYS_PAGE },
	{ AK_PGDN, L_LAST, KEYS_PAGE },
	{ AK_ENTER, L_PICK, KEYS_OPEN },
	{ AK_RIGHT, L_PICK, KEYS_OPEN },
	{ AK_MOUSE, L_CLICK, KEYS_MOUSE },
	{ AK_DIGIT, L_NUMBER, KEYS_PICK },
	{ '0', L_ZERO, KEYS_BACK },
};

const struct keys_binds screen_language_keys = {
	"language", picker_keys, sizeof picker_keys / sizeof *picker_keys
};

/* Returns the view the frame shows: the title, in the current language. */
static struct model_view *
title_view(void)
{
	struct model_view *v = xcalloc(1, sizeof *v);

	v->id = xstrdup("language");
	v->kind = KIND_MENU;
	v->title = xstrdup(_(ASK));
	return v;
}

/* Adds language l to the picker, unless it is there already. */
static void
add_language(struct picker *p, const struct i18n_language *l)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->l[i] == l)
			return;
	if (l == NULL || p->n == MAX_LANGUAGES)
		return;
	p->ask[p->n] = i18n_gettext_in(l->code, ASK);
	p->l[p->n++] = l;
}

/* Fills the picker in the desk's order, then the table's. */
static void
fill(struct picker *p, const struct app *app)
{
	const char *order = app->config != NULL ? app->config->languages : NULL;

	while (order != NULL && *order != '\0') {
		size_t len = strcspn(order, " ");
		char code[16];

		snprintf(code, sizeof code, "%.*s", (int)len, order);
		add_language(p, i18n_find(code));
		order += len + (order[len] == ' ');
	}
	for (size_t i = 0; i < i18n_nlanguages; i++)
		add_language(p, &i18n_languages[i]);
}

/* Draws the picker. */
static void
picker_draw(struct screen *s, struct app *app)
{
	struct picker *p = (struct picker *)s;
	enum keys_action keys[12];
	struct ui_area a;
	size_t nkeys = 0;
	int namew = 0, rows, h, w, col = 4, gap = 2;

	keys[nkeys++] = KEYS_PICK;
	nkeys += ui_common_keys(app, NULL, 0, keys + nkeys, 12 - nkeys);
	ui_frame(app, p->v, keys, nkeys, &a);
	term_size(&h, &w);
	/* Narrow: every column counts (the longest line is Persian's). */
	if (w < 60) {
		a.x = 1;
		a.w = w - 2;
		col = 3;
		gap = 1;
	}
	for (size_t i = 0; i < p->n; i++) {
		int nw = text_width(p->l[i]->name);

		namew = nw > namew ? nw : namew;
	}
	rows = a.h < (int)p->n ? a.h : (int)p->n;
	if (p->sel < p->first)
		p->first = p->sel;
	if (p->sel >= p->first + (size_t)rows)
		p->first = p->sel - (size_t)rows + 1;
	if (p->first + (size_t)rows > p->n)
		p->first = p->n - (size_t)rows;
	p->row0 = a.y;
	p->nrows = rows;
	s->zero_waits = false;
	for (int r = 0; r < rows; r++) {
		size_t i = p->first + (size_t)r;
		bool sel = i == p->sel;
		/* After a 0, the numbers that begin with it stand out. */
		enum term_style num = sel ? TS_SELECTED
		                      : !app->zero_waits ? TS_NUMBER
		                      : keys_two_digits(i, DIRECT) ? TS_MATCH
		                      : TS_NOTE;
		char buf[4];
		int y = a.y + r;

		keys_number(i, DIRECT, buf);
		s->zero_waits |= keys_two_digits(i, DIRECT);
		if (sel)
			term_fill(y, a.x, TS_SELECTED);
		ui_put_dir(&a, y, buf[1] != '\0' ? 0 : 1, 2, buf, num, false);
		ui_put_dir(&a, y, col, namew, p->l[i]->name,
		           sel ? TS_SELECTED : TS_TITLE, false);
		ui_put_dir(&a, y, col + namew + gap, a.w - col - namew - gap,
		           p->ask[i], sel ? TS_SELECTED : TS_NOTE, false);
	}
	/* The marks of a list that goes on above or below. */
	if (p->first > 0)
		term_put(a.y, a.x + a.w, 1, "▲", TS_NUMBER);
	if (p->first + (size_t)rows < p->n)
		term_put(a.y + rows - 1, a.x + a.w, 1, "▼", TS_NUMBER);
}

/* Chooses language i: every screen shows it, and the picker closes. */
static int
pick(struct app *app, struct picker *p, size_t i)
{
	if (i >= p->n)
		return APP_REDRAW;
	p->sel = i;
	app_set_language(app, p->l[i]->code);
	return APP_POP;
}

/* Moves the choice to entry i, kept within the list. */
static int
choose(struct picker *p, long i)
{
	long n = (long)p->n;

	p->sel = (size_t)(i < 0 ? 0 : i >= n ? n - 1 : i);
	return APP_REDRAW;
}

/* Handles a key on the picker. */
static int
picker_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	struct picker *p = (struct picker *)s;
	long i;

	switch (KEYS_BOUND(picker_keys, ev->key)) {
	case L_UP:
		return choose(p, (long)p->sel - 1);
	case L_DOWN:
		return choose(p, (long)p->sel + 1);
	case L_FIRST:
		return choose(p, 0);
	case L_LAST:
		return choose(p, (long)p->n - 1);
	case L_PICK:
		return pick(app, p, p->sel);
	case L_CLICK:
		if (ev->y >= p->row0 && ev->y < p->row0 + p->nrows)
			return pick(app, p, p->first + (size_t)(ev->y - p->row0));
		return APP_HANDLED;
	case L_NUMBER:
		/* Only a language whose number is on the screen. */
		i = app_number(app, ev->key, DIRECT);
		if (i < (long)p->first || i >= (long)p->first + p->nrows)
			return APP_REDRAW;
		return pick(app, p, (size_t)i);
	case L_ZERO:
		/* Where 01-04 are shown, 0 waits; else it goes back. */
		return s->zero_waits ? app_zero_wait(app) : APP_IGNORED;
	default:
		return APP_IGNORED;
	}
}

/* Shows the title again in the language now chosen. */
static void
picker_reload(struct screen *s, struct app *app)
{
	struct picker *p = (struct picker *)s;

	(void)app;
	model_view_free(p->v);
	free(p->v);
	p->v = title_view();
}

/* Frees the picker. */
static void
picker_free(struct screen *s)
{
	struct picker *p = (struct picker *)s;

	for (size_t i = 0; i < p->n; i++)
		free(p->ask[i]);
	model_view_free(p->v);
	free(p->v);
	free(p);
}

static const struct screen_ops picker_ops = {
	.draw = picker_draw,
	.key = picker_key,
	.reload = picker_reload,
	.free = picker_free,
};

/* Returns a new language picker, on the current language. */
struct screen *
screen_language_new(struct app *app, const char *id, struct model_view *v)
{
	struct picker *p = xcalloc(1, sizeof *p);

	(void)id;
	(void)v;
	p->base.ops = &picker_ops;
	p->v = title_view();
	fill(p, app);
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->l[i]->code, i18n_lang()) == 0)
			p->sel = i;
	return &p->base;
}
