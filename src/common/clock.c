/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * clock.c - the one clock the program measures waits with (see clock.h).
 */
#include "common/clock.h"

#include <time.h>

/* Returns the time in milliseconds on a clock that never goes back. */
long long
clock_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
