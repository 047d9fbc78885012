/*
 * libvirt-gconfig-domain-interface-filterref.h: a network filter reference
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
#include <libvirt-gconfig/libvirt-gconfig-domain-interface-filterref-parameter.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF:
 *
 * The #GType of #GVirConfigDomainInterfaceFilterref.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_FILTERREF (gvir_config_domain_interface_filterref_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainInterfaceFilterref, gvir_config_domain_interface_filterref,
                      GVIR_CONFIG, DOMAIN_INTERFACE_FILTERREF, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceFilterref *gvir_config_domain_interface_filterref_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInterfaceFilterref *gvir_config_domain_interface_filterref_new_from_xml (const gchar *xml,
                                                                                         GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_interface_filterref_get_name (GVirConfigDomainInterfaceFilterref *filterref);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_filterref_set_name (GVirConfigDomainInterfaceFilterref *filterref,
                                                      const gchar *filter);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_interface_filterref_add_parameter (GVirConfigDomainInterfaceFilterref *filterref,
                                                           GVirConfigDomainInterfaceFilterrefParameter *parameter);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_domain_interface_filterref_get_parameters (GVirConfigDomainInterfaceFilterref *filterref);

G_END_DECLS
