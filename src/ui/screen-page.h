/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-page.h - a page or a contact card: wrapped text that scrolls, its
 * links numbered at the end, the French original under it on demand.
 */
#ifndef ACCUEIL_SCREEN_PAGE_H
#define ACCUEIL_SCREEN_PAGE_H

#include "app/app.h"
#include "model/model.h"

/* The page's own keys, for the test that the key table tells them all. */
extern const struct keys_binds screen_page_keys;

/* Returns a new page showing v (taken), the view of node id; NULL when v
   is NULL. */
struct screen *screen_page_new(struct app *app, const char *id,
                               struct model_view *v);

/*
 * Returns a new page showing the view make(app) returns (a page that is no
 * node: help), made again at each change of language; it has no French
 * original and is not read aloud.
 */
struct screen *screen_page_made(struct app *app,
                                struct model_view *(*make)(const struct app *));

#endif
