/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * shape-dump.c - prints each line of its input as the program draws it:
 * cleaned and in visual order with Arabic letters joined (text_visual),
 * left to right or right to left (argv[1]: ltr or rtl). For the font
 * coverage check of tests/session-check.py.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text.h"

/* Reads lines from stdin and writes their drawn form to stdout. */
int
main(int argc, char **argv)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool rtl = argc > 1 && strcmp(argv[1], "rtl") == 0;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		char *clean, *vis;

		if (line[n - 1] == '\n')
			line[--n] = '\0';
		clean = text_clean(line, (size_t)n);
		vis = text_visual(clean, rtl);
		fputs(vis, stdout);
		putchar('\n');
		free(vis);
		free(clean);
	}
	free(line);
	return 0;
}
