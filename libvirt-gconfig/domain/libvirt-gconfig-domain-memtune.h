/*
 * libvirt-gconfig-domain-memtune.h: memory tuning of a domain
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
 * GVIR_CONFIG_TYPE_DOMAIN_MEMTUNE:
 *
 * The #GType of #GVirConfigDomainMemtune.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_MEMTUNE (gvir_config_domain_memtune_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainMemtune, gvir_config_domain_memtune,
                      GVIR_CONFIG, DOMAIN_MEMTUNE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemtune *gvir_config_domain_memtune_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemtune *gvir_config_domain_memtune_new_from_xml (const gchar *xml,
                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memtune_get_hard_limit (GVirConfigDomainMemtune *memtune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memtune_set_hard_limit (GVirConfigDomainMemtune *memtune, guint64 limit);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memtune_get_soft_limit (GVirConfigDomainMemtune *memtune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memtune_set_soft_limit (GVirConfigDomainMemtune *memtune, guint64 limit);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memtune_get_swap_hard_limit (GVirConfigDomainMemtune *memtune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memtune_set_swap_hard_limit (GVirConfigDomainMemtune *memtune, guint64 limit);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memtune_get_min_guarantee (GVirConfigDomainMemtune *memtune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memtune_set_min_guarantee (GVirConfigDomainMemtune *memtune, guint64 guarantee);

G_END_DECLS
