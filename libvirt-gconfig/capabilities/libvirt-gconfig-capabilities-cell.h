/*
 * libvirt-gconfig-capabilities-cell.h: a host NUMA cell
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-capabilities-cell-cpu.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_CAPABILITIES_CELL:
 *
 * The #GType of #GVirConfigCapabilitiesCell.
 */
#define GVIR_CONFIG_TYPE_CAPABILITIES_CELL (gvir_config_capabilities_cell_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigCapabilitiesCell, gvir_config_capabilities_cell,
                      GVIR_CONFIG, CAPABILITIES_CELL, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_capabilities_cell_get_id (GVirConfigCapabilitiesCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_capabilities_cell_get_memory (GVirConfigCapabilitiesCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_capabilities_cell_get_cpus (GVirConfigCapabilitiesCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint *gvir_config_capabilities_cell_get_cpu_ids (GVirConfigCapabilitiesCell *cell,
                                                  gsize *n_ids);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint *gvir_config_capabilities_cell_get_sibling_ids (GVirConfigCapabilitiesCell *cell,
                                                      gsize *n_ids);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_capabilities_cell_get_distance (GVirConfigCapabilitiesCell *cell,
                                                  guint sibling_id);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 *gvir_config_capabilities_cell_get_page_sizes (GVirConfigCapabilitiesCell *cell,
                                                       gsize *n_sizes);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_capabilities_cell_get_page_count (GVirConfigCapabilitiesCell *cell,
                                                      guint64 page_size);

G_END_DECLS
