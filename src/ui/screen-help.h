/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-help.h - the help screen: a line for every key of the key table
 * (app/keys.c) that this mode of the program has.
 */
#ifndef ACCUEIL_SCREEN_HELP_H
#define ACCUEIL_SCREEN_HELP_H

#include "app/app.h"
#include "model/model.h"

/* Returns the help view, in the current language (free with
   model_view_free and free). */
struct model_view *screen_help_view(const struct app *app);

/* Returns a new help screen (id and v unused: NULL). */
struct screen *screen_help_new(struct app *app, const char *id,
                               struct model_view *v);

#endif
