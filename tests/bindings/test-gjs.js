// SPDX-License-Identifier: LGPL-2.1-or-later
// Copyright (C) 2026 The libvirt-glib-ng authors
//
// Drives LibvirtGConfig-1.0 and LibvirtGObject-1.0 from GJS and reports the
// results as TAP. GI_TYPELIB_PATH and LD_LIBRARY_PATH must point at the build
// tree first.

imports.gi.versions.GLib = '2.0';
imports.gi.versions.Gio = '2.0';
imports.gi.versions.GObject = '2.0';
imports.gi.versions.LibvirtGConfig = '1.0';
imports.gi.versions.LibvirtGObject = '1.0';
const {Gio, GLib, GObject, LibvirtGConfig, LibvirtGObject} = imports.gi;

const URI = 'test:///default';
// A missing signal or a lost async reply must fail the test, not hang it:
// the bound of tests/common/gvir-test-wait.h, stretched the same way.
const TIMEOUT_SECONDS = 20 * Number(GLib.getenv('GVIR_TEST_WAIT_MULTIPLIER') || '1');

function check(cond, what) {
    if (!cond)
        throw new Error(`assertion failed: ${what}`);
}

function openConnection(readOnly = false) {
    const conn = LibvirtGObject.Connection.new(URI);
    if (readOnly)
        conn.open_read_only(null);
    else
        conn.open(null);
    conn.fetch_domains(null);
    return conn;
}

// Runs a main loop until quit() or the timeout, whichever comes first;
// on timeout, fails naming what it waited for.
function runLoop(loop, what) {
    let timedOut = false;
    const id = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT, TIMEOUT_SECONDS, () => {
        timedOut = true;
        loop.quit();
        return GLib.SOURCE_REMOVE;
    });
    loop.run();
    if (!timedOut)
        GLib.source_remove(id);
    check(!timedOut, `timed out after ${TIMEOUT_SECONDS} s waiting for ${what}`);
}

// Expects func() to throw @code of @domain (LibvirtGObject.Error unless
// given) with exactly @message when one is given.
function expectError(func, code, what, message = null, domain = LibvirtGObject.Error) {
    try {
        func();
    } catch (e) {
        check(e instanceof GLib.Error, `${what}: not a GLib.Error: ${e}`);
        check(e.matches(domain, code),
            `${what}: got ${e.domain}/${e.code} "${e.message}", expected code ${code}`);
        check(message === null || e.message === message,
            `${what}: message "${e.message}", expected "${message}"`);
        return;
    }
    throw new Error(`${what}: no error`);
}

function testInit() {
    LibvirtGObject.init_object_check(null);
}

function testListDomains() {
    const conn = openConnection();
    const names = conn.get_domains().map(d => d.get_name()).sort();
    check(names.length === 1 && names[0] === 'test', `domains ${names}`);
    const dom = conn.find_domain_by_name('test');
    check(dom.get_uuid() === '6695eb01-f6a4-8304-79aa-97f2502e193f', dom.get_uuid());
    check(dom.get_id() === 1, `id ${dom.get_id()}`);
    conn.close();
}

function testNodeInfo() {
    const conn = openConnection();
    const info = conn.get_node_info();
    check(info.cpus === 16, `cpus ${info.cpus}`);
    check(info.mhz === 1400, `mhz ${info.mhz}`);
    check(info.nodes === 2, `nodes ${info.nodes}`);
    check(info.model === 'i686', `model ${info.model}`);
    check(info.memory === 3145728, `memory ${info.memory}`);
    check([info.sockets, info.cores, info.threads].join() === '2,2,2',
        `topology ${info.sockets}/${info.cores}/${info.threads}`);
    conn.close();
}

function testAsyncLifecycle() {
    const loop = new GLib.MainLoop(null, false);
    const conn = LibvirtGObject.Connection.new(URI);
    let opened = null;
    conn.open_async(null, (c, res) => {
        try {
            opened = c.open_finish(res);
        } finally {
            loop.quit();
        }
    });
    runLoop(loop, 'open_async to complete');
    check(opened === true, 'open_async');

    let fetched = null;
    conn.fetch_domains_async(null, (c, res) => {
        try {
            fetched = c.fetch_domains_finish(res);
        } finally {
            loop.quit();
        }
    });
    runLoop(loop, 'fetch_domains_async to complete');
    check(fetched === true, 'fetch_domains_async');

    const dom = conn.find_domain_by_name('test');
    const events = [];
    for (const signal of ['started::booted', 'stopped::destroyed',
        'suspended::paused', 'resumed::unpaused'])
        dom.connect(signal, () => events.push(signal));

    const steps = [
        ['suspend', cb => dom.suspend_async(null, cb), r => dom.suspend_finish(r),
            'suspended::paused', LibvirtGObject.DomainState.PAUSED],
        ['resume', cb => dom.resume_async(null, cb), r => dom.resume_finish(r),
            'resumed::unpaused', LibvirtGObject.DomainState.RUNNING],
        ['stop', cb => dom.stop_async(0, null, cb), r => dom.stop_finish(r),
            'stopped::destroyed', LibvirtGObject.DomainState.SHUTOFF],
        ['start', cb => dom.start_async(0, null, cb), r => dom.start_finish(r),
            'started::booted', LibvirtGObject.DomainState.RUNNING],
    ];
    for (const [name, call, finish, signal, state] of steps) {
        let result = null;
        const maybeQuit = () => {
            if (result !== null && events.includes(signal))
                loop.quit();
        };
        const handler = dom.connect(signal.split('::')[0], maybeQuit);
        call((d, res) => {
            try {
                result = finish(res);
            } catch (e) {
                result = e;
            }
            maybeQuit();
        });
        runLoop(loop, `${name}_async to complete and emit ${signal}`);
        dom.disconnect(handler);
        check(result === true, `${name}: ${result}`);
        check(events.includes(signal), `${name}: no ${signal} (got ${events})`);
        check(dom.get_info().state === state, `${name}: state ${dom.get_info().state}`);
    }
    check(events.join() === 'suspended::paused,resumed::unpaused,stopped::destroyed,started::booted',
        `events ${events}`);
    conn.close();
}

function testErrors() {
    const conn = openConnection();
    const dom = conn.find_domain_by_name('test');
    dom.stop(0);
    try {
        expectError(() => dom.suspend(), LibvirtGObject.Error.OPERATION_INVALID,
            'suspend of a stopped domain', "domain 'test' is not running");
    } finally {
        dom.start(0);
        conn.close();
    }

    const ro = openConnection(true);
    expectError(() => ro.find_domain_by_name('test').suspend(),
        LibvirtGObject.Error.READ_ONLY, 'suspend on a read-only connection',
        "operation 'suspend domain' forbidden: the connection is read-only");
    ro.close();
}

function testGConfig() {
    const xml = "<domain type='test'><name>rt</name><memory unit='MiB'>512</memory>" +
        '<vcpu>3</vcpu><os><type>hvm</type></os>' +
        "<devices><unknown-device foo='bar'/></devices></domain>";
    const dom = LibvirtGConfig.Domain.new_from_xml(xml);
    check(dom.get_name() === 'rt', 'name');
    check(dom.get_memory() === 512 * 1024, `memory ${dom.get_memory()}`);
    check(dom.get_vcpus() === 3, `vcpus ${dom.get_vcpus()}`);
    const out = dom.to_xml();
    check(out.includes('unknown-device'), out);
    check(LibvirtGConfig.Domain.new_from_xml(out).to_xml() === out, 'stable round trip');

    const scratch = LibvirtGConfig.Domain.new();
    scratch.set_name('scratch');
    scratch.set_memory(262144);
    scratch.set_vcpus(2);
    const back = LibvirtGConfig.Domain.new_from_xml(scratch.to_xml());
    check(back.get_name() === 'scratch' && back.get_memory() === 262144 &&
        back.get_vcpus() === 2, scratch.to_xml());

    expectError(() => LibvirtGConfig.Domain.new_from_xml('<domain><name>x</domain>'),
        LibvirtGConfig.Error.XML, 'malformed XML',
        'Malformed XML at line 1: Premature end of data in tag domain line 1',
        LibvirtGConfig.Error);
}

function testNodesets() {
    const Nodeset = LibvirtGObject.Nodeset;
    const parsed = Nodeset.new_from_string('0-3,^2,5');
    check(parsed.to_string() === '0-1,3,5', `parsed ${parsed.to_string()}`);
    check(parsed.get_nodes().join() === '0,1,3,5', `nodes ${parsed.get_nodes()}`);
    check(parsed.count() === 4 && parsed.contains(3) && !parsed.contains(2), 'contains');
    const other = Nodeset.new_from_string('4-6');
    check(parsed.union(other).to_string() === '0-1,3-6', 'union');
    check(parsed.intersect(other).to_string() === '5', 'intersect');
    check(parsed.difference(other).to_string() === '0-1,3', 'difference');
    check(Nodeset.new_from_nodes([2, 0, 1]).equal(Nodeset.new_from_string('0-2')), 'equal');
    const bad = {
        '': "Invalid nodeset '': it is empty",
        '3-1': "Invalid nodeset '3-1': range 3-1 ends before it starts",
        'x': "Invalid nodeset 'x': expected a number at offset 0",
        '16384': "Invalid nodeset '16384': ids must be below 16384",
    };
    for (const [text, message] of Object.entries(bad)) {
        expectError(() => Nodeset.new_from_string(text), LibvirtGObject.Error.INVALID_ARGUMENT,
            `nodeset "${text}"`, message);
    }
}

function testHostCells() {
    const conn = openConnection();
    const cells = conn.get_node_cells(null);
    check(cells.map(c => c.get_id()).join() === '0,1', `cells ${cells.length}`);
    const memKib = [2097152, 4194304];
    for (const cell of cells) {
        const id = cell.get_id();
        const cpus = cell.get_cpus();
        check(cpus.length === 8 && cpus[0] === id * 8 && cpus[7] === id * 8 + 7, `cpus ${cpus}`);
        check(cell.get_memory() === memKib[id] * 1024, `memory ${cell.get_memory()}`);
        check(cell.get_free_memory() === (id + 1) * 2 ** 30, `free ${cell.get_free_memory()}`);
        check(cell.get_distance(id) === 10 && cell.get_distance(1 - id) === 20, 'distances');
    }
    check(conn.get_cells_free_memory(0, 2).join() === `${2 ** 30},${2 ** 31}`, 'free memory');
    check(conn.get_host_nodeset().to_string() === '0-1', 'host nodeset');
    expectError(() => conn.nodeset_is_available(LibvirtGObject.Nodeset.new_from_string('0,4')),
        LibvirtGObject.Error.NUMA_UNAVAILABLE, 'node 4',
        'NUMA node 4 is unavailable: host has nodes 0-1');
    conn.close();
}

function testDomainNuma() {
    const Impact = LibvirtGObject.DomainModificationImpact;
    const Mode = LibvirtGObject.DomainNumatuneMode;
    const conn = openConnection();
    try {
        const dom = conn.find_domain_by_name('test');
        dom.set_numa_parameters(Mode.PREFERRED, LibvirtGObject.Nodeset.new_from_string('1'),
            Impact.CONFIG);
        const [ok, mode, nodeset] = dom.get_numa_parameters(Impact.CONFIG);
        check(ok && mode === Mode.PREFERRED && nodeset.to_string() === '1',
            `config ${mode} ${nodeset}`);
        const [, liveMode, liveNodes] = dom.get_numa_parameters(Impact.LIVE);
        check(liveMode === Mode.STRICT && liveNodes === null, `live ${liveMode} ${liveNodes}`);
        expectError(() => dom.set_numa_mode(Mode.INTERLEAVE, Impact.LIVE),
            LibvirtGObject.Error.OPERATION_INVALID, 'live mode change');
    } finally {
        conn.close();
    }
}

class Skip extends Error {}

// Removes @file and everything under it.
function removeTree(file) {
    const children = file.enumerate_children('standard::name,standard::type',
        Gio.FileQueryInfoFlags.NOFOLLOW_SYMLINKS, null);
    let info;
    while ((info = children.next_file(null)) !== null) {
        const child = file.get_child(info.get_name());
        if (info.get_file_type() === Gio.FileType.DIRECTORY)
            removeTree(child);
        else
            child.delete(null);
    }
    children.close(null);
    file.delete(null);
}

// A tiny TCG domain on qemu:///embed, started, paused, resumed and stopped
// through the async calls, each with its signal.
function testQemuLifecycle() {
    if (GLib.find_program_in_path('qemu-system-x86_64') === null) {
        if (GLib.getenv('GVIR_TESTS_REQUIRE_ALL'))
            throw new Error('qemu-system-x86_64 is missing and GVIR_TESTS_REQUIRE_ALL is set');
        throw new Skip('qemu-system-x86_64 is not installed');
    }
    const root = GLib.dir_make_tmp('gvir-gjs-qemu-XXXXXX');
    try {
        const loop = new GLib.MainLoop(null, false);
        const conn = LibvirtGObject.Connection.new(`qemu:///embed?root=${root}`);
        conn.open(null);
        const conf = LibvirtGConfig.Domain.new_from_xml(
            "<domain type='qemu'><name>gjs-tiny</name>" +
            "<uuid>c7a5fdbd-cdaf-9455-926a-d65c16db18bb</uuid>" +
            "<memory unit='MiB'>32</memory><vcpu>1</vcpu>" +
            "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>");
        const dom = conn.create_domain(conf);
        const events = [];
        for (const signal of ['started::booted', 'suspended::paused', 'resumed::unpaused',
            'stopped::destroyed'])
            dom.connect(signal, () => events.push(signal));
        const steps = [
            [cb => dom.start_async(0, null, cb), r => dom.start_finish(r), 'started::booted',
                LibvirtGObject.DomainState.RUNNING],
            [cb => dom.suspend_async(null, cb), r => dom.suspend_finish(r), 'suspended::paused',
                LibvirtGObject.DomainState.PAUSED],
            [cb => dom.resume_async(null, cb), r => dom.resume_finish(r), 'resumed::unpaused',
                LibvirtGObject.DomainState.RUNNING],
            [cb => dom.stop_async(0, null, cb), r => dom.stop_finish(r), 'stopped::destroyed',
                LibvirtGObject.DomainState.SHUTOFF],
        ];
        for (const [call, finish, signal, state] of steps) {
            let result = null;
            const maybeQuit = () => {
                if (result !== null && events.includes(signal))
                    loop.quit();
            };
            const handler = dom.connect(signal.split('::')[0], maybeQuit);
            call((d, res) => {
                try {
                    result = finish(res);
                } catch (e) {
                    result = e;
                }
                maybeQuit();
            });
            runLoop(loop, `${signal} with its result`);
            dom.disconnect(handler);
            check(result === true, `${signal}: ${result}`);
            check(dom.get_info().state === state, `${signal}: state ${dom.get_info().state}`);
        }
        check(events.join() === 'started::booted,suspended::paused,resumed::unpaused,stopped::destroyed',
            `events ${events}`);
        dom.delete(0);
        check(conn.find_domain_by_name('gjs-tiny') === null, 'gjs-tiny is gone');
        conn.close();
    } finally {
        stopLeftoverQemu(root, 'gjs-tiny');
        removeTree(Gio.File.new_for_path(root));
    }
}

// Stops the QEMU of domain @name that a failed run left behind, by the pid
// in the driver's status file, if that pid is still a QEMU.
function stopLeftoverQemu(root, name) {
    let pid;
    try {
        const [, status] = GLib.file_get_contents(`${root}/run/qemu/${name}.status`);
        pid = Number(JSON.parse(new TextDecoder().decode(status)).pid);
        const [, cmdline] = GLib.file_get_contents(`/proc/${pid}/cmdline`);
        if (!new TextDecoder().decode(cmdline).split('\0')[0].includes('qemu-system'))
            return;
    } catch (e) {
        return;
    }
    GLib.spawn_sync(null, ['kill', '-KILL', String(pid)], null, GLib.SpawnFlags.SEARCH_PATH, null);
    // Not our child (QEMU outlives its driver): its /proc entry says when
    // it is gone.
    for (let i = 0; i < 100 && GLib.file_test(`/proc/${pid}`, GLib.FileTest.EXISTS); i++)
        GLib.usleep(50000);
}

// Storage: default-pool's sizes, a volume created, listed and refused a
// shrink without its flag, then deleted.
function testStorage() {
    const conn = openConnection();
    conn.fetch_storage_pools(null);
    const pool = conn.find_storage_pool_by_name('default-pool');
    check(pool !== null, 'default-pool is listed');
    const info = pool.get_info();
    check(info.state === LibvirtGObject.StoragePoolState.RUNNING, `pool state ${info.state}`);
    check(info.capacity === 100 * 1024 * 1024 * 1024, `pool capacity ${info.capacity}`);
    const conf = LibvirtGConfig.StorageVol.new_from_xml(
        "<volume><name>gjs.img</name><capacity unit='bytes'>65536</capacity></volume>");
    const vol = pool.create_volume(conf);
    check(vol.get_path() === '/default-pool/gjs.img', `volume path ${vol.get_path()}`);
    expectError(() => vol.resize(1, LibvirtGObject.StorageVolResizeFlags.NONE),
        LibvirtGObject.Error.INVALID_ARGUMENT, 'shrink without the flag');
    check(vol.get_info().capacity === 65536, `volume capacity ${vol.get_info().capacity}`);
    pool.refresh(null);
    check(pool.get_volumes().map(v => v.get_name()).join() === 'gjs.img', 'volume listed');
    vol.delete(0);
    check(pool.get_volume('gjs.img') === null, 'volume gone');
    conn.close();
}

function testDomainSnapshots() {
    const conn = openConnection();
    const dom = conn.find_domain_by_name('test');
    const conf = LibvirtGConfig.DomainSnapshot.new();
    conf.set_name('gjs-snap');
    const snap = dom.create_snapshot(conf, 0);
    check(snap.get_name() === 'gjs-snap', `name ${snap.get_name()}`);
    const [, current] = snap.get_is_current(0);
    check(current === true, 'gjs-snap is current');
    dom.fetch_snapshots(LibvirtGObject.DomainSnapshotListFlags.ALL, null);
    const names = dom.get_snapshots().map(s => s.get_name());
    check(names.join() === 'gjs-snap', `snapshots ${names}`);
    snap.delete(0);
    const [, has] = dom.get_has_current_snapshot(0);
    check(has === false, 'no current snapshot after delete');
    conn.close();
}

function testStreamScreenshot() {
    const conn = openConnection();
    const dom = conn.find_domain_by_name('test');
    const stream = conn.get_stream(0);
    check(dom.screenshot(stream, 0, 0) === 'image/png', 'screenshot MIME type');
    const bytes = stream.get_input_stream().read_bytes(4096, null);
    const data = bytes.get_data();
    const sum = GLib.compute_checksum_for_bytes(GLib.ChecksumType.SHA256, bytes);
    check(data.length === 165, `screenshot size ${data.length}`);
    check(sum === '248b07a3d0e1e0f67d43d18065be8f74434549c0fdde6b0bfc08a7835d41909f',
        `screenshot checksum ${sum}`);
    expectError(() => dom.open_graphics_fd(0, 0), LibvirtGObject.Error.NOT_SUPPORTED,
        'open_graphics_fd');
    conn.close();
}

function testNetworks() {
    const conn = openConnection();
    conn.fetch_networks(null);
    const names = conn.get_networks().map(n => n.get_name());
    check(names.length === 1 && names[0] === 'default', `networks ${names}`);
    const net = conn.find_network_by_name('default');
    check(net.get_uuid() === 'dd8fe884-6c02-601e-7551-cca97df1c5df', `uuid ${net.get_uuid()}`);
    check(net.get_config(0).get_bridge_name() === 'virbr0', 'bridge of the default network');
    expectError(() => net.get_dhcp_leases(null, 0), LibvirtGObject.Error.NOT_SUPPORTED,
        'get_dhcp_leases');
    conn.close();
}

function testDevices() {
    const conn = openConnection();
    const manager = LibvirtGObject.Manager.new();
    manager.add_connection(conn);
    check(manager.find_connection_by_uri(URI) === conn, 'manager finds the connection');
    const dom = conn.find_domain_by_name('test');
    const devices = dom.get_devices();
    check(devices.length === 2, `devices ${devices.length}`);
    check(devices[0] instanceof LibvirtGObject.DomainDisk, 'first device is a disk');
    const stats = devices[0].get_stats();
    check(stats.rd_req === 100000000 && stats.errs === 5, `disk stats ${stats.rd_req}/${stats.errs}`);
    const net = devices[1].get_stats();
    check(net.rx_packets === 10000000, `rx_packets ${net.rx_packets}`);
    manager.remove_connection(conn);
    conn.close();
}

function testVolumeTransfer() {
    const conn = openConnection();
    conn.fetch_storage_pools(null);
    const pool = conn.find_storage_pool_by_name('default-pool');
    const vol = pool.create_volume(LibvirtGConfig.StorageVol.new_from_xml(
        "<volume><name>gjs-transfer.img</name><capacity unit='bytes'>65536</capacity></volume>"));
    const payload = new Uint8Array(3000).map((_, i) => (i * 13 + 5) % 256);
    const up = conn.get_stream(0);
    check(vol.upload(up, 100, 0, 0), 'upload starts');
    const [ok, written] = up.get_output_stream().write_all(payload, null);
    check(ok && written === payload.length, `write_all wrote ${written}`);
    up.close(null);

    const down = conn.get_stream(0);
    check(vol.download(down, 96, payload.length + 8, 0), 'download starts');
    const pieces = [];
    for (;;) {
        const piece = down.get_input_stream().read_bytes(4096, null).get_data();
        if (piece.length === 0)
            break;
        pieces.push(...piece);
    }
    down.close(null);
    const want = [0, 0, 0, 0, ...payload, 0, 0, 0, 0];
    check(pieces.length === want.length && pieces.every((b, i) => b === want[i]),
        `downloaded ${pieces.length} bytes, expected ${want.length} equal ones`);
    expectError(() => vol.upload(conn.get_stream(0), 65536, 1, 0),
        LibvirtGObject.Error.INVALID_ARGUMENT, 'upload beyond the volume');
    vol.delete(0);
    conn.close();
}

function testHostObjects() {
    const conn = openConnection();
    conn.fetch_interfaces(null);
    const iface = conn.get_interface('eth1');
    check(iface.get_mac() === 'aa:bb:cc:dd:ee:ff', `eth1 MAC ${iface.get_mac()}`);
    check(iface.get_config(0).get_mtu() === 1492, 'eth1 MTU');
    conn.fetch_node_devices(null);
    const names = conn.get_node_devices().map(d => d.get_name());
    check(names.join() === 'computer,scsi_host1,scsi_host11,scsi_host2', `node devices ${names}`);
    check(conn.get_node_device('scsi_host1').get_config(0).get_parent() === 'computer',
        'scsi_host1 parent');
    // libvirt's test driver has neither secrets nor network filters.
    expectError(() => conn.fetch_secrets(null), LibvirtGObject.Error.NOT_SUPPORTED,
        'fetch_secrets');
    check(conn.get_secrets().length === 0, 'no secrets');
    expectError(() => conn.fetch_network_filters(null), LibvirtGObject.Error.NOT_SUPPORTED,
        'fetch_network_filters');
    check(conn.get_network_filter('clean-traffic') === null, 'no network filter');
    check(GObject.type_name(LibvirtGObject.SecretHandle.$gtype) === 'GVirSecretHandle',
        'the secret handle type keeps libvirt-glib\'s name');
    conn.close();
}

const tests = [testInit, testListDomains, testNodeInfo, testAsyncLifecycle,
    testErrors, testGConfig, testNodesets, testHostCells, testDomainNuma, testQemuLifecycle,
    testStorage, testDomainSnapshots, testStreamScreenshot,
    testNetworks, testDevices, testVolumeTransfer, testHostObjects];
print(`1..${tests.length}`);
let failures = 0;
tests.forEach((test, i) => {
    try {
        test();
        print(`ok ${i + 1} - ${test.name}`);
    } catch (e) {
        if (e instanceof Skip) {
            print(`ok ${i + 1} - ${test.name} # SKIP ${e.message}`);
            return;
        }
        failures++;
        print(`not ok ${i + 1} - ${test.name}`);
        for (const line of `${e}\n${e.stack || ''}`.split('\n'))
            print(`# ${line}`);
    }
});
imports.system.exit(failures ? 1 : 0);
