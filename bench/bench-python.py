#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# bench-python.py [URI] [CALLS]: cost of Domain.get_info() seen from Python,
# i.e. the driver call plus the PyGObject marshalling of the boxed result.
# Prints figures only. Run with Debian's /usr/bin/python3 and the build tree
# first on GI_TYPELIB_PATH and LD_LIBRARY_PATH (for example in `meson devenv`).

import sys
import time

import gi
gi.require_version('LibvirtGObject', '1.0')
from gi.repository import LibvirtGObject  # noqa: E402


def main():
    uri = sys.argv[1] if len(sys.argv) > 1 else 'test:///default'
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 100000

    conn = LibvirtGObject.Connection.new(uri)
    start = time.perf_counter()
    conn.open(None)
    conn.fetch_domains(None)
    print('%-30s %10.1f ms' % ('open + fetch_domains', (time.perf_counter() - start) * 1e3))

    domains = conn.get_domains()
    if not domains:
        print('bench-python.py: %s has no domain' % uri, file=sys.stderr)
        return 1

    # Spread the calls over all domains, as a UI refreshing a list would.
    start = time.perf_counter()
    for i in range(calls):
        domains[i % len(domains)].get_info()
    elapsed = time.perf_counter() - start
    print('%-30s %10.1f ms  (%.2f us per call, %d calls over %d domains)'
          % ('get_info', elapsed * 1e3, elapsed * 1e6 / calls, calls, len(domains)))

    # The Python attribute access on the boxed struct, for comparison.
    info = domains[0].get_info()
    start = time.perf_counter()
    for _ in range(calls):
        (info.state, info.memory, info.nr_virt_cpu, info.cpu_time)
    elapsed = time.perf_counter() - start
    print('%-30s %10.1f ms  (%.2f us per access of 4 fields)'
          % ('DomainInfo field reads', elapsed * 1e3, elapsed * 1e6 / calls))
    conn.close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
