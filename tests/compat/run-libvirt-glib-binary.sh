#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# run-libvirt-glib-binary.sh SOURCE CC OUR-GOBJECT-DIR OUR-GCONFIG-DIR
#
# TAP test of binary compatibility: SOURCE is built against the system's
# libvirt-glib (Debian's libvirt-glib-1.0-dev: its headers, pkg-config and
# versioned libraries), then run with our two libraries first on
# LD_LIBRARY_PATH. It must load them (every symbol under the version node
# the binary recorded; LD_BIND_NOW resolves them all at start), run on
# them, and list test:///default's domains. Without the system's
# libvirt-gobject-1.0 it skips (a "1..0 # SKIP" plan), or fails when
# GVIR_TESTS_REQUIRE_ALL=1.

set -u

source=$1
cc=$2
gobject_dir=$3
gconfig_dir=$4

. "$(dirname "$0")/system-libvirt-glib.sh"
use_system_libvirt_glib "${cc}" libvirt-gobject-1.0

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

echo "1..4"

# shellcheck disable=SC2046
if ${cc} -o "$tmp/program" "$source" \
     $(pkg-config --cflags --libs libvirt-gobject-1.0) 2>"$tmp/cc.log"; then
  echo "ok 1 - built against libvirt-glib $(pkg-config --modversion libvirt-gobject-1.0)"
else
  echo "not ok 1 - building against the system's libvirt-gobject failed"
  sed 's/^/# /' "$tmp/cc.log"
  exit 1
fi

LD_LIBRARY_PATH="$gobject_dir:$gconfig_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH

# The loader's own view: which files it maps for the two sonames.
LD_TRACE_LOADED_OBJECTS=1 "$tmp/program" >"$tmp/ldd" 2>&1
gobject=$(sed -n 's/^[[:space:]]*libvirt-gobject-1.0.so.0 => \([^ ]*\).*/\1/p' "$tmp/ldd")
gconfig=$(sed -n 's/^[[:space:]]*libvirt-gconfig-1.0.so.0 => \([^ ]*\).*/\1/p' "$tmp/ldd")
if [ "$gobject" = "$gobject_dir/libvirt-gobject-1.0.so.0" ] &&
   [ "$gconfig" = "$gconfig_dir/libvirt-gconfig-1.0.so.0" ]; then
  echo "ok 2 - the program maps our libvirt-gobject and libvirt-gconfig"
else
  echo "not ok 2 - the program maps libvirt-gobject '$gobject', libvirt-gconfig '$gconfig'"
  sed 's/^/# /' "$tmp/ldd"
  status=1
fi

# LD_BIND_NOW: a symbol missing under its node fails here, not mid-run.
LD_BIND_NOW=1 timeout 60 "$tmp/program" test:///default >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -eq 0 ] && ! grep -q "version\|symbol lookup error" "$tmp/err"; then
  echo "ok 3 - it loads on our libraries and runs (no missing symbol or version)"
else
  echo "not ok 3 - it exited with $rc"
  sed 's/^/# /' "$tmp/err"
  status=1
fi

if [ "$(cat "$tmp/out")" = "test" ]; then
  echo "ok 4 - it lists test:///default's domains on our libraries: test"
else
  echo "not ok 4 - it listed '$(cat "$tmp/out")' instead of 'test'"
  status=1
fi
exit $status
