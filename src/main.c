/*
 * main.c - accueil, the information kiosk of the CAI's bureau d'accueil:
 * reads the command line, opens the database, and either prints search
 * results or runs the screens.
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/app.h"
#include "core/cli.h"
#include "core/i18n.h"
#include "db/db.h"
#include "ui/screens.h"
#include "ui/term.h"

/* Runs accueil. */
int
main(int argc, char **argv)
{
	struct cli o;
	struct db *db;
	struct app app;
	char *err;
	int rc = cli_parse(argc, argv, &o);

	if (rc >= 0)
		return rc;
	if (i18n_init() != 0) {
		fputs("accueil: no UTF-8 locale is installed (C.UTF-8 is needed)\n",
		      stderr);
		return 2;
	}
	if (o.lang != NULL && i18n_set(o.lang) != 0)
		fprintf(stderr, "accueil: the language \"%s\" is not available; "
		        "using French\n", o.lang);
	if (db_open(o.db ? o.db : cli_default_db(), &db, &err) != 0) {
		fprintf(stderr, "accueil: %s\n", err);
		free(err);
		return 2;
	}
	if (o.search != NULL) {
		rc = cli_search(db, o.search, i18n_lang(), stdout);
		db_close(db);
		return rc;
	}
	if (o.contacts != NULL) {
		rc = cli_contacts(db, o.contacts, i18n_lang(), stdout);
		db_close(db);
		return rc;
	}
	if (term_check(&err) != 0 || term_init(&err) != 0) {
		fprintf(stderr, "accueil: %s\n", err);
		free(err);
		db_close(db);
		return 2;
	}
	app_init(&app, db, &ui_app, o.kiosk);
	rc = app_run(&app);
	term_end();
	if (rc != 0 && app.message != NULL)
		fprintf(stderr, "accueil: %s\n", app.message);
	app_free(&app);
	db_close(db);
	return rc;
}
