// SPDX-License-Identifier: LGPL-2.1-or-later
// Copyright (C) 2026 The libvirt-glib-ng authors
//
// demo.js: the same tour as demo.c, from GJS through GObject introspection.
//
// Usage: gjs demo.js [URI]   (default: test:///default)

imports.gi.versions.LibvirtGObject = '1.0';
const {GLib, LibvirtGObject} = imports.gi;

// Give up when an operation or its signal has not arrived by then.
const STEP_TIMEOUT_SECONDS = 10;

function printHost(conn) {
    const info = conn.get_node_info();
    print(`Host: model ${info.model}, ${info.cpus} CPUs at ${info.mhz} MHz, ` +
        `${info.memory} KiB memory, ${info.nodes} NUMA node(s)`);
    print(`  NUMA nodes: ${conn.get_host_nodeset().to_string()}`);
    // A host may describe no cells (file-based test hosts): the list is empty.
    for (const cell of conn.get_node_cells(null)) {
        const distances = cell.get_sibling_ids()
            .map(other => `${other}:${cell.get_distance(other)}`).join(' ');
        print(`  NUMA cell ${cell.get_id()}: ${cell.get_memory() / 2 ** 20} MiB memory, ` +
            `${cell.get_free_memory() / 2 ** 20} MiB free, CPUs ${cell.get_cpus().join()}, ` +
            `distances ${distances}`);
    }
}

// Prints the domains and returns the first running one (or null).
function listDomains(conn) {
    conn.fetch_domains(null);
    print('Domains:');
    let running = null;
    for (const domain of conn.get_domains()) {
        const state = domain.get_info().state;
        const nick = Object.keys(LibvirtGObject.DomainState)
            .find(k => LibvirtGObject.DomainState[k] === state).toLowerCase();
        print(`  ${domain.get_name().padEnd(20)} ${nick}`);
        if (running === null && state === LibvirtGObject.DomainState.RUNNING)
            running = domain;
    }
    return running;
}

// Suspend, resume, stop and start; a step is over when its _finish returned
// and its signal arrived, in either order.
function runLifecycle(domain) {
    const loop = new GLib.MainLoop(null, false);
    const steps = [
        ['suspend', cb => domain.suspend_async(null, cb), r => domain.suspend_finish(r), 'suspended::paused'],
        ['resume', cb => domain.resume_async(null, cb), r => domain.resume_finish(r), 'resumed::unpaused'],
        ['stop', cb => domain.stop_async(0, null, cb), r => domain.stop_finish(r), 'stopped::destroyed'],
        ['start', cb => domain.start_async(0, null, cb), r => domain.start_finish(r), 'started::booted'],
    ];
    let index = 0, done = false, seen = false, error = null;

    const next = () => {
        if (error !== null) {
            loop.quit();
        } else if (done && seen) {
            index++;
            if (index === steps.length)
                loop.quit();
            else
                runStep();
        }
    };
    const runStep = () => {
        done = seen = false;
        steps[index][1]((d, result) => {
            try {
                steps[index][2](result);
                print(`${steps[index][0]}: done`);
                done = true;
            } catch (e) {
                error = e.message;
            }
            next();
        });
    };

    print(`Lifecycle of ${domain.get_name()}:`);
    const handlers = [];
    for (const [name, details] of [['started', ['booted', 'restored']],
        ['stopped', ['destroyed', 'shutdown', 'saved', 'crashed']],
        ['suspended', ['paused']], ['resumed', ['unpaused']]]) {
        for (const detail of details) {
            const event = `${name}::${detail}`;
            handlers.push(domain.connect(event, () => {
                print(`  event: ${event}`);
                if (index < steps.length && event === steps[index][3]) {
                    seen = true;
                    next();
                }
            }));
        }
    }
    const timeout = GLib.timeout_add_seconds(GLib.PRIORITY_DEFAULT,
        STEP_TIMEOUT_SECONDS * steps.length, () => {
            error = `step "${steps[index][0]}" did not complete with ${steps[index][3]}`;
            loop.quit();
            return GLib.SOURCE_REMOVE;
        });
    runStep();
    loop.run();
    handlers.forEach(id => domain.disconnect(id));
    if (error === null)
        GLib.source_remove(timeout);
    return error;
}

function main(argv) {
    const uri = argv.length > 0 ? argv[0] : 'test:///default';
    try {
        const conn = LibvirtGObject.Connection.new(uri);
        conn.open(null);
        print(`Connected to ${conn.get_uri()}`);
        printHost(conn);
        const domain = listDomains(conn);
        let error = null;
        if (domain === null)
            print('No running domain: skipping the lifecycle');
        else
            error = runLifecycle(domain);
        conn.close();
        if (error !== null) {
            printerr(`demo.js: ${error}`);
            return 1;
        }
        return 0;
    } catch (e) {
        printerr(`demo.js: ${e.message}`);
        return 1;
    }
}

imports.system.exit(main(ARGV));
