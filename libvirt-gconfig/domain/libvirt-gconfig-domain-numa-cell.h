/*
 * libvirt-gconfig-domain-numa-cell.h: a guest NUMA cell
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

G_BEGIN_DECLS

/**
 * GVirConfigDomainNumaCellMemAccess:
 * @GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT: no `memAccess` attribute, the hypervisor's default
 * @GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_SHARED: the cell's memory is mapped shared
 * @GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_PRIVATE: the cell's memory is mapped private
 *
 * How the memory of a guest NUMA cell is mapped, `<cell memAccess=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_DEFAULT,
  GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_SHARED,
  GVIR_CONFIG_DOMAIN_NUMA_CELL_MEM_ACCESS_PRIVATE,
} GVirConfigDomainNumaCellMemAccess;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL:
 *
 * The #GType of #GVirConfigDomainNumaCell.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_NUMA_CELL (gvir_config_domain_numa_cell_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainNumaCell, gvir_config_domain_numa_cell,
                      GVIR_CONFIG, DOMAIN_NUMA_CELL, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumaCell *gvir_config_domain_numa_cell_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumaCell *gvir_config_domain_numa_cell_new_from_xml (const gchar *xml,
                                                                     GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_numa_cell_get_id (GVirConfigDomainNumaCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numa_cell_set_id (GVirConfigDomainNumaCell *cell, guint id);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_numa_cell_get_cpus (GVirConfigDomainNumaCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_numa_cell_set_cpus (GVirConfigDomainNumaCell *cell,
                                                const gchar *cpus,
                                                GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_numa_cell_get_memory (GVirConfigDomainNumaCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numa_cell_set_memory (GVirConfigDomainNumaCell *cell, guint64 memory);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumaCellMemAccess gvir_config_domain_numa_cell_get_mem_access (GVirConfigDomainNumaCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numa_cell_set_mem_access (GVirConfigDomainNumaCell *cell,
                                                  GVirConfigDomainNumaCellMemAccess access);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_numa_cell_get_discard (GVirConfigDomainNumaCell *cell);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numa_cell_set_discard (GVirConfigDomainNumaCell *cell, gboolean discard);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_numa_cell_get_distance (GVirConfigDomainNumaCell *cell, guint sibling);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numa_cell_set_distance (GVirConfigDomainNumaCell *cell,
                                                guint sibling,
                                                guint value);

G_END_DECLS
