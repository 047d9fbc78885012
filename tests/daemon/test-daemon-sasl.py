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
# sasl_allowed_username_list, a raw CONNECT_OPEN sent before
# authenticating, and a CRAM-MD5 exchange by hand (the one mechanism here
# whose client trusts the daemon's word that it is in). Reports TAP.
#
# Must run under /usr/bin/python3; GVIRD names the daemon to start.

import hashlib
import hmac
import importlib.util
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile

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
PROC_AUTH_SASL_INIT = 67
PROC_AUTH_SASL_START = 68
PROC_AUTH_SASL_STEP = 69

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
        f.write('mech_list: scram-sha-256 cram-md5\nsasldb_path: %s\n' % db)
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


class Raw:
    """A connection speaking the protocol by hand, one call at a time."""

    def __init__(self, path):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(common.WAIT_SECONDS)
        self.sock.connect(path)
        self.serial = 0

    def close(self):
        self.sock.close()

    def call(self, proc, payload=b''):
        """(status, payload bytes) of the reply."""
        self.serial += 1
        header = struct.pack('>IIiIII', REMOTE_PROGRAM, 1, proc, 0, self.serial, 0)
        self.sock.sendall(struct.pack('>I', 4 + len(header) + len(payload)) + header + payload)
        data = b''
        while len(data) < 4 or len(data) < struct.unpack('>I', data[:4])[0]:
            chunk = self.sock.recv(65536)
            check(chunk, 'the daemon answered before closing')
            data += chunk
        return struct.unpack('>I', data[24:28])[0], data[28:]


def raw_call(path, proc, payload):
    """One call on a fresh connection."""
    raw = Raw(path)
    try:
        return raw.call(proc, payload)
    finally:
        raw.close()


def xdr_token(token):
    """rpcgen's char data<>: a count, then each byte as a 4-byte int."""
    if token is None:
        return struct.pack('>II', 1, 0)
    return struct.pack('>II', 0, len(token)) + b''.join(struct.pack('>i', b) for b in token)


def read_sasl_ret(payload):
    """(complete, token) of an auth_sasl_start/step reply."""
    complete, nil, count = struct.unpack('>iiI', payload[:12])
    token = bytes(struct.unpack('>i', payload[12 + 4 * k:16 + 4 * k])[0] & 0xff
                  for k in range(count))
    return complete, None if nil else token


def cram_md5(raw, user, password):
    """A whole CRAM-MD5 exchange (no proof from the server, so a client
    learns only from the daemon whether it is in): the status of the last
    step, then of a CONNECT_OPEN and its error code if refused."""
    status, _payload = raw.call(PROC_AUTH_SASL_INIT)
    check_equal(status, 0, 'AUTH_SASL_INIT answers')
    status, payload = raw.call(PROC_AUTH_SASL_START, xdr_string('CRAM-MD5') + xdr_token(None))
    check_equal(status, 0, 'AUTH_SASL_START answers with a challenge')
    complete, challenge = read_sasl_ret(payload)
    check_equal(complete, 0, 'CRAM-MD5 needs one more step')
    digest = hmac.new(password.encode(), challenge, hashlib.md5).hexdigest()
    step_status, _payload = raw.call(PROC_AUTH_SASL_STEP,
                                     xdr_token(('%s %s' % (user, digest)).encode()))
    open_args = struct.pack('>I', 1) + xdr_string('test:///default') + struct.pack('>I', 0)
    status, payload = raw.call(PROC_CONNECT_OPEN, open_args)
    return step_status, status, decode_error(payload)[0] if status else None


def test_cram_md5_by_hand():
    results = []
    for d in daemons():
        answers = []
        for user, password in (('alice', 'wrong'), ('alice', USERS['alice'])):
            raw = Raw(d.socket)
            try:
                answers.append(cram_md5(raw, user, password))
            finally:
                raw.close()
        results.append(answers)
    # A wrong password: the step fails, and the client is still refused.
    check_equal(results[0], [(1, 1, libvirt.VIR_ERR_RPC), (0, 0, None)], 'gvird CRAM-MD5')
    compare('CRAM-MD5 exchanges', results)


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
         test_cram_md5_by_hand, test_virsh_auth_file]


def main():
    libvirt.registerErrorHandler(lambda ctx, err: None, None)
    sasl_dir = tempfile.mkdtemp(prefix='gvird-sasl-')
    try:
        try:
            make_sasl_config(sasl_dir)
        except common.Skip as skip:
            if os.environ.get('GVIR_TESTS_REQUIRE_ALL') == '1':
                raise AssertionError('%s and GVIR_TESTS_REQUIRE_ALL=1' % skip)
            print('1..0 # SKIP %s' % skip)
            return 0
        # Both daemons read the same SASL configuration.
        os.environ['SASL_CONF_PATH'] = sasl_dir

        def use_daemons(gvird, libvirtd):
            global GVIRD, LIBVIRTD
            GVIRD, LIBVIRTD = gvird, libvirtd
        return common.run_tap(TESTS, start_gvird, start_libvirtd, use_daemons)
    finally:
        shutil.rmtree(sasl_dir, ignore_errors=True)


if __name__ == '__main__':
    sys.exit(main())
