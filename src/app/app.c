/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.c - the screen stack and the main loop (see app.h).
 */
#include "app/app.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/clock.h"
#include "app/honest.h"
#include "app/keys.h"
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
	if (!app_kiosk_restricts(kiosk, APP_NO_SIGNALS)) {
		sigaction(SIGINT, &sa, NULL);
		return;
	}
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL);
	sigaction(SIGTSTP, &sa, NULL);
}

const struct app_restriction_row app_restrictions[APP_RESTRICTIONS] = {
	[APP_NO_QUIT] = { "quit", "q and Ctrl-C do not end the program" },
	[APP_NO_SIGNALS] = { "signals",
		"SIGINT, SIGQUIT and SIGTSTP do nothing" },
	[APP_NO_CORE] = { "core", "no core file; not dumpable nor traceable" },
	[APP_STAFF_EXIT] = { "staff-exit",
		"F10 and the staff PIN are the only way out" },
	[APP_OUT_OF_SERVICE] = { "out-of-service", "a failing database shows "
		"\"out of service\" until it opens again, never an exit" },
	[APP_CONFIG_REQUIRED] = { "config-required", "a configuration that "
		"cannot be used is refused: never a kiosk without its staff "
		"exit" },
	[APP_IDLE_RESET] = { "idle-reset",
		"the visit is forgotten after 120 s without a key by default" },
};

/* Returns true when restriction r holds in kiosk mode or not. */
bool
app_kiosk_restricts(bool kiosk, enum app_restriction r)
{
	/* Every restriction is the kiosk's; an unknown one holds too. */
	return kiosk || r < 0 || r >= APP_RESTRICTIONS;
}

/* Returns true when restriction r holds for app. */
bool
app_restricts(const struct app *app, enum app_restriction r)
{
	return app_kiosk_restricts(app->kiosk, r);
}

/* Returns true once a signal asked the program to end. */
bool
app_stopping(void)
{
	return stop_signal != 0;
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
	app->pin_failures = 0;
	app->pin_until = 0;
	app->staff_exit = false;
	app->staff_menu = false;
	app->zeros = 0;
	app->zero_waits = false;
	app->wait_until = 0;
	app->depth = 0;
	app->broken = false;
}

/* Returns the delay after failures wrong PINs in a row. */
int
app_pin_delay(int failures)
{
	if (failures <= 0)
		return 0;
	if (failures > 7)
		return APP_PIN_DELAY_MAX;
	return 1 << (failures - 1) < APP_PIN_DELAY_MAX ? 1 << (failures - 1)
	       : APP_PIN_DELAY_MAX;
}

/* Returns the seconds before a PIN may be tried again. */
int
app_pin_wait(const struct app *app)
{
	long long left = app->pin_until - clock_ms();

	return left > 0 ? (int)((left + 999) / 1000) : 0;
}

/* Tries the staff PIN. */
int
app_pin_try(struct app *app, const char *pin)
{
	int next = app->pin_failures < 1000 ? app->pin_failures + 1 : 1000;

	if (app_pin_wait(app) > 0)
		return -1;
	/* Kept as wrong before it is checked: a crash during the check or
	   after it (and a restart) finds the delay. */
	config_delay_save(app->config, next, app_pin_delay(next) * 1000LL);
	if (config_pin_ok(app->config, pin)) {
		config_delay_save(app->config, 0, 0);
		app->pin_failures = 0;
		app->staff_menu = true;
		return 1;
	}
	app->pin_failures = next;
	/* From the end of the check: a slow hash does not eat the delay. */
	app->pin_until = clock_ms() + app_pin_delay(app->pin_failures) * 1000LL;
	return 0;
}

/* The staff leave the kiosk. */
void
app_staff_leave(struct app *app)
{
	app->staff_exit = true;
	app->quit = true;
}

/* Tells the top screen that it is covered or closed. */
static void
leave_top(struct app *app)
{
	if (app->top != NULL && app->top->ops->leave != NULL)
		app->top->ops->leave(app->top, app);
}

/* Frees the stack and the message. */
void
app_free(struct app *app)
{
	leave_top(app);
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
	if (app->message != NULL)
		explicit_bzero(app->message, strlen(app->message));
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
	leave_top(app);         /* the visitor leaves it (a reading stops) */
	while (app->depth >= APP_MAX_DEPTH && app->top != NULL &&
	       app->top->below != NULL)
		drop_oldest(app);
	s->below = app->top;
	app->top = s;
	app->depth++;
}

/* The role a screen opened as what plays on the stack. */
static int
role_of(enum app_screen what)
{
	switch (what) {
	case APP_SCREEN_HELP:
		return APP_ROLE_HELP;
	case APP_SCREEN_LANGUAGE:
		return APP_ROLE_PICKER;
	case APP_SCREEN_PIN:
		return APP_ROLE_PIN;
	default:
		return APP_ROLE_PAGE;
	}
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

/* Opens screen what on top of the stack. */
int
app_open_screen(struct app *app, enum app_screen what, const char *id)
{
	int role = role_of(what);
	struct screen *s;

	/* Help on help, the picker on the picker: never pushed on itself. */
	if (role != APP_ROLE_PAGE && app->top != NULL && app->top->role == role)
		return 0;
	s = app->ui->open(app, what, id);
	if (s == NULL)
		return -1;
	s->role = role;
	app_push(app, s);
	return 0;
}

/* Opens node id on top of the stack. */
int
app_open(struct app *app, const char *id)
{
	return app_open_screen(app, APP_SCREEN_NODE, id);
}

/* Closes the top screen unless it is the last one. */
bool
app_pop(struct app *app)
{
	struct screen *s = app->top;

	if (s == NULL || s->below == NULL)
		return false;
	leave_top(app);
	app->top = s->below;
	s->ops->free(s);
	app->depth--;
	return true;
}

/* Opens node id with the words searched for marked. */
int
app_open_marked(struct app *app, const char *id,
                const struct text_tokens *words)
{
	struct screen *before = app->top;

	if (app_open(app, id) != 0)
		return -1;
	if (app->top != before && app->top->ops->mark != NULL && words != NULL)
		app->top->ops->mark(app->top, words);
	return 0;
}

/* Closes every screen but home. */
void
app_home(struct app *app)
{
	while (app_pop(app))
		;
}

/* Starts (again) the wait of KEYS_WAIT_MS. */
void
app_wait(struct app *app)
{
	app->wait_until = clock_ms() + KEYS_WAIT_MS;
}

/* A 0 waits for the next digit. */
int
app_zero_wait(struct app *app)
{
	app->zero_waits = true;
	app->zeros++;
	app_wait(app);
	return APP_REDRAW;
}

/* Returns the entry the digit key picks on the top screen, or -1. */
long
app_number(const struct app *app, int key, int ones)
{
	return keys_index(key, app->zero_waits, ones);
}

/* Ends the wait when it is due. */
bool
app_tick(struct app *app, bool force)
{
	struct app_event ev = { .key = AK_TIMEOUT };

	if (app->wait_until == 0 || (!force && clock_ms() < app->wait_until))
		return false;
	app->wait_until = 0;
	app->zero_waits = false;
	app->zeros = 0;
	if (app->top != NULL && app->top->ops->key != NULL)
		app->top->ops->key(app->top, app, &ev);
	return true;
}

/* Returns true when the screen on top is home, the bottom of the stack. */
static bool
at_home(const struct app *app)
{
	return app->top != NULL && app->top->below == NULL;
}

/* The row the key bar shows for 0. */
enum keys_action
app_back_key(const struct app *app)
{
	bool waits = app->top != NULL && app->top->zero_waits &&
	             !app->zero_waits;

	if (at_home(app))
		return waits ? KEYS_ZERO_PICKER_WAIT : KEYS_ZERO_PICKER;
	if (app->zeros + 1 >= KEYS_ZEROS_HOME)
		return KEYS_ZERO_HOME;
	return waits ? KEYS_BACK_WAIT : KEYS_BACK;
}

/* Goes back one screen; with the digit 0 from home, to the language
   picker (the digits' way there), where a run of zeros ends (the next 0
   there is its own). Esc and Backspace on home stay there. */
static void
back(struct app *app, bool digit)
{
	if (!at_home(app)) {
		app_pop(app);
	} else if (digit) {
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
		app->zeros = 0;
	}
}

/* A 0 that moves: back, or home when it is the third in a row. */
static void
zero_back(struct app *app)
{
	app->zero_waits = false;
	if (!at_home(app) && app->zeros + 1 >= KEYS_ZEROS_HOME) {
		app_home(app);
		app->zeros = 0;
		app->wait_until = 0;
		return;
	}
	app->zeros++;
	app_wait(app);
	back(app, true);
}

/* Applies the keys that mean the same on every screen (app/keys.c). */
static bool
global_key(struct app *app, const struct app_event *ev)
{
	if (ev->key == AK_RESIZE)
		return true;
	switch (keys_action(ev->key)) {
	case KEYS_BACK:
		if (ev->key == '0')
			zero_back(app);
		else
			back(app, false);
		return true;
	case KEYS_ESC:
		back(app, false);
		return true;
	case KEYS_HELP:
		app_open_screen(app, APP_SCREEN_HELP, NULL);
		return true;
	case KEYS_SEARCH:
		if (app->top->role != APP_ROLE_SEARCH &&
		    app_open(app, "search") == 0)
			app->top->role = APP_ROLE_SEARCH;
		return true;
	case KEYS_LANGUAGE:
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
		return true;
	case KEYS_LOOK:
		app->ui->look(true);
		return true;
	case KEYS_QUIT:
		if (!app_restricts(app, APP_NO_QUIT))
			app->quit = true;
		return true;
	case KEYS_STAFF:
		/* Only in kiosk mode, and only when a PIN is configured. */
		if (app_restricts(app, APP_STAFF_EXIT) && app->config != NULL &&
		    app->config->pin != NULL)
			app_open_screen(app, APP_SCREEN_PIN, NULL);
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
	const char *notice;

	if (i18n_set(code) != 0)
		return -1;
	reload(app, app->top);
	notice = honest_notice(app->db, code);
	if (notice != NULL)
		app_set_message(app, notice);
	return 0;
}

/* Handles one event. */
bool
app_handle(struct app *app, const struct app_event *ev)
{
	bool cleared = false, waited;
	int r;

	if (app->top == NULL)
		return false;
	if (ev->key == AK_RESIZE)
		return global_key(app, ev);
	if (ev->key == AK_TIMEOUT)
		return app_tick(app, true);
	/* A key after the wait ran out meets what the visitor saw then. */
	cleared = app_tick(app, false);
	if (app->message != NULL) {
		app_set_message(app, NULL);
		cleared = true;
	}
	/* The third 0 in a row goes home, or a second 0 after a waiting one
	   goes back, before the screen sees it (a line holding text never
	   counts its zeros: they are typed). */
	if (ev->key == '0' && (app->zero_waits || (!at_home(app) &&
	    app->zeros + 1 >= KEYS_ZEROS_HOME))) {
		zero_back(app);
		return true;
	}
	/* The key ends the wait of a waiting 0 (the screen may start its
	   own, a line typed); the screen still sees that the 0 waited. */
	waited = app->zero_waits;
	if (waited)
		app->wait_until = 0;
	if (ev->key != '0')
		app->zeros = 0;
	/* F10 is the staff's on every screen, a field's included (a 0 that
	   waited is dropped: the PIN's zeros are typed). */
	if (keys_action(ev->key) == KEYS_STAFF) {
		app->zero_waits = false;
		return global_key(app, ev) || cleared;
	}
	r = app->top->ops->key != NULL ? app->top->ops->key(app->top, app, ev)
	                                : APP_IGNORED;
	/* The digit after a waiting 0 made its number; another key dropped
	   it. */
	if (waited) {
		app->zero_waits = false;
		cleared = true;
	}
	/* A 0 the screen took as text ends a run of zeros. */
	if (ev->key == '0' && !app->zero_waits && r != APP_IGNORED)
		app->zeros = 0;
	if (r & APP_QUIT) {
		if (!app_restricts(app, APP_NO_QUIT))
			app->quit = true;
		return true;
	}
	if (r & APP_POP) {
		app_pop(app);
		/* The right PIN: its screen gives way to the staff menu. */
		if (app->staff_menu) {
			app->staff_menu = false;
			app_open_screen(app, APP_SCREEN_STAFF, NULL);
		}
		return true;
	}
	if ((r & (APP_HANDLED | APP_REDRAW)) == 0)
		return global_key(app, ev) || cleared;
	return (r & APP_REDRAW) != 0 || cleared;
}

/*
 * Forgets the visitor's choices and what the program held of the visit
 * (the screen stack aside): the reading, the screen and its scrollback,
 * the look, French, the database's last query.
 */
static void
forget_visit(struct app *app)
{
	if (app->ui->forget != NULL)
		app->ui->forget();
	app->ui->look(false);
	app->countdown = 0;
	app->zeros = 0;
	app->zero_waits = false;
	app->wait_until = 0;
	honest_forget();
	i18n_set("fr");
	db_forget(app->db);
}

/* Forgets the visit: French, home, the picker on top. */
void
app_reset(struct app *app)
{
	app_free(app);
	forget_visit(app);
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
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
	app->fresh = true;
}

/* Returns the length of the "are you still there?" countdown in ms. */
static long long
countdown_ms(const struct app *app)
{
	return (app->idle < APP_COUNTDOWN ? app->idle : APP_COUNTDOWN) * 1000LL;
}

/* Returns the ms until the countdown shows one second less. */
static int
countdown_wait_ms(const struct app *app, long long last_input)
{
	long long left = last_input + app->idle * 1000LL + countdown_ms(app) -
	                 clock_ms();

	return left <= 0 ? 0 : left % 1000 == 0 ? 1000 : (int)(left % 1000);
}

/* Returns ms, or less when the PIN delay shows one second less before. */
static int
pin_wait_ms(const struct app *app, int ms)
{
	long long left = app->pin_until - clock_ms();
	int tick;

	if (left <= 0)
		return ms;
	tick = left % 1000 == 0 ? 1000 : (int)(left % 1000);
	return tick < ms ? tick : ms;
}

/* Returns how long to wait for input before the idle timer acts. */
static int
wait_ms(const struct app *app, long long last_input)
{
	long long left;
	int ms;

	/* Never block without a time-out: curses restarts a blocking read
	   that a signal interrupts, and SIGTERM must end the program. */
	if (app->idle <= 0 || app->fresh) {
		ms = 1000;
	} else if (app->countdown > 0) {
		ms = countdown_wait_ms(app, last_input);
	} else {
		left = last_input + app->idle * 1000LL - clock_ms();
		ms = left < 0 ? 0 : left > 1000 ? 1000 : (int)left;
	}
	/* Text waits for espeak-ng: come back soon to write it; a reading
	   goes on: come back soon to start the next paragraph when one
	   ends, and to take the "reading" line away at the end. */
	if (speech_pending() && ms > 20)
		ms = 20;
	else if (speech_busy() && ms > 100)
		ms = 100;
	/* A waiting 0, a line being typed: their end is shown at once. */
	if (app->wait_until > 0) {
		left = app->wait_until - clock_ms();
		if (left < ms)
			ms = left < 0 ? 0 : (int)left;
	}
	return pin_wait_ms(app, ms);
}

/*
 * The idle timer, from the clock alone (so that no stream of events, such
 * as resizes, holds it back): after app->idle seconds without input, the
 * countdown; at its end, the reset. Returns true when a redraw is due.
 */
static bool
idle_tick(struct app *app, long long *last_input)
{
	long long start, left;
	int countdown;

	if (app->idle <= 0 || app->fresh || app_stopping())
		return false;
	/* A page read aloud is a visitor listening: the idle time starts
	   when the reading ends (or when a paragraph outlasts its time). */
	if (speech_holds_idle()) {
		*last_input = clock_ms();
		return false;
	}
	start = *last_input + app->idle * 1000LL;
	if (clock_ms() < start)
		return false;
	left = start + countdown_ms(app) - clock_ms();
	if (left <= 0) {
		app_reset(app);
		*last_input = clock_ms();
		return true;
	}
	countdown = (int)((left + 999) / 1000);
	if (countdown == app->countdown)
		return false;
	app->countdown = countdown;
	return true;
}

/* Opens home (and the picker) and runs until the visitor quits. */
int
app_run(struct app *app, bool picker)
{
	long long last_input = clock_ms();
	bool redraw = true, reading = false;

	/* Every way to the picker starts a visit afresh (after "out of
	   service" too). */
	if (picker)
		forget_visit(app);
	if (app->top == NULL && app_open(app, "home") != 0)
		return app_restricts(app, APP_OUT_OF_SERVICE) ? APP_BROKEN : 2;
	if (picker)
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
	app->fresh = picker;
	while (!app->quit && !app_stopping()) {
		struct app_event ev;
		int rc;

		/* A screen could not be loaded from a failing database, or none
		   is left: never draw without one. */
		if (app->broken || app->top == NULL)
			return APP_BROKEN;
		speech_pump();
		if (speech_busy() != reading) {
			/* A reading began or ended: its line comes or goes. */
			reading = !reading;
			redraw = true;
		}
		if (redraw)
			app->ui->draw(app);
		redraw = false;
		rc = app->ui->read(&ev, wait_ms(app, last_input));
		if (rc == APP_READ_EOF)
			return 0;       /* the terminal is gone: nobody to serve */
		if (rc != 0) {
			/* No input: the idle timer, the PIN delay's count. */
			redraw = idle_tick(app, &last_input) ||
			         app->pin_until > 0;
			redraw |= app_tick(app, false);
			if (app->pin_until <= clock_ms())
				app->pin_until = 0;
			continue;
		}
		if (ev.key == AK_RESIZE) {
			/* Not input: the idle timer runs on. */
			idle_tick(app, &last_input);
			redraw = true;
			continue;
		}
		last_input = clock_ms();
		app->fresh = false;
		if (app->countdown > 0) {
			/* Any key means "I am still here". */
			app->countdown = 0;
			redraw = true;
			continue;
		}
		redraw = app_handle(app, &ev);
	}
	return app->staff_exit ? APP_EXIT_STAFF : 0;
}
