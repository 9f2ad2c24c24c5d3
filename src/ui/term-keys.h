/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term-keys.h - what the terminal sends, decoded into the program's keys
 * (as tmux's tty-keys.c beside tty.c): curses' function keys, typed
 * characters, the keypad, mouse reports, a bracketed paste, and every
 * other escape sequence or control string of ECMA-48 (CSI, SS3, OSC, DCS,
 * APC, PM, SOS, in 7 or 8 bits, of any length) read whole and dropped, so
 * that none of its bytes is taken for a key. For term.c alone.
 */
#ifndef ACCUEIL_TERM_KEYS_H
#define ACCUEIL_TERM_KEYS_H

#include <stdbool.h>
#include <wchar.h>

#include "app/keys.h"

/*
 * Reads one character within ms (0: only one already there; -1: as long as
 * it takes) and returns as curses' get_wch does: OK with a character in
 * *c, KEY_CODE_YES with a curses key code, or ERR. Unlike get_wch, it
 * decodes UTF-8 itself: each byte after the first must come within the
 * escape delay, and bytes that begin no character give U+FFFD at once
 * (get_wch reads on after such a byte up to 145 bytes or a pause, so that
 * one stray byte ate the keys typed after it).
 */
int term_keys_get(wint_t *c, int ms);

/*
 * Returns the application key for what term_keys_get returned (rc, c),
 * reading the rest of a sequence it begins (each byte within the escape
 * delay) and filling ev's position (a click) or text (a paste). The text
 * of a paste stays valid until the next call.
 */
int term_keys_decode(int rc, wint_t c, struct app_event *ev);

/* With on, the screen tests' probe (TERM_PROBE) ends a paste, so that it
   is answered. */
void term_keys_probes(bool on);

/* Frees what the last paste held, wiped. */
void term_keys_forget(void);

/* The longest paste kept, in bytes; the rest of it is read and dropped. */
#define TERM_PASTE_MAX 4096

#endif
