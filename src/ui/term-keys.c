/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term-keys.c - the terminal's input decoded into keys (see term-keys.h).
 *
 * After an Esc (or an 8-bit introducer), the sequence is read by the
 * grammar of ECMA-48, whatever its length: CSI (parameter and intermediate
 * bytes, one final byte), SS3 (one final byte), the control strings OSC,
 * DCS, APC, PM and SOS (up to ST, or BEL), and the other Esc sequences
 * (intermediate bytes, one final byte). Only the sequences that are keys
 * (the keypad, mouse reports, a bracketed paste) give one; the others give
 * AK_OTHER, which no screen uses. Each byte must come within the escape
 * delay: a cut sequence ends there.
 */
#include "ui/term-keys.h"

#include <curses.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/clock.h"
#include "text/text.h"

/* The most bytes of a CSI kept to decode it; longer ones are no key. */
#define CSI_KEPT 40

/* How long a byte of a paste may take to come, and the longest a paste
   is read, in ms: one never ended does not swallow the keys for ever. */
#define PASTE_BYTE_MS 1000
#define PASTE_ALL_MS 2000

static bool probes;     /* the tests' probe ends a paste (term_keys_probes) */

/* The probe, U+10FFFD, in UTF-8. */
static const char probe[] = "\xf4\x8f\xbf\xbd";

/* The tests' probe ends a paste (see term-keys.h). */
void
term_keys_probes(bool on)
{
	probes = on;
}

static char paste[TERM_PASTE_MAX + 1];  /* the last paste's text */
static size_t paste_len;

/* Frees what the last paste held, wiped. */
void
term_keys_forget(void)
{
	explicit_bzero(paste, sizeof paste);
	paste_len = 0;
}

/* The escape delay, in ms. */
static int
delay(void)
{
	return ESCDELAY > 0 ? ESCDELAY : 25;
}

/* Reads one character (see term-keys.h). */
int
term_keys_get(wint_t *c, int ms)
{
	char buf[4];
	size_t n = 0;
	uint32_t u;
	int b, r;

	timeout(ms);
	for (;;) {
		b = getch();
		if (b == ERR && n == 0)
			return ERR;
		if (b >= KEY_MIN && n == 0) {
			*c = (wint_t)b;
			return KEY_CODE_YES;
		}
		if (b == ERR || b >= KEY_MIN) {
			/* Cut by a pause or a key: no character. */
			if (b != ERR)
				ungetch(b);
			*c = 0xfffd;
			return OK;
		}
		buf[n++] = (char)b;
		r = text_decode(buf, n, &u);
		if (r > 0) {
			*c = u;
			return OK;
		}
		if (r < 0) {
			/* The byte that showed it is no character may begin
			   the next one: it is read again. */
			if (n > 1)
				ungetch(b);
			*c = 0xfffd;
			return OK;
		}
		timeout(delay());
	}
}

/* Puts back what term_keys_get returned, to be read again as itself. */
static void
put_back(int rc, wint_t c)
{
	if (rc == KEY_CODE_YES)
		ungetch((int)c);
	else if (rc == OK)
		unget_wch((wchar_t)c);
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
	case 0xfffd:
		return AK_OTHER;        /* bytes that were no character */
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

	if (strlen(p) > 20 || sscanf(p, "<%d;%d;%d", &b, &x, &y) != 3 ||
	    b < 0 || x < 1 || y < 1)
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

/* How much of a paste is read at a time: what comes after its end in the
   same read goes back to curses, whose queue holds 137 keys. */
#define PASTE_CHUNK 128

/* How many characters of a paste are read through curses first. */
#define PASTE_SLOW 256

/* The screen tests' probe (term.h's TERM_PROBE). */
#define TERM_PROBE_CHAR 0x10fffd

/* Puts back, for curses to read, the n bytes of b that came after a
   paste (at most PASTE_CHUNK and an end's start: curses' queue takes
   them). */
static void
put_back_bytes(const unsigned char *b, size_t n)
{
	while (n > 0)
		ungetch(b[--n]);
}

/*
 * Reads a bracketed paste up to its end ("ESC [ 201 ~"), straight from the
 * terminal PASTE_CHUNK bytes at a time (curses reads a byte per call, too
 * slow for a megabyte), each buffer within PASTE_BYTE_MS, all within PASTE_ALL_MS (a
 * paste cut there ends, what follows is read as keys), and up to an Esc
 * that does not begin its end (a paste is text: the Esc and what follows
 * are read as keys); keeps its first
 * TERM_PASTE_MAX bytes as text (line ends and tabs as spaces, other
 * control characters dropped), reads the rest and drops it. Returns
 * AK_PASTE with ev->text, or AK_OTHER when nothing of it is text.
 */
static int
bracketed_paste(struct app_event *ev)
{
	static const char end[] = "\033[201~";
	static char raw[TERM_PASTE_MAX + 1];
	unsigned char buf[PASTE_CHUNK];
	size_t matched = 0, kept = 0;
	bool done = false, cut = false;
	long long until = clock_ms() + PASTE_ALL_MS;

	term_keys_forget();
	/* The first characters through curses, which may hold some already
	   (put back, or read ahead): once PASTE_SLOW are read, it holds
	   none, and the rest comes straight from the terminal. */
	for (size_t got = 0; got < PASTE_SLOW; got++) {
		wint_t c;
		int rc = term_keys_get(&c, PASTE_BYTE_MS);

		if (rc == ERR)
			return paste_len > 0 ? (ev->text = paste, AK_PASTE)
			       : AK_OTHER;
		if (rc != OK)
			continue;
		if ((probes && c == TERM_PROBE_CHAR) ||
		    (matched > 0 && c != (wint_t)(unsigned char)end[matched])) {
			/* A probe, or an Esc that does not end it: read
			   again as keys, after what began like the end. */
			put_back(rc, c);
			while (matched > 0)
				ungetch((unsigned char)end[--matched]);
			return paste_len > 0 ? (ev->text = paste, AK_PASTE)
			       : AK_OTHER;
		}
		if (c == (wint_t)(unsigned char)end[matched]) {
			if (++matched == sizeof end - 1)
				return paste_len > 0
				       ? (ev->text = paste, AK_PASTE) : AK_OTHER;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c <= 0x10ffff && text_is_typed((int)c))
			text_append(paste, &paste_len, TERM_PASTE_MAX, (int)c);
	}
	while (!done && clock_ms() < until) {
		struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
		ssize_t n;
		size_t i;

		if (poll(&p, 1, PASTE_BYTE_MS) != 1)
			break;
		n = read(STDIN_FILENO, buf, sizeof buf);
		if (n <= 0)
			break;
		for (i = 0; i < (size_t)n && !done; i++) {
			if (probes && (size_t)n - i >= sizeof probe - 1 &&
			    memcmp(buf + i, probe, sizeof probe - 1) == 0) {
				/* A probe: read again, as itself. */
				done = true;
				i--;
				continue;
			}
			if (buf[i] == (unsigned char)end[matched]) {
				done = ++matched == sizeof end - 1;
				continue;
			}
			if (matched > 0) {
				/* An Esc that does not end it: a paste is
				   text, so it ended there; what follows is
				   read as keys, that Esc first. */
				put_back_bytes(buf + i, (size_t)n - i);
				put_back_bytes((const unsigned char *)end,
				               matched);
				cut = true;
				break;
			}
			if (kept < TERM_PASTE_MAX)
				raw[kept++] = (char)buf[i];
		}
		if (cut)
			break;
		if (done)
			put_back_bytes(buf + i, (size_t)n - i);
	}
	/* Whole characters only, line ends as spaces. */
	while (kept > 0 && kept >= TERM_PASTE_MAX &&
	       ((unsigned char)raw[kept - 1] & 0xc0) == 0x80)
		kept--;
	if (kept > 0 && kept >= TERM_PASTE_MAX &&
	    (unsigned char)raw[kept - 1] >= 0xc0)
		kept--;
	raw[kept] = '\0';
	for (size_t k = 0; k < kept; k++)
		if (raw[k] == '\n' || raw[k] == '\r' || raw[k] == '\t')
			raw[k] = ' ';
	text_append_text(paste, &paste_len, TERM_PASTE_MAX, raw);
	explicit_bzero(raw, sizeof raw);
	explicit_bzero(buf, sizeof buf);
	if (paste_len == 0)
		return AK_OTHER;
	ev->text = paste;
	return AK_PASTE;
}

/* Decodes a whole CSI: its parameter and intermediate bytes seq (n of
   them) and its final byte. */
static int
csi_key(const char *seq, size_t n, wint_t final, struct app_event *ev)
{
	if (n == 0 && final == 'M')
		return x10_mouse(ev);
	if (seq[0] == '<' && (final == 'M' || final == 'm'))
		return sgr_mouse(seq, final, ev);
	if (final == '~' && strcmp(seq, "200") == 0)
		return bracketed_paste(ev);
	/* The Linux console's keypad 5 without NumLock. */
	return n == 0 && final == 'G' ? '5' : AK_OTHER;
}

/*
 * Reads parameter and intermediate bytes (0x20-0x3f), the first cap - 1
 * kept in seq (NUL-terminated, when cap > 0), then a final byte (0x40-0x7e)
 * into *final, however many come. Returns how many bytes came before the
 * final one, or -1 when the sequence was cut, or ended by a byte of
 * neither kind (read again as itself).
 */
static long
params_and_final(char *seq, size_t cap, wint_t *final)
{
	size_t n = 0;
	wint_t c;
	int rc;

	for (;;) {
		rc = term_keys_get(&c, delay());
		if (rc == ERR)
			return -1;      /* cut */
		if (rc == OK && c >= 0x20 && c <= 0x3f) {
			if (n + 1 < cap)
				seq[n] = (char)c;
			n++;
			continue;
		}
		if (rc == OK && c >= 0x40 && c <= 0x7e) {
			if (cap > 0)
				seq[n < cap ? n : cap - 1] = '\0';
			*final = c;
			return (long)n;
		}
		put_back(rc, c);
		return -1;
	}
}

/* Reads a CSI after its introducer; one longer than CSI_KEPT is no key. */
static int
csi(struct app_event *ev)
{
	char seq[CSI_KEPT];
	wint_t final;
	long n = params_and_final(seq, sizeof seq, &final);

	if (n < 0 || (size_t)n >= sizeof seq)
		return AK_OTHER;
	return csi_key(seq, (size_t)n, final, ev);
}

/* Reads an SS3 after its introducer: a keypad key of the application
   mode ("ESC O p"), or nothing (with parameters, any other final). */
static int
ss3(void)
{
	wint_t final;
	long n = params_and_final(NULL, 0, &final);

	return n == 0 ? keypad_key(final) : AK_OTHER;
}

/*
 * Reads a control string (OSC, DCS, APC, PM, SOS) after its introducer, up
 * to its end: ST ("ESC \" or U+009C) or BEL. An Esc followed by anything
 * else ends it too, and begins a sequence of its own.
 */
static int
control_string(void)
{
	wint_t c;
	int rc;

	for (;;) {
		rc = term_keys_get(&c, delay());
		if (rc == ERR)
			return AK_OTHER;
		if (rc != OK)
			continue;
		if (c == 7 || c == 0x9c)
			return AK_OTHER;
		if (c == 27) {
			rc = term_keys_get(&c, delay());
			if (rc == OK && c == '\\')
				return AK_OTHER;
			put_back(rc, c);
			ungetch(27);
			return AK_OTHER;
		}
	}
}

/* Reads an Esc sequence of intermediate bytes and a final byte ("ESC ( B"),
   the first intermediate already read. */
static int
esc_intermediate(void)
{
	wint_t c;
	int rc;

	do
		rc = term_keys_get(&c, delay());
	while (rc == OK && c >= 0x20 && c <= 0x2f);
	/* Anything but a final byte is read again, as itself. */
	if (rc != OK || c < 0x30 || c > 0x7e)
		put_back(rc, c);
	return AK_OTHER;
}

/* Reads what follows an introducer c (7-bit after Esc, or 8-bit C1): the
   sequence whole. Returns -1 when c introduces none. */
static int
introduced(wint_t c, struct app_event *ev)
{
	switch (c) {
	case '[': case 0x9b:
		return csi(ev);
	case 'O': case 0x8f:
		return ss3();
	case ']': case 'P': case '_': case '^': case 'X':
	case 0x9d: case 0x90: case 0x9f: case 0x9e: case 0x98:
		return control_string();
	default:
		return -1;
	}
}

/*
 * After an Esc: when a sequence follows at once, reads it whole and
 * returns the key it stands for, or AK_OTHER. Returns AK_ESC when nothing
 * follows, or a key that is no sequence (put back, to be read as itself).
 */
static int
after_esc(struct app_event *ev)
{
	wint_t c;
	int rc, key;

	rc = term_keys_get(&c, 0);
	if (rc == ERR)
		return AK_ESC;
	if (rc == OK && c >= 0x20 && c <= 0x2f)
		return esc_intermediate();
	if (rc == OK && c < 0x80 && (key = introduced(c, ev)) != -1)
		return key;
	put_back(rc, c);
	return AK_ESC;
}

/* Returns the application key for (rc, c) (see term-keys.h). */
int
term_keys_decode(int rc, wint_t c, struct app_event *ev)
{
	int key;

	ev->text = NULL;
	if (rc == KEY_CODE_YES)
		return map_function_key(c, ev);
	if (c >= 0x80 && c <= 0x9f && (key = introduced(c, ev)) != -1)
		return key;
	key = map_char(c);
	return key == AK_ESC ? after_esc(ev) : key;
}
