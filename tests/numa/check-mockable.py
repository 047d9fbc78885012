#!/usr/bin/env python3
# Fails when a mock replaces a library function that is not marked
# GVIR_MOCKABLE in an internal header, or when a marked function is not
# exported by the shared library (so a preload could not reach it).
#
# usage: check-mockable.py LIBRARY.so HEADER... -- MOCK.c...
import re
import subprocess
import sys

TAP = []


def report(ok, what):
    TAP.append(("ok" if ok else "not ok") + " %d - %s" % (len(TAP) + 1, what))
    return ok


def marked_functions(headers):
    names = set()
    for path in headers:
        text = open(path).read()
        for match in re.finditer(r"GVIR_MOCKABLE\b[^;(]*?\b(gvir_\w+)\s*\(", text):
            names.add(match.group(1))
    return names


def mocked_functions(mocks):
    """Non-static gvir_* function definitions, in GNU style (return type on
    the line before the name) or on one line."""
    names = set()
    gnu_name = re.compile(r"^(gvir_\w+)\s*\(")
    one_line = re.compile(r"^(?!static\b)[A-Za-z_][\w \t\*]*?\b(gvir_\w+)\s*\(")
    for path in mocks:
        lines = open(path).read().splitlines()
        for i, line in enumerate(lines):
            match = gnu_name.match(line)
            if match and i > 0 and lines[i - 1].startswith("static"):
                continue
            match = match or one_line.match(line)
            if match is None:
                continue
            # A definition, not a declaration: a body opens after the
            # parameter list, before any ';'.
            following = "\n".join(lines[i:i + 6])
            head = following.split("{", 1)[0]
            if "{" in following and ";" not in head:
                names.add(match.group(1))
    return names


def exported_symbols(library):
    out = subprocess.run(["nm", "-D", "--defined-only", library],
                         check=True, capture_output=True, text=True).stdout
    return {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}


def main(argv):
    sep = argv.index("--")
    library, headers, mocks = argv[1], argv[2:sep], argv[sep + 1:]
    marked = marked_functions(headers)
    mocked = mocked_functions(mocks)
    exported = exported_symbols(library)
    ok = report(len(mocked) > 0, "the mocks define functions (%d found)" % len(mocked))
    for name in sorted(mocked):
        ok &= report(name in marked, "%s is marked GVIR_MOCKABLE" % name)
    for name in sorted(marked):
        ok &= report(name in exported, "%s is exported by %s" % (name, library))
    print("1..%d" % len(TAP))
    print("\n".join(TAP))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
