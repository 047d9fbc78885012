#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# check-gir.py GIR LIBRARY [SYMBOL-PREFIX...]
#
# Checks that a generated .gir and the shared library agree (TAP output):
#  - every callable the GIR names is exported by the library (a function
#    declared in a header but never defined makes bindings fail at call time);
#  - every exported public symbol is reachable from the GIR (a function the
#    scanner skipped is invisible to Python, GJS and Vala); symbols in a
#    private version node are internal and skipped;
#  - nothing from libxml2 or other third-party libraries leaks into the GIR;
#  - an error domain registered as a GType enum is marked glib:error-domain,
#    so bindings can match error codes.

import subprocess
import sys
import xml.etree.ElementTree as ET

CORE = '{http://www.gtk.org/introspection/core/1.0}'
C = '{http://www.gtk.org/introspection/c/1.0}'
GLIB = '{http://www.gtk.org/introspection/glib/1.0}'

# Internal to libvirt-glib too, yet exported by it (LIBVIRT_GCONFIG_0.0.8,
# no installed header, not in its GIR): we export them under the same node
# for binary compatibility, and they are no more API here than there.
INTERNAL_IN_LIBVIRT_GLIB = {'gvir_config_xml_doc_get_type', 'gvir_config_xml_doc_new'}

results = []


def check(ok, name, details=()):
    results.append((ok, name, list(details)))


def exported_symbols(library):
    """Returns (all, public): every exported symbol, and those not in a
    *_PRIVATE_* version node (internal functions exported only so that
    tests can preload mocks of them; they are not API)."""
    out = subprocess.run(['nm', '-D', '--defined-only', library],
                         check=True, capture_output=True, text=True).stdout
    symbols, public = set(), set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3 and fields[1] in 'TDBR':
            name, _, version = fields[2].partition('@')
            symbols.add(name)
            if '_PRIVATE_' not in version and name not in INTERNAL_IN_LIBVIRT_GLIB:
                public.add(name)
    return symbols, public


def gir_symbols(root):
    """Returns (callables, reachable): the C functions the GIR lets bindings
    call, and those plus the get_type functions it records."""
    callables = {node.get(C + 'identifier')
                 for tag in ('function', 'method', 'constructor')
                 for node in root.iter(CORE + tag)
                 if node.get(C + 'identifier')}
    reachable = set(callables)
    reachable.update(node.get(GLIB + 'get-type') for node in root.iter()
                     if node.get(GLIB + 'get-type'))
    return callables, reachable


def main():
    gir, library, prefixes = sys.argv[1], sys.argv[2], tuple(sys.argv[3:])
    root = ET.parse(gir).getroot()
    exported, exported_public = exported_symbols(library)
    callables, reachable = gir_symbols(root)

    missing = sorted(s for s in callables if s not in exported)
    check(not missing, 'every GIR callable is exported by the library',
          ['not exported: ' + s for s in missing])

    public = {s for s in exported_public if s.startswith(prefixes)}
    # Error quarks are represented as glib:error-domain, not as callables.
    hidden = sorted(s for s in public - reachable if not s.endswith('_error_quark'))
    check(not hidden, 'every exported symbol is in the GIR',
          ['not in the GIR: ' + s for s in hidden])

    foreign = sorted({n.get('name') for n in root.iter(CORE + 'type')
                      if (n.get('name') or '').startswith('xml')}
                     | {n.get(C + 'type') for n in root.iter(CORE + 'type')
                        if (n.get(C + 'type') or '').startswith('xml')})
    check(not foreign, 'no libxml2 type in the GIR', foreign)

    unintrospectable = sorted(n.get(C + 'identifier') or n.get('name')
                              for n in root.iter()
                              if n.get('introspectable') == '0'
                              and n.tag != CORE + 'callback')
    check(not unintrospectable, 'every symbol is introspectable',
          ['introspectable="0": %s' % s for s in unintrospectable])

    domains = [n.get('name') for n in root.iter(CORE + 'enumeration')
               if n.get(GLIB + 'error-domain')]
    check(domains, 'an error domain is declared', [])

    print('1..%d' % len(results))
    for number, (ok, name, details) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        for line in details:
            print('# ' + line)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
