/*
 * libvirt-gconfig-domain-filesys.c: a shared filesystem
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
 * SECTION:libvirt-gconfig-domain-filesys
 * @title: GVirConfigDomainFilesys
 * @short_description: A shared filesystem
 *
 * A `<filesystem>` device: a host directory, file, block device or RAM
 * filesystem that the guest mounts, with the tag it sees in `<target dir>`.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainFilesys) fs = gvir_config_domain_filesys_new ();
 * gvir_config_domain_filesys_set_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_MOUNT);
 * gvir_config_domain_filesys_set_access_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_MAPPED);
 * gvir_config_domain_filesys_set_source (fs, "/srv/share");
 * gvir_config_domain_filesys_set_target (fs, "share");
 * ]|
 */

/**
 * GVirConfigDomainFilesys:
 *
 * A shared filesystem.
 */
struct _GVirConfigDomainFilesys
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainFilesys, gvir_config_domain_filesys, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_filesys_class_init (GVirConfigDomainFilesysClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "filesystem", NULL);
}

static void
gvir_config_domain_filesys_init (GVirConfigDomainFilesys *self)
{
}

/* The <source> attribute naming the backing of each filesystem type. */
static const char *
filesys_source_attribute (GVirConfigDomainFilesys *filesys)
{
  switch (gvir_config_domain_filesys_get_filesys_type (filesys))
    {
    case GVIR_CONFIG_DOMAIN_FILESYS_BLOCK:
      return "dev";
    case GVIR_CONFIG_DOMAIN_FILESYS_FILE:
      return "file";
    case GVIR_CONFIG_DOMAIN_FILESYS_TEMPLATE:
      return "name";
    case GVIR_CONFIG_DOMAIN_FILESYS_RAM:
      return "usage";
    case GVIR_CONFIG_DOMAIN_FILESYS_MOUNT:
    case GVIR_CONFIG_DOMAIN_FILESYS_BIND:
    default:
      return "dir";
    }
}

/**
 * gvir_config_domain_filesys_new:
 *
 * Creates a #GVirConfigDomainFilesys holding an empty `<filesystem>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainFilesys *
gvir_config_domain_filesys_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_FILESYS, NULL);
}

/**
 * gvir_config_domain_filesys_new_from_xml:
 * @xml: an XML document whose root element is `<filesystem>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainFilesys. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainFilesys *
gvir_config_domain_filesys_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainFilesys *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_FILESYS, "filesystem", NULL, xml, error);
}

/**
 * gvir_config_domain_filesys_get_filesys_type:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the kind of source (the `type` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_FILESYS_MOUNT if unset or unknown
 */
GVirConfigDomainFilesysType
gvir_config_domain_filesys_get_filesys_type (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), GVIR_CONFIG_DOMAIN_FILESYS_MOUNT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (filesys), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_FILESYS_TYPE, GVIR_CONFIG_DOMAIN_FILESYS_MOUNT);
}

/**
 * gvir_config_domain_filesys_set_type:
 * @filesys: a #GVirConfigDomainFilesys
 * @type: the kind of source
 *
 * Sets the kind of source. Set it before the source, whose attribute name
 * depends on it.
 */
void
gvir_config_domain_filesys_set_type (GVirConfigDomainFilesys *filesys,
                                     GVirConfigDomainFilesysType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_FILESYS_TYPE, type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (filesys), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_FILESYS_TYPE, type);
}

/**
 * gvir_config_domain_filesys_get_access_type:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the security model (the `accessmode` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_PASSTHROUGH if unset or unknown
 */
GVirConfigDomainFilesysAccessType
gvir_config_domain_filesys_get_access_type (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_PASSTHROUGH);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (filesys), NULL, "accessmode",
                                                 GVIR_CONFIG_TYPE_DOMAIN_FILESYS_ACCESS_TYPE, GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_PASSTHROUGH);
}

/**
 * gvir_config_domain_filesys_set_access_type:
 * @filesys: a #GVirConfigDomainFilesys
 * @type: the security model
 *
 * Sets the security model (the `accessmode` attribute).
 */
void
gvir_config_domain_filesys_set_access_type (GVirConfigDomainFilesys *filesys, GVirConfigDomainFilesysAccessType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_FILESYS_ACCESS_TYPE, type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (filesys), NULL, "accessmode",
                                          GVIR_CONFIG_TYPE_DOMAIN_FILESYS_ACCESS_TYPE, type);
}

/**
 * gvir_config_domain_filesys_get_driver_type:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the filesystem driver (the `type` attribute of `<driver>`).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT if unset or unknown
 */
GVirConfigDomainFilesysDriverType
gvir_config_domain_filesys_get_driver_type (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (filesys), "driver", "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_FILESYS_DRIVER_TYPE, GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT);
}

/**
 * gvir_config_domain_filesys_set_driver_type:
 * @filesys: a #GVirConfigDomainFilesys
 * @type: the filesystem driver
 *
 * Sets the filesystem driver (the `type` attribute of `<driver>`). %GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT removes the attribute.
 */
void
gvir_config_domain_filesys_set_driver_type (GVirConfigDomainFilesys *filesys, GVirConfigDomainFilesysDriverType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_FILESYS_DRIVER_TYPE, type) != NULL);

  if (type == GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT)
    {
      gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (filesys), "driver", "type", NULL);
      return;
    }
  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (filesys), "driver", "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_FILESYS_DRIVER_TYPE, type);
}

/**
 * gvir_config_domain_filesys_get_driver_format:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the image format of a file source (the `format` attribute of `<driver>`).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW if unset or unknown
 */
GVirConfigDomainDiskFormat
gvir_config_domain_filesys_get_driver_format (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (filesys), "driver", "format",
                                                 GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
}

/**
 * gvir_config_domain_filesys_set_driver_format:
 * @filesys: a #GVirConfigDomainFilesys
 * @format: the image format of a file source
 *
 * Sets the image format of a file source (the `format` attribute of `<driver>`).
 */
void
gvir_config_domain_filesys_set_driver_format (GVirConfigDomainFilesys *filesys, GVirConfigDomainDiskFormat format)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, format) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (filesys), "driver", "format",
                                          GVIR_CONFIG_TYPE_DOMAIN_DISK_FORMAT, format);
}

/**
 * gvir_config_domain_filesys_get_source:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the source directory, block device, file or template, according to
 * the filesystem type.
 *
 * Returns: (transfer none) (nullable): the source, or %NULL if unset
 */
const gchar *
gvir_config_domain_filesys_get_source (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (filesys), "source",
                                           filesys_source_attribute (filesys));
}

/**
 * gvir_config_domain_filesys_set_source:
 * @filesys: a #GVirConfigDomainFilesys
 * @source: (nullable): the source, or %NULL to remove `<source>`
 *
 * Sets the source, as the `<source>` attribute that fits the filesystem
 * type (dir, dev, file or name).
 */
void
gvir_config_domain_filesys_set_source (GVirConfigDomainFilesys *filesys, const char *source)
{
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));

  if (source == NULL)
    {
      gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (filesys), "source");
      return;
    }
  node = gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (filesys), "source");
  gvir_config_xml_node_set_attribute (node, filesys_source_attribute (filesys), source);
}

/**
 * gvir_config_domain_filesys_get_ram_usage:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the size of a RAM filesystem, from `<source usage units>`.
 *
 * Returns: the size in bytes, or 0 if unset or invalid
 */
guint64
gvir_config_domain_filesys_get_ram_usage (GVirConfigDomainFilesys *filesys)
{
  GVirConfigObject *self;
  guint64 kib;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), 0);

  self = GVIR_CONFIG_OBJECT (filesys);
  if (!gvir_config_parse_kib (gvir_config_object_get_attribute (self, "source", "usage"),
                              gvir_config_object_get_attribute (self, "source", "units"), &kib) ||
      kib > G_MAXUINT64 / 1024)
    return 0;
  return kib * 1024;
}

/**
 * gvir_config_domain_filesys_set_ram_usage:
 * @filesys: a #GVirConfigDomainFilesys
 * @bytes: the size of the RAM filesystem, in bytes (rounded down to KiB)
 *
 * Sets the size of a RAM filesystem, written in KiB.
 */
void
gvir_config_domain_filesys_set_ram_usage (GVirConfigDomainFilesys *filesys, guint64 bytes)
{
  xmlNodePtr node;
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));

  node = gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (filesys), "source");
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, bytes / 1024);
  gvir_config_xml_node_set_attribute (node, "usage", buf);
  gvir_config_xml_node_set_attribute (node, "units", "KiB");
}

/**
 * gvir_config_domain_filesys_get_target:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets the mount tag the guest sees (the `dir` attribute of `<target>`).
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_filesys_get_target (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (filesys), "target", "dir");
}

/**
 * gvir_config_domain_filesys_set_target:
 * @filesys: a #GVirConfigDomainFilesys
 * @target: the mount tag the guest sees
 *
 * Sets the mount tag the guest sees (the `dir` attribute of `<target>`).
 */
void
gvir_config_domain_filesys_set_target (GVirConfigDomainFilesys *filesys, const gchar *target)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));
  g_return_if_fail (target != NULL);

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (filesys), "target", "dir", target);
}

/**
 * gvir_config_domain_filesys_get_readonly:
 * @filesys: a #GVirConfigDomainFilesys
 *
 * Gets whether the guest may only read the filesystem (whether `<readonly/>` is present).
 *
 * Returns: %TRUE if it is
 */
gboolean
gvir_config_domain_filesys_get_readonly (GVirConfigDomainFilesys *filesys)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (filesys), "readonly");
}

/**
 * gvir_config_domain_filesys_set_readonly:
 * @filesys: a #GVirConfigDomainFilesys
 * @readonly: the new value
 *
 * Sets whether the guest may only read the filesystem: adds or removes `<readonly/>`.
 */
void
gvir_config_domain_filesys_set_readonly (GVirConfigDomainFilesys *filesys, gboolean readonly)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_FILESYS (filesys));

  if (readonly)
    gvir_config_object_replace_child (GVIR_CONFIG_OBJECT (filesys), "readonly");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (filesys), "readonly");
}
