/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-qr.h - a contact as a QR code a phone saves.
 */
#ifndef ACCUEIL_SCREEN_QR_H
#define ACCUEIL_SCREEN_QR_H

#include "app/app.h"
#include "model/model.h"

/* Returns a new screen showing contact id as a QR code (v unused: NULL). */
struct screen *screen_qr_new(struct app *app, const char *id,
                             struct model_view *v);

#endif
