/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ui.c - the user interface as the main loop sees it (see ui.h).
 */
#include "ui/ui.h"

#include "ui/frame.h"
#include "ui/notice.h"
#include "ui/registry.h"
#include "ui/term.h"

/* Reads one event; a click on the key bar becomes that button's key. */
static int
ui_read(struct app_event *ev, int timeout_ms)
{
	int rc = term_read(ev, timeout_ms);

	if (rc != 0)
		return rc;
	ui_frame_click(ev);
	return 0;
}

/* Draws the top screen, or asks for a bigger window. */
static void
ui_draw(struct app *app)
{
	int h, w;

	term_size(&h, &w);
	if (h < UI_MIN_H || w < UI_MIN_W) {
		ui_notice_too_small(h, w);
	} else if (app->top == NULL) {
		/* Never reached through app_run; never a crash either. */
		ui_notice_out_of_service();
	} else {
		app->top->ops->draw(app->top, app);
		ui_frame_keybar(app);
		if (app->countdown > 0)
			ui_notice_countdown(app, h, w);
	}
	term_flush();
}

/* Draws the PIN screen pin over the whole terminal, or asks for a bigger
   window. */
static void
draw_pin(struct screen *pin, struct app *app)
{
	int h, w;

	term_size(&h, &w);
	if (h < UI_MIN_H || w < UI_MIN_W)
		ui_notice_too_small(h, w);
	else
		pin->ops->draw(pin, app);
	term_flush();
}

/* Shows the out-of-service notice until retry() succeeds, a signal, or
   the staff's exit (F10 and the PIN, as on every screen). */
void
ui_out_of_service(struct app *app, bool (*retry)(void *), void *arg)
{
	struct screen *pin = NULL;
	bool redraw = true;
	int waited = 0;

	while (!app_stopping() && !app->staff_exit) {
		struct app_event ev;
		int rc;

		if (redraw && pin != NULL)
			draw_pin(pin, app);
		else if (redraw)
			ui_notice_out_of_service();
		/* A second at a time, so that a signal ends it within one. */
		rc = term_read(&ev, 1000);
		if (rc == APP_READ_EOF)
			break;          /* no terminal: nobody to tell */
		if (rc == 0 && ev.key == AK_STAFF && pin == NULL &&
		    app_restricts(app, APP_STAFF_EXIT) && app->config != NULL &&
		    app->config->pin != NULL) {
			pin = ui_registry_open(app, APP_SCREEN_PIN, NULL);
			redraw = pin != NULL;
			continue;
		}
		if (rc == 0 && pin != NULL && ev.key != AK_RESIZE &&
		    ev.key != AK_STAFF) {
			app_set_message(app, NULL);
			if (pin->ops->key(pin, app, &ev) & APP_POP) {
				pin->ops->free(pin);
				pin = NULL;
			}
			/* The right PIN: without a database the staff menu
			   has nothing to show; the staff leave at once. */
			if (app->staff_menu) {
				app->staff_menu = false;
				app_staff_leave(app);
			}
			redraw = true;
			continue;
		}
		/* Other keys do nothing but ask retry(), as every second
		   does; the notice is drawn again after a resize and every
		   ten seconds, the PIN screen every second (its delay). */
		redraw = (rc == 0 && ev.key == AK_RESIZE) ||
		         (rc != 0 && (pin != NULL || ++waited % 10 == 0));
		if (retry(arg))
			break;
	}
	if (pin != NULL)
		pin->ops->free(pin);
	app_set_message(app, NULL);
}

const struct app_ui ui_app = {
	.read = ui_read,
	.draw = ui_draw,
	.open = ui_registry_open,
	.look = ui_look,
	.forget = term_forget,
	.out_of_service = ui_out_of_service,
};
