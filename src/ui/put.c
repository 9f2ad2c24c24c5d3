/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * put.c - placing text on the screen: in the visitor's direction, from the
 * start edge of an area, in visual order unless the terminal reorders by
 * itself (see put.h).
 */
#include "ui/put.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"

static bool terminal_bidi;      /* the terminal reorders by itself */

/* Says that the terminal reorders right-to-left text itself. */
void
ui_set_terminal_bidi(bool on)
{
	terminal_bidi = on;
}

/* Writes s at col from the start edge of a, in direction rtl. */
int
ui_put_dir(const struct ui_area *a, int y, int col, int maxw, const char *s,
           enum term_style st, bool rtl)
{
	char *fit, *vis;
	int w;
	bool reorder;

	if (maxw > a->w - col)
		maxw = a->w - col;
	/* A left-to-right line may still hold Arabic or Persian (a label
	   above the French original): it is shaped and ordered too. */
	reorder = !terminal_bidi && (rtl || text_has_rtl(s));
	if (!rtl && !reorder)
		return term_put(y, a->x + col, maxw, s, st);
	/* Cut the logical text, so that its end is what goes. */
	fit = text_fit(s, maxw);
	vis = reorder ? text_visual(fit, rtl) : xstrdup(fit);
	w = text_width(vis);
	term_put(y, rtl ? a->x + a->w - col - w : a->x + col, w, vis, st);
	free(vis);
	free(fit);
	return w;
}

/* Writes text already in visual order at col from the start edge of a. */
int
ui_put_visual(const struct ui_area *a, int y, int col, int maxw,
              const char *vis, enum term_style st)
{
	int w;

	if (maxw > a->w - col)
		maxw = a->w - col;
	if (!i18n_rtl())
		return term_put(y, a->x + col, maxw, vis, st);
	w = text_width(vis) < maxw ? text_width(vis) : maxw;
	return term_put(y, a->x + a->w - col - w, w, vis, st);
}

/* Wraps s for width columns, in visual order when it is to be reordered. */
void
ui_wrap(const char *s, int width, bool rtl, struct text_lines *out)
{
	if (rtl && !terminal_bidi)
		text_wrap_visual(s, width, true, out);
	else
		text_wrap(s, width, out);
}

/* Writes a line of ui_wrap at col from the start edge of a. */
int
ui_put_line(const struct ui_area *a, int y, int col, int maxw,
            const char *line, enum term_style st, bool rtl)
{
	if (!rtl || terminal_bidi)
		return ui_put_dir(a, y, col, maxw, line, st, rtl);
	return ui_put_visual(a, y, col, maxw, line, st);
}

/* Writes s at col from the start edge of a, in the visitor's direction. */
int
ui_put(const struct ui_area *a, int y, int col, int maxw, const char *s,
       enum term_style st)
{
	return ui_put_dir(a, y, col, maxw, s, st, i18n_rtl());
}
