/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-search.c - search time per keystroke: every query below is typed
 * letter by letter, and every prefix is searched as the search screen does
 * (model_search), in French and in Arabic. Prints the median, the 99th
 * percentile and the worst time, in microseconds.
 *
 * Usage: bench-search DB [ROUNDS]
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/model.h"

/* As many results as the search screen asks for. */
#define RESULTS 20

static const char *const queries[] = {
	"racisme", "titre de séjour", "CPAS", "parcours d'intégration",
	"logment", "sociojuridik", "Liège", "081 71 35 28", "asile",
	"intégration sociale", "MENA", "santé", "volontariat", "UNIA",
	"fedasil", "ЖИТЛО", "اللجوء", "zzzz", "\"NEAR(a b)\" *", "a",
};

/* Returns the time of clock c in microseconds. */
static double
now_us(clockid_t c)
{
	struct timespec ts;

	clock_gettime(c, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* One search timed: what was typed, in which language. */
struct timed {
	double us, cpu;
	char query[128];
	const char *lang;
};

/* Orders CPU times, shortest first. */
static int
cmp_cpu(const void *a, const void *b)
{
	double x = ((const struct timed *)a)->cpu;
	double y = ((const struct timed *)b)->cpu;

	return x < y ? -1 : x > y;
}

/* Orders times, shortest first. */
static int
cmp(const void *a, const void *b)
{
	double x = ((const struct timed *)a)->us, y = ((const struct timed *)b)->us;

	return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
	struct db *db;
	char *err;
	int rounds = argc > 2 ? atoi(argv[2]) : 5;
	size_t n = 0, cap = 1 << 16;
	struct timed *t = malloc(cap * sizeof *t);
	const char *slowest = getenv("BENCH_SLOWEST");
	double cpu[3];

	setlocale(LC_ALL, "C.UTF-8");
	if (argc < 2 || db_open(argv[1], &db, &err) != 0) {
		fprintf(stderr, "usage: bench-search DB [ROUNDS]\n");
		return 2;
	}
	for (int r = 0; r < rounds; r++)
		for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
			size_t len = strlen(queries[q]);

			for (size_t k = 1; k <= len; k++) {
				char prefix[128];
				struct model_results res;
				double t0, c0;

				/* Only whole characters: skip continuation bytes. */
				if (k < len && (queries[q][k] & 0xc0) == 0x80)
					continue;
				memcpy(prefix, queries[q], k);
				prefix[k] = '\0';
				t0 = now_us(CLOCK_MONOTONIC);
				c0 = now_us(CLOCK_PROCESS_CPUTIME_ID);
				if (model_search(db, prefix, r % 2 ? "ar" : "fr", NULL, RESULTS,
				                 &res, &err) != 0) {
					fprintf(stderr, "bench-search: %s\n", err);
					return 1;
				}
				if (n < cap) {
					t[n].us = now_us(CLOCK_MONOTONIC) - t0;
					t[n].cpu = now_us(CLOCK_PROCESS_CPUTIME_ID) - c0;
					memcpy(t[n].query, prefix, k + 1);
					t[n++].lang = r % 2 ? "ar" : "fr";
				}
				model_results_free(&res);
			}
		}
	qsort(t, n, sizeof *t, cmp_cpu);
	cpu[0] = t[n / 2].cpu;
	cpu[1] = t[n * 99 / 100].cpu;
	cpu[2] = t[n - 1].cpu;
	qsort(t, n, sizeof *t, cmp);
	printf("search per keystroke: %zu searches, median %.0f us, "
	       "p99 %.0f us, worst %.0f us\n", n, t[n / 2].us,
	       t[n * 99 / 100].us, t[n - 1].us);
	printf("  the same in CPU time: median %.0f us, 99th percentile %.0f us, "
	       "worst %.0f us\n", cpu[0], cpu[1], cpu[2]);
	for (size_t i = 0; slowest != NULL && i < (size_t)atoi(slowest) &&
	     i < n; i++)
		printf("  %8.0f us  %s  \"%s\"\n", t[n - 1 - i].us,
		       t[n - 1 - i].lang, t[n - 1 - i].query);
	db_close(db);
	free(t);
	return 0;
}
