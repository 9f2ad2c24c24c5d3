/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * main.c - accueil, the information kiosk of the CAI's bureau d'accueil:
 * wiring only. Reads the command line, opens the database (app/recover.c
 * says what happens when it does not), and either prints search results
 * or runs the screens.
 */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include "app/app.h"
#include "app/cli.h"
#include "app/config.h"
#include "app/recover.h"
#include "common/clock.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "db/db.h"
#include "ui/put.h"
#include "ui/ui.h"
#include "ui/term.h"

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

/*
 * Opens the database at path; in kiosk mode, one that does not open gives
 * "out of service" until it does (the screen is then started). Returns
 * the database, or NULL (said on stderr, or a signal or the staff's exit
 * ended the wait).
 */
static struct db *
open_db(struct app *app, const struct cli *o, const char *path,
        bool *screen)
{
	struct recover r = { .path = path };
	struct db *db;
	char *err;

	if (db_open(path, &db, &err) == 0)
		return db;
	if (o->search != NULL || o->contacts != NULL) {
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
	if (!app_kiosk_restricts(o->kiosk, APP_OUT_OF_SERVICE) ||
	    o->search != NULL || o->contacts != NULL || o->languages ||
	    start_screen() != 0)
		return NULL;
	*screen = true;
	ui_out_of_service(app, recover_when_due, &r);
	return r.db;
}

/* Runs accueil: wiring only; every way out goes through "out". */
int
main(int argc, char **argv)
{
	struct cli o;
	struct db *db = NULL;
	struct app app;
	struct config config = { .idle = -1 };
	bool screen = false, kiosk_screen, running = false;
	const char *path;
	char *err, *msg;
	int rc = cli_parse(argc, argv, &o);

	if (rc >= 0)
		return cli_close_stdout(rc);    /* --help, --version, a wrong
		                                   option */
	rc = 2;
	kiosk_screen = o.kiosk && o.search == NULL && o.contacts == NULL &&
	               !o.languages && o.desk_export == NULL &&
	               o.desk_import == NULL;
	/* Our signal handlers first, before anything a visitor could
	   interrupt; curses keeps the ones it finds. */
	app_signals(o.kiosk);
	if (app_kiosk_restricts(o.kiosk, APP_NO_CORE)) {
		no_core();
		term_kiosk();    /* the system's terminal descriptions only */
	}
	if (o.hash_pin || o.set_pin || o.check_config) {
		rc = o.hash_pin ? cli_hash_pin() : o.set_pin ? cli_set_pin(&o)
		     : cli_check_config(&o);
		goto out;
	}
	if (load_config(&o, kiosk_screen, &config, &err) != 0) {
		/* Never a kiosk without its staff exit. */
		if (kiosk_screen &&
		    app_kiosk_restricts(o.kiosk, APP_CONFIG_REQUIRED))
			refuse_kiosk(err);
		else
			fprintf(stderr, "accueil: %s\n", err);
		free(err);
		goto out;
	}
	app_init(&app, NULL, &ui_app, o.kiosk);
	running = true;
	app.config = &config;
	if (kiosk_screen)
		keep_pin_delay(&app, &config);
	if (i18n_init() != 0) {
		fputs("accueil: no UTF-8 locale is installed (C.UTF-8 is needed)\n",
		      stderr);
		goto out;
	}
	if (o.lang != NULL && i18n_set(o.lang) != 0) {
		/* cli_parse refused the unknown ones. */
		o.lang = NULL;
	} else if (o.lang != NULL && !i18n_has_catalogue()) {
		fprintf(stderr, "accueil: the interface translation for \"%s\" is "
		        "missing or broken; the interface stays in French\n", o.lang);
	}
	path = o.db ? o.db : cli_default_db();
	cli_desk_open(&o);
	db = open_db(&app, &o, path, &screen);
	if (db == NULL) {
		/* Said on stderr; after "out of service", a signal, no
		   terminal or the staff's exit ended the wait. */
		rc = !screen ? 2 : app.staff_exit ? APP_EXIT_STAFF : 0;
		goto out;
	}
	if (o.desk_export != NULL || o.desk_import != NULL) {
		rc = cli_desk(db, &o);
		goto out;
	}
	if (o.search != NULL) {
		rc = cli_search(db, o.search, i18n_lang(), stdout);
		goto out;
	}
	if (o.contacts != NULL) {
		rc = cli_contacts(db, o.contacts, i18n_lang(), o.brief, stdout);
		goto out;
	}
	if (o.languages) {
		rc = cli_languages(db, stdout);
		goto out;
	}
	if (!screen && start_screen() != 0)
		goto out;
	screen = true;
	ui_set_terminal_bidi(o.terminal_bidi);
	app.db = db;
	app.idle = o.idle >= 0 ? o.idle : config.idle >= 0 ? config.idle
	           : app_restricts(&app, APP_IDLE_RESET) ? 120 : 0;
	{
		struct recover r = { .path = path, .db = db };

		rc = recover_run(&app, &r, o.lang == NULL);
		db = r.db;
	}
out:
	/* The screens leave (a reading stops), keeping the last message
	   for standard error once the terminal is restored. */
	msg = running && rc != 0 && rc != APP_EXIT_STAFF && app.message != NULL
	      ? xstrdup(app.message) : NULL;
	if (running)
		app_free(&app);
	if (screen) {
		term_end();
		app_report_flush();
	}
	if (msg != NULL)
		fprintf(stderr, "accueil: %s\n", msg);
	free(msg);
	db_close(db);
	config_free(&config);
	/* The staff's commands' output: an error writing it is an error. */
	return screen ? rc : cli_close_stdout(rc);
}
