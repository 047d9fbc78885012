/*
 * libvirt-gconfig-domain-cpu-numa.h: the guest NUMA topology of a domain CPU
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

#include <libvirt-gconfig/libvirt-gconfig-domain-cpu.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-numa-cell.h>

G_BEGIN_DECLS

GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_cpu_get_numa_cells (GVirConfigDomainCpu *cpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cpu_set_numa_cells (GVirConfigDomainCpu *cpu, GList *cells);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cpu_add_numa_cell (GVirConfigDomainCpu *cpu, GVirConfigDomainNumaCell *cell);

G_END_DECLS
