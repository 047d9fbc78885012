#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# check-gconfig-layout.py SOURCE_DIR
#
# TAP test of libvirt-gconfig's component folders (SOURCE_DIR is the
# libvirt-gconfig/ source folder):
#  1. core/ includes only core/: the base class and the shared parsers must
#     build without any document class;
#  2. every header name is unique across the folders, since the headers are
#     installed (and copied into the build tree) in one flat folder;
#  3. no cycle of includes between classes (a .c and its .h, or -private.h,
#     count as one class);
#  4. no cycle of calls between the .c files, comments and strings aside: a
#     file never calls into a file that, directly or not, calls back.

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]libvirt-gconfig/([^>"]+)[>"]', re.M)
# GNU style puts the return type on its own line, the name at the line start.
DEFINITION = re.compile(r'^(_?gvir\w+)\s*\(', re.M)
CALL = re.compile(r'\b(_?gvir\w+)\s*\(')
# Generated or umbrella headers: they belong to no folder.
UMBRELLA = {'libvirt-gconfig.h', 'libvirt-gconfig-enums.h'}

results = []


def check(ok, name, details=()):
    results.append((ok, name, list(details)))


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def code_only(text):
    """The text without comments and string contents (doc examples name calls)."""
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'"(?:\\.|[^"\\])*"', '""', text)


def class_of(name):
    """foo.c, foo.h and foo-private.h are one class (and nodeset-private.c
    with its header)."""
    stem = name[:-2]
    return stem[:-len('-private')] if stem.endswith('-private') else stem


def find_cycles(graph):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for succ in sorted(graph.get(node, ())):
            if succ not in index:
                visit(succ)
                low[node] = min(low[node], low[succ])
            elif succ in on_stack:
                low[node] = min(low[node], index[succ])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    sys.setrecursionlimit(max(1000, 4 * len(graph) + 100))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def collect(source_dir):
    """{relative path: text} of every .c and .h under source_dir."""
    files = {}
    for root, dirs, names in os.walk(source_dir):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(('.c', '.h')):
                path = os.path.join(root, name)
                files[os.path.relpath(path, source_dir)] = read(path)
    return files


def check_core(files, folder_of):
    wrong = []
    for path, text in files.items():
        if os.path.dirname(path) != 'core':
            continue
        for header in INCLUDE.findall(text):
            if header in UMBRELLA or folder_of.get(header) != 'core':
                wrong.append('%s includes %s (%s)'
                             % (path, header, folder_of.get(header, 'not core')))
    check(not wrong, 'core/ includes only core/ headers', wrong)


def check_unique_headers(files):
    seen = {}
    for path in files:
        if path.endswith('.h'):
            seen.setdefault(os.path.basename(path), []).append(path)
    twice = ['%s: %s' % (name, ', '.join(paths))
             for name, paths in sorted(seen.items()) if len(paths) > 1]
    check(not twice, 'every header name is unique across the folders', twice)


def check_include_cycles(files):
    graph = {}
    for path, text in files.items():
        own = class_of(os.path.basename(path))
        edges = graph.setdefault(own, set())
        for header in INCLUDE.findall(code_only(text)):
            if header not in UMBRELLA and class_of(header) != own:
                edges.add(class_of(header))
    cycles = find_cycles(graph)
    check(not cycles, 'no include cycle between classes',
          [' <-> '.join(c) for c in cycles])


def check_call_cycles(files):
    sources = {os.path.basename(p)[:-2]: code_only(t)
               for p, t in files.items() if p.endswith('.c')}
    defined_in = {}
    for unit, text in sources.items():
        for match in DEFINITION.finditer(text):
            line_start = text.rfind('\n', 0, match.start() - 1) + 1
            if not text[line_start:match.start()].startswith('static'):
                defined_in.setdefault(match.group(1), unit)
    graph = {}
    for unit, text in sources.items():
        graph[unit] = {defined_in[name] for name in set(CALL.findall(text))
                       if defined_in.get(name, unit) != unit}
    check(len(defined_in) > 100,
          'the call scan finds the library functions (%d)' % len(defined_in))
    cycles = find_cycles(graph)
    check(not cycles, 'no call cycle between source files',
          [' <-> '.join(c) for c in cycles])


def main():
    if len(sys.argv) != 2:
        print('usage: check-gconfig-layout.py SOURCE_DIR', file=sys.stderr)
        return 2
    files = collect(sys.argv[1])
    folder_of = {os.path.basename(p): os.path.dirname(p) for p in files}
    check('core/libvirt-gconfig-object.c' in files,
          'the component folders are where expected (%d files)' % len(files))
    check_core(files, folder_of)
    check_unique_headers(files)
    check_include_cycles(files)
    check_call_cycles(files)

    print('1..%d' % len(results))
    for number, (ok, name, details) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        for line in details:
            print('# ' + line)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
