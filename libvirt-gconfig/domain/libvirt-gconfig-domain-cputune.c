/*
 * libvirt-gconfig-domain-cputune.c: CPU tuning of a domain
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
#include "libvirt-gconfig/libvirt-gconfig-nodeset-private.h"

/**
 * SECTION:libvirt-gconfig-domain-cputune
 * @title: GVirConfigDomainCputune
 * @short_description: CPU tuning of a domain
 *
 * The `<cputune>` element of a domain: the CPU scheduler share, the
 * bandwidth period and quota, and the pinning of each vCPU and of the
 * emulator threads to host CPUs (libvirt's cpuset syntax, validated and
 * written in canonical form).
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_cputune_new ();
 * gvir_config_domain_cputune_set_shares (cputune, 2048);
 * gvir_config_domain_cputune_set_vcpupin (cputune, 0, "2-3", &error);
 * gvir_config_domain_cputune_set_emulatorpin (cputune, "0", &error);
 * gvir_config_domain_set_cputune (domain, cputune);
 * ]|
 */

/**
 * GVirConfigDomainCputune:
 *
 * CPU tuning of a domain.
 */
struct _GVirConfigDomainCputune
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainCputune, gvir_config_domain_cputune, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_cputune_class_init (GVirConfigDomainCputuneClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "cputune", NULL);
}

static void
gvir_config_domain_cputune_init (GVirConfigDomainCputune *self)
{
}

/**
 * gvir_config_domain_cputune_new:
 *
 * Creates a #GVirConfigDomainCputune holding an empty `<cputune>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainCputune *
gvir_config_domain_cputune_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CPUTUNE, NULL);
}

/**
 * gvir_config_domain_cputune_new_from_xml:
 * @xml: an XML document whose root element is `<cputune>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainCputune. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainCputune *
gvir_config_domain_cputune_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainCputune *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CPUTUNE, "cputune", NULL, xml, error);
}

/**
 * gvir_config_domain_cputune_get_shares:
 * @cputune: a #GVirConfigDomainCputune
 *
 * Gets the relative CPU weight of the domain, `<shares>`.
 *
 * Returns: the shares, or 0 if unset or invalid
 */
guint64
gvir_config_domain_cputune_get_shares (GVirConfigDomainCputune *cputune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), 0);

  return gvir_config_object_get_node_content_uint64 (GVIR_CONFIG_OBJECT (cputune), "shares", 0);
}

/**
 * gvir_config_domain_cputune_set_shares:
 * @cputune: a #GVirConfigDomainCputune
 * @shares: the shares, or 0 to remove it
 *
 * Sets the relative CPU weight of the domain.
 */
void
gvir_config_domain_cputune_set_shares (GVirConfigDomainCputune *cputune, guint64 shares)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune));

  self = GVIR_CONFIG_OBJECT (cputune);
  if (shares == 0)
    gvir_config_object_delete_children (self, "shares");
  else
    gvir_config_object_set_node_content_uint64 (self, "shares", shares);
}

/**
 * gvir_config_domain_cputune_get_period:
 * @cputune: a #GVirConfigDomainCputune
 *
 * Gets the enforcement interval of the CPU quota, `<period>`.
 *
 * Returns: the period in microseconds, or 0 if unset or invalid
 */
guint64
gvir_config_domain_cputune_get_period (GVirConfigDomainCputune *cputune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), 0);

  return gvir_config_object_get_node_content_uint64 (GVIR_CONFIG_OBJECT (cputune), "period", 0);
}

/**
 * gvir_config_domain_cputune_set_period:
 * @cputune: a #GVirConfigDomainCputune
 * @period: the period in microseconds, or 0 to remove it
 *
 * Sets the enforcement interval of the CPU quota.
 */
void
gvir_config_domain_cputune_set_period (GVirConfigDomainCputune *cputune, guint64 period)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune));

  self = GVIR_CONFIG_OBJECT (cputune);
  if (period == 0)
    gvir_config_object_delete_children (self, "period");
  else
    gvir_config_object_set_node_content_uint64 (self, "period", period);
}

/**
 * gvir_config_domain_cputune_get_quota:
 * @cputune: a #GVirConfigDomainCputune
 *
 * Gets the CPU time each vCPU may use per period, `<quota>`.
 *
 * Returns: the quota in microseconds, negative for no limit, or 0 if unset
 *   or invalid
 */
gint64
gvir_config_domain_cputune_get_quota (GVirConfigDomainCputune *cputune)
{
  g_autofree char *text = NULL;
  gint64 quota;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), 0);

  text = g_strdup (gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (cputune), "quota"));
  if (text == NULL || !g_ascii_string_to_signed (g_strstrip (text), 10, G_MININT64, G_MAXINT64,
                                                 &quota, NULL))
    return 0;
  return quota;
}

/**
 * gvir_config_domain_cputune_set_quota:
 * @cputune: a #GVirConfigDomainCputune
 * @quota: the quota in microseconds, negative for no limit, or 0 to remove it
 *
 * Sets the CPU time each vCPU may use per period.
 */
void
gvir_config_domain_cputune_set_quota (GVirConfigDomainCputune *cputune, gint64 quota)
{
  GVirConfigObject *self;
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune));

  self = GVIR_CONFIG_OBJECT (cputune);
  if (quota == 0)
    {
      gvir_config_object_delete_children (self, "quota");
      return;
    }
  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, quota);
  gvir_config_object_set_node_content (self, "quota", buf);
}

static xmlNodePtr
cputune_find_vcpupin (GVirConfigDomainCputune *cputune, guint vcpu)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cputune));

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      guint64 id;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "vcpupin") != 0)
        continue;
      if (gvir_config_parse_uint (gvir_config_xml_node_get_attribute (child, "vcpu"), G_MAXUINT, &id) && id == vcpu)
        return child;
    }
  return NULL;
}

/**
 * gvir_config_domain_cputune_get_vcpupin:
 * @cputune: a #GVirConfigDomainCputune
 * @vcpu: a vCPU number
 *
 * Gets the host CPUs vCPU @vcpu is pinned to.
 *
 * Returns: (transfer none) (nullable): the cpuset, or %NULL if @vcpu is
 *   not pinned
 */
const gchar *
gvir_config_domain_cputune_get_vcpupin (GVirConfigDomainCputune *cputune, guint vcpu)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), NULL);

  return gvir_config_xml_node_get_attribute (cputune_find_vcpupin (cputune, vcpu), "cpuset");
}

/**
 * gvir_config_domain_cputune_set_vcpupin:
 * @cputune: a #GVirConfigDomainCputune
 * @vcpu: a vCPU number
 * @cpuset: (nullable): host CPUs such as "0-3,^2", or %NULL to unpin
 * @error: return location for a #GError, or %NULL
 *
 * Pins vCPU @vcpu to host CPUs, `<vcpupin vcpu cpuset>`, written in
 * canonical form. A malformed or empty cpuset gives a
 * #GVIR_CONFIG_ERROR_INVALID error and changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_cputune_set_vcpupin (GVirConfigDomainCputune *cputune,
                                        guint vcpu,
                                        const gchar *cpuset,
                                        GError **error)
{
  g_autofree char *canonical = NULL;
  xmlNodePtr node;
  char buf[16];

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  node = cputune_find_vcpupin (cputune, vcpu);
  if (cpuset == NULL)
    {
      if (node != NULL)
        gvir_config_object_delete_node (GVIR_CONFIG_OBJECT (cputune), node);
      return TRUE;
    }
  canonical = gvir_config_nodeset_canonicalize (cpuset, "cpuset", error);
  if (canonical == NULL)
    return FALSE;
  if (node == NULL)
    {
      node = xmlNewChild (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (cputune)), NULL,
                          (const xmlChar *) "vcpupin", NULL);
      g_snprintf (buf, sizeof buf, "%u", vcpu);
      gvir_config_xml_node_set_attribute (node, "vcpu", buf);
    }
  gvir_config_xml_node_set_attribute (node, "cpuset", canonical);
  return TRUE;
}

/**
 * gvir_config_domain_cputune_get_emulatorpin:
 * @cputune: a #GVirConfigDomainCputune
 *
 * Gets the host CPUs the emulator threads are pinned to.
 *
 * Returns: (transfer none) (nullable): the cpuset, or %NULL if unpinned
 */
const gchar *
gvir_config_domain_cputune_get_emulatorpin (GVirConfigDomainCputune *cputune)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (cputune), "emulatorpin", "cpuset");
}

/**
 * gvir_config_domain_cputune_set_emulatorpin:
 * @cputune: a #GVirConfigDomainCputune
 * @cpuset: (nullable): host CPUs such as "0-1", or %NULL to unpin
 * @error: return location for a #GError, or %NULL
 *
 * Pins the emulator threads to host CPUs, `<emulatorpin cpuset>`. A
 * malformed or empty cpuset gives a #GVIR_CONFIG_ERROR_INVALID error and
 * changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_cputune_set_emulatorpin (GVirConfigDomainCputune *cputune,
                                            const gchar *cpuset,
                                            GError **error)
{
  g_autofree char *canonical = NULL;
  GVirConfigObject *self;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CPUTUNE (cputune), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self = GVIR_CONFIG_OBJECT (cputune);
  if (cpuset == NULL)
    {
      gvir_config_object_delete_children (self, "emulatorpin");
      return TRUE;
    }
  canonical = gvir_config_nodeset_canonicalize (cpuset, "cpuset", error);
  if (canonical == NULL)
    return FALSE;
  gvir_config_object_set_attribute (self, "emulatorpin", "cpuset", canonical);
  return TRUE;
}
