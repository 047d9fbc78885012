/*
 * libvirt-gconfig-domain-disk-driver.c: the driver of a disk
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
 * SECTION:libvirt-gconfig-domain-disk-driver
 * @title: GVirConfigDomainDiskDriver
 * @short_description: The driver of a disk
 *
 * The `<driver name="qemu" type="qcow2" cache="none"/>` element of a disk.
 */

/**
 * GVirConfigDomainDiskDriver:
 *
 * The driver of a disk.
 */
struct _GVirConfigDomainDiskDriver
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainDiskDriver, gvir_config_domain_disk_driver, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_disk_driver_class_init (GVirConfigDomainDiskDriverClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "driver", NULL);
}

static void
gvir_config_domain_disk_driver_init (GVirConfigDomainDiskDriver *self)
{
}

/**
 * gvir_config_domain_disk_driver_new:
 *
 * Creates a #GVirConfigDomainDiskDriver holding an empty `<driver>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainDiskDriver *
gvir_config_domain_disk_driver_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER, NULL);
}

/**
 * gvir_config_domain_disk_driver_new_from_xml:
 * @xml: an XML document whose root element is `<driver>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainDiskDriver. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainDiskDriver *
gvir_config_domain_disk_driver_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainDiskDriver *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER, "driver", NULL, xml, error);
}

/**
 * gvir_config_domain_disk_driver_get_name:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets the driver name, such as "qemu".
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if unset
 */
const gchar *
gvir_config_domain_disk_driver_get_name (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (driver), NULL, "name");
}

/**
 * gvir_config_domain_disk_driver_set_name:
 * @driver: a #GVirConfigDomainDiskDriver
 * @name: (nullable): the driver name, or %NULL to remove it
 *
 * Sets the driver name.
 */
void
gvir_config_domain_disk_driver_set_name (GVirConfigDomainDiskDriver *driver, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (driver), NULL, "name", name);
}

/**
 * gvir_config_domain_disk_driver_get_format:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets the image format, the driver's type attribute.
 *
 * Returns: the format; %GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW if unset or unknown
 */
GVirConfigDomainDiskFormat
gvir_config_domain_disk_driver_get_format (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT,
                                                 GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
}

/**
 * gvir_config_domain_disk_driver_set_format:
 * @driver: a #GVirConfigDomainDiskDriver
 * @format: the image format
 *
 * Sets the image format.
 */
void
gvir_config_domain_disk_driver_set_format (GVirConfigDomainDiskDriver *driver,
                                           GVirConfigDomainDiskFormat format)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, format);
}

/**
 * gvir_config_domain_disk_driver_get_cache:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets the host cache mode.
 *
 * Returns: the cache mode; %GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT if unset
 */
GVirConfigDomainDiskCacheType
gvir_config_domain_disk_driver_get_cache (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "cache",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_CACHE_TYPE,
                                                 GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT);
}

/**
 * gvir_config_domain_disk_driver_set_cache:
 * @driver: a #GVirConfigDomainDiskDriver
 * @cache_type: the cache mode
 *
 * Sets the host cache mode.
 */
void
gvir_config_domain_disk_driver_set_cache (GVirConfigDomainDiskDriver *driver,
                                          GVirConfigDomainDiskCacheType cache_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "cache",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_CACHE_TYPE, cache_type);
}

/**
 * gvir_config_domain_disk_driver_get_copy_on_read:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets whether reads populate the image from its backing file.
 *
 * Returns: %TRUE if copy-on-read is on
 */
gboolean
gvir_config_domain_disk_driver_get_copy_on_read (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (driver), NULL,
                                                   "copy_on_read", FALSE);
}

/**
 * gvir_config_domain_disk_driver_set_copy_on_read:
 * @driver: a #GVirConfigDomainDiskDriver
 * @copy_on_read: whether to turn copy-on-read on
 *
 * Sets copy-on-read; libvirt spells the value "on" or "off".
 */
void
gvir_config_domain_disk_driver_set_copy_on_read (GVirConfigDomainDiskDriver *driver,
                                                 gboolean copy_on_read)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (driver), NULL, "copy_on_read",
                                    copy_on_read ? "on" : "off");
}

/**
 * gvir_config_domain_disk_driver_get_error_policy:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets what happens when a write fails (the `error_policy` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT if unset or unknown
 */
GVirConfigDomainDiskDriverErrorPolicy
gvir_config_domain_disk_driver_get_error_policy (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "error_policy",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_ERROR_POLICY, GVIR_CONFIG_DOMAIN_DISK_DRIVER_ERROR_POLICY_REPORT);
}

/**
 * gvir_config_domain_disk_driver_set_error_policy:
 * @driver: a #GVirConfigDomainDiskDriver
 * @policy: the error policy
 *
 * Sets what happens when a write fails (the `error_policy` attribute).
 */
void
gvir_config_domain_disk_driver_set_error_policy (GVirConfigDomainDiskDriver *driver,
                                                 GVirConfigDomainDiskDriverErrorPolicy policy)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_ERROR_POLICY, policy) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "error_policy",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_ERROR_POLICY, policy);
}

/**
 * gvir_config_domain_disk_driver_get_io_policy:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets how disk I/O is submitted (the `io` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS if unset or unknown
 */
GVirConfigDomainDiskDriverIoPolicy
gvir_config_domain_disk_driver_get_io_policy (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "io",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_IO_POLICY, GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_THREADS);
}

/**
 * gvir_config_domain_disk_driver_set_io_policy:
 * @driver: a #GVirConfigDomainDiskDriver
 * @policy: the I/O policy
 *
 * Sets how disk I/O is submitted (the `io` attribute).
 */
void
gvir_config_domain_disk_driver_set_io_policy (GVirConfigDomainDiskDriver *driver,
                                              GVirConfigDomainDiskDriverIoPolicy policy)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_IO_POLICY, policy) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "io",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_IO_POLICY, policy);
}

/**
 * gvir_config_domain_disk_driver_get_discard:
 * @driver: a #GVirConfigDomainDiskDriver
 *
 * Gets what happens to the guest's discard requests (the `discard` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE if unset or unknown
 */
GVirConfigDomainDiskDriverDiscard
gvir_config_domain_disk_driver_get_discard (GVirConfigDomainDiskDriver *driver)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver), GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "discard",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_DISCARD, GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_IGNORE);
}

/**
 * gvir_config_domain_disk_driver_set_discard:
 * @driver: a #GVirConfigDomainDiskDriver
 * @discard: the discard mode
 *
 * Sets what happens to the guest's discard requests (the `discard` attribute).
 */
void
gvir_config_domain_disk_driver_set_discard (GVirConfigDomainDiskDriver *driver,
                                            GVirConfigDomainDiskDriverDiscard discard)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_DISCARD, discard) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (driver), NULL, "discard",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER_DISCARD, discard);
}
