/*
 * libvirt-gconfig-domain-parallel.c: a parallel port
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
 * SECTION:libvirt-gconfig-domain-parallel
 * @title: GVirConfigDomainParallel
 * @short_description: A parallel port
 *
 * A `<parallel>` device: a parallel port whose host end is set with
 * gvir_config_domain_chardev_set_source().
 */

/**
 * GVirConfigDomainParallel:
 *
 * A parallel port.
 */
struct _GVirConfigDomainParallel
{
  GVirConfigDomainChardev parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainParallel, gvir_config_domain_parallel, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV)

static void
gvir_config_domain_parallel_class_init (GVirConfigDomainParallelClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "parallel", NULL);
}

static void
gvir_config_domain_parallel_init (GVirConfigDomainParallel *self)
{
}

/**
 * gvir_config_domain_parallel_new:
 *
 * Creates a #GVirConfigDomainParallel holding an empty `<parallel>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainParallel *
gvir_config_domain_parallel_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_PARALLEL, NULL);
}

/**
 * gvir_config_domain_parallel_new_from_xml:
 * @xml: an XML document whose root element is `<parallel>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainParallel. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainParallel *
gvir_config_domain_parallel_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainParallel *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_PARALLEL, "parallel", NULL, xml, error);
}
