/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-menu.h - a menu: numbered entries chosen by digit, arrow, Enter or
 * click: 1 to 9, then 01 to 09.
 */
#ifndef ACCUEIL_SCREEN_MENU_H
#define ACCUEIL_SCREEN_MENU_H

#include "app/app.h"
#include "model/model.h"

/* The menu's own keys, for the test that the key table tells them all. */
extern const struct keys_binds screen_menu_keys;

/* Returns a new menu showing v (taken), the view of node id; NULL when v
   is NULL. */
struct screen *screen_menu_new(struct app *app, const char *id,
                               struct model_view *v);

#endif
