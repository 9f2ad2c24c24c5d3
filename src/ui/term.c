/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term.c - the terminal through ncursesw (see term.h).
 */
#include "ui/term.h"

#include <curses.h>
#include <linux/kd.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>
#include <wchar.h>

#include "common/xalloc.h"
#include "text/text.h"
#include "ui/term-keys.h"

extern char **environ;

static bool marks;      /* ACCUEIL_TEST_SETTLED: answer the tests' probes */
static SCREEN *screen;
static attr_t style_attr[TS_COUNT];
static int numlock_was = -1;    /* the console's keyboard flags, to restore */
static bool kiosk;              /* term_kiosk: trust nothing inherited */
static volatile sig_atomic_t winched;   /* the terminal's size changed */
static bool pasting;            /* bracketed paste asked of the terminal */

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

/*
 * In kiosk mode, forgets what the environment would make ncurses read or
 * believe: terminal descriptions outside the system's (TERMINFO,
 * TERMINFO_DIRS, TERMCAP, a home's .terminfo), a size (LINES, COLUMNS),
 * and its other settings (NCURSES_*, ESCDELAY, TABSIZE, CC).
 */
void
term_kiosk(void)
{
	static const char *const names[] = {
		"TERMINFO", "TERMINFO_DIRS", "TERMCAP", "TERMPATH", "HOME",
		"LINES", "COLUMNS", "ESCDELAY", "TABSIZE", "CC",
	};
	bool again = true;

	kiosk = true;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		unsetenv(names[i]);
	/* unsetenv changes environ: start over after each. */
	while (again) {
		again = false;
		for (char **e = environ; e != NULL && *e != NULL; e++) {
			const char *eq = strchr(*e, '=');
			char *name;

			if (strncmp(*e, "NCURSES_", 8) != 0 || eq == NULL)
				continue;
			name = xstrndup(*e, (size_t)(eq - *e));
			unsetenv(name);
			free(name);
			again = true;
			break;
		}
	}
}

/* Returns TERM as it may be shown: printable ASCII, at most 32 bytes. */
static char *
shown_name(const char *name)
{
	char *s = xstrndup(name, 32);

	for (char *p = s; *p != '\0'; p++)
		if (*p < 0x21 || *p > 0x7e || *p == '"')
			*p = '?';
	return s;
}

/* Returns the sequence that erases the terminal's scrollback: its E3, or
   ECMA-48's "CSI 3 J" on a terminal that clears with CSI; NULL if none. */
static const char *
scrollback_sequence(void)
{
	char *e3 = tigetstr("E3");
	char *clear = tigetstr("clear");

	if (e3 != NULL && e3 != (char *)-1)
		return e3;
	if (clear != NULL && clear != (char *)-1 &&
	    strncmp(clear, "\033[", 2) == 0)
		return "\033[3J";
	return NULL;
}

/* Checks that we have a terminal that can run a full screen. */
int
term_check(char **err)
{
	const char *name = getenv("TERM");
	char *shown;
	const char *why = NULL;
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
	shown = shown_name(name);
	if (setupterm(NULL, STDOUT_FILENO, &rc) != OK) {
		*err = xasprintf("the terminal type \"%s\" is unknown", shown);
		free(shown);
		return -1;
	}
	if (tigetstr("cup") == NULL || tigetstr("cup") == (char *)-1)
		why = "cannot show a full screen";
	else if (kiosk && scrollback_sequence() == NULL)
		why = "cannot erase its scrollback, where a visit would stay";
	if (why != NULL)
		*err = xasprintf("the terminal type \"%s\" %s", shown, why);
	free(shown);
	del_curterm(cur_term);
	return why != NULL ? -1 : 0;
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

/* Notes that the terminal's size changed (SIGWINCH). */
static void
on_winch(int sig)
{
	(void)sig;
	winched = 1;
}

/* Stores the terminal's size, from the kernel, within the limits: 80x24
   when it says none. */
static void
real_size(int *h, int *w)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 ||
	    ws.ws_col == 0) {
		ws.ws_row = 24;
		ws.ws_col = 80;
	}
	*h = ws.ws_row < TERM_MAX_ROWS ? ws.ws_row : TERM_MAX_ROWS;
	*w = ws.ws_col < TERM_MAX_COLS ? ws.ws_col : TERM_MAX_COLS;
}

/* Removes the padding ("$<5>", "$<500/>") from capability s, in place. */
static void
strip_padding(char *s)
{
	char *to = s;

	if (s == NULL || s == (char *)-1)
		return;
	while (*s != '\0') {
		char *end = s[0] == '$' && s[1] == '<' ? strchr(s, '>') : NULL;

		if (end != NULL)
			s = end + 1;
		else
			*to++ = *s++;
	}
	*to = '\0';
}

/* Turns padding off: no delay, mandatory or not, in any capability. */
static void
no_padding(void)
{
	static const char *const extended[] = { "E3", "BE", "BD" };

	for (size_t i = 0; strnames[i] != NULL; i++)
		strip_padding(tigetstr(strnames[i]));
	for (size_t i = 0; i < sizeof extended / sizeof *extended; i++)
		strip_padding(tigetstr(extended[i]));
}

/* Writes capability s, or seq when the description has no s. */
static void
put_cap(const char *s, const char *seq)
{
	char *cap = tigetstr(s);

	fflush(stdout);
	if (cap != NULL && cap != (char *)-1)
		fputs(cap, stdout);
	else if (seq != NULL)
		fputs(seq, stdout);
	fflush(stdout);
}

/* Starts the full screen. */
int
term_init(char **err)
{
	struct sigaction sa;
	char num[16];
	int h, w;

	*err = NULL;
	/* Our own SIGWINCH (ncurses then leaves it to us): a new size is
	   clamped before ncurses sees it; LINES and COLUMNS are ours. */
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_winch;
	sigaction(SIGWINCH, &sa, NULL);
	real_size(&h, &w);
	snprintf(num, sizeof num, "%d", h);
	setenv("LINES", num, 1);
	snprintf(num, sizeof num, "%d", w);
	setenv("COLUMNS", num, 1);
	setenv("NCURSES_NO_PADDING", "1", 1);
	use_env(TRUE);
	screen = newterm(NULL, stdout, stdin);
	unsetenv("LINES");
	unsetenv("COLUMNS");
	if (screen == NULL) {
		*err = xstrdup("the terminal cannot be started");
		return -1;
	}
	xalloc_set_fail_hook(term_end);
	no_padding();
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
	/* A paste comes as one piece of text (term-keys.c), on a terminal
	   that says it can, or that speaks ECMA-48. */
	pasting = scrollback_sequence() != NULL ||
	          (tigetstr("BE") != NULL && tigetstr("BE") != (char *)-1);
	if (pasting)
		put_cap("BE", "\033[?2004h");
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
	term_keys_probes(marks);
	return 0;
}

/* Writes one byte of a terminal capability to standard output. */
static int
put_byte(int c)
{
	return putchar(c);
}

/* Erases the terminal's scrollback (E3, or CSI 3 J). */
static void
erase_scrollback(void)
{
	const char *e3 = scrollback_sequence();

	if (e3 == NULL)
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
	term_keys_forget();
	if (pasting)
		put_cap("BD", "\033[?2004l");
	pasting = false;
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

/* Returns true when the terminal is gone (hung up, closed). */
static bool
terminal_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) == 1 &&
	       (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

/* Follows a new size of the terminal, clamped. */
static void
follow_size(void)
{
	int h, w;

	winched = 0;
	real_size(&h, &w);
	resize_term(h, w);
	/* What the terminal shows after a resize is its own guess: all of
	   the next frame is drawn. */
	clearok(curscr, TRUE);
}

/* Waits for one event. */
int
term_read(struct app_event *ev, int timeout_ms)
{
	wint_t c;
	int rc;

	static bool started;

	ev->y = ev->x = -1;
	ev->text = NULL;
	/* The first frame is shown: say so before any probe comes. */
	if (marks && !started) {
		started = true;
		answer_probe();
	}
	if (winched) {
		follow_size();
		ev->key = AK_RESIZE;
		return 0;
	}
	rc = term_keys_get(&c, timeout_ms);
	while (marks && rc == OK && c == TERM_PROBE) {
		/* A resize that came before the probe is drawn first: the
		   probe answers the frame that follows it. */
		if (winched) {
			unget_wch(c);
			follow_size();
			ev->key = AK_RESIZE;
			return 0;
		}
		answer_probe();
		rc = term_keys_get(&c, timeout_ms);
	}
	/* A key that came with a resize is handled first, the resize at
	   the next read. */
	if (rc == ERR && winched) {
		follow_size();
		ev->key = AK_RESIZE;
		return 0;
	}
	if (rc == ERR)
		return terminal_gone() ? APP_READ_EOF : -1;
	ev->key = term_keys_decode(rc, c, ev);
	return 0;
}
