/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * paths.c - where the program's files are (see paths.h).
 */
#include "common/paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Returns rel beside the running program if it exists, else installed. */
const char *
paths_find(const char *rel, const char *installed)
{
	static char path[PATH_MAX];
	char exe[PATH_MAX - 64];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (n <= 0 || strlen(rel) > 60)
		return installed;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash == NULL)
		return installed;
	*slash = '\0';
	snprintf(path, sizeof path, "%s/%s", exe, rel);
	return access(path, F_OK) == 0 ? path : installed;
}

/* Returns true when name is an executable file in a folder of PATH. */
bool
paths_program(const char *name)
{
	const char *dir = getenv("PATH");
	char path[PATH_MAX];

	while (dir != NULL && *dir != '\0') {
		size_t n = strcspn(dir, ":");

		if (n > 0 && snprintf(path, sizeof path, "%.*s/%s", (int)n, dir,
		                      name) < (int)sizeof path &&
		    access(path, X_OK) == 0)
			return true;
		dir += n + (dir[n] == ':');
	}
	return false;
}
