/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * notice.c - what covers a screen: the "are you still there?" countdown,
 * the request for a bigger window, the out-of-service notice (see
 * notice.h).
 */
#include "ui/notice.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/put.h"
#include "ui/term.h"

/* Draws the "are you still there?" box over the screen. */
void
ui_notice_countdown(const struct app *app, int h, int w)
{
	struct text_lines l = { 0 };
	char *left;
	int bw = w - 4 < 60 ? w - 4 : 60, top;
	struct ui_area box;

	/* TRANSLATORS: after two minutes without a key, before the reset. */
	text_wrap(_("Êtes-vous encore là ?"), bw - 4, &l);
	/* TRANSLATORS: %d is a number of seconds. */
	left = xasprintf(ngettext("Tout recommence au début dans %d seconde.",
	                          "Tout recommence au début dans %d secondes.",
	                          app->countdown), app->countdown);
	text_wrap(left, bw - 4, &l);
	free(left);
	text_wrap(_("Appuyez sur une touche pour continuer."), bw - 4, &l);
	top = (h - (int)l.n - 2) / 2;
	box = (struct ui_area){ .y = top, .x = (w - bw) / 2 + 2, .h = (int)l.n,
	                        .w = bw - 4 };
	for (int y = top; y < top + (int)l.n + 2 && y < h; y++) {
		for (int x = (w - bw) / 2; x < (w - bw) / 2 + bw; x++)
			term_put(y, x, 1, " ", TS_SELECTED);
	}
	for (size_t i = 0; i < l.n && top + 1 + (int)i < h; i++)
		ui_put(&box, top + 1 + (int)i, 0, box.w, l.v[i].s, TS_SELECTED);
	text_lines_free(&l);
}

/* Asks for a bigger window, on the whole screen. */
void
ui_notice_too_small(int h, int w)
{
	struct text_lines l = { 0 };
	struct ui_area all = { .y = 0, .x = 0, .h = h, .w = w };

	term_erase();
	ui_frame_forget();

	/* TRANSLATORS: the only line shown when the window is too small. */
	text_wrap(_("Agrandissez la fenêtre, s'il vous plaît."), w, &l);
	for (size_t i = 0; i < l.n && (int)i < h; i++)
		ui_put(&all, (int)i, 0, w, l.v[i].s, TS_TITLE);
	text_lines_free(&l);
}

/* Draws the out-of-service notice, once in every language (each asked
   of i18n in its language: the visitor's stays as it is). */
void
ui_notice_out_of_service(void)
{
	int h, w, y = 1;

	term_size(&h, &w);
	term_erase();
	for (size_t i = 0; i < i18n_nlanguages && y < h; i++) {
		const struct i18n_language *l = &i18n_languages[i];
		/* No margins in a window too narrow for them (down to 1x1). */
		struct ui_area a = { .y = 0, .x = w > 8 ? 2 : 0, .h = h,
		                     .w = w > 8 ? w - 4 : w };
		struct text_lines t = { 0 };
		/* TRANSLATORS: the only screen when the kiosk's data is broken. */
		char *s = i18n_gettext_in(l->code, N_("Hors service. Demandez "
		                                      "à l'accueil, s'il vous "
		                                      "plaît."));

		text_wrap(s, a.w, &t);
		free(s);
		for (size_t j = 0; j < t.n && y < h; j++)
			ui_put_dir(&a, y++, 0, a.w, t.v[j].s,
			           i == 0 ? TS_TITLE : TS_NORMAL, l->rtl);
		text_lines_free(&t);
	}
	term_flush();
}
