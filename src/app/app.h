/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * app.h - the screen stack, the main loop and the kiosk rules.
 *
 * Screens are tables of functions (struct screen_ops) implemented in ui/;
 * the terminal, and the registry that makes screens (app_open_screen), are
 * reached through struct app_ui, which main.c gives from ui/, so this file
 * knows neither curses nor SQL nor any screen. A key handler returns
 * flags; only the main loop redraws.
 */
#ifndef ACCUEIL_APP_H
#define ACCUEIL_APP_H

#include <stdbool.h>

#include "app/config.h"
#include "app/keys.h"
#include "db/db.h"

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
struct text_tokens;

struct screen_ops {
	/* Draws the screen in the whole terminal. */
	void (*draw)(struct screen *s, struct app *app);
	/* Handles one event; returns enum app_result flags. NULL: the screen
	   has no keys of its own (every event is APP_IGNORED). */
	int (*key)(struct screen *s, struct app *app, const struct app_event *ev);
	/* Shows the same thing again in the language now chosen. */
	void (*reload)(struct screen *s, struct app *app);
	/* Stops what the screen started (a reading aloud): it is covered or
	   closed. NULL: nothing to stop. The one place that does it. */
	void (*leave)(struct screen *s, struct app *app);
	/* Marks the words searched for and shows the first of them (copied);
	   NULL: the screen has no text to mark. */
	void (*mark)(struct screen *s, const struct text_tokens *words);
	/* Frees the screen. */
	void (*free)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	struct screen *below;   /* the screen under this one in the stack */
	int role;       /* set by app.c: enum app_role, 0 for a content page */
	bool zero_waits;        /* set by draw: a 0 waits for a second digit
	                           here (a number 01-09 is shown, or can be
	                           typed); the key bar says so */
};

/* The screens app_open_screen can open (ui/registry.c makes them). */
enum app_screen {
	APP_SCREEN_NODE,        /* node id, by its kind */
	APP_SCREEN_HELP,
	APP_SCREEN_LANGUAGE,    /* the language picker */
	APP_SCREEN_PIN,         /* the staff PIN, in kiosk mode */
	APP_SCREEN_QR,          /* contact id as a QR code */
	APP_SCREEN_STAFF,       /* the staff menu, after the right PIN */
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
	/* Returns a new screen what (of node id, or NULL), or NULL with the
	   app's message set. */
	struct screen *(*open)(struct app *app, enum app_screen what,
	                       const char *id);
	/* Goes to the next look (usual, high contrast, high contrast with
	   large spacing), or back to the usual one when next is false. */
	void (*look)(bool next);
	/* Clears the screen and the terminal's scrollback (may be NULL). */
	void (*forget)(void);
	/* Shows "out of service" until retry(arg) returns true, a signal
	   ends the program or the staff leave (may be NULL). */
	void (*out_of_service)(struct app *app, bool (*retry)(void *),
	                       void *arg);
};

/* Seconds of the "are you still there?" countdown before a reset (at most
   the idle time itself). */
#define APP_COUNTDOWN 15

/* The exit status of the staff's way out (F10 and the PIN): neither 0, 1
   and 2 (success, nothing found, error), nor 64-78 (sysexits.h), nor
   128 + a signal, nor one systemd gives a name to, so that the unit and
   the login shell can tell it from a crash. */
#define APP_EXIT_STAFF 10

/* The longest delay, in seconds, after a wrong staff PIN. */
#define APP_PIN_DELAY_MAX 60

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
	int pin_failures;       /* wrong staff PINs in a row */
	long long pin_until;    /* no PIN is checked before then (ms) */
	bool staff_exit;        /* the staff left the kiosk (app_staff_leave) */
	bool staff_menu;        /* the right PIN: the staff menu opens once
	                           the PIN screen has closed */
	int zeros;      /* the zeros in a row that moved (went back, or
	                   wait), each within KEYS_WAIT_MS of the last; a 0
	                   typed as text is none */
	bool zero_waits;        /* a 0 waits for the next digit (shown) */
	long long wait_until;   /* when the wait ends (clock_ms), 0: none */
	int depth;      /* screens on the stack */
	bool broken;    /* the database failed: app_run returns APP_BROKEN */
};

/*
 * The kiosk's restrictions, in one table (as lynx's restrictions[]): each
 * is on in kiosk mode, off outside it, and every place that obeys one asks
 * for it by name (app_restricts), so that this list is the whole of what
 * kiosk mode changes.
 */
enum app_restriction {
	APP_NO_QUIT,            /* q and Ctrl-C do not end the program */
	APP_NO_SIGNALS,         /* SIGINT, SIGQUIT and SIGTSTP do nothing */
	APP_NO_CORE,            /* no core file, neither dumpable nor traced */
	APP_STAFF_EXIT,         /* F10 and the staff PIN are the way out */
	APP_OUT_OF_SERVICE,     /* a database that fails: "out of service"
	                           until it opens again, never an exit */
	APP_CONFIG_REQUIRED,    /* a configuration that cannot be used is
	                           refused: never a kiosk without its staff
	                           exit */
	APP_IDLE_RESET,         /* the visit reset after 120 s by default */
	APP_RESTRICTIONS
};

struct app_restriction_row {
	const char *name;       /* as the staff would say it */
	const char *what;       /* one line: what changes */
};

/* The table, indexed by enum app_restriction. */
extern const struct app_restriction_row app_restrictions[APP_RESTRICTIONS];

/* Returns true when restriction r holds for a program started in kiosk
   mode or not (before there is an app: the signals, the configuration). */
bool app_kiosk_restricts(bool kiosk, enum app_restriction r);

/* Returns true when restriction r holds for app. */
bool app_restricts(const struct app *app, enum app_restriction r);

/* Sets up app on db; the stack is empty until app_run or app_open. */
void app_init(struct app *app, struct db *db, const struct app_ui *ui,
              bool kiosk);

/* Frees the stack and the message of app (not the database). */
void app_free(struct app *app);

/* Opens node id on top of the stack. Returns 0, or -1 (message set). */
int app_open(struct app *app, const char *id);

/* Opens node id with the words searched for marked (words is copied by
   the screen, which shows the first of them). Returns as app_open. */
int app_open_marked(struct app *app, const char *id,
                    const struct text_tokens *words);

/*
 * The digit scheme's parts that cross screens (keys.h). A screen's key
 * handler calls app_zero_wait for a 0 that waits for the next digit (it
 * returns APP_REDRAW), app_number for the entry a digit picks (after a
 * waiting 0: 01-09), and app_wait while a line is being typed; the top
 * screen gets AK_TIMEOUT once KEYS_WAIT_MS pass without a key.
 */
int app_zero_wait(struct app *app);
long app_number(const struct app *app, int key, int ones);
void app_wait(struct app *app);

/* Ends the wait when it is due (or now when force): the waiting 0 and the
   run of zeros are dropped and the top screen gets AK_TIMEOUT. Returns
   true when a redraw is due. */
bool app_tick(struct app *app, bool force);

/* The row of the table the key bar shows for 0 on the top screen: back,
   back after a second 0, home (the next 0 is the third in a row), the
   language picker (on home). */
enum keys_action app_back_key(const struct app *app);

/* Opens screen what (of node id, or NULL) on top of the stack. Returns 0,
   or -1 (message set). */
int app_open_screen(struct app *app, enum app_screen what, const char *id);

/* Pushes screen s (not NULL) on top of the stack. */
void app_push(struct app *app, struct screen *s);

/* Closes the top screen unless it is the last one. Returns true if closed. */
bool app_pop(struct app *app);

/* Closes every screen but the last one (home). */
void app_home(struct app *app);

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

/* Returns the delay in seconds after failures wrong PINs in a row: 0, then
   1, 2, 4 ... up to APP_PIN_DELAY_MAX. */
int app_pin_delay(int failures);

/* Returns the seconds (rounded up) before a PIN may be tried again, or 0. */
int app_pin_wait(const struct app *app);

/*
 * Tries the staff PIN: returns 1 when it is right (the PIN screen closes
 * and the staff menu opens, see app_staff_leave), 0 when wrong (the next try waits app_pin_delay), -1
 * when refused unchecked because the delay has not passed. Neither the
 * idle reset nor closing the PIN screen shortens the delay.
 */
int app_pin_try(struct app *app, const char *pin);

/* The staff leave the kiosk from their menu: app_run returns
   APP_EXIT_STAFF. */
void app_staff_leave(struct app *app);

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
