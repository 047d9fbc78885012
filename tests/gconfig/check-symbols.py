#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# check-symbols.py LIST LIBRARY
#
# TAP test: every function name in LIST (one a line, '#' comments allowed)
# must be exported by the shared LIBRARY (nm -D --defined-only). LIST holds
# the names libvirt-gconfig's library exports, so that a program linked
# against it links against ours too. Fails naming each missing symbol.

import subprocess
import sys


def wanted_names(path):
    names = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                names.append(line)
    return names


def exported_names(library):
    out = subprocess.run(['nm', '-D', '--defined-only', library],
                         check=True, capture_output=True, text=True).stdout
    names = set()
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 3:
            names.add(fields[2].partition('@')[0])
    return names


def main():
    if len(sys.argv) != 3:
        print('usage: check-symbols.py LIST LIBRARY', file=sys.stderr)
        return 2
    wanted = wanted_names(sys.argv[1])
    exported = exported_names(sys.argv[2])

    print('1..2')
    # An empty or truncated list would make the check pass vacuously.
    if len(wanted) >= 500:
        print('ok 1 - the list names %d symbols' % len(wanted))
    else:
        print('not ok 1 - the list names only %d symbols' % len(wanted))

    missing = [name for name in wanted if name not in exported]
    if missing:
        print('not ok 2 - %d of %d symbols are not exported' % (len(missing), len(wanted)))
        for name in missing:
            print('# missing: %s' % name)
    else:
        print('ok 2 - all %d symbols are exported' % len(wanted))
    return 0


if __name__ == '__main__':
    sys.exit(main())
