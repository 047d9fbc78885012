/*
 * libvirt-gconfig-domain-interface-user.h: a user-mode network interface
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
#include <libvirt-gconfig/libvirt-gconfig-domain-interface.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_USER:
 *
 * The #GType of #GVirConfigDomainInterfaceUser.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_USER (gvir_config_domain_interface_user_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainInterfaceUser, gvir_config_domain_interface_user,
                      GVIR_CONFIG, DOMAIN_INTERFACE_USER, GVirConfigDomainInterface)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceUser *gvir_config_domain_interface_user_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceUser *gvir_config_domain_interface_user_new_from_xml (const gchar *xml,
                                                                            GError **error);


G_END_DECLS
