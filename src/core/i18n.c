/*
 * i18n.c - locale set-up and the current language (see i18n.h).
 */
#include "core/i18n.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

static char lang[8] = "fr";

/* Returns the folder of the running program's message catalogues. */
static const char *
locale_dir(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX - 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	/* Run from the build tree: build/src/accueil uses build/po. */
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(dir, sizeof dir, "%s/../po", exe);
			if (access(dir, X_OK) == 0)
				return dir;
		}
	}
	return LOCALEDIR;
}

/* Sets a UTF-8 locale and binds the catalogue. */
int
i18n_init(void)
{
	setlocale(LC_ALL, "");
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 &&
	    setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		return -1;
	bindtextdomain(PACKAGE, locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	return 0;
}

/* Switches to language code. */
int
i18n_set(const char *code)
{
	if (code == NULL || strlen(code) >= sizeof lang ||
	    strcmp(code, "fr") != 0)
		return -1;
	snprintf(lang, sizeof lang, "%s", code);
	return 0;
}

/* Returns the current language code. */
const char *
i18n_lang(void)
{
	return lang;
}
