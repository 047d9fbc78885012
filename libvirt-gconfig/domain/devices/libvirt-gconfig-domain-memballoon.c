/*
 * libvirt-gconfig-domain-memballoon.c: a memory balloon device
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
 * SECTION:libvirt-gconfig-domain-memballoon
 * @title: GVirConfigDomainMemballoon
 * @short_description: A memory balloon device
 *
 * A `<memballoon>` device, through which the host reclaims guest memory.
 */

/**
 * GVirConfigDomainMemballoon:
 *
 * A memory balloon device.
 */
struct _GVirConfigDomainMemballoon
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainMemballoon, gvir_config_domain_memballoon, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_memballoon_class_init (GVirConfigDomainMemballoonClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "memballoon", NULL);
}

static void
gvir_config_domain_memballoon_init (GVirConfigDomainMemballoon *self)
{
}

/**
 * gvir_config_domain_memballoon_new:
 *
 * Creates a #GVirConfigDomainMemballoon holding an empty `<memballoon>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainMemballoon *
gvir_config_domain_memballoon_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON, NULL);
}

/**
 * gvir_config_domain_memballoon_new_from_xml:
 * @xml: an XML document whose root element is `<memballoon>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainMemballoon. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainMemballoon *
gvir_config_domain_memballoon_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainMemballoon *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON, "memballoon", NULL, xml, error);
}

/**
 * gvir_config_domain_memballoon_get_model:
 * @memballoon: a #GVirConfigDomainMemballoon
 *
 * Gets the balloon model (the `model` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE if unset or unknown
 */
GVirConfigDomainMemballoonModel
gvir_config_domain_memballoon_get_model (GVirConfigDomainMemballoon *memballoon)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMBALLOON (memballoon), GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (memballoon), NULL, "model",
                                                 GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON_MODEL, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE);
}

/**
 * gvir_config_domain_memballoon_set_model:
 * @memballoon: a #GVirConfigDomainMemballoon
 * @model: the balloon model
 *
 * Sets the balloon model (the `model` attribute).
 */
void
gvir_config_domain_memballoon_set_model (GVirConfigDomainMemballoon *memballoon, GVirConfigDomainMemballoonModel model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMBALLOON (memballoon));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON_MODEL, model) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (memballoon), NULL, "model",
                                          GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON_MODEL, model);
}

/**
 * gvir_config_domain_memballoon_get_period:
 * @memballoon: a #GVirConfigDomainMemballoon
 *
 * Gets the interval of memory statistics, in seconds (the `period` attribute of `<stats>`).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_memballoon_get_period (GVirConfigDomainMemballoon *memballoon)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMBALLOON (memballoon), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (memballoon), "stats", "period", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_memballoon_set_period:
 * @memballoon: a #GVirConfigDomainMemballoon
 * @period: the new value
 *
 * Sets the interval of memory statistics, in seconds (the `period` attribute of `<stats>`).
 */
void
gvir_config_domain_memballoon_set_period (GVirConfigDomainMemballoon *memballoon, guint period)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMBALLOON (memballoon));

  g_snprintf (buf, sizeof buf, "%u", (guint) period);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (memballoon), "stats", "period", buf);
}
