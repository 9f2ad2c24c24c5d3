/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-app.c - the kiosk rules of app.c without a terminal: the delay
 * after wrong staff PINs (its table, Enter refused while it runs, kept
 * through the idle reset, and on disk across a restart), the staff's
 * exit, the wiping of the screen at the reset, and the digit scheme's
 * parts that cross screens (the 0 that waits, the run of zeros, back from
 * home, leave and mark). A stand-in user interface counts what app.c asks
 * of it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/config.h"
#include "common/xalloc.h"

static int forgotten;   /* calls of the stand-in's forget */
static int leaves;      /* calls of the stand-ins' leave */
static int marked;      /* calls of the stand-ins' mark */
static int timeouts;    /* AK_TIMEOUT the stand-ins got */
static int picked;      /* the entry a digit picked on a stand-in, or -1 */
static enum app_screen opened;  /* what the stand-in ui opened last */

/* A stand-in screen; typing: it takes every digit as text, as a line
   holding text does; else it numbers 1-9 and 01-09, as a long list. */
struct stub {
	struct screen base;
	bool typing;
	bool line;      /* an empty line: 0 waits, a digit starts a number */
};

/* Frees a stand-in. */
static void
stub_free(struct screen *s)
{
	free(s);
}

/* Counts the leaves. */
static void
stub_leave(struct screen *s, struct app *app)
{
	(void)s;
	(void)app;
	leaves++;
}

/* Counts the marks. */
static void
stub_mark(struct screen *s, const struct text_tokens *words)
{
	(void)s;
	(void)words;
	marked++;
}

/* A long list, or a line holding text. */
static int
stub_key(struct screen *s, struct app *app, const struct app_event *ev)
{
	struct stub *t = (struct stub *)s;

	if (ev->key == AK_TIMEOUT) {
		timeouts++;
		return APP_REDRAW;
	}
	if (t->typing && ev->key >= '0' && ev->key <= '9')
		return APP_REDRAW;
	if (t->line && ev->key == '0')
		return app_zero_wait(app);
	if (t->line) {
		t->typing = true;       /* typed: the line rests later */
		app_wait(app);
		return APP_REDRAW;
	}
	if (ev->key == '0')
		return s->zero_waits ? app_zero_wait(app) : APP_IGNORED;
	picked = (int)app_number(app, ev->key, KEYS_LIST_ONES);
	return picked >= 0 ? APP_REDRAW : APP_IGNORED;
}

static const struct screen_ops stub_ops = {
	.key = stub_key,
	.leave = stub_leave,
	.mark = stub_mark,
	.free = stub_free,
};

/* Returns a new stand-in screen. */
static struct screen *
stub_screen(struct app *app)
{
	struct stub *t = xcalloc(1, sizeof *t);

	(void)app;
	t->base.ops = &stub_ops;
	return &t->base;
}

/* Opens a stand-in screen for any node or screen. */
static struct screen *
stub_open(struct app *app, enum app_screen what, const char *id)
{
	(void)id;
	opened = what;
	return stub_screen(app);
}

/* Counts the times the screen is cleared. */
static void
stub_forget(void)
{
	forgotten++;
}

/* Does nothing to the look. */
static void
stub_look(bool next)
{
	(void)next;
}

static const struct app_ui stub_ui = {
	.open = stub_open,
	.look = stub_look,
	.forget = stub_forget,
};

/* 1, 2, 4 ... seconds, then never more than APP_PIN_DELAY_MAX. */
static void
test_delay_table(void **state)
{
	static const int want[] = { 0, 1, 2, 4, 8, 16, 32, 60, 60, 60 };

	(void)state;
	for (int i = 0; i < (int)(sizeof want / sizeof *want); i++)
		assert_int_equal(app_pin_delay(i), want[i]);
	assert_int_equal(app_pin_delay(1000), APP_PIN_DELAY_MAX);
	assert_int_equal(app_pin_delay(-1), 0);
}

/* A wrong PIN starts the delay; during it even the right one is refused
   unchecked; the idle reset keeps it; the right one after it leaves. */
static void
test_delay_kept(void **state)
{
	struct config c = { .pin = config_hash_pin("246810"), .idle = -1 };
	struct app app;

	(void)state;
	assert_non_null(c.pin);
	app_init(&app, NULL, &stub_ui, true);
	app.config = &c;
	/* Five wrong tries already: the sixth waits 32 s, far longer than
	   this test runs. */
	app.pin_failures = 5;
	assert_int_equal(app_pin_try(&app, "111111"), 0);
	assert_int_equal(app.pin_failures, 6);
	assert_in_range(app_pin_wait(&app), 31, 32);
	assert_int_equal(app_pin_try(&app, "246810"), -1);
	assert_false(app.quit);
	forgotten = 0;
	app_reset(&app);
	assert_int_equal(forgotten, 1);
	assert_int_equal(app.pin_failures, 6);
	assert_in_range(app_pin_wait(&app), 31, 32);
	assert_int_equal(app_pin_try(&app, "246810"), -1);
	/* Once the delay is over (set back, not waited for). */
	app.pin_until = 0;
	assert_int_equal(app_pin_try(&app, "246810"), 1);
	/* The right PIN opens the staff menu; leaving is one of its
	   entries. */
	assert_false(app.quit);
	assert_true(app.staff_menu);
	assert_int_equal(app.pin_failures, 0);
	app_staff_leave(&app);
	assert_true(app.quit);
	assert_true(app.staff_exit);
	app_free(&app);
	config_free(&c);
}

/* The delay is on disk before the PIN is checked: a new process (a
   restart after a crash) finds it; the right PIN removes it. */
static void
test_delay_on_disk(void **state)
{
	char dir[] = "/tmp/accueil-test-app-XXXXXX";
	struct config c = { .pin = config_hash_pin("246810"), .idle = -1 };
	struct app app, again;
	long long left;
	int failures;

	(void)state;
	assert_non_null(mkdtemp(dir));
	c.delay_file = xasprintf("%s/pin-delay", dir);
	app_init(&app, NULL, &stub_ui, true);
	app.config = &c;
	app.pin_failures = 4;
	assert_int_equal(app_pin_try(&app, "111111"), 0);
	/* A new process: 5 wrong tries, 16 s to wait. */
	app_init(&again, NULL, &stub_ui, true);
	config_delay_load(&c, APP_PIN_DELAY_MAX * 1000LL, &failures, &left);
	assert_int_equal(failures, 5);
	assert_in_range(left, 14000, 16000);
	/* Bounded by the longest delay, whatever the file says. */
	config_delay_save(&c, 9, 3600 * 1000LL);
	config_delay_load(&c, APP_PIN_DELAY_MAX * 1000LL, &failures, &left);
	assert_in_range(left, 1, APP_PIN_DELAY_MAX * 1000LL);
	app.pin_until = 0;
	assert_int_equal(app_pin_try(&app, "246810"), 1);
	config_delay_load(&c, APP_PIN_DELAY_MAX * 1000LL, &failures, &left);
	assert_int_equal(failures, 0);
	assert_int_equal(left, 0);
	rmdir(dir);
	app_free(&app);
	app_free(&again);
	config_free(&c);
}

/* Typed PINs: the same rule as the PIN screen's. */
static void
test_pin_rule(void **state)
{
	static const char *refused[] = {
		"", "12345", "123 456", "123456\t", "éééééé",
	};
	char max[CONFIG_PIN_MAX + 2];

	(void)state;
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		assert_non_null(config_pin_refused(refused[i]) ? "" : NULL);
	assert_null(config_pin_refused("123456"));
	assert_null(config_pin_refused("A-b_c!~"));
	memset(max, 'x', CONFIG_PIN_MAX);
	max[CONFIG_PIN_MAX] = '\0';
	assert_null(config_pin_refused(max));
	max[CONFIG_PIN_MAX] = 'x';
	max[CONFIG_PIN_MAX + 1] = '\0';
	assert_non_null(config_pin_refused(max));
}

/* Presses key on app. */
static void
press(struct app *app, int key)
{
	struct app_event ev = { .key = key };

	app_handle(app, &ev);
}

/* Returns an app with home and depth - 1 screens above it. */
static void
stacked(struct app *app, int depth)
{
	app_init(app, NULL, &stub_ui, true);
	for (int i = 0; i < depth; i++)
		assert_int_equal(app_open(app, "x"), 0);
	assert_int_equal(app->depth, depth);
}

/* 0 goes back; the third 0 in a row goes home, and the key bar says so
   before; on home, 0 is the picker. */
static void
test_zero_run(void **state)
{
	struct app app;

	(void)state;
	stacked(&app, 6);
	assert_int_equal(app_back_key(&app), KEYS_BACK);
	press(&app, '0');
	assert_int_equal(app.depth, 5);
	press(&app, '0');
	assert_int_equal(app.depth, 4);
	assert_int_equal(app_back_key(&app), KEYS_ZERO_HOME);
	press(&app, '0');
	assert_int_equal(app.depth, 1);
	assert_int_equal(app_back_key(&app), KEYS_ZERO_PICKER);
	opened = APP_SCREEN_NODE;
	press(&app, '0');
	assert_int_equal(app.depth, 2);
	assert_int_equal(opened, APP_SCREEN_LANGUAGE);
	/* Another key between: the run starts again. */
	app_free(&app);
	stacked(&app, 6);
	press(&app, '0');
	press(&app, '0');
	press(&app, 'x');
	press(&app, '0');
	assert_int_equal(app.depth, 3);
	/* The run ends with the wait: the next 0 is back, not home. */
	press(&app, '0');
	assert_int_equal(app.depth, 2);
	assert_true(app_tick(&app, true));
	assert_int_equal(app_back_key(&app), KEYS_BACK);
	app_free(&app);
}

/* Where 01-09 are shown, 0 waits: a digit then picks 10-18, a second 0
   goes back, and the wait's end drops it (the screen is told). */
static void
test_zero_waits(void **state)
{
	struct app app;

	(void)state;
	stacked(&app, 3);
	app.top->zero_waits = true;
	assert_int_equal(app_back_key(&app), KEYS_BACK_WAIT);
	press(&app, '3');
	assert_int_equal(picked, 2);
	press(&app, '0');
	assert_true(app.zero_waits);
	assert_int_equal(app.depth, 3);
	assert_int_equal(app_back_key(&app), KEYS_BACK);
	press(&app, '3');
	assert_int_equal(picked, 11);
	assert_false(app.zero_waits);
	press(&app, '0');
	press(&app, '0');
	assert_int_equal(app.depth, 2);
	app.top->zero_waits = true;
	press(&app, 'x');       /* (else the next 0 is the third: home) */
	press(&app, '0');
	assert_true(app.zero_waits);
	timeouts = 0;
	assert_true(app_tick(&app, true));
	assert_false(app.zero_waits);
	assert_int_equal(timeouts, 1);
	assert_false(app_tick(&app, false));
	press(&app, '3');
	assert_int_equal(picked, 2);
	app_free(&app);
}

/* Zeros typed in a line are text: they never go back nor home. */
static void
test_zero_typed(void **state)
{
	struct app app;

	(void)state;
	stacked(&app, 3);
	((struct stub *)app.top)->typing = true;
	for (int i = 0; i < 6; i++)
		press(&app, '0');
	assert_int_equal(app.depth, 3);
	assert_int_equal(app.zeros, 0);
	app_free(&app);
}

/* On an empty line, 0 waits; a digit then is a number typed, and the
   line's own wait (before it rests) goes on. */
static void
test_zero_line(void **state)
{
	struct app app;

	(void)state;
	stacked(&app, 2);
	((struct stub *)app.top)->line = true;
	press(&app, '0');
	assert_true(app.zero_waits);
	press(&app, '4');
	assert_false(app.zero_waits);
	assert_true(app.wait_until > 0);
	assert_int_equal(app.depth, 2);
	app_free(&app);
}

/* The covered or closed screen is told (a reading stops there); a search
   result opens with its words marked. */
static void
test_leave_mark(void **state)
{
	struct app app;
	struct text_tokens words = { 0 };

	(void)state;
	leaves = marked = 0;
	stacked(&app, 2);
	assert_int_equal(leaves, 1);
	app_open(&app, "y");
	assert_int_equal(leaves, 2);
	app_pop(&app);
	assert_int_equal(leaves, 3);
	app_open_marked(&app, "z", &words);
	assert_int_equal(marked, 1);
	assert_int_equal(leaves, 4);
	app_free(&app);
	assert_int_equal(leaves, 5);
}

/* The numbers of a list: 1-9, then 01-09; of a page's links, 1-7 then
   01-09; and back from a digit to the entry. */
static void
test_numbers(void **state)
{
	char buf[4];

	(void)state;
	keys_number(0, KEYS_LIST_ONES, buf);
	assert_string_equal(buf, "1");
	keys_number(8, KEYS_LIST_ONES, buf);
	assert_string_equal(buf, "9");
	keys_number(9, KEYS_LIST_ONES, buf);
	assert_string_equal(buf, "01");
	keys_number(17, KEYS_LIST_ONES, buf);
	assert_string_equal(buf, "09");
	keys_number(18, KEYS_LIST_ONES, buf);
	assert_string_equal(buf, "");
	keys_number(7, KEYS_PAGE_ONES, buf);
	assert_string_equal(buf, "01");
	assert_int_equal(keys_index('8', false, KEYS_PAGE_ONES), -1);
	assert_int_equal(keys_index('7', false, KEYS_PAGE_ONES), 6);
	assert_int_equal(keys_index('1', true, KEYS_PAGE_ONES), 7);
	assert_int_equal(keys_index('4', true, KEYS_LIST_ONES), 12);
	assert_int_equal(keys_index('0', false, KEYS_LIST_ONES), -1);
	assert_true(keys_two_digits(9, KEYS_LIST_ONES));
	assert_false(keys_two_digits(8, KEYS_LIST_ONES));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delay_table),
		cmocka_unit_test(test_delay_kept),
		cmocka_unit_test(test_delay_on_disk),
		cmocka_unit_test(test_pin_rule),
		cmocka_unit_test(test_zero_run),
		cmocka_unit_test(test_zero_waits),
		cmocka_unit_test(test_zero_typed),
		cmocka_unit_test(test_zero_line),
		cmocka_unit_test(test_leave_mark),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
