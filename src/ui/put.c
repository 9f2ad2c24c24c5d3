/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * put.c - placing text on the screen: in the visitor's direction, from the
 * start edge of an area, in visual order unless the terminal reorders by
 * itself (see put.h).
 */
#include "ui/put.h"

#include <stdlib.h>
#include <string.h>

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

/* The most words marked on one line. */
#define LINE_MARKS 16

/*
 * Writes vis (the text as it is drawn, in visual order when visual), w
 * columns of it, from column x of row y, with the words of t in style
 * mark. Returns w.
 */
static int
put_segments(int y, int x, int w, const char *vis, bool visual,
             const struct text_tokens *t, enum term_style st,
             enum term_style mark)
{
	struct text_mark m[LINE_MARKS];
	size_t n = visual ? text_marks_visual(vis, t, m, LINE_MARKS)
	                  : text_marks(vis, t, m, LINE_MARKS), at = 0;
	int cx = x;

	for (size_t i = 0; i <= n && cx < x + w; i++) {
		size_t end = i < n ? m[i].start : strlen(vis);
		char *part = xstrndup(vis + at, end - at);

		cx += term_put(y, cx, x + w - cx, part, st);
		free(part);
		if (i < n && cx < x + w) {
			part = xstrndup(vis + m[i].start, m[i].end - m[i].start);
			cx += term_put(y, cx, x + w - cx, part, mark);
			free(part);
			at = m[i].end;
		}
	}
	return w;
}

/* Writes s at col from the start edge of a, its words of t marked. */
int
ui_put_find(const struct ui_area *a, int y, int col, int maxw, const char *s,
            const struct text_tokens *t, enum term_style st,
            enum term_style mark, bool rtl)
{
	char *fit, *vis;
	int w;
	bool reorder;

	if (t == NULL || t->n == 0)
		return ui_put_dir(a, y, col, maxw, s, st, rtl);
	if (maxw > a->w - col)
		maxw = a->w - col;
	reorder = !terminal_bidi && (rtl || text_has_rtl(s));
	if (!rtl && !reorder) {
		w = text_width(s);
		return put_segments(y, a->x + col, w < maxw ? w : maxw, s, false,
		                    t, st, mark);
	}
	fit = text_fit(s, maxw);
	vis = reorder ? text_visual(fit, rtl) : xstrdup(fit);
	w = text_width(vis);
	put_segments(y, rtl ? a->x + a->w - col - w : a->x + col, w, vis,
	             reorder, t, st, mark);
	free(vis);
	free(fit);
	return w;
}

/* Writes a line of ui_wrap at col from the start edge of a, marked. */
int
ui_put_line_find(const struct ui_area *a, int y, int col, int maxw,
                 const char *line, const struct text_tokens *t,
                 enum term_style st, enum term_style mark, bool rtl)
{
	int w;

	if (t == NULL || t->n == 0)
		return ui_put_line(a, y, col, maxw, line, st, rtl);
	if (!rtl || terminal_bidi)
		return ui_put_find(a, y, col, maxw, line, t, st, mark, rtl);
	if (maxw > a->w - col)
		maxw = a->w - col;
	w = text_width(line) < maxw ? text_width(line) : maxw;
	return put_segments(y, a->x + a->w - col - w, w, line, true, t, st,
	                    mark);
}

/* Writes s at col from the start edge of a, in the visitor's direction. */
int
ui_put(const struct ui_area *a, int y, int col, int maxw, const char *s,
       enum term_style st)
{
	return ui_put_dir(a, y, col, maxw, s, st, i18n_rtl());
}
