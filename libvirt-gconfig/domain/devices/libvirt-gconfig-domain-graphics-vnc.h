/*
 * libvirt-gconfig-domain-graphics-vnc.h: a VNC display
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
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_VNC:
 *
 * The #GType of #GVirConfigDomainGraphicsVnc.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_VNC (gvir_config_domain_graphics_vnc_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainGraphicsVnc, gvir_config_domain_graphics_vnc,
                      GVIR_CONFIG, DOMAIN_GRAPHICS_VNC, GVirConfigDomainGraphics)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsVnc *gvir_config_domain_graphics_vnc_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsVnc *gvir_config_domain_graphics_vnc_new_from_xml (const gchar *xml,
                                                                           GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_vnc_get_autoport (GVirConfigDomainGraphicsVnc *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_vnc_set_autoport (GVirConfigDomainGraphicsVnc *graphics,
                                                   gboolean autoport);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_graphics_vnc_get_port (GVirConfigDomainGraphicsVnc *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_vnc_set_port (GVirConfigDomainGraphicsVnc *graphics,
                                               gint port);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_vnc_get_socket (GVirConfigDomainGraphicsVnc *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_vnc_set_socket (GVirConfigDomainGraphicsVnc *graphics,
                                                 const gchar *socket);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_vnc_get_password (GVirConfigDomainGraphicsVnc *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_vnc_set_password (GVirConfigDomainGraphicsVnc *graphics,
                                                   const gchar *password);

G_END_DECLS
