# SPDX-License-Identifier: LGPL-2.1-or-later
# Copyright (C) 2026 The libvirt-glib-ng authors
#
# Sourced by the compat TAP tests that build a program against the
# system's libvirt-glib (Debian's libvirt-glib-1.0-dev):
#
#   . "$(dirname "$0")/system-libvirt-glib.sh"
#   use_system_libvirt_glib CC MODULE
#
# points pkg-config at the system's own directories only (never a build
# tree or a /usr/local install of this project, which use the same module
# names), then returns if MODULE is there. Without it the test ends here:
# a TAP "1..0 # SKIP" plan and status 0 (meson's TAP runner counts 77 as
# an error), or a failure when GVIR_TESTS_REQUIRE_ALL=1.

use_system_libvirt_glib () {
  multiarch=$($1 -print-multiarch 2>/dev/null || true)
  PKG_CONFIG_LIBDIR=/usr/lib/${multiarch}/pkgconfig:/usr/lib/pkgconfig:/usr/share/pkgconfig
  export PKG_CONFIG_LIBDIR
  unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

  if pkg-config --exists "$2" 2>/dev/null; then
    return 0
  fi
  missing="the system has no $2 (apt-get install libvirt-glib-1.0-dev)"
  if [ "${GVIR_TESTS_REQUIRE_ALL:-}" = 1 ]; then
    echo "1..1"
    echo "not ok 1 - GVIR_TESTS_REQUIRE_ALL=1 but $missing"
    exit 1
  fi
  echo "1..0 # SKIP $missing"
  exit 0
}
