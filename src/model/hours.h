/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * hours.h - opening hours and days as a visitor reads them: the machine's
 * clock (ACCUEIL_TEST_NOW sets it for the tests), a weekday's openings
 * written in the visitor's language with 24-hour times, "open now" or
 * "closed now", and the short form the staff type them in ("09:00-12:00",
 * "rdv"). No SQL and no curses here.
 */
#ifndef ACCUEIL_HOURS_H
#define ACCUEIL_HOURS_H

#include <stdbool.h>
#include <stddef.h>

#include "db/desk.h"

/* The time now, as the machine's clock gives it in local time, or as
   ACCUEIL_TEST_NOW ("YYYY-MM-DDTHH:MM") says in the tests. */
struct hours_now {
	char day[11];   /* YYYY-MM-DD */
	int weekday;    /* 1 Monday ... 7 Sunday */
	int minute;     /* minutes after midnight */
};

/* Fills *now. */
void hours_now(struct hours_now *now);

/* Returns true when s is a real day written YYYY-MM-DD. */
bool hours_valid_day(const char *s);

/* Writes day (YYYY-MM-DD) plus delta days into out (11 bytes); false when
   day is not a day. */
bool hours_add_days(const char *day, int delta, char out[11]);

/* Returns day (YYYY-MM-DD) as DD/MM/YYYY, malloc'd (anything else as it
   is). */
char *hours_day_text(const char *day);

/* Returns the name of weekday (1 Monday ... 7 Sunday) in the current
   language (owned by gettext). */
const char *hours_weekday(int weekday);

/*
 * Returns, malloc'd, the openings of one weekday among the n ranges of v
 * in the current language ("lundi : 9 h 00 – 12 h 00", "mercredi : sur
 * rendez-vous"), or NULL when that day has none.
 */
char *hours_day_line(const struct desk_range *v, size_t n, int weekday);

/* Returns 1 when the ranges say it is open at now, 0 when closed. A range
   by appointment is not "open". */
int hours_open(const struct desk_range *v, size_t n,
               const struct hours_now *now);

/*
 * Parses what the staff typed for one weekday: "" (closed), "rdv" (by
 * appointment), or times "09:00-12:00 13:30-16:00", which "rdv" may follow
 * (those times, by appointment). Appends the ranges to *v (n of them, a
 * malloc'd array). Returns NULL, or a sentence saying what is wrong
 * (static, translated).
 */
const char *hours_parse(const char *s, int weekday, struct desk_range **v,
                        size_t *n);

/* Returns the openings of weekday among v in the form hours_parse reads,
   malloc'd ("" when closed). */
char *hours_format(const struct desk_range *v, size_t n, int weekday);

#endif
