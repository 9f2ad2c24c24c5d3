/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term.h - the terminal: with term-keys.c, the only files that include
 * <curses.h>.
 *
 * Set-up and teardown, colours (with a monochrome fallback, and none under
 * NO_COLOR), reading one event (decoded by term-keys.c), and writing clean
 * text at a place. Nothing is shown before term_flush(). The size ncurses
 * is given is the kernel's, never LINES or COLUMNS, and at most
 * TERM_MAX_ROWS x TERM_MAX_COLS (a bigger terminal shows the program in
 * its top left corner); padding is off.
 */
#ifndef ACCUEIL_TERM_H
#define ACCUEIL_TERM_H

#include <stdbool.h>

#include "app/app.h"

enum term_style {
	TS_NORMAL,
	TS_BAR,         /* breadcrumb and key bar */
	TS_BAR_KEY,     /* the key inside a key-bar button */
	TS_TITLE,
	TS_SELECTED,    /* the chosen menu entry */
	TS_NUMBER,      /* the digit before a menu entry */
	TS_LABEL,       /* a contact field's label */
	TS_UNKNOWN,     /* "ask at the desk" */
	TS_NOTE,        /* checked date, source */
	TS_HEADING,
	TS_MARK,        /* "not translated yet" and other marks */
	TS_MATCH,       /* the words a search found */
	TS_QR,          /* a QR code: dark foreground on a light background */
	TS_COUNT
};

/* The largest size given to ncurses, whatever the terminal's. */
#define TERM_MAX_ROWS 200
#define TERM_MAX_COLS 500

/*
 * Kiosk mode, before term_check: the system's terminal descriptions only
 * (TERMINFO, TERMINFO_DIRS, TERMCAP and HOME are unset, so no
 * ~/.terminfo), and none of ncurses' variables (LINES, COLUMNS, NCURSES_*,
 * ESCDELAY, TABSIZE, CC); term_check then refuses a terminal whose
 * scrollback cannot be erased.
 */
void term_kiosk(void);

/*
 * Checks that standard input and output are a terminal that can run a full
 * screen. Returns 0, or -1 with one malloc'd sentence in *err (TERM in
 * it shown as printable ASCII only).
 */
int term_check(char **err);

/* Starts the full screen. Returns 0, or -1 with a sentence in *err. */
int term_init(char **err);

/*
 * Clears the whole screen and the terminal's scrollback (its E3, or
 * CSI 3 J where it speaks ECMA-48), so that nothing of a visit stays.
 */
void term_forget(void);

/* Clears the screen and the scrollback as term_forget, then restores the
   terminal (safe to call twice, and from xalloc_fail). */
void term_end(void);

/* Switches between the usual look and high contrast. */
void term_set_contrast(bool on);

/* Stores the terminal's size. */
void term_size(int *h, int *w);

/* Clears the whole frame. */
void term_erase(void);

/* Paints row y in style st from column x to the end. */
void term_fill(int y, int x, enum term_style st);

/*
 * Writes clean text s at (y, x) in style st, cut to at most maxw columns.
 * Returns the number of columns written.
 */
int term_put(int y, int x, int maxw, const char *s, enum term_style st);

/* Shows the cursor at (y, x), or hides it when y < 0. */
void term_cursor(int y, int x);

/* Shows the frame. */
void term_flush(void);

/* Returns true on the Linux console (TERM=linux), whose fonts may lack
   the half blocks and never combine marks. */
bool term_is_console(void);

/*
 * For the screen tests only (ACCUEIL_TEST_SETTLED set at term_init):
 * term_read takes this private-use character as a probe and answers it,
 * once every key typed before it is handled and its frame shown, by
 * setting the terminal's title to "accueil-probe-N-WxH" (N counting up,
 * W x H the size of that frame); "accueil-probe-0-WxH" at the first read
 * says that the first frame is shown. Without the variable it is a
 * character.
 */
#define TERM_PROBE 0x10fffd

/* Waits up to timeout_ms (-1: forever) for an event. 0, or -1 on time-out.
   A paste's text (AK_PASTE) is valid until the next call. */
int term_read(struct app_event *ev, int timeout_ms);

#endif
