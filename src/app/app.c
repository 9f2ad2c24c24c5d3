/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.c - the screen stack and the main loop (see app.h).
 */
#include "app/app.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "i18n/i18n.h"
#include "model/speech.h"
#include "common/xalloc.h"

static volatile sig_atomic_t stop_signal;

/* Notes that a signal asked the program to end. */
static void
on_stop(int sig)
{
	stop_signal = sig;
}

/*
 * Every other signal whose default would kill the program and leave the
 * terminal raw ends it the usual way, so that the terminal is restored;
 * a closed pipe is an error of the write, not a death. SIGSEGV, SIGBUS,
 * SIGFPE, SIGILL and SIGABRT are left to their default (and to the
 * sanitizers): returning from their handler would run the fault again.
 */
static void
stop_on_others(struct sigaction *sa)
{
	static const int sigs[] = {
		SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
		SIGSYS, SIGTRAP,
#ifdef SIGPWR
		SIGPWR,
#endif
#ifdef SIGSTKFLT
		SIGSTKFLT,
#endif
	};
	struct sigaction ign;

	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
		sigaction(sigs[i], sa, NULL);
	memset(&ign, 0, sizeof ign);
	sigemptyset(&ign.sa_mask);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, NULL);
}

/* Catches the signals. */
void
app_signals(bool kiosk)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;        /* no SA_RESTART: reading stops */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	stop_on_others(&sa);
	if (!kiosk) {
		sigaction(SIGINT, &sa, NULL);
		return;
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
}

/* Returns true once a signal asked the program to end. */
bool
app_stopping(void)
{
	return stop_signal != 0;
}

/* Returns the time in milliseconds on a clock that never goes back. */
static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Sets up app. */
void
app_init(struct app *app, struct db *db, const struct app_ui *ui, bool kiosk)
{
	app->db = db;
	app->ui = ui;
	app->top = NULL;
	app->kiosk = kiosk;
	app->quit = false;
	app->message = NULL;
	app->idle = 0;
	app->countdown = 0;
	app->config = NULL;
	app->fresh = false;
	app->depth = 0;
	app->broken = false;
}

/* Frees the stack and the message. */
void
app_free(struct app *app)
{
	while (app->top != NULL) {
		struct screen *s = app->top;

		app->top = s->below;
		s->ops->free(s);
	}
	app->depth = 0;
	app_set_message(app, NULL);
}

/* Sets the message shown to the visitor. */
void
app_set_message(struct app *app, const char *msg)
{
	free(app->message);
	app->message = xstrdup(msg);
}

/* Closes the oldest screen above the bottom one. */
static void
drop_oldest(struct app *app)
{
	struct screen **pp = &app->top;
	struct screen *s;

	if (app->top == NULL || app->top->below == NULL)
		return;
	while ((*pp)->below->below != NULL)
		pp = &(*pp)->below;
	s = *pp;
	*pp = s->below;
	s->ops->free(s);
	app->depth--;
}

/* Pushes s. */
void
app_push(struct app *app, struct screen *s)
{
	while (app->depth >= APP_MAX_DEPTH && app->top != NULL &&
	       app->top->below != NULL)
		drop_oldest(app);
	s->below = app->top;
	app->top = s;
	app->depth++;
}

/* Pushes a new screen of role made by make, unless one is on top. */
static void
push_role(struct app *app, int role, struct screen *(*make)(struct app *))
{
	struct screen *s;

	if (app->top != NULL && app->top->role == role)
		return;
	s = make(app);
	s->role = role;
	app_push(app, s);
}

/* The lines app_report keeps while the screen owns the terminal. */
static char *reports[32];
static size_t nreports, lost_reports;

/* Tells the staff why node id could not be shown. */
void
app_report(const struct app *app, const char *id, const char *cause)
{
	const char *path = app != NULL && app->db != NULL ? db_file(app->db)
	                   : NULL;
	char *node = id != NULL ? xasprintf("node \"%s\": ", id) : xstrdup("");
	char *line = xasprintf("accueil: %s%s%s%s\n", path ? path : "",
	                       path ? ": " : "", node,
	                       cause ? cause : "unknown cause");

	if (!isatty(STDERR_FILENO)) {
		fputs(line, stderr);
		free(line);
	} else if (nreports < sizeof reports / sizeof *reports) {
		reports[nreports++] = line;
	} else {
		lost_reports++;
		free(line);
	}
	free(node);
}

/* Writes the lines app_report kept. */
void
app_report_flush(void)
{
	for (size_t i = 0; i < nreports; i++) {
		fputs(reports[i], stderr);
		free(reports[i]);
	}
	if (lost_reports > 0)
		fprintf(stderr, "accueil: %zu more errors\n", lost_reports);
	nreports = lost_reports = 0;
}

/* Opens node id on top of the stack. */
int
app_open(struct app *app, const char *id)
{
	struct screen *s = app->ui->open(app, id);

	if (s == NULL)
		return -1;
	app_push(app, s);
	return 0;
}

/* Closes the top screen unless it is the last one. */
bool
app_pop(struct app *app)
{
	struct screen *s = app->top;

	if (s == NULL || s->below == NULL)
		return false;
	app->top = s->below;
	s->ops->free(s);
	app->depth--;
	return true;
}

/* Applies the keys that mean the same on every screen. */
static bool
global_key(struct app *app, const struct app_event *ev)
{
	switch (ev->key) {
	case '0':
	case AK_BACKSPACE:
	case AK_ESC:
	case AK_LEFT:
		app_pop(app);
		return true;
	case '?':
		push_role(app, APP_ROLE_HELP, app->ui->help);
		return true;
	case '/':
		if (app->top->role != APP_ROLE_SEARCH &&
		    app_open(app, "search") == 0)
			app->top->role = APP_ROLE_SEARCH;
		return true;
	case '*':
		push_role(app, APP_ROLE_PICKER, app->ui->language);
		return true;
	case 'h':
	case 'H':
		app->ui->look(true);
		return true;
	case 'q':
	case 'Q':
	case AK_INTERRUPT:
		if (!app->kiosk)
			app->quit = true;
		return true;
	case AK_STAFF:
		/* Only in kiosk mode, and only when a PIN is configured. */
		if (app->kiosk && app->config != NULL && app->config->pin != NULL)
			push_role(app, APP_ROLE_PIN, app->ui->pin);
		return true;
	case AK_RESIZE:
		return true;
	default:
		return false;
	}
}

/* Reloads the screens from the bottom of the stack up, without recursion. */
static void
reload(struct app *app, struct screen *s)
{
	struct screen *v[APP_MAX_DEPTH + 1];
	size_t n = 0;

	for (; s != NULL && n < sizeof v / sizeof *v; s = s->below)
		v[n++] = s;
	while (n > 0) {
		n--;
		v[n]->ops->reload(v[n], app);
	}
}

/* Switches the language and shows every screen again in it. */
int
app_set_language(struct app *app, const char *code)
{
	if (i18n_set(code) != 0)
		return -1;
	reload(app, app->top);
	return 0;
}

/* Handles one event. */
bool
app_handle(struct app *app, const struct app_event *ev)
{
	bool cleared = false;
	int r;

	if (app->top == NULL)
		return false;
	if (app->message != NULL && ev->key != AK_RESIZE) {
		app_set_message(app, NULL);
		cleared = true;
	}
	r = app->top->ops->key(app->top, app, ev);
	if (r & APP_QUIT) {
		if (!app->kiosk)
			app->quit = true;
		return true;
	}
	if (r & APP_POP) {
		app_pop(app);
		return true;
	}
	if ((r & (APP_HANDLED | APP_REDRAW)) == 0)
		return global_key(app, ev) || cleared;
	return (r & APP_REDRAW) != 0 || cleared;
}

/* Forgets the visit: French, home, the picker on top. */
void
app_reset(struct app *app)
{
	speech_stop();
	app_free(app);
	app->ui->look(false);
	app->countdown = 0;
	i18n_set("fr");
	/* The database replaced since it was opened (the usual update):
	   the caller opens the new one. */
	if (db_stale(app->db)) {
		app_report(app, NULL, "the database file was replaced or changed; "
		           "opening it again");
		app->broken = true;
		return;
	}
	if (app_open(app, "home") != 0)
		app->broken = true;
	if (app->top != NULL)
		push_role(app, APP_ROLE_PICKER, app->ui->language);
	app->fresh = true;
}

/* Returns how long to wait for input before the idle timer acts. */
static int
wait_ms(const struct app *app, long long last_input)
{
	long long left;

	/* Never block without a time-out: curses restarts a blocking read
	   that a signal interrupts, and SIGTERM must end the program. */
	if (app->idle <= 0)
		return 1000;
	if (app->countdown > 0)
		return 1000;
	/* At most a second: a signal that comes just before the wait
	   starts still ends the program within a second. */
	left = last_input + app->idle * 1000LL - now_ms();
	return left < 0 ? 0 : left > 1000 ? 1000 : (int)left;
}

/* Opens home (and the picker) and runs until the visitor quits. */
int
app_run(struct app *app, bool picker)
{
	long long last_input = now_ms();
	bool redraw = true;

	if (app->top == NULL && app_open(app, "home") != 0)
		return app->kiosk ? APP_BROKEN : 2;
	if (picker)
		push_role(app, APP_ROLE_PICKER, app->ui->language);
	app->fresh = picker;
	while (!app->quit && !app_stopping()) {
		struct app_event ev;
		int rc;

		/* A screen could not be loaded from a failing database, or none
		   is left: never draw without one. */
		if (app->broken || app->top == NULL)
			return APP_BROKEN;
		if (redraw)
			app->ui->draw(app);
		redraw = false;
		rc = app->ui->read(&ev, wait_ms(app, last_input));
		if (rc == APP_READ_EOF)
			return 0;       /* the terminal is gone: nobody to serve */
		if (rc != 0) {
			/* No input: the idle timer. */
			if (app->idle <= 0 || app_stopping())
				continue;
			if (app->countdown > 0 && --app->countdown == 0) {
				app_reset(app);
				last_input = now_ms();
				redraw = true;
			} else if (app->countdown == 0 && !app->fresh &&
			           now_ms() >= last_input + app->idle * 1000LL) {
				app->countdown = app->idle < APP_COUNTDOWN ? app->idle
				                 : APP_COUNTDOWN;
				redraw = true;
			} else {
				redraw = app->countdown > 0;
			}
			continue;
		}
		if (ev.key == AK_RESIZE) {
			redraw = true;
			continue;
		}
		last_input = now_ms();
		app->fresh = false;
		if (app->countdown > 0) {
			/* Any key means "I am still here". */
			app->countdown = 0;
			redraw = true;
			continue;
		}
		redraw = app_handle(app, &ev);
	}
	return 0;
}
