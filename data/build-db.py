#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-db.py - builds the content database from data/content/*.txt and
the content translations in po/content/LL.po.

Usage: build-db.py SCHEMA.sql OUT.db [--po LL.po]... [--ui-po LL.po]...
                   [--facts FACTS.txt]... CONTENT.txt...
       build-db.py --pot OUT.pot CONTENT.txt...

Every translatable text (titles, body paragraphs, roles, hours, themes) is
one msgid. A body is stored in a language only when all its paragraphs are
translated there; otherwise it falls back to French as a whole. A PO file
whose header says "X-Accueil-Reviewed: no" (no fluent reader has checked
it) marks all its texts as unreviewed in the database.

The content format (see CONTRIBUTING.md): a record starts with "@KIND ID",
then "key: value" header lines, a blank line, and the body: paragraphs
separated by blank lines, a paragraph starting with "- " is a list item;
a paragraph starting with "## " is a heading. Lines starting with "#"
outside a body are comments. Any mistake (unknown parent or link, missing
title, source or checked date, duplicate id) stops the build with the file
and line. So does a .txt file of data/content/ or data/facts/ that is not
in data/meson.build's lists (it would be left out silently), and a missing
node the program opens by its id ("home", "search": NEEDED below).

The order of the records is the order of the menus, and so the digits
visitors press: the files are read in the order of their names, the
records in their order in each file, and a menu's entries are numbered
1, 2, 3... in that order (the node's "pos"). Moving a record, or a file,
renumbers a menu: visitors who learned "5 then 3" press something else,
and the saved screens of tests/screens/ change. Add a new entry after the
others of its menu unless its place matters more than the habit.

PO files are read with polib (python3-polib), the POT written with it.

The sources of a record are public web addresses separated by " ; ", each
maybe followed by a few words in brackets, or a sentence saying that the
record holds no fact ("phrase rédigée pour ce programme"). The facts
register (data/facts/*.txt, see its README.txt) holds one record per fact
a page shows, with its public source and the date that source shows. A
visitor sees the sources short: the site and the year the register gives
for it ("cainamur.be, 2025"); the full addresses are kept in the field
"sources" (French) for the staff's --search output.
"""
import os
import re
import sqlite3
import sys

import polib



def schema_kinds():
    """The node kinds, as the CHECK of the node table in schema.sql lists
    them (the one list; src/db/kind.c names the same, tests/test-db.c
    checks it)."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schema.sql")
    with open(path, encoding="utf-8") as f:
        m = re.search(r"CHECK \(kind IN \(([^)]*)\)\)", f.read())
    return set(re.findall(r"'([a-z]+)'", m.group(1)))


KINDS = schema_kinds()
NODE_KEYS = {"parent", "source", "checked", "dated", "links"}
TEXT_KEYS = {"title", "brief", "role", "org", "phone", "email", "address",
             "website", "hours", "town", "themes", "aka"}
# The texts that are translated; the others (names, numbers, addresses) are
# the same in every language.
TRANSLATED = ["title", "brief", "role", "hours", "themes"]
MAX_LINKS = 9
# The nodes the program opens by their id, whatever the menus hold: their
# kind, and why.
NEEDED = {
    "home": ("menu", "the program starts on it, and 0 0 0 goes back to it "
                     "(src/app/app.c)"),
    "search": ("search", "the / key opens it (src/app/app.c)"),
}
# The sources of a record that holds no fact: a sentence, not an address.
NO_FACT_SOURCES = {"phrase rédigée pour ce programme (aucun fait)",
                   "phrases rédigées pour ce programme (aucun fait)",
                   "tout le contenu de ce programme",
                   "toutes les fiches de contact de ce programme"}
SOURCE_ITEM = re.compile(r"(https?://[^\s;]+)(?: \(([^()]+)\))?")
FACT_KINDS = {"phone", "email", "address", "website", "hours", "date",
              "figure"}
FACT_KEYS = {"what", "value", "about", "source", "dated", "read", "note"}
DATED = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?|non visible")


class ContentError(Exception):
    pass


def parse(path):
    """Yields (kind, id, header dict, paragraphs list, line) for path."""
    rec = None
    in_body = False
    para = []

    def flush_para():
        if para:
            rec[3].append(" ".join(para))
            para.clear()

    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n").rstrip()
            if line.startswith("@"):
                if rec:
                    flush_para()
                    yield rec
                m = re.fullmatch(r"@(\w+) ([a-z0-9-]+)", line)
                if not m or m.group(1) not in KINDS:
                    raise ContentError(f"{path}:{n}: bad record line {line!r}")
                rec = (m.group(1), m.group(2), {}, [], f"{path}:{n}")
                in_body = False
                continue
            if rec is None:
                if line and not line.startswith("#"):
                    raise ContentError(f"{path}:{n}: text before any record")
                continue
            if not in_body:
                if not line:
                    in_body = True
                elif line.startswith("#"):
                    continue
                else:
                    m = re.fullmatch(r"([a-z]+):\s*(.*)", line)
                    if not m:
                        raise ContentError(f"{path}:{n}: expected 'key: value'")
                    key, value = m.groups()
                    if key not in NODE_KEYS | TEXT_KEYS:
                        raise ContentError(f"{path}:{n}: unknown key {key!r}")
                    if key in rec[2]:
                        raise ContentError(f"{path}:{n}: {key!r} given twice")
                    rec[2][key] = value.strip()
                continue
            if not line:
                flush_para()
            elif line.startswith("- ") and para:
                flush_para()
                para.append(line.strip())
            else:
                para.append(line.strip())
        if rec:
            flush_para()
            yield rec


def read_facts(files):
    """Returns the records of the facts register: {id: dict}."""
    check_listed(files, "facts")
    facts = {}
    for path in sorted(files):
        rec = None
        with open(path, encoding="utf-8") as f:
            for n, raw in enumerate(f, 1):
                line = raw.rstrip()
                if not line or line.startswith("#"):
                    rec = None if not line else rec
                    continue
                m = re.fullmatch(r"@fact ([a-z0-9-]+)", line)
                if m:
                    if m.group(1) in facts:
                        raise ContentError(f"{path}:{n}: fact {m.group(1)!r} "
                                           "given twice")
                    rec = facts[m.group(1)] = {"where": f"{path}:{n}"}
                    continue
                m = re.fullmatch(r"([a-z]+):\s*(.*)", line)
                if rec is None or not m or m.group(1) not in FACT_KEYS:
                    raise ContentError(f"{path}:{n}: expected '@fact ID' or "
                                       "a known 'key: value'")
                rec[m.group(1)] = m.group(2).strip()
    for fid, rec in facts.items():
        where = rec["where"]
        for key in ("what", "value", "source", "dated", "read"):
            if not rec.get(key):
                raise ContentError(f"{where}: fact {fid!r} has no {key}")
        if rec["what"] not in FACT_KINDS:
            raise ContentError(f"{where}: fact {fid!r}: unknown kind "
                               f"{rec['what']!r}")
        if not re.fullmatch(r"https?://\S+\.\S+", rec["source"]):
            raise ContentError(f"{where}: fact {fid!r}: the source must be "
                               "a public web address")
        if not DATED.fullmatch(rec["dated"]):
            raise ContentError(f"{where}: fact {fid!r}: dated must be "
                               "YYYY[-MM[-DD]] or 'non visible'")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["read"]):
            raise ContentError(f"{where}: fact {fid!r}: read must be "
                               "YYYY-MM-DD")
    return facts


def site(url):
    """The site of a web address as a visitor reads it: its last two
    names ("cainamur.be" for https://historique.cainamur.be/...)."""
    host = re.sub(r"^https?://", "", url).split("/")[0].split("?")[0]
    host = host.rstrip(".").lower()
    return ".".join(host.split(".")[-2:])


def sources(where, text, facts):
    """Checks the sources of a record; returns (short, full)."""
    items = [s.strip() for s in text.split(" ; ") if s.strip()]
    if not items:
        raise ContentError(f"{where}: no source")
    short, years = [], {}
    for item in items:
        if re.search(r"facts\.md|seeds? \d|§", item):
            raise ContentError(f"{where}: the source {item[:40]!r} is not a "
                               "public address (see data/facts/)")
        if item in NO_FACT_SOURCES:
            if item not in short:
                short.append(item)
            continue
        m = SOURCE_ITEM.fullmatch(item)
        if not m:
            raise ContentError(f"{where}: the source {item[:40]!r} is not a "
                               "web address")
        name = site(m.group(1))
        if name not in years:
            years[name] = set()
            short.append(name)
        # A year is that of a page: the bare address of a site, which
        # stands for several of its pages, gives none.
        page = re.sub(r"^https?://[^/]+/?", "", m.group(1)) != ""
        for rec in facts.values():
            if page and rec["source"] == m.group(1) and \
                    rec["dated"][:4].isdigit():
                years[name].add(rec["dated"][:4])
    out = []
    for name in short:
        ys = sorted(years.get(name, ()))
        out.append(name + "".join(", " + y for y in ys))
    return " ; ".join(out), " ; ".join(items)


def check_cards(records, facts):
    """Every phone and e-mail field of a card is in the register, from a
    source the card lists (tests/data-check.py checks every text)."""
    for kind, nid, head, body, where in records:
        urls = set(SOURCE_ITEM.findall(head.get("source", "")))
        urls = {u for u, _ in urls}
        for key in ("phone", "email", "address"):
            if not head.get(key):
                continue
            norm = fact_key(key, head[key])
            if not any(r["what"] == key and fact_key(key, r["value"]) == norm
                       and r["source"] in urls for r in facts.values()):
                raise ContentError(f"{where}: {nid}: the {key} "
                                   f"{head[key]!r} is not in data/facts/ "
                                   "with a source the card lists")


def fact_key(what, value):
    """A fact in a form that compares: the digits of a phone number, an
    e-mail or address in lower case without spaces or punctuation."""
    if what == "phone":
        digits = re.sub(r"\D", "", value)
        return "0" + digits[2:] if digits.startswith("32") else digits
    return re.sub(r"[\s.,/()-]", "", value).lower()


def check_listed(files, what):
    """Refuses a .txt file beside the given ones that is not given: a file
    left out of data/meson.build's list would be silently missing from the
    database (README.txt excepted)."""
    given = {os.path.abspath(f) for f in files}
    for folder in sorted({os.path.dirname(f) for f in files}):
        for name in sorted(os.listdir(folder or ".")):
            path = os.path.join(folder, name)
            if name.endswith(".txt") and not name.startswith("README") \
                    and os.path.abspath(path) not in given:
                raise ContentError(f"{path}: not in the list of {what} files "
                                   "in data/meson.build, so the build would "
                                   "leave it out: add it there")


def read_records(files):
    """Returns the records of the content files, files in the order of
    their names, records in their order in each file: the order that
    numbers a menu's entries (see the header of this file)."""
    check_listed(files, "content")
    records = []
    for path in sorted(files, key=os.path.basename):
        records.extend(parse(path))
    return records


def read_po(path):
    """Returns ({msgid: msgstr} of the translated entries, neither fuzzy
    nor obsolete nor empty; a plural one by its first form, header dict)."""
    po = polib.pofile(path)
    entries = {}
    for e in po.translated_entries():
        entries[e.msgid] = e.msgstr or e.msgstr_plural.get(0, "")
    return entries, po.metadata


def write_pot(out, files):
    """Writes every translatable text of the content as a POT file."""
    # References name files from the project root (OUT is po/content/X.pot),
    # whatever the build directory.
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(out))))
    seen = {}
    for kind, nid, head, body, where in read_records(files):
        path, line = where.rsplit(":", 1)
        path = os.path.relpath(os.path.abspath(path), root)
        texts = [(head[k], k) for k in TRANSLATED if head.get(k)]
        texts += [(p, "body") for p in body]
        for text, what in texts:
            seen.setdefault(text, []).append(((path, line), f"{nid} {what}"))
    # Not wrapped: one line per text, as msgcat --no-wrap writes them.
    pot = polib.POFile(wrapwidth=0)
    pot.header = ("The content of accueil, to translate.\n"
                  "Regenerate with: meson compile -C build accueil-content-pot")
    pot.metadata = {
        "Project-Id-Version": "accueil-content",
        "Report-Msgid-Bugs-To": "see CONTRIBUTING.md, Translations",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Accueil-Reviewed": "no",
    }
    for text, refs in seen.items():
        pot.append(polib.POEntry(
            msgid=text, msgstr="",
            comment=", ".join(r for _, r in refs[:4]),
            occurrences=[w for w, _ in refs[:4]]))
    pot.save(out)


def ui_stats(path):
    """Returns (texts, translated, reviewed) of an interface PO file."""
    po = polib.pofile(path)
    total = sum(1 for e in po if not e.obsolete)
    reviewed = 0 if po.metadata.get("X-Accueil-Reviewed", "no") == "no" else 1
    return total, len(po.translated_entries()), reviewed


# No-break spaces, stored once, so that libunistring's line breaking never
# separates what must stay together (U+00A0 and U+202F are "glue") and
# FriBidi reads a number as one number (U+00A0 is a number separator, where
# a space is not): the program needs no rule of its own.
# - French spacing: a no-break space before a colon, a narrow no-break space
#   before ; ? ! and a closing guillemet. The space after an opening
#   guillemet stays plain (tests/data-check.py looks for it; src/text/text.c
#   keeps that one rule).
# - Number groups: a no-break space between two digits, phones included
#   ("081 71 35 28", "10 000"): never cut in two, never reversed under a
#   right-to-left language.
# E-mail, web site and sources hold no such space and are left as they are.
SPACED_BEFORE = {":": "\u00a0", ";": "\u202f", "?": "\u202f", "!": "\u202f",
                 "\u00bb": "\u202f"}
AS_THEY_ARE = ("email", "website", "sources")


def mark_french_spacing(text):
    """text with the space before : ; ? ! and » made no-break."""
    return re.sub(r" ([:;?!\u00bb])", lambda m: SPACED_BEFORE[m.group(1)] +
                  m.group(1), text)


def mark_number_groups(text):
    """text with every space between two digits made no-break."""
    return re.sub(r"(?<=\d) (?=\d)", "\u00a0", text)


def mark_no_break(db):
    """Marks French spacing and number groups in every text, once."""
    db.create_function("mark_french_spacing", 1, mark_french_spacing,
                       deterministic=True)
    db.create_function("mark_number_groups", 1, mark_number_groups,
                       deterministic=True)
    db.execute("UPDATE field SET value = mark_number_groups(value) "
               "WHERE name NOT IN (%s)" % ", ".join("?" * len(AS_THEY_ARE)),
               AS_THEY_ARE)
    db.execute("UPDATE field SET value = mark_french_spacing(value) "
               "WHERE name NOT IN ('phone', %s)" %
               ", ".join("?" * len(AS_THEY_ARE)), AS_THEY_ARE)


def check_records(records):
    """Stops on a duplicate id, a missing title, source or checked date, an
    unknown parent or link, too many links, or a node the program needs
    that is missing or of another kind."""
    ids = {}
    for kind, nid, head, body, where in records:
        if nid in ids:
            raise ContentError(f"{where}: id {nid!r} already used at {ids[nid]}")
        ids[nid] = (where, kind)
    for kind, nid, head, body, where in records:
        parent = head.get("parent")
        for key in ("title", "source", "checked"):
            if not head.get(key):
                raise ContentError(f"{where}: {nid!r} has no {key}")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", head["checked"]):
            raise ContentError(f"{where}: checked must be YYYY-MM-DD")
        if nid == "home":
            if parent:
                raise ContentError(f"{where}: home has no parent")
        elif parent not in ids:
            raise ContentError(f"{where}: unknown parent {parent!r}")
        links = [l.strip() for l in head.get("links", "").split(",") if l.strip()]
        if len(links) > MAX_LINKS:
            raise ContentError(f"{where}: more than {MAX_LINKS} links")
        for target in links:
            if target not in ids:
                raise ContentError(f"{where}: link to unknown {target!r}")
    for nid, (kind, why) in NEEDED.items():
        if nid not in ids:
            raise ContentError(f"there is no '@{kind} {nid}' record: {why}")
        if ids[nid][1] != kind:
            raise ContentError(f"{ids[nid][0]}: {nid!r} must be a {kind} "
                               f"record: {why}")


def insert_nodes(db, records, facts):
    """Inserts the nodes, their French fields and their links. A node's
    position among its parent's children, which is the digit that opens
    it, is its rank in the records' order."""
    pos = {}
    for kind, nid, head, body, where in records:
        parent = head.get("parent")
        pos[parent] = pos.get(parent, 0) + 1
        short, full = sources(where, head["source"], facts)
        db.execute("INSERT INTO node VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (nid, parent, pos[parent], kind, short,
                    head["checked"], head.get("dated", "")))
        db.execute("INSERT INTO field VALUES (?, 'sources', 'fr', ?, 1)",
                   (nid, full))
        for key in sorted(TEXT_KEYS & head.keys()):
            if head[key]:
                db.execute("INSERT INTO field VALUES (?, ?, 'fr', ?, 1)",
                           (nid, key, head[key]))
        if body:
            db.execute("INSERT INTO field VALUES (?, 'body', 'fr', ?, 1)",
                       (nid, "\n\n".join(body)))
        links = [l.strip() for l in head.get("links", "").split(",") if l.strip()]
        for i, target in enumerate(links, 1):
            db.execute("INSERT INTO link VALUES (?, ?, ?)", (nid, i, target))


def insert_translations(db, records, content_pos, ui_pos):
    """Inserts the translated texts, and each language's counts."""
    stats = {}
    for po in content_pos:
        lang = os.path.basename(po)[:-3]
        tr, header = read_po(po)
        reviewed = 0 if header.get("X-Accueil-Reviewed", "no") == "no" else 1
        total = done = 0
        for kind, nid, head, body, where in records:
            for key in TRANSLATED:
                if head.get(key):
                    total += 1
                    if head[key] in tr:
                        done += 1
                        db.execute("INSERT INTO field VALUES (?, ?, ?, ?, ?)",
                                   (nid, key, lang, tr[head[key]], reviewed))
            if body:
                total += 1
                if all(p in tr for p in body):
                    done += 1
                    db.execute("INSERT INTO field VALUES (?, 'body', ?, ?, ?)",
                               (nid, lang, "\n\n".join(tr[p] for p in body),
                                reviewed))
        stats[lang] = [total, done, reviewed, 0, 0, 0]
    for po in ui_pos:
        lang = os.path.basename(po)[:-3]
        stats.setdefault(lang, [0, 0, 0, 0, 0, 0])[3:] = ui_stats(po)
    for lang, row in sorted(stats.items()):
        db.execute("INSERT INTO language VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (lang, *row))


def build(schema, out, files, content_pos=(), ui_pos=(), fact_files=()):
    """Checks the content and writes the database OUT."""
    records = read_records(files)
    facts = read_facts(fact_files)
    check_cards(records, facts)
    check_records(records)
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    with open(schema, encoding="utf-8") as f:
        db.executescript(f.read())
    insert_nodes(db, records, facts)
    insert_translations(db, records, content_pos, ui_pos)
    mark_no_break(db)
    db.commit()
    db.close()


def main():
    args = sys.argv[1:]
    try:
        if len(args) >= 2 and args[0] == "--pot":
            write_pot(args[1], args[2:])
            return
        if len(args) < 3:
            sys.exit(__doc__)
        pos, ui_pos, facts, files, rest = [], [], [], [], args[2:]
        while rest:
            a = rest.pop(0)
            if a == "--po":
                pos.append(rest.pop(0))
            elif a == "--ui-po":
                ui_pos.append(rest.pop(0))
            elif a == "--facts":
                facts.append(rest.pop(0))
            else:
                files.append(a)
        build(args[0], args[1], files, pos, ui_pos, facts)
    except ContentError as e:
        sys.exit(f"build-db.py: {e}")


if __name__ == "__main__":
    main()
