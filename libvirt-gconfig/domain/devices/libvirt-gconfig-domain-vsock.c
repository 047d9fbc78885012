/*
 * libvirt-gconfig-domain-vsock.c: a VM socket device
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
 * SECTION:libvirt-gconfig-domain-vsock
 * @title: GVirConfigDomainVsock
 * @short_description: A VM socket device
 *
 * A `<vsock>` device: a virtio socket whose guest context id is set in `<cid>`.
 */

/**
 * GVirConfigDomainVsock:
 *
 * A VM socket device.
 */
struct _GVirConfigDomainVsock
{
  GVirConfigDomainDevice parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainVsock, gvir_config_domain_vsock, GVIR_CONFIG_TYPE_DOMAIN_DEVICE)

static void
gvir_config_domain_vsock_class_init (GVirConfigDomainVsockClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "vsock", NULL);
}

static void
gvir_config_domain_vsock_init (GVirConfigDomainVsock *self)
{
}

/**
 * gvir_config_domain_vsock_new:
 *
 * Creates a #GVirConfigDomainVsock holding an empty `<vsock>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainVsock *
gvir_config_domain_vsock_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_VSOCK, NULL);
}

/**
 * gvir_config_domain_vsock_new_from_xml:
 * @xml: an XML document whose root element is `<vsock>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainVsock. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainVsock *
gvir_config_domain_vsock_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainVsock *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_VSOCK, "vsock", NULL, xml, error);
}

/**
 * gvir_config_domain_vsock_get_cid_address:
 * @vsock: a #GVirConfigDomainVsock
 *
 * Gets the guest context id (the `address` attribute of `<cid>`).
 *
 * Returns: the value, or 0 if unset or invalid
 */
guint
gvir_config_domain_vsock_get_cid_address (GVirConfigDomainVsock *vsock)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VSOCK (vsock), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (vsock), "cid", "address", G_MAXUINT64);
  if (value > G_MAXUINT)
    return 0;
  return value;
}

/**
 * gvir_config_domain_vsock_set_cid_address:
 * @vsock: a #GVirConfigDomainVsock
 * @address: the new value
 *
 * Sets the guest context id (the `address` attribute of `<cid>`). Context ids 0 to 2 are reserved.
 */
void
gvir_config_domain_vsock_set_cid_address (GVirConfigDomainVsock *vsock, guint address)
{
  char buf[32];

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VSOCK (vsock));
  g_return_if_fail (address >= 3);

  g_snprintf (buf, sizeof buf, "%u", (guint) address);
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (vsock), "cid", "address", buf);
}

/**
 * gvir_config_domain_vsock_get_cid_auto:
 * @vsock: a #GVirConfigDomainVsock
 *
 * Gets whether the hypervisor picks the context id (the `auto` attribute of `<cid>`).
 *
 * Returns: the value; %FALSE if unset
 */
gboolean
gvir_config_domain_vsock_get_cid_auto (GVirConfigDomainVsock *vsock)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_VSOCK (vsock), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (vsock), "cid", "auto", FALSE);
}

/**
 * gvir_config_domain_vsock_set_cid_auto:
 * @vsock: a #GVirConfigDomainVsock
 * @auto_cid: the new value
 *
 * Sets whether the hypervisor picks the context id, written as "yes" or "no" in the `auto` attribute of `<cid>`.
 */
void
gvir_config_domain_vsock_set_cid_auto (GVirConfigDomainVsock *vsock, gboolean auto_cid)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_VSOCK (vsock));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (vsock), "cid", "auto", auto_cid);
}
