/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-floor.c - the floor of this stack for scripts/bench: a bare
 * ncursesw and SQLite program that opens the database read-only, reads
 * the eight first home entries in French and draws them, with a title and
 * a key bar, as accueil's first frame does. Nothing else: no gettext, no
 * libunistring, no bidi. It waits for a key, then ends.
 * Usage: bench-floor DB
 */
#include <locale.h>
#include <stdio.h>

#include <curses.h>
#include <sqlite3.h>

/* Draws the home entries of the database at argv[1]; waits for a key. */
int
main(int argc, char **argv)
{
	static const char query[] =
	    "SELECT f.value FROM node n JOIN field f ON f.node = n.id "
	    "AND f.name = 'title' AND f.lang = 'fr' "
	    "WHERE n.parent = 'home' ORDER BY n.pos LIMIT 8";
	sqlite3 *db;
	sqlite3_stmt *st;
	int row = 3;

	if (argc != 2) {
		fprintf(stderr, "usage: bench-floor DB\n");
		return 2;
	}
	setlocale(LC_CTYPE, "");
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK || sqlite3_prepare_v2(db, query, -1, &st, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "bench-floor: %s\n", sqlite3_errmsg(db));
		return 2;
	}
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	mvaddstr(1, 2, "Accueil");
	while (sqlite3_step(st) == SQLITE_ROW) {
		mvprintw(row, 4, "%d  %s", row - 2,
		         (const char *)sqlite3_column_text(st, 0));
		row++;
	}
	sqlite3_finalize(st);
	mvaddstr(LINES - 1, 0, "1-8 Choisir   q Quitter");
	refresh();
	getch();
	endwin();
	sqlite3_close(db);
	return 0;
}
