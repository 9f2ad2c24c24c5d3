/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speech.h - reading a page aloud with espeak-ng, in the background, in the
 * visitor's language. Optional at build time (-Dspeech=false) and at run
 * time (no espeak-ng on PATH: no read-aloud key). Nothing is written to a
 * file, and the text is never on a command line: espeak-ng --stdin reads
 * it from a pipe that the main loop fills (speech_pump) without blocking.
 */
#ifndef ACCUEIL_SPEECH_H
#define ACCUEIL_SPEECH_H

#include <stdbool.h>

#include "model/model.h"

/* Returns true when espeak-ng can be run (looked up on PATH once). */
bool speech_available(void);

/* Returns the espeak-ng voice for language code, or NULL when it has none. */
const char *speech_voice(const char *code);

/*
 * Returns what to read for view v: its title, then its paragraphs, phone
 * numbers digit by digit and e-mail addresses letter by letter. Caller frees.
 */
char *speech_text(const struct model_view *v);

/*
 * Starts reading text with voice, stopping what was being read; writes the
 * first pipeful of text (a copy is kept for speech_pump). Returns 0, or -1
 * when espeak-ng cannot be started. Never waits for the reading.
 */
int speech_start(const char *text, const char *voice);

/*
 * Writes the next pipeful of the text, without blocking, and closes the
 * pipe once all is written; reaps a reading that ended. The main loop
 * calls it on every turn.
 */
void speech_pump(void);

/* Returns true while text waits for room in the pipe (wait less). */
bool speech_pending(void);

/* Stops the reading, if any: the child is ended and reaped. */
void speech_stop(void);

/* Returns true while a reading goes on (and reaps one that ended). */
bool speech_busy(void);

#endif
