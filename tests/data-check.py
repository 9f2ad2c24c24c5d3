#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data-check.py - checks the bundled database against what the kiosk
promises: every node sourced and dated, every menu entry and link leading
somewhere, the whole menu tree of DESIGN.md present, and no phone number or
e-mail that the shared sources (seeds and facts.md) do not give.

Usage: data-check.py ACCUEIL.db SHARED-DIR
Prints one line per failed check and 'N passed, N failed'.
"""
import re
import sqlite3
import sys
from pathlib import Path

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
shared = Path(sys.argv[2])
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")


def titles(parent):
    return [t for (t,) in db.execute(
        "SELECT value FROM node JOIN field ON node = id AND name = 'title' "
        "AND lang = 'fr' WHERE parent = ? ORDER BY pos", (parent,))]


def ids(parent):
    return [i for (i,) in db.execute(
        "SELECT id FROM node WHERE parent = ? ORDER BY pos", (parent,))]


check(db.execute("PRAGMA user_version").fetchone()[0] == 5, "schema version 5")

# Every node: a French title, a source, a checked date.
for nid, source, checked in db.execute("SELECT id, source, checked FROM node"):
    check(source.strip() != "", f"{nid} has a source")
    check(re.fullmatch(r"20\d\d-\d\d-\d\d", checked) is not None,
          f"{nid} has a checked date")
    check(db.execute("SELECT 1 FROM field WHERE node = ? AND name = 'title' "
                     "AND lang = 'fr'", (nid,)).fetchone() is not None,
          f"{nid} has a title")

# Every menu leads somewhere; every page or contact says something.
for nid, kind in db.execute("SELECT id, kind FROM node"):
    if kind == "menu":
        check(len(ids(nid)) > 0, f"menu {nid} has entries")
    if kind == "page":
        check(db.execute("SELECT 1 FROM field WHERE node = ? AND name = 'body'",
                         (nid,)).fetchone() is not None, f"page {nid} has text")
# Every node is reachable from home.
reach, todo = set(), ["home"]
while todo:
    n = todo.pop()
    reach.add(n)
    todo.extend(i for i in ids(n) if i not in reach)
for (nid,) in db.execute("SELECT id FROM node"):
    check(nid in reach, f"{nid} is reachable from home")
for nid, target in db.execute("SELECT node, target FROM link"):
    check(target in reach, f"link {nid} -> {target} leads to a node")

# The menu tree of DESIGN.md.
check(ids("home") == ["cai", "missions", "services", "themes", "contacts",
                      "centres", "acteurs", "search", "demander"],
      "home has the 8 sections, and the ask-the-desk cards")
missions = [t for t in titles("missions") if re.match(r"[1-7]\. ", t)]
check(len(missions) == 7, "the seven missions")
body1 = " ".join(v for (v,) in db.execute(
    "SELECT value FROM field JOIN node ON id = node WHERE parent = 'missions' "
    "AND name = 'body'"))
for letter in "abcd":
    check(f"{letter})" in body1, f"mission 1 {letter})")
services = ["Parcours d'intégration", "Accompagnement", "Formations",
            "Réseau actions locales", "Sensibilisation", "Interpellation"]
check(titles("services") == services, "the six services in order")
themes = ["Asile", "Citoyenneté", "Diversité", "FLE/Alpha/RàN",
          "Interculturalité", "Logement", "Lutte contre le racisme", "MENA",
          "Migrants en transit", "Migrations", "Mobilité", "Sans-papiers",
          "Santé", "Sociojuridique", "Volontariat"]
check(titles("themes") == themes, "the fifteen themes in order")
centres = set(ids("centres"))
for c in ["centre-namur", "ceraic", "cimb", "cribw", "cric", "crilux",
          "cripel", "crvi", "discri"]:
    check(c in centres, f"centre {c}")
for c in ["unia", "mrax", "bepax", "myria", "cedem", "germe", "cire",
          "fedasil", "cgra", "office-etrangers", "tutelles", "urgences"]:
    check(c in set(ids("acteurs")), f"acteur {c}")
for c in ["cai-contact", "bureau-accueil", "sami", "emilie", "annuaire"]:
    check(c in set(ids("contacts")), f"contact {c}")

# No contact detail that the sources do not give.
known = "".join(p.read_text(encoding="utf-8") for p in
                [shared / "facts.md", *sorted((shared / "seeds").glob("*.txt"))])
known_flat = re.sub(r"[ ./-]", "", known).lower()
texts = " ".join(v for (v,) in db.execute("SELECT value FROM field"))
for mail in set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", texts)):
    check(re.sub(r"[ ./-]", "", mail).lower() in known_flat,
          f"e-mail {mail} comes from the sources")
for phone in set(re.findall(r"\b0\d{1,3}[ ./]?\d{2,3}[ ./]?\d{2}[ ./]?\d{2,3}\b",
                            texts)):
    check(re.sub(r"[ ./-]", "", phone) in known_flat,
          f"phone {phone} comes from the sources")

# Phone, e-mail and website are shown as they are in every language: they
# hold the detail alone, never words that would need a translation.
shapes = {"phone": r"\+?[\d ./()-]+", "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
          "website": r"(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?"}
for nid, name, value in db.execute(
        "SELECT node, name, value FROM field WHERE name IN "
        "('phone', 'email', 'website')"):
    check(re.fullmatch(shapes[name], value) is not None,
          f"{nid}: the {name} field holds the detail alone ({value!r})")

# Each page's phone numbers and e-mails come from a source listed for it.
facts_text = (shared / "facts.md").read_text(encoding="utf-8")
sections = {}
for m in re.finditer(r"^(#{2,3}) (\d+(?:\.\d+)?)\.? .*?(?=^#{2,3} \d|\Z)", facts_text,
                     re.M | re.S):
    sections[m.group(2)] = m.group(0)
seeds = {p.name[:3]: p.read_text(encoding="utf-8")
         for p in (shared / "seeds").glob("*.txt")}


def source_text(source):
    """The text of the sources a page lists (seeds, facts.md sections)."""
    parts = []
    for a, b in re.findall(r"seeds? (\d{3})(?:\s*[-–]\s*(\d{3}))?", source):
        for n in range(int(a), int(b or a) + 1):
            parts.append(seeds.get(f"{n:03d}", ""))
    for ref in re.findall(r"§\s*([\d.]+(?:\s*[-–]\s*[\d.]+)?)", source):
        lo, _, hi = re.sub(r"\s", "", ref).partition("-")
        lo, hi = lo.rstrip("."), (hi or lo).rstrip(".")
        for key, text in sections.items():
            k = [int(x) for x in key.split(".")]
            a = [int(x) for x in lo.split(".")]
            b = [int(x) for x in hi.split(".")]
            if a <= k[:len(a)] <= b[:len(a)] or a <= k <= b or key.startswith(lo + "."):
                parts.append(text)
    for url in re.findall(r"https?://\S+", source):
        url = url.rstrip(";,)")
        parts += [line for line in facts_text.splitlines() if url in line]
    return re.sub(r"[ ./-]", "", "\n".join(parts)).lower()


for nid, source in db.execute("SELECT id, source FROM node"):
    values = " ".join(v for (v,) in db.execute(
        "SELECT value FROM field WHERE node = ? AND lang = 'fr'", (nid,)))
    found = set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", values))
    found |= set(re.findall(r"\b0\d{1,3}[ ./]?\d{2,3}[ ./]?\d{2}[ ./]?\d{2,3}\b",
                            values))
    if not found:
        continue
    text = source_text(source)
    for item in sorted(found):
        check(re.sub(r"[ ./-]", "", item).lower() in text,
              f"{nid}: {item} comes from a source listed for the page ({source[:60]})")

# Every page opens with an "En bref": two to four sentences of at most
# twenty words.
for (nid,) in db.execute("SELECT id FROM node WHERE kind = 'page'"):
    check(db.execute("SELECT 1 FROM field WHERE node = ? AND name = 'brief' "
                     "AND lang = 'fr'", (nid,)).fetchone() is not None,
          f"page {nid} has an En bref")
for nid, value in db.execute("SELECT node, value FROM field WHERE name = 'brief' "
                             "AND lang = 'fr'"):
    sentences = [x for x in re.split(r"(?<=[.!?])\s+", value.strip()) if x]
    check(2 <= len(sentences) <= 4, f"page {nid}: En bref of 2 to 4 sentences")
    for x in sentences:
        check(len(x.split()) <= 20, f"page {nid}: En bref sentence of "
              f"{len(x.split())} words: {x[:50]}")

# The organisations related to a theme are linked from it (issue 8).
related = {"theme-racisme": ["unia", "mrax", "bepax"],
           "theme-migrations": ["myria", "cedem", "germe", "cire"],
           "theme-asile": ["fedasil", "cgra", "office-etrangers"],
           "theme-sante": ["urgences"],
           "theme-mena": ["tutelles"]}
for nid, targets in related.items():
    linked = {t for (t,) in db.execute("SELECT target FROM link WHERE node = ?",
                                       (nid,))}
    for target in targets:
        check(target in linked, f"{nid} links to {target}")

# The parcours d'integration, step by step, as facts.md §2-3 give it.
parcours = db.execute("SELECT value FROM field WHERE node = 'svc-parcours' "
                      "AND name = 'body' AND lang = 'fr'").fetchone()[0]
for words in ["gratuit", "obligatoire", "entre 18 et 65 ans", "moins de 3 ans",
              "plus de 3 mois", "module d'accueil", "400 heures", "60 heures",
              "orientation socioprofessionnelle", "18 mois", "prolongé",
              "Namur, Sambreville, Gembloux, Andenne, Dinant, Philippeville, "
              "Beauraing et Ciney"]:
    check(words in parcours, f"the parcours page says {words!r}")

# Every centre that the 2025 renaming concerns says so, beside its old name.
for nid in ["centre-namur", "ceraic", "cimb", "cribw", "cric", "crilux",
            "cripel", "crvi"]:
    body = db.execute("SELECT value FROM field WHERE node = ? AND name = 'body' "
                      "AND lang = 'fr'", (nid,)).fetchone()
    check(body is not None and ("CRI +" in body[0] or "« CRI " in body[0]),
          f"{nid} shows the 2025 name (CRI + city)")

# Pages whose facts the facts file dates three years or more before the
# check carry that date, so that they say the information may have
# changed (the model adds the sentence; test-model tests it).
old_sources = {
    "cimb": 2013, "ceraic": 2013, "cribw": 2015, "bureau-accueil": 2015,
    "bepax": 2017, "office-etrangers": 2018, "cai-cesw": 2019,
    "cai-pratiques": 2021, "direction": 2021, "discri": 2022,
    "crilux": 2022, "guide-migrant": 2022, "ais-namur": 2022, "crvi": 2023,
}
for nid, year in old_sources.items():
    row = db.execute("SELECT dated, checked FROM node WHERE id = ?",
                     (nid,)).fetchone()
    first = re.search(r"\d{4}", row[0]) if row else None
    check(first is not None and int(first.group()) == year and
          int(row[1][:4]) - year >= 3,
          f"{nid} is dated {year}, so it says it may have changed")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
