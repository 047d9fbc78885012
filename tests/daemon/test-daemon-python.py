#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# libvirt's own Python binding (Debian's python3-libvirt) as a client of
# gvird's test driver: open, list, lookups, a lifecycle, lifecycle events
# through virEventRegisterDefaultImpl, and errors. Every answer is compared
# with the same call against a real libvirtd's test driver started here
# (skipped with the reason when libvirtd is missing, failed instead under
# GVIR_TESTS_REQUIRE_ALL=1). Reports TAP.
#
# Must run under /usr/bin/python3; GVIRD names the daemon to start.

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback

import libvirt

# checks.py lives with the binding tests.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'bindings'))
from checks import check, check_equal  # noqa: E402  (python3 -O keeps these)

# The bound of tests/common/gvir-test-wait.h, stretched the same way.
WAIT_SECONDS = 20 * int(os.environ.get('GVIR_TEST_WAIT_MULTIPLIER', '1'))
LIBVIRTD_CANDIDATES = ['/usr/sbin/libvirtd', '/usr/local/sbin/libvirtd']
PR_SET_PDEATHSIG = 1
NEW_DOMAIN = 'pydaemon-new'
NEW_XML = ("<domain type='test'><name>%s</name>"
           "<uuid>0b8e6a55-0d2f-4b57-9a4c-2f2e8a0c1d01</uuid>"
           "<memory>8192</memory><vcpu>1</vcpu>"
           "<os><type>hvm</type></os></domain>" % NEW_DOMAIN)


class Skip(Exception):
    """The test cannot run here; the reason goes to the TAP line."""


def die_with_parent():
    """In the daemon's child process: it must not outlive a failed test."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def wait_listening(path, proc, log_path):
    """Waits (bounded) until something accepts connections on path."""
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(path)
            return
        except OSError:
            time.sleep(0.01)
        finally:
            probe.close()
    with open(log_path, errors='replace') as log:
        raise AssertionError('daemon did not listen on %s in time; log:\n%s'
                             % (path, log.read()))


class Daemon:
    """A daemon started by this test on sockets in its own folder, stopped
    by its pid."""

    def __init__(self, argv_of, config, sock_subdir, empty_driver_dir=False):
        self.dir = tempfile.mkdtemp(prefix='gvird-python-')
        env = None
        if empty_driver_dir:
            # Only libvirtd's built-in drivers (the test driver) load.
            env = dict(os.environ)
            env['LIBVIRT_DRIVER_DIR'] = os.path.join(self.dir, 'drivers-empty')
            os.makedirs(env['LIBVIRT_DRIVER_DIR'])
        sock_dir = os.path.join(self.dir, sock_subdir)
        os.makedirs(sock_dir, exist_ok=True)
        self.socket = os.path.join(sock_dir, 'libvirt-sock')
        self.socket_ro = os.path.join(sock_dir, 'libvirt-sock-ro')
        conf = os.path.join(self.dir, 'daemon.conf')
        with open(conf, 'w') as f:
            f.write('unix_sock_dir = "%s"\n%s' % (sock_dir, config % {'dir': self.dir}))
        log_path = os.path.join(self.dir, 'daemon.log')
        pid_file = os.path.join(self.dir, 'daemon.pid')
        with open(log_path, 'w') as log:
            self.proc = subprocess.Popen(argv_of(conf, pid_file), cwd=self.dir, env=env,
                                         stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                         preexec_fn=die_with_parent)
        wait_listening(self.socket_ro, self.proc, log_path)

    def uri(self, read_only=False):
        return 'test+unix:///default?socket=%s' % (self.socket_ro if read_only else self.socket)

    def stop(self):
        """SIGTERM, a bounded wait (then SIGKILL); returns the exit status."""
        self.proc.send_signal(signal.SIGTERM)
        try:
            status = self.proc.wait(WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            status = self.proc.wait()
        shutil.rmtree(self.dir, ignore_errors=True)
        return status


def start_gvird():
    gvird = os.environ['GVIRD']
    return Daemon(lambda conf, pid: [gvird, '--config', conf, '--pid-file', pid], '', '.')


def start_libvirtd():
    """libvirtd with only its built-in test driver (an empty driver folder),
    UNIX sockets only; None when it is not installed."""
    candidates = [os.environ['LIBVIRTD']] if 'LIBVIRTD' in os.environ else LIBVIRTD_CANDIDATES
    binary = next((c for c in candidates if os.access(c, os.X_OK)), None)
    if binary is None:
        return None
    config = ('unix_sock_ro_perms = "0777"\nunix_sock_rw_perms = "0770"\n'
              'auth_unix_ro = "none"\nauth_unix_rw = "none"\n'
              'log_outputs = "3:file:%(dir)s/libvirtd.log"\n')
    return Daemon(lambda conf, pid: [binary, '--config', conf, '--pid-file', pid],
                  config, 'run', empty_driver_dir=True)


def error_of(call):
    """(code, domain) of the libvirtError that call raises."""
    try:
        call()
    except libvirt.libvirtError as e:
        return (e.get_error_code(), e.get_error_domain())
    raise AssertionError('no error raised')


class Pair:
    """One connection to gvird and, when libvirtd runs, one to libvirtd;
    each check runs on both and compares."""

    def __init__(self, ours_uri, theirs_uri, read_only=False):
        opener = libvirt.openReadOnly if read_only else libvirt.open
        self.ours = opener(ours_uri)
        self.theirs = opener(theirs_uri) if theirs_uri is not None else None

    def both(self):
        return [c for c in (self.ours, self.theirs) if c is not None]

    def same(self, what, fn):
        """fn(conn) on both connections: the answers must be equal. Returns ours."""
        got = fn(self.ours)
        if self.theirs is not None:
            check_equal(got, fn(self.theirs), '%s (ours vs libvirtd)' % what)
        return got

    def close(self):
        for c in self.both():
            c.close()


GVIRD = None
LIBVIRTD = None


def pair(read_only=False):
    return Pair(GVIRD.uri(read_only), LIBVIRTD.uri(read_only) if LIBVIRTD else None, read_only)


def test_open_and_list():
    p = pair()
    try:
        check_equal(p.ours.getType(), 'TEST', 'driver type')
        p.same('type', lambda c: c.getType())
        p.same('alive', lambda c: c.isAlive())
        names = p.same('all domains', lambda c: sorted(d.name() for d in c.listAllDomains()))
        check_equal(names, ['test'], 'domains of test:///default')
        p.same('active ids', lambda c: sorted(
            d.ID() for d in c.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_ACTIVE)))
        p.same('inactive', lambda c: sorted(
            d.name() for d in c.listAllDomains(libvirt.VIR_CONNECT_LIST_DOMAINS_INACTIVE)))
        p.same('node info', lambda c: c.getInfo())
        ro = pair(read_only=True)
        ro.same('read-only list', lambda c: sorted(d.name() for d in c.listAllDomains()))
        ro.close()
    finally:
        p.close()


def test_lookups():
    p = pair()
    try:
        def by_name(c):
            d = c.lookupByName('test')
            # The CPU time (the last figure) is the clock's in libvirt.
            return (d.name(), d.UUIDString(), d.ID(), d.info()[:4])
        name, uuid, dom_id, info = p.same('lookupByName', by_name)
        check_equal(uuid, '6695eb01-f6a4-8304-79aa-97f2502e193f', 'uuid of test')
        check_equal(info, [libvirt.VIR_DOMAIN_RUNNING, 8388608, 2097152, 2], 'info of test')
        p.same('lookupByUUIDString',
               lambda c: c.lookupByUUIDString(uuid).name())
        p.same('lookupByUUID',
               lambda c: c.lookupByUUID(bytes.fromhex(uuid.replace('-', ''))).name())
        check_equal(p.same('lookupByID', lambda c: c.lookupByID(dom_id).name()), 'test',
                    'lookupByID')
    finally:
        p.close()


def test_lifecycle():
    p = pair()
    try:
        def state(c):
            return c.lookupByName(NEW_DOMAIN).state()

        p.same('define', lambda c: c.defineXML(NEW_XML).name())
        check_equal(p.same('state after define', state)[0], libvirt.VIR_DOMAIN_SHUTOFF,
                    'defined')
        p.same('create', lambda c: c.lookupByName(NEW_DOMAIN).create())
        check_equal(p.same('state after create', state)[0], libvirt.VIR_DOMAIN_RUNNING,
                    'created')
        p.same('suspend', lambda c: c.lookupByName(NEW_DOMAIN).suspend())
        check_equal(p.same('state after suspend', state)[0], libvirt.VIR_DOMAIN_PAUSED,
                    'suspended')
        p.same('resume', lambda c: c.lookupByName(NEW_DOMAIN).resume())
        check_equal(p.same('state after resume', state)[0], libvirt.VIR_DOMAIN_RUNNING,
                    'resumed')
        p.same('destroy', lambda c: c.lookupByName(NEW_DOMAIN).destroy())
        check_equal(p.same('state after destroy', state)[0], libvirt.VIR_DOMAIN_SHUTOFF,
                    'destroyed')
        p.same('undefine', lambda c: c.lookupByName(NEW_DOMAIN).undefine())
        p.same('gone', lambda c: error_of(lambda: c.lookupByName(NEW_DOMAIN))[0])
    finally:
        p.close()


def collect_events(uri, drive):
    """Registers for lifecycle events on uri, runs drive() on another
    connection, and runs the default event loop (bounded) until the
    events of drive()'s four transitions arrived; returns their
    (name, event, detail) in order."""
    events = []
    listener = libvirt.open(uri)
    cb = listener.domainEventRegisterAny(
        None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
        lambda conn, dom, event, detail, opaque: events.append((dom.name(), event, detail)),
        None)
    # A timer wakes the loop so that the deadline is checked while idle.
    timer = libvirt.virEventAddTimeout(50, lambda timer, opaque: None, None)
    try:
        driver = libvirt.open(uri)
        drive(driver)
        driver.close()
        deadline = time.monotonic() + WAIT_SECONDS
        while len(events) < 4 and time.monotonic() < deadline:
            libvirt.virEventRunDefaultImpl()
        check(len(events) >= 4, 'timed out waiting for 4 lifecycle events on %s; got %r'
              % (uri, events))
    finally:
        libvirt.virEventRemoveTimeout(timer)
        listener.domainEventDeregisterAny(cb)
        listener.close()
    return events


def four_transitions(conn):
    dom = conn.lookupByName('test')
    dom.suspend()
    dom.resume()
    dom.destroy()
    dom.create()


def test_events():
    ours = collect_events(GVIRD.uri(), four_transitions)
    want = [('test', libvirt.VIR_DOMAIN_EVENT_SUSPENDED,
             libvirt.VIR_DOMAIN_EVENT_SUSPENDED_PAUSED),
            ('test', libvirt.VIR_DOMAIN_EVENT_RESUMED,
             libvirt.VIR_DOMAIN_EVENT_RESUMED_UNPAUSED),
            ('test', libvirt.VIR_DOMAIN_EVENT_STOPPED,
             libvirt.VIR_DOMAIN_EVENT_STOPPED_DESTROYED),
            ('test', libvirt.VIR_DOMAIN_EVENT_STARTED,
             libvirt.VIR_DOMAIN_EVENT_STARTED_BOOTED)]
    check_equal(ours, want, 'lifecycle events from gvird')
    if LIBVIRTD is not None:
        check_equal(ours, collect_events(LIBVIRTD.uri(), four_transitions),
                    'lifecycle events (ours vs libvirtd)')


# Where our error differs from libvirtd's on purpose (what we answer,
# and why); every other error must equal libvirtd's code and domain.
KNOWN_DIFFERENCES = {
    # libvirt's test driver says INTERNAL_ERROR; ours says what the
    # caller did wrong, as libvirt's real drivers do.
    'create of a running domain': (libvirt.VIR_ERR_OPERATION_INVALID, libvirt.VIR_FROM_TEST),
    'resume of a running domain': (libvirt.VIR_ERR_OPERATION_INVALID, libvirt.VIR_FROM_TEST),
    # libvirt gives XML_DETAIL from its XML layer; ours is XML_ERROR from
    # the driver.
    'define of bad XML': (libvirt.VIR_ERR_XML_ERROR, libvirt.VIR_FROM_TEST),
}


def test_errors():
    p = pair()
    ro = pair(read_only=True)
    try:
        cases = [
            ('lookup of an unknown name', p, lambda c: c.lookupByName('no-such-domain')),
            ('lookup of an unknown id', p, lambda c: c.lookupByID(4242)),
            ('lookup of an unknown uuid', p,
             lambda c: c.lookupByUUIDString('00000000-0000-0000-0000-00000000abcd')),
            ('create of a running domain', p, lambda c: c.lookupByName('test').create()),
            ('resume of a running domain', p, lambda c: c.lookupByName('test').resume()),
            ('define of bad XML', p, lambda c: c.defineXML('<domain')),
            ('define on the read-only socket', ro, lambda c: c.defineXML(NEW_XML)),
            ('suspend on the read-only socket', ro,
             lambda c: c.lookupByName('test').suspend()),
        ]
        codes = {}
        for what, conns, call in cases:
            if what in KNOWN_DIFFERENCES:
                codes[what] = error_of(lambda: call(conns.ours))
                check_equal(codes[what], KNOWN_DIFFERENCES[what], what)
                if conns.theirs is not None:
                    print('# %s: ours %r, libvirtd %r' % (what, codes[what],
                                                         error_of(lambda: call(conns.theirs))))
            else:
                codes[what] = conns.same(what, lambda c: error_of(lambda: call(c)))
        check_equal(codes['lookup of an unknown name'],
                    (libvirt.VIR_ERR_NO_DOMAIN, libvirt.VIR_FROM_TEST), 'unknown name')
        check_equal(codes['define on the read-only socket'],
                    (libvirt.VIR_ERR_OPERATION_DENIED, libvirt.VIR_FROM_DOMAIN), 'read-only define')
        # The daemon keeps serving the same connections after errors.
        p.same('after errors', lambda c: c.lookupByName('test').state())
    finally:
        p.close()
        ro.close()


OLD_LIST_DOMAIN = 'pydaemon-inactive'
OLD_LIST_XML = ("<domain type='test'><name>%s</name>"
                "<uuid>0b8e6a55-0d2f-4b57-9a4c-2f2e8a0c1d02</uuid>"
                "<memory>8192</memory><vcpu>1</vcpu>"
                "<os><type>hvm</type></os></domain>" % OLD_LIST_DOMAIN)


def old_lists(c):
    """The calls of the binding before listAllDomains: counts, ids and names."""
    return (c.numOfDomains(), sorted(c.listDomainsID()),
            c.numOfDefinedDomains(), sorted(c.listDefinedDomains()))


def test_old_lists():
    """listDomainsID / numOfDomains / listDefinedDomains / numOfDefinedDomains
    (LIST_DOMAINS, NUM_OF_DOMAINS, LIST_DEFINED_DOMAINS, NUM_OF_DEFINED_DOMAINS),
    on the read-write and the read-only socket, with an inactive domain."""
    p = pair()
    ro = pair(read_only=True)
    try:
        test_id = p.ours.lookupByName('test').ID()
        check_equal(p.same('lists', old_lists), (1, [test_id], 0, []), 'lists of test:///default')
        for c in p.both():
            c.defineXML(OLD_LIST_XML)
        check_equal(p.same('lists with an inactive domain', old_lists),
                    (1, [test_id], 1, [OLD_LIST_DOMAIN]), 'lists with an inactive domain')
        check_equal(ro.same('read-only lists', old_lists),
                    (1, [test_id], 1, [OLD_LIST_DOMAIN]), 'read-only lists')
        for c in p.both():
            c.lookupByName(OLD_LIST_DOMAIN).create()
        check_equal(p.same('lists after a start', old_lists)[:3], (2, sorted(
            [test_id, p.ours.lookupByName(OLD_LIST_DOMAIN).ID()]), 0), 'lists after a start')
    finally:
        for c in p.both():
            try:
                d = c.lookupByName(OLD_LIST_DOMAIN)
                if d.isActive():
                    d.destroy()
                d.undefine()
            except libvirt.libvirtError:
                pass
        p.close()
        ro.close()


NODE_DEVICE_FILTERS = [
    ('none', 0, ['computer', 'scsi_host1', 'scsi_host11', 'scsi_host2']),
    ('system', libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM, ['computer']),
    ('scsi_host', libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SCSI_HOST,
     ['scsi_host1', 'scsi_host11', 'scsi_host2']),
    # Nested in scsi_host: every host has fc_host, only two have vport_ops.
    ('fc_host', libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_FC_HOST,
     ['scsi_host1', 'scsi_host11', 'scsi_host2']),
    ('vports', libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS, ['scsi_host1', 'scsi_host2']),
    ('system or vports', libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_SYSTEM |
     libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_VPORTS, ['computer', 'scsi_host1', 'scsi_host2']),
    ('pci', libvirt.VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV, []),
]

NODE_DEVICE_CAP_NAMES = [
    (None, ['computer', 'scsi_host1', 'scsi_host11', 'scsi_host2']),
    ('scsi_host', ['scsi_host1', 'scsi_host11', 'scsi_host2']),
    ('vports', ['scsi_host1', 'scsi_host2']),
    # The XML's name for it is not a capability name of the API.
    ('vport_ops', []),
    ('no-such-cap', []),
]


def test_node_device_filters():
    """listAllDevices with capability flags (CONNECT_LIST_ALL_NODE_DEVICES),
    and numOfDevices/listDevices with a capability name (NODE_NUM_OF_DEVICES,
    NODE_LIST_DEVICES), on the default host's four devices; the flags
    libvirt's test driver refuses are refused alike."""
    p = pair()
    try:
        for what, flags, expected in NODE_DEVICE_FILTERS:
            check_equal(p.same('devices with ' + what, lambda c: sorted(
                d.name() for d in c.listAllDevices(flags))), expected, 'devices with ' + what)
        for flags in (libvirt.VIR_CONNECT_LIST_NODE_DEVICES_ACTIVE, 1 << 22):
            check_equal(p.same('flags 0x%x' % flags, lambda c: error_of(
                lambda: c.listAllDevices(flags))),
                (libvirt.VIR_ERR_INVALID_ARG, libvirt.VIR_FROM_TEST), 'flags 0x%x' % flags)
        for cap, expected in NODE_DEVICE_CAP_NAMES:
            check_equal(p.same('devices named by %s' % cap, lambda c: (
                c.numOfDevices(cap, 0), sorted(c.listDevices(cap, 0)))),
                (len(expected), expected), 'devices named by %s' % cap)
        # listDevices(cap, flags): the binding sizes maxnames from numOfDevices.
        for call in ('numOfDevices', 'listDevices'):
            check_equal(p.same(call + ' with flags', lambda c: error_of(
                lambda: getattr(c, call)('scsi_host', 1))),
                (libvirt.VIR_ERR_INVALID_ARG, libvirt.VIR_FROM_TEST), call + ' with flags')
    finally:
        p.close()


def error_text_of(call):
    """(code, domain, message) of the libvirtError that call raises."""
    try:
        call()
    except libvirt.libvirtError as e:
        return (e.get_error_code(), e.get_error_domain(), e.get_error_message())
    raise AssertionError('no error raised')


def current_snapshot(c):
    snap = c.lookupByName('test').snapshotCurrent(0)
    return (snap.getName(), snap.getDomain().name())


def test_snapshot_current():
    """snapshotCurrent (DOMAIN_SNAPSHOT_CURRENT): libvirt's error without a
    current snapshot, the current one after each create and delete, refused
    flags, and the read-only socket."""
    p = pair()
    ro = pair(read_only=True)
    try:
        check_equal(p.same('no current snapshot', lambda c: error_text_of(
            lambda: c.lookupByName('test').snapshotCurrent(0))),
            (libvirt.VIR_ERR_NO_DOMAIN_SNAPSHOT, libvirt.VIR_FROM_TEST,
             'Domain snapshot not found: the domain does not have a current snapshot'),
            'no current snapshot')
        for c in p.both():
            c.lookupByName('test').snapshotCreateXML(
                '<domainsnapshot><name>py-s1</name></domainsnapshot>', 0)
        check_equal(p.same('current after one', current_snapshot), ('py-s1', 'test'),
                    'current after one')
        for c in p.both():
            c.lookupByName('test').snapshotCreateXML(
                '<domainsnapshot><name>py-s2</name></domainsnapshot>', 0)
        check_equal(p.same('current after two', current_snapshot), ('py-s2', 'test'),
                    'current after two')
        check_equal(ro.same('read-only current', current_snapshot), ('py-s2', 'test'),
                    'read-only current')
        check_equal(p.same('current flags', lambda c: error_of(
            lambda: c.lookupByName('test').snapshotCurrent(1))),
            (libvirt.VIR_ERR_INVALID_ARG, libvirt.VIR_FROM_TEST), 'current flags')
        for c in p.both():
            c.lookupByName('test').snapshotLookupByName('py-s2', 0).delete(0)
        check_equal(p.same('current after a delete', current_snapshot), ('py-s1', 'test'),
                    'current after a delete')
    finally:
        for c in p.both():
            for snap in c.lookupByName('test').listAllSnapshots(0):
                snap.delete(0)
        p.close()
        ro.close()


POOL_FS_XML = ("<pool type='fs'><name>py-fs</name><source><device path='/dev/py-fs'/>"
               "</source><target><path>/mnt/py-fs</path></target></pool>")
POOL_NETFS_XML = ("<pool type='netfs'><name>py-nfs</name><source>"
                  "<host name='nfs.example.com'/><dir path='/export'/><format type='nfs'/>"
                  "</source><target><path>/mnt/py-nfs</path></target></pool>")
POOL_LOGICAL_XML = ("<pool type='logical'><name>py-lvm</name><source><name>py-lvm</name>"
                    "</source><target><path>/dev/py-lvm</path></target></pool>")

L = libvirt
POOL_TYPE_BITS = (L.VIR_CONNECT_LIST_STORAGE_POOLS_DIR | L.VIR_CONNECT_LIST_STORAGE_POOLS_FS |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_NETFS |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_DISK | L.VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_SCSI | L.VIR_CONNECT_LIST_STORAGE_POOLS_MPATH |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_RBD |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER | L.VIR_CONNECT_LIST_STORAGE_POOLS_ZFS |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE |
                  L.VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT)

# default-pool: dir, active, persistent, no autostart; py-fs: fs, inactive,
# persistent, autostart; py-nfs: netfs, inactive, persistent, no autostart;
# py-lvm: logical, active, persistent, no autostart.
ALL_POOLS = ['default-pool', 'py-fs', 'py-lvm', 'py-nfs']
POOL_FILTERS = [
    ('none', 0, ALL_POOLS),
    ('autostart', L.VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART, ['py-fs']),
    ('no autostart', L.VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART,
     ['default-pool', 'py-lvm', 'py-nfs']),
    ('autostart or not', L.VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART, ALL_POOLS),
    ('dir', L.VIR_CONNECT_LIST_STORAGE_POOLS_DIR, ['default-pool']),
    ('fs', L.VIR_CONNECT_LIST_STORAGE_POOLS_FS, ['py-fs']),
    ('netfs', L.VIR_CONNECT_LIST_STORAGE_POOLS_NETFS, ['py-nfs']),
    ('logical', L.VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL, ['py-lvm']),
    ('fs or logical', L.VIR_CONNECT_LIST_STORAGE_POOLS_FS |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL, ['py-fs', 'py-lvm']),
    ('iscsi-direct', L.VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT, []),
    ('rbd', L.VIR_CONNECT_LIST_STORAGE_POOLS_RBD, []),
    ('every type', POOL_TYPE_BITS, ALL_POOLS),
    ('active dir', L.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_DIR, ['default-pool']),
    ('inactive dir', L.VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_DIR, []),
    ('inactive autostart fs or netfs', L.VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART | L.VIR_CONNECT_LIST_STORAGE_POOLS_FS |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_NETFS, ['py-fs']),
    ('active persistent no autostart', L.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT |
     L.VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART, ['default-pool', 'py-lvm']),
    ('transient', L.VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT, []),
]


def test_storage_pool_filters():
    """listAllStoragePools (CONNECT_LIST_ALL_STORAGE_POOLS) with the
    autostart and pool type groups, alone and with the others; a bit
    libvirt 9.0 does not know is refused alike."""
    p = pair()
    try:
        for c in p.both():
            c.storagePoolDefineXML(POOL_FS_XML, 0).setAutostart(1)
            c.storagePoolDefineXML(POOL_NETFS_XML, 0)
            c.storagePoolDefineXML(POOL_LOGICAL_XML, 0).create(0)
        for what, flags, expected in POOL_FILTERS:
            check_equal(p.same('pools with ' + what, lambda c: sorted(
                x.name() for x in c.listAllStoragePools(flags))), expected, 'pools with ' + what)
        for flags in (1 << 20, (1 << 31) | L.VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE):
            check_equal(p.same('pool flags 0x%x' % flags, lambda c: error_of(
                lambda: c.listAllStoragePools(flags))),
                (L.VIR_ERR_INVALID_ARG, L.VIR_FROM_TEST), 'pool flags 0x%x' % flags)
    finally:
        for c in p.both():
            for name in ('py-fs', 'py-nfs', 'py-lvm'):
                try:
                    pool = c.storagePoolLookupByName(name)
                    if pool.isActive():
                        pool.destroy()
                    if pool.isPersistent():
                        pool.undefine()
                except libvirt.libvirtError:
                    pass
        p.close()


POOL_TRANSIENT_UUID = '4d1c2b3a-5e6f-4a7b-8c9d-0e1f2a3b4c5d'
POOL_TRANSIENT_XML = ("<pool type='dir'><name>py-tr</name><uuid>%s</uuid>"
                      "<target><path>/py-tr</path></target></pool>" % POOL_TRANSIENT_UUID)


def transient_pool_state(c):
    """What a client sees of the transient pool py-tr."""
    pool = c.storagePoolLookupByName('py-tr')
    return (pool.isActive(), pool.isPersistent(), pool.autostart(), pool.info()[0],
            sorted(x.name() for x in
                   c.listAllStoragePools(L.VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT)))


def test_storage_pool_create_xml():
    """storagePoolCreateXML (STORAGE_POOL_CREATE_XML): a transient pool,
    running at once, that cannot be marked autostart nor undefined, and
    ends when it stops; its refusals alike."""
    p = pair()
    try:
        check_equal(p.same('a new transient pool', lambda c: c.storagePoolCreateXML(
            POOL_TRANSIENT_XML, 0).name()), 'py-tr', 'a new transient pool')
        check_equal(p.same('the transient pool', transient_pool_state),
                    (1, 0, 0, L.VIR_STORAGE_POOL_RUNNING, ['py-tr']), 'the transient pool')
        for what, expected, call in [
                ('autostart', (L.VIR_ERR_INVALID_ARG, L.VIR_FROM_TEST),
                 lambda c: c.storagePoolLookupByName('py-tr').setAutostart(1)),
                ('undefine', (L.VIR_ERR_OPERATION_INVALID, L.VIR_FROM_TEST),
                 lambda c: c.storagePoolLookupByName('py-tr').undefine()),
                ('the same pool again', (L.VIR_ERR_OPERATION_INVALID, L.VIR_FROM_STORAGE),
                 lambda c: c.storagePoolCreateXML(POOL_TRANSIENT_XML, 0)),
                ('the name under another UUID', (L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_STORAGE),
                 lambda c: c.storagePoolCreateXML(POOL_TRANSIENT_XML.replace('4d1c', '0000'), 0)),
                ('the UUID under another name', (L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_STORAGE),
                 lambda c: c.storagePoolCreateXML(POOL_TRANSIENT_XML.replace('py-tr<', 'py-x<'),
                                                  0)),
                ('a name taken by a defined pool',
                 (L.VIR_ERR_OPERATION_FAILED, L.VIR_FROM_STORAGE),
                 lambda c: c.storagePoolDefineXML(POOL_TRANSIENT_XML.replace('4d1c', '0000'), 0)),
                ('the build flag', (L.VIR_ERR_INVALID_ARG, L.VIR_FROM_TEST),
                 lambda c: c.storagePoolCreateXML(
                     POOL_TRANSIENT_XML.replace('py-tr<', 'py-tr2<').replace('4d1c', '1111'),
                     L.VIR_STORAGE_POOL_CREATE_WITH_BUILD)),
                ('the XML of an inactive configuration', (L.VIR_ERR_INVALID_ARG, L.VIR_FROM_TEST),
                 lambda c: c.storagePoolLookupByName('py-tr').XMLDesc(
                     L.VIR_STORAGE_XML_INACTIVE)),
                ('no name', (L.VIR_ERR_XML_ERROR, L.VIR_FROM_STORAGE),
                 lambda c: c.storagePoolCreateXML(
                     "<pool type='dir'><target><path>/x</path></target></pool>", 0))]:
            check_equal(p.same('transient pool: ' + what, lambda c: error_of(lambda: call(c))),
                        expected, 'transient pool: ' + what)
        check_equal(p.same('the pool after the refusals', transient_pool_state),
                    (1, 0, 0, L.VIR_STORAGE_POOL_RUNNING, ['py-tr']),
                    'the pool after the refusals')
        for c in p.both():
            c.storagePoolLookupByName('py-tr').destroy()
        check_equal(p.same('the stopped transient pool', lambda c: error_of(
            lambda: c.storagePoolLookupByName('py-tr'))),
            (L.VIR_ERR_NO_STORAGE_POOL, L.VIR_FROM_TEST), 'the stopped transient pool')
    finally:
        for c in p.both():
            try:
                c.storagePoolLookupByName('py-tr').destroy()
            except libvirt.libvirtError:
                pass
        p.close()


TESTS = [test_open_and_list, test_lookups, test_lifecycle, test_events, test_errors,
         test_old_lists, test_node_device_filters, test_snapshot_current,
         test_storage_pool_filters, test_storage_pool_create_xml]


def run_tap(tests, start_gvird_daemon, start_libvirtd_daemon, use_daemons):
    """Starts gvird and (when installed) libvirtd, hands them to
    use_daemons(gvird, libvirtd), runs the tests reporting TAP, stops both
    and checks gvird's clean exit; returns the exit status."""
    require_all = os.environ.get('GVIR_TESTS_REQUIRE_ALL') == '1'
    print('1..%d' % len(tests))
    failed = 0
    libvirtd = None
    gvird = start_gvird_daemon()
    try:
        libvirtd = start_libvirtd_daemon()
        if libvirtd is None:
            reason = 'no libvirtd to compare with (install libvirt-daemon)'
            if require_all:
                raise AssertionError(reason + ' and GVIR_TESTS_REQUIRE_ALL=1')
            print('# %s: gvird only' % reason)
        use_daemons(gvird, libvirtd)
        for number, test in enumerate(tests, 1):
            try:
                test()
            except Skip as skip:
                print('ok %d - %s # SKIP %s' % (number, test.__name__, skip))
                continue
            except Exception:
                failed += 1
                print('not ok %d - %s' % (number, test.__name__))
                for line in traceback.format_exc().splitlines():
                    print('# ' + line)
                continue
            print('ok %d - %s' % (number, test.__name__))
            sys.stdout.flush()
    finally:
        if libvirtd is not None:
            libvirtd.stop()
        status = gvird.stop()
    # A clean stop on SIGTERM after all these clients.
    check_equal(status, 0, 'gvird exit status')
    return 1 if failed else 0


def main():
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    # Must come before any connection is opened.
    libvirt.virEventRegisterDefaultImpl()

    def use_daemons(gvird, libvirtd):
        global GVIRD, LIBVIRTD
        GVIRD, LIBVIRTD = gvird, libvirtd
    return run_tap(TESTS, start_gvird, start_libvirtd, use_daemons)


if __name__ == '__main__':
    sys.exit(main())
