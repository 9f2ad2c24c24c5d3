/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speech.c - reading aloud with espeak-ng in a child process (see speech.h):
 * the text goes to its standard input, a pipeful at a time, from the main
 * loop (speech_pump), so that a long page never blocks a key.
 */
#include "model/speech.h"

#include <stdlib.h>
#include <string.h>

#include "build-config.h"
#include "common/paths.h"
#include "common/spawn.h"
#include "i18n/i18n.h"
#include "common/xalloc.h"

static struct spawn_child child = SPAWN_NONE;
static char *pending;           /* the text not yet written, or NULL */
static size_t pending_len, pending_off;

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

/* Returns the voice for code, from the language table of i18n/. */
const char *
speech_voice(const char *code)
{
	const struct i18n_language *l = i18n_find(code);

	return l != NULL ? l->voice : NULL;
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
		/* A phone number: only its digits (and +), one by one. */
		if (how == DIGITS && !(*s >= '0' && *s <= '9') && *s != '+')
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

/* Forgets the text not yet written. */
static void
drop_pending(void)
{
	free(pending);
	pending = NULL;
	pending_len = pending_off = 0;
}

/* Stops the reading. */
void
speech_stop(void)
{
	drop_pending();
	spawn_stop(&child);
}

/* Returns true while a reading goes on. */
bool
speech_busy(void)
{
	if (!spawn_running(&child))
		drop_pending();
	return child.pid > 0;
}

/* Writes what the pipe takes of the text; closes it at the end. */
void
speech_pump(void)
{
	long n;

	if (!speech_busy() || pending == NULL)
		return;
	n = spawn_write(&child, pending + pending_off,
	                pending_len - pending_off);
	if (n > 0)
		pending_off += (size_t)n;
	if (n < 0 || pending_off == pending_len) {
		/* All written, or espeak-ng stopped reading: end of file. */
		drop_pending();
		spawn_close_input(&child);
	}
}

/* Returns true while text waits to be written to espeak-ng. */
bool
speech_pending(void)
{
	return pending != NULL;
}

/* Starts reading text with voice. */
int
speech_start(const char *text, const char *voice)
{
	const char *argv[] = { "espeak-ng", "-v", voice, "--stdin", NULL };

	speech_stop();
	if (!speech_available() || voice == NULL)
		return -1;
	if (spawn_start(&child, argv, strlen(text)) != 0)
		return -1;
	pending = xstrdup(text);
	pending_len = strlen(text);
	speech_pump();
	return 0;
}
