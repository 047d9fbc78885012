#!/usr/bin/env python3
#
# check-no-bare-assert.py: no Python test relies on the assert statement
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# python3 -O removes assert statements, so a test written with them passes
# whatever the code does when run that way. Usage:
#
#   check-no-bare-assert.py PATH...
#
# Every PATH is a Python file (any name) or a folder searched for *.py. Prints each
# assert statement as FILE:LINE and exits 1 if there is any (or a file does
# not parse, or no file was found at all).

import ast
import os
import sys


def python_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith('.py'):
                        yield os.path.join(root, name)
        else:
            yield path


def main(paths):
    checked = 0
    found = 0
    for path in python_files(paths):
        with open(path, encoding='utf-8') as f:
            source = f.read()
        try:
            tree = ast.parse(source, filename=path)
        except SyntaxError as e:
            print('%s:%s: does not parse: %s' % (path, e.lineno, e.msg))
            return 1
        checked += 1
        for node in ast.walk(tree):
            if isinstance(node, ast.Assert):
                print('%s:%d: bare assert (python3 -O removes it): %s'
                      % (path, node.lineno, ast.get_source_segment(source, node.test)))
                found += 1
    if checked == 0:
        print('no Python file found in %s' % ' '.join(paths))
        return 1
    print('# %d Python files checked, %d assert statements' % (checked, found))
    return 1 if found else 0


if __name__ == '__main__':
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
