/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term.c - the terminal through ncursesw (see term.h).
 */
#include "ui/term.h"

#include <curses.h>
#include <linux/kd.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "common/xalloc.h"
#include "text/text.h"

static bool marks;      /* ACCUEIL_TEST_SETTLED: answer the tests' probes */
static SCREEN *screen;
static attr_t style_attr[TS_COUNT];
static int numlock_was = -1;    /* the console's keyboard flags, to restore */

/*
 * On the Linux console, turns NumLock on, so that the numeric keypad types
 * digits (a visitor pressing keypad 2 means 2); what it was is put back at
 * the end. Elsewhere (ENOTTY) nothing happens.
 */
static void
numlock_on(void)
{
	char flags;

	if (ioctl(STDIN_FILENO, KDGKBLED, &flags) != 0 || (flags & K_NUMLOCK))
		return;
	if (ioctl(STDIN_FILENO, KDSKBLED, (long)(flags | K_NUMLOCK)) == 0)
		numlock_was = flags;
}

/* Checks that we have a terminal that can run a full screen. */
int
term_check(char **err)
{
	const char *name = getenv("TERM");
	int rc;

	*err = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*err = xstrdup("the screen mode needs a terminal; "
		               "use --search to print results instead");
		return -1;
	}
	if (name == NULL || *name == '\0') {
		*err = xstrdup("TERM is not set, so the terminal is unknown");
		return -1;
	}
	if (setupterm(NULL, STDOUT_FILENO, &rc) != OK) {
		*err = xasprintf("the terminal type \"%s\" is unknown", name);
		return -1;
	}
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1) {
		*err = xasprintf("the terminal type \"%s\" cannot show a full "
		                 "screen", name);
		del_curterm(cur_term);
		return -1;
	}
	del_curterm(cur_term);
	return 0;
}

/* The look of a style: colours, attributes added in colour, attributes
   used without colour. */
struct look {
	short fg, bg;
	attr_t attr;
	attr_t mono;
};

/* The usual look. */
static const struct look usual[TS_COUNT] = {
	[TS_NORMAL]   = { -1, -1, 0, 0 },
	[TS_BAR]      = { COLOR_WHITE, COLOR_BLUE, 0, A_REVERSE },
	[TS_BAR_KEY]  = { COLOR_YELLOW, COLOR_BLUE, A_BOLD, A_BOLD },
	[TS_TITLE]    = { -1, -1, A_BOLD, A_BOLD },
	[TS_SELECTED] = { COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
	[TS_NUMBER]   = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[TS_LABEL]    = { -1, -1, A_BOLD, A_BOLD },
	[TS_UNKNOWN]  = { COLOR_YELLOW, -1, 0, A_UNDERLINE },
	[TS_NOTE]     = { COLOR_GREEN, -1, 0, 0 },
	[TS_HEADING]  = { -1, -1, A_BOLD | A_UNDERLINE, A_BOLD },
	[TS_MARK]     = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD },
	[TS_MATCH]    = { COLOR_BLACK, COLOR_YELLOW, 0, A_REVERSE },
	/* Reverse video of a light-on-dark terminal is dark on light. */
	[TS_QR]       = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
};

/* High contrast: bold white and yellow on black, bars in reverse; only the
   eight colours of a Linux console, and bold and reverse without them. */
static const struct look contrast[TS_COUNT] = {
	[TS_NORMAL]   = { COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD },
	[TS_BAR]      = { COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },
	[TS_BAR_KEY]  = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[TS_TITLE]    = { COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE,
	                  A_BOLD | A_UNDERLINE },
	[TS_SELECTED] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[TS_NUMBER]   = { COLOR_YELLOW, COLOR_BLACK, A_BOLD, A_BOLD },
	[TS_LABEL]    = { COLOR_YELLOW, COLOR_BLACK, A_BOLD, A_BOLD },
	[TS_UNKNOWN]  = { COLOR_WHITE, COLOR_BLACK, A_BOLD | A_UNDERLINE,
	                  A_BOLD | A_UNDERLINE },
	[TS_NOTE]     = { COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD },
	[TS_HEADING]  = { COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE,
	                  A_BOLD | A_UNDERLINE },
	[TS_MARK]     = { COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD },
	[TS_MATCH]    = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD },
	[TS_QR]       = { COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE },
};

static bool color;

/* Chooses the look of every style, in colour or in black and white. */
static void
set_styles(const struct look *look)
{
	for (int i = 0; i < TS_COUNT; i++) {
		if (color && (look[i].fg != -1 || look[i].bg != -1) &&
		    i + 1 < COLOR_PAIRS) {
			init_pair((short)(i + 1), look[i].fg, look[i].bg);
			style_attr[i] = COLOR_PAIR(i + 1) | look[i].attr;
		} else {
			style_attr[i] = color ? look[i].attr : look[i].mono;
		}
	}
	/* What is erased takes the normal style (black in high contrast). */
	bkgdset(' ' | style_attr[TS_NORMAL]);
}

/* Switches between the usual look and high contrast. */
void
term_set_contrast(bool on)
{
	set_styles(on ? contrast : usual);
}

/* Starts the full screen. */
int
term_init(char **err)
{
	*err = NULL;
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		*err = xstrdup("the terminal cannot be started");
		return -1;
	}
	xalloc_set_fail_hook(term_end);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	numlock_on();
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
	          BUTTON5_PRESSED, NULL);
	/* Mouse reports are decoded here, within the escape delay: ncurses
	   reads a cut one ("ESC [ <") without a time-out, swallowing the
	   keys after it. The terminal still sends them. */
	define_key("\033[<", 0);
	define_key("\033[M", 0);
	mouseinterval(0);
	{
		const char *no_color = getenv("NO_COLOR");

		color = has_colors() && (no_color == NULL || *no_color == '\0');
	}
	if (color) {
		start_color();
		use_default_colors();
	}
	set_styles(usual);
	/* The Linux console draws a combining mark in a cell of its own. */
	text_set_drop_marks(term_is_console());
	marks = getenv("ACCUEIL_TEST_SETTLED") != NULL;
	return 0;
}

/* Writes one byte of a terminal capability to standard output. */
static int
put_byte(int c)
{
	return putchar(c);
}

/* Erases the terminal's scrollback, where its description says how (E3). */
static void
erase_scrollback(void)
{
	char *e3 = tigetstr("E3");

	if (e3 == NULL || e3 == (char *)-1)
		return;
	fflush(stdout);
	tputs(e3, 1, put_byte);
	fflush(stdout);
}

/* Clears the screen and, where the terminal can, its scrollback. */
void
term_forget(void)
{
	if (screen == NULL)
		return;
	erase();
	wnoutrefresh(stdscr);
	/* The whole screen cleared, not only what changed; some terminals
	   (tmux) put a cleared screen into the scrollback, so that goes
	   after. */
	clearok(curscr, TRUE);
	doupdate();
	erase_scrollback();
}

/* Restores the terminal. */
void
term_end(void)
{
	if (screen == NULL)
		return;
	term_forget();
	if (numlock_was >= 0)
		ioctl(STDIN_FILENO, KDSKBLED, (long)numlock_was);
	numlock_was = -1;
	endwin();
	/* Without an alternate screen, what was on it is on the terminal's
	   own screen again: cleared, and its scrollback too. */
	erase_scrollback();
	delscreen(screen);
	screen = NULL;
}

/* Stores the terminal's size. */
void
term_size(int *h, int *w)
{
	getmaxyx(stdscr, *h, *w);
}

/* Clears the frame. */
void
term_erase(void)
{
	erase();
}

/* Paints row y from x in style st. */
void
term_fill(int y, int x, enum term_style st)
{
	int h, w;

	term_size(&h, &w);
	if (y < 0 || y >= h || x >= w)
		return;
	mvchgat(y, x, -1, style_attr[st] & ~A_COLOR,
	        (short)PAIR_NUMBER(style_attr[st]), NULL);
}

/* Writes clean text s at (y, x), cut to maxw columns. */
int
term_put(int y, int x, int maxw, const char *s, enum term_style st)
{
	int h, w, width;
	char *fit;

	term_size(&h, &w);
	if (y < 0 || y >= h || x < 0 || x >= w)
		return 0;
	if (maxw > w - x)
		maxw = w - x;
	fit = text_fit(s, maxw);
	width = text_width(fit);
	text_plain_spaces(fit);
	attrset(style_attr[st]);
	mvaddstr(y, x, fit);
	attrset(A_NORMAL);
	free(fit);
	return width;
}

/* Shows the cursor at (y, x), or hides it. */
void
term_cursor(int y, int x)
{
	if (y < 0) {
		curs_set(0);
		return;
	}
	move(y, x);
	curs_set(1);
}

/* Returns true on the Linux console. */
bool
term_is_console(void)
{
	const char *t = getenv("TERM");

	return t != NULL && strncmp(t, "linux", 5) == 0;
}

/* Shows the frame. */
void
term_flush(void)
{
	wnoutrefresh(stdscr);
	doupdate();
}

/*
 * A probe of the screen tests (ACCUEIL_TEST_SETTLED): every key typed
 * before it has been handled and its frame shown, since keys are read in
 * order and each frame is drawn before the next read. Answers with the
 * terminal's title, which tmux reads in order with the screen.
 */
static void
answer_probe(void)
{
	static unsigned long count;     /* 0: the first frame, before any */
	char buf[48];
	int n;

	n = snprintf(buf, sizeof buf, "\033]2;accueil-probe-%lu-%dx%d\007",
	             count++, COLS, LINES);
	fflush(stdout);
	if (write(STDOUT_FILENO, buf, (size_t)n) < 0)
		marks = false;
}

/*
 * Maps a keypad key that the terminal description names as an extended
 * capability (xterm's kc2, kpZRO...) to the character it types, or returns
 * AK_OTHER.
 */
static int
keypad_extended(wint_t k)
{
	static const struct {
		const char *name;
		int key;
	} caps[] = {
		{ "kpZRO", '0' }, { "kc2", '2' }, { "kb1", '4' }, { "kb3", '6' },
		{ "ka2", '8' }, { "kpMUL", '*' }, { "kpDIV", '/' },
		{ "kpADD", '+' }, { "kpSUB", '-' }, { "kpDOT", '.' },
		{ "kpCMA", ',' },
	};
	const char *name = keyname((int)k);

	for (size_t i = 0; name != NULL && i < sizeof caps / sizeof *caps; i++)
		if (strcmp(name, caps[i].name) == 0)
			return caps[i].key;
	return AK_OTHER;
}

/* Maps a curses function key to an application key. */
static int
map_function_key(wint_t k, struct app_event *ev)
{
	MEVENT m;

	switch (k) {
	case KEY_UP:        return AK_UP;
	case KEY_DOWN:      return AK_DOWN;
	case KEY_LEFT:      return AK_LEFT;
	case KEY_RIGHT:     return AK_RIGHT;
	case KEY_PPAGE:     return AK_PGUP;
	case KEY_NPAGE:     return AK_PGDN;
	case KEY_HOME:      return AK_HOME;
	case KEY_END:       return AK_END;
	case KEY_ENTER:     return AK_ENTER;
	case KEY_BACKSPACE: return AK_BACKSPACE;
	case KEY_DC:        return AK_DELETE;
	case KEY_RESIZE:    return AK_RESIZE;
	case KEY_F(10):     return AK_STAFF;
	/* The keypad's keys that have no other meaning are its digits:
	   1 3 5 7 9 in application mode (ka1...), 5 with NumLock off (the
	   Linux console's "ESC [ G"), 0 with NumLock off (Insert). The
	   other keys of a keypad without NumLock are arrows, Home, End,
	   Page Up and Down, and stay so. */
	case KEY_C1:        return '1';
	case KEY_C3:        return '3';
	case KEY_B2:        return '5';
	case KEY_A1:        return '7';
	case KEY_A3:        return '9';
	case KEY_IC:        return '0';
	case KEY_MOUSE:
		if (getmouse(&m) != OK)
			return AK_OTHER;
		if (m.bstate & BUTTON4_PRESSED)
			return AK_SCROLL_UP;
		if (m.bstate & BUTTON5_PRESSED)
			return AK_SCROLL_DOWN;
		if (m.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
			ev->y = m.y;
			ev->x = m.x;
			return AK_MOUSE;
		}
		return AK_OTHER;
	default:
		return keypad_extended(k);
	}
}

/* Maps a typed character to an application key. */
static int
map_char(wint_t c)
{
	switch (c) {
	case '\r':
	case '\n':
		return AK_ENTER;
	case 8:
	case 127:
		return AK_BACKSPACE;
	case 27:
		return AK_ESC;
	case '\t':
		return AK_TAB;
	case 3:
		return AK_INTERRUPT;
	default:
		return c <= 0x10ffff && text_is_typed((int)c) ? (int)c : AK_OTHER;
	}
}

/* The keypad in application mode: "ESC O" and one of these letters. */
static int
keypad_key(wint_t c)
{
	if (c >= 'p' && c <= 'y')
		return '0' + (int)(c - 'p');
	switch (c) {
	case 'M': return AK_ENTER;
	case 'j': return '*';
	case 'o': return '/';
	case 'k': return '+';
	case 'm': return '-';
	case 'n': return '.';
	case 'l': return ',';
	default:  return AK_OTHER;
	}
}

/* Maps a mouse report's button code b (pressed unless release) at
   1-based (x, y) to an application key. */
static int
mouse_key(int b, int x, int y, bool release, struct app_event *ev)
{
	if (b & 32)
		return AK_OTHER;        /* motion */
	if (b == 64)
		return AK_SCROLL_UP;
	if (b == 65)
		return AK_SCROLL_DOWN;
	if ((b & ~28) != 0 || release)
		return AK_OTHER;        /* not button 1 pressed */
	ev->y = y - 1;
	ev->x = x - 1;
	return AK_MOUSE;
}

/* Decodes an SGR mouse report "<b;x;y" ended by final (M pressed, m
   released). */
static int
sgr_mouse(const char *p, wint_t final, struct app_event *ev)
{
	int b, x, y;

	if (sscanf(p, "<%d;%d;%d", &b, &x, &y) != 3 || b < 0 || x < 1 || y < 1)
		return AK_OTHER;
	return mouse_key(b, x, y, final == 'm', ev);
}

/* Reads the three bytes of an X10 mouse report, each within the escape
   delay; a cut one is dropped, what follows it read as keys. */
static int
x10_mouse(struct app_event *ev)
{
	int v[3];

	for (int i = 0; i < 3; i++) {
		v[i] = getch();
		if (v[i] == ERR || v[i] < 32 || v[i] > 255) {
			if (v[i] != ERR)
				ungetch(v[i]);
			return AK_OTHER;
		}
	}
	if ((v[0] - 32) == 3)
		return AK_OTHER;        /* released */
	return mouse_key(v[0] - 32, v[1] - 32, v[2] - 32, false, ev);
}

/*
 * After an Esc: when an escape sequence the terminal description does not
 * know follows at once (a key of another terminal type: "ESC [ 4 ~" or
 * "ESC O P"), reads it whole, so that its characters are not taken for
 * keys, and returns the key it stands for: a keypad digit ("ESC O p" to
 * "ESC O y", xterm's application keypad), a mouse report decoded into ev,
 * or AK_OTHER. Each byte must come within the escape delay: a cut sequence
 * ends there, and what follows it is read as keys (an Esc, a letter).
 * Returns AK_ESC when nothing follows (anything else is put back).
 */
static int
escape_sequence(struct app_event *ev)
{
	char seq[40];
	size_t n = 0;
	wint_t c;
	int rc;

	timeout(0);
	rc = get_wch(&c);
	if (rc == ERR)
		return AK_ESC;
	if (rc == KEY_CODE_YES || (c != '[' && c != 'O')) {
		if (rc == KEY_CODE_YES)
			ungetch((int)c);
		else
			unget_wch((wchar_t)c);
		return AK_ESC;
	}
	timeout(ESCDELAY > 0 ? ESCDELAY : 25);
	if (c == 'O')
		return get_wch(&c) == OK ? keypad_key(c) : AK_OTHER;
	/* CSI: parameter and intermediate bytes, then one final byte. */
	while (n < sizeof seq - 1) {
		rc = get_wch(&c);
		if (rc == ERR)
			break;
		if (rc == OK && c >= 0x20 && c <= 0x3f) {
			seq[n++] = (char)c;
			continue;
		}
		if (rc == OK && c >= 0x40 && c <= 0x7e) {
			seq[n] = '\0';
			if (n == 0 && c == 'M')
				return x10_mouse(ev);
			if (seq[0] == '<' && (c == 'M' || c == 'm'))
				return sgr_mouse(seq, c, ev);
			/* The Linux console's keypad 5 without NumLock. */
			return n == 0 && c == 'G' ? '5' : AK_OTHER;
		}
		if (rc == KEY_CODE_YES)
			ungetch((int)c);
		else
			unget_wch((wchar_t)c);
		break;
	}
	return AK_OTHER;
}

/* Returns true when the terminal is gone (hung up, closed). */
static bool
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 &&
	       (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Waits for one event. */
int
term_read(struct app_event *ev, int timeout_ms)
{
	wint_t c;
	int rc;

	static bool started;

	ev->y = ev->x = -1;
	/* The first frame is shown: say so before any probe comes. */
	if (marks && !started) {
		started = true;
		answer_probe();
	}
	timeout(timeout_ms);
	rc = get_wch(&c);
	while (marks && rc == OK && c == TERM_PROBE) {
		answer_probe();
		rc = get_wch(&c);
	}
	if (rc == ERR)
		return terminal_gone() ? APP_READ_EOF : -1;
	ev->key = rc == KEY_CODE_YES ? map_function_key(c, ev) : map_char(c);
	if (ev->key == AK_ESC)
		ev->key = escape_sequence(ev);
	return 0;
}
