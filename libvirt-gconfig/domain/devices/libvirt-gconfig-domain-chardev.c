/*
 * libvirt-gconfig-domain-chardev.c: base class of character devices
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
#include "libvirt-gconfig/libvirt-gconfig-domain-device-private.h"

/**
 * SECTION:libvirt-gconfig-domain-chardev
 * @title: GVirConfigDomainChardev
 * @short_description: Base class of character devices
 *
 * Serial and parallel ports, consoles, channels and redirected devices: a
 * device element whose type attribute and `<source>` say where the host end
 * goes (see #GVirConfigDomainChardevSource).
 */

/**
 * GVirConfigDomainChardev:
 *
 * Base class of character devices.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainChardev, gvir_config_domain_chardev, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_chardev_class_init (GVirConfigDomainChardevClass *klass)
{
}

static void
gvir_config_domain_chardev_init (GVirConfigDomainChardev *self)
{
}

/**
 * gvir_config_domain_chardev_get_source:
 * @chardev: a #GVirConfigDomainChardev
 *
 * Gets a live view of the host end of the device, as the source class that
 * matches its type attribute.
 *
 * Returns: (transfer full) (nullable): the source, or %NULL if the type is
 *   unset or has no source class
 */
GVirConfigDomainChardevSource *
gvir_config_domain_chardev_get_source (GVirConfigDomainChardev *chardev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV (chardev), NULL);

  return gvir_config_domain_chardev_source_new_view (GVIR_CONFIG_OBJECT (chardev));
}

/**
 * gvir_config_domain_chardev_set_source:
 * @chardev: a #GVirConfigDomainChardev
 * @source: the host end of the device
 *
 * Sets the host end of the device: copies the type attribute and the
 * `<source>` element of @source into @chardev, replacing its `<source>`.
 * @source is not modified.
 */
void
gvir_config_domain_chardev_set_source (GVirConfigDomainChardev *chardev,
                                       GVirConfigDomainChardevSource *source)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV (chardev));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE (source));

  gvir_config_domain_chardev_source_copy_into (source, GVIR_CONFIG_OBJECT (chardev));
}
