/*
 * libvirt-gconfig-domain-cputune.h: CPU tuning of a domain
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
 * GVIR_CONFIG_TYPE_DOMAIN_CPUTUNE:
 *
 * The #GType of #GVirConfigDomainCputune.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CPUTUNE (gvir_config_domain_cputune_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainCputune, gvir_config_domain_cputune,
                      GVIR_CONFIG, DOMAIN_CPUTUNE, GVirConfigObject)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCputune *gvir_config_domain_cputune_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainCputune *gvir_config_domain_cputune_new_from_xml (const gchar *xml,
                                                                  GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_cputune_get_shares (GVirConfigDomainCputune *cputune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cputune_set_shares (GVirConfigDomainCputune *cputune, guint64 shares);
GVIR_CONFIG_AVAILABLE_IN_ALL
guint64 gvir_config_domain_cputune_get_period (GVirConfigDomainCputune *cputune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cputune_set_period (GVirConfigDomainCputune *cputune, guint64 period);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint64 gvir_config_domain_cputune_get_quota (GVirConfigDomainCputune *cputune);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_cputune_set_quota (GVirConfigDomainCputune *cputune, gint64 quota);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_cputune_get_vcpupin (GVirConfigDomainCputune *cputune, guint vcpu);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_cputune_set_vcpupin (GVirConfigDomainCputune *cputune,
                                                 guint vcpu,
                                                 const gchar *cpuset,
                                                 GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_cputune_get_emulatorpin (GVirConfigDomainCputune *cputune);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_cputune_set_emulatorpin (GVirConfigDomainCputune *cputune,
                                                     const gchar *cpuset,
                                                     GError **error);

G_END_DECLS
