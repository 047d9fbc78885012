/*
 * libvirt-gconfig-domain-snapshot-disk.c: a disk of a domain snapshot
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
#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

/**
 * SECTION:libvirt-gconfig-domain-snapshot-disk
 * @title: GVirConfigDomainSnapshotDisk
 * @short_description: A disk of a domain snapshot
 *
 * A `<disk>` element under a snapshot's `<disks>`: which domain disk it
 * covers, how it is snapshotted, and for external snapshots the new
 * overlay file and its format.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainSnapshotDisk) disk = gvir_config_domain_snapshot_disk_new ();
 * gvir_config_domain_snapshot_disk_set_name (disk, "vda");
 * gvir_config_domain_snapshot_disk_set_snapshot_type (disk, GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_EXTERNAL);
 * gvir_config_domain_snapshot_disk_set_source_file (disk, "/var/lib/images/demo.snap1");
 * gvir_config_domain_snapshot_add_disk (snapshot, disk);
 * ]|
 */

/**
 * GVirConfigDomainSnapshotDisk:
 *
 * A `<disk>` of a domain snapshot.
 */
struct _GVirConfigDomainSnapshotDisk
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSnapshotDisk, gvir_config_domain_snapshot_disk, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_snapshot_disk_class_init (GVirConfigDomainSnapshotDiskClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "disk",
                                     NULL);
}

static void
gvir_config_domain_snapshot_disk_init (GVirConfigDomainSnapshotDisk *self)
{
}

/**
 * gvir_config_domain_snapshot_disk_new:
 *
 * Creates a #GVirConfigDomainSnapshotDisk holding an empty `<disk>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSnapshotDisk *
gvir_config_domain_snapshot_disk_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_DISK, NULL);
}

/**
 * gvir_config_domain_snapshot_disk_new_from_xml:
 * @xml: an XML document whose root element is `<disk>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSnapshotDisk. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSnapshotDisk *
gvir_config_domain_snapshot_disk_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSnapshotDisk *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_DISK, "disk", NULL,
                                                                           xml, error);
}

/**
 * gvir_config_domain_snapshot_disk_get_name:
 * @disk: a #GVirConfigDomainSnapshotDisk
 *
 * Gets the target device name of the domain disk, such as "vda".
 *
 * Returns: (transfer none) (nullable): the target device name of the domain disk, such as "vda", or %NULL if unset
 */
const gchar *
gvir_config_domain_snapshot_disk_get_name (GVirConfigDomainSnapshotDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (disk), NULL, "name");
}

/**
 * gvir_config_domain_snapshot_disk_set_name:
 * @disk: a #GVirConfigDomainSnapshotDisk
 * @name: (nullable): the target device name of the domain disk, such as "vda", or %NULL
 *
 * Sets the target device name of the domain disk, such as "vda"; %NULL removes the attribute.
 */
void
gvir_config_domain_snapshot_disk_set_name (GVirConfigDomainSnapshotDisk *disk, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (disk), NULL, "name", name);
}

/**
 * gvir_config_domain_snapshot_disk_get_snapshot_type:
 * @disk: a #GVirConfigDomainSnapshotDisk
 *
 * Gets the kind of snapshot taken of the disk.
 *
 * Returns: the kind of snapshot taken of the disk; %GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO if unset or unknown
 */
GVirConfigDomainDiskSnapshotType
gvir_config_domain_snapshot_disk_get_snapshot_type (GVirConfigDomainSnapshotDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "snapshot",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_SNAPSHOT_TYPE, GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);
}

/**
 * gvir_config_domain_snapshot_disk_set_snapshot_type:
 * @disk: a #GVirConfigDomainSnapshotDisk
 * @snapshot_type: the kind of snapshot taken of the disk
 *
 * Sets the kind of snapshot taken of the disk.
 */
void
gvir_config_domain_snapshot_disk_set_snapshot_type (GVirConfigDomainSnapshotDisk *disk, GVirConfigDomainDiskSnapshotType snapshot_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_SNAPSHOT_TYPE, snapshot_type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), NULL, "snapshot", GVIR_CONFIG_TYPE_DOMAIN_DISK_SNAPSHOT_TYPE, snapshot_type);
}

/**
 * gvir_config_domain_snapshot_disk_get_source_file:
 * @disk: a #GVirConfigDomainSnapshotDisk
 *
 * Gets the file of an external snapshot.
 *
 * Returns: (transfer none) (nullable): the file of an external snapshot, or %NULL if unset
 */
const gchar *
gvir_config_domain_snapshot_disk_get_source_file (GVirConfigDomainSnapshotDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (disk), "source", "file");
}

/**
 * gvir_config_domain_snapshot_disk_set_source_file:
 * @disk: a #GVirConfigDomainSnapshotDisk
 * @source_file: (nullable): the file of an external snapshot, or %NULL
 *
 * Sets the file of an external snapshot; it replaces the whole `<source>` element; %NULL removes the element.
 */
void
gvir_config_domain_snapshot_disk_set_source_file (GVirConfigDomainSnapshotDisk *disk, const gchar *source_file)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk));

  gvir_config_doc_set_single_attribute (GVIR_CONFIG_OBJECT (disk), "source", "file", source_file);
}

/**
 * gvir_config_domain_snapshot_disk_get_driver_format:
 * @disk: a #GVirConfigDomainSnapshotDisk
 *
 * Gets the format of the external snapshot file.
 *
 * Returns: the format of the external snapshot file; %GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW if unset or unknown
 */
GVirConfigDomainDiskFormat
gvir_config_domain_snapshot_disk_get_driver_format (GVirConfigDomainSnapshotDisk *disk)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk), GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (disk), "driver", "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
}

/**
 * gvir_config_domain_snapshot_disk_set_driver_format:
 * @disk: a #GVirConfigDomainSnapshotDisk
 * @driver_format: the format of the external snapshot file
 *
 * Sets the format of the external snapshot file.
 */
void
gvir_config_domain_snapshot_disk_set_driver_format (GVirConfigDomainSnapshotDisk *disk, GVirConfigDomainDiskFormat driver_format)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, driver_format) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (disk), "driver", "type", GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, driver_format);
}
