/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * main.c - accueil, the information kiosk of the CAI's bureau d'accueil:
 * reads the command line, opens the database, and either prints search
 * results or runs the screens.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/clock.h"
#include "app/app.h"
#include "app/cli.h"
#include "app/config.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "model/model.h"
#include "model/speech.h"
#include "db/db.h"
#include "ui/put.h"
#include "ui/ui.h"
#include "ui/term.h"

/*
 * Where the database is, and the database once it opens; when it was last
 * tried (CLOCK_MONOTONIC, ms) and what its file was then (found, stat).
 */
struct reopen {
	const char *path;
	struct db *db;
	long long tried;
	bool found;
	struct stat st;
};

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
file_changed(struct reopen *r)
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
static bool
reopen(void *arg)
{
	struct reopen *r = arg;
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
static bool
reopen_when_due(void *arg)
{
	struct reopen *r = arg;

	if (!file_changed(r) && clock_ms() - r->tried < REOPEN_EVERY_MS)
		return false;
	return reopen(r);
}

/*
 * Runs the screens. In kiosk mode, a database that fails during a visit
 * (copied over, truncated, deleted) gives "out of service" in every
 * language until it can be opened again, never a crash nor an exit.
 */
static int
run_screens(struct app *app, struct reopen *r, bool picker)
{
	int rc;

	while ((rc = app_run(app, picker)) == APP_BROKEN) {
		/* A file replaced (the usual update): the new one at once. */
		bool stale = db_stale(app->db);

		speech_stop();
		app_free(app);
		db_close(app->db);
		app->db = r->db = NULL;
		app->broken = false;
		app->countdown = 0;
		if (!stale || !reopen(r)) {
			if (!app->kiosk)
				return 2;       /* said on stderr */
			ui_out_of_service(app, reopen_when_due, r);
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

/*
 * In kiosk mode, keeps what the visitor typed or read out of any core
 * file: no core at all, and a process that no one else may dump or trace;
 * and out of freed memory: every block freed (by the program, SQLite,
 * ncurses) is overwritten at once.
 */
static void
no_core(void)
{
	struct rlimit none = { 0, 0 };

	mallopt(M_PERTURB, 0x5a);

	if (setrlimit(RLIMIT_CORE, &none) != 0)
		perror("accueil: setrlimit(RLIMIT_CORE)");
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
		perror("accueil: prctl(PR_SET_DUMPABLE)");
}

/* Starts the screen, or says why not. Returns 0, or 2. */
static int
start_screen(void)
{
	char *err;

	if (term_check(&err) != 0 || term_init(&err) != 0) {
		fprintf(stderr, "accueil: %s\n", err);
		free(err);
		return 2;
	}
	return 0;
}

/* How long a kiosk that refuses its configuration keeps its sentence on
   the console before it ends (and its service starts it again). */
#define REFUSED_WAIT_S 10

/*
 * Kiosk mode with a configuration it cannot use (an unreadable PIN file, a
 * bad line): never a kiosk without its staff exit. Says so on the console
 * (standard output, tty1 under the unit) and on stderr (the journal),
 * keeps the sentence there a while, and returns 2.
 */
static int
refuse_kiosk(const char *err)
{
	char *line = xasprintf("accueil: kiosk mode refused: %s; a kiosk "
	                       "needs its staff exit (see accueil "
	                       "--check-config)\n", err);

	fputs(line, stderr);
	if (isatty(STDOUT_FILENO) || !isatty(STDERR_FILENO)) {
		fputs(line, stdout);
		fflush(stdout);
	}
	free(line);
	for (int i = 0; i < REFUSED_WAIT_S && !app_stopping(); i++)
		sleep(1);
	return 2;
}

/*
 * Reads the configuration and the PIN file that o names into *c. In kiosk
 * mode (screen), a file that is there but cannot be read counts as bad.
 * Returns 0, or -1 with a malloc'd sentence in *err.
 */
static int
load_config(const struct cli *o, bool screen, struct config *c, char **err)
{
	const char *pin = cli_pin_file(o);
	enum config_need need = screen ? CONFIG_IF_PRESENT : CONFIG_OPTIONAL;

	if (config_load(o->config ? o->config : CONFIG_DEFAULT_PATH,
	                o->config != NULL ? CONFIG_REQUIRED : need, c,
	                err) != 0)
		return -1;
	if (pin != NULL && config_load_pin(pin, o->pin_file != NULL ?
	                                   CONFIG_REQUIRED : need, c,
	                                   err) != 0) {
		config_free(c);
		return -1;
	}
	return 0;
}

/* Keeps the PIN delay of a kiosk in its state directory, where a restart
   finds it; loads the one a crash left into app. */
static void
keep_pin_delay(struct app *app, struct config *c)
{
	char *dir = config_state_dir();
	long long left;

	if (dir == NULL) {
		fputs("accueil: no state directory can be written "
		      "($STATE_DIRECTORY, /var/lib/accueil, /run/accueil): the "
		      "PIN delay is kept in memory only\n", stderr);
		return;
	}
	c->delay_file = xasprintf("%s/%s", dir, CONFIG_DELAY_NAME);
	free(dir);
	config_delay_load(c, APP_PIN_DELAY_MAX * 1000LL, &app->pin_failures,
	                  &left);
	if (left > 0)
		app->pin_until = clock_ms() + left;
}

/* Runs accueil. */
int
main(int argc, char **argv)
{
	struct cli o;
	struct db *db;
	struct app app;
	struct config config;
	bool screen_started = false;
	char *err;
	int rc = cli_parse(argc, argv, &o);
	bool screen;

	if (rc >= 0)
		return cli_close_stdout(rc);
	screen = o.kiosk && o.search == NULL && o.contacts == NULL &&
	         !o.languages && o.desk_export == NULL && o.desk_import == NULL;
	/* Our signal handlers first, before anything a visitor could
	   interrupt; curses keeps the ones it finds. */
	app_signals(o.kiosk);
	if (o.kiosk) {
		no_core();
		term_kiosk();    /* the system's terminal descriptions only */
	}
	if (o.hash_pin)
		return cli_close_stdout(cli_hash_pin());
	if (o.set_pin)
		return cli_close_stdout(cli_set_pin(&o));
	if (o.check_config)
		return cli_close_stdout(cli_check_config(&o));
	if (load_config(&o, screen, &config, &err) != 0) {
		if (screen)
			refuse_kiosk(err);
		else
			fprintf(stderr, "accueil: %s\n", err);
		free(err);
		return 2;
	}
	app_init(&app, NULL, &ui_app, o.kiosk);
	app.config = &config;
	if (screen)
		keep_pin_delay(&app, &config);
	if (i18n_init() != 0) {
		fputs("accueil: no UTF-8 locale is installed (C.UTF-8 is needed)\n",
		      stderr);
		config_free(&config);
		return 2;
	}
	if (o.lang != NULL && i18n_set(o.lang) != 0) {
		/* cli_parse refused the unknown ones. */
		o.lang = NULL;
	} else if (o.lang != NULL && !i18n_has_catalogue()) {
		fprintf(stderr, "accueil: the interface translation for \"%s\" is "
		        "missing or broken; the interface stays in French\n", o.lang);
	}
	cli_desk_open(&o);
	if (db_open(o.db ? o.db : cli_default_db(), &db, &err) != 0) {
		struct reopen r = { .path = o.db ? o.db : cli_default_db() };

		if (o.search != NULL || o.contacts != NULL) {
			/* The staff's commands speak --lang. */
			fputs("accueil: ", stderr);
			/* TRANSLATORS: accueil --search cannot open the
			   database; %s says why (in English). */
			fprintf(stderr, _("la base de données ne peut pas être "
			                  "ouverte (%s)"), err);
			fputc('\n', stderr);
		} else {
			fprintf(stderr, "accueil: %s\n", err);
		}
		free(err);
		/* A kiosk says "out of service" and waits, rather than exit and be
		   started again and again. */
		if (!screen || start_screen() != 0) {
			config_free(&config);
			return 2;
		}
		ui_out_of_service(&app, reopen_when_due, &r);
		if (r.db == NULL) {
			term_end();
			app_report_flush();
			app_free(&app);
			config_free(&config);
			return app.staff_exit ? APP_EXIT_STAFF : 0;
		}
		db = r.db;
		screen_started = true;
	}
	if (o.desk_export != NULL || o.desk_import != NULL) {
		rc = cli_desk(db, &o);
		db_close(db);
		config_free(&config);
		return cli_close_stdout(rc);
	}
	if (o.search != NULL) {
		rc = cli_search(db, o.search, i18n_lang(), stdout);
		db_close(db);
		config_free(&config);
		return cli_close_stdout(rc);
	}
	if (o.contacts != NULL) {
		rc = cli_contacts(db, o.contacts, i18n_lang(), o.brief, stdout);
		db_close(db);
		config_free(&config);
		return cli_close_stdout(rc);
	}
	if (o.languages) {
		rc = cli_languages(db, stdout);
		db_close(db);
		config_free(&config);
		return cli_close_stdout(rc);
	}
	if (!screen_started && start_screen() != 0) {
		db_close(db);
		config_free(&config);
		return 2;
	}
	ui_set_terminal_bidi(o.terminal_bidi);
	app.db = db;
	app.idle = o.idle >= 0 ? o.idle : config.idle >= 0 ? config.idle
	           : o.kiosk ? 120 : 0;
	{
		struct reopen r = { .path = o.db ? o.db : cli_default_db(),
		                     .db = db };

		rc = run_screens(&app, &r, o.lang == NULL);
		db = r.db;
	}
	speech_stop();
	term_end();
	app_report_flush();
	if (rc != 0 && rc != APP_EXIT_STAFF && app.message != NULL)
		fprintf(stderr, "accueil: %s\n", app.message);
	app_free(&app);
	db_close(db);
	config_free(&config);
	return rc;
}
