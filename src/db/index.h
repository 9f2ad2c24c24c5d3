/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * index.h - filling the search tables of a database being built: run by
 * data/mkindex at build time, and by the unit tests on the small database
 * each builds, so that both are indexed by the same code. Never by the
 * kiosk, which opens its database read-only.
 */
#ifndef ACCUEIL_DB_INDEX_H
#define ACCUEIL_DB_INDEX_H

/*
 * Opens the database at path (a file name or a "file:" URI) for writing
 * and fills its empty tables search, spell and spell_tri from its nodes
 * and fields (see data/schema.sql), in one transaction. Returns 0, or -1
 * and stores in *err a malloc'd sentence (caller frees).
 */
int db_index_build(const char *path, char **err);

#endif
