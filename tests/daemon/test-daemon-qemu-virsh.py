#!/usr/bin/python3
# test-daemon-qemu-virsh.py: virsh's domain commands on the QEMU driver,
# gvird against libvirtd, in the same run.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
#
#   test-daemon-qemu-virsh.py GVIRD
#
# Two session daemons of this test, each with its own private XDG
# directories and run as nobody when the test is root (libvirt's session
# mode): libvirtd 9.0 from Debian, and our gvird serving qemu:///session.
# The same tiny TCG domain is defined in both, then one list of virsh
# commands walks it through its life (define, queries, start, suspend,
# resume, managed save, start from it, destroy, undefine). Each command
# runs against both daemons; its exit status, stdout and stderr must be
# the same once the figures that differ between any two runs (CPU time,
# the socket path) are blanked.
#
# Commands gvird does not serve yet are listed in KNOWN_GAPS with what it
# answers instead; the test checks that answer, so a gap closed (or one
# answering differently) fails here until the list is updated.
#
# Every process the test starts (both daemons and their QEMUs) is stopped
# by its pid. TAP output.

import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'common'))
from session_daemon import (Session, diag, kill_pid, session_socket,  # noqa: E402
                            skip_or_fail, start_daemon, start_libvirtd, tap_ok, wait_bound)

GVIRD = sys.argv[1]
TOOLS = ['/usr/sbin/libvirtd', '/usr/bin/virsh', '/usr/bin/qemu-system-x86_64',
         '/usr/bin/setpriv']
UUID = '6695eb01-f6a4-8304-79aa-97f2502e193f'
DOMAIN_XML = """<domain type='qemu'>
  <name>tiny</name>
  <uuid>%s</uuid>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
</domain>
""" % UUID

# The walk: each entry is one virsh command line (after "virsh -c URI").
# DEFINE is replaced by the path of the domain XML.
WALK = [
    ['define', 'DEFINE'],
    ['list', '--all'],
    ['list', '--inactive', '--name'],
    ['dominfo', 'tiny'],
    ['domstate', '--reason', 'tiny'],
    ['domuuid', 'tiny'],
    ['domname', UUID],
    ['domid', 'tiny'],
    ['domblklist', 'tiny'],
    ['domiflist', 'tiny'],
    ['vcpucount', 'tiny'],
    ['vcpucount', '--live', 'tiny'],
    ['start', 'tiny'],
    ['list'],
    ['domstate', '--reason', 'tiny'],
    ['dominfo', 'tiny'],
    ['start', 'tiny'],
    ['suspend', 'tiny'],
    ['domstate', '--reason', 'tiny'],
    ['suspend', 'tiny'],
    ['resume', 'tiny'],
    ['domstate', '--reason', 'tiny'],
    ['resume', 'tiny'],
    ['vcpucount', 'tiny'],
    ['vcpucount', '--maximum', '--config', 'tiny'],
    ['dommemstat', 'tiny'],
    ['setmem', 'tiny', '32M'],
    ['dominfo', 'tiny'],
    ['dommemstat', 'tiny'],
    ['setmem', 'tiny', '1G'],
    ['setmem', 'tiny', '48M', '--config'],
    ['setmem', 'tiny', '1G', '--config'],
    ['dominfo', 'tiny'],
    ['managedsave', 'tiny'],
    ['domstate', '--reason', 'tiny'],
    ['list', '--all', '--managed-save'],
    ['dominfo', 'tiny'],
    ['start', 'tiny'],
    ['domstate', '--reason', 'tiny'],
    ['destroy', 'tiny'],
    ['domstate', '--reason', 'tiny'],
    ['destroy', 'tiny'],
    ['dominfo', 'tiny'],
    ['dommemstat', 'tiny'],
    ['setmem', 'tiny', '32M', '--live'],
    ['setmem', 'tiny', '40M'],
    ['dominfo', 'tiny'],
    ['autostart', 'tiny'],
    ['dominfo', 'tiny'],
    ['list', '--all', '--autostart'],
    ['list', '--all', '--no-autostart'],
    ['autostart', '--disable', 'tiny'],
    ['dominfo', 'tiny'],
    ['list', '--all', '--autostart'],
    ['list', '--all', '--no-autostart'],
    ['autostart', 'tiny'],
    ['undefine', 'tiny'],
    ['list', '--all'],
    ['list', '--all', '--autostart'],
    ['create', 'DEFINE'],
    ['autostart', 'tiny'],
    ['dominfo', 'tiny'],
    ['destroy', 'tiny'],
    ['domstate', 'tiny'],
    ['version'],
    ['hostname'],
    ['nodeinfo'],
]

# Commands gvird does not serve as libvirtd does yet: a regular expression
# that gvird's whole answer (stdout, stderr, "rc=N") must match instead.
KNOWN_GAPS = {
}


# Error messages worded differently, each (gvird's, libvirtd's): libvirt
# prefixes the text of the error code ("Requested operation is not
# valid") and leaves the domain's name out; our QEMU driver names the
# domain. The error class, virsh's own line and the exit status are still
# compared.
WORDING = [
    ("error: domain 'tiny' is already running",
     'error: Requested operation is not valid: domain is already running'),
    ("error: domain 'tiny' is not running",
     'error: Requested operation is not valid: domain is not running'),
    ('error: cannot set autostart for transient domain',
     'error: Requested operation is not valid: cannot set autostart for transient domain'),
    ('error: cannot set memory higher than max memory',
     'error: invalid argument: cannot set memory higher than max memory'),
]


def virsh(session, args):
    uri = 'qemu+unix:///session?socket=' + session_socket(session)
    done = session.call(['virsh', '-c', uri] + args)
    return done.stdout + done.stderr + 'rc=%d' % done.returncode


def normalised(text, session):
    text = text.replace(session_socket(session), 'SOCKET').replace(session.dir, 'DIR')
    # CPU time and QEMU's resident memory differ from run to run whatever
    # the daemon.
    text = re.sub(r'(CPU time: +)[0-9.]+s', r'\1Ns', text)
    return re.sub(r'(?m)^rss [0-9]+$', 'rss N', text)


def qemu_pid(session):
    """The running QEMU of 'tiny' in either daemon's run folder, or None."""
    run = os.path.join(session.run, 'libvirt', 'qemu', 'run')
    try:
        with open(os.path.join(run, 'tiny.pid')) as f:            # libvirtd
            return int(f.read().strip())
    except (OSError, ValueError):
        pass
    try:
        with open(os.path.join(run, 'tiny.status')) as f:         # gvird
            return int(json.load(f)['pid'])
    except (OSError, ValueError, KeyError):
        return None


def still_qemu(pid):
    """Whether the pid recorded is still that QEMU (not a reused pid)."""
    try:
        with open('/proc/%d/cmdline' % pid, 'rb') as f:
            return b'qemu-system' in f.read().split(b'\0')[0]
    except OSError:
        return False


def write_domain_xml(session):
    path = os.path.join(session.dir, 'tiny.xml')
    with open(path, 'w') as f:
        f.write(DOMAIN_XML)
    os.chmod(path, 0o644)
    return path


def compare(ref, ours, args, qemus, expect=None):
    """One virsh command line on both daemons; whether gvird answered as
    libvirtd (or as KNOWN_GAPS documents), and with the text expect when
    given. Records the QEMUs seen."""
    key = ' '.join(args)
    answers = []
    for session in (ref, ours):
        line = [write_domain_xml(session) if a == 'DEFINE' else a for a in args]
        answers.append(normalised(virsh(session, line), session))
        pid = qemu_pid(session)
        if pid is not None:
            qemus.add(pid)
    for gvird_text, libvirtd_text in WORDING:
        answers[1] = answers[1].replace(gvird_text, libvirtd_text)
    if key in KNOWN_GAPS:
        ok = re.search(KNOWN_GAPS[key], answers[1]) is not None
        what = 'virsh %s: gvird answers as documented in KNOWN_GAPS' % key
    else:
        ok = answers[0] == answers[1]
        what = 'virsh %s: gvird answers as libvirtd' % key
    if expect is not None:
        ok &= expect in answers[1]
        what += ', with %r' % expect
    if not ok:
        diag('libvirtd:\n' + answers[0] + '\ngvird:\n' + answers[1])
    return tap_ok(ok, what)


def walk(ref, ours, qemus):
    """Runs the walk on both; FALSE when a command differed unexplained."""
    failed = False
    for args in WALK:
        failed |= not compare(ref, ours, args, qemus)
    return failed


# Autostart across daemon restarts. Each step is a virsh command line, or
# RESTART (stop both daemons and start them again) or BOOT (the same, with
# the QEMU driver's state folder emptied first, as a boot or a new login
# empties $XDG_RUNTIME_DIR): a domain marked autostart starts on the first
# load after a boot only.
RESTARTS = [
    (['define', 'DEFINE'], 'rc=0'),
    (['autostart', 'tiny'], 'rc=0'),
    'BOOT',
    (['domstate', '--reason', 'tiny'], 'running (booted)'),
    (['destroy', 'tiny'], 'rc=0'),
    'RESTART',
    (['domstate', '--reason', 'tiny'], 'shut off'),
    (['list', '--all', '--autostart'], ' -    tiny   shut off'),
    (['undefine', 'tiny'], 'rc=0'),
]


def autostart_marker(session):
    return os.path.join(session.run, 'libvirt', 'qemu', 'run', 'autostarted')


def restart(daemons, sessions, boot):
    """Stops each daemon by its pid and starts it again (emptying the QEMU
    state folder's autostart record first on a boot); whether both came
    back within the bound."""
    up = True
    for i, session in enumerate(sessions):
        session.stop(daemons[i])
        if boot and os.path.exists(autostart_marker(session)):
            os.unlink(autostart_marker(session))
        if os.path.exists(session_socket(session)):
            os.unlink(session_socket(session))
        argv = ['/usr/sbin/libvirtd'] if i == 0 else [GVIRD]
        daemons[i], came_up = start_daemon(session, argv, 'libvirtd' if i == 0 else 'gvird')
        up &= came_up
    return up


def restarts(ref, ours, daemons, qemus):
    failed = False
    for step in RESTARTS:
        if isinstance(step, str):
            ok = restart(daemons, [ref, ours], step == 'BOOT')
            failed |= not tap_ok(ok, 'both daemons %s' % (
                'start after a boot' if step == 'BOOT' else 'restart'))
        else:
            failed |= not compare(ref, ours, step[0], qemus, step[1])
    return failed


def main():
    missing = [tool for tool in TOOLS + [GVIRD] if not os.access(tool, os.X_OK)]
    if missing:
        skip_or_fail('missing %s (apt-get install libvirt-daemon libvirt-clients '
                     'libvirt-daemon-driver-qemu qemu-system-x86)' % ', '.join(missing))
    ref = Session('gvir-qemu-virsh-libvirtd-')
    ours = Session('gvir-qemu-virsh-gvird-')
    qemus = set()
    failed = False
    print('1..%d' % (len(WALK) + len(RESTARTS) + 1), flush=True)
    try:
        libvirtd, up_ref = start_libvirtd(ref)
        gvird, up_ours = start_daemon(ours, [GVIRD], 'gvird')
        failed |= not tap_ok(up_ref and up_ours, 'libvirtd and gvird serve qemu:///session '
                             '(bound %d s)' % wait_bound())
        if not (up_ref and up_ours):
            sys.exit(1)
        failed |= walk(ref, ours, qemus)
        failed |= restarts(ref, ours, [libvirtd, gvird], qemus)
    finally:
        # The walk destroys the domain; a failed run may leave its QEMUs.
        for pid in qemus:
            if still_qemu(pid):
                kill_pid(pid)
        ref.close()
        ours.close()
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
