#!/bin/sh
# bench-qemu-lifecycle.sh: define + start to running, and destroy, of one
# tiny TCG domain (64 MiB, 1 vCPU, no disk), in the same run through:
#   - QEMU alone (bench-qemu-floor.py: exec to "running", SIGTERM to exit),
#   - our QEMU driver (bench-qemu-lifecycle, qemu:///embed),
#   - libvirt's QEMU driver (bench-qemu-libvirt.py, python3-libvirt,
#     qemu:///embed). As root it runs as user nobody: libvirt's QEMU driver
#     will not start as root without a libvirt-qemu user on the machine.
# Prints each side's medians (milliseconds) and the ratios the QEMU driver
# issue sets targets for: our start / QEMU's own start (target <= 2), our
# destroy (target < 50 ms). Figures only.
#
# Usage: bench/bench-qemu-lifecycle.sh BUILD_DIR [ROUNDS]   (default 10)
# Needs qemu-system-x86, python3-libvirt and libvirt-daemon-driver-qemu.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

build=$(cd "${1:?usage: bench-qemu-lifecycle.sh BUILD_DIR [ROUNDS]}" && pwd)
rounds=${2:-10}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/bench-qemu-XXXXXX)
trap 'rm -rf "$dir"' EXIT INT TERM
chmod 755 "$dir"

cat > "$dir/tiny.xml" <<XML
<domain type='qemu'>
  <name>bench-tiny</name>
  <uuid>0b3e5a10-6f1c-4d2a-9c35-5a8e0c7d1f20</uuid>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type></os>
</domain>
XML

as_libvirt_user() {
    if [ "$(id -u)" = 0 ]; then
        chown -R 65534:65534 "$dir/libvirt"
        setpriv --reuid=65534 --regid=65534 --clear-groups \
            env HOME="$dir/libvirt" XDG_RUNTIME_DIR="$dir/libvirt" "$@"
    else
        "$@"
    fi
}

mkdir -p "$dir/floor" "$dir/ours" "$dir/libvirt"
cp "$dir/tiny.xml" "$dir/libvirt/tiny.xml"
echo "== QEMU alone"
/usr/bin/python3 "$here/bench-qemu-floor.py" "$dir/floor" "$rounds" | tee "$dir/floor.out"
echo "== our QEMU driver"
LD_LIBRARY_PATH="$build/libvirt-gobject:$build/libvirt-gconfig${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
    "$build/bench/bench-qemu-lifecycle" "$dir/ours/root" "$dir/tiny.xml" "$rounds" | tee "$dir/ours.out"
echo "== libvirt's QEMU driver"
(cd "$dir/libvirt" && as_libvirt_user /usr/bin/python3 "$here/bench-qemu-libvirt.py" \
    "$dir/libvirt/root" "$dir/libvirt/tiny.xml" "$rounds" 2>/dev/null) | tee "$dir/libvirt.out"

field() { sed -n "s/^median .*$2 \([0-9.]*\) ms.*/\1/p" "$dir/$1.out"; }
floor_start=$(field floor start); floor_exit=$(sed -n 's/^median .* exit \([0-9.]*\) ms/\1/p' "$dir/floor.out")
ours_start=$(field ours start); ours_destroy=$(sed -n 's/^median .* destroy \([0-9.]*\) ms/\1/p' "$dir/ours.out")
lv_start=$(field libvirt start); lv_destroy=$(sed -n 's/^median .* destroy \([0-9.]*\) ms/\1/p' "$dir/libvirt.out")
echo
echo "medians over $rounds rounds (ms):"
printf '  %-22s %10s %10s\n' "" "start" "stop"
printf '  %-22s %10s %10s\n' "QEMU alone" "$floor_start" "$floor_exit"
printf '  %-22s %10s %10s\n' "our QEMU driver" "$ours_start" "$ours_destroy"
printf '  %-22s %10s %10s\n' "libvirt's QEMU driver" "$lv_start" "$lv_destroy"
awk -v os="$ours_start" -v fs="$floor_start" -v od="$ours_destroy" -v ls="$lv_start" -v ld="$lv_destroy" 'BEGIN {
    printf "  our start / QEMU alone: %.2f (target <= 2)\n", os / fs
    printf "  our destroy: %.1f ms (target < 50)\n", od
    printf "  ours / libvirt: start %.2f, destroy %.3f\n", os / ls, od / ld
}'
