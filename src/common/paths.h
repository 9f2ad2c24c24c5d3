/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paths.h - where the program's files are: beside the program when it runs
 * from its build tree, else where it was installed.
 */
#ifndef ACCUEIL_PATHS_H
#define ACCUEIL_PATHS_H

#include <stdbool.h>

/*
 * Returns rel (e.g. "../data/accueil.db") taken from the folder of the
 * running program when that exists, else installed (static storage).
 */
const char *paths_find(const char *rel, const char *installed);

/* Returns true when name is an executable file in a folder of PATH. */
bool paths_program(const char *name);

#endif
