/*
 * gvir-qemu-driver-private.h: the QEMU driver (qemu:///embed?root=DIR)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR. The driver runs QEMU itself:
 * one state per root folder (shared by every connection of this process to
 * that root, and owned by this process through the root lock), domains
 * defined, started, paused, resumed and stopped, with the lifecycle events
 * the test driver gives. Registered as a built-in driver; tests of this
 * layer alone may register it again (gvir_driver_register() ignores a
 * driver it has).
 */
#pragma once

#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

extern const GVirDriver gvir_qemu_driver;

G_END_DECLS
