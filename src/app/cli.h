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
	bool set_pin;           /* --set-pin */
	bool check_config;      /* --check-config */
	const char *pin_file;   /* --pin-file FILE, or NULL: CONFIG_PIN_PATH
	                           unless --config is given (then none) */
	bool languages;         /* --languages */
	bool terminal_bidi;     /* --terminal-bidi */
	bool brief;             /* --brief: one line per contact */
};

/*
 * Parses argv into *o. Returns -1 when the program should go on, or the exit
 * status when it is already done (--help, --version: 0; a bad option: 2,
 * with one sentence on stderr).
 */
int cli_parse(int argc, char **argv, struct cli *o);

/* Where bugs are reported (--help). */
#define CLI_BUG_ADDRESS \
	"maintainers@users.noreply.h-seed-2a616ead.example"

/* Returns the PIN file o names: --pin-file, or the default one unless
   --config is given (then NULL: the configuration file alone). */
const char *cli_pin_file(const struct cli *o);

/*
 * --hash-pin: reads a PIN on standard input (without echo on a terminal)
 * and prints its "pin =" line. Returns 0, or 2 (one sentence on stderr).
 */
int cli_hash_pin(void);

/*
 * --set-pin: reads the PIN twice (without echo on a terminal; two lines
 * otherwise) and writes its hash into the PIN file of o. Returns 0, or 2.
 */
int cli_set_pin(const struct cli *o);

/*
 * --check-config: says what each line of the configuration file and of
 * the PIN file means, and which PIN the kiosk uses. Returns 0, or 1 when a
 * line is bad or a file unreadable.
 */
int cli_check_config(const struct cli *o);

/*
 * Returns rc, or 2 when standard output could not be written (a full
 * disk), saying so on stderr. Call once before exiting.
 */
int cli_close_stdout(int rc);

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
 * Prints, per language, how complete and how reviewed the interface and the
 * content are. Returns 0, or 2 on error.
 */
int cli_languages(struct db *db, FILE *out);

#endif
