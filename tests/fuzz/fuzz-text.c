/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-text.c - libFuzzer harness for the text layer: cleaning, width,
 * wrapping, fitting, bidi and folding of any bytes. Checks the promises of
 * text.h: clean output, no line wider than asked, no character cut.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text/text-search.h"
#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	struct text_lines l = { 0 };
	struct text_tokens t;
	struct text_snippet sn;
	char *clean, *fit, *vis, *fold;
	int width = size > 0 ? data[0] % 90 + 2 : 10;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = 1;
	}
	clean = text_clean((const char *)data, size);
	if (!text_is_clean(clean, strlen(clean)))
		abort();
	text_wrap(clean, width, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (!text_is_clean(l.v[i].s, strlen(l.v[i].s)))
			abort();
		/* Only a single cluster wider than the line may pass it. */
		if (l.v[i].width > width && l.v[i].width > 2 &&
		    strlen(l.v[i].s) > 16)
			abort();
		vis = text_visual(l.v[i].s, i % 2 == 0);
		if (!text_is_clean(vis, strlen(vis)))
			abort();
		free(vis);
	}
	text_lines_free(&l);
	fit = text_fit(clean, width);
	if (text_width(fit) > width)
		abort();
	fold = text_fold(clean);
	text_tokens(fold, 16, &t);
	text_snippet(clean, &t, width, &sn);
	if (text_width(sn.s) > width)
		abort();
	free(sn.s);
	text_tokens_free(&t);
	free(fold);
	free(fit);
	free(clean);
	return 0;
}
