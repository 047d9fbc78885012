#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# compare-gconfig.sh OUR-PROGRAM SOURCE CC
#
# TAP test: SOURCE, a program in libvirt-gconfig's idiom, was built by meson
# against our headers and library (OUR-PROGRAM). Here it is built again
# against the libvirt-gconfig-1.0 installed by the system (Debian's
# libvirt-glib-1.0-dev), both are run, and their outputs must be identical
# byte for byte. Without the system's libvirt-gconfig-1.0 it skips (a TAP
# "1..0 # SKIP" plan and status 0: meson's TAP runner counts 77 as an error),
# or fails when GVIR_TESTS_REQUIRE_ALL=1.

set -u

ours=$1
source=$2
cc=${3:-cc}

. "$(dirname "$0")/system-libvirt-glib.sh"
use_system_libvirt_glib "${cc}" libvirt-gconfig-1.0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..4"

# The deprecated calls in the program are deliberate: they are API too.
# shellcheck disable=SC2046
if ${cc} -o "$tmp/reference" "$source" -Wno-deprecated-declarations \
     $(pkg-config --cflags --libs libvirt-gconfig-1.0) 2>"$tmp/cc.log"; then
  echo "ok 1 - built against libvirt-gconfig $(pkg-config --modversion libvirt-gconfig-1.0)"
else
  echo "not ok 1 - building against the system libvirt-gconfig failed"
  sed 's/^/# /' "$tmp/cc.log"
  exit 1
fi

# The reference must load the system library, not ours (compared after
# resolving symlinks: /lib and /usr/lib are one directory on merged-/usr).
libdir=$(pkg-config --variable=libdir libvirt-gconfig-1.0)
expected=$(readlink -f "${libdir}/libvirt-gconfig-1.0.so.0")
loaded=$(env -u LD_LIBRARY_PATH -u LD_PRELOAD ldd "$tmp/reference" |
         sed -n 's/^[[:space:]]*libvirt-gconfig-1.0.so.0 => \([^ ]*\) .*/\1/p')
if [ -n "$loaded" ] && [ "$(readlink -f "$loaded")" = "$expected" ]; then
  echo "ok 2 - the reference program loads $expected"
else
  echo "not ok 2 - the reference program loads '${loaded}', not $expected"
fi

if env -u LD_LIBRARY_PATH -u LD_PRELOAD "$tmp/reference" >"$tmp/reference.out" 2>"$tmp/reference.err" &&
   "$ours" >"$tmp/ours.out" 2>"$tmp/ours.err"; then
  echo "ok 3 - both programs ran"
else
  echo "not ok 3 - a program failed"
  sed 's/^/# reference: /' "$tmp/reference.err"
  sed 's/^/# ours: /' "$tmp/ours.err"
  exit 1
fi

if cmp -s "$tmp/reference.out" "$tmp/ours.out"; then
  echo "ok 4 - identical output ($(wc -l <"$tmp/ours.out") lines)"
else
  echo "not ok 4 - the outputs differ (- libvirt-gconfig, + ours)"
  diff -u "$tmp/reference.out" "$tmp/ours.out" | sed 's/^/# /'
fi
