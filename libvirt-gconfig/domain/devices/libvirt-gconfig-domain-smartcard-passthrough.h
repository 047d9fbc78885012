/*
 * libvirt-gconfig-domain-smartcard-passthrough.h: a smartcard passed through a character device
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
#include <libvirt-gconfig/libvirt-gconfig-domain-smartcard.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev-source.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_PASSTHROUGH:
 *
 * The #GType of #GVirConfigDomainSmartcardPassthrough.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_PASSTHROUGH (gvir_config_domain_smartcard_passthrough_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainSmartcardPassthrough, gvir_config_domain_smartcard_passthrough,
                      GVIR_CONFIG, DOMAIN_SMARTCARD_PASSTHROUGH, GVirConfigDomainSmartcard)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSmartcardPassthrough *gvir_config_domain_smartcard_passthrough_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSmartcardPassthrough *gvir_config_domain_smartcard_passthrough_new_from_xml (const gchar *xml,
                                                                                             GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSource *gvir_config_domain_smartcard_passthrough_get_source (GVirConfigDomainSmartcardPassthrough *smartcard);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_smartcard_passthrough_set_source (GVirConfigDomainSmartcardPassthrough *smartcard,
                                                          GVirConfigDomainChardevSource *source);

G_END_DECLS
