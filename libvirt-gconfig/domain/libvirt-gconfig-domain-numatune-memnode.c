/*
 * libvirt-gconfig-domain-numatune-memnode.c: NUMA memory policy of one guest cell
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
#include "libvirt-gconfig/libvirt-gconfig-nodeset-private.h"
#include "libvirt-gconfig/libvirt-gconfig-tuning-private.h"

/**
 * SECTION:libvirt-gconfig-domain-numatune-memnode
 * @title: GVirConfigDomainNumatuneMemnode
 * @short_description: The memory policy of one guest NUMA cell
 *
 * A `<memnode>` element of `<numatune>`: the host nodes and the policy
 * used for the memory of guest cell `cellid`. The cell must exist in the
 * guest NUMA topology (see gvir_config_domain_cpu_get_numa_cells()).
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainNumatuneMemnode) memnode = gvir_config_domain_numatune_memnode_new ();
 * gvir_config_domain_numatune_memnode_set_cellid (memnode, 0);
 * gvir_config_domain_numatune_memnode_set_mode (memnode, GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_PREFERRED);
 * gvir_config_domain_numatune_memnode_set_nodeset (memnode, "0", &error);
 * gvir_config_domain_numatune_add_memnode (numatune, memnode);
 * ]|
 */

/**
 * GVirConfigDomainNumatuneMemnode:
 *
 * The memory policy of one guest NUMA cell.
 */
struct _GVirConfigDomainNumatuneMemnode
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainNumatuneMemnode, gvir_config_domain_numatune_memnode, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_numatune_memnode_class_init (GVirConfigDomainNumatuneMemnodeClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "memnode", NULL);
}

static void
gvir_config_domain_numatune_memnode_init (GVirConfigDomainNumatuneMemnode *self)
{
}

/**
 * gvir_config_domain_numatune_memnode_new:
 *
 * Creates a #GVirConfigDomainNumatuneMemnode holding an empty `<memnode>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainNumatuneMemnode *
gvir_config_domain_numatune_memnode_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMNODE, NULL);
}

/**
 * gvir_config_domain_numatune_memnode_new_from_xml:
 * @xml: an XML document whose root element is `<memnode>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainNumatuneMemnode. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainNumatuneMemnode *
gvir_config_domain_numatune_memnode_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainNumatuneMemnode *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMNODE, "memnode", NULL, xml, error);
}

/**
 * gvir_config_domain_numatune_memnode_get_cellid:
 * @memnode: a #GVirConfigDomainNumatuneMemnode
 *
 * Gets the guest NUMA cell this policy applies to.
 *
 * Returns: the cell id, or -1 if unset or invalid
 */
gint
gvir_config_domain_numatune_memnode_get_cellid (GVirConfigDomainNumatuneMemnode *memnode)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode), -1);

  return gvir_config_object_get_attribute_id (GVIR_CONFIG_OBJECT (memnode), NULL, "cellid");
}

/**
 * gvir_config_domain_numatune_memnode_set_cellid:
 * @memnode: a #GVirConfigDomainNumatuneMemnode
 * @cellid: the guest NUMA cell id
 *
 * Sets the guest NUMA cell this policy applies to.
 */
void
gvir_config_domain_numatune_memnode_set_cellid (GVirConfigDomainNumatuneMemnode *memnode,
                                                guint cellid)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode));
  g_return_if_fail (cellid <= G_MAXINT);

  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (memnode), NULL, "cellid", cellid);
}

/**
 * gvir_config_domain_numatune_memnode_get_mode:
 * @memnode: a #GVirConfigDomainNumatuneMemnode
 *
 * Gets the memory policy of the cell.
 *
 * Returns: the policy; %GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT
 *   (libvirt's default) if unset or unknown
 */
GVirConfigDomainNumatuneMemoryMode
gvir_config_domain_numatune_memnode_get_mode (GVirConfigDomainNumatuneMemnode *memnode)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode),
                        GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (memnode), NULL, "mode",
                                                 GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMORY_MODE,
                                                 GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
}

/**
 * gvir_config_domain_numatune_memnode_set_mode:
 * @memnode: a #GVirConfigDomainNumatuneMemnode
 * @mode: the memory policy
 *
 * Sets the memory policy of the cell.
 */
void
gvir_config_domain_numatune_memnode_set_mode (GVirConfigDomainNumatuneMemnode *memnode,
                                              GVirConfigDomainNumatuneMemoryMode mode)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (memnode), NULL, "mode",
                                          GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMORY_MODE, mode);
}

/**
 * gvir_config_domain_numatune_memnode_get_nodeset:
 * @memnode: a #GVirConfigDomainNumatuneMemnode
 *
 * Gets the host NUMA nodes the cell's memory comes from, in libvirt's
 * nodeset syntax.
 *
 * Returns: (transfer none) (nullable): the nodeset, or %NULL if unset
 */
const gchar *
gvir_config_domain_numatune_memnode_get_nodeset (GVirConfigDomainNumatuneMemnode *memnode)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (memnode), NULL, "nodeset");
}

/**
 * gvir_config_domain_numatune_memnode_set_nodeset:
 * @memnode: a #GVirConfigDomainNumatuneMemnode
 * @nodeset: (nullable): host NUMA nodes such as "0-3,^2", or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the host NUMA nodes the cell's memory comes from. The nodeset is
 * written in canonical form ("0-3,^2" becomes "0-1,3"). A malformed or
 * empty nodeset gives a #GVIR_CONFIG_ERROR_INVALID error and changes
 * nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_numatune_memnode_set_nodeset (GVirConfigDomainNumatuneMemnode *memnode,
                                                 const gchar *nodeset,
                                                 GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gvir_config_object_set_attribute_nodeset (GVIR_CONFIG_OBJECT (memnode), NULL, "nodeset",
                                                   nodeset, "nodeset", error);
}
