/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-qr.c - a QR code to take a contact away, drawn with half blocks
 * (two modules a character), dark on light whatever the theme, with its
 * quiet zone. When the window is too small for it, it says so.
 */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "model/qr.h"
#include "common/xalloc.h"
#include "text/text.h"

struct qrs {
	struct screen base;
	struct model_view *v;   /* the contact: its title and path */
	struct qr code;
	bool ok;
};

/* Draws the code, or says that the window is too small for it. */
static void
qr_draw(struct screen *s, struct app *app)
{
	static const char *const glyph[4] = { " ", "▀", "▄", "█" };
	struct qrs *q = (struct qrs *)s;
	struct ui_key keys[12];
	struct ui_area a;
	size_t nkeys = ui_common_keys(app, NULL, 0, keys, 12);
	int rows, x0, y;

	ui_frame(app, q->v, keys, nkeys, &a);
	if (!q->ok) {
		ui_put(&a, a.y, 0, a.w, _("Ce contact ne peut pas être mis dans un "
		                          "code QR."), TS_UNKNOWN);
		return;
	}
	rows = (q->code.size + 1) / 2;
	if (rows + 1 > a.h || q->code.size > a.w + 4) {
		struct text_lines l = { 0 };

		/* TRANSLATORS: instead of a QR code that does not fit. */
		text_wrap(_("La fenêtre est trop petite pour le code QR : "
		            "agrandissez-la, ou demandez à l'accueil."), a.w, &l);
		for (size_t i = 0; i < l.n && (int)i < a.h; i++)
			ui_put(&a, a.y + (int)i, 0, a.w, l.v[i].s, TS_UNKNOWN);
		text_lines_free(&l);
		return;
	}
	/* TRANSLATORS: above the QR code of a contact. */
	ui_put(&a, a.y, 0, a.w, _("Scannez ce code avec votre téléphone pour "
	                          "garder ce contact."), TS_LABEL);
	x0 = a.x + (a.w - q->code.size) / 2;
	y = a.y + 1;
	for (int r = 0; r < rows; r++)
		for (int c = 0; c < q->code.size; c++) {
			int top = q->code.dark[(2 * r) * q->code.size + c];
			int bottom = 2 * r + 1 < q->code.size
			             ? q->code.dark[(2 * r + 1) * q->code.size + c] : 0;

			term_put(y + r, x0 + c, 1, glyph[top | bottom << 1], TS_QR);
		}
}

/* No keys of its own. */
static int
qr_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	return APP_IGNORED;
}

/* The code does not change with the language; the title does. */
static void
qr_reload(struct screen *s, struct app *app)
{
	struct qrs *q = (struct qrs *)s;
	struct model_view *v = ui_load(app, q->v->id, i18n_lang());

	if (v != NULL) {
		model_view_free(q->v);
		free(q->v);
		q->v = v;
	}
}

/* Frees the screen. */
static void
qr_screen_free(struct screen *s)
{
	struct qrs *q = (struct qrs *)s;

	qr_free(&q->code);
	model_view_free(q->v);
	free(q->v);
	free(q);
}

static const struct screen_ops qr_ops = {
	.name = "qr",
	.draw = qr_draw,
	.key = qr_key,
	.reload = qr_reload,
	.free = qr_screen_free,
};

/* Returns a new QR screen for node id, in French (the card to keep). */
struct screen *
screen_qr_new(struct app *app, const char *id)
{
	struct qrs *q = xcalloc(1, sizeof *q);
	struct model_view *fr = ui_load(app, id, "fr");
	char *payload = fr ? qr_payload(fr) : NULL;

	q->base.ops = &qr_ops;
	q->v = ui_load(app, id, i18n_lang());
	if (q->v == NULL) {
		q->v = xcalloc(1, sizeof *q->v);
		q->v->id = xstrdup(id);
		q->v->kind = xstrdup("page");
		q->v->title = xstrdup("");
	}
	q->ok = payload != NULL && qr_encode(payload, &q->code) == 0;
	free(payload);
	if (fr != NULL) {
		model_view_free(fr);
		free(fr);
	}
	return &q->base;
}
