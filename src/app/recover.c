/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * recover.c - the out-of-service policy (see recover.h).
 */
#include "app/recover.h"

#include <stdlib.h>
#include <string.h>

#include "common/clock.h"
#include "common/xalloc.h"
#include "model/model.h"

/* How often a database that does not open is tried again, in ms. */
#define REOPEN_EVERY_MS 10000

/* Tells the staff why the database cannot be used, once per new cause. */
static void
report_once(char *err)
{
	static char *last;

	if (err == NULL || (last != NULL && strcmp(last, err) == 0)) {
		free(err);
		return;
	}
	app_report(NULL, NULL, err);
	free(last);
	last = err;
}

/* Notes what the file is now; true when it differs from the last note. */
static bool
file_changed(struct recover *r)
{
	struct stat st;
	bool found = stat(r->path, &st) == 0, changed;

	if (!found)
		memset(&st, 0, sizeof st);
	changed = found != r->found || st.st_dev != r->st.st_dev ||
	          st.st_ino != r->st.st_ino || st.st_size != r->st.st_size ||
	          st.st_mode != r->st.st_mode ||
	          st.st_mtim.tv_sec != r->st.st_mtim.tv_sec ||
	          st.st_mtim.tv_nsec != r->st.st_mtim.tv_nsec ||
	          st.st_ctim.tv_sec != r->st.st_ctim.tv_sec ||
	          st.st_ctim.tv_nsec != r->st.st_ctim.tv_nsec;
	r->found = found;
	r->st = st;
	return changed;
}

/* Tries to open the database again, home included; true when it worked. */
bool
recover_open(struct recover *r)
{
	struct model_view v;
	char *err = NULL;

	r->tried = clock_ms();
	file_changed(r);
	if (db_open(r->path, &r->db, &err) != 0) {
		report_once(err);
		return false;
	}
	if (model_view_load(r->db, "home", "fr", &v, &err) != 0) {
		free(err);
		report_once(xasprintf("%s: the home page cannot be read",
		                      r->path));
		db_close(r->db);
		r->db = NULL;
		return false;
	}
	model_view_free(&v);
	return true;
}

/*
 * Out of service: tries the database again every ten seconds, and at once
 * when its file changes (put back, copied over, made readable), which a
 * stat() a second sees without opening it.
 */
bool
recover_when_due(void *arg)
{
	struct recover *r = arg;

	if (!file_changed(r) && clock_ms() - r->tried < REOPEN_EVERY_MS)
		return false;
	return recover_open(r);
}

/*
 * Runs the screens. In kiosk mode, a database that fails during a visit
 * (copied over, truncated, deleted) gives "out of service" in every
 * language until it can be opened again, never a crash nor an exit.
 */
int
recover_run(struct app *app, struct recover *r, bool picker)
{
	int rc;

	while ((rc = app_run(app, picker)) == APP_BROKEN) {
		/* A file replaced (the usual update): the new one at once. */
		bool stale = db_stale(app->db);

		app_free(app);  /* the screens left: a reading stops */
		db_close(app->db);
		app->db = r->db = NULL;
		app->broken = false;
		app->countdown = 0;
		if (!stale || !recover_open(r)) {
			if (!app_restricts(app, APP_OUT_OF_SERVICE))
				return 2;       /* said on stderr */
			if (app->ui->out_of_service == NULL)
				return 2;
			app->ui->out_of_service(app, recover_when_due, r);
			if (app->staff_exit)
				return APP_EXIT_STAFF;
			if (r->db == NULL)
				return 0;       /* a signal, or no terminal */
		}
		app->db = r->db;
		picker = true;
	}
	return rc;
}

