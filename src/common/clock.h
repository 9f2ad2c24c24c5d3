/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clock.h - the one clock the program measures waits with: milliseconds on
 * a clock that never goes back (CLOCK_MONOTONIC), whatever the wall clock
 * of the reception PC does.
 */
#ifndef ACCUEIL_CLOCK_H
#define ACCUEIL_CLOCK_H

/* Returns the time in milliseconds on a clock that never goes back. */
long long clock_ms(void);

#endif
