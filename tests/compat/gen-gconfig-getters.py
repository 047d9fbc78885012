#!/usr/bin/env python3
#
# gen-gconfig-getters.py: writes the getter table of the differential test
# against libvirt-gconfig 4.0
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# The fuzzer's generator (tests/fuzz/gen-gconfig-table.py) reads our public
# headers and the gtk-doc annotations of our sources; this one reuses its
# parsers and keeps only the functions libvirt-gconfig 4.0 also exports
# (libvirt-gconfig/libvirt-gconfig.symbols, dumped from Debian's library),
# so that the generated C file builds against both libraries. For every
# class it writes one function that calls each getter (_get_*, _is_*,
# _has_* taking the object and at most numbers, strings or a length out
# argument) and prints "PATH getter(args) = value" lines through the
# helpers of gconfig-getters.h; objects the getters return are printed by
# the same table, one level deeper.

import argparse
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    'gen_gconfig_table', os.path.join(HERE, '..', 'fuzz', 'gen-gconfig-table.py'))
table = importlib.util.module_from_spec(spec)
spec.loader.exec_module(table)

SIGNED_TYPES = {'gint', 'int', 'glong', 'gssize', 'time_t', 'gint32', 'gint64'}
FLOAT_TYPES = {'gdouble', 'double', 'gfloat'}


def c_string(text):
    return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')


class Generator(table.Generator):
    """The fuzzer's generator, with printing instead of consuming."""

    def result_code(self, f, call, length_out):
        ret, notes = f.ret, self.notes.get(f.name, [])
        transfer = table.transfer_of(notes)
        if ret in FLOAT_TYPES:
            return 'show_double (path, label, %s);' % call
        if ret in SIGNED_TYPES or ret in self.enums:
            return 'show_signed (path, label, (gint64) %s);' % call
        if ret in table.SCALAR_TYPES:
            return 'show_unsigned (path, label, (guint64) %s);' % call
        if ret in ('const gchar*', 'const char*'):
            return 'show_string (path, label, %s);' % call
        if ret in ('gchar*', 'char*'):
            return 'show_owned_string (path, label, %s);' % call
        if ret in ('gchar**', 'GStrv') and transfer in ('full', 'none'):
            return 'show_strv (path, label, %s, %s);' % (call, 'TRUE' if transfer == 'full' else 'FALSE')
        if ret.endswith('*') and ret[:-1] in table.SCALAR_TYPES and length_out and transfer == 'full':
            kind = 'signed' if ret[:-1] in SIGNED_TYPES else 'unsigned'
            return ('show_%s_array (path, label, %s, n_elements, sizeof (%s));'
                    % (kind, call, ret[:-1]))
        if self.is_class_ptr(ret) and transfer in ('full', 'none'):
            return ('show_object (path, label, (GVirConfigObject *) %s, depth, %s);'
                    % (call, 'TRUE' if transfer == 'full' else 'FALSE'))
        if ret == 'GList*':
            element = table.element_type_of(notes)
            if element in self.classes and transfer in ('full', 'container', 'none'):
                return ('show_object_list (path, label, %s, depth, %s, %s);'
                        % (call, 'TRUE' if transfer != 'none' else 'FALSE',
                           'TRUE' if transfer == 'full' else 'FALSE'))
            if (element in self.enums or element in table.SCALAR_TYPES) and transfer in ('container', 'none'):
                return ('show_number_list (path, label, %s, %s);'
                        % (call, 'TRUE' if transfer != 'none' else 'FALSE'))
        return super().result_code(f, call, length_out)

    def getter_code(self, f):
        sets, length_out = self.arg_sets(f)
        if sets is None:
            return None, length_out
        first = '(%s) self' % f.params[0].ctype.replace('*', ' *')
        short = f.name[len('gvir_config_'):]
        lines = []
        for args in sets:
            call = '%s (%s)' % (f.name, ', '.join([first] + args))
            code = self.result_code(f, call, length_out)
            if not code.startswith('show_'):
                return None, code
            shown = ', '.join(a.replace('&n_elements', 'out') for a in args)
            lines += ['{',
                      '  const char *label = %s;' % c_string('%s(%s)' % (short, shown))]
            if length_out:
                lines.append('  gsize n_elements = 0;')
            lines += ['  ' + code, '}']
        return lines, None

    def generate_getters(self, shared):
        getters = {}
        for f in sorted(self.functions.values(), key=lambda f: f.name):
            if not self.is_getter(f) or f.name not in shared:
                continue
            code, reason = self.getter_code(f)
            if code is None:
                self.skipped.append((f.name, reason))
                continue
            getters.setdefault(f.params[0].ctype[:-1], []).append(code)
        ctors = [f for f in self.constructors() if f.name in shared]

        out = [
            '/* Generated by tests/compat/gen-gconfig-getters.py from the public',
            ' * libvirt-gconfig headers and libvirt-gconfig 4.0\'s symbols: do not',
            ' * edit. */',
            '#include "gconfig-getters.h"',
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
        out.append('const GetterCtor getter_ctors[] = {')
        out += ['  { "%s", ctor_%s },' % (f.name[len('gvir_config_'):-len('_new_from_xml')], f.name)
                for f in ctors]
        out += ['};', 'const gsize getter_n_ctors = G_N_ELEMENTS (getter_ctors);', '']
        for owner in sorted(getters):
            out += ['static void',
                    'show_%s (GVirConfigObject *self, const char *path, guint depth)'
                    % self.classes[owner][0],
                    '{']
            for code in getters[owner]:
                out += ['  ' + line for line in code]
            out += ['}', '']
        out.append('const GetterClass getter_classes[] = {')
        for owner in sorted(getters):
            prefix = self.classes[owner][0]
            out.append('  { %s_get_type, show_%s },' % (prefix, prefix))
        out += ['};', 'const gsize getter_n_classes = G_N_ELEMENTS (getter_classes);', '']
        n_getters = sum(len(v) for v in getters.values())
        return '\n'.join(out) + '\n', len(ctors), n_getters, len(getters)


def shared_symbols(path):
    names = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            fields = line.split()
            if len(fields) == 2 and fields[0] != 'node' and not line.startswith('#'):
                names.add(fields[1])
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--output', required=True)
    ap.add_argument('--symbols', required=True, help="libvirt-gconfig 4.0's symbol table")
    ap.add_argument('--min-constructors', type=int, required=True)
    ap.add_argument('--min-getters', type=int, required=True)
    ap.add_argument('--headers', nargs='+', required=True)
    ap.add_argument('--sources', nargs='+', required=True)
    opts = ap.parse_args()

    headers = [h for h in opts.headers if not h.endswith('-private.h')]
    functions, classes, enums = table.parse_headers(headers)
    gen = Generator(functions, classes, enums, table.parse_annotations(opts.sources))
    text, n_ctors, n_getters, n_classes = gen.generate_getters(shared_symbols(opts.symbols))

    for name, reason in sorted(gen.skipped):
        print('gen-gconfig-getters: skipped %s: %s' % (name, reason))
    print('gen-gconfig-getters: %d constructors, %d getter calls over %d classes'
          % (n_ctors, n_getters, n_classes))
    if n_ctors < opts.min_constructors or n_getters < opts.min_getters:
        sys.exit('gen-gconfig-getters: expected at least %d constructors and %d getters: '
                 'did the headers change shape?' % (opts.min_constructors, opts.min_getters))
    with open(opts.output, 'w', encoding='utf-8') as f:
        f.write(text)


if __name__ == '__main__':
    main()
