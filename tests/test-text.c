/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-text.c - the text layer: cleaning, width, wrapping, fitting, folding.
 * Table-driven: each row is an input and what must come out.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text/text-search.h"
#include "text/text.h"

/* A no-break space, as data/build-db.py writes it between digits. */
#define NB "\xc2\xa0"

/* Widths: accents, combining marks, CJK, emoji, Arabic, Ethiopic. */
static void
test_width(void **state)
{
	static const struct {
		const char *s;
		int width;
	} rows[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "intégration", 11 },                  /* precomposed é */
		{ "inte\xcc\x81gration", 11 },           /* e + U+0301 */
		{ "日本語", 6 },                          /* wide */
		{ "😀", 2 },                              /* emoji */
		{ "مرحبا", 5 },                          /* Arabic */
		{ "ሰላም", 3 },                            /* Ethiopic */
		{ "Українська", 10 },                    /* Cyrillic */
		{ "a\xe2\x80\x8b" "b", 2 },              /* zero-width space */
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		assert_int_equal(text_width(rows[i].s), rows[i].width);
}

/* Cleaning: invalid UTF-8 and control characters. */
static void
test_clean(void **state)
{
	static const struct {
		const char *in;
		size_t n;
		const char *out;
	} rows[] = {
		{ "plain", 5, "plain" },
		{ "a\xff" "b", 3, "a\xef\xbf\xbd" "b" },        /* bad byte */
		{ "\xc3", 1, "\xef\xbf\xbd" },                  /* cut sequence */
		{ "\xed\xa0\x80", 3, "\xef\xbf\xbd" },      /* surrogate */
		{ "a\x1b[2Jb", 6, "a[2Jb" },                    /* escape */
		{ "a\tb", 3, "a b" },
		{ "a\nb", 3, "a\nb" },
		{ "x\xc2\x9by", 4, "xy" },                      /* C1 CSI */
		{ "a\0b", 3, "ab" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char *c = text_clean(rows[i].in, rows[i].n);

		assert_string_equal(c, rows[i].out);
		assert_true(text_is_clean(c, strlen(c)));
		free(c);
	}
	assert_false(text_is_clean("a\xff", 2));
}

/*
 * Checks wrapped lines against want, the lines separated by '|': each one's
 * width is right and, from a width of 2, within it.
 */
static void
check_lines(const struct text_lines *l, int width, const char *want)
{
	char joined[512] = "";

	for (size_t j = 0; j < l->n; j++) {
		if (j > 0)
			strcat(joined, "|");
		strcat(joined, l->v[j].s);
		assert_int_equal(l->v[j].width, text_width(l->v[j].s));
		if (width >= 2)
			assert_true(l->v[j].width <= width);
	}
	assert_string_equal(joined, want);
}

/* Wrapping: each row gives the lines expected, separated by '|'. */
static void
test_wrap(void **state)
{
	static const struct {
		const char *s;
		int width;
		const char *lines;
	} rows[] = {
		{ "", 10, "" },
		{ "un deux trois", 20, "un deux trois" },
		{ "un deux trois", 7, "un deux|trois" },
		{ "un deux trois", 5, "un|deux|trois" },
		{ "intégration sociale", 11, "intégration|sociale" },
		{ "inte\xcc\x81gration sociale", 11,
		  "inte\xcc\x81gration|sociale" },
		{ "abcdefghij", 4, "abcd|efgh|ij" },          /* longer than line */
		{ "日本語日本語", 5, "日本|語日|本語" },         /* never half a char */
		{ "😀😀😀", 3, "😀|😀|😀" },
		{ "a\nb c", 10, "a|b c" },                      /* forced break */
		{ "a\n\nb", 10, "a||b" },
		{ "mot   ", 10, "mot" },
		{ "ሰላም ለኩሉ", 4, "ሰላም|ለኩሉ" },
		{ "x", 0, "x" },                                /* width < 1 */
		/* French spacing as data/build-db.py stores it: no-break. */
		{ "a b rôle\xe2\x80\xaf»", 8, "a b|rôle\xe2\x80\xaf»" },   /* no lone » */
		{ "a « b c", 3, "a|« b|c" },                  /* no lone « */
		{ "a b c\xc2\xa0:", 5, "a b|c\xc2\xa0:" },
		{ "Rue Docteur Haibe 2, 5002 Saint-Servais", 20,
		  "Rue Docteur Haibe 2,|5002 Saint-Servais" },
		/* Number groups as data/build-db.py stores them: no-break. */
		{ "Sami – 081" NB "71" NB "35" NB "28.", 14,
		  "Sami –|081" NB "71" NB "35" NB "28." },
		{ "tél. 081" NB "71" NB "35" NB "28", 8,        /* too wide */
		  "tél.|081" NB "71" NB "3|5" NB "28" },
		{ "Namur, C.S.C.I.N., CSCIN", 14, "Namur,|C.S.C.I.N.,|CSCIN" },
		{ "écrire à info@cainamur.be", 18, "écrire à|info@cainamur.be" },
		{ "voir http://www.unia.be/fr/a-propos-dunia/que-se-passe", 24,
		  "voir http://www.unia.be/|fr/a-propos-dunia/|que-se-passe" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct text_lines l = { 0 };

		text_wrap(rows[i].s, rows[i].width, &l);
		check_lines(&l, rows[i].width, rows[i].lines);
		text_lines_free(&l);
	}
}

/* Invalid UTF-8, once cleaned, wraps without cutting a character. */
static void
test_wrap_invalid(void **state)
{
	char *c = text_clean("ab\xff\xfe" "cd\xc3", 7);
	struct text_lines l = { 0 };

	(void)state;
	text_wrap(c, 2, &l);
	for (size_t i = 0; i < l.n; i++)
		assert_true(text_is_clean(l.v[i].s, strlen(l.v[i].s)));
	assert_int_equal(l.n, 4);
	text_lines_free(&l);
	free(c);
}

/* Fitting to a width with an ellipsis. */
static void
test_fit(void **state)
{
	static const struct {
		const char *s;
		int width;
		const char *out;
	} rows[] = {
		{ "Accueil", 10, "Accueil" },
		{ "Accueil", 7, "Accueil" },
		{ "Accueil", 5, "Accu…" },
		{ "日本語", 4, "日…" },
		{ "日本語", 3, "日…" },
		{ "abc", 0, "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char *f = text_fit(rows[i].s, rows[i].width);

		assert_string_equal(f, rows[i].out);
		assert_true(text_width(f) <= (rows[i].width > 0 ? rows[i].width : 0));
		free(f);
	}
}

/* Folding for search: case, accents, compatibility forms, spaces. */
static void
test_fold(void **state)
{
	static const struct {
		const char *in;
		const char *out;
	} rows[] = {
		{ "Intégration", "integration" },
		{ "INTEGRATION", "integration" },
		{ "inte\xcc\x81gration", "integration" },
		{ "  Titre   de\tséjour ", "titre de sejour" },
		{ "d’intégration", "d'integration" },
		{ "Straße", "strasse" },
		{ "ﬁn", "fin" },                            /* ligature */
		{ "ＣＰＡＳ", "cpas" },                       /* full width */
		{ "Українська", "украінська" },            /* ї loses its marks */
		{ "bad\xff", "bad\xef\xbf\xbd" },
		{ "", "" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char *f = text_fold(rows[i].in);

		assert_string_equal(f, rows[i].out);
		free(f);
	}
}

/*
 * Visual order and joined Arabic letters, as FriBidi's own fribidi(1)
 * prints them for the same strings (less the filler it leaves after a
 * joined lam-alef).
 */
static void
test_visual(void **state)
{
	static const struct {
		const char *logical;
		bool rtl;
		const char *visual;
	} rows[] = {
		{ "", true, "" },
		{ "abc", false, "abc" },
		{ "abc", true, "abc" },
		{ "سلام", true, "ﻡﻼﺳ" },                        /* lam-alef joined */
		{ "مرحبا CAI 081" NB "71" NB "35" NB "28", true,
		  "CAI 081" NB "71" NB "35" NB "28 ﺎﺒﺣﺮﻣ" },
		{ "هاتف 081" NB "71" NB "35" NB "28.", true,
		  ".081" NB "71" NB "35" NB "28 ﻒﺗﺎﻫ" },
		{ "081" NB "71" NB "35" NB "28.", true,         /* line of its own */
		  ".081" NB "71" NB "35" NB "28" },
		{ "فارسی", true, "ﯽﺳﺭﺎﻓ" },                       /* Persian */
		/* Pashto: ښ has no joined forms, so it stands alone and its
		   neighbours do not reach for it: پ isolated, ت initial. */
		{ "پښتو", true, "ﻮﺗښﭖ" },
		{ "ګټه", true, "ﻩټګ" },        /* three letters, none joined */
		{ "info@cainamur.be بريد", true, "ﺪﻳﺮﺑ info@cainamur.be" },
		{ "مركز (CAI)", true, "(CAI) ﺰﻛﺮﻣ" },               /* mirrored */
		{ "ሰላም", false, "ሰላም" },                          /* Ethiopic */
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char *v = text_visual(rows[i].logical, rows[i].rtl);

		assert_string_equal(v, rows[i].visual);
		assert_int_equal(text_width(v), text_width(rows[i].visual));
		free(v);
	}
}

/*
 * Wrapped right-to-left text: the directions come from the whole paragraph,
 * so a bracket pair or a number cut by the wrapping keeps its direction
 * (reordered line by line, "contact)" would read "(contact").
 */
static void
test_wrap_visual(void **state)
{
	static const struct {
		const char *s;
		int width;
		const char *lines;
	} rows[] = {
		{ "", 10, "" },
		{ "منبع: seed 000 (cainamur.be, Le racisme vu par le CAI, "
		  "Personnes de contact)", 36,
		  "seed 000 (cainamur.be, Le :ﻊﺒﻨﻣ|"
		  "racisme vu par le CAI, Personnes de|contact)" },
		{ "هاتف 081" NB "71" NB "35" NB "28.", 13,
		  "ﻒﺗﺎﻫ|.081" NB "71" NB "35" NB "28" },
		{ "مركز العمل (CAI) في نامور", 12, "ﻞﻤﻌﻟﺍ ﺰﻛﺮﻣ|ﻲﻓ (CAI)|ﺭﻮﻣﺎﻧ" },
		{ "سلام\nሰላም", 10, "ﻡﻼﺳ|ሰላም" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct text_lines l = { 0 };

		text_wrap_visual(rows[i].s, rows[i].width, true, &l);
		check_lines(&l, rows[i].width, rows[i].lines);
		text_lines_free(&l);
	}
}

/* Excerpts: around the first word that starts with a searched word. */
static void
test_snippet(void **state)
{
	static const struct {
		const char *text;
		const char *word;
		int width;
		const char *out;
		const char *marked;
	} rows[] = {
		{ "Le logement est un droit.", "logement", 40,
		  "Le logement est un droit.", "logement" },
		{ "Le logement est un droit.", "log", 40,
		  "Le logement est un droit.", "logement" },
		{ "Un texte assez long avant le mot racisme et après lui.", "rac", 24,
		  "…le mot racisme et aprè…", "racisme" },
		{ "Rien à voir.", "zzz", 40, "Rien à voir.", NULL },
		{ "Lutte contre le RACISME", "racisme", 40,
		  "Lutte contre le RACISME", "RACISME" },
		/* List markers at the start of lines go; a dash inside stays. */
		{ "- 112 : urgences.\n\n- 101 : la police - 24 h.", "police", 60,
		  "112 : urgences. 101 : la police - 24 h.", "police" },
		{ "Intro.\n\u2022 un\n  \u2022 deux\n* trois", "deux", 40,
		  "Intro. un deux trois", "deux" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		struct text_tokens t;
		struct text_snippet sn;

		text_tokens(rows[i].word, 4, &t);
		text_snippet(rows[i].text, &t, rows[i].width, &sn);
		assert_string_equal(sn.s, rows[i].out);
		assert_true(text_width(sn.s) <= rows[i].width);
		if (rows[i].marked == NULL) {
			assert_int_equal(sn.nmarks, 0);
		} else {
			assert_true(sn.nmarks >= 1);
			assert_memory_equal(sn.s + sn.marks[0].start, rows[i].marked,
			                    strlen(rows[i].marked));
		}
		free(sn.s);
		text_tokens_free(&t);
	}
}

/* Splitting a folded query into words, as SQLite's unicode61 would. */
static void
test_tokens(void **state)
{
	struct text_tokens t;
	char long_word[200];

	(void)state;
	text_tokens("titre de sejour", 16, &t);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.v[1], "de");
	text_tokens_free(&t);
	text_tokens("\"near(a b)\" * ^title:x -- ' or 1=1", 16, &t);
	assert_int_equal(t.n, 8);      /* near a b title x or 1 1 */
	assert_string_equal(t.v[0], "near");
	assert_string_equal(t.v[3], "title");
	text_tokens_free(&t);
	text_tokens("  ()*  ", 16, &t);
	assert_int_equal(t.n, 0);
	text_tokens_free(&t);
	text_tokens("a b c d e f", 3, &t);
	assert_int_equal(t.n, 3);
	text_tokens_free(&t);
	memset(long_word, 'e', sizeof long_word - 1);
	long_word[sizeof long_word - 1] = '\0';
	text_tokens(long_word, 2, &t);
	assert_int_equal(t.n, 1);
	assert_int_equal(strlen(t.v[0]), 64);
	text_tokens_free(&t);
	text_tokens("مرحبا ትግርኛ", 4, &t);
	assert_int_equal(t.n, 2);
	text_tokens_free(&t);
}

/* Typed characters: not controls, surrogates or beyond U+10FFFF. */
static void
test_is_typed(void **state)
{
	static const struct { int c; bool typed; } rows[] = {
		{ 'a', true }, { ' ', true }, { 0xe9, true }, { 0x10ffff, true },
		{ 0x1b, false }, { 0x7f, false }, { 0x85, false }, { 0xd800, false },
		{ 0x110000, false }, { -1, false },
	};

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		if (text_is_typed(rows[i].c) != rows[i].typed)
			fail_msg("U+%04X: typed %d", (unsigned)rows[i].c, !rows[i].typed);
}

/* No-break spaces are written as plain ones for the terminal. */
/* A character decoded from its first bytes, as a key is read: whole,
   waiting for more, or no character at once. */
static void
test_decode(void **state)
{
	static const struct {
		const char *s;
		int len;
		uint32_t c;
	} cases[] = {
		{ "a", 1, 'a' },
		{ "\xc3\xa9", 2, 0xe9 },              /* é */
		{ "\xe1\x88\xb0x", 3, 0x1230 },      /* ሰ, and more after it */
		{ "\xf4\x8f\xbf\xbd", 4, 0x10fffd },
		{ "\xc3", 0, 0 },                      /* more bytes to come */
		{ "\xe1\x88", 0, 0 },
		{ "\xff", -1, 0xfffd },                /* never a character */
		{ "\x80", -1, 0xfffd },                /* a lone continuation */
		{ "\xc3" "2", -1, 0xfffd },            /* cut by a key */
		{ "\xed\xa0", -1, 0xfffd },            /* a surrogate's start */
		{ "\xc0\xaf", -1, 0xfffd },            /* overlong */
		{ "\xf4\x90", -1, 0xfffd },            /* past U+10FFFF */
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		uint32_t c = 0;
		int len = text_decode(cases[i].s, strlen(cases[i].s), &c);

		assert_int_equal(len, cases[i].len);
		if (len != 0)
			assert_int_equal(c, cases[i].c);
	}
	assert_int_equal(text_decode("", 0, &(uint32_t){ 0 }), 0);
}

static void
test_plain_spaces(void **state)
{
	char s[] = "a\xc2\xa0:\xe2\x80\xaf?\xc2\xbb \xc3\xa9";

	(void)state;
	text_plain_spaces(s);
	assert_string_equal(s, "a : ?\xc2\xbb \xc3\xa9");
}

/* For the Linux console, Arabic vowel marks and joiners go; the letters,
   the accents of precomposed French letters and the widths stay. */
static void
test_drop_marks(void **state)
{
	char ar[] = "كَتَبَ\u200cé";
	char kept[] = "كَتَبَ";

	(void)state;
	text_set_drop_marks(true);
	text_plain_spaces(ar);
	text_set_drop_marks(false);
	text_plain_spaces(kept);
	assert_string_equal(ar, "كتبé");
	assert_string_equal(kept, "كَتَبَ");
	assert_int_equal(text_width(ar), 4);
}

/* Typing and erasing characters in a bounded buffer. */
static void
test_append(void **state)
{
	char buf[8];
	size_t len = 0;

	(void)state;
	buf[0] = '\0';
	assert_true(text_append(buf, &len, 7, 'a'));
	assert_true(text_append(buf, &len, 7, 0xe9));     /* é */
	assert_true(text_append(buf, &len, 7, 0x65e5));   /* 日 */
	assert_string_equal(buf, "aé日");
	assert_false(text_append(buf, &len, 7, 0x65e5));  /* no room */
	assert_false(text_append(buf, &len, 7, 0x1b));    /* control */
	assert_false(text_append(buf, &len, 7, 0xd800)); /* surrogate */
	text_drop_last(buf, &len);
	assert_string_equal(buf, "aé");
	text_drop_last(buf, &len);
	text_drop_last(buf, &len);
	text_drop_last(buf, &len);
	assert_int_equal(len, 0);
	assert_string_equal(buf, "");
}

/* A paste appended whole characters at a time, controls dropped. */
static void
test_append_text(void **state)
{
	char buf[8];
	size_t len = 0;

	(void)state;
	buf[0] = '\0';
	assert_true(text_append_text(buf, &len, 7, "a\x1b\xc3\xa9"));
	assert_string_equal(buf, "a\xc3\xa9");
	/* 日 fits (3 bytes: 6), the next one does not: the first kept. */
	assert_false(text_append_text(buf, &len, 7, "\xe6\x97\xa5\xe6\x97\xa5"));
	assert_string_equal(buf, "a\xc3\xa9\xe6\x97\xa5");
	assert_int_equal(len, 6);
	assert_false(text_append_text(buf, &len, 7, "bc"));
	assert_string_equal(buf, "a\xc3\xa9\xe6\x97\xa5" "b");
}

/* Encodes code point c as UTF-8 into b (room for 5); returns b. */
static char *
utf8(unsigned c, char *b)
{
	if (c < 0x80) {
		b[0] = (char)c, b[1] = 0;
	} else if (c < 0x800) {
		b[0] = (char)(0xc0 | c >> 6), b[1] = (char)(0x80 | (c & 63));
		b[2] = 0;
	} else if (c < 0x10000) {
		b[0] = (char)(0xe0 | c >> 12);
		b[1] = (char)(0x80 | (c >> 6 & 63));
		b[2] = (char)(0x80 | (c & 63)), b[3] = 0;
	} else {
		b[0] = (char)(0xf0 | c >> 18);
		b[1] = (char)(0x80 | (c >> 12 & 63));
		b[2] = (char)(0x80 | (c >> 6 & 63));
		b[3] = (char)(0x80 | (c & 63)), b[4] = 0;
	}
	return b;
}

/* The text layer and the terminal agree on every code point: what
   text_clean keeps is measured as wcwidth (so ncurses) draws it, and the
   format characters the two disagree on (and the bidi controls) are gone. */
static void
test_width_agrees(void **state)
{
	static const unsigned gone[] = {
		0xad, 0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6dd, 0x70f,
		0x110bd, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067,
		0x2068, 0x2069, 0x200e, 0x200f, 0x61c, 0xfeff,
	};
	size_t bad = 0;
	char b[8];

	(void)state;
	for (size_t i = 0; i < sizeof gone / sizeof *gone; i++) {
		char *c;

		utf8(gone[i], b);
		c = text_clean(b, strlen(b));

		assert_string_equal(c, "");
		free(c);
		assert_true(text_is_invisible(gone[i]));
	}
	/* The joiners stay (Persian needs ZWNJ). */
	assert_false(text_is_invisible(0x200c));
	assert_false(text_is_invisible(0x200d));
	for (unsigned c = 0x20; c < 0x110000; c++) {
		char *k;
		int w;

		if (c >= 0xd800 && c < 0xe000)
			continue;
		utf8(c, b);
		k = text_clean(b, strlen(b));
		w = wcwidth((wchar_t)c);
		if (strcmp(k, b) == 0 && w >= 0 && text_width(k) != w) {
			if (bad++ < 5)
				print_error("U+%04X: text_width %d, wcwidth %d\n", c,
				            text_width(k), w);
		}
		free(k);
	}
	assert_int_equal(bad, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_width_agrees),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_invalid),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_append),
		cmocka_unit_test(test_append_text),
		cmocka_unit_test(test_visual),
		cmocka_unit_test(test_wrap_visual),
		cmocka_unit_test(test_snippet),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_is_typed),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_plain_spaces),
		cmocka_unit_test(test_drop_marks),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
