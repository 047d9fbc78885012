#!/bin/sh
# bench-fetch.sh: fetch_domains + get_info on every domain, over a UNIX
# socket to a real libvirtd serving test-driver files of 1,000 and 10,000
# domains, through our libvirt-gobject and through the system's
# libvirt-glib (libvirt's own client underneath), in the same run against
# the same daemon.
#
# Usage: bench/bench-fetch.sh BUILD_DIR [ROUNDS] [SIZE...]
#        (defaults: 3 rounds, sizes 1000 and 10000)
# Needs libvirt-daemon and libvirt-glib-1.0-dev. Prints figures only.
#
# With BENCH_FETCH_TRACE=1, libvirtd logs every call it receives and each
# client's line is followed by the calls it made, by procedure: where the
# time goes. Logging slows the daemon, so those figures are not the ones
# to quote.
#
# Each round runs both clients once per size, ours first in odd rounds and
# libvirt-glib first in even ones, so that load from elsewhere on the
# machine does not always favour the same side. At the end, per size: the
# median over the rounds of each client's seconds and their ratio
# (ours / libvirt-glib; below 1 means ours is faster).
#
# Copyright (C) 2026 The libvirt-glib-ng authors
# SPDX-License-Identifier: LGPL-2.1-or-later
set -eu

build=$(cd "${1:?usage: bench-fetch.sh BUILD_DIR [ROUNDS] [SIZE...]}" && pwd)
rounds=${2:-3}
shift
[ $# -gt 0 ] && shift
sizes=${*:-1000 10000}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d /tmp/bench-fetch-XXXXXX)
pid=
trace=${BENCH_FETCH_TRACE:-0}
# One client run may not take longer than this (seconds).
client_timeout=900

cleanup() {
    if [ -n "$pid" ]; then
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$dir"
}
trap cleanup EXIT INT TERM

# A <node> test-driver file with $1 domains: unique names and UUIDs, every
# other one shut off (test:runstate 5), the rest running.
write_node_file() {
    awk -v n="$1" 'BEGIN {
        print "<node>"
        for (i = 1; i <= n; i++) {
            print "  <domain type=\"test\" xmlns:test=\"http://libvirt.org/schemas/domain/test/1.0\">"
            printf "    <name>bench-%05d</name>\n", i
            printf "    <uuid>%08x-0000-4000-8000-%012x</uuid>\n", i, i
            print "    <memory unit=\"KiB\">65536</memory>"
            print "    <vcpu>1</vcpu>"
            print "    <os><type>hvm</type></os>"
            if (i % 2 == 0)
                print "    <test:runstate>5</test:runstate>"
            print "  </domain>"
        }
        print "</node>"
    }' > "$2"
}

# Builds bench-fetch.c against the system's libvirt-gobject-1.0 into $1;
# fails when the system has none.
build_theirs() {
    multiarch=$(cc -print-multiarch 2>/dev/null || true)
    PKG_CONFIG_LIBDIR=/usr/lib/${multiarch}/pkgconfig:/usr/lib/pkgconfig:/usr/share/pkgconfig \
        pkg-config --exists libvirt-gobject-1.0 || return 1
    version=$(PKG_CONFIG_LIBDIR=/usr/lib/${multiarch}/pkgconfig:/usr/lib/pkgconfig:/usr/share/pkgconfig \
        pkg-config --modversion libvirt-gobject-1.0)
    # Same optimisation level as a release build of ours.
    # shellcheck disable=SC2046
    cc -O2 -DBENCH_FETCH_LABEL='"libvirt-glib"' -o "$1" "$here/bench-fetch.c" \
        $(PKG_CONFIG_LIBDIR=/usr/lib/${multiarch}/pkgconfig:/usr/lib/pkgconfig:/usr/share/pkgconfig \
          pkg-config --cflags --libs libvirt-gobject-1.0)
}

# Where binary $1 loads libvirt-gobject-1.0 from, as the dynamic linker
# resolves it without our LD_LIBRARY_PATH.
gobject_library_of() {
    env -u LD_LIBRARY_PATH ldd "$1" | awk '/libvirt-gobject-1.0/ { print $3 }'
}

ours_bin="$build/bench/bench-fetch"
theirs_bin="$dir/bench-fetch-libvirt-glib"
if [ ! -x "$ours_bin" ]; then
    echo "$ours_bin is missing: build the bench-fetch target first" >&2
    exit 1
fi
ours_lib=$(gobject_library_of "$ours_bin")
case "$ours_lib" in
    "$build"/*) ;;
    *) echo "$ours_bin loads $ours_lib, not the build's library" >&2; exit 1 ;;
esac
if build_theirs "$theirs_bin"; then
    theirs_lib=$(gobject_library_of "$theirs_bin")
    case "$theirs_lib" in
        "$build"/*|"") echo "$theirs_bin loads '$theirs_lib', not the system's library" >&2; exit 1 ;;
    esac
    echo "ours: $ours_lib"
    echo "libvirt-glib $version: $theirs_lib"
else
    theirs_bin=
    echo "the system has no libvirt-gobject-1.0 (libvirt-glib-1.0-dev): ours only"
fi

for n in $sizes; do
    write_node_file "$n" "$dir/bench-$n.xml"
done

mkdir -p "$dir/run" "$dir/drivers-empty"
trace_output=
trace_filter=
if [ "$trace" = 1 ]; then
    trace_output=" 1:file:$dir/rpc.log"
    trace_filter="1:rpc.netserverclient"
fi
cat > "$dir/libvirtd.conf" <<CONF
unix_sock_dir = "$dir/run"
unix_sock_rw_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
log_outputs = "3:file:$dir/libvirtd.log$trace_output"
log_filters = "$trace_filter"
CONF

# No driver modules: the test driver is part of libvirt.so itself.
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

ours() {
    timeout "$client_timeout" "$ours_bin" "$1" "$2"
}
theirs() {
    if [ -n "$theirs_bin" ]; then
        env -u LD_LIBRARY_PATH timeout "$client_timeout" "$theirs_bin" "$1" "$2"
    fi
}

# The calls libvirtd received since the last report, by procedure
# number (named for those this benchmark makes), then forgets them; the
# keepalive program's messages are counted apart. libvirtd appends to its
# log, so truncating it in place is safe.
report_calls() {
    awk '/RPC_SERVER_CLIENT_MSG_RX/ {
            for (i = 1; i <= NF; i++) {
                if ($i ~ /^prog=/) prog = substr($i, 6)
                if ($i ~ /^proc=/) proc = substr($i, 6)
            }
            if (prog == 536903814) { count[proc]++; total++ }
            else keepalive++
        }
        END {
            name[1] = "OPEN"; name[2] = "CLOSE"; name[16] = "DOMAIN_GET_INFO"
            name[60] = "SUPPORTS_FEATURE"; name[66] = "AUTH_LIST"
            name[151] = "DOMAIN_IS_PERSISTENT"; name[183] = "DOMAIN_HAS_MANAGED_SAVE_IMAGE"
            name[212] = "DOMAIN_GET_STATE"; name[273] = "CONNECT_LIST_ALL_DOMAINS"
            name[344] = "CONNECT_GET_ALL_DOMAIN_STATS"
            name[316] = "EVENT_REGISTER_ANY"; name[317] = "EVENT_DEREGISTER_ANY"
            name[360] = "REGISTER_CLOSE_CALLBACK"; name[361] = "UNREGISTER_CLOSE_CALLBACK"
            n = 0
            for (p in count) {
                for (i = ++n; i > 1 && procs[i - 1] + 0 > p + 0; i--)
                    procs[i] = procs[i - 1]
                procs[i] = p
            }
            printf "  calls received (open and close included): %d:", total
            for (i = 1; i <= n; i++)
                printf " %s%s x%d", procs[i], (procs[i] in name) ? " " name[procs[i]] : "",
                       count[procs[i]]
            printf "; keepalive messages: %d\n", keepalive
        }' "$dir/rpc.log"
    : > "$dir/rpc.log"
}

# Runs client $1 on URI $2 expecting $3 domains; a failure ends the script.
run() {
    line=$("$1" "$2" "$3")
    [ -z "$line" ] && return
    echo "$line"
    echo "$line" >> "$dir/results"
    if [ "$trace" = 1 ]; then
        report_calls
    fi
}

if [ "$trace" = 1 ]; then
    echo "tracing calls: libvirtd logs every call, figures are slower than untraced"
fi
echo "fetch_domains + get_info on every domain, libvirtd $(/usr/sbin/libvirtd --version | awk '{ print $NF }'), $rounds round(s), sizes: $sizes"
: > "$dir/results"
r=1
while [ "$r" -le "$rounds" ]; do
    echo "round $r"
    for n in $sizes; do
        uri="test+unix://$dir/bench-$n.xml?socket=$dir/run/libvirt-sock"
        if [ $((r % 2)) -eq 1 ]; then
            run ours "$uri" "$n"
            run theirs "$uri" "$n"
        else
            run theirs "$uri" "$n"
            run ours "$uri" "$n"
        fi
    done
    r=$((r + 1))
done

# Lines look like:
# LABEL  N domains  R running  open S s  fetch S s  get_info S s  total S s  cpu S s
echo "median over $rounds round(s), each figure its own median; ratio of the total medians"
awk '
    / domains .* total / {
        key = $2 SUBSEP $1
        for (i = 1; i <= NF; i++) {
            if ($i == "fetch") fetch[key] = fetch[key] " " $(i + 1)
            if ($i == "get_info") info[key] = info[key] " " $(i + 1)
            if ($i == "total") total[key] = total[key] " " $(i + 1)
        }
        if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 }
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
        for (i = 1; i <= n; i++) {
            size = order[i]
            ours = size SUBSEP "ours"; theirs = size SUBSEP "libvirt-glib"
            printf "%6s domains  ours %8.3f s (fetch %7.3f, get_info %7.3f)", size,
                   median(total[ours]), median(fetch[ours]), median(info[ours])
            if (theirs in total) {
                printf "  libvirt-glib %8.3f s (fetch %7.3f, get_info %7.3f)  ratio ours/libvirt-glib %.2f",
                       median(total[theirs]), median(fetch[theirs]), median(info[theirs]),
                       median(total[ours]) / median(total[theirs])
            }
            printf "\n"
        }
    }' "$dir/results"
