/*
 * i18n.h - the visitor's language: locale set-up and gettext.
 *
 * Interface strings are marked _("...") where they are used and N_("...")
 * where they are only named; the content comes from the database in the
 * language given by i18n_lang().
 */
#ifndef ACCUEIL_I18N_H
#define ACCUEIL_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/*
 * Sets the locale from the environment, making sure the character type is
 * UTF-8 (C.UTF-8 when the environment gives none), and binds the message
 * catalogue. Returns 0, or -1 when no UTF-8 locale exists.
 */
int i18n_init(void);

/*
 * Switches the interface and the content to language code (e.g. "fr",
 * "en"). Returns 0, or -1 for a code the program does not know (the
 * language is then left as it was).
 */
int i18n_set(const char *code);

/* Returns the current language code ("fr" until i18n_set is called). */
const char *i18n_lang(void);

#endif
