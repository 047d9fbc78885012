/*
 * libvirt-gconfig-domain-memballoon.h: a memory balloon device
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
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainMemballoonModel:
 * @GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE: no balloon device
 * @GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO: virtio balloon
 *
 * Memory balloon models, the model attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE,
  GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO,
} GVirConfigDomainMemballoonModel;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON:
 *
 * The #GType of #GVirConfigDomainMemballoon.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON (gvir_config_domain_memballoon_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainMemballoon, gvir_config_domain_memballoon,
                      GVIR_CONFIG, DOMAIN_MEMBALLOON, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemballoon *gvir_config_domain_memballoon_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemballoon *gvir_config_domain_memballoon_new_from_xml (const gchar *xml,
                                                                        GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemballoonModel gvir_config_domain_memballoon_get_model (GVirConfigDomainMemballoon *memballoon);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memballoon_set_model (GVirConfigDomainMemballoon *memballoon,
                                              GVirConfigDomainMemballoonModel model);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_memballoon_get_period (GVirConfigDomainMemballoon *memballoon);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memballoon_set_period (GVirConfigDomainMemballoon *memballoon,
                                               guint period);

G_END_DECLS
