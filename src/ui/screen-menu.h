/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-menu.h - a menu: numbered entries chosen by digit, arrow, Enter or
 * click, in groups of eight when there are more than nine.
 */
#ifndef ACCUEIL_SCREEN_MENU_H
#define ACCUEIL_SCREEN_MENU_H

#include "app/app.h"
#include "model/model.h"
#include "ui/put.h"

/* What makes a menu that is no node of the content (the language picker). */
struct screen_menu_hooks {
	/* Returns the view, in the current language (again at each change). */
	struct model_view *(*make)(const struct app *app);
	/* Does entry e, chosen; returns enum app_result flags. */
	int (*pick)(struct app *app, const struct db_entry *e);
	/* Writes e's title at col of row y in style st, in at most the
	   columns left; returns the columns used. NULL: as any title. */
	int (*put_title)(const struct ui_area *a, int y, int col,
	                 const struct db_entry *e, enum term_style st);
};

/* Returns a new menu showing v (taken), the view of node id; NULL when v
   is NULL. */
struct screen *screen_menu_new(struct app *app, const char *id,
                               struct model_view *v);

/* Returns a new menu made by hooks (static storage). */
struct screen *screen_menu_made(struct app *app,
                                const struct screen_menu_hooks *hooks);

#endif
