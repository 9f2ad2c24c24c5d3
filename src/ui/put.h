/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * put.h - placing text on the screen, in the visitor's direction: screens
 * write their text through these, so that right-to-left languages are
 * placed and reordered in one place.
 */
#ifndef ACCUEIL_PUT_H
#define ACCUEIL_PUT_H

#include <stdbool.h>

#include "text/text-search.h"
#include "text/text.h"
#include "ui/term.h"

/* The area a screen draws in. */
struct ui_area {
	int y, x, h, w;         /* rows y .. y+h-1, text columns x .. x+w-1 */
};

/*
 * Writes clean logical text s on row y, col columns from the start edge of
 * area a (its left edge, or its right edge when rtl), in at most maxw
 * columns, in visual order unless the terminal reorders by itself. Returns
 * the columns used.
 */
int ui_put_dir(const struct ui_area *a, int y, int col, int maxw,
               const char *s, enum term_style st, bool rtl);

/* Writes text already in visual order, aligned as ui_put would. */
int ui_put_visual(const struct ui_area *a, int y, int col, int maxw,
                  const char *vis, enum term_style st);

/* The same in the direction of the visitor's language. */
int ui_put(const struct ui_area *a, int y, int col, int maxw, const char *s,
           enum term_style st);

/*
 * Wraps clean text s for width columns into out: lines in visual order
 * when rtl and the terminal does not reorder by itself (the directions
 * resolved over each whole paragraph), else in logical order. Write each
 * line with ui_put_line and the same rtl.
 */
void ui_wrap(const char *s, int width, bool rtl, struct text_lines *out);

/* Writes a line of ui_wrap as ui_put_dir places it. */
int ui_put_line(const struct ui_area *a, int y, int col, int maxw,
                const char *line, enum term_style st, bool rtl);

/*
 * Writes clean logical text s as ui_put_dir does, with the words of t that
 * match (text_marks, or text_marks_visual once it is reordered) in style
 * mark: the marks are found in the text as it is drawn, so that a
 * right-to-left line is marked too. Returns the columns used.
 */
int ui_put_find(const struct ui_area *a, int y, int col, int maxw,
                const char *s, const struct text_tokens *t,
                enum term_style st, enum term_style mark, bool rtl);

/* Writes a line of ui_wrap as ui_put_line does, with the words of t
   marked in style mark (as ui_put_find). */
int ui_put_line_find(const struct ui_area *a, int y, int col, int maxw,
                     const char *line, const struct text_tokens *t,
                     enum term_style st, enum term_style mark, bool rtl);

/* Says that the terminal reorders right-to-left text itself. */
void ui_set_terminal_bidi(bool on);

#endif
