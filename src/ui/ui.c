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
	if (term_read(ev, timeout_ms) != 0)
		return -1;
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
	} else {
		app->top->ops->draw(app->top, app);
		if (app->countdown > 0)
			ui_notice_countdown(app, h, w);
	}
	term_flush();
}

/* Shows the out-of-service notice until retry() succeeds or a signal. */
void
ui_out_of_service(bool (*retry)(void *), void *arg)
{
	bool redraw = true;

	while (!app_stopping()) {
		struct app_event ev;

		if (redraw)
			ui_notice_out_of_service();
		/* Keys do nothing; every ten seconds, try again. */
		redraw = term_read(&ev, 10000) != 0 || ev.key == AK_RESIZE;
		if (retry(arg))
			return;
	}
}

const struct app_ui ui_app = {
	.read = ui_read,
	.draw = ui_draw,
	.open = ui_registry_open,
	.look = ui_look,
	.forget = term_forget,
};
