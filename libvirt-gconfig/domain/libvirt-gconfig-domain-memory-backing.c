/*
 * libvirt-gconfig-domain-memory-backing.c: how guest memory is backed
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
 * SECTION:libvirt-gconfig-domain-memory-backing
 * @title: GVirConfigDomainMemoryBacking
 * @short_description: How guest memory is backed
 *
 * The `<memoryBacking>` element of a domain: huge pages (with one
 * #GVirConfigDomainMemoryBackingPage per page size), kernel same-page
 * merging and memory locking.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainMemoryBacking) backing = gvir_config_domain_memory_backing_new ();
 * gvir_config_domain_memory_backing_set_hugepages (backing, TRUE);
 * gvir_config_domain_memory_backing_set_locked (backing, TRUE);
 * gvir_config_domain_set_memory_backing (domain, backing);
 * ]|
 */

/**
 * GVirConfigDomainMemoryBacking:
 *
 * How guest memory is backed.
 */
struct _GVirConfigDomainMemoryBacking
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainMemoryBacking, gvir_config_domain_memory_backing, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_memory_backing_class_init (GVirConfigDomainMemoryBackingClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "memoryBacking", NULL);
}

static void
gvir_config_domain_memory_backing_init (GVirConfigDomainMemoryBacking *self)
{
}

/**
 * gvir_config_domain_memory_backing_new:
 *
 * Creates a #GVirConfigDomainMemoryBacking holding an empty `<memoryBacking>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainMemoryBacking *
gvir_config_domain_memory_backing_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING, NULL);
}

/**
 * gvir_config_domain_memory_backing_new_from_xml:
 * @xml: an XML document whose root element is `<memoryBacking>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainMemoryBacking. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainMemoryBacking *
gvir_config_domain_memory_backing_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainMemoryBacking *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING, "memoryBacking", NULL, xml, error);
}

/**
 * gvir_config_domain_memory_backing_get_hugepages:
 * @backing: a #GVirConfigDomainMemoryBacking
 *
 * Gets whether guest memory is backed by huge pages (removing them removes the page sizes too), `<hugepages>`.
 *
 * Returns: %TRUE if the element is present
 */
gboolean
gvir_config_domain_memory_backing_get_hugepages (GVirConfigDomainMemoryBacking *backing)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (backing), "hugepages");
}

/**
 * gvir_config_domain_memory_backing_set_hugepages:
 * @backing: a #GVirConfigDomainMemoryBacking
 * @hugepages: whether to add or remove `<hugepages>`
 *
 * Sets whether guest memory is backed by huge pages (removing them removes the page sizes too).
 */
void
gvir_config_domain_memory_backing_set_hugepages (GVirConfigDomainMemoryBacking *backing, gboolean hugepages)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing));

  if (hugepages)
    gvir_config_object_ensure_child (GVIR_CONFIG_OBJECT (backing), "hugepages");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (backing), "hugepages");
}

/**
 * gvir_config_domain_memory_backing_get_nosharepages:
 * @backing: a #GVirConfigDomainMemoryBacking
 *
 * Gets whether the host must not merge identical guest pages, `<nosharepages>`.
 *
 * Returns: %TRUE if the element is present
 */
gboolean
gvir_config_domain_memory_backing_get_nosharepages (GVirConfigDomainMemoryBacking *backing)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (backing), "nosharepages");
}

/**
 * gvir_config_domain_memory_backing_set_nosharepages:
 * @backing: a #GVirConfigDomainMemoryBacking
 * @nosharepages: whether to add or remove `<nosharepages>`
 *
 * Sets whether the host must not merge identical guest pages.
 */
void
gvir_config_domain_memory_backing_set_nosharepages (GVirConfigDomainMemoryBacking *backing, gboolean nosharepages)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing));

  if (nosharepages)
    gvir_config_object_ensure_child (GVIR_CONFIG_OBJECT (backing), "nosharepages");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (backing), "nosharepages");
}

/**
 * gvir_config_domain_memory_backing_get_locked:
 * @backing: a #GVirConfigDomainMemoryBacking
 *
 * Gets whether guest memory is locked in host RAM, `<locked>`.
 *
 * Returns: %TRUE if the element is present
 */
gboolean
gvir_config_domain_memory_backing_get_locked (GVirConfigDomainMemoryBacking *backing)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing), FALSE);

  return gvir_config_object_has_child (GVIR_CONFIG_OBJECT (backing), "locked");
}

/**
 * gvir_config_domain_memory_backing_set_locked:
 * @backing: a #GVirConfigDomainMemoryBacking
 * @locked: whether to add or remove `<locked>`
 *
 * Sets whether guest memory is locked in host RAM.
 */
void
gvir_config_domain_memory_backing_set_locked (GVirConfigDomainMemoryBacking *backing, gboolean locked)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing));

  if (locked)
    gvir_config_object_ensure_child (GVIR_CONFIG_OBJECT (backing), "locked");
  else
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (backing), "locked");
}

/**
 * gvir_config_domain_memory_backing_get_pages:
 * @backing: a #GVirConfigDomainMemoryBacking
 *
 * Gets live views of the huge page sizes, `<hugepages><page>`.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainMemoryBackingPage):
 *   the page sizes in document order
 */
GList *
gvir_config_domain_memory_backing_get_pages (GVirConfigDomainMemoryBacking *backing)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (backing), "hugepages", "page",
                                                    GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING_PAGE);
}

/**
 * gvir_config_domain_memory_backing_add_page:
 * @backing: a #GVirConfigDomainMemoryBacking
 * @page: a huge page size
 *
 * Appends a huge page size, creating `<hugepages>` if needed. @page
 * becomes part of @backing's document.
 */
void
gvir_config_domain_memory_backing_add_page (GVirConfigDomainMemoryBacking *backing,
                                            GVirConfigDomainMemoryBackingPage *page)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING (backing));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING_PAGE (page));

  self = GVIR_CONFIG_OBJECT (backing);
  gvir_config_object_attach_to_node (self, gvir_config_object_ensure_child (self, "hugepages"),
                                     GVIR_CONFIG_OBJECT (page));
}
