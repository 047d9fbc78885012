/*
 * libvirt-gconfig-domain-serial.c: a serial port
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
 * SECTION:libvirt-gconfig-domain-serial
 * @title: GVirConfigDomainSerial
 * @short_description: A serial port
 *
 * A `<serial>` device: a serial port whose host end is set with
 * gvir_config_domain_chardev_set_source().
 */

/**
 * GVirConfigDomainSerial:
 *
 * A serial port.
 */
struct _GVirConfigDomainSerial
{
  GVirConfigDomainChardev parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSerial, gvir_config_domain_serial, GVIR_CONFIG_TYPE_DOMAIN_CHARDEV)

static void
gvir_config_domain_serial_class_init (GVirConfigDomainSerialClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "serial", NULL);
}

static void
gvir_config_domain_serial_init (GVirConfigDomainSerial *self)
{
}

/**
 * gvir_config_domain_serial_new:
 *
 * Creates a #GVirConfigDomainSerial holding an empty `<serial>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSerial *
gvir_config_domain_serial_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SERIAL, NULL);
}

/**
 * gvir_config_domain_serial_new_from_xml:
 * @xml: an XML document whose root element is `<serial>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSerial. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSerial *
gvir_config_domain_serial_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSerial *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SERIAL, "serial", NULL, xml, error);
}
