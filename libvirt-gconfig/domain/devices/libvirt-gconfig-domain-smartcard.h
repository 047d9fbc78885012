/*
 * libvirt-gconfig-domain-smartcard.h: base class of smartcard readers
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
 * GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD:
 *
 * The #GType of #GVirConfigDomainSmartcard.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD (gvir_config_domain_smartcard_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainSmartcard, gvir_config_domain_smartcard,
                          GVIR_CONFIG, DOMAIN_SMARTCARD, GVirConfigDomainDevice)

/**
 * GVirConfigDomainSmartcardClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainSmartcard.
 */
struct _GVirConfigDomainSmartcardClass
{
  GVirConfigDomainDeviceClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainAddress *gvir_config_domain_smartcard_get_address (GVirConfigDomainSmartcard *smartcard);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_smartcard_set_address (GVirConfigDomainSmartcard *smartcard,
                                               GVirConfigDomainAddress *address);

G_END_DECLS
