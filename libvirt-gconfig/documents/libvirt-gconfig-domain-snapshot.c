/*
 * libvirt-gconfig-domain-snapshot.c: a domain snapshot
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <time.h>

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

/**
 * SECTION:libvirt-gconfig-domain-snapshot
 * @title: GVirConfigDomainSnapshot
 * @short_description: A domain snapshot
 *
 * A `<domainsnapshot>` document: the settings used when creating a
 * snapshot (name, description, memory and disk handling) and, in
 * documents that libvirt returns, its creation time, the domain state,
 * the parent snapshot and a copy of the domain configuration.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainSnapshot) snapshot = gvir_config_domain_snapshot_new ();
 * gvir_config_domain_snapshot_set_name (snapshot, "before-upgrade");
 * gvir_config_domain_snapshot_set_memory_state (snapshot,
 *                                               GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE);
 * g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (snapshot));
 * ]|
 */

/**
 * GVirConfigDomainSnapshot:
 *
 * A domain snapshot description.
 */
struct _GVirConfigDomainSnapshot
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSnapshot, gvir_config_domain_snapshot, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_snapshot_class_init (GVirConfigDomainSnapshotClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "domainsnapshot",
                                     GVIR_CONFIG_SCHEMA_DIR "/domainsnapshot.rng");
}

static void
gvir_config_domain_snapshot_init (GVirConfigDomainSnapshot *self)
{
}

/**
 * gvir_config_domain_snapshot_new:
 *
 * Creates a #GVirConfigDomainSnapshot holding an empty `<domainsnapshot>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSnapshot *
gvir_config_domain_snapshot_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT, NULL);
}

/**
 * gvir_config_domain_snapshot_new_from_xml:
 * @xml: an XML document whose root element is `<domainsnapshot>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSnapshot. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSnapshot *
gvir_config_domain_snapshot_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSnapshot *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT, "domainsnapshot", NULL,
                                                                       xml, error);
}

/**
 * gvir_config_domain_snapshot_get_name:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets the snapshot name.
 *
 * Returns: (transfer none) (nullable): the snapshot name, or %NULL if unset
 */
const gchar *
gvir_config_domain_snapshot_get_name (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (snapshot), "name");
}

/**
 * gvir_config_domain_snapshot_set_name:
 * @snapshot: a #GVirConfigDomainSnapshot
 * @name: (nullable): the snapshot name, or %NULL to remove it
 *
 * Sets the snapshot name.
 */
void
gvir_config_domain_snapshot_set_name (GVirConfigDomainSnapshot *snapshot, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (snapshot), "name", name);
}

/**
 * gvir_config_domain_snapshot_get_description:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets the human-readable description.
 *
 * Returns: (transfer none) (nullable): the human-readable description, or %NULL if unset
 */
const gchar *
gvir_config_domain_snapshot_get_description (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (snapshot), "description");
}

/**
 * gvir_config_domain_snapshot_set_description:
 * @snapshot: a #GVirConfigDomainSnapshot
 * @description: (nullable): the human-readable description, or %NULL to remove it
 *
 * Sets the human-readable description.
 */
void
gvir_config_domain_snapshot_set_description (GVirConfigDomainSnapshot *snapshot, const gchar *description)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (snapshot), "description", description);
}

/**
 * gvir_config_domain_snapshot_get_memory_state:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets how the guest memory is saved.
 *
 * Returns: how the guest memory is saved; %GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE if unset or unknown
 */
GVirConfigDomainSnapshotMemoryState
gvir_config_domain_snapshot_get_memory_state (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (snapshot), "memory", "snapshot",
                                                 GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_MEMORY_STATE, GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE);
}

/**
 * gvir_config_domain_snapshot_set_memory_state:
 * @snapshot: a #GVirConfigDomainSnapshot
 * @memory_state: how the guest memory is saved
 *
 * Sets how the guest memory is saved.
 */
void
gvir_config_domain_snapshot_set_memory_state (GVirConfigDomainSnapshot *snapshot, GVirConfigDomainSnapshotMemoryState memory_state)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_MEMORY_STATE, memory_state) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (snapshot), "memory", "snapshot", GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_MEMORY_STATE, memory_state);
}

/**
 * gvir_config_domain_snapshot_get_memory_file:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets the file an external memory snapshot is saved to.
 *
 * Returns: (transfer none) (nullable): the file an external memory snapshot is saved to, or %NULL if unset
 */
const gchar *
gvir_config_domain_snapshot_get_memory_file (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (snapshot), "memory", "file");
}

/**
 * gvir_config_domain_snapshot_set_memory_file:
 * @snapshot: a #GVirConfigDomainSnapshot
 * @memory_file: (nullable): the file an external memory snapshot is saved to, or %NULL
 *
 * Sets the file an external memory snapshot is saved to; %NULL removes the attribute.
 */
void
gvir_config_domain_snapshot_set_memory_file (GVirConfigDomainSnapshot *snapshot, const gchar *memory_file)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (snapshot), "memory", "file", memory_file);
}

/**
 * gvir_config_domain_snapshot_get_creation_time:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets when libvirt created the snapshot, from `<creationTime>`.
 *
 * Returns: seconds since the Unix epoch, or 0 if unset or invalid
 */
time_t
gvir_config_domain_snapshot_get_creation_time (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), 0);

  /* Clamped so that the value fits a 32-bit time_t as well. */
  return (time_t) gvir_config_doc_get_content_uint (GVIR_CONFIG_OBJECT (snapshot),
                                                    "creationTime", G_MAXINT32);
}

/**
 * gvir_config_domain_snapshot_get_state:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets the state the domain was in when the snapshot was taken.
 *
 * Returns: the domain state; %GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE
 *   if unset or unknown
 */
GVirConfigDomainSnapshotDomainState
gvir_config_domain_snapshot_get_state (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot),
                        GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE);

  return gvir_config_object_get_node_content_genum (GVIR_CONFIG_OBJECT (snapshot), "state",
                                                    GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_DOMAIN_STATE,
                                                    GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE);
}

/**
 * gvir_config_domain_snapshot_get_parent:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets the name of the snapshot this one was taken on top of.
 *
 * Returns: (transfer none) (nullable): the parent name, or %NULL for a root snapshot
 */
const gchar *
gvir_config_domain_snapshot_get_parent (GVirConfigDomainSnapshot *snapshot)
{
  xmlNodePtr parent;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  parent = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (snapshot)),
                                        "parent");
  return gvir_config_xml_node_get_text (gvir_config_xml_get_element (parent, "name"));
}

/**
 * gvir_config_domain_snapshot_get_domain:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets a live view of the domain configuration saved with the snapshot.
 *
 * Returns: (transfer full) (nullable): the domain, or %NULL if missing
 */
GVirConfigDomain *
gvir_config_domain_snapshot_get_domain (GVirConfigDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  return (GVirConfigDomain *) gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (snapshot),
                                                                      "domain",
                                                                      GVIR_CONFIG_TYPE_DOMAIN);
}

/**
 * gvir_config_domain_snapshot_set_disks:
 * @snapshot: a #GVirConfigDomainSnapshot
 * @disks: (nullable) (element-type LibvirtGConfig.DomainSnapshotDisk): the
 *   disks, or %NULL to remove `<disks>`
 *
 * Replaces the disk settings. The disks become part of @snapshot's document;
 * they may be the ones gvir_config_domain_snapshot_get_disks() returned.
 */
void
gvir_config_domain_snapshot_set_disks (GVirConfigDomainSnapshot *snapshot, GList *disks)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot));
  for (GList *l = disks; l != NULL; l = l->next)
    g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (l->data));

  gvir_config_doc_set_children (GVIR_CONFIG_OBJECT (snapshot), "disks", disks);
}

/**
 * gvir_config_domain_snapshot_add_disk:
 * @snapshot: a #GVirConfigDomainSnapshot
 * @disk: the disk settings to add
 *
 * Appends @disk under `<disks>`, creating it if needed. @disk becomes part
 * of @snapshot's document.
 */
void
gvir_config_domain_snapshot_add_disk (GVirConfigDomainSnapshot *snapshot,
                                      GVirConfigDomainSnapshotDisk *disk)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT_DISK (disk));

  self = GVIR_CONFIG_OBJECT (snapshot);
  gvir_config_object_attach_to_node (self, gvir_config_object_ensure_child (self, "disks"),
                                     GVIR_CONFIG_OBJECT (disk));
}

/**
 * gvir_config_domain_snapshot_get_disks:
 * @snapshot: a #GVirConfigDomainSnapshot
 *
 * Gets live views of the disk settings under `<disks>`.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainSnapshotDisk):
 *   the disks, possibly empty
 */
GList *
gvir_config_domain_snapshot_get_disks (GVirConfigDomainSnapshot *snapshot)
{
  GVirConfigObject *self;
  xmlNodePtr disks;
  GList *list = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  self = GVIR_CONFIG_OBJECT (snapshot);
  disks = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "disks");
  for (xmlNodePtr child = disks ? disks->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_strcmp0 ((const char *) child->name, "disk") == 0)
      list = g_list_prepend (list, gvir_config_object_new_view_without_schema (
                                     self, GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT_DISK, child));
  return g_list_reverse (list);
}
