/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cli.c - the command line (see cli.h).
 */
#include "app/cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
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
	      "  -l, --lang LL        start in language LL without the language\n"
	      "                       picker:", out);
	/* The codes, from the language table. */
	for (size_t i = 0, col = 30; i < i18n_nlanguages; i++, col += 4) {
		if (col + 4 > 78) {
			fputs("\n                      ", out);
			col = 22;
		}
		fprintf(out, " %s%s", i18n_languages[i].code,
		        i + 1 < i18n_nlanguages ? "," : "\n");
	}
	fputs("  -s, --search WORDS   print the entries matching WORDS and exit\n"
	      "  -c, --contacts WORDS print the contact cards matching WORDS "
	      "and exit\n"
	      "  -b, --brief          with --contacts: one line per contact "
	      "(name, organisation,\n"
	      "                       phone, e-mail), separated by tabs\n"
	      "  -k, --kiosk          kiosk mode: no key leaves the program\n"
	      "  -i, --idle SECONDS   after SECONDS without input, count down and\n"
	      "                       start again from the language picker\n"
	      "                       (default: 120 in kiosk mode, else never)\n"
	      "      --config FILE    read the idle time and the picker's order\n"
	      "                       from FILE (default: " CONFIG_DEFAULT_PATH
	      ", if any)\n"
	      "      --pin-file FILE  read the staff PIN's hash from FILE\n"
	      "                       (default: " CONFIG_PIN_PATH ", unless\n"
	      "                       --config is given)\n"
	      "      --set-pin        ask for the staff PIN twice, without\n"
	      "                       showing it, and write its hash into the\n"
	      "                       PIN file\n"
	      "      --check-config   say what each line of the configuration\n"
	      "                       and of the PIN file means; exit 1 on a\n"
	      "                       bad one\n"
	      "      --hash-pin       read a PIN on standard input (not shown)\n"
	      "                       and print its \"pin =\" line\n"
	      "      --languages      list the languages, how complete and how\n"
	      "                       reviewed their translations are, and exit\n"
	      "      --terminal-bidi  the terminal reorders right-to-left text\n"
	      "                       itself: send it in logical order\n"
	      "  -h, --help           show this help and exit\n"
	      "  -V, --version        show the version and exit\n\n"
	      "Exit status: 0 if all went well (for --search and --contacts: "
	      "something\nmatched), 1 if they found nothing (--check-config: "
	      "a bad line), 2 on error,\n10 when the staff left kiosk mode "
	      "with F10 and the PIN.\n\n"
	      "Report bugs to: " CLI_BUG_ADDRESS "\n"
	      "The CAI, whose reception desk it serves: "
	      "<https://cainamur.be>\n", out);
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
		{ "set-pin", no_argument,       NULL, 'P' },
		{ "check-config", no_argument,  NULL, 'K' },
		{ "pin-file", required_argument, NULL, 'F' },
		{ "languages", no_argument,     NULL, 'L' },
		{ "terminal-bidi", no_argument, NULL, 'B' },
		{ "brief",   no_argument,       NULL, 'b' },
		{ "help",    no_argument,       NULL, 'h' },
		{ "version", no_argument,       NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool words_follow = false;
	int c;

	memset(o, 0, sizeof *o);
	o->idle = -1;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":d:l:s:c:i:kbhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': o->db = optarg; break;
		case 'l': o->lang = optarg; break;
		case 's': o->search = optarg; break;
		case 'c':
			/* "--contacts --brief WORDS": the words come after. */
			if (strcmp(optarg, "--brief") == 0 ||
			    strcmp(optarg, "-b") == 0) {
				o->brief = true;
				words_follow = true;
				break;
			}
			o->contacts = optarg;
			break;
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
		case 'P': o->set_pin = true; break;
		case 'K': o->check_config = true; break;
		case 'F': o->pin_file = optarg; break;
		case 'B': o->terminal_bidi = true; break;
		case 'b': o->brief = true; break;
		case 'h': usage(stdout); return 0;
		case 'V':
			printf("accueil %s\n"
			       "Copyright (C) 2026 the accueil contributors.\n"
			       "Licence GPL-3.0-or-later: GNU GPL version 3 "
			       "or later\n<https://gnu.org/licenses/gpl.html>."
			       "\nThis is free software: you are free to "
			       "change and redistribute it.\nThere is NO "
			       "WARRANTY, to the extent permitted by law.\n",
			       VERSION);
			return 0;
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
	if (words_follow && o->contacts == NULL && optind < argc)
		o->contacts = argv[optind++];
	if (o->brief && o->contacts == NULL) {
		fprintf(stderr, "accueil: --brief goes with --contacts; see "
		        "accueil --help\n");
		return 2;
	}
	if (o->lang != NULL && i18n_find(o->lang) == NULL) {
		char *clean = text_clean(o->lang, strlen(o->lang));

		fprintf(stderr, "accueil: unknown language \"%s\"; the "
		        "languages are:", clean);
		free(clean);
		for (size_t i = 0; i < i18n_nlanguages; i++)
			fprintf(stderr, " %s", i18n_languages[i].code);
		fputc('\n', stderr);
		return 2;
	}
	if (optind < argc) {
		fprintf(stderr, "accueil: unexpected argument \"%s\"; see accueil "
		        "--help\n", argv[optind]);
		return 2;
	}
	return -1;
}

/* Returns the PIN file o names. */
const char *
cli_pin_file(const struct cli *o)
{
	if (o->pin_file != NULL)
		return o->pin_file;
	return o->config != NULL ? NULL : CONFIG_PIN_PATH;
}

/*
 * Reads one line into buf (at most size - 1 bytes kept, the line's end
 * dropped); on a terminal, after prompt on stderr and without echo.
 * Returns its length (size - 1 when longer), -1 at the end of input.
 */
static ssize_t
read_secret(const char *prompt, char *buf, size_t size)
{
	struct termios was, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &was) == 0;
	size_t n = 0;
	int c;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		quiet = was;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOE | ECHOK | ECHONL);
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	while ((c = getchar_unlocked()) != EOF && c != '\n') {
		if (n + 1 < size)
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &was);
		fputc('\n', stderr);
	}
	if (c == EOF && n == 0)
		return -1;
	if (n > 0 && buf[n - 1] == '\r')
		buf[--n] = '\0';
	return (ssize_t)n;
}

/* Returns NULL when the n bytes of pin make a PIN, else why not. */
static const char *
pin_refused(const char *pin, ssize_t n)
{
	if ((size_t)n != strlen(pin))
		return "a PIN holds no NUL character";
	return config_pin_refused(pin);
}

/* Prints the hash of a PIN read on standard input. */
int
cli_hash_pin(void)
{
	char pin[CONFIG_PIN_MAX + 2], *hash;
	ssize_t n = read_secret("PIN: ", pin, sizeof pin);
	const char *why;

	if (n == -1) {
		fputs("accueil: no PIN on standard input\n", stderr);
		return 2;
	}
	why = pin_refused(pin, n);
	hash = why == NULL ? config_hash_pin(pin) : NULL;
	explicit_bzero(pin, sizeof pin);
	if (why != NULL) {
		fprintf(stderr, "accueil: %s\n", why);
		return 2;
	}
	if (hash == NULL) {
		fputs("accueil: the PIN cannot be hashed here\n", stderr);
		return 2;
	}
	printf("pin = %s\n", hash);
	free(hash);
	return 0;
}

/* Asks for the PIN twice and writes its hash into the PIN file. */
int
cli_set_pin(const struct cli *o)
{
	const char *path = o->pin_file != NULL ? o->pin_file : CONFIG_PIN_PATH;
	char pin[CONFIG_PIN_MAX + 2], again[CONFIG_PIN_MAX + 2];
	char *hash = NULL, *err = NULL;
	const char *why;
	ssize_t n, m = 0;

	n = read_secret("New staff PIN (6 to 64 letters, digits or "
	                "punctuation): ", pin, sizeof pin);
	why = n == -1 ? "no PIN was given" : pin_refused(pin, n);
	if (why == NULL) {
		m = read_secret("The same PIN again: ", again, sizeof again);
		if (m != n || strcmp(pin, again) != 0)
			why = "the two PINs differ; nothing was changed";
	}
	if (why == NULL && (hash = config_hash_pin(pin)) == NULL)
		why = "the PIN cannot be hashed here";
	explicit_bzero(pin, sizeof pin);
	explicit_bzero(again, sizeof again);
	if (why != NULL) {
		fprintf(stderr, "accueil: %s\n", why);
		return 2;
	}
	if (config_write_pin(path, hash, &err) != 0) {
		fprintf(stderr, "accueil: %s%s\n", err, geteuid() != 0 &&
		        strstr(err, "ermission") != NULL ? "; run it as root"
		        : "");
		free(err);
		free(hash);
		return 2;
	}
	free(hash);
	printf("The staff PIN is set in %s; a running kiosk uses it from its "
	       "next start.\n", path);
	return 0;
}

/* Says what each line of the configuration and the PIN file means. */
int
cli_check_config(const struct cli *o)
{
	const char *conf = o->config != NULL ? o->config : CONFIG_DEFAULT_PATH;
	const char *pinf = cli_pin_file(o);
	struct config c;
	char *err = NULL;
	int bad = 0;

	if (o->config != NULL || access(conf, F_OK) == 0)
		bad += config_explain(conf, false, stdout, &err);
	else
		printf("%s: not there: the defaults (idle 120 s in kiosk mode, "
		       "the picker's own order)\n", conf);
	free(err);
	err = NULL;
	if (pinf != NULL && access(pinf, F_OK) == 0)
		bad += config_explain(pinf, true, stdout, &err);
	else if (pinf != NULL)
		printf("%s: not there\n", pinf);
	free(err);
	if (bad > 0) {
		printf("%d bad line%s: kiosk mode does not start until %s "
		       "mended\n", bad, bad > 1 ? "s" : "", bad > 1 ? "they are"
		       : "it is");
		return 1;
	}
	/* Which PIN the kiosk uses: the PIN file's, else an older one. */
	config_load(conf, CONFIG_OPTIONAL, &c, &err);
	free(err);
	if (pinf != NULL)
		config_load_pin(pinf, CONFIG_OPTIONAL, &c, &err);
	free(err);
	if (c.pin_from != NULL)
		printf("The kiosk's staff exit: F10 and the PIN whose hash is in "
		       "%s.\n", c.pin_from);
	else
		printf("No PIN is set: kiosk mode has no way out by keys; set "
		       "one with accueil --set-pin.\n");
	config_free(&c);
	return 0;
}

/* Returns rc, or 2 when standard output could not be written. */
int
cli_close_stdout(int rc)
{
	bool bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;
	locale_t c;

	if (!bad)
		return rc;
	/* The sentence is English: its cause too, whatever language the
	   kiosk's catalogue (LANGUAGE) was set to. */
	c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	fprintf(stderr, "accueil: write error on standard output (%s)\n",
	        c != (locale_t)0 ? strerror_l(e, c) : strerror(e));
	if (c != (locale_t)0)
		freelocale(c);
	return 2;
}

/* Returns the bundled database: beside a build tree, or installed. */
const char *
cli_default_db(void)
{
	return paths_find("../data/accueil.db", DATADIR "/accueil.db");
}

/*
 * Prints the full web addresses of the sources of id, which a screen shows
 * short (site, year), one a line, for the staff.
 */
static void
print_full_sources(struct db *db, const char *id, FILE *out)
{
	struct db_node n;
	const struct db_field *f;

	if (db_node_get(db, id, "fr", &n) != 0)
		return;
	f = db_node_field(&n, "sources");
	if (f != NULL && f->value[0] != '\0') {
		const char *p = f->value;

		/* TRANSLATORS: before the full web addresses of the sources of
		   a page, in the output of --search. */
		fprintf(out, "  %s\n", _("Sources (adresses complètes) :"));
		while (*p != '\0') {
			const char *end = strstr(p, " ; ");
			int len = end ? (int)(end - p) : (int)strlen(p);

			fprintf(out, "    %.*s\n", len, p);
			p += len;
			if (end != NULL)
				p += 3;
		}
	}
	db_node_free(&n);
}

/* Writes the no-break spaces of the texts of v as plain ones: the staff
   copy what --search prints into a mail or a letter. */
static void
plain_spaces(struct model_view *v)
{
	text_plain_spaces(v->title);
	for (size_t i = 0; i < v->npara; i++) {
		if (v->para[i].label != NULL)
			text_plain_spaces(v->para[i].label);
		text_plain_spaces(v->para[i].text);
	}
}

/* Prints one entry: breadcrumb, title, details. */
static int
print_entry(struct db *db, const char *id, const char *lang, FILE *out)
{
	struct model_view v;
	char *err, *crumb;
	const char *see;

	if (model_view_load(db, id, lang, &v, &err) != 0) {
		/* TRANSLATORS: accueil --search, an entry that cannot be read;
		   %s is the database's own message. */
		fprintf(stderr, "accueil: %s\n", err != NULL ? err
		        : _("cette entrée ne peut pas être lue"));
		free(err);
		return -1;
	}
	plain_spaces(&v);
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
	/* TRANSLATORS: accueil --search, before the links of an entry. */
	see = _("Voir aussi :");
	for (size_t i = 0; i < v.entries.n; i++)
		fprintf(out, "  %s%*s %s\n", i == 0 ? see : "",
		        i == 0 ? 0 : text_width(see), "", v.entries.v[i].title);
	print_full_sources(db, id, out);
	fputc('\n', out);
	model_view_free(&v);
	return 0;
}

/* Returns the text of field name of v (its value, or "ask at the desk"),
   or "". */
static const char *
field(const struct model_view *v, const char *name)
{
	for (size_t i = 0; i < v->npara; i++)
		if ((v->para[i].style == MODEL_FIELD ||
		     v->para[i].style == MODEL_UNKNOWN) &&
		    v->para[i].name != NULL && strcmp(v->para[i].name, name) == 0)
			return v->para[i].text;
	return "";
}

/* Prints one contact on one line: name, organisation, phone, e-mail. */
static int
print_brief(struct db *db, const char *id, const char *lang, FILE *out)
{
	struct model_view v;
	char *err;

	if (model_view_load(db, id, lang, &v, &err) != 0) {
		fprintf(stderr, "accueil: %s\n", err != NULL ? err
		        : _("cette entrée ne peut pas être lue"));
		free(err);
		return -1;
	}
	plain_spaces(&v);
	fprintf(out, "%s\t%s\t%s\t%s\n", v.title, field(&v, "org"),
	        field(&v, "phone"), field(&v, "email"));
	model_view_free(&v);
	return 0;
}

/* Prints the entries matching words, of kind unless NULL, one line each
   when brief. */
static int
print_matches(struct db *db, const char *words, const char *lang,
              const char *kind, bool brief, FILE *out)
{
	struct model_results r;
	char *err;
	int rc;

	if (model_search(db, words, lang, kind, 100, &r, &err) != 0) {
		/* TRANSLATORS: accueil --search fails; %s is the database's
		   own message (in English). */
		fprintf(stderr, "accueil: ");
		fprintf(stderr, _("la recherche ne fonctionne pas (%s)"), err);
		fputc('\n', stderr);
		free(err);
		return 2;
	}
	for (size_t i = 0; i < r.hits.n; i++)
		if ((brief ? print_brief : print_entry)(db, r.hits.v[i].id, lang,
		                                        out) != 0) {
			model_results_free(&r);
			return 2;
		}
	rc = r.hits.n > 0 ? 0 : 1;
	if (rc != 0) {
		/* The caller's words, without their control bytes. */
		char *clean = text_clean(words, strlen(words));

		/* TRANSLATORS: accueil --search finds nothing; %s is what was
		   looked for. */
		fprintf(stderr, "accueil: ");
		fprintf(stderr, _("rien ne correspond à « %s »"), clean);
		fputc('\n', stderr);
		free(clean);
	}
	model_results_free(&r);
	return rc;
}

/* Prints the entries matching words. */
int
cli_search(struct db *db, const char *words, const char *lang, FILE *out)
{
	return print_matches(db, words, lang, NULL, false, out);
}

/* Prints the contact cards matching words. */
int
cli_contacts(struct db *db, const char *words, const char *lang, bool brief,
             FILE *out)
{
	return print_matches(db, words, lang, "contact", brief, out);
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
