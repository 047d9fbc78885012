/*
 * libvirt-gconfig-domain-memory-device.h: a memory device (DIMM, virtio-mem)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainMemoryDeviceModel:
 * @GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM: a hot-pluggable DIMM
 * @GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_NVDIMM: a non-volatile DIMM
 * @GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_VIRTIO_PMEM: virtio persistent memory
 * @GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_VIRTIO_MEM: virtio-mem, resizable in blocks
 *
 * Kinds of memory device, `<memory model=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_DIMM,
  GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_NVDIMM,
  GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_VIRTIO_PMEM,
  GVIR_CONFIG_DOMAIN_MEMORY_DEVICE_MODEL_VIRTIO_MEM,
} GVirConfigDomainMemoryDeviceModel;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE:
 *
 * The #GType of #GVirConfigDomainMemoryDevice.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_MEMORY_DEVICE (gvir_config_domain_memory_device_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainMemoryDevice, gvir_config_domain_memory_device,
                      GVIR_CONFIG, DOMAIN_MEMORY_DEVICE, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryDevice *gvir_config_domain_memory_device_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryDevice *gvir_config_domain_memory_device_new_from_xml (const gchar *xml,
                                                                            GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainMemoryDeviceModel gvir_config_domain_memory_device_get_model (GVirConfigDomainMemoryDevice *mem);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_device_set_model (GVirConfigDomainMemoryDevice *mem,
                                                 GVirConfigDomainMemoryDeviceModel model);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memory_device_get_size (GVirConfigDomainMemoryDevice *mem);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_device_set_size (GVirConfigDomainMemoryDevice *mem, guint64 size);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_memory_device_get_node (GVirConfigDomainMemoryDevice *mem);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_device_set_node (GVirConfigDomainMemoryDevice *mem, gint node);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memory_device_get_block_size (GVirConfigDomainMemoryDevice *mem);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_device_set_block_size (GVirConfigDomainMemoryDevice *mem,
                                                      guint64 size);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_memory_device_get_requested_size (GVirConfigDomainMemoryDevice *mem);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_memory_device_set_requested_size (GVirConfigDomainMemoryDevice *mem,
                                                          guint64 size);

G_END_DECLS
