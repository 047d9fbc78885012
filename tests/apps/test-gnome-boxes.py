#!/usr/bin/python3
# test-gnome-boxes.py: Debian's unmodified GNOME Boxes runs on our libraries.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   test-gnome-boxes.py OUR-GOBJECT-DIR OUR-GCONFIG-DIR ARTEFACT-DIR
#
# A real application built against libvirt-glib 4.0, with its libraries
# bound at start (BIND_NOW), is the proof of binary compatibility:
#  1. a libvirtd session daemon owned by this test (its own XDG
#     directories, run as an unprivileged user when the test is root, the
#     way libvirt's session mode works) holds one shut-off VM, defined with
#     virsh;
#  2. /usr/bin/gnome-boxes loads our two libraries (first on
#     LD_LIBRARY_PATH) with every symbol bound at start;
#  3. Boxes runs under Xvfb on Debian's libvirt-glib, then on ours: it
#     opens qemu+unix:///session through our remote driver, and its window
#     must list the VM (the row region of the window is not blank) and be
#     pixel for pixel the window Boxes shows on libvirt-glib.
# Both screenshots are kept in ARTEFACT-DIR. Every process the test starts
# (libvirtd, Xvfb, dbus-daemon and what it activated, Boxes) is stopped by
# its pid. TAP output.

import os
import pwd
import shutil
import signal
import subprocess
import sys
import tempfile
import time

GOBJECT_DIR, GCONFIG_DIR, ARTEFACT_DIR = sys.argv[1:4]
BOXES = '/usr/bin/gnome-boxes'
VM_TITLE = 'Tiny box'
# Boxes' window is 768x600 plus its decorations, drawn at the top-left of
# the screen (Xvfb has no window manager); the first row of the list is
# in this region (x, y, width, height) when the VM is listed.
SCREEN = '1024x768x24'
ROW_REGION = (68, 58, 642, 76)
WAIT_BOUND = 90  # seconds, per wait; stretched by GVIR_TEST_WAIT_MULTIPLIER
TOOLS = [BOXES, '/usr/bin/Xvfb', '/usr/sbin/libvirtd', '/usr/bin/virsh',
         '/usr/bin/dbus-daemon', '/usr/bin/import', '/usr/bin/compare',
         '/usr/bin/convert', '/usr/bin/identify', '/usr/bin/setpriv']

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
    """A private home for the session daemon, Boxes and Xvfb, owned by the
    user they run as (nobody when the test is root)."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix='gvir-boxes-')
        os.chmod(self.dir, 0o755)
        self.home = os.path.join(self.dir, 'home')
        self.run = os.path.join(self.dir, 'run')
        settings = os.path.join(self.home, '.config', 'glib-2.0', 'settings')
        os.makedirs(settings)
        os.makedirs(self.run)
        os.chmod(self.run, 0o700)
        # No first-run tutorial over the window; the list view.
        with open(os.path.join(settings, 'keyfile'), 'w') as f:
            f.write("[org/gnome/boxes]\nfirst-run=false\nview='list-view'\n")
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


def start_libvirtd(session):
    proc = session.spawn(['/usr/sbin/libvirtd'], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    socket = os.path.join(session.run, 'libvirt', 'libvirt-sock')
    return proc, wait_for(lambda: os.path.exists(socket), 'libvirtd\'s session socket')


def define_vm(session):
    xml = os.path.join(session.dir, 'tiny.xml')
    with open(xml, 'w') as f:
        f.write("<domain type='qemu'><name>boxes-tiny</name><title>%s</title>"
                "<memory unit='MiB'>32</memory><vcpu>1</vcpu>"
                "<os><type arch='x86_64' machine='pc'>hvm</type></os>"
                "<devices><emulator>/usr/bin/qemu-system-x86_64</emulator></devices>"
                "</domain>" % VM_TITLE)
    os.chmod(xml, 0o644)
    done = session.call(['virsh', '-c', 'qemu:///session', 'define', xml])
    if done.returncode != 0:
        diag(done.stdout + done.stderr)
    return done.returncode == 0


def our_library_env():
    return {'LD_LIBRARY_PATH': GOBJECT_DIR + ':' + GCONFIG_DIR}


def loads_our_libraries(session):
    """Every symbol bound at start (Boxes is linked with BIND_NOW; the
    variable makes that explicit) and our libraries the ones loaded."""
    env = dict(our_library_env(), LD_BIND_NOW='1')
    done = session.call([BOXES, '--version'], env)
    out = done.stdout + done.stderr
    ok = done.returncode == 0 and 'symbol lookup error' not in out and 'not found' not in out
    if not ok:
        diag(out)
    listed = session.call(['ldd', BOXES], our_library_env()).stdout
    for lib in ('libvirt-gobject-1.0.so.0', 'libvirt-gconfig-1.0.so.0'):
        line = [l for l in listed.splitlines() if l.strip().startswith(lib)]
        if not line or os.path.realpath(GOBJECT_DIR if 'gobject' in lib else GCONFIG_DIR) \
           not in os.path.realpath(line[0].split('=>')[1].split('(')[0].strip()):
            diag('%s is not ours: %s' % (lib, line))
            ok = False
    return ok


def start_xvfb(session):
    read_fd, write_fd = os.pipe()
    proc = session.spawn(['/usr/bin/Xvfb', '-displayfd', str(write_fd), '-screen', '0', SCREEN,
                          '-nolisten', 'tcp'], pass_fds=(write_fd,),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    return proc, ':' + display


def start_bus(session):
    read_fd, write_fd = os.pipe()
    proc = session.spawn(['/usr/bin/dbus-daemon', '--session', '--nofork',
                          '--print-address=%d' % write_fd], pass_fds=(write_fd,),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        address = f.readline().strip()
    return proc, address


def screenshot(session, display, path):
    done = session.call(['import', '-display', display, '-window', 'root', path])
    return done.returncode == 0


def crop(session, path, region, out):
    x, y, w, h = region
    return session.call(['convert', path, '-crop', '%dx%d+%d+%d' % (w, h, x, y), '+repage',
                         out]).returncode == 0


def colour_count(session, path):
    done = session.call(['identify', '-format', '%k', path])
    return int(done.stdout) if done.returncode == 0 and done.stdout.isdigit() else 0


def differing_pixels(session, a, b):
    done = session.call(['compare', '-metric', 'AE', a, b, os.path.join(session.dir, 'diff.png')])
    try:
        return int(float(done.stderr.split()[0]))
    except (IndexError, ValueError):
        diag(done.stderr)
        return -1


def run_boxes(session, label, extra_env, settled):
    """Runs Boxes until settled(shot) says its window is what we wait for;
    returns the path of the last screenshot (or None)."""
    xvfb, display = start_xvfb(session)
    bus, address = start_bus(session)
    log = open(os.path.join(ARTEFACT_DIR, 'gnome-boxes-%s.log' % label), 'w')
    env = dict(extra_env, DISPLAY=display, DBUS_SESSION_BUS_ADDRESS=address)
    boxes = session.spawn([BOXES], env, stdout=log, stderr=subprocess.STDOUT)
    shot = os.path.join(session.dir, 'window-%s.png' % label)
    last = {'path': None}

    def window_settled():
        if boxes.poll() is not None:
            return True
        if not screenshot(session, display, shot):
            return False
        last['path'] = shot
        return settled(shot)

    wait_for(window_settled, 'Boxes (%s) to list the VM' % label)
    running = boxes.poll() is None
    if not running:
        diag('Boxes (%s) exited with status %s' % (label, boxes.returncode))
    for proc in (boxes, bus, xvfb):
        session.stop(proc)
    log.close()
    if last['path'] is None or not running:
        return None
    kept = os.path.join(ARTEFACT_DIR, 'gnome-boxes-%s.png' % label)
    shutil.copyfile(last['path'], kept)
    return kept


def row_listed(session, shot):
    row = os.path.join(session.dir, 'row.png')
    # A blank row region has the background's one or two colours; a row
    # with the VM's title, state and icons has dozens (anti-aliased text).
    return crop(session, shot, ROW_REGION, row) and colour_count(session, row) >= 16


def main():
    missing = [tool for tool in TOOLS if not os.access(tool, os.X_OK)]
    if missing:
        skip_or_fail('missing %s (apt-get install gnome-boxes xvfb imagemagick dbus '
                     'libvirt-daemon-driver-qemu)' % ', '.join(missing))
    os.makedirs(ARTEFACT_DIR, exist_ok=True)
    session = Session()
    failed = False
    print('1..5', flush=True)
    try:
        libvirtd, listening = start_libvirtd(session)
        failed |= not tap_ok(listening and define_vm(session),
                             'a libvirtd session daemon of our own holds a VM defined by virsh')
        failed |= not tap_ok(loads_our_libraries(session),
                             'gnome-boxes loads our libraries with every symbol bound at start')

        previous = {'path': None}

        def stable_and_listed(shot):
            # libvirt-glib's window, once it lists the VM and stops changing.
            if not row_listed(session, shot):
                return False
            same = previous['path'] is not None and differing_pixels(session, shot,
                                                                     previous['path']) == 0
            keep = shot + '.previous.png'
            shutil.copyfile(shot, keep)
            previous['path'] = keep
            return same

        reference = run_boxes(session, 'libvirt-glib', {}, stable_and_listed)
        failed |= not tap_ok(reference is not None,
                             'on libvirt-glib, Boxes lists the VM (reference window)')

        ours = run_boxes(session, 'ours', our_library_env(),
                         lambda shot: reference is not None
                         and differing_pixels(session, shot, reference) == 0)
        failed |= not tap_ok(ours is not None and row_listed(session, ours),
                             'on our libraries, Boxes lists the VM (kept as %s)'
                             % os.path.join(ARTEFACT_DIR, 'gnome-boxes-ours.png'))
        same = ours is not None and reference is not None \
            and differing_pixels(session, ours, reference) == 0
        failed |= not tap_ok(same, 'the window on our libraries is the window on libvirt-glib')
        session.stop(libvirtd)
    finally:
        session.close()
    sys.exit(1 if failed else 0)


main()
