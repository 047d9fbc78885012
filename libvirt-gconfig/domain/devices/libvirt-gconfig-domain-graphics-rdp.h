/*
 * libvirt-gconfig-domain-graphics-rdp.h: an RDP display
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
#include <libvirt-gconfig/libvirt-gconfig-domain-graphics.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_RDP:
 *
 * The #GType of #GVirConfigDomainGraphicsRdp.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_RDP (gvir_config_domain_graphics_rdp_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainGraphicsRdp, gvir_config_domain_graphics_rdp,
                      GVIR_CONFIG, DOMAIN_GRAPHICS_RDP, GVirConfigDomainGraphics)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsRdp *gvir_config_domain_graphics_rdp_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsRdp *gvir_config_domain_graphics_rdp_new_from_xml (const gchar *xml,
                                                                           GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_rdp_get_autoport (GVirConfigDomainGraphicsRdp *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_rdp_set_autoport (GVirConfigDomainGraphicsRdp *graphics,
                                                   gboolean autoport);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_graphics_rdp_get_port (GVirConfigDomainGraphicsRdp *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_rdp_set_port (GVirConfigDomainGraphicsRdp *graphics,
                                               gint port);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_rdp_get_multi_user (GVirConfigDomainGraphicsRdp *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_rdp_set_multi_user (GVirConfigDomainGraphicsRdp *graphics,
                                                     gboolean multi_user);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_rdp_get_replace_user (GVirConfigDomainGraphicsRdp *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_rdp_set_replace_user (GVirConfigDomainGraphicsRdp *graphics,
                                                       gboolean replace_user);

G_END_DECLS
