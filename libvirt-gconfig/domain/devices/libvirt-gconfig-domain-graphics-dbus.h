/*
 * libvirt-gconfig-domain-graphics-dbus.h: a D-Bus display
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
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DBUS:
 *
 * The #GType of #GVirConfigDomainGraphicsDBus.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_DBUS (gvir_config_domain_graphics_dbus_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainGraphicsDBus, gvir_config_domain_graphics_dbus,
                      GVIR_CONFIG, DOMAIN_GRAPHICS_DBUS, GVirConfigDomainGraphics)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsDBus *gvir_config_domain_graphics_dbus_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainGraphicsDBus *gvir_config_domain_graphics_dbus_new_from_xml (const gchar *xml,
                                                                             GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_graphics_dbus_get_address (GVirConfigDomainGraphicsDBus *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_dbus_set_address (GVirConfigDomainGraphicsDBus *graphics,
                                                   const gchar *address);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_domain_graphics_dbus_get_gl (GVirConfigDomainGraphicsDBus *graphics);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_graphics_dbus_set_gl (GVirConfigDomainGraphicsDBus *graphics,
                                              gboolean gl);

G_END_DECLS
