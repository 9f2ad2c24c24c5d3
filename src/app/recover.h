/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * recover.h - the out-of-service policy: a database that does not open,
 * or fails or is replaced during a visit, is opened again (at once when its
 * file was replaced, else every ten seconds or as soon as its file
 * changes), and in kiosk mode "out of service" is shown meanwhile, never a
 * crash nor an exit. main.c only wires it.
 */
#ifndef ACCUEIL_RECOVER_H
#define ACCUEIL_RECOVER_H

#include <stdbool.h>
#include <sys/stat.h>

#include "app/app.h"
#include "db/db.h"

/*
 * Where the database is (not copied), and the database once it opens
 * (owned by the caller, who closes it); when it was last tried
 * (clock_ms) and what its file was then (found, stat).
 */
struct recover {
	const char *path;
	struct db *db;
	long long tried;
	bool found;
	struct stat st;
};

/* Tries to open the database again, home included; true when it worked
   (r->db set), else the cause is told to the staff once (app_report). */
bool recover_open(struct recover *r);

/* recover_open when due: every ten seconds, or at once when the file
   changed since the last try (for app_ui.out_of_service; arg is r). */
bool recover_when_due(void *arg);

/*
 * Runs the screens of app (app_run) until the visitor quits; a database
 * that fails is opened again, out of service meanwhile when
 * APP_OUT_OF_SERVICE holds. Returns the exit status; r->db is the
 * database then open (or NULL).
 */
int recover_run(struct app *app, struct recover *r, bool picker);

#endif
