/*
 * libvirt-gconfig-domain-graphics.h: base class of graphical displays
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
#include <libvirt-gconfig/libvirt-gconfig-domain-device.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS:
 *
 * The #GType of #GVirConfigDomainGraphics.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS (gvir_config_domain_graphics_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigDomainGraphics, gvir_config_domain_graphics,
                          GVIR_CONFIG, DOMAIN_GRAPHICS, GVirConfigDomainDevice)

/**
 * GVirConfigDomainGraphicsClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigDomainGraphics.
 */
struct _GVirConfigDomainGraphicsClass
{
  GVirConfigDomainDeviceClass parent_class;

  /*< private >*/
  gpointer padding[20];
};


G_END_DECLS
