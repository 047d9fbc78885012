/*
 * libvirt-gconfig-domain-address.h: base class of device addresses
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
 * GVIR_CONFIG_TYPE_DOMAIN_ADDRESS:
 *
 * The #GType of #GVirConfigDomainAddress.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_ADDRESS (gvir_config_domain_address_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainAddress, gvir_config_domain_address,
                          GVIR_CONFIG, DOMAIN_ADDRESS, GVirConfigObject)

/**
 * GVirConfigDomainAddressClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainAddress.
 */
struct _GVirConfigDomainAddressClass
{
  GVirConfigObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};


G_END_DECLS
