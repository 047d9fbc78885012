#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# bench-gconfig.sh BUILD-DIR [ITERATIONS]
#
# Runs bench-gconfig from BUILD-DIR (our libvirt-gconfig), then builds the
# same source against the system's libvirt-gconfig-1.0 (Debian's
# libvirt-glib-1.0-dev), when installed, and runs it for reference.

set -eu

build=${1:?usage: bench-gconfig.sh BUILD-DIR [ITERATIONS]}
iterations=${2:-10000}
here=$(cd "$(dirname "$0")" && pwd)

echo "== this project"
"$build/bench/bench-gconfig" "$iterations"

multiarch=$(cc -print-multiarch 2>/dev/null || true)
PKG_CONFIG_LIBDIR=/usr/lib/${multiarch}/pkgconfig:/usr/lib/pkgconfig:/usr/share/pkgconfig
export PKG_CONFIG_LIBDIR
unset PKG_CONFIG_PATH
if ! pkg-config --exists libvirt-gconfig-1.0; then
  echo "== the system has no libvirt-gconfig-1.0; no reference figures"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Same optimisation level as a release build of ours.
# shellcheck disable=SC2046
cc -O2 -o "$tmp/bench-gconfig" "$here/bench-gconfig.c" \
  $(pkg-config --cflags --libs libvirt-gconfig-1.0)
echo "== libvirt-gconfig $(pkg-config --modversion libvirt-gconfig-1.0) (system)"
env -u LD_LIBRARY_PATH "$tmp/bench-gconfig" "$iterations"
