/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-card.c - an ask-the-desk card: one sentence a visitor shows to the
 * receptionist, shown large (framed, spaced, centred) in the visitor's
 * language, with the same sentence in French under it.
 */
#include "ui/screen-card.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/load.h"
#include "ui/put.h"

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
	struct ui_area a;
	int y;

	ui_frame_common(app, c->v, &a);
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
	c->fr = ui_view_free(c->fr);
	if (strcmp(i18n_lang(), "fr") != 0)
		c->fr = ui_load(app, c->v->id, "fr");
}

/* Shows the card again in the language now chosen. */
static void
card_reload(struct screen *s, struct app *app)
{
	struct card *c = (struct card *)s;
	struct model_view *v = ui_load(app, c->v->id, i18n_lang());

	ui_view_replace(&c->v, v);
	load_french(c, app);
}

/* Frees the card. */
static void
card_free(struct screen *s)
{
	struct card *c = (struct card *)s;

	ui_view_free(c->v);
	ui_view_free(c->fr);
	free(c);
}

static const struct screen_ops card_ops = {
	.draw = card_draw,
	.key = NULL,           /* no keys of its own */
	.reload = card_reload,
	.free = card_free,
};

/* Returns a new card screen showing v (taken). */
struct screen *
screen_card_new(struct app *app, const char *id, struct model_view *v)
{
	struct card *c;

	(void)id;
	if (v == NULL)
		return NULL;
	c = xcalloc(1, sizeof *c);
	c->base.ops = &card_ops;
	c->v = v;
	load_french(c, app);
	return &c->base;
}
