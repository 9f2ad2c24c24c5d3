/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-page.c - a page or a contact card: wrapped text that scrolls, with
 * its "see also" links numbered at the end. The text is laid out again for
 * every new width, keeping the paragraph at the top of the window in view.
 * 8 and 9 scroll it a screenful, so its links are numbered 1 to 7, then 01
 * to 09 (keys.h); a link's number works only while it is on the screen.
 */
#include "ui/screen-page.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "model/qr.h"
#include "model/speech.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/load.h"
#include "ui/put.h"
#include "ui/term.h"

/* One laid-out line: an optional prefix (label, bullet, number), then text. */
struct pline {
	char *prefix;
	enum term_style pstyle;
	int indent;             /* columns before the text */
	char *text;
	enum term_style style;
	size_t para;            /* the paragraph it comes from */
	long link;              /* the link it opens, or -1 */
	bool rtl;               /* written right to left */
};

struct page {
	struct screen base;
	struct model_view *v;
	struct model_view *fr;  /* the French original, shown under v, or NULL */
	/* Makes the view of a page that is no node (help), or NULL. */
	struct model_view *(*make)(const struct app *app);
	struct pline *l;
	size_t n, cap;
	int width;              /* the width the lines were laid out for */
	bool ltr;               /* lines being added read left to right */
	bool show_french;       /* scroll to the French once laid out */
	size_t top;             /* the first line shown */
	int row0;               /* the screen row of line top */
	int rows;               /* how many rows were shown */
	struct text_tokens find;        /* the words searched for: marked */
	bool to_match;          /* scroll to the first of them once laid out */
	bool spoke;             /* this page started a reading aloud */
};

/* What a page's own keys do. */
enum page_act { P_UP, P_DOWN, P_PGUP, P_PGDN, P_TOP, P_END, P_NUMBER,
                P_ZERO, P_CLICK, P_FRENCH, P_LISTEN, P_SKIP, P_QR };

/* The page's own keys (the rest are the global ones of app.c). */
static const struct keys_bind page_keys[] = {
	{ AK_UP, P_UP, KEYS_SCROLL },
	{ AK_SCROLL_UP, P_UP, KEYS_MOUSE },
	{ AK_DOWN, P_DOWN, KEYS_SCROLL },
	{ AK_SCROLL_DOWN, P_DOWN, KEYS_MOUSE },
	{ AK_ENTER, P_DOWN, KEYS_OPEN },
	{ AK_PGUP, P_PGUP, KEYS_PAGE },
	{ '8', P_PGUP, KEYS_DIGIT_SCROLL },
	{ AK_PGDN, P_PGDN, KEYS_PAGE },
	{ ' ', P_PGDN, KEYS_PAGE },
	{ '9', P_PGDN, KEYS_DIGIT_SCROLL },
	{ AK_HOME, P_TOP, KEYS_PAGE },
	{ AK_END, P_END, KEYS_PAGE },
	{ AK_DIGIT, P_NUMBER, KEYS_PICK },
	{ '0', P_ZERO, KEYS_BACK },
	{ AK_MOUSE, P_CLICK, KEYS_MOUSE },
	{ 'f', P_FRENCH, KEYS_FRENCH },
	{ 'F', P_FRENCH, KEYS_FRENCH },
	{ 's', P_LISTEN, KEYS_LISTEN },
	{ 'S', P_LISTEN, KEYS_LISTEN },
	{ 'p', P_SKIP, KEYS_SKIP },
	{ 'P', P_SKIP, KEYS_SKIP },
	{ 'c', P_QR, KEYS_QR },
	{ 'C', P_QR, KEYS_QR },
};

const struct keys_binds screen_page_keys = {
	"page", page_keys, sizeof page_keys / sizeof *page_keys
};

/*
 * Appends one line. prefix and text are copied; text is empty or a line of
 * ui_wrap for this page's direction (use add_wrapped for any other text).
 */
static void
add(struct page *p, const char *prefix, enum term_style pstyle, int indent,
    const char *text, enum term_style style, size_t para, long link)
{
	struct pline *l;

	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->l = xreallocarray(p->l, p->cap, sizeof *p->l);
	}
	l = &p->l[p->n++];
	l->prefix = xstrdup(prefix);
	l->pstyle = pstyle;
	l->indent = indent;
	l->text = xstrdup(text);
	l->style = style;
	l->para = para;
	l->link = link;
	l->rtl = i18n_rtl() && !p->ltr;
}

/* Wraps text into lines after a prefix of indent columns. */
static void
add_wrapped(struct page *p, const char *prefix, enum term_style pstyle,
            int indent, const char *text, enum term_style style, size_t para,
            long link, int width)
{
	struct text_lines w = { 0 };

	ui_wrap(text, width - indent, i18n_rtl() && !p->ltr, &w);
	for (size_t i = 0; i < w.n; i++)
		add(p, i == 0 ? prefix : NULL, pstyle, indent, w.v[i].s, style,
		    para, link);
	text_lines_free(&w);
}

/* Frees the laid-out lines. */
static void
clear_lines(struct page *p)
{
	for (size_t i = 0; i < p->n; i++) {
		free(p->l[i].prefix);
		free(p->l[i].text);
	}
	p->n = 0;
}

/* Returns the widest field label of the view, in columns. */
static int
label_width(const struct model_view *v)
{
	int max = 0;

	for (size_t i = 0; i < v->npara; i++)
		if (v->para[i].label != NULL && text_width(v->para[i].label) > max)
			max = text_width(v->para[i].label);
	return max;
}

/*
 * Lays out the paragraphs of v for width columns, numbered from para0, left
 * to right whatever the language when ltr.
 */
static void
layout_paras(struct page *p, const struct model_view *v, int width,
             size_t para0, bool ltr)
{
	int lw = label_width(v) + 2;
	bool side = lw <= width / 2;    /* labels beside values, or above */

	for (size_t n = 0; n < v->npara; n++) {
		size_t i = para0 + n;
		const struct model_para *q = &v->para[n];
		enum term_style vs = q->style == MODEL_UNKNOWN ? TS_UNKNOWN : TS_NORMAL;

		/* French shown for want of a translation reads left to right. */
		p->ltr = ltr || (v->text_fallback && (q->style == MODEL_TEXT ||
		         q->style == MODEL_ITEM || q->style == MODEL_HEADING));

		switch (q->style) {
		case MODEL_FIELD:
		case MODEL_UNKNOWN:
			if (side) {
				add_wrapped(p, q->label, TS_LABEL, lw, q->text, vs, i, -1,
				            width);
			} else {
				add(p, q->label, TS_LABEL, 0, "", TS_NORMAL, i, -1);
				add_wrapped(p, NULL, TS_NORMAL, 2, q->text, vs, i, -1,
				            width);
			}
			/* Fields follow each other without blank lines. */
			if (n + 1 < v->npara && (v->para[n + 1].style == MODEL_FIELD ||
			                         v->para[n + 1].style == MODEL_UNKNOWN))
				continue;
			break;
		case MODEL_ITEM:
			add_wrapped(p, "•", TS_NUMBER, 2, q->text, TS_NORMAL, i, -1,
			            width);
			/* A list has no blank lines inside. */
			if (n + 1 < v->npara && v->para[n + 1].style == MODEL_ITEM)
				continue;
			break;
		case MODEL_HEADING:
			add_wrapped(p, NULL, TS_NORMAL, 0, q->text, TS_HEADING, i, -1,
			            width);
			break;
		case MODEL_WARNING:
			add_wrapped(p, "!", TS_MARK, 2, q->text, TS_MARK, i, -1, width);
			break;
		case MODEL_NOTE:
			add_wrapped(p, NULL, TS_NORMAL, 0, q->text, TS_NOTE, i, -1,
			            width);
			if (n + 1 < v->npara && v->para[n + 1].style == MODEL_NOTE)
				continue;
			break;
		case MODEL_TEXT:
			add_wrapped(p, NULL, TS_NORMAL, 0, q->text, TS_NORMAL, i, -1,
			            width);
			break;
		}
		add(p, NULL, TS_NORMAL, 0, "", TS_NORMAL, i, -1);
	}
	p->ltr = false;
}

/* Lays the page out for width columns: the view, its links, the French. */
static void
layout(struct page *p, int width)
{
	const struct model_view *v = p->v;

	clear_lines(p);
	p->width = width;
	if (v->text_fallback) {
		/* TRANSLATORS: above a text shown in French for want of a
		   translation. */
		add_wrapped(p, NULL, TS_NORMAL, 0, _("Ce texte n'est pas encore "
		            "traduit : le voici en français."), TS_MARK, 0, -1,
		            width);
		add(p, NULL, TS_NORMAL, 0, "", TS_NORMAL, 0, -1);
	}
	layout_paras(p, v, width, 0, false);
	if (v->entries.n > 0) {
		/* TRANSLATORS: heading of the links at the end of a page. */
		add_wrapped(p, NULL, TS_NORMAL, 0, _("Voir aussi"), TS_HEADING,
		            v->npara, -1, width);
		for (size_t i = 0; i < v->entries.n; i++) {
			char num[4];

			keys_number(i, KEYS_PAGE_ONES, num);
			if (num[0] == '\0')
				break;
			add_wrapped(p, num, TS_NUMBER, 4, v->entries.v[i].title,
			            TS_NORMAL, v->npara, (long)i, width);
		}
		add(p, NULL, TS_NORMAL, 0, "", TS_NORMAL, v->npara, -1);
	}
	if (p->fr != NULL) {
		/* The French is written left to right, whatever the language. */
		p->ltr = true;
		add_wrapped(p, NULL, TS_NORMAL, 0, p->fr->title, TS_HEADING,
		            v->npara + 1, -1, width);
		add(p, NULL, TS_NORMAL, 0, "", TS_NORMAL, v->npara + 1, -1);
		layout_paras(p, p->fr, width, v->npara + 2, true);
	}
	while (p->n > 0 && p->l[p->n - 1].text[0] == '\0' &&
	       p->l[p->n - 1].prefix == NULL)
		free(p->l[--p->n].text);
}

/* Returns the first line to show at most, for rows rows. */
static size_t
max_top(const struct page *p, int rows)
{
	return p->n > (size_t)rows ? p->n - (size_t)rows : 0;
}

/* Returns true when the page has a French original to show beside it. */
static bool
has_french(const struct page *p)
{
	return p->make == NULL && strcmp(i18n_lang(), "fr") != 0;
}

/* Shows or hides the French original under the text. */
static int
toggle_french(struct page *p, struct app *app)
{
	if (!has_french(p))
		return APP_HANDLED;
	if (p->fr != NULL) {
		p->fr = ui_view_free(p->fr);
	} else {
		/* Labels, headings and "ask at the desk" too: the view is
		   made in French throughout (model_view_load's lang). */
		p->fr = ui_load(app, p->v->id, "fr");
		p->show_french = p->fr != NULL;
	}
	p->width = 0;   /* lay out again */
	return APP_REDRAW;
}

/* Reads the page aloud, or stops the reading. */
static int
read_aloud(struct page *p, struct app *app)
{
	const char *voice = speech_voice(i18n_lang());
	char *text;

	if (speech_busy()) {
		speech_stop();
		return APP_HANDLED;
	}
	if (voice == NULL) {
		/* TRANSLATORS: for a language espeak-ng cannot speak. */
		app_set_message(app, _("La lecture à voix haute n'existe pas "
		                       "encore dans cette langue."));
		return APP_REDRAW;
	}
	text = speech_text(p->v);
	/* A failure is said on the page's last line (page_draw). */
	if (speech_start(text, voice) != 0 && !speech_failed())
		app_set_message(app, _("La lecture à voix haute ne fonctionne pas "
		                       "pour le moment."));
	else
		p->spoke = true;
	free(text);
	return APP_REDRAW;
}

/*
 * Returns the line of the first word searched for: the first line of the
 * first paragraph of the page (title aside) that holds one, or the line
 * itself when it reads left to right. 0 when none does.
 */
static size_t
first_match_line(const struct page *p)
{
	struct text_mark m;

	for (size_t k = 0; k < p->n; k++) {
		const struct pline *l = &p->l[k];
		size_t para = l->para;

		if (!l->rtl && text_marks(l->text, &p->find, &m, 1) > 0)
			return k;
		/* A right-to-left line is in visual order: its paragraph
		   says. */
		if (l->rtl && (k == 0 || p->l[k - 1].para != para) &&
		    para < p->v->npara &&
		    text_marks(p->v->para[para].text, &p->find, &m, 1) > 0)
			return k;
	}
	return 0;
}

/* Draws the page. */
static void
page_draw(struct screen *s, struct app *app)
{
	struct page *p = (struct page *)s;
	enum keys_action extra[4], keys[12];
	struct ui_area a;
	size_t nextra = 0, nkeys;
	bool reading = p->make == NULL && speech_busy();
	int x;

	/* A contact with neither phone nor e-mail has no code to show. */
	if (qr_wanted(p->v))
		extra[nextra++] = KEYS_QR;
	/* No s where the language has no voice: the help says why. */
	if (speech_available() && p->make == NULL &&
	    speech_voice(i18n_lang()) != NULL)
		extra[nextra++] = KEYS_LISTEN;
	if (reading)
		extra[nextra++] = KEYS_SKIP;
	if (has_french(p))
		extra[nextra++] = KEYS_FRENCH;
	nkeys = ui_common_keys(app, extra, nextra, keys, 11);
	keys[nkeys++] = KEYS_SCROLL;
	ui_frame(app, p->v, keys, nkeys, &a);
	if (reading && a.h > 1) {
		/* The last row of the text says that it reads, and how to
		   stop, in the visitor's language. */
		a.h--;
		/* TRANSLATORS: while a page is read aloud; s is the key that
		   stops it (keep the letter). */
		ui_put(&a, a.y + a.h, 0, a.w, _("Lecture… appuyez sur s pour "
		                                "arrêter."), TS_MARK);
	} else if (p->make == NULL && speech_failed() && a.h > 1) {
		/* espeak-ng failed, or no sound goes anywhere. */
		a.h--;
		/* TRANSLATORS: on a page, after s, when espeak-ng failed or
		   the machine has no sound output. */
		ui_put(&a, a.y + a.h, 0, a.w, _("La lecture à voix haute n'est "
		                                "pas disponible ici."), TS_MARK);
	}
	if (a.w != p->width) {
		/* Keep the paragraph at the top in view across a resize or a
		   change of language: the first one with text from the top. */
		size_t k = p->top, para = 0;

		while (k + 1 < p->n && p->l[k].text[0] == '\0' &&
		       p->l[k].prefix == NULL)
			k++;
		if (k < p->n)
			para = p->l[k].para;

		layout(p, a.w);
		/* The French was just asked for: show it. */
		if (p->show_french)
			para = p->v->npara + 1;
		p->show_french = false;
		p->top = 0;
		while (p->top + 1 < p->n && p->l[p->top].para < para)
			p->top++;
		/* Opened from a search: the first match, a line below the top
		   (the line before it says where it is). */
		if (p->to_match) {
			size_t hit = first_match_line(p);

			p->top = hit > 0 ? hit - 1 : 0;
			p->to_match = false;
		}
	}
	if (p->top > max_top(p, a.h))
		p->top = max_top(p, a.h);
	/* 8 and 9 scroll a page longer than the screen: the bar says so. */
	if (max_top(p, a.h) > 0)
		ui_frame_key(KEYS_DIGIT_SCROLL);
	p->row0 = a.y;
	p->rows = a.h;
	s->zero_waits = false;
	for (int r = 0; r < a.h && p->top + (size_t)r < p->n; r++) {
		const struct pline *l = &p->l[p->top + (size_t)r];
		enum term_style ps = l->pstyle;

		/* A link numbered 01-09 on the screen: a 0 waits for its
		   second digit, and those numbers stand out while it does. */
		if (l->link >= 0 && l->prefix != NULL &&
		    keys_two_digits((size_t)l->link, KEYS_PAGE_ONES)) {
			s->zero_waits = true;
			ps = app->zero_waits ? TS_MATCH : ps;
		}
		if (l->prefix != NULL)
			ui_put_dir(&a, a.y + r, 0, l->indent ? l->indent - 1 : a.w,
			           l->prefix, ps, l->rtl);
		ui_put_line_find(&a, a.y + r, l->indent, a.w - l->indent, l->text,
		                 &p->find, l->style, TS_MATCH, l->rtl);
	}
	/* The scroll marks go just outside the text, on its end side. */
	x = i18n_rtl() ? a.x - 2 : a.x + a.w + 1;
	if (p->top > 0)
		term_put(a.y, x, 1, "▲", TS_NUMBER);
	if (p->top < max_top(p, a.h))
		term_put(a.y + a.h - 1, x, 1, "▼", TS_NUMBER);
}

/* Scrolls to line top, kept within the text. */
static int
scroll_to(struct page *p, long top)
{
	size_t max = max_top(p, p->rows > 0 ? p->rows : 1);
	size_t t = top < 0 ? 0 : (size_t)top > max ? max : (size_t)top;

	if (t == p->top)
		return APP_HANDLED;
	p->top = t;
	return APP_REDRAW;
}

/* Opens link i. */
static int
open_link(struct app *app, struct page *p, size_t i)
{
	if (i >= p->v->entries.n)
		return APP_HANDLED;
	app_open(app, p->v->entries.v[i].id);
	return APP_REDRAW;
}

/* Returns true when the number of link i is on the screen. */
static bool
link_shown(const struct page *p, long i)
{
	for (size_t k = p->top; k < p->n && k < p->top + (size_t)p->rows; k++)
		if (p->l[k].link == i && p->l[k].prefix != NULL)
			return true;
	return false;
}

/* Handles a key on a page. */
static int
page_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	struct page *p = (struct page *)s;
	long top = (long)p->top, page = p->rows > 1 ? p->rows - 1 : 1, i;

	switch (KEYS_BOUND(page_keys, ev->key)) {
	case P_UP:
		return scroll_to(p, top - 1);
	case P_DOWN:
		return scroll_to(p, top + 1);
	case P_PGUP:
		return scroll_to(p, top - page);
	case P_PGDN:
		return scroll_to(p, top + page);
	case P_TOP:
		return scroll_to(p, 0);
	case P_END:
		return scroll_to(p, (long)p->n);
	case P_NUMBER:
		/* Only a link whose number is on the screen. */
		i = app_number(app, ev->key, KEYS_PAGE_ONES);
		return i >= 0 && link_shown(p, i) ? open_link(app, p, (size_t)i)
		                                  : APP_REDRAW;
	case P_ZERO:
		return s->zero_waits ? app_zero_wait(app) : APP_IGNORED;
	case P_CLICK:
		i = top + (ev->y - p->row0);
		if (ev->y >= p->row0 && ev->y < p->row0 + p->rows &&
		    i < (long)p->n && p->l[i].link >= 0)
			return open_link(app, p, (size_t)p->l[i].link);
		return APP_HANDLED;
	case P_FRENCH:
		return toggle_french(p, app);
	case P_LISTEN:
		return speech_available() && p->make == NULL
		       ? read_aloud(p, app) : APP_IGNORED;
	case P_SKIP:
		if (p->make != NULL || !speech_busy())
			return APP_IGNORED;
		speech_skip();
		return APP_REDRAW;
	case P_QR:
		if (!qr_wanted(p->v))
			return APP_IGNORED;
		app_open_screen(app, APP_SCREEN_QR, p->v->id);
		return APP_REDRAW;
	default:
		return APP_IGNORED;
	}
}

/* Stops the reading this page started: the visitor leaves it. */
static void
page_leave(struct screen *s, struct app *app)
{
	struct page *p = (struct page *)s;

	(void)app;
	if (p->spoke)
		speech_stop();
	p->spoke = false;
}

/* Marks the words searched for, and shows the first of them. */
static void
page_mark(struct screen *s, const struct text_tokens *words)
{
	struct page *p = (struct page *)s;

	if (words->n == 0)
		return;
	text_tokens_free(&p->find);
	text_tokens_copy(words, &p->find);
	p->to_match = true;
	p->width = 0;   /* lay out again, then scroll there */
}

/* Frees the page. */
static void
page_free(struct screen *s)
{
	struct page *p = (struct page *)s;

	clear_lines(p);
	free(p->l);
	ui_view_free(p->v);
	ui_view_free(p->fr);
	text_tokens_free(&p->find);
	free(p);
}

/* Shows the page again in the language now chosen, at the same place. */
static void
page_reload(struct screen *s, struct app *app)
{
	struct page *p = (struct page *)s;
	struct model_view *v = p->make != NULL ? p->make(app)
	                       : ui_load(app, p->v->id, i18n_lang());

	if (!ui_view_replace(&p->v, v))
		return;
	if (!has_french(p))
		p->fr = ui_view_free(p->fr);
	p->width = 0;   /* lay out again, keeping the paragraph at the top */
}

static const struct screen_ops page_ops = {
	.draw = page_draw,
	.key = page_key,
	.reload = page_reload,
	.leave = page_leave,
	.mark = page_mark,
	.free = page_free,
};

/* Returns a new page screen showing v (taken), the view of node id. */
struct screen *
screen_page_new(struct app *app, const char *id, struct model_view *v)
{
	struct page *p;

	(void)id;
	if (v == NULL)
		return NULL;
	p = xcalloc(1, sizeof *p);
	p->base.ops = &page_ops;
	p->v = v;
	(void)app;
	return &p->base;
}

/* Returns a new page screen showing the view make(app) makes. */
struct screen *
screen_page_made(struct app *app,
                 struct model_view *(*make)(const struct app *app))
{
	struct page *p = (struct page *)screen_page_new(app, NULL, make(app));

	p->make = make;
	return &p->base;
}
