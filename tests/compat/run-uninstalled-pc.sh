#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# run-uninstalled-pc.sh BUILD-ROOT SOURCE CC
#
# TAP test of our pkg-config files: the uninstalled variants in
# BUILD-ROOT/meson-uninstalled build SOURCE (uninstalled-program.c)
# against libvirt-gconfig alone and against libvirt-gobject, and the
# programs run on the build tree's libraries; both modules say a Version
# that satisfies consumers requiring libvirt-glib 4.0.

set -u

build=$1
source=$2
cc=$3

PKG_CONFIG_PATH="$build/meson-uninstalled"
export PKG_CONFIG_PATH
LD_LIBRARY_PATH="$build/libvirt-gobject:$build/libvirt-gconfig${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0

result () {
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    status=1
  fi
}

echo "1..6"

for module in libvirt-gconfig-1.0 libvirt-gobject-1.0; do
  pkg-config --atleast-version=4.0.0 "$module"
  result $? "$module $(pkg-config --modversion "$module") satisfies libvirt-glib >= 4.0.0"
done

# build_and_run MODULE DEFINE EXPECTED
build_and_run () {
  # shellcheck disable=SC2046
  if ${cc} -o "$tmp/$1" "$source" $2 $(pkg-config --cflags --libs "$1") 2>"$tmp/cc.log"; then
    result 0 "built against the uninstalled $1 ($(pkg-config --cflags "$1" | wc -w) cflags)"
  else
    result 1 "building against the uninstalled $1 failed"
    sed 's/^/# /' "$tmp/cc.log"
    n=$((n + 1))
    echo "not ok $n - not run"
    return
  fi
  out=$(timeout 60 "$tmp/$1" 2>"$tmp/err")
  if [ "$out" = "$3" ]; then
    result 0 "$1's program prints $(echo "$out" | tr '\n' ' ')"
  else
    result 1 "$1's program printed '$out', not '$3'"
    sed 's/^/# /' "$tmp/err"
  fi
}

build_and_run libvirt-gconfig-1.0 "" "uninstalled"
build_and_run libvirt-gobject-1.0 "-DWITH_GOBJECT" "uninstalled
test"
exit $status
