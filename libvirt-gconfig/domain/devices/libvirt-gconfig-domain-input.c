/*
 * libvirt-gconfig-domain-input.c: an input device
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
 * SECTION:libvirt-gconfig-domain-input
 * @title: GVirConfigDomainInput
 * @short_description: An input device
 *
 * An `<input>` device: a mouse, tablet or keyboard and the bus it is on.
 */

/**
 * GVirConfigDomainInput:
 *
 * An input device.
 */
struct _GVirConfigDomainInput
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainInput, gvir_config_domain_input, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_input_class_init (GVirConfigDomainInputClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "input", NULL);
}

static void
gvir_config_domain_input_init (GVirConfigDomainInput *self)
{
}

/**
 * gvir_config_domain_input_new:
 *
 * Creates a #GVirConfigDomainInput holding an empty `<input>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainInput *
gvir_config_domain_input_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INPUT, NULL);
}

/**
 * gvir_config_domain_input_new_from_xml:
 * @xml: an XML document whose root element is `<input>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainInput. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainInput *
gvir_config_domain_input_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainInput *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_INPUT, "input", NULL, xml, error);
}

/**
 * gvir_config_domain_input_get_device_type:
 * @input: a #GVirConfigDomainInput
 *
 * Gets the kind of input device (the `type` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_INPUT_DEVICE_MOUSE if unset or unknown
 */
GVirConfigDomainInputDeviceType
gvir_config_domain_input_get_device_type (GVirConfigDomainInput *input)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INPUT (input), GVIR_CONFIG_DOMAIN_INPUT_DEVICE_MOUSE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (input), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_INPUT_DEVICE_TYPE, GVIR_CONFIG_DOMAIN_INPUT_DEVICE_MOUSE);
}

/**
 * gvir_config_domain_input_set_device_type:
 * @input: a #GVirConfigDomainInput
 * @type: the kind of input device
 *
 * Sets the kind of input device (the `type` attribute).
 */
void
gvir_config_domain_input_set_device_type (GVirConfigDomainInput *input, GVirConfigDomainInputDeviceType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INPUT (input));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_INPUT_DEVICE_TYPE, type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (input), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_INPUT_DEVICE_TYPE, type);
}

/**
 * gvir_config_domain_input_get_bus:
 * @input: a #GVirConfigDomainInput
 *
 * Gets the bus of the device (the `bus` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_INPUT_BUS_PS2 if unset or unknown
 */
GVirConfigDomainInputBus
gvir_config_domain_input_get_bus (GVirConfigDomainInput *input)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_INPUT (input), GVIR_CONFIG_DOMAIN_INPUT_BUS_PS2);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (input), NULL, "bus",
                                                 GVIR_CONFIG_TYPE_DOMAIN_INPUT_BUS, GVIR_CONFIG_DOMAIN_INPUT_BUS_PS2);
}

/**
 * gvir_config_domain_input_set_bus:
 * @input: a #GVirConfigDomainInput
 * @bus: the bus of the device
 *
 * Sets the bus of the device (the `bus` attribute).
 */
void
gvir_config_domain_input_set_bus (GVirConfigDomainInput *input, GVirConfigDomainInputBus bus)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_INPUT (input));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_INPUT_BUS, bus) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (input), NULL, "bus",
                                          GVIR_CONFIG_TYPE_DOMAIN_INPUT_BUS, bus);
}
