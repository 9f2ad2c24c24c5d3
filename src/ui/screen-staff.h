/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-staff.h - the staff menu, behind the PIN: the desk's own facts of
 * a contact card, the notices of the home screen, and leaving the kiosk.
 */
#ifndef ACCUEIL_SCREEN_STAFF_H
#define ACCUEIL_SCREEN_STAFF_H

#include "app/app.h"
#include "model/model.h"

/* Returns a new staff menu (id and v unused: NULL). */
struct screen *screen_staff_new(struct app *app, const char *id,
                                struct model_view *v);

#endif
