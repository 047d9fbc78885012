#!/bin/sh
# bench-daemon.sh: gvird next to libvirtd, both serving the test driver:
# get_info calls per second and latency (median, p99) through libvirt's
# own client (python3-libvirt) with 1 and 8 client processes, and each
# daemon's resident memory idle and with 100 clients, in one run.
#
# Usage: bench/bench-daemon.sh BUILD_DIR [CALLS] [ROUNDS]
# Needs libvirt-daemon and python3-libvirt. Prints a table; asserts nothing.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

build=$(cd "$1" && pwd)
calls=${2:-20000}
rounds=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/bench-daemon-XXXXXX)
gvird_pid=
libvirtd_pid=

cleanup() {
    for p in $gvird_pid $libvirtd_pid; do
        kill "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

wait_socket() {
    i=0
    while [ ! -S "$1" ]; do
        i=$((i + 1))
        if [ "$i" -gt 2000 ]; then
            echo "no daemon on $1" >&2
            exit 1
        fi
        sleep 0.01
    done
}

# The same socket settings for both; libvirtd loads no driver module, so
# only its built-in test driver serves.
mkdir -p "$dir/gvird" "$dir/libvirtd" "$dir/drivers-empty"
for d in gvird libvirtd; do
    cat > "$dir/$d.conf" <<CONF
unix_sock_dir = "$dir/$d"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
max_clients = 200
CONF
done
echo "log_outputs = \"3:file:$dir/libvirtd.log\"" >> "$dir/libvirtd.conf"

"$build/daemon/gvird" --config "$dir/gvird.conf" --pid-file "$dir/gvird.pid" \
    > "$dir/gvird.log" 2>&1 &
gvird_pid=$!
LIBVIRT_DRIVER_DIR="$dir/drivers-empty" /usr/sbin/libvirtd --config "$dir/libvirtd.conf" \
    --pid-file "$dir/libvirtd.pid" > /dev/null 2>&1 &
libvirtd_pid=$!
wait_socket "$dir/gvird/libvirt-sock"
wait_socket "$dir/libvirtd/libvirt-sock"

/usr/bin/python3 "$here/bench-daemon.py" --calls "$calls" --rounds "$rounds" \
    "gvird=$gvird_pid=test+unix:///default?socket=$dir/gvird/libvirt-sock" \
    "libvirtd=$libvirtd_pid=test+unix:///default?socket=$dir/libvirtd/libvirt-sock"
