/*
 * libvirt-gconfig-domain-blkiotune.h: block I/O tuning of a domain
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
 * GVIR_CONFIG_TYPE_DOMAIN_BLKIOTUNE:
 *
 * The #GType of #GVirConfigDomainBlkiotune.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_BLKIOTUNE (gvir_config_domain_blkiotune_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainBlkiotune, gvir_config_domain_blkiotune,
                      GVIR_CONFIG, DOMAIN_BLKIOTUNE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainBlkiotune *gvir_config_domain_blkiotune_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainBlkiotune *gvir_config_domain_blkiotune_new_from_xml (const gchar *xml,
                                                                      GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_blkiotune_get_weight (GVirConfigDomainBlkiotune *blkiotune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_blkiotune_set_weight (GVirConfigDomainBlkiotune *blkiotune, guint weight);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_blkiotune_get_device_weight (GVirConfigDomainBlkiotune *blkiotune,
                                                      const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_blkiotune_set_device_weight (GVirConfigDomainBlkiotune *blkiotune,
                                                     const gchar *path,
                                                     guint weight);

G_END_DECLS
