/*
 * libvirt-gconfig-domain-interface-filterref-parameter.h: a network filter parameter
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
 * GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF_PARAMETER:
 *
 * The #GType of #GVirConfigDomainInterfaceFilterrefParameter.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF_PARAMETER (gvir_config_domain_interface_filterref_parameter_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainInterfaceFilterrefParameter, gvir_config_domain_interface_filterref_parameter,
                      GVIR_CONFIG, DOMAIN_INTERFACE_FILTERREF_PARAMETER, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceFilterrefParameter *gvir_config_domain_interface_filterref_parameter_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceFilterrefParameter *gvir_config_domain_interface_filterref_parameter_new_from_xml (const gchar *xml,
                                                                                                            GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_interface_filterref_parameter_get_name (GVirConfigDomainInterfaceFilterrefParameter *parameter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_filterref_parameter_set_name (GVirConfigDomainInterfaceFilterrefParameter *parameter,
                                                                const gchar *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_interface_filterref_parameter_get_value (GVirConfigDomainInterfaceFilterrefParameter *parameter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_filterref_parameter_set_value (GVirConfigDomainInterfaceFilterrefParameter *parameter,
                                                                 const gchar *value);

G_END_DECLS
