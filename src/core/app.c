/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.c - the screen stack and the main loop (see app.h).
 */
#include "core/app.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/i18n.h"
#include "core/speech.h"
#include "core/xalloc.h"

static volatile sig_atomic_t stop_signal;

/* Notes that a signal asked the program to end. */
static void
on_stop(int sig)
{
	stop_signal = sig;
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
	app_set_message(app, NULL);
}

/* Sets the message shown to the visitor. */
void
app_set_message(struct app *app, const char *msg)
{
	free(app->message);
	app->message = xstrdup(msg);
}

/* Pushes s. */
void
app_push(struct app *app, struct screen *s)
{
	speech_stop();          /* the visitor leaves the page read aloud */
	s->below = app->top;
	app->top = s;
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
	speech_stop();
	app->top = s->below;
	s->ops->free(s);
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
		app_push(app, app->ui->help(app));
		return true;
	case '/':
		app_open(app, "search");
		return true;
	case '*':
		app_push(app, app->ui->language(app));
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
			app_push(app, app->ui->pin(app));
		return true;
	case AK_RESIZE:
		return true;
	default:
		return false;
	}
}

/* Reloads the screens from the bottom of the stack up. */
static void
reload(struct app *app, struct screen *s)
{
	if (s == NULL)
		return;
	reload(app, s->below);
	s->ops->reload(s, app);
}

/* Switches the language and shows every screen again in it. */
int
app_set_language(struct app *app, const char *code)
{
	if (i18n_set(code) != 0)
		return -1;
	speech_stop();
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
	app_open(app, "home");
	if (app->top != NULL)
		app_push(app, app->ui->language(app));
	app->fresh = true;
}

/* Returns how long to wait for input before the idle timer acts. */
static int
wait_ms(const struct app *app, long long last_input)
{
	long long left;

	/* Never block without a time-out: curses restarts a blocking read
	   that a signal interrupts, and SIGTERM must end the program. */
	if (app->idle > 0 && app->countdown > 0)
		return 1000;
	left = app->idle <= 0 ? 60000
	       : last_input + app->idle * 1000LL - now_ms();
	/* Text waits for espeak-ng: come back soon to write it; a reading
	   goes on: come back to reap it when it ends. */
	if (speech_pending() && left > 20)
		return 20;
	if (speech_busy() && left > 1000)
		return 1000;
	return left < 0 ? 0 : left > 60000 ? 60000 : (int)left;
}

/* Opens home (and the picker) and runs until the visitor quits. */
int
app_run(struct app *app, bool picker)
{
	long long last_input = now_ms();
	bool redraw = true;

	if (app->top == NULL && app_open(app, "home") != 0)
		return 2;
	if (picker)
		app_push(app, app->ui->language(app));
	app->fresh = picker;
	while (!app->quit && !app_stopping()) {
		struct app_event ev;

		speech_pump();
		if (redraw)
			app->ui->draw(app);
		redraw = false;
		if (app->ui->read(&ev, wait_ms(app, last_input)) != 0) {
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
