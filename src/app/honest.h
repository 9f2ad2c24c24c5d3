/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * honest.h - says once per visit, in each language that no fluent reader
 * has reviewed, that its texts were translated by a machine and that the
 * French text is one key away (f), to show at the desk. It remembers only
 * which languages were told since the last reset, never what was read.
 */
#ifndef ACCUEIL_HONEST_H
#define ACCUEIL_HONEST_H

#include "db/db.h"

/*
 * Returns the sentence to show now that the visitor chose language code,
 * in that language (a static string of the catalogue, not to be freed):
 * when db says its content is a machine's and this visit has not been told
 * for code yet. NULL otherwise (French, a reviewed language, already told).
 */
const char *honest_notice(struct db *db, const char *code);

/* Forgets the languages told: a new visit starts. */
void honest_forget(void);

#endif
