#!/usr/bin/python3
"""TAP test: libvirt-gconfig's getters read the same values from the same
documents in our library and in Debian's libvirt-gconfig 4.0.

    compare-gconfig-getters.py CC OUR-PROGRAM SCHEMA-DIR KNOWN-DIFFERENCES.md SOURCE... -- FILE...

OUR-PROGRAM is gconfig-getters built against our library; SOURCE... are its
C sources (gconfig-getters.c, the generated table, gconfig-getters.h's
directory comes from the first one), built here again against the system's
libvirt-gconfig-1.0. Both run over the corpus FILEs and print one line per
getter call and the documents they write; the outputs are compared line by
line. A line only one side prints must match a pattern of
KNOWN-DIFFERENCES.md (the "-" and "+" lines of its ```diff blocks, shell
"*" matching any text and nothing else special, "-" for Debian's line
and "+" for ours), and each pattern must
still match a line, so that the file lists exactly the differences there
are. Our schema paths start with SCHEMA-DIR, libvirt's schema directory
under this build's prefix; they are compared as if it were Debian's
(/usr/share/libvirt/schemas), so that only the file names count. Without the system's libvirt-gconfig-1.0 it skips, or fails when
GVIR_TESTS_REQUIRE_ALL=1.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

RUN_TIMEOUT = 120
# Where Debian's libvirt-gconfig (built with prefix /usr) finds libvirt's schemas.
SYSTEM_SCHEMA_DIR = '/usr/share/libvirt/schemas'


def tap_plan_skip(reason):
    if os.environ.get('GVIR_TESTS_REQUIRE_ALL') == '1':
        print('1..1\nnot ok 1 - GVIR_TESTS_REQUIRE_ALL=1 but %s' % reason)
        sys.exit(1)
    print('1..0 # SKIP %s' % reason)
    sys.exit(0)


def system_pkg_config(cc, *args):
    """pkg-config over the system's own directories only: never a build
    tree or an install of this project, which use the same module name."""
    multiarch = subprocess.run([cc, '-print-multiarch'], capture_output=True, text=True).stdout.strip()
    env = dict(os.environ)
    env.pop('PKG_CONFIG_PATH', None)
    env.pop('PKG_CONFIG_SYSROOT_DIR', None)
    env['PKG_CONFIG_LIBDIR'] = ':'.join(['/usr/lib/%s/pkgconfig' % multiarch,
                                         '/usr/lib/pkgconfig', '/usr/share/pkgconfig'])
    return subprocess.run(['pkg-config'] + list(args), env=env, capture_output=True, text=True)


def pattern_regex(pattern):
    """A pattern's line without its side: "*" is any text, the rest literal
    (output lines are full of brackets that globs would take as sets)."""
    return re.compile('.*'.join(re.escape(part) for part in pattern[1:].split('*')) + r'\Z')


def known_patterns(path):
    """The "-"/"+" lines of the ```diff blocks of KNOWN-DIFFERENCES.md."""
    patterns, in_diff = [], False
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if line.startswith('```'):
                in_diff = not in_diff and line[3:].strip() == 'diff'
                continue
            if in_diff and line[:1] in ('-', '+'):
                patterns.append(line)
    return patterns


def run(program, files, env):
    # A getter may hand back bytes that are not UTF-8: shown escaped.
    return subprocess.run([program] + files, env=env, capture_output=True, text=True,
                          errors='backslashreplace', timeout=RUN_TIMEOUT, check=False)


def outcome(path, result):
    """What a program printed for one document, and how it ended when it
    did not end well (libvirt-gconfig 4.0 crashes on some documents)."""
    if result.returncode == 0:
        return result.stdout
    return result.stdout + '%s: the program ended with status %d\n' % (os.path.basename(path),
                                                                      result.returncode)


def main():
    split = sys.argv.index('--')
    cc, ours, schema_dir, known = sys.argv[1:5]
    sources, files = sys.argv[5:split], sys.argv[split + 1:]

    if system_pkg_config(cc, '--exists', 'libvirt-gconfig-1.0').returncode != 0:
        tap_plan_skip('the system has no libvirt-gconfig-1.0 (apt-get install libvirt-glib-1.0-dev)')
    flags = system_pkg_config(cc, '--cflags', '--libs', 'libvirt-gconfig-1.0').stdout.split()
    version = system_pkg_config(cc, '--modversion', 'libvirt-gconfig-1.0').stdout.strip()

    print('1..5')
    tmp = tempfile.mkdtemp()
    reference = os.path.join(tmp, 'reference')
    # A function our headers have and Debian's lack would be called through
    # an implicit declaration (an int return): refuse to build that.
    build = subprocess.run([cc, '-o', reference] + sources +
                           ['-I' + os.path.dirname(sources[0]), '-Wno-deprecated-declarations',
                            '-Werror=implicit-function-declaration'] + flags,
                           capture_output=True, text=True)
    if build.returncode != 0:
        print('not ok 1 - building against the system libvirt-gconfig failed')
        print(re.sub(r'(?m)^', '# ', build.stderr))
        sys.exit(1)
    print('ok 1 - built against libvirt-gconfig %s' % version)

    # libvirt-gconfig 4.0 logs criticals for values it does not know (an
    # enum nick it lacks): its behaviour, not a failure of the test.
    system_env = {k: v for k, v in os.environ.items()
                  if k not in ('LD_LIBRARY_PATH', 'LD_PRELOAD', 'G_DEBUG')}
    theirs, mine, failures = [], [], []
    for path in files:
        reference_run = run(reference, [path], system_env)
        our_run = run(ours, [path], os.environ)
        theirs.append(outcome(path, reference_run))
        mine.append(outcome(path, our_run))
        if our_run.returncode != 0:
            failures.append('%s: status %d\n%s' % (path, our_run.returncode, our_run.stderr[-4000:]))
    theirs = ''.join(theirs).splitlines()
    mine = ''.join(mine).replace('"%s/' % schema_dir, '"%s/' % SYSTEM_SCHEMA_DIR).splitlines()
    if failures:
        print('not ok 2 - our program failed on %d documents' % len(failures))
        for failure in failures:
            print(re.sub(r'(?m)^', '# ', failure))
    else:
        print('ok 2 - both programs read %d documents (%d and %d lines)'
              % (len(files), len(theirs), len(mine)))

    changed = [l for l in mine if l.endswith(' getters kept the document = no')]
    print('%s 3 - no getter of ours changes a document' % ('not ok' if changed else 'ok'))
    for line in changed:
        print('# ' + line)

    patterns = known_patterns(known)
    regexes = {p: pattern_regex(p) for p in patterns}
    used = set()
    unexplained = []
    diff = list(difflib.unified_diff(theirs, mine,
                                     'libvirt-gconfig', 'ours', n=0, lineterm=''))
    for line in diff:
        if line.startswith(('---', '+++', '@@')):
            continue
        matches = [p for p in patterns if p[0] == line[0] and regexes[p].match(line[1:])]
        used.update(matches)
        if not matches:
            unexplained.append(line)
    if unexplained:
        print('not ok 4 - %d unexplained differences (- libvirt-gconfig, + ours); '
              'the whole diff follows' % len(unexplained))
        for line in diff:
            print('# ' + line)
    else:
        print('ok 4 - every difference is in %s (%d lines differ)'
              % (os.path.basename(known), len(diff)))

    stale = [p for p in patterns if p not in used]
    print('%s 5 - every known difference still occurs' % ('not ok' if stale else 'ok'))
    for p in stale:
        print('# no longer differs: ' + p)
    sys.exit(1 if failures or changed or unexplained or stale else 0)


if __name__ == '__main__':
    main()
