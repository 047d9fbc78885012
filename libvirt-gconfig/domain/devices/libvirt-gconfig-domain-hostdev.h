/*
 * libvirt-gconfig-domain-hostdev.h: base class of host devices
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
 * GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV:
 *
 * The #GType of #GVirConfigDomainHostdev.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV (gvir_config_domain_hostdev_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainHostdev, gvir_config_domain_hostdev,
                          GVIR_CONFIG, DOMAIN_HOSTDEV, GVirConfigDomainDevice)

/**
 * GVirConfigDomainHostdevClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainHostdev.
 */
struct _GVirConfigDomainHostdevClass
{
  GVirConfigDomainDeviceClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_hostdev_get_boot_order (GVirConfigDomainHostdev *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_set_boot_order (GVirConfigDomainHostdev *hostdev,
                                                gint order);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_hostdev_get_readonly (GVirConfigDomainHostdev *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_set_readonly (GVirConfigDomainHostdev *hostdev,
                                              gboolean readonly);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_hostdev_get_shareable (GVirConfigDomainHostdev *hostdev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_hostdev_set_shareable (GVirConfigDomainHostdev *hostdev,
                                               gboolean shareable);

G_END_DECLS
