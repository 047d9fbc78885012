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

#include <libxml/parser.h>
#include <libxml/tree.h>

/* libvirt's virConnectListAllInterfacesFlags. */
enum
{
  LIST_INTERFACES_INACTIVE = 1 << 0,
  LIST_INTERFACES_ACTIVE = 1 << 1,
};

/* libvirt's virConnectListAllNodeDevicesFlags: bit N filters by the
 * capability NODE_DEVICE_CAPS[N] (libvirt's virNodeDevCapType, in its
 * order). libvirt 9's test driver accepts these bits only: ACTIVE,
 * INACTIVE, PERSISTENT and TRANSIENT are unsupported flags there. */
static const char *const NODE_DEVICE_CAPS[] = {
  "system", "pci", "usb_device", "usb", "net", "scsi_host", "scsi_target", "scsi",
  "storage", "fc_host", "vports", "scsi_generic", "drm", "mdev_types", "mdev", "ccw",
  "css", "vdpa", "ap_card", "ap_queue", "ap_matrix", "vpd",
};
#define LIST_NODE_DEVICES_CAPS ((1u << G_N_ELEMENTS (NODE_DEVICE_CAPS)) - 1)

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

/* The index of capability name @cap in NODE_DEVICE_CAPS, or -1. */
static int
node_device_cap_index (const char *cap)
{
  guint i;

  for (i = 0; cap != NULL && i < G_N_ELEMENTS (NODE_DEVICE_CAPS); i++)
    if (strcmp (cap, NODE_DEVICE_CAPS[i]) == 0)
      return (int) i;
  return -1;
}

/* The capability bits of @node and the elements under it: each
 * <capability type=''> at any depth, as libvirt counts a scsi_host's
 * nested fc_host and vport_ops ("vports") or a PCI device's mdev_types
 * and vpd. */
static guint32
cap_bits_under (xmlNode *node)
{
  guint32 bits = 0;
  xmlNode *child;

  if (xmlStrEqual (node->name, BAD_CAST "capability"))
    {
      g_autofree char *type = (char *) xmlGetProp (node, BAD_CAST "type");
      int cap = node_device_cap_index (g_strcmp0 (type, "vport_ops") == 0 ? "vports" : type);

      if (cap >= 0)
        bits |= 1u << cap;
    }
  for (child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    bits |= cap_bits_under (child);
  return bits;
}

/* The capability bits a device's XML gives it (0 when it does not parse). */
static guint32
node_device_cap_bits (const char *xml)
{
  xmlDoc *doc = xmlReadMemory (xml, (int) strlen (xml), "device.xml", NULL,
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  guint32 bits = root != NULL ? cap_bits_under (root) : 0;

  xmlFreeDoc (doc);
  return bits;
}

/* The devices whose capabilities meet @caps (0: every device), in the
 * table's order. A device whose XML cannot be read now (it went away
 * since the list) is left out. */
static GPtrArray *
list_devices_with_caps (GvirdCall   *call,
                        guint32      caps,
                        GError     **error)
{
  g_autoptr (GPtrArray) devices = gvir_driver_connection_list_node_devices (call->conn, NULL,
                                                                            error);
  GPtrArray *names;
  guint i;

  if (devices == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (i = 0; i < devices->len; i++)
    {
      const char *name = ((GVirDriverNodeDevice *) devices->pdata[i])->name;
      g_autofree char *xml = NULL;

      if (caps != 0)
        {
          xml = gvir_driver_connection_get_node_device_xml (call->conn, name, 0, NULL, NULL);
          if (xml == NULL || (node_device_cap_bits (xml) & caps) == 0)
            continue;
        }
      g_ptr_array_add (names, g_strdup (name));
    }
  return names;
}

/* libvirt 9's test driver refuses ACTIVE and INACTIVE (what virsh's
 * nodedev-list always sends) as unsupported flags, as here; a device
 * matches the capability filters when it has any of them. */
static gboolean
h_list_all_devices (gpointer data, const GVirRpcConnectListAllNodeDevicesArgs *args,
                    GVirRpcConnectListAllNodeDevicesRet *ret, GError **error)
{
  g_autoptr (GPtrArray) names = NULL;
  guint i;

  if (!check_flags (args->flags, LIST_NODE_DEVICES_CAPS, error))
    return FALSE;
  names = list_devices_with_caps (data, args->flags, error);
  if (names == NULL)
    return FALSE;
  ret->ret = MIN (names->len, (guint) GVIR_RPC_NODE_DEVICE_LIST_MAX);
  ret->devices = g_new0 (GVirRpcNodeDevice, MAX (ret->ret, 1));
  if (args->need_results)
    for (i = 0; i < ret->ret; i++)
      ret->devices[ret->n_devices++].name = g_strdup (names->pdata[i]);
  return TRUE;
}

/* The older calls name one capability (absent: every device); an
 * unknown name, or the XML's own "vport_ops", matches no device, as in
 * libvirt. */
static GPtrArray *
list_devices_by_cap_name (GvirdCall   *call,
                          const char  *cap,
                          guint32      flags,
                          GError     **error)
{
  int cap_index = node_device_cap_index (cap);

  if (!check_flags (flags, 0, error))
    return NULL;
  if (cap != NULL && cap_index < 0)
    return g_ptr_array_new ();
  return list_devices_with_caps (call, cap != NULL ? 1u << cap_index : 0, error);
}

static gboolean
h_num_of_devices (gpointer data, const GVirRpcNodeNumOfDevicesArgs *args,
                  GVirRpcIntRet *ret, GError **error)
{
  g_autoptr (GPtrArray) names = list_devices_by_cap_name (data, args->cap, args->flags, error);

  if (names == NULL)
    return FALSE;
  ret->value = (gint32) MIN (names->len, (guint) G_MAXINT32);
  return TRUE;
}

static gboolean
h_list_devices (gpointer data, const GVirRpcNodeListDevicesArgs *args,
                GVirRpcNodeListDevicesRet *ret, GError **error)
{
  g_autoptr (GPtrArray) names = NULL;
  guint i;

  if (args->maxnames < 0 || args->maxnames > GVIR_RPC_NODE_DEVICE_LIST_MAX)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                           "maxnames > REMOTE_NODE_DEVICE_LIST_MAX");
      return FALSE;
    }
  names = list_devices_by_cap_name (data, args->cap, args->flags, error);
  if (names == NULL)
    return FALSE;
  ret->n_names = MIN (names->len, (guint) args->maxnames);
  ret->names = g_new0 (char *, MAX (ret->n_names, 1));
  for (i = 0; i < ret->n_names; i++)
    ret->names[i] = g_strdup (names->pdata[i]);
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
  h->node_num_of_devices = h_num_of_devices;
  h->node_list_devices = h_list_devices;
}
