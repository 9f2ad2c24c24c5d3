/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli.h - the command line: options, --help, --version, and the plain-text
 * answers (--search) that need no screen.
 */
#ifndef ACCUEIL_CLI_H
#define ACCUEIL_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "db/db.h"

struct cli {
	const char *db;         /* --db PATH, or NULL for the bundled one */
	const char *lang;       /* --lang LL, or NULL */
	const char *search;     /* --search WORDS, or NULL */
	const char *contacts;   /* --contacts WORDS, or NULL */
	bool kiosk;             /* --kiosk */
	int idle;               /* --idle SECONDS (-1: not given) */
	const char *config;     /* --config FILE, or NULL for the default */
	bool hash_pin;          /* --hash-pin */
	bool languages;         /* --languages */
	bool terminal_bidi;     /* --terminal-bidi */
	bool brief;             /* --brief: one line per contact */
	const char *desk;       /* --desk FILE: the desk's facts, or NULL */
	const char *desk_export;        /* --desk-export FILE, or NULL */
	const char *desk_import;        /* --desk-import FILE, or NULL */
};

/*
 * Parses argv into *o. Returns -1 when the program should go on, or the exit
 * status when it is already done (--help, --version: 0; a bad option: 2,
 * with one sentence on stderr).
 */
int cli_parse(int argc, char **argv, struct cli *o);

/* Returns the path of the bundled database (static storage). */
const char *cli_default_db(void);

/*
 * Prints to out every entry matching words, with its breadcrumb, title and
 * details. Returns 0 when something matched, 1 when nothing did, 2 on error
 * (with one sentence on stderr).
 */
int cli_search(struct db *db, const char *words, const char *lang, FILE *out);

/*
 * The same for contact cards only (--contacts); when brief, one line per
 * card: name, organisation, phone, e-mail, separated by tabs (a field no
 * source gives says "ask at the desk", an organisation none gives is
 * empty).
 */
int cli_contacts(struct db *db, const char *words, const char *lang,
                 bool brief, FILE *out);

/*
 * Opens the desk's own facts (--desk, or where staff_path says) for the
 * program's life: read-write in kiosk mode and for --desk-import, else
 * read-only. A desk database that cannot be used is said on stderr (the
 * journal), and the program goes on with the package's facts alone.
 */
void cli_desk_open(const struct cli *o);

/*
 * Does --desk-export (to a file, or "-" for standard output) or
 * --desk-import (checked against db: nothing written on any error).
 * Returns 0, or 2 with the reasons on stderr.
 */
int cli_desk(struct db *db, const struct cli *o);

/*
 * Prints, per language, how complete and how reviewed the interface and the
 * content are. Returns 0, or 2 on error.
 */
int cli_languages(struct db *db, FILE *out);

#endif
