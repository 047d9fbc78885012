/*
 * libvirt-gconfig-domain-memtune.c: memory tuning of a domain
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
#include "libvirt-gconfig/libvirt-gconfig-tuning-private.h"

/**
 * SECTION:libvirt-gconfig-domain-memtune
 * @title: GVirConfigDomainMemtune
 * @short_description: Memory tuning of a domain
 *
 * The `<memtune>` element of a domain: host memory limits for the guest
 * process. Sizes are read in any libvirt unit and written in KiB; 0
 * removes a limit.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainMemtune) memtune = gvir_config_domain_memtune_new ();
 * gvir_config_domain_memtune_set_hard_limit (memtune, 4 * 1024 * 1024);
 * gvir_config_domain_set_memtune (domain, memtune);
 * ]|
 */

/**
 * GVirConfigDomainMemtune:
 *
 * Memory tuning of a domain.
 */
struct _GVirConfigDomainMemtune
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainMemtune, gvir_config_domain_memtune, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_memtune_class_init (GVirConfigDomainMemtuneClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "memtune", NULL);
}

static void
gvir_config_domain_memtune_init (GVirConfigDomainMemtune *self)
{
}

/**
 * gvir_config_domain_memtune_new:
 *
 * Creates a #GVirConfigDomainMemtune holding an empty `<memtune>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainMemtune *
gvir_config_domain_memtune_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_MEMTUNE, NULL);
}

/**
 * gvir_config_domain_memtune_new_from_xml:
 * @xml: an XML document whose root element is `<memtune>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainMemtune. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainMemtune *
gvir_config_domain_memtune_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainMemtune *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_MEMTUNE, "memtune", NULL, xml, error);
}

/**
 * gvir_config_domain_memtune_get_hard_limit:
 * @memtune: a #GVirConfigDomainMemtune
 *
 * Gets the most host memory the guest may use, `<hard_limit>`, converted to KiB.
 *
 * Returns: the size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memtune_get_hard_limit (GVirConfigDomainMemtune *memtune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune), 0);

  return gvir_config_object_get_child_kib (GVIR_CONFIG_OBJECT (memtune), "hard_limit");
}

/**
 * gvir_config_domain_memtune_set_hard_limit:
 * @memtune: a #GVirConfigDomainMemtune
 * @limit: the size in KiB, or 0 to remove it
 *
 * Sets the most host memory the guest may use, written as `<hard_limit unit="KiB">`.
 */
void
gvir_config_domain_memtune_set_hard_limit (GVirConfigDomainMemtune *memtune, guint64 limit)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune));

  gvir_config_object_set_child_kib (GVIR_CONFIG_OBJECT (memtune), "hard_limit", limit);
}

/**
 * gvir_config_domain_memtune_get_soft_limit:
 * @memtune: a #GVirConfigDomainMemtune
 *
 * Gets the memory limit enforced when the host is short of memory, `<soft_limit>`, converted to KiB.
 *
 * Returns: the size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memtune_get_soft_limit (GVirConfigDomainMemtune *memtune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune), 0);

  return gvir_config_object_get_child_kib (GVIR_CONFIG_OBJECT (memtune), "soft_limit");
}

/**
 * gvir_config_domain_memtune_set_soft_limit:
 * @memtune: a #GVirConfigDomainMemtune
 * @limit: the size in KiB, or 0 to remove it
 *
 * Sets the memory limit enforced when the host is short of memory, written as `<soft_limit unit="KiB">`.
 */
void
gvir_config_domain_memtune_set_soft_limit (GVirConfigDomainMemtune *memtune, guint64 limit)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune));

  gvir_config_object_set_child_kib (GVIR_CONFIG_OBJECT (memtune), "soft_limit", limit);
}

/**
 * gvir_config_domain_memtune_get_swap_hard_limit:
 * @memtune: a #GVirConfigDomainMemtune
 *
 * Gets the most memory plus swap the guest may use, `<swap_hard_limit>`, converted to KiB.
 *
 * Returns: the size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memtune_get_swap_hard_limit (GVirConfigDomainMemtune *memtune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune), 0);

  return gvir_config_object_get_child_kib (GVIR_CONFIG_OBJECT (memtune), "swap_hard_limit");
}

/**
 * gvir_config_domain_memtune_set_swap_hard_limit:
 * @memtune: a #GVirConfigDomainMemtune
 * @limit: the size in KiB, or 0 to remove it
 *
 * Sets the most memory plus swap the guest may use, written as `<swap_hard_limit unit="KiB">`.
 */
void
gvir_config_domain_memtune_set_swap_hard_limit (GVirConfigDomainMemtune *memtune, guint64 limit)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune));

  gvir_config_object_set_child_kib (GVIR_CONFIG_OBJECT (memtune), "swap_hard_limit", limit);
}

/**
 * gvir_config_domain_memtune_get_min_guarantee:
 * @memtune: a #GVirConfigDomainMemtune
 *
 * Gets the memory guaranteed to the guest, `<min_guarantee>`, converted to KiB.
 *
 * Returns: the size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memtune_get_min_guarantee (GVirConfigDomainMemtune *memtune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune), 0);

  return gvir_config_object_get_child_kib (GVIR_CONFIG_OBJECT (memtune), "min_guarantee");
}

/**
 * gvir_config_domain_memtune_set_min_guarantee:
 * @memtune: a #GVirConfigDomainMemtune
 * @guarantee: the size in KiB, or 0 to remove it
 *
 * Sets the memory guaranteed to the guest, written as `<min_guarantee unit="KiB">`.
 */
void
gvir_config_domain_memtune_set_min_guarantee (GVirConfigDomainMemtune *memtune, guint64 guarantee)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMTUNE (memtune));

  gvir_config_object_set_child_kib (GVIR_CONFIG_OBJECT (memtune), "min_guarantee", guarantee);
}
