/*
 * libvirt-gconfig-domain-numatune.h: NUMA memory placement of a domain
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
#include <libvirt-gconfig/libvirt-gconfig-domain-numatune-memnode.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainPlacement:
 * @GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC: the configured cpuset or nodeset is used
 * @GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO: the host picks the placement (numad)
 *
 * How vCPUs or memory are placed on the host, the `placement` attribute
 * of `<vcpu>` and `<numatune><memory>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC,
  GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO,
} GVirConfigDomainPlacement;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE:
 *
 * The #GType of #GVirConfigDomainNumatune.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE (gvir_config_domain_numatune_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainNumatune, gvir_config_domain_numatune,
                      GVIR_CONFIG, DOMAIN_NUMATUNE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatune *gvir_config_domain_numatune_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatune *gvir_config_domain_numatune_new_from_xml (const gchar *xml,
                                                                    GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainNumatuneMemoryMode gvir_config_domain_numatune_get_memory_mode (GVirConfigDomainNumatune *numatune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numatune_set_memory_mode (GVirConfigDomainNumatune *numatune,
                                                  GVirConfigDomainNumatuneMemoryMode mode);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainPlacement gvir_config_domain_numatune_get_memory_placement (GVirConfigDomainNumatune *numatune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numatune_set_memory_placement (GVirConfigDomainNumatune *numatune,
                                                       GVirConfigDomainPlacement placement);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_numatune_get_memory_nodeset (GVirConfigDomainNumatune *numatune);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_numatune_set_memory_nodeset (GVirConfigDomainNumatune *numatune,
                                                         const gchar *nodeset,
                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_numatune_get_memnodes (GVirConfigDomainNumatune *numatune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numatune_set_memnodes (GVirConfigDomainNumatune *numatune,
                                               GList *memnodes);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_numatune_add_memnode (GVirConfigDomainNumatune *numatune,
                                              GVirConfigDomainNumatuneMemnode *memnode);

G_END_DECLS
