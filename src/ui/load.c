/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * load.c - loading a screen's view in a language, with the sentence a
 * visitor sees when it cannot be read (see load.h).
 */
#include "ui/load.h"

#include <stdlib.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"

/* Loads node id in the current language, or says why not. */
struct model_view *
ui_load(struct app *app, const char *id, const char *lang)
{
	struct model_view *v;
	char *err = NULL;
	int rc;

	/* The file replaced or changed under the program (it is read as
	   immutable): open it again rather than read a mix of both. */
	if (db_rewritten(app->db)) {
		app_report(app, id, "the database file was written over in "
		           "place; opening it again");
		app->broken = true;
		return NULL;
	}
	v = xcalloc(1, sizeof *v);
	rc = model_view_load(app->db, id, lang, v, &err);
	if (rc != 0) {
		app_report(app, id, rc > 0 ? "no such node" : err);
		/* A failing database (or one replaced under the program) is out
		   of service until it is opened again; a missing node is not. */
		if ((rc < 0 && db_damaged(app->db)) || db_stale(app->db))
			app->broken = true;
		/* TRANSLATORS: shown when a page cannot be read. */
		app_set_message(app, _("Cette page ne peut pas être affichée. "
		                       "Demandez à l'accueil."));
		free(err);
		free(v);
		return NULL;
	}
	return v;
}

/* Frees v and the struct itself. */
struct model_view *
ui_view_free(struct model_view *v)
{
	if (v != NULL) {
		model_view_free(v);
		free(v);
	}
	return NULL;
}

/* Replaces *v by w unless w is NULL. */
bool
ui_view_replace(struct model_view **v, struct model_view *w)
{
	if (w == NULL)
		return false;
	ui_view_free(*v);
	*v = w;
	return true;
}
