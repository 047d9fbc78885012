/*
 * libvirt-gconfig-domain-graphics-desktop.h: a host desktop window
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
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DESKTOP:
 *
 * The #GType of #GVirConfigDomainGraphicsDesktop.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DESKTOP (gvir_config_domain_graphics_desktop_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainGraphicsDesktop, gvir_config_domain_graphics_desktop,
                      GVIR_CONFIG, DOMAIN_GRAPHICS_DESKTOP, GVirConfigDomainGraphics)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsDesktop *gvir_config_domain_graphics_desktop_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsDesktop *gvir_config_domain_graphics_desktop_new_from_xml (const gchar *xml,
                                                                                   GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_desktop_get_display (GVirConfigDomainGraphicsDesktop *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_desktop_set_display (GVirConfigDomainGraphicsDesktop *graphics,
                                                      const gchar *disp);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_desktop_get_fullscreen (GVirConfigDomainGraphicsDesktop *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_desktop_set_fullscreen (GVirConfigDomainGraphicsDesktop *graphics,
                                                         gboolean fullscreen);

G_END_DECLS
