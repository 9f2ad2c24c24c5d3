/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-card.h - an ask-the-desk card: the sentence large, in the
 * visitor's language and in French.
 */
#ifndef ACCUEIL_SCREEN_CARD_H
#define ACCUEIL_SCREEN_CARD_H

#include "app/app.h"
#include "model/model.h"

/* Returns a new card showing v (taken), the view of node id; NULL when v
   is NULL. */
struct screen *screen_card_new(struct app *app, const char *id,
                               struct model_view *v);

#endif
