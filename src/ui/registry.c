/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * registry.c - from a node's kind, or a screen of enum app_screen, to the
 * constructor of its screen (see registry.h). To add a screen: write
 * ui/screen-NAME.c and .h, and add one line here.
 */
#include "ui/registry.h"

#include <stddef.h>

#include "db/kind.h"
#include "i18n/i18n.h"
#include "ui/load.h"
#include "ui/screen-card.h"
#include "ui/screen-help.h"
#include "ui/screen-language.h"
#include "ui/screen-menu.h"
#include "ui/screen-page.h"
#include "ui/screen-pin.h"
#include "ui/screen-qr.h"
#include "ui/screen-search.h"
#include "ui/screen-staff.h"

/* The constructor of every screen, one signature for all. */
typedef struct screen *screen_new(struct app *, const char *,
                                  struct model_view *);

/* The screen of each node kind. */
static screen_new *const by_kind[KIND_COUNT] = {
	[KIND_MENU] = screen_menu_new,
	[KIND_PAGE] = screen_page_new,
	[KIND_CONTACT] = screen_page_new,
	[KIND_TERM] = screen_page_new,
	[KIND_CARD] = screen_card_new,
	[KIND_SEARCH] = screen_search_new,
	[KIND_DIRECTORY] = screen_directory_new,
};

/* The screens that are not a node of the content. */
static screen_new *const by_screen[] = {
	[APP_SCREEN_HELP] = screen_help_new,
	[APP_SCREEN_LANGUAGE] = screen_language_new,
	[APP_SCREEN_PIN] = screen_pin_new,
	[APP_SCREEN_STAFF] = screen_staff_new,
};

/* The screens' own keys. */
const struct keys_binds *const ui_registry_keys[] = {
	&screen_menu_keys, &screen_page_keys, &screen_search_keys,
	&screen_language_keys, NULL
};

/* Returns a new screen what, of node id. */
struct screen *
ui_registry_open(struct app *app, enum app_screen what, const char *id)
{
	struct model_view *v;
	screen_new *make;

	/* A QR code shows its contact: its view, loaded once here. */
	if (what == APP_SCREEN_QR)
		return screen_qr_new(app, id, ui_load(app, id, i18n_lang()));
	if (what != APP_SCREEN_NODE)
		return by_screen[what](app, id, NULL);
	v = ui_load(app, id, i18n_lang());
	if (v == NULL)
		return NULL;
	make = v->kind >= 0 && v->kind < KIND_COUNT && by_kind[v->kind] != NULL
	       ? by_kind[v->kind] : screen_page_new;
	return make(app, id, v);
}
