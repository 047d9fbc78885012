/*
 * libvirt-gconfig-domain-blkiotune.c: block I/O tuning of a domain
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
 * SECTION:libvirt-gconfig-domain-blkiotune
 * @title: GVirConfigDomainBlkiotune
 * @short_description: Block I/O tuning of a domain
 *
 * The `<blkiotune>` element of a domain: the overall I/O weight and
 * per-host-device weights (`<device><path><weight>`), each 100 to 1000.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainBlkiotune) blkiotune = gvir_config_domain_blkiotune_new ();
 * gvir_config_domain_blkiotune_set_weight (blkiotune, 800);
 * gvir_config_domain_blkiotune_set_device_weight (blkiotune, "/dev/sda", 500);
 * gvir_config_domain_set_blkiotune (domain, blkiotune);
 * ]|
 */

/**
 * GVirConfigDomainBlkiotune:
 *
 * Block I/O tuning of a domain.
 */
struct _GVirConfigDomainBlkiotune
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainBlkiotune, gvir_config_domain_blkiotune, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_blkiotune_class_init (GVirConfigDomainBlkiotuneClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "blkiotune", NULL);
}

static void
gvir_config_domain_blkiotune_init (GVirConfigDomainBlkiotune *self)
{
}

/**
 * gvir_config_domain_blkiotune_new:
 *
 * Creates a #GVirConfigDomainBlkiotune holding an empty `<blkiotune>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainBlkiotune *
gvir_config_domain_blkiotune_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_BLKIOTUNE, NULL);
}

/**
 * gvir_config_domain_blkiotune_new_from_xml:
 * @xml: an XML document whose root element is `<blkiotune>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainBlkiotune. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainBlkiotune *
gvir_config_domain_blkiotune_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainBlkiotune *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_BLKIOTUNE, "blkiotune", NULL, xml, error);
}

/**
 * gvir_config_domain_blkiotune_get_weight:
 * @blkiotune: a #GVirConfigDomainBlkiotune
 *
 * Gets the overall I/O weight, `<weight>`.
 *
 * Returns: the weight, or 0 if unset or invalid
 */
guint
gvir_config_domain_blkiotune_get_weight (GVirConfigDomainBlkiotune *blkiotune)
{
  guint64 weight;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_BLKIOTUNE (blkiotune), 0);

  weight = gvir_config_object_get_node_content_uint64 (GVIR_CONFIG_OBJECT (blkiotune), "weight", 0);
  return weight > G_MAXUINT ? 0 : (guint) weight;
}

/**
 * gvir_config_domain_blkiotune_set_weight:
 * @blkiotune: a #GVirConfigDomainBlkiotune
 * @weight: the weight, 100 to 1000, or 0 to remove it
 *
 * Sets the overall I/O weight.
 */
void
gvir_config_domain_blkiotune_set_weight (GVirConfigDomainBlkiotune *blkiotune, guint weight)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_BLKIOTUNE (blkiotune));
  g_return_if_fail (weight == 0 || (weight >= 100 && weight <= 1000));

  if (weight == 0)
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (blkiotune), "weight");
  else
    gvir_config_object_set_node_content_uint64 (GVIR_CONFIG_OBJECT (blkiotune), "weight", weight);
}

static xmlNodePtr
blkiotune_find_device (GVirConfigDomainBlkiotune *blkiotune, const char *path)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (blkiotune));

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      xmlNodePtr path_node;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "device") != 0)
        continue;
      path_node = gvir_config_xml_get_element (child, "path");
      if (g_strcmp0 (gvir_config_xml_node_get_text (path_node), path) == 0)
        return child;
    }
  return NULL;
}

/**
 * gvir_config_domain_blkiotune_get_device_weight:
 * @blkiotune: a #GVirConfigDomainBlkiotune
 * @path: a host block device path such as "/dev/sda"
 *
 * Gets the I/O weight of one host device.
 *
 * Returns: the weight, or 0 if unset or invalid
 */
guint
gvir_config_domain_blkiotune_get_device_weight (GVirConfigDomainBlkiotune *blkiotune, const gchar *path)
{
  xmlNodePtr device;
  guint64 weight;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_BLKIOTUNE (blkiotune), 0);
  g_return_val_if_fail (path != NULL, 0);

  device = blkiotune_find_device (blkiotune, path);
  if (device == NULL ||
      !gvir_config_parse_uint (gvir_config_xml_node_get_text (gvir_config_xml_get_element (device, "weight")), G_MAXUINT, &weight))
    return 0;
  return (guint) weight;
}

/**
 * gvir_config_domain_blkiotune_set_device_weight:
 * @blkiotune: a #GVirConfigDomainBlkiotune
 * @path: a host block device path such as "/dev/sda"
 * @weight: the weight, 100 to 1000, or 0 to remove the device entry
 *
 * Sets the I/O weight of one host device, `<device><path/><weight/></device>`.
 */
void
gvir_config_domain_blkiotune_set_device_weight (GVirConfigDomainBlkiotune *blkiotune,
                                                const gchar *path,
                                                guint weight)
{
  xmlNodePtr device, weight_node;
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_BLKIOTUNE (blkiotune));
  g_return_if_fail (path != NULL && *path != '\0');
  g_return_if_fail (weight == 0 || (weight >= 100 && weight <= 1000));

  device = blkiotune_find_device (blkiotune, path);
  if (weight == 0)
    {
      if (device != NULL)
        gvir_config_object_delete_node (GVIR_CONFIG_OBJECT (blkiotune), device);
      return;
    }
  if (device == NULL)
    {
      device = xmlNewChild (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (blkiotune)), NULL,
                            (const xmlChar *) "device", NULL);
      xmlNewTextChild (device, NULL, (const xmlChar *) "path", (const xmlChar *) path);
    }
  weight_node = gvir_config_xml_get_element (device, "weight");
  if (weight_node == NULL)
    weight_node = xmlNewChild (device, NULL, (const xmlChar *) "weight", NULL);
  g_snprintf (buf, sizeof buf, "%u", weight);
  xmlNodeSetContent (weight_node, (const xmlChar *) buf);
}
