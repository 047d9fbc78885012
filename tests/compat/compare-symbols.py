#!/usr/bin/python3
"""TAP test: our libraries export libvirt-glib's symbols under its version nodes.

    compare-symbols.py OUR-LIBVIRT-GOBJECT.so OUR-LIBVIRT-GCONFIG.so

A binary built against libvirt-glib imports gvir_connection_new under
LIBVIRT_GOBJECT_0.0.8; it loads our library only if ours defines that node,
chained as libvirt-glib chains it, and exports the symbol under it. For each
library, against Debian's libvirt-glib 4.0 copy of it (readelf of both):

  - every node of theirs is defined in ours, with the same parent;
  - every symbol both export has the same node in both;
  - every symbol only we export is in our own node (or the private one for
    tests), and no libvirt-glib library exports it (it is truly ours);
  - every symbol libvirt-glib exports, we export too (but those listed in
    NOT_YET, each with its reason).

Prints the counts of common / ours only / theirs only. Without Debian's
libraries it skips with the reason (a "1..0 # SKIP" plan), or fails when
GVIR_TESTS_REQUIRE_ALL=1.
"""
import os
import re
import subprocess
import sys

SYSTEM_LIBDIR = "/usr/lib/x86_64-linux-gnu"
LIBRARIES = [
    # (Debian's file, our node for additions, our private node)
    ("libvirt-gobject-1.0.so.0", "LIBVIRT_GOBJECT_NG_1.0", "LIBVIRT_GOBJECT_PRIVATE_1.0"),
    ("libvirt-gconfig-1.0.so.0", "LIBVIRT_GCONFIG_NG_1.0", "LIBVIRT_GCONFIG_PRIVATE_1.0"),
]
# libvirt-glib symbols we do not export yet, with the reason. Empty when the
# libraries are a complete drop-in.
NOT_YET = {
}

# libvirt-glib's third library (gvir_init, events, errors).
LIBVIRT_GLIB = "libvirt-glib-1.0.so.0"


def readelf(args, library):
    return subprocess.run(["readelf", "-W"] + args + [library], check=True,
                          capture_output=True, text=True).stdout


def exported_symbols(library):
    """{name: version node} of the functions and objects LIBRARY defines."""
    symbols = {}
    for line in readelf(["--dyn-syms"], library).splitlines():
        fields = line.split()
        # Num: Value Size Type Bind Vis Ndx Name@Version
        # (a version node shows up as an absolute object named like it.)
        if len(fields) < 8 or fields[3] not in ("FUNC", "OBJECT") or fields[6] in ("UND", "ABS"):
            continue
        name, _, version = fields[7].partition("@")
        symbols[name] = version.lstrip("@")
    return symbols


def version_nodes(library):
    """{node: parent or None} from the version definitions of LIBRARY."""
    nodes, current = {}, None
    section = readelf(["-V"], library).split("Version definition section", 1)
    if len(section) < 2:
        return nodes
    for line in section[1].split("Version needs section", 1)[0].splitlines():
        definition = re.search(r"Flags: (\S+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)", line)
        parent = re.search(r"Parent \d+: (\S+)", line)
        if definition:
            current = None if definition.group(1) == "BASE" else definition.group(2)
            if current:
                nodes[current] = None
        elif parent and current:
            nodes[current] = parent.group(1)
    return nodes


class Tap:
    def __init__(self):
        self.number = 0
        self.failed = False

    def check(self, ok, what, details=()):
        self.number += 1
        print(("ok" if ok else "not ok"), self.number, "-", what)
        for line in details:
            print("#", line)
        self.failed |= not ok


def compare_library(tap, ours_path, theirs_path, our_node, private_node, all_theirs):
    name = os.path.basename(theirs_path)
    ours, theirs = exported_symbols(ours_path), exported_symbols(theirs_path)
    our_nodes, their_nodes = version_nodes(ours_path), version_nodes(theirs_path)

    wrong_nodes = [f"{node}: theirs has parent {parent}, ours {our_nodes.get(node, 'no such node')}"
                   for node, parent in their_nodes.items()
                   if node not in our_nodes or our_nodes[node] != parent]
    tap.check(not wrong_nodes, f"{name}: all {len(their_nodes)} of libvirt-glib's nodes, chained alike",
              wrong_nodes)

    common = sorted(set(ours) & set(theirs))
    ours_only = sorted(set(ours) - set(theirs))
    theirs_only = sorted(set(theirs) - set(ours))
    print(f"# {name}: {len(common)} common, {len(ours_only)} ours only, "
          f"{len(theirs_only)} theirs only")
    moved = [f"{s}: ours {ours[s]}, libvirt-glib {theirs[s]}" for s in common if ours[s] != theirs[s]]
    tap.check(not moved, f"{name}: the {len(common)} common symbols have libvirt-glib's node", moved)

    strays = [f"{s}: {ours[s]}" for s in ours_only if ours[s] not in (our_node, private_node)]
    tap.check(not strays, f"{name}: the {len(ours_only)} symbols only we export are in "
              f"{our_node} or {private_node}", strays)

    missing = [s for s in theirs_only if s not in NOT_YET]
    tap.check(not missing, f"{name}: we export all of libvirt-glib's symbols "
              f"(but {len([s for s in theirs_only if s in NOT_YET])} listed in NOT_YET)", missing)

    clashes = [s for s in ours_only if s in all_theirs]
    tap.check(not clashes, f"{name}: none of ours is exported by another libvirt-glib library",
              clashes)


def main():
    ours = sys.argv[1:3]
    theirs = [os.path.join(SYSTEM_LIBDIR, lib[0]) for lib in LIBRARIES]
    glib = os.path.join(SYSTEM_LIBDIR, LIBVIRT_GLIB)
    absent = [path for path in theirs + [glib] if not os.path.exists(path)]
    if absent:
        missing = f"no {', '.join(absent)} (apt-get install libvirt-glib-1.0-dev)"
        if os.environ.get("GVIR_TESTS_REQUIRE_ALL") == "1":
            print("1..1")
            print("not ok 1 - GVIR_TESTS_REQUIRE_ALL=1 but", missing)
            return 1
        print("1..0 # SKIP", missing)
        return 0

    print(f"1..{5 * len(LIBRARIES)}")
    tap = Tap()
    # Every symbol of libvirt-glib's three libraries: one only we export
    # must be none of them, or it would shadow (or be shadowed by) theirs.
    all_theirs = set()
    for path in theirs + [glib]:
        all_theirs |= set(exported_symbols(path))
    for our_path, their_path, (_, our_node, private_node) in zip(ours, theirs, LIBRARIES):
        compare_library(tap, our_path, their_path, our_node, private_node, all_theirs)
    return 1 if tap.failed else 0


if __name__ == "__main__":
    sys.exit(main())
