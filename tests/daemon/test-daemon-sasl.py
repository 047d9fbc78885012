#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# SASL authentication on gvird's UNIX socket (auth_unix_rw = "sasl"), with
# libvirt's own clients: python3-libvirt's openAuth and Debian's virsh
# (credentials from a LIBVIRT_AUTH_FILE). Each case runs against gvird and
# against a real libvirtd configured the same way, from the same Cyrus
# SASL configuration (SASL_CONF_PATH: mechanism SCRAM-SHA-256 and a sasldb
# made here with saslpasswd2), and their answers are compared: a right
# password, a wrong one, an unknown user, a user that is not on
# sasl_allowed_username_list, and a raw CONNECT_OPEN sent before
# authenticating. Reports TAP.
#
# Must run under /usr/bin/python3; GVIRD names the daemon to start.

import importlib.util
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import traceback

import libvirt

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location('daemon_python',
                                               os.path.join(HERE, 'test-daemon-python.py'))
common = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(common)
check, check_equal = common.check, common.check_equal

USERS = {'alice': 'alice-secret', 'bob': 'bob-secret', 'carol2': 'carol-secret'}
# bob has a password but is not on the list.
ALLOWED = 'sasl_allowed_username_list = [ "alice", "carol*" ]\n'
SASL_CONFIG = ('auth_unix_rw = "sasl"\nauth_unix_ro = "none"\n'
               'unix_sock_rw_perms = "0700"\n' + ALLOWED)
REMOTE_PROGRAM = 0x20008086
PROC_CONNECT_OPEN = 1
PROC_AUTH_LIST = 66

GVIRD = None
LIBVIRTD = None


def make_sasl_config(folder):
    """libvirt.conf for the service "libvirt" and a sasldb with USERS;
    the folder becomes SASL_CONF_PATH for both daemons."""
    saslpasswd2 = shutil.which('saslpasswd2') or '/usr/sbin/saslpasswd2'
    if not os.access(saslpasswd2, os.X_OK):
        raise common.Skip('no saslpasswd2 (install sasl2-bin)')
    db = os.path.join(folder, 'passwd.db')
    with open(os.path.join(folder, 'libvirt.conf'), 'w') as f:
        f.write('mech_list: scram-sha-256\nsasldb_path: %s\n' % db)
    for user, password in USERS.items():
        subprocess.run([saslpasswd2, '-f', db, '-a', 'libvirt', '-p', '-c', user],
                       input=password.encode(), check=True, timeout=common.WAIT_SECONDS)


def start_gvird():
    gvird = os.environ['GVIRD']
    return common.Daemon(lambda conf, pid: [gvird, '--config', conf, '--pid-file', pid],
                         SASL_CONFIG, '.')


def start_libvirtd():
    candidates = ([os.environ['LIBVIRTD']] if 'LIBVIRTD' in os.environ
                  else common.LIBVIRTD_CANDIDATES)
    binary = next((c for c in candidates if os.access(c, os.X_OK)), None)
    if binary is None:
        return None
    config = SASL_CONFIG + 'log_outputs = "3:file:%(dir)s/libvirtd.log"\n'
    return common.Daemon(lambda conf, pid: [binary, '--config', conf, '--pid-file', pid],
                         config, 'run', empty_driver_dir=True)


def daemons():
    return [d for d in (GVIRD, LIBVIRTD) if d is not None]


def open_as(daemon, user, password):
    def answer(creds, _data):
        for cred in creds:
            if cred[0] == libvirt.VIR_CRED_AUTHNAME:
                cred[4] = user
            elif cred[0] == libvirt.VIR_CRED_PASSPHRASE:
                cred[4] = password
            else:
                return -1
        return 0
    auth = [[libvirt.VIR_CRED_AUTHNAME, libvirt.VIR_CRED_PASSPHRASE], answer, None]
    return libvirt.openAuth(daemon.uri(), auth, 0)


def compare(what, results):
    """The answers of gvird and libvirtd must be equal."""
    if len(results) == 2:
        check_equal(results[0], results[1], what + ' (gvird, libvirtd)')


def test_right_password():
    answers = []
    for d in daemons():
        for user in ('alice', 'carol2'):
            conn = open_as(d, user, USERS[user])
            try:
                dom = conn.lookupByName('test')
                answers.append((user, conn.getType(), dom.info()[0], conn.listDefinedDomains()))
            finally:
                conn.close()
    check_equal(answers[0][1], 'TEST', 'gvird serves after SASL')
    compare('authenticated answers', [answers[:2], answers[2:]] if LIBVIRTD else [answers])


def test_refused_users():
    cases = [('alice', 'wrong'), ('nobody', 'x'), ('bob', USERS['bob'])]
    results = []
    for d in daemons():
        codes = []
        for user, password in cases:
            code = common.error_of(lambda: open_as(d, user, password))[0]
            codes.append(code)
        results.append(codes)
    check_equal(results[0], [libvirt.VIR_ERR_AUTH_FAILED] * 3, 'gvird refusals')
    compare('refusal codes', results)


def raw_call(path, proc, payload):
    """One call on a fresh connection: (status, payload bytes)."""
    header = struct.pack('>IIiIII', REMOTE_PROGRAM, 1, proc, 0, 1, 0)
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(common.WAIT_SECONDS)
        s.connect(path)
        s.sendall(struct.pack('>I', 4 + len(header) + len(payload)) + header + payload)
        data = b''
        while len(data) < 4 or len(data) < struct.unpack('>I', data[:4])[0]:
            chunk = s.recv(65536)
            check(chunk, 'the daemon answered before closing')
            data += chunk
    status = struct.unpack('>I', data[24:28])[0]
    return status, data[28:]


def xdr_string(text):
    raw = text.encode()
    return struct.pack('>I', len(raw)) + raw + b'\0' * (-len(raw) % 4)


def decode_error(payload):
    """(code, domain, message) of a remote_error."""
    code, domain, present = struct.unpack('>iiI', payload[:12])
    message = None
    if present:
        (length,) = struct.unpack('>I', payload[12:16])
        message = payload[16:16 + length].decode()
    return code, domain, message


def test_calls_before_authentication():
    lists, refusals = [], []
    for d in daemons():
        status, payload = raw_call(d.socket, PROC_AUTH_LIST, b'')
        check_equal(status, 0, 'AUTH_LIST answers')
        lists.append(payload)
        open_args = struct.pack('>I', 1) + xdr_string('test:///default') + struct.pack('>I', 0)
        status, payload = raw_call(d.socket, PROC_CONNECT_OPEN, open_args)
        check_equal(status, 1, 'CONNECT_OPEN before authenticating is refused')
        refusals.append(decode_error(payload))
    # One type: SASL (1).
    check_equal(lists[0], struct.pack('>II', 1, 1), 'gvird AUTH_LIST')
    check_equal(refusals[0], (libvirt.VIR_ERR_RPC, libvirt.VIR_FROM_RPC,
                              'authentication required'), 'gvird refusal')
    compare('AUTH_LIST', lists)
    compare('refusal before authentication', refusals)


def virsh(daemon, auth_file, *args):
    env = dict(os.environ)
    env.pop('LIBVIRT_AUTH_FILE', None)
    if auth_file is not None:
        env['LIBVIRT_AUTH_FILE'] = auth_file
    run = subprocess.run(['virsh', '-c', daemon.uri()] + list(args), env=env,
                         stdin=subprocess.DEVNULL, capture_output=True, text=True,
                         timeout=common.WAIT_SECONDS)
    return run.returncode, run.stdout


def test_virsh_auth_file():
    if shutil.which('virsh') is None:
        raise common.Skip('no virsh (install libvirt-clients)')
    folder = tempfile.mkdtemp(prefix='gvird-sasl-virsh-')
    try:
        good = os.path.join(folder, 'good.conf')
        bad = os.path.join(folder, 'bad.conf')
        for path, password in ((good, USERS['alice']), (bad, 'wrong')):
            with open(path, 'w') as f:
                f.write('[credentials-t]\nauthname=alice\npassword=%s\n\n'
                        '[auth-libvirt-localhost]\ncredentials=t\n' % password)
        results = []
        for d in daemons():
            results.append((virsh(d, good, 'list', '--all', '--name'),
                            virsh(d, bad, 'list', '--all', '--name')[0]))
        check_equal(results[0][0], (0, 'test\n\n'), 'gvird: virsh with the right password')
        check_equal(results[0][1], 1, 'gvird: virsh with a wrong password fails')
        compare('virsh answers', results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


TESTS = [test_right_password, test_refused_users, test_calls_before_authentication,
         test_virsh_auth_file]


def main():
    global GVIRD, LIBVIRTD
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    require_all = os.environ.get('GVIR_TESTS_REQUIRE_ALL') == '1'
    print('1..%d' % len(TESTS))
    sasl_dir = tempfile.mkdtemp(prefix='gvird-sasl-')
    try:
        make_sasl_config(sasl_dir)
    except common.Skip as skip:
        if require_all:
            raise AssertionError('%s and GVIR_TESTS_REQUIRE_ALL=1' % skip)
        for number, test in enumerate(TESTS, 1):
            print('ok %d - %s # SKIP %s' % (number, test.__name__, skip))
        return 0
    # Both daemons read the same SASL configuration.
    os.environ['SASL_CONF_PATH'] = sasl_dir
    failed = 0
    statuses = []
    GVIRD = start_gvird()
    try:
        LIBVIRTD = start_libvirtd()
        if LIBVIRTD is None:
            reason = 'no libvirtd to compare with (install libvirt-daemon)'
            if require_all:
                raise AssertionError(reason + ' and GVIR_TESTS_REQUIRE_ALL=1')
            print('# %s: gvird only' % reason)
        for number, test in enumerate(TESTS, 1):
            try:
                test()
            except common.Skip as skip:
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
        if LIBVIRTD is not None:
            LIBVIRTD.stop()
        statuses.append(GVIRD.stop())
        shutil.rmtree(sasl_dir, ignore_errors=True)
    check_equal(statuses[0], 0, 'gvird exit status')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
