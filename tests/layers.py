#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""layers.py - checks that the layers of src/ point down only.

Usage: layers.py SOURCE-ROOT LIBACCUEIL.a [--layers a,b,c]

The layer order is the order of the subdir() lines of src/meson.build,
lowest first (or --layers, to try an older tree). A file may depend on a
file of its own layer or of a layer before it. A dependency is either an
#include "dir/name.h" line of src/**/*.[ch] or data/mkindex.c, or a symbol
that one object file of the library uses (nm: U) and another defines. The
check fails on a dependency that points up, on a folder that is not in the
order, and on any circle between files (x.c and x.h are one file here).
"""
import os
import re
import subprocess
import sys


def layer_order(root, argv):
    """The layers, lowest first."""
    if "--layers" in argv:
        return argv[argv.index("--layers") + 1].split(",")
    with open(os.path.join(root, "src", "meson.build")) as f:
        return re.findall(r"^subdir\('([^']+)'\)", f.read(), re.M)


def unit_of_path(rel):
    """src/ui/term.c -> ui/term; data/mkindex.c -> data/mkindex."""
    rel = rel[4:] if rel.startswith("src/") else rel
    return os.path.splitext(rel)[0]


def include_edges(root):
    """{(from-unit, to-unit): 'file:line'} of the #include "..." lines."""
    edges = {}
    files = [os.path.join("data", "mkindex.c")]
    for d, _, names in os.walk(os.path.join(root, "src")):
        for n in names:
            if n.endswith((".c", ".h")):
                files.append(os.path.relpath(os.path.join(d, n), root))
    for rel in sorted(files):
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                m = re.match(r'\s*#\s*include\s+"([^"]+)\.h"', line)
                if m and "/" in m.group(1):
                    a, b = unit_of_path(rel), m.group(1)
                    if a != b:
                        edges.setdefault((a, b), f"{rel}:{no} #include")
    return edges


def symbol_edges(lib):
    """{(from-unit, to-unit): 'symbol'} from nm on the library's objects."""
    out = subprocess.run(["nm", "-A", lib], capture_output=True, text=True,
                         check=True).stdout
    defined, used = {}, []
    for line in out.splitlines():
        m = re.match(r".*?([^/:]+)\.c\.o:\s*(?:[0-9a-f]+)?\s+([A-Za-z])\s+(\S+)$",
                     line)
        if not m:
            continue
        member, kind, sym = m.groups()
        unit = member.replace("_", "/", 1)
        if kind == "U":
            used.append((unit, sym))
        elif kind.isupper():
            defined[sym] = unit
    edges = {}
    for unit, sym in used:
        if sym in defined and defined[sym] != unit:
            edges.setdefault((unit, defined[sym]), f"uses {sym}")
    return edges


def circles(edges):
    """Every circle between units, each as a list of units."""
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    found, state, stack = [], {}, []

    def visit(u):
        state[u] = 1
        stack.append(u)
        for v in sorted(graph.get(u, ())):
            if state.get(v) == 1:
                found.append(stack[stack.index(v):] + [v])
            elif v not in state:
                visit(v)
        stack.pop()
        state[u] = 2

    for u in sorted(graph):
        if u not in state:
            visit(u)
    return found


def main():
    root, lib = sys.argv[1], sys.argv[2]
    order = layer_order(root, sys.argv)
    # main.c and data/mkindex.c sit above every layer: they wire them.
    rank = {name: i for i, name in enumerate(order)}
    top = len(order)
    edges = dict(symbol_edges(lib))
    for k, why in include_edges(root).items():
        edges.setdefault(k, why)
    errors = []

    def level(unit):
        if unit in ("main", "data/mkindex"):
            return top
        folder = unit.split("/")[0]
        if folder not in rank:
            errors.append(f"{unit}: folder {folder}/ is not in the layer "
                          f"order {' < '.join(order)}")
            rank[folder] = -1
        return rank[folder]

    for (a, b), why in sorted(edges.items()):
        if level(b) > level(a):
            errors.append(f"upward: {a} -> {b} ({why})")
    for c in circles(edges):
        errors.append("circle: " + " -> ".join(c))
    print(f"layers, lowest first: {' < '.join(order)}; "
          f"{len(edges)} dependencies between files")
    for e in errors:
        print("FAIL " + e)
    return 1 if errors else 0


sys.exit(main())
