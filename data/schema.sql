-- schema.sql - the accueil database, version 3 (PRAGMA user_version).
--
-- The program opens it read-only and refuses any other version. Built from
-- data/content/*.txt by data/build-db.py; the search tables are filled by
-- data/mkindex.c, which folds text with the program's own text layer.

PRAGMA user_version = 3;

-- The menu tree: every menu, page, contact card and the search entry.
CREATE TABLE node (
  id      TEXT PRIMARY KEY,
  parent  TEXT REFERENCES node(id),          -- NULL only for 'home'
  pos     INTEGER NOT NULL,                  -- order among its siblings
  kind    TEXT NOT NULL
          CHECK (kind IN ('menu', 'page', 'contact', 'search', 'directory')),
  source  TEXT NOT NULL,                     -- where its facts come from
  checked TEXT NOT NULL,                     -- YYYY-MM-DD they were checked
  dated   TEXT NOT NULL DEFAULT ''           -- date of the source, if known
);
CREATE INDEX node_parent ON node (parent, pos);

-- Every text of a node, per language. 'fr' is the source language and is
-- always present for a title; a field missing in a language falls back to
-- French. Names: title, body, role, org, phone, email, address, website,
-- hours, town, themes, aka.
CREATE TABLE field (
  node     TEXT NOT NULL REFERENCES node(id),
  name     TEXT NOT NULL,
  lang     TEXT NOT NULL,
  value    TEXT NOT NULL,
  reviewed INTEGER NOT NULL DEFAULT 1,       -- 0: machine or unreviewed
  PRIMARY KEY (node, name, lang)
) WITHOUT ROWID;

-- How much of the content each language has, and whether a fluent reader
-- has reviewed it (from the header of po/content/LL.po).
CREATE TABLE language (
  code     TEXT PRIMARY KEY,
  texts    INTEGER NOT NULL,   -- translatable texts in the content
  done     INTEGER NOT NULL,   -- how many this language has
  reviewed INTEGER NOT NULL
) WITHOUT ROWID;

-- "See also" links from a page or contact to other nodes.
CREATE TABLE link (
  node   TEXT NOT NULL REFERENCES node(id),
  pos    INTEGER NOT NULL,
  target TEXT NOT NULL REFERENCES node(id),
  PRIMARY KEY (node, pos)
) WITHOUT ROWID;

-- Full-text search, one row per node and language: the folded (text_fold)
-- title and other texts, and the original texts for excerpts. 'search'
-- finds words and prefixes, ranked by bm25; 'search_tri' finds words with a
-- typo by their shared trigrams.
CREATE VIRTUAL TABLE search USING fts5 (
  node UNINDEXED, lang UNINDEXED, title, body, text UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE search_tri USING fts5 (
  node UNINDEXED, lang UNINDEXED, title, body, text UNINDEXED,
  tokenize = 'trigram'
);
