/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * keys.h - the one table of keys: for each, the keys that send it, what it
 * does, its button in the key bar and its line in the help screen. The key
 * bar (ui/frame.c), the help screen (ui/screen-help.c), the global keys
 * (app.c) and the test of the man page (tests/test-keys.c) all read it.
 * The key codes the terminal layer reads (enum app_key) are here too.
 */
#ifndef ACCUEIL_KEYS_H
#define ACCUEIL_KEYS_H

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
	KEYS_BACK,
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

#endif
