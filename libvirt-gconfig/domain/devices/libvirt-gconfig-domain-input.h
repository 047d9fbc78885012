/*
 * libvirt-gconfig-domain-input.h: an input device
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
 * GVirConfigDomainInputDeviceType:
 * @GVIR_CONFIG_DOMAIN_INPUT_DEVICE_MOUSE: a relative pointer
 * @GVIR_CONFIG_DOMAIN_INPUT_DEVICE_TABLET: an absolute pointer
 * @GVIR_CONFIG_DOMAIN_INPUT_DEVICE_KEYBOARD: a keyboard
 *
 * Kinds of input devices, the type attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_INPUT_DEVICE_MOUSE,
  GVIR_CONFIG_DOMAIN_INPUT_DEVICE_TABLET,
  GVIR_CONFIG_DOMAIN_INPUT_DEVICE_KEYBOARD,
} GVirConfigDomainInputDeviceType;

/**
 * GVirConfigDomainInputBus:
 * @GVIR_CONFIG_DOMAIN_INPUT_BUS_PS2: PS/2
 * @GVIR_CONFIG_DOMAIN_INPUT_BUS_USB: USB
 * @GVIR_CONFIG_DOMAIN_INPUT_BUS_XEN: Xen paravirtual
 * @GVIR_CONFIG_DOMAIN_INPUT_BUS_VIRTIO: virtio
 *
 * Buses an input device can be on.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_INPUT_BUS_PS2,
  GVIR_CONFIG_DOMAIN_INPUT_BUS_USB,
  GVIR_CONFIG_DOMAIN_INPUT_BUS_XEN,
  GVIR_CONFIG_DOMAIN_INPUT_BUS_VIRTIO,
} GVirConfigDomainInputBus;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_INPUT:
 *
 * The #GType of #GVirConfigDomainInput.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_INPUT (gvir_config_domain_input_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainInput, gvir_config_domain_input,
                      GVIR_CONFIG, DOMAIN_INPUT, GVirConfigDomainDevice)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInput *gvir_config_domain_input_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInput *gvir_config_domain_input_new_from_xml (const gchar *xml,
                                                              GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInputDeviceType gvir_config_domain_input_get_device_type (GVirConfigDomainInput *input);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_input_set_device_type (GVirConfigDomainInput *input,
                                               GVirConfigDomainInputDeviceType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainInputBus gvir_config_domain_input_get_bus (GVirConfigDomainInput *input);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_input_set_bus (GVirConfigDomainInput *input,
                                       GVirConfigDomainInputBus bus);

G_END_DECLS
