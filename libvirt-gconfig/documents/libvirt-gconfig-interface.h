/*
 * libvirt-gconfig-interface.h: a host network interface
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
 * GVirConfigInterfaceType:
 * @GVIR_CONFIG_INTERFACE_TYPE_ETHERNET: a physical or plain interface
 * @GVIR_CONFIG_INTERFACE_TYPE_BRIDGE: a bridge
 * @GVIR_CONFIG_INTERFACE_TYPE_BOND: a bond of several interfaces
 * @GVIR_CONFIG_INTERFACE_TYPE_VLAN: a VLAN on another interface
 *
 * Kinds of host interface, written as the interface's type attribute.
 */
typedef enum
{
  GVIR_CONFIG_INTERFACE_TYPE_ETHERNET,
  GVIR_CONFIG_INTERFACE_TYPE_BRIDGE,
  GVIR_CONFIG_INTERFACE_TYPE_BOND,
  GVIR_CONFIG_INTERFACE_TYPE_VLAN,
} GVirConfigInterfaceType;

/**
 * GVirConfigInterfaceStartMode:
 * @GVIR_CONFIG_INTERFACE_START_MODE_NONE: started only on request
 * @GVIR_CONFIG_INTERFACE_START_MODE_ONBOOT: started when the host boots
 * @GVIR_CONFIG_INTERFACE_START_MODE_HOTPLUG: started when the device appears
 *
 * When a host interface is started, written as `<start mode>`.
 */
typedef enum
{
  GVIR_CONFIG_INTERFACE_START_MODE_NONE,
  GVIR_CONFIG_INTERFACE_START_MODE_ONBOOT,
  GVIR_CONFIG_INTERFACE_START_MODE_HOTPLUG,
} GVirConfigInterfaceStartMode;

/**
 * GVIR_CONFIG_TYPE_INTERFACE:
 *
 * The #GType of #GVirConfigInterface.
 */
#define GVIR_CONFIG_TYPE_INTERFACE (gvir_config_interface_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigInterface, gvir_config_interface,
                      GVIR_CONFIG, INTERFACE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigInterface *gvir_config_interface_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigInterface *gvir_config_interface_new_from_xml (const gchar *xml, GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigInterfaceType gvir_config_interface_get_interface_type (GVirConfigInterface *iface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_set_interface_type (GVirConfigInterface *iface, GVirConfigInterfaceType interface_type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_interface_get_name (GVirConfigInterface *iface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_set_name (GVirConfigInterface *iface, const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_interface_get_mac (GVirConfigInterface *iface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_set_mac (GVirConfigInterface *iface, const gchar *mac);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_interface_get_mtu (GVirConfigInterface *iface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_set_mtu (GVirConfigInterface *iface, guint mtu);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigInterfaceStartMode gvir_config_interface_get_start_mode (GVirConfigInterface *iface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_set_start_mode (GVirConfigInterface *iface, GVirConfigInterfaceStartMode start_mode);
GVIR_CONFIG_AVAILABLE_IN_ALL
gchar **gvir_config_interface_get_addresses (GVirConfigInterface *iface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_add_address (GVirConfigInterface *iface,
                                        const gchar *address,
                                        guint prefix);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_interface_clear_addresses (GVirConfigInterface *iface);

G_END_DECLS
