#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# Acceptance test of the remote driver from Python (PyGObject): a real
# libvirtd with only its built-in test driver, reached over its UNIX, TCP and
# TLS listeners, must show through LibvirtGObject the same domains in the same
# states as libvirt's own virsh on the same URI; lifecycles driven through our
# library or through virsh must arrive as our signals; TLS refusals and the
# read-only socket must fail with clear errors. Output is TAP.
#
# It fails (never skips) when libvirtd, virsh or certtool are missing. The
# daemons it starts are always stopped: try/finally, atexit, SIGTERM handler,
# and PR_SET_PDEATHSIG in case this process dies without any of those.
#
# Must run under Debian's /usr/bin/python3 (python3-gi), with GI_TYPELIB_PATH
# and LD_LIBRARY_PATH pointing at the build tree first.

import atexit
import ctypes
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import xml.etree.ElementTree as ElementTree

import gi
gi.require_version('GLib', '2.0')
gi.require_version('LibvirtGConfig', '1.0')
gi.require_version('LibvirtGObject', '1.0')
from gi.repository import GLib, LibvirtGConfig, LibvirtGObject  # noqa: E402,F401

ERROR_DOMAIN = 'gvir-error-quark'
TEST_DOMAIN = 'test'
# Generous, for a loaded 2-core machine: a missing signal fails, never hangs.
SIGNAL_TIMEOUT = 30
DAEMON_START_TIMEOUT = 60
TOOL_TIMEOUT = 120

class CheckFailed(Exception):
    """A failed check: unlike assert, it survives python3 -O."""


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


State = LibvirtGObject.DomainState
# virsh's words for the states our library reports.
VIRSH_STATES = {
    'running': State.RUNNING,
    'paused': State.PAUSED,
    'shut off': State.SHUTOFF,
}


DEBIAN_PACKAGES = {
    'libvirtd': 'libvirt-daemon',
    'virsh': 'libvirt-clients',
    'certtool': 'gnutls-bin',
}


def find_tool(name, env_var):
    """The tool named by $env_var, else the one on PATH (and sbin)."""
    path = os.environ.get(env_var) or shutil.which(
        name, path=os.environ.get('PATH', '') + ':/usr/sbin:/sbin:/usr/local/sbin')
    if path is None or not os.access(path, os.X_OK):
        raise RuntimeError('%s is not installed%s; this test needs it (Debian package %s)'
                           % (name, ' at %s' % path if path else '', DEBIAN_PACKAGES[name]))
    return path


def run_tool(argv, check=True):
    """Runs a command line tool; returns its stdout, raises with its stderr."""
    # LC_ALL=C: virsh's state words ('shut off') are parsed.
    proc = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True,
                          env=dict(os.environ, LC_ALL='C'), timeout=TOOL_TIMEOUT)
    if check and proc.returncode != 0:
        raise RuntimeError('%s failed (exit %d): %s'
                           % (' '.join(argv), proc.returncode, proc.stderr.strip()))
    return proc.stdout


# ---- certificates ------------------------------------------------------------

CA_TEMPLATE = 'cn = Test CA\nca\ncert_signing_key\ncrl_signing_key\nexpiration_days = 30\n'
OTHER_CA_TEMPLATE = 'cn = Other CA\nca\ncert_signing_key\nexpiration_days = 30\n'
SERVER_TEMPLATE = ('organization = Test\ncn = localhost\ndns_name = localhost\n'
                   'ip_address = 127.0.0.1\n'
                   'tls_www_server\nencryption_key\nsigning_key\nexpiration_days = 30\n')
# Valid, from the right CA, but for a name the client does not connect to.
WRONG_NAME_SERVER_TEMPLATE = ('organization = Test\ncn = wrong.invalid\n'
                              'dns_name = wrong.invalid\n'
                              'tls_www_server\nencryption_key\nsigning_key\n'
                              'expiration_days = 30\n')
CLIENT_TEMPLATE = ('country = US\norganization = Test\ncn = testclient\n'
                   'tls_www_client\nencryption_key\nsigning_key\nexpiration_days = 30\n')


class Pki:
    """CA, server and client certificates made with certtool, and the client
    folders (pkipath=) the cases use."""

    def __init__(self, top):
        self.certtool = find_tool('certtool', 'CERTTOOL')
        self.dir = os.path.join(top, 'pki')
        os.makedirs(self.dir, mode=0o700)
        self._make('ca', CA_TEMPLATE, None)
        self._make('otherca', OTHER_CA_TEMPLATE, None)
        self._make('server', SERVER_TEMPLATE, 'ca')
        self._make('wrongserver', WRONG_NAME_SERVER_TEMPLATE, 'ca')
        self._make('client', CLIENT_TEMPLATE, 'ca')
        self.client_good = self._client_dir(top, 'client-good', 'ca', True)
        self.client_no_cert = self._client_dir(top, 'client-no-cert', 'ca', False)
        self.client_other_ca = self._client_dir(top, 'client-other-ca', 'otherca', True)

    def path(self, name, kind):
        return os.path.join(self.dir, '%s%s.pem' % (name, kind))

    def _make(self, name, template, ca):
        info = os.path.join(self.dir, name + '.info')
        with open(info, 'w') as f:
            f.write(template)
        # 2048 bits: the default (3072) costs seconds on a slow machine.
        run_tool([self.certtool, '--generate-privkey', '--bits', '2048',
                  '--outfile', self.path(name, 'key')])
        if ca is None:
            run_tool([self.certtool, '--generate-self-signed',
                      '--load-privkey', self.path(name, 'key'),
                      '--template', info, '--outfile', self.path(name, 'cert')])
        else:
            run_tool([self.certtool, '--generate-certificate',
                      '--load-privkey', self.path(name, 'key'),
                      '--load-ca-certificate', self.path(ca, 'cert'),
                      '--load-ca-privkey', self.path(ca, 'key'),
                      '--template', info, '--outfile', self.path(name, 'cert')])

    def _client_dir(self, top, label, ca, with_cert):
        folder = os.path.join(top, label)
        os.makedirs(folder, mode=0o700)
        shutil.copy(self.path(ca, 'cert'), os.path.join(folder, 'cacert.pem'))
        if with_cert:
            shutil.copy(self.path('client', 'cert'), os.path.join(folder, 'clientcert.pem'))
            shutil.copy(self.path('client', 'key'), os.path.join(folder, 'clientkey.pem'))
        return folder


# ---- the reference daemon -----------------------------------------------------

PR_SET_PDEATHSIG = 1


def die_with_parent():
    """In the child before exec: the daemon must not outlive this test."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def free_loopback_port(avoid=()):
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(('127.0.0.1', 0))
            port = s.getsockname()[1]
        if port not in avoid:
            return port


def port_open(port):
    try:
        with socket.create_connection(('127.0.0.1', port), timeout=2):
            return True
    except OSError:
        return False


class Libvirtd:
    """A libvirtd in its own folder: UNIX rw + ro sockets, TCP and TLS on free
    loopback ports, only the built-in test driver (LIBVIRT_DRIVER_DIR empty)."""

    def __init__(self, top, label, pki, server_cert):
        self.binary = find_tool('libvirtd', 'LIBVIRTD')
        self.dir = os.path.join(top, label)
        self.run_dir = os.path.join(self.dir, 'run')
        drivers = os.path.join(self.dir, 'drivers-empty')
        os.makedirs(self.run_dir, mode=0o700)
        os.makedirs(drivers, mode=0o700)
        self.socket = os.path.join(self.run_dir, 'libvirt-sock')
        self.socket_ro = os.path.join(self.run_dir, 'libvirt-sock-ro')
        self.log = os.path.join(self.dir, 'libvirtd.log')
        self.tcp_port = free_loopback_port()
        self.tls_port = free_loopback_port(avoid=(self.tcp_port,))
        self.proc = None

        conf = os.path.join(self.dir, 'libvirtd.conf')
        with open(conf, 'w') as f:
            f.write('unix_sock_dir = "%s"\n' % self.run_dir +
                    'unix_sock_ro_perms = "0777"\n'
                    'unix_sock_rw_perms = "0770"\n'
                    'auth_unix_ro = "none"\n'
                    'auth_unix_rw = "none"\n'
                    'listen_tcp = 1\n'
                    'listen_addr = "127.0.0.1"\n'
                    'tcp_port = "%d"\n' % self.tcp_port +
                    'auth_tcp = "none"\n'
                    'listen_tls = 1\n'
                    'tls_port = "%d"\n' % self.tls_port +
                    'auth_tls = "none"\n'
                    'key_file = "%s"\n' % pki.path(server_cert, 'key') +
                    'cert_file = "%s"\n' % pki.path(server_cert, 'cert') +
                    'ca_file = "%s"\n' % pki.path('ca', 'cert') +
                    'log_outputs = "3:file:%s"\n' % self.log)
        self.argv = [self.binary, '--listen', '--config', conf,
                     '--pid-file', os.path.join(self.dir, 'libvirtd.pid')]
        self.env = dict(os.environ, LIBVIRT_DRIVER_DIR=drivers)

    def start(self):
        self.proc = subprocess.Popen(
            self.argv, cwd=self.dir, env=self.env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=die_with_parent)
        self._wait_ready()

    def _wait_ready(self):
        deadline = time.monotonic() + DAEMON_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError('libvirtd exited during startup (status %d); its log:\n%s'
                                   % (self.proc.returncode, self._read_log()))
            if (os.path.exists(self.socket) and os.path.exists(self.socket_ro)
                    and port_open(self.tcp_port) and port_open(self.tls_port)):
                return
            time.sleep(0.02)
        raise RuntimeError('libvirtd did not open its sockets within %d s; its log:\n%s'
                           % (DAEMON_START_TIMEOUT, self._read_log()))

    def _read_log(self):
        try:
            with open(self.log) as f:
                return f.read()[-4000:]
        except OSError:
            return '(no log)'

    def stop(self):
        """SIGTERM, then SIGKILL if it lingers; always reaps it. Idempotent."""
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                os.kill(proc.pid, signal.SIGTERM)
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.kill(proc.pid, signal.SIGKILL)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    raise RuntimeError('timed out after 15 s waiting for libvirtd (pid %d) '
                                       'to exit after SIGKILL' % proc.pid)

    @property
    def unix_uri(self):
        return 'test+unix:///default?socket=%s' % self.socket

    @property
    def ro_uri(self):
        return 'test+unix:///default?socket=%s' % self.socket_ro

    @property
    def tcp_uri(self):
        return 'test+tcp://127.0.0.1:%d/default' % self.tcp_port

    def tls_uri(self, host, pkipath):
        return 'test+tls://%s:%d/default?pkipath=%s' % (host, self.tls_port, pkipath)


class Fixture:
    """Everything the cases share; close() undoes it all, at most once,
    including whatever a failed setup() left half done."""

    def __init__(self):
        self.top = None
        self.daemons = []

    def setup(self):
        self.virsh = find_tool('virsh', 'VIRSH')
        self.top = tempfile.mkdtemp(prefix='gvir-pylibvirtd-')
        self.pki = Pki(self.top)
        self.main = self._start('main', 'server')
        # Serves a certificate for another name: the hostname check must refuse.
        self.wrong_name = self._start('wrong-name', 'wrongserver')

    def _start(self, label, server_cert):
        daemon = Libvirtd(self.top, label, self.pki, server_cert)
        # Registered before it runs, so that a failed startup still stops it.
        self.daemons.append(daemon)
        daemon.start()
        return daemon

    def close(self):
        daemons, self.daemons = self.daemons, []
        for daemon in daemons:
            daemon.stop()
        top, self.top = self.top, None
        if top is not None:
            shutil.rmtree(top, ignore_errors=True)


fixture = None


def cleanup():
    global fixture
    f, fixture = fixture, None
    if f is not None:
        f.close()


def on_sigterm(signum, frame):
    # meson's timeout sends SIGTERM: leave through the finally blocks.
    raise SystemExit(128 + signum)


# ---- helpers -----------------------------------------------------------------

def virsh(uri, *args, read_only=False):
    argv = [fixture.virsh]
    if read_only:
        argv.append('-r')
    return run_tool(argv + ['-c', uri] + list(args))


def virsh_domains(uri, read_only=False):
    """`virsh list --all` parsed into {name: DomainState}."""
    out = virsh(uri, 'list', '--all', read_only=read_only)
    lines = out.splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if re.match(r'^-{5,}\s*$', line))
    except StopIteration:
        raise AssertionError('unexpected virsh list output:\n%s' % out)
    domains = {}
    for line in lines[start + 1:]:
        if not line.strip():
            continue
        m = re.match(r'^\s*(\S+)\s+(\S+)\s+(\S.*?)\s*$', line)
        check(m, 'unparsable virsh line %r' % line)
        name, state = m.group(2), m.group(3)
        check(state in VIRSH_STATES, 'virsh state %r of %s has no mapping' % (state, name))
        domains[name] = VIRSH_STATES[state]
    return domains


def open_connection(uri, read_only=False):
    conn = LibvirtGObject.Connection.new(uri)
    if read_only:
        conn.open_read_only(None)
    else:
        conn.open(None)
    conn.fetch_domains(None)
    return conn


def our_domains(conn):
    """Our view of the same list: {name: DomainState} (fresh from the server)."""
    conn.fetch_domains(None)
    domains = {}
    for dom in conn.get_domains():
        state, _reason = dom.get_state()
        info_state = dom.get_info().state
        check(state == info_state,
              '%s: get_state %r but get_info %r' % (dom.get_name(), state, info_state))
        domains[dom.get_name()] = state
    return domains


def assert_same_as_virsh(conn, uri, read_only=False, expect=None):
    ours = our_domains(conn)
    theirs = virsh_domains(uri, read_only=read_only)
    check(ours == theirs, 'on %s ours %r, virsh %r' % (uri, ours, theirs))
    if expect is not None:
        for name, state in expect.items():
            check(ours.get(name) == state,
                  '%s: %r, expected %r (all: %r)' % (name, ours.get(name), state, ours))
    return ours


def assert_gvir_error(exc, code, what, keyword=None):
    check(isinstance(exc, GLib.Error), '%s: %r is not a GLib.Error' % (what, exc))
    check(exc.domain == ERROR_DOMAIN,
          '%s: domain %s (%s), expected %s' % (what, exc.domain, exc.message, ERROR_DOMAIN))
    check(exc.code == int(code),
          '%s: code %d (%s), expected %d' % (what, exc.code, exc.message, int(code)))
    if keyword is not None:
        check(keyword.lower() in exc.message.lower(),
              '%s: message %r does not name %r' % (what, exc.message, keyword))


def domain_xml(name):
    return ("<domain type='test'><name>%s</name><memory>8192</memory>"
            "<vcpu>1</vcpu><os><type>hvm</type></os></domain>" % name)


def define_with_virsh(uri, name):
    path = os.path.join(fixture.top, name + '.xml')
    with open(path, 'w') as f:
        f.write(domain_xml(name))
    virsh(uri, 'define', path)


def ensure_only_test_running(uri):
    """Puts the shared daemon back into its initial state after a case."""
    domains = virsh_domains(uri)
    for name in domains:
        if name == TEST_DOMAIN:
            continue
        if domains[name] != State.SHUTOFF:
            virsh(uri, 'destroy', name)
        virsh(uri, 'undefine', name)
    state = domains.get(TEST_DOMAIN)
    if state == State.PAUSED:
        virsh(uri, 'resume', TEST_DOMAIN)
    elif state == State.SHUTOFF:
        virsh(uri, 'start', TEST_DOMAIN)


class Waiter:
    """Runs a GLib main loop until a condition holds, or fails after
    SIGNAL_TIMEOUT seconds instead of hanging."""

    def __init__(self):
        self.loop = GLib.MainLoop()

    def wait_for(self, condition, what):
        if condition():
            return
        deadline = time.monotonic() + SIGNAL_TIMEOUT
        timed_out = []

        def poll():
            if condition():
                self.loop.quit()
                return GLib.SOURCE_REMOVE
            if time.monotonic() > deadline:
                timed_out.append(True)
                self.loop.quit()
                return GLib.SOURCE_REMOVE
            return GLib.SOURCE_CONTINUE

        # Polling the condition keeps the wait bounded whatever the callbacks
        # do; poll() is the only thing that quits the loop, and it removes
        # its own source when it does.
        GLib.timeout_add(20, poll)
        self.loop.run()
        check(not timed_out, 'timed out after %d s waiting for %s' % (SIGNAL_TIMEOUT, what))


# ---- cases --------------------------------------------------------------------

def test_unix_list():
    uri = fixture.main.unix_uri
    conn = open_connection(uri)
    try:
        check(conn.is_open() and not conn.is_read_only(),
              'conn.is_open() and not conn.is_read_only()')
        ours = assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING})
        check(list(ours) == [TEST_DOMAIN], ours)
        check(conn.get_hypervisor_name() == 'TEST', conn.get_hypervisor_name())
    finally:
        conn.close()


def test_unix_list_after_virsh_changes():
    """States changed by virsh, all three kinds at once: ours must follow."""
    uri = fixture.main.unix_uri
    conn = open_connection(uri)
    try:
        define_with_virsh(uri, 'py-off')
        define_with_virsh(uri, 'py-on')
        virsh(uri, 'start', 'py-on')
        virsh(uri, 'suspend', TEST_DOMAIN)
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.PAUSED,
                                                'py-off': State.SHUTOFF,
                                                'py-on': State.RUNNING})
        virsh(uri, 'resume', TEST_DOMAIN)
        virsh(uri, 'destroy', 'py-on')
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING,
                                                'py-on': State.SHUTOFF})
        virsh(uri, 'undefine', 'py-on')
        virsh(uri, 'undefine', 'py-off')
        ours = assert_same_as_virsh(conn, uri)
        check(list(ours) == [TEST_DOMAIN], ours)
    finally:
        conn.close()
        ensure_only_test_running(uri)


def test_unix_list_after_our_changes():
    """States changed through our library: virsh must show them."""
    uri = fixture.main.unix_uri
    conn = open_connection(uri)
    try:
        dom = conn.find_domain_by_name(TEST_DOMAIN)
        check(dom is not None, 'dom is not None')
        dom.suspend()
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.PAUSED})
        dom.resume()
        dom.stop(0)
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.SHUTOFF})
        dom.start(0)
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING})

        created = conn.create_domain(LibvirtGConfig.Domain.new_from_xml(domain_xml('py-ours')))
        check(created.get_name() == 'py-ours', "created.get_name() == 'py-ours'")
        ours = assert_same_as_virsh(conn, uri, expect={'py-ours': State.SHUTOFF})
        check(sorted(ours) == ['py-ours', TEST_DOMAIN], ours)
        created.start(0)
        assert_same_as_virsh(conn, uri, expect={'py-ours': State.RUNNING})
        created.stop(0)
        created.delete(0)
        ours = assert_same_as_virsh(conn, uri)
        check(list(ours) == [TEST_DOMAIN], ours)
    finally:
        conn.close()
        ensure_only_test_running(uri)


def test_async_lifecycle_signals():
    """suspend/resume/stop/start through *_async in a main loop: each call
    completes and our detailed signal arrives (from the server's events)."""
    uri = fixture.main.unix_uri
    waiter = Waiter()
    conn = LibvirtGObject.Connection.new(uri)

    def collect(into, finish):
        # An exception inside a callback would be swallowed by PyGObject.
        def callback(obj, res):
            try:
                into.append(finish(res))
            except GLib.Error as e:
                into.append(e)
        return callback

    opened = []
    conn.open_async(None, collect(opened, conn.open_finish))
    waiter.wait_for(lambda: opened, 'open_async')
    check(opened == [True], opened)
    fetched = []
    conn.fetch_domains_async(None, collect(fetched, conn.fetch_domains_finish))
    waiter.wait_for(lambda: fetched, 'fetch_domains_async')
    check(fetched == [True], fetched)
    try:
        dom = conn.find_domain_by_name(TEST_DOMAIN)
        check(dom is not None, 'dom is not None')
        events = []
        for sig in ('started::booted', 'stopped::destroyed',
                    'suspended::paused', 'resumed::unpaused'):
            dom.connect(sig, lambda d, s=sig: events.append(s))

        steps = [
            ('suspend', lambda cb: dom.suspend_async(None, cb), dom.suspend_finish,
             'suspended::paused', State.PAUSED),
            ('resume', lambda cb: dom.resume_async(None, cb), dom.resume_finish,
             'resumed::unpaused', State.RUNNING),
            ('stop', lambda cb: dom.stop_async(0, None, cb), dom.stop_finish,
             'stopped::destroyed', State.SHUTOFF),
            ('start', lambda cb: dom.start_async(0, None, cb), dom.start_finish,
             'started::booted', State.RUNNING),
        ]
        for name, call, finish, sig, state in steps:
            results = []
            call(collect(results, finish))
            waiter.wait_for(lambda: results and sig in events,
                            '%s to finish and emit %s (got %r)' % (name, sig, events))
            check(results == [True], '%s: %r' % (name, results))
            check(virsh_domains(uri)[TEST_DOMAIN] == state, name)
        check(events == ['suspended::paused', 'resumed::unpaused',
                          'stopped::destroyed', 'started::booted'],
              events)
    finally:
        conn.close()
        ensure_only_test_running(uri)


def test_virsh_changes_emit_signals():
    """Changes made by another client (virsh) reach us as events from the
    server: stopped/started on the domain, domain-added/removed on the
    connection."""
    uri = fixture.main.unix_uri
    waiter = Waiter()
    conn = open_connection(uri)
    try:
        dom = conn.find_domain_by_name(TEST_DOMAIN)
        check(dom is not None, 'dom is not None')
        events = []
        for sig in ('started::booted', 'stopped::destroyed',
                    'suspended::paused', 'resumed::unpaused'):
            dom.connect(sig, lambda d, s=sig: events.append(s))
        added, removed = [], []
        conn.connect('domain-added', lambda c, d: added.append(d.get_name()))
        conn.connect('domain-removed', lambda c, d: removed.append(d.get_name()))

        for command, sig in (('suspend', 'suspended::paused'),
                             ('resume', 'resumed::unpaused'),
                             ('destroy', 'stopped::destroyed'),
                             ('start', 'started::booted')):
            virsh(uri, command, TEST_DOMAIN)
            waiter.wait_for(lambda: sig in events,
                            '%s after virsh %s (got %r)' % (sig, command, events))
        check(events == ['suspended::paused', 'resumed::unpaused',
                          'stopped::destroyed', 'started::booted'],
              events)

        define_with_virsh(uri, 'py-defined')
        waiter.wait_for(lambda: 'py-defined' in added,
                        'domain-added after virsh define (got %r)' % added)
        new = conn.find_domain_by_name('py-defined')
        check(new is not None, 'py-defined not in our cache after domain-added')
        check(new.get_state()[0] == State.SHUTOFF, 'new.get_state()[0] == State.SHUTOFF')
        virsh(uri, 'undefine', 'py-defined')
        waiter.wait_for(lambda: 'py-defined' in removed,
                        'domain-removed after virsh undefine (got %r)' % removed)
        check(conn.find_domain_by_name('py-defined') is None,
              "conn.find_domain_by_name('py-defined') is None")
    finally:
        conn.close()
        ensure_only_test_running(uri)


def test_tcp_list():
    uri = fixture.main.tcp_uri
    conn = open_connection(uri)
    try:
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING})
        # The same daemon behind both listeners: a change on one shows on the other.
        virsh(fixture.main.unix_uri, 'suspend', TEST_DOMAIN)
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.PAUSED})
    finally:
        conn.close()
        ensure_only_test_running(fixture.main.unix_uri)


def test_tls_list():
    for host in ('127.0.0.1', 'localhost'):
        uri = fixture.main.tls_uri(host, fixture.pki.client_good)
        conn = open_connection(uri)
        try:
            assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING})
            dom = conn.find_domain_by_name(TEST_DOMAIN)
            dom.suspend()
            assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.PAUSED})
            dom.resume()
            assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING})
        finally:
            conn.close()
            ensure_only_test_running(fixture.main.unix_uri)


def assert_open_refused(uri, keyword, what):
    conn = LibvirtGObject.Connection.new(uri)
    try:
        conn.open(None)
    except GLib.Error as e:
        assert_gvir_error(e, LibvirtGObject.Error.AUTH_FAILED, what, keyword)
        print('# %s: %s' % (what, e.message))
    else:
        conn.close()
        raise AssertionError('%s: the connection to %s was accepted' % (what, uri))
    check(not conn.is_open(), '%s: a refused connection reports open' % what)


def test_tls_unknown_ca():
    assert_open_refused(fixture.main.tls_uri('localhost', fixture.pki.client_other_ca),
                        'unknown CA', 'server certificate from a CA we do not trust')


def test_tls_missing_client_cert():
    assert_open_refused(fixture.main.tls_uri('localhost', fixture.pki.client_no_cert),
                        'missing client certificate', 'no client certificate')


def test_tls_hostname_mismatch():
    assert_open_refused(fixture.wrong_name.tls_uri('localhost', fixture.pki.client_good),
                        'hostname mismatch', 'server certificate for another name')


def test_tls_refusals_leave_server_usable():
    """After the refusals, the same listener still serves a good client."""
    uri = fixture.main.tls_uri('localhost', fixture.pki.client_good)
    conn = open_connection(uri)
    try:
        assert_same_as_virsh(conn, uri, expect={TEST_DOMAIN: State.RUNNING})
    finally:
        conn.close()


def test_read_only_socket():
    uri = fixture.main.ro_uri
    conn = open_connection(uri, read_only=True)
    try:
        check(conn.is_read_only(), 'conn.is_read_only()')
        assert_same_as_virsh(conn, uri, read_only=True, expect={TEST_DOMAIN: State.RUNNING})
        dom = conn.find_domain_by_name(TEST_DOMAIN)
        for what, change in (('suspend', lambda: dom.suspend()),
                             ('stop', lambda: dom.stop(0)),
                             ('define', lambda: conn.create_domain(
                                 LibvirtGConfig.Domain.new_from_xml(domain_xml('py-ro'))))):
            try:
                change()
            except GLib.Error as e:
                assert_gvir_error(e, LibvirtGObject.Error.READ_ONLY, '%s on read-only' % what)
            else:
                raise AssertionError('%s succeeded on a read-only connection' % what)
        ours = assert_same_as_virsh(conn, uri, read_only=True,
                                    expect={TEST_DOMAIN: State.RUNNING})
        check(list(ours) == [TEST_DOMAIN], ours)
    finally:
        conn.close()


def test_read_only_socket_enforced_by_server():
    """Opened without the read-only flag on the read-only socket: the server
    itself refuses the change, and that maps to READ_ONLY too."""
    uri = fixture.main.ro_uri
    conn = LibvirtGObject.Connection.new(uri)
    try:
        try:
            conn.open(None)
        except GLib.Error as e:
            # Refusing the read-write open itself is fine too, if it says why.
            assert_gvir_error(e, LibvirtGObject.Error.READ_ONLY, 'read-write open of ro socket')
            return
        conn.fetch_domains(None)
        dom = conn.find_domain_by_name(TEST_DOMAIN)
        try:
            dom.suspend()
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.READ_ONLY, 'suspend through ro socket')
        else:
            raise AssertionError('suspend through the read-only socket succeeded')
        check(virsh_domains(fixture.main.unix_uri)[TEST_DOMAIN] == State.RUNNING,
              'virsh_domains(fixture.main.unix_uri)[TEST_DOMAIN] == State.RUNNING')
    finally:
        if conn.is_open():
            conn.close()
        ensure_only_test_running(fixture.main.unix_uri)


def test_storage_like_boxes():
    """What GNOME Boxes does on a remote connection: fetch the pools, read
    default-pool, define, build and start its own pool, make a volume;
    virsh sees the same pools."""
    uri = fixture.main.unix_uri
    conn = open_connection(uri)
    try:
        conn.fetch_storage_pools(None)
        pool = conn.find_storage_pool_by_name('default-pool')
        check(pool is not None, 'default-pool is listed')
        check(pool.get_uuid() == 'dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566', pool.get_uuid())
        info = pool.get_info()
        got = (info.state, info.capacity, info.allocation, info.available)
        check(got == (LibvirtGObject.StoragePoolState.RUNNING, 100 << 30, 0, 100 << 30),
              'default-pool info %r' % (got,))

        pconf = LibvirtGConfig.StoragePool.new_from_xml(
            "<pool type='dir'><name>gnome-boxes</name>"
            "<target><path>/gnome-boxes</path></target></pool>")
        boxes = conn.create_storage_pool(pconf, 0)
        check(boxes.get_active() is False, 'a defined pool is inactive')
        boxes.build(0)
        boxes.start(0)
        check(boxes.get_active() is True, 'a started pool is active')
        names = virsh(uri, 'pool-list', '--all', '--name').split()
        check(sorted(names) == ['default-pool', 'gnome-boxes'], 'virsh pools %r' % names)

        conf = LibvirtGConfig.StorageVol.new_from_xml(
            "<volume><name>boxes.img</name><capacity unit='bytes'>1048576</capacity>"
            "<allocation unit='bytes'>1048576</allocation></volume>")
        vol = boxes.create_volume(conf)
        check(vol.get_path() == '/gnome-boxes/boxes.img', vol.get_path())
        vinfo = vol.get_info()
        check((vinfo.capacity, vinfo.allocation) == (1048576, 1048576),
              'volume sizes %r' % ((vinfo.capacity, vinfo.allocation),))
        boxes.refresh(None)
        check([v.get_name() for v in boxes.get_volumes()] == ['boxes.img'],
              'volumes after refresh')
        vol.delete(0)
        boxes.stop()
        boxes.undefine()
        check(conn.find_storage_pool_by_name('gnome-boxes') is None, 'undefined pool is gone')
        names = virsh(uri, 'pool-list', '--all', '--name').split()
        check(names == ['default-pool'], 'virsh pools after undefine %r' % names)
    finally:
        conn.close()


def same_document(ours, theirs):
    """Whether two XML texts are one document (quoting and layout aside)."""
    def canon(text):
        return ElementTree.canonicalize(text, strip_text=True)
    return canon(ours) == canon(theirs)


def test_host_objects():
    """Host interfaces and devices through the public API: the lists and
    documents virsh gets from the same libvirtd; a missing device is not
    listed."""
    uri = fixture.main.unix_uri
    conn = open_connection(uri)
    try:
        conn.fetch_interfaces(None)
        names = [i.get_name() for i in conn.get_interfaces()]
        check(names == ['eth1'], 'interfaces %r' % names)
        iface = conn.get_interface('eth1')
        check(iface.get_mac() == 'aa:bb:cc:dd:ee:ff', iface.get_mac())
        check(same_document(iface.get_config(0).to_xml(), virsh(uri, 'iface-dumpxml', 'eth1')),
              'eth1 differs from virsh iface-dumpxml')

        conn.fetch_node_devices(None)
        names = sorted(d.get_name() for d in conn.get_node_devices())
        check(names == ['computer', 'scsi_host1', 'scsi_host11', 'scsi_host2'],
              'node devices %r' % names)
        for name in names:
            ours = conn.get_node_device(name).get_config(0).to_xml()
            check(same_document(ours, virsh(uri, 'nodedev-dumpxml', name)),
                  '%s differs from virsh nodedev-dumpxml' % name)
        check(conn.get_node_device('nosuch-dev') is None, 'nosuch-dev is not listed')
    finally:
        conn.close()


def test_secrets_unsupported():
    """libvirtd's test connection has no secret driver: virsh secret-list
    fails with 'not supported', and so does our fetch, with NOT_SUPPORTED;
    the cache stays empty."""
    uri = fixture.main.unix_uri
    try:
        virsh(uri, 'secret-list')
        check(False, 'virsh secret-list succeeded on the test connection')
    except RuntimeError as e:
        check('not supported' in str(e), 'virsh secret-list: %s' % e)
    conn = open_connection(uri)
    try:
        try:
            conn.fetch_secrets(None)
            check(False, 'fetch_secrets succeeded on the test connection')
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.NOT_SUPPORTED, 'fetch_secrets',
                              'not supported')
        check(conn.get_secrets() == [], 'secrets %r' % conn.get_secrets())
    finally:
        conn.close()


def test_network_filters_unsupported():
    """libvirtd's test driver has no network filters: virsh nwfilter-list
    fails, and so does our fetch, with NOT_SUPPORTED; the cache stays
    empty."""
    uri = fixture.main.unix_uri
    out = run_tool([fixture.virsh, '-c', uri, 'nwfilter-list'], check=False)
    check(out.strip() == '', 'virsh nwfilter-list printed %r' % out)
    conn = open_connection(uri)
    try:
        try:
            conn.fetch_network_filters(None)
        except GLib.Error as e:
            assert_gvir_error(e, LibvirtGObject.Error.NOT_SUPPORTED, 'fetch_network_filters',
                              'not supported')
        else:
            raise AssertionError('fetch_network_filters on libvirtd test:///default succeeded')
        check(conn.get_network_filters() == [], 'network filters after a refused fetch')
        check(conn.get_network_filter('clean-traffic') is None, 'clean-traffic is not listed')
    finally:
        conn.close()


TESTS = [
    test_unix_list,
    test_unix_list_after_virsh_changes,
    test_unix_list_after_our_changes,
    test_async_lifecycle_signals,
    test_virsh_changes_emit_signals,
    test_tcp_list,
    test_tls_list,
    test_tls_unknown_ca,
    test_tls_missing_client_cert,
    test_tls_hostname_mismatch,
    test_tls_refusals_leave_server_usable,
    test_read_only_socket,
    test_read_only_socket_enforced_by_server,
    test_storage_like_boxes,
    test_host_objects,
    test_secrets_unsupported,
    test_network_filters_unsupported,
]


def main():
    global fixture
    atexit.register(cleanup)
    signal.signal(signal.SIGTERM, on_sigterm)
    signal.signal(signal.SIGINT, on_sigterm)

    print('1..%d' % (len(TESTS) + 1))
    sys.stdout.flush()
    failed = 0
    try:
        fixture = Fixture()
        try:
            fixture.setup()
        except Exception:
            # No skip: without libvirtd, virsh or certtool this test fails.
            print('not ok 1 - start the reference libvirtd')
            for line in traceback.format_exc().splitlines():
                print('# ' + line)
            for number, test in enumerate(TESTS, 2):
                print('not ok %d - %s # not run: no reference daemon' % (number, test.__name__))
            return 1
        print('ok 1 - start the reference libvirtd (pid %d, tcp %d, tls %d)'
              % (fixture.main.proc.pid, fixture.main.tcp_port, fixture.main.tls_port))
        sys.stdout.flush()

        for number, test in enumerate(TESTS, 2):
            try:
                test()
            except Exception:
                failed += 1
                print('not ok %d - %s' % (number, test.__name__))
                for line in traceback.format_exc().splitlines():
                    print('# ' + line)
            else:
                print('ok %d - %s' % (number, test.__name__))
            sys.stdout.flush()
    finally:
        cleanup()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
