/*
 * libvirt-gconfig-domain-disk.c: a disk device
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
 * SECTION:libvirt-gconfig-domain-disk
 * @title: GVirConfigDomainDisk
 * @short_description: A disk device
 *
 * A `<disk>` element of a domain: where its data comes from (`<source>`),
 * how the guest sees it (`<target>`) and how the hypervisor opens it
 * (`<driver>`).
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();
 * gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
 * gvir_config_domain_disk_set_guest_device_type (disk, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);
 * gvir_config_domain_disk_set_source (disk, "/var/lib/images/demo.qcow2");
 * gvir_config_domain_disk_set_target_dev (disk, "vda");
 * gvir_config_domain_disk_set_target_bus (disk, GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO);
 * gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (disk));
 * ]|
 */

/**
 * GVirConfigDomainDisk:
 *
 * A disk device.
 */
struct _GVirConfigDomainDisk
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainDisk, gvir_config_domain_disk, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_disk_class_init (GVirConfigDomainDiskClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "disk", NULL);
}

static void
gvir_config_domain_disk_init (GVirConfigDomainDisk *self)
{
}

/**
 * gvir_config_domain_disk_new:
 *
 * Creates a #GVirConfigDomainDisk holding an empty `<disk>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainDisk *
gvir_config_domain_disk_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_DISK, NULL);
}

/**
 * gvir_config_domain_disk_new_from_xml:
 * @xml: an XML document whose root element is `<disk>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainDisk. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainDisk *
gvir_config_domain_disk_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainDisk *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_DISK, "disk", NULL, xml, error);
}

/**
 * gvir_config_domain_disk_get_disk_type:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the kind of backing of the disk.
 *
 * Returns: the disk type; %GVIR_CONFIG_DOMAIN_DISK_FILE if unset or unknown
 */
GVirConfigDomainDiskType
gvir_config_domain_disk_get_disk_type (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_FILE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_TYPE,
                                                 GVIR_CONFIG_DOMAIN_DISK_FILE);
}

/**
 * gvir_config_domain_disk_set_type:
 * @disk: a #GVirConfigDomainDisk
 * @type: the kind of backing
 *
 * Sets the kind of backing. Set it before the source, whose attribute
 * name depends on it.
 */
void
gvir_config_domain_disk_set_type (GVirConfigDomainDisk *disk, GVirConfigDomainDiskType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_TYPE, type);
}

/**
 * gvir_config_domain_disk_get_guest_device_type:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets what the guest sees.
 *
 * Returns: the guest device type; %GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK if unset
 */
GVirConfigDomainDiskGuestDeviceType
gvir_config_domain_disk_get_guest_device_type (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "device",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_GUEST_DEVICE_TYPE,
                                                 GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);
}

/**
 * gvir_config_domain_disk_set_guest_device_type:
 * @disk: a #GVirConfigDomainDisk
 * @type: the guest device type
 *
 * Sets what the guest sees.
 */
void
gvir_config_domain_disk_set_guest_device_type (GVirConfigDomainDisk *disk,
                                               GVirConfigDomainDiskGuestDeviceType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "device",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_GUEST_DEVICE_TYPE, type);
}

/* The <source> attribute naming the backing of each disk type. */
static const char *
disk_source_attribute (GVirConfigDomainDisk *disk)
{
  switch (gvir_config_domain_disk_get_disk_type (disk))
    {
    case GVIR_CONFIG_DOMAIN_DISK_BLOCK:
      return "dev";
    case GVIR_CONFIG_DOMAIN_DISK_DIR:
      return "dir";
    case GVIR_CONFIG_DOMAIN_DISK_NETWORK:
      return "name";
    case GVIR_CONFIG_DOMAIN_DISK_VOLUME:
      return "volume";
    case GVIR_CONFIG_DOMAIN_DISK_FILE:
    default:
      return "file";
    }
}

/**
 * gvir_config_domain_disk_get_source:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the backing file, device, directory, network name or volume,
 * according to the disk type.
 *
 * Returns: (transfer none) (nullable): the source, or %NULL if unset
 */
const gchar *
gvir_config_domain_disk_get_source (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (disk), "source",
                                           disk_source_attribute (disk));
}

/**
 * gvir_config_domain_disk_set_source:
 * @disk: a #GVirConfigDomainDisk
 * @source: (nullable): the source, or %NULL to remove `<source>` (an empty CD-ROM drive)
 *
 * Sets the backing of the disk, as the `<source>` attribute that fits the
 * disk type.
 */
void
gvir_config_domain_disk_set_source (GVirConfigDomainDisk *disk, const gchar *source)
{
  GVirConfigObject *self;
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  self = GVIR_CONFIG_OBJECT (disk);
  if (source == NULL)
    {
      gvir_config_object_delete_children (self, "source");
      return;
    }
  node = gvir_config_object_replace_child (self, "source");
  gvir_config_xml_node_set_attribute (node, disk_source_attribute (disk), source);
}

/**
 * gvir_config_domain_disk_get_target_dev:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the device name the guest is told, such as "vda".
 *
 * Returns: (transfer none) (nullable): the device name, or %NULL if unset
 */
const gchar *
gvir_config_domain_disk_get_target_dev (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (disk), "target", "dev");
}

/**
 * gvir_config_domain_disk_set_target_dev:
 * @disk: a #GVirConfigDomainDisk
 * @dev: the device name
 *
 * Sets the device name the guest is told.
 */
void
gvir_config_domain_disk_set_target_dev (GVirConfigDomainDisk *disk, const gchar *dev)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (disk), "target", "dev", dev);
}

/**
 * gvir_config_domain_disk_get_target_bus:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the bus the disk is attached to.
 *
 * Returns: the bus; %GVIR_CONFIG_DOMAIN_DISK_BUS_IDE if unset or unknown
 */
GVirConfigDomainDiskBus
gvir_config_domain_disk_get_target_bus (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_BUS_IDE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), "target", "bus",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_BUS,
                                                 GVIR_CONFIG_DOMAIN_DISK_BUS_IDE);
}

/**
 * gvir_config_domain_disk_set_target_bus:
 * @disk: a #GVirConfigDomainDisk
 * @bus: the bus
 *
 * Sets the bus the disk is attached to.
 */
void
gvir_config_domain_disk_set_target_bus (GVirConfigDomainDisk *disk, GVirConfigDomainDiskBus bus)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), "target", "bus",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_BUS, bus);
}

/**
 * gvir_config_domain_disk_get_readonly:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets whether the guest may only read the disk (`<readonly/>`).
 *
 * Returns: %TRUE if the disk is read-only
 */
gboolean
gvir_config_domain_disk_get_readonly (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (disk), "readonly");
}

/**
 * gvir_config_domain_disk_set_readonly:
 * @disk: a #GVirConfigDomainDisk
 * @readonly: whether the disk is read-only
 *
 * Adds or removes `<readonly/>`.
 */
void
gvir_config_domain_disk_set_readonly (GVirConfigDomainDisk *disk, gboolean readonly)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  if (readonly)
    gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (disk), "readonly");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (disk), "readonly");
}

/**
 * gvir_config_domain_disk_get_driver_name:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the driver name, a shortcut for gvir_config_domain_disk_driver_get_name().
 *
 * Returns: (transfer none) (nullable): the driver name, or %NULL if unset
 */
const gchar *
gvir_config_domain_disk_get_driver_name (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (disk), "driver", "name");
}

/**
 * gvir_config_domain_disk_set_driver_name:
 * @disk: a #GVirConfigDomainDisk
 * @driver_name: the driver name, such as "qemu"
 *
 * Sets the driver name, keeping the driver's other attributes.
 */
void
gvir_config_domain_disk_set_driver_name (GVirConfigDomainDisk *disk, const gchar *driver_name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (disk), "driver", "name", driver_name);
}

/**
 * gvir_config_domain_disk_get_driver_format:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the image format, a shortcut for gvir_config_domain_disk_driver_get_format().
 *
 * Returns: the format; %GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW if unset or unknown
 */
GVirConfigDomainDiskFormat
gvir_config_domain_disk_get_driver_format (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), "driver", "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT,
                                                 GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
}

/**
 * gvir_config_domain_disk_set_driver_format:
 * @disk: a #GVirConfigDomainDisk
 * @format: the image format
 *
 * Sets the image format, keeping the driver's other attributes.
 */
void
gvir_config_domain_disk_set_driver_format (GVirConfigDomainDisk *disk,
                                           GVirConfigDomainDiskFormat format)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), "driver", "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, format);
}

/**
 * gvir_config_domain_disk_get_driver:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets a live view of the disk driver.
 *
 * Returns: (transfer full) (nullable): the driver, or %NULL if there is none
 */
GVirConfigDomainDiskDriver *
gvir_config_domain_disk_get_driver (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), NULL);

  return (GVirConfigDomainDiskDriver *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (disk), "driver",
                                            GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER);
}

/**
 * gvir_config_domain_disk_set_driver:
 * @disk: a #GVirConfigDomainDisk
 * @driver: (nullable): the driver, or %NULL to remove it
 *
 * Replaces the disk driver. @driver becomes part of @disk's document.
 */
void
gvir_config_domain_disk_set_driver (GVirConfigDomainDisk *disk, GVirConfigDomainDiskDriver *driver)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));
  g_return_if_fail (driver == NULL || GVIR_CONFIG_IS_DOMAIN_DISK_DRIVER (driver));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (disk), "driver",
                                     (GVirConfigObject *) driver);
}

/**
 * gvir_config_domain_disk_get_snapshot_type:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets how snapshots treat the disk.
 *
 * Returns: the snapshot type; %GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO if unset or unknown
 */
GVirConfigDomainDiskSnapshotType
gvir_config_domain_disk_get_snapshot_type (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "snapshot",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_SNAPSHOT_TYPE,
                                                 GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);
}

/**
 * gvir_config_domain_disk_set_snapshot_type:
 * @disk: a #GVirConfigDomainDisk
 * @type: the snapshot type
 *
 * Sets how snapshots treat the disk.
 */
void
gvir_config_domain_disk_set_snapshot_type (GVirConfigDomainDisk *disk,
                                           GVirConfigDomainDiskSnapshotType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_SNAPSHOT_TYPE, type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "snapshot",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_SNAPSHOT_TYPE, type);
}

/**
 * gvir_config_domain_disk_get_startup_policy:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets what happens when the disk source is missing.
 *
 * Returns: the policy; %GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_MANDATORY if unset or unknown
 */
GVirConfigDomainDiskStartupPolicy
gvir_config_domain_disk_get_startup_policy (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_MANDATORY);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), "source", "startupPolicy",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_STARTUP_POLICY,
                                                 GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_MANDATORY);
}

/**
 * gvir_config_domain_disk_set_startup_policy:
 * @disk: a #GVirConfigDomainDisk
 * @policy: the startup policy
 *
 * Sets what happens when the disk source is missing, keeping the other
 * attributes of `<source>`. Set it after the source, since
 * gvir_config_domain_disk_set_source() replaces `<source>`.
 */
void
gvir_config_domain_disk_set_startup_policy (GVirConfigDomainDisk *disk,
                                            GVirConfigDomainDiskStartupPolicy policy)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_STARTUP_POLICY, policy) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), "source", "startupPolicy",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_STARTUP_POLICY, policy);
}

/**
 * gvir_config_domain_disk_get_driver_cache:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the host cache mode, a shortcut for gvir_config_domain_disk_driver_get_cache().
 *
 * Returns: the cache mode; %GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT if unset or unknown
 */
GVirConfigDomainDiskCacheType
gvir_config_domain_disk_get_driver_cache (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), "driver", "cache",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_CACHE_TYPE,
                                                 GVIR_CONFIG_DOMAIN_DISK_CACHE_DEFAULT);
}

/**
 * gvir_config_domain_disk_set_driver_cache:
 * @disk: a #GVirConfigDomainDisk
 * @cache_type: the host cache mode
 *
 * Sets the host cache mode, keeping the driver's other attributes.
 */
void
gvir_config_domain_disk_set_driver_cache (GVirConfigDomainDisk *disk,
                                          GVirConfigDomainDiskCacheType cache_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_CACHE_TYPE, cache_type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), "driver", "cache",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_CACHE_TYPE, cache_type);
}

/**
 * gvir_config_domain_disk_get_driver_type:
 * @disk: a #GVirConfigDomainDisk
 *
 * Gets the image format as a string; gvir_config_domain_disk_get_driver_format()
 * gives it as an enum.
 *
 * Returns: (transfer none) (nullable): the format, or %NULL if unset
 */
const gchar *
gvir_config_domain_disk_get_driver_type (GVirConfigDomainDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (disk), "driver", "type");
}

/**
 * gvir_config_domain_disk_set_driver_type:
 * @disk: a #GVirConfigDomainDisk
 * @driver_type: (nullable): the image format, such as "qcow2", or %NULL to remove it
 *
 * Sets the image format as a string, keeping the driver's other attributes.
 * gvir_config_domain_disk_set_driver_format() takes it as an enum.
 */
void
gvir_config_domain_disk_set_driver_type (GVirConfigDomainDisk *disk, const gchar *driver_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DISK (disk));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (disk), "driver", "type", driver_type);
}
