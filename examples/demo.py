#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# demo.py: the same tour as demo.c, from Python through GObject introspection.
#
# Usage: demo.py [URI]   (default: test:///default)
#
# Connects, prints the host and its NUMA cells, lists the domains, then
# suspends, resumes, stops and starts the first running domain with the
# asynchronous API, printing each lifecycle signal as it arrives.

import sys

import gi
gi.require_version('GLib', '2.0')
gi.require_version('LibvirtGConfig', '1.0')
gi.require_version('LibvirtGObject', '1.0')
from gi.repository import GLib, LibvirtGObject  # noqa: E402

# Give up when an operation or its signal has not arrived by then.
STEP_TIMEOUT_SECONDS = 10


def print_host(conn):
    info = conn.get_node_info()
    print('Host: model %s, %u CPUs at %u MHz, %u KiB memory, %u NUMA node(s)'
          % (info.model, info.cpus, info.mhz, info.memory, info.nodes))
    print('  NUMA nodes: %s' % conn.get_host_nodeset().to_string())
    # A host may describe no cells (file-based test hosts): the list is empty.
    for cell in conn.get_node_cells(None):
        distances = ' '.join('%u:%u' % (other, cell.get_distance(other))
                             for other in cell.get_sibling_ids())
        print('  NUMA cell %u: %u MiB memory, %u MiB free, CPUs %s, distances %s'
              % (cell.get_id(), cell.get_memory() >> 20, cell.get_free_memory() >> 20,
                 ','.join(str(cpu) for cpu in cell.get_cpus()), distances))


def list_domains(conn):
    """Prints the domains and returns the first running one (or None)."""
    conn.fetch_domains(None)
    print('Domains:')
    running = None
    for domain in conn.get_domains():
        state = domain.get_info().state
        print('  %-20s %s' % (domain.get_name(), state.value_nick))
        if running is None and state == LibvirtGObject.DomainState.RUNNING:
            running = domain
    return running


class Lifecycle:
    """Runs suspend, resume, stop and start one after the other; a step is
    over when its _finish returned and its signal arrived, in either order."""

    def __init__(self, domain):
        self.domain = domain
        self.loop = GLib.MainLoop()
        self.steps = [
            ('suspend', lambda cb: domain.suspend_async(None, cb),
             domain.suspend_finish, 'suspended::paused'),
            ('resume', lambda cb: domain.resume_async(None, cb),
             domain.resume_finish, 'resumed::unpaused'),
            ('stop', lambda cb: domain.stop_async(0, None, cb),
             domain.stop_finish, 'stopped::destroyed'),
            ('start', lambda cb: domain.start_async(0, None, cb),
             domain.start_finish, 'started::booted'),
        ]
        self.index = 0
        self.done = False
        self.seen = False
        self.error = None

    def _on_signal(self, name):
        # The detailed variants tell which detail was emitted.
        for detail in ('booted', 'destroyed', 'paused', 'unpaused',
                       'restored', 'saved', 'shutdown', 'crashed'):
            self.domain.connect('%s::%s' % (name, detail),
                                lambda d, e='%s::%s' % (name, detail): self._event(e))

    def _event(self, event):
        print('  event: %s' % event)
        if self.index < len(self.steps) and event == self.steps[self.index][3]:
            self.seen = True
            self._maybe_next()

    def _on_done(self, domain, result):
        name, _, finish, _ = self.steps[self.index]
        try:
            finish(result)
            print('%s: done' % name)
            self.done = True
        except GLib.Error as e:
            print('%s: failed' % name)
            self.error = e.message
        self._maybe_next()

    def _maybe_next(self):
        if self.error is not None:
            self.loop.quit()
        elif self.done and self.seen:
            self.index += 1
            if self.index == len(self.steps):
                self.loop.quit()
            else:
                self._run_step()

    def _run_step(self):
        self.done = self.seen = False
        self.steps[self.index][1](self._on_done)

    def _on_timeout(self):
        self.error = 'step "%s" did not complete with %s within %d seconds' % (
            self.steps[self.index][0], self.steps[self.index][3],
            STEP_TIMEOUT_SECONDS)
        self.loop.quit()
        return GLib.SOURCE_REMOVE

    def run(self):
        print('Lifecycle of %s:' % self.domain.get_name())
        for name in ('started', 'stopped', 'suspended', 'resumed'):
            self._on_signal(name)
        timeout = GLib.timeout_add_seconds(STEP_TIMEOUT_SECONDS * len(self.steps),
                                           self._on_timeout)
        self._run_step()
        self.loop.run()
        if self.error is None:
            GLib.source_remove(timeout)
            return True
        print('demo.py: %s' % self.error, file=sys.stderr)
        return False


def main():
    uri = sys.argv[1] if len(sys.argv) > 1 else 'test:///default'
    try:
        LibvirtGObject.init_object_check(None)
        conn = LibvirtGObject.Connection.new(uri)
        conn.open(None)
        print('Connected to %s' % conn.get_uri())
        print_host(conn)
        domain = list_domains(conn)
    except GLib.Error as e:
        print('demo.py: %s' % e.message, file=sys.stderr)
        return 1

    ok = True
    if domain is None:
        print('No running domain: skipping the lifecycle')
    else:
        ok = Lifecycle(domain).run()
    conn.close()
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
