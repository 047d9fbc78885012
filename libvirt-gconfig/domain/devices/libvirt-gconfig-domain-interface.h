/*
 * libvirt-gconfig-domain-interface.h: base class of network interfaces
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
#include <libvirt-gconfig/libvirt-gconfig-domain-interface-filterref.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainInterfaceLinkState:
 * @GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT: no link state given (up)
 * @GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_UP: the link is up
 * @GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DOWN: the link is down
 *
 * Link states of a virtual network interface.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DEFAULT,
  GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_UP,
  GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_DOWN,
} GVirConfigDomainInterfaceLinkState;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_INTERFACE:
 *
 * The #GType of #GVirConfigDomainInterface.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_INTERFACE (gvir_config_domain_interface_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainInterface, gvir_config_domain_interface,
                          GVIR_CONFIG, DOMAIN_INTERFACE, GVirConfigDomainDevice)

/**
 * GVirConfigDomainInterfaceClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainInterface.
 */
struct _GVirConfigDomainInterfaceClass
{
  GVirConfigDomainDeviceClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_interface_get_mac (GVirConfigDomainInterface *interface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_set_mac (GVirConfigDomainInterface *interface,
                                           const gchar *mac_address);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_interface_get_model (GVirConfigDomainInterface *interface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_set_model (GVirConfigDomainInterface *interface,
                                             const gchar *model);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_interface_get_ifname (GVirConfigDomainInterface *interface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_set_ifname (GVirConfigDomainInterface *interface,
                                              const gchar *ifname);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceLinkState gvir_config_domain_interface_get_link_state (GVirConfigDomainInterface *interface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_set_link_state (GVirConfigDomainInterface *interface,
                                                  GVirConfigDomainInterfaceLinkState state);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceFilterref *gvir_config_domain_interface_get_filterref (GVirConfigDomainInterface *interface);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_set_filterref (GVirConfigDomainInterface *interface,
                                                 GVirConfigDomainInterfaceFilterref *filterref);

G_END_DECLS
