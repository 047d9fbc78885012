/*
 * libvirt-gobject-domain-devices.c: listing and updating a domain's devices
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/libvirt-gobject-domain-disk.h"
#include "libvirt-gobject/libvirt-gobject-domain-interface.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"

/* The public object for @config, or NULL for a kind of device that has
 * no class here. */
static GVirDomainDevice *
device_wrap (GVirDomain             *domain,
             GVirConfigDomainDevice *config)
{
  GType type;

  if (GVIR_CONFIG_IS_DOMAIN_DISK (config))
    type = GVIR_TYPE_DOMAIN_DISK;
  else if (GVIR_CONFIG_IS_DOMAIN_INTERFACE (config))
    type = GVIR_TYPE_DOMAIN_INTERFACE;
  else
    return NULL;
  return g_object_new (type, "domain", domain, "config", config, NULL);
}

/**
 * gvir_domain_get_devices:
 * @domain: the domain
 * @err: return location for a #GError, or %NULL
 *
 * Reads the domain's current configuration and wraps each of its disks
 * as a #GVirDomainDisk and each network interface as a
 * #GVirDomainInterface, in document order. Other devices are left out.
 *
 * Returns: (transfer full) (element-type GVirDomainDevice): the devices
 *   (%NULL, without error, when there are none), or %NULL with @err set;
 *   free with `g_list_free_full (list, g_object_unref)`
 */
GList *
gvir_domain_get_devices (GVirDomain  *domain,
                         GError     **err)
{
  g_autoptr(GVirConfigDomain) config = NULL;
  GList *configs;
  GList *devices = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (domain), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  config = gvir_domain_get_config (domain, 0, err);
  if (config == NULL)
    return NULL;

  configs = gvir_config_domain_get_devices (config);
  for (GList *l = configs; l != NULL; l = l->next)
    {
      GVirDomainDevice *device = device_wrap (domain, l->data);

      if (device != NULL)
        devices = g_list_prepend (devices, device);
    }
  g_list_free_full (configs, g_object_unref);
  return g_list_reverse (devices);
}

typedef struct
{
  char *xml;
  guint flags;
} UpdateArgs;

static void
update_args_free (gpointer data)
{
  UpdateArgs *args = data;

  g_free (args->xml);
  g_free (args);
}

static gboolean
op_update_device (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                  GCancellable *cancellable, GError **error)
{
  UpdateArgs *args = call->args;

  return gvir_driver_connection_update_device (drv, domain_uuid (self), args->xml, args->flags,
                                               cancellable, error);
}

/**
 * gvir_domain_update_device:
 * @dom: the domain
 * @device: the new configuration of one of the domain's devices
 * @flags: #GVirDomainUpdateDeviceFlags
 * @err: return location for a #GError, or %NULL
 *
 * Replaces a device of the domain with @device (libvirt's
 * `virDomainUpdateDeviceFlags`): the driver finds the device to replace
 * from @device, a disk by its target and an interface by its MAC address
 * in the test driver. Which kinds of device and which changes a driver
 * accepts is its choice; others fail with %GVIR_ERROR_NOT_SUPPORTED.
 *
 * Returns: %TRUE on success, else %FALSE with @err set
 */
gboolean
gvir_domain_update_device (GVirDomain              *dom,
                           GVirConfigDomainDevice  *device,
                           guint                    flags,
                           GError                 **err)
{
  g_autoptr(DomainCall) call = NULL;
  UpdateArgs *args;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DEVICE (device), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  args = g_new0 (UpdateArgs, 1);
  args->xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (device));
  args->flags = flags;
  call = domain_call_new (op_update_device, TRUE, args, update_args_free);
  return domain_call_sync (dom, call, err);
}
