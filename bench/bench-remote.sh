#!/bin/sh
# bench-remote.sh: get_info over a UNIX socket to a real libvirtd, through
# our remote driver (bench-remote) and through libvirt's own client
# (python3-libvirt), in the same run against the same daemon.
#
# Usage: bench/bench-remote.sh BUILD_DIR [CALLS]
# Needs libvirt-daemon and python3-libvirt. Prints figures only.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

build=$(cd "$1" && pwd)
calls=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/bench-remote-XXXXXX)
pid=

cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

mkdir -p "$dir/run" "$dir/drivers-empty"
cat > "$dir/libvirtd.conf" <<CONF
unix_sock_dir = "$dir/run"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_outputs = "3:file:$dir/libvirtd.log"
CONF

LIBVIRT_DRIVER_DIR="$dir/drivers-empty" /usr/sbin/libvirtd --config "$dir/libvirtd.conf" \
    --pid-file "$dir/libvirtd.pid" > /dev/null 2>&1 &
pid=$!
i=0
while [ ! -S "$dir/run/libvirt-sock" ]; do
    i=$((i + 1))
    if [ "$i" -gt 2000 ]; then
        echo "libvirtd did not start" >&2
        exit 1
    fi
    sleep 0.01
done

uri="test+unix:///default?socket=$dir/run/libvirt-sock"
echo "get_info on one domain over $uri, $calls calls per mode"
"$build/bench/bench-remote" "$uri" "$calls"
/usr/bin/python3 "$here/bench-remote-libvirt.py" "$uri" "$calls"
