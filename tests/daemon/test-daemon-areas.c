/*
 * test-daemon-areas.c: the error numbers of gvird's storage, network and
 * snapshot procedures, through raw protocol bytes, compared with a real
 * libvirtd's
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Our clients map every "not found" number to one GVIR_ERROR_NOT_FOUND,
 * so the remote driver tests cannot see which number the daemon sent;
 * libvirt's own clients (virsh, the Python binding) test it. Each call
 * here names a missing object and must get libvirt's number for that
 * object: VIR_ERR_NO_STORAGE_POOL, NO_STORAGE_VOL, NO_NETWORK,
 * NO_DOMAIN_SNAPSHOT, NO_INTERFACE, NO_NODE_DEVICE, or NO_DOMAIN when the
 * domain itself is missing. Network filters are not supported by either
 * test driver: NO_SUPPORT (gvird has no handler for them: no driver of
 * its has filters). DOMAIN_SET_MAX_MEMORY, which virsh never sends, is
 * checked here too: a missing domain and a running one.
 * Both daemons get the same bytes; both must answer the expected number.
 */
#include "config.h"

#include "gvird-runner.h"
#include "../rpc/libvirtd-peer.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

#define TEST_UUID "6695eb01-f6a4-8304-79aa-97f2502e193f"
#define DEFAULT_POOL_UUID "dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566"
#define MISSING_UUID "00000000-0000-0000-0000-0000000000ab"

typedef struct
{
  const char *what;
  gint32 proc;
  GByteArray *(*encode) (void);
  gint32 want;
} ErrorCase;

static GByteArray *
pool_by_name (void)
{
  GVirRpcStoragePoolLookupByNameArgs args = { (char *) "nosuch-pool" };

  return gvir_rpc_encode_storage_pool_lookup_by_name_args (&args, NULL);
}

static GByteArray *
pool_info (void)
{
  GVirRpcStoragePoolArgs args = { { (char *) "nosuch-pool", { 0 } } };

  g_assert_true (gvir_rpc_uuid_parse (MISSING_UUID, args.pool.uuid));
  return gvir_rpc_encode_storage_pool_args (&args, NULL);
}

static GByteArray *
vol_by_name (void)
{
  GVirRpcStorageVolLookupByNameArgs args = { { (char *) "default-pool", { 0 } },
                                             (char *) "nosuch.img" };

  g_assert_true (gvir_rpc_uuid_parse (DEFAULT_POOL_UUID, args.pool.uuid));
  return gvir_rpc_encode_storage_vol_lookup_by_name_args (&args, NULL);
}

/* A volume whose pool is missing: the pool is what is not found. */
static GByteArray *
vol_of_missing_pool (void)
{
  GVirRpcStorageVolArgs args = { { (char *) "nosuch-pool", (char *) "disk.img",
                                   (char *) "/nosuch-pool/disk.img" } };

  return gvir_rpc_encode_storage_vol_args (&args, NULL);
}

static GByteArray *
vol_missing (void)
{
  GVirRpcStorageVolArgs args = { { (char *) "default-pool", (char *) "nosuch.img",
                                   (char *) "/default-pool/nosuch.img" } };

  return gvir_rpc_encode_storage_vol_args (&args, NULL);
}

static GByteArray *
network_by_name (void)
{
  GVirRpcNetworkLookupByNameArgs args = { (char *) "nosuch-net" };

  return gvir_rpc_encode_network_lookup_by_name_args (&args, NULL);
}

static GByteArray *
network_xml (void)
{
  GVirRpcNetworkFlagsArgs args = { { (char *) "nosuch-net", { 0 } }, 0 };

  g_assert_true (gvir_rpc_uuid_parse (MISSING_UUID, args.net.uuid));
  return gvir_rpc_encode_network_flags_args (&args, NULL);
}

static GByteArray *
snapshot_of (const char *domain,
             const char *uuid)
{
  GVirRpcDomainSnapshotFlagsArgs args = { { (char *) "nosuch-snap",
                                            { (char *) domain, { 0 }, -1 } }, 0 };

  g_assert_true (gvir_rpc_uuid_parse (uuid, args.snap.dom.uuid));
  return gvir_rpc_encode_domain_snapshot_flags_args (&args, NULL);
}

static GByteArray *
snapshot_missing (void)
{
  return snapshot_of ("test", TEST_UUID);
}

static GByteArray *
snapshot_of_missing_domain (void)
{
  return snapshot_of ("nosuch", MISSING_UUID);
}

static GByteArray *
snapshot_by_name (void)
{
  GVirRpcDomainSnapshotLookupByNameArgs args = { { (char *) "test", { 0 }, 1 },
                                                 (char *) "nosuch-snap", 0 };

  g_assert_true (gvir_rpc_uuid_parse (TEST_UUID, args.dom.uuid));
  return gvir_rpc_encode_domain_snapshot_lookup_by_name_args (&args, NULL);
}

static GByteArray *
iface_by_name (void)
{
  GVirRpcInterfaceLookupByNameArgs args = { (char *) "eth9" };

  return gvir_rpc_encode_interface_lookup_by_name_args (&args, NULL);
}

static GByteArray *
iface_by_mac (void)
{
  GVirRpcInterfaceLookupByMacStringArgs args = { (char *) "00:11:22:33:44:55" };

  return gvir_rpc_encode_interface_lookup_by_mac_string_args (&args, NULL);
}

static GByteArray *
iface_xml (void)
{
  GVirRpcInterfaceGetXmlDescArgs args = { { (char *) "eth9", (char *) "00:11:22:33:44:55" }, 0 };

  return gvir_rpc_encode_interface_get_xml_desc_args (&args, NULL);
}

static GByteArray *
device_by_name (void)
{
  GVirRpcNodeDeviceLookupByNameArgs args = { (char *) "nosuch-dev" };

  return gvir_rpc_encode_node_device_lookup_by_name_args (&args, NULL);
}

static GByteArray *
device_xml (void)
{
  GVirRpcNodeDeviceGetXmlDescArgs args = { (char *) "nosuch-dev", 0 };

  return gvir_rpc_encode_node_device_get_xml_desc_args (&args, NULL);
}

static GByteArray *
nwfilter_list (void)
{
  GVirRpcConnectListAllNwfiltersArgs args = { 1, 0 };

  return gvir_rpc_encode_connect_list_all_nwfilters_args (&args, NULL);
}

static GByteArray *
nwfilter_xml (void)
{
  GVirRpcNwfilterGetXmlDescArgs args = { { (char *) "clean-traffic", { 0 } }, 0 };

  g_assert_true (gvir_rpc_uuid_parse (MISSING_UUID, args.nwfilter.uuid));
  return gvir_rpc_encode_nwfilter_get_xml_desc_args (&args, NULL);
}

/* NODE_LIST_DEVICES asking for more names than the protocol carries (a
 * client library checks this first; a raw client need not). */
static GByteArray *
device_names_past_limit (void)
{
  GVirRpcNodeListDevicesArgs args = { NULL, GVIR_RPC_NODE_DEVICE_LIST_MAX + 1, 0 };

  return gvir_rpc_encode_node_list_devices_args (&args, NULL);
}

/* virDomainSetMaxMemory (which virsh never calls) on @name / @uuid. */
static GByteArray *
set_max_memory_of (const char *name, const char *uuid)
{
  GVirRpcDomainSetMemoryArgs args = { { (char *) name, { 0 }, 1 }, 1000000 };

  g_assert_true (gvir_rpc_uuid_parse (uuid, args.dom.uuid));
  return gvir_rpc_encode_domain_set_memory_args (&args, NULL);
}

static GByteArray *
set_max_memory_running (void)
{
  return set_max_memory_of ("test", TEST_UUID);
}

static GByteArray *
set_max_memory_missing (void)
{
  return set_max_memory_of ("nosuch", MISSING_UUID);
}

static const ErrorCase cases[] = {
  { "pool lookup by name", GVIR_RPC_PROC_STORAGE_POOL_LOOKUP_BY_NAME, pool_by_name,
    GVIR_RPC_ERR_NO_STORAGE_POOL },
  { "pool info", GVIR_RPC_PROC_STORAGE_POOL_GET_INFO, pool_info, GVIR_RPC_ERR_NO_STORAGE_POOL },
  { "volume lookup by name", GVIR_RPC_PROC_STORAGE_VOL_LOOKUP_BY_NAME, vol_by_name,
    GVIR_RPC_ERR_NO_STORAGE_VOL },
  { "volume path", GVIR_RPC_PROC_STORAGE_VOL_GET_PATH, vol_missing, GVIR_RPC_ERR_NO_STORAGE_VOL },
  { "volume of a missing pool", GVIR_RPC_PROC_STORAGE_VOL_GET_INFO, vol_of_missing_pool,
    GVIR_RPC_ERR_NO_STORAGE_POOL },
  { "network lookup by name", GVIR_RPC_PROC_NETWORK_LOOKUP_BY_NAME, network_by_name,
    GVIR_RPC_ERR_NO_NETWORK },
  { "network XML", GVIR_RPC_PROC_NETWORK_GET_XML_DESC, network_xml, GVIR_RPC_ERR_NO_NETWORK },
  { "snapshot lookup by name", GVIR_RPC_PROC_DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, snapshot_by_name,
    GVIR_RPC_ERR_NO_DOMAIN_SNAPSHOT },
  { "snapshot XML", GVIR_RPC_PROC_DOMAIN_SNAPSHOT_GET_XML_DESC, snapshot_missing,
    GVIR_RPC_ERR_NO_DOMAIN_SNAPSHOT },
  { "revert to a missing snapshot", GVIR_RPC_PROC_DOMAIN_REVERT_TO_SNAPSHOT, snapshot_missing,
    GVIR_RPC_ERR_NO_DOMAIN_SNAPSHOT },
  { "snapshot of a missing domain", GVIR_RPC_PROC_DOMAIN_SNAPSHOT_IS_CURRENT,
    snapshot_of_missing_domain, GVIR_RPC_ERR_NO_DOMAIN },
  { "interface lookup by name", GVIR_RPC_PROC_INTERFACE_LOOKUP_BY_NAME, iface_by_name,
    GVIR_RPC_ERR_NO_INTERFACE },
  { "interface lookup by MAC", GVIR_RPC_PROC_INTERFACE_LOOKUP_BY_MAC_STRING, iface_by_mac,
    GVIR_RPC_ERR_NO_INTERFACE },
  { "interface XML", GVIR_RPC_PROC_INTERFACE_GET_XML_DESC, iface_xml, GVIR_RPC_ERR_NO_INTERFACE },
  { "node device lookup by name", GVIR_RPC_PROC_NODE_DEVICE_LOOKUP_BY_NAME, device_by_name,
    GVIR_RPC_ERR_NO_NODE_DEVICE },
  { "node device XML", GVIR_RPC_PROC_NODE_DEVICE_GET_XML_DESC, device_xml,
    GVIR_RPC_ERR_NO_NODE_DEVICE },
  { "set max memory of a missing domain", GVIR_RPC_PROC_DOMAIN_SET_MAX_MEMORY,
    set_max_memory_missing, GVIR_RPC_ERR_NO_DOMAIN },
  /* Not a lookup: a running domain's maximum is fixed, in both drivers. */
  { "set max memory of a running domain", GVIR_RPC_PROC_DOMAIN_SET_MAX_MEMORY,
    set_max_memory_running, GVIR_RPC_ERR_OPERATION_INVALID },
  { "node device names past the limit", GVIR_RPC_PROC_NODE_LIST_DEVICES,
    device_names_past_limit, GVIR_RPC_ERR_RPC },
  { "network filter list", GVIR_RPC_PROC_CONNECT_LIST_ALL_NWFILTERS, nwfilter_list,
    GVIR_RPC_ERR_NO_SUPPORT },
  { "network filter XML", GVIR_RPC_PROC_NWFILTER_GET_XML_DESC, nwfilter_xml,
    GVIR_RPC_ERR_NO_SUPPORT },
};

static void
check_cases (const char *daemon,
             const char *socket_path)
{
  g_autoptr (GSocket) sock = raw_connect (socket_path);
  guint i;

  raw_open (sock, 0);
  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GByteArray) payload = cases[i].encode ();
      g_autoptr (GBytes) reply = NULL;
      g_autofree char *message = NULL;
      GVirRpcHeader header;
      gint32 code;

      g_assert_nonnull (payload);
      g_assert_true (raw_call (sock, cases[i].proc, payload->data, payload->len, &header,
                               &reply));
      g_assert_cmpuint (header.status, ==, GVIR_RPC_STATUS_ERROR);
      code = raw_error_code (reply, &message);
      g_test_message ("%s, %s: %d %s", daemon, cases[i].what, code, message);
      g_assert_cmpint (code, ==, cases[i].want);
    }
}

static void
test_not_found_numbers (void)
{
  g_autoptr (GError) error = NULL;
  GvirdRunner *gvird = gvird_runner_start (NULL, &error);
  LibvirtdPeer *libvirtd;

  g_assert_no_error (error);
  check_cases ("gvird", gvird->socket);
  gvird_runner_stop (gvird);

  libvirtd = libvirtd_peer_start (PEER_TLS_NONE, &error);
  if (libvirtd == NULL)
    {
      if (gvird_runner_require_all ())
        g_error ("no libvirtd to compare with: %s", error->message);
      g_test_message ("no libvirtd to compare with (%s): fixed expectations only",
                      error->message);
      return;
    }
  check_cases ("libvirtd", libvirtd->socket);
  libvirtd_peer_stop (libvirtd);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/daemon/areas/not-found-numbers", test_not_found_numbers);
  return g_test_run ();
}
