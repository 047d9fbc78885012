/*
 * gvir-test-interface.c: the test driver's host network interfaces
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-test-private.h"
#include "../gvir-driver-xml-private.h"

/*
 * Like libvirt's test driver, every interface is active (the default
 * 'eth1', and each <interface> of a configuration file) and has no pending
 * change, so the inactive XML flag changes nothing.
 */

/* libvirt's test:///default interface, in the order libvirt's formatter
 * writes an ethernet interface (its MAC address last), so that its XML
 * reads as libvirtd's does. */
static const char default_interface_xml[] =
  "<interface type='ethernet' name='eth1'>\n"
  "  <start mode='onboot'/>\n"
  "  <mtu size='1492'/>\n"
  "  <protocol family='ipv4'>\n"
  "    <ip address='192.168.0.5' prefix='24'/>\n"
  "    <route gateway='192.168.0.1'/>\n"
  "  </protocol>\n"
  "  <mac address='aa:bb:cc:dd:ee:ff'/>\n"
  "</interface>\n";

/* ---- definitions ---------------------------------------------------------- */

GVirConfigInterface *
gvir_test_interface_read_node (xmlNode  *node,
                               GError  **error)
{
  g_autoptr(GVirConfigObject) def = gvir_test_config_read_node (node, "interface",
                                                                GVIR_CONFIG_TYPE_INTERFACE, error);
  const char *name;

  if (def == NULL)
    return NULL;
  name = gvir_config_interface_get_name (GVIR_CONFIG_INTERFACE (def));
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "interface XML has no name attribute (a name is required)");
      return NULL;
    }
  return GVIR_CONFIG_INTERFACE (g_steal_pointer (&def));
}

/* The interface named @name, or NULL; called with the state locked. */
static GVirConfigInterface *
find_by_name (GVirTestHost *host,
              const char   *name)
{
  guint i;

  for (i = 0; i < host->interfaces->len; i++)
    {
      GVirConfigInterface *def = host->interfaces->pdata[i];

      if (g_strcmp0 (gvir_config_interface_get_name (def), name) == 0)
        return def;
    }
  return NULL;
}

gboolean
gvir_test_host_add_interface (GVirTestHost         *host,
                              GVirConfigInterface  *def,
                              GError              **error)
{
  const char *name = gvir_config_interface_get_name (def);

  if (find_by_name (host, name) != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                   "an interface named '%s' exists already", name);
      return FALSE;
    }
  g_ptr_array_add (host->interfaces, g_object_ref (def));
  return TRUE;
}

void
gvir_test_host_add_default_interface (GVirTestHost *host)
{
  g_autoptr(GVirConfigInterface) def = gvir_config_interface_new_from_xml (default_interface_xml,
                                                                           NULL);

  g_assert (def != NULL);
  g_ptr_array_add (host->interfaces, g_steal_pointer (&def));
}

/* ---- the table ------------------------------------------------------------- */

static GVirDriverInterface *
describe (GVirConfigInterface *def)
{
  const char *mac = gvir_config_interface_get_mac (def);
  GVirDriverInterface desc = {
    .name = (char *) gvir_config_interface_get_name (def),
    .mac = (char *) (mac ? mac : ""),
  };

  return gvir_driver_interface_copy (&desc);
}

static GPtrArray *
test_list_interfaces (gpointer       handle,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirTestHost *host = gvir_test_handle_lock (handle);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_interface_free);
  guint i;

  for (i = 0; i < host->interfaces->len; i++)
    g_ptr_array_add (list, describe (host->interfaces->pdata[i]));
  gvir_test_handle_unlock (handle);
  return list;
}

/* The interface named @name, or NULL with GVIR_ERROR_NOT_FOUND; called
 * with the state locked. */
static GVirConfigInterface *
lookup_name (GVirTestHost  *host,
             const char    *name,
             GError       **error)
{
  GVirConfigInterface *def = find_by_name (host, name);

  if (def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no interface named '%s'", name);
  return def;
}

/* The one interface whose MAC address is @mac in any letter case: none is
 * GVIR_ERROR_NOT_FOUND, several (which libvirt's test driver also
 * refuses) GVIR_ERROR_INVALID_ARGUMENT. Called with the state locked. */
static GVirConfigInterface *
lookup_mac (GVirTestHost  *host,
            const char    *mac,
            GError       **error)
{
  GVirConfigInterface *found = NULL;
  guint matches = 0;
  guint i;

  for (i = 0; i < host->interfaces->len; i++)
    {
      GVirConfigInterface *def = host->interfaces->pdata[i];
      const char *own = gvir_config_interface_get_mac (def);

      if (own != NULL && g_ascii_strcasecmp (own, mac) == 0)
        {
          found = def;
          matches++;
        }
    }
  if (matches == 0)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no interface with MAC address '%s'",
                 mac);
  else if (matches > 1)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "%u interfaces have MAC address '%s'; look one up by name", matches, mac);
  return matches == 1 ? found : NULL;
}

static GVirDriverInterface *
test_lookup_interface_by_name (gpointer       handle,
                               const char    *name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GVirConfigInterface *def = lookup_name (gvir_test_handle_lock (handle), name, error);
  GVirDriverInterface *desc = def ? describe (def) : NULL;

  gvir_test_handle_unlock (handle);
  return desc;
}

static GVirDriverInterface *
test_lookup_interface_by_mac (gpointer       handle,
                              const char    *mac,
                              GCancellable  *cancellable,
                              GError       **error)
{
  GVirConfigInterface *def = lookup_mac (gvir_test_handle_lock (handle), mac, error);
  GVirDriverInterface *desc = def ? describe (def) : NULL;

  gvir_test_handle_unlock (handle);
  return desc;
}

static char *
test_get_interface_xml (gpointer       handle,
                        const char    *name,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GVirConfigInterface *def = lookup_name (gvir_test_handle_lock (handle), name, error);
  char *xml = def ? gvir_driver_xml_format_object (GVIR_CONFIG_OBJECT (def)) : NULL;

  gvir_test_handle_unlock (handle);
  return xml;
}

const GVirDriverInterfaceFuncs gvir_test_interface_funcs = {
  .list_interfaces = test_list_interfaces,
  .lookup_interface_by_name = test_lookup_interface_by_name,
  .lookup_interface_by_mac = test_lookup_interface_by_mac,
  .get_interface_xml = test_get_interface_xml,
};
