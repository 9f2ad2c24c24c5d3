/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli.c - the command line (see cli.h).
 */
#include "app/cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build-config.h"
#include "app/config.h"
#include "i18n/i18n.h"
#include "model/model.h"
#include "common/paths.h"
#include "common/xalloc.h"
#include "text/text.h"

/* Prints the usage to out. */
static void
usage(FILE *out)
{
	fputs("Usage: accueil [OPTION]...\n"
	      "The information kiosk of the bureau d'accueil of the CAI "
	      "(Namur).\n\n"
	      "  -d, --db PATH        use the database at PATH\n"
	      "  -l, --lang LL        start in language LL (fr, en, ar, fa, ps, ti,\n"
	      "                       uk, ru, es, tr, sq, so, nl) without the\n"
	      "                       language picker\n"
	      "  -s, --search WORDS   print the entries matching WORDS and exit\n"
	      "  -c, --contacts WORDS print the contact cards matching WORDS "
	      "and exit\n"
	      "  -k, --kiosk          kiosk mode: no key leaves the program\n"
	      "  -i, --idle SECONDS   after SECONDS without input, count down and\n"
	      "                       start again from the language picker\n"
	      "                       (default: 120 in kiosk mode, else never)\n"
	      "      --config FILE    read the PIN and the idle time from FILE\n"
	      "                       (default: " CONFIG_DEFAULT_PATH ", if any)\n"
	      "      --hash-pin       read a PIN on standard input and print the\n"
	      "                       line to put in the configuration file\n"
	      "      --languages      list the languages, how complete and how\n"
	      "                       reviewed their translations are, and exit\n"
	      "      --terminal-bidi  the terminal reorders right-to-left text\n"
	      "                       itself: send it in logical order\n"
	      "  -h, --help           show this help and exit\n"
	      "  -V, --version        show the version and exit\n\n"
	      "Exit status: 0 if all went well (for --search and --contacts: "
	      "something\nmatched), 1 if they found nothing, 2 on error.\n", out);
}

/* Parses argv. */
int
cli_parse(int argc, char **argv, struct cli *o)
{
	static const struct option longopts[] = {
		{ "db",      required_argument, NULL, 'd' },
		{ "lang",    required_argument, NULL, 'l' },
		{ "search",  required_argument, NULL, 's' },
		{ "contacts", required_argument, NULL, 'c' },
		{ "kiosk",   no_argument,       NULL, 'k' },
		{ "idle",    required_argument, NULL, 'i' },
		{ "config",  required_argument, NULL, 'C' },
		{ "hash-pin", no_argument,      NULL, 'H' },
		{ "languages", no_argument,     NULL, 'L' },
		{ "terminal-bidi", no_argument, NULL, 'B' },
		{ "help",    no_argument,       NULL, 'h' },
		{ "version", no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	o->idle = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":d:l:s:c:i:khV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'l': o->lang = optarg; break;
		case 's': o->search = optarg; break;
		case 'c': o->contacts = optarg; break;
		case 'k': o->kiosk = true; break;
		case 'i': {
			char *end;
			long n = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || n < 0 ||
			    n > CONFIG_IDLE_MAX) {
				fprintf(stderr, "accueil: --idle takes a number of seconds "
				        "from 0 to %d\n", CONFIG_IDLE_MAX);
				return 2;
			}
			o->idle = (int)n;
			break;
		}
		case 'L': o->languages = true; break;
		case 'C': o->config = optarg; break;
		case 'H': o->hash_pin = true; break;
		case 'B': o->terminal_bidi = true; break;
		case 'h': usage(stdout); return 0;
		case 'V': printf("accueil %s\n", VERSION); return 0;
		case ':':
			fprintf(stderr, "accueil: the option %s needs a value; "
			        "see accueil --help\n", argv[optind - 1]);
			return 2;
		default:
			fprintf(stderr, "accueil: unknown option %s; see accueil "
			        "--help\n", argv[optind - 1]);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "accueil: unexpected argument \"%s\"; see accueil "
		        "--help\n", argv[optind]);
		return 2;
	}
	return -1;
}

/* Returns the bundled database: beside a build tree, or installed. */
const char *
cli_default_db(void)
{
	return paths_find("../data/accueil.db", DATADIR "/accueil.db");
}

/* Prints one entry: breadcrumb, title, details. */
static int
print_entry(struct db *db, const char *id, const char *lang, FILE *out)
{
	struct model_view v;
	char *err, *crumb;

	if (model_view_load(db, id, lang, &v, &err) != 0) {
		fprintf(stderr, "accueil: %s\n", err ? err : "no such entry");
		free(err);
		return -1;
	}
	crumb = model_crumb(&v, " > ");
	fprintf(out, "%s\n%s\n", crumb, v.title);
	free(crumb);
	for (size_t i = 0; i < v.npara; i++) {
		const struct model_para *p = &v.para[i];

		switch (p->style) {
		case MODEL_FIELD:
		case MODEL_UNKNOWN:
			fprintf(out, "  %s: %s\n", p->label, p->text);
			break;
		case MODEL_ITEM:
			fprintf(out, "  - %s\n", p->text);
			break;
		case MODEL_WARNING:
			fprintf(out, "  ! %s\n", p->text);
			break;
		default:
			fprintf(out, "  %s\n", p->text);
			break;
		}
	}
	for (size_t i = 0; i < v.entries.n; i++)
		fprintf(out, "  %s %s\n", i == 0 ? _("Voir aussi :") : "           ",
		        v.entries.v[i].title);
	fputc('\n', out);
	model_view_free(&v);
	return 0;
}

/* Prints the entries matching words, of kind unless NULL. */
static int
print_matches(struct db *db, const char *words, const char *lang,
              const char *kind, FILE *out)
{
	struct model_results r;
	char *err;
	int rc;

	if (model_search(db, words, lang, kind, 100, &r, &err) != 0) {
		fprintf(stderr, "accueil: %s\n", err);
		free(err);
		return 2;
	}
	for (size_t i = 0; i < r.hits.n; i++)
		if (print_entry(db, r.hits.v[i].id, lang, out) != 0) {
			model_results_free(&r);
			return 2;
		}
	rc = r.hits.n > 0 ? 0 : 1;
	if (rc != 0) {
		/* The caller's words, without their control bytes. */
		char *clean = text_clean(words, strlen(words));

		fprintf(stderr, "accueil: nothing matches \"%s\"\n", clean);
		free(clean);
	}
	model_results_free(&r);
	return rc;
}

/* Prints the entries matching words. */
int
cli_search(struct db *db, const char *words, const char *lang, FILE *out)
{
	return print_matches(db, words, lang, NULL, out);
}

/* Prints the contact cards matching words. */
int
cli_contacts(struct db *db, const char *words, const char *lang, FILE *out)
{
	return print_matches(db, words, lang, "contact", out);
}

/* Prints "done/total (percent)" for a count, or "source". */
static void
print_count(FILE *out, const char *code, int done, int total)
{
	char buf[32];

	if (strcmp(code, "fr") == 0)
		snprintf(buf, sizeof buf, "source");
	else if (total <= 0)
		snprintf(buf, sizeof buf, "none");
	else
		snprintf(buf, sizeof buf, "%d/%d (%d%%)", done, total,
		         100 * done / total);
	fprintf(out, "  %-16s", buf);
}

/* Prints the state of every language. */
int
cli_languages(struct db *db, FILE *out)
{
	fprintf(out, "%-4s  %-12s  %-16s  %-16s  %s\n", "code", "language",
	        "interface", "content", "reviewed by a fluent reader");
	for (size_t i = 0; i < i18n_nlanguages; i++) {
		const struct i18n_language *l = &i18n_languages[i];
		struct db_language s;
		int rc = db_language_get(db, l->code, &s);
		int pad = 12 - text_width(l->name);

		if (rc < 0) {
			fprintf(stderr, "accueil: %s\n", db_error(db));
			return 2;
		}
		if (rc > 0)
			memset(&s, 0, sizeof s);
		fprintf(out, "%-4s  %s%*s", l->code, l->name, pad > 0 ? pad : 0, "");
		print_count(out, l->code, s.ui_done, s.ui_texts);
		print_count(out, l->code, s.done, s.texts);
		if (strcmp(l->code, "fr") == 0)
			fputs("  source language\n", out);
		else
			fprintf(out, "  interface %s, content %s\n",
			        s.ui_reviewed ? "yes" : "no",
			        s.reviewed ? "yes" : "no");
	}
	return 0;
}
