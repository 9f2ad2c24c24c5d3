/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * kind.h - the kinds of node, as an enum, and the one parser of their names
 * (the names stored in the node table of data/schema.sql). The program and
 * data/mkindex.c use it; nothing else compares a kind's name.
 */
#ifndef ACCUEIL_KIND_H
#define ACCUEIL_KIND_H

#include <stdbool.h>

enum kind {
	KIND_MENU,
	KIND_PAGE,
	KIND_CONTACT,
	KIND_CARD,      /* an ask-the-desk sentence */
	KIND_SEARCH,
	KIND_DIRECTORY, /* the contacts, filtered as one types */
	KIND_TERM,      /* a glossary entry: a French word explained */
	KIND_LANGUAGE,  /* an entry of the language picker: not a node */
	KIND_COUNT
};

/* Returns the kind named name, or -1 for a name that is no kind. */
int kind_parse(const char *name);

/* Returns the name of kind k (static storage), "" for no kind. */
const char *kind_name(int k);

/* Returns true when nodes of kind k are in the search index. */
bool kind_indexed(int k);

#endif
