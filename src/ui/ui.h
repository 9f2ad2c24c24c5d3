/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui.h - what the user interface gives the main loop: reading an event,
 * drawing the top screen (or a notice over it), opening screens through
 * the registry; and the out-of-service loop of a kiosk without data.
 */
#ifndef ACCUEIL_UI_H
#define ACCUEIL_UI_H

#include <stdbool.h>

#include "app/app.h"

/* The table the main loop uses (read, draw, open, look). */
extern const struct app_ui ui_app;

/*
 * Kiosk mode with no usable database: shows "out of service, please ask at
 * the desk" in every language, ignoring every key but the staff's F10
 * (then the PIN screen, as on every other screen: app->staff_exit is set
 * when the right PIN is typed), and calls retry(arg) after each key and
 * every second until it returns true (the database is back), a signal
 * ends the program or the staff leave; retry() decides when to try.
 */
void ui_out_of_service(struct app *app, bool (*retry)(void *), void *arg);

#endif
