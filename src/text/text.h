/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * text.h - measuring, cleaning, wrapping and folding UTF-8 text.
 *
 * The only place that knows Unicode's rules (widths, line breaking, case
 * folding, bidi, which code points are characters): everything here is
 * built on libunistring, and on FriBidi for right-to-left scripts. Widths are
 * terminal columns. All functions accept any bytes:
 * invalid UTF-8 is replaced by U+FFFD by text_clean(), and the other
 * functions expect clean text (what text_clean() returns).
 */
#ifndef ACCUEIL_TEXT_H
#define ACCUEIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Returns valid UTF-8 made from the n bytes at s: invalid sequences become
 * U+FFFD, tabs become spaces, other control characters (C0 but newline, DEL,
 * C1) are dropped, so nothing can reach the terminal as an escape sequence.
 * Caller frees.
 */
char *text_clean(const char *s, size_t n);

/* Returns true when the n bytes at s are already what text_clean() returns. */
bool text_is_clean(const char *s, size_t n);

/*
 * Returns true for a code point text_clean removes: a control, or a format
 * character other than the joiners (the soft hyphen, the bidi controls...).
 * Typed ones are dropped too, so that what a visitor types is measured and
 * drawn alike.
 */
bool text_is_invisible(uint32_t c);

/* Returns the width of clean text s in terminal columns. */
int text_width(const char *s);

/* Returns the width of the n bytes of clean text at s, in columns. */
int text_width_n(const char *s, size_t n);

/* One line of wrapped text: an owned string and its width in columns. */
struct text_line {
	char *s;
	int width;
};

/* A growable list of lines; zero-initialise, then free with text_lines_free. */
struct text_lines {
	size_t n, cap;
	struct text_line *v;
};

/*
 * Wraps clean text s at word boundaries (Unicode line breaking) so that no
 * line is wider than width, and appends the lines to out. Newlines force a
 * break. A word wider than the line is cut between two grapheme clusters,
 * never inside a character. Empty text gives one empty line. width < 1 is
 * taken as 1; a single cluster wider than width gets a line of its own.
 */
void text_wrap(const char *s, int width, struct text_lines *out);

/* Frees the lines of l and empties it. */
void text_lines_free(struct text_lines *l);

/*
 * Returns clean text s cut to at most width columns, ending with "…" when
 * something was cut. Caller frees.
 */
char *text_fit(const char *s, int width);

/*
 * Returns the search form of any bytes s: cleaned, compatibility-decomposed
 * (NFKD), case-folded, with combining marks removed, typographic apostrophes
 * turned into ', and runs of white space turned into one space, trimmed.
 * "Intégration" and "INTEGRATION" both give "integration". Caller frees.
 */
char *text_fold(const char *s);

/*
 * Returns one line of clean logical text s in visual order, as a terminal
 * that does not reorder must receive it: with a right-to-left base
 * direction when rtl, reordered (Unicode bidi), mirrored, and with Arabic
 * letters in their joined forms. Numbers, e-mail addresses and Latin names
 * keep their order inside it. Caller frees.
 */
char *text_visual(const char *s, bool rtl);

/*
 * Returns true when clean text s holds right-to-left letters or Arabic
 * digits, so that even a left-to-right line of it needs text_visual.
 */
bool text_has_rtl(const char *s);

/*
 * Wraps clean text s as text_wrap does and appends its lines in visual
 * order, as text_visual gives them, but with the directions resolved over
 * each whole paragraph before the lines are reordered (Unicode bidi, UAX #9
 * 3.4): a bracket pair or a number cut by the wrapping keeps the direction
 * it has in the paragraph.
 */
void text_wrap_visual(const char *s, int width, bool rtl,
                      struct text_lines *out);

/*
 * Rewrites, in place, the no-break spaces of clean text s (U+00A0, and the
 * narrow U+202F that French spacing uses, see data/build-db.py) as plain
 * spaces, for a terminal font that may lack them. Widths do not change.
 */
void text_plain_spaces(char *s);

/*
 * Asks text_plain_spaces to drop combining marks (the Arabic vowel marks)
 * and the joiners too, for a terminal that cannot combine them and gives
 * each a cell of its own: the Linux console. Off at start.
 */
void text_set_drop_marks(bool on);

/* Returns true when code point c is a character a person types: not a
   control character (C0, DEL, C1), not a surrogate, at most U+10FFFF. */
bool text_is_typed(int c);

/*
 * Appends code point c, UTF-8 encoded, to the len bytes of buf (room for cap
 * bytes plus a NUL) and updates len. Returns false, changing nothing, when c
 * is not a character or there is no room.
 */
bool text_append(char *buf, size_t *len, size_t cap, int c);

/*
 * Appends the characters of UTF-8 s (those text_is_typed takes) to the len
 * bytes of buf as text_append, while they fit. Returns false when some of
 * s found no room.
 */
bool text_append_text(char *buf, size_t *len, size_t cap, const char *s);

/*
 * Decodes the character the n bytes of UTF-8 s begin with into *c. Returns
 * its length; 0 when s is the start of a longer character (more bytes are
 * needed); -1 when s begins no character (*c is then U+FFFD).
 */
int text_decode(const char *s, size_t n, uint32_t *c);

/* Removes the last character of the len bytes of buf and updates len. */
void text_drop_last(char *buf, size_t *len);

#endif
