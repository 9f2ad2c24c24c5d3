/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.c - the screen stack and the main loop (see app.h).
 */
#include "app/app.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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
	app->zeros = 0;
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
	s->below = app->top;
	app->top = s;
}

/* Opens screen what on top of the stack. */
int
app_open_screen(struct app *app, enum app_screen what, const char *id)
{
	struct screen *s = app->ui->open(app, what, id);

	if (s == NULL)
		return -1;
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
	app->top = s->below;
	s->ops->free(s);
	return true;
}

/* Closes every screen but home. */
void
app_home(struct app *app)
{
	while (app_pop(app))
		;
}

/* Applies the keys that mean the same on every screen (app/keys.c). */
static bool
global_key(struct app *app, const struct app_event *ev)
{
	if (ev->key == AK_RESIZE)
		return true;
	switch (keys_action(ev->key)) {
	case KEYS_BACK:
		if (ev->key == '0' && app->zeros >= APP_ZEROS_HOME)
			app_home(app);
		else
			app_pop(app);
		return true;
	case KEYS_ESC:
		app_pop(app);
		return true;
	case KEYS_HELP:
		app_open_screen(app, APP_SCREEN_HELP, NULL);
		return true;
	case KEYS_SEARCH:
		app_open(app, "search");
		return true;
	case KEYS_LANGUAGE:
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
		return true;
	case KEYS_LOOK:
		app->ui->look(true);
		return true;
	case KEYS_QUIT:
		if (!app->kiosk)
			app->quit = true;
		return true;
	case KEYS_STAFF:
		/* Only in kiosk mode, and only when a PIN is configured. */
		if (app->kiosk && app->config != NULL && app->config->pin != NULL)
			app_open_screen(app, APP_SCREEN_PIN, NULL);
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
	if (ev->key == '0')
		app->zeros++;
	else if (ev->key != AK_RESIZE)
		app->zeros = 0;
	if (app->message != NULL && ev->key != AK_RESIZE) {
		app_set_message(app, NULL);
		cleared = true;
	}
	r = app->top->ops->key != NULL ? app->top->ops->key(app->top, app, ev)
	                                : APP_IGNORED;
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
	app->zeros = 0;
	i18n_set("fr");
	app_open(app, "home");
	if (app->top != NULL)
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
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
		return 60000;
	if (app->countdown > 0)
		return 1000;
	left = last_input + app->idle * 1000LL - now_ms();
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
		app_open_screen(app, APP_SCREEN_LANGUAGE, NULL);
	app->fresh = picker;
	while (!app->quit && !app_stopping()) {
		struct app_event ev;

		if (redraw)
			app->ui->draw(app);
		redraw = false;
		app->ui->settled();
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
