/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.h - the kiosk's configuration: /etc/accueil.conf (--config) and
 * the PIN file /etc/accueil/pin (--pin-file), neither a dpkg conffile.
 *
 * Lines "key = value"; "#" starts a comment. Keys:
 *   pin  = a crypt(3) hash of the staff PIN (accueil --set-pin writes it
 *          into the PIN file; an older /etc/accueil.conf may hold one)
 *   idle = seconds without input before the reset countdown
 *   languages = the desk's order of the language picker
 * The PIN file holds only "pin =" (once). Without a pin there is no way
 * out of kiosk mode by keys. The PIN delay (the wrong tries in a row) is
 * kept in a file of the state directory, so that a crash keeps it.
 */
#ifndef ACCUEIL_CONFIG_H
#define ACCUEIL_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#define CONFIG_DEFAULT_PATH "/etc/accueil.conf"
#define CONFIG_PIN_PATH "/etc/accueil/pin"
/* The group that reads the PIN file (the kiosk's user's). */
#define CONFIG_PIN_GROUP "accueil"
/* The file of the PIN delay, in the state directory. */
#define CONFIG_DELAY_NAME "pin-delay"

/*
 * The staff PIN: from CONFIG_PIN_MIN to CONFIG_PIN_MAX characters, each a
 * printable ASCII character other than the space (what every keyboard
 * layout types on the PIN screen). The same rule at --hash-pin and there.
 */
#define CONFIG_PIN_MIN 6
#define CONFIG_PIN_MAX 64
#define CONFIG_PIN_CHAR(c) ((c) > 0x20 && (c) < 0x7f)

/* The longest idle time, on the command line and in the file alike. */
#define CONFIG_IDLE_MAX 86400

/* The largest configuration file read: more is an error, not a wait. */
#define CONFIG_SIZE_MAX (64 * 1024)

/* What a missing or unreadable file means to config_load. */
enum config_need {
	CONFIG_OPTIONAL,        /* missing or unreadable: nothing (a user
	                           outside the group runs without it) */
	CONFIG_IF_PRESENT,      /* missing: nothing; unreadable: an error
	                           (kiosk mode: never without its exit) */
	CONFIG_REQUIRED,        /* missing or unreadable: an error */
};

struct config {
	char *pin;      /* the hash, or NULL */
	char *pin_from; /* the file the hash came from, or NULL */
	char *delay_file;       /* where the PIN delay is kept, or NULL:
	                           in memory only */
	int idle;       /* -1 when not given */
	/* The desk's order of the language picker: codes of the language
	   table separated by one space ("ar fa ps"), or NULL: the table's. */
	char *languages;
};

/*
 * Reads the configuration file at path into *c (which it first empties).
 * Returns 0, or -1 with one malloc'd sentence in *err (naming the file and
 * the line) and *c empty. At most one "pin =" line, whose hash is weighed
 * (its kind and cost) once.
 */
int config_load(const char *path, enum config_need need, struct config *c,
                char **err);

/*
 * Reads the PIN file at path (only "pin =", once, and comments) into c,
 * whose PIN it replaces when the file holds one. Returns 0, or -1 with a
 * malloc'd sentence in *err (c's PIN then NULL: never half a check).
 */
int config_load_pin(const char *path, enum config_need need, struct config *c,
                    char **err);

/*
 * --check-config: writes to out, for each line of the configuration file
 * (pin_file false) or of the PIN file (pin_file true) at path, what it
 * means, and for each bad line why. Returns the number of bad lines (a
 * missing or unreadable file counts as one), with one sentence in *err for
 * the first (malloc'd), or 0.
 */
int config_explain(const char *path, bool pin_file, FILE *out, char **err);

/*
 * Writes "pin = hash" into the PIN file at path, replacing it whole
 * (written beside it, then renamed): mode 0640, group CONFIG_PIN_GROUP
 * when run as root and the group exists. Creates its folder (0755) if
 * missing. Returns 0, or -1 with a malloc'd sentence in *err.
 */
int config_write_pin(const char *path, const char *hash, char **err);

/* Returns the first folder of the state directories where the PIN delay
   can be kept ($STATE_DIRECTORY, $RUNTIME_DIRECTORY, /var/lib/accueil,
   /run/accueil), malloc'd, or NULL when none can be written. */
char *config_state_dir(void);

/*
 * Reads the PIN delay kept in c->delay_file: the wrong tries in a row in
 * *failures and the ms before the next try may be checked in *left_ms (at
 * most max_ms: a clock set back shortens nothing beyond it). Nothing kept:
 * 0 and 0.
 */
void config_delay_load(const struct config *c, long long max_ms,
                       int *failures, long long *left_ms);

/*
 * Keeps failures wrong tries in a row, the next try waiting delay_ms from
 * now, in c->delay_file (0 failures removes it). Returns 0, or -1 (errno)
 * when it cannot be written.
 */
int config_delay_save(const struct config *c, int failures, long long delay_ms);

/*
 * Returns NULL when pin can be typed on the PIN screen, else one sentence
 * (static) saying why not.
 */
const char *config_pin_refused(const char *pin);

/* Returns true when pin matches the staff PIN (false when none is set). */
bool config_pin_ok(const struct config *c, const char *pin);

/* Returns a new salted hash of pin for the configuration file, or NULL. */
char *config_hash_pin(const char *pin);

/* Frees what config_load and config_load_pin stored. */
void config_free(struct config *c);

#endif
