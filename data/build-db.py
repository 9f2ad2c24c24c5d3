#!/usr/bin/env python3
"""build-db.py - builds the content database from data/content/*.txt.

Usage: build-db.py SCHEMA.sql OUT.db CONTENT.txt...

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

KINDS = {"menu", "page", "contact", "search", "directory"}
NODE_KEYS = {"parent", "source", "checked", "dated", "links"}
TEXT_KEYS = {"title", "role", "org", "phone", "email", "address", "website",
             "hours", "town", "themes", "aka"}
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


def build(schema, out, files):
    records = []
    for path in sorted(files, key=os.path.basename):
        records.extend(parse(path))
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
    db.commit()
    db.close()


def main():
    if len(sys.argv) < 4:
        sys.exit("usage: build-db.py SCHEMA.sql OUT.db CONTENT.txt...")
    try:
        build(sys.argv[1], sys.argv[2], sys.argv[3:])
    except ContentError as e:
        sys.exit(f"build-db.py: {e}")


if __name__ == "__main__":
    main()
