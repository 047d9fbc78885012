/*
 * libvirt-gconfig-domain-controller-usb.c: a USB controller
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
 * SECTION:libvirt-gconfig-domain-controller-usb
 * @title: GVirConfigDomainControllerUsb
 * @short_description: A USB controller
 *
 * A `<controller type="usb">`. Companion controllers (UHCI next to an EHCI
 * master) share the master's index and name their first port with
 * gvir_config_domain_controller_usb_set_master().
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainControllerUsb) ehci = gvir_config_domain_controller_usb_new ();
 * g_autoptr(GVirConfigDomainControllerUsb) uhci = gvir_config_domain_controller_usb_new ();
 * gvir_config_domain_controller_usb_set_model (ehci, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_EHCI1);
 * gvir_config_domain_controller_set_index (GVIR_CONFIG_DOMAIN_CONTROLLER (ehci), 1);
 * gvir_config_domain_controller_usb_set_model (uhci, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI1);
 * gvir_config_domain_controller_usb_set_master (uhci, ehci, 0);
 * ]|
 */

/**
 * GVirConfigDomainControllerUsb:
 *
 * A USB controller.
 */
struct _GVirConfigDomainControllerUsb
{
  GVirConfigDomainController parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainControllerUsb, gvir_config_domain_controller_usb, GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_controller_usb_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_controller_usb_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "type") == NULL)
    gvir_config_object_set_attribute (self, NULL, "type", "usb");
}

static void
gvir_config_domain_controller_usb_class_init (GVirConfigDomainControllerUsbClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_controller_usb_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "controller", NULL);
}

static void
gvir_config_domain_controller_usb_init (GVirConfigDomainControllerUsb *self)
{
}

/**
 * gvir_config_domain_controller_usb_new:
 *
 * Creates a #GVirConfigDomainControllerUsb holding an empty `<controller>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainControllerUsb *
gvir_config_domain_controller_usb_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB, NULL);
}

/**
 * gvir_config_domain_controller_usb_new_from_xml:
 * @xml: an XML document whose root element is `<controller>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainControllerUsb. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainControllerUsb *
gvir_config_domain_controller_usb_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainControllerUsb *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB, "controller", NULL, xml, error);
}

/**
 * gvir_config_domain_controller_usb_get_model:
 * @controller: a #GVirConfigDomainControllerUsb
 *
 * Gets the controller model (the `model` attribute).
 *
 * Returns: the value; %GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX3_UHCI if unset or unknown
 */
GVirConfigDomainControllerUsbModel
gvir_config_domain_controller_usb_get_model (GVirConfigDomainControllerUsb *controller)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER_USB (controller), GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX3_UHCI);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (controller), NULL, "model",
                                                 GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB_MODEL, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX3_UHCI);
}

/**
 * gvir_config_domain_controller_usb_set_model:
 * @controller: a #GVirConfigDomainControllerUsb
 * @model: the controller model
 *
 * Sets the controller model (the `model` attribute).
 */
void
gvir_config_domain_controller_usb_set_model (GVirConfigDomainControllerUsb *controller, GVirConfigDomainControllerUsbModel model)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER_USB (controller));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB_MODEL, model) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (controller), NULL, "model",
                                          GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB_MODEL, model);
}

/**
 * gvir_config_domain_controller_usb_set_master:
 * @controller: a #GVirConfigDomainControllerUsb
 * @master: the EHCI controller this one is a companion of
 * @startport: the first port of @master that @controller serves
 *
 * Makes @controller a companion of @master: it takes @master's index and
 * gets `<master startport="...">`.
 */
void
gvir_config_domain_controller_usb_set_master (GVirConfigDomainControllerUsb *controller,
                                              GVirConfigDomainControllerUsb *master,
                                              guint startport)
{
  guint index;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER_USB (controller));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER_USB (master));

  index = gvir_config_domain_controller_get_index (GVIR_CONFIG_DOMAIN_CONTROLLER (master));
  gvir_config_domain_controller_set_index (GVIR_CONFIG_DOMAIN_CONTROLLER (controller), index);
  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (controller), "master", "startport", startport);
}

/**
 * gvir_config_domain_controller_usb_get_master_startport:
 * @controller: a #GVirConfigDomainControllerUsb
 *
 * Gets the first port of the master controller that @controller serves.
 *
 * Returns: the start port, or -1 if @controller is not a companion
 */
gint
gvir_config_domain_controller_usb_get_master_startport (GVirConfigDomainControllerUsb *controller)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CONTROLLER_USB (controller), -1);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (controller), "master", "startport", G_MAXUINT64);
  return value > G_MAXINT ? -1 : (gint) value;
}
