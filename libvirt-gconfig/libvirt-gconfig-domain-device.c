/*
 * libvirt-gconfig-domain-device.c: base class of domain devices
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-domain-device
 * @title: GVirConfigDomainDevice
 * @short_description: Base class of domain devices
 *
 * Every child of a domain's `<devices>` element. Devices without a class of
 * their own (such as `<graphics>` or `<video>`) are plain
 * #GVirConfigDomainDevice objects, so gvir_config_domain_get_devices()
 * followed by gvir_config_domain_set_devices() keeps them intact.
 */

/**
 * GVirConfigDomainDevice:
 *
 * Base class of domain devices.
 */
G_DEFINE_TYPE (GVirConfigDomainDevice, gvir_config_domain_device, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_device_class_init (GVirConfigDomainDeviceClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "device", NULL);
}

static void
gvir_config_domain_device_init (GVirConfigDomainDevice *self)
{
}

/**
 * gvir_config_domain_device_get_alias:
 * @dev: a #GVirConfigDomainDevice
 *
 * Gets the device alias, the name attribute of `<alias>` that the
 * hypervisor assigns to running devices.
 *
 * Returns: (transfer none) (nullable): the alias, or %NULL if unset
 */
const gchar *
gvir_config_domain_device_get_alias (GVirConfigDomainDevice *dev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DEVICE (dev), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (dev), "alias", "name");
}
