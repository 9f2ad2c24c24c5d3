/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speech.c - reading aloud with espeak-ng (see speech.h): one child per
 * paragraph, started when the one before has ended; the paragraph goes to
 * its standard input, a pipeful at a time, from the main loop
 * (speech_pump), so that a long page never blocks a key.
 */
#include "model/speech.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/clock.h"
#include "build-config.h"
#include "common/paths.h"
#include "common/spawn.h"
#include "common/xalloc.h"
#include "i18n/i18n.h"

static struct spawn_child child = SPAWN_NONE;
static char *text;              /* what is read, or NULL when nothing is */
static size_t text_len;
static size_t next;             /* where the next paragraph starts */
static size_t para;             /* where the paragraph being read starts */
static size_t cur, cur_end;     /* what of it is not yet written */
static long long started;       /* when its child started (ms) */
static char voice[32];
static bool failed;             /* the last reading could not be heard */

/* The variables of the program's environment espeak-ng is given, for the
   sound server; nothing else of it (spawn.h). */
static const char *const audio_env[] = {
	"XDG_RUNTIME_DIR", "PULSE_SERVER", "PULSE_SINK",
	"PIPEWIRE_RUNTIME_DIR", "PIPEWIRE_REMOTE", NULL,
};

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

/* How a text is read; PARAGRAPH ends a paragraph (s is empty). */
enum spell { WORDS, DIGITS, LETTERS, PARAGRAPH };

/* Appends s to the text: as words, digit by digit, or letter by letter;
   or the end of a paragraph. */
static void
append(char **buf, size_t *len, const char *s, enum spell how)
{
	size_t n = strlen(s);
	bool spell = how == DIGITS || how == LETTERS;

	*buf = xreallocarray(*buf, *len + 2 * n + 3, 1);
	if (how == PARAGRAPH) {
		(*buf)[(*len)++] = '\n';
		(*buf)[*len] = '\0';
		return;
	}
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

/* Returns true when a paragraph of style now is read in one go with
   the one before, of style prev: fields with fields, items with items. */
static bool
same_block(enum model_style prev, enum model_style now)
{
	bool fp = prev == MODEL_FIELD || prev == MODEL_UNKNOWN;
	bool fc = now == MODEL_FIELD || now == MODEL_UNKNOWN;

	return (fp && fc) || (prev == MODEL_ITEM && now == MODEL_ITEM);
}

/* Returns what to read for v, its paragraphs apart by a blank line. */
char *
speech_text(const struct model_view *v)
{
	char *buf = NULL;
	size_t len = 0;
	bool heading = true;    /* the title: read with what follows it */
	enum model_style prev = MODEL_HEADING;

	append(&buf, &len, v->title, WORDS);
	for (size_t i = 0; i < v->npara; i++) {
		const struct model_para *p = &v->para[i];
		enum spell how = WORDS;

		if (p->style == MODEL_NOTE)
			continue;
		/* The blocks the screen shows apart are read apart; a heading
		   goes with the block under it. */
		if (!heading && !same_block(prev, p->style))
			append(&buf, &len, "", PARAGRAPH);
		heading = p->style == MODEL_HEADING;
		prev = p->style;
		if (p->style == MODEL_FIELD && p->name != NULL)
			how = strcmp(p->name, "phone") == 0 ? DIGITS
			      : strcmp(p->name, "email") == 0 ? LETTERS : WORDS;
		if (p->label != NULL)
			append(&buf, &len, p->label, WORDS);
		append(&buf, &len, p->text, how);
	}
	return buf;
}

/* Forgets the text, wiped. */
static void
drop_text(void)
{
	if (text != NULL)
		explicit_bzero(text, text_len);
	free(text);
	text = NULL;
	text_len = next = para = cur = cur_end = 0;
}

/* Ends the reading, keeping whether it failed. */
static void
end_reading(void)
{
	drop_text();
	spawn_stop(&child);
}

/* Stops the reading. */
void
speech_stop(void)
{
	end_reading();
	failed = false;
}

/* Returns true when the last reading could not be heard. */
bool
speech_failed(void)
{
	return failed;
}

/* Returns true when a file of /dev/snd is a playback device ("pcmC0D0p"). */
static bool
playback_device(void)
{
	DIR *d = opendir("/dev/snd");
	struct dirent *e;
	bool found = false;

	if (d == NULL)
		return false;
	while (!found && (e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);

		found = strncmp(e->d_name, "pcm", 3) == 0 && n > 3 &&
		        e->d_name[n - 1] == 'p';
	}
	closedir(d);
	return found;
}

/* Returns true when dir/name exists, dir from variable var. */
static bool
runtime_file(const char *var, const char *name)
{
	const char *dir = getenv(var);
	struct stat st;
	char *path;
	bool found;

	if (dir == NULL || *dir != '/')
		return false;
	path = xasprintf("%s/%s", dir, name);
	found = stat(path, &st) == 0;
	free(path);
	return found;
}

/* Returns true when sound can go somewhere: a sound server named or
   listening (PulseAudio, PipeWire), or a playback device. */
static bool
output_found(void)
{
	const char *server = getenv("PULSE_SERVER");

	return (server != NULL && *server != '\0') ||
	       runtime_file("XDG_RUNTIME_DIR", "pulse/native") ||
	       runtime_file("XDG_RUNTIME_DIR", "pipewire-0") ||
	       playback_device();
}

/*
 * Starts a child for the next paragraph that has words, and writes what
 * the pipe takes of it. Returns 0, or -1 when none is left or espeak-ng
 * cannot be started (then the reading is over).
 */
static int
start_next(void)
{
	const char *argv[] = { "espeak-ng", "-v", voice, "--stdin", NULL };

	while (text != NULL && next < text_len) {
		const char *end = strstr(text + next, "\n\n");
		size_t e = end != NULL ? (size_t)(end - text) : text_len;

		para = cur = next;
		cur_end = e;
		next = end != NULL ? e + 2 : text_len;
		if (strspn(text + cur, " .\n") >= cur_end - cur)
			continue;       /* nothing to say */
		if (spawn_start(&child, argv, audio_env, cur_end - cur) != 0) {
			failed = true;
			break;
		}
		started = clock_ms();
		speech_pump();
		return 0;
	}
	end_reading();
	return -1;
}

/* Returns true while a reading goes on. */
bool
speech_busy(void)
{
	return spawn_running(&child) || (text != NULL && next < text_len);
}

/* Writes what the pipe takes; closes it at the end; goes on with the
   next paragraph once the child has read one. */
void
speech_pump(void)
{
	long n;

	if (text == NULL)
		return;
	if (!spawn_running(&child)) {
		/* Ended: the paragraph is read; or espeak-ng failed, and the
		   rest would fail the same way. */
		if (child.status != 0) {
			failed = true;
			end_reading();
			return;
		}
		start_next();
		return;
	}
	if (child.in < 0)
		return;
	n = spawn_write(&child, text + cur, cur_end - cur);
	if (n > 0)
		cur += (size_t)n;
	if (n < 0 || cur == cur_end) {
		/* All written, or espeak-ng stopped reading: end of file. */
		cur = cur_end;
		spawn_close_input(&child);
	}
}

/* Returns true while text waits to be written to espeak-ng. */
bool
speech_pending(void)
{
	return text != NULL && child.in >= 0 && cur < cur_end;
}

/* Goes on with the next paragraph. */
int
speech_skip(void)
{
	if (text == NULL)
		return -1;
	spawn_stop(&child);
	return start_next();
}

/* Returns true while the reading holds the idle timer back. */
bool
speech_holds_idle(void)
{
	long long allowed;

	if (!speech_busy())
		return false;
	if (child.pid <= 0)
		return true;    /* between two paragraphs */
	allowed = SPEECH_HOLD_BASE_MS +
	          (long long)(cur_end - para) * SPEECH_HOLD_MS_PER_BYTE;
	return clock_ms() - started < allowed;
}

/* Starts reading text with voice. */
int
speech_start(const char *t, const char *v)
{
	size_t n = v != NULL ? strlen(v) : 0;

	speech_stop();
	if (!speech_available() || v == NULL || n >= sizeof voice)
		return -1;
	if (!output_found()) {
		failed = true;
		return -1;
	}
	memcpy(voice, v, n + 1);
	text = xstrdup(t);
	text_len = strlen(t);
	return start_next();
}
