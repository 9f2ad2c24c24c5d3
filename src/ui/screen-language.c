/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-language.c - the language picker, a menu made from the language
 * table of i18n/ (see screen-language.h).
 */
#include "ui/screen-language.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "db/kind.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/screen-menu.h"

/* Returns the view of the picker: every language by its name. */
static struct model_view *
language_view(const struct app *app)
{
	struct model_view *v = xcalloc(1, sizeof *v);

	(void)app;
	v->id = xstrdup("language");
	v->kind = KIND_MENU;
	/* TRANSLATORS: title of the language picker. */
	v->title = xstrdup(_("Choisissez votre langue"));
	v->entries.n = i18n_nlanguages;
	v->entries.v = xcalloc(i18n_nlanguages, sizeof *v->entries.v);
	for (size_t i = 0; i < i18n_nlanguages; i++) {
		v->entries.v[i].id = xstrdup(i18n_languages[i].code);
		v->entries.v[i].kind = KIND_LANGUAGE;
		v->entries.v[i].title = xstrdup(i18n_languages[i].name);
	}
	return v;
}

/* Switches to the language chosen, and closes the picker. */
static int
pick(struct app *app, const struct db_entry *e)
{
	app_set_language(app, e->id);
	return APP_POP;
}

/* Writes a language's name in its own direction, whatever the screen's. */
static int
put_name(const struct ui_area *a, int y, int col, const struct db_entry *e,
         enum term_style st)
{
	const struct i18n_language *l = i18n_find(e->id);
	char *vis;
	int w;

	if (l == NULL)
		return ui_put(a, y, col, a->w - col, e->title, st);
	vis = text_visual(e->title, l->rtl);
	w = ui_put_visual(a, y, col, a->w - col, vis, st);
	free(vis);
	return w;
}

static const struct screen_menu_hooks hooks = {
	.make = language_view,
	.pick = pick,
	.put_title = put_name,
};

/* Returns a new language picker. */
struct screen *
screen_language_new(struct app *app, const char *id, struct model_view *v)
{
	(void)id;
	(void)v;
	return screen_menu_made(app, &hooks);
}
