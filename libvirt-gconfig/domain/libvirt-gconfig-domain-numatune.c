/*
 * libvirt-gconfig-domain-numatune.c: NUMA memory placement of a domain
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
 * SECTION:libvirt-gconfig-domain-numatune
 * @title: GVirConfigDomainNumatune
 * @short_description: NUMA memory placement of a domain
 *
 * The `<numatune>` element of a domain: from which host NUMA nodes the
 * guest memory comes (`<memory mode nodeset placement>`) and, per guest
 * NUMA cell, `<memnode>` overrides. Nodesets use libvirt's syntax and are
 * validated and written in canonical form. gvir_config_domain_validate_numa()
 * checks the placement against the rest of the domain.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
 * gvir_config_domain_numatune_set_memory_mode (numatune, GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
 * if (!gvir_config_domain_numatune_set_memory_nodeset (numatune, "0-1", &error))
 *   g_printerr ("%s\n", error->message);
 * gvir_config_domain_set_numatune (domain, numatune);
 * ]|
 */

/**
 * GVirConfigDomainNumatune:
 *
 * NUMA memory placement of a domain.
 */
struct _GVirConfigDomainNumatune
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainNumatune, gvir_config_domain_numatune, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_numatune_class_init (GVirConfigDomainNumatuneClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "numatune", NULL);
}

static void
gvir_config_domain_numatune_init (GVirConfigDomainNumatune *self)
{
}

/**
 * gvir_config_domain_numatune_new:
 *
 * Creates a #GVirConfigDomainNumatune holding an empty `<numatune>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainNumatune *
gvir_config_domain_numatune_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE, NULL);
}

/**
 * gvir_config_domain_numatune_new_from_xml:
 * @xml: an XML document whose root element is `<numatune>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainNumatune. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainNumatune *
gvir_config_domain_numatune_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainNumatune *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE, "numatune", NULL, xml, error);
}

/**
 * gvir_config_domain_numatune_get_memory_mode:
 * @numatune: a #GVirConfigDomainNumatune
 *
 * Gets the memory policy of the whole guest, `<memory mode>`.
 *
 * Returns: the policy; %GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT
 *   (libvirt's default) if unset or unknown
 */
GVirConfigDomainNumatuneMemoryMode
gvir_config_domain_numatune_get_memory_mode (GVirConfigDomainNumatune *numatune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune),
                        GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (numatune), "memory", "mode",
                                                 GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMORY_MODE,
                                                 GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_STRICT);
}

/**
 * gvir_config_domain_numatune_set_memory_mode:
 * @numatune: a #GVirConfigDomainNumatune
 * @mode: the memory policy
 *
 * Sets the memory policy of the whole guest, creating `<memory>` if needed.
 */
void
gvir_config_domain_numatune_set_memory_mode (GVirConfigDomainNumatune *numatune,
                                             GVirConfigDomainNumatuneMemoryMode mode)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMORY_MODE, mode) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (numatune), "memory", "mode",
                                          GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMORY_MODE, mode);
}

/**
 * gvir_config_domain_numatune_get_memory_placement:
 * @numatune: a #GVirConfigDomainNumatune
 *
 * Gets how the guest memory is placed, `<memory placement>`.
 *
 * Returns: the placement; when the attribute is missing,
 *   %GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC (libvirt then follows
 *   `<vcpu placement>` if there is no nodeset either)
 */
GVirConfigDomainPlacement
gvir_config_domain_numatune_get_memory_placement (GVirConfigDomainNumatune *numatune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune), GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (numatune), "memory", "placement",
                                                 GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT,
                                                 GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);
}

/**
 * gvir_config_domain_numatune_set_memory_placement:
 * @numatune: a #GVirConfigDomainNumatune
 * @placement: the placement
 *
 * Sets how the guest memory is placed. With
 * %GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO the host chooses the nodes and
 * libvirt ignores any nodeset; %GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC needs
 * a nodeset.
 */
void
gvir_config_domain_numatune_set_memory_placement (GVirConfigDomainNumatune *numatune,
                                                  GVirConfigDomainPlacement placement)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT, placement) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (numatune), "memory", "placement",
                                          GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT, placement);
}

/**
 * gvir_config_domain_numatune_get_memory_nodeset:
 * @numatune: a #GVirConfigDomainNumatune
 *
 * Gets the host NUMA nodes the guest memory comes from.
 *
 * Returns: (transfer none) (nullable): the nodeset, or %NULL if unset
 */
const gchar *
gvir_config_domain_numatune_get_memory_nodeset (GVirConfigDomainNumatune *numatune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (numatune), "memory", "nodeset");
}

/**
 * gvir_config_domain_numatune_set_memory_nodeset:
 * @numatune: a #GVirConfigDomainNumatune
 * @nodeset: (nullable): host NUMA nodes such as "0-3,^2", or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the host NUMA nodes the guest memory comes from, written in
 * canonical form. A malformed or empty nodeset gives a
 * #GVIR_CONFIG_ERROR_INVALID error and changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_numatune_set_memory_nodeset (GVirConfigDomainNumatune *numatune,
                                                const gchar *nodeset,
                                                GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gvir_config_object_set_attribute_nodeset (GVIR_CONFIG_OBJECT (numatune), "memory", "nodeset",
                                                   nodeset, "nodeset", error);
}

/**
 * gvir_config_domain_numatune_get_memnodes:
 * @numatune: a #GVirConfigDomainNumatune
 *
 * Gets live views of the per-cell memory policies.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainNumatuneMemnode):
 *   the `<memnode>` elements, in document order
 */
GList *
gvir_config_domain_numatune_get_memnodes (GVirConfigDomainNumatune *numatune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (numatune), NULL, "memnode",
                                                    GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMNODE);
}

/**
 * gvir_config_domain_numatune_set_memnodes:
 * @numatune: a #GVirConfigDomainNumatune
 * @memnodes: (nullable) (element-type LibvirtGConfig.DomainNumatuneMemnode):
 *   the new per-cell policies, or %NULL to remove them all
 *
 * Replaces the per-cell memory policies. The objects become part of
 * @numatune's document.
 */
void
gvir_config_domain_numatune_set_memnodes (GVirConfigDomainNumatune *numatune, GList *memnodes)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune));
  for (GList *l = memnodes; l != NULL; l = l->next)
    g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (l->data));

  self = GVIR_CONFIG_OBJECT (numatune);
  gvir_config_object_replace_children_list (self, gvir_config_object_get_xml_node (self),
                                            "memnode", memnodes);
}

/**
 * gvir_config_domain_numatune_add_memnode:
 * @numatune: a #GVirConfigDomainNumatune
 * @memnode: a per-cell policy
 *
 * Appends a per-cell memory policy. @memnode becomes part of @numatune's
 * document.
 */
void
gvir_config_domain_numatune_add_memnode (GVirConfigDomainNumatune *numatune,
                                         GVirConfigDomainNumatuneMemnode *memnode)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE (numatune));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_NUMATUNE_MEMNODE (memnode));

  gvir_config_object_attach_add (GVIR_CONFIG_OBJECT (numatune), GVIR_CONFIG_OBJECT (memnode));
}
