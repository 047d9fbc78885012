# checks.py: assertions for the Python binding tests that python3 -O keeps
# (it strips assert statements). The tests import it from their own folder.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later


def check(condition, message):
    if not condition:
        raise AssertionError(message if isinstance(message, str) else repr(message))


def check_equal(got, expected, what=None):
    if got != expected:
        raise AssertionError('%sgot %r, expected %r'
                             % ('' if what is None else '%s: ' % (what,), got, expected))
