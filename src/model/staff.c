/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * staff.c - the desk's own facts as the staff handle them (see staff.h).
 */
#include "model/staff.h"

#include <errno.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/xalloc.h"
#include "i18n/i18n.h"
#include "model/hours.h"
#include "text/text.h"

const char *const staff_fields[3] = { "address", "phone", "email" };

/* The desk database of the program, and what the staff are told of it. */
static struct desk *desk;
static char *path_open;
static bool broken;     /* there, but not a desk database */
static bool no_write;   /* kiosk mode, but its folder cannot be written */
static char *problem;

/* The weekdays as the export file writes them. */
static const char *const day_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};

/* Returns the desk database's path. */
const char *
staff_path(const char *given)
{
	static char *state;
	const char *env = getenv("ACCUEIL_DESK");

	if (given != NULL)
		return given;
	if (env != NULL && env[0] != '\0')
		return env;
	env = getenv("STATE_DIRECTORY");
	if (env != NULL && env[0] == '/') {
		/* systemd may give several, separated by colons. */
		size_t n = strcspn(env, ":");

		free(state);
		state = xasprintf("%.*s/desk.db", (int)n, env);
		return state;
	}
	return "/var/lib/accueil/desk.db";
}

/* Opens the desk database. */
int
staff_open(const char *path, bool writable, char **err)
{
	char *dir = xstrdup(path), *derr;

	staff_close();
	*err = NULL;
	path_open = xstrdup(path);
	/* The kiosk writes only where it may: else it reads what is there. */
	if (writable && access(dirname(dir), W_OK) != 0) {
		/* No state directory at all (a kiosk started by hand): no
		   desk side, quietly; one the kiosk may not write: said. */
		if (errno != ENOENT)
			*err = xasprintf("%s: the desk's facts cannot be saved "
			                 "(%s); they are only read", path,
			                 strerror(errno));
		writable = false;
		no_write = true;
	}
	free(dir);
	if (desk_open(path, writable, &desk, &derr) != 0) {
		free(derr);
		free(*err);
		*err = xasprintf("%s; the visitors see the package's facts "
		                 "only", desk_error(desk));
		broken = true;
		return -1;
	}
	return 0;
}

/* Closes the desk database. */
void
staff_close(void)
{
	desk_close(desk);
	desk = NULL;
	free(path_open);
	path_open = NULL;
	free(problem);
	problem = NULL;
	broken = no_write = false;
}

/* Returns the desk database to read from. */
struct desk *
staff_desk(void)
{
	return desk != NULL && !broken ? desk : NULL;
}

/* Returns the sentence the staff see, or NULL. */
const char *
staff_problem(void)
{
	free(problem);
	problem = NULL;
	if (desk == NULL)
		/* TRANSLATORS: the staff menu, when the kiosk has no desk
		   database at all. */
		problem = xstrdup(_("Les informations de l'accueil ne sont pas "
		                    "disponibles sur ce kiosque."));
	else if (broken || desk_damaged(desk))
		/* TRANSLATORS: the staff menu, when the file of the desk's
		   facts is damaged; %s is its path. */
		problem = xasprintf(_("Le fichier des informations de "
		                      "l'accueil (%s) est endommagé : les "
		                      "visiteurs voient seulement les "
		                      "informations du paquet ; mettez ce "
		                      "fichier de côté, puis importez la "
		                      "dernière copie exportée."), path_open);
	else if (no_write)
		/* TRANSLATORS: the staff menu, when the kiosk may not write
		   the desk's facts; %s is the file's path. */
		problem = xasprintf(_("Le kiosque ne peut pas écrire %s : "
		                      "les informations de l'accueil sont "
		                      "seulement lues."), path_open);
	return problem;
}

/* Returns true when every byte of s is in set. */
static bool
only(const char *s, const char *set)
{
	return s[strspn(s, set)] == '\0';
}

/* Checks a value the staff typed. */
const char *
staff_check(const char *field, const char *value)
{
	size_t n = strlen(value), digits = 0;

	if (!text_is_clean(value, n) || strchr(value, '\n') != NULL)
		/* TRANSLATORS: the staff typed a control character. */
		return _("Ce texte contient un caractère de contrôle.");
	if (strcmp(field, "phone") == 0) {
		for (const char *p = value; *p != '\0'; p++)
			digits += *p >= '0' && *p <= '9';
		if (n > 0 && (n > 40 || digits < 6 ||
		              !only(value, "0123456789 +/.()-")))
			/* TRANSLATORS: the staff typed a phone number the kiosk
			   refuses. */
			return _("Un numéro de téléphone a au moins 6 "
			         "chiffres, et seulement des chiffres, des "
			         "espaces et + / . ( ) -.");
		return NULL;
	}
	if (strcmp(field, "email") == 0) {
		const char *at = strchr(value, '@');

		if (n > 0 && (n > 100 || at == NULL || at == value ||
		              strchr(at + 1, '@') != NULL ||
		              strchr(at, '.') == NULL || strchr(value, ' ') ||
		              !only(value, "abcdefghijklmnopqrstuvwxyz"
		                    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
		                    "@.-_+")))
			/* TRANSLATORS: the staff typed an e-mail address the
			   kiosk refuses. */
			return _("Une adresse e-mail s'écrit nom@domaine.be, "
			         "sans espace.");
		return NULL;
	}
	if (strcmp(field, "address") == 0) {
		if (n > 200)
			/* TRANSLATORS: the staff typed too long an address. */
			return _("Une adresse a au plus 200 caractères.");
		return NULL;
	}
	if (strcmp(field, "notice") == 0) {
		if (n > 500)
			/* TRANSLATORS: the staff typed too long a notice. */
			return _("Un avis a au plus 500 caractères.");
		return NULL;
	}
	return _("Ce champ n'existe pas.");
}

/* Returns a sentence for a failed write, malloc'd. */
static char *
write_error(void)
{
	const char *p = staff_problem();

	if (p != NULL && (desk == NULL || broken || desk_damaged(desk) ||
	                  no_write))
		return xstrdup(p);
	/* TRANSLATORS: saving the desk's facts failed; %s says why (in
	   English, from SQLite). */
	return xasprintf(_("Rien n'a été enregistré (%s)."),
	                 desk_error(desk));
}

/* Returns what the desk says of field of node. */
char *
staff_value(const char *node, const char *field)
{
	struct desk_card c;
	char *v = NULL;

	if (staff_desk() == NULL || desk_card_get(desk, node, &c) != 0)
		return xstrdup("");
	for (size_t i = 0; i < c.nfacts; i++)
		if (strcmp(c.facts[i].field, field) == 0)
			v = xstrdup(c.facts[i].value);
	desk_card_free(&c);
	return v != NULL ? v : xstrdup("");
}

/* Returns the openings of node on weekday as typed. */
char *
staff_hours_text(const char *node, int weekday)
{
	struct desk_card c;
	char *s;

	if (staff_desk() == NULL || desk_card_get(desk, node, &c) != 0)
		return xstrdup("");
	s = hours_format(c.hours, c.nhours, weekday);
	desk_card_free(&c);
	return s;
}

/* Sets one field. */
int
staff_set(const char *node, const char *field, const char *value,
          char **err)
{
	const char *why = staff_check(field, value);
	struct hours_now now;

	*err = NULL;
	if (why != NULL) {
		*err = xstrdup(why);
		return -1;
	}
	if (staff_desk() == NULL) {
		*err = write_error();
		return -1;
	}
	hours_now(&now);
	if (desk_fact_set(desk, node, field, value, now.day) != 0) {
		*err = write_error();
		return -1;
	}
	return 0;
}

/* Sets a whole card. */
int
staff_set_card(const char *node, const char *const values[3],
               const char *const days[7], char **err)
{
	struct desk_range *v = NULL;
	struct hours_now now;
	size_t n = 0;
	int rc = 0;

	*err = NULL;
	for (int i = 0; i < 3; i++) {
		const char *why = staff_check(staff_fields[i], values[i]);

		if (why != NULL) {
			*err = xstrdup(why);
			return -1;
		}
	}
	for (int d = 0; d < 7; d++) {
		const char *why = hours_parse(days[d] ? days[d] : "", d + 1, &v,
		                              &n);

		if (why != NULL) {
			*err = xasprintf("%s : %s", hours_weekday(d + 1), why);
			free(v);
			return -1;
		}
	}
	hours_now(&now);
	if (staff_desk() == NULL || no_write ||
	    desk_card_set(desk, node, staff_fields, values, 3, v, n,
	                  now.day) != 0) {
		*err = write_error();
		rc = -1;
	}
	free(v);
	return rc;
}

/* Posts a notice. */
int
staff_post_notice(const char *const *texts, const char *first,
                  const char *last, char **err)
{
	struct desk_notice n = { 0 };
	struct hours_now now;
	int rc = 0;

	*err = NULL;
	if (texts[0] == NULL || texts[0][0] == '\0') {
		/* TRANSLATORS: a notice needs its French text. */
		*err = xstrdup(_("Écrivez d'abord le texte en français."));
		return -1;
	}
	if (!hours_valid_day(first) || !hours_valid_day(last) ||
	    strcmp(first, last) > 0) {
		/* TRANSLATORS: the first and last days of a notice. */
		*err = xstrdup(_("Écrivez les jours ainsi : 2026-12-31 ; le "
		                 "premier jour vient avant le dernier."));
		return -1;
	}
	hours_now(&now);
	n.first = (char *)first;
	n.last = (char *)last;
	n.entered = now.day;
	n.texts = xcalloc(i18n_nlanguages, sizeof *n.texts);
	for (size_t i = 0; i < i18n_nlanguages; i++) {
		const char *why;

		if (texts[i] == NULL || texts[i][0] == '\0')
			continue;
		why = staff_check("notice", texts[i]);
		if (why != NULL) {
			*err = xasprintf("%s : %s", i18n_languages[i].name,
			                 why);
			free(n.texts);
			return -1;
		}
		n.texts[n.ntexts].lang = (char *)i18n_languages[i].code;
		n.texts[n.ntexts++].text = (char *)texts[i];
	}
	if (staff_desk() == NULL ||
	    desk_notice_add(desk, &n, NULL) != 0) {
		*err = write_error();
		rc = -1;
	}
	free(n.texts);
	return rc;
}

/* Removes the notices that are over, and today's when asked. */
int
staff_clear_notices(bool today, char **err)
{
	struct desk_content c;
	struct hours_now now;
	int gone = 0;

	*err = NULL;
	if (staff_desk() == NULL || desk_notices(desk, NULL, &c) != 0) {
		*err = write_error();
		return -1;
	}
	hours_now(&now);
	for (size_t i = 0; i < c.nnotices; i++) {
		bool over = strcmp(c.notices[i].last, now.day) < 0;
		bool shown = strcmp(c.notices[i].first, now.day) <= 0 && !over;

		if (!over && !(today && shown))
			continue;
		if (desk_notice_delete(desk, c.notices[i].id) != 0) {
			*err = write_error();
			desk_content_free(&c);
			return -1;
		}
		gone++;
	}
	desk_content_free(&c);
	return gone;
}

/* Writes value on one line: its line ends would start another. */
static void
put_value(FILE *out, const char *s)
{
	for (; *s != '\0'; s++)
		fputc(*s == '\n' || *s == '\r' ? ' ' : *s, out);
	fputc('\n', out);
}

/* Writes everything to out. */
int
staff_export(FILE *out, char **err)
{
	struct desk_content c;
	struct hours_now now;

	*err = NULL;
	if (desk == NULL || broken || desk_content_get(desk, &c) != 0) {
		*err = xstrdup(desk != NULL ? desk_error(desk)
		               : "no desk database");
		return -1;
	}
	hours_now(&now);
	fprintf(out, "# The desk's own facts of accueil, exported on %s.\n"
	        "# card ID, then: phone|email|address DAY VALUE, and\n"
	        "#   hours DAY WEEKDAY 09:00-12:00 13:30-16:00 [rdv] (or rdv "
	        "alone).\n"
	        "# notice FIRST-DAY LAST-DAY DAY, then one line per language: "
	        "CODE TEXT\n"
	        "#   (fr first). DAY is the day a fact was entered. Days are "
	        "YYYY-MM-DD.\n", now.day);
	for (size_t i = 0; i < c.ncards; i++) {
		const struct desk_card *k = &c.cards[i];

		fprintf(out, "\ncard %s\n", k->node);
		for (size_t j = 0; j < k->nfacts; j++) {
			fprintf(out, "  %s %s ", k->facts[j].field,
			        k->facts[j].entered);
			put_value(out, k->facts[j].value);
		}
		for (int d = 1; d <= 7; d++) {
			char *s = hours_format(k->hours, k->nhours, d);

			if (s[0] != '\0')
				fprintf(out, "  hours %s %s %s\n",
				        k->hours_entered, day_names[d - 1], s);
			free(s);
		}
	}
	for (size_t i = 0; i < c.nnotices; i++) {
		const struct desk_notice *n = &c.notices[i];

		fprintf(out, "\nnotice %s %s %s\n", n->first, n->last,
		        n->entered);
		for (size_t j = 0; j < n->ntexts; j++) {
			fprintf(out, "  %s ", n->texts[j].lang);
			put_value(out, n->texts[j].text);
		}
	}
	desk_content_free(&c);
	if (fflush(out) != 0 || ferror(out)) {
		*err = xasprintf("cannot write: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* The import's reading state. */
struct reader {
	const char *name;
	FILE *errors;
	int line, bad;
	struct desk_content c;
	struct db *db;
};

/* Says line r->line is bad. */
static void
bad_line(struct reader *r, const char *why)
{
	if (r->bad++ < 100)
		fprintf(r->errors, "%s:%d: %s\n", r->name, r->line, why);
}

/* Splits the next word off *s (spaces before and after skipped); NULL at
   the end. */
static char *
word(char **s)
{
	char *w;

	*s += strspn(*s, " \t");
	if (**s == '\0')
		return NULL;
	w = *s;
	*s += strcspn(*s, " \t");
	if (**s != '\0')
		*(*s)++ = '\0';
	*s += strspn(*s, " \t");
	return w;
}

/* Reads "card ID". */
static void
read_card(struct reader *r, char *rest)
{
	char *id = word(&rest);
	struct db_node n;
	struct desk_card *k;

	if (id == NULL || *rest != '\0') {
		bad_line(r, "\"card\" takes one card id");
		return;
	}
	if (db_node_get(r->db, id, "fr", &n) != 0) {
		bad_line(r, "no such card in the content database");
		return;
	}
	if (n.kind != KIND_CONTACT) {
		bad_line(r, "this is not a contact card");
		db_node_free(&n);
		return;
	}
	db_node_free(&n);
	for (size_t i = 0; i < r->c.ncards; i++)
		if (strcmp(r->c.cards[i].node, id) == 0) {
			bad_line(r, "this card came before");
			return;
		}
	r->c.cards = xreallocarray(r->c.cards, r->c.ncards + 1,
	                           sizeof *r->c.cards);
	k = &r->c.cards[r->c.ncards++];
	memset(k, 0, sizeof *k);
	k->node = xstrdup(id);
}

/* Reads "phone|email|address DAY VALUE" of the last card. */
static void
read_fact(struct reader *r, const char *field, char *rest, bool in_card)
{
	char *day = word(&rest);
	struct desk_card *k;
	const char *why;

	if (!in_card) {
		bad_line(r, "a fact comes after its \"card\" line");
		return;
	}
	k = &r->c.cards[r->c.ncards - 1];
	if (day == NULL || !hours_valid_day(day)) {
		bad_line(r, "the day a fact was entered is written YYYY-MM-DD");
		return;
	}
	if (*rest == '\0') {
		bad_line(r, "the value is missing");
		return;
	}
	if ((why = staff_check(field, rest)) != NULL) {
		bad_line(r, why);
		return;
	}
	for (size_t i = 0; i < k->nfacts; i++)
		if (strcmp(k->facts[i].field, field) == 0) {
			bad_line(r, "this field came before for this card");
			return;
		}
	k->facts = xreallocarray(k->facts, k->nfacts + 1, sizeof *k->facts);
	k->facts[k->nfacts].field = xstrdup(field);
	k->facts[k->nfacts].value = xstrdup(rest);
	k->facts[k->nfacts++].entered = xstrdup(day);
}

/* Reads "hours DAY WEEKDAY SPEC" of the last card. */
static void
read_hours(struct reader *r, char *rest, bool in_card)
{
	char *day = word(&rest), *wd = word(&rest);
	struct desk_card *k;
	const char *why;
	int d = 0;

	if (!in_card) {
		bad_line(r, "\"hours\" comes after its \"card\" line");
		return;
	}
	k = &r->c.cards[r->c.ncards - 1];
	if (day == NULL || !hours_valid_day(day)) {
		bad_line(r, "the day hours were entered is written YYYY-MM-DD");
		return;
	}
	for (int i = 0; wd != NULL && i < 7; i++)
		if (strcmp(wd, day_names[i]) == 0)
			d = i + 1;
	if (d == 0) {
		bad_line(r, "the weekday is one of monday ... sunday");
		return;
	}
	for (size_t i = 0; i < k->nhours; i++)
		if (k->hours[i].weekday == d) {
			bad_line(r, "this weekday came before for this card");
			return;
		}
	if (*rest == '\0') {
		bad_line(r, "the hours are missing (a closed day has no line)");
		return;
	}
	if ((why = hours_parse(rest, d, &k->hours, &k->nhours)) != NULL) {
		bad_line(r, "hours are written 09:00-12:00 13:30-16:00, or "
		         "rdv");
		return;
	}
	free(k->hours_entered);
	k->hours_entered = xstrdup(day);
}

/* Reads "notice FIRST LAST DAY". */
static void
read_notice(struct reader *r, char *rest)
{
	char *first = word(&rest), *last = word(&rest), *day = word(&rest);
	struct desk_notice *n;

	if (day == NULL || *rest != '\0' || !hours_valid_day(first) ||
	    !hours_valid_day(last) || !hours_valid_day(day)) {
		bad_line(r, "\"notice\" takes its first day, its last day and "
		         "the day it was entered, each YYYY-MM-DD");
		return;
	}
	if (strcmp(first, last) > 0) {
		bad_line(r, "the last day comes before the first");
		return;
	}
	r->c.notices = xreallocarray(r->c.notices, r->c.nnotices + 1,
	                             sizeof *r->c.notices);
	n = &r->c.notices[r->c.nnotices++];
	memset(n, 0, sizeof *n);
	n->first = xstrdup(first);
	n->last = xstrdup(last);
	n->entered = xstrdup(day);
}

/* Reads "CODE TEXT" of the last notice. */
static void
read_text(struct reader *r, const char *code, char *rest, bool in_notice)
{
	struct desk_notice *n;
	const char *why;

	if (!in_notice) {
		bad_line(r, "a text comes after its \"notice\" line");
		return;
	}
	n = &r->c.notices[r->c.nnotices - 1];
	if (*rest == '\0') {
		bad_line(r, "the text is missing");
		return;
	}
	if ((why = staff_check("notice", rest)) != NULL) {
		bad_line(r, why);
		return;
	}
	if (n->ntexts == 0 && strcmp(code, "fr") != 0) {
		bad_line(r, "the French text (fr) comes first");
		return;
	}
	for (size_t i = 0; i < n->ntexts; i++)
		if (strcmp(n->texts[i].lang, code) == 0) {
			bad_line(r, "this language came before for this "
			         "notice");
			return;
		}
	n->texts = xreallocarray(n->texts, n->ntexts + 1, sizeof *n->texts);
	n->texts[n->ntexts].lang = xstrdup(code);
	n->texts[n->ntexts++].text = xstrdup(rest);
}

/* Reads and checks the file, then writes it all at once. */
int
staff_import(FILE *in, const char *name, struct db *db, FILE *errors,
             char **err)
{
	struct reader r = { .name = name, .errors = errors, .db = db };
	enum { NONE, CARD, NOTICE } in_block = NONE;
	char *line = NULL;
	size_t size = 0;
	ssize_t len;
	int rc = 0;

	*err = NULL;
	while ((len = getline(&line, &size, in)) >= 0) {
		char *rest = line, *w;

		r.line++;
		while (len > 0 && (line[len - 1] == '\n' ||
		                   line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strlen(line) != (size_t)len || !text_is_clean(line, len) ||
		    len > DESK_VALUE_MAX) {
			bad_line(&r, "not a line of text (a control character, "
			         "invalid UTF-8, or too long)");
			continue;
		}
		w = word(&rest);
		if (w == NULL || w[0] == '#')
			continue;
		if (strcmp(w, "card") == 0) {
			size_t before = r.c.ncards;

			read_card(&r, rest);
			in_block = r.c.ncards > before ? CARD : NONE;
		} else if (strcmp(w, "phone") == 0 || strcmp(w, "email") == 0 ||
		           strcmp(w, "address") == 0) {
			read_fact(&r, w, rest, in_block == CARD);
		} else if (strcmp(w, "hours") == 0) {
			read_hours(&r, rest, in_block == CARD);
		} else if (strcmp(w, "notice") == 0) {
			size_t before = r.c.nnotices;

			read_notice(&r, rest);
			in_block = r.c.nnotices > before ? NOTICE : NONE;
		} else if (i18n_find(w) != NULL) {
			read_text(&r, w, rest, in_block == NOTICE);
		} else {
			bad_line(&r, "unknown line: it starts with neither "
			         "card, phone, email, address, hours, notice "
			         "nor a language code");
		}
	}
	free(line);
	if (ferror(in)) {
		*err = xasprintf("%s: cannot be read (%s)", name,
		                 strerror(errno));
		rc = -1;
	}
	for (size_t i = 0; rc == 0 && i < r.c.nnotices; i++)
		if (r.c.notices[i].ntexts == 0) {
			r.line = 0;
			fprintf(errors, "%s: a notice from %s has no text\n",
			        name, r.c.notices[i].first);
			r.bad++;
		}
	if (rc == 0 && r.bad > 0) {
		*err = xasprintf("%s: %d bad line%s; nothing was written", name,
		                 r.bad, r.bad > 1 ? "s" : "");
		rc = -1;
	}
	if (rc == 0 && no_write) {
		*err = xasprintf("%s: cannot be written here; nothing was "
		                 "written", path_open);
		rc = -1;
	} else if (rc == 0 && (desk == NULL || broken ||
	                       desk_content_put(desk, &r.c) != 0)) {
		*err = xasprintf("%s; nothing was written (a damaged file: "
		                 "move it aside first)", desk != NULL
		                 ? desk_error(desk) : "no desk database");
		rc = -1;
	}
	desk_content_free(&r.c);
	return rc;
}
