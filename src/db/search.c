/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * search.c - full-text search and its ranking (see db_search in db.h): the
 * FTS5 queries built from a person's words, titles before texts, more of
 * the words before fewer, a glossary word before the pages that use it,
 * and, when nothing is found, the spelling neighbours of the words: a
 * letter away (the table spell), else sharing runs of three letters (the
 * table spell_tri), both made at build time from the index's own
 * vocabulary, so that a typo costs the same whatever the content's size.
 */
#include "db/db.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "db/db-private.h"
#include "db/kind.h"
#include "db/row.h"
#include "text/text-search.h"
#include "text/text.h"

/* The title of a node in lang, else in French, and whether it fell back. */
#define TITLE_COLUMNS \
	"coalesce(t.value, f.value), t.value IS NULL AND ?2 <> 'fr' "
#define TITLE_JOINS \
	"JOIN field f ON f.node = n.id AND f.name = 'title' AND f.lang = 'fr' " \
	"LEFT JOIN field t ON t.node = n.id AND t.name = 'title' AND t.lang = ?2 "

/* How many words of the vocabulary that share the most runs of three
   letters with a typo (bm25) are compared with it. */
#define FUZZY_WORDS "50"

/* How many neighbours of a typo are tried, the nearest first. */
#define FUZZY_MAX 8

/* The most matching rows a search ranks (see SEARCH_SQL). */
#define RANK_ROWS 200

/*
 * A search over table T, as hits: ?1 the FTS5 query (which also names the
 * languages and the kind), ?2 the language, ?3 the most nodes, ?4 the most
 * index rows to keep, ?5 the most rows to rank. Rows are ranked by
 * accueil_rank with the weights W; a node found in two languages counts
 * once. Ranking
 * costs a few microseconds a row, so only the first ?5 matching rows (in
 * the order of the content) are ranked: all of them for any query on the
 * bundled content, and a bounded cost on a content a hundred times larger.
 * The excerpt is the node's text in the language, else in French, else its
 * role. A row holding more of the words ranks first, whatever its
 * relevance: accueil_rank counts the phrases of the query found in the
 * first C columns (the words; the language and the kind are in the
 * others), times WORD_WEIGHT; the count is read back from the score, the
 * function being called once a row.
 */
#define WORD_WEIGHT "1000000.0"
#define FIELD(name, lang) \
	"(SELECT value FROM field WHERE node = n.id AND name = '" name "' " \
	"AND lang = " lang ")"
#define SEARCH_SQL(T, W, C) \
	"SELECT n.id, n.kind, " TITLE_COLUMNS ", " \
	"  coalesce(pt.value, pf.value, ''), " \
	"  coalesce(" FIELD("body", "?2") ", " FIELD("body", "'fr'") ", " \
	"    " FIELD("role", "?2") ", " FIELD("role", "'fr'") ", '') , " \
	"  CAST(-s.score / " WORD_WEIGHT " AS INTEGER) " \
	"FROM (SELECT rowid / (SELECT count(*) + 1 FROM language WHERE " \
	"  code <> 'fr') AS nr, min(score) AS score FROM " \
	"  (SELECT rowid, score FROM (SELECT rowid, accueil_rank(" T ", " \
	"     " C ", " W ") AS score FROM " T " WHERE " T " MATCH ?1 " \
	"     ORDER BY rowid LIMIT ?5) " \
	"   ORDER BY score LIMIT ?4) GROUP BY nr) s " \
	"JOIN node n ON n.rowid = s.nr " TITLE_JOINS \
	"LEFT JOIN field pf ON pf.node = n.parent AND pf.name = 'title' " \
	"  AND pf.lang = 'fr' " \
	"LEFT JOIN field pt ON pt.node = n.parent AND pt.name = 'title' " \
	"  AND pt.lang = ?2 " \
	"ORDER BY s.score, n.id LIMIT ?3"


/* The statements of this file, by their slot in db->st. */
static const char *
sql(enum db_stmt which)
{
	switch (which) {
	case ST_SEARCH:
		return SEARCH_SQL("search", "100.0, 1.0", "2");
	case ST_FUZZY:
		return "SELECT t.word, s.docs FROM (SELECT word FROM spell_tri "
		       "WHERE spell_tri MATCH ?1 AND ?2 IS NULL ORDER BY rank "
		       "LIMIT " FUZZY_WORDS ") t JOIN spell s "
		       "ON s.near = t.word AND s.word = t.word";
	case ST_TERM:
		return "SELECT value FROM field WHERE node = ?1 AND ?2 IS NULL "
		       "AND name = 'title' AND lang = 'fr'";
	case ST_PRESENT:
		return "SELECT 1 FROM search WHERE search MATCH ?1 AND ?2 IS NULL "
		       "LIMIT 1";
	case ST_KNOWN:
		return "SELECT 1 FROM spell WHERE near = ?1 AND word = ?1 "
		       "AND ?2 IS NULL";
	case ST_SPELL:
		return "SELECT word, docs FROM spell WHERE near = ?1 "
		       "AND ?2 IS NULL";
	default:
		return "SELECT n.id, n.kind, " TITLE_COLUMNS ", "
		       "  coalesce(pt.value, pf.value, ''), '' FROM node n "
		       TITLE_JOINS
		       "LEFT JOIN field pf ON pf.node = n.parent "
		       "  AND pf.name = 'title' AND pf.lang = 'fr' "
		       "LEFT JOIN field pt ON pt.node = n.parent "
		       "  AND pt.name = 'title' AND pt.lang = ?2 "
		       "WHERE n.kind = 'contact' ORDER BY 3 COLLATE NOCASE";
	}
}

/* Prepares one of this file's statements (see db_start). */
static sqlite3_stmt *
start(struct db *db, enum db_stmt which, const char *id, const char *lang)
{
	return db_start(db, which, sql(which), id, lang);
}

/*
 * Keeps the error of a failed search: the search alone is damaged when
 * the menu tree still reads (a damaged index), else the whole file.
 */
static void
search_failed(struct db *db)
{
	int code = sqlite3_errcode(db->h) & 0xff;
	char *msg = xasprintf("database error while searching: %s",
	                      sqlite3_errmsg(db->h));
	bool tree = code != SQLITE_TOOBIG && db_tree_readable(db);

	free(db->error);
	db->error = msg;
	db->fault = code == SQLITE_TOOBIG ? DB_FAULT_VALUE
	            : tree ? DB_FAULT_SEARCH : DB_FAULT_DAMAGED;
}

/* The most phrases and columns accueil_rank counts (more are left out). */
#define RANK_PHRASES 32
#define RANK_COLUMNS 8

/*
 * The FTS5 function accueil_rank(T, C, W0, W1...): minus (the number of
 * phrases of the query found in the first C columns of the row, times
 * WORD_WEIGHT, plus their relevance there). The relevance is bm25's
 * (k1 1.2, b 0.75, column i weighing Wi) but for its inverse document
 * frequency, which FTS5 computes by reading the whole list of rows of
 * each word: on a large content a frequent word cost milliseconds at
 * every key. Each word of a query is one phrase, and its column filter
 * keeps its matches to the text columns.
 */
static void
rank_row(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx,
         int nval, sqlite3_value **val)
{
	int cols = nval > 0 ? sqlite3_value_int(val[0]) : 0, inst = 0, words = 0;
	int phrases = api->xPhraseCount(fts);
	unsigned short tf[RANK_PHRASES][RANK_COLUMNS] = { { 0 } };
	sqlite3_int64 rows = 0;
	double score = 0;

	if (cols > RANK_COLUMNS)
		cols = RANK_COLUMNS;
	if (phrases > RANK_PHRASES)
		phrases = RANK_PHRASES;
	api->xRowCount(fts, &rows);
	api->xInstCount(fts, &inst);
	for (int i = 0; i < inst; i++) {
		int ph, col, off;

		if (api->xInst(fts, i, &ph, &col, &off) == SQLITE_OK &&
		    ph >= 0 && ph < phrases && col >= 0 && col < cols &&
		    tf[ph][col] < 60000)
			tf[ph][col]++;
	}
	for (int c = 0; c < cols; c++) {
		double w = nval > 1 + c ? sqlite3_value_double(val[1 + c]) : 1;
		sqlite3_int64 total = 0;
		int len = 0;
		double avg;

		api->xColumnSize(fts, c, &len);
		api->xColumnTotalSize(fts, c, &total);
		avg = rows > 0 && total > 0 ? (double)total / (double)rows : 1;
		for (int ph = 0; ph < phrases; ph++)
			if (tf[ph][c] > 0)
				score += w * tf[ph][c] * 2.2 /
				         (tf[ph][c] + 1.2 * (0.25 + 0.75 * len / avg));
	}
	for (int ph = 0; ph < phrases; ph++) {
		bool found = false;

		for (int c = 0; c < cols; c++)
			found |= tf[ph][c] > 0;
		words += found;
	}
	/* The relevance stays far below WORD_WEIGHT. */
	if (score > 900000)
		score = 900000;
	sqlite3_result_double(ctx, -(words * atof(WORD_WEIGHT) + score));
}

/* Registers accueil_rank with the FTS5 of db, once. Returns 0, or -1 with
   the error set (an SQLite without FTS5: search does not work). */
static int
add_words_function(struct db *db)
{
	sqlite3 *h = db->h;
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st,
	                       NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
		sqlite3_finalize(st);
	}
	db->words = api != NULL && api->iVersion >= 2 &&
	            api->xCreateFunction(api, "accueil_rank", NULL, rank_row,
	                                 NULL) == SQLITE_OK;
	if (!db->words) {
		db_set_error(db, "searching (SQLite has no FTS5)",
		             DB_FAULT_SEARCH);
		return -1;
	}
	return 0;
}


/* Frees the strings of one hit. */
static void
hit_free(struct db_hit *h)
{
	free(h->id);
	free(h->title);
	free(h->section);
	free(h->text);
}

/* Appends s to the string being built in *buf (size *cap, length *len). */
static void
append(char **buf, size_t *len, size_t *cap, const char *s)
{
	size_t n = strlen(s);

	if (*len + n + 1 > *cap) {
		*cap = 2 * (*len + n + 1);
		*buf = xreallocarray(*buf, *cap, 1);
	}
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/* Appends s as an FTS5 string: in double quotes, inner quotes doubled. */
static void
append_quoted(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	append(buf, len, cap, "\"");
	for (size_t i = 0; i < n; i++) {
		char c[3] = { s[i], s[i] == '"' ? '"' : '\0', '\0' };

		append(buf, len, cap, c);
	}
	append(buf, len, cap, "\"");
}

/*
 * Returns the FTS5 query for the words of t in languages lang and French,
 * of kind unless NULL, in the titles only or in all the text: any of the
 * words ("a" OR "b"*: the last word, if it is still being typed and is
 * long enough, also as the start of a longer one; the words too short to
 * say anything are left out, see text_word_searched). NULL when there is
 * nothing to look for.
 */
static char *
fts_query(const struct text_tokens *t, const char *lang, const char *kind,
          bool titles)
{
	char *q = NULL;
	size_t len = 0, cap = 0, words = 0;

	append(&q, &len, &cap, titles ? "{title} : (" : "{title body} : (");
	for (size_t i = 0; i < t->n; i++) {
		const char *w = t->v[i];
		bool typing = i + 1 == t->n && t->open;

		/* Words of one or two letters ("d" of "d'intégration", "de",
		   "la") say too little when a longer word says more. */
		if (!text_word_searched(t, i))
			continue;
		if (words++ > 0)
			append(&q, &len, &cap, " OR ");
		append_quoted(&q, &len, &cap, w, strlen(w));
		/* The word being typed is also the start of a longer one
		   (once it is long enough); the others are whole words. */
		if (typing && text_letters(w) >= TEXT_SEARCH_LETTERS)
			append(&q, &len, &cap, "*");
	}
	if (words == 0) {
		free(q);
		return NULL;
	}
	/* The language as the token "x" + code, and the kind. */
	append(&q, &len, &cap, ") AND {lang} : (\"xfr\"");
	if (strcmp(lang, "fr") != 0) {
		char token[16];

		snprintf(token, sizeof token, "x%.8s", lang);
		append(&q, &len, &cap, " OR ");
		append_quoted(&q, &len, &cap, token, strlen(token));
	}
	append(&q, &len, &cap, ")");
	if (kind != NULL) {
		append(&q, &len, &cap, " AND {kind} : ");
		append_quoted(&q, &len, &cap, kind, strlen(kind));
	}
	return q;
}

/* Counts the runs of three characters of word, and those found in title. */
static void
count_trigrams(const char *word, const char *title, int *all, int *found)
{
	for (const char *a = word; *a != '\0'; a = text_next_char(a)) {
		size_t n = text_trigram(a);

		if (n == 0)
			break;
		(*all)++;
		if (memmem(title, strlen(title), a, n) != NULL)
			(*found)++;
	}
}

/* Steps st to the end, collecting the hits that can be shown. */
static int
collect_hits(struct db *db, sqlite3_stmt *st, struct db_hits *out)
{
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_hit h;

		if (!db_row_hit(st, &h))
			continue;
		if (out->n == cap) {
			cap = cap ? 2 * cap : 16;
			out->v = xreallocarray(out->v, cap, sizeof *out->v);
		}
		out->v[out->n++] = h;
	}
	if (rc != SQLITE_DONE) {
		search_failed(db);
		db_hits_free(out);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Runs the search statement with FTS5 query q. */
static int
run_search(struct db *db, const char *q, const char *lang, size_t max,
           struct db_hits *out)
{
	sqlite3_stmt *st = NULL;

	/* The function, before the statement that names it is prepared. */
	if (db->words || add_words_function(db) == 0)
		st = start(db, ST_SEARCH, q, lang);

	if (st == NULL) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	/* A node comes in two languages: rank twice as many rows as nodes
	   wanted. */
	sqlite3_bind_int64(st, 3, (sqlite3_int64)max);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)(2 * max));
	sqlite3_bind_int64(st, 5, RANK_ROWS);
	return collect_hits(db, st, out);
}

/*
 * Appends to out the hits of more that it does not hold yet, up to max; a
 * hit it holds takes the count of words of more's if higher (more looked in
 * more of the text).
 */
static void
merge_hits(struct db_hits *out, struct db_hits *more, size_t max)
{
	for (size_t i = 0; i < more->n; i++) {
		bool dup = false;

		for (size_t j = 0; j < out->n && !dup; j++)
			if (strcmp(out->v[j].id, more->v[i].id) == 0) {
				dup = true;
				if (more->v[i].words > out->v[j].words)
					out->v[j].words = more->v[i].words;
			}
		if (dup || out->n >= max) {
			hit_free(&more->v[i]);
			continue;
		}
		out->v = xreallocarray(out->v, out->n + 1, sizeof *out->v);
		out->v[out->n++] = more->v[i];
	}
	free(more->v);
	memset(more, 0, sizeof *more);
}

/* Returns true when the words of title are exactly the words of t. */
static bool
title_is(const struct text_tokens *t, const char *title)
{
	char *folded = text_fold(title ? title : "");
	struct text_tokens w;
	bool same;

	text_tokens(folded, t->n + 1, &w);
	same = w.n == t->n;
	for (size_t i = 0; same && i < w.n; i++)
		same = strcmp(w.v[i], t->v[i]) == 0;
	text_tokens_free(&w);
	free(folded);
	return same;
}

/* The most words of a query whose glossary entries are looked for. */
#define TERM_WORDS 32

/*
 * Returns the set (bit i: word i) of the words of t (the first TERM_WORDS)
 * that are words of the French title of node id (the last one, while it is
 * typed, may be the start of one).
 */
static unsigned long
french_title_words(struct db *db, const char *id, const struct text_tokens *t)
{
	sqlite3_stmt *st = start(db, ST_TERM, id, NULL);
	unsigned long found = 0;

	if (st == NULL)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		char *title = db_row_text(st, 0), *folded = text_fold(title);
		struct text_tokens w;

		text_tokens(folded, 64, &w);
		for (size_t i = 0; i < t->n && i < TERM_WORDS; i++) {
			bool prefix = i + 1 == t->n && t->open;

			for (size_t j = 0; j < w.n; j++)
				if (prefix ? strncmp(w.v[j], t->v[i],
				                     strlen(t->v[i])) == 0
				           : strcmp(w.v[j], t->v[i]) == 0)
					found |= 1UL << i;
		}
		text_tokens_free(&w);
		free(folded);
		free(title);
	}
	sqlite3_reset(st);
	return found;
}

/*
 * Returns the set of the words of t that say something: all of them, or,
 * when one is long enough, those that are (text_word_searched).
 */
static unsigned long
long_words(const struct text_tokens *t)
{
	unsigned long set = 0;

	for (size_t i = 0; i < t->n && i < TERM_WORDS; i++)
		if (text_word_searched(t, i))
			set |= 1UL << i;
	return set;
}

/* Moves hit i of h to place n, the hits from n to i one place down. */
static void
move_hit(struct db_hits *h, size_t i, size_t n)
{
	struct db_hit hit = h->v[i];

	memmove(&h->v[n + 1], &h->v[n], (i - n) * sizeof *h->v);
	h->v[n] = hit;
}

/*
 * Puts first, in their order, the glossary entries (kind "term") of h
 * whose French word holds the words typed, or, for a query made of
 * several official words ("CPAS titre de séjour"), the entries that
 * together hold them all; then the nodes whose title is the very words
 * typed: a word typed as a letter writes it ("CPAS", "titre de séjour") is
 * explained before the pages that use it, in any language, and "Unia"
 * finds the card "Unia" before those that name it.
 */
static void
terms_first(struct db *db, struct db_hits *h, const struct text_tokens *t)
{
	unsigned long all = t->n >= TERM_WORDS ? ~0UL : (1UL << t->n) - 1;
	unsigned long need = long_words(t), covered = 0;
	unsigned long *has = xcalloc(h->n + 1, sizeof *has);
	size_t n = 0;

	for (size_t i = 0; i < h->n; i++)
		if (h->v[i].kind == KIND_TERM) {
			has[i] = french_title_words(db, h->v[i].id, t);
			covered |= has[i] & need;
		}
	for (size_t i = 0; i < h->n; i++) {
		bool whole = t->n > 0 && (has[i] & all) == all;
		bool part = t->n > 1 && covered == need && (has[i] & need) != 0;

		if (h->v[i].kind != KIND_TERM || !(whole || part))
			continue;
		/* has[] is read from i + 1 on only: it need not follow. */
		move_hit(h, i, n++);
	}
	free(has);
	for (size_t i = n; i < h->n; i++)
		if (title_is(t, h->v[i].title))
			move_hit(h, i, n++);
}

/* Returns how many words of t fts_query looks for (long_words). */
static int
searched_words(const struct text_tokens *t)
{
	int n = 0;

	for (unsigned long w = long_words(t); w != 0; w &= w - 1)
		n++;
	return n;
}

/* Sorts h by the count of words found, more first, keeping the order of
   hits with as many (insertion: a stable sort, of a few dozen hits). */
static void
most_words_first(struct db_hits *h)
{
	for (size_t i = 1; i < h->n; i++) {
		struct db_hit hit = h->v[i];
		size_t j = i;

		for (; j > 0 && h->v[j - 1].words < hit.words; j--)
			h->v[j] = h->v[j - 1];
		h->v[j] = hit;
	}
}

/* The longest word whose spelling neighbours are looked for. */
#define SPELL_CHARS 32

/* Returns true when w is a word of the index (of four letters or more). */
static bool
known_word(struct db *db, const char *w)
{
	sqlite3_stmt *st = start(db, ST_KNOWN, w, NULL);
	bool known;

	if (st == NULL)
		return true;    /* nothing to correct it with */
	known = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return known;
}

/* Words of the vocabulary near a typo, with how near (more is nearer). */
struct near {
	size_t n;
	char *word[FUZZY_MAX];
	long score[FUZZY_MAX];
};

/* Adds word (taken) to c with its score, keeping the best FUZZY_MAX. */
static void
near_add(struct near *c, char *word, long score)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->word[i], word) == 0) {
			if (score > c->score[i])
				c->score[i] = score;
			free(word);
			return;
		}
	if (c->n == FUZZY_MAX) {
		if (score <= c->score[c->n - 1]) {
			free(word);
			return;
		}
		free(c->word[--c->n]);
	}
	/* Kept sorted, best first. */
	for (i = c->n; i > 0 && c->score[i - 1] < score; i--) {
		c->word[i] = c->word[i - 1];
		c->score[i] = c->score[i - 1];
	}
	c->word[i] = word;
	c->score[i] = score;
	c->n++;
}

/* Adds to c the words of the index near near (by their frequency),
   other than w itself. */
static void
spell_lookup(struct db *db, const char *near, const char *w, struct near *c)
{
	sqlite3_stmt *st = start(db, ST_SPELL, near, NULL);

	if (st == NULL)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *word = db_row_text(st, 0);

		if (strcmp(word, w) == 0 || word[0] == '\0')
			free(word);
		else
			near_add(c, word, db_row_count(st, 1));
	}
	sqlite3_reset(st);
}

/*
 * Adds to c the words of the index one letter away from w, a word it does
 * not hold (one letter left out, added, changed, or two swapped:
 * "logment", "discrimnation", "rasisme"), the most frequent first.
 */
static void
neighbours(struct db *db, const char *w, struct near *c)
{
	spell_lookup(db, w, w, c);
	for (size_t i = 0;; i++) {
		char *less = text_drop_char(w, i);

		if (less == NULL)
			break;
		spell_lookup(db, less, w, c);
		free(less);
	}
}

/*
 * Adds to c the words of the index that share at least half of the runs
 * of three characters of w, those sharing most first, then the most
 * frequent: "sociojuridik" finds "sociojuridique".
 */
static void
trigram_neighbours(struct db *db, const char *w, struct near *c)
{
	char *q = NULL;
	size_t len = 0, cap = 0;
	sqlite3_stmt *st;

	for (const char *a = w; *a != '\0'; a = text_next_char(a)) {
		size_t n = text_trigram(a);

		if (n == 0)
			break;
		if (len > 0)
			append(&q, &len, &cap, " OR ");
		append_quoted(&q, &len, &cap, a, n);
	}
	if (q == NULL || (st = start(db, ST_FUZZY, q, NULL)) == NULL) {
		free(q);
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		char *word = db_row_text(st, 0);
		int all = 0, found = 0, docs = db_row_count(st, 1);

		count_trigrams(w, word, &all, &found);
		if (2 * found >= all && found > 0 && strcmp(word, w) != 0)
			near_add(c, word, (long)found * 1000000L +
			         (docs < 999999 ? docs : 999999));
		else
			free(word);
	}
	sqlite3_reset(st);
	free(q);
}

/* Returns true when word is in the index in lang or French (and of kind,
   unless NULL): a neighbour worth searching for. */
static bool
present(struct db *db, const char *word, const char *lang, const char *kind)
{
	struct text_tokens one = { 1, (char **)&word, false };
	char *q = fts_query(&one, lang, kind, false);
	sqlite3_stmt *st = q != NULL ? start(db, ST_PRESENT, q, NULL) : NULL;
	bool found = st != NULL && sqlite3_step(st) == SQLITE_ROW;

	if (st != NULL)
		sqlite3_reset(st);
	free(q);
	return found;
}

/*
 * Returns the nearest word of the index to w in lang (see neighbours,
 * then trigram_neighbours), or NULL. Caller frees.
 */
static char *
nearest(struct db *db, const char *w, const char *lang, const char *kind)
{
	struct near c = { 0 };
	char *best = NULL;

	for (int pass = 0; pass < 2 && best == NULL; pass++) {
		if (pass == 0)
			neighbours(db, w, &c);
		else
			trigram_neighbours(db, w, &c);
		for (size_t i = 0; i < c.n; i++) {
			if (best == NULL && present(db, c.word[i], lang, kind)) {
				best = c.word[i];
				continue;
			}
			free(c.word[i]);
		}
		c.n = 0;
	}
	return best;
}

/*
 * Fills *out with the words of t, each word of four letters or more that
 * the index does not hold replaced by its nearest neighbour in lang (one
 * letter away, else by runs of three letters). Returns true when one was
 * replaced (else *out is empty).
 */
static bool
correct(struct db *db, const struct text_tokens *t, const char *lang,
        const char *kind, struct text_tokens *out)
{
	bool changed = false;

	text_tokens_copy(t, out);
	for (size_t i = 0; i < out->n; i++) {
		char *near;
		size_t chars = text_chars(out->v[i]);

		if (!text_word_searched(out, i) || chars < 4 ||
		    chars > SPELL_CHARS || known_word(db, out->v[i]) ||
		    (near = nearest(db, out->v[i], lang, kind)) == NULL)
			continue;
		explicit_bzero(out->v[i], strlen(out->v[i]));
		free(out->v[i]);
		out->v[i] = near;
		changed = true;
		if (i + 1 == out->n)
			out->open = false;      /* a whole word now */
	}
	if (!changed)
		text_tokens_wipe(out);
	return changed;
}

/*
 * Fills *out with the nodes matching any of the words of t: first those
 * whose title matches, ranked among themselves, then (when the titles are
 * not enough, or there are several words) the best of the rest of the text;
 * then the hits that hold more of the words go first, a hit from the titles
 * before one from the text that holds as many. Ranking the titles first
 * keeps a frequent word cheap, whatever the size of the content.
 */
static int
ranked(struct db *db, const struct text_tokens *t, const char *lang,
       const char *kind, size_t max, struct db_hits *out)
{
	char *q = fts_query(t, lang, kind, true);
	int rc = 0;

	memset(out, 0, sizeof *out);
	if (q == NULL)
		return 0;       /* no word worth looking for */
	rc = run_search(db, q, lang, max, out);
	free(q);
	if (rc == 0 && (out->n < max || searched_words(t) > 1)) {
		struct db_hits more;

		q = fts_query(t, lang, kind, false);
		rc = run_search(db, q, lang, max, &more);
		free(q);
		if (rc == 0)
			merge_hits(out, &more, 2 * max);
		most_words_first(out);
		while (out->n > max)
			hit_free(&out->v[--out->n]);
	}
	if (rc == 0)
		terms_first(db, out, t);
	return rc;
}

/*
 * Fills *out with the best nodes for the words of t; when none holds
 * them, for the words with their typos corrected (out->words says which).
 */
int
db_search(struct db *db, const struct text_tokens *t, const char *lang,
          const char *kind, size_t max, struct db_hits *out)
{
	struct text_tokens fixed;
	int rc;

	memset(out, 0, sizeof *out);
	if (!text_search_long_enough(t))
		return 0;
	rc = ranked(db, t, lang, kind, max, out);
	if (rc != 0 || out->n > 0 || !correct(db, t, lang, kind, &fixed))
		return rc;
	db_hits_free(out);
	rc = ranked(db, &fixed, lang, kind, max, out);
	if (rc == 0 && out->n > 0)
		out->words = fixed;
	else
		text_tokens_wipe(&fixed);
	return rc;
}

/* Fills *out with every contact card. */
int
db_contacts(struct db *db, const char *lang, struct db_hits *out)
{
	return collect_hits(db, start(db, ST_CONTACTS, NULL, lang), out);
}

/* Frees the results of h. */
void
db_hits_free(struct db_hits *h)
{
	for (size_t i = 0; i < h->n; i++)
		hit_free(&h->v[i]);
	free(h->v);
	text_tokens_wipe(&h->words);
	memset(h, 0, sizeof *h);
}

