#!/usr/bin/env python3
#
# check-public-callers.py: every public function has a caller in tests/
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# The public functions are read from the installed headers: every
# declaration that follows the export macro (GVIR_CONFIG_AVAILABLE_IN_ALL,
# GVIR_AVAILABLE_IN_ALL), including the <prefix>_get_type() that a
# G_DECLARE_*_TYPE() declares. A function counts as called when its C
# identifier occurs in the code (not in a comment or a string) of a C or
# Vala file under the tests folder. It also counts when a macro of the
# public headers that expands to a call of it occurs there (the TYPE macros
# GVIR_TYPE_X and GVIR_CONFIG_TYPE_X for *_get_type(), GVIR_ERROR for
# gvir_error_quark(), and macros expanding to those), and a *_get_type()
# when one of the inline functions its G_DECLARE_*_TYPE() defines occurs,
# since they all call it: the cast GVIR_X (), GVIR_IS_X () and, for
# derivable types and interfaces, GVIR_X_CLASS (), GVIR_IS_X_CLASS (),
# GVIR_X_GET_CLASS (), GVIR_X_GET_IFACE ().
#
# Usage:
#   check-public-callers.py TESTS_DIR --library NAME MIN_COUNT HEADER... [--library ...]
#   check-public-callers.py --self-test
#
# Prints every public function without a caller, one per line, and exits 1
# if there is any, or if a library has fewer than MIN_COUNT public
# functions (a parser that finds nothing must not pass).

import argparse
import os
import re
import sys

EXPORT_MACROS = ('GVIR_CONFIG_AVAILABLE_IN_ALL', 'GVIR_AVAILABLE_IN_ALL')
SOURCE_SUFFIXES = ('.c', '.h', '.vala', '.vapi')

IDENT = re.compile(r'[A-Za-z_][A-Za-z0-9_]*')
DECLARE_TYPE = re.compile(r'\bG_DECLARE_(FINAL|DERIVABLE|INTERFACE)_TYPE\s*\(\s*'
                          r'[A-Za-z_][A-Za-z0-9_]*\s*,\s*([A-Za-z_][A-Za-z0-9_]*)\s*,\s*'
                          r'([A-Za-z_][A-Za-z0-9_]*)\s*,\s*([A-Za-z_][A-Za-z0-9_]*)')
DEFINE = re.compile(r'^[ \t]*#[ \t]*define[ \t]+([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?([^\n]*)', re.M)


def strip_code(text, vala=False):
    """@text with comments and string and character literals blanked out
    (newlines kept), so that only code is left."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith('/*', i):
            end = text.find('*/', i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif text.startswith('//', i):
            end = text.find('\n', i)
            end = n if end < 0 else end
            out.append(' ' * (end - i))
            i = end
        elif vala and text.startswith('"""', i):
            end = text.find('"""', i + 3)
            end = n if end < 0 else end + 3
            out.append(re.sub(r'[^\n]', ' ', text[i:end]))
            i = end
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            end = min(j + 1, n)
            out.append(' ' * (end - i))
            i = end
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def join_continuations(text):
    return text.replace('\\\n', ' ')


def public_functions(header_text):
    """The public functions an installed header declares; the inline
    functions that call its get_type functions, as {get_type function: set
    of names}; and its macros, as {macro: identifiers in its expansion}."""
    code = join_continuations(strip_code(header_text))
    functions = []
    macros = {}
    defines = {m.group(1): set(IDENT.findall(m.group(3))) for m in DEFINE.finditer(code)}
    # Preprocessor lines are not declarations.
    code = re.sub(r'^[ \t]*#[^\n]*', '', code, flags=re.M)
    marker = re.compile(r'\b(?:%s)\b' % '|'.join(EXPORT_MACROS))
    for m in marker.finditer(code):
        rest = code[m.end():]
        declare = DECLARE_TYPE.match(rest.lstrip())
        if declare:
            kind, prefix, module, obj = declare.groups()
            get_type = prefix + '_get_type'
            functions.append(get_type)
            callers = {'%s_%s' % (module, obj), '%s_IS_%s' % (module, obj)}
            if kind == 'DERIVABLE':
                callers |= {'%s_%s_CLASS' % (module, obj), '%s_IS_%s_CLASS' % (module, obj),
                            '%s_%s_GET_CLASS' % (module, obj)}
            elif kind == 'INTERFACE':
                callers.add('%s_%s_GET_IFACE' % (module, obj))
            macros.setdefault(get_type, set()).update(callers)
            continue
        end = rest.find(';')
        if end < 0:
            raise ValueError('declaration after %s has no end: %r' % (m.group(0), rest[:80]))
        decl = rest[:end]
        paren = decl.find('(')
        if paren < 0:
            raise ValueError('no function after %s: %r' % (m.group(0), decl.strip()[:80]))
        names = IDENT.findall(decl[:paren])
        if not names:
            raise ValueError('no name in declaration %r' % decl.strip()[:80])
        functions.append(names[-1])
    return functions, macros, defines


def add_macro_callers(functions, callers, defines):
    """Adds to @callers ({function: names that call it}) every macro whose
    expansion names the function or, in turn, one of those names."""
    for func in functions:
        names = callers.setdefault(func, set())
        grown = True
        while grown:
            grown = False
            for macro, body in defines.items():
                if macro not in names and macro != func and body & (names | {func}):
                    names.add(macro)
                    grown = True


def used_identifiers(tests_dir):
    used = set()
    for root, dirs, files in os.walk(tests_dir):
        dirs.sort()
        for name in sorted(files):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = os.path.join(root, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            used.update(IDENT.findall(strip_code(text, vala=name.endswith(('.vala', '.vapi')))))
    return used


def uncalled(functions, callers, used):
    missing = []
    for func in functions:
        if func in used:
            continue
        if callers.get(func, set()) & used:
            continue
        missing.append(func)
    return missing


def check(tests_dir, libraries):
    used = used_identifiers(tests_dir)
    failed = False
    missing_all = []
    for name, min_count, headers in libraries:
        functions, callers, defines, where = [], {}, {}, {}
        for header in headers:
            with open(header, encoding='utf-8') as f:
                funcs, inline_callers, header_defines = public_functions(f.read())
            for func in funcs:
                where.setdefault(func, os.path.basename(header))
            functions += funcs
            for func, names in inline_callers.items():
                callers.setdefault(func, set()).update(names)
            defines.update(header_defines)
        functions = sorted(set(functions))
        add_macro_callers(functions, callers, defines)
        missing = uncalled(functions, callers, used)
        print('# %s: %d public functions in %d headers, %d without a caller in %s'
              % (name, len(functions), len(headers), len(missing), tests_dir), file=sys.stderr)
        if len(functions) < min_count:
            print('# %s: only %d public functions found, expected at least %d: the header '
                  'parser is broken' % (name, len(functions), min_count), file=sys.stderr)
            failed = True
        missing_all += [(func, where[func]) for func in missing]
    for func, header in missing_all:
        print('%s (%s)' % (func, header))
    if missing_all:
        print('# %d public functions have no caller under %s'
              % (len(missing_all), tests_dir), file=sys.stderr)
    return 1 if failed or missing_all else 0


SELF_TEST_HEADER = r'''
/**
 * GVIR_CONFIG_TYPE_THING:
 *
 * GVIR_CONFIG_AVAILABLE_IN_ALL void gvir_config_in_a_comment (void);
 */
#define GVIR_CONFIG_TYPE_THING (gvir_config_thing_get_type ())
#define GVIR_CONFIG_TYPE_OTHER \
  (gvir_config_other_get_type ())
#define GVIR_CONFIG_THING_MAX 4
#define GVIR_CONFIG_THING_ERROR (gvir_config_thing_error_quark ())
#define GVIR_CONFIG_THING_OLD_ERROR GVIR_CONFIG_THING_ERROR

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigThing, gvir_config_thing,
                      GVIR_CONFIG, THING, GVirConfigObject)
GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigOther, gvir_config_other, GVIR_CONFIG, OTHER, GObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_thing_get_name (GVirConfigThing *thing);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *
gvir_config_thing_get_parts (GVirConfigThing *thing,
                             GError         **error);
GVIR_CONFIG_AVAILABLE_IN_ALL guint64 gvir_config_thing_size(GVirConfigThing *thing);
GVIR_CONFIG_AVAILABLE_IN_ALL
GType gvir_config_thing_kind_get_type (void) G_GNUC_CONST;
GVIR_CONFIG_AVAILABLE_IN_ALL
GQuark gvir_config_thing_error_quark (void);
void gvir_config_thing_unexported (void);
'''

SELF_TEST_CALLER = r'''
/* gvir_config_thing_get_parts (thing, NULL) is only in a comment */
// gvir_config_thing_size (thing) too
static const char *s = "gvir_config_thing_kind_get_type ()";
static const char c = '"';
GType t = GVIR_CONFIG_TYPE_THING;
const gchar *n = gvir_config_thing_get_name (thing);
const char *e = "escaped \" gvir_config_other_get_type GVIR_CONFIG_OTHER (x)";
GQuark q = GVIR_CONFIG_THING_OLD_ERROR;
'''


def self_test():
    failures = []

    def expect(what, got, wanted):
        if got != wanted:
            failures.append('%s: got %r, expected %r' % (what, got, wanted))

    functions, macros, defines = public_functions(SELF_TEST_HEADER)
    add_macro_callers(functions, macros, defines)
    expect('functions', sorted(functions), sorted([
        'gvir_config_thing_get_type', 'gvir_config_other_get_type',
        'gvir_config_thing_get_name', 'gvir_config_thing_get_parts',
        'gvir_config_thing_size', 'gvir_config_thing_kind_get_type',
        'gvir_config_thing_error_quark']))
    expect('callers', {k: v for k, v in macros.items() if v}, {
        'gvir_config_thing_error_quark': {'GVIR_CONFIG_THING_ERROR',
                                          'GVIR_CONFIG_THING_OLD_ERROR'},
        'gvir_config_thing_get_type': {'GVIR_CONFIG_TYPE_THING', 'GVIR_CONFIG_THING',
                                       'GVIR_CONFIG_IS_THING'},
        'gvir_config_other_get_type': {'GVIR_CONFIG_TYPE_OTHER', 'GVIR_CONFIG_OTHER',
                                       'GVIR_CONFIG_IS_OTHER', 'GVIR_CONFIG_OTHER_CLASS',
                                       'GVIR_CONFIG_IS_OTHER_CLASS',
                                       'GVIR_CONFIG_OTHER_GET_CLASS'}})
    used = set(IDENT.findall(strip_code(SELF_TEST_CALLER)))
    expect('uncalled', uncalled(sorted(functions), macros, used), [
        'gvir_config_other_get_type', 'gvir_config_thing_get_parts',
        'gvir_config_thing_kind_get_type', 'gvir_config_thing_size'])
    used.add('GVIR_CONFIG_OTHER_GET_CLASS')
    expect('uncalled with GET_CLASS', uncalled(sorted(functions), macros, used), [
        'gvir_config_thing_get_parts', 'gvir_config_thing_kind_get_type',
        'gvir_config_thing_size'])
    expect('vala strings', IDENT.findall(strip_code('var x = """a "b" gvir_c ()""";', vala=True)),
           ['var', 'x'])
    for failure in failures:
        print('self-test failed: ' + failure)
    if not failures:
        print('self-test passed')
    return 1 if failures else 0


def main():
    if sys.argv[1:] == ['--self-test']:
        return self_test()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('tests_dir')
    parser.add_argument('--library', nargs='+', action='append', required=True,
                        metavar='NAME MIN_COUNT HEADER',
                        help='a library name, its minimum number of public functions '
                             'and its installed headers')
    args = parser.parse_args()
    libraries = []
    for lib in args.library:
        if len(lib) < 3:
            parser.error('--library needs NAME MIN_COUNT and at least one header')
        libraries.append((lib[0], int(lib[1]), lib[2:]))
    return check(args.tests_dir, libraries)


if __name__ == '__main__':
    sys.exit(main())
