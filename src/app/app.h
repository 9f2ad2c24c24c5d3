/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.h - the screen stack, the main loop and the kiosk rules.
 *
 * Screens are tables of functions (struct screen_ops) implemented in ui/;
 * the terminal is reached through struct app_ui, also given by ui/, so this
 * file knows neither curses nor SQL. A key handler returns flags; only the
 * main loop redraws.
 */
#ifndef ACCUEIL_APP_H
#define ACCUEIL_APP_H

#include <stdbool.h>

#include "app/config.h"
#include "db/db.h"

/* Keys: a Unicode code point, or one of these. */
enum app_key {
	AK_NONE = -1,
	AK_UP = 0x110000, AK_DOWN, AK_LEFT, AK_RIGHT,
	AK_PGUP, AK_PGDN, AK_HOME, AK_END,
	AK_ENTER, AK_BACKSPACE, AK_ESC, AK_TAB, AK_DELETE,
	AK_MOUSE,       /* a click or tap at (y, x) */
	AK_SCROLL_UP, AK_SCROLL_DOWN,   /* mouse wheel */
	AK_RESIZE,
	AK_INTERRUPT,   /* Ctrl-C */
	AK_STAFF,       /* F10: the staff's way out of kiosk mode */
	AK_OTHER,       /* a key that means nothing here */
};

struct app_event {
	int key;
	int y, x;       /* for AK_MOUSE */
};

/* What a key handler asks of the main loop. */
enum app_result {
	APP_IGNORED = 0,  /* not handled: the main loop applies the global keys */
	APP_HANDLED = 1,  /* handled, nothing changed on screen */
	APP_REDRAW = 2,   /* handled, draw again */
	APP_POP = 4,      /* close this screen */
	APP_QUIT = 8,     /* leave the program (not in kiosk mode) */
};

struct app;
struct screen;

struct screen_ops {
	const char *name;
	/* Draws the screen in the whole terminal. */
	void (*draw)(struct screen *s, struct app *app);
	/* Handles one event; returns enum app_result flags. */
	int (*key)(struct screen *s, struct app *app, const struct app_event *ev);
	/* Shows the same thing again in the language now chosen. */
	void (*reload)(struct screen *s, struct app *app);
	/* Frees the screen. */
	void (*free)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	struct screen *below;   /* the screen under this one in the stack */
	int role;       /* set by app.c: enum app_role, 0 for a content page */
};

/* The screens the global keys open, so that one is never pushed on itself. */
enum app_role { APP_ROLE_PAGE, APP_ROLE_HELP, APP_ROLE_PICKER,
                APP_ROLE_SEARCH, APP_ROLE_PIN };

/* The most screens on the stack; pushing more forgets the oldest above
   the bottom one. */
#define APP_MAX_DEPTH 64

/* What app_run returns when no screen can be shown (the database broke or
   was replaced): the caller opens it again, or in kiosk mode shows "out of
   service" until it can. */
#define APP_BROKEN 3

/* What app_ui.read returns when the terminal is gone (end of file). */
#define APP_READ_EOF (-2)

/* What the user interface gives the main loop. */
struct app_ui {
	/* Waits up to timeout_ms (-1: forever) for an event; 0, -1 on time-out,
	   or APP_READ_EOF when the terminal is gone. */
	int (*read)(struct app_event *ev, int timeout_ms);
	/* Draws the whole frame: the top screen, or a notice if too small. */
	void (*draw)(struct app *app);
	/* Returns a new screen showing node id, or NULL (app_error is set). */
	struct screen *(*open)(struct app *app, const char *id);
	/* Returns a new help screen. */
	struct screen *(*help)(struct app *app);
	/* Returns a new language picker. */
	struct screen *(*language)(struct app *app);
	/* Returns a new screen asking the staff PIN. */
	struct screen *(*pin)(struct app *app);
	/* Goes to the next look (usual, high contrast, high contrast with
	   large spacing), or back to the usual one when next is false. */
	void (*look)(bool next);
};

/* Seconds of the "are you still there?" countdown before a reset (at most
   the idle time itself). */
#define APP_COUNTDOWN 15

struct app {
	struct db *db;
	const struct app_ui *ui;
	struct screen *top;
	bool kiosk;
	bool quit;
	char *message;  /* one sentence to show in the key bar, or NULL */
	int idle;       /* seconds without input before the countdown; 0: never */
	const struct config *config;    /* the staff PIN, or NULL */
	int countdown;  /* seconds left before the reset, 0 when not counting */
	bool fresh;     /* nothing done since the last reset: nothing to forget */
	int depth;      /* screens on the stack */
	bool broken;    /* the database failed: app_run returns APP_BROKEN */
};

/* Sets up app on db; the stack is empty until app_run or app_open. */
void app_init(struct app *app, struct db *db, const struct app_ui *ui,
              bool kiosk);

/* Frees the stack and the message of app (not the database). */
void app_free(struct app *app);

/* Opens node id on top of the stack. Returns 0, or -1 (message set). */
int app_open(struct app *app, const char *id);

/* Pushes screen s (not NULL) on top of the stack. */
void app_push(struct app *app, struct screen *s);

/* Closes the top screen unless it is the last one. Returns true if closed. */
bool app_pop(struct app *app);

/* Sets the one-sentence message shown to the visitor (copied; NULL clears). */
void app_set_message(struct app *app, const char *msg);

/*
 * Switches to language code and shows every screen of the stack again in
 * it, each keeping its place. Returns 0, or -1 for an unknown code.
 */
int app_set_language(struct app *app, const char *code);

/* Handles one event as the main loop would. Returns true when a redraw is due. */
bool app_handle(struct app *app, const struct app_event *ev);

/*
 * Forgets everything the visitor did: closes every screen, goes back to
 * French, and opens home with the language picker on top.
 */
void app_reset(struct app *app);

/*
 * Catches the signals: in kiosk mode SIGINT, SIGQUIT and SIGTSTP do
 * nothing; SIGTERM and SIGHUP (and SIGINT outside kiosk mode) make app_run
 * return, so that the terminal is restored.
 */
void app_signals(bool kiosk);

/* Returns true once a signal asked the program to end. */
bool app_stopping(void);

/*
 * Tells the staff (one line on standard error, so in the journal under
 * systemd) that node id (or NULL) of app's database (app may be NULL)
 * could not be shown, and why. Never give it what the visitor typed or read. While the screen runs
 * on the terminal that standard error also goes to, the lines are kept and
 * written by app_report_flush.
 */
void app_report(const struct app *app, const char *id, const char *cause);

/* Writes the lines app_report kept (call once the screen has ended). */
void app_report_flush(void);

/*
 * Opens home, with the language picker on top when picker is true, and runs
 * until the visitor quits or a signal ends it. After app->idle seconds
 * without input it counts down APP_COUNTDOWN seconds, then resets. Returns
 * the exit status.
 */
int app_run(struct app *app, bool picker);

#endif
