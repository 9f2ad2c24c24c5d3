/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * staff.h - the desk's own facts as the staff handle them: the desk
 * database opened once for the program's life (read-write in kiosk mode),
 * what the staff may enter (checked here, for the staff screens and the
 * import alike), and the text file that moves the desk's facts to another
 * kiosk or to the developers (--desk-export, --desk-import). No curses
 * here; the SQL is in db/desk.c.
 */
#ifndef ACCUEIL_STAFF_H
#define ACCUEIL_STAFF_H

#include <stdbool.h>
#include <stdio.h>

#include "db/db.h"
#include "db/desk.h"

/* The name the visitor sees as the source of the desk's facts. */
#define STAFF_SOURCE "Accueil du CAI"

/* The fields of a card the staff may fill in, in the order of the form. */
extern const char *const staff_fields[3];       /* address, phone, email */

/*
 * Returns the path of the desk database: given (--desk) unless NULL, else
 * $ACCUEIL_DESK, else $STATE_DIRECTORY/desk.db (systemd), else
 * /var/lib/accueil/desk.db. Static storage or given itself.
 */
const char *staff_path(const char *given);

/*
 * Opens the desk database at path for the life of the program, read-write
 * when writable (kiosk mode; the file is made at the first write). Returns
 * 0, or -1 when it is there but cannot be used: then *err is one malloc'd
 * sentence for the journal (caller frees) and the visitor side goes on
 * with the package's facts alone. Opening again closes the one before.
 */
int staff_open(const char *path, bool writable, char **err);

/* Closes the desk database (nothing happens when none is open). */
void staff_close(void);

/* Returns the desk database to read from, or NULL when there is none or
   it is damaged. */
struct desk *staff_desk(void);

/* Returns the one sentence the staff see about the desk database
   (damaged, read-only, missing folder...), translated, or NULL when all
   is well. Static storage until the next call of any staff_ function. */
const char *staff_problem(void);

/* Returns a sentence (static, translated) saying what is wrong with value
   for field ("phone", "email", "address" or "notice"), or NULL. */
const char *staff_check(const char *field, const char *value);

/* Returns, malloc'd, what the desk says of field of node ("" when
   nothing). */
char *staff_value(const char *node, const char *field);

/* Returns, malloc'd, the openings of node on weekday (1-7) in the form the
   staff type them ("" when closed or unknown). */
char *staff_hours_text(const char *node, int weekday);

/*
 * Sets field of node to value (checked; "" removes it), dated today, in
 * one transaction. Returns 0, or -1 with *err a malloc'd sentence.
 */
int staff_set(const char *node, const char *field, const char *value,
              char **err);

/*
 * Sets the whole card of node at once, in one transaction: values[i] for
 * staff_fields[i] ("" removes it), and days[0..6] the hours of Monday to
 * Sunday as hours_parse reads them; every value checked first, nothing
 * written when one is wrong. 0, or -1 with *err a malloc'd sentence.
 */
int staff_set_card(const char *node, const char *const values[3],
                   const char *const days[7], char **err);

/*
 * Posts a notice: texts[i] is its text in the language i of the language
 * table (i18n_languages; French required, "" or NULL for none), shown from
 * first to last (YYYY-MM-DD). One transaction. 0, or -1 with *err.
 */
int staff_post_notice(const char *const *texts, const char *first,
                      const char *last, char **err);

/* Removes every notice whose last day has passed, and those shown today
   when today is true. Returns how many went, or -1 with *err. */
int staff_clear_notices(bool today, char **err);

/*
 * Writes everything the desk keeps to out as text a person can read (and
 * --desk-import reads). Returns 0, or -1 with *err a malloc'd sentence.
 */
int staff_export(FILE *out, char **err);

/*
 * Reads a file written as staff_export writes (name for the messages),
 * checking every line against the content database db (cards that exist,
 * real days, hours, languages): each bad line is one line on errors,
 * "NAME:LINE: why", and then nothing is written. Otherwise replaces
 * everything the desk keeps, in one transaction. Returns 0, or -1 (with
 * *err a malloc'd sentence when the reason is not in errors).
 */
int staff_import(FILE *in, const char *name, struct db *db, FILE *errors,
                 char **err);

#endif
