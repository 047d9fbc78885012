#!/usr/bin/python3
# test-rpc-gen-table.py: the protocol generator refuses bad tables
#
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# This library is free software; you can redistribute it and/or
# modify it under the terms of the GNU Lesser General Public
# License as published by the Free Software Foundation; either
# version 2.1 of the License, or (at your option) any later version.
#
# Usage: test-rpc-gen-table.py GENERATOR
#
# Each bad table must make the generator exit with status 1, write no
# output, and print "TABLE:LINE: error: ..." naming the bad line. A good
# table must pass. TAP output.

import os
import subprocess
import sys
import tempfile

GOOD = '''const MAX 4
struct thing
  string<MAX> name
  array<int,MAX> values
end
proc 1 do_thing thing thing readonly
'''

# (what, table, line, words the message must contain)
BAD = [
    ('unknown type', GOOD.replace('array<int,MAX>', 'list<int>'), 4, "unknown type 'list<int>'"),
    ('undefined const', GOOD.replace('string<MAX>', 'string<NOPE>'), 3, "'NOPE'"),
    ('undefined struct', GOOD.replace('thing thing readonly', 'thing other readonly'), 6,
     "struct 'other' is not defined"),
    ('missing end', 'struct thing\n  int a\n', 1, "has no 'end'"),
    ('duplicate field', GOOD.replace('  array<int,MAX> values', '  int name'), 4,
     "field 'name' is defined twice"),
    ('duplicate number', GOOD + 'proc 1 again thing void\n', 7, 'procedure number 1 is already'),
    ('unsorted', GOOD + 'proc 3 c thing void\nproc 2 b thing void\n', 8, 'keep the table sorted'),
    ('unknown flag', GOOD.replace('readonly', 'fast'), 6, "unknown procedure flag 'fast'"),
    ('bad const', 'const max 4\n', 1, "expected 'const NAME NUMBER'"),
    ('unknown keyword', GOOD + 'procedure 2 x void void\n', 7, "not 'procedure'"),
    ('event with a reply', GOOD + 'proc 2 ev thing thing event\n', 7, 'an event has'),
    ('zero size', GOOD.replace('string<MAX>', 'string<0>'), 3, 'not between 1'),
    ('no procedure', 'const MAX 4\n', 1, 'defines no procedure'),
]


def run(generator, table_text, tmp):
    table = os.path.join(tmp, 'table.def')
    out_h = os.path.join(tmp, 'out.h')
    out_c = os.path.join(tmp, 'out.c')
    for path in (out_h, out_c):
        if os.path.exists(path):
            os.unlink(path)
    with open(table, 'w', encoding='utf-8') as f:
        f.write(table_text)
    proc = subprocess.run([sys.executable, generator, table, out_h, out_c],
                          capture_output=True, text=True, timeout=60)
    return proc, table, os.path.exists(out_h) or os.path.exists(out_c)


def main():
    generator = sys.argv[1]
    print('1..%d' % (len(BAD) + 1))
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        proc, _, wrote = run(generator, GOOD, tmp)
        ok = proc.returncode == 0 and wrote and 'gvir_rpc_call_do_thing' in \
            open(os.path.join(tmp, 'out.h'), encoding='utf-8').read()
        print('%s 1 - a good table generates' % ('ok' if ok else 'not ok'))
        failed += not ok
        for n, (what, text, line, words) in enumerate(BAD, start=2):
            proc, table, wrote = run(generator, text, tmp)
            prefix = '%s:%d: error: ' % (table, line)
            ok = (proc.returncode == 1 and not wrote and proc.stderr.startswith(prefix)
                  and words in proc.stderr)
            if not ok:
                print('# status %d, stderr: %s' % (proc.returncode, proc.stderr.strip()))
            print('%s %d - %s' % ('ok' if ok else 'not ok', n, what))
            failed += not ok
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
