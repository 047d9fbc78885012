/*
 * gvir-qemu-root-lock-private.h: one process owns a QEMU driver root
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The lock is an open file
 * description lock on STATE_DIR/driver.pid, which holds the owner's pid.
 * The kernel drops it when the owner exits, however it exits, so a pid file
 * left behind by a dead owner never blocks the next one. Two acquisitions
 * conflict even inside one process: the driver keeps one per root.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _GVirQemuRootLock GVirQemuRootLock;

/* Takes the lock of @state_dir (which must exist) for this process. When
 * another holder has it, fails with GVIR_ERROR_CONNECTION_FAILED naming
 * @what (e.g. the root) and the holder's pid. */
GVirQemuRootLock *gvir_qemu_root_lock_acquire (const char *state_dir, const char *what,
                                               GError **error);
/* Empties the pid file and drops the lock. */
void gvir_qemu_root_lock_release (GVirQemuRootLock *lock);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirQemuRootLock, gvir_qemu_root_lock_release)

G_END_DECLS
