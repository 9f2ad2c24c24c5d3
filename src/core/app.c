/*
 * app.c - the screen stack and the main loop (see app.h).
 */
#include "core/app.h"

#include <stdlib.h>

#include "core/xalloc.h"

/* Sets up app. */
void
app_init(struct app *app, struct db *db, const struct app_ui *ui, bool kiosk)
{
	app->db = db;
	app->ui = ui;
	app->top = NULL;
	app->kiosk = kiosk;
	app->quit = false;
	app->message = NULL;
}

/* Frees the stack and the message. */
void
app_free(struct app *app)
{
	while (app->top != NULL) {
		struct screen *s = app->top;

		app->top = s->below;
		s->ops->free(s);
	}
	app_set_message(app, NULL);
}

/* Sets the message shown to the visitor. */
void
app_set_message(struct app *app, const char *msg)
{
	free(app->message);
	app->message = xstrdup(msg);
}

/* Pushes s. */
void
app_push(struct app *app, struct screen *s)
{
	s->below = app->top;
	app->top = s;
}

/* Opens node id on top of the stack. */
int
app_open(struct app *app, const char *id)
{
	struct screen *s = app->ui->open(app, id);

	if (s == NULL)
		return -1;
	app_push(app, s);
	return 0;
}

/* Closes the top screen unless it is the last one. */
bool
app_pop(struct app *app)
{
	struct screen *s = app->top;

	if (s == NULL || s->below == NULL)
		return false;
	app->top = s->below;
	s->ops->free(s);
	return true;
}

/* Applies the keys that mean the same on every screen. */
static bool
global_key(struct app *app, const struct app_event *ev)
{
	switch (ev->key) {
	case '0':
	case AK_BACKSPACE:
	case AK_ESC:
	case AK_LEFT:
		app_pop(app);
		return true;
	case '?':
		app_push(app, app->ui->help(app));
		return true;
	case '/':
		app_open(app, "search");
		return true;
	case 'q':
	case 'Q':
	case AK_INTERRUPT:
		if (!app->kiosk)
			app->quit = true;
		return true;
	case AK_RESIZE:
		return true;
	default:
		return false;
	}
}

/* Handles one event. */
bool
app_handle(struct app *app, const struct app_event *ev)
{
	bool cleared = false;
	int r;

	if (app->top == NULL)
		return false;
	if (app->message != NULL && ev->key != AK_RESIZE) {
		app_set_message(app, NULL);
		cleared = true;
	}
	r = app->top->ops->key(app->top, app, ev);
	if (r & APP_QUIT) {
		if (!app->kiosk)
			app->quit = true;
		return true;
	}
	if (r & APP_POP) {
		app_pop(app);
		return true;
	}
	if ((r & (APP_HANDLED | APP_REDRAW)) == 0)
		return global_key(app, ev) || cleared;
	return (r & APP_REDRAW) != 0 || cleared;
}

/* Opens home and runs until the visitor quits. */
int
app_run(struct app *app)
{
	bool redraw = true;

	if (app->top == NULL && app_open(app, "home") != 0)
		return 2;
	while (!app->quit) {
		struct app_event ev;

		if (redraw)
			app->ui->draw(app);
		if (app->ui->read(&ev, -1) != 0) {
			redraw = false;
			continue;
		}
		redraw = app_handle(app, &ev);
	}
	return 0;
}
