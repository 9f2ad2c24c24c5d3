/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * load.h - loading a screen's view in a language, freeing and replacing
 * it.
 */
#ifndef ACCUEIL_LOAD_H
#define ACCUEIL_LOAD_H

#include <stdbool.h>

#include "app/app.h"
#include "model/model.h"

/*
 * Returns node id loaded in language lang, or NULL after setting the app's
 * message. Free with model_view_free and free.
 */
struct model_view *ui_load(struct app *app, const char *id, const char *lang);

/* Frees view v and the struct itself; NULL is fine. Returns NULL. */
struct model_view *ui_view_free(struct model_view *v);

/* Replaces *v (freed) by w, unless w is NULL. Returns true if replaced. */
bool ui_view_replace(struct model_view **v, struct model_view *w);

#endif
