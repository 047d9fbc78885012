#!/usr/bin/env python3
#
# gen-gconfig-table.py: writes the call table of the libvirt-gconfig fuzzer
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# Reads the public libvirt-gconfig headers (declarations) and the library
# sources (gtk-doc "Returns:" annotations, for ownership) and writes a C
# file with:
#   - one wrapper per gvir_config_*_new_from_xml (xml, error) constructor,
#     in the table fuzz_gconfig_ctors[];
#   - one "exercise" function per class calling every getter
#     (_get_*, _is_*, _has_*) it can call safely, and the dispatcher
#     fuzz_gconfig_exercise() that runs the getters of an object's class and
#     of all its parent classes.
# It also turns the seed corpus into fuzzer inputs: a seed is plain XML
# named CLASS.LABEL.xml (CLASS is the constructor's name without
# gvir_config_ and _new_from_xml); its input is the index of that
# constructor in the table (one byte) followed by the XML, so seeds keep
# their meaning when constructors are added.
# A new header or getter is covered at the next build without edits here.
# The generator prints what it covers and skips, and fails when it covers
# fewer constructors or getters than the floors given on the command line,
# so that a change in the headers' shape cannot silently empty the table.

import argparse
import os
import re
import sys

SCALAR_TYPES = {
    'gboolean', 'gint', 'guint', 'gint64', 'guint64', 'int', 'unsigned int',
    'glong', 'gulong', 'gsize', 'gssize', 'time_t', 'gint32', 'guint32',
    'gdouble', 'double', 'gfloat',
}
INTEGER_ARG_TYPES = {
    'gint', 'guint', 'gint64', 'guint64', 'int', 'unsigned int', 'glong',
    'gulong', 'gsize', 'gint32', 'guint32',
}
# Values passed to getters that take a number (an id, an index, a size):
# the first entries, out-of-range ones and a huge one.
INTEGER_ARG_VALUES = ['0', '1', '3', 'G_MAXINT32']
STRING_ARG_VALUES = ['""', '"/dev/sda"', '"http://libvirt.org/schemas/domain/test/1.0"']


def strip_c(text):
    """Removes comments and preprocessor lines, keeps declarations."""
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    text = re.sub(r'//[^\n]*', ' ', text)
    return re.sub(r'^\s*#.*$', ' ', text, flags=re.M)


def norm(s):
    return ' '.join(s.replace('*', ' * ').split()).replace(' *', '*').replace('* ', '*')


class Param:
    def __init__(self, text):
        text = ' '.join(text.split())
        m = re.match(r'^(.*?)(\w+)$', text)
        if m is None or text in ('void', ''):
            self.ctype, self.name = norm(text), ''
        else:
            self.ctype, self.name = norm(m.group(1)), m.group(2)


class Function:
    def __init__(self, name, ret, params):
        self.name = name
        self.ret = norm(ret)
        self.params = [Param(p) for p in params.split(',')] if params.strip() not in ('', 'void') else []


def parse_headers(paths):
    functions = {}
    classes = {}      # type name -> (symbol prefix, parent type name)
    enums = set()
    for path in paths:
        with open(path, encoding='utf-8') as f:
            text = strip_c(f.read())
        for m in re.finditer(r'typedef\s+enum\s*\{[^}]*\}\s*(\w+)\s*;', text):
            enums.add(m.group(1))
        for m in re.finditer(r'G_DECLARE_(?:FINAL|DERIVABLE)_TYPE\s*\(\s*(\w+)\s*,\s*(\w+)\s*,'
                             r'\s*\w+\s*,\s*\w+\s*,\s*(\w+)\s*\)', text):
            classes[m.group(1)] = (m.group(2), m.group(3))
        for decl in text.split(';'):
            decl = ' '.join(decl.split())
            m = re.search(r'(gvir_config_\w+)\s*\(([^()]*)\)$', decl)
            if m is None:
                continue
            # The return type: what follows the previous macro call or
            # struct, without the visibility and G_BEGIN_DECLS macros.
            ret = re.split(r'[)}]', decl[:m.start()])[-1]
            ret = re.sub(r'\b[A-Z][A-Z0-9_]*\b', ' ', ret)
            functions[m.group(1)] = Function(m.group(1), ret, m.group(2))
    return functions, classes, enums


def parse_annotations(paths):
    """Maps a function name to the annotations of its "Returns:" line."""
    notes = {}
    for path in paths:
        with open(path, encoding='utf-8') as f:
            text = f.read()
        for block in re.finditer(r'/\*\*\s*\n\s*\*\s*(\w+):\s*\n(.*?)\*/', text, flags=re.S):
            m = re.search(r'Returns:\s*((?:\([^)]*\)\s*)*)', block.group(2))
            if m:
                notes[block.group(1)] = re.findall(r'\(([^)]*)\)', m.group(1))
    return notes


def transfer_of(notes):
    for n in notes:
        if n.startswith('transfer '):
            return n.split()[1]
    return None


def element_type_of(notes):
    for n in notes:
        if n.startswith('element-type '):
            name = n.split()[1]
            return 'GVirConfig' + name.split('.', 1)[1] if name.startswith('LibvirtGConfig.') else name
    return None


class Generator:
    def __init__(self, functions, classes, enums, notes):
        self.functions = functions
        self.classes = classes
        self.enums = enums
        self.notes = notes
        self.skipped = []

    def is_class_ptr(self, ctype):
        return ctype.endswith('*') and ctype[:-1] in self.classes

    def is_getter(self, f):
        if f.name.endswith('_get_type') or not f.params:
            return False
        if not re.search(r'_(get|is|has)_\w+$', f.name):
            return False
        return self.is_class_ptr(f.params[0].ctype)

    def constructors(self):
        out = []
        for f in sorted(self.functions.values(), key=lambda f: f.name):
            if not f.name.endswith('_new_from_xml'):
                continue
            types = [p.ctype for p in f.params]
            if types == ['const gchar*', 'GError**'] or types == ['const char*', 'GError**']:
                if self.is_class_ptr(f.ret):
                    out.append(f)
                    continue
            self.skipped.append((f.name, 'constructor does not take (xml, error)'))
        return out

    # ---- one getter call ------------------------------------------------

    def arg_sets(self, f):
        """Lists the argument lists to call @f with, or a reason to skip."""
        sets = [[]]
        length_out = None
        for p in f.params[1:]:
            if p.ctype in INTEGER_ARG_TYPES:
                values = INTEGER_ARG_VALUES
            elif p.ctype in self.enums:
                values = ['(%s) 0' % p.ctype]
            elif p.ctype in ('const gchar*', 'const char*'):
                values = STRING_ARG_VALUES
            elif p.ctype == 'gsize*' and length_out is None:
                length_out = p.name
                values = ['&n_elements']
            else:
                return None, 'cannot pass a %s' % p.ctype
            sets = [s + [v] for s in sets for v in values]
        return sets, length_out

    def result_code(self, f, call, length_out):
        """C statements that call and consume the result, or a reason."""
        ret, notes = f.ret, self.notes.get(f.name, [])
        transfer = transfer_of(notes)
        if ret in SCALAR_TYPES or ret in self.enums:
            return 'fuzz_sink_value ((guint64) %s);' % call
        if ret in ('const gchar*', 'const char*'):
            return 'fuzz_touch_string (%s);' % call
        if ret in ('gchar*', 'char*'):
            return 'fuzz_consume_string (%s);' % call
        if ret in ('gchar**', 'GStrv'):
            if transfer == 'full':
                return 'fuzz_consume_strv (%s);' % call
            if transfer == 'none':
                return 'fuzz_touch_strv (%s);' % call
            return 'no transfer annotation on a string array'
        if ret.endswith('*') and ret[:-1] in SCALAR_TYPES and length_out:
            if transfer != 'full':
                return 'array not (transfer full)'
            return ('fuzz_consume_memory (%s, n_elements * sizeof (%s));'
                    % (call, ret[:-1]))
        if self.is_class_ptr(ret):
            if transfer == 'full':
                return 'fuzz_consume_object ((GVirConfigObject *) %s, depth, TRUE);' % call
            if transfer == 'none':
                return 'fuzz_consume_object ((GVirConfigObject *) %s, depth, FALSE);' % call
            return 'no transfer annotation on an object'
        if ret == 'GList*':
            element = element_type_of(notes)
            if element is None or transfer not in ('full', 'container', 'none'):
                return 'GList without element-type and transfer annotations'
            if element in self.classes:
                return ('fuzz_consume_object_list (%s, depth, %s, %s);'
                        % (call, 'TRUE' if transfer != 'none' else 'FALSE',
                           'TRUE' if transfer == 'full' else 'FALSE'))
            if element in self.enums or element in SCALAR_TYPES:
                return ('fuzz_consume_list (%s, %s);'
                        % (call, 'TRUE' if transfer != 'none' else 'FALSE'))
            return 'GList of %s' % element
        return 'returns %s' % ret

    def getter_code(self, f):
        sets, length_out = self.arg_sets(f)
        if sets is None:
            return None, length_out
        first = '(%s) self' % f.params[0].ctype.replace('*', ' *')
        lines = []
        for args in sets:
            call = '%s (%s)' % (f.name, ', '.join([first] + args))
            code = self.result_code(f, call, length_out)
            if not code.endswith(';'):
                return None, code
            lines.append(code)
        if length_out:
            return ['{', '  gsize n_elements = 0;'] + ['  ' + l for l in lines] + ['}'], None
        return lines, None

    # ---- the file -------------------------------------------------------

    def generate(self):
        ctors = self.constructors()
        getters = {}
        for f in sorted(self.functions.values(), key=lambda f: f.name):
            if not self.is_getter(f):
                continue
            code, reason = self.getter_code(f)
            if code is None:
                self.skipped.append((f.name, reason))
                continue
            owner = f.params[0].ctype[:-1]
            getters.setdefault(owner, []).append((f.name, code))

        out = [
            '/* Generated by tests/fuzz/gen-gconfig-table.py from the public',
            ' * libvirt-gconfig headers: do not edit. */',
            '#include "config.h"',
            '',
            '#include "fuzz-gconfig-table.h"',
            '',
        ]
        for f in ctors:
            out += [
                'static GVirConfigObject *',
                'ctor_%s (const gchar *xml, GError **error)' % f.name,
                '{',
                '  return (GVirConfigObject *) %s (xml, error);' % f.name,
                '}',
                '',
            ]
        out.append('const FuzzGConfigCtor fuzz_gconfig_ctors[] = {')
        out += ['  { "%s", ctor_%s },' % (f.name, f.name) for f in ctors]
        out += ['};', 'const gsize fuzz_gconfig_n_ctors = G_N_ELEMENTS (fuzz_gconfig_ctors);', '']

        for owner in sorted(getters):
            out += [
                'static void',
                'exercise_%s (GVirConfigObject *self, guint depth)' % self.classes[owner][0],
                '{',
            ]
            for name, code in getters[owner]:
                out += ['  ' + line for line in code]
            out += ['}', '']

        out.append('const FuzzGConfigClass fuzz_gconfig_classes[] = {')
        for owner in sorted(getters):
            prefix = self.classes[owner][0]
            out.append('  { %s_get_type, exercise_%s },' % (prefix, prefix))
        out += ['};', 'const gsize fuzz_gconfig_n_classes = G_N_ELEMENTS (fuzz_gconfig_classes);', '']

        n_getters = sum(len(v) for v in getters.values())
        return '\n'.join(out) + '\n', ctors, n_getters, len(getters)


def write_seeds(ctors, seeds, outdir):
    index = {f.name[len('gvir_config_'):-len('_new_from_xml')]: i for i, f in enumerate(ctors)}
    if len(index) > 256:
        sys.exit('gen-gconfig-table: more than 256 constructors do not fit the input\'s first byte')
    for seed in seeds:
        base = os.path.basename(seed)
        short = base.split('.', 1)[0]
        if short not in index:
            sys.exit('gen-gconfig-table: seed %s names no constructor '
                     '(expected gvir_config_%s_new_from_xml)' % (seed, short))
        with open(seed, 'rb') as f:
            xml = f.read()
        with open(os.path.join(outdir, 'seed-gconfig-' + base[:-len('.xml')]), 'wb') as f:
            f.write(bytes([index[short]]) + xml)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--output', required=True)
    ap.add_argument('--min-constructors', type=int, required=True)
    ap.add_argument('--min-getters', type=int, required=True)
    ap.add_argument('--headers', nargs='+', required=True)
    ap.add_argument('--sources', nargs='+', required=True)
    ap.add_argument('--seeds', nargs='*', default=[])
    opts = ap.parse_args()

    headers = [h for h in opts.headers if not h.endswith('-private.h')]
    functions, classes, enums = parse_headers(headers)
    notes = parse_annotations(opts.sources)
    gen = Generator(functions, classes, enums, notes)
    text, ctors, n_getters, n_classes = gen.generate()
    n_ctors = len(ctors)

    for name, reason in sorted(gen.skipped):
        print('gen-gconfig-table: skipped %s: %s' % (name, reason))
    print('gen-gconfig-table: %d constructors, %d getters over %d classes'
          % (n_ctors, n_getters, n_classes))
    if n_ctors < opts.min_constructors or n_getters < opts.min_getters:
        sys.exit('gen-gconfig-table: expected at least %d constructors and %d getters: '
                 'did the headers change shape?' % (opts.min_constructors, opts.min_getters))

    with open(opts.output, 'w', encoding='utf-8') as f:
        f.write(text)
    write_seeds(ctors, opts.seeds, os.path.dirname(opts.output) or '.')


if __name__ == '__main__':
    main()
