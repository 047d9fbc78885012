/*
 * libvirt-gconfig-domain-chardev-source.c: base class of character device sources
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
#include "libvirt-gconfig/libvirt-gconfig-domain-device-private.h"

/**
 * SECTION:libvirt-gconfig-domain-chardev-source
 * @title: GVirConfigDomainChardevSource
 * @short_description: Base class of character device sources
 *
 * Where the host end of a character device (serial port, console, channel,
 * redirected USB device, smartcard) goes. A source carries the device's
 * type attribute and its `<source>` element; gvir_config_domain_chardev_set_source()
 * copies both into the device. A source returned by
 * gvir_config_domain_chardev_get_source() is a live view of the device.
 */

/**
 * GVirConfigDomainChardevSource:
 *
 * Base class of character device sources.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainChardevSource, gvir_config_domain_chardev_source, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_chardev_source_class_init (GVirConfigDomainChardevSourceClass *klass)
{
}

static void
gvir_config_domain_chardev_source_init (GVirConfigDomainChardevSource *self)
{
}

GType
gvir_config_domain_chardev_source_type_for_node (xmlNodePtr node)
{
  const char *type = gvir_config_xml_node_get_attribute (node, "type");

  if (g_strcmp0 (type, "pty") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_PTY;
  if (g_strcmp0 (type, "unix") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_UNIX;
  if (g_strcmp0 (type, "spicevmc") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_VMC;
  if (g_strcmp0 (type, "spiceport") == 0)
    return GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_PORT;
  return G_TYPE_INVALID;
}

void
gvir_config_domain_chardev_source_copy_into (GVirConfigDomainChardevSource *source,
                                             GVirConfigObject *device)
{
  xmlNodePtr from = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (source));
  xmlNodePtr to = gvir_config_object_get_xml_node (device);

  /* A source that already views @device has nothing to copy. */
  if (from == to)
    return;

  gvir_config_object_delete_children (device, "source");
  for (xmlAttrPtr attr = from->properties; attr != NULL; attr = attr->next)
    {
      g_autofree char *value = (char *) xmlNodeGetContent ((xmlNodePtr) attr);

      gvir_config_xml_node_set_attribute (to, (const char *) attr->name, value);
    }
  /* Copies, so that @source stays usable and owned by its caller. */
  for (xmlNodePtr child = from->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      xmlAddChild (to, xmlDocCopyNode (child, to->doc, 1));
}

GVirConfigDomainChardevSource *
gvir_config_domain_chardev_source_new_view (GVirConfigObject *device)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (device);
  GType type = gvir_config_domain_chardev_source_type_for_node (node);

  if (type == G_TYPE_INVALID)
    return NULL;
  return (GVirConfigDomainChardevSource *) gvir_config_object_new_view (device, type, node);
}
