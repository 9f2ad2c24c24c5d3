#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""build-db.py - builds the content database from data/content/*.txt and
the content translations in po/content/LL.po.

Usage: build-db.py SCHEMA.sql OUT.db [--po LL.po]... [--ui-po LL.po]...
                   CONTENT.txt...
       build-db.py --pot OUT.pot CONTENT.txt...

Every translatable text (titles, body paragraphs, roles, hours, themes) is
one msgid. A body is stored in a language only when all its paragraphs are
translated there; otherwise it falls back to French as a whole. A PO file
whose header says "X-Accueil-Reviewed: no" (no fluent reader has checked
it) marks all its texts as unreviewed in the database.

The content format (see CONTRIBUTING.md): a record starts with "@KIND ID",
then "key: value" header lines, a blank line, and the body: paragraphs
separated by blank lines, a paragraph starting with "- " is a list item.
Lines starting with "#" outside a body are comments. Any mistake (unknown
parent or link, missing title, source or checked date, duplicate id) stops
the build with the file and line.
"""
import os
import re
import sqlite3
import sys



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


def read_records(files):
    records = []
    for path in sorted(files, key=os.path.basename):
        records.extend(parse(path))
    return records


def po_unquote(s):
    """Returns the text of a PO string literal "..."."""
    out, i = [], 1
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    while i < len(s) - 1:
        c = s[i]
        if c == "\\" and i + 1 < len(s) - 1:
            out.append(escapes.get(s[i + 1], s[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def read_po(path):
    """Returns ({msgid: msgstr} without fuzzy or empty ones, header dict)."""
    entries, cur, key, fuzzy = {}, {}, None, False

    def flush():
        nonlocal cur, fuzzy
        # A plural entry counts by its first form.
        text = cur.get("msgstr") or cur.get("msgstr[0]")
        if "msgid" in cur and cur["msgid"] and text and not fuzzy:
            entries[cur["msgid"]] = text
        elif cur.get("msgid") == "" and "msgstr" in cur:
            entries[""] = cur["msgstr"]
        cur, fuzzy = {}, False

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("#,") and "fuzzy" in line:
                if "msgid" in cur:
                    flush()
                fuzzy = True
            elif line.startswith("#"):
                if any(k.startswith("msgstr") for k in cur):
                    flush()
            elif line.startswith('"'):
                cur[key] += po_unquote(line)
            else:
                word, _, rest = line.partition(" ")
                if word == "msgid" and any(k.startswith("msgstr") for k in cur):
                    f2 = fuzzy
                    flush()
                    fuzzy = f2
                key = word
                cur[key] = po_unquote(rest.strip())
    flush()
    header = {}
    for hl in entries.pop("", "").split("\n"):
        k, _, v = hl.partition(":")
        if k:
            header[k.strip()] = v.strip()
    return entries, header


def po_quote(s):
    s = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{s}"'


def write_pot(out, files):
    """Writes every translatable text of the content as a POT file."""
    # References name files from the project root (OUT is po/content/X.pot),
    # whatever the build directory.
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(out))))
    seen = {}
    for kind, nid, head, body, where in read_records(files):
        path, line = where.rsplit(":", 1)
        where = os.path.relpath(os.path.abspath(path), root) + ":" + line
        texts = [(head[k], k) for k in TRANSLATED if head.get(k)]
        texts += [(p, "body") for p in body]
        for text, what in texts:
            seen.setdefault(text, []).append((where, f"{nid} {what}"))
    with open(out, "w", encoding="utf-8") as f:
        f.write('# The content of accueil, to translate.\n'
                '# Regenerate with: meson compile -C build accueil-content-pot\n'
                'msgid ""\nmsgstr ""\n'
                '"Project-Id-Version: accueil-content\\n"\n'
                '"MIME-Version: 1.0\\n"\n'
                '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                '"Content-Transfer-Encoding: 8bit\\n"\n'
                '"X-Accueil-Reviewed: no\\n"\n\n')
        for text, refs in seen.items():
            f.write("#. " + ", ".join(r for _, r in refs[:4]) + "\n")
            f.write("#: " + " ".join(w for w, _ in refs[:4]) + "\n")
            f.write(f"msgid {po_quote(text)}\nmsgstr \"\"\n\n")


def ui_stats(path):
    """Returns (texts, translated, reviewed) of an interface PO file."""
    total = done = 0
    tr, header = read_po(path)
    with open(path, encoding="utf-8") as f:
        total = sum(1 for line in f if line.startswith("msgid ")) - 1
    reviewed = 0 if header.get("X-Accueil-Reviewed", "no") == "no" else 1
    return total, len(tr), reviewed


# French spacing, stored once: a no-break space before a colon, a narrow
# no-break space before ; ? ! and a closing guillemet, so that libunistring's
# line breaking never separates the mark from its word (U+00A0 and U+202F
# are "glue") and the program needs no rule of its own. The fields a data
# check reads as they are (phone, e-mail, web site) are left alone, and so
# is the space after an opening guillemet, which tests/data-check.py still
# looks for as a plain space (src/text/text.c keeps that one rule).
SPACED_BEFORE = {":": "\u00a0", ";": "\u202f", "?": "\u202f", "!": "\u202f",
                 "\u00bb": "\u202f"}
AS_THEY_ARE = ("phone", "email", "website")


def mark_french_spacing(text):
    """text with the space before : ; ? ! and » made no-break."""
    return re.sub(r" ([:;?!\u00bb])", lambda m: SPACED_BEFORE[m.group(1)] +
                  m.group(1), text)


def mark_no_break(db):
    """Marks French spacing in every text of the database, once."""
    db.create_function("mark_french_spacing", 1, mark_french_spacing,
                       deterministic=True)
    db.execute("UPDATE field SET value = mark_french_spacing(value) "
               "WHERE name NOT IN (%s)" % ", ".join("?" * len(AS_THEY_ARE)),
               AS_THEY_ARE)


def build(schema, out, files, content_pos=(), ui_pos=()):
    records = read_records(files)
    ids = {}
    for kind, nid, head, body, where in records:
        if nid in ids:
            raise ContentError(f"{where}: id {nid!r} already used at {ids[nid]}")
        ids[nid] = where
    pos = {}
    if os.path.exists(out):
        os.remove(out)
    db = sqlite3.connect(out)
    with open(schema, encoding="utf-8") as f:
        db.executescript(f.read())
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
        pos[parent] = pos.get(parent, 0) + 1
        db.execute("INSERT INTO node VALUES (?, ?, ?, ?, ?, ?, ?)",
                   (nid, parent, pos[parent], kind, head["source"],
                    head["checked"], head.get("dated", "")))
        for key in sorted(TEXT_KEYS & head.keys()):
            if head[key]:
                db.execute("INSERT INTO field VALUES (?, ?, 'fr', ?, 1)",
                           (nid, key, head[key]))
        if body:
            db.execute("INSERT INTO field VALUES (?, 'body', 'fr', ?, 1)",
                       (nid, "\n\n".join(body)))
        links = [l.strip() for l in head.get("links", "").split(",") if l.strip()]
        if len(links) > MAX_LINKS:
            raise ContentError(f"{where}: more than {MAX_LINKS} links")
        for i, target in enumerate(links, 1):
            if target not in ids:
                raise ContentError(f"{where}: link to unknown {target!r}")
            db.execute("INSERT INTO link VALUES (?, ?, ?)", (nid, i, target))
    if "home" not in ids:
        raise ContentError("there is no 'home' record")
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
        pos, ui_pos, files, rest = [], [], [], args[2:]
        while rest:
            a = rest.pop(0)
            if a == "--po":
                pos.append(rest.pop(0))
            elif a == "--ui-po":
                ui_pos.append(rest.pop(0))
            else:
                files.append(a)
        build(args[0], args[1], files, pos, ui_pos)
    except ContentError as e:
        sys.exit(f"build-db.py: {e}")


if __name__ == "__main__":
    main()
