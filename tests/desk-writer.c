/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * desk-writer.c - writes the desk database without end, for the power-cut
 * test (desk-powercut.sh), which kills it with SIGKILL in the middle of a
 * write: it replaces everything by state A, then by state B, again and
 * again, each in one transaction (desk_content_put) of some hundred rows,
 * so that a kill mostly lands inside one.
 *
 * Usage: desk-writer PATH        write A, B, A ... until killed
 *        desk-writer PATH a|b    write that state once and exit
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "db/desk.h"

/* Fills c with state b (0 for A, 1 for B): cards and notices that differ
   in every row. */
static void
make_state(struct desk_content *c, int b)
{
	static const char *const fields[3] = { "address", "phone", "email" };
	static const char *const langs[4] = { "fr", "en", "ar", "ti" };

	memset(c, 0, sizeof *c);
	c->ncards = 100;
	c->cards = xcalloc(c->ncards, sizeof *c->cards);
	for (size_t i = 0; i < c->ncards; i++) {
		struct desk_card *k = &c->cards[i];

		k->node = xasprintf("card-%03zu", i);
		k->nfacts = 3;
		k->facts = xcalloc(3, sizeof *k->facts);
		for (int f = 0; f < 3; f++) {
			k->facts[f].field = xstrdup(fields[f]);
			k->facts[f].value = xasprintf("%s %c %zu %0300d",
			                              fields[f], 'A' + b, i, 0);
			k->facts[f].entered = xstrdup(b ? "2026-12-02"
			                              : "2026-12-01");
		}
		k->nhours = 7;
		k->hours = xcalloc(7, sizeof *k->hours);
		for (int d = 0; d < 7; d++)
			k->hours[d] = (struct desk_range){ d + 1, 480 + b * 60,
			                                   720 + b * 60, false };
		k->hours_entered = xstrdup(b ? "2026-12-02" : "2026-12-01");
	}
	c->nnotices = 200;
	c->notices = xcalloc(c->nnotices, sizeof *c->notices);
	for (size_t i = 0; i < c->nnotices; i++) {
		struct desk_notice *n = &c->notices[i];

		n->first = xstrdup(b ? "2026-12-02" : "2026-12-01");
		n->last = xstrdup("2026-12-31");
		n->entered = xstrdup(n->first);
		n->ntexts = 4;
		n->texts = xcalloc(4, sizeof *n->texts);
		for (int l = 0; l < 4; l++) {
			n->texts[l].lang = xstrdup(langs[l]);
			n->texts[l].text = xasprintf("notice %c %zu %s %0400d",
			                             'A' + b, i, langs[l], 0);
		}
	}
}

/* Writes the states. */
int
main(int argc, char **argv)
{
	struct desk_content s[2];
	struct desk *d;
	char *err;

	if (argc < 2) {
		fputs("usage: desk-writer PATH [a|b]\n", stderr);
		return 2;
	}
	if (desk_open(argv[1], true, &d, &err) != 0) {
		fprintf(stderr, "desk-writer: %s\n", err);
		return 2;
	}
	make_state(&s[0], 0);
	make_state(&s[1], 1);
	if (argc > 2) {
		int rc = desk_content_put(d, &s[argv[2][0] == 'b']);

		if (rc != 0)
			fprintf(stderr, "desk-writer: %s\n", desk_error(d));
		desk_content_free(&s[0]);
		desk_content_free(&s[1]);
		desk_close(d);
		return rc != 0 ? 2 : 0;
	}
	/* Tells the test that writing has begun. */
	fputs("writing\n", stdout);
	fflush(stdout);
	for (unsigned long i = 0;; i++)
		if (desk_content_put(d, &s[i % 2]) != 0) {
			fprintf(stderr, "desk-writer: %s\n", desk_error(d));
			return 2;
		}
}
