#!/usr/bin/python3
"""Fails when a file of an internal layer includes what its layer may not use.

    check-layer-includes.py LIBDIR [--stamp FILE] [--as LAYER FILE...]

LIBDIR is libvirt-gobject/ of the source tree. Every .c and .h under its
util/, rpc/ and drivers/ folders is read; an #include is resolved (against
the file's folder, then the top of the tree) and classified:

  util      may include util and the error header;
  rpc       may include rpc, util and the error header;
  drivers   may include drivers, rpc, util, the error header and libvirt-gconfig.

No layer may include another public libvirt-gobject header (the error
header is the one bottom-layer header every layer shares). System headers
(<glib.h>, <gnutls/...>, <numa.h>, ...) are the link check's business.
--as LAYER FILE checks FILE as if it lived in LAYER (for the script's own
test). With --stamp, FILE is written when everything is allowed.
"""
import argparse
import os
import re
import sys

ALLOWED = {
    "util": {"util", "error"},
    "rpc": {"rpc", "util", "error"},
    "drivers": {"drivers", "rpc", "util", "error", "libvirt-gconfig"},
}
ERROR_HEADERS = {"libvirt-gobject-error.h", "libvirt-gobject-visibility.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def classify(name, path, libdir):
    """The area an included file belongs to, or None for a system header."""
    top = os.path.dirname(libdir)
    if path is not None:
        rel = os.path.relpath(path, top).split(os.sep)
    else:
        rel = name.split("/")
    if rel[0] == "libvirt-gconfig":
        return "libvirt-gconfig"
    if rel[0] != "libvirt-gobject":
        return None
    if len(rel) == 2:
        return "error" if rel[1] in ERROR_HEADERS else "public"
    return rel[1]


def resolve(name, quote, including_file, libdir):
    top = os.path.dirname(libdir)
    candidates = [os.path.join(top, name)]
    if quote == '"':
        candidates.insert(0, os.path.join(os.path.dirname(including_file), name))
    for candidate in candidates:
        if os.path.isfile(candidate):
            return os.path.normpath(candidate)
    return None


def check_file(path, layer, libdir):
    problems = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            match = INCLUDE.match(line)
            if match is None:
                continue
            quote, name = match.groups()
            area = classify(name, resolve(name, quote, path, libdir), libdir)
            if area is None and quote == '"' and name.startswith("libvirt-gobject"):
                area = "public"   # a generated public header, e.g. the enums
            if area is not None and area not in ALLOWED[layer]:
                problems.append("%s:%d: the %s layer may not include %s (%s)"
                                % (path, number, layer, name, area))
    return problems


def layer_files(libdir):
    for layer in ALLOWED:
        for folder, _dirs, names in os.walk(os.path.join(libdir, layer)):
            for name in sorted(names):
                if name.endswith((".c", ".h")):
                    yield layer, os.path.join(folder, name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("libdir")
    parser.add_argument("--stamp")
    parser.add_argument("--as", dest="extra", nargs=2, action="append", default=[],
                        metavar=("LAYER", "FILE"))
    args = parser.parse_args()
    libdir = os.path.abspath(args.libdir)

    files = list(layer_files(libdir))
    files += [(layer, os.path.abspath(path)) for layer, path in args.extra]
    problems = []
    for layer, path in files:
        problems += check_file(path, layer, libdir)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    print("%d files of util/, rpc/ and drivers/ include only what their layer may use"
          % len(files))
    if args.stamp:
        with open(args.stamp, "w", encoding="utf-8") as f:
            f.write("ok\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
