#!/usr/bin/python3
# bench-qemu-floor.py: QEMU alone, for reference: from exec to a running
# guest (QMP reports "running") and from SIGTERM to exit, with the same
# tiny machine as the lifecycle benchmark (TCG, no disk).
#
# Usage: bench-qemu-floor.py DIR [ROUNDS]. Prints one line per round and
# the medians in milliseconds. Figures only.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import json
import os
import socket
import statistics
import subprocess
import sys
import time

QEMU = '/usr/bin/qemu-system-x86_64'


def qmp_until_running(sock_path, deadline):
    while True:
        try:
            s = socket.socket(socket.AF_UNIX)
            s.connect(sock_path)
            break
        except OSError:
            s.close()
            if time.monotonic() > deadline:
                raise TimeoutError('no monitor socket')
            time.sleep(0.001)
    f = s.makefile('rw')
    f.readline()  # greeting
    for cmd in ('qmp_capabilities', 'query-status'):
        f.write(json.dumps({'execute': cmd}) + '\n')
        f.flush()
        while True:
            reply = json.loads(f.readline())
            if 'return' in reply or 'error' in reply:
                break
    running = reply.get('return', {}).get('running')
    s.close()
    return running


def one_round(workdir):
    sock_path = os.path.join(workdir, 'qmp.sock')
    if os.path.exists(sock_path):
        os.unlink(sock_path)
    argv = [QEMU, '-machine', 'pc,accel=tcg', '-m', '64', '-smp', '1', '-nodefaults',
            '-no-user-config', '-display', 'none',
            '-qmp', 'unix:%s,server=on,wait=off' % sock_path]
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not qmp_until_running(sock_path, t0 + 30):
            raise RuntimeError('QEMU does not run')
        start_ms = (time.monotonic() - t0) * 1000
        t1 = time.monotonic()
        proc.terminate()
        proc.wait(timeout=30)
        stop_ms = (time.monotonic() - t1) * 1000
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    return start_ms, stop_ms


def main():
    workdir = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    starts, stops = [], []
    for i in range(rounds):
        start_ms, stop_ms = one_round(workdir)
        starts.append(start_ms)
        stops.append(stop_ms)
        print('round %d: start %.1f ms, exit %.1f ms' % (i + 1, start_ms, stop_ms))
    print('median start %.1f ms exit %.1f ms' % (statistics.median(starts),
                                                  statistics.median(stops)))


if __name__ == '__main__':
    main()
