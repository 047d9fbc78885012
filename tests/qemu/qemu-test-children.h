/*
 * qemu-test-children.h: the QEMU processes a QEMU driver test started, and
 * whether QEMU is there to start
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The driver starts QEMU in a session of its own but as a child of the
 * test process, so a test finds its QEMUs by parent pid, never by name
 * alone, and kills them by pid.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The pids (gint64) of this process's QEMU children whose command line
 * holds @needle, e.g. "guest=tiny," or "guest=" for every domain. */
GArray *qemu_test_find_children (const char *needle);

/* How many QEMU children run a command line holding @needle. */
guint qemu_test_count_children (const char *needle);

/* SIGKILLs every QEMU child whose command line holds @needle. */
void qemu_test_kill_children (const char *needle);

/* A failed assertion (SIGABRT, or SIGTRAP from a timed-out wait) kills
 * every QEMU child running a domain before the test dies, so that none
 * outlives it. */
void qemu_test_kill_children_on_abort (void);

/* Whether qemu-system-x86_64 is missing: the calling test case is then
 * skipped, or, with GVIR_TESTS_REQUIRE_ALL set, the program fails. */
gboolean qemu_test_emulator_missing (void);

G_END_DECLS
