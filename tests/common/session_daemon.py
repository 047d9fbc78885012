# session_daemon.py: what the Python tests that run a session daemon (a
# libvirtd or gvird of their own, as an unprivileged user with private XDG
# directories) share: TAP output, bounded waits, and a Session that owns
# every process it starts and stops each by its pid.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

WAIT_BOUND = 90  # seconds, per wait; stretched by GVIR_TEST_WAIT_MULTIPLIER

plan_done = 0


def tap_ok(ok, what):
    global plan_done
    plan_done += 1
    print('%s %d - %s' % ('ok' if ok else 'not ok', plan_done, what), flush=True)
    return ok


def diag(text):
    for line in text.rstrip().splitlines():
        print('# ' + line, flush=True)


def skip_or_fail(reason):
    if os.environ.get('GVIR_TESTS_REQUIRE_ALL') == '1':
        print('1..1\nnot ok 1 - GVIR_TESTS_REQUIRE_ALL=1 but ' + reason, flush=True)
        sys.exit(1)
    print('1..0 # SKIP ' + reason, flush=True)
    sys.exit(0)


def wait_bound():
    return WAIT_BOUND * float(os.environ.get('GVIR_TEST_WAIT_MULTIPLIER', '1'))


class Session:
    """A private home for a session daemon and its clients, owned by the
    user they run as (nobody when the test is root)."""

    def __init__(self, prefix, files=None):
        """files: {path under the home: text} written before the ownership
        goes to the user."""
        self.dir = tempfile.mkdtemp(prefix=prefix)
        os.chmod(self.dir, 0o755)
        self.home = os.path.join(self.dir, 'home')
        self.run = os.path.join(self.dir, 'run')
        os.makedirs(self.home)
        os.makedirs(self.run)
        os.chmod(self.run, 0o700)
        for name, text in (files or {}).items():
            path = os.path.join(self.home, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w') as f:
                f.write(text)
        self.uid = self.gid = None
        if os.getuid() == 0:
            nobody = pwd.getpwnam('nobody')
            self.uid, self.gid = nobody.pw_uid, nobody.pw_gid
            for root, dirs, files in os.walk(self.dir):
                for name in dirs + files + ['']:
                    os.chown(os.path.join(root, name), self.uid, self.gid)
        self.children = []

    def env(self, extra=None):
        env = {
            'PATH': '/usr/sbin:/usr/bin:/sbin:/bin',
            'HOME': self.home,
            'XDG_RUNTIME_DIR': self.run,
            'XDG_CONFIG_HOME': os.path.join(self.home, '.config'),
            'XDG_CACHE_HOME': os.path.join(self.home, '.cache'),
            'XDG_DATA_HOME': os.path.join(self.home, '.local', 'share'),
            'LANG': 'C.UTF-8',
            'GSETTINGS_BACKEND': 'keyfile',
            'NO_AT_BRIDGE': '1',
        }
        env.update(extra or {})
        return env

    def argv(self, argv):
        if self.uid is None:
            return argv
        return ['setpriv', '--reuid=%d' % self.uid, '--regid=%d' % self.gid,
                '--clear-groups'] + argv

    def spawn(self, argv, extra_env=None, **kwargs):
        proc = subprocess.Popen(self.argv(argv), env=self.env(extra_env), **kwargs)
        self.children.append(proc)
        return proc

    def call(self, argv, extra_env=None):
        return subprocess.run(self.argv(argv), env=self.env(extra_env), capture_output=True,
                              text=True, timeout=wait_bound())

    def stop(self, proc):
        """Stops one child by its pid, with SIGKILL after a grace, and the
        processes it left behind it (children reparented to nobody we know
        are found by their parent's pid before it goes)."""
        if proc.poll() is None:
            orphans = children_of(proc.pid)
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            for pid in orphans:
                kill_pid(pid)
        if proc in self.children:
            self.children.remove(proc)

    def close(self):
        for proc in list(reversed(self.children)):
            self.stop(proc)
        shutil.rmtree(self.dir, ignore_errors=True)


def children_of(pid):
    found = []
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open('/proc/%s/stat' % entry) as f:
                fields = f.read().rsplit(')', 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def kill_pid(pid):
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            return
        for _ in range(50):
            if not os.path.exists('/proc/%d' % pid):
                return
            time.sleep(0.1)


def wait_for(predicate, what):
    deadline = time.monotonic() + wait_bound()
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    diag('timed out after %d s waiting for %s' % (wait_bound(), what))
    return False


def start_daemon(session, argv, name):
    """A session daemon (argv) as the session's user: (process, whether its
    socket appeared within the bound)."""
    proc = session.spawn(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = session_socket(session)
    return proc, wait_for(lambda: os.path.exists(socket), name + '\'s session socket')


def session_socket(session):
    return os.path.join(session.run, 'libvirt', 'libvirt-sock')


def start_libvirtd(session):
    return start_daemon(session, ['/usr/sbin/libvirtd'], 'libvirtd')
