/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-search.h - search as you type, and the contact directory filtered
 * as you type.
 */
#ifndef ACCUEIL_SCREEN_SEARCH_H
#define ACCUEIL_SCREEN_SEARCH_H

#include "app/app.h"
#include "model/model.h"

/* The search screen's own keys, for the test that the key table tells
   them all. */
extern const struct keys_binds screen_search_keys;

/* Returns a new search screen; v (taken) gives its title. */
struct screen *screen_search_new(struct app *app, const char *id,
                                 struct model_view *v);

/* Returns a new directory of the contact cards; v (taken) its title. */
struct screen *screen_directory_new(struct app *app, const char *id,
                                    struct model_view *v);

#endif
