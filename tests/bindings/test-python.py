#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# Drives LibvirtGConfig-1.0 and LibvirtGObject-1.0 through PyGObject, the way
# a Python application would, and reports the results as TAP.
#
# Must run under Debian's /usr/bin/python3 (python3-gi), with GI_TYPELIB_PATH
# and LD_LIBRARY_PATH pointing at the build tree first.

import os
import sys
import traceback

import gi
gi.require_version('GLib', '2.0')
gi.require_version('LibvirtGConfig', '1.0')
gi.require_version('LibvirtGObject', '1.0')
from gi.repository import GLib, GObject, LibvirtGConfig, LibvirtGObject  # noqa: E402
from checks import check, check_equal  # noqa: E402  (python3 -O keeps these)

URI = 'test:///default'
# A missing signal or a lost async reply must fail the test, not hang it:
# the bound of tests/common/gvir-test-wait.h, stretched the same way.
TIMEOUT_SECONDS = 20 * int(os.environ.get('GVIR_TEST_WAIT_MULTIPLIER', '1'))
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
    check_equal(exc.domain, ERROR_DOMAIN, '%s: error domain' % what)
    check_equal(exc.code, int(code), '%s: error code (message %r)' % (what, exc.message))


class Loop:
    """A GLib main loop whose every run gives up after TIMEOUT_SECONDS,
    failing with what it waited for."""

    def __init__(self):
        self.loop = GLib.MainLoop()
        self.timed_out = False

    def _on_timeout(self):
        self.timed_out = True
        self.loop.quit()
        return GLib.SOURCE_REMOVE

    def run(self, what):
        self.timed_out = False
        source = GLib.timeout_add_seconds(TIMEOUT_SECONDS, self._on_timeout)
        self.loop.run()
        if not self.timed_out:
            GLib.source_remove(source)
        check(not self.timed_out,
              'timed out after %d s waiting for %s' % (TIMEOUT_SECONDS, what))

    def quit(self):
        self.loop.quit()


def test_init():
    LibvirtGObject.init_object_check(None)


def test_list_domains():
    conn = open_connection()
    names = sorted(d.get_name() for d in conn.get_domains())
    check_equal(names, ['test'], 'domains %r' % names)
    dom = conn.find_domain_by_name('test')
    check(dom is not None, 'dom is not None')
    check_equal(dom.get_uuid(), '6695eb01-f6a4-8304-79aa-97f2502e193f')
    check_equal(dom.get_id(), 1)
    check_equal(conn.find_domain_by_name('no-such-domain'), None)
    conn.close()


def test_node_info():
    conn = open_connection()
    info = conn.get_node_info()
    check_equal(info.cpus, 16)
    check_equal(info.mhz, 1400)
    check_equal(info.nodes, 2)
    check_equal((info.sockets, info.cores, info.threads), (2, 2, 2), 'sockets, cores, threads')
    check_equal(info.memory, 3145728)
    check_equal(info.model, 'i686')
    conn.close()


def test_capabilities_cells():
    conn = open_connection()
    caps = conn.get_capabilities()
    check(isinstance(caps, LibvirtGConfig.Capabilities), 'capabilities are a %r' % type(caps))
    host = caps.get_host()
    check(host is not None, 'host is not None')
    cells = host.get_cells()
    check_equal([(c.get_id(), c.get_memory()) for c in cells], [(0, 2097152), (1, 4194304)],
                'capabilities cells (id, KiB)')
    conn.close()


def test_domain_info():
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    info = dom.get_info()
    check_equal(info.state, LibvirtGObject.DomainState.RUNNING)
    # libvirt-glib's field names, so that scripts written for it keep working.
    check_equal(info.maxMem, 8388608)
    check_equal(info.memory, 2097152)
    check_equal(info.nrVirtCpu, 2)
    check(isinstance(info.cpuTime, int), 'cpuTime is a %r' % type(info.cpuTime))
    # The domain runs: its CPU time never goes backwards between two reads.
    later = dom.get_info()
    check(later.cpuTime >= info.cpuTime, 'cpuTime %d then %d' % (info.cpuTime, later.cpuTime))
    # The C-only snake_case aliases are not in the GIR.
    check(not hasattr(info, 'max_mem'), 'max_mem is not a binding field')
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
    loop.run('open_async to complete')
    check_equal(opened, [True])

    fetched = []

    def on_fetched(c, res):
        try:
            fetched.append(c.fetch_domains_finish(res))
        finally:
            loop.quit()

    conn.fetch_domains_async(None, on_fetched)
    loop.run('fetch_domains_async to complete')
    check_equal(fetched, [True])

    dom = conn.find_domain_by_name('test')
    check(dom is not None, 'dom is not None')
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
        loop.run('%s_async to complete and emit %s' % (name, signal))
        dom.disconnect(handler)
        check_equal(results, [True], '%s: %r' % (name, results))
        check(signal in events, '%s: no %s signal (got %r)' % (name, signal, events))
        got_state = dom.get_info().state
        check_equal(got_state, state, '%s: state %r, expected %r' % (name, got_state, state))

    check_equal(events, ['suspended::paused', 'resumed::unpaused',
                      'stopped::destroyed', 'started::booted'], events)
    check_equal(any_events, ['suspended', 'resumed', 'stopped', 'started'])
    # A restarted domain gets a fresh id.
    check_equal(dom.get_id(), 2)
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
            check_equal(e.message, "domain 'test' is not running")
        else:
            raise AssertionError('suspend of a stopped domain succeeded')
    finally:
        dom.start(0)
        conn.close()


def test_error_read_only():
    conn = open_connection(read_only=True)
    check(conn.is_read_only(), 'conn.is_read_only()')
    dom = conn.find_domain_by_name('test')
    try:
        dom.suspend()
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.READ_ONLY,
                          'suspend on a read-only connection')
        check('read-only' in e.message and 'suspend' in e.message, e.message)
    else:
        raise AssertionError('suspend on a read-only connection succeeded')
    check_equal(dom.get_info().state, LibvirtGObject.DomainState.RUNNING)
    conn.close()


def test_error_bad_xml():
    try:
        LibvirtGConfig.Domain.new_from_xml('<domain><name>x</nam></domain>')
    except GLib.Error as e:
        check_equal(e.domain, 'gvir-config-error-quark', 'error domain')
        check_equal(e.code, int(LibvirtGConfig.Error.XML), 'error code')
        check(e.message.startswith('Malformed XML at line 1'), e.message)
    else:
        raise AssertionError('malformed XML was accepted')


def test_gconfig_round_trip():
    xml = ("<domain type='test'><name>rt</name>"
           "<uuid>c7a5fdbd-cdaf-9455-926a-d65c16db1809</uuid>"
           "<memory unit='MiB'>512</memory><vcpu>3</vcpu>"
           "<os><type>hvm</type></os>"
           "<devices><unknown-device foo='bar'/></devices></domain>")
    dom = LibvirtGConfig.Domain.new_from_xml(xml)
    check_equal(dom.get_name(), 'rt')
    check_equal(dom.get_uuid(), 'c7a5fdbd-cdaf-9455-926a-d65c16db1809')
    check_equal(dom.get_memory(), 512 * 1024)
    check_equal(dom.get_vcpus(), 3)
    out = dom.to_xml()
    check('unknown-device' in out, out)
    again = LibvirtGConfig.Domain.new_from_xml(out)
    check_equal(again.get_name(), 'rt')
    check_equal(again.get_memory(), 512 * 1024)
    check_equal(again.to_xml(), out)


def test_gconfig_from_scratch():
    dom = LibvirtGConfig.Domain.new()
    dom.set_name('scratch')
    dom.set_memory(262144)
    dom.set_vcpus(2)
    xml = dom.to_xml()
    back = LibvirtGConfig.Domain.new_from_xml(xml)
    check_equal(back.get_name(), 'scratch', xml)
    check_equal(back.get_memory(), 262144, xml)
    check_equal(back.get_vcpus(), 2, xml)
    # The GObject properties see the same values as the accessors.
    check_equal(back.props.name, 'scratch')


def test_domain_config():
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    config = dom.get_config(0)
    check(isinstance(config, LibvirtGConfig.Domain), 'isinstance(config, LibvirtGConfig.Domain)')
    check_equal(config.get_name(), 'test')
    check_equal(config.get_memory(), 8388608)
    check('<name>test</name>' in config.to_xml(), "'<name>test</name>' in config.to_xml()")
    conn.close()


def test_nodesets():
    Nodeset = LibvirtGObject.Nodeset
    parsed = Nodeset.new_from_string('0-3,^2,5')
    check_equal(parsed.to_string(), '0-1,3,5')
    check_equal(list(parsed.get_nodes()), [0, 1, 3, 5], parsed.get_nodes())
    check_equal(parsed.count(), 4)
    check_equal((parsed.contains(3), parsed.contains(2)), (True, False), 'contains 3, 2')
    other = Nodeset.new_from_string(' 4-6 ')
    check_equal(parsed.union(other).to_string(), '0-1,3-6')
    check_equal(parsed.intersect(other).to_string(), '5')
    check_equal(parsed.difference(other).to_string(), '0-1,3')
    check(parsed.difference(parsed).is_empty(), 'parsed.difference(parsed).is_empty()')
    check(Nodeset.new_from_nodes([2, 0, 1]).equal(Nodeset.new_from_string('0-2')),
          'nodes [2, 0, 1] differ from 0-2')
    for bad in ('', '3-1', '0,^0', 'x', '16384'):
        try:
            Nodeset.new_from_string(bad)
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.INVALID_ARGUMENT, 'nodeset %r' % bad)
            check(e.message.startswith("Invalid nodeset '%s'" % bad), e.message)
        else:
            raise AssertionError('nodeset %r was accepted' % bad)


def test_host_cells():
    conn = open_connection()
    cells = conn.get_node_cells(None)
    check_equal([c.get_id() for c in cells], [0, 1], cells)
    for cell, mem_kib, free in zip(cells, (2097152, 4194304), (1 << 30, 2 << 30)):
        cid = cell.get_id()
        check_equal(list(cell.get_cpus()), list(range(cid * 8, cid * 8 + 8)), cell.get_cpus())
        check_equal(cell.get_memory(), mem_kib * 1024)
        check_equal(cell.props.memory, mem_kib * 1024)
        check_equal(cell.get_free_memory(), free)
        check_equal(list(cell.get_sibling_ids()), [0, 1])
        check_equal((cell.get_distance(cid), cell.get_distance(1 - cid)), (10, 20), 'distances')
        check_equal(cell.get_distance(9), 0)
        check_equal(list(cell.get_page_sizes()), [4096, 8192, 2 << 20, 1 << 30])
    free = conn.get_cells_free_memory(0, 2)
    check_equal(list(free), [1 << 30, 2 << 30], free)
    try:
        conn.get_cells_free_memory(2, 1)
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NOT_FOUND, 'free memory past the last cell')
    else:
        raise AssertionError('free memory of cell 2 was reported')
    host = conn.get_host_nodeset()
    check_equal(host.to_string(), '0-1')
    check_equal(conn.nodeset_is_available(LibvirtGObject.Nodeset.new_from_string('1')), True,
                'node 1 available')
    try:
        conn.nodeset_is_available(LibvirtGObject.Nodeset.new_from_string('0,4'))
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NUMA_UNAVAILABLE, 'node 4')
        check_equal(e.message, 'NUMA node 4 is unavailable: host has nodes 0-1')
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
        check_equal((ok, mode, nodeset), (True, Mode.STRICT, None))

        both = LibvirtGObject.Nodeset.new_from_string('0-1')
        dom.set_numa_parameters(Mode.INTERLEAVE, both, Impact.CONFIG)
        ok, mode, nodeset = dom.get_numa_parameters(Impact.CONFIG)
        check_equal(mode, Mode.INTERLEAVE)
        check_equal(nodeset.to_string(), '0-1')
        xml = dom.get_config(LibvirtGObject.DomainXMLFlags.INACTIVE).to_xml()
        check('<numatune>' in xml, xml)
        check('mode="interleave"' in xml or "mode='interleave'" in xml, xml)
        check('nodeset="0-1"' in xml or "nodeset='0-1'" in xml, xml)

        dom.set_numa_nodeset(LibvirtGObject.Nodeset.new_from_string('1'), Impact.LIVE)
        ok, mode, nodeset = dom.get_numa_parameters(Impact.LIVE)
        check_equal((mode, nodeset.to_string()), (Mode.STRICT, '1'))
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
            check_equal(e.message, 'NUMA node 3 is unavailable: host has nodes 0-1')
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
        loop.run('get_numa_parameters_async to complete')
        ok, mode, nodeset = results[0]
        check_equal((ok, mode, nodeset.to_string()), (True, Mode.STRICT, '1'))
    finally:
        conn.close()


class Skip(Exception):
    """The test cannot run here; the reason goes to the TAP line."""


def require_qemu():
    """Skips the test without the emulator (fails under GVIR_TESTS_REQUIRE_ALL)."""
    import shutil
    if shutil.which('qemu-system-x86_64') is None:
        if os.environ.get('GVIR_TESTS_REQUIRE_ALL'):
            raise AssertionError('qemu-system-x86_64 is missing and GVIR_TESTS_REQUIRE_ALL is set')
        raise Skip('qemu-system-x86_64 is not installed')


def test_qemu_lifecycle():
    """A tiny TCG domain on qemu:///embed, through the async calls and the
    signals, as an application would drive the QEMU driver."""
    import shutil
    import tempfile
    require_qemu()
    root = tempfile.mkdtemp(prefix='gvir-python-qemu-')
    try:
        drive_qemu_lifecycle(root)
    finally:
        stop_leftover_qemu(root, 'py-tiny')
        shutil.rmtree(root)


def stop_leftover_qemu(root, name):
    """Stops the QEMU of domain name that a failed run left behind, by the
    pid in the driver's status file, if that pid is still a QEMU."""
    import json
    import signal
    import time
    try:
        with open(os.path.join(root, 'run', 'qemu', name + '.status')) as f:
            pid = int(json.load(f)['pid'])
        with open('/proc/%d/cmdline' % pid, 'rb') as f:
            if b'qemu-system' not in f.read().split(b'\0')[0]:
                return
        os.kill(pid, signal.SIGKILL)
    except (OSError, ValueError, KeyError):
        return
    # Not our child (QEMU outlives its driver): its /proc entry says when
    # it is gone.
    for _ in range(100):
        if not os.path.exists('/proc/%d' % pid):
            return
        time.sleep(0.05)


def drive_qemu_lifecycle(root):
    loop = Loop()
    conn = LibvirtGObject.Connection.new('qemu:///embed?root=' + root)
    conn.open(None)
    conf = LibvirtGConfig.Domain.new_from_xml(
        "<domain type='qemu'><name>py-tiny</name>"
        "<uuid>c7a5fdbd-cdaf-9455-926a-d65c16db18aa</uuid>"
        "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
        "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>")
    dom = conn.create_domain(conf)
    check_equal(dom.get_name(), 'py-tiny')
    check_equal(dom.get_info().state, LibvirtGObject.DomainState.SHUTOFF)
    events = []
    for signal in ('started::booted', 'suspended::paused', 'resumed::unpaused',
                   'stopped::destroyed'):
        dom.connect(signal, lambda d, s=signal: events.append(s))

    steps = [
        (lambda cb: dom.start_async(0, None, cb), dom.start_finish, 'started::booted',
         LibvirtGObject.DomainState.RUNNING),
        (lambda cb: dom.suspend_async(None, cb), dom.suspend_finish, 'suspended::paused',
         LibvirtGObject.DomainState.PAUSED),
        (lambda cb: dom.resume_async(None, cb), dom.resume_finish, 'resumed::unpaused',
         LibvirtGObject.DomainState.RUNNING),
        (lambda cb: dom.stop_async(0, None, cb), dom.stop_finish, 'stopped::destroyed',
         LibvirtGObject.DomainState.SHUTOFF),
    ]
    for call, finish, signal, state in steps:
        results = []

        def on_done(d, res, finish=finish, signal=signal):
            try:
                results.append(finish(res))
            except GLib.Error as e:
                results.append(e)
            if signal in events:
                loop.quit()

        def on_signal(d, signal=signal):
            if results:
                loop.quit()

        handler = dom.connect(signal.split('::')[0], on_signal)
        call(on_done)
        loop.run('%s with its result' % signal)
        dom.disconnect(handler)
        check_equal(results, [True], signal)
        check_equal(dom.get_info().state, state, signal)
    check_equal(events, ['started::booted', 'suspended::paused', 'resumed::unpaused',
                         'stopped::destroyed'])
    # A bad definition: a clear error, and no domain.
    try:
        conn.create_domain(LibvirtGConfig.Domain.new_from_xml(
            "<domain type='qemu'><name>py-tiny</name>"
            "<uuid>11111111-2222-3333-4444-555555555555</uuid>"
            "<memory>65536</memory><os><type>hvm</type></os></domain>"))
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.EXISTS, 'a second py-tiny')
    else:
        raise AssertionError('a second domain named py-tiny was accepted')
    dom.delete(0)
    check(conn.find_domain_by_name('py-tiny') is None, 'py-tiny is gone')
    conn.close()


def kvm_opens():
    try:
        os.close(os.open('/dev/kvm', os.O_RDWR))
    except OSError:
        return False
    return True


def test_qemu_capabilities():
    """The capabilities of qemu:///embed: one hvm x86_64 guest whose domain
    types are 'qemu' and, only where /dev/kvm opens, 'kvm'; one NUMA cell
    per node of /sys/devices/system/node."""
    import shutil
    import tempfile
    require_qemu()
    root = tempfile.mkdtemp(prefix='gvir-python-qemu-caps-')
    conn = LibvirtGObject.Connection.new('qemu:///embed?root=' + root)
    try:
        conn.open(None)
        caps = conn.get_capabilities()
        node_dir = '/sys/devices/system/node'
        nodes = sorted(int(n[4:]) for n in (os.listdir(node_dir) if os.path.isdir(node_dir) else [])
                       if n.startswith('node') and n[4:].isdigit()) or [0]
        check_equal([c.get_id() for c in caps.get_host().get_cells()], nodes, 'cell ids')
        guests = caps.get_guests()
        check_equal(len(guests), 1, 'number of guests')
        check_equal(guests[0].get_os_type(), LibvirtGConfig.DomainOsType.HVM)
        arch = guests[0].get_arch()
        check_equal(arch.get_name(), 'x86_64')
        expected = [LibvirtGConfig.DomainVirtType.QEMU]
        if kvm_opens():
            expected.append(LibvirtGConfig.DomainVirtType.KVM)
        check_equal([d.get_virt_type() for d in arch.get_domains()], expected, 'domain types')
    finally:
        conn.close()
        shutil.rmtree(root)


def test_storage():
    """Storage pools and volumes of test:///default: default-pool, a
    volume's lifecycle and the shrink rule, a pool's async start."""
    conn = open_connection()
    conn.fetch_storage_pools(None)
    pool = conn.find_storage_pool_by_name('default-pool')
    check(pool is not None, 'default-pool is listed')
    check_equal(pool.get_uuid(), 'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566')
    check_equal(pool.get_active(), True)
    check(conn.get_storage_pool(pool.get_uuid()) is pool, 'one object per pool')
    info = pool.get_info()
    check_equal(info.state, LibvirtGObject.StoragePoolState.RUNNING)
    check_equal((info.capacity, info.allocation, info.available), (100 << 30, 0, 100 << 30),
                'capacity, allocation, available')

    conf = LibvirtGConfig.StorageVol.new_from_xml(
        "<volume><name>py.img</name><capacity unit='bytes'>1048576</capacity>"
        "<allocation unit='bytes'>4096</allocation></volume>")
    vol = pool.create_volume(conf)
    check_equal(vol.get_name(), 'py.img')
    check_equal(vol.get_path(), '/default-pool/py.img')
    vinfo = vol.get_info()
    check_equal((vinfo.type, vinfo.capacity, vinfo.allocation),
                (LibvirtGObject.StorageVolType.FILE, 1048576, 4096), 'volume info')
    try:
        vol.resize(1024, LibvirtGObject.StorageVolResizeFlags.NONE)
    except GLib.Error as exc:
        assert_gvir_error(exc, LibvirtGObject.Error.INVALID_ARGUMENT, 'shrink without the flag')
    else:
        check(False, 'a shrink without the flag failed')
    vol.resize(1024, LibvirtGObject.StorageVolResizeFlags.SHRINK)
    check_equal(vol.get_info().capacity, 1024)
    pool.refresh(None)
    check_equal([v.get_name() for v in pool.get_volumes()], ['py.img'])
    vol.delete(0)
    check_equal(pool.get_volume('py.img'), None)

    pconf = LibvirtGConfig.StoragePool.new_from_xml(
        "<pool type='dir'><name>pypool</name><target><path>/pypool</path></target></pool>")
    new = conn.create_storage_pool(pconf, 0)
    check_equal(new.get_active(), False)
    loop = Loop()
    done = []

    def started(source, result):
        done.append(source.start_finish(result))
        loop.quit()

    new.start_async(0, None, started)
    loop.run('the pool start')
    check_equal(done, [True])
    check_equal(new.get_active(), True)
    new.stop()
    new.undefine()
    check_equal(conn.find_storage_pool_by_name('pypool'), None)
    conn.close()


def test_domain_snapshots():
    """Snapshots of the test domain: create, list with flags, the current
    snapshot, revert (state and signal), delete; one object per snapshot."""
    loop = Loop()
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    check(dom is not None, 'dom is not None')
    if dom.get_state()[0] != LibvirtGObject.DomainState.RUNNING:
        dom.start(0)  # an earlier test may have left it stopped
    check_equal(dom.get_has_current_snapshot(0), (True, False), 'no current snapshot at first')

    conf = LibvirtGConfig.DomainSnapshot.new()
    conf.set_name('py-up')
    conf.set_description('taken from Python')
    up = dom.create_snapshot(conf, 0)
    check_equal(up.get_name(), 'py-up')
    check_equal(up.get_is_current(0), (True, True), 'py-up is current')
    read = up.get_config(0)
    check_equal(read.get_description(), 'taken from Python')
    check_equal(read.get_state(), LibvirtGConfig.DomainSnapshotDomainState.RUNNING)

    dom.stop(0)
    down_conf = LibvirtGConfig.DomainSnapshot.new()
    down_conf.set_name('py-down')
    down = dom.create_snapshot(down_conf, 0)
    check_equal(down.get_config(0).get_parent(), 'py-up')

    dom.fetch_snapshots(LibvirtGObject.DomainSnapshotListFlags.ROOTS, None)
    check_equal([s.get_name() for s in dom.get_snapshots()], ['py-up'])
    check(dom.get_snapshots()[0] is up, 'the fetch hands back the same object')
    dom.fetch_snapshots(LibvirtGObject.DomainSnapshotListFlags.INACTIVE, None)
    check_equal([s.get_name() for s in dom.get_snapshots()], ['py-down'])

    events = []
    dom.connect('started::from-snapshot', lambda d: (events.append('started'), loop.quit()))
    up.revert_to(0)
    loop.run('started::from-snapshot')
    check_equal(events, ['started'])
    state, reason = dom.get_state()
    check_equal(state, LibvirtGObject.DomainState.RUNNING)
    check_equal(reason, 4, 'reason: from snapshot')

    try:
        down.revert_to(LibvirtGObject.DomainSnapshotRevertFlags.RUNNING |
                       LibvirtGObject.DomainSnapshotRevertFlags.PAUSED)
    except GLib.Error as exc:
        assert_gvir_error(exc, LibvirtGObject.Error.INVALID_ARGUMENT, 'running and paused')
    else:
        check(False, 'revert with running and paused must fail')

    up.delete(LibvirtGObject.DomainSnapshotDeleteFlags.CHILDREN)
    dom.fetch_snapshots(0, None)
    check_equal(dom.get_snapshots(), [])
    check_equal(dom.get_has_current_snapshot(0), (True, False), 'no current snapshot at the end')
    conn.close()


def test_stream_screenshot():
    """A screenshot through a GVirStream and its GInputStream, byte for byte."""
    import hashlib
    conn = open_connection()
    dom = conn.find_domain_by_name('test')
    stream = conn.get_stream(0)
    check(isinstance(stream, LibvirtGObject.Stream), 'stream is a %r' % type(stream))
    check_equal(dom.screenshot(stream, 0, 0), 'image/png')
    data = stream.get_input_stream().read_bytes(4096, None).get_data()
    check_equal(len(data), 165, 'screenshot size')
    check_equal(hashlib.sha256(data).hexdigest(),
                '248b07a3d0e1e0f67d43d18065be8f74434549c0fdde6b0bfc08a7835d41909f')
    check_equal(stream.get_input_stream().read_bytes(4096, None).get_size(), 0, 'end of data')
    try:
        dom.open_console(conn.get_stream(0), None, 0)
        check(False, 'open_console succeeded on the test driver')
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NOT_SUPPORTED, 'open_console')
    conn.close()


def test_volume_transfer():
    """Bytes uploaded to a volume through a GVirStream's GOutputStream come
    back from a download; a range beyond the volume is a GLib.Error."""
    conn = open_connection()
    conn.fetch_storage_pools(None)
    pool = conn.find_storage_pool_by_name('default-pool')
    conf = LibvirtGConfig.StorageVol.new_from_xml(
        "<volume><name>py-transfer.img</name><capacity unit='bytes'>65536</capacity>"
        "<allocation unit='bytes'>0</allocation></volume>")
    vol = pool.create_volume(conf)
    payload = bytes((i * 7 + 1) % 256 for i in range(5000))

    up = conn.get_stream(0)
    check_equal(vol.upload(up, 1000, 0, 0), True)
    ok, written = up.get_output_stream().write_all(payload, None)
    check_equal((ok, written), (True, len(payload)), 'write_all')
    up.close(None)

    down = conn.get_stream(0)
    check_equal(vol.download(down, 990, 5020, 0), True)
    data = b''
    while True:
        piece = down.get_input_stream().read_bytes(4096, None).get_data()
        if not piece:
            break
        data += piece
    down.close(None)
    check_equal(data, bytes(10) + payload + bytes(10), 'downloaded bytes')

    try:
        vol.download(conn.get_stream(0), 65537, 0, 0)
    except GLib.Error as exc:
        assert_gvir_error(exc, LibvirtGObject.Error.INVALID_ARGUMENT, 'offset beyond the end')
    else:
        check(False, 'a download beyond the volume failed')
    vol.delete(0)
    conn.close()


def test_networks():
    conn = open_connection()
    check_equal(conn.get_networks(), [], 'networks before a fetch')
    loop = Loop()
    fetched = []

    def on_fetched(source, result):
        fetched.append(source.fetch_networks_finish(result))
        loop.quit()

    conn.fetch_networks_async(None, on_fetched)
    loop.run('fetch_networks_async')
    check_equal(fetched, [True])
    names = [net.get_name() for net in conn.get_networks()]
    check_equal(names, ['default'], 'networks %r' % names)
    net = conn.find_network_by_name('default')
    check_equal(net.get_uuid(), 'dd8fe884-6c02-601e-7551-cca97df1c5df')
    check(conn.get_network('DD8FE884-6C02-601E-7551-CCA97DF1C5DF') is net,
          'the same network object by UUID')
    conf = net.get_config(0)
    check_equal(conf.get_bridge_name(), 'virbr0')
    check_equal(conf.get_ip_address(), '192.168.122.1')
    try:
        net.get_dhcp_leases(None, 0)
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NOT_SUPPORTED, 'get_dhcp_leases')
    else:
        check(False, 'get_dhcp_leases on the test driver did not fail')
    conn.close()
    check_equal(conn.find_network_by_name('default'), None, 'lookup after close')


def test_interfaces():
    """The host's eth1 through GVirInterface, fetched asynchronously."""
    conn = open_connection()
    check_equal(conn.get_interfaces(), [], 'interfaces before a fetch')
    loop = Loop()
    fetched = []

    def on_fetched(source, result):
        fetched.append(source.fetch_interfaces_finish(result))
        loop.quit()

    conn.fetch_interfaces_async(None, on_fetched)
    loop.run('fetch_interfaces_async')
    check_equal(fetched, [True])
    names = [iface.get_name() for iface in conn.get_interfaces()]
    check_equal(names, ['eth1'], 'interfaces %r' % names)
    iface = conn.get_interface('eth1')
    check_equal(iface.get_mac(), 'aa:bb:cc:dd:ee:ff')
    check(conn.find_interface_by_mac('AA:BB:CC:DD:EE:FF') is iface,
          'the same interface object by MAC address')
    conf = iface.get_config(0)
    check(isinstance(conf, LibvirtGConfig.Interface), 'get_config gives a GVirConfigInterface')
    check_equal((conf.get_name(), conf.get_mtu()), ('eth1', 1492))
    conn.close()
    try:
        iface.get_config(0)
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.CONNECTION_CLOSED, 'get_config after close')
    else:
        check(False, 'get_config after close did not fail')


def test_node_devices():
    """The host's devices through GVirNodeDevice (our own fetch functions)."""
    conn = open_connection()
    check(conn.fetch_node_devices(None), 'fetch_node_devices')
    names = [dev.get_name() for dev in conn.get_node_devices()]
    check_equal(names, ['computer', 'scsi_host1', 'scsi_host11', 'scsi_host2'])
    conf = conn.get_node_device('scsi_host1').get_config(0)
    check(isinstance(conf, LibvirtGConfig.NodeDevice), 'get_config gives a GVirConfigNodeDevice')
    check_equal((conf.get_parent(), conf.get_capability_type()), ('computer', 'scsi_host'))
    conn.close()


def test_handle_types():
    """libvirt-glib's eleven handle types exist as boxed types under its names."""
    kinds = ['Connection', 'Domain', 'DomainSnapshot', 'Interface', 'Network',
             'NetworkFilter', 'NodeDevice', 'Secret', 'StoragePool', 'StorageVol', 'Stream']
    names = [getattr(LibvirtGObject, kind + 'Handle').__gtype__.name for kind in kinds]
    check_equal(names, ['GVir%sHandle' % kind for kind in kinds])
    check(all(getattr(LibvirtGObject, kind + 'Handle').__gtype__.is_a(GObject.TYPE_BOXED)
              for kind in kinds), 'every handle type is boxed')


def test_secrets():
    """Secrets through our own fetch functions: libvirt's test driver keeps
    none, so the fetch fails with NOT_SUPPORTED, in both forms, and the
    cache stays empty; GVirSecret's methods are reachable."""
    conn = open_connection()
    try:
        conn.fetch_secrets(None)
        check(False, 'fetch_secrets succeeded on the test driver')
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NOT_SUPPORTED, 'fetch_secrets')
    loop = Loop()
    failures = []

    def done(c, result):
        try:
            c.fetch_secrets_finish(result)
        except GLib.Error as e:
            failures.append(e)
        loop.quit()
    conn.fetch_secrets_async(None, done)
    loop.run('fetch_secrets_async')
    check_equal(len(failures), 1, 'fetch_secrets_finish failures')
    assert_gvir_error(failures[0], LibvirtGObject.Error.NOT_SUPPORTED, 'fetch_secrets_finish')
    check_equal(conn.get_secrets(), [], 'secrets of the test driver')
    check(conn.get_secret('0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f') is None, 'get_secret')
    for method in ('get_uuid', 'get_config', 'get_usage_type', 'get_usage_id'):
        check(callable(getattr(LibvirtGObject.Secret, method)), 'Secret.%s' % method)
    conn.close()


def test_network_filters():
    """GVirNetworkFilter and our fetch functions: like libvirt's test
    driver, test:///default has no filters (NOT_SUPPORTED, empty cache)."""
    conn = open_connection()
    try:
        conn.fetch_network_filters(None)
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.NOT_SUPPORTED, 'fetch_network_filters')
    else:
        check(False, 'fetch_network_filters on test:///default succeeded')
    check_equal(conn.get_network_filters(), [])
    check(conn.get_network_filter('clean-traffic') is None, 'no clean-traffic filter')
    check_equal(LibvirtGObject.NetworkFilter.__gtype__.name, 'GVirNetworkFilter')
    for method in ('get_name', 'get_uuid', 'get_config'):
        check(callable(getattr(LibvirtGObject.NetworkFilter, method, None)),
              'NetworkFilter.%s is introspectable' % method)
    conn.close()


def test_devices_and_manager():
    """GVirManager holds connections; the default domain's devices come back
    as Disk and Interface with the test driver's fixed statistics."""
    conn = open_connection()
    manager = LibvirtGObject.Manager.new()
    added = []
    manager.connect('connection-added', lambda m, c: added.append(c))
    manager.add_connection(conn)
    check_equal(len(added), 1, 'connection-added emissions')
    check(manager.find_connection_by_uri(URI) is conn, 'found the connection by URI')
    check_equal(len(manager.get_connections()), 1, 'connections in the manager')

    dom = conn.find_domain_by_name('test')
    devices = dom.get_devices()
    check_equal([type(d).__name__ for d in devices], ['DomainDisk', 'DomainInterface'])
    base = 1000000000
    disk_stats = devices[0].get_stats()
    check_equal((disk_stats.rd_req, disk_stats.rd_bytes, disk_stats.wr_req,
                 disk_stats.wr_bytes, disk_stats.errs),
                (base // 10, base // 20, base // 30, base // 40, 5))
    net_stats = devices[1].get_stats()
    check_equal((net_stats.rx_bytes, net_stats.tx_bytes, net_stats.tx_drop),
                (base // 10, base // 20, 4))
    check(devices[0].get_domain() is dom, 'a device knows its domain')
    check(dom.set_time(GLib.DateTime.new_now_utc(), 0), 'set_time')
    try:
        dom.wakeup(0)
    except GLib.Error as exc:
        assert_gvir_error(exc, LibvirtGObject.Error.OPERATION_INVALID, 'wakeup of a running domain')
    else:
        check(False, 'wakeup of a running domain must fail')
    manager.remove_connection(conn)
    check_equal(len(manager.get_connections()), 0, 'connections after removal')
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
    test_qemu_lifecycle,
    test_qemu_capabilities,
    test_storage,
    test_domain_snapshots,
    test_stream_screenshot,
    test_volume_transfer,
    test_networks,
    test_interfaces,
    test_node_devices,
    test_handle_types,
    test_secrets,
    test_network_filters,
    test_devices_and_manager,
]


def main():
    print('1..%d' % len(TESTS))
    failed = 0
    for number, test in enumerate(TESTS, 1):
        try:
            test()
        except Skip as skip:
            print('ok %d - %s # SKIP %s' % (number, test.__name__, skip))
            sys.stdout.flush()
            continue
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
