/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kind.c - the names of the node kinds and their parser (see kind.h).
 */
#include "db/kind.h"

#include <string.h>

/* The name of each kind, in the order of enum kind. */
static const struct {
	const char *name;
	bool indexed;   /* searched: it has words of its own */
} kinds[KIND_COUNT] = {
	[KIND_MENU] = { "menu", true },
	[KIND_PAGE] = { "page", true },
	[KIND_CONTACT] = { "contact", true },
	[KIND_CARD] = { "card", false },
	[KIND_SEARCH] = { "search", false },
	[KIND_DIRECTORY] = { "directory", false },
	[KIND_TERM] = { "term", true },
	[KIND_LANGUAGE] = { "language", false },
};

/* Returns the kind named name, or -1. */
int
kind_parse(const char *name)
{
	for (int k = 0; name != NULL && k < KIND_COUNT; k++)
		if (strcmp(name, kinds[k].name) == 0)
			return k;
	return -1;
}

/* Returns the name of kind k. */
const char *
kind_name(int k)
{
	return k >= 0 && k < KIND_COUNT ? kinds[k].name : "";
}

/* Returns true when nodes of kind k are searched. */
bool
kind_indexed(int k)
{
	return k >= 0 && k < KIND_COUNT && kinds[k].indexed;
}
