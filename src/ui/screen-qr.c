/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-qr.c - a QR code to take a contact away, drawn with half blocks
 * (two module rows a text row), dark on light whatever the theme, with its
 * quiet zone of four modules; in the frame when it fits there, else over
 * the screen but the key bar. When the window is too small, it says so.
 */
#include "ui/screen-qr.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "model/qr.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/load.h"
#include "ui/put.h"

struct qrs {
	struct screen base;
	struct model_view *v;   /* the contact: its title and path */
	struct qr code;
	bool ok;
};

/* Draws the modules of the code from row y, column x, a module two full
   blocks (what the console fonts have: 450 of Debian's 456 have █, 139
   have ▀ ▄). */
static void
draw_code_console(const struct qr *code, int y, int x)
{
	for (int r = 0; r < code->size; r++)
		for (int c = 0; c < code->size; c++)
			term_put(y + r, x + 2 * c, 2,
			         code->dark[r * code->size + c] ? "██" : "  ",
			         TS_QR);
}

/* Draws the modules of the code from row y, column x, two rows a line. */
static void
draw_code(const struct qr *code, int y, int x)
{
	static const char *const glyph[4] = { " ", "▀", "▄", "█" };
	int n = code->size, rows = (n + 1) / 2;

	for (int r = 0; r < rows; r++)
		for (int c = 0; c < n; c++) {
			int top = code->dark[2 * r * n + c];
			int bottom = 2 * r + 1 < n
			             ? code->dark[(2 * r + 1) * n + c] : 0;

			term_put(y + r, x + c, 1, glyph[top | bottom << 1],
			         TS_QR);
		}
}

/* Writes text wrapped in area a from row y in style st; returns the row
   after it. */
static int
draw_wrapped(const struct ui_area *a, int y, const char *text,
             enum term_style st)
{
	struct text_lines l = { 0 };

	ui_wrap(text, a->w, i18n_rtl(), &l);
	for (size_t i = 0; i < l.n && y < a->y + a->h; i++, y++)
		ui_put_line(a, y, 0, a->w, l.v[i].s, st, i18n_rtl());
	text_lines_free(&l);
	return y;
}

/*
 * Beside a code drawn without the frame: the contact's name, what to do,
 * and its phone and e-mail as the card shows them, to copy by hand too.
 */
static void
draw_side(const struct qrs *q, const struct ui_area *a)
{
	int y = a->y;

	y = draw_wrapped(a, y, q->v->title, TS_TITLE) + 1;
	y = draw_wrapped(a, y, _("Scannez ce code avec votre téléphone pour "
	                         "garder ce contact."), TS_LABEL) + 1;
	for (size_t i = 0; i < q->v->npara; i++) {
		const struct model_para *p = &q->v->para[i];

		if (p->style != MODEL_FIELD || p->name == NULL ||
		    (strcmp(p->name, "phone") != 0 &&
		     strcmp(p->name, "email") != 0))
			continue;
		if (p->label != NULL)
			y = draw_wrapped(a, y, p->label, TS_LABEL);
		y = draw_wrapped(a, y, p->text, TS_NORMAL);
	}
}

/*
 * Draws the code in the frame when it fits there; else over the whole
 * screen but the key bar (and the message), the code at the left edge and
 * the contact beside it; else says that the window is too small for it.
 * At 80x24 a contact's code (version 4 or 5: 41 or 45 modules with the
 * quiet zone) takes 21 or 23 rows: only the second way holds it.
 */
static void
qr_draw(struct screen *s, struct app *app)
{
	struct qrs *q = (struct qrs *)s;
	struct ui_area a;
	int rows, h, w, free_rows;

	ui_frame_common(app, q->v, &a);
	if (!q->ok) {
		ui_put(&a, a.y, 0, a.w, _("Ce contact ne peut pas être mis dans un "
		                          "code QR."), TS_UNKNOWN);
		return;
	}
	term_size(&h, &w);
	if (term_is_console()) {
		/* Full blocks: a row a module, over the screen but the key
		   bar, when it fits; else the sentence below. */
		if (q->code.size <= h - 1 && 2 * q->code.size <= w) {
			char *blank = xmalloc((size_t)w + 1);

			memset(blank, ' ', (size_t)w);
			blank[w] = '\0';
			for (int r = 0; r < h - 1; r++)
				term_put(r, 0, w, blank, TS_NORMAL);
			free(blank);
			draw_code_console(&q->code, 0, (w - 2 * q->code.size) / 2);
			return;
		}
		rows = h;
	} else {
		rows = (q->code.size + 1) / 2;
	}
	if (rows + 1 <= a.h && q->code.size <= a.w + 4) {
		/* TRANSLATORS: above the QR code of a contact. */
		ui_put(&a, a.y, 0, a.w, _("Scannez ce code avec votre "
		                          "téléphone pour garder ce contact."),
		       TS_LABEL);
		draw_code(&q->code, a.y + 1, a.x + (a.w - q->code.size) / 2);
		return;
	}
	free_rows = h - 1 - (app->message != NULL);
	if (rows <= free_rows && q->code.size <= w) {
		struct ui_area side = { .y = 1, .x = q->code.size + 2,
		                        .h = free_rows - 1,
		                        .w = w - q->code.size - 4 };

		char *blank = xmalloc((size_t)w + 1);

		/* The breadcrumb and the title go: the code needs them. */
		memset(blank, ' ', (size_t)w);
		blank[w] = '\0';
		for (int r = 0; r < free_rows; r++)
			term_put(r, 0, w, blank, TS_NORMAL);
		free(blank);
		if (side.w >= 16) {
			draw_code(&q->code, 0, 0);
			draw_side(q, &side);
		} else {
			draw_code(&q->code, 0, (w - q->code.size) / 2);
		}
		return;
	}
	{
		struct text_lines l = { 0 };

		/* TRANSLATORS: instead of a QR code that does not fit. */
		text_wrap(_("La fenêtre est trop petite pour le code QR : "
		            "agrandissez-la, ou demandez à l'accueil."), a.w, &l);
		for (size_t i = 0; i < l.n && (int)i < a.h; i++)
			ui_put(&a, a.y + (int)i, 0, a.w, l.v[i].s, TS_UNKNOWN);
		text_lines_free(&l);
	}
}

/* The code does not change with the language; the title does. */
static void
qr_reload(struct screen *s, struct app *app)
{
	struct qrs *q = (struct qrs *)s;

	ui_view_replace(&q->v, ui_load(app, q->v->id, i18n_lang()));
}

/* Frees the screen and its code. */
static void
qr_screen_free(struct screen *s)
{
	struct qrs *q = (struct qrs *)s;

	qr_free(&q->code);
	ui_view_free(q->v);
	free(q);
}

static const struct screen_ops qr_ops = {
	.draw = qr_draw,
	.reload = qr_reload,
	.free = qr_screen_free,
};

/* Encodes the card of contact id, in French (the card to keep). */
static bool
encode(struct app *app, const char *id, struct qr *code)
{
	struct model_view *fr = ui_load(app, id, "fr");
	char *payload = fr != NULL ? qr_payload(fr) : NULL;
	bool ok = payload != NULL && qr_encode(payload, code) == 0;

	free(payload);
	ui_view_free(fr);
	return ok;
}

/* Returns a new QR screen for contact id; v (taken) is its view in the
   visitor's language, or NULL: the code is shown without a title. */
struct screen *
screen_qr_new(struct app *app, const char *id, struct model_view *v)
{
	struct qrs *q = xcalloc(1, sizeof *q);

	q->base.ops = &qr_ops;
	q->ok = encode(app, id, &q->code);
	if (v == NULL) {
		v = xcalloc(1, sizeof *v);
		v->id = xstrdup(id);
		v->kind = KIND_PAGE;
		v->title = xstrdup("");
	}
	q->v = v;
	return &q->base;
}
