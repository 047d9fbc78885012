/*
 * gvird-dispatch-host.c: the remote program's procedures on the host's
 * network interfaces and devices, on top of the driver's interface and
 * node device tables
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A missing interface is libvirt's VIR_ERR_NO_INTERFACE, a missing
 * device VIR_ERR_NO_NODE_DEVICE. Every procedure only reads. The
 * interface table has no state: every interface it lists is active (as
 * every interface of libvirt's test driver). The flags accepted are those
 * of libvirt's test driver, which is what the same client sees on either
 * daemon; where gvird accepts less it says so (see h_list_all_devices).
 */
#include "config.h"

#include "gvird-dispatch-private.h"

/* libvirt's virConnectListAllInterfacesFlags. */
enum
{
  LIST_INTERFACES_INACTIVE = 1 << 0,
  LIST_INTERFACES_ACTIVE = 1 << 1,
};

/* libvirt's virConnectListAllNodeDevicesFlags: the capability filters are
 * the bits below ACTIVE and INACTIVE (libvirt 9's test driver accepts only
 * those). */
#define LIST_NODE_DEVICES_INACTIVE (1u << 30)
#define LIST_NODE_DEVICES_ACTIVE (1u << 31)

/* libvirt's "unsupported flags" answer for the bits of @flags not in
 * @accepted. */
static gboolean
check_flags (guint32   flags,
             guint32   accepted,
             GError  **error)
{
  if ((flags & ~accepted) == 0)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "unsupported flags (0x%x)",
               flags & ~accepted);
  return FALSE;
}

/* ---- interfaces ------------------------------------------------------------ */

static void
interface_fill (GVirRpcInterface          *out,
                const GVirDriverInterface *iface)
{
  out->name = g_strdup (iface->name);
  out->mac = g_strdup (iface->mac != NULL ? iface->mac : "");
}

/* Fills an interface reply from a driver interface, which it frees. */
static gboolean
interface_reply (GVirDriverInterface *iface,
                 GVirRpcInterfaceRet *ret)
{
  if (iface == NULL)
    return FALSE;
  interface_fill (&ret->iface, iface);
  gvir_driver_interface_free (iface);
  return TRUE;
}

static gboolean
h_iface_lookup_by_name (gpointer data, const GVirRpcInterfaceLookupByNameArgs *args,
                        GVirRpcInterfaceRet *ret, GError **error)
{
  GvirdCall *call = data;

  call->not_found = GVIR_RPC_ERR_NO_INTERFACE;
  return interface_reply (gvir_driver_connection_lookup_interface_by_name (call->conn, args->name,
                                                                           NULL, error),
                          ret);
}

static gboolean
h_iface_lookup_by_mac (gpointer data, const GVirRpcInterfaceLookupByMacStringArgs *args,
                       GVirRpcInterfaceRet *ret, GError **error)
{
  GvirdCall *call = data;

  call->not_found = GVIR_RPC_ERR_NO_INTERFACE;
  return interface_reply (gvir_driver_connection_lookup_interface_by_mac (call->conn, args->mac,
                                                                          NULL, error),
                          ret);
}

/* libvirt's test driver refuses INACTIVE (its interfaces have no pending
 * definition): so does gvird, though its table would ignore it. */
static gboolean
h_iface_get_xml_desc (gpointer data, const GVirRpcInterfaceGetXmlDescArgs *args,
                      GVirRpcStringRet *ret, GError **error)
{
  GvirdCall *call = data;

  call->not_found = GVIR_RPC_ERR_NO_INTERFACE;
  if (!check_flags (args->flags, 0, error))
    return FALSE;
  ret->value = gvir_driver_connection_get_interface_xml (call->conn, args->iface.name, 0, NULL,
                                                         error);
  return ret->value != NULL;
}

/* Every interface the table knows is active: the answer is whether it
 * still exists. */
static gboolean
h_iface_is_active (gpointer data, const GVirRpcInterfaceArgs *args, GVirRpcIntRet *ret,
                   GError **error)
{
  GvirdCall *call = data;
  g_autoptr (GVirDriverInterface) iface = NULL;

  call->not_found = GVIR_RPC_ERR_NO_INTERFACE;
  iface = gvir_driver_connection_lookup_interface_by_name (call->conn, args->iface.name, NULL,
                                                           error);
  if (iface == NULL)
    return FALSE;
  ret->value = 1;
  return TRUE;
}

static gboolean
h_list_all_interfaces (gpointer data, const GVirRpcConnectListAllInterfacesArgs *args,
                       GVirRpcConnectListAllInterfacesRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autoptr (GPtrArray) ifaces = NULL;
  guint32 state = args->flags & (LIST_INTERFACES_ACTIVE | LIST_INTERFACES_INACTIVE);
  guint i;

  if (!check_flags (args->flags, LIST_INTERFACES_ACTIVE | LIST_INTERFACES_INACTIVE, error))
    return FALSE;
  ifaces = gvir_driver_connection_list_interfaces (call->conn, NULL, error);
  if (ifaces == NULL)
    return FALSE;
  ret->ifaces = g_new0 (GVirRpcInterface, MAX (ifaces->len, 1));
  /* Only INACTIVE asked for: none of our (active) interfaces. */
  if (state == LIST_INTERFACES_INACTIVE)
    return TRUE;
  ret->ret = MIN (ifaces->len, (guint) GVIR_RPC_INTERFACE_LIST_MAX);
  if (args->need_results)
    for (i = 0; i < ret->ret; i++)
      interface_fill (&ret->ifaces[ret->n_ifaces++], ifaces->pdata[i]);
  return TRUE;
}

/* ---- node devices ---------------------------------------------------------- */

/* The table has no lookup: a device exists when it is listed. */
static gboolean
node_device_exists (GvirdCall   *call,
                    const char  *name,
                    GError     **error)
{
  g_autoptr (GPtrArray) devices = gvir_driver_connection_list_node_devices (call->conn, NULL,
                                                                            error);
  guint i;

  if (devices == NULL)
    return FALSE;
  for (i = 0; i < devices->len; i++)
    if (g_strcmp0 (((GVirDriverNodeDevice *) devices->pdata[i])->name, name) == 0)
      return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
               "Node device not found: no node device with matching name '%s'", name);
  return FALSE;
}

static gboolean
h_device_lookup_by_name (gpointer data, const GVirRpcNodeDeviceLookupByNameArgs *args,
                         GVirRpcNodeDeviceRet *ret, GError **error)
{
  GvirdCall *call = data;

  call->not_found = GVIR_RPC_ERR_NO_NODE_DEVICE;
  if (!node_device_exists (call, args->name, error))
    return FALSE;
  ret->dev.name = g_strdup (args->name);
  return TRUE;
}

/* libvirt defines no flag for a device's XML. */
static gboolean
h_device_get_xml_desc (gpointer data, const GVirRpcNodeDeviceGetXmlDescArgs *args,
                       GVirRpcStringRet *ret, GError **error)
{
  GvirdCall *call = data;

  call->not_found = GVIR_RPC_ERR_NO_NODE_DEVICE;
  if (!check_flags (args->flags, 0, error))
    return FALSE;
  ret->value = gvir_driver_connection_get_node_device_xml (call->conn, args->name, 0, NULL, error);
  return ret->value != NULL;
}

/* libvirt 9's test driver refuses ACTIVE and INACTIVE (what virsh's
 * nodedev-list sends by default) as unsupported flags, as here. It filters
 * by capability; the table gives no capabilities, so gvird says it cannot
 * rather than answer a wrong list. */
static gboolean
h_list_all_devices (gpointer data, const GVirRpcConnectListAllNodeDevicesArgs *args,
                    GVirRpcConnectListAllNodeDevicesRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autoptr (GPtrArray) devices = NULL;
  guint i;

  if (!check_flags (args->flags, ~(LIST_NODE_DEVICES_ACTIVE | LIST_NODE_DEVICES_INACTIVE), error))
    return FALSE;
  if (args->flags != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "this function is not supported by the connection driver: "
                   "virConnectListAllNodeDevices with capability filters (0x%x)", args->flags);
      return FALSE;
    }
  devices = gvir_driver_connection_list_node_devices (call->conn, NULL, error);
  if (devices == NULL)
    return FALSE;
  ret->ret = MIN (devices->len, (guint) GVIR_RPC_NODE_DEVICE_LIST_MAX);
  ret->devices = g_new0 (GVirRpcNodeDevice, MAX (ret->ret, 1));
  if (args->need_results)
    for (i = 0; i < ret->ret; i++)
      ret->devices[ret->n_devices++].name =
        g_strdup (((GVirDriverNodeDevice *) devices->pdata[i])->name);
  return TRUE;
}

void
gvird_dispatch_add_host (GVirRpcServerHandlers *h)
{
  h->interface_lookup_by_name = h_iface_lookup_by_name;
  h->interface_lookup_by_mac_string = h_iface_lookup_by_mac;
  h->interface_get_xml_desc = h_iface_get_xml_desc;
  h->interface_is_active = h_iface_is_active;
  h->connect_list_all_interfaces = h_list_all_interfaces;
  h->node_device_lookup_by_name = h_device_lookup_by_name;
  h->node_device_get_xml_desc = h_device_get_xml_desc;
  h->connect_list_all_node_devices = h_list_all_devices;
}
