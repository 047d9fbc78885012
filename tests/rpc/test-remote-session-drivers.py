#!/usr/bin/python3
# test-remote-session-drivers.py: volume transfers, secrets and network
# filters through our remote driver against a real libvirtd session daemon,
# with its real storage, secret and nwfilter drivers.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# The libvirtd test driver refuses volume transfers, secrets and network
# filters, so the remote procedures behind them (storage volume upload and
# download, secret and network filter listing and lookup) need a daemon with
# the real drivers. This test owns one: a libvirtd session daemon (private
# XDG directories, run as nobody when the test is root) with a dir pool
# defined by virsh in the session's private directory. It checks, against
# libvirt's own virsh on the same socket and against the file on disk:
#  1. bytes uploaded at an offset through GVirStream's GOutputStream are the
#     bytes a download window gives back, the bytes in the volume's file and
#     the bytes `virsh vol-download` gives;
#  2. libvirtd's answers outside the volume (a download past the end sends
#     nothing, an upload past the end grows the file) and its error for a
#     volume gone, mapped to our codes;
#  3. a secret defined by virsh is listed by our fetch with its UUID, usage
#     and configuration as `virsh secret-dumpxml` shows them; once undefined
#     it is gone after a re-fetch and its old object's get_config fails with
#     NOT_FOUND;
#  4. the session daemon's nwfilter driver (no filters in session mode, and
#     no way to define one): our fetch lists what virsh lists.
# The daemon is stopped by its pid in every path (finally). Each check has
# its own bound: past it, a watchdog kills the daemon, which ends any call
# of ours still waiting on it with an error. TAP output.
#
# Must run under Debian's /usr/bin/python3 (python3-gi), with GI_TYPELIB_PATH
# and LD_LIBRARY_PATH pointing at the build tree first.

import os
import signal
import sys
import threading
import traceback
import xml.etree.ElementTree as ElementTree

import gi
gi.require_version('GLib', '2.0')
gi.require_version('LibvirtGConfig', '1.0')
gi.require_version('LibvirtGObject', '1.0')
from gi.repository import GLib, LibvirtGConfig, LibvirtGObject  # noqa: E402

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from session_daemon import (Session, diag, session_socket, skip_or_fail,  # noqa: E402
                            start_libvirtd, tap_ok, wait_bound)

ERROR_DOMAIN = 'gvir-error-quark'
TOOLS = ['/usr/sbin/libvirtd', '/usr/bin/virsh', '/usr/bin/setpriv']
POOL = 'gvir-session-pool'
VOLUME = 'transfer.img'
# Larger than one stream packet (libvirt's are at most 256 KiB of data),
# and so is the payload: both directions span several packets.
CAPACITY = 1 << 20
PAYLOAD_OFFSET = 1000
# The window read back: 10 bytes of zeros either side of the payload.
WINDOW_OFFSET = 990
PAYLOAD = bytes((i * 7 + i // 251) % 256 for i in range(300000))
WINDOW_LENGTH = len(PAYLOAD) + 20
# Past the end of the volume, for libvirtd's own answers there.
BEYOND = CAPACITY + 4096
SECRETS = {
    'volume': ('c0ffee00-1111-4222-8333-444455556666', LibvirtGConfig.SecretUsageType.VOLUME,
               "<usage type='volume'><volume>/var/lib/gvir/encrypted.img</volume></usage>",
               '/var/lib/gvir/encrypted.img'),
    'ceph': ('c0ffee00-7777-4888-9999-aaaabbbbcccc', LibvirtGConfig.SecretUsageType.CEPH,
             "<usage type='ceph'><name>client.gvir secret</name></usage>",
             'client.gvir secret'),
}


class CheckFailed(Exception):
    """A failed check: unlike assert, it survives python3 -O."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def check_equal(got, want, what=''):
    check(got == want, '%s: got %r, expected %r' % (what, got, want))


def assert_gvir_error(exc, code, what):
    check_equal(exc.domain, ERROR_DOMAIN, '%s: error domain' % what)
    check_equal(exc.code, int(code), '%s: error code (message %r)' % (what, exc.message))


def expect_gvir_error(call, code, what):
    try:
        call()
    except GLib.Error as exc:
        assert_gvir_error(exc, code, what)
    else:
        check(False, '%s did not fail' % what)


class Context:
    """The session, its daemon's URI, our connection to it."""

    def __init__(self, session):
        self.session = session
        self.uri = 'qemu+unix:///session?socket=' + session_socket(session)
        self.conn = None
        self.vol = None

    def virsh(self, *args):
        """virsh on the session's socket, as the session's user; its stdout."""
        done = self.session.call(['virsh', '-c', self.uri] + list(args))
        check(done.returncode == 0, 'virsh %s: status %d: %s'
              % (' '.join(args), done.returncode, done.stderr.strip()))
        return done.stdout

    def virsh_fails(self, *args):
        """virsh that must fail; its error output."""
        done = self.session.call(['virsh', '-c', self.uri] + list(args))
        check(done.returncode != 0, 'virsh %s succeeded' % ' '.join(args))
        return done.stderr

    def path(self, name):
        return os.path.join(self.session.dir, name)

    def user_file(self, name, data=b''):
        """A file in the session's directory that its user may read and write."""
        path = self.path(name)
        with open(path, 'wb') as f:
            f.write(data)
        if self.session.uid is not None:
            os.chown(path, self.session.uid, self.session.gid)
        return path

    def user_dir(self, name):
        path = self.path(name)
        os.makedirs(path)
        if self.session.uid is not None:
            os.chown(path, self.session.uid, self.session.gid)
        return path


def read_all(stream):
    """Everything a download stream gives until its end of data."""
    data = b''
    while True:
        piece = stream.get_input_stream().read_bytes(16384, None).get_data()
        if not piece:
            return data
        data += piece


def download(ctx, offset, length):
    stream = ctx.conn.get_stream(0)
    check_equal(ctx.vol.download(stream, offset, length, 0), True, 'download starts')
    data = read_all(stream)
    stream.close(None)
    return data


def upload(ctx, offset, data):
    stream = ctx.conn.get_stream(0)
    check_equal(ctx.vol.upload(stream, offset, 0, 0), True, 'upload starts')
    ok, written = stream.get_output_stream().write_all(data, None)
    check_equal((ok, written), (True, len(data)), 'write_all')
    stream.close(None)


def virsh_download(ctx, name, offset, length):
    out = ctx.user_file(name)
    ctx.virsh('vol-download', '--pool', POOL, VOLUME, out,
              '--offset', str(offset), '--length', str(length))
    with open(out, 'rb') as f:
        return f.read()


def on_disk(ctx, offset, length):
    with open(ctx.vol.get_path(), 'rb') as f:
        f.seek(offset)
        return f.read(length)


def test_connect(ctx):
    ctx.conn = LibvirtGObject.Connection.new(ctx.uri)
    check(ctx.conn.open(None), 'open ' + ctx.uri)
    return 'our GVirConnection opens the session daemon at ' + ctx.uri


def test_pool_and_volume(ctx):
    pool_dir = ctx.user_dir('pool')
    ctx.virsh('pool-define-as', POOL, 'dir', '--target', pool_dir)
    ctx.virsh('pool-start', POOL)
    check(ctx.conn.fetch_storage_pools(None), 'fetch_storage_pools')
    pool = ctx.conn.find_storage_pool_by_name(POOL)
    check(pool is not None, 'the pool virsh defined is listed')
    conf = LibvirtGConfig.StorageVol.new_from_xml(
        "<volume><name>%s</name><capacity unit='bytes'>%d</capacity>"
        "<allocation unit='bytes'>0</allocation><target><format type='raw'/></target>"
        "</volume>" % (VOLUME, CAPACITY))
    ctx.vol = pool.create_volume(conf)
    check_equal(ctx.vol.get_path(), os.path.join(pool_dir, VOLUME), 'volume path')
    check_equal(os.path.getsize(ctx.vol.get_path()), CAPACITY, 'size of the file on disk')
    listed = ctx.virsh('vol-list', '--pool', POOL).split()
    check(VOLUME in listed, 'virsh vol-list shows our volume: %r' % listed)
    return 'a dir pool defined and started by virsh holds a volume we create'


def test_transfer(ctx):
    upload(ctx, PAYLOAD_OFFSET, PAYLOAD)
    want = bytes(10) + PAYLOAD + bytes(10)
    check_equal(download(ctx, WINDOW_OFFSET, WINDOW_LENGTH), want, 'our downloaded window')
    check_equal(on_disk(ctx, WINDOW_OFFSET, WINDOW_LENGTH), want, 'the window in the file')
    check_equal(virsh_download(ctx, 'window.virsh', WINDOW_OFFSET, WINDOW_LENGTH), want,
                'the window virsh vol-download gives')
    # Length 0: up to the end of the volume, as virsh's whole-volume download.
    whole = download(ctx, 0, 0)
    check_equal(len(whole), CAPACITY, 'length of a whole-volume download')
    check_equal(whole, on_disk(ctx, 0, CAPACITY), 'the whole volume against the file')
    return 'bytes uploaded at an offset come back from a download window, the file and virsh'


def test_outside_the_volume(ctx):
    """libvirtd's dir pools do not refuse a range past the end: a download
    sends no bytes (as virsh shows), an upload grows the file (as virsh's
    does). Our remote driver passes both on unchanged."""
    check_equal(download(ctx, BEYOND, 100), b'', 'download past the end')
    check_equal(virsh_download(ctx, 'beyond.virsh', BEYOND, 100), b'',
                'virsh vol-download past the end')
    upload(ctx, BEYOND, b'\xa5' * 100)
    check_equal(os.path.getsize(ctx.vol.get_path()), BEYOND + 100, 'file size after the upload')
    check_equal(on_disk(ctx, BEYOND - 1, 101), b'\0' + b'\xa5' * 100, 'bytes past the old end')
    src = ctx.user_file('beyond.src', b'\x5a' * 50)
    ctx.virsh('vol-upload', '--pool', POOL, VOLUME, src, '--offset', str(BEYOND + 100))
    check_equal(os.path.getsize(ctx.vol.get_path()), BEYOND + 150, 'file size after virsh')
    check_equal(download(ctx, BEYOND, 0), b'\xa5' * 100 + b'\x5a' * 50,
                'our download of what both uploads wrote')
    return 'past the end: libvirtd sends nothing and grows the file, for us as for virsh'


def test_volume_gone(ctx):
    vol = ctx.vol
    ctx.virsh('vol-delete', '--pool', POOL, VOLUME)
    expect_gvir_error(lambda: vol.download(ctx.conn.get_stream(0), 0, 0, 0),
                      LibvirtGObject.Error.NOT_FOUND, 'download of a volume virsh deleted')
    expect_gvir_error(lambda: vol.upload(ctx.conn.get_stream(0), 0, 0, 0),
                      LibvirtGObject.Error.NOT_FOUND, 'upload to a volume virsh deleted')
    err = ctx.virsh_fails('vol-download', '--pool', POOL, VOLUME, ctx.path('gone.virsh'))
    check('Storage volume not found' in err, 'virsh on the deleted volume: %r' % err)
    return 'a volume deleted by virsh: NOT_FOUND for our transfers, not found for virsh'


def define_secrets(ctx):
    for kind, (uuid, _, usage, _) in SECRETS.items():
        xml = ctx.user_file('secret-%s.xml' % kind, (
            "<secret ephemeral='no' private='yes'><uuid>%s</uuid>"
            "<description>gvir %s secret</description>%s</secret>"
            % (uuid, kind, usage)).encode())
        ctx.virsh('secret-define', xml)


def check_secret(ctx, kind):
    uuid, usage_type, _, usage_id = SECRETS[kind]
    secret = ctx.conn.get_secret(uuid)
    check(secret is not None, '%s secret listed by our fetch' % kind)
    check_equal(secret.get_uuid(), uuid, '%s secret UUID' % kind)
    check_equal(secret.get_usage_type(), usage_type, '%s usage type' % kind)
    check_equal(secret.get_usage_id(), usage_id, '%s usage id' % kind)
    conf = secret.get_config(0)
    dumped = ElementTree.fromstring(ctx.virsh('secret-dumpxml', uuid))
    check_equal(conf.get_uuid(), dumped.findtext('uuid'), '%s config UUID' % kind)
    check_equal(conf.get_description(), dumped.findtext('description'),
                '%s config description' % kind)
    check_equal((conf.get_ephemeral(), conf.get_private()),
                (dumped.get('ephemeral') == 'yes', dumped.get('private') == 'yes'),
                '%s config ephemeral and private' % kind)
    check_equal(conf.get_usage_type(), usage_type, '%s config usage type' % kind)
    usage = dumped.find('usage')
    check_equal(usage.get('type'), kind, '%s usage type in virsh' % kind)
    if kind == 'volume':
        check_equal(conf.get_usage_volume(), usage.findtext('volume'), 'config usage volume')
    else:
        check_equal(conf.get_usage_name(), usage.findtext('name'), 'config usage name')


def test_secrets(ctx):
    define_secrets(ctx)
    check(ctx.conn.fetch_secrets(None), 'fetch_secrets')
    ours = sorted(secret.get_uuid() for secret in ctx.conn.get_secrets())
    virsh_uuids = sorted(line.split()[0] for line in
                         ctx.virsh('secret-list').splitlines()[2:] if line.strip())
    check_equal(ours, virsh_uuids, 'our secrets against virsh secret-list')
    check_equal(ours, sorted(uuid for uuid, _, _, _ in SECRETS.values()), 'secret UUIDs')
    for kind in SECRETS:
        check_secret(ctx, kind)
    return 'secrets defined by virsh: UUID, usage and configuration as virsh shows them'


def test_secret_gone(ctx):
    uuid = SECRETS['volume'][0]
    secret = ctx.conn.get_secret(uuid)
    check(secret is not None, 'the volume secret before undefine')
    ctx.virsh('secret-undefine', uuid)
    check(ctx.conn.fetch_secrets(None), 're-fetch after undefine')
    check_equal(ctx.conn.get_secret(uuid), None, 'the undefined secret after a re-fetch')
    check_equal([s.get_uuid() for s in ctx.conn.get_secrets()], [SECRETS['ceph'][0]],
                'secrets left after a re-fetch')
    expect_gvir_error(lambda: secret.get_config(0), LibvirtGObject.Error.NOT_FOUND,
                      'get_config of an undefined secret')
    err = ctx.virsh_fails('secret-dumpxml', uuid)
    check('Secret not found' in err, 'virsh on the undefined secret: %r' % err)
    return 'a secret undefined by virsh: gone after a re-fetch, NOT_FOUND for get_config'


def test_network_filters(ctx):
    """The session daemon has an nwfilter driver but holds no filters and
    defines none (filters are a system daemon's): our fetch must succeed
    with what virsh lists, empty."""
    check(ctx.conn.fetch_network_filters(None), 'fetch_network_filters')
    ours = [f.get_name() for f in ctx.conn.get_network_filters()]
    listed = [line.split()[1] for line in ctx.virsh('nwfilter-list').splitlines()[2:]
              if line.strip()]
    check_equal(ours, listed, 'our network filters against virsh nwfilter-list')
    check_equal(ours, [], 'network filters of a session daemon')
    xml = ctx.user_file('filter.xml', b"<filter name='gvir-session' chain='root'/>")
    err = ctx.virsh_fails('nwfilter-define', xml)
    check('session mode' in err, 'virsh nwfilter-define: %r' % err)
    return 'network filters: the session daemon lists none for us as for virsh'


TESTS = [test_connect, test_pool_and_volume, test_transfer, test_outside_the_volume,
         test_volume_gone, test_secrets, test_secret_gone, test_network_filters]


def run(ctx, daemon, test):
    def expire():
        diag('%s still running after %d s: killing the daemon' % (test.__name__, wait_bound()))
        os.kill(daemon.pid, signal.SIGKILL)

    watchdog = threading.Timer(wait_bound(), expire)
    watchdog.start()
    try:
        return tap_ok(True, test(ctx))
    except Exception:  # noqa: BLE001 - each failure is reported, the rest run
        diag(traceback.format_exc())
        return tap_ok(False, test.__name__)
    finally:
        watchdog.cancel()


def main():
    missing = [tool for tool in TOOLS if not os.access(tool, os.X_OK)]
    if missing:
        skip_or_fail('missing %s (apt-get install libvirt-daemon libvirt-clients util-linux)'
                     % ', '.join(missing))
    session = Session('gvir-session-drivers-')
    failed = False
    print('1..%d' % (len(TESTS) + 1), flush=True)
    try:
        ctx = Context(session)
        libvirtd, listening = start_libvirtd(session)
        failed |= not tap_ok(listening, 'a libvirtd session daemon of our own listens')
        for test in TESTS:
            if listening:
                failed |= not run(ctx, libvirtd, test)
            else:
                failed |= not tap_ok(False, test.__name__ + ' (no daemon)')
        if ctx.conn is not None:
            ctx.conn.close()
        session.stop(libvirtd)
    finally:
        session.close()
    sys.exit(1 if failed else 0)


main()
