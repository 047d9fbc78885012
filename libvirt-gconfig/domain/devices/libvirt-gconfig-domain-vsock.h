/*
 * libvirt-gconfig-domain-vsock.h: a VM socket device
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
 * GVIR_CONFIG_TYPE_DOMAIN_VSOCK:
 *
 * The #GType of #GVirConfigDomainVsock.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_VSOCK (gvir_config_domain_vsock_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainVsock, gvir_config_domain_vsock,
                      GVIR_CONFIG, DOMAIN_VSOCK, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVsock *gvir_config_domain_vsock_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainVsock *gvir_config_domain_vsock_new_from_xml (const gchar *xml,
                                                              GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint gvir_config_domain_vsock_get_cid_address (GVirConfigDomainVsock *vsock);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_vsock_set_cid_address (GVirConfigDomainVsock *vsock,
                                               guint address);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_vsock_get_cid_auto (GVirConfigDomainVsock *vsock);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_vsock_set_cid_auto (GVirConfigDomainVsock *vsock,
                                            gboolean auto_cid);

G_END_DECLS
