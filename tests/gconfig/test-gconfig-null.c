/*
 * test-gconfig-null.c: what a NULL value does to the XML, for each kind of
 * setter
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <libvirt-gconfig/libvirt-gconfig.h>

/*
 * The rules, checked against libvirt-gconfig 4.0 where it has the setter:
 *
 *  - a value held in an attribute of the object's own element: NULL removes
 *    the attribute (as libvirt-gconfig);
 *  - a value held in the text of a child element: NULL removes the element
 *    (as libvirt-gconfig);
 *  - a value held in an attribute of a child element that has other content
 *    (`<target type= name=>`, `<driver name= type=>`): NULL removes the
 *    attribute and keeps the element and its other attributes (as
 *    libvirt-gconfig);
 *  - NULL never creates an element. libvirt-gconfig 4.0 differs here: its
 *    setters create the child and leave it empty (`<mac/>`, `<model/>`,
 *    `<target/>` in an interface, `<format/>` in a volume target), which
 *    libvirt's schema rejects, so this library does not copy it. Where the
 *    element exists only to hold that one value (an interface's `<mac>`,
 *    `<model>` and `<target>`, a disk's or filesystem's `<source>`, the
 *    single-attribute elements of a pool source or volume target), NULL
 *    removes the element.
 *
 * tests/compat/gconfig-program.c runs the cases where the two libraries
 * agree against the real libvirt-gconfig.
 */

static void
assert_xml (gpointer object, const char *expected)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (object));

  g_assert_cmpstr (xml, ==, expected);
}

/* ---- NULL on a fresh object changes nothing ---- */

static void
test_fresh_devices (void)
{
  g_autoptr(GVirConfigDomainChannel) channel = gvir_config_domain_channel_new ();
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();
  g_autoptr(GVirConfigDomainHostdevPci) hostdev = gvir_config_domain_hostdev_pci_new ();
  g_autoptr(GVirConfigDomainInterfaceNetwork) net = gvir_config_domain_interface_network_new ();
  g_autoptr(GVirConfigDomainFilesys) fs = gvir_config_domain_filesys_new ();
  g_autoptr(GVirConfigDomainChardevSourcePty) pty = gvir_config_domain_chardev_source_pty_new ();
  g_autoptr(GVirConfigDomainChardevSourceUnix) unix_source = gvir_config_domain_chardev_source_unix_new ();
  g_autoptr(GVirConfigDomainChardevSourceSpicePort) port = gvir_config_domain_chardev_source_spiceport_new ();
  g_autoptr(GVirConfigDomainGraphicsSpice) spice = gvir_config_domain_graphics_spice_new ();
  GVirConfigDomainInterface *iface = GVIR_CONFIG_DOMAIN_INTERFACE (net);

  gvir_config_domain_channel_set_target_name (channel, NULL);
  assert_xml (channel, "<channel/>");

  gvir_config_domain_disk_set_driver_name (disk, NULL);
  gvir_config_domain_disk_set_driver_type (disk, NULL);
  gvir_config_domain_disk_set_source (disk, NULL);
  assert_xml (disk, "<disk/>");

  gvir_config_domain_hostdev_pci_set_rom_file (hostdev, NULL);
  assert_xml (hostdev, "<hostdev mode=\"subsystem\" type=\"pci\"/>");

  gvir_config_domain_interface_set_mac (iface, NULL);
  gvir_config_domain_interface_set_model (iface, NULL);
  gvir_config_domain_interface_set_ifname (iface, NULL);
  assert_xml (net, "<interface type=\"network\"/>");

  gvir_config_domain_filesys_set_source (fs, NULL);
  assert_xml (fs, "<filesystem/>");

  gvir_config_domain_chardev_source_pty_set_path (pty, NULL);
  assert_xml (pty, "<source type=\"pty\"/>");
  gvir_config_domain_chardev_source_unix_set_path (unix_source, NULL);
  assert_xml (unix_source, "<source type=\"unix\"/>");
  gvir_config_domain_chardev_source_spiceport_set_channel (port, NULL);
  assert_xml (port, "<source type=\"spiceport\"/>");

  gvir_config_domain_graphics_spice_set_password (spice, NULL);
  assert_xml (spice, "<graphics type=\"spice\"/>");
}

static void
test_fresh_domain_parts (void)
{
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainOs) os = gvir_config_domain_os_new ();
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
  g_autoptr(GVirConfigDomainCputune) cputune = gvir_config_domain_cputune_new ();
  g_autoptr(GVirConfigDomainSnapshot) snapshot = gvir_config_domain_snapshot_new ();
  g_autoptr(GVirConfigDomainSnapshotDisk) snapdisk = gvir_config_domain_snapshot_disk_new ();
  g_autoptr(GError) error = NULL;

  gvir_config_domain_set_title (domain, NULL);
  gvir_config_domain_set_description (domain, NULL);
  g_assert_true (gvir_config_domain_set_vcpu_cpuset (domain, NULL, &error));
  g_assert_no_error (error);
  assert_xml (domain, "<domain/>");

  gvir_config_domain_os_set_arch (os, NULL);
  gvir_config_domain_os_set_machine (os, NULL);
  gvir_config_domain_os_set_kernel (os, NULL);
  assert_xml (os, "<os/>");

  g_assert_true (gvir_config_domain_numatune_set_memory_nodeset (numatune, NULL, &error));
  g_assert_no_error (error);
  assert_xml (numatune, "<numatune/>");

  g_assert_true (gvir_config_domain_cputune_set_emulatorpin (cputune, NULL, &error));
  g_assert_no_error (error);
  assert_xml (cputune, "<cputune/>");

  gvir_config_domain_snapshot_set_memory_file (snapshot, NULL);
  assert_xml (snapshot, "<domainsnapshot/>");
  gvir_config_domain_snapshot_disk_set_source_file (snapdisk, NULL);
  assert_xml (snapdisk, "<disk/>");
}

static void
test_fresh_documents (void)
{
  g_autoptr(GVirConfigNetwork) network = gvir_config_network_new ();
  g_autoptr(GVirConfigNodeDevice) device = gvir_config_node_device_new ();
  g_autoptr(GVirConfigStoragePoolSource) source = gvir_config_storage_pool_source_new ();
  g_autoptr(GVirConfigStorageVolTarget) target = gvir_config_storage_vol_target_new ();
  g_autoptr(GVirConfigStorageVolBackingStore) backing = gvir_config_storage_vol_backing_store_new ();

  gvir_config_network_set_forward_dev (network, NULL);
  gvir_config_network_set_bridge_name (network, NULL);
  assert_xml (network, "<network/>");

  gvir_config_node_device_set_capability_type (device, NULL);
  assert_xml (device, "<device/>");

  gvir_config_storage_pool_source_set_adapter (source, NULL);
  gvir_config_storage_pool_source_set_device_path (source, NULL);
  gvir_config_storage_pool_source_set_directory (source, NULL);
  gvir_config_storage_pool_source_set_format (source, NULL);
  gvir_config_storage_pool_source_set_host (source, NULL);
  gvir_config_storage_pool_source_set_product (source, NULL);
  gvir_config_storage_pool_source_set_vendor (source, NULL);
  assert_xml (source, "<source/>");

  gvir_config_storage_vol_target_set_format (target, NULL);
  assert_xml (target, "<target/>");
  gvir_config_storage_vol_backing_store_set_format (backing, NULL);
  assert_xml (backing, "<backingStore/>");
}

/* ---- NULL on an element with other content removes only the value ---- */

static void
test_shared_child_keeps_the_rest (void)
{
  g_autoptr(GVirConfigDomainChannel) channel = gvir_config_domain_channel_new ();
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();
  g_autoptr(GVirConfigDomainOs) os = gvir_config_domain_os_new ();
  g_autoptr(GVirConfigDomainHostdevPci) hostdev = gvir_config_domain_hostdev_pci_new ();
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_numatune_new ();
  g_autoptr(GError) error = NULL;

  gvir_config_domain_channel_set_target_type (channel, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_name (channel, "org.qemu.guest_agent.0");
  gvir_config_domain_channel_set_target_name (channel, NULL);
  assert_xml (channel, "<channel>\n  <target type=\"virtio\"/>\n</channel>");
  g_assert_null (gvir_config_domain_channel_get_target_name (channel));

  gvir_config_domain_disk_set_driver_name (disk, "qemu");
  gvir_config_domain_disk_set_driver_type (disk, "qcow2");
  gvir_config_domain_disk_set_driver_type (disk, NULL);
  assert_xml (disk, "<disk>\n  <driver name=\"qemu\"/>\n</disk>");
  gvir_config_domain_disk_set_driver_name (disk, NULL);
  /* The element stays, as in libvirt-gconfig; an empty <driver/> is valid. */
  assert_xml (disk, "<disk>\n  <driver/>\n</disk>");

  gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  gvir_config_domain_os_set_arch (os, "x86_64");
  gvir_config_domain_os_set_machine (os, "pc");
  gvir_config_domain_os_set_machine (os, NULL);
  assert_xml (os, "<os>\n  <type arch=\"x86_64\">hvm</type>\n</os>");
  g_assert_null (gvir_config_domain_os_get_machine (os));
  g_assert_cmpstr (gvir_config_domain_os_get_arch (os), ==, "x86_64");

  gvir_config_domain_hostdev_pci_set_rom_bar (hostdev, TRUE);
  gvir_config_domain_hostdev_pci_set_rom_file (hostdev, "/srv/rom.bin");
  gvir_config_domain_hostdev_pci_set_rom_file (hostdev, NULL);
  assert_xml (hostdev, "<hostdev mode=\"subsystem\" type=\"pci\">\n  <rom bar=\"on\"/>\n</hostdev>");

  gvir_config_domain_set_vcpus (domain, 4);
  g_assert_true (gvir_config_domain_set_vcpu_cpuset (domain, "0-1", &error));
  g_assert_no_error (error);
  assert_xml (domain, "<domain>\n  <vcpu cpuset=\"0-1\">4</vcpu>\n</domain>");
  g_assert_true (gvir_config_domain_set_vcpu_cpuset (domain, NULL, &error));
  g_assert_no_error (error);
  assert_xml (domain, "<domain>\n  <vcpu>4</vcpu>\n</domain>");

  gvir_config_domain_numatune_set_memory_mode (numatune, GVIR_CONFIG_DOMAIN_NUMATUNE_MEMORY_MODE_PREFERRED);
  g_assert_true (gvir_config_domain_numatune_set_memory_nodeset (numatune, "1", &error));
  g_assert_true (gvir_config_domain_numatune_set_memory_nodeset (numatune, NULL, &error));
  g_assert_no_error (error);
  assert_xml (numatune, "<numatune>\n  <memory mode=\"preferred\"/>\n</numatune>");
}

/* ---- NULL removes an element that holds only that value ---- */

static void
test_single_value_child_removed (void)
{
  g_autoptr(GVirConfigDomainInterfaceNetwork) net = gvir_config_domain_interface_network_new ();
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();
  g_autoptr(GVirConfigStoragePoolSource) source = gvir_config_storage_pool_source_new ();
  g_autoptr(GVirConfigStorageVolTarget) target = gvir_config_storage_vol_target_new ();
  GVirConfigDomainInterface *iface = GVIR_CONFIG_DOMAIN_INTERFACE (net);

  gvir_config_domain_interface_network_set_source (net, "default");
  gvir_config_domain_interface_set_mac (iface, "52:54:00:00:00:01");
  gvir_config_domain_interface_set_model (iface, "virtio");
  gvir_config_domain_interface_set_ifname (iface, "vnet0");
  gvir_config_domain_interface_set_mac (iface, NULL);
  gvir_config_domain_interface_set_model (iface, NULL);
  gvir_config_domain_interface_set_ifname (iface, NULL);
  assert_xml (net, "<interface type=\"network\">\n  <source network=\"default\"/>\n</interface>");
  g_assert_null (gvir_config_domain_interface_get_mac (iface));
  g_assert_null (gvir_config_domain_interface_get_model (iface));
  g_assert_null (gvir_config_domain_interface_get_ifname (iface));

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_source (disk, "/srv/a.img");
  gvir_config_domain_disk_set_source (disk, NULL);
  assert_xml (disk, "<disk type=\"file\"/>");
  g_assert_null (gvir_config_domain_disk_get_source (disk));

  gvir_config_storage_pool_source_set_device_path (source, "/dev/sdb");
  gvir_config_storage_pool_source_set_vendor (source, "ACME");
  gvir_config_storage_pool_source_set_device_path (source, NULL);
  assert_xml (source, "<source>\n  <vendor name=\"ACME\"/>\n</source>");

  gvir_config_storage_vol_target_set_path (target, "/srv/a.qcow2");
  gvir_config_storage_vol_target_set_format (target, "qcow2");
  gvir_config_storage_vol_target_set_format (target, NULL);
  assert_xml (target, "<target>\n  <path>/srv/a.qcow2</path>\n</target>");
}

/* ---- own attributes and text content ---- */

static void
test_own_attribute_and_content (void)
{
  g_autoptr(GVirConfigDomainGraphicsVnc) vnc = gvir_config_domain_graphics_vnc_new ();
  g_autoptr(GVirConfigDomainSeclabel) seclabel = gvir_config_domain_seclabel_new ();
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();

  gvir_config_domain_graphics_vnc_set_autoport (vnc, TRUE);
  gvir_config_domain_graphics_vnc_set_password (vnc, "secret");
  gvir_config_domain_graphics_vnc_set_password (vnc, NULL);
  assert_xml (vnc, "<graphics type=\"vnc\" autoport=\"yes\"/>");

  gvir_config_domain_seclabel_set_model (seclabel, "selinux");
  gvir_config_domain_seclabel_set_label (seclabel, "system_u:system_r:svirt_t:s0");
  gvir_config_domain_seclabel_set_model (seclabel, NULL);
  gvir_config_domain_seclabel_set_label (seclabel, NULL);
  assert_xml (seclabel, "<seclabel/>");

  gvir_config_domain_set_name (domain, "demo");
  gvir_config_domain_set_title (domain, "Demo");
  gvir_config_domain_set_description (domain, "A demo");
  gvir_config_domain_set_title (domain, NULL);
  gvir_config_domain_set_description (domain, NULL);
  assert_xml (domain, "<domain>\n  <name>demo</name>\n</domain>");
  g_assert_null (gvir_config_domain_get_title (domain));
  g_assert_null (gvir_config_domain_get_description (domain));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gconfig/null/fresh/devices", test_fresh_devices);
  g_test_add_func ("/gconfig/null/fresh/domain-parts", test_fresh_domain_parts);
  g_test_add_func ("/gconfig/null/fresh/documents", test_fresh_documents);
  g_test_add_func ("/gconfig/null/shared-child-keeps-the-rest", test_shared_child_keeps_the_rest);
  g_test_add_func ("/gconfig/null/single-value-child-removed", test_single_value_child_removed);
  g_test_add_func ("/gconfig/null/own-attribute-and-content", test_own_attribute_and_content);

  return g_test_run ();
}
