/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n.h - the visitor's language: locale set-up, gettext, and the
 * languages the kiosk offers.
 *
 * Interface strings are marked _("...") where they are used and N_("...")
 * where they are only named; their source language is French, so a missing
 * catalogue shows French. The content comes from the database in the
 * language given by i18n_lang().
 */
#ifndef ACCUEIL_I18N_H
#define ACCUEIL_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* A language the kiosk offers. */
struct i18n_language {
	const char *code;       /* "fr", "ar"... */
	const char *name;       /* its name in its own script */
	bool rtl;               /* written from right to left */
	const char *voice;      /* its espeak-ng voice, or NULL: none */
	const char *plural;     /* the Plural-Forms of its PO files */
};

/*
 * The one table of languages, in the order of the language picker (French
 * first): the picker, --help, --languages, speech and the tests take the
 * list from it; tests/test-languages.c checks po/LINGUAS and
 * po/content/LINGUAS and the PO headers against it.
 */
extern const struct i18n_language i18n_languages[];
extern const size_t i18n_nlanguages;

/*
 * Sets the locale from the environment, making sure the character type is
 * UTF-8 (C.UTF-8 when the environment gives none) and that messages can be
 * switched at run time, and binds the message catalogue. Returns 0, or -1
 * when no UTF-8 locale exists.
 */
int i18n_init(void);

/* Returns the language with this code, or NULL. */
const struct i18n_language *i18n_find(const char *code);

/*
 * Switches the interface and the content to language code, at once.
 * Returns 0, or -1 for a code the kiosk does not offer (nothing changes).
 */
int i18n_set(const char *code);

/*
 * Returns true when the interface of the current language has its message
 * catalogue (always for French, the language of the source).
 */
bool i18n_has_catalogue(void);

/* Returns the current language code ("fr" until i18n_set is called). */
const char *i18n_lang(void);

/* Returns true when the current language is written right to left. */
bool i18n_rtl(void);

/*
 * Returns msgid translated into language code (msgid itself for French or
 * an unknown code), malloc'd; the current language stays as it was.
 */
char *i18n_gettext_in(const char *code, const char *msgid);

#endif
