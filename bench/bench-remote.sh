#!/bin/sh
# bench-remote.sh: get_info over a UNIX socket to a real libvirtd, through
# our remote driver (bench-remote) and through libvirt's own client
# (python3-libvirt), in the same run against the same daemon.
#
# Usage: bench/bench-remote.sh BUILD_DIR [CALLS] [ROUNDS]
# Needs libvirt-daemon and python3-libvirt. Prints figures only.
#
# Each round runs both clients, ours first in odd rounds and libvirt's
# first in even ones, so that load from elsewhere on the machine does not
# always favour the same side. With several rounds, the median of each
# figure over the rounds is printed at the end.
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

build=$(cd "$1" && pwd)
calls=${2:-20000}
rounds=${3:-1}
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
echo "get_info on one domain over $uri, $calls calls per mode, $rounds round(s)"
ours() { "$build/bench/bench-remote" "$uri" "$calls"; }
theirs() { /usr/bin/python3 "$here/bench-remote-libvirt.py" "$uri" "$calls"; }
r=1
while [ "$r" -le "$rounds" ]; do
    echo "round $r"
    if [ $((r % 2)) -eq 1 ]; then
        ours && theirs
    else
        theirs && ours
    fi
    r=$((r + 1))
done | tee "$dir/results"

if [ "$rounds" -gt 1 ]; then
    echo "median over $rounds rounds"
    # Lines look like: LABEL  N calls  RATE calls/s  median MED us  p99 P99 us  cpu CPU us/call
    grep ' calls/s ' "$dir/results" | grep -v warm-up | awk '
        {
            split($0, parts, /  +/); label = parts[1]
            for (i = 1; i <= NF; i++) {
                if ($i == "calls/s") rate[label] = rate[label] " " $(i - 1)
                if ($i == "median") med[label] = med[label] " " $(i + 1)
                if ($i == "p99") p99[label] = p99[label] " " $(i + 1)
                if ($i == "cpu") cpu[label] = cpu[label] " " $(i + 1)
            }
            if (!(label in seen)) { seen[label] = 1; order[++n] = label }
        }
        function median(list,    v, k, i, j, t) {
            k = split(list, v, " ")
            for (i = 2; i <= k; i++)
                for (j = i; j > 1 && v[j - 1] + 0 > v[j] + 0; j--) {
                    t = v[j]; v[j] = v[j - 1]; v[j - 1] = t
                }
            return k % 2 ? v[(k + 1) / 2] : (v[k / 2] + v[k / 2 + 1]) / 2
        }
        END {
            for (i = 1; i <= n; i++)
                printf "%-28s %9.0f calls/s  median %7.1f us  p99 %7.1f us  cpu %6.1f us/call\n",
                       order[i], median(rate[order[i]]), median(med[order[i]]),
                       median(p99[order[i]]), median(cpu[order[i]])
        }'
fi
