/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * main.c - accueil, the information kiosk of the CAI's bureau d'accueil:
 * wiring only. Reads the command line, opens the database (app/recover.c
 * says what happens when it does not), and either prints search results
 * or runs the screens.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include "app/app.h"
#include "app/cli.h"
#include "app/config.h"
#include "app/recover.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "db/db.h"
#include "ui/put.h"
#include "ui/ui.h"
#include "ui/term.h"

/*
 * In kiosk mode, keeps what the visitor typed or read out of any core
 * file: no core at all, and a process that no one else may dump or trace.
 */
static void
no_core(void)
{
	struct rlimit none = { 0, 0 };

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

/* Reads a PIN on standard input and prints its configuration line. */
static int
hash_pin(void)
{
	char *line = NULL, *hash;
	size_t size = 0;
	ssize_t n = getline(&line, &size, stdin);
	const char *why;

	if (n < 0) {
		free(line);
		fputs("accueil: no PIN on standard input\n", stderr);
		return 2;
	}
	/* The line's end, and nothing else, is not part of the PIN. */
	if (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';
	if (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	why = strlen(line) != (size_t)n ? "a PIN holds no NUL character"
	      : config_pin_refused(line);
	hash = why == NULL ? config_hash_pin(line) : NULL;
	explicit_bzero(line, size);
	free(line);
	if (why != NULL) {
		fprintf(stderr, "accueil: %s\n", why);
		return 2;
	}
	if (hash == NULL) {
		fputs("accueil: the PIN cannot be hashed here\n", stderr);
		return 2;
	}
	printf("pin = %s\n", hash);
	free(hash);
	return 0;
}

/*
 * Opens the database at path; in kiosk mode, one that does not open gives
 * "out of service" until it does (the screen is then started). Returns
 * the database, or NULL (said on stderr, or a signal ended the wait).
 */
static struct db *
open_db(const struct cli *o, const char *path, bool *screen)
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
	ui_out_of_service(recover_when_due, &r);
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
	bool screen = false, running = false;
	const char *path;
	char *err, *msg;
	int rc = cli_parse(argc, argv, &o);

	if (rc >= 0)
		return rc;      /* --help, --version, a wrong option */
	rc = 2;
	/* Our signal handlers first, before anything a visitor could
	   interrupt; curses keeps the ones it finds. */
	app_signals(o.kiosk);
	if (app_kiosk_restricts(o.kiosk, APP_NO_CORE))
		no_core();
	if (o.hash_pin) {
		rc = hash_pin();
		goto out;
	}
	if (config_load(o.config ? o.config : CONFIG_DEFAULT_PATH,
	                o.config != NULL, &config, &err) != 0) {
		fprintf(stderr, "accueil: %s\n", err);
		free(err);
		/* A kiosk never exits for its configuration: it runs with the
		   defaults, and so without the staff exit. */
		if (!app_kiosk_restricts(o.kiosk, APP_DEFAULT_CONFIG) ||
		    o.search || o.contacts || o.languages)
			goto out;
		fputs("accueil: running with the default settings, without the "
		      "staff exit\n", stderr);
	}
	if (i18n_init() != 0) {
		fputs("accueil: no UTF-8 locale is installed (C.UTF-8 is needed)\n",
		      stderr);
		goto out;
	}
	if (o.lang != NULL && i18n_set(o.lang) != 0) {
		fprintf(stderr, "accueil: the language \"%s\" is not available; "
		        "using French\n", o.lang);
		o.lang = NULL;
	} else if (o.lang != NULL && !i18n_has_catalogue()) {
		fprintf(stderr, "accueil: the interface translation for \"%s\" is "
		        "missing or broken; the interface stays in French\n", o.lang);
	}
	path = o.db ? o.db : cli_default_db();
	db = open_db(&o, path, &screen);
	if (db == NULL) {
		/* Said on stderr; after "out of service", a signal or no
		   terminal ended the wait. */
		rc = screen ? 0 : 2;
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
	app_init(&app, db, &ui_app, o.kiosk);
	running = true;
	app.idle = o.idle >= 0 ? o.idle : config.idle >= 0 ? config.idle
	           : app_restricts(&app, APP_IDLE_RESET) ? 120 : 0;
	app.config = &config;
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
	return rc;
}
