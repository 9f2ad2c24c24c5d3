/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.h - the kiosk's configuration file (--config, /etc/accueil.conf).
 *
 * Lines "key = value"; "#" starts a comment. Keys:
 *   pin  = a crypt(3) hash of the staff PIN (make one with accueil --hash-pin)
 *   idle = seconds without input before the reset countdown
 * Without a pin there is no way out of kiosk mode by keys.
 */
#ifndef ACCUEIL_CONFIG_H
#define ACCUEIL_CONFIG_H

#include <stdbool.h>

#define CONFIG_DEFAULT_PATH "/etc/accueil.conf"

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

struct config {
	char *pin;      /* the hash, or NULL */
	int idle;       /* -1 when not given */
	/* The desk's order of the language picker: codes of the language
	   table separated by one space ("ar fa ps"), or NULL: the table's. */
	char *languages;
};

/*
 * Reads the file at path into *c. A missing file is an error only when
 * required. Returns 0, or -1 with one malloc'd sentence in *err.
 */
int config_load(const char *path, bool required, struct config *c, char **err);

/*
 * Returns NULL when pin can be typed on the PIN screen, else one sentence
 * (static) saying why not.
 */
const char *config_pin_refused(const char *pin);

/* Returns true when pin matches the staff PIN (false when none is set). */
bool config_pin_ok(const struct config *c, const char *pin);

/* Returns a new salted hash of pin for the configuration file, or NULL. */
char *config_hash_pin(const char *pin);

/* Frees what config_load stored. */
void config_free(struct config *c);

#endif
