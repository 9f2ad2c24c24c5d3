/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-pin.h - the staff PIN, the way out of kiosk mode.
 */
#ifndef ACCUEIL_SCREEN_PIN_H
#define ACCUEIL_SCREEN_PIN_H

#include "app/app.h"
#include "model/model.h"

/* Returns a new screen asking the staff PIN (id and v unused: NULL). */
struct screen *screen_pin_new(struct app *app, const char *id,
                              struct model_view *v);

#endif
