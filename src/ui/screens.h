/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens.h - the screens of the kiosk and the frame they share.
 *
 * Every screen draws inside the same frame: the breadcrumb on the first row,
 * the title on the second, the key bar on the last; what is between is the
 * screen's own area. ui_app is the table the main loop uses to reach them.
 */
#ifndef ACCUEIL_SCREENS_H
#define ACCUEIL_SCREENS_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "model/model.h"
#include "text/text.h"
#include "ui/term.h"

/* Below this size the frame only asks for a bigger window. */
#define UI_MIN_W 30
#define UI_MIN_H 10
/* Text is never wider than this, however wide the terminal. */
#define UI_MAX_TEXT 100

/* A button of the key bar: the key shown, its label, the key it sends. */
struct ui_key {
	const char *key;
	const char *label;      /* not yet translated: N_() */
	int code;               /* AK_NONE: shown but not clickable */
};

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

/* Returns true in the large-spacing look (blank rows between entries). */
bool ui_spacious(void);

/* Says that the terminal reorders right-to-left text itself. */
void ui_set_terminal_bidi(bool on);

/*
 * Kiosk mode with no usable database: shows "out of service, please ask at
 * the desk" in every language, ignoring every key, and calls retry(arg)
 * after each key and every ten seconds until it returns true (the database
 * is back) or a signal ends the program.
 */
void ui_out_of_service(bool (*retry)(void *), void *arg);

/* The table the main loop uses (read, draw, open, help). */
extern const struct app_ui ui_app;

/*
 * Draws the frame for view v (breadcrumb, title, key bar with the keys given,
 * the app's message) and stores the free area in *area.
 */
void ui_frame(struct app *app, const struct model_view *v,
              const struct ui_key *keys, size_t nkeys, struct ui_area *area);

/*
 * Stores in keys (room for n) the key-bar buttons every screen has, most
 * needed first (back, language), then the nextra of the screen itself, then
 * help, search, contrast, quit; returns how many. What does not fit the
 * width is left out from the end.
 */
size_t ui_common_keys(const struct app *app, const struct ui_key *extra,
                      size_t nextra, struct ui_key *keys, size_t n);

/*
 * Returns node id loaded in language lang, or NULL after setting the app's
 * message. Free with model_view_free and free.
 */
struct model_view *ui_load(struct app *app, const char *id, const char *lang);

/* Return the views of the help screen and of the language picker. */
struct model_view *ui_help_view(const struct app *app);
struct model_view *ui_language_view(void);

/* Returns a new screen asking the staff PIN (kiosk mode). */
struct screen *screen_pin_new(struct app *app);

/* Each takes ownership of v and returns a new screen. */
struct screen *screen_menu_new(struct model_view *v);
struct screen *screen_page_new(struct model_view *v);
/* The QR code of contact id, to take it away. */
struct screen *screen_qr_new(struct app *app, const char *id);

/* An ask-the-desk card: the sentence large, and in French. */
struct screen *screen_card_new(struct app *app, struct model_view *v);

/* Search everything, or (directory) filter the contact cards. */
struct screen *screen_search_new(struct app *app, struct model_view *v,
                                 bool directory);

#endif
