/*
 * libvirt-gconfig-domain-memory-backing-page.c: a huge page size of a domain
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
 * SECTION:libvirt-gconfig-domain-memory-backing-page
 * @title: GVirConfigDomainMemoryBackingPage
 * @short_description: A huge page size used for guest memory
 *
 * A `<page>` of `<memoryBacking><hugepages>`: a huge page size and,
 * optionally, the guest NUMA cells whose memory uses it.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainMemoryBackingPage) page = gvir_config_domain_memory_backing_page_new ();
 * gvir_config_domain_memory_backing_page_set_size (page, 2048);
 * gvir_config_domain_memory_backing_page_set_nodeset (page, "0", &error);
 * gvir_config_domain_memory_backing_add_page (backing, page);
 * ]|
 */

/**
 * GVirConfigDomainMemoryBackingPage:
 *
 * A huge page size used for guest memory.
 */
struct _GVirConfigDomainMemoryBackingPage
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainMemoryBackingPage, gvir_config_domain_memory_backing_page, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_memory_backing_page_class_init (GVirConfigDomainMemoryBackingPageClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "page", NULL);
}

static void
gvir_config_domain_memory_backing_page_init (GVirConfigDomainMemoryBackingPage *self)
{
}

/**
 * gvir_config_domain_memory_backing_page_new:
 *
 * Creates a #GVirConfigDomainMemoryBackingPage holding an empty `<page>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainMemoryBackingPage *
gvir_config_domain_memory_backing_page_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING_PAGE, NULL);
}

/**
 * gvir_config_domain_memory_backing_page_new_from_xml:
 * @xml: an XML document whose root element is `<page>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainMemoryBackingPage. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainMemoryBackingPage *
gvir_config_domain_memory_backing_page_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainMemoryBackingPage *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING_PAGE, "page", NULL, xml, error);
}

/**
 * gvir_config_domain_memory_backing_page_get_size:
 * @page: a #GVirConfigDomainMemoryBackingPage
 *
 * Gets the page size, converted to KiB from its unit.
 *
 * Returns: the size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memory_backing_page_get_size (GVirConfigDomainMemoryBackingPage *page)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING_PAGE (page), 0);

  return gvir_config_object_get_attribute_kib (GVIR_CONFIG_OBJECT (page), "size", "unit");
}

/**
 * gvir_config_domain_memory_backing_page_set_size:
 * @page: a #GVirConfigDomainMemoryBackingPage
 * @size: the page size in KiB, such as 2048 or 1048576
 *
 * Sets the page size, written as `size="..." unit="KiB"`.
 */
void
gvir_config_domain_memory_backing_page_set_size (GVirConfigDomainMemoryBackingPage *page, guint64 size)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING_PAGE (page));
  g_return_if_fail (size > 0);

  gvir_config_object_set_attribute_kib (GVIR_CONFIG_OBJECT (page), "size", "unit", size);
}

/**
 * gvir_config_domain_memory_backing_page_get_nodeset:
 * @page: a #GVirConfigDomainMemoryBackingPage
 *
 * Gets the guest NUMA cells that use this page size.
 *
 * Returns: (transfer none) (nullable): the guest nodeset, or %NULL for all cells
 */
const gchar *
gvir_config_domain_memory_backing_page_get_nodeset (GVirConfigDomainMemoryBackingPage *page)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING_PAGE (page), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (page), NULL, "nodeset");
}

/**
 * gvir_config_domain_memory_backing_page_set_nodeset:
 * @page: a #GVirConfigDomainMemoryBackingPage
 * @nodeset: (nullable): guest NUMA cells such as "0-1", or %NULL for all cells
 * @error: return location for a #GError, or %NULL
 *
 * Sets the guest NUMA cells that use this page size, written in canonical
 * form. A malformed or empty nodeset gives a #GVIR_CONFIG_ERROR_INVALID
 * error and changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_memory_backing_page_set_nodeset (GVirConfigDomainMemoryBackingPage *page,
                                                    const gchar *nodeset,
                                                    GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_BACKING_PAGE (page), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gvir_config_object_set_attribute_nodeset (GVIR_CONFIG_OBJECT (page), NULL, "nodeset",
                                                   nodeset, "nodeset", error);
}
