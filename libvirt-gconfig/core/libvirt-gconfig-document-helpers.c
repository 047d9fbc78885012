/*
 * libvirt-gconfig-document-helpers.c: helpers shared by the storage,
 * network, secret, snapshot and other document classes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <arpa/inet.h>
#include <string.h>

#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

gboolean
gvir_config_doc_uuid_is_valid (const char *uuid)
{
  if (uuid == NULL)
    return FALSE;
  if (g_uuid_string_is_valid (uuid))
    return TRUE;
  /* libvirt also reads the 32 hex digits without dashes. */
  if (strlen (uuid) != 32)
    return FALSE;
  for (const char *p = uuid; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

gboolean
gvir_config_doc_mac_is_valid (const char *mac)
{
  if (mac == NULL || strlen (mac) != 17)
    return FALSE;
  for (int i = 0; i < 17; i++)
    {
      gboolean colon = (i % 3) == 2;

      if (colon ? mac[i] != ':' : !g_ascii_isxdigit (mac[i]))
        return FALSE;
    }
  return TRUE;
}

gboolean
gvir_config_doc_ip_is_valid (const char *address)
{
  unsigned char buf[sizeof (struct in6_addr)];

  if (address == NULL)
    return FALSE;
  return inet_pton (AF_INET, address, buf) == 1 || inet_pton (AF_INET6, address, buf) == 1;
}

gboolean
gvir_config_doc_ipv4_netmask_is_valid (const char *netmask)
{
  struct in_addr addr;
  guint32 mask;

  if (netmask == NULL || inet_pton (AF_INET, netmask, &addr) != 1)
    return FALSE;
  mask = g_ntohl (addr.s_addr);
  /* A netmask is ones followed by zeros: its complement plus one is a
   * power of two. */
  return ((~mask + 1) & ~mask) == 0;
}

void
gvir_config_doc_set_single_attribute (GVirConfigObject *self,
                                      const char *node_name,
                                      const char *attr,
                                      const char *value)
{
  if (value == NULL)
    {
      gvir_config_object_delete_children (self, node_name);
      return;
    }
  gvir_config_xml_node_set_attribute (gvir_config_object_replace_child (self, node_name),
                                      attr, value);
}

void
gvir_config_doc_set_uint_attribute (GVirConfigObject *self,
                                    const char *node_name,
                                    const char *attr,
                                    guint value)
{
  xmlNodePtr node;

  if (value != 0)
    {
      gvir_config_object_set_attribute_uint64 (self, node_name, attr, value);
      return;
    }
  gvir_config_object_set_attribute (self, node_name, attr, NULL);
  if (node_name == NULL)
    return;
  node = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), node_name);
  if (node != NULL && node->properties == NULL && node->children == NULL)
    gvir_config_object_delete_node (self, node);
}

guint64
gvir_config_doc_get_content_uint (GVirConfigObject *self, const char *node_name, guint64 max)
{
  guint64 value = gvir_config_object_get_node_content_uint64 (self, node_name, 0);

  return value <= max ? value : 0;
}

guint64
gvir_config_doc_get_bytes (GVirConfigObject *self, const char *node_name)
{
  const char *text = gvir_config_object_get_node_content (self, node_name);
  const char *unit = gvir_config_object_get_attribute (self, node_name, "unit");
  guint64 bytes;

  /* Exact: a size in kB or MB is not rounded to whole KiB. */
  if (text == NULL || !gvir_config_parse_bytes (text, unit, &bytes))
    return 0;
  return bytes;
}

void
gvir_config_doc_set_bytes (GVirConfigObject *self, const char *node_name, guint64 bytes)
{
  xmlNodePtr node = gvir_config_object_replace_child (self, node_name);
  char buf[32];

  /* libvirt-gconfig writes the plain number, which libvirt reads as bytes. */
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, bytes);
  xmlNodeAddContent (node, (const xmlChar *) buf);
}

void
gvir_config_doc_set_children (GVirConfigObject *self, const char *parent_name, GList *children)
{
  xmlNodePtr node;

  if (children == NULL)
    {
      gvir_config_object_delete_children (self, parent_name);
      return;
    }
  node = gvir_config_object_replace_child (self, parent_name);
  for (GList *l = children; l != NULL; l = l->next)
    gvir_config_object_attach_to_node (self, node, l->data);
}

gint
gvir_config_doc_get_priority (GVirConfigObject *self, gint default_value)
{
  const char *text = gvir_config_object_get_attribute (self, NULL, "priority");
  gint64 value;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, -1000, 1000, &value, NULL))
    return default_value;
  return (gint) value;
}

void
gvir_config_doc_set_priority (GVirConfigObject *self, gint priority)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%d", priority);
  gvir_config_object_set_attribute (self, NULL, "priority", buf);
}
