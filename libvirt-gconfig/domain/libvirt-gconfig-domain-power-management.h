/*
 * libvirt-gconfig-domain-power-management.h: guest power management
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
 * GVIR_CONFIG_TYPE_DOMAIN_POWER_MANAGEMENT:
 *
 * The #GType of #GVirConfigDomainPowerManagement.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_POWER_MANAGEMENT (gvir_config_domain_power_management_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainPowerManagement, gvir_config_domain_power_management,
                      GVIR_CONFIG, DOMAIN_POWER_MANAGEMENT, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainPowerManagement *gvir_config_domain_power_management_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainPowerManagement *gvir_config_domain_power_management_new_from_xml (const gchar *xml,
                                                                                   GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_power_management_get_mem_suspend_enabled (GVirConfigDomainPowerManagement *pm);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_power_management_set_mem_suspend_enabled (GVirConfigDomainPowerManagement *pm,
                                                                  gboolean enabled);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_power_management_get_disk_suspend_enabled (GVirConfigDomainPowerManagement *pm);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_power_management_set_disk_suspend_enabled (GVirConfigDomainPowerManagement *pm,
                                                                   gboolean enabled);

G_END_DECLS
