/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * honest.c - the machine-translation notice, once per visit and language
 * (see honest.h).
 */
#include "app/honest.h"

#include <string.h>

#include "i18n/i18n.h"

/* The most languages one visit remembers having told. */
#define HONEST_MAX 32

static char told[HONEST_MAX][8];
static size_t ntold;

/* Returns true, and remembers it, the first time code is seen. */
static bool
first_time(const char *code)
{
	size_t n = strlen(code);

	for (size_t i = 0; i < ntold; i++)
		if (strcmp(told[i], code) == 0)
			return false;
	if (ntold < HONEST_MAX && n < sizeof told[0]) {
		memcpy(told[ntold], code, n + 1);
		ntold++;
	}
	return true;
}

/* Returns the notice for language code, or NULL. */
const char *
honest_notice(struct db *db, const char *code)
{
	struct db_language l;

	if (code == NULL || strcmp(code, "fr") == 0)
		return NULL;
	if (db_language_get(db, code, &l) != 0 || l.reviewed)
		return NULL;
	if (!first_time(code))
		return NULL;
	/* TRANSLATORS: shown once when a visitor chooses this language, which
	   no fluent reader has checked: keep it short (one line of the key
	   bar) and keep "f", the key that shows the French text. */
	return _("Traduit par une machine. Touche f : le texte en français, "
	         "pour l'accueil.");
}

/* Forgets the languages told. */
void
honest_forget(void)
{
	memset(told, 0, sizeof told);
	ntold = 0;
}
