/*
 * libvirt-gconfig-tuning-private.c: helpers shared by the tuning classes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-tuning-private.h"

guint64
gvir_config_xml_node_get_kib (xmlNodePtr node)
{
  guint64 kib;

  if (node == NULL)
    return 0;
  if (!gvir_config_parse_kib (gvir_config_xml_node_get_text (node),
                              gvir_config_xml_node_get_attribute (node, "unit"), &kib))
    return 0;
  return kib;
}

void
gvir_config_xml_node_set_kib (xmlNodePtr node, guint64 kib)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, kib);
  gvir_config_xml_node_set_attribute (node, "unit", "KiB");
  xmlNodeSetContent (node, NULL);
  xmlNodeAddContent (node, (const xmlChar *) buf);
}

guint64
gvir_config_object_get_child_kib (GVirConfigObject *self, const char *node_name)
{
  return gvir_config_xml_node_get_kib (gvir_config_xml_get_element (gvir_config_object_get_xml_node (self),
                                                                    node_name));
}

void
gvir_config_object_set_child_kib (GVirConfigObject *self, const char *node_name, guint64 kib)
{
  if (kib == 0)
    {
      gvir_config_object_delete_children (self, node_name);
      return;
    }
  gvir_config_xml_node_set_kib (gvir_config_object_ensure_child (self, node_name), kib);
}

guint64
gvir_config_object_get_attribute_kib (GVirConfigObject *self,
                                      const char *attr,
                                      const char *unit_attr)
{
  guint64 kib;

  if (!gvir_config_parse_kib (gvir_config_object_get_attribute (self, NULL, attr),
                              gvir_config_object_get_attribute (self, NULL, unit_attr),
                              &kib))
    return 0;
  return kib;
}

void
gvir_config_object_set_attribute_kib (GVirConfigObject *self,
                                      const char *attr,
                                      const char *unit_attr,
                                      guint64 kib)
{
  gvir_config_object_set_attribute_uint64 (self, NULL, attr, kib);
  gvir_config_object_set_attribute (self, NULL, unit_attr, "KiB");
}

gint
gvir_config_object_get_attribute_id (GVirConfigObject *self,
                                     const char *node_name,
                                     const char *attr)
{
  guint64 value = gvir_config_object_get_attribute_uint64 (self, node_name, attr, G_MAXUINT64);

  return value > G_MAXINT ? -1 : (gint) value;
}

static gboolean
node_in_list (xmlNodePtr node, GList *children)
{
  for (GList *l = children; l != NULL; l = l->next)
    if (gvir_config_object_get_xml_node (l->data) == node)
      return TRUE;
  return FALSE;
}

void
gvir_config_object_replace_children_list (GVirConfigObject *self,
                                          xmlNodePtr parent,
                                          const char *child_name,
                                          GList *children)
{
  xmlNodePtr iter = parent->children;

  /* Elements that are in @children are moved, not deleted. */
  while (iter != NULL)
    {
      xmlNodePtr next = iter->next;

      if (iter->type == XML_ELEMENT_NODE &&
          g_strcmp0 ((const char *) iter->name, child_name) == 0 &&
          !node_in_list (iter, children))
        gvir_config_object_delete_node (self, iter);
      iter = next;
    }
  for (GList *l = children; l != NULL; l = l->next)
    gvir_config_object_attach_to_node (self, parent, l->data);
}

gboolean
gvir_config_parse_uint (const char *text, guint64 max, guint64 *value)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  return g_ascii_string_to_unsigned (copy, 10, 0, max, value, NULL);
}
