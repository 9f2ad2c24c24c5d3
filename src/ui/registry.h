/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * registry.h - the one file that knows every screen: it maps a node's kind,
 * or one of the screens of enum app_screen, to the constructor of its
 * screen. Every screen has the same constructor signature:
 *
 *     struct screen *screen_NAME_new(struct app *app, const char *id,
 *                                    struct model_view *v);
 *
 * id is the node shown (or NULL), v its view already loaded in the
 * visitor's language (taken; NULL for a screen that makes its own). A
 * constructor returns NULL, with the app's message set, when it cannot.
 */
#ifndef ACCUEIL_REGISTRY_H
#define ACCUEIL_REGISTRY_H

#include "app/app.h"

/* The own keys of every screen that has some, NULL-terminated (the test
   that the key table, so the help and the man page, tells them all). */
extern const struct keys_binds *const ui_registry_keys[];

/* Returns a new screen what, of node id (or NULL), or NULL (message set). */
struct screen *ui_registry_open(struct app *app, enum app_screen what,
                                const char *id);

#endif
