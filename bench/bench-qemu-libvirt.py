#!/usr/bin/python3
# bench-qemu-libvirt.py: the lifecycle benchmark through libvirt's own QEMU
# driver (python3-libvirt, qemu:///embed?root=DIR: the driver runs in this
# process, like ours), with the same domain XML: define + start to running,
# then destroy, then undefine.
#
# Usage: bench-qemu-libvirt.py ROOT DOMAIN_XML_FILE [ROUNDS]. Prints one line
# per round and the medians in milliseconds. Figures only.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
import statistics
import sys
import threading
import time

import libvirt


def run_event_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def main():
    root, xml_file = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    with open(xml_file) as f:
        xml = f.read()
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_event_loop, daemon=True).start()
    conn = libvirt.open('qemu:///embed?root=%s' % root)
    starts, destroys = [], []
    for i in range(rounds):
        t0 = time.monotonic()
        dom = conn.defineXML(xml)
        dom.create()
        start_ms = (time.monotonic() - t0) * 1000
        t1 = time.monotonic()
        dom.destroy()
        destroy_ms = (time.monotonic() - t1) * 1000
        dom.undefine()
        starts.append(start_ms)
        destroys.append(destroy_ms)
        print('round %d: start %.1f ms, destroy %.1f ms' % (i + 1, start_ms, destroy_ms))
    print('median start %.1f ms destroy %.1f ms' % (statistics.median(starts),
                                                     statistics.median(destroys)))
    conn.close()


if __name__ == '__main__':
    main()
