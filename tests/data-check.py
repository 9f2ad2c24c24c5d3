#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""data-check.py - checks the bundled database against what the kiosk
promises: every node sourced and dated, every menu entry and link leading
somewhere, the whole menu tree of DESIGN.md present, and no phone number,
e-mail, address, time or date that the facts register (data/facts/) does
not hold with a source the page lists. Reads nothing outside the
repository and the build.

Usage: data-check.py ACCUEIL.db FACTS-DIR [PO-DIR [KNOWN]]
       data-check.py --terms LL.po...
Prints one line per failed check and 'N passed, N failed'. With PO-DIR
(po/content), it also checks that each language uses its glossary's word
for a term wherever a text uses the French term; KNOWN lists the
differences found before this check, to be fixed (each one fixed must
leave the list). --terms prints every difference of the given PO files,
for a translator, and fails if there is one.
"""
import re
import sqlite3
import sys
import unicodedata
from pathlib import Path


def po_entries(path):
    """(comment, msgid, msgstr, fuzzy) of a PO file, header left out."""
    out = []
    cur = {"c": "", "id": None, "str": None, "fuzzy": False}
    field = None
    def flush():
        if cur["id"]:
            out.append((cur["c"], cur["id"], cur["str"] or "", cur["fuzzy"]))
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("#~"):
            continue
        if not line.strip():
            flush(); cur = {"c": "", "id": None, "str": None, "fuzzy": False}
            field = None
        elif line.startswith("#."):
            cur["c"] += line[2:].strip() + " "
        elif line.startswith("#,"):
            cur["fuzzy"] |= "fuzzy" in line
        elif line.startswith("msgid "):
            field = "id"; cur["id"] = eval(line[6:])
        elif line.startswith("msgstr "):
            field = "str"; cur["str"] = eval(line[7:])
        elif line.startswith('"') and field:
            cur[field] += eval(line)
    flush()
    return out

# A French term used as a noun: after a determiner or a preposition ("la
# commune", "sans titre de séjour"), at the start of a text or inside
# quotes; not "l'approche est commune à toutes ses actions".
NOUN = (r"(?:^|\b(?:la|le|les|un|une|des|du|de|au|aux|sa|son|ses|leur|"
        r"leurs|votre|vos|notre|nos|ce|cette|sans|par|pour|en) |\bl'|\bd'|"
        r"« ?)")
LEX_TITLE = re.compile(r"^(lex-[\w-]+) title\b")


def term_words(s):
    s = unicodedata.normalize("NFC", s).lower()
    s = re.sub(r"[\u064b-\u065f\u0640\u200c\u200d]", "", s)
    return re.findall(r"\w+", s)


def term_stem(w):
    return w[:max(3, -(-len(w) * 2 // 3))] if len(w) > 3 else w


def term_matches(alt, text):
    """True when text uses the gloss alt: its first significant word and
    at least half of them, each by its stem, anywhere inside a word
    (prefixes and endings vary with grammar)."""
    # Arabic and Persian glue the article to the word: "البلدية" is
    # "للبلدية" after a preposition.
    sig = [re.sub(r"^ال(?=\w{3})", "", w) for w in term_words(alt)]
    sig = [w for w in sig if len(w) >= 3] or sig
    if not sig:
        return True
    have = term_words(text)
    found = [any(term_stem(w) in h for h in have) for w in sig]
    return found[0] and 2 * sum(found) >= len(sig)


def glossary(entries):
    """{french term: (glossary id, [gloss alternatives])} from the glossary
    titles: each keeps the French word and adds the language's word in
    brackets ("Commune (municipality)") or after a colon."""
    out = {}
    frtext = " ".join(i for c, i, s, f in entries if not LEX_TITLE.match(c))
    titles = [(LEX_TITLE.match(c).group(1), i, s) for c, i, s, f in entries
              if LEX_TITLE.match(c) and s and not f]
    # The language's word for "(lexique)": the bracket most of the
    # "X (lexique)" titles end with.
    ends = [re.findall(r"\(([^()]*)\)\s*$", s) for _, i, s in titles
            if i.endswith("(lexique)")]
    ends = [e[0] for e in ends if e]
    lexword = max(set(ends), key=ends.count) if ends else None
    for lex, msgid, msgstr in titles:
        base = re.sub(r"\s*\(lexique\)$", "", msgid)
        french = re.sub(r"\s*\([^()]*\)$", "", base)
        if not msgstr.lower().startswith(french.lower()):
            continue
        rest = msgstr[len(french):]
        groups = [g for g in re.findall(r"\(([^()]*)\)", rest)
                  if "(" + g + ")" not in msgid and g != lexword]
        tail = re.sub(r"^\W+|\W+$", "", re.sub(r"\([^()]*\)", "", rest))
        gloss = groups[-1] if groups else tail
        if not gloss:
            continue
        terms = [t.strip() for t in french.split(" / ")]
        parts = [p.strip() for p in gloss.split(" / ")]
        for k, term in enumerate(terms):
            # Acronyms, names and numbers are kept as they are: only the
            # common words that pages write in lower case are checked.
            if re.search(r"\d", term) or not re.search(
                    NOUN + re.escape(term.lower()) + r"s?(?!\w|\.\w)",
                    frtext):
                continue
            mine = [parts[k]] if len(parts) == len(terms) else parts
            alts = [a.strip() for p in mine for a in re.split(r"[,;،؛]", p)
                    if a.strip()]
            out[term] = (lex, alts)
    return out


def term_problems(entries):
    """(glossary id, term, gloss, msgid, msgstr) where a translated text
    uses the French term but not the glossary's word for it."""
    gl = glossary(entries)
    probs = []
    for c, msgid, msgstr, fuzzy in entries:
        if not msgstr or fuzzy or LEX_TITLE.match(c):
            continue
        for term, (lex, alts) in gl.items():
            if not re.search(NOUN + re.escape(term) + r"s?(?!\w|\.\w)",
                             msgid, re.I):
                continue
            if not any(term_matches(a, msgstr) for a in alts):
                probs.append((c.split()[0] if c else "?", lex, term,
                              " / ".join(alts), msgstr))
    return probs


if len(sys.argv) > 1 and sys.argv[1] == "--terms":
    found = 0
    for po in sys.argv[2:]:
        for node, lex, term, gloss, msgstr in term_problems(po_entries(po)):
            found += 1
            print(f"{po}: {node}: {term!r} is {gloss!r} in {lex}, "
                  f"not in: {msgstr[:70]}")
    sys.exit(1 if found else 0)

db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
facts_dir = Path(sys.argv[2])
po_dir = Path(sys.argv[3]) if len(sys.argv) > 3 else None
known_file = Path(sys.argv[4]) if len(sys.argv) > 4 else None
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


check(db.execute("PRAGMA user_version").fetchone()[0] == 7, "schema version 7")

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
                      "centres", "acteurs", "search", "lexique", "demander"],
      "home has the sections, search (entry 8 and the / key), the glossary and the "
      "ask-the-desk cards")
# The pages a newcomer asks for first (issue 24) are two digits from home
# at most: an entry of home (1-8: home may grow a tenth entry, and then 9
# turns the group), then one of the first nine entries of that menu (the
# first eight when it has more than nine, 9 turning the group).
def digit(nid):
    parent = db.execute("SELECT parent FROM node WHERE id = ?",
                        (nid,)).fetchone()
    if parent is None or parent[0] is None:
        return None, None
    sibs = [i for (i,) in db.execute(
        "SELECT id FROM node WHERE parent = ? AND kind <> 'search' "
        "ORDER BY pos", (parent[0],))]
    return parent[0], (sibs.index(nid) + 1, len(sibs))


for nid in ["parcours-etapes", "apprendre-francais", "ukraine",
            "aide-juridique", "population-namur"]:
    menu, (n, count) = digit(nid)
    top, (m, _) = digit(menu) if menu else (None, (99, 0))
    check(top == "home" and m <= 8 and n <= (9 if count <= 9 else 8),
          f"{nid} is two digits from home ({m} {n})")
missions = [t for t in titles("missions") if re.match(r"[1-7]\. ", t)]
check(len(missions) == 7, "the seven missions")
body1 = " ".join(v for (v,) in db.execute(
    "SELECT value FROM field JOIN node ON id = node WHERE parent = 'missions' "
    "AND name = 'body'"))
for letter in "abcd":
    check(f"{letter})" in body1, f"mission 1 {letter})")
services = ["Parcours d'intégration", "Le parcours, étape par étape",
            "Accompagnement", "Formations", "Apprendre le français",
            "Réseau actions locales", "Sensibilisation", "Interpellation"]
check(titles("services") == services, "the six services in order, the "
      "pathway step by step after the parcours, French courses after the "
      "trainings")
themes = ["Asile", "Citoyenneté", "Diversité", "FLE/Alpha/RàN",
          "Interculturalité", "Logement", "Lutte contre le racisme", "MENA",
          "Migrants en transit", "Migrations", "Mobilité", "Sans-papiers",
          "Santé", "Sociojuridique", "Volontariat"]
check(titles("themes") == themes, "the fifteen themes in order")
centres = set(ids("centres"))
for c in ["centre-namur", "ceraic", "cimb", "cribw", "cric", "crilux",
          "cripel", "crvi", "discri"]:
    check(c in centres, f"centre {c}")
for c in ["unia", "unia-liege", "cpas-namur", "mrax", "bepax", "myria", "cedem", "germe", "cire",
          "fedasil", "cgra", "office-etrangers", "tutelles", "urgences"]:
    check(c in set(ids("acteurs")), f"acteur {c}")
for c in ["cai-contact", "bureau-accueil", "cai-discrimination", "sami", "emilie", "annuaire"]:
    check(c in set(ids("contacts")), f"contact {c}")

# The facts register (data/facts/): every record has a kind, a value, a
# public source, the date that source shows and the day it was read.
register = []
for path in sorted(facts_dir.glob("*.txt")):
    rec = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("@fact "):
            rec = {"id": line[6:].strip()}
            register.append(rec)
        elif rec is not None and re.match(r"[a-z]+: ", line):
            key, _, value = line.partition(": ")
            rec[key] = value.strip()
        elif not line.strip():
            rec = None
check(len(register) >= 50, f"the register holds facts ({len(register)})")
for rec in register:
    check(re.fullmatch(r"https?://[^\s/]+\.[^\s/]+(/\S*)?",
                       rec.get("source", "")) is not None,
          f"fact {rec['id']} has a public source")
    check(re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?|non visible",
                       rec.get("dated", "")) is not None,
          f"fact {rec['id']} has the date its source shows")
    check(re.fullmatch(r"20\d\d-\d\d-\d\d", rec.get("read", "")) is not None,
          f"fact {rec['id']} says when it was read")
    check(rec.get("what") in {"phone", "email", "address", "website", "hours",
                              "date", "figure"} and rec.get("value"),
          f"fact {rec['id']} has a kind and a value")

# A phone number or an e-mail address is sourced by the page that carries
# it, never by a site's home page standing for some page of the site
# (facts.md §9.2.1, 12): a record citing a home page ("https://site.be",
# "https://site.be/fr") fails unless its note says that the home page
# itself carries the fact ("page d'accueil").
HOME = re.compile(r"https?://[^/?#\s]+(?:/(?:[a-z]{2}/?)?)?")
for rec in register:
    if rec.get("what") not in ("phone", "email"):
        continue
    home = HOME.fullmatch(rec.get("source", "")) is not None
    check(not home or "page d'accueil" in rec.get("note", ""),
          f"fact {rec['id']}: its {rec['what']} is sourced by the page "
          f"carrying it, not by the home page {rec.get('source')}")

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
          "août", "septembre", "octobre", "novembre", "décembre"]
# A phone number; its groups are joined by no-break spaces (build-db.py).
PHONE = re.compile(r"(?<![\d+])(?:\+32\s?(?:\(0\)\s?)?[1-9]|0\d)"
                   r"[\d \u00a0./]{6,12}\d\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TIME = re.compile(r"\b(\d{1,2})(?:h(\d\d)?|:(\d\d))(?![\d:])")
DATE = re.compile(r"\b(1er|\d{1,2}) (%s) (\d{4})\b" % "|".join(MONTHS))
MONTH = re.compile(r"(?<!\d )\b(%s) (\d{4})\b" % "|".join(MONTHS))
STREET = re.compile(r"\b(?:rue|place|boulevard|avenue|chaussée|quai)"
                    r"(?:\s+[^\s,;.()0-9]+){1,4}\s+\d+[A-Za-z]?\b", re.I)


def phone_key(s):
    d = re.sub(r"\D", "", s)
    return "0" + d[2:] if d.startswith("32") else d


def flat(s):
    return re.sub(r"[\s.,/()'’-]", "", s).lower()


def times(s):
    return {f"{int(m.group(1)):02d}:{m.group(2) or m.group(3) or '00'}"
            for m in TIME.finditer(s)}


def dates(s):
    out = {f"{y}-{MONTHS.index(mo) + 1:02d}-{int(d.replace('er', '')):02d}"
           for d, mo, y in DATE.findall(s)}
    return out | {f"{y}-{MONTHS.index(mo) + 1:02d}" for mo, y in MONTH.findall(s)}


def known(urls):
    """The facts of the register whose source is one of urls, by kind."""
    k = {"phone": set(), "email": set(), "address": set(), "hours": set(),
         "date": set()}
    for rec in register:
        if rec.get("source") not in urls:
            continue
        what, value = rec.get("what"), rec.get("value", "")
        if what == "phone":
            k["phone"].add(phone_key(value))
        elif what == "email":
            k["email"].add(value.lower())
        elif what == "address":
            k["address"].add(flat(value))
        k["hours"] |= times(value + " " + rec.get("about", ""))
        if what == "date" or re.fullmatch(r"\d{4}-\d\d(-\d\d)?", value):
            k["date"].add(value)
            k["date"].add(value[:7])
        if rec.get("dated", "")[:4].isdigit():
            k["date"].add(rec["dated"][:7])
    return k


# Every phone number, e-mail, time of day (every language), date and
# street address (French) on a page or card is a fact of the register
# whose source the page lists.
cards_with_contact = 0
for nid, kind in db.execute("SELECT id, kind FROM node").fetchall():
    row = db.execute("SELECT value FROM field WHERE node = ? AND name = "
                     "'sources'", (nid,)).fetchone()
    urls = set(re.findall(r"https?://[^\s;]+", row[0] if row else ""))
    k = known(urls)
    shown = db.execute("SELECT name, lang, value FROM field WHERE node = ? "
                       "AND name <> 'sources'", (nid,)).fetchall()
    for name, lang, value in shown:
        for ph in set(PHONE.findall(value)):
            check(phone_key(ph) in k["phone"],
                  f"{nid} ({lang}): phone {ph.strip()} is in the register "
                  "with a source the page lists")
        for mail in set(EMAIL.findall(value)):
            check(mail.lower() in k["email"],
                  f"{nid} ({lang}): e-mail {mail} is in the register with a "
                  "source the page lists")
        for hm in times(value):
            check(hm in k["hours"], f"{nid} ({lang}): the time {hm} is in the "
                  "register with a source the page lists")
        if lang != "fr":
            continue
        for d in dates(value):
            check(d in k["date"], f"{nid}: the date {d} is in the register "
                  "with a source the page lists")
        if name == "address":
            check(flat(value) in k["address"], f"{nid}: the address {value!r} "
                  "is in the register with a source the card lists")
        for street in STREET.findall(value):
            check(any(flat(street) in a for a in k["address"]),
                  f"{nid}: the address {street!r} is in the register with a "
                  "source the page lists")
    if kind == "contact" and any(n in ("phone", "email") for n, _, _ in shown):
        cards_with_contact += 1
cards = db.execute("SELECT count(*) FROM node WHERE kind = 'contact'").fetchone()[0]
print(f"info: {cards_with_contact} of {cards} contact cards have a phone or an e-mail")

# What a visitor reads names no internal file: no "facts.md", "seed 0" or
# "§", in any language, and the sources shown are short (a site and its
# year), never a web address that a line would cut.
for nid, source in db.execute("SELECT id, source FROM node"):
    check(not re.search(r"facts\.md|seeds? 0|§|https?://", source),
          f"{nid}: the source shown is short and public ({source[:50]})")
    for item in source.split(" ; "):
        if " " not in item.split(",")[0]:
            check(len(item.split(",")[0]) <= 36, f"{nid}: the source {item!r} "
                  "fits a line of a 40-column screen")
for nid, name, lang, value in db.execute(
        "SELECT node, name, lang, value FROM field WHERE name <> 'sources'"):
    check(not re.search(r"facts\.md|seeds? 0|§", value),
          f"{nid} ({lang}, {name}) names no internal reference")

# No sentence says that a fact does not exist ("Le CAI ne publie pas de
# numéro général"): the sources only fail to show it, which says nothing
# about the world (facts.md, "not found"). A missing fact is said as
# "nos sources ne donnent pas ..." or "demandez à l'accueil".
ABSENT = re.compile(
    r"\bne (?:publie|publient|diffuse|diffusent) pas"
    r"|\bn'(?:existe|existent) pas"
    r"|\b(?:n'est|n'était|ne sont|n'étaient) pas (?:disponibles?|publiée?s?"
    r"|connue?s?)\b"
    r"|\bnon (?:connue?s?|disponibles?|publiée?s?)\b"
    r"|\bn'(?:a|ont|avait) (?:pas|aucun) (?:de |d')?(?:numéro|téléphone"
    r"|adresse|e-mail|site|heures?|horaires?)"
    r"|\b(?:pas|aucun) (?:de )?numéro général", re.I)
OURS = re.compile(r"\bnos sources\b|\bnous n'avons\b", re.I)
for nid, name, value in db.execute(
        "SELECT node, name, value FROM field WHERE lang = 'fr' AND name "
        "<> 'sources'"):
    for sentence in re.split(r"(?<=[.!?:;])\s+", value):
        check(not ABSENT.search(sentence) or OURS.search(sentence),
              f"{nid} ({name}): no sentence says a fact does not exist: "
              f"{sentence[:70]!r}")

# Number groups are joined once, at build time (data/build-db.py): no
# text a visitor reads has a plain space between two digits, so that no
# line cuts a phone number and no right-to-left text reverses its groups.
for nid, name, lang, value in db.execute(
        "SELECT node, name, lang, value FROM field WHERE name NOT IN "
        "('email', 'website', 'sources')"):
    check(re.search(r"\d \d", value) is None,
          f"{nid} ({lang}, {name}): no plain space between two digits")

# Phone, e-mail and website are shown as they are in every language: they
# hold the detail alone, never words that would need a translation.
shapes = {"phone": r"\+?\d(?:[\d./()-]|\u00a0(?=\d))*",
          "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
          "website": r"(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?"}
for nid, name, value in db.execute(
        "SELECT node, name, value FROM field WHERE name IN "
        "('phone', 'email', 'website')"):
    check(re.fullmatch(shapes[name], value) is not None,
          f"{nid}: the {name} field holds the detail alone ({value!r})")

# The glossary (Lexique): the words of official letters, each with a title
# (the word as letters write it), two or three sentences and links to the
# pages that use it.
lexique = ids("lexique")
for word in ["lex-commune", "lex-cpas", "lex-titre-sejour", "lex-annexe-26",
             "lex-primo-arrivant", "lex-parcours", "lex-module-accueil",
             "lex-bilan-social", "lex-convention", "lex-citoyennete",
             "lex-cgra", "lex-office-etrangers", "lex-fedasil", "lex-ila",
             "lex-mena", "lex-tuteur"]:
    check(word in lexique, f"the glossary explains {word}")
for nid in lexique:
    body = db.execute("SELECT value FROM field WHERE node = ? AND name = "
                      "'body' AND lang = 'fr'", (nid,)).fetchone()
    n = len(re.split(r"(?<=[.!?])\s+", body[0].strip())) if body else 0
    check(2 <= n <= 3, f"{nid}: two or three sentences ({n})")
    targets = [t for (t,) in db.execute("SELECT target FROM link WHERE node = "
                                        "? AND target NOT LIKE 'lex-%'", (nid,))]
    check(len(targets) >= 1, f"{nid} links to the pages that use it")
    for target in targets:
        # A page has at most nine links (one digit each): a full one may
        # leave out a word it uses.
        full = db.execute("SELECT count(*) FROM link WHERE node = ?",
                          (target,)).fetchone()[0] >= 9
        check(full or db.execute("SELECT 1 FROM link WHERE node = ? AND "
                                 "target = ?", (target, nid)).fetchone(),
              f"{target} uses the word of {nid} and links to it")

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
    "cai-pratiques": 2021, "discri": 2022,
    "crilux": 2022, "guide-migrant": 2022, "ais-namur": 2022, "crvi": 2023,
}
for nid, year in old_sources.items():
    row = db.execute("SELECT dated, checked FROM node WHERE id = ?",
                     (nid,)).fetchone()
    first = re.search(r"\d{4}", row[0]) if row else None
    check(first is not None and int(first.group()) == year and
          int(row[1][:4]) - year >= 3,
          f"{nid} is dated {year}, so it says it may have changed")

# One term per concept per language: where a text uses a French word of
# the glossary, its translation uses the word the glossary's title gives
# for it in that language (issue 24: the glossary was translated apart).
if po_dir is not None:
    known = set()
    if known_file is not None and known_file.exists():
        known = {tuple(line.split()) for line in
                 known_file.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")}
    seen = set()
    for po in sorted(po_dir.glob("*.po")):
        entries = po_entries(po)
        check(len(glossary(entries)) >= 5 or not any(
                  LEX_TITLE.match(c) and s for c, i, s, f in entries),
              f"{po.name}: the glossary's words are found in its titles")
        for node, lex, term, gloss, msgstr in term_problems(entries):
            key = (po.stem, node, lex)
            seen.add(key)
            check(key in known, f"{po.name}: {node} uses {term!r} but not "
                  f"the glossary's {gloss!r} ({lex}): {msgstr[:60]}")
    for key in sorted(known - seen):
        check(False, f"{' '.join(key)} is fixed: remove it from "
              f"{known_file}")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
