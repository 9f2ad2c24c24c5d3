/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-card.c - an ask-the-desk card: one sentence a visitor shows to the
 * receptionist, shown large (framed, spaced, centred) in the visitor's
 * language, with the same sentence in French under it.
 */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "common/xalloc.h"
#include "text/text.h"

struct card {
	struct screen base;
	struct model_view *v;   /* in the visitor's language */
	struct model_view *fr;  /* in French, or NULL when that is the same */
};

/*
 * Draws text framed in style st from row y, its lines spaced by a blank
 * one and centred; returns the row after the frame.
 */
static int
draw_box(const struct ui_area *a, int y, const char *text, bool rtl,
         enum term_style st)
{
	struct text_lines l = { 0 };
	int bottom = a->y + a->h;

	ui_wrap(text, a->w - 8, rtl, &l);
	for (int r = y; r < y + (int)l.n * 2 + 1 && r < bottom; r++)
		for (int x = 0; x < a->w; x++)
			term_put(r, a->x + x, 1, " ", st);
	for (size_t i = 0; i < l.n && y + 1 + (int)i * 2 < bottom; i++) {
		int pad = (a->w - l.v[i].width) / 2;

		ui_put_line(a, y + 1 + (int)i * 2, pad > 0 ? pad : 0, a->w,
		            l.v[i].s, st, rtl);
	}
	y += (int)l.n * 2 + 1;
	text_lines_free(&l);
	return y;
}

/* Draws the card. */
static void
card_draw(struct screen *s, struct app *app)
{
	struct card *c = (struct card *)s;
	struct ui_key keys[12];
	struct ui_area a;
	size_t nkeys = ui_common_keys(app, NULL, 0, keys, 12);
	int y;

	ui_frame(app, c->v, keys, nkeys, &a);
	y = draw_box(&a, a.y, c->v->title, i18n_rtl(), TS_SELECTED);
	if (c->fr != NULL && y + 3 < a.y + a.h) {
		/* TRANSLATORS: above the French of an ask-the-desk card. */
		ui_put(&a, y + 1, 0, a.w, _("En français :"), TS_LABEL);
		draw_box(&a, y + 2, c->fr->title, false, TS_TITLE);
	}
}

/* Loads the French sentence when the visitor reads another language. */
static void
load_french(struct card *c, struct app *app)
{
	if (c->fr != NULL) {
		model_view_free(c->fr);
		free(c->fr);
		c->fr = NULL;
	}
	if (strcmp(i18n_lang(), "fr") != 0)
		c->fr = ui_load(app, c->v->id, "fr");
}

/* A card has no keys of its own. */
static int
card_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	return APP_IGNORED;
}

/* Shows the card again in the language now chosen. */
static void
card_reload(struct screen *s, struct app *app)
{
	struct card *c = (struct card *)s;
	struct model_view *v = ui_load(app, c->v->id, i18n_lang());

	if (v != NULL) {
		model_view_free(c->v);
		free(c->v);
		c->v = v;
	}
	load_french(c, app);
}

/* Frees the card. */
static void
card_free(struct screen *s)
{
	struct card *c = (struct card *)s;

	model_view_free(c->v);
	free(c->v);
	if (c->fr != NULL) {
		model_view_free(c->fr);
		free(c->fr);
	}
	free(c);
}

static const struct screen_ops card_ops = {
	.name = "card",
	.draw = card_draw,
	.key = card_key,
	.reload = card_reload,
	.free = card_free,
};

/* Returns a new card screen showing v (taken). */
struct screen *
screen_card_new(struct app *app, struct model_view *v)
{
	struct card *c = xcalloc(1, sizeof *c);

	c->base.ops = &card_ops;
	c->v = v;
	load_french(c, app);
	return &c->base;
}
