/*
 * libvirt-gconfig-domain-chardev-source-spiceport.h: a SPICE port character device source
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
#include <libvirt-gconfig/libvirt-gconfig-domain-chardev-source.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_PORT:
 *
 * The #GType of #GVirConfigDomainChardevSourceSpicePort.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE_SPICE_PORT (gvir_config_domain_chardev_source_spiceport_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainChardevSourceSpicePort, gvir_config_domain_chardev_source_spiceport,
                      GVIR_CONFIG, DOMAIN_CHARDEV_SOURCE_SPICE_PORT, GVirConfigDomainChardevSource)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSourceSpicePort *gvir_config_domain_chardev_source_spiceport_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainChardevSourceSpicePort *gvir_config_domain_chardev_source_spiceport_new_from_xml (const gchar *xml,
                                                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_chardev_source_spiceport_get_channel (GVirConfigDomainChardevSourceSpicePort *port);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_chardev_source_spiceport_set_channel (GVirConfigDomainChardevSourceSpicePort *port,
                                                              const gchar *channel);

G_END_DECLS
