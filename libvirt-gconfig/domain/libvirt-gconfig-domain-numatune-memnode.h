/*
 * libvirt-gconfig-domain-numatune-memnode.h: NUMA memory policy of one guest cell
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
 * GVirConfigDomainNumatuneMemoryMode:
 * @GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT: allocate only from the nodeset, fail otherwise
 * @GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_PREFERRED: prefer the nodeset, fall back to other nodes
 * @GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_INTERLEAVE: spread allocations round-robin over the nodeset
 * @GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_RESTRICTIVE: restrict with cgroups only, no memory policy
 *
 * NUMA memory policies, the `mode` attribute of `<numatune><memory>` and
 * `<memnode>`. The values match libvirt's `VIR_DOMAIN_NUMATUNE_MEM_*`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT,
  GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_PREFERRED,
  GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_INTERLEAVE,
  GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_RESTRICTIVE,
} GVirConfigDomainNumatuneMemoryMode;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMNODE:
 *
 * The #GType of #GVirConfigDomainNumatuneMemnode.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMNODE (gvir_config_domain_numatune_memnode_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainNumatuneMemnode, gvir_config_domain_numatune_memnode,
                      GVIR_CONFIG, DOMAIN_NUMATUNE_MEMNODE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatuneMemnode *gvir_config_domain_numatune_memnode_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatuneMemnode *gvir_config_domain_numatune_memnode_new_from_xml (const gchar *xml,
                                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_numatune_memnode_get_cellid (GVirConfigDomainNumatuneMemnode *memnode);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numatune_memnode_set_cellid (GVirConfigDomainNumatuneMemnode *memnode,
                                                     guint cellid);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatuneMemoryMode gvir_config_domain_numatune_memnode_get_mode (GVirConfigDomainNumatuneMemnode *memnode);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numatune_memnode_set_mode (GVirConfigDomainNumatuneMemnode *memnode,
                                                   GVirConfigDomainNumatuneMemoryMode mode);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_numatune_memnode_get_nodeset (GVirConfigDomainNumatuneMemnode *memnode);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_numatune_memnode_set_nodeset (GVirConfigDomainNumatuneMemnode *memnode,
                                                          const gchar *nodeset,
                                                          GError **error);

G_END_DECLS
