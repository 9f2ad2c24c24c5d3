-- SPDX-License-Identifier: GPL-3.0-or-later
-- schema.sql - the accueil database, version 7 (PRAGMA user_version).
--
-- The program opens it read-only and refuses any other version. Version 7:
-- the tables spell and spell_tri (the spelling neighbours of the index's
-- words) instead of search_tri, longer prefixes indexed, and the numbers
-- written in groups indexed whole as well. Version 6:
-- the search index numbers its rows by node and language without a limit
-- on the number of languages (5 had rowid * 16 + language), and the texts
-- hold no-break spaces between digits. Built from
-- data/content/*.txt by data/build-db.py; the search tables are filled by
-- data/mkindex.c, which folds text with the program's own text layer.

PRAGMA user_version = 7;

-- The menu tree: every menu, page, contact card, ask-the-desk card, and
-- the search and directory entries.
CREATE TABLE node (
  id      TEXT PRIMARY KEY,
  parent  TEXT REFERENCES node(id),          -- NULL only for 'home'
  pos     INTEGER NOT NULL,                  -- order among its siblings
  kind    TEXT NOT NULL
          CHECK (kind IN ('menu', 'page', 'contact', 'search', 'directory',
                          'card', 'term')),       -- term: a glossary entry
  source  TEXT NOT NULL,                     -- its sources, short: site, year
  checked TEXT NOT NULL,                     -- YYYY-MM-DD they were checked
  dated   TEXT NOT NULL DEFAULT ''           -- date of the source, if known
);
CREATE INDEX node_parent ON node (parent, pos);

-- Every text of a node, per language. 'fr' is the source language and is
-- always present for a title; a field missing in a language falls back to
-- French. Names: title, body, role, org, phone, email, address, website,
-- hours, town, themes, aka, and sources (French only: the full web
-- addresses of the sources, which node.source shows short).
CREATE TABLE field (
  node     TEXT NOT NULL REFERENCES node(id),
  name     TEXT NOT NULL,
  lang     TEXT NOT NULL,
  value    TEXT NOT NULL,
  reviewed INTEGER NOT NULL DEFAULT 1,       -- 0: machine or unreviewed
  PRIMARY KEY (node, name, lang)
) WITHOUT ROWID;

-- How much of the content and of the interface each language has, and
-- whether a fluent reader has reviewed them (from the headers of
-- po/content/LL.po and po/LL.po).
CREATE TABLE language (
  code        TEXT PRIMARY KEY,
  texts       INTEGER NOT NULL,   -- translatable texts in the content
  done        INTEGER NOT NULL,   -- how many this language has
  reviewed    INTEGER NOT NULL,
  ui_texts    INTEGER NOT NULL,   -- the same for the interface
  ui_done     INTEGER NOT NULL,
  ui_reviewed INTEGER NOT NULL
) WITHOUT ROWID;

-- "See also" links from a page or contact to other nodes.
CREATE TABLE link (
  node   TEXT NOT NULL REFERENCES node(id),
  pos    INTEGER NOT NULL,
  target TEXT NOT NULL REFERENCES node(id),
  PRIMARY KEY (node, pos)
) WITHOUT ROWID;

-- Full-text search, one row per node and language, with no copy of the
-- text (contentless): the rowid is the node's rowid times the number of
-- languages (French and the rows of the language table), plus the
-- language's number (French 0, the others by code): any number of
-- languages, and the rows of a node side by side. Indexed: the folded
-- (text_fold) title and other texts, the numbers written in groups also
-- as one word ("081 71 35 28" also as 081713528, see text_numbers), the
-- language as one token "x" + code ("xfr"), and the node's kind.
-- 'search' finds words and prefixes (ranked by bm25 in db/search.c, titles
-- weighing a hundred times the rest).
CREATE VIRTUAL TABLE search USING fts5 (
  title, body, lang, kind, content = '', prefix = '3 4 5 6 7 8',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The spelling neighbours of the words of 'search' (from its vocabulary,
-- fts5vocab), filled by data/mkindex.c: for each word of four to 32
-- characters, one row with near = the word itself and one for the word
-- with each of its characters left out ("racisme": "acisme", "rcisme",
-- "raisme"...); docs is the number of index rows that hold the word. A
-- word typed that the index does not hold is looked up the same way
-- (itself and itself less one character): the words found are one letter
-- away (left out, added, changed, or two swapped), and db/search.c takes
-- the most frequent ("rasisme" -> "racisme", "logment" -> "logement").
-- A word with no such neighbour is looked up by its runs of three
-- characters in spell_tri, the same words ("sociojuridik" ->
-- "sociojuridique"): both work on the vocabulary, whatever the size of
-- the content.
CREATE TABLE spell (
  near TEXT NOT NULL,
  word TEXT NOT NULL,
  docs INTEGER NOT NULL,
  PRIMARY KEY (near, word)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE spell_tri USING fts5 (
  word, tokenize = 'trigram', detail = 'none'
);
