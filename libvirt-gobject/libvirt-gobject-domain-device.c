/*
 * libvirt-gobject-domain-device.c: a device of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain-device.h"
#include "libvirt-gobject/libvirt-gobject-domain-device-private.h"

/**
 * SECTION:libvirt-gobject-domain-device
 * @title: GVirDomainDevice
 * @short_description: A device of a domain
 *
 * #GVirDomainDevice pairs a #GVirDomain with the configuration of one of
 * its devices, as gvir_domain_get_devices() read it. Its subclasses
 * #GVirDomainDisk and #GVirDomainInterface ask the domain's driver about
 * that device. The configuration is a snapshot: it does not follow later
 * changes of the domain.
 *
 * |[<!-- language="C" -->
 * GList *devices = gvir_domain_get_devices (dom, &error);
 * for (GList *l = devices; l != NULL; l = l->next)
 *   if (GVIR_IS_DOMAIN_DISK (l->data))
 *     stats = gvir_domain_disk_get_stats (l->data, &error);
 * ]|
 */

typedef struct
{
  GVirDomain *domain;
  GVirConfigDomainDevice *config;
} GVirDomainDevicePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GVirDomainDevice, gvir_domain_device, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_DOMAIN,
  PROP_CONFIG,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gvir_domain_device_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  GVirDomainDevicePrivate *priv =
    gvir_domain_device_get_instance_private (GVIR_DOMAIN_DEVICE (object));

  switch (prop_id)
    {
    case PROP_DOMAIN:
      g_value_set_object (value, priv->domain);
      break;
    case PROP_CONFIG:
      g_value_set_object (value, priv->config);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_domain_device_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  GVirDomainDevicePrivate *priv =
    gvir_domain_device_get_instance_private (GVIR_DOMAIN_DEVICE (object));

  switch (prop_id)
    {
    case PROP_DOMAIN:
      priv->domain = g_value_dup_object (value);
      break;
    case PROP_CONFIG:
      priv->config = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_domain_device_dispose (GObject *object)
{
  GVirDomainDevicePrivate *priv =
    gvir_domain_device_get_instance_private (GVIR_DOMAIN_DEVICE (object));

  g_clear_object (&priv->domain);
  g_clear_object (&priv->config);

  G_OBJECT_CLASS (gvir_domain_device_parent_class)->dispose (object);
}

static void
gvir_domain_device_class_init (GVirDomainDeviceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvir_domain_device_get_property;
  object_class->set_property = gvir_domain_device_set_property;
  object_class->dispose = gvir_domain_device_dispose;

  /**
   * GVirDomainDevice:domain:
   *
   * The domain the device belongs to.
   */
  properties[PROP_DOMAIN] =
    g_param_spec_object ("domain", "Domain", "The domain the device belongs to",
                         GVIR_TYPE_DOMAIN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * GVirDomainDevice:config:
   *
   * The configuration of the device, as read from the domain.
   */
  properties[PROP_CONFIG] =
    g_param_spec_object ("config", "Config", "The configuration of the device",
                         GVIR_CONFIG_TYPE_DOMAIN_DEVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gvir_domain_device_init (GVirDomainDevice *self)
{
}

/**
 * gvir_domain_device_get_domain:
 * @device: the device
 *
 * Gets the domain the device belongs to.
 *
 * Returns: (transfer full): the domain the device belongs to
 */
GVirDomain *
gvir_domain_device_get_domain (GVirDomainDevice *device)
{
  GVirDomainDevicePrivate *priv;

  g_return_val_if_fail (GVIR_IS_DOMAIN_DEVICE (device), NULL);

  priv = gvir_domain_device_get_instance_private (device);
  return g_object_ref (priv->domain);
}

/**
 * gvir_domain_device_get_config:
 * @device: the device
 *
 * Gets the configuration of the device as gvir_domain_get_devices() read
 * it; later changes of the domain do not show in it.
 *
 * Returns: (transfer full): the configuration of the device
 */
GVirConfigDomainDevice *
gvir_domain_device_get_config (GVirDomainDevice *device)
{
  GVirDomainDevicePrivate *priv;

  g_return_val_if_fail (GVIR_IS_DOMAIN_DEVICE (device), NULL);

  priv = gvir_domain_device_get_instance_private (device);
  return g_object_ref (priv->config);
}

GVirDomain *
_gvir_domain_device_peek_domain (GVirDomainDevice *device)
{
  GVirDomainDevicePrivate *priv = gvir_domain_device_get_instance_private (device);

  return priv->domain;
}

GVirConfigDomainDevice *
_gvir_domain_device_peek_config (GVirDomainDevice *device)
{
  GVirDomainDevicePrivate *priv = gvir_domain_device_get_instance_private (device);

  return priv->config;
}
