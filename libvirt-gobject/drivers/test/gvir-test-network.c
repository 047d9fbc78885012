/*
 * gvir-test-network.c: the test driver's virtual networks
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
#include "libvirt-gobject/util/gvir-uuid-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "../gvir-driver-xml-private.h"

/*
 * Like libvirt's test driver, every network is persistent and active (the
 * default one, and each <network> of a configuration file), and DHCP leases
 * are not implemented: with no get_dhcp_leases slot the dispatch layer
 * answers GVIR_ERROR_NOT_SUPPORTED, as libvirt's does.
 */

/* libvirt's test:///default network. */
static const char default_network_xml[] =
  "<network>\n"
  "  <name>default</name>\n"
  "  <uuid>dd8fe884-6c02-601e-7551-cca97df1c5df</uuid>\n"
  "  <forward mode='nat'/>\n"
  "  <bridge name='virbr0' stp='on' delay='0'/>\n"
  "  <ip address='192.168.122.1' netmask='255.255.255.0'>\n"
  "    <dhcp>\n"
  "      <range start='192.168.122.2' end='192.168.122.254'/>\n"
  "    </dhcp>\n"
  "  </ip>\n"
  "</network>\n";

/* ---- definitions ---------------------------------------------------------- */

/* Name and UUID: the name is required; a missing UUID gets a random one
 * and a given one is written back in canonical form. */
static gboolean
check_identity (GVirConfigNetwork  *def,
                GError            **error)
{
  const char *name = gvir_config_network_get_name (def);
  const char *uuid = gvir_config_network_get_uuid (def);
  g_autofree char *text = NULL;
  char canon[GVIR_UUID_STRING_SIZE];

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "network XML has no <name> (a name is required)");
      return FALSE;
    }
  if (uuid == NULL && !gvir_config_object_has_child (GVIR_CONFIG_OBJECT (def), "uuid"))
    {
      gvir_uuid_generate (canon);
      gvir_config_network_set_uuid (def, canon);
      return TRUE;
    }
  text = g_strstrip (g_strdup (uuid ? uuid : ""));
  if (!gvir_uuid_canonicalize (text, canon))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "network '%s': invalid UUID '%s'", name, text);
      return FALSE;
    }
  gvir_config_network_set_uuid (def, canon);
  return TRUE;
}

GVirConfigNetwork *
gvir_test_network_read_node (xmlNode  *node,
                             GError  **error)
{
  g_autoptr(GVirConfigObject) def = gvir_test_config_read_node (node, "network",
                                                                GVIR_CONFIG_TYPE_NETWORK, error);

  if (def == NULL || !check_identity (GVIR_CONFIG_NETWORK (def), error))
    return NULL;
  return GVIR_CONFIG_NETWORK (g_steal_pointer (&def));
}

static GVirConfigNetwork *
find_network (GVirTestHost *host,
              const char   *name,
              const char   *uuid)
{
  guint i;

  for (i = 0; i < host->networks->len; i++)
    {
      GVirConfigNetwork *def = host->networks->pdata[i];

      if (g_strcmp0 (gvir_config_network_get_name (def), name) == 0 ||
          g_strcmp0 (gvir_config_network_get_uuid (def), uuid) == 0)
        return def;
    }
  return NULL;
}

gboolean
gvir_test_host_add_network (GVirTestHost       *host,
                            GVirConfigNetwork  *def,
                            GError            **error)
{
  const char *name = gvir_config_network_get_name (def);
  const char *uuid = gvir_config_network_get_uuid (def);

  if (find_network (host, name, uuid) != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                   "a network named '%s' or with UUID %s exists already", name, uuid);
      return FALSE;
    }
  g_ptr_array_add (host->networks, g_object_ref (def));
  return TRUE;
}

void
gvir_test_host_add_default_network (GVirTestHost *host)
{
  g_autoptr(GVirConfigNetwork) def = gvir_config_network_new_from_xml (default_network_xml, NULL);

  g_assert (def != NULL);
  g_ptr_array_add (host->networks, g_steal_pointer (&def));
}

/* ---- the table ------------------------------------------------------------- */

static GVirDriverNetwork *
describe (GVirConfigNetwork *def)
{
  GVirDriverNetwork desc = {
    .name = (char *) gvir_config_network_get_name (def),
    .uuid = (char *) gvir_config_network_get_uuid (def),
  };

  return gvir_driver_network_copy (&desc);
}

static GPtrArray *
test_list_networks (gpointer       handle,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GVirTestHost *host = gvir_test_handle_lock (handle);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_network_free);
  guint i;

  for (i = 0; i < host->networks->len; i++)
    g_ptr_array_add (list, describe (host->networks->pdata[i]));
  gvir_test_handle_unlock (handle);
  return list;
}

/* The network named @name or with UUID @uuid (one of them NULL), or NULL
 * with GVIR_ERROR_NOT_FOUND; called with the state locked. */
static GVirConfigNetwork *
lookup (GVirTestHost  *host,
        const char    *name,
        const char    *uuid,
        GError       **error)
{
  char canon[GVIR_UUID_STRING_SIZE];
  GVirConfigNetwork *def = NULL;

  if (name != NULL)
    def = find_network (host, name, NULL);
  else if (gvir_uuid_canonicalize (uuid, canon))
    def = find_network (host, NULL, canon);
  if (def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no network %s '%s'",
                 name ? "named" : "with UUID", name ? name : uuid);
  return def;
}

static GVirDriverNetwork *
lookup_described (gpointer     handle,
                  const char  *name,
                  const char  *uuid,
                  GError     **error)
{
  GVirConfigNetwork *def = lookup (gvir_test_handle_lock (handle), name, uuid, error);
  GVirDriverNetwork *desc = def ? describe (def) : NULL;

  gvir_test_handle_unlock (handle);
  return desc;
}

static GVirDriverNetwork *
test_lookup_network_by_uuid (gpointer       handle,
                             const char    *uuid,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return lookup_described (handle, NULL, uuid, error);
}

static GVirDriverNetwork *
test_lookup_network_by_name (gpointer       handle,
                             const char    *name,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return lookup_described (handle, name, NULL, error);
}

/* Every network is active and has no pending change, so the inactive
 * flag changes nothing. */
static char *
test_get_network_xml (gpointer       handle,
                      const char    *uuid,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirConfigNetwork *def = lookup (gvir_test_handle_lock (handle), NULL, uuid, error);
  char *xml = def ? gvir_driver_xml_format_object (GVIR_CONFIG_OBJECT (def)) : NULL;

  gvir_test_handle_unlock (handle);
  return xml;
}

const GVirDriverNetworkFuncs gvir_test_network_funcs = {
  .list_networks = test_list_networks,
  .lookup_network_by_uuid = test_lookup_network_by_uuid,
  .lookup_network_by_name = test_lookup_network_by_name,
  .get_network_xml = test_get_network_xml,
};
