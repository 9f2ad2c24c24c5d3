/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * frame.h - the frame every screen draws in: the breadcrumb on the first
 * row, the title on the second, the app's message and the key bar at the
 * bottom; the look (contrast, spacing); where the key bar's buttons are,
 * for clicks. Screens call it; it never calls a screen.
 */
#ifndef ACCUEIL_FRAME_H
#define ACCUEIL_FRAME_H

#include <stdbool.h>
#include <stddef.h>

#include "app/app.h"
#include "app/keys.h"
#include "model/model.h"
#include "ui/put.h"

/* Below this size the frame only asks for a bigger window. */
#define UI_MIN_W 30
#define UI_MIN_H 10
/* Text is never wider than this, however wide the terminal. */
#define UI_MAX_TEXT 100

/* Goes to the next look, or back to the usual one when next is false. */
void ui_look(bool next);

/* Returns true in the large-spacing look (blank rows between entries). */
bool ui_spacious(void);

/*
 * Stores in keys (room for n) the key-bar buttons every screen has, most
 * needed first (back, language), then the nextra of the screen itself, then
 * help, search, contrast, quit; returns how many.
 */
size_t ui_common_keys(const struct app *app, const enum keys_action *extra,
                      size_t nextra, enum keys_action *keys, size_t n);

/*
 * Draws the frame for view v (breadcrumb, title, key bar with the buttons
 * keys, from app/keys.c, the app's message) and stores the free area in
 * *area. Buttons that do not fit the width are left out from the end;
 * back and language are always kept.
 */
void ui_frame(struct app *app, const struct model_view *v,
              const enum keys_action *keys, size_t nkeys,
              struct ui_area *area);

/* Draws the frame as ui_frame does, with the buttons of ui_common_keys
   alone (a screen without keys of its own). */
void ui_frame_common(struct app *app, const struct model_view *v,
                     struct ui_area *area);

/* Adds button k to the key bar the last ui_frame asked for, after its
   first button (for what the screen learns as it draws). */
void ui_frame_key(enum keys_action k);

/* Draws the key bar the last ui_frame asked for, once the screen is drawn
   (its 0 says what the next 0 does there: app_back_key). */
void ui_frame_keybar(const struct app *app);

/* Forgets the key bar (a notice covers the whole screen). */
void ui_frame_forget(void);

/*
 * Turns a click on a button of the key bar into its key, and a click on the
 * breadcrumb into back; leaves other events alone.
 */
void ui_frame_click(struct app_event *ev);

#endif
