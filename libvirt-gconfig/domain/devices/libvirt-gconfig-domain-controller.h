/*
 * libvirt-gconfig-domain-controller.h: base class of controllers
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
#include <libvirt-gconfig/libvirt-gconfig-domain-address.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER:
 *
 * The #GType of #GVirConfigDomainController.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER (gvir_config_domain_controller_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainController, gvir_config_domain_controller,
                          GVIR_CONFIG, DOMAIN_CONTROLLER, GVirConfigDomainDevice)

/**
 * GVirConfigDomainControllerClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainController.
 */
struct _GVirConfigDomainControllerClass
{
  GVirConfigDomainDeviceClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_controller_get_index (GVirConfigDomainController *controller);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_controller_set_index (GVirConfigDomainController *controller,
                                              guint index);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_controller_get_ports (GVirConfigDomainController *controller);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_controller_set_ports (GVirConfigDomainController *controller,
                                              guint ports);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddress *gvir_config_domain_controller_get_address (GVirConfigDomainController *controller);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_controller_set_address (GVirConfigDomainController *controller,
                                                GVirConfigDomainAddress *address);

G_END_DECLS
