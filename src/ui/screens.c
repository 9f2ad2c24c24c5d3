/*
 * screens.c - the frame every screen shares, the key bar and its buttons,
 * and the table that lets the main loop open screens (see screens.h).
 */
#include "ui/screens.h"

#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"
#include "text/text.h"
#include "ui/term.h"

/* Where the buttons of the key bar were last drawn, for mouse clicks. */
static struct {
	int x0, x1, code;
} buttons[16];
static size_t nbuttons;
static int bar_row = -1;

/* Draws the key bar on row y. */
static void
draw_keybar(int y, int w, const struct ui_key *keys, size_t n)
{
	int x = 1;

	term_fill(y, 0, TS_BAR);
	nbuttons = 0;
	bar_row = y;
	for (size_t i = 0; i < n; i++) {
		const char *label = _(keys[i].label);
		int need = text_width(keys[i].key) + 1 + text_width(label);

		if (x + need > w - 1)
			continue;
		if (nbuttons < sizeof buttons / sizeof *buttons) {
			buttons[nbuttons].x0 = x;
			buttons[nbuttons].x1 = x + need;
			buttons[nbuttons].code = keys[i].code;
			nbuttons++;
		}
		x += term_put(y, x, w - x, keys[i].key, TS_BAR_KEY);
		x += 1;
		x += term_put(y, x, w - x, label, TS_BAR);
		x += 2;
	}
}

/* Draws the frame for v and stores the free area. */
void
ui_frame(struct app *app, const struct model_view *v,
         const struct ui_key *keys, size_t nkeys, struct ui_area *area)
{
	int h, w, x;
	char *crumb;

	term_size(&h, &w);
	term_erase();
	crumb = v->path.n > 0 ? model_crumb(v, " › ") : xstrdup(v->title);
	term_fill(0, 0, TS_BAR);
	term_put(0, 1, w - 2, crumb, TS_BAR);
	free(crumb);
	x = 2 + term_put(1, 2, w - 4, v->title, TS_TITLE);
	if (v->fallback)
		/* TRANSLATORS: shown beside a title that is still in French. */
		term_put(1, x + 1, w - x - 3, _("(pas encore traduit)"), TS_MARK);
	draw_keybar(h - 1, w, keys, nkeys);
	if (app->message != NULL)
		term_put(h - 2, 2, w - 4, app->message, TS_MARK);
	area->y = 3;
	area->x = 2;
	area->h = h - 1 - area->y - (app->message != NULL);
	area->w = w - 4 < UI_MAX_TEXT ? w - 4 : UI_MAX_TEXT;
}

/* The buttons that end every key bar. */
size_t
ui_common_keys(const struct app *app, struct ui_key *keys, size_t n)
{
	size_t i = 0;

	/* TRANSLATORS: key-bar buttons; keep them short. */
	if (app->top != NULL && app->top->below != NULL && i < n)
		keys[i++] = (struct ui_key){ "0", N_("Retour"), '0' };
	if (i < n)
		keys[i++] = (struct ui_key){ "?", N_("Aide"), '?' };
	if (i < n)
		keys[i++] = (struct ui_key){ "/", N_("Rechercher"), '/' };
	if (!app->kiosk && i < n)
		keys[i++] = (struct ui_key){ "q", N_("Quitter"), 'q' };
	return i;
}

/* Reads one event; a click on the key bar becomes that button's key. */
static int
ui_read(struct app_event *ev, int timeout_ms)
{
	if (term_read(ev, timeout_ms) != 0)
		return -1;
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
		/* TRANSLATORS: the only line shown when the window is too small. */
		text_wrap(_("Agrandissez la fenêtre, s'il vous plaît."), w, &l);
		for (size_t i = 0; i < l.n && (int)i < h; i++)
			term_put((int)i, 0, w, l.v[i].s, TS_TITLE);
		text_lines_free(&l);
	} else {
		app->top->ops->draw(app->top, app);
	}
	term_flush();
}

/* Opens the screen for node id. */
static struct screen *
ui_open(struct app *app, const char *id)
{
	struct model_view *v = xcalloc(1, sizeof *v);
	char *err = NULL;
	int rc = model_view_load(app->db, id, i18n_lang(), v, &err);

	if (rc != 0) {
		/* TRANSLATORS: shown when a page cannot be read. */
		app_set_message(app, _("Cette page ne peut pas être affichée. "
		                       "Demandez à l'accueil."));
		free(err);
		free(v);
		return NULL;
	}
	if (strcmp(v->kind, "menu") == 0)
		return screen_menu_new(v);
	if (strcmp(v->kind, "search") == 0)
		return screen_search_new(app, v, false);
	if (strcmp(v->kind, "directory") == 0)
		return screen_search_new(app, v, true);
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

/* Returns a new help screen. */
static struct screen *
ui_help(struct app *app)
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
	help_para(v, MODEL_ITEM, _("? : cette aide."));
	if (!app->kiosk)
		help_para(v, MODEL_ITEM, _("q : quitter le programme."));
	help_para(v, MODEL_TEXT, _("Une information manque ? Demandez à "
	                           "l'accueil : nous sommes là pour vous "
	                           "aider."));
	return screen_page_new(v);
}

const struct app_ui ui_app = {
	.read = ui_read,
	.draw = ui_draw,
	.open = ui_open,
	.help = ui_help,
};
