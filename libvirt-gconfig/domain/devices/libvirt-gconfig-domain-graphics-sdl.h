/*
 * libvirt-gconfig-domain-graphics-sdl.h: an SDL window
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
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SDL:
 *
 * The #GType of #GVirConfigDomainGraphicsSdl.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SDL (gvir_config_domain_graphics_sdl_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainGraphicsSdl, gvir_config_domain_graphics_sdl,
                      GVIR_CONFIG, DOMAIN_GRAPHICS_SDL, GVirConfigDomainGraphics)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsSdl *gvir_config_domain_graphics_sdl_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsSdl *gvir_config_domain_graphics_sdl_new_from_xml (const gchar *xml,
                                                                           GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_sdl_get_xauthority (GVirConfigDomainGraphicsSdl *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_sdl_set_xauthority (GVirConfigDomainGraphicsSdl *graphics,
                                                     const gchar *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_sdl_get_display (GVirConfigDomainGraphicsSdl *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_sdl_set_display (GVirConfigDomainGraphicsSdl *graphics,
                                                  const gchar *disp);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_sdl_get_fullscreen (GVirConfigDomainGraphicsSdl *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_sdl_set_fullscreen (GVirConfigDomainGraphicsSdl *graphics,
                                                     gboolean fullscreen);

G_END_DECLS
