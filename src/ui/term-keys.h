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
 * Returns the application key for what curses' get_wch returned (rc, c),
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
