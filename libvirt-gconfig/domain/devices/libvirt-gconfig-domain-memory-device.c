/*
 * libvirt-gconfig-domain-memory-device.c: a memory device (DIMM, virtio-mem)
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
 * SECTION:libvirt-gconfig-domain-memory-device
 * @title: GVirConfigDomainMemoryDevice
 * @short_description: A memory device
 *
 * A `<memory>` element under `<devices>`: hot-pluggable guest memory,
 * such as a DIMM or a virtio-mem device, with its size and guest NUMA
 * node in `<target>`. virtio-mem devices also have a block size and a
 * requested size. Memory devices need `<maxMemory slots>` on the domain.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainMemoryDevice) dimm = gvir_config_domain_memory_device_new ();
 * gvir_config_domain_memory_device_set_model (dimm, GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM);
 * gvir_config_domain_memory_device_set_size (dimm, 524288);
 * gvir_config_domain_memory_device_set_node (dimm, 0);
 * gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (dimm));
 * ]|
 */

/**
 * GVirConfigDomainMemoryDevice:
 *
 * A memory device.
 */
struct _GVirConfigDomainMemoryDevice
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainMemoryDevice, gvir_config_domain_memory_device, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_memory_device_class_init (GVirConfigDomainMemoryDeviceClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "memory", NULL);
}

static void
gvir_config_domain_memory_device_init (GVirConfigDomainMemoryDevice *self)
{
}

/**
 * gvir_config_domain_memory_device_new:
 *
 * Creates a #GVirConfigDomainMemoryDevice holding an empty `<memory>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainMemoryDevice *
gvir_config_domain_memory_device_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE, NULL);
}

/**
 * gvir_config_domain_memory_device_new_from_xml:
 * @xml: an XML document whose root element is `<memory>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainMemoryDevice. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainMemoryDevice *
gvir_config_domain_memory_device_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainMemoryDevice *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE, "memory", NULL, xml, error);
}

/**
 * gvir_config_domain_memory_device_get_model:
 * @mem: a #GVirConfigDomainMemoryDevice
 *
 * Gets the kind of memory device.
 *
 * Returns: the model; %GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM if unset or unknown
 */
GVirConfigDomainMemoryDeviceModel
gvir_config_domain_memory_device_get_model (GVirConfigDomainMemoryDevice *mem)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem), GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (mem), NULL, "model",
                                                 GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE_MODEL,
                                                 GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM);
}

/**
 * gvir_config_domain_memory_device_set_model:
 * @mem: a #GVirConfigDomainMemoryDevice
 * @model: the kind of memory device
 *
 * Sets the kind of memory device.
 */
void
gvir_config_domain_memory_device_set_model (GVirConfigDomainMemoryDevice *mem,
                                            GVirConfigDomainMemoryDeviceModel model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE_MODEL, model) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (mem), NULL, "model",
                                          GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE_MODEL, model);
}

static xmlNodePtr
memory_device_target_child (GVirConfigDomainMemoryDevice *mem, const char *name)
{
  xmlNodePtr target = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (mem)),
                                                   "target");

  return target ? gvir_config_xml_get_element (target, name) : NULL;
}

static void
memory_device_set_target_kib (GVirConfigDomainMemoryDevice *mem, const char *name, guint64 kib)
{
  xmlNodePtr target = gvir_config_object_ensure_child (GVIR_CONFIG_OBJECT (mem), "target");
  xmlNodePtr node = gvir_config_xml_get_element (target, name);

  if (kib == 0)
    {
      if (node != NULL)
        gvir_config_object_delete_node (GVIR_CONFIG_OBJECT (mem), node);
      return;
    }
  if (node == NULL)
    node = xmlNewChild (target, NULL, (const xmlChar *) name, NULL);
  gvir_config_xml_node_set_kib (node, kib);
}

/**
 * gvir_config_domain_memory_device_get_size:
 * @mem: a #GVirConfigDomainMemoryDevice
 *
 * Gets the device size, `<target><size>`, converted to KiB.
 *
 * Returns: the size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memory_device_get_size (GVirConfigDomainMemoryDevice *mem)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem), 0);

  return gvir_config_xml_node_get_kib (memory_device_target_child (mem, "size"));
}

/**
 * gvir_config_domain_memory_device_set_size:
 * @mem: a #GVirConfigDomainMemoryDevice
 * @size: the size in KiB, or 0 to remove it
 *
 * Sets the device size, written as `<target><size unit="KiB">`.
 */
void
gvir_config_domain_memory_device_set_size (GVirConfigDomainMemoryDevice *mem, guint64 size)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem));

  memory_device_set_target_kib (mem, "size", size);
}

/**
 * gvir_config_domain_memory_device_get_node:
 * @mem: a #GVirConfigDomainMemoryDevice
 *
 * Gets the guest NUMA cell the memory is added to, `<target><node>`.
 *
 * Returns: the cell id, or -1 if unset or invalid
 */
gint
gvir_config_domain_memory_device_get_node (GVirConfigDomainMemoryDevice *mem)
{
  guint64 node;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem), -1);

  if (!gvir_config_parse_uint (gvir_config_xml_node_get_text (memory_device_target_child (mem, "node")), G_MAXINT, &node))
    return -1;
  return (gint) node;
}

/**
 * gvir_config_domain_memory_device_set_node:
 * @mem: a #GVirConfigDomainMemoryDevice
 * @node: the guest NUMA cell id, or -1 to remove it
 *
 * Sets the guest NUMA cell the memory is added to.
 */
void
gvir_config_domain_memory_device_set_node (GVirConfigDomainMemoryDevice *mem, gint node)
{
  xmlNodePtr target, child;
  char buf[16];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem));
  g_return_if_fail (node >= -1);

  target = gvir_config_object_ensure_child (GVIR_CONFIG_OBJECT (mem), "target");
  child = gvir_config_xml_get_element (target, "node");
  if (node < 0)
    {
      if (child != NULL)
        gvir_config_object_delete_node (GVIR_CONFIG_OBJECT (mem), child);
      return;
    }
  if (child == NULL)
    child = xmlNewChild (target, NULL, (const xmlChar *) "node", NULL);
  g_snprintf (buf, sizeof buf, "%d", node);
  xmlNodeSetContent (child, (const xmlChar *) buf);
}

/**
 * gvir_config_domain_memory_device_get_block_size:
 * @mem: a #GVirConfigDomainMemoryDevice
 *
 * Gets the virtio-mem block size, `<target><block>`, converted to KiB.
 *
 * Returns: the block size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memory_device_get_block_size (GVirConfigDomainMemoryDevice *mem)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem), 0);

  return gvir_config_xml_node_get_kib (memory_device_target_child (mem, "block"));
}

/**
 * gvir_config_domain_memory_device_set_block_size:
 * @mem: a #GVirConfigDomainMemoryDevice
 * @size: the block size in KiB, or 0 to remove it
 *
 * Sets the virtio-mem block size, the granularity of resizing.
 */
void
gvir_config_domain_memory_device_set_block_size (GVirConfigDomainMemoryDevice *mem, guint64 size)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem));

  memory_device_set_target_kib (mem, "block", size);
}

/**
 * gvir_config_domain_memory_device_get_requested_size:
 * @mem: a #GVirConfigDomainMemoryDevice
 *
 * Gets the virtio-mem size the guest is asked to use, `<target><requested>`,
 * converted to KiB.
 *
 * Returns: the requested size in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_memory_device_get_requested_size (GVirConfigDomainMemoryDevice *mem)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem), 0);

  return gvir_config_xml_node_get_kib (memory_device_target_child (mem, "requested"));
}

/**
 * gvir_config_domain_memory_device_set_requested_size:
 * @mem: a #GVirConfigDomainMemoryDevice
 * @size: the requested size in KiB, or 0 to remove it
 *
 * Sets the virtio-mem size the guest is asked to use.
 */
void
gvir_config_domain_memory_device_set_requested_size (GVirConfigDomainMemoryDevice *mem, guint64 size)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_MEMORY_DEVICE (mem));

  memory_device_set_target_kib (mem, "requested", size);
}
