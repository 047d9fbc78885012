/*
 * gvir-test-devices.c: the test driver's disks and network interfaces
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "gvir-test-private.h"

/*
 * Statistics: like libvirt's test driver, every counter is derived from
 * one base figure by a fixed divisor; libvirt takes the wall clock as the
 * base, ours is the constant GVIR_TEST_STATS_BASE so that answers are
 * reproducible:
 *   disk:      rd_req base/10, rd_bytes base/20, wr_req base/30,
 *              wr_bytes base/40, errs 5
 *   interface: rx_bytes base/10, rx_packets base/100, rx_errs 1, rx_drop 2,
 *              tx_bytes base/20, tx_packets base/110, tx_errs 3, tx_drop 4
 */

void
gvir_test_block_stats_fill (GVirDriverBlockStats *stats)
{
  stats->rd_req = GVIR_TEST_STATS_BASE / 10;
  stats->rd_bytes = GVIR_TEST_STATS_BASE / 20;
  stats->wr_req = GVIR_TEST_STATS_BASE / 30;
  stats->wr_bytes = GVIR_TEST_STATS_BASE / 40;
  stats->errs = 5;
}

void
gvir_test_interface_stats_fill (GVirDriverInterfaceStats *stats)
{
  stats->rx_bytes = GVIR_TEST_STATS_BASE / 10;
  stats->rx_packets = GVIR_TEST_STATS_BASE / 100;
  stats->rx_errs = 1;
  stats->rx_drop = 2;
  stats->tx_bytes = GVIR_TEST_STATS_BASE / 20;
  stats->tx_packets = GVIR_TEST_STATS_BASE / 110;
  stats->tx_errs = 3;
  stats->tx_drop = 4;
}

static gboolean
disk_is_named (GVirConfigDomainDisk *disk,
               const char           *name)
{
  return g_strcmp0 (gvir_config_domain_disk_get_target_dev (disk), name) == 0 ||
         g_strcmp0 (gvir_config_domain_disk_get_source (disk), name) == 0;
}

static gboolean
interface_is_named (GVirConfigDomainInterface *iface,
                    const char                *name)
{
  const char *mac = gvir_config_domain_interface_get_mac (iface);

  return g_strcmp0 (gvir_config_domain_interface_get_ifname (iface), name) == 0 ||
         (mac != NULL && g_ascii_strcasecmp (mac, name) == 0);
}

/* Whether @device is a disk or interface that @name designates. */
static gboolean
device_is_named (GVirConfigDomainDevice *device,
                 const char             *name)
{
  if (GVIR_CONFIG_IS_DOMAIN_DISK (device))
    return disk_is_named (GVIR_CONFIG_DOMAIN_DISK (device), name);
  if (GVIR_CONFIG_IS_DOMAIN_INTERFACE (device))
    return interface_is_named (GVIR_CONFIG_DOMAIN_INTERFACE (device), name);
  return FALSE;
}

static gboolean
def_has_device (GVirConfigDomain *def,
                GType             type,
                const char       *name)
{
  GList *devices = gvir_config_domain_get_devices (def);
  gboolean found = FALSE;

  for (GList *l = devices; l != NULL && !found; l = l->next)
    found = G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && device_is_named (l->data, name);
  g_list_free_full (devices, g_object_unref);
  return found;
}

gboolean
gvir_test_def_check_disk (GVirConfigDomain  *def,
                          const char        *name,
                          GError           **error)
{
  if (def_has_device (def, GVIR_CONFIG_TYPE_DOMAIN_DISK, name))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
               "domain '%s' has no disk with target or source '%s'",
               gvir_config_domain_get_name (def), name);
  return FALSE;
}

gboolean
gvir_test_def_check_interface (GVirConfigDomain  *def,
                               const char        *name,
                               GError           **error)
{
  if (def_has_device (def, GVIR_CONFIG_TYPE_DOMAIN_INTERFACE, name))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
               "domain '%s' has no network interface with target or MAC address '%s'",
               gvir_config_domain_get_name (def), name);
  return FALSE;
}

/* The one device @xml describes, read through a wrapping domain so that
 * libvirt-gconfig picks the device's class. */
static GVirConfigDomainDevice *
read_device (const char  *xml,
             GError     **error)
{
  g_autofree char *wrapped =
    g_strconcat ("<domain type='test'><name>device</name><devices>", xml,
                 "</devices></domain>", NULL);
  g_autoptr(GVirConfigDomain) holder = gvir_config_domain_new_from_xml (wrapped, NULL);
  GList *devices = holder != NULL ? gvir_config_domain_get_devices (holder) : NULL;
  GVirConfigDomainDevice *device = NULL;

  if (devices != NULL && devices->next == NULL)
    device = g_object_ref (devices->data);
  g_list_free_full (devices, g_object_unref);
  if (device == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "the device XML is not exactly one well-formed device element");
  return device;
}

/* The name by which a disk (its target) or an interface (its MAC address)
 * is matched against the definition's devices, or NULL. */
static const char *
device_key (GVirConfigDomainDevice *device)
{
  if (GVIR_CONFIG_IS_DOMAIN_DISK (device))
    return gvir_config_domain_disk_get_target_dev (GVIR_CONFIG_DOMAIN_DISK (device));
  if (GVIR_CONFIG_IS_DOMAIN_INTERFACE (device))
    return gvir_config_domain_interface_get_mac (GVIR_CONFIG_DOMAIN_INTERFACE (device));
  return NULL;
}

/* Disks match disks and interfaces interfaces, whatever their type. */
static GType
device_family (gpointer device)
{
  if (GVIR_CONFIG_IS_DOMAIN_DISK (device))
    return GVIR_CONFIG_TYPE_DOMAIN_DISK;
  if (GVIR_CONFIG_IS_DOMAIN_INTERFACE (device))
    return GVIR_CONFIG_TYPE_DOMAIN_INTERFACE;
  return G_TYPE_INVALID;
}

/* Replaces in @devices the device of @device's family named @key; FALSE
 * when there is none. */
static gboolean
replace_device (GList                  *devices,
                GVirConfigDomainDevice *device,
                const char             *key)
{
  for (GList *l = devices; l != NULL; l = l->next)
    {
      if (device_family (l->data) != device_family (device) || !device_is_named (l->data, key))
        continue;
      g_object_unref (l->data);
      l->data = g_object_ref (device);
      return TRUE;
    }
  return FALSE;
}

GVirConfigDomain *
gvir_test_def_with_device (GVirConfigDomain  *def,
                           const char        *xml,
                           GError           **error)
{
  g_autoptr(GVirConfigDomainDevice) device = read_device (xml, error);
  g_autofree char *def_xml = NULL;
  g_autoptr(GVirConfigDomain) copy = NULL;
  const char *key;
  GList *devices;
  gboolean replaced;

  if (device == NULL)
    return NULL;
  key = device_key (device);
  if (key == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "the test driver updates disks (by target) and network interfaces "
                   "(by MAC address) only");
      return NULL;
    }

  def_xml = gvir_test_def_format (def, -1);
  copy = gvir_test_def_read_string (def_xml, error);
  if (copy == NULL)
    return NULL;
  devices = gvir_config_domain_get_devices (copy);
  replaced = replace_device (devices, device, key);
  if (replaced)
    gvir_config_domain_set_devices (copy, devices);
  g_list_free_full (devices, g_object_unref);
  if (!replaced)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                   "domain '%s' has no such device to update: '%s'",
                   gvir_config_domain_get_name (def), key);
      return NULL;
    }
  return g_steal_pointer (&copy);
}
