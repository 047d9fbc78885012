/*
 * libvirt-gconfig-domain-seclabel.h: the security label of a domain
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
 * GVirConfigDomainSeclabelType:
 * @GVIR_CONFIG_DOMAIN_SECLABEL_DYNAMIC: the label is generated when the domain starts
 * @GVIR_CONFIG_DOMAIN_SECLABEL_STATIC: the label is given by the configuration
 *
 * Kinds of security label, `<seclabel type=...>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_SECLABEL_DYNAMIC,
  GVIR_CONFIG_DOMAIN_SECLABEL_STATIC,
} GVirConfigDomainSeclabelType;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_SECLABEL:
 *
 * The #GType of #GVirConfigDomainSeclabel.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SECLABEL (gvir_config_domain_seclabel_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainSeclabel, gvir_config_domain_seclabel,
                      GVIR_CONFIG, DOMAIN_SECLABEL, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSeclabel *gvir_config_domain_seclabel_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSeclabel *gvir_config_domain_seclabel_new_from_xml (const gchar *xml,
                                                                    GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSeclabelType gvir_config_domain_seclabel_get_label_type (GVirConfigDomainSeclabel *seclabel);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_seclabel_set_type (GVirConfigDomainSeclabel *seclabel,
                                           GVirConfigDomainSeclabelType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_seclabel_get_model (GVirConfigDomainSeclabel *seclabel);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_seclabel_set_model (GVirConfigDomainSeclabel *seclabel,
                                            const gchar *model);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_seclabel_get_baselabel (GVirConfigDomainSeclabel *seclabel);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_seclabel_set_baselabel (GVirConfigDomainSeclabel *seclabel,
                                                const gchar *label);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_seclabel_get_label (GVirConfigDomainSeclabel *seclabel);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_seclabel_set_label (GVirConfigDomainSeclabel *seclabel,
                                            const gchar *label);

G_END_DECLS
