/*
 * libvirt-gobject-domain-device.h: a device of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <glib-object.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-domain.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_DOMAIN_DEVICE:
 *
 * The #GType of #GVirDomainDevice.
 */
#define GVIR_TYPE_DOMAIN_DEVICE (gvir_domain_device_get_type ())

/**
 * GVirDomainDevice:
 *
 * A device of a #GVirDomain: the base of #GVirDomainDisk and
 * #GVirDomainInterface.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirDomainDevice, gvir_domain_device, GVIR, DOMAIN_DEVICE, GObject)

/**
 * GVirDomainDeviceClass:
 * @parent_class: the parent class
 *
 * The class of #GVirDomainDevice.
 */
struct _GVirDomainDeviceClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_domain_device_get_domain (GVirDomainDevice *device);
GVIR_AVAILABLE_IN_ALL
GVirConfigDomainDevice *gvir_domain_device_get_config (GVirDomainDevice *device);

G_END_DECLS
