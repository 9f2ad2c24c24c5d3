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

#include "core/app.h"
#include "core/model.h"

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

/* The table the main loop uses (read, draw, open, help). */
extern const struct app_ui ui_app;

/*
 * Draws the frame for view v (breadcrumb, title, key bar with the keys given,
 * the app's message) and stores the free area in *area.
 */
void ui_frame(struct app *app, const struct model_view *v,
              const struct ui_key *keys, size_t nkeys, struct ui_area *area);

/* The key-bar buttons every screen ends with (back, help, search, quit). */
size_t ui_common_keys(const struct app *app, struct ui_key *keys, size_t n);

/* Each takes ownership of v and returns a new screen. */
struct screen *screen_menu_new(struct model_view *v);
struct screen *screen_page_new(struct model_view *v);
/* Search everything, or (directory) filter the contact cards. */
struct screen *screen_search_new(struct app *app, struct model_view *v,
                                 bool directory);

#endif
