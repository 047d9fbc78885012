#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# check-doc-coverage.py DOC_BUILD_DIR MODULE
#
# Reads what gtk-doc wrote after building MODULE's manual and fails (TAP)
# unless every public symbol is documented with a description, every
# declared symbol is placed in a page and every page has a SECTION block.
# gtk-doc counts a comment with parameters but no description line as
# undocumented, which is what we want.

import os
import re
import sys

results = []


def check(ok, name, details=()):
    results.append((ok, name, list(details)))


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError as e:
        return e


def main():
    build_dir, module = sys.argv[1], sys.argv[2]

    undocumented = read(os.path.join(build_dir, module + '-undocumented.txt'))
    if isinstance(undocumented, Exception):
        check(False, '%s: gtk-doc report exists' % module, [str(undocumented)])
    else:
        match = re.match(r'(\d+)% symbol docs coverage\.\s*\n'
                         r'(\d+) symbols documented\.\s*\n'
                         r'(\d+) symbols incomplete\.\s*\n'
                         r'(\d+) not documented\.', undocumented)
        if match is None:
            check(False, '%s: gtk-doc report is readable' % module,
                  undocumented.splitlines()[:5])
        else:
            percent, documented, incomplete, missing = map(int, match.groups())
            listed = [line for line in undocumented[match.end():].splitlines()
                      if line.strip()]
            check(documented > 0, '%s: some symbols are documented (%d)'
                  % (module, documented))
            check(percent == 100 and incomplete == 0 and missing == 0,
                  '%s: 100%% symbol docs coverage (%d%%, %d incomplete, %d missing)'
                  % (module, percent, incomplete, missing), listed)

    unused = read(os.path.join(build_dir, module + '-unused.txt'))
    if not isinstance(unused, Exception):
        names = [line for line in unused.splitlines() if line.strip()]
        check(not names, '%s: every declared symbol is in a page' % module,
              ['not in any page: ' + n for n in names])

    print('1..%d' % len(results))
    for number, (ok, name, details) in enumerate(results, 1):
        print('%s %d - %s' % ('ok' if ok else 'not ok', number, name))
        for line in details:
            print('# ' + line)
    return 0 if all(ok for ok, _, _ in results) else 1


if __name__ == '__main__':
    sys.exit(main())
