/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * i18n.c - locale set-up and the current language (see i18n.h).
 *
 * The language changes at run time without a new process: the catalogue is
 * chosen by LANGUAGE, which glibc honours whenever the messages locale is
 * not plain "C", and gettext is told to drop its cache.
 */
#include "i18n/i18n.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "build-config.h"
#include "common/paths.h"

/* gettext's own counter: changing it makes gettext look again. */
extern int _nl_msg_cat_cntr;

const struct i18n_language i18n_languages[] = {
	{ "fr", "Français", false },
	{ "en", "English", false },
	{ "ar", "العربية", true },
	{ "fa", "فارسی", true },
	{ "ps", "پښتو", true },
	{ "ti", "ትግርኛ", false },
	{ "uk", "Українська", false },
	{ "ru", "Русский", false },
	{ "es", "Español", false },
	{ "tr", "Türkçe", false },
	{ "sq", "Shqip", false },
	{ "so", "Soomaali", false },
	{ "nl", "Nederlands", false },
};
const size_t i18n_nlanguages = sizeof i18n_languages / sizeof *i18n_languages;

static const struct i18n_language *current = &i18n_languages[0];

/* Sets a UTF-8 locale and binds the catalogue. */
int
i18n_init(void)
{
	const char *msgs;

	/* Only the categories the kiosk uses: each other one is files to
	   open and read at every start. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return -1;
	/* LANGUAGE is ignored under the "C" messages locale. */
	msgs = setlocale(LC_MESSAGES, NULL);
	if (msgs == NULL || strcmp(msgs, "C") == 0 || strcmp(msgs, "POSIX") == 0)
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* Run from the build tree: build/src/accueil uses build/po. */
	bindtextdomain(PACKAGE, paths_find("../po", LOCALEDIR));
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	setenv("LANGUAGE", current->code, 1);
	++_nl_msg_cat_cntr;
	return 0;
}

/* Returns the language with this code. */
const struct i18n_language *
i18n_find(const char *code)
{
	for (size_t i = 0; code != NULL && i < i18n_nlanguages; i++)
		if (strcmp(i18n_languages[i].code, code) == 0)
			return &i18n_languages[i];
	return NULL;
}

/* Switches to language code. */
int
i18n_set(const char *code)
{
	const struct i18n_language *l = i18n_find(code);

	if (l == NULL)
		return -1;
	current = l;
	setenv("LANGUAGE", l->code, 1);
	++_nl_msg_cat_cntr;
	return 0;
}

/* Returns true when the current language's catalogue was found. */
bool
i18n_has_catalogue(void)
{
	/* A catalogue's header is the translation of the empty string. */
	return strcmp(current->code, "fr") == 0 || *gettext("") != '\0';
}

/* Returns the current language code. */
const char *
i18n_lang(void)
{
	return current->code;
}

/* Returns true when the current language is written right to left. */
bool
i18n_rtl(void)
{
	return current->rtl;
}
