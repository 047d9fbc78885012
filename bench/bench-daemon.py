#!/usr/bin/python3
# bench-daemon.py: the measurements of bench-daemon.sh, which starts the
# daemons and names them: NAME=PID=URI for each.
#
# Usage: /usr/bin/python3 bench-daemon.py [--calls N] [--rounds R] NAME=PID=URI...
#
# Throughput and latency: get_info of the test domain through
# python3-libvirt, from 1 and from 8 client processes (each with its own
# connection), CALLS calls in all per measure after a warm-up; each round
# measures every daemon in turn (the order alternates), and the table
# shows each figure's median over the rounds. Memory: each daemon's VmRSS
# after one client came and went (idle), and with 100 connections open.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import argparse
import os
import multiprocessing
import statistics
import time

import libvirt

N_MEMORY_CLIENTS = 100


def rss_kib(pid):
    with open('/proc/%d/status' % pid) as status:
        for line in status:
            if line.startswith('VmRSS:'):
                return int(line.split()[1])
    raise RuntimeError('no VmRSS for pid %d' % pid)


def cpu_seconds(pid):
    """The daemon's user and system CPU time so far."""
    with open('/proc/%d/stat' % pid) as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def client_run(uri, calls, start, out):
    """One client process: its own connection, a warm-up, then calls
    timed one by one once every client is ready."""
    conn = libvirt.open(uri)
    dom = conn.lookupByName('test')
    for _ in range(200):
        dom.info()
    start.wait()
    latencies = []
    for _ in range(calls):
        t0 = time.perf_counter()
        dom.info()
        latencies.append(time.perf_counter() - t0)
    conn.close()
    out.put(latencies)


def measure(pid, uri, clients, calls):
    """(calls per second, median latency us, p99 latency us, daemon CPU
    us per call)."""
    start = multiprocessing.Event()
    out = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=client_run, args=(uri, calls // clients, start, out))
             for _ in range(clients)]
    for p in procs:
        p.start()
    time.sleep(0.5)  # the clients connect and warm up
    t0 = time.perf_counter()
    cpu0 = cpu_seconds(pid)
    start.set()
    latencies = []
    for _ in procs:
        latencies.extend(out.get())
    elapsed = time.perf_counter() - t0
    cpu = cpu_seconds(pid) - cpu0
    for p in procs:
        p.join()
    latencies.sort()
    n = len(latencies)
    return (n / elapsed, latencies[n // 2] * 1e6, latencies[min(n - 1, int(n * 0.99))] * 1e6,
            cpu * 1e6 / n)


def memory(pid, uri):
    """(idle KiB, KiB with 100 connections open)."""
    first = libvirt.open(uri)
    first.lookupByName('test').info()
    first.close()
    time.sleep(0.5)
    idle = rss_kib(pid)
    conns = [libvirt.open(uri) for _ in range(N_MEMORY_CLIENTS)]
    for c in conns:
        c.lookupByName('test').info()
    loaded = rss_kib(pid)
    for c in conns:
        c.close()
    return idle, loaded


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--calls', type=int, default=20000)
    parser.add_argument('--rounds', type=int, default=3)
    parser.add_argument('daemons', nargs='+')
    args = parser.parse_args()
    daemons = [d.split('=', 2) for d in args.daemons]

    mem = {name: memory(int(pid), uri) for name, pid, uri in daemons}
    figures = {(name, c): [] for name, _, _ in daemons for c in (1, 8)}
    for r in range(args.rounds):
        order = daemons if r % 2 == 0 else list(reversed(daemons))
        for name, pid, uri in order:
            for clients in (1, 8):
                figures[(name, clients)].append(measure(int(pid), uri, clients, args.calls))

    print('%-10s %7s %12s %12s %10s %16s'
          % ('daemon', 'clients', 'calls/s', 'median us', 'p99 us', 'daemon CPU us/call'))
    for name, _, _ in daemons:
        for clients in (1, 8):
            runs = figures[(name, clients)]
            print('%-10s %7d %12.0f %12.1f %10.1f %16.1f'
                  % (name, clients, statistics.median(r[0] for r in runs),
                     statistics.median(r[1] for r in runs), statistics.median(r[2] for r in runs),
                     statistics.median(r[3] for r in runs)))
    print()
    print('%-10s %12s %16s' % ('daemon', 'idle RSS KiB', '100-client KiB'))
    for name, _, _ in daemons:
        print('%-10s %12d %16d' % (name, mem[name][0], mem[name][1]))
    if len(daemons) == 2:
        (a, _, _), (b, _, _) = daemons
        print()
        for clients in (1, 8):
            ra = statistics.median(r[0] for r in figures[(a, clients)])
            rb = statistics.median(r[0] for r in figures[(b, clients)])
            print('%d client(s): %s/%s throughput %.2fx' % (clients, a, b, ra / rb))


if __name__ == '__main__':
    main()
