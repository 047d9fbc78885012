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
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from session_daemon import (Session, diag, skip_or_fail, start_libvirtd,  # noqa: E402
                            tap_ok, wait_for)

GOBJECT_DIR, GCONFIG_DIR, ARTEFACT_DIR = sys.argv[1:4]
BOXES = '/usr/bin/gnome-boxes'
VM_TITLE = 'Tiny box'
# Boxes' window is 768x600 plus its decorations, drawn at the top-left of
# the screen (Xvfb has no window manager); the first row of the list is
# in this region (x, y, width, height) when the VM is listed.
SCREEN = '1024x768x24'
ROW_REGION = (68, 58, 642, 76)
TOOLS = [BOXES, '/usr/bin/Xvfb', '/usr/sbin/libvirtd', '/usr/bin/virsh',
         '/usr/bin/dbus-daemon', '/usr/bin/import', '/usr/bin/compare',
         '/usr/bin/convert', '/usr/bin/identify', '/usr/bin/setpriv']

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
    session = Session('gvir-boxes-', {
        # No first-run tutorial over the window; the list view.
        '.config/glib-2.0/settings/keyfile':
            "[org/gnome/boxes]\nfirst-run=false\nview='list-view'\n"})
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
