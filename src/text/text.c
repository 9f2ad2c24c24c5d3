/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * text.c - measuring, cleaning, wrapping and folding UTF-8 text with
 * libunistring (see text.h).
 */
#include "text/text.h"

#include <ctype.h>
#include <fribidi.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#include "common/xalloc.h"

/*
 * Returns true for a code point that must never reach the terminal: the
 * controls, and the format characters (soft hyphen, U+0600-0605, U+06DD,
 * U+070F, U+110BD, the bidi embeddings, overrides, isolates and marks...),
 * which libunistring measures as 0 columns where the C library, and so
 * ncurses, may draw 1, and which would let content reorder itself on the
 * screen. The joiners stay: Persian needs ZWNJ, emoji need ZWJ.
 */
static bool
is_control(ucs4_t c)
{
	if (c < 0xa0)
		return (c < 0x20 && c != '\n') || c >= 0x7f;
	return c != 0x200c && c != 0x200d &&
	       uc_is_general_category(c, UC_FORMAT);
}

/* Returns true for a code point text_clean removes. */
bool
text_is_invisible(uint32_t c)
{
	return is_control(c) && c != '\n';
}

/* Returns true when the n bytes at s are already clean. */
bool
text_is_clean(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	if (u8_check(p, n) != NULL)
		return false;
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc_unsafe(&c, p, end - p);

		if (is_control(c) || (c >= 0x80 &&
		    uc_is_general_category(c, UC_UNASSIGNED)))
			return false;
		p += len;
	}
	return true;
}

/* Returns valid UTF-8 without control characters made from s. */
char *
text_clean(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	char *out, *o;

	if (text_is_clean(s, n))
		return xstrndup(s, n);
	/* A bad byte becomes U+FFFD (3 bytes): at most 3 times longer. */
	out = o = xmalloc(3 * n + 1);
	while (p < end) {
		ucs4_t c;
		int len = u8_mbtouc(&c, p, end - p);

		p += len;
		if (c == '\t')
			c = ' ';
		if (is_control(c))
			continue;
		/* Unassigned: no terminal knows how wide it is. */
		if (uc_is_general_category(c, UC_UNASSIGNED))
			c = 0xfffd;
		o += u8_uctomb((uint8_t *)o, c, 6);
	}
	*o = '\0';
	return out;
}

/* Returns the width of n bytes of clean text at s. */
int
text_width_n(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	int w = 0;

	/* As ncurses will draw it: the C library's wcwidth, and
	   libunistring's only where the locale does not know (a C locale). */
	while (p < end) {
		ucs4_t c;
		int cw;

		p += u8_mbtouc(&c, p, end - p);
		cw = c < 0x80 ? (c >= 0x20 && c < 0x7f) : wcwidth((wchar_t)c);
		if (cw < 0)
			cw = uc_width(c, "UTF-8");
		w += cw < 0 ? 0 : cw;
	}
	return w;
}

/* Returns the width of clean text s in terminal columns. */
int
text_width(const char *s)
{
	return text_width_n(s, strlen(s));
}

/* Appends n bytes at s, of the given width, as one line. */
static void
lines_push(struct text_lines *out, const char *s, size_t n, int width)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 16;
		out->v = xreallocarray(out->v, out->cap, sizeof *out->v);
	}
	out->v[out->n].s = xstrndup(s, n);
	out->v[out->n].width = width;
	out->n++;
}

/* Frees the lines of l and empties it. */
void
text_lines_free(struct text_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].s);
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Appends s[a, b) without its trailing spaces as one line. */
static void
push_trimmed(struct text_lines *out, const char *s, size_t a, size_t b)
{
	while (b > a && s[b - 1] == ' ')
		b--;
	lines_push(out, s + a, b - a, text_width_n(s + a, b - a));
}

/*
 * No break after an opening guillemet: "« " is the one French spacing that
 * data/build-db.py does not store as a no-break space yet (the others are,
 * and need no rule here).
 */
static void
keep_guillemet_open(const char *s, size_t n, char *brk)
{
	for (size_t i = 2; i + 1 < n; i++)
		if (s[i] == ' ' && memcmp(s + i - 2, "\xc2\xab", 2) == 0)
			brk[i + 1] = UC_BREAK_PROHIBITED;
}

/*
 * Keeps what a visitor copies by hand in one piece: no break after a full
 * stop inside a word ("C.S.C.I.N.", "cainamur.be"), and inside an e-mail
 * or web address a break only after a "/", never at a hyphen that would
 * read as the end of a line.
 */
static void
keep_addresses_whole(const char *s, size_t n, char *brk)
{
	for (size_t a = 0, b; a < n; a = b + 1) {
		bool address;

		for (b = a; b < n && s[b] != ' '; b++)
			if (b > a && s[b - 1] == '.' && isalnum((unsigned char)s[b]))
				brk[b] = UC_BREAK_PROHIBITED;
		address = memchr(s + a, '@', b - a) != NULL ||
		          memmem(s + a, b - a, "://", 3) != NULL;
		for (size_t i = a + 1; address && i < b; i++)
			if (s[i - 1] != '/')
				brk[i] = UC_BREAK_PROHIBITED;
	}
}

/*
 * Wraps one paragraph (no newline) of n bytes into out. When starts is not
 * NULL, it receives the byte offset in s where each new line starts (room
 * for n + 1 offsets).
 */
static void
wrap_para(const char *s, size_t n, int width, struct text_lines *out,
          size_t *starts)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + n;
	char *brk;
	size_t start = 0, last = 0, k = 0;
	int w = 0;

	if (n == 0) {
		if (starts != NULL)
			starts[0] = 0;
		lines_push(out, "", 0, 0);
		return;
	}
	brk = xmalloc(n);
	u8_possible_linebreaks(u, n, "UTF-8", brk);
	keep_guillemet_open(s, n, brk);
	keep_addresses_whole(s, n, brk);
	for (const uint8_t *p = u, *q; p < end; p = q) {
		size_t i = p - u;
		int cw;

		q = u8_grapheme_next(p, end);
		if (q == NULL)
			q = end;
		cw = text_width_n((const char *)p, q - p);
		if (i > start && brk[i] == UC_BREAK_POSSIBLE)
			last = i;
		/* A space may hang past the end: the break comes after it. What
		   is left after a break may still be too wide: break again. */
		while (w + cw > width && i > start && !(*p == ' ' && q - p == 1)) {
			size_t cut = last > start ? last : i;

			if (starts != NULL)
				starts[k++] = start;
			push_trimmed(out, s, start, cut);
			start = cut;
			while (start < i && s[start] == ' ')
				start++;
			last = start;
			w = text_width_n(s + start, i - start);
		}
		w += cw;
	}
	/* Trailing spaces alone do not make a line. */
	if (start < n || out->n == 0) {
		if (starts != NULL)
			starts[k] = start;
		push_trimmed(out, s, start, n);
	}
	free(brk);
}

/* Returns s cut to width columns, with "…" when cut. */
char *
text_fit(const char *s, int width)
{
	const uint8_t *u = (const uint8_t *)s, *end = u + strlen(s), *p, *q;
	int w = 0;

	if (width < 1)
		return xstrdup("");
	if (text_width(s) <= width)
		return xstrdup(s);
	/* Keep one column for the ellipsis. */
	for (p = u; p < end; p = q) {
		int cw;

		q = u8_grapheme_next(p, end);
		if (q == NULL)
			q = end;
		cw = text_width_n((const char *)p, q - p);
		if (w + cw > width - 1)
			break;
		w += cw;
	}
	return xasprintf("%.*s…", (int)(p - u), s);
}

/* Returns the folded search form of s. */
char *
text_fold(const char *s)
{
	char *clean = text_clean(s, strlen(s));
	size_t n = 0;
	uint8_t *f = u8_casefold((const uint8_t *)clean, strlen(clean), NULL,
	                         UNINORM_NFKD, NULL, &n);
	char *out, *o;
	bool space = true;

	free(clean);
	if (f == NULL)
		xalloc_fail();
	out = o = xmalloc(n + 1);
	for (const uint8_t *p = f, *end = f + n; p < end;) {
		ucs4_t c;

		p += u8_mbtouc_unsafe(&c, p, end - p);
		if (uc_is_general_category(c, UC_CATEGORY_M))
			continue;
		if (c == 0x2019 || c == 0x2018 || c == 0x02bc)
			c = '\'';
		if (c == '\n' || uc_is_space(c)) {
			if (!space)
				*o++ = ' ';
			space = true;
			continue;
		}
		space = false;
		o += u8_uctomb((uint8_t *)o, c, 6);
	}
	if (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	free(f);
	return out;
}

static bool drop_marks;        /* text_set_drop_marks: a console */

/* Says whether text_plain_spaces also drops combining marks. */
void
text_set_drop_marks(bool on)
{
	drop_marks = on;
}

/* Returns the length of the combining mark or joiner at s, or 0. */
static int
mark_len(const char *s)
{
	ucs4_t c;
	int n = u8_mbtouc(&c, (const uint8_t *)s, strlen(s));

	if (c == 0x200C || c == 0x200D ||
	    uc_is_general_category(c, UC_NON_SPACING_MARK) ||
	    uc_is_general_category(c, UC_ENCLOSING_MARK))
		return n;
	return 0;
}

/* Writes the no-break spaces of s (U+00A0, U+202F) as plain spaces, in
   place; drops combining marks and joiners when asked. */
void
text_plain_spaces(char *s)
{
	char *w = s;

	for (const char *r = s; *r != '\0';) {
		int m = drop_marks && (unsigned char)*r >= 0xcc ? mark_len(r) : 0;

		if (m > 0) {
			r += m;
		} else if (memcmp(r, "\xc2\xa0", 2) == 0) {
			*w++ = ' ';
			r += 2;
		} else if (memcmp(r, "\xe2\x80\xaf", 3) == 0) {
			*w++ = ' ';
			r += 3;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
}

/* Returns true when c is a character a person types (no control, no
   surrogate, a code point). */
bool
text_is_typed(int c)
{
	return c >= 0x20 && c <= 0x10ffff && !(c >= 0x7f && c < 0xa0) &&
	       !(c >= 0xd800 && c < 0xe000) &&
	       !text_is_invisible((uint32_t)c);
}

/* Appends code point c to buf. */
bool
text_append(char *buf, size_t *len, size_t cap, int c)
{
	uint8_t tmp[6];
	int n;

	if (!text_is_typed(c))
		return false;
	n = u8_uctomb(tmp, (ucs4_t)c, sizeof tmp);
	if (n <= 0 || *len + (size_t)n > cap)
		return false;
	memcpy(buf + *len, tmp, (size_t)n);
	*len += (size_t)n;
	buf[*len] = '\0';
	return true;
}

/* Decodes the first character of s. */
int
text_decode(const char *s, size_t n, uint32_t *c)
{
	ucs4_t uc;
	int r = n > 0 ? u8_mbtoucr(&uc, (const uint8_t *)s, n) : -2;

	if (r == -2)
		return 0;
	if (r < 0) {
		*c = 0xfffd;
		return -1;
	}
	*c = uc;
	return r;
}

/* Appends the characters of s to buf while they fit. */
bool
text_append_text(char *buf, size_t *len, size_t cap, const char *s)
{
	const uint8_t *p = (const uint8_t *)s;
	ucs4_t c;
	int n;

	while (*p != '\0') {
		n = u8_mbtouc(&c, p, strlen((const char *)p));
		if (n <= 0)
			break;
		if (!text_append(buf, len, cap, (int)c) &&
		    text_is_typed((int)c))
			return false;   /* no room */
		p += n;
	}
	return true;
}

/* Removes the last character of buf. */
void
text_drop_last(char *buf, size_t *len)
{
	const uint8_t *start = (const uint8_t *)buf, *prev;
	ucs4_t c;

	prev = u8_prev(&c, start + *len, start);
	*len = prev ? (size_t)(prev - start) : 0;
	buf[*len] = '\0';
}


#define BIDI_FLAGS (FRIBIDI_FLAGS_DEFAULT | FRIBIDI_FLAGS_ARABIC)

/* Returns true when FriBidi has joined forms for joining letter c: three
   of them in a row change shape. */
static bool
has_forms(FriBidiChar c)
{
	FriBidiChar str[3] = { c, c, c };
	FriBidiCharType types[3];
	FriBidiLevel levels[3] = { 1, 1, 1 };
	FriBidiArabicProp joining[3];

	fribidi_get_bidi_types(str, 3, types);
	fribidi_get_joining_types(str, 3, joining);
	fribidi_join_arabic(types, 3, levels, joining);
	fribidi_shape(BIDI_FLAGS, levels, 3, joining, str);
	return str[0] != c || str[1] != c || str[2] != c;
}

/*
 * Makes the letters that have no joined forms in Unicode (ten Pashto
 * letters: ټ ځ څ ډ ړ ږ ښ ګ ڼ ۍ) non-joining, so that they stand alone,
 * whole, and the letters beside them take the forms that do not reach
 * for them: no letter is dropped or replaced, and no join is drawn that
 * is not there. A terminal that shapes by itself (--terminal-bidi) joins
 * them all.
 */
static void
unjoin_formless(const FriBidiChar *str, size_t len, FriBidiArabicProp *joining)
{
	/* For the Arabic block: 0 not known yet, 1 has forms, 2 has none. */
	static unsigned char arabic[256];

	for (size_t i = 0; i < len; i++) {
		FriBidiChar c = str[i];
		bool formless;

		if (joining[i] != FRIBIDI_JOINING_TYPE_D &&
		    joining[i] != FRIBIDI_JOINING_TYPE_R &&
		    joining[i] != FRIBIDI_JOINING_TYPE_L)
			continue;
		if (c >= 0x600 && c <= 0x6ff) {
			if (arabic[c - 0x600] == 0)
				arabic[c - 0x600] = has_forms(c) ? 1 : 2;
			formless = arabic[c - 0x600] == 2;
		} else {
			formless = !has_forms(c);
		}
		if (formless)
			joining[i] = FRIBIDI_JOINING_TYPE_U;
	}
}

/*
 * Appends, in visual order, the nl lines of the paragraph s of n clean
 * bytes: line i is lines[i], which starts at byte starts[i] of s. The
 * directions are resolved over the whole paragraph, then each line is
 * reordered on its own (Unicode bidi, UAX #9 3.4), so that a bracket pair
 * or a sentence cut by the wrapping keeps its direction.
 */
static void
visual_lines(const char *s, size_t n, const size_t *starts,
             const struct text_line *lines, size_t nl, bool rtl,
             struct text_lines *out)
{
	size_t len = 0;
	uint32_t *logical = u8_to_u32((const uint8_t *)s, n, NULL, &len);
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	FriBidiCharType *types;
	FriBidiBracketType *brackets;
	FriBidiLevel *levels;
	FriBidiArabicProp *joining;
	FriBidiChar *visual;
	bool ok;

	if (logical == NULL)
		xalloc_fail();
	types = xcalloc(len + 1, sizeof *types);
	brackets = xcalloc(len + 1, sizeof *brackets);
	levels = xcalloc(len + 1, sizeof *levels);
	joining = xcalloc(len + 1, sizeof *joining);
	visual = xcalloc(len + 1, sizeof *visual);
	memcpy(visual, logical, len * sizeof *visual);
	fribidi_get_bidi_types(logical, (FriBidiStrIndex)len, types);
	fribidi_get_bracket_types(logical, (FriBidiStrIndex)len, types, brackets);
	ok = fribidi_get_par_embedding_levels_ex(types, brackets,
	                                         (FriBidiStrIndex)len, &base,
	                                         levels) != 0;
	if (ok) {
		/* Arabic letters take their joined forms, brackets mirror. */
		fribidi_get_joining_types(logical, (FriBidiStrIndex)len, joining);
		unjoin_formless(logical, len, joining);
		fribidi_join_arabic(types, (FriBidiStrIndex)len, levels, joining);
		fribidi_shape(BIDI_FLAGS, levels, (FriBidiStrIndex)len, joining,
		              visual);
	}
	for (size_t i = 0, off = 0; i < nl; i++) {
		size_t cn = u8_mbsnlen((const uint8_t *)lines[i].s,
		                       strlen(lines[i].s));
		size_t k = 0, m = 0;
		uint8_t *u8;

		/* Characters before the line: counted on from the last one's
		   start, so that a long paragraph costs its length once. */
		if (i > 0)
			off += u8_mbsnlen((const uint8_t *)s + starts[i - 1],
			                  starts[i] - starts[i - 1]);
		else
			off = u8_mbsnlen((const uint8_t *)s, starts[0]);

		if (off + cn > len)
			cn = off < len ? len - off : 0;
		/* Left in logical order if FriBidi fails (out of memory). */
		if (ok && cn > 0 &&
		    fribidi_reorder_line(BIDI_FLAGS, types, (FriBidiStrIndex)cn,
		                         (FriBidiStrIndex)off, base, levels,
		                         visual, NULL) == 0)
			memcpy(visual + off, logical + off, cn * sizeof *visual);
		/* A joined lam-alef leaves a filler behind: drop it. */
		for (size_t j = off; j < off + cn; j++)
			if (visual[j] != 0xfeff)
				visual[off + k++] = visual[j];
		u8 = u32_to_u8(visual + off, k, NULL, &m);
		if (u8 == NULL && k > 0)
			xalloc_fail();
		lines_push(out, (const char *)u8, m, text_width_n((const char *)u8, m));
		free(u8);
	}
	free(visual);
	free(joining);
	free(levels);
	free(brackets);
	free(types);
	free(logical);
}

/*
 * Wraps clean text s to width columns, paragraph by paragraph, and appends
 * the lines to out: in visual order for base direction rtl when visual.
 */
static void
wrap_text(const char *s, int width, bool visual, bool rtl,
          struct text_lines *out)
{
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);

		if (visual) {
			struct text_lines para = { 0 };
			size_t *starts = xcalloc(n + 1, sizeof *starts);

			wrap_para(s, n, width, &para, starts);
			visual_lines(s, n, starts, para.v, para.n, rtl, out);
			text_lines_free(&para);
			free(starts);
		} else {
			wrap_para(s, n, width, out, NULL);
		}
		if (nl == NULL)
			break;
		s = nl + 1;
	}
}

/* Returns true when s holds right-to-left letters or Arabic digits. */
bool
text_has_rtl(const char *s)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + strlen(s);

	while (p < end) {
		ucs4_t c;
		FriBidiCharType t;

		/* Nothing before U+0590 is right to left: skip it fast. */
		if (*p < 0xd6) {
			p++;
			continue;
		}
		p += u8_mbtouc(&c, p, end - p);
		t = fribidi_get_bidi_type(c);
		if (FRIBIDI_IS_RTL(t) || FRIBIDI_IS_ARABIC(t))
			return true;
	}
	return false;
}

/* Returns one line of s in visual order, shaped. */
char *
text_visual(const char *s, bool rtl)
{
	struct text_lines one = { 0 };
	struct text_line line = { (char *)s, 0 };
	size_t start = 0;
	char *r;

	visual_lines(s, strlen(s), &start, &line, 1, rtl, &one);
	r = one.v[0].s;
	free(one.v);
	return r;
}

/* Wraps clean text s to width columns and appends the lines to out. */
void
text_wrap(const char *s, int width, struct text_lines *out)
{
	wrap_text(s, width, false, false, out);
}

/* Wraps clean text s to width columns, each line in visual order. */
void
text_wrap_visual(const char *s, int width, bool rtl, struct text_lines *out)
{
	wrap_text(s, width, true, rtl, out);
}
