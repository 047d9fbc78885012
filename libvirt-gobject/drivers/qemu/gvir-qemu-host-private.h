/*
 * gvir-qemu-host-private.h: the QEMU driver's host calls (version,
 * hostname, node info, free memory of cells, capabilities, domain
 * capabilities)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal to the QEMU driver: the slots of gvir_qemu_driver with the
 * same names (see gvir-driver-core-private.h for their contracts). The
 * emulator's answers come from the state's probe (cached), the host's from
 * the util layer (libnuma or its stub, /proc and /sys).
 */
#pragma once

#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

gboolean gvir_qemu_host_get_version (gpointer handle, gulong *version, GCancellable *cancellable,
                                     GError **error);
char *gvir_qemu_host_get_hostname (gpointer handle, GCancellable *cancellable, GError **error);
gboolean gvir_qemu_host_get_node_info (gpointer handle, GVirDriverNodeInfo *info,
                                       GCancellable *cancellable, GError **error);
GArray *gvir_qemu_host_get_cells_free_memory (gpointer handle, int start_cell, int max_cells,
                                              GCancellable *cancellable, GError **error);
char *gvir_qemu_host_get_capabilities (gpointer handle, GCancellable *cancellable, GError **error);
char *gvir_qemu_host_get_domain_capabilities (gpointer handle, const char *emulatorbin,
                                              const char *arch, const char *machine,
                                              const char *virttype, guint flags,
                                              GCancellable *cancellable, GError **error);

G_END_DECLS
