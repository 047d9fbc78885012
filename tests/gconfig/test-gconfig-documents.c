/*
 * test-gconfig-documents.c: tests of the snapshot, storage, network,
 * network filter, interface, node device and secret classes
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

#include <libvirt-gconfig/libvirt-gconfig.h>

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", "documents",
                                                 name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* Files end with a newline that to_xml() does not produce. */
  return g_strchomp (contents);
}

static GVirConfigObject *
parse_fixture (GType type, const char *name)
{
  g_autofree char *xml = load_fixture (name);
  g_autoptr(GError) error = NULL;
  GVirConfigObject *obj = gvir_config_object_new_from_xml (type, NULL, NULL, xml, &error);

  g_assert_no_error (error);
  g_assert_nonnull (obj);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (obj, type));
  return obj;
}

static void
assert_xml_equals_fixture (gpointer obj, const char *name)
{
  g_autofree char *expected = load_fixture (name);
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (obj));

  g_assert_cmpstr (xml, ==, expected);
}

/* ---- round trips: parse -> to_xml byte for byte, unknown content kept ---- */

typedef struct
{
  const char *file;
  GType (*get_type) (void);
} Fixture;

static const Fixture fixtures[] = {
  { "network-default.xml", gvir_config_network_get_type },
  { "pool-dir.xml", gvir_config_storage_pool_get_type },
  { "pool-netfs.xml", gvir_config_storage_pool_get_type },
  { "vol-qcow2.xml", gvir_config_storage_vol_get_type },
  { "secret-volume.xml", gvir_config_secret_get_type },
  { "snapshot-disks.xml", gvir_config_domain_snapshot_get_type },
  { "interface-eth.xml", gvir_config_interface_get_type },
  { "nodedev-pci.xml", gvir_config_node_device_get_type },
  { "nwfilter-spoofing.xml", gvir_config_network_filter_get_type },
};

static void
test_roundtrip (gconstpointer data)
{
  const Fixture *fixture = data;
  GVirConfigObject *obj = parse_fixture (fixture->get_type (), fixture->file);

  assert_xml_equals_fixture (obj, fixture->file);
  g_assert_finalize_object (obj);
}

/* Nested entities: &lol6; is 3 * 10^6 bytes of text once expanded. */
#define LAUGHS(root) \
  "<?xml version='1.0'?><!DOCTYPE " root " [<!ENTITY lol0 'lol'>" \
  "<!ENTITY lol1 '&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;&lol0;'>" \
  "<!ENTITY lol2 '&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;'>" \
  "<!ENTITY lol3 '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>" \
  "<!ENTITY lol4 '&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;'>" \
  "<!ENTITY lol5 '&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;'>" \
  "<!ENTITY lol6 '&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;'>]>"

static const struct
{
  const char *what;
  const char *xml;
  const char *message;
} dtd_documents[] = {
  { "laughs",
    LAUGHS ("domain") "<domain type='test'><name>x</name><description>&lol6;</description></domain>",
    "The XML document declares a DTD (<!DOCTYPE domain>), which is not allowed" },
  { "subset",
    "<!DOCTYPE domain [<!ELEMENT domain ANY>]><domain type='test'><name>x</name></domain>",
    "The XML document declares a DTD (<!DOCTYPE domain>), which is not allowed" },
  { "entity",
    "<!DOCTYPE domain [<!ENTITY n 'x'>]><domain type='test'><name>&n;</name></domain>",
    "The XML document declares a DTD (<!DOCTYPE domain>), which is not allowed" },
  { "external",
    "<!DOCTYPE dom SYSTEM 'domain.dtd'><domain type='test'><name>x</name></domain>",
    "The XML document declares a DTD (<!DOCTYPE dom>), which is not allowed" },
  { "loop",
    "<!DOCTYPE domain [<!ENTITY a '&b;'><!ENTITY b '&a;'>]><domain><name>&a;</name></domain>",
    "The XML document declares a DTD (<!DOCTYPE domain>), which is not allowed" },
};

/* DTDs, with or without entities, are refused before anything in them is
 * read, whichever constructor parses the document. */
static void
test_dtd_refused (gconstpointer data)
{
  gsize i = GPOINTER_TO_SIZE (data);
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_config_domain_new_from_xml (dtd_documents[i].xml, &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_assert_cmpstr (error->message, ==, dtd_documents[i].message);
  g_clear_error (&error);

  g_assert_null (gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN, "domain", NULL,
                                                  dtd_documents[i].xml, &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_assert_cmpstr (error->message, ==, dtd_documents[i].message);
  g_clear_error (&error);

  /* Without a root element name to check. */
  g_assert_null (gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN, NULL, NULL,
                                                  dtd_documents[i].xml, &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_assert_cmpstr (error->message, ==, dtd_documents[i].message);
}

/* Without a DTD, the predefined entities and character references stay. */
static void
test_no_dtd_accepted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) domain = NULL;
  g_autofree char *xml = NULL;

  domain = gvir_config_domain_new_from_xml ("<?xml version='1.0'?><domain type='test'>"
                                            "<name>a &amp; b &#65;</name></domain>", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_domain_get_name (domain), ==, "a & b A");
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  g_assert_cmpstr (xml, ==, "<domain type=\"test\">\n  <name>a &amp; b A</name>\n</domain>");
}

/* The typed constructors check the root element. */
static void
test_typed_constructors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (gvir_config_network_new_from_xml ("<pool/>", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "<network>"));
  g_clear_error (&error);
  g_assert_null (gvir_config_storage_pool_new_from_xml ("<pool><name>x</pool>", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_config_storage_vol_new_from_xml ("", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_config_secret_new_from_xml ("not xml at all", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_config_domain_snapshot_new_from_xml ("<domain/>", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_config_interface_new_from_xml ("<device/>", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_config_node_device_new_from_xml ("<interface/>", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);
  g_assert_null (gvir_config_network_filter_new_from_xml ("<filter>", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_error (&error);

  {
    g_autoptr(GVirConfigStoragePoolSource) source =
      gvir_config_storage_pool_source_new_from_xml ("<source><name>vg0</name></source>", &error);
    g_autoptr(GVirConfigStorageVolBackingStore) backing =
      gvir_config_storage_vol_backing_store_new_from_xml ("<backingStore><path>/b</path></backingStore>",
                                                          &error);
    g_autoptr(GVirConfigDomainSnapshotDisk) disk =
      gvir_config_domain_snapshot_disk_new_from_xml ("<disk name=\"vda\"/>", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (gvir_config_storage_pool_source_get_name (source), ==, "vg0");
    g_assert_cmpstr (gvir_config_storage_vol_backing_store_get_path (backing), ==, "/b");
    g_assert_cmpstr (gvir_config_domain_snapshot_disk_get_name (disk), ==, "vda");
  }
}

/* ---- parsed fixtures: getters ---- */

static void
test_network_parsed (void)
{
  GVirConfigNetwork *network =
    GVIR_CONFIG_NETWORK (parse_fixture (GVIR_CONFIG_TYPE_NETWORK, "network-default.xml"));
  g_autolist(GVirConfigNetworkDhcpRange) ranges = gvir_config_network_get_dhcp_ranges (network);
  g_autolist(GVirConfigNetworkDhcpHost) hosts = gvir_config_network_get_dhcp_hosts (network);

  g_assert_cmpstr (gvir_config_network_get_name (network), ==, "default");
  g_assert_cmpstr (gvir_config_network_get_uuid (network), ==, "9a05da11-e96b-47f3-8253-a3a482e445f5");
  g_assert_cmpint (gvir_config_network_get_forward_mode (network), ==, GVIR_CONFIG_NETWORK_FORWARD_NAT);
  g_assert_null (gvir_config_network_get_forward_dev (network));
  g_assert_cmpstr (gvir_config_network_get_bridge_name (network), ==, "virbr0");
  g_assert_true (gvir_config_network_get_bridge_stp (network));
  g_assert_cmpuint (gvir_config_network_get_bridge_delay (network), ==, 0);
  g_assert_cmpstr (gvir_config_network_get_domain_name (network), ==, "example.lan");
  g_assert_cmpuint (gvir_config_network_get_mtu (network), ==, 9000);
  g_assert_cmpstr (gvir_config_network_get_ip_address (network), ==, "192.168.122.1");
  g_assert_cmpstr (gvir_config_network_get_ip_netmask (network), ==, "255.255.255.0");
  g_assert_cmpuint (gvir_config_network_get_ip_prefix (network), ==, 0);

  g_assert_cmpuint (g_list_length (ranges), ==, 1);
  g_assert_cmpstr (gvir_config_network_dhcp_range_get_start (ranges->data), ==, "192.168.122.2");
  g_assert_cmpstr (gvir_config_network_dhcp_range_get_end (ranges->data), ==, "192.168.122.254");
  g_assert_cmpuint (g_list_length (hosts), ==, 2);
  g_assert_cmpstr (gvir_config_network_dhcp_host_get_mac (hosts->data), ==, "52:54:00:6c:3c:01");
  g_assert_cmpstr (gvir_config_network_dhcp_host_get_name (hosts->data), ==, "web");
  g_assert_cmpstr (gvir_config_network_dhcp_host_get_ip (hosts->next->data), ==, "192.168.122.11");

  /* Views are live: editing a host edits the network. */
  gvir_config_network_dhcp_host_set_ip (hosts->next->data, "192.168.122.12");
  {
    g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (network));
    g_assert_nonnull (strstr (xml, "name=\"db\" ip=\"192.168.122.12\""));
  }

  g_clear_list (&ranges, g_object_unref);
  g_clear_list (&hosts, g_object_unref);
  g_assert_finalize_object (network);
}

static void
test_storage_parsed (void)
{
  GVirConfigStoragePool *pool =
    GVIR_CONFIG_STORAGE_POOL (parse_fixture (GVIR_CONFIG_TYPE_STORAGE_POOL, "pool-dir.xml"));
  GVirConfigStoragePool *netfs =
    GVIR_CONFIG_STORAGE_POOL (parse_fixture (GVIR_CONFIG_TYPE_STORAGE_POOL, "pool-netfs.xml"));
  GVirConfigStorageVol *vol =
    GVIR_CONFIG_STORAGE_VOL (parse_fixture (GVIR_CONFIG_TYPE_STORAGE_VOL, "vol-qcow2.xml"));
  g_autoptr(GVirConfigStoragePoolTarget) target = gvir_config_storage_pool_get_target (pool);
  g_autoptr(GVirConfigStoragePermissions) perms = gvir_config_storage_pool_target_get_permissions (target);
  g_autoptr(GVirConfigStoragePoolSource) source = gvir_config_storage_pool_get_source (netfs);
  g_autoptr(GVirConfigStorageVolTarget) vtarget = gvir_config_storage_vol_get_target (vol);
  g_autoptr(GVirConfigStoragePermissions) vperms = gvir_config_storage_vol_target_get_permissions (vtarget);
  g_autoptr(GVirConfigStorageVolBackingStore) backing = gvir_config_storage_vol_get_backing_store (vol);

  g_assert_cmpint (gvir_config_storage_pool_get_pool_type (pool), ==, GVIR_CONFIG_STORAGE_POOL_TYPE_DIR);
  g_assert_cmpstr (gvir_config_storage_pool_get_name (pool), ==, "default");
  g_assert_cmpstr (gvir_config_storage_pool_get_uuid (pool), ==, "3e3fce45-4f53-4fa7-bb32-11f34168b82b");
  g_assert_cmpuint (gvir_config_storage_pool_get_capacity (pool), ==, G_GUINT64_CONSTANT (107374182400));
  g_assert_cmpuint (gvir_config_storage_pool_get_allocation (pool), ==, G_GUINT64_CONSTANT (21474836480));
  /* 80 GiB, converted from the element's unit. */
  g_assert_cmpuint (gvir_config_storage_pool_get_available (pool), ==, G_GUINT64_CONSTANT (85899345920));
  g_assert_cmpstr (gvir_config_storage_pool_target_get_path (target), ==, "/var/lib/libvirt/images");
  g_assert_cmpuint (gvir_config_storage_permissions_get_mode (perms), ==, 0711);
  g_assert_cmpuint (gvir_config_storage_permissions_get_owner (perms), ==, 0);
  g_assert_cmpuint (gvir_config_storage_permissions_get_group (perms), ==, 0);
  g_assert_cmpstr (gvir_config_storage_permissions_get_label (perms), ==, "system_u:object_r:virt_image_t:s0");

  g_assert_cmpint (gvir_config_storage_pool_get_pool_type (netfs), ==, GVIR_CONFIG_STORAGE_POOL_TYPE_NETFS);
  g_assert_null (gvir_config_storage_pool_get_uuid (netfs));
  g_assert_cmpuint (gvir_config_storage_pool_get_capacity (netfs), ==, 0);
  g_assert_cmpstr (gvir_config_storage_pool_source_get_host (source), ==, "nfs.example.org");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_directory (source), ==, "/exports/images");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_format (source), ==, "nfs");
  g_assert_null (gvir_config_storage_pool_source_get_adapter (source));
  g_assert_null (gvir_config_storage_pool_source_get_name (source));

  g_assert_cmpstr (gvir_config_storage_vol_get_name (vol), ==, "guest.qcow2");
  g_assert_cmpstr (gvir_config_storage_vol_get_key (vol), ==, "/var/lib/libvirt/images/guest.qcow2");
  g_assert_cmpuint (gvir_config_storage_vol_get_capacity (vol), ==, G_GUINT64_CONSTANT (21474836480));
  g_assert_cmpuint (gvir_config_storage_vol_get_allocation (vol), ==, 196608);
  g_assert_cmpstr (gvir_config_storage_vol_target_get_format (vtarget), ==, "qcow2");
  g_assert_cmpstr (gvir_config_storage_vol_target_get_compat (vtarget), ==, "1.1");
  g_assert_cmpstr (gvir_config_storage_vol_target_get_path (vtarget), ==, "/var/lib/libvirt/images/guest.qcow2");
  /* extended_l2 is unknown to the flags and ignored. */
  g_assert_cmpuint (gvir_config_storage_vol_target_get_features (vtarget), ==,
                    GVIR_CONFIG_STORAGE_VOL_TARGET_FEATURE_LAZY_REFCOUNT);
  g_assert_cmpuint (gvir_config_storage_permissions_get_mode (vperms), ==, 0600);
  g_assert_cmpuint (gvir_config_storage_permissions_get_owner (vperms), ==, 107);
  g_assert_cmpstr (gvir_config_storage_vol_backing_store_get_path (backing), ==, "/var/lib/libvirt/images/base.qcow2");
  g_assert_cmpstr (gvir_config_storage_vol_backing_store_get_format (backing), ==, "qcow2");

  g_clear_object (&target);
  g_clear_object (&perms);
  g_clear_object (&source);
  g_clear_object (&vtarget);
  g_clear_object (&vperms);
  g_clear_object (&backing);
  g_assert_finalize_object (pool);
  g_assert_finalize_object (netfs);
  g_assert_finalize_object (vol);
}

static void
test_snapshot_parsed (void)
{
  GVirConfigDomainSnapshot *snapshot =
    GVIR_CONFIG_DOMAIN_SNAPSHOT (parse_fixture (GVIR_CONFIG_TYPE_DOMAIN_SNAPSHOT, "snapshot-disks.xml"));
  g_autolist(GVirConfigDomainSnapshotDisk) disks = gvir_config_domain_snapshot_get_disks (snapshot);
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_snapshot_get_domain (snapshot);
  GVirConfigDomainSnapshotDisk *vda;

  g_assert_cmpstr (gvir_config_domain_snapshot_get_name (snapshot), ==, "before-upgrade");
  g_assert_cmpstr (gvir_config_domain_snapshot_get_description (snapshot), ==,
                   "Taken before the distribution upgrade");
  g_assert_cmpint (gvir_config_domain_snapshot_get_state (snapshot), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_RUNNING);
  g_assert_cmpstr (gvir_config_domain_snapshot_get_parent (snapshot), ==, "fresh-install");
  g_assert_cmpint (gvir_config_domain_snapshot_get_creation_time (snapshot), ==, 1767225600);
  g_assert_cmpint (gvir_config_domain_snapshot_get_memory_state (snapshot), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_EXTERNAL);
  g_assert_cmpstr (gvir_config_domain_snapshot_get_memory_file (snapshot), ==,
                   "/var/lib/libvirt/qemu/snapshot/demo/before-upgrade.mem");

  g_assert_cmpuint (g_list_length (disks), ==, 3);
  vda = disks->data;
  g_assert_cmpstr (gvir_config_domain_snapshot_disk_get_name (vda), ==, "vda");
  g_assert_cmpint (gvir_config_domain_snapshot_disk_get_snapshot_type (vda), ==,
                   GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_EXTERNAL);
  g_assert_cmpstr (gvir_config_domain_snapshot_disk_get_source_file (vda), ==,
                   "/var/lib/libvirt/images/demo.before-upgrade");
  g_assert_cmpint (gvir_config_domain_snapshot_disk_get_driver_format (vda), ==,
                   GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  g_assert_cmpint (gvir_config_domain_snapshot_disk_get_snapshot_type (disks->next->data), ==,
                   GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);
  g_assert_cmpint (gvir_config_domain_snapshot_disk_get_snapshot_type (disks->next->next->data), ==,
                   GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_INTERNAL);

  g_assert_nonnull (domain);
  g_assert_cmpstr (gvir_config_domain_get_name (domain), ==, "demo");
  g_assert_cmpuint (gvir_config_domain_get_memory (domain), ==, 1048576);

  /* Reordering through get/set keeps every disk. */
  disks = g_list_reverse (disks);
  gvir_config_domain_snapshot_set_disks (snapshot, disks);
  g_clear_list (&disks, g_object_unref);
  disks = gvir_config_domain_snapshot_get_disks (snapshot);
  g_assert_cmpuint (g_list_length (disks), ==, 3);
  g_assert_cmpstr (gvir_config_domain_snapshot_disk_get_name (disks->data), ==, "hdc");
  gvir_config_domain_snapshot_set_disks (snapshot, NULL);
  g_clear_list (&disks, g_object_unref);
  g_assert_null (gvir_config_domain_snapshot_get_disks (snapshot));

  g_clear_object (&domain);
  g_assert_finalize_object (snapshot);
}

static void
test_misc_parsed (void)
{
  GVirConfigSecret *secret =
    GVIR_CONFIG_SECRET (parse_fixture (GVIR_CONFIG_TYPE_SECRET, "secret-volume.xml"));
  GVirConfigInterface *iface =
    GVIR_CONFIG_INTERFACE (parse_fixture (GVIR_CONFIG_TYPE_INTERFACE, "interface-eth.xml"));
  GVirConfigNodeDevice *dev =
    GVIR_CONFIG_NODE_DEVICE (parse_fixture (GVIR_CONFIG_TYPE_NODE_DEVICE, "nodedev-pci.xml"));
  GVirConfigNetworkFilter *filter =
    GVIR_CONFIG_NETWORK_FILTER (parse_fixture (GVIR_CONFIG_TYPE_NETWORK_FILTER, "nwfilter-spoofing.xml"));
  g_auto(GStrv) addresses = gvir_config_interface_get_addresses (iface);
  g_auto(GStrv) refs = gvir_config_network_filter_get_filterrefs (filter);
  g_autolist(GVirConfigNetworkFilterRule) rules = gvir_config_network_filter_get_rules (filter);
  const char *expected_addresses[] = { "192.168.0.5/24", "2001:db8::5/64", NULL };
  const char *expected_refs[] = { "no-mac-spoofing", NULL };

  g_assert_false (gvir_config_secret_get_ephemeral (secret));
  g_assert_true (gvir_config_secret_get_private (secret));
  g_assert_cmpstr (gvir_config_secret_get_uuid (secret), ==, "c1f11a6d-8c5d-4a3e-ac7a-4e171c5e0d4a");
  g_assert_cmpstr (gvir_config_secret_get_description (secret), ==, "LUKS passphrase of the guest disk");
  g_assert_cmpint (gvir_config_secret_get_usage_type (secret), ==, GVIR_CONFIG_SECRET_USAGE_TYPE_VOLUME);
  g_assert_cmpstr (gvir_config_secret_get_usage_volume (secret), ==, "/var/lib/libvirt/images/luks.img");
  g_assert_null (gvir_config_secret_get_usage_name (secret));
  g_assert_null (gvir_config_secret_get_usage_target (secret));

  g_assert_cmpint (gvir_config_interface_get_interface_type (iface), ==, GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);
  g_assert_cmpstr (gvir_config_interface_get_name (iface), ==, "eth0");
  g_assert_cmpstr (gvir_config_interface_get_mac (iface), ==, "aa:bb:cc:dd:ee:ff");
  g_assert_cmpuint (gvir_config_interface_get_mtu (iface), ==, 1500);
  g_assert_cmpint (gvir_config_interface_get_start_mode (iface), ==, GVIR_CONFIG_INTERFACE_START_MODE_ONBOOT);
  g_assert_cmpstrv (addresses, expected_addresses);

  g_assert_cmpstr (gvir_config_node_device_get_name (dev), ==, "pci_0000_00_1f_6");
  g_assert_cmpstr (gvir_config_node_device_get_parent (dev), ==, "computer");
  g_assert_cmpstr (gvir_config_node_device_get_path (dev), ==, "/sys/devices/pci0000:00/0000:00:1f.6");
  g_assert_cmpstr (gvir_config_node_device_get_capability_type (dev), ==, "pci");

  g_assert_cmpstr (gvir_config_network_filter_get_name (filter), ==, "no-ip-spoofing");
  g_assert_cmpstr (gvir_config_network_filter_get_chain (filter), ==, "ipv4-ip");
  g_assert_cmpint (gvir_config_network_filter_get_priority (filter), ==, -710);
  g_assert_cmpstr (gvir_config_network_filter_get_uuid (filter), ==, "fce8ae33-e69e-83bf-262e-30786c1f8072");
  g_assert_cmpstrv (refs, expected_refs);
  g_assert_cmpuint (g_list_length (rules), ==, 2);
  g_assert_cmpint (gvir_config_network_filter_rule_get_action (rules->data), ==,
                   GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_RETURN);
  g_assert_cmpint (gvir_config_network_filter_rule_get_direction (rules->data), ==,
                   GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_OUT);
  g_assert_cmpint (gvir_config_network_filter_rule_get_priority (rules->data), ==, 100);
  g_assert_cmpint (gvir_config_network_filter_rule_get_action (rules->next->data), ==,
                   GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP);
  g_assert_cmpint (gvir_config_network_filter_rule_get_priority (rules->next->data), ==, 1000);

  g_clear_list (&rules, g_object_unref);
  g_assert_finalize_object (secret);
  g_assert_finalize_object (iface);
  g_assert_finalize_object (dev);
  g_assert_finalize_object (filter);
}

/* ---- building documents from scratch ---- */

static void
test_network_build (void)
{
  GVirConfigNetwork *network = gvir_config_network_new ();
  g_autoptr(GVirConfigNetworkDhcpRange) range = gvir_config_network_dhcp_range_new ();
  g_autoptr(GVirConfigNetworkDhcpHost) host = gvir_config_network_dhcp_host_new ();

  gvir_config_network_set_name (network, "lab");
  gvir_config_network_set_uuid (network, "0f0c3a54-0d2c-4c4b-9b0c-59a6e5ae7a11");
  gvir_config_network_set_forward_mode (network, GVIR_CONFIG_NETWORK_FORWARD_ROUTE);
  gvir_config_network_set_forward_dev (network, "eth1");
  gvir_config_network_set_bridge_name (network, "virbr9");
  gvir_config_network_set_bridge_stp (network, FALSE);
  gvir_config_network_set_bridge_delay (network, 2);
  gvir_config_network_set_domain_name (network, "lab.example");
  gvir_config_network_set_mtu (network, 1450);
  gvir_config_network_set_ip_address (network, "10.9.0.1");
  gvir_config_network_set_ip_prefix (network, 24);
  gvir_config_network_dhcp_range_set_start (range, "10.9.0.100");
  gvir_config_network_dhcp_range_set_end (range, "10.9.0.199");
  gvir_config_network_add_dhcp_range (network, range);
  gvir_config_network_dhcp_host_set_mac (host, "52:54:00:aa:bb:01");
  gvir_config_network_dhcp_host_set_name (host, "builder");
  gvir_config_network_dhcp_host_set_ip (host, "10.9.0.10");
  gvir_config_network_add_dhcp_host (network, host);

  assert_xml_equals_fixture (network, "network-built.xml");

  /* The attached children still view the network's document. */
  g_assert_cmpstr (gvir_config_network_dhcp_host_get_name (host), ==, "builder");
  g_assert_cmpint (gvir_config_network_get_forward_mode (network), ==, GVIR_CONFIG_NETWORK_FORWARD_ROUTE);
  g_assert_cmpstr (gvir_config_network_get_forward_dev (network), ==, "eth1");
  g_assert_false (gvir_config_network_get_bridge_stp (network));
  g_assert_cmpuint (gvir_config_network_get_ip_prefix (network), ==, 24);

  g_clear_object (&range);
  g_clear_object (&host);
  g_assert_finalize_object (network);
}

static void
test_storage_build (void)
{
  GVirConfigStoragePool *pool = gvir_config_storage_pool_new ();
  GVirConfigStorageVol *vol = gvir_config_storage_vol_new ();
  g_autoptr(GVirConfigStoragePoolSource) source = gvir_config_storage_pool_source_new ();
  g_autoptr(GVirConfigStoragePoolSource) other_source = gvir_config_storage_pool_source_new ();
  g_autofree char *xml = NULL;
  g_autoptr(GVirConfigStoragePoolTarget) target = gvir_config_storage_pool_target_new ();
  g_autoptr(GVirConfigStoragePermissions) perms = gvir_config_storage_permissions_new ();
  g_autoptr(GVirConfigStorageVolTarget) vtarget = gvir_config_storage_vol_target_new ();
  g_autoptr(GVirConfigStoragePermissions) vperms = gvir_config_storage_permissions_new ();
  g_autoptr(GVirConfigStorageVolBackingStore) backing = gvir_config_storage_vol_backing_store_new ();

  gvir_config_storage_pool_set_pool_type (pool, GVIR_CONFIG_STORAGE_POOL_TYPE_LOGICAL);
  gvir_config_storage_pool_set_name (pool, "vg-guests");
  gvir_config_storage_pool_set_uuid (pool, "5f4b6b8a-1d3c-4e58-9bd0-0b8a3f6f2e11");
  gvir_config_storage_pool_set_capacity (pool, G_GUINT64_CONSTANT (536870912000));
  gvir_config_storage_pool_set_allocation (pool, 0);
  gvir_config_storage_pool_set_available (pool, G_GUINT64_CONSTANT (536870912000));
  gvir_config_storage_pool_source_set_name (source, "vg-guests");
  gvir_config_storage_pool_source_set_device_path (source, "/dev/sdb1");
  gvir_config_storage_pool_source_set_format (source, "lvm2");
  gvir_config_storage_pool_set_source (pool, source);
  gvir_config_storage_pool_target_set_path (target, "/dev/vg-guests");
  gvir_config_storage_permissions_set_mode (perms, 0755);
  gvir_config_storage_permissions_set_owner (perms, 0);
  gvir_config_storage_permissions_set_group (perms, 6);
  gvir_config_storage_permissions_set_label (perms, "system_u:object_r:fixed_disk_device_t:s0");
  gvir_config_storage_pool_target_set_permissions (target, perms);
  gvir_config_storage_pool_set_target (pool, target);
  assert_xml_equals_fixture (pool, "pool-built.xml");

  /* The source elements a logical pool has no use for (libvirt's schema
   * refuses them there), on a source of their own. */
  gvir_config_storage_pool_source_set_adapter (other_source, "host0");
  gvir_config_storage_pool_source_set_vendor (other_source, "ACME");
  gvir_config_storage_pool_source_set_product (other_source, "Disk9000");
  gvir_config_storage_pool_source_set_host (other_source, "san.example.org");
  gvir_config_storage_pool_source_set_directory (other_source, "/srv/share");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_adapter (other_source), ==, "host0");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_host (other_source), ==, "san.example.org");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_directory (other_source), ==, "/srv/share");
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (other_source));
  g_assert_cmpstr (xml, ==, "<source>\n"
                            "  <adapter name=\"host0\"/>\n"
                            "  <vendor name=\"ACME\"/>\n"
                            "  <product name=\"Disk9000\"/>\n"
                            "  <host name=\"san.example.org\"/>\n"
                            "  <dir path=\"/srv/share\"/>\n"
                            "</source>");

  gvir_config_storage_vol_set_name (vol, "overlay.qcow2");
  gvir_config_storage_vol_set_capacity (vol, G_GUINT64_CONSTANT (10737418240));
  gvir_config_storage_vol_set_allocation (vol, 0);
  gvir_config_storage_vol_target_set_format (vtarget, "qcow2");
  gvir_config_storage_vol_target_set_compat (vtarget, "1.1");
  gvir_config_storage_vol_target_set_features (vtarget, GVIR_CONFIG_STORAGE_VOL_TARGET_FEATURE_LAZY_REFCOUNT);
  gvir_config_storage_permissions_set_mode (vperms, 0600);
  gvir_config_storage_permissions_set_owner (vperms, 107);
  gvir_config_storage_permissions_set_group (vperms, 107);
  gvir_config_storage_vol_target_set_permissions (vtarget, vperms);
  gvir_config_storage_vol_set_target (vol, vtarget);
  gvir_config_storage_vol_backing_store_set_path (backing, "/var/lib/libvirt/images/base.qcow2");
  gvir_config_storage_vol_backing_store_set_format (backing, "qcow2");
  gvir_config_storage_vol_set_backing_store (vol, backing);
  assert_xml_equals_fixture (vol, "vol-built.xml");

  g_clear_object (&source);
  g_clear_object (&target);
  g_clear_object (&perms);
  g_clear_object (&vtarget);
  g_clear_object (&vperms);
  g_clear_object (&backing);
  g_assert_finalize_object (pool);
  g_assert_finalize_object (vol);
}

static void
test_snapshot_build (void)
{
  GVirConfigDomainSnapshot *snapshot = gvir_config_domain_snapshot_new ();
  g_autoptr(GVirConfigDomainSnapshotDisk) vda = gvir_config_domain_snapshot_disk_new ();
  g_autoptr(GVirConfigDomainSnapshotDisk) vdb = gvir_config_domain_snapshot_disk_new ();

  gvir_config_domain_snapshot_set_name (snapshot, "nightly");
  gvir_config_domain_snapshot_set_description (snapshot, "Nightly & automatic");
  gvir_config_domain_snapshot_set_memory_state (snapshot, GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_EXTERNAL);
  gvir_config_domain_snapshot_set_memory_file (snapshot, "/var/lib/libvirt/qemu/nightly.mem");
  gvir_config_domain_snapshot_disk_set_name (vda, "vda");
  gvir_config_domain_snapshot_disk_set_snapshot_type (vda, GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_EXTERNAL);
  gvir_config_domain_snapshot_disk_set_driver_format (vda, GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  gvir_config_domain_snapshot_disk_set_source_file (vda, "/var/lib/libvirt/images/demo.nightly");
  gvir_config_domain_snapshot_add_disk (snapshot, vda);
  gvir_config_domain_snapshot_disk_set_name (vdb, "vdb");
  gvir_config_domain_snapshot_disk_set_snapshot_type (vdb, GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);
  gvir_config_domain_snapshot_add_disk (snapshot, vdb);
  assert_xml_equals_fixture (snapshot, "snapshot-built.xml");

  /* Never set by users: the getters give their defaults. */
  g_assert_null (gvir_config_domain_snapshot_get_parent (snapshot));
  g_assert_null (gvir_config_domain_snapshot_get_domain (snapshot));
  g_assert_cmpint (gvir_config_domain_snapshot_get_creation_time (snapshot), ==, 0);
  g_assert_cmpint (gvir_config_domain_snapshot_get_state (snapshot), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE);

  g_clear_object (&vda);
  g_clear_object (&vdb);
  g_assert_finalize_object (snapshot);
}

static void
test_misc_build (void)
{
  GVirConfigSecret *secret = gvir_config_secret_new ();
  GVirConfigInterface *iface = gvir_config_interface_new ();
  GVirConfigNodeDevice *dev = gvir_config_node_device_new ();
  GVirConfigNetworkFilter *filter = gvir_config_network_filter_new ();
  g_autoptr(GVirConfigNetworkFilterRule) rule = gvir_config_network_filter_rule_new ();

  gvir_config_secret_set_ephemeral (secret, FALSE);
  gvir_config_secret_set_private (secret, TRUE);
  gvir_config_secret_set_uuid (secret, "6dd3e4a5-1d76-44ce-961f-f119f5aad935");
  gvir_config_secret_set_description (secret, "Ceph client key");
  gvir_config_secret_set_usage_type (secret, GVIR_CONFIG_SECRET_USAGE_TYPE_CEPH);
  gvir_config_secret_set_usage_name (secret, "client.libvirt secret");
  assert_xml_equals_fixture (secret, "secret-built.xml");

  /* Ethernet: libvirt's schema wants a bridge interface to hold a <bridge>
   * element, which this API does not build. */
  gvir_config_interface_set_interface_type (iface, GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);
  gvir_config_interface_set_name (iface, "eth1");
  gvir_config_interface_set_start_mode (iface, GVIR_CONFIG_INTERFACE_START_MODE_ONBOOT);
  gvir_config_interface_set_mac (iface, "52:54:00:12:34:56");
  gvir_config_interface_set_mtu (iface, 9000);
  gvir_config_interface_add_address (iface, "10.0.0.2", 8);
  gvir_config_interface_add_address (iface, "fd00::2", 64);
  gvir_config_interface_add_address (iface, "10.1.0.2", 16);
  assert_xml_equals_fixture (iface, "interface-built.xml");

  /* The API sets only the capability type, and ap_matrix is the one
   * capability libvirt's schema accepts with no content. */
  gvir_config_node_device_set_name (dev, "ap_matrix");
  gvir_config_node_device_set_parent (dev, "computer");
  gvir_config_node_device_set_capability_type (dev, "ap_matrix");
  assert_xml_equals_fixture (dev, "nodedev-built.xml");
  gvir_config_node_device_set_path (dev, "/sys/devices/scsi_host7");
  g_assert_cmpstr (gvir_config_node_device_get_path (dev), ==, "/sys/devices/scsi_host7");

  gvir_config_network_filter_set_name (filter, "allow-ssh");
  gvir_config_network_filter_set_chain (filter, "ipv4");
  gvir_config_network_filter_set_priority (filter, -500);
  gvir_config_network_filter_set_uuid (filter, "33bfe9c6-1b63-4e0b-a0c7-7ba7c5a6ad01");
  gvir_config_network_filter_rule_set_action (rule, GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_ACCEPT);
  gvir_config_network_filter_rule_set_direction (rule, GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_IN);
  gvir_config_network_filter_rule_set_priority (rule, 200);
  gvir_config_network_filter_add_rule (filter, rule);
  gvir_config_network_filter_add_filterref (filter, "clean-traffic");
  assert_xml_equals_fixture (filter, "nwfilter-built.xml");

  g_clear_object (&rule);
  g_assert_finalize_object (secret);
  g_assert_finalize_object (iface);
  g_assert_finalize_object (dev);
  g_assert_finalize_object (filter);
}

/* ---- every setter with its getter, and removal ---- */

static void
test_accessors_unset (void)
{
  g_autoptr(GVirConfigNetwork) network = gvir_config_network_new ();
  g_autoptr(GVirConfigSecret) secret = gvir_config_secret_new ();
  g_autoptr(GVirConfigStoragePool) pool = gvir_config_storage_pool_new ();
  g_autoptr(GVirConfigStorageVol) vol = gvir_config_storage_vol_new ();
  g_autoptr(GVirConfigStorageVolTarget) vtarget = gvir_config_storage_vol_target_new ();
  g_autoptr(GVirConfigStoragePermissions) perms = gvir_config_storage_permissions_new ();
  g_autoptr(GVirConfigInterface) iface = gvir_config_interface_new ();
  g_autoptr(GVirConfigNetworkFilterRule) rule = gvir_config_network_filter_rule_new ();
  g_auto(GStrv) addresses = NULL;

  g_assert_cmpint (gvir_config_network_get_forward_mode (network), ==, GVIR_CONFIG_NETWORK_FORWARD_NONE);
  g_assert_true (gvir_config_network_get_bridge_stp (network));
  g_assert_null (gvir_config_network_get_ip_address (network));
  g_assert_null (gvir_config_network_get_dhcp_ranges (network));
  g_assert_cmpuint (gvir_config_network_get_mtu (network), ==, 0);
  g_assert_false (gvir_config_secret_get_private (secret));
  g_assert_cmpint (gvir_config_secret_get_usage_type (secret), ==, GVIR_CONFIG_SECRET_USAGE_TYPE_NONE);
  g_assert_null (gvir_config_storage_pool_get_source (pool));
  g_assert_null (gvir_config_storage_pool_get_target (pool));
  g_assert_null (gvir_config_storage_vol_get_target (vol));
  g_assert_null (gvir_config_storage_vol_get_backing_store (vol));
  g_assert_cmpuint (gvir_config_storage_vol_target_get_features (vtarget), ==, 0);
  g_assert_null (gvir_config_storage_vol_target_get_permissions (vtarget));
  g_assert_cmpuint (gvir_config_storage_permissions_get_mode (perms), ==, 0);
  g_assert_cmpint (gvir_config_interface_get_start_mode (iface), ==, GVIR_CONFIG_INTERFACE_START_MODE_NONE);
  addresses = gvir_config_interface_get_addresses (iface);
  g_assert_cmpuint (g_strv_length (addresses), ==, 0);
  g_assert_cmpint (gvir_config_network_filter_rule_get_priority (rule), ==, 500);
  g_assert_cmpint (gvir_config_network_filter_rule_get_direction (rule), ==,
                   GVIR_CONFIG_NETWORK_FILTER_RULE_DIRECTION_INOUT);
}

static void
test_accessors_remove (void)
{
  GVirConfigNetwork *network =
    GVIR_CONFIG_NETWORK (parse_fixture (GVIR_CONFIG_TYPE_NETWORK, "network-default.xml"));
  GVirConfigSecret *secret =
    GVIR_CONFIG_SECRET (parse_fixture (GVIR_CONFIG_TYPE_SECRET, "secret-volume.xml"));
  GVirConfigStorageVol *vol =
    GVIR_CONFIG_STORAGE_VOL (parse_fixture (GVIR_CONFIG_TYPE_STORAGE_VOL, "vol-qcow2.xml"));
  GVirConfigInterface *iface =
    GVIR_CONFIG_INTERFACE (parse_fixture (GVIR_CONFIG_TYPE_INTERFACE, "interface-eth.xml"));
  g_autoptr(GVirConfigStorageVolTarget) vtarget = gvir_config_storage_vol_get_target (vol);
  g_autoptr(GVirConfigNetworkDhcpRange) range = gvir_config_network_dhcp_range_new ();
  g_auto(GStrv) addresses = NULL;
  g_autofree char *xml = NULL;

  gvir_config_network_clear_dhcp (network);
  g_assert_null (gvir_config_network_get_dhcp_hosts (network));
  gvir_config_network_set_mtu (network, 0);
  g_assert_cmpuint (gvir_config_network_get_mtu (network), ==, 0);
  gvir_config_network_set_domain_name (network, NULL);
  g_assert_null (gvir_config_network_get_domain_name (network));
  gvir_config_network_set_forward_mode (network, GVIR_CONFIG_NETWORK_FORWARD_NONE);
  g_assert_cmpint (gvir_config_network_get_forward_mode (network), ==, GVIR_CONFIG_NETWORK_FORWARD_NONE);
  gvir_config_network_set_ip_netmask (network, NULL);
  g_assert_null (gvir_config_network_get_ip_netmask (network));
  gvir_config_network_set_ip_address (network, NULL);
  /* The IPv6 <ip> is now the first one. */
  g_assert_cmpstr (gvir_config_network_get_ip_address (network), ==, "2001:db8:ca2:2::1");
  g_assert_cmpuint (gvir_config_network_get_ip_prefix (network), ==, 64);
  gvir_config_network_set_uuid (network, NULL);
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (network));
  g_assert_null (strstr (xml, "<mtu"));
  g_assert_null (strstr (xml, "<forward"));
  g_assert_null (strstr (xml, "<uuid"));
  g_assert_null (strstr (xml, "<domain"));
  g_assert_nonnull (strstr (xml, "<dns>"));
  g_clear_pointer (&xml, g_free);

  /* A DHCP range added to a network without <ip> creates it. */
  gvir_config_network_dhcp_range_set_start (range, "2001:db8:ca2:2::100");
  gvir_config_network_dhcp_range_set_end (range, "2001:db8:ca2:2::1ff");
  gvir_config_network_add_dhcp_range (network, range);
  g_clear_object (&range);
  {
    g_autolist(GVirConfigNetworkDhcpRange) ranges = gvir_config_network_get_dhcp_ranges (network);
    g_assert_cmpuint (g_list_length (ranges), ==, 1);
    g_assert_cmpstr (gvir_config_network_dhcp_range_get_end (ranges->data), ==, "2001:db8:ca2:2::1ff");
  }

  gvir_config_secret_set_usage_volume (secret, NULL);
  g_assert_null (gvir_config_secret_get_usage_volume (secret));
  gvir_config_secret_set_usage_target (secret, "iqn.2013-07.com.example:iscsi-pool");
  g_assert_cmpstr (gvir_config_secret_get_usage_target (secret), ==, "iqn.2013-07.com.example:iscsi-pool");
  gvir_config_secret_set_usage_target (secret, "iqn.2013-07.com.example:other");
  g_assert_cmpstr (gvir_config_secret_get_usage_target (secret), ==, "iqn.2013-07.com.example:other");
  gvir_config_secret_set_description (secret, NULL);
  g_assert_null (gvir_config_secret_get_description (secret));

  gvir_config_storage_vol_target_set_features (vtarget, 0);
  g_assert_cmpuint (gvir_config_storage_vol_target_get_features (vtarget), ==, 0);
  gvir_config_storage_vol_target_set_permissions (vtarget, NULL);
  g_assert_null (gvir_config_storage_vol_target_get_permissions (vtarget));
  gvir_config_storage_vol_set_backing_store (vol, NULL);
  g_assert_null (gvir_config_storage_vol_get_backing_store (vol));
  gvir_config_storage_vol_set_capacity (vol, 42);
  g_assert_cmpuint (gvir_config_storage_vol_get_capacity (vol), ==, 42);
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (vol));
  /* The unit is gone with the old content: 42 means 42 bytes. */
  g_assert_nonnull (strstr (xml, "<capacity>42</capacity>"));
  g_assert_null (strstr (xml, "backingStore"));
  g_assert_null (strstr (xml, "lazy_refcounts"));
  g_clear_pointer (&xml, g_free);

  gvir_config_interface_clear_addresses (iface);
  addresses = gvir_config_interface_get_addresses (iface);
  g_assert_cmpuint (g_strv_length (addresses), ==, 0);
  gvir_config_interface_set_mac (iface, NULL);
  g_assert_null (gvir_config_interface_get_mac (iface));
  gvir_config_interface_set_start_mode (iface, GVIR_CONFIG_INTERFACE_START_MODE_HOTPLUG);
  g_assert_cmpint (gvir_config_interface_get_start_mode (iface), ==, GVIR_CONFIG_INTERFACE_START_MODE_HOTPLUG);

  g_clear_object (&vtarget);
  g_assert_finalize_object (network);
  g_assert_finalize_object (secret);
  g_assert_finalize_object (vol);
  g_assert_finalize_object (iface);
}

/* ---- malformed input ---- */

static void
test_garbage_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigNetwork) network = gvir_config_network_new_from_xml (
    "<network><forward mode=\"teleport\"/><bridge stp=\"maybe\" delay=\"-3\"/>"
    "<mtu size=\"huge\"/><ip prefix=\"999\"><dhcp><range/><host/></dhcp></ip></network>", &error);
  g_autoptr(GVirConfigStoragePool) pool = gvir_config_storage_pool_new_from_xml (
    "<pool type=\"cloud\"><capacity unit=\"parsecs\">12</capacity>"
    "<allocation>-5</allocation><available unit=\"EiB\">99999</available>"
    "<target><permissions><mode>999</mode><owner>root</owner></permissions></target></pool>", &error);
  g_autoptr(GVirConfigDomainSnapshot) snapshot = gvir_config_domain_snapshot_new_from_xml (
    "<domainsnapshot><state>confused</state><creationTime>yesterday</creationTime>"
    "<memory snapshot=\"sometimes\"/><disks><disk snapshot=\"perhaps\"><driver type=\"floppy\"/></disk>"
    "</disks><parent/></domainsnapshot>", &error);
  g_autoptr(GVirConfigSecret) secret = gvir_config_secret_new_from_xml (
    "<secret private=\"perhaps\"><usage type=\"magic\"/></secret>", &error);
  g_autoptr(GVirConfigNetworkFilter) filter = gvir_config_network_filter_new_from_xml (
    "<filter priority=\"5000\"><rule action=\"explode\" priority=\"x\"/><filterref/></filter>", &error);
  g_autoptr(GVirConfigInterface) iface = gvir_config_interface_new_from_xml (
    "<interface type=\"wormhole\"><protocol><ip/><ip address=\"1.2.3.4\"/></protocol></interface>",
    &error);
  g_autoptr(GVirConfigStoragePoolTarget) target = NULL;
  g_autoptr(GVirConfigStoragePermissions) perms = NULL;
  g_autolist(GVirConfigDomainSnapshotDisk) disks = NULL;
  g_autolist(GVirConfigNetworkDhcpRange) ranges = NULL;
  g_autolist(GVirConfigNetworkFilterRule) rules = NULL;
  g_auto(GStrv) refs = NULL;
  g_auto(GStrv) addresses = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_network_get_forward_mode (network), ==, GVIR_CONFIG_NETWORK_FORWARD_NONE);
  g_assert_true (gvir_config_network_get_bridge_stp (network));
  g_assert_cmpuint (gvir_config_network_get_bridge_delay (network), ==, 0);
  g_assert_cmpuint (gvir_config_network_get_mtu (network), ==, 0);
  g_assert_cmpuint (gvir_config_network_get_ip_prefix (network), ==, 0);
  ranges = gvir_config_network_get_dhcp_ranges (network);
  g_assert_cmpuint (g_list_length (ranges), ==, 1);
  g_assert_null (gvir_config_network_dhcp_range_get_start (ranges->data));

  g_assert_cmpint (gvir_config_storage_pool_get_pool_type (pool), ==, GVIR_CONFIG_STORAGE_POOL_TYPE_DIR);
  g_assert_cmpuint (gvir_config_storage_pool_get_capacity (pool), ==, 0);
  g_assert_cmpuint (gvir_config_storage_pool_get_allocation (pool), ==, 0);
  g_assert_cmpuint (gvir_config_storage_pool_get_available (pool), ==, 0);
  target = gvir_config_storage_pool_get_target (pool);
  perms = gvir_config_storage_pool_target_get_permissions (target);
  g_assert_cmpuint (gvir_config_storage_permissions_get_mode (perms), ==, 0);
  g_assert_cmpuint (gvir_config_storage_permissions_get_owner (perms), ==, 0);
  g_assert_null (gvir_config_storage_pool_target_get_path (target));

  g_assert_cmpint (gvir_config_domain_snapshot_get_state (snapshot), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_DOMAIN_STATE_NOSTATE);
  g_assert_cmpint (gvir_config_domain_snapshot_get_creation_time (snapshot), ==, 0);
  g_assert_cmpint (gvir_config_domain_snapshot_get_memory_state (snapshot), ==,
                   GVIR_CONFIG_DOMAIN_SNAPSHOT_MEMORY_STATE_NONE);
  g_assert_null (gvir_config_domain_snapshot_get_parent (snapshot));
  disks = gvir_config_domain_snapshot_get_disks (snapshot);
  g_assert_cmpuint (g_list_length (disks), ==, 1);
  g_assert_cmpint (gvir_config_domain_snapshot_disk_get_snapshot_type (disks->data), ==,
                   GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_NO);
  g_assert_cmpint (gvir_config_domain_snapshot_disk_get_driver_format (disks->data), ==,
                   GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
  g_assert_null (gvir_config_domain_snapshot_disk_get_name (disks->data));
  g_assert_null (gvir_config_domain_snapshot_disk_get_source_file (disks->data));

  g_assert_false (gvir_config_secret_get_private (secret));
  g_assert_cmpint (gvir_config_secret_get_usage_type (secret), ==, GVIR_CONFIG_SECRET_USAGE_TYPE_NONE);

  g_assert_cmpint (gvir_config_network_filter_get_priority (filter), ==, 0);
  rules = gvir_config_network_filter_get_rules (filter);
  g_assert_cmpint (gvir_config_network_filter_rule_get_action (rules->data), ==,
                   GVIR_CONFIG_NETWORK_FILTER_RULE_ACTION_DROP);
  g_assert_cmpint (gvir_config_network_filter_rule_get_priority (rules->data), ==, 500);
  refs = gvir_config_network_filter_get_filterrefs (filter);
  g_assert_cmpuint (g_strv_length (refs), ==, 0);

  g_assert_cmpint (gvir_config_interface_get_interface_type (iface), ==, GVIR_CONFIG_INTERFACE_TYPE_ETHERNET);
  addresses = gvir_config_interface_get_addresses (iface);
  g_assert_cmpuint (g_strv_length (addresses), ==, 1);
  g_assert_cmpstr (addresses[0], ==, "1.2.3.4");
}

/* Invalid setter input is a programmer error: a critical, and nothing
 * changes. */
#define EXPECT_CRITICAL(call)                                                   \
  G_STMT_START {                                                                \
    g_test_expect_message ("Libvirt.GConfig", G_LOG_LEVEL_CRITICAL, "*failed*"); \
    call;                                                                       \
    g_test_assert_expected_messages ();                                         \
  } G_STMT_END

static void
test_invalid_setters (void)
{
  GVirConfigNetwork *network = gvir_config_network_new ();
  g_autoptr(GVirConfigNetworkDhcpHost) host = gvir_config_network_dhcp_host_new ();
  g_autoptr(GVirConfigNetworkDhcpRange) range = gvir_config_network_dhcp_range_new ();
  g_autoptr(GVirConfigStoragePool) pool = gvir_config_storage_pool_new ();
  g_autoptr(GVirConfigStoragePermissions) perms = gvir_config_storage_permissions_new ();
  g_autoptr(GVirConfigStorageVolTarget) vtarget = gvir_config_storage_vol_target_new ();
  g_autoptr(GVirConfigSecret) secret = gvir_config_secret_new ();
  g_autoptr(GVirConfigInterface) iface = gvir_config_interface_new ();
  g_autoptr(GVirConfigNetworkFilter) filter = gvir_config_network_filter_new ();
  g_autoptr(GVirConfigNetworkFilterRule) rule = gvir_config_network_filter_rule_new ();
  g_autoptr(GVirConfigDomainSnapshot) snapshot = gvir_config_domain_snapshot_new ();
  g_autofree char *empty = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (network));
  g_autofree char *after = NULL;

  EXPECT_CRITICAL (gvir_config_network_set_uuid (network, "not-a-uuid"));
  EXPECT_CRITICAL (gvir_config_network_set_uuid (network, "9a05da11-e96b-47f3-8253-a3a482e445fZ"));
  EXPECT_CRITICAL (gvir_config_network_set_ip_address (network, "192.168.1.256"));
  EXPECT_CRITICAL (gvir_config_network_set_ip_address (network, "example.org"));
  EXPECT_CRITICAL (gvir_config_network_set_ip_netmask (network, "255.0.255.0"));
  EXPECT_CRITICAL (gvir_config_network_set_ip_netmask (network, "fe80::1"));
  EXPECT_CRITICAL (gvir_config_network_set_ip_prefix (network, 129));
  EXPECT_CRITICAL (gvir_config_network_set_forward_mode (network, (GVirConfigNetworkForwardMode) 42));
  EXPECT_CRITICAL (gvir_config_network_add_dhcp_range (network, NULL));
  after = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (network));
  g_assert_cmpstr (after, ==, empty);

  EXPECT_CRITICAL (gvir_config_network_dhcp_host_set_mac (host, "52:54:00:6c:3c"));
  EXPECT_CRITICAL (gvir_config_network_dhcp_host_set_mac (host, "52-54-00-6c-3c-01"));
  EXPECT_CRITICAL (gvir_config_network_dhcp_host_set_mac (host, "52:54:00:6c:3c:0g"));
  EXPECT_CRITICAL (gvir_config_network_dhcp_host_set_ip (host, "10.0.0"));
  EXPECT_CRITICAL (gvir_config_network_dhcp_range_set_start (range, ""));
  g_assert_null (gvir_config_network_dhcp_host_get_mac (host));
  g_assert_null (gvir_config_network_dhcp_host_get_ip (host));
  g_assert_null (gvir_config_network_dhcp_range_get_start (range));

  EXPECT_CRITICAL (gvir_config_storage_pool_set_uuid (pool, "{3e3fce45-4f53-4fa7-bb32-11f34168b82b}"));
  EXPECT_CRITICAL (gvir_config_storage_pool_set_pool_type (pool, (GVirConfigStoragePoolType) -1));
  EXPECT_CRITICAL (gvir_config_storage_pool_set_source (pool, (GVirConfigStoragePoolSource *) perms));
  g_assert_null (gvir_config_storage_pool_get_uuid (pool));
  g_assert_null (gvir_config_storage_pool_get_source (pool));
  EXPECT_CRITICAL (gvir_config_storage_permissions_set_mode (perms, 010000));
  g_assert_cmpuint (gvir_config_storage_permissions_get_mode (perms), ==, 0);
  EXPECT_CRITICAL (gvir_config_storage_vol_target_set_features (vtarget, 1 << 7));
  g_assert_cmpuint (gvir_config_storage_vol_target_get_features (vtarget), ==, 0);

  EXPECT_CRITICAL (gvir_config_secret_set_uuid (secret, "1234"));
  EXPECT_CRITICAL (gvir_config_secret_set_usage_type (secret, (GVirConfigSecretUsageType) 99));
  g_assert_null (gvir_config_secret_get_uuid (secret));

  EXPECT_CRITICAL (gvir_config_interface_set_mac (iface, "aa:bb:cc:dd:ee:ff:00"));
  EXPECT_CRITICAL (gvir_config_interface_add_address (iface, "10.0.0.1", 33));
  EXPECT_CRITICAL (gvir_config_interface_add_address (iface, "fd00::1", 129));
  EXPECT_CRITICAL (gvir_config_interface_add_address (iface, NULL, 24));
  g_assert_null (gvir_config_interface_get_mac (iface));
  {
    g_auto(GStrv) addresses = gvir_config_interface_get_addresses (iface);
    g_assert_cmpuint (g_strv_length (addresses), ==, 0);
  }

  EXPECT_CRITICAL (gvir_config_network_filter_set_priority (filter, 1001));
  EXPECT_CRITICAL (gvir_config_network_filter_rule_set_priority (rule, -1001));
  EXPECT_CRITICAL (gvir_config_network_filter_add_filterref (filter, ""));
  EXPECT_CRITICAL (gvir_config_network_filter_set_uuid (filter, "zz"));
  g_assert_cmpint (gvir_config_network_filter_get_priority (filter), ==, 0);
  g_assert_cmpint (gvir_config_network_filter_rule_get_priority (rule), ==, 500);

  EXPECT_CRITICAL (gvir_config_domain_snapshot_add_disk (snapshot, NULL));
  EXPECT_CRITICAL (gvir_config_domain_snapshot_set_memory_state (snapshot,
                                                                 (GVirConfigDomainSnapshotMemoryState) 7));
  g_assert_null (gvir_config_domain_snapshot_get_disks (snapshot));

  /* The 32-digit UUID form libvirt reads is accepted. */
  gvir_config_secret_set_uuid (secret, "c1f11a6d8c5d4a3eac7a4e171c5e0d4a");
  g_assert_cmpstr (gvir_config_secret_get_uuid (secret), ==, "c1f11a6d8c5d4a3eac7a4e171c5e0d4a");

  g_assert_finalize_object (network);
}

/* Objects made by g_object_new() alone, as bindings do, get their root. */
static void
test_g_object_new (void)
{
  struct { GType (*get_type) (void); const char *xml; } cases[] = {
    { gvir_config_domain_snapshot_get_type, "<domainsnapshot/>" },
    { gvir_config_domain_snapshot_disk_get_type, "<disk/>" },
    { gvir_config_storage_pool_get_type, "<pool/>" },
    { gvir_config_storage_pool_source_get_type, "<source/>" },
    { gvir_config_storage_pool_target_get_type, "<target/>" },
    { gvir_config_storage_permissions_get_type, "<permissions/>" },
    { gvir_config_storage_vol_get_type, "<volume/>" },
    { gvir_config_storage_vol_target_get_type, "<target/>" },
    { gvir_config_storage_vol_backing_store_get_type, "<backingStore/>" },
    { gvir_config_network_get_type, "<network/>" },
    { gvir_config_network_dhcp_range_get_type, "<range/>" },
    { gvir_config_network_dhcp_host_get_type, "<host/>" },
    { gvir_config_network_filter_get_type, "<filter/>" },
    { gvir_config_network_filter_rule_get_type, "<rule/>" },
    { gvir_config_interface_get_type, "<interface/>" },
    { gvir_config_node_device_get_type, "<device/>" },
    { gvir_config_secret_get_type, "<secret/>" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GObject *obj = g_object_new (cases[i].get_type (), NULL);
      g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (obj));

      g_assert_cmpstr (xml, ==, cases[i].xml);
      g_assert_finalize_object (obj);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gconfig/documents/roundtrip/%s", fixtures[i].file);

      g_test_add_data_func (path, &fixtures[i], test_roundtrip);
    }
  g_test_add_func ("/gconfig/documents/typed-constructors", test_typed_constructors);
  g_test_add_func ("/gconfig/documents/network/parsed", test_network_parsed);
  g_test_add_func ("/gconfig/documents/network/build", test_network_build);
  g_test_add_func ("/gconfig/documents/storage/parsed", test_storage_parsed);
  g_test_add_func ("/gconfig/documents/storage/build", test_storage_build);
  g_test_add_func ("/gconfig/documents/snapshot/parsed", test_snapshot_parsed);
  g_test_add_func ("/gconfig/documents/snapshot/build", test_snapshot_build);
  g_test_add_func ("/gconfig/documents/misc/parsed", test_misc_parsed);
  g_test_add_func ("/gconfig/documents/misc/build", test_misc_build);
  g_test_add_func ("/gconfig/documents/accessors/unset", test_accessors_unset);
  g_test_add_func ("/gconfig/documents/accessors/remove", test_accessors_remove);
  g_test_add_func ("/gconfig/documents/errors/garbage-values", test_garbage_values);
  g_test_add_func ("/gconfig/documents/errors/dtd/none-accepted", test_no_dtd_accepted);
  for (gsize i = 0; i < G_N_ELEMENTS (dtd_documents); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gconfig/documents/errors/dtd/%s",
                                               dtd_documents[i].what);

      g_test_add_data_func (path, GSIZE_TO_POINTER (i), test_dtd_refused);
    }
  g_test_add_func ("/gconfig/documents/errors/invalid-setters", test_invalid_setters);
  g_test_add_func ("/gconfig/documents/object/g-object-new", test_g_object_new);

  return g_test_run ();
}
