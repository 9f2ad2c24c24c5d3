/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * notice.h - what covers a screen: the "are you still there?" countdown,
 * the request for a bigger window, the out-of-service notice. Drawing only:
 * the caller flushes.
 */
#ifndef ACCUEIL_NOTICE_H
#define ACCUEIL_NOTICE_H

#include "app/app.h"

/* Draws the countdown box of app over an h x w screen. */
void ui_notice_countdown(const struct app *app, int h, int w);

/* Erases the h x w screen and asks for a bigger window. */
void ui_notice_too_small(int h, int w);

/* Draws "out of service, please ask at the desk", once in every language,
   and flushes. */
void ui_notice_out_of_service(void);

#endif
