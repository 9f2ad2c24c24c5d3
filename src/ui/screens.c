/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * screens.c - the frame every screen shares, the key bar and its buttons,
 * and the table that lets the main loop open screens (see screens.h).
 */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

#include "i18n/i18n.h"
#include "common/xalloc.h"
#include "text/text.h"
#include "ui/term.h"

static bool terminal_bidi;      /* the terminal reorders by itself */

static void draw_out_of_service(void);
static int look;                /* 0 usual, 1 high contrast, 2 and spacing */

/* Goes to the next look, or back to the usual one. */
static void
ui_look(bool next)
{
	look = next ? (look + 1) % 3 : 0;
	term_set_contrast(look > 0);
}

/* Returns true in the large-spacing look. */
bool
ui_spacious(void)
{
	return look == 2;
}

/* Where the buttons of the key bar were last drawn, for mouse clicks. */
static struct {
	int x0, x1, code;
} buttons[16];
static size_t nbuttons;
static int bar_row = -1;

/* Says that the terminal reorders right-to-left text itself. */
void
ui_set_terminal_bidi(bool on)
{
	terminal_bidi = on;
}

/* Writes s at col from the start edge of a, in direction rtl. */
int
ui_put_dir(const struct ui_area *a, int y, int col, int maxw, const char *s,
           enum term_style st, bool rtl)
{
	char *fit, *vis;
	int w;
	bool reorder;

	if (maxw > a->w - col)
		maxw = a->w - col;
	/* A left-to-right line may still hold Arabic or Persian (a label
	   above the French original): it is shaped and ordered too. */
	reorder = !terminal_bidi && (rtl || text_has_rtl(s));
	if (!rtl && !reorder)
		return term_put(y, a->x + col, maxw, s, st);
	/* Cut the logical text, so that its end is what goes. */
	fit = text_fit(s, maxw);
	vis = reorder ? text_visual(fit, rtl) : xstrdup(fit);
	w = text_width(vis);
	term_put(y, rtl ? a->x + a->w - col - w : a->x + col, w, vis, st);
	free(vis);
	free(fit);
	return w;
}

/* Writes text already in visual order at col from the start edge of a. */
int
ui_put_visual(const struct ui_area *a, int y, int col, int maxw,
              const char *vis, enum term_style st)
{
	int w;

	if (maxw > a->w - col)
		maxw = a->w - col;
	if (!i18n_rtl())
		return term_put(y, a->x + col, maxw, vis, st);
	w = text_width(vis) < maxw ? text_width(vis) : maxw;
	return term_put(y, a->x + a->w - col - w, w, vis, st);
}

/* Wraps s for width columns, in visual order when it is to be reordered. */
void
ui_wrap(const char *s, int width, bool rtl, struct text_lines *out)
{
	if (rtl && !terminal_bidi)
		text_wrap_visual(s, width, true, out);
	else
		text_wrap(s, width, out);
}

/* Writes a line of ui_wrap at col from the start edge of a. */
int
ui_put_line(const struct ui_area *a, int y, int col, int maxw,
            const char *line, enum term_style st, bool rtl)
{
	if (!rtl || terminal_bidi)
		return ui_put_dir(a, y, col, maxw, line, st, rtl);
	return ui_put_visual(a, y, col, maxw, line, st);
}

/* Writes s at col from the start edge of a, in the visitor's direction. */
int
ui_put(const struct ui_area *a, int y, int col, int maxw, const char *s,
       enum term_style st)
{
	return ui_put_dir(a, y, col, maxw, s, st, i18n_rtl());
}

/* Draws the key bar on row y: from the start edge, as many buttons as fit. */
static void
draw_keybar(int y, int w, const struct ui_key *keys, size_t n)
{
	struct ui_area bar = { .y = y, .x = 1, .h = 1, .w = w - 2 };
	bool rtl = i18n_rtl();
	int col = 0;

	term_fill(y, 0, TS_BAR);
	nbuttons = 0;
	bar_row = y;
	for (size_t i = 0; i < n; i++) {
		const char *label = _(keys[i].label);
		int kw = text_width(keys[i].key);
		int need = kw + 1 + text_width(label);

		if (col + need > bar.w)
			continue;
		if (nbuttons < sizeof buttons / sizeof *buttons) {
			buttons[nbuttons].x0 = rtl ? bar.x + bar.w - col - need
			                           : bar.x + col;
			buttons[nbuttons].x1 = buttons[nbuttons].x0 + need;
			buttons[nbuttons].code = keys[i].code;
			nbuttons++;
		}
		ui_put(&bar, y, col, kw, keys[i].key, TS_BAR_KEY);
		ui_put(&bar, y, col + kw + 1, need - kw - 1, label, TS_BAR);
		col += need + 2;
	}
}

/* Draws the frame for v and stores the free area. */
void
ui_frame(struct app *app, const struct model_view *v,
         const struct ui_key *keys, size_t nkeys, struct ui_area *area)
{
	struct ui_area full, head;
	int h, w, x;
	char *crumb;

	term_size(&h, &w);
	term_erase();
	/* The frame's own rows span the whole width. */
	full = (struct ui_area){ .y = 0, .x = 1, .h = h, .w = w - 2 };
	head = (struct ui_area){ .y = 0, .x = 2, .h = h, .w = w - 4 };
	/* Large spacing: wider margins, and a blank row under the title. */
	area->y = ui_spacious() && h >= 20 ? 4 : 3;
	area->x = ui_spacious() && w >= 50 ? 5 : 2;
	area->h = h - 1 - area->y - (app->message != NULL);
	area->w = w - 2 * area->x < UI_MAX_TEXT ? w - 2 * area->x : UI_MAX_TEXT;
	crumb = v->path.n > 0 ? model_crumb(v, " › ") : xstrdup(v->title);
	term_fill(0, 0, TS_BAR);
	ui_put(&full, 0, 0, full.w, crumb, TS_BAR);
	free(crumb);
	x = ui_put(&head, 1, 0, head.w, v->title, TS_TITLE);
	if (v->fallback)
		/* TRANSLATORS: shown beside a title that is still in French. */
		ui_put(&head, 1, x + 1, head.w - x - 1, _("(pas encore traduit)"),
		       TS_MARK);
	draw_keybar(h - 1, w, keys, nkeys);
	if (app->message != NULL)
		ui_put(&head, h - 2, 0, head.w, app->message, TS_MARK);
}

/* The buttons of every key bar, with the screen's own after the first. */
size_t
ui_common_keys(const struct app *app, const struct ui_key *extra,
               size_t nextra, struct ui_key *keys, size_t n)
{
	size_t i = 0;

	/* TRANSLATORS: key-bar buttons; keep them short. */
	if (app->top != NULL && app->top->below != NULL && i < n)
		keys[i++] = (struct ui_key){ "0", N_("Retour"), '0' };
	if (i < n)
		keys[i++] = (struct ui_key){ "*", N_("Langue"), '*' };
	for (size_t k = 0; k < nextra && i < n; k++)
		keys[i++] = extra[k];
	if (i < n)
		keys[i++] = (struct ui_key){ "?", N_("Aide"), '?' };
	if (i < n)
		keys[i++] = (struct ui_key){ "/", N_("Rechercher"), '/' };
	if (i < n)
		/* TRANSLATORS: key-bar button: high contrast, then large
		   spacing, then back to the usual look. */
		keys[i++] = (struct ui_key){ "h", N_("Contraste"), 'h' };
	if (!app->kiosk && i < n)
		keys[i++] = (struct ui_key){ "q", N_("Quitter"), 'q' };
	return i;
}

/* Reads one event; a click on the key bar becomes that button's key. */
static int
ui_read(struct app_event *ev, int timeout_ms)
{
	int rc = term_read(ev, timeout_ms);

	if (rc != 0)
		return rc;
	if (ev->key == AK_MOUSE && ev->y == bar_row) {
		ev->key = AK_OTHER;
		for (size_t i = 0; i < nbuttons; i++)
			if (ev->x >= buttons[i].x0 && ev->x < buttons[i].x1 &&
			    buttons[i].code != AK_NONE)
				ev->key = buttons[i].code;
	} else if (ev->key == AK_MOUSE && ev->y == 0) {
		/* A click on the breadcrumb goes back. */
		ev->key = '0';
	}
	return 0;
}

/* Draws the "are you still there?" box over the screen. */
static void
draw_countdown(const struct app *app, int h, int w)
{
	struct text_lines l = { 0 };
	char *left;
	int bw = w - 4 < 60 ? w - 4 : 60, top;
	struct ui_area box;

	/* TRANSLATORS: after two minutes without a key, before the reset. */
	text_wrap(_("Êtes-vous encore là ?"), bw - 4, &l);
	/* TRANSLATORS: %d is a number of seconds. */
	left = xasprintf(ngettext("Tout recommence au début dans %d seconde.",
	                          "Tout recommence au début dans %d secondes.",
	                          app->countdown), app->countdown);
	text_wrap(left, bw - 4, &l);
	free(left);
	text_wrap(_("Appuyez sur une touche pour continuer."), bw - 4, &l);
	top = (h - (int)l.n - 2) / 2;
	box = (struct ui_area){ .y = top, .x = (w - bw) / 2 + 2, .h = (int)l.n,
	                        .w = bw - 4 };
	for (int y = top; y < top + (int)l.n + 2 && y < h; y++) {
		for (int x = (w - bw) / 2; x < (w - bw) / 2 + bw; x++)
			term_put(y, x, 1, " ", TS_SELECTED);
	}
	for (size_t i = 0; i < l.n && top + 1 + (int)i < h; i++)
		ui_put(&box, top + 1 + (int)i, 0, box.w, l.v[i].s, TS_SELECTED);
	text_lines_free(&l);
}

/* Draws the top screen, or asks for a bigger window. */
static void
ui_draw(struct app *app)
{
	int h, w;

	term_size(&h, &w);
	if (h < UI_MIN_H || w < UI_MIN_W) {
		struct text_lines l = { 0 };

		term_erase();
		bar_row = -1;
		nbuttons = 0;
		struct ui_area all = { .y = 0, .x = 0, .h = h, .w = w };

		/* TRANSLATORS: the only line shown when the window is too small. */
		text_wrap(_("Agrandissez la fenêtre, s'il vous plaît."), w, &l);
		for (size_t i = 0; i < l.n && (int)i < h; i++)
			ui_put(&all, (int)i, 0, w, l.v[i].s, TS_TITLE);
		text_lines_free(&l);
	} else if (app->top == NULL) {
		/* Never reached through app_run; never a crash either. */
		draw_out_of_service();
		return;
	} else {
		app->top->ops->draw(app->top, app);
		if (app->countdown > 0)
			draw_countdown(app, h, w);
	}
	term_flush();
}

/* Loads node id in the current language, or says why not. */
struct model_view *
ui_load(struct app *app, const char *id, const char *lang)
{
	struct model_view *v;
	char *err = NULL;
	int rc;

	/* The file replaced or changed under the kiosk (it is read as
	   immutable): open it again rather than read a mix of both. */
	if (db_rewritten(app->db)) {
		app_report(app, id, "the database file was written over in "
		           "place; opening it again");
		app->broken = true;
		return NULL;
	}
	v = xcalloc(1, sizeof *v);
	rc = model_view_load(app->db, id, lang, v, &err);

	if (rc != 0) {
		app_report(app, id, rc > 0 ? "no such node" : err);
		/* A failing database (or one replaced under the kiosk) is out
		   of service until it is opened again; a missing node is not. */
		if ((rc < 0 && db_damaged(app->db)) || db_stale(app->db))
			app->broken = true;
		/* TRANSLATORS: shown when a page cannot be read. */
		app_set_message(app, _("Cette page ne peut pas être affichée. "
		                       "Demandez à l'accueil."));
		free(err);
		free(v);
		return NULL;
	}
	return v;
}

/* Opens the screen for node id. */
static struct screen *
ui_open(struct app *app, const char *id)
{
	struct model_view *v = ui_load(app, id, i18n_lang());

	if (v == NULL)
		return NULL;
	if (strcmp(v->kind, "menu") == 0)
		return screen_menu_new(v);
	if (strcmp(v->kind, "search") == 0)
		return screen_search_new(app, v, false);
	if (strcmp(v->kind, "directory") == 0)
		return screen_search_new(app, v, true);
	if (strcmp(v->kind, "card") == 0)
		return screen_card_new(app, v);
	return screen_page_new(v);
}

/* Adds a paragraph to a view made by hand. */
static void
help_para(struct model_view *v, enum model_style style, const char *text)
{
	v->para = xreallocarray(v->para, v->npara + 1, sizeof *v->para);
	v->para[v->npara].style = style;
	v->para[v->npara].name = NULL;
	v->para[v->npara].label = NULL;
	v->para[v->npara].text = xstrdup(text);
	v->npara++;
}

/* Returns the view of the help screen, in the current language. */
struct model_view *
ui_help_view(const struct app *app)
{
	struct model_view *v = xcalloc(1, sizeof *v);

	v->id = xstrdup("help");
	v->kind = xstrdup("page");
	v->title = xstrdup(_("Aide"));
	help_para(v, MODEL_TEXT, _("Choisissez avec les chiffres, les flèches "
	                           "ou en touchant l'écran."));
	help_para(v, MODEL_ITEM, _("1 à 9 : ouvrir l'entrée qui porte ce "
	                           "numéro."));
	help_para(v, MODEL_ITEM, _("0 ou ← : revenir en arrière."));
	help_para(v, MODEL_ITEM, _("↑ ↓ : choisir une entrée, ou faire défiler "
	                           "le texte."));
	help_para(v, MODEL_ITEM, _("Entrée : ouvrir l'entrée choisie."));
	help_para(v, MODEL_ITEM, _("Page précédente, Page suivante, espace : "
	                           "faire défiler une page entière."));
	help_para(v, MODEL_ITEM, _("/ : rechercher un mot dans tout le "
	                           "contenu."));
	help_para(v, MODEL_ITEM, _("* : choisir une autre langue."));
	help_para(v, MODEL_ITEM, _("h : texte plus contrasté, puis plus espacé, "
	                           "puis comme avant."));
	help_para(v, MODEL_ITEM, _("f : sur une page, voir aussi le texte en "
	                           "français, pour le montrer à la commune ou "
	                           "au CPAS."));
	help_para(v, MODEL_ITEM, _("? : cette aide."));
	if (!app->kiosk)
		help_para(v, MODEL_ITEM, _("q : quitter le programme."));
	help_para(v, MODEL_TEXT, _("Une information manque ? Demandez à "
	                           "l'accueil : nous sommes là pour vous "
	                           "aider."));
	return v;
}

/* Returns a new help screen. */
static struct screen *
ui_help(struct app *app)
{
	return screen_page_new(ui_help_view(app));
}

/* Returns the view of the language picker: every language by its name. */
struct model_view *
ui_language_view(void)
{
	struct model_view *v = xcalloc(1, sizeof *v);

	v->id = xstrdup("language");
	v->kind = xstrdup("menu");
	/* TRANSLATORS: title of the language picker. */
	v->title = xstrdup(_("Choisissez votre langue"));
	v->entries.n = i18n_nlanguages;
	v->entries.v = xcalloc(i18n_nlanguages, sizeof *v->entries.v);
	for (size_t i = 0; i < i18n_nlanguages; i++) {
		v->entries.v[i].id = xstrdup(i18n_languages[i].code);
		v->entries.v[i].kind = xstrdup("language");
		v->entries.v[i].title = xstrdup(i18n_languages[i].name);
	}
	return v;
}

/* Returns a new language picker. */
static struct screen *
ui_language(struct app *app)
{
	return screen_menu_new(ui_language_view());
}

/* Draws the out-of-service notice, once in every language. */
static void
draw_out_of_service(void)
{
	const char *keep = i18n_lang();
	int h, w, y = 1;

	term_size(&h, &w);
	term_erase();
	for (size_t i = 0; i < i18n_nlanguages && y < h; i++) {
		const struct i18n_language *l = &i18n_languages[i];
		/* No margins in a window too narrow for them (down to 1x1). */
		struct ui_area a = { .y = 0, .x = w > 8 ? 2 : 0, .h = h,
		                     .w = w > 8 ? w - 4 : w };
		struct text_lines t = { 0 };

		i18n_set(l->code);
		/* TRANSLATORS: the only screen when the kiosk's data is broken. */
		text_wrap(_("Hors service. Demandez à l'accueil, s'il vous plaît."),
		          a.w, &t);
		for (size_t j = 0; j < t.n && y < h; j++)
			ui_put(&a, y++, 0, a.w, t.v[j].s, i == 0 ? TS_TITLE : TS_NORMAL);
		text_lines_free(&t);
	}
	i18n_set(keep);
	term_flush();
}

/* Shows the out-of-service notice until retry() succeeds or a signal. */
void
ui_out_of_service(bool (*retry)(void *), void *arg)
{
	bool redraw = true;
	int waited = 0;

	while (!app_stopping()) {
		struct app_event ev;

		if (redraw)
			draw_out_of_service();
		/* A second at a time, so that a signal ends it within one. */
		int rc = term_read(&ev, 1000);

		if (rc == APP_READ_EOF)
			return;         /* no terminal: nobody to tell */
		/* Keys do nothing; every ten seconds, try again. */
		redraw = (rc == 0 && ev.key == AK_RESIZE) || waited % 10 == 9;
		if (rc != 0 && ++waited % 10 != 0)
			continue;
		if (retry(arg))
			return;
	}
}

const struct app_ui ui_app = {
	.read = ui_read,
	.draw = ui_draw,
	.open = ui_open,
	.help = ui_help,
	.language = ui_language,
	.pin = screen_pin_new,
	.look = ui_look,
};
