/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speech.c - reading aloud with espeak-ng in a child process (see speech.h).
 */
#include "model/speech.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "build-config.h"
#include "common/paths.h"
#include "common/xalloc.h"

static pid_t child;

/* Returns true when espeak-ng is an executable file on PATH. */
bool
speech_available(void)
{
#ifdef ENABLE_SPEECH
	static int found = -1;

	if (found < 0)
		found = paths_program("espeak-ng");
	return found;
#else
	return false;
#endif
}

/* Returns the voice for code: Debian's espeak-ng has none for ps, ti, so. */
const char *
speech_voice(const char *code)
{
	static const char *const voices[][2] = {
		{ "fr", "fr-be" }, { "en", "en-gb" }, { "nl", "nl" }, { "ar", "ar" },
		{ "fa", "fa" }, { "ru", "ru" }, { "uk", "uk" }, { "es", "es" },
		{ "sq", "sq" }, { "tr", "tr" },
	};

	for (size_t i = 0; i < sizeof voices / sizeof *voices; i++)
		if (strcmp(voices[i][0], code) == 0)
			return voices[i][1];
	return NULL;
}

/* How a text is read. */
enum spell { WORDS, DIGITS, LETTERS };

/* Appends s to the text: as words, digit by digit, or letter by letter. */
static void
append(char **buf, size_t *len, const char *s, enum spell how)
{
	size_t n = strlen(s);
	bool spell = how != WORDS;

	*buf = xreallocarray(*buf, *len + 2 * n + 3, 1);
	for (; *s != '\0'; s++) {
		/* A phone number: only its digits, one by one. */
		if (how == DIGITS && strchr(" ./-()", *s) != NULL)
			continue;
		(*buf)[(*len)++] = *s;
		if (spell && (*s & 0xc0) != 0x80 && ((s[1] & 0xc0) != 0x80))
			(*buf)[(*len)++] = ' ';
	}
	(*buf)[(*len)++] = '.';
	(*buf)[(*len)++] = '\n';
	(*buf)[*len] = '\0';
}

/* Returns what to read for v. */
char *
speech_text(const struct model_view *v)
{
	char *buf = NULL;
	size_t len = 0;

	append(&buf, &len, v->title, WORDS);
	for (size_t i = 0; i < v->npara; i++) {
		const struct model_para *p = &v->para[i];
		enum spell how = WORDS;

		if (p->style == MODEL_NOTE)
			continue;
		if (p->style == MODEL_FIELD && p->name != NULL)
			how = strcmp(p->name, "phone") == 0 ? DIGITS
			      : strcmp(p->name, "email") == 0 ? LETTERS : WORDS;
		if (p->label != NULL)
			append(&buf, &len, p->label, WORDS);
		append(&buf, &len, p->text, how);
	}
	return buf;
}

/* Stops the reading. */
void
speech_stop(void)
{
	if (child > 0) {
		kill(child, SIGTERM);
		waitpid(child, NULL, 0);
		child = 0;
	}
}

/* Returns true while a reading goes on. */
bool
speech_busy(void)
{
	if (child > 0 && waitpid(child, NULL, WNOHANG) == child)
		child = 0;
	return child > 0;
}

/* Starts reading text with voice. */
int
speech_start(const char *text, const char *voice)
{
	pid_t pid;

	speech_stop();
	if (!speech_available() || voice == NULL)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		/* The child: no terminal, no output, just the voice. */
		int null = open("/dev/null", O_RDWR);

		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
			dup2(null, STDERR_FILENO);
		}
		signal(SIGINT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		execlp("espeak-ng", "espeak-ng", "-v", voice, "--", text,
		       (char *)NULL);
		_exit(127);
	}
	child = pid;
	return 0;
}
