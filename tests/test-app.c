/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-app.c - the kiosk rules of app.c without a terminal: the delay
 * after wrong staff PINs (its table, Enter refused while it runs, kept
 * through the idle reset, and on disk across a restart), the staff's
 * exit, and the wiping of the screen
 * at the reset. A stand-in user interface counts what app.c asks of it.
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

/* A stand-in screen that holds nothing. */
static void
stub_free(struct screen *s)
{
	free(s);
}

static const struct screen_ops stub_ops = { .free = stub_free };

/* Returns a new stand-in screen. */
static struct screen *
stub_screen(struct app *app)
{
	struct screen *s = xcalloc(1, sizeof *s);

	(void)app;
	s->ops = &stub_ops;
	return s;
}

/* Opens a stand-in screen for any node or screen. */
static struct screen *
stub_open(struct app *app, enum app_screen what, const char *id)
{
	(void)what;
	(void)id;
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
	assert_true(app.quit);
	assert_true(app.staff_exit);
	assert_int_equal(app.pin_failures, 0);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_delay_table),
		cmocka_unit_test(test_delay_kept),
		cmocka_unit_test(test_delay_on_disk),
		cmocka_unit_test(test_pin_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
