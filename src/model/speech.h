/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * speech.h - reading a page aloud with espeak-ng, in the background, in the
 * visitor's language. Optional at build time (-Dspeech=false) and at run
 * time (no espeak-ng on PATH: no read-aloud key). Nothing is written to a
 * file, and the text is never on a command line: espeak-ng --stdin reads
 * it from a pipe that the main loop fills (speech_pump) without blocking.
 * A page is read paragraph by paragraph, one child each, so that the
 * visitor can skip to the next (speech_skip).
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
 * numbers digit by digit and e-mail addresses letter by letter; the blocks
 * the screen shows apart (fields together, a list together, a heading with
 * the block under it) apart by a blank line ("\n\n"). Caller frees.
 */
char *speech_text(const struct model_view *v);

/*
 * Starts reading text with voice, stopping what was being read: a child
 * for its first paragraph (up to a blank line), which gets the first
 * pipeful of it (a copy of text is kept for speech_pump). Returns 0, or -1
 * when espeak-ng cannot be started or no sound output is found (no sound
 * server, no playback device; then speech_failed). Never waits for the
 * reading. The child's environment: spawn.h, with the sound server's
 * variables (XDG_RUNTIME_DIR, PULSE_SERVER, PULSE_SINK, PIPEWIRE_*).
 */
int speech_start(const char *text, const char *voice);

/*
 * Writes the next pipeful of the paragraph, without blocking, and closes
 * the pipe once all is written; once its child has ended, starts the one
 * of the next paragraph. The main loop calls it on every turn.
 */
void speech_pump(void);

/* Returns true while text waits for room in the pipe (wait less). */
bool speech_pending(void);

/* Stops the reading, if any: the child is ended and reaped, its text
   wiped, and a failure forgotten. */
void speech_stop(void);

/*
 * Returns true when the last reading could not be heard: no sound output,
 * espeak-ng not started, or ended with an error (then the rest of the
 * reading is dropped). Until speech_stop or the next speech_start.
 */
bool speech_failed(void);

/*
 * Ends the paragraph being read and goes on with the next one. Returns 0,
 * or -1 when there was none (the reading is over).
 */
int speech_skip(void);

/* Returns true while a reading goes on (and reaps a child that ended). */
bool speech_busy(void);

/*
 * How long one paragraph may hold the idle timer back: about twice the
 * time espeak-ng takes at its usual 175 words a minute, so that a child
 * that hangs cannot keep a kiosk from its reset for ever.
 */
#define SPEECH_HOLD_BASE_MS 500
#define SPEECH_HOLD_MS_PER_BYTE 115

/*
 * Returns true while a reading goes on and its paragraph has been read
 * for less than the time it may hold the idle timer back: the main loop
 * then counts it as the visitor's presence.
 */
bool speech_holds_idle(void);

#endif
