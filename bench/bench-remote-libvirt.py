#!/usr/bin/python3
# bench-remote-libvirt.py: the reference figures of bench-remote, measured
# through libvirt's own client (python3-libvirt) on the same URI.
#
# Usage: /usr/bin/python3 bench-remote-libvirt.py URI [CALLS] [DOMAIN]
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import sys
import threading
import time

import libvirt

CONCURRENCY = 8


def report(label, latencies, elapsed, cpu):
    latencies.sort()
    n = len(latencies)
    print("%-28s %8u calls  %9.0f calls/s  median %7.1f us  p99 %7.1f us"
          "  cpu %6.1f us/call"
          % (label, n, n / elapsed, latencies[n // 2] * 1e6,
             latencies[min(n - 1, int(n * 0.99))] * 1e6, cpu * 1e6 / n))


def run_calls(dom, calls, out):
    for _ in range(calls):
        t0 = time.perf_counter()
        dom.info()
        out.append(time.perf_counter() - t0)


def main():
    uri = sys.argv[1]
    calls = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    name = sys.argv[3] if len(sys.argv) > 3 else "test"

    conn = libvirt.open(uri)
    dom = conn.lookupByName(name)

    run_calls(dom, min(calls, 1000), [])
    latencies = []
    start = time.perf_counter()
    cpu = time.process_time()
    run_calls(dom, calls, latencies)
    report("libvirt, 1 caller", latencies, time.perf_counter() - start,
           time.process_time() - cpu)

    # libvirt-python releases the GIL around each call, so threads overlap.
    per_thread = [[] for _ in range(CONCURRENCY)]
    threads = [threading.Thread(target=run_calls,
                                args=(dom, calls // CONCURRENCY, per_thread[i]))
               for i in range(CONCURRENCY)]
    start = time.perf_counter()
    cpu = time.process_time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report("libvirt, 8 callers (threads)",
           [x for lst in per_thread for x in lst], time.perf_counter() - start,
           time.process_time() - cpu)
    conn.close()


if __name__ == "__main__":
    main()
