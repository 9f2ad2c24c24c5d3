/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-pin.c - the staff's way out of kiosk mode: F10 opens it, the PIN
 * is typed (shown as stars, never kept), Enter checks it. The right PIN
 * closes the screen and the staff menu opens (screen-staff.c); a wrong
 * one closes it and says so; Esc closes it. After a wrong PIN, Enter
 * is refused for a while that grows at each wrong try (app_pin_try); the
 * screen counts it down.
 */
#include "ui/screen-pin.h"

#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/put.h"

#define PIN_MAX CONFIG_PIN_MAX

struct pin {
	struct screen base;
	struct model_view v;    /* only its title */
	char pin[PIN_MAX + 1];
	size_t len;
};

/* Counts down, under the PIN, the seconds before a PIN is checked again. */
static void
draw_delay(struct app *app, const struct ui_area *a)
{
	int left = app_pin_wait(app);
	char *msg;

	if (left <= 0 || a->h < 3)
		return;
	/* TRANSLATORS: after a wrong staff PIN, Enter waits; %d is a number
	   of seconds. */
	msg = xasprintf(ngettext("Nouvel essai possible dans %d seconde.",
	                         "Nouvel essai possible dans %d secondes.",
	                         left), left);
	ui_put(a, a->y + 2, 0, a->w, msg, TS_MARK);
	free(msg);
}

/* Draws the PIN screen. */
static void
pin_draw(struct screen *s, struct app *app)
{
	struct pin *p = (struct pin *)s;
	static const enum keys_action keys[] = { KEYS_ESC, KEYS_CONFIRM };
	struct ui_area a;
	char stars[PIN_MAX + 1];
	int col;

	memset(stars, '*', p->len);
	stars[p->len] = '\0';
	ui_frame(app, &p->v, keys, 2, &a);
	/* TRANSLATORS: the staff types the PIN after this. */
	col = ui_put(&a, a.y, 0, a.w, _("Code du personnel :"), TS_LABEL) + 1;
	ui_put(&a, a.y, col, a.w - col, stars, TS_SELECTED);
	draw_delay(app, &a);
}

/* Handles a key on the PIN screen. */
static int
pin_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	struct pin *p = (struct pin *)s;
	int r;

	switch (ev->key) {
	case AK_ESC:
		return APP_POP;
	case AK_BACKSPACE:
		if (p->len > 0)
			p->pin[--p->len] = '\0';
		return APP_REDRAW;
	case AK_ENTER:
		r = app_pin_try(app, p->pin);
		if (r < 0)
			return APP_REDRAW;      /* the delay: its countdown */
		explicit_bzero(p->pin, sizeof p->pin);
		p->len = 0;
		if (r > 0)
			return APP_POP;         /* the staff menu comes */
		/* TRANSLATORS: after a wrong staff PIN. */
		app_set_message(app, _("Code incorrect."));
		return APP_POP;
	default:
		break;
	}
	if (CONFIG_PIN_CHAR(ev->key) && p->len < PIN_MAX) {
		p->pin[p->len++] = (char)ev->key;
		p->pin[p->len] = '\0';
	}
	return APP_REDRAW;
}

/* Nothing to translate again but the title. */
static void
pin_reload(struct screen *s, struct app *app)
{
	struct pin *p = (struct pin *)s;

	(void)app;
	free(p->v.title);
	/* TRANSLATORS: title of the staff PIN screen. */
	p->v.title = xstrdup(_("Accès du personnel"));
}

/* Frees the screen, wiping the PIN. */
static void
pin_free(struct screen *s)
{
	struct pin *p = (struct pin *)s;

	explicit_bzero(p->pin, sizeof p->pin);
	free(p->v.title);
	free(p);
}

static const struct screen_ops pin_ops = {
	.draw = pin_draw,
	.key = pin_key,
	.reload = pin_reload,
	.free = pin_free,
};

/* Returns a new PIN screen. */
struct screen *
screen_pin_new(struct app *app, const char *id, struct model_view *v)
{
	struct pin *p = xcalloc(1, sizeof *p);

	(void)id;
	(void)v;
	p->base.ops = &pin_ops;
	pin_reload(&p->base, app);
	return &p->base;
}
