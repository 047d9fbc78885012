#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# compare-layout.sh OUR-PROGRAM SOURCE CC
#
# TAP test: SOURCE (record-layout.c) prints the offsets and sizes of the
# fields of libvirt-glib's public records. OUR-PROGRAM is it built against
# our headers; here it is built against the system's libvirt-gobject-1.0
# (Debian's libvirt-glib-1.0-dev) and both outputs must be identical, or a
# binary built against libvirt-glib would read the wrong memory. Without
# the system's libvirt-gobject-1.0 it skips, or fails when
# GVIR_TESTS_REQUIRE_ALL=1.

set -u

ours=$1
source=$2
cc=$3

. "$(dirname "$0")/system-libvirt-glib.sh"
use_system_libvirt_glib "${cc}" libvirt-gobject-1.0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "1..2"
# shellcheck disable=SC2046
if ${cc} -o "$tmp/reference" "$source" \
     $(pkg-config --cflags --libs libvirt-gobject-1.0) 2>"$tmp/cc.log"; then
  echo "ok 1 - built against libvirt-glib $(pkg-config --modversion libvirt-gobject-1.0)"
else
  echo "not ok 1 - building against the system's libvirt-gobject failed"
  sed 's/^/# /' "$tmp/cc.log"
  exit 1
fi

"$tmp/reference" >"$tmp/theirs"
"$ours" >"$tmp/ours"
if cmp -s "$tmp/theirs" "$tmp/ours"; then
  echo "ok 2 - records have libvirt-glib's layout ($(wc -l <"$tmp/ours") lines)"
else
  echo "not ok 2 - records differ from libvirt-glib's layout (- theirs, + ours)"
  diff -u "$tmp/theirs" "$tmp/ours" | sed 's/^/# /'
  exit 1
fi
