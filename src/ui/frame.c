/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * frame.c - the frame every screen shares, the key bar from the key table,
 * and the look (see frame.h).
 */
#include "ui/frame.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/term.h"

static int look;                /* 0 usual, 1 high contrast, 2 and spacing */

/* Where the buttons of the key bar were last drawn, for mouse clicks. */
static struct {
	int x0, x1, code;
} buttons[16];
static size_t nbuttons;
static int bar_row = -1;

/* The key bar ui_frame asked for, drawn by ui_frame_keybar once the
   screen is (it knows then whether a 0 waits there). */
static struct {
	enum keys_action keys[16];
	size_t n;
	int y, w;
	bool due;
} asked;

/* Goes to the next look, or back to the usual one. */
void
ui_look(bool next)
{
	look = next ? (look + 1) % 3 : 0;
	term_set_contrast(look > 0);
}

/* Returns true in the large-spacing look. */
bool
ui_spacious(void)
{
	return look == 2;
}

/* Returns the columns button k takes: its key, a space, its label. */
static int
button_width(enum keys_action k)
{
	return text_width(keys_table[k].key) + 1 +
	       text_width(_(keys_table[k].label));
}

/* Returns true for the buttons the key bar always keeps. */
static bool
kept(enum keys_action k)
{
	return k == KEYS_BACK || k == KEYS_BACK_WAIT || k == KEYS_ZERO_HOME ||
	       k == KEYS_ZERO_PICKER || k == KEYS_ZERO_PICKER_WAIT ||
	       k == KEYS_ESC || k == KEYS_LANGUAGE;
}

/* Draws the key bar on row y: the buttons that fit, the others left out
   from the end, back and language kept whatever the width. */
static void
draw_keybar(int y, int w, const enum keys_action *keys, size_t n)
{
	struct ui_area bar = { .y = y, .x = 1, .h = 1, .w = w - 2 };
	bool rtl = i18n_rtl();
	bool shown[16] = { false };
	int col = 0, room = bar.w;

	if (n > sizeof shown / sizeof *shown)
		n = sizeof shown / sizeof *shown;
	for (size_t i = 0; i < n; i++)
		if (kept(keys[i])) {
			shown[i] = true;
			room -= button_width(keys[i]) + 2;
		}
	for (size_t i = 0; i < n; i++) {
		if (kept(keys[i]))
			continue;
		if (button_width(keys[i]) > room)
			break;
		shown[i] = true;
		room -= button_width(keys[i]) + 2;
	}
	term_fill(y, 0, TS_BAR);
	nbuttons = 0;
	bar_row = y;
	for (size_t i = 0; i < n; i++) {
		const struct keys_row *k = &keys_table[keys[i]];
		int kw = text_width(k->key), need = button_width(keys[i]);

		if (!shown[i])
			continue;
		if (nbuttons < sizeof buttons / sizeof *buttons) {
			buttons[nbuttons].x0 = rtl ? bar.x + bar.w - col - need
			                           : bar.x + col;
			buttons[nbuttons].x1 = buttons[nbuttons].x0 + need;
			buttons[nbuttons].code = k->send;
			nbuttons++;
		}
		ui_put(&bar, y, col, kw, k->key, TS_BAR_KEY);
		ui_put(&bar, y, col + kw + 1, need - kw - 1, _(k->label), TS_BAR);
		col += need + 2;
	}
}

/* Forgets the key bar. */
void
ui_frame_forget(void)
{
	bar_row = -1;
	nbuttons = 0;
	asked.due = false;
}

/* Adds button k to the key bar of this frame, after its first button. */
void
ui_frame_key(enum keys_action k)
{
	size_t at = asked.n > 0 ? 1 : 0;

	if (!asked.due || asked.n == sizeof asked.keys / sizeof *asked.keys)
		return;
	memmove(asked.keys + at + 1, asked.keys + at,
	        (asked.n - at) * sizeof *asked.keys);
	asked.keys[at] = k;
	asked.n++;
}

/* Returns true for the rows that say what 0 does. */
static bool
zero_row(enum keys_action k)
{
	return k == KEYS_BACK || k == KEYS_BACK_WAIT || k == KEYS_ZERO_HOME ||
	       k == KEYS_ZERO_PICKER || k == KEYS_ZERO_PICKER_WAIT;
}

/* Draws the key bar ui_frame asked for, its 0 saying what the next 0
   does on the screen just drawn. */
void
ui_frame_keybar(const struct app *app)
{
	if (!asked.due)
		return;
	asked.due = false;
	for (size_t i = 0; i < asked.n; i++)
		if (zero_row(asked.keys[i]))
			asked.keys[i] = app_back_key(app);
	draw_keybar(asked.y, asked.w, asked.keys, asked.n);
}

/* Turns a click on the key bar or the breadcrumb into a key. */
void
ui_frame_click(struct app_event *ev)
{
	if (ev->key == AK_MOUSE && ev->y == bar_row) {
		ev->key = AK_OTHER;
		for (size_t i = 0; i < nbuttons; i++)
			if (ev->x >= buttons[i].x0 && ev->x < buttons[i].x1 &&
			    buttons[i].code != AK_NONE)
				ev->key = buttons[i].code;
	} else if (ev->key == AK_MOUSE && ev->y == 0) {
		/* A click on the breadcrumb goes back (Esc: a 0 would be
		   typed in a search). */
		ev->key = AK_ESC;
	}
}

/* Draws the frame for v and stores the free area. */
void
ui_frame(struct app *app, const struct model_view *v,
         const enum keys_action *keys, size_t nkeys, struct ui_area *area)
{
	struct ui_area full, head;
	const char *line;
	int h, w, x;
	char *crumb;

	term_size(&h, &w);
	term_erase();
	/* The frame's own rows span the whole width. */
	full = (struct ui_area){ .y = 0, .x = 1, .h = h, .w = w - 2 };
	head = (struct ui_area){ .y = 0, .x = 2, .h = h, .w = w - 4 };
	/* Large spacing: wider margins, and a blank row under the title. */
	area->y = ui_spacious() && h >= 20 ? 4 : 3;
	area->x = ui_spacious() && w >= 50 ? 5 : 2;
	/* The app's message, or what a waiting 0 waits for. */
	line = app->message != NULL ? app->message
	       /* TRANSLATORS: while a 0 waits for the next digit (the
	          picker's 01-04, a long list's, a phone number typed). */
	       : app->zero_waits ? _("0… : tapez le chiffre suivant, ou 0 pour "
	                            "revenir (effacé dans 4 s).")
	       : NULL;
	area->h = h - 1 - area->y - (line != NULL);
	area->w = w - 2 * area->x < UI_MAX_TEXT ? w - 2 * area->x : UI_MAX_TEXT;
	/* Right to left, a text narrower than the screen keeps to the right
	   edge, as the title and the key bar do. */
	if (i18n_rtl())
		area->x = w - area->x - area->w;
	crumb = v->path.n > 0 ? model_crumb(v, " › ") : xstrdup(v->title);
	term_fill(0, 0, TS_BAR);
	ui_put(&full, 0, 0, full.w, crumb, TS_BAR);
	free(crumb);
	x = ui_put(&head, 1, 0, head.w, v->title, TS_TITLE);
	if (v->fallback)
		/* TRANSLATORS: shown beside a title that is still in French. */
		ui_put(&head, 1, x + 1, head.w - x - 1, _("(pas encore traduit)"),
		       TS_MARK);
	asked.n = nkeys < 16 ? nkeys : 16;
	memcpy(asked.keys, keys, asked.n * sizeof *keys);
	asked.y = h - 1;
	asked.w = w;
	asked.due = true;
	if (line != NULL)
		ui_put(&head, h - 2, 0, head.w, line, TS_MARK);
}

/* Draws the frame for v with the buttons every screen has. */
void
ui_frame_common(struct app *app, const struct model_view *v,
                struct ui_area *area)
{
	enum keys_action keys[12];

	ui_frame(app, v, keys, ui_common_keys(app, NULL, 0, keys, 12), area);
}

/* The buttons of every key bar, with the screen's own after the first. */
size_t
ui_common_keys(const struct app *app, const enum keys_action *extra,
               size_t nextra, enum keys_action *keys, size_t n)
{
	size_t i = 0;

	/* What 0 does (back, or on home the language picker): the key bar
	   says it once the screen is drawn (ui_frame_keybar). */
	if (app->top != NULL && i < n)
		keys[i++] = KEYS_BACK;
	if (i < n)
		keys[i++] = KEYS_LANGUAGE;
	for (size_t k = 0; k < nextra && i < n; k++)
		keys[i++] = extra[k];
	if (i < n)
		keys[i++] = KEYS_HELP;
	if (i < n)
		keys[i++] = KEYS_SEARCH;
	if (i < n)
		keys[i++] = KEYS_LOOK;
	if (!app_restricts(app, APP_NO_QUIT) && i < n)
		keys[i++] = KEYS_QUIT;
	return i;
}
