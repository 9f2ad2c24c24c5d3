/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screen-staff.c - the staff menu, opened by the right PIN: 1 fills in or
 * corrects a contact card's address, phone, e-mail and opening hours (a
 * list of the cards filtered as a name is typed, then a form), 2 posts a
 * notice for the home screen (French, other languages, first and last
 * day), 3 takes today's notices down, 4 leaves the kiosk; Esc goes back,
 * and from the menu back to the visitors' screens. In a form, up and down
 * choose a line, what is typed goes into it, Delete empties it, Enter saves
 * the whole form in one transaction or says what is wrong. The one
 * sentence about a desk database that cannot be used stands on the menu.
 * The menu is in French, the staff's language; the visitor's comes back
 * when it closes.
 */
#include "ui/screen-staff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "model/hours.h"
#include "model/staff.h"
#include "text/text.h"
#include "ui/frame.h"
#include "ui/put.h"

/* The longest line typed in a form, in bytes. */
#define LINE_MAX_BYTES 500

/* The most lines of a form: the 13 texts of a notice and its two days. */
#define FORM_MAX 16

enum mode { MENU, PICK, CARD, NOTICE };

/* The entries of the menu, by their digit. */
enum { ENTRY_CARD, ENTRY_NOTICE, ENTRY_CLEAR, ENTRY_LEAVE, ENTRIES };

static const char *const entries[ENTRIES] = {
	/* TRANSLATORS: staff menu entry. */
	N_("Compléter ou corriger une fiche de contact"),
	/* TRANSLATORS: staff menu entry. */
	N_("Publier un avis sur l'accueil du kiosque"),
	/* TRANSLATORS: staff menu entry: remove the notices shown today. */
	N_("Retirer les avis affichés aujourd'hui"),
	/* TRANSLATORS: staff menu entry: end the kiosk program. */
	N_("Quitter le kiosque"),
};

struct staff {
	struct screen base;
	struct model_view v;    /* only its title */
	char visitor_lang[8];   /* the language before the staff came */
	enum mode mode;
	size_t sel;             /* the chosen entry, card or line */
	/* The list of cards, and what is typed to filter it. */
	char filter[64];
	size_t flen;
	struct model_results cards;
	/* The form: the card's id and title, each line's label and text. */
	char *node, *node_title;
	size_t nlines;
	char *label[FORM_MAX];
	char line[FORM_MAX][LINE_MAX_BYTES + 1];
	size_t len[FORM_MAX];
	bool rtl[FORM_MAX];
};

/* Empties the form. */
static void
form_clear(struct staff *s)
{
	for (size_t i = 0; i < s->nlines; i++) {
		free(s->label[i]);
		s->label[i] = NULL;
	}
	s->nlines = 0;
	free(s->node);
	free(s->node_title);
	s->node = s->node_title = NULL;
}

/* Adds a line to the form, labelled label (copied), holding text. */
static void
form_add(struct staff *s, const char *label, const char *text, bool rtl)
{
	size_t i = s->nlines++;

	s->label[i] = xstrdup(label);
	s->len[i] = 0;
	s->line[i][0] = '\0';
	for (size_t k = 0; text[k] != '\0' && k < LINE_MAX_BYTES; k++)
		s->line[i][s->len[i]++] = text[k];
	s->line[i][s->len[i]] = '\0';
	s->rtl[i] = rtl;
}

/* Lists the cards matching the filter. */
static void
pick_refresh(struct staff *s, struct app *app)
{
	char *err;

	model_results_free(&s->cards);
	if (model_contacts(app->db, s->filter, i18n_lang(), &s->cards, &err)
	    != 0) {
		app_set_message(app, err);
		free(err);
		memset(&s->cards, 0, sizeof s->cards);
	}
	s->sel = 0;
}

/* Opens the form of card i of the list. */
static void
card_open(struct staff *s, size_t i)
{
	static const char *const labels[3] = {
		N_("Adresse"), N_("Téléphone"), N_("E-mail"),
	};

	form_clear(s);
	s->node = xstrdup(s->cards.hits.v[i].id);
	s->node_title = xstrdup(s->cards.hits.v[i].title);
	for (int f = 0; f < 3; f++) {
		char *v = staff_value(s->node, staff_fields[f]);

		form_add(s, _(labels[f]), v, false);
		free(v);
	}
	for (int d = 1; d <= 7; d++) {
		char *v = staff_hours_text(s->node, d);

		form_add(s, hours_weekday(d), v, false);
		free(v);
	}
	s->mode = CARD;
	s->sel = 0;
}

/* Opens an empty notice form: the languages, then the two days (today). */
static void
notice_open(struct staff *s)
{
	struct hours_now now;

	form_clear(s);
	for (size_t i = 0; i < i18n_nlanguages && i < FORM_MAX - 2; i++)
		form_add(s, i18n_languages[i].name, "", i18n_languages[i].rtl);
	hours_now(&now);
	/* TRANSLATORS: a notice's first day, typed 2026-12-31. */
	form_add(s, _("Premier jour"), now.day, false);
	/* TRANSLATORS: a notice's last day, typed 2026-12-31. */
	form_add(s, _("Dernier jour"), now.day, false);
	s->mode = NOTICE;
	s->sel = 0;
}

/* Saves the form; true when it was saved (else the message says why). */
static bool
form_save(struct staff *s, struct app *app)
{
	const char *lines[FORM_MAX];
	char *err = NULL;
	int rc;

	for (size_t i = 0; i < s->nlines; i++)
		lines[i] = s->line[i];
	if (s->mode == CARD)
		rc = staff_set_card(s->node, lines, lines + 3, &err);
	else
		rc = staff_post_notice(lines, lines[s->nlines - 2],
		                       lines[s->nlines - 1], &err);
	if (rc != 0) {
		app_set_message(app, err);
		free(err);
		return false;
	}
	/* TRANSLATORS: the staff saved a form. */
	app_set_message(app, _("Enregistré."));
	return true;
}

/* Draws the menu, with the sentence about the desk database above. */
static void
draw_menu(struct staff *s, const struct ui_area *a)
{
	const char *problem = staff_problem();
	int y = a->y;

	if (problem != NULL) {
		struct text_lines l = { 0 };

		ui_wrap(problem, a->w, i18n_rtl(), &l);
		for (size_t i = 0; i < l.n && y < a->y + a->h; i++)
			ui_put_line(a, y++, 0, a->w, l.v[i].s, TS_MARK,
			            i18n_rtl());
		text_lines_free(&l);
		y++;
	}
	for (size_t i = 0; i < ENTRIES && y < a->y + a->h; i++, y++) {
		char num[2] = { (char)('1' + i), '\0' };
		enum term_style st = i == s->sel ? TS_SELECTED : TS_NORMAL;

		ui_put(a, y, 1, 2, num, i == s->sel ? TS_SELECTED : TS_NUMBER);
		ui_put(a, y, 4, a->w - 4, _(entries[i]), st);
	}
}

/* Draws the list of cards under the filter being typed. */
static void
draw_pick(struct staff *s, const struct ui_area *a)
{
	int col, rows = a->h - 2;
	size_t first = 0;

	/* TRANSLATORS: the staff type a few letters of a card's name. */
	col = ui_put(a, a->y, 0, a->w, _("Nom de la fiche :"), TS_LABEL) + 1;
	ui_put(a, a->y, col, a->w - col, s->filter, TS_SELECTED);
	if (rows < 1)
		return;
	if (s->sel >= (size_t)rows)
		first = s->sel - (size_t)rows + 1;
	for (size_t i = first; i < s->cards.hits.n &&
	     (int)(i - first) < rows; i++)
		ui_put(a, a->y + 2 + (int)(i - first), 2, a->w - 2,
		       s->cards.hits.v[i].title,
		       i == s->sel ? TS_SELECTED : TS_NORMAL);
}

/* Draws the form: one labelled line each, the chosen one marked. */
static void
draw_form(struct staff *s, const struct ui_area *a)
{
	int lw = 0, y = a->y;

	for (size_t i = 0; i < s->nlines; i++)
		if (text_width(s->label[i]) > lw)
			lw = text_width(s->label[i]);
	lw += 2;
	if (lw > a->w / 3)
		lw = a->w / 3;
	if (s->mode == CARD && s->node_title != NULL) {
		ui_put(a, y++, 0, a->w, s->node_title, TS_HEADING);
		/* TRANSLATORS: how the staff type opening hours in the form;
		   keep 09:00-12:00 and rdv as they are. */
		ui_put(a, y++, 0, a->w, _("Heures : 09:00-12:00 13:30-16:00, "
		                          "rdv, ou rien (fermé)."), TS_NOTE);
	}
	for (size_t i = 0; i < s->nlines && y < a->y + a->h; i++, y++) {
		char *clean = text_clean(s->line[i], s->len[i]);

		ui_put(a, y, 0, lw - 1, s->label[i],
		       i == s->sel ? TS_SELECTED : TS_LABEL);
		ui_put_dir(a, y, lw, a->w - lw, clean,
		           i == s->sel ? TS_SELECTED : TS_NORMAL,
		           i18n_rtl() || s->rtl[i]);
		free(clean);
	}
}

/* Draws the staff screen. */
static void
staff_draw(struct screen *scr, struct app *app)
{
	struct staff *s = (struct staff *)scr;
	static const enum keys_action keys[] = { KEYS_ESC, KEYS_CHOOSE,
	                                         KEYS_CONFIRM };
	struct ui_area a;

	ui_frame(app, &s->v, keys, 3, &a);
	switch (s->mode) {
	case MENU:
		draw_menu(s, &a);
		break;
	case PICK:
		draw_pick(s, &a);
		break;
	case CARD:
	case NOTICE:
		draw_form(s, &a);
		break;
	}
}

/* Does menu entry i. */
static int
menu_pick(struct staff *s, struct app *app, size_t i)
{
	char *err;
	int n;

	s->sel = i;
	switch (i) {
	case ENTRY_CARD:
		s->mode = PICK;
		s->filter[0] = '\0';
		s->flen = 0;
		pick_refresh(s, app);
		break;
	case ENTRY_NOTICE:
		notice_open(s);
		break;
	case ENTRY_CLEAR:
		n = staff_clear_notices(true, &err);
		if (n < 0) {
			app_set_message(app, err);
			free(err);
		} else {
			/* TRANSLATORS: %d notices were taken down. */
			err = xasprintf(ngettext("%d avis retiré.",
			                         "%d avis retirés.", n), n);
			app_set_message(app, err);
			free(err);
		}
		break;
	case ENTRY_LEAVE:
		app_staff_leave(app);
		break;
	default:
		break;
	}
	return APP_REDRAW;
}

/* Handles a key of the menu. */
static int
menu_key(struct staff *s, struct app *app, const struct app_event *ev)
{
	switch (ev->key) {
	case AK_ESC:
	case '0':
	case AK_BACKSPACE:
		/* Back to the visitors' screens, in the visitor's language,
		   shown again with what the staff changed. */
		app_set_language(app, s->visitor_lang);
		return APP_POP;
	case AK_UP:
		s->sel = s->sel > 0 ? s->sel - 1 : 0;
		return APP_REDRAW;
	case AK_DOWN:
		s->sel = s->sel + 1 < ENTRIES ? s->sel + 1 : s->sel;
		return APP_REDRAW;
	case AK_ENTER:
		return menu_pick(s, app, s->sel);
	default:
		if (ev->key >= '1' && ev->key < '1' + ENTRIES)
			return menu_pick(s, app, (size_t)(ev->key - '1'));
		return APP_HANDLED;
	}
}

/* Handles a key of the list of cards. */
static int
pick_key(struct staff *s, struct app *app, const struct app_event *ev)
{
	switch (ev->key) {
	case AK_ESC:
		s->mode = MENU;
		s->sel = ENTRY_CARD;
		return APP_REDRAW;
	case AK_UP:
		s->sel = s->sel > 0 ? s->sel - 1 : 0;
		return APP_REDRAW;
	case AK_DOWN:
		if (s->sel + 1 < s->cards.hits.n)
			s->sel++;
		return APP_REDRAW;
	case AK_ENTER:
		if (s->sel < s->cards.hits.n)
			card_open(s, s->sel);
		return APP_REDRAW;
	case AK_BACKSPACE:
		text_drop_last(s->filter, &s->flen);
		pick_refresh(s, app);
		return APP_REDRAW;
	case AK_DELETE:
		s->filter[0] = '\0';
		s->flen = 0;
		pick_refresh(s, app);
		return APP_REDRAW;
	default:
		if (text_is_typed(ev->key) &&
		    text_append(s->filter, &s->flen, sizeof s->filter - 1,
		                ev->key))
			pick_refresh(s, app);
		return APP_REDRAW;
	}
}

/* Handles a key of a form. */
static int
form_key(struct staff *s, struct app *app, const struct app_event *ev)
{
	size_t i = s->sel;

	switch (ev->key) {
	case AK_ESC:
		if (s->mode == CARD) {
			s->mode = PICK;
			s->sel = 0;
		} else {
			s->mode = MENU;
			s->sel = ENTRY_NOTICE;
		}
		form_clear(s);
		return APP_REDRAW;
	case AK_UP:
		s->sel = i > 0 ? i - 1 : 0;
		return APP_REDRAW;
	case AK_DOWN:
	case AK_TAB:
		s->sel = i + 1 < s->nlines ? i + 1 : i;
		return APP_REDRAW;
	case AK_ENTER:
		if (form_save(s, app) && s->mode == NOTICE) {
			form_clear(s);
			s->mode = MENU;
			s->sel = ENTRY_NOTICE;
		}
		return APP_REDRAW;
	case AK_BACKSPACE:
		text_drop_last(s->line[i], &s->len[i]);
		return APP_REDRAW;
	case AK_DELETE:
		s->line[i][0] = '\0';
		s->len[i] = 0;
		return APP_REDRAW;
	default:
		if (text_is_typed(ev->key))
			text_append(s->line[i], &s->len[i], LINE_MAX_BYTES,
			            ev->key);
		return APP_REDRAW;
	}
}

/* Handles a key of the staff screen: every key is its own (typed text
   included), F10 excepted. */
static int
staff_key(struct screen *scr, struct app *app, const struct app_event *ev)
{
	struct staff *s = (struct staff *)scr;

	if (ev->key == AK_RESIZE || ev->key == AK_MOUSE ||
	    ev->key == AK_STAFF)
		return APP_HANDLED;
	switch (s->mode) {
	case MENU:
		return menu_key(s, app, ev);
	case PICK:
		return pick_key(s, app, ev);
	default:
		return form_key(s, app, ev);
	}
}

/* Translates the title again. */
static void
staff_reload(struct screen *scr, struct app *app)
{
	struct staff *s = (struct staff *)scr;

	(void)app;
	free(s->v.title);
	/* TRANSLATORS: title of the staff menu, behind the PIN. */
	s->v.title = xstrdup(_("Menu du personnel"));
}

/* Frees the staff screen. */
static void
staff_free(struct screen *scr)
{
	struct staff *s = (struct staff *)scr;

	form_clear(s);
	model_results_free(&s->cards);
	free(s->v.title);
	free(s);
}

static const struct screen_ops staff_ops = {
	.draw = staff_draw,
	.key = staff_key,
	.reload = staff_reload,
	.free = staff_free,
};

/* Returns a new staff menu. */
struct screen *
screen_staff_new(struct app *app, const char *id, struct model_view *v)
{
	struct staff *s = xcalloc(1, sizeof *s);

	(void)id;
	(void)v;
	s->base.ops = &staff_ops;
	/* The staff read French: the visitor's language comes back when
	   they leave the menu. */
	snprintf(s->visitor_lang, sizeof s->visitor_lang, "%s", i18n_lang());
	app_set_language(app, "fr");
	staff_reload(&s->base, app);
	return &s->base;
}
