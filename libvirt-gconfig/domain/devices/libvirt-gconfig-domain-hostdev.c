/*
 * libvirt-gconfig-domain-hostdev.c: base class of host devices
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
 * SECTION:libvirt-gconfig-domain-hostdev
 * @title: GVirConfigDomainHostdev
 * @short_description: Base class of host devices
 *
 * A `<hostdev>` device: a host device assigned to the guest, with its boot
 * order and whether it is read-only or shareable.
 */

/**
 * GVirConfigDomainHostdev:
 *
 * Base class of host devices.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainHostdev, gvir_config_domain_hostdev, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_hostdev_class_init (GVirConfigDomainHostdevClass *klass)
{
}

static void
gvir_config_domain_hostdev_init (GVirConfigDomainHostdev *self)
{
}

/**
 * gvir_config_domain_hostdev_get_boot_order:
 * @hostdev: a #GVirConfigDomainHostdev
 *
 * Gets the boot order of the device (`<boot order="...">`).
 *
 * Returns: the boot order, or -1 if the device is not bootable
 */
gint
gvir_config_domain_hostdev_get_boot_order (GVirConfigDomainHostdev *hostdev)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV (hostdev), -1);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (hostdev), "boot", "order", 0);
  return value == 0 || value > G_MAXINT ? -1 : (gint) value;
}

/**
 * gvir_config_domain_hostdev_set_boot_order:
 * @hostdev: a #GVirConfigDomainHostdev
 * @order: the boot order, from 1; a negative value removes `<boot>`
 *
 * Sets the boot order of the device.
 */
void
gvir_config_domain_hostdev_set_boot_order (GVirConfigDomainHostdev *hostdev, gint order)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV (hostdev));
  g_return_if_fail (order != 0);

  if (order < 0)
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (hostdev), "boot");
  else
    gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (hostdev), "boot", "order", order);
}

/**
 * gvir_config_domain_hostdev_get_readonly:
 * @hostdev: a #GVirConfigDomainHostdev
 *
 * Gets whether the guest may only read the device (whether `<readonly/>` is present).
 *
 * Returns: %TRUE if it is
 */
gboolean
gvir_config_domain_hostdev_get_readonly (GVirConfigDomainHostdev *hostdev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV (hostdev), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (hostdev), "readonly");
}

/**
 * gvir_config_domain_hostdev_set_readonly:
 * @hostdev: a #GVirConfigDomainHostdev
 * @readonly: the new value
 *
 * Sets whether the guest may only read the device: adds or removes `<readonly/>`.
 */
void
gvir_config_domain_hostdev_set_readonly (GVirConfigDomainHostdev *hostdev, gboolean readonly)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV (hostdev));

  if (readonly)
    gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (hostdev), "readonly");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (hostdev), "readonly");
}

/**
 * gvir_config_domain_hostdev_get_shareable:
 * @hostdev: a #GVirConfigDomainHostdev
 *
 * Gets whether other domains may use the device at the same time (whether `<shareable/>` is present).
 *
 * Returns: %TRUE if it is
 */
gboolean
gvir_config_domain_hostdev_get_shareable (GVirConfigDomainHostdev *hostdev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV (hostdev), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (hostdev), "shareable");
}

/**
 * gvir_config_domain_hostdev_set_shareable:
 * @hostdev: a #GVirConfigDomainHostdev
 * @shareable: the new value
 *
 * Sets whether other domains may use the device at the same time: adds or removes `<shareable/>`.
 */
void
gvir_config_domain_hostdev_set_shareable (GVirConfigDomainHostdev *hostdev, gboolean shareable)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_HOSTDEV (hostdev));

  if (shareable)
    gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (hostdev), "shareable");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (hostdev), "shareable");
}
