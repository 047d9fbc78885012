/*
 * libvirt-gconfig-domain-graphics-spice.h: a SPICE display
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
 * GVirConfigDomainGraphicsSpiceImageCompression:
 * @GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_GLZ: automatic, GLZ preferred
 * @GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_LZ: automatic, LZ preferred
 * @GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_QUIC: QUIC
 * @GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_GLZ: global LZ
 * @GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_LZ: LZ
 * @GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_OFF: no compression
 *
 * SPICE image compression methods, the compression attribute of `<image>`.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_GLZ, /*< nick=auto_glz >*/
  GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_LZ, /*< nick=auto_lz >*/
  GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_QUIC,
  GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_GLZ,
  GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_LZ,
  GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_OFF,
} GVirConfigDomainGraphicsSpiceImageCompression;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE:
 *
 * The #GType of #GVirConfigDomainGraphicsSpice.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE (gvir_config_domain_graphics_spice_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainGraphicsSpice, gvir_config_domain_graphics_spice,
                      GVIR_CONFIG, DOMAIN_GRAPHICS_SPICE, GVirConfigDomainGraphics)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsSpice *gvir_config_domain_graphics_spice_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsSpice *gvir_config_domain_graphics_spice_new_from_xml (const gchar *xml,
                                                                               GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_spice_get_autoport (GVirConfigDomainGraphicsSpice *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_spice_set_autoport (GVirConfigDomainGraphicsSpice *graphics,
                                                     gboolean autoport);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_graphics_spice_get_port (GVirConfigDomainGraphicsSpice *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_spice_set_port (GVirConfigDomainGraphicsSpice *graphics,
                                                 gint port);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_graphics_spice_get_tls_port (GVirConfigDomainGraphicsSpice *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_spice_set_tls_port (GVirConfigDomainGraphicsSpice *graphics,
                                                     gint port);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_spice_get_password (GVirConfigDomainGraphicsSpice *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_spice_set_password (GVirConfigDomainGraphicsSpice *graphics,
                                                     const gchar *password);
GVIR_CONFIG_AVAILABLE_IN_ALL
int gvir_config_domain_graphics_spice_get_image_compression (GVirConfigDomainGraphicsSpice *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_spice_set_image_compression (GVirConfigDomainGraphicsSpice *graphics,
                                                              GVirConfigDomainGraphicsSpiceImageCompression compression);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_spice_get_gl (GVirConfigDomainGraphicsSpice *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_spice_set_gl (GVirConfigDomainGraphicsSpice *graphics,
                                               gboolean gl);

G_END_DECLS
