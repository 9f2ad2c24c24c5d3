/*
 * cli.c - the command line (see cli.h).
 */
#include "core/cli.h"

#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/xalloc.h"

/* Prints the usage to out. */
static void
usage(FILE *out)
{
	fputs("Usage: accueil [OPTION]...\n"
	      "The information kiosk of the bureau d'accueil of the CAI "
	      "(Namur).\n\n"
	      "  -d, --db PATH        use the database at PATH\n"
	      "  -l, --lang LL        start in language LL (e.g. fr)\n"
	      "  -s, --search WORDS   print the entries matching WORDS and exit\n"
	      "  -c, --contacts WORDS print the contact cards matching WORDS "
	      "and exit\n"
	      "  -k, --kiosk          kiosk mode: no key leaves the program\n"
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
		{ "help",    no_argument,       NULL, 'h' },
		{ "version", no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof *o);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":d:l:s:c:khV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'l': o->lang = optarg; break;
		case 's': o->search = optarg; break;
		case 'c': o->contacts = optarg; break;
		case 'k': o->kiosk = true; break;
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
	static char path[PATH_MAX];
	char exe[PATH_MAX - 32];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash != NULL) {
			*slash = '\0';
			snprintf(path, sizeof path, "%s/../data/accueil.db", exe);
			if (access(path, F_OK) == 0)
				return path;
		}
	}
	return DATADIR "/accueil.db";
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
	if (rc != 0)
		fprintf(stderr, "accueil: nothing matches \"%s\"\n", words);
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
