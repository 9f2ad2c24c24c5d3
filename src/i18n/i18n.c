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
#include "common/xalloc.h"

/* gettext's own counter: changing it makes gettext look again. */
extern int _nl_msg_cat_cntr;

/* Plural rules, as gettext writes them. */
#define ONE_OTHER "nplurals=2; plural=(n != 1);"
#define ZERO_ONE "nplurals=2; plural=(n > 1);"
#define SLAVIC "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && " \
               "n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
#define ARABIC "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : " \
               "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;"

/* Debian's espeak-ng has no voice for Pashto, Tigrinya or Somali. */
const struct i18n_language i18n_languages[] = {
	{ "fr", "Français", false, "fr-be", ONE_OTHER },
	{ "en", "English", false, "en-gb", ONE_OTHER },
	{ "ar", "العربية", true, "ar", ARABIC },
	{ "fa", "فارسی", true, "fa", ZERO_ONE },
	{ "ps", "پښتو", true, NULL, ONE_OTHER },
	{ "ti", "ትግርኛ", false, NULL, ZERO_ONE },
	{ "uk", "Українська", false, "uk", SLAVIC },
	{ "ru", "Русский", false, "ru", SLAVIC },
	{ "es", "Español", false, "es", ONE_OTHER },
	{ "tr", "Türkçe", false, "tr", ONE_OTHER },
	{ "sq", "Shqip", false, "sq", ONE_OTHER },
	{ "so", "Soomaali", false, NULL, ONE_OTHER },
	{ "nl", "Nederlands", false, "nl", ONE_OTHER },
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
	/* The C library's messages (strerror) stay English, as the
	   sentences the staff read them in: LANGUAGE is the visitor's. */
	bindtextdomain("libc", "/nonexistent");
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

/* Returns msgid translated into language code, the current one kept. */
char *
i18n_gettext_in(const char *code, const char *msgid)
{
	const struct i18n_language *l = i18n_find(code), *was = current;
	char *s;

	if (l == NULL || strcmp(code, "fr") == 0)
		return xstrdup(msgid);
	if (l == was)
		return xstrdup(gettext(msgid));
	setenv("LANGUAGE", l->code, 1);
	++_nl_msg_cat_cntr;
	s = xstrdup(gettext(msgid));
	setenv("LANGUAGE", was->code, 1);
	++_nl_msg_cat_cntr;
	return s;
}
