/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-help.c - the help screen, made from the key table: the line of
 * every key this mode has (quit where it is not restricted, the staff's
 * F10 where it is the way out), each line once, shown as a page (see
 * screen-help.h).
 */
#include "ui/screen-help.h"

#include <stdbool.h>
#include <string.h>

#include "app/keys.h"
#include "common/xalloc.h"
#include "db/kind.h"
#include "i18n/i18n.h"
#include "model/speech.h"
#include "ui/screen-page.h"

/* Adds a paragraph to a view made by hand. */
static void
add_para(struct model_view *v, enum model_style style, const char *text)
{
	v->para = xreallocarray(v->para, v->npara + 1, sizeof *v->para);
	v->para[v->npara].style = style;
	v->para[v->npara].name = NULL;
	v->para[v->npara].label = NULL;
	v->para[v->npara].text = xstrdup(text);
	v->npara++;
}

/* Returns true when an earlier row of the table has the same help line. */
static bool
said(int row)
{
	for (int i = 0; i < row; i++)
		if (strcmp(keys_table[i].help, keys_table[row].help) == 0)
			return true;
	return false;
}

/* Returns the help view, in the current language. */
struct model_view *
screen_help_view(const struct app *app)
{
	struct model_view *v = xcalloc(1, sizeof *v);

	v->id = xstrdup("help");
	v->kind = KIND_PAGE;
	v->title = xstrdup(_("Aide"));
	/* The mouse first: it says how to choose at all. */
	add_para(v, MODEL_TEXT, _(keys_table[KEYS_MOUSE].help));
	for (int k = 0; k < KEYS_COUNT; k++) {
		enum keys_where w = keys_table[k].where;

		bool reading = k == KEYS_LISTEN || k == KEYS_SKIP;

		if (k == KEYS_MOUSE || said(k) ||
		    (w == KEYS_NOT_KIOSK && app_restricts(app, APP_NO_QUIT)) ||
		    (w == KEYS_KIOSK && !app_restricts(app, APP_STAFF_EXIT)) ||
		    (reading && !speech_available()))
			continue;
		/* A language without a voice: why there is no s. */
		if (reading && speech_voice(i18n_lang()) == NULL) {
			if (k == KEYS_LISTEN)
				add_para(v, MODEL_ITEM, _("La lecture à voix "
				         "haute n'existe pas encore dans cette "
				         "langue."));
			continue;
		}
		add_para(v, MODEL_ITEM, _(keys_table[k].help));
	}
	add_para(v, MODEL_TEXT, _("Une information manque ? Demandez à "
	                          "l'accueil : nous sommes là pour vous "
	                          "aider."));
	return v;
}

/* Returns a new help screen. */
struct screen *
screen_help_new(struct app *app, const char *id, struct model_view *v)
{
	(void)id;
	(void)v;
	return screen_page_made(app, screen_help_view);
}
