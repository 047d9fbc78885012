#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# Drives LibvirtGConfig-1.0 and LibvirtGObject-1.0 through PyGObject, the way
# a Python application would, and reports the results as TAP.
#
# Must run under Debian's /usr/bin/python3 (python3-gi), with GI_TYPELIB_PATH
# and LD_LIBRARY_PATH pointing at the build tree first.

import sys
import traceback

import gi
gi.require_version('GLib', '2.0')
gi.require_version('LibvirtGConfig', '1.0')
gi.require_version('LibvirtGObject', '1.0')
from gi.repository import GLib, LibvirtGConfig, LibvirtGObject  # noqa: E402

URI = 'test:///default'
# A missing signal or a lost async reply must fail the test, not hang it.
TIMEOUT_SECONDS = 10
ERROR_DOMAIN = 'gvir-error-quark'


def open_connection(read_only=False):
    conn = LibvirtGObject.Connection.new(URI)
    if read_only:
        conn.open_read_only(None)
    else:
        conn.open(None)
    conn.fetch_domains(None)
    return conn


def assert_gvir_error(exc, code, what):
    assert exc.domain == ERROR_DOMAIN, \
        '%s: domain %s, expected %s' % (what, exc.domain, ERROR_DOMAIN)
    assert exc.code == int(code), \
        '%s: code %d (%s), expected %d' % (what, exc.code, exc.message, int(code))


class Loop:
    """A GLib main loop that gives up after TIMEOUT_SECONDS."""

    def __init__(self):
        self.loop = GLib.MainLoop()
        self.timed_out = False

    def _on_timeout(self):
        self.timed_out = True
        self.loop.quit()
        return GLib.SOURCE_REMOVE

    def run(self):
        source = GLib.timeout_add_seconds(TIMEOUT_SECONDS, self._on_timeout)
        self.loop.run()
        if not self.timed_out:
            GLib.source_remove(source)
        assert not self.timed_out, 'timed out waiting in the main loop'

    def quit(self):
        self.loop.quit()


def test_init():
    LibvirtGObject.init_object_check(None)


def test_list_domains():
    conn = open_connection()
    names = sorted(d.get_name() for d in conn.get_domains())
    assert names == ['test'], 'domains %r' % names
    dom = conn.find_domain_by_name('test')
    assert dom is not None
    assert dom.get_uuid() == '6695eb01-f6a4-8304-79aa-97f2502e193f', dom.get_uuid()
    assert dom.get_id() == 1, dom.get_id()
    assert conn.find_domain_by_name('no-such-domain') is None
    conn.close()


def test_node_info():
    conn = open_connection()
    info = conn.get_node_info()
    assert info.cpus == 16, info.cpus
    assert info.mhz == 1400, info.mhz
    assert info.nodes == 2, info.nodes
    assert info.sockets == 2 and info.cores == 2 and info.threads == 2
    assert info.memory == 3145728, info.memory
    assert info.model == 'i686', repr(info.model)
    conn.close()


def test_capabilities_cells():
    conn = open_connection()
    caps = conn.get_capabilities()
    assert isinstance(caps, LibvirtGConfig.Capabilities)
    host = caps.get_host()
    assert host is not None
    cells = host.get_cells()
    assert len(cells) == 2, 'cells %r' % cells
    conn.close()


def test_domain_info():
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    info = dom.get_info()
    assert info.state == LibvirtGObject.DomainState.RUNNING, info.state
    assert info.max_mem == 8388608, info.max_mem
    assert info.memory == 2097152, info.memory
    assert info.nr_virt_cpu == 2, info.nr_virt_cpu
    conn.close()


def test_async_lifecycle():
    """open_async, then suspend/resume/stop/start through *_async in a main
    loop; every step must complete and emit its detailed signal."""
    loop = Loop()
    conn = LibvirtGObject.Connection.new(URI)
    opened = []

    def on_opened(c, res):
        try:
            opened.append(c.open_finish(res))
        finally:
            loop.quit()

    conn.open_async(None, on_opened)
    loop.run()
    assert opened == [True], opened

    fetched = []

    def on_fetched(c, res):
        try:
            fetched.append(c.fetch_domains_finish(res))
        finally:
            loop.quit()

    conn.fetch_domains_async(None, on_fetched)
    loop.run()
    assert fetched == [True], fetched

    dom = conn.find_domain_by_name('test')
    assert dom is not None
    events = []
    for signal in ('started::booted', 'stopped::destroyed',
                   'suspended::paused', 'resumed::unpaused'):
        dom.connect(signal, lambda d, s=signal: events.append(s))
    # The plain signals with any detail, to catch a wrong detail as well.
    any_events = []
    for signal in ('started', 'stopped', 'suspended', 'resumed'):
        dom.connect(signal, lambda d, s=signal: any_events.append(s))

    steps = [
        ('suspend', lambda cb: dom.suspend_async(None, cb),
         dom.suspend_finish, 'suspended::paused', LibvirtGObject.DomainState.PAUSED),
        ('resume', lambda cb: dom.resume_async(None, cb),
         dom.resume_finish, 'resumed::unpaused', LibvirtGObject.DomainState.RUNNING),
        ('stop', lambda cb: dom.stop_async(0, None, cb),
         dom.stop_finish, 'stopped::destroyed', LibvirtGObject.DomainState.SHUTOFF),
        ('start', lambda cb: dom.start_async(0, None, cb),
         dom.start_finish, 'started::booted', LibvirtGObject.DomainState.RUNNING),
    ]
    for name, call, finish, signal, state in steps:
        results = []

        def on_done(d, res, finish=finish):
            try:
                results.append(finish(res))
            except GLib.Error as e:
                results.append(e)
            maybe_quit()

        def maybe_quit(signal=signal):
            if results and signal in events:
                loop.quit()

        handler = dom.connect(signal.split('::')[0], lambda d: maybe_quit())
        call(on_done)
        loop.run()
        dom.disconnect(handler)
        assert results == [True], '%s: %r' % (name, results)
        assert signal in events, '%s: no %s signal (got %r)' % (name, signal, events)
        got_state = dom.get_info().state
        assert got_state == state, '%s: state %r, expected %r' % (name, got_state, state)

    assert events == ['suspended::paused', 'resumed::unpaused',
                      'stopped::destroyed', 'started::booted'], events
    assert any_events == ['suspended', 'resumed', 'stopped', 'started'], any_events
    # A restarted domain gets a fresh id.
    assert dom.get_id() > 1, dom.get_id()
    conn.close()


def test_error_operation_invalid():
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    dom.stop(0)
    try:
        try:
            dom.suspend()
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.OPERATION_INVALID,
                              'suspend of a stopped domain')
            assert e.message, 'empty error message'
        else:
            raise AssertionError('suspend of a stopped domain succeeded')
    finally:
        dom.start(0)
        conn.close()


def test_error_read_only():
    conn = open_connection(read_only=True)
    assert conn.is_read_only()
    dom = conn.find_domain_by_name('test')
    try:
        dom.suspend()
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.READ_ONLY,
                          'suspend on a read-only connection')
    else:
        raise AssertionError('suspend on a read-only connection succeeded')
    assert dom.get_info().state == LibvirtGObject.DomainState.RUNNING
    conn.close()


def test_error_bad_xml():
    try:
        LibvirtGConfig.Domain.new_from_xml('<domain><name>x</nam></domain>')
    except GLib.Error as e:
        assert e.message, 'empty error message'
    else:
        raise AssertionError('malformed XML was accepted')


def test_gconfig_round_trip():
    xml = ("<domain type='test'><name>rt</name>"
           "<uuid>c7a5fdbd-cdaf-9455-926a-d65c16db1809</uuid>"
           "<memory unit='MiB'>512</memory><vcpu>3</vcpu>"
           "<os><type>hvm</type></os>"
           "<devices><unknown-device foo='bar'/></devices></domain>")
    dom = LibvirtGConfig.Domain.new_from_xml(xml)
    assert dom.get_name() == 'rt'
    assert dom.get_uuid() == 'c7a5fdbd-cdaf-9455-926a-d65c16db1809'
    assert dom.get_memory() == 512 * 1024, dom.get_memory()
    assert dom.get_vcpus() == 3, dom.get_vcpus()
    out = dom.to_xml()
    assert 'unknown-device' in out, out
    again = LibvirtGConfig.Domain.new_from_xml(out)
    assert again.get_name() == 'rt' and again.get_memory() == 512 * 1024
    assert again.to_xml() == out


def test_gconfig_from_scratch():
    dom = LibvirtGConfig.Domain.new()
    dom.set_name('scratch')
    dom.set_memory(262144)
    dom.set_vcpus(2)
    xml = dom.to_xml()
    back = LibvirtGConfig.Domain.new_from_xml(xml)
    assert back.get_name() == 'scratch', xml
    assert back.get_memory() == 262144, xml
    assert back.get_vcpus() == 2, xml
    # The GObject properties see the same values as the accessors.
    assert back.props.name == 'scratch'


def test_domain_config():
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    config = dom.get_config(0)
    assert isinstance(config, LibvirtGConfig.Domain)
    assert config.get_name() == 'test'
    assert config.get_memory() == 8388608, config.get_memory()
    assert '<name>test</name>' in config.to_xml()
    conn.close()


def test_nodesets():
    Nodeset = LibvirtGObject.Nodeset
    parsed = Nodeset.new_from_string('0-3,^2,5')
    assert parsed.to_string() == '0-1,3,5', parsed.to_string()
    assert list(parsed.get_nodes()) == [0, 1, 3, 5], parsed.get_nodes()
    assert parsed.count() == 4 and parsed.contains(3) and not parsed.contains(2)
    other = Nodeset.new_from_string(' 4-6 ')
    assert parsed.union(other).to_string() == '0-1,3-6'
    assert parsed.intersect(other).to_string() == '5'
    assert parsed.difference(other).to_string() == '0-1,3'
    assert parsed.difference(parsed).is_empty()
    assert Nodeset.new_from_nodes([2, 0, 1]).equal(Nodeset.new_from_string('0-2'))
    for bad in ('', '3-1', '0,^0', 'x', '16384'):
        try:
            Nodeset.new_from_string(bad)
        except GLib.Error as e:
            assert e.domain == ERROR_DOMAIN, (bad, e.domain)
        else:
            raise AssertionError('nodeset %r was accepted' % bad)


def test_host_cells():
    conn = open_connection()
    cells = conn.get_node_cells(None)
    assert [c.get_id() for c in cells] == [0, 1], cells
    for cell, mem_kib, free in zip(cells, (2097152, 4194304), (1 << 30, 2 << 30)):
        cid = cell.get_id()
        assert list(cell.get_cpus()) == list(range(cid * 8, cid * 8 + 8)), cell.get_cpus()
        assert cell.get_memory() == mem_kib * 1024, cell.get_memory()
        assert cell.props.memory == mem_kib * 1024
        assert cell.get_free_memory() == free, cell.get_free_memory()
        assert list(cell.get_sibling_ids()) == [0, 1]
        assert cell.get_distance(cid) == 10 and cell.get_distance(1 - cid) == 20
        assert cell.get_distance(9) == 0
        assert 4096 in cell.get_page_sizes(), cell.get_page_sizes()
    free = conn.get_cells_free_memory(0, 2)
    assert list(free) == [1 << 30, 2 << 30], free
    try:
        conn.get_cells_free_memory(2, 1)
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NOT_FOUND, 'free memory past the last cell')
    else:
        raise AssertionError('free memory of cell 2 was reported')
    host = conn.get_host_nodeset()
    assert host.to_string() == '0-1', host.to_string()
    assert conn.nodeset_is_available(LibvirtGObject.Nodeset.new_from_string('1'))
    try:
        conn.nodeset_is_available(LibvirtGObject.Nodeset.new_from_string('0,4'))
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NUMA_UNAVAILABLE, 'node 4')
        assert e.message == 'NUMA node 4 is unavailable: host has nodes 0-1', e.message
    else:
        raise AssertionError('node 4 was available')
    conn.close()


def test_domain_numa():
    Impact = LibvirtGObject.DomainModificationImpact
    Mode = LibvirtGObject.DomainNumatuneMode
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    try:
        ok, mode, nodeset = dom.get_numa_parameters(Impact.LIVE)
        assert ok and mode == Mode.STRICT and nodeset is None, (ok, mode, nodeset)

        both = LibvirtGObject.Nodeset.new_from_string('0-1')
        dom.set_numa_parameters(Mode.INTERLEAVE, both, Impact.CONFIG)
        ok, mode, nodeset = dom.get_numa_parameters(Impact.CONFIG)
        assert mode == Mode.INTERLEAVE, mode
        assert nodeset.to_string() == '0-1', nodeset.to_string()
        xml = dom.get_config(LibvirtGObject.DomainXMLFlags.INACTIVE).to_xml()
        assert '<numatune>' in xml, xml
        assert ('mode="interleave"' in xml or "mode='interleave'" in xml), xml
        assert ('nodeset="0-1"' in xml or "nodeset='0-1'" in xml), xml

        dom.set_numa_nodeset(LibvirtGObject.Nodeset.new_from_string('1'), Impact.LIVE)
        ok, mode, nodeset = dom.get_numa_parameters(Impact.LIVE)
        assert mode == Mode.STRICT and nodeset.to_string() == '1', (mode, nodeset)
        try:
            dom.set_numa_mode(Mode.PREFERRED, Impact.LIVE)
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.OPERATION_INVALID, 'live mode change')
        else:
            raise AssertionError('the mode of a running domain changed live')
        try:
            dom.set_numa_nodeset(LibvirtGObject.Nodeset.new_from_string('3'), Impact.LIVE)
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.NUMA_UNAVAILABLE, 'node 3')
        else:
            raise AssertionError('node 3 was accepted')

        loop = Loop()
        results = []

        def on_done(d, res):
            try:
                results.append(d.get_numa_parameters_finish(res))
            finally:
                loop.quit()

        dom.get_numa_parameters_async(Impact.LIVE, None, on_done)
        loop.run()
        ok, mode, nodeset = results[0]
        assert mode == Mode.STRICT and nodeset.to_string() == '1', results
    finally:
        conn.close()


TESTS = [
    test_init,
    test_list_domains,
    test_node_info,
    test_capabilities_cells,
    test_domain_info,
    test_async_lifecycle,
    test_error_operation_invalid,
    test_error_read_only,
    test_error_bad_xml,
    test_gconfig_round_trip,
    test_gconfig_from_scratch,
    test_domain_config,
    test_nodesets,
    test_host_cells,
    test_domain_numa,
]


def main():
    print('1..%d' % len(TESTS))
    failed = 0
    for number, test in enumerate(TESTS, 1):
        try:
            test()
        except Exception:  # report every failure, keep running the rest
            failed += 1
            print('not ok %d - %s' % (number, test.__name__))
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
        else:
            print('ok %d - %s' % (number, test.__name__))
        sys.stdout.flush()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
