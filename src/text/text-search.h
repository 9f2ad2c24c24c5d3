/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * text-search.h - the text side of search: a query's words, the rule that
 * says when a search is long enough, numbers typed with spaces, the words
 * of a text that match (in logical or in visual order), excerpts, and the
 * character walking the search index needs (runs of three characters,
 * spelling neighbours).
 *
 * Everything here takes clean text (text_clean) or folded text
 * (text_fold), and is built on libunistring and FriBidi.
 */
#ifndef ACCUEIL_TEXT_SEARCH_H
#define ACCUEIL_TEXT_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* The words of a folded query; free with text_tokens_free. */
struct text_tokens {
	size_t n;
	char **v;
	bool open;      /* the last word is still being typed: the text ends in it */
};

/*
 * Splits folded text into words: runs of letters and digits (the way
 * SQLite's unicode61 tokenizer splits), at most max of them, each cut to 64
 * bytes at a character boundary. A word followed by anything else is
 * complete; only the last one may be open. Groups of digits with one space
 * between them are one word, as a number is typed ("081 71 35 28" gives
 * "081713528", "116 000" gives "116000").
 */
void text_tokens(const char *folded, size_t max, struct text_tokens *out);

/* Frees the words of t. */
void text_tokens_free(struct text_tokens *t);

/* A highlighted part of a snippet: bytes [start, end). */
struct text_mark {
	size_t start, end;
};

/* An excerpt of a text around a match. */
struct text_snippet {
	char *s;                /* clean text, at most the width asked */
	size_t nmarks;
	struct text_mark marks[8];
};

/*
 * Makes in *out an excerpt of clean text s, at most width columns, around
 * the first word whose folded form starts with one of the words of t, with
 * such words marked; the start of s, unmarked, when no word matches. An
 * excerpt that does not start or end where s does has "…" there. Free
 * out->s.
 */
void text_snippet(const char *s, const struct text_tokens *t, int width,
                  struct text_snippet *out);

/*
 * Fills marks with the words of clean text s whose folded form starts with
 * one of the words of t (as text_snippet marks them), at most max of them.
 * Returns how many.
 */
size_t text_marks(const char *s, const struct text_tokens *t,
                  struct text_mark *marks, size_t max);

/* Copies the words of t into *out; free with text_tokens_free. */
void text_tokens_copy(const struct text_tokens *t, struct text_tokens *out);

/* Wipes the words of t (what a visitor typed), then frees them. */
void text_tokens_wipe(struct text_tokens *t);

/*
 * The search rule, in letters (grapheme clusters of the folded word, so
 * that "é", "ሰ" and a Hangul syllable count one each): a search is long
 * enough when one of its words has TEXT_SEARCH_LETTERS letters or more;
 * before that nothing is looked for and the screen says so, instead of
 * "no results". When one word is long enough, the shorter ones ("de",
 * "la", the "d" of "d'intégration") are not searched for: they would find
 * or mark every page.
 */
#define TEXT_SEARCH_LETTERS 3

/* Returns the number of letters (grapheme clusters) of clean text s. */
size_t text_letters(const char *s);

/* Returns true when the words of t are long enough to search (see above). */
bool text_search_long_enough(const struct text_tokens *t);

/* Returns true when word i of t is searched for (see above). */
bool text_word_searched(const struct text_tokens *t, size_t i);

/* Removes from t the words that are not searched for, wiping them. */
void text_tokens_searched(struct text_tokens *t);

/*
 * Fills marks with the words of a line of clean text in visual order (as
 * text_visual and text_wrap_visual give it: right-to-left words reversed
 * and shaped) that match the words of t as text_marks says, at most max.
 * Returns how many; the marks are bytes of vis, to be drawn as they are.
 */
size_t text_marks_visual(const char *vis, const struct text_tokens *t,
                         struct text_mark *marks, size_t max);

/*
 * Returns the numbers of folded text s written in groups ("081 71 35 28")
 * as the words text_tokens makes of them ("081713528"), one space between
 * two, for the search index; "" when it has none. Caller frees.
 */
char *text_numbers(const char *folded);

/* Returns the number of characters (code points) of UTF-8 text s. */
size_t text_chars(const char *s);

/* Returns the character after the one at UTF-8 text s (s if at its end). */
const char *text_next_char(const char *s);

/* Returns the bytes of the three characters at s, or 0 when fewer are
   left (a run of three, as SQLite's trigram tokenizer cuts). */
size_t text_trigram(const char *s);

/* Returns UTF-8 word w without its character i, or NULL when it has no
   character i (a spelling neighbour, see db/search.c). Caller frees. */
char *text_drop_char(const char *w, size_t i);

#endif
