/*
 * libvirt-gconfig-domain-controller.c: base class of controllers
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
#include "libvirt-gconfig/libvirt-gconfig-domain-device-private.h"

/**
 * SECTION:libvirt-gconfig-domain-controller
 * @title: GVirConfigDomainController
 * @short_description: Base class of controllers
 *
 * A `<controller>` device: a bus controller with an index among the
 * controllers of its type, a number of ports and a guest address.
 */

/**
 * GVirConfigDomainController:
 *
 * Base class of controllers.
 */
G_DEFINE_ABSTRACT_TYPE (GVirConfigDomainController, gvir_config_domain_controller, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_controller_class_init (GVirConfigDomainControllerClass *klass)
{
}

static void
gvir_config_domain_controller_init (GVirConfigDomainController *self)
{
}

/**
 * gvir_config_domain_controller_get_index:
 * @controller: a #GVirConfigDomainController
 *
 * Gets the index of the controller among those of its type (the `index` attribute).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_controller_get_index (GVirConfigDomainController *controller)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER (controller), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (controller), NULL, "index", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_controller_set_index:
 * @controller: a #GVirConfigDomainController
 * @index: the new value
 *
 * Sets the index of the controller among those of its type (the `index` attribute).
 */
void
gvir_config_domain_controller_set_index (GVirConfigDomainController *controller, guint index)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER (controller));

  g_snprintf (buf, sizeof buf, "%u", (guint) index);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (controller), NULL, "index", buf);
}

/**
 * gvir_config_domain_controller_get_ports:
 * @controller: a #GVirConfigDomainController
 *
 * Gets the number of ports of the controller (the `ports` attribute).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_controller_get_ports (GVirConfigDomainController *controller)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER (controller), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (controller), NULL, "ports", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_controller_set_ports:
 * @controller: a #GVirConfigDomainController
 * @ports: the new value
 *
 * Sets the number of ports of the controller (the `ports` attribute).
 */
void
gvir_config_domain_controller_set_ports (GVirConfigDomainController *controller, guint ports)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER (controller));

  g_snprintf (buf, sizeof buf, "%u", (guint) ports);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (controller), NULL, "ports", buf);
}

/**
 * gvir_config_domain_controller_get_address:
 * @controller: a #GVirConfigDomainController
 *
 * Gets a live view of the guest address of the controller.
 *
 * Returns: (transfer full) (nullable): the address, or %NULL if there is none
 *   or its type has no class
 */
GVirConfigDomainAddress *
gvir_config_domain_controller_get_address (GVirConfigDomainController *controller)
{
  GVirConfigObject *self;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER (controller), NULL);

  self = GVIR_CONFIG_OBJECT (controller);
  return gvir_config_domain_address_new_view (self, gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "address"));
}

/**
 * gvir_config_domain_controller_set_address:
 * @controller: a #GVirConfigDomainController
 * @address: (nullable): the address, or %NULL to remove it
 *
 * Replaces the guest address of the controller. @address becomes part of
 * @controller's document.
 */
void
gvir_config_domain_controller_set_address (GVirConfigDomainController *controller,
                                           GVirConfigDomainAddress *address)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER (controller));
  g_return_if_fail (address == NULL || GVIR_CONFIG_IS_DOMAIN_ADDRESS (address));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (controller), "address",
                                     (GVirConfigObject *) address);
}
