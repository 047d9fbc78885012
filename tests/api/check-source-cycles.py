#!/usr/bin/env python3
#
# check-source-cycles.py: the public layer's source files depend on each
# other without a cycle
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# Reads the .c files and *-private.h headers directly in one folder (not
# its subfolders, which are the internal layers with their own check). A
# file A depends on a file B when A calls a function that B defines and
# a private header of the folder declares, or when A includes a private
# header whose functions B defines. Calls between files through public
# functions do not count: the public API is the way in for everyone. A
# cycle (A needs B, B needs A) means the two cannot be read, tested or
# replaced apart, so the check prints each cycle and exits 1.
#
# Usage:
#   check-source-cycles.py DIR [MIN_FILES]
#   check-source-cycles.py --self-test
#
# MIN_FILES guards the parser: fewer .c files found than that fails.

import os
import re
import sys
import tempfile

IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
# A declaration in a private header: an identifier followed by '(' that is
# not a macro, a cast or a keyword; good enough for the house style.
DECLARATION = re.compile(r'\b([A-Za-z_][A-Za-z0-9_]*)\s*\(')
NOT_FUNCTIONS = {'G_BEGIN_DECLS', 'G_END_DECLS', 'G_DEFINE_AUTOPTR_CLEANUP_FUNC',
                 'sizeof', 'typedef', 'if', 'while', 'for', 'return', 'switch'}
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]+"(?:[^"]*/)?([^"/]+)"', re.M)
# A definition in the GNU style: the name at the start of a line, its
# return type on the line before, and that line not static.
DEFINITION = re.compile(r'^(?!static\b)([A-Za-z_][A-Za-z0-9_ \t]*\**)[ \t]*\n'
                        r'([A-Za-z_][A-Za-z0-9_]*)[ \t]*\(', re.M)


def strip_comments(text):
    """@text without comments and string literals (kept line for line)."""
    out = []
    i = 0
    n = len(text)
    while i < n:
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            i = end
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == '\\' else 1
            out.append('""')
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def declared_functions(header_text):
    """The function names a private header declares (typedefs left out)."""
    names = set()
    for statement in strip_comments(header_text).split(';'):
        statement = statement.strip()
        if statement.startswith('typedef') or statement.startswith('#'):
            continue
        match = DECLARATION.search(re.sub(r'^#.*$', '', statement, flags=re.M))
        if match and match.group(1) not in NOT_FUNCTIONS and not match.group(1).isupper():
            names.add(match.group(1))
    return names


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def build_graph(folder):
    """(graph, c_files): file -> set of files it depends on."""
    entries = sorted(os.listdir(folder))
    c_files = [e for e in entries if e.endswith('.c')]
    headers = [e for e in entries if e.endswith('-private.h')]
    declared = {h: declared_functions(read(os.path.join(folder, h))) for h in headers}
    all_private = set().union(*declared.values()) if declared else set()

    code = {c: strip_comments(read(os.path.join(folder, c))) for c in c_files}
    defined_in = {}
    for c in c_files:
        for match in DEFINITION.finditer(code[c]):
            if match.group(2) in all_private:
                defined_in[match.group(2)] = c

    graph = {c: set() for c in c_files}
    for c in c_files:
        for name in set(IDENT.findall(code[c])) & all_private:
            owner = defined_in.get(name)
            if owner is not None and owner != c:
                graph[c].add(owner)
        for header in INCLUDE.findall(read(os.path.join(folder, c))):
            for name in declared.get(header, ()):
                owner = defined_in.get(name)
                if owner is not None and owner != c:
                    graph[c].add(owner)
    return graph, c_files


def find_cycles(graph):
    """Each cycle once, as a list of files starting at its smallest name."""
    cycles = set()
    state = {}
    stack = []

    def visit(node):
        state[node] = 'open'
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 'open':
                cycle = stack[stack.index(nxt):]
                start = cycle.index(min(cycle))
                cycles.add(tuple(cycle[start:] + cycle[:start]))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 'done'

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return sorted(cycles)


def check(folder, min_files):
    graph, c_files = build_graph(folder)
    if len(c_files) < min_files:
        print('only %d .c files found in %s, expected at least %d'
              % (len(c_files), folder, min_files))
        return 1
    cycles = find_cycles(graph)
    for cycle in cycles:
        print('cycle: ' + ' -> '.join(cycle + (cycle[0],)))
    return 1 if cycles else 0


def expect(got, wanted):
    if got != wanted:
        raise SystemExit('self-test failed: got %r, wanted %r' % (got, wanted))


def self_test():
    files = {
        'a-private.h': '/* a_helper (x); */\nint a_helper (int x);\n'
                       'typedef int (*AFunc) (int y);\n',
        'b-private.h': 'void b_helper (void);\n',
        'a.c': '#include "a-private.h"\nint\na_helper (int x)\n{\n  return x;\n}\n',
        'b.c': '#include "b-private.h"\n#include "a-private.h"\n'
               'void\nb_helper (void)\n{\n  a_helper (1);\n}\n',
        'c.c': 'static void\nlocal (void)\n{\n  /* b_helper (); */\n}\n',
    }
    with tempfile.TemporaryDirectory() as folder:
        for name, text in files.items():
            with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
                f.write(text)
        graph, _ = build_graph(folder)
        expect(graph, {'a.c': set(), 'b.c': {'a.c'}, 'c.c': set()})
        expect(find_cycles(graph), [])
        # a.c now calls back into b.c: a cycle.
        with open(os.path.join(folder, 'a.c'), 'a', encoding='utf-8') as f:
            f.write('void\na_user (void)\n{\n  b_helper ();\n}\n')
        graph, _ = build_graph(folder)
        expect(find_cycles(graph), [('a.c', 'b.c')])
    print('self-test passed')
    return 0


def main(argv):
    if argv[1:] == ['--self-test']:
        return self_test()
    if len(argv) not in (2, 3):
        print(__doc__ if __doc__ else 'usage: check-source-cycles.py DIR [MIN_FILES]')
        return 2
    return check(argv[1], int(argv[2]) if len(argv) == 3 else 1)


if __name__ == '__main__':
    sys.exit(main(sys.argv))
