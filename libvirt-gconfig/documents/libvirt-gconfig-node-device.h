/*
 * libvirt-gconfig-node-device.h: a host device
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

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_NODE_DEVICE:
 *
 * The #GType of #GVirConfigNodeDevice.
 */
#define GVIR_CONFIG_TYPE_NODE_DEVICE (gvir_config_node_device_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigNodeDevice, gvir_config_node_device,
                      GVIR_CONFIG, NODE_DEVICE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNodeDevice *gvir_config_node_device_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigNodeDevice *gvir_config_node_device_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_node_device_get_name (GVirConfigNodeDevice *device);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_node_device_set_name (GVirConfigNodeDevice *device, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_node_device_get_path (GVirConfigNodeDevice *device);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_node_device_set_path (GVirConfigNodeDevice *device, const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_node_device_get_parent (GVirConfigNodeDevice *device);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_node_device_set_parent (GVirConfigNodeDevice *device, const gchar *parent);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_node_device_get_capability_type (GVirConfigNodeDevice *device);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_node_device_set_capability_type (GVirConfigNodeDevice *device, const gchar *capability_type);

G_END_DECLS
