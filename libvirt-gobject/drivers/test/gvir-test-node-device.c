/*
 * gvir-test-node-device.c: the test driver's host devices
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
 * The devices of libvirt's test:///default (a system 'computer', two SCSI
 * hosts with Fibre Channel capabilities and a virtual port of the first),
 * as libvirt 9.0's test driver shows them (it fills in the unique ids and
 * fabric names and counts no virtual port), and each <device> of a
 * configuration file. Like libvirt's test driver, devices can only be
 * listed and read.
 */
static const char *const default_device_xmls[] = {
  "<device>\n"
  "  <name>computer</name>\n"
  "  <capability type='system'>\n"
  "    <hardware>\n"
  "      <vendor>Libvirt</vendor>\n"
  "      <version>Test driver</version>\n"
  "      <serial>123456</serial>\n"
  "      <uuid>11111111-2222-3333-4444-555555555555</uuid>\n"
  "    </hardware>\n"
  "    <firmware>\n"
  "      <vendor>Libvirt</vendor>\n"
  "      <version>Test Driver</version>\n"
  "      <release_date>01/22/2007</release_date>\n"
  "    </firmware>\n"
  "  </capability>\n"
  "</device>\n",
  "<device>\n"
  "  <name>scsi_host1</name>\n"
  "  <parent>computer</parent>\n"
  "  <capability type='scsi_host'>\n"
  "    <host>1</host>\n"
  "    <unique_id>0</unique_id>\n"
  "    <capability type='fc_host'>\n"
  "      <wwnn>2000000012341234</wwnn>\n"
  "      <wwpn>1000000012341234</wwpn>\n"
  "      <fabric_wwn>2000000043214321</fabric_wwn>\n"
  "    </capability>\n"
  "    <capability type='vport_ops'>\n"
  "      <max_vports>0</max_vports>\n"
  "      <vports>0</vports>\n"
  "    </capability>\n"
  "  </capability>\n"
  "</device>\n",
  "<device>\n"
  "  <name>scsi_host2</name>\n"
  "  <parent>computer</parent>\n"
  "  <capability type='scsi_host'>\n"
  "    <host>2</host>\n"
  "    <unique_id>1</unique_id>\n"
  "    <capability type='fc_host'>\n"
  "      <wwnn>2000000056785678</wwnn>\n"
  "      <wwpn>1000000056785678</wwpn>\n"
  "      <fabric_wwn>2000000087658765</fabric_wwn>\n"
  "    </capability>\n"
  "    <capability type='vport_ops'>\n"
  "      <max_vports>0</max_vports>\n"
  "      <vports>0</vports>\n"
  "    </capability>\n"
  "  </capability>\n"
  "</device>\n",
  "<device>\n"
  "  <name>scsi_host11</name>\n"
  "  <parent>scsi_host1</parent>\n"
  "  <capability type='scsi_host'>\n"
  "    <host>11</host>\n"
  "    <unique_id>10</unique_id>\n"
  "    <capability type='fc_host'>\n"
  "      <wwnn>2000000034563456</wwnn>\n"
  "      <wwpn>1000000034563456</wwpn>\n"
  "      <fabric_wwn>2000000043214321</fabric_wwn>\n"
  "    </capability>\n"
  "  </capability>\n"
  "</device>\n",
};

GVirConfigNodeDevice *
gvir_test_node_device_read_node (xmlNode  *node,
                                 GError  **error)
{
  g_autoptr(GVirConfigObject) def = gvir_test_config_read_node (node, "device",
                                                                GVIR_CONFIG_TYPE_NODE_DEVICE, error);
  const char *name;

  if (def == NULL)
    return NULL;
  name = gvir_config_node_device_get_name (GVIR_CONFIG_NODE_DEVICE (def));
  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "device XML has no <name> (a name is required)");
      return NULL;
    }
  return GVIR_CONFIG_NODE_DEVICE (g_steal_pointer (&def));
}

/* The device named @name, or NULL; called with the state locked. */
static GVirConfigNodeDevice *
find_device (GVirTestHost *host,
             const char   *name)
{
  guint i;

  for (i = 0; i < host->node_devices->len; i++)
    {
      GVirConfigNodeDevice *def = host->node_devices->pdata[i];

      if (g_strcmp0 (gvir_config_node_device_get_name (def), name) == 0)
        return def;
    }
  return NULL;
}

gboolean
gvir_test_host_add_node_device (GVirTestHost          *host,
                                GVirConfigNodeDevice  *def,
                                GError               **error)
{
  const char *name = gvir_config_node_device_get_name (def);

  if (find_device (host, name) != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS, "a device named '%s' exists already",
                   name);
      return FALSE;
    }
  g_ptr_array_add (host->node_devices, g_object_ref (def));
  return TRUE;
}

void
gvir_test_host_add_default_node_devices (GVirTestHost *host)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (default_device_xmls); i++)
    {
      GVirConfigNodeDevice *def = gvir_config_node_device_new_from_xml (default_device_xmls[i],
                                                                        NULL);

      g_assert (def != NULL);
      g_ptr_array_add (host->node_devices, def);
    }
}

/* ---- the table ------------------------------------------------------------- */

static GPtrArray *
test_list_node_devices (gpointer       handle,
                        GCancellable  *cancellable,
                        GError       **error)
{
  GVirTestHost *host = gvir_test_handle_lock (handle);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_node_device_free);
  guint i;

  for (i = 0; i < host->node_devices->len; i++)
    {
      GVirDriverNodeDevice desc = {
        .name = (char *) gvir_config_node_device_get_name (host->node_devices->pdata[i]),
      };

      g_ptr_array_add (list, gvir_driver_node_device_copy (&desc));
    }
  gvir_test_handle_unlock (handle);
  return list;
}

static char *
test_get_node_device_xml (gpointer       handle,
                          const char    *name,
                          guint          flags,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirConfigNodeDevice *def = find_device (gvir_test_handle_lock (handle), name);
  char *xml = def ? gvir_driver_xml_format_object (GVIR_CONFIG_OBJECT (def)) : NULL;

  gvir_test_handle_unlock (handle);
  if (xml == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no node device named '%s'", name);
  return xml;
}

const GVirDriverNodeDeviceFuncs gvir_test_node_device_funcs = {
  .list_node_devices = test_list_node_devices,
  .get_node_device_xml = test_get_node_device_xml,
};
