/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-language.h - the language picker: every language of the language
 * table by its name in its own script; choosing one shows every screen of
 * the stack again in it.
 */
#ifndef ACCUEIL_SCREEN_LANGUAGE_H
#define ACCUEIL_SCREEN_LANGUAGE_H

#include "app/app.h"
#include "model/model.h"

/* The picker's own keys, for the test that the key table tells them all. */
extern const struct keys_binds screen_language_keys;

/* Returns a new language picker (id and v unused: NULL). */
struct screen *screen_language_new(struct app *app, const char *id,
                                   struct model_view *v);

#endif
