/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keys.h - the one table of keys: for each, the keys that send it, what it
 * does, its button in the key bar and its line in the help screen. The key
 * bar (ui/frame.c), the help screen (ui/screen-help.c), the global keys
 * (app.c) and the test of the man page (tests/test-keys.c) all read it.
 * The key codes the terminal layer reads (enum app_key) are here too.
 *
 * The digit scheme, the same on every screen (README, "Keys"):
 *  - a number 1 to 9, or 01 to 09 after them, does what stands beside it on
 *    the screen, and only while it is shown (keys_number, keys_index);
 *  - 0 goes back one screen; where a number beginning with 0 is on the
 *    screen (the picker, a long list) or can be typed (an empty line), the
 *    first 0 waits for the next digit: the screen says so, a digit then
 *    makes the number, a second 0 goes back, and after KEYS_WAIT_MS without
 *    a key the 0 is dropped, which the screen shows too;
 *  - the KEYS_ZEROS_HOME-th 0 in a row (each within KEYS_WAIT_MS of the
 *    last) goes home from anywhere but a line holding text; the key bar's 0
 *    says so before; on home, back is the language picker;
 *  - on a page, 8 and 9 scroll a screenful up and down, so its links are
 *    numbered 1 to 7, then 01 to 09;
 *  - in a line (search, directory) every digit typed is text; a line that
 *    rests (KEYS_WAIT_MS without a key, or an arrow) numbers its results,
 *    and its digits choose again.
 * app.c applies the parts that cross screens (the waiting 0, the run of
 * zeros, back from home); each screen binds its own keys in a table of
 * struct keys_bind, every binding documented by a row of the table.
 */
#ifndef ACCUEIL_KEYS_H
#define ACCUEIL_KEYS_H

#include <stdbool.h>
#include <stddef.h>

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
	AK_PASTE,       /* a bracketed paste: its text in ev->text */
	AK_TIMEOUT,     /* KEYS_WAIT_MS passed: a waiting 0 is dropped, a
	                   line being typed rests (from app.c, never typed) */
	AK_DIGIT,       /* in a screen's bindings only: any of 1 to 9 */
};

struct app_event {
	int key;
	int y, x;       /* for AK_MOUSE */
	const char *text;       /* for AK_PASTE: typed characters only, valid
	                           until the next event is read */
};

/* What a key does; one row of the table each. */
enum keys_action {
	KEYS_NONE = -1,
	KEYS_PICK,      /* 1-9: open the entry with that number */
	KEYS_BACK,      /* 0: back at once */
	KEYS_BACK_WAIT, /* 0 waits for a second digit; 0 0: back */
	KEYS_ZERO_HOME, /* the next 0 is the third in a row: home */
	KEYS_ZERO_PICKER,       /* on home, back is the language picker */
	KEYS_ZERO_PICKER_WAIT,  /* ... and a 0 waits there first */
	KEYS_TYPED,     /* in a line, digits are text */
	KEYS_DIGIT_SCROLL,      /* 8 and 9 scroll a page */
	KEYS_ESC,       /* back, also where digits are typed */
	KEYS_CLEAR,     /* empties the line typed on (search, directory) */
	KEYS_CHOOSE,    /* up and down choose an entry */
	KEYS_SCROLL,    /* up and down scroll a page */
	KEYS_OPEN,      /* Enter opens the chosen entry */
	KEYS_PAGE,      /* a page at a time */
	KEYS_SEARCH,
	KEYS_LANGUAGE,
	KEYS_LOOK,
	KEYS_FRENCH,
	KEYS_QR,
	KEYS_LISTEN,
	KEYS_SKIP,      /* reading aloud: the next paragraph */
	KEYS_HELP,
	KEYS_QUIT,
	KEYS_CONFIRM,   /* Enter confirms the staff PIN */
	KEYS_STAFF,
	KEYS_MOUSE,
	KEYS_COUNT
};

/* Who sees a row in the help screen. */
enum keys_where {
	KEYS_ALWAYS,
	KEYS_NOT_KIOSK, /* quit */
	KEYS_KIOSK,     /* the staff's way out */
};

struct keys_row {
	const char *key;        /* as the key bar shows it, or NULL */
	const char *label;      /* its key-bar label (N_), or NULL: no button */
	const char *help;       /* its help line (N_); rows may share one */
	const char *man;        /* how the man page's KEYS list writes it */
	int send;               /* the key a click on its button sends, or
	                           AK_NONE: shown but not clickable */
	int codes[6];           /* the keys that do it, AK_NONE-terminated */
	enum keys_where where;
};

/* The table, in the order of the help screen, indexed by enum keys_action. */
extern const struct keys_row keys_table[KEYS_COUNT];

/* Returns the row a key code does, or KEYS_NONE. */
enum keys_action keys_action(int code);

/* How long a 0 waits for the next digit, a run of zeros lasts, and a line
   stays "being typed" after its last key, in ms. */
#define KEYS_WAIT_MS 4000

/* The 0 in a row that goes home. */
#define KEYS_ZEROS_HOME 3

/* One-digit numbers of a list, and of a page's links (8 and 9 scroll). */
#define KEYS_LIST_ONES 9
#define KEYS_PAGE_ONES 7

/* Writes into buf the number of entry i of a list numbered 1 to ones, then
   01 to 09: "" for an entry past those (it has no number). */
void keys_number(size_t i, int ones, char buf[4]);

/* Returns the entry that key picks (after a waiting 0 when after_zero) in a
   list numbered as keys_number says, or -1 when key is no such digit. */
long keys_index(int key, bool after_zero, int ones);

/* Returns true when entry i has a number that begins with 0. */
bool keys_two_digits(size_t i, int ones);

/* One of a screen's own keys: what it does there (the screen's own enum),
   and the row of the table that tells the visitor (help, key bar, man
   page). key is a key code, or AK_DIGIT for 1 to 9. */
struct keys_bind {
	int key;
	int act;
	enum keys_action row;
};

/* A screen's bindings, for the test that each is documented. */
struct keys_binds {
	const char *screen;
	const struct keys_bind *v;
	size_t n;
};

/* Returns what key does in bindings b (n of them), or -1. */
int keys_bound(const struct keys_bind *b, size_t n, int key);

/* Returns what key does in the array of bindings t, or -1. */
#define KEYS_BOUND(t, key) keys_bound((t), sizeof (t) / sizeof *(t), (key))

#endif
