/*
 * libvirt-gconfig-domain-chardev.h: base class of character devices
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
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev-source.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CHARDEV:
 *
 * The #GType of #GVirConfigDomainChardev.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CHARDEV (gvir_config_domain_chardev_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainChardev, gvir_config_domain_chardev,
                          GVIR_CONFIG, DOMAIN_CHARDEV, GVirConfigDomainDevice)

/**
 * GVirConfigDomainChardevClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainChardev.
 */
struct _GVirConfigDomainChardevClass
{
  GVirConfigDomainDeviceClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSource *gvir_config_domain_chardev_get_source (GVirConfigDomainChardev *chardev);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_chardev_set_source (GVirConfigDomainChardev *chardev,
                                            GVirConfigDomainChardevSource *source);

G_END_DECLS
