/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * text-search.c - the text side of search (see text-search.h): words,
 * numbers, the three-letter rule, marks and excerpts, and the character
 * walking of the search index.
 */
#include "text/text-search.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>

#include "common/xalloc.h"
#include "text/text.h"

/* Returns true for a code point that is part of a word. */
static bool
is_word(ucs4_t c)
{
	return uc_is_property_alphabetic(c) || uc_is_property_numeric(c) ||
	       uc_is_general_category(c, UC_CATEGORY_M) ||
	       uc_is_general_category(c, UC_CATEGORY_Nd) || c == 0xfffd;
}

/*
 * Returns the number of bytes from p of the run of characters that are part
 * of a word (words true) or that are not (words false).
 */
static size_t
run_len(const uint8_t *p, const uint8_t *end, bool words)
{
	const uint8_t *q = p;

	while (q < end) {
		ucs4_t c;
		int n = u8_mbtouc(&c, q, end - q);

		if (is_word(c) != words)
			break;
		q += n;
	}
	return (size_t)(q - p);
}

/* Returns the number of bytes of the word starting at p (0: not a word). */
static size_t
word_len(const uint8_t *p, const uint8_t *end)
{
	return run_len(p, end, true);
}

/* Returns the number of bytes of the non-word run starting at p. */
static size_t
gap_len(const uint8_t *p, const uint8_t *end)
{
	return run_len(p, end, false);
}

/* Returns true when the n bytes at p are ASCII digits only. */
static bool
all_digits(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return false;
	return n > 0;
}

/*
 * Returns the bytes from p of the word there, a number written in groups
 * ("081 71 35 28": digits, one space, digits...) taken whole; *digits
 * (at most cap bytes and a NUL) receives its digits without the spaces.
 */
static size_t
number_len(const uint8_t *p, const uint8_t *end, char *digits, size_t cap)
{
	size_t len = word_len(p, end), nd = 0;
	const uint8_t *q = p;

	if (!all_digits(p, len))
		return len;
	for (;;) {
		size_t n = word_len(q, end), sp;

		if (nd + n > cap)
			break;
		memcpy(digits + nd, q, n);
		nd += n;
		q += n;
		len = (size_t)(q - p);
		/* One space (U+0020, U+00A0 or U+202F), then digits. */
		sp = q < end && *q == ' ' ? 1
		     : end - q >= 2 && memcmp(q, "\xc2\xa0", 2) == 0 ? 2
		     : end - q >= 3 && memcmp(q, "\xe2\x80\xaf", 3) == 0 ? 3 : 0;
		if (sp == 0 || !all_digits(q + sp, word_len(q + sp, end)))
			break;
		q += sp;
	}
	digits[nd] = '\0';
	return len;
}

/* Splits folded text into words, numbers in groups as one. */
void
text_tokens(const char *folded, size_t max, struct text_tokens *out)
{
	const uint8_t *p = (const uint8_t *)folded, *end = p + strlen(folded);

	memset(out, 0, sizeof *out);
	while (p < end && out->n < max) {
		char digits[65];
		size_t n;

		p += gap_len(p, end);
		n = word_len(p, end);
		if (n == 0)
			break;
		if (out->n == 0)
			out->v = xcalloc(max, sizeof *out->v);
		if (n <= 64 && all_digits(p, n)) {
			n = number_len(p, end, digits, 64);
			out->v[out->n++] = xstrdup(digits);
		} else if (n > 64) {
			/* Cut at a character boundary. */
			size_t cut = 64;

			while (cut > 0 && (p[cut] & 0xc0) == 0x80)
				cut--;
			out->v[out->n++] = xstrndup((const char *)p, cut);
		} else {
			out->v[out->n++] = xstrndup((const char *)p, n);
		}
		p += n;
		out->open = p == end;
	}
}

/* Frees the words of t. */
void
text_tokens_free(struct text_tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	memset(t, 0, sizeof *t);
}

/* Returns true when folded word f starts with a word of t. */
static bool
starts_with_token(const char *f, const struct text_tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (strncmp(f, t->v[i], strlen(t->v[i])) == 0)
			return true;
	return false;
}

/* Returns true when n bytes at w hold a right-to-left letter. */
static bool
has_rtl_n(const uint8_t *w, size_t n)
{
	for (const uint8_t *p = w, *end = w + n; p < end;) {
		ucs4_t c;
		FriBidiCharType type;

		p += u8_mbtouc(&c, p, end - p);
		type = fribidi_get_bidi_type(c);
		if (FRIBIDI_IS_RTL(type) || FRIBIDI_IS_ARABIC(type))
			return true;
	}
	return false;
}

/*
 * Returns true when the word of n bytes at w, folded, starts with a token;
 * in visual order (visual), a right-to-left word is read backwards first.
 */
static bool
word_matches(const uint8_t *w, size_t n, const struct text_tokens *t,
             bool visual)
{
	char *word = xstrndup((const char *)w, n), *f;
	bool hit;

	if (visual && has_rtl_n(w, n)) {
		/* The characters back in logical order (a shaped letter folds
		   to its plain one, and the marks, now before their letter,
		   fold away). */
		size_t len = 0;
		uint32_t *u = u8_to_u32(w, n, NULL, &len);
		uint8_t *back;
		size_t m = 0;

		if (u == NULL)
			xalloc_fail();
		for (size_t i = 0; i < len / 2; i++) {
			uint32_t c = u[i];

			u[i] = u[len - 1 - i];
			u[len - 1 - i] = c;
		}
		back = u32_to_u8(u, len, NULL, &m);
		if (back == NULL)
			xalloc_fail();
		free(word);
		word = xstrndup((const char *)back, m);
		free(back);
		free(u);
	}
	f = text_fold(word);
	hit = starts_with_token(f, t);
	free(f);
	free(word);
	return hit;
}

/*
 * Moves *p past the gap to the next word, stores its bytes in *n and, when
 * it starts a number in groups, the bytes of all its groups in *num (else
 * *num is *n) and their digits in digits (65 bytes). Returns false when no
 * word is left.
 */
static bool
next_word(const uint8_t **p, const uint8_t *end, size_t *n, size_t *num,
          char *digits)
{
	*p += gap_len(*p, end);
	*n = word_len(*p, end);
	if (*n == 0)
		return false;
	*num = number_len(*p, end, digits, 64);
	return true;
}

/* Returns the first word from p on (before end) that matches a word of t,
   its length in *len (a number in groups whose digits start with a word
   of t: all its groups); NULL when there is none. */
static const uint8_t *
next_match(const uint8_t *p, const uint8_t *end, const struct text_tokens *t,
           bool visual, size_t *len)
{
	char digits[65];
	size_t n, num;

	while (p < end && t->n > 0 && next_word(&p, end, &n, &num, digits)) {
		if (num > n && starts_with_token(digits, t)) {
			*len = num;
			return p;
		}
		if (word_matches(p, n, t, visual)) {
			*len = n;
			return p;
		}
		p += n;
	}
	return NULL;
}

/* Finds the matching words of s, in logical or visual order. */
static size_t
find_marks(const char *s, const struct text_tokens *t, bool visual,
           struct text_mark *marks, size_t max)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s), *p;
	size_t n, count = 0;

	for (p = u; count < max &&
	     (p = next_match(p, end, t, visual, &n)) != NULL; p += n) {
		marks[count].start = (size_t)(p - u);
		marks[count].end = (size_t)(p - u) + n;
		count++;
	}
	return count;
}

/* Finds the matching words of s. */
size_t
text_marks(const char *s, const struct text_tokens *t, struct text_mark *marks,
           size_t max)
{
	return find_marks(s, t, false, marks, max);
}

/* Finds the matching words of a line in visual order. */
size_t
text_marks_visual(const char *vis, const struct text_tokens *t,
                  struct text_mark *marks, size_t max)
{
	return find_marks(vis, t, true, marks, max);
}

/* Returns the length of the list marker ("- ", "• ", "* ") at s, or 0. */
static size_t
list_marker(const char *s)
{
	if ((s[0] == '-' || s[0] == '*') && s[1] == ' ')
		return 2;
	if (strncmp(s, "\u2022 ", sizeof "\u2022 " - 1) == 0)
		return sizeof "\u2022 " - 1;
	return 0;
}

/* Returns text as one line: its lines joined by spaces, without the list
   markers that start them. Caller frees. */
static char *
one_line(const char *text)
{
	char *s = xmalloc(strlen(text) + 1), *o = s;
	bool line_start = true;

	for (const char *c = text; *c != '\0'; c++) {
		if (line_start) {
			while (*c == ' ' || *c == '\t')
				c++;
			c += list_marker(c);
			line_start = false;
			if (*c == '\0')
				break;
		}
		if (*c == '\n') {
			line_start = true;
			/* One space between two lines, none at the start. */
			if (o > s && o[-1] != ' ')
				*o++ = ' ';
			continue;
		}
		*o++ = *c;
	}
	*o = '\0';
	return s;
}

/* Makes an excerpt of s around its first matching word. */
void
text_snippet(const char *text, const struct text_tokens *t, int width,
             struct text_snippet *out)
{
	/* One line: newlines become spaces, and the list markers that start
	   lines go, before anything is measured. */
	char *s = one_line(text);
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s), *p;
	size_t first = (size_t)-1, first_len = 0, start = 0, stop;
	char *body;
	int w = 0, lead;

	memset(out, 0, sizeof *out);
	/* The first matching word. */
	p = next_match(u, end, t, false, &first_len);
	if (p != NULL)
		first = (size_t)(p - u);
	/* Start a third of the width before it, at a word, unless the text up
	   to the end of that word fits from the start. */
	if (first != (size_t)-1 && first > 0 &&
	    text_width_n(s, first + first_len) > width - 1) {
		const uint8_t *q = u + first;

		start = first;
		while (q > u) {
			ucs4_t c;
			const uint8_t *prev = u8_prev(&c, q, u);
			int cw = prev ? text_width_n((const char *)prev, q - prev) : 0;

			if (prev == NULL || w + cw > width / 3)
				break;
			w += cw;
			q = prev;
			if (!is_word(c))
				start = (size_t)(q - u) + (size_t)(u8_next(&c, q) - q);
		}
		if (q == u)
			start = 0;
		if (start > first)
			start = first;
	}
	/* Take what fits, keeping room for the ellipses. */
	lead = start > 0 ? 1 : 0;
	w = lead;
	stop = start;
	for (p = u + start; p < end;) {
		const uint8_t *q = u8_grapheme_next(p, end);
		int cw;

		if (q == NULL)
			q = end;
		cw = text_width_n((const char *)p, q - p);
		if (w + cw > width - (q < end ? 1 : 0))
			break;
		w += cw;
		p = q;
		stop = (size_t)(p - u);
	}
	body = xstrndup(s + start, stop - start);
	out->s = xasprintf("%s%s%s", lead ? "…" : "", body,
	                   stop < (size_t)(end - u) ? "…" : "");
	free(body);
	free(s);
	/* Mark the matching words inside the excerpt. */
	out->nmarks = text_marks(out->s, t, out->marks,
	                         sizeof out->marks / sizeof *out->marks);
}

/* Copies the words of t. */
void
text_tokens_copy(const struct text_tokens *t, struct text_tokens *out)
{
	out->n = t->n;
	out->open = t->open;
	out->v = xcalloc(t->n + 1, sizeof *out->v);
	for (size_t i = 0; i < t->n; i++)
		out->v[i] = xstrdup(t->v[i]);
}

/* Wipes and frees the words of t. */
void
text_tokens_wipe(struct text_tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		explicit_bzero(t->v[i], strlen(t->v[i]));
	text_tokens_free(t);
}

/* Returns the number of grapheme clusters of s. */
size_t
text_letters(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);
	size_t n = 0;

	while (p != NULL && p < end) {
		p = u8_grapheme_next(p, end);
		n++;
	}
	return n;
}

/* Returns true when one word of t has the letters a search needs. */
bool
text_search_long_enough(const struct text_tokens *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (text_letters(t->v[i]) >= TEXT_SEARCH_LETTERS)
			return true;
	return false;
}

/* Returns true when word i of t is searched for. */
bool
text_word_searched(const struct text_tokens *t, size_t i)
{
	return i < t->n && (text_letters(t->v[i]) >= TEXT_SEARCH_LETTERS ||
	                    !text_search_long_enough(t));
}

/* Keeps only the words of t that are searched for. */
void
text_tokens_searched(struct text_tokens *t)
{
	size_t kept = 0;
	bool any = text_search_long_enough(t);

	for (size_t i = 0; i < t->n; i++) {
		if (!any || text_letters(t->v[i]) >= TEXT_SEARCH_LETTERS) {
			t->v[kept++] = t->v[i];
			continue;
		}
		explicit_bzero(t->v[i], strlen(t->v[i]));
		free(t->v[i]);
		if (i + 1 == t->n)
			t->open = false;        /* the word being typed went */
	}
	t->n = kept;
}

/* Returns the numbers in groups of folded s, as words. */
char *
text_numbers(const char *folded)
{
	const uint8_t *p = (const uint8_t *)folded, *end = p + strlen(folded);
	char *out = xmalloc(strlen(folded) + 1), *o = out;

	char digits[65];
	size_t n, num;

	while (p < end && next_word(&p, end, &n, &num, digits)) {
		if (num > n) {
			size_t d = strlen(digits);

			if (o > out)
				*o++ = ' ';
			memcpy(o, digits, d);
			o += d;
		}
		p += num;
	}
	*o = '\0';
	return out;
}

/* Returns the number of code points of s. */
size_t
text_chars(const char *s)
{
	return u8_mbsnlen((const uint8_t *)s, strlen(s));
}

/* Returns the character after the one at s. */
const char *
text_next_char(const char *s)
{
	ucs4_t c;
	const uint8_t *n;

	if (*s == '\0')
		return s;
	n = u8_next(&c, (const uint8_t *)s);
	return n != NULL ? (const char *)n : s + strlen(s);
}

/* Returns the bytes of the three characters at s, or 0. */
size_t
text_trigram(const char *s)
{
	const char *b = s;

	for (int k = 0; k < 3; k++) {
		if (*b == '\0')
			return 0;
		b = text_next_char(b);
	}
	return (size_t)(b - s);
}

/* Returns w without its character i, or NULL. */
char *
text_drop_char(const char *w, size_t i)
{
	const char *a = w, *b;
	char *out;

	for (size_t k = 0; k < i && *a != '\0'; k++)
		a = text_next_char(a);
	if (*a == '\0')
		return NULL;
	b = text_next_char(a);
	out = xmalloc(strlen(w) - (size_t)(b - a) + 1);
	memcpy(out, w, (size_t)(a - w));
	memcpy(out + (a - w), b, strlen(b) + 1);
	return out;
}
