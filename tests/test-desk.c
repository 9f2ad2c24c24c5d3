/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-desk.c - the desk's own facts: hours read and written as the staff
 * type them and as a visitor reads them, "open now" from a given clock,
 * days, the checks of what the staff enter, and the desk database itself
 * (a file made at the first write, all-or-nothing writes, a damaged file)
 * in a temporary folder, with the card and home built on it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "db/desk.h"
#include "model/hours.h"
#include "model/model.h"
#include "model/staff.h"

static char dir[] = "/tmp/accueil-test-desk-XXXXXX";
static char *path;

/* A fresh folder for each test. */
static int
setup(void **state)
{
	(void)state;
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
	if (mkdtemp(dir) == NULL)
		return -1;
	path = xasprintf("%s/desk.db", dir);
	return 0;
}

/* Removes the folder. */
static int
teardown(void **state)
{
	char *j = xasprintf("%s-journal", path);

	(void)state;
	staff_close();
	unlink(path);
	unlink(j);
	rmdir(dir);
	free(j);
	free(path);
	return 0;
}

/* Hours as the staff type them: read, refused, written back. */
static void
test_hours_parse(void **state)
{
	static const struct {
		const char *typed;
		size_t n;       /* ranges read, or (size_t)-1 refused */
		const char *back;
	} cases[] = {
		{ "", 0, "" },
		{ "09:00-12:00", 1, "09:00-12:00" },
		{ " 09:00 -12:00, 13:30-16:00 ", 2, "09:00-12:00 13:30-16:00" },
		{ "rdv", 1, "rdv" },
		{ "09:00-12:00 rdv", 1, "09:00-12:00 rdv" },
		{ "12:00-09:00", (size_t)-1, NULL },
		{ "9h-12h", (size_t)-1, NULL },
		{ "25:00-26:00", (size_t)-1, NULL },
		{ "09:00", (size_t)-1, NULL },
		{ "rdv 09:00-12:00", (size_t)-1, NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct desk_range *v = NULL;
		size_t n = 0;
		const char *why = hours_parse(cases[i].typed, 3, &v, &n);

		if (cases[i].n == (size_t)-1) {
			assert_non_null(why);
			assert_int_equal(n, 0);
		} else {
			char *back;

			assert_null(why);
			assert_int_equal(n, cases[i].n);
			back = hours_format(v, n, 3);
			assert_string_equal(back, cases[i].back);
			free(back);
			/* Another weekday has nothing. */
			back = hours_format(v, n, 4);
			assert_string_equal(back, "");
			free(back);
		}
		free(v);
	}
}

/* Hours as a visitor reads them, in French; open or closed now. */
static void
test_hours_read(void **state)
{
	struct desk_range v[] = {
		{ 1, 540, 720, false }, { 3, -1, -1, true },
	};
	struct hours_now mon10 = { "2026-12-07", 1, 600 };
	struct hours_now mon12 = { "2026-12-07", 1, 720 };
	struct hours_now wed10 = { "2026-12-09", 3, 600 };
	char *s;

	(void)state;
	s = hours_day_line(v, 2, 1);
	assert_string_equal(s, "lundi : 9 h 00 – 12 h 00");
	free(s);
	s = hours_day_line(v, 2, 3);
	assert_string_equal(s, "mercredi : sur rendez-vous");
	free(s);
	assert_null(hours_day_line(v, 2, 2));
	assert_int_equal(hours_open(v, 2, &mon10), 1);
	assert_int_equal(hours_open(v, 2, &mon12), 0);
	assert_int_equal(hours_open(v, 2, &wed10), 0);
}

/* Days, and the clock the tests set. */
static void
test_days(void **state)
{
	struct hours_now now;
	char out[11], *day;

	(void)state;
	assert_true(hours_valid_day("2026-12-31"));
	assert_false(hours_valid_day("2026-02-30"));
	assert_false(hours_valid_day("2026-12-1"));
	assert_false(hours_valid_day("31/12/2026"));
	assert_true(hours_add_days("2026-12-31", 1, out));
	assert_string_equal(out, "2027-01-01");
	setenv("ACCUEIL_TEST_NOW", "2026-12-07T10:30", 1);
	hours_now(&now);
	unsetenv("ACCUEIL_TEST_NOW");
	assert_string_equal(now.day, "2026-12-07");
	assert_int_equal(now.weekday, 1);
	assert_int_equal(now.minute, 630);
	day = hours_day_text("2026-12-07");
	assert_string_equal(day, "07/12/2026");
	free(day);
}

/* What the staff may enter. */
static void
test_checks(void **state)
{
	(void)state;
	assert_null(staff_check("phone", "081 00 00 00"));
	assert_null(staff_check("phone", "+32 81 00 00 00"));
	assert_null(staff_check("phone", ""));
	assert_non_null(staff_check("phone", "081"));
	assert_non_null(staff_check("phone", "081 00 00 00 ext. 2"));
	assert_null(staff_check("email", "accueil@example.be"));
	assert_non_null(staff_check("email", "accueil at example.be"));
	assert_non_null(staff_check("email", "a@b@c.be"));
	assert_non_null(staff_check("address", "line\nbreak"));
	assert_non_null(staff_check("fax", "1"));
}

/* The desk database: nothing made until a write; a write all or
   nothing. */
static void
test_desk_writes(void **state)
{
	static const char *const fields[2] = { "phone", "fax" };
	static const char *const good[2] = { "phone", "email" };
	const char *values[2] = { "081 00 00 00", "x@example.be" };
	struct desk_range h = { 1, 540, 720, false };
	struct desk_card c;
	struct desk *d;
	char *err;

	(void)state;
	assert_int_equal(desk_open(path, true, &d, &err), 0);
	assert_int_equal(desk_card_get(d, "bureau-accueil", &c), 0);
	assert_int_equal(c.nfacts, 0);
	desk_card_free(&c);
	assert_int_equal(access(path, F_OK), -1);
	/* A field the schema refuses: the phone before it is not kept. */
	assert_int_equal(desk_card_set(d, "bureau-accueil", fields, values, 2,
	                               &h, 1, "2026-12-05"), -1);
	assert_int_equal(desk_card_get(d, "bureau-accueil", &c), 0);
	assert_int_equal(c.nfacts, 0);
	assert_int_equal(c.nhours, 0);
	desk_card_free(&c);
	assert_int_equal(desk_card_set(d, "bureau-accueil", good, values, 2,
	                               &h, 1, "2026-12-05"), 0);
	assert_int_equal(desk_card_get(d, "bureau-accueil", &c), 0);
	assert_int_equal(c.nfacts, 2);
	assert_int_equal(c.nhours, 1);
	assert_string_equal(c.hours_entered, "2026-12-05");
	desk_card_free(&c);
	assert_int_equal(desk_check(d), 0);
	desk_close(d);
	/* Read-only, from another process's point of view. */
	assert_int_equal(desk_open(path, false, &d, &err), 0);
	assert_int_equal(desk_card_get(d, "bureau-accueil", &c), 0);
	assert_int_equal(c.nfacts, 2);
	desk_card_free(&c);
	assert_int_equal(desk_fact_set(d, "bureau-accueil", "phone", "", "x"),
	                 -1);
	desk_close(d);
}

/* Notices: shown from their first to their last day. */
static void
test_desk_notices(void **state)
{
	struct desk_text t[2] = { { "fr", "Fermé" }, { "en", "Closed" } };
	struct desk_notice n = { 0, "2026-12-05", "2026-12-06", "2026-12-05",
	                         2, t };
	struct desk_content c;
	struct desk *d;
	char *err;

	(void)state;
	assert_int_equal(desk_open(path, true, &d, &err), 0);
	assert_int_equal(desk_notice_add(d, &n, NULL), 0);
	assert_int_equal(desk_notices(d, "2026-12-04", &c), 0);
	assert_int_equal(c.nnotices, 0);
	desk_content_free(&c);
	assert_int_equal(desk_notices(d, "2026-12-06", &c), 0);
	assert_int_equal(c.nnotices, 1);
	assert_int_equal(c.notices[0].ntexts, 2);
	assert_string_equal(c.notices[0].texts[0].lang, "fr");
	desk_content_free(&c);
	assert_int_equal(desk_notices(d, "2026-12-07", &c), 0);
	assert_int_equal(c.nnotices, 0);
	desk_content_free(&c);
	desk_close(d);
}

/* A file of other bytes: refused with a sentence; every read fails. */
static void
test_desk_damaged(void **state)
{
	FILE *f = fopen(path, "w");
	struct desk_card c;
	struct desk *d;
	char *err;

	(void)state;
	assert_non_null(f);
	for (int i = 0; i < 8192; i++)
		fputc((i * 7919 + 13) & 0xff, f);
	fclose(f);
	assert_int_equal(desk_open(path, true, &d, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, path));
	free(err);
	assert_int_equal(desk_card_get(d, "x", &c), -1);
	desk_card_free(&c);
	assert_true(desk_damaged(d));
	desk_close(d);
	/* The staff see the one sentence; the desk gives nothing to read. */
	assert_int_equal(staff_open(path, true, &err), -1);
	free(err);
	assert_null(staff_desk());
	assert_non_null(strstr(staff_problem(), "endommagé"));
}

/* The card and home built on the desk's facts, in French. */
static void
test_model_desk(void **state)
{
	const char *values[3] = { "", "081 00 00 00", "" };
	const char *days[7] = { "09:00-12:00", "", "rdv", "", "", "", "" };
	const char *texts[13] = { "Avis de test" };
	struct model_view v;
	struct db *db;
	char *err;
	bool phone = false, source = false, notice = false;

	(void)state;
	assert_int_equal(db_open(getenv("ACCUEIL_DB"), &db, &err), 0);
	assert_int_equal(staff_open(path, true, &err), 0);
	assert_null(err);
	setenv("ACCUEIL_TEST_NOW", "2026-12-07T10:00", 1);
	assert_int_equal(staff_set_card("bureau-accueil", values, days, &err), 0);
	assert_int_equal(staff_post_notice(texts, "2026-12-07", "2026-12-07",
	                                   &err), 0);
	assert_int_equal(model_view_load(db, "bureau-accueil", "fr", &v, &err),
	                 0);
	for (size_t i = 0; i < v.npara; i++) {
		phone |= v.para[i].name != NULL &&
		         strcmp(v.para[i].name, "phone") == 0 &&
		         strcmp(v.para[i].text, "081\u00a000\u00a000\u00a000") == 0;
		source |= strstr(v.para[i].text, "Accueil du CAI, 07/12/2026") !=
		          NULL;
	}
	assert_true(phone);
	assert_true(source);
	model_view_free(&v);
	assert_int_equal(model_view_load(db, "home", "en", &v, &err), 0);
	for (size_t i = 0; i < v.npara; i++)
		notice |= v.para[i].style == MODEL_WARNING &&
		          strncmp(v.para[i].text, "Avis de test", 12) == 0;
	assert_true(notice);
	model_view_free(&v);
	unsetenv("ACCUEIL_TEST_NOW");
	db_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hours_parse),
		cmocka_unit_test(test_hours_read),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_checks),
		cmocka_unit_test_setup_teardown(test_desk_writes, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_desk_notices, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_desk_damaged, setup,
		                                teardown),
		cmocka_unit_test_setup_teardown(test_model_desk, setup,
		                                teardown),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests_name("desk", tests, NULL, NULL);
}
