/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * load.h - loading a screen's view in a language.
 */
#ifndef ACCUEIL_LOAD_H
#define ACCUEIL_LOAD_H

#include "app/app.h"
#include "model/model.h"

/*
 * Returns node id loaded in language lang, or NULL after setting the app's
 * message. Free with model_view_free and free.
 */
struct model_view *ui_load(struct app *app, const char *id, const char *lang);

#endif
