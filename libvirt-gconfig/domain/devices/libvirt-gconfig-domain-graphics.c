/*
 * libvirt-gconfig-domain-graphics.c: base class of graphical displays
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-domain-graphics
 * @title: GVirConfigDomainGraphics
 * @short_description: Base class of graphical displays
 *
 * A `<graphics>` device: how the guest display is shown. The type
 * attribute is set by the subclass: VNC, SPICE, SDL, RDP, desktop or D-Bus.
 */

/**
 * GVirConfigDomainGraphics:
 *
 * Base class of graphical displays.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainGraphics, gvir_config_domain_graphics, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_graphics_class_init (GVirConfigDomainGraphicsClass *klass)
{
}

static void
gvir_config_domain_graphics_init (GVirConfigDomainGraphics *self)
{
}
