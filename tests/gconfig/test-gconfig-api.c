/*
 * test-gconfig-api.c: every public libvirt-gconfig constructor from XML,
 * and the accessors no other program reaches, each checked by value
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

static void
assert_xml (gpointer object, const char *expected)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (object));

  g_assert_cmpstr (xml, ==, expected);
}

/* ---- every <class>_new_from_xml() ---- */

typedef gpointer (*NewFromXml) (const gchar *xml, GError **error);

typedef struct
{
  const char *name;
  NewFromXml new_from_xml;
  GType (*get_type) (void);
  const char *xml;  /* parsed, then written back unchanged */
} NewFromXmlCase;

static const NewFromXmlCase new_from_xml_cases[] = {
  { "capabilities_cpu_feature", (NewFromXml) gvir_config_capabilities_cpu_feature_new_from_xml, gvir_config_capabilities_cpu_feature_get_type,
    "<feature name=\"vmx\"/>" },
  { "capabilities_cpu_model", (NewFromXml) gvir_config_capabilities_cpu_model_new_from_xml, gvir_config_capabilities_cpu_model_get_type,
    "<model>Skylake-Client</model>" },
  { "capabilities_cpu", (NewFromXml) gvir_config_capabilities_cpu_new_from_xml, gvir_config_capabilities_cpu_get_type,
    "<cpu>\n"
    "  <arch>x86_64</arch>\n"
    "  <model>Skylake-Client</model>\n"
    "</cpu>" },
  { "capabilities_cpu_topology", (NewFromXml) gvir_config_capabilities_cpu_topology_new_from_xml, gvir_config_capabilities_cpu_topology_get_type,
    "<topology sockets=\"1\" cores=\"4\" threads=\"2\"/>" },
  { "domain_address_usb", (NewFromXml) gvir_config_domain_address_usb_new_from_xml, gvir_config_domain_address_usb_get_type,
    "<address type=\"usb\" bus=\"0x001\" port=\"1.2\"/>" },
  { "domain_audio", (NewFromXml) gvir_config_domain_audio_new_from_xml, gvir_config_domain_audio_get_type,
    "<audio id=\"1\" type=\"spice\"/>" },
  { "domain_blkiotune", (NewFromXml) gvir_config_domain_blkiotune_new_from_xml, gvir_config_domain_blkiotune_get_type,
    "<blkiotune>\n"
    "  <weight>500</weight>\n"
    "</blkiotune>" },
  { "domain_channel", (NewFromXml) gvir_config_domain_channel_new_from_xml, gvir_config_domain_channel_get_type,
    "<channel type=\"spicevmc\">\n"
    "  <target type=\"virtio\" name=\"com.redhat.spice.0\"/>\n"
    "</channel>" },
  { "domain_chardev_source_pty", (NewFromXml) gvir_config_domain_chardev_source_pty_new_from_xml, gvir_config_domain_chardev_source_pty_get_type,
    "<source type=\"pty\">\n"
    "  <source path=\"/dev/pts/3\"/>\n"
    "</source>" },
  { "domain_chardev_source_spiceport", (NewFromXml) gvir_config_domain_chardev_source_spiceport_new_from_xml, gvir_config_domain_chardev_source_spiceport_get_type,
    "<source type=\"spiceport\">\n"
    "  <source channel=\"org.qemu.console.serial.0\"/>\n"
    "</source>" },
  { "domain_chardev_source_spicevmc", (NewFromXml) gvir_config_domain_chardev_source_spicevmc_new_from_xml, gvir_config_domain_chardev_source_spicevmc_get_type,
    "<source type=\"spicevmc\"/>" },
  { "domain_chardev_source_unix", (NewFromXml) gvir_config_domain_chardev_source_unix_new_from_xml, gvir_config_domain_chardev_source_unix_get_type,
    "<source type=\"unix\">\n"
    "  <source mode=\"bind\" path=\"/run/agent.sock\"/>\n"
    "</source>" },
  { "domain_clock", (NewFromXml) gvir_config_domain_clock_new_from_xml, gvir_config_domain_clock_get_type,
    "<clock offset=\"utc\"/>" },
  { "domain_console", (NewFromXml) gvir_config_domain_console_new_from_xml, gvir_config_domain_console_get_type,
    "<console type=\"pty\">\n"
    "  <target type=\"virtio\"/>\n"
    "</console>" },
  { "domain_controller_usb", (NewFromXml) gvir_config_domain_controller_usb_new_from_xml, gvir_config_domain_controller_usb_get_type,
    "<controller type=\"usb\" index=\"0\" model=\"ich9-ehci1\"/>" },
  { "domain_cpu_feature", (NewFromXml) gvir_config_domain_cpu_feature_new_from_xml, gvir_config_domain_cpu_feature_get_type,
    "<feature policy=\"require\" name=\"vmx\"/>" },
  { "domain_cpu_model", (NewFromXml) gvir_config_domain_cpu_model_new_from_xml, gvir_config_domain_cpu_model_get_type,
    "<model fallback=\"allow\">Skylake-Client</model>" },
  { "domain_cpu", (NewFromXml) gvir_config_domain_cpu_new_from_xml, gvir_config_domain_cpu_get_type,
    "<cpu mode=\"host-passthrough\"/>" },
  { "domain_cputune", (NewFromXml) gvir_config_domain_cputune_new_from_xml, gvir_config_domain_cputune_get_type,
    "<cputune>\n"
    "  <shares>2048</shares>\n"
    "</cputune>" },
  { "domain_disk", (NewFromXml) gvir_config_domain_disk_new_from_xml, gvir_config_domain_disk_get_type,
    "<disk type=\"file\" device=\"disk\">\n"
    "  <source file=\"/var/lib/a.img\"/>\n"
    "  <target dev=\"vda\" bus=\"virtio\"/>\n"
    "</disk>" },
  { "domain_filesys", (NewFromXml) gvir_config_domain_filesys_new_from_xml, gvir_config_domain_filesys_get_type,
    "<filesystem type=\"mount\">\n"
    "  <source dir=\"/srv\"/>\n"
    "  <target dir=\"srv\"/>\n"
    "</filesystem>" },
  { "domain_graphics_dbus", (NewFromXml) gvir_config_domain_graphics_dbus_new_from_xml, gvir_config_domain_graphics_dbus_get_type,
    "<graphics type=\"dbus\" address=\"unix:path=/run/dbus.sock\"/>" },
  { "domain_graphics_desktop", (NewFromXml) gvir_config_domain_graphics_desktop_new_from_xml, gvir_config_domain_graphics_desktop_get_type,
    "<graphics type=\"desktop\" display=\":0\"/>" },
  { "domain_graphics_rdp", (NewFromXml) gvir_config_domain_graphics_rdp_new_from_xml, gvir_config_domain_graphics_rdp_get_type,
    "<graphics type=\"rdp\" port=\"3389\"/>" },
  { "domain_graphics_sdl", (NewFromXml) gvir_config_domain_graphics_sdl_new_from_xml, gvir_config_domain_graphics_sdl_get_type,
    "<graphics type=\"sdl\" display=\":0\"/>" },
  { "domain_graphics_spice", (NewFromXml) gvir_config_domain_graphics_spice_new_from_xml, gvir_config_domain_graphics_spice_get_type,
    "<graphics type=\"spice\" autoport=\"yes\"/>" },
  { "domain_hostdev_pci", (NewFromXml) gvir_config_domain_hostdev_pci_new_from_xml, gvir_config_domain_hostdev_pci_get_type,
    "<hostdev mode=\"subsystem\" type=\"pci\" managed=\"yes\">\n"
    "  <source>\n"
    "    <address domain=\"0x0000\" bus=\"0x06\" slot=\"0x12\" function=\"0x5\"/>\n"
    "  </source>\n"
    "</hostdev>" },
  { "domain_interface_bridge", (NewFromXml) gvir_config_domain_interface_bridge_new_from_xml, gvir_config_domain_interface_bridge_get_type,
    "<interface type=\"bridge\">\n"
    "  <source bridge=\"br0\"/>\n"
    "</interface>" },
  { "domain_interface_filterref", (NewFromXml) gvir_config_domain_interface_filterref_new_from_xml, gvir_config_domain_interface_filterref_get_type,
    "<filterref filter=\"clean-traffic\">\n"
    "  <parameter name=\"IP\" value=\"10.0.0.1\"/>\n"
    "</filterref>" },
  { "domain_interface_filterref_parameter", (NewFromXml) gvir_config_domain_interface_filterref_parameter_new_from_xml, gvir_config_domain_interface_filterref_parameter_get_type,
    "<parameter name=\"IP\" value=\"10.0.0.1\"/>" },
  { "domain_interface_network", (NewFromXml) gvir_config_domain_interface_network_new_from_xml, gvir_config_domain_interface_network_get_type,
    "<interface type=\"network\">\n"
    "  <source network=\"default\"/>\n"
    "</interface>" },
  { "domain_interface_user", (NewFromXml) gvir_config_domain_interface_user_new_from_xml, gvir_config_domain_interface_user_get_type,
    "<interface type=\"user\">\n"
    "  <mac address=\"52:54:00:00:00:01\"/>\n"
    "</interface>" },
  { "domain_memballoon", (NewFromXml) gvir_config_domain_memballoon_new_from_xml, gvir_config_domain_memballoon_get_type,
    "<memballoon model=\"virtio\"/>" },
  { "domain_memory_backing", (NewFromXml) gvir_config_domain_memory_backing_new_from_xml, gvir_config_domain_memory_backing_get_type,
    "<memoryBacking>\n"
    "  <nosharepages/>\n"
    "</memoryBacking>" },
  { "domain_memory_backing_page", (NewFromXml) gvir_config_domain_memory_backing_page_new_from_xml, gvir_config_domain_memory_backing_page_get_type,
    "<page size=\"2048\" unit=\"KiB\" nodeset=\"0\"/>" },
  { "domain_memory_device", (NewFromXml) gvir_config_domain_memory_device_new_from_xml, gvir_config_domain_memory_device_get_type,
    "<memory model=\"dimm\">\n"
    "  <target>\n"
    "    <size unit=\"KiB\">524288</size>\n"
    "    <node>0</node>\n"
    "  </target>\n"
    "</memory>" },
  { "domain_memtune", (NewFromXml) gvir_config_domain_memtune_new_from_xml, gvir_config_domain_memtune_get_type,
    "<memtune>\n"
    "  <hard_limit unit=\"KiB\">1048576</hard_limit>\n"
    "</memtune>" },
  { "domain_numa_cell", (NewFromXml) gvir_config_domain_numa_cell_new_from_xml, gvir_config_domain_numa_cell_get_type,
    "<cell id=\"0\" cpus=\"0-1\" memory=\"1048576\" unit=\"KiB\"/>" },
  { "domain_numatune_memnode", (NewFromXml) gvir_config_domain_numatune_memnode_new_from_xml, gvir_config_domain_numatune_memnode_get_type,
    "<memnode cellid=\"0\" mode=\"strict\" nodeset=\"1\"/>" },
  { "domain_numatune", (NewFromXml) gvir_config_domain_numatune_new_from_xml, gvir_config_domain_numatune_get_type,
    "<numatune>\n"
    "  <memory mode=\"strict\" nodeset=\"0-1\"/>\n"
    "</numatune>" },
  { "domain_os", (NewFromXml) gvir_config_domain_os_new_from_xml, gvir_config_domain_os_get_type,
    "<os>\n"
    "  <type arch=\"x86_64\" machine=\"pc\">hvm</type>\n"
    "</os>" },
  { "domain_parallel", (NewFromXml) gvir_config_domain_parallel_new_from_xml, gvir_config_domain_parallel_get_type,
    "<parallel type=\"pty\">\n"
    "  <target port=\"0\"/>\n"
    "</parallel>" },
  { "domain_power_management", (NewFromXml) gvir_config_domain_power_management_new_from_xml, gvir_config_domain_power_management_get_type,
    "<pm>\n"
    "  <suspend-to-mem enabled=\"yes\"/>\n"
    "</pm>" },
  { "domain_redirdev", (NewFromXml) gvir_config_domain_redirdev_new_from_xml, gvir_config_domain_redirdev_get_type,
    "<redirdev bus=\"usb\" type=\"spicevmc\"/>" },
  { "domain_seclabel", (NewFromXml) gvir_config_domain_seclabel_new_from_xml, gvir_config_domain_seclabel_get_type,
    "<seclabel type=\"dynamic\" model=\"selinux\"/>" },
  { "domain_smartcard_host_certificates", (NewFromXml) gvir_config_domain_smartcard_host_certificates_new_from_xml, gvir_config_domain_smartcard_host_certificates_get_type,
    "<smartcard mode=\"host-certificates\">\n"
    "  <certificate>cert1</certificate>\n"
    "  <certificate>cert2</certificate>\n"
    "  <certificate>cert3</certificate>\n"
    "</smartcard>" },
  { "domain_smartcard_host", (NewFromXml) gvir_config_domain_smartcard_host_new_from_xml, gvir_config_domain_smartcard_host_get_type,
    "<smartcard mode=\"host\"/>" },
  { "domain_smartcard_passthrough", (NewFromXml) gvir_config_domain_smartcard_passthrough_new_from_xml, gvir_config_domain_smartcard_passthrough_get_type,
    "<smartcard mode=\"passthrough\" type=\"spicevmc\"/>" },
  { "domain_sound", (NewFromXml) gvir_config_domain_sound_new_from_xml, gvir_config_domain_sound_get_type,
    "<sound model=\"ich6\"/>" },
  { "domain_timer_hpet", (NewFromXml) gvir_config_domain_timer_hpet_new_from_xml, gvir_config_domain_timer_hpet_get_type,
    "<timer name=\"hpet\" present=\"no\"/>" },
  { "domain_timer_pit", (NewFromXml) gvir_config_domain_timer_pit_new_from_xml, gvir_config_domain_timer_pit_get_type,
    "<timer name=\"pit\" tickpolicy=\"delay\"/>" },
  { "domain_timer_rtc", (NewFromXml) gvir_config_domain_timer_rtc_new_from_xml, gvir_config_domain_timer_rtc_get_type,
    "<timer name=\"rtc\" tickpolicy=\"catchup\"/>" },
  { "domain_video", (NewFromXml) gvir_config_domain_video_new_from_xml, gvir_config_domain_video_get_type,
    "<video>\n"
    "  <model type=\"virtio\" heads=\"1\"/>\n"
    "</video>" },
  { "domain_vsock", (NewFromXml) gvir_config_domain_vsock_new_from_xml, gvir_config_domain_vsock_get_type,
    "<vsock model=\"virtio\">\n"
    "  <cid auto=\"no\" address=\"3\"/>\n"
    "</vsock>" },
  { "network_dhcp_host", (NewFromXml) gvir_config_network_dhcp_host_new_from_xml, gvir_config_network_dhcp_host_get_type,
    "<host mac=\"52:54:00:00:00:02\" name=\"web\" ip=\"192.168.122.2\"/>" },
  { "network_dhcp_range", (NewFromXml) gvir_config_network_dhcp_range_new_from_xml, gvir_config_network_dhcp_range_get_type,
    "<range start=\"192.168.122.2\" end=\"192.168.122.254\"/>" },
  { "network_filter_rule", (NewFromXml) gvir_config_network_filter_rule_new_from_xml, gvir_config_network_filter_rule_get_type,
    "<rule action=\"accept\" direction=\"out\" priority=\"500\"/>" },
  { "storage_permissions", (NewFromXml) gvir_config_storage_permissions_new_from_xml, gvir_config_storage_permissions_get_type,
    "<permissions>\n"
    "  <mode>0755</mode>\n"
    "  <owner>107</owner>\n"
    "</permissions>" },
  { "storage_pool_target", (NewFromXml) gvir_config_storage_pool_target_new_from_xml, gvir_config_storage_pool_target_get_type,
    "<target>\n"
    "  <path>/var/lib/libvirt/images</path>\n"
    "</target>" },
  { "storage_vol_target", (NewFromXml) gvir_config_storage_vol_target_new_from_xml, gvir_config_storage_vol_target_get_type,
    "<target>\n"
    "  <path>/var/lib/libvirt/images/a.qcow2</path>\n"
    "  <format type=\"qcow2\"/>\n"
    "</target>" },
};

/* The object has the class the function names, writes back the XML it
 * read, and a document with another root element is refused. */
static void
test_new_from_xml (gconstpointer data)
{
  const NewFromXmlCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) object = c->new_from_xml (c->xml, &error);
  g_autoptr(GObject) wrong = NULL;
  g_autoptr(GObject) broken = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (object);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (object), ==, g_type_name (c->get_type ()));
  assert_xml (object, c->xml);

  wrong = c->new_from_xml ("<notthisone/>", &error);
  g_assert_null (wrong);
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_assert_nonnull (strstr (error->message, "notthisone"));
  g_clear_error (&error);

  broken = c->new_from_xml ("<unclosed", &error);
  g_assert_null (broken);
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
}

static void
test_empty_documents (void)
{
  g_autoptr(GVirConfigCapabilities) caps = gvir_config_capabilities_new ();
  g_autoptr(GVirConfigDomainCapabilities) domcaps = gvir_config_domain_capabilities_new ();

  assert_xml (caps, "<capabilities/>");
  g_assert_null (gvir_config_capabilities_get_host (caps));
  g_assert_null (gvir_config_capabilities_get_guests (caps));
  assert_xml (domcaps, "<domainCapabilities/>");
  g_assert_null (gvir_config_domain_capabilities_get_os (domcaps));
}

/* ---- channels ---- */

static void
test_channel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainChannel) channel = gvir_config_domain_channel_new_from_xml (
    "<channel type=\"unix\">"
    "<source mode=\"bind\" path=\"/run/qga.sock\"/>"
    "<target type=\"virtio\" name=\"org.qemu.guest_agent.0\"/>"
    "<alias name=\"channel0\"/>"
    "</channel>", &error);
  g_autoptr(GVirConfigDomainChannel) fresh = gvir_config_domain_channel_new ();
  g_autoptr(GVirConfigDomainChannel) guestfwd = NULL;
  g_autoptr(GVirConfigDomainChardevSource) source = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_channel_get_target_type (channel), ==,
                   GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  g_assert_cmpstr (gvir_config_domain_channel_get_target_name (channel), ==, "org.qemu.guest_agent.0");
  g_assert_cmpstr (gvir_config_domain_device_get_alias (GVIR_CONFIG_DOMAIN_DEVICE (channel)), ==, "channel0");

  source = gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (channel));
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_UNIX (source));
  g_assert_cmpstr (gvir_config_domain_chardev_source_unix_get_path (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX (source)),
                   ==, "/run/qga.sock");
  g_assert_cmpint (gvir_config_domain_chardev_source_unix_get_mode (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX (source)),
                   ==, GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND);

  /* Renaming the target keeps its type. */
  gvir_config_domain_channel_set_target_name (channel, "org.example.other");
  g_assert_cmpstr (gvir_config_domain_channel_get_target_name (channel), ==, "org.example.other");
  g_assert_cmpint (gvir_config_domain_channel_get_target_type (channel), ==,
                   GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);

  /* Unset: no name, no alias, the documented default type. */
  g_assert_null (gvir_config_domain_channel_get_target_name (fresh));
  g_assert_null (gvir_config_domain_device_get_alias (GVIR_CONFIG_DOMAIN_DEVICE (fresh)));
  g_assert_cmpint (gvir_config_domain_channel_get_target_type (fresh), ==,
                   GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_type (fresh, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_SPICEPORT);
  g_assert_cmpint (gvir_config_domain_channel_get_target_type (fresh), ==,
                   GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_SPICEPORT);
  gvir_config_domain_channel_set_target_type (fresh, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_GUESTFWD);
  g_assert_cmpint (gvir_config_domain_channel_get_target_type (fresh), ==,
                   GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_GUESTFWD);
  assert_xml (fresh, "<channel>\n  <target type=\"guestfwd\"/>\n</channel>");

  guestfwd = gvir_config_domain_channel_new_from_xml ("<channel type=\"pty\"><target type=\"xen\"/></channel>", &error);
  g_assert_no_error (error);
  /* A type this library does not know reads as the default. */
  g_assert_cmpint (gvir_config_domain_channel_get_target_type (guestfwd), ==,
                   GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
}

/* ---- smartcards ---- */

static void
test_smartcard_address (void)
{
  g_autoptr(GVirConfigDomainSmartcardPassthrough) card = gvir_config_domain_smartcard_passthrough_new ();
  g_autoptr(GVirConfigDomainAddressUsb) usb = gvir_config_domain_address_usb_new ();
  g_autoptr(GVirConfigDomainAddressPci) pci = gvir_config_domain_address_pci_new ();
  g_autoptr(GVirConfigDomainAddress) got = NULL;
  g_autoptr(GVirConfigDomainAddress) got_pci = NULL;
  g_autoptr(GVirConfigDomainSmartcardHost) parsed = NULL;
  g_autoptr(GVirConfigDomainAddress) ccid = NULL;
  g_autoptr(GError) error = NULL;
  GVirConfigDomainSmartcard *smartcard = GVIR_CONFIG_DOMAIN_SMARTCARD (card);

  g_assert_null (gvir_config_domain_smartcard_get_address (smartcard));

  gvir_config_domain_address_usb_set_bus (usb, 2);
  gvir_config_domain_address_usb_set_port (usb, "1.3");
  gvir_config_domain_smartcard_set_address (smartcard, GVIR_CONFIG_DOMAIN_ADDRESS (usb));
  assert_xml (card, "<smartcard mode=\"passthrough\">\n"
                    "  <address type=\"usb\" bus=\"0x002\" port=\"1.3\"/>\n"
                    "</smartcard>");
  got = gvir_config_domain_smartcard_get_address (smartcard);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (got));
  g_assert_cmpint (gvir_config_domain_address_usb_get_bus (GVIR_CONFIG_DOMAIN_ADDRESS_USB (got)), ==, 2);
  g_assert_cmpstr (gvir_config_domain_address_usb_get_port (GVIR_CONFIG_DOMAIN_ADDRESS_USB (got)), ==, "1.3");

  /* A second address replaces the first. */
  gvir_config_domain_address_pci_set_slot (pci, 5);
  gvir_config_domain_smartcard_set_address (smartcard, GVIR_CONFIG_DOMAIN_ADDRESS (pci));
  got_pci = gvir_config_domain_smartcard_get_address (smartcard);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (got_pci));
  g_assert_cmpint (gvir_config_domain_address_pci_get_slot (GVIR_CONFIG_DOMAIN_ADDRESS_PCI (got_pci)), ==, 5);
  assert_xml (card, "<smartcard mode=\"passthrough\">\n"
                    "  <address type=\"pci\" slot=\"0x05\"/>\n"
                    "</smartcard>");

  gvir_config_domain_smartcard_set_address (smartcard, NULL);
  g_assert_null (gvir_config_domain_smartcard_get_address (smartcard));
  assert_xml (card, "<smartcard mode=\"passthrough\"/>");

  /* libvirt gives smartcards a CCID address, which has no class here. */
  parsed = gvir_config_domain_smartcard_host_new_from_xml (
    "<smartcard mode=\"host\"><address type=\"ccid\" controller=\"0\" slot=\"0\"/></smartcard>", &error);
  g_assert_no_error (error);
  ccid = gvir_config_domain_smartcard_get_address (GVIR_CONFIG_DOMAIN_SMARTCARD (parsed));
  g_assert_null (ccid);
}

static void
test_smartcard_certificates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainSmartcardHostCertificates) card = gvir_config_domain_smartcard_host_certificates_new_from_xml (
    "<smartcard mode=\"host-certificates\">"
    "<certificate>a</certificate><certificate>b</certificate><certificate>c</certificate>"
    "<database>/etc/pki/nssdb</database>"
    "</smartcard>", &error);
  g_auto(GStrv) certs = NULL;

  g_assert_no_error (error);
  certs = gvir_config_domain_smartcard_host_certificates_get_certificates (card);
  g_assert_nonnull (certs);
  g_assert_cmpuint (g_strv_length (certs), ==, 3);
  g_assert_cmpstr (certs[0], ==, "a");
  g_assert_cmpstr (certs[1], ==, "b");
  g_assert_cmpstr (certs[2], ==, "c");
  g_assert_cmpstr (gvir_config_domain_smartcard_host_certificates_get_database (card), ==, "/etc/pki/nssdb");
}

/* A certificate without text keeps its place instead of ending the list. */
static void
test_smartcard_certificates_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainSmartcardHostCertificates) card = gvir_config_domain_smartcard_host_certificates_new_from_xml (
    "<smartcard mode=\"host-certificates\">"
    "<certificate/><certificate>b</certificate><certificate><x/></certificate><certificate>d</certificate>"
    "</smartcard>", &error);
  g_auto(GStrv) certs = NULL;

  g_assert_no_error (error);
  certs = gvir_config_domain_smartcard_host_certificates_get_certificates (card);
  g_assert_cmpuint (g_strv_length (certs), ==, 4);
  g_assert_cmpstr (certs[0], ==, "");
  g_assert_cmpstr (certs[1], ==, "b");
  g_assert_cmpstr (certs[2], ==, "");
  g_assert_cmpstr (certs[3], ==, "d");
}

/* ---- redirected USB devices ---- */

static void
test_redirdev (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainRedirdev) redirdev = gvir_config_domain_redirdev_new_from_xml (
    "<redirdev bus=\"usb\" type=\"spicevmc\"><address type=\"usb\" bus=\"0x000\" port=\"3\"/></redirdev>", &error);
  g_autoptr(GVirConfigDomainRedirdev) fresh = gvir_config_domain_redirdev_new ();
  g_autoptr(GVirConfigDomainAddress) address = NULL;
  g_autoptr(GVirConfigDomainAddressUsb) usb = gvir_config_domain_address_usb_new ();

  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_redirdev_get_bus (redirdev), ==, GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB);
  address = gvir_config_domain_redirdev_get_address (redirdev);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (address));
  g_assert_cmpstr (gvir_config_domain_address_usb_get_port (GVIR_CONFIG_DOMAIN_ADDRESS_USB (address)), ==, "3");

  g_assert_null (gvir_config_domain_redirdev_get_address (fresh));
  gvir_config_domain_redirdev_set_bus (fresh, GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB);
  g_assert_cmpint (gvir_config_domain_redirdev_get_bus (fresh), ==, GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB);
  gvir_config_domain_address_usb_set_port (usb, "4");
  gvir_config_domain_redirdev_set_address (fresh, GVIR_CONFIG_DOMAIN_ADDRESS (usb));
  assert_xml (fresh, "<redirdev bus=\"usb\">\n  <address type=\"usb\" port=\"4\"/>\n</redirdev>");
  gvir_config_domain_redirdev_set_address (fresh, NULL);
  assert_xml (fresh, "<redirdev bus=\"usb\"/>");
}

/* ---- parallel ports ---- */

static void
test_parallel (void)
{
  g_autoptr(GVirConfigDomainParallel) parallel = gvir_config_domain_parallel_new ();
  g_autoptr(GVirConfigDomainChardevSourcePty) pty = gvir_config_domain_chardev_source_pty_new ();
  g_autoptr(GVirConfigDomainChardevSource) source = NULL;
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  GList *devices;

  gvir_config_domain_chardev_source_pty_set_path (pty, "/dev/pts/9");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (parallel), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  assert_xml (parallel, "<parallel type=\"pty\">\n  <source path=\"/dev/pts/9\"/>\n</parallel>");
  source = gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (parallel));
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_PTY (source));
  g_assert_cmpstr (gvir_config_domain_chardev_source_pty_get_path (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_PTY (source)),
                   ==, "/dev/pts/9");

  /* get_devices() gives the port back as a parallel port. */
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (parallel));
  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (devices), ==, 1);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_PARALLEL (devices->data));
  g_list_free_full (devices, g_object_unref);
}

/* ---- CPU models ---- */

static void
test_cpu_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainCpuModel) model = gvir_config_domain_cpu_model_new_from_xml (
    "<model fallback=\"forbid\">Haswell-noTSX</model>", &error);
  g_autoptr(GVirConfigDomainCpuModel) fresh = gvir_config_domain_cpu_model_new ();
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_cpu_new ();
  g_autoptr(GVirConfigCapabilitiesCpuModel) got = NULL;

  g_assert_no_error (error);
  /* A domain CPU model is a capabilities CPU model too. */
  g_assert_cmpstr (gvir_config_capabilities_cpu_model_get_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (model)),
                   ==, "Haswell-noTSX");
  g_assert_null (gvir_config_capabilities_cpu_model_get_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (fresh)));
  assert_xml (fresh, "<model/>");

  gvir_config_capabilities_cpu_model_set_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (fresh), "EPYC");
  gvir_config_domain_cpu_set_model (cpu, fresh);
  /* A domain CPU is a capabilities CPU: its model reads back through it. */
  got = gvir_config_capabilities_cpu_get_model (GVIR_CONFIG_CAPABILITIES_CPU (cpu));
  g_assert_cmpstr (gvir_config_capabilities_cpu_model_get_name (got), ==, "EPYC");
  assert_xml (cpu, "<cpu>\n  <model>EPYC</model>\n</cpu>");
}

/* ---- network filter references ---- */

static void
test_filterref_parameter (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomainInterfaceFilterref) filterref = gvir_config_domain_interface_filterref_new_from_xml (
    "<filterref filter=\"clean-traffic\">"
    "<parameter name=\"IP\" value=\"10.0.0.1\"/>"
    "<parameter name=\"MAC\" value=\"52:54:00:00:00:01\"/>"
    "</filterref>", &error);
  g_autoptr(GVirConfigDomainInterfaceFilterrefParameter) fresh = gvir_config_domain_interface_filterref_parameter_new ();
  GList *params;

  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_domain_interface_filterref_get_name (filterref), ==, "clean-traffic");
  params = gvir_config_domain_interface_filterref_get_parameters (filterref);
  g_assert_cmpuint (g_list_length (params), ==, 2);
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_name (params->data), ==, "IP");
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_value (params->data), ==, "10.0.0.1");
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_name (params->next->data), ==, "MAC");
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_value (params->next->data), ==, "52:54:00:00:00:01");
  /* Parameters are views: renaming one renames it in the filter reference
   * (a re-set attribute moves to the end, as in libvirt-gconfig). */
  gvir_config_domain_interface_filterref_parameter_set_name (params->data, "IP2");
  g_list_free_full (params, g_object_unref);
  assert_xml (filterref, "<filterref filter=\"clean-traffic\">\n"
                         "  <parameter value=\"10.0.0.1\" name=\"IP2\"/>\n"
                         "  <parameter name=\"MAC\" value=\"52:54:00:00:00:01\"/>\n"
                         "</filterref>");

  g_assert_null (gvir_config_domain_interface_filterref_parameter_get_name (fresh));
  g_assert_null (gvir_config_domain_interface_filterref_parameter_get_value (fresh));
  gvir_config_domain_interface_filterref_parameter_set_name (fresh, "CTRL_IP_LEARNING");
  gvir_config_domain_interface_filterref_parameter_set_value (fresh, "dhcp");
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_name (fresh), ==, "CTRL_IP_LEARNING");
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_value (fresh), ==, "dhcp");
  assert_xml (fresh, "<parameter name=\"CTRL_IP_LEARNING\" value=\"dhcp\"/>");
}

/* ---- the domain's security label ---- */

static void
test_domain_seclabel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new_from_xml (
    "<domain type=\"kvm\"><name>d</name>"
    "<seclabel type=\"static\" model=\"selinux\" relabel=\"yes\">"
    "<label>system_u:system_r:svirt_t:s0:c1,c2</label>"
    "</seclabel></domain>", &error);
  g_autoptr(GVirConfigDomain) fresh = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainSeclabel) seclabel = NULL;

  g_assert_no_error (error);
  seclabel = gvir_config_domain_get_seclabel (domain);
  g_assert_nonnull (seclabel);
  g_assert_cmpint (gvir_config_domain_seclabel_get_label_type (seclabel), ==, GVIR_CONFIG_DOMAIN_SECLABEL_STATIC);
  g_assert_cmpstr (gvir_config_domain_seclabel_get_model (seclabel), ==, "selinux");
  g_assert_cmpstr (gvir_config_domain_seclabel_get_label (seclabel), ==, "system_u:system_r:svirt_t:s0:c1,c2");
  g_assert_null (gvir_config_domain_seclabel_get_baselabel (seclabel));

  g_assert_null (gvir_config_domain_get_seclabel (fresh));
}

/* ---- storage ---- */

static void
test_pool_source_device (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigStoragePool) pool = gvir_config_storage_pool_new_from_xml (
    "<pool type=\"scsi\"><name>p</name>"
    "<source><adapter name=\"host0\"/><device path=\"/dev/sdb\"/>"
    "<vendor name=\"ACME\"/><product name=\"Disk 9000\"/></source>"
    "<target><path>/dev/disk/by-path</path></target></pool>", &error);
  g_autoptr(GVirConfigStoragePoolSource) source = NULL;
  g_autoptr(GVirConfigStoragePoolSource) fresh = gvir_config_storage_pool_source_new ();

  g_assert_no_error (error);
  source = gvir_config_storage_pool_get_source (pool);
  g_assert_cmpstr (gvir_config_storage_pool_source_get_device_path (source), ==, "/dev/sdb");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_vendor (source), ==, "ACME");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_product (source), ==, "Disk 9000");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_adapter (source), ==, "host0");

  g_assert_null (gvir_config_storage_pool_source_get_device_path (fresh));
  g_assert_null (gvir_config_storage_pool_source_get_vendor (fresh));
  g_assert_null (gvir_config_storage_pool_source_get_product (fresh));
  gvir_config_storage_pool_source_set_device_path (fresh, "/dev/sdc");
  gvir_config_storage_pool_source_set_vendor (fresh, "Vendor");
  gvir_config_storage_pool_source_set_product (fresh, "Product");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_device_path (fresh), ==, "/dev/sdc");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_vendor (fresh), ==, "Vendor");
  g_assert_cmpstr (gvir_config_storage_pool_source_get_product (fresh), ==, "Product");
  assert_xml (fresh, "<source>\n"
                     "  <device path=\"/dev/sdc\"/>\n"
                     "  <vendor name=\"Vendor\"/>\n"
                     "  <product name=\"Product\"/>\n"
                     "</source>");
}

static void
test_vol_key_and_path (void)
{
  g_autoptr(GVirConfigStorageVol) vol = gvir_config_storage_vol_new ();
  g_autoptr(GVirConfigStorageVolTarget) target = gvir_config_storage_vol_target_new ();
  g_autoptr(GVirConfigStorageVolTarget) got = NULL;

  gvir_config_storage_vol_set_name (vol, "a.qcow2");
  g_assert_null (gvir_config_storage_vol_get_key (vol));
  gvir_config_storage_vol_set_key (vol, "/var/lib/libvirt/images/a.qcow2");
  g_assert_cmpstr (gvir_config_storage_vol_get_key (vol), ==, "/var/lib/libvirt/images/a.qcow2");
  /* Setting it again replaces the value in place. */
  gvir_config_storage_vol_set_key (vol, "/srv/a.qcow2");
  g_assert_cmpstr (gvir_config_storage_vol_get_key (vol), ==, "/srv/a.qcow2");

  g_assert_null (gvir_config_storage_vol_target_get_path (target));
  gvir_config_storage_vol_target_set_path (target, "/srv/a.qcow2");
  g_assert_cmpstr (gvir_config_storage_vol_target_get_path (target), ==, "/srv/a.qcow2");
  gvir_config_storage_vol_set_target (vol, target);
  got = gvir_config_storage_vol_get_target (vol);
  g_assert_cmpstr (gvir_config_storage_vol_target_get_path (got), ==, "/srv/a.qcow2");
  assert_xml (vol, "<volume>\n"
                   "  <name>a.qcow2</name>\n"
                   "  <key>/srv/a.qcow2</key>\n"
                   "  <target>\n"
                   "    <path>/srv/a.qcow2</path>\n"
                   "  </target>\n"
                   "</volume>");

  gvir_config_storage_vol_set_key (vol, NULL);
  g_assert_null (gvir_config_storage_vol_get_key (vol));
}

/* ---- the class hierarchy ---- */

typedef struct
{
  GType type;
  const char *name;
  const char *parent;
  gboolean abstract;
} ClassCase;

/* The base and intermediate classes that no constructor returns directly. */
static void
test_class_hierarchy (void)
{
  const ClassCase cases[] = {
  { GVIR_CONFIG_TYPE_CAPABILITIES_CELL_CPU, "GVirConfigCapabilitiesCellCpu", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_CELL, "GVirConfigCapabilitiesCell", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_ARCH, "GVirConfigCapabilitiesGuestArch", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_DOMAIN, "GVirConfigCapabilitiesGuestDomain", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_GUEST_FEATURE, "GVirConfigCapabilitiesGuestFeature", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_GUEST, "GVirConfigCapabilitiesGuest", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_HOST, "GVirConfigCapabilitiesHost", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_CAPABILITIES_HOST_SECMODEL, "GVirConfigCapabilitiesHostSecModel", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_DOMAIN_ADDRESS, "GVirConfigDomainAddress", "GVirConfigObject", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_ADDRESS_PCI, "GVirConfigDomainAddressPci", "GVirConfigDomainAddress", FALSE },
  { GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES_OS, "GVirConfigDomainCapabilitiesOs", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_DOMAIN_CHARDEV, "GVirConfigDomainChardev", "GVirConfigDomainDevice", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_CHARDEV_SOURCE, "GVirConfigDomainChardevSource", "GVirConfigObject", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER, "GVirConfigDomainController", "GVirConfigDomainDevice", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_DISK_DRIVER, "GVirConfigDomainDiskDriver", "GVirConfigObject", FALSE },
  { GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS, "GVirConfigDomainGraphics", "GVirConfigDomainDevice", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV, "GVirConfigDomainHostdev", "GVirConfigDomainDevice", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_INTERFACE, "GVirConfigDomainInterface", "GVirConfigDomainDevice", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD, "GVirConfigDomainSmartcard", "GVirConfigDomainDevice", TRUE },
  { GVIR_CONFIG_TYPE_DOMAIN_TIMER, "GVirConfigDomainTimer", "GVirConfigObject", TRUE },
  { GVIR_CONFIG_TYPE_OBJECT, "GVirConfigObject", "GObject", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_cmpstr (g_type_name (cases[i].type), ==, cases[i].name);
      g_assert_cmpstr (g_type_name (g_type_parent (cases[i].type)), ==, cases[i].parent);
      g_assert_cmpint (G_TYPE_IS_ABSTRACT (cases[i].type), ==, cases[i].abstract);
      g_assert_true (g_type_is_a (cases[i].type, G_TYPE_OBJECT));
    }
}

/* A capabilities CPU feature: a name and nothing else. */
static void
test_capabilities_cpu_feature (void)
{
  g_autoptr(GVirConfigCapabilitiesCpuFeature) feature = gvir_config_capabilities_cpu_feature_new ();
  g_autoptr(GVirConfigCapabilitiesCpu) cpu = gvir_config_capabilities_cpu_new ();
  GList *features;

  g_assert_null (gvir_config_capabilities_cpu_feature_get_name (feature));
  gvir_config_capabilities_cpu_feature_set_name (feature, "avx2");
  assert_xml (feature, "<feature name=\"avx2\"/>");
  gvir_config_capabilities_cpu_add_feature (cpu, feature);
  features = gvir_config_capabilities_cpu_get_features (cpu);
  g_assert_cmpuint (g_list_length (features), ==, 1);
  g_assert_cmpstr (gvir_config_capabilities_cpu_feature_get_name (features->data), ==, "avx2");
  g_list_free_full (features, g_object_unref);
}

/* ---- libvirt's scaled sizes ---- */

/* <memory unit=...>: "k/M/G..." and "KiB/MiB..." are powers of 1024, "KB/MB..."
 * powers of 1000, "b"/"bytes" bytes; a part of a KiB counts as a whole one,
 * as in libvirt. */
static void
test_memory_units (void)
{
  static const struct
  {
    const char *value;
    const char *unit;
    guint64 kib;
  } cases[] = {
    { "512", NULL, 512 },
    { "1", "KiB", 1 },
    { "1", "k", 1 },
    { "1", "M", 1024 },
    { "1", "MiB", 1024 },
    { "1", "G", 1048576 },
    { "1", "GiB", 1048576 },
    { "1", "KB", 1 },             /* 1000 bytes: under a KiB, rounded up */
    { "1", "MB", 977 },           /* 1000000 / 1024 = 976.5625 */
    { "2", "GB", 1953125 },       /* 2000000000 / 1024, exact */
    { "1", "TB", 976562500 },     /* 10^12 / 1024, exact */
    { "1500", "b", 2 },
    { "1024", "bytes", 1 },
    { "1025", "bytes", 2 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *xml = cases[i].unit
        ? g_strdup_printf ("<domain><memory unit=\"%s\">%s</memory></domain>", cases[i].unit, cases[i].value)
        : g_strdup_printf ("<domain><memory>%s</memory></domain>", cases[i].value);
      g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new_from_xml (xml, &error);

      g_assert_no_error (error);
      g_test_message ("%s", xml);
      g_assert_cmpuint (gvir_config_domain_get_memory (domain), ==, cases[i].kib);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (new_from_xml_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gconfig/api/new-from-xml/%s", new_from_xml_cases[i].name);

      g_test_add_data_func (path, &new_from_xml_cases[i], test_new_from_xml);
    }
  g_test_add_func ("/gconfig/api/empty-documents", test_empty_documents);
  g_test_add_func ("/gconfig/api/class-hierarchy", test_class_hierarchy);
  g_test_add_func ("/gconfig/api/memory-units", test_memory_units);
  g_test_add_func ("/gconfig/api/capabilities-cpu-feature", test_capabilities_cpu_feature);
  g_test_add_func ("/gconfig/api/channel", test_channel);
  g_test_add_func ("/gconfig/api/smartcard/address", test_smartcard_address);
  g_test_add_func ("/gconfig/api/smartcard/certificates", test_smartcard_certificates);
  g_test_add_func ("/gconfig/api/smartcard/certificates-empty", test_smartcard_certificates_empty);
  g_test_add_func ("/gconfig/api/redirdev", test_redirdev);
  g_test_add_func ("/gconfig/api/parallel", test_parallel);
  g_test_add_func ("/gconfig/api/cpu-model", test_cpu_model);
  g_test_add_func ("/gconfig/api/filterref-parameter", test_filterref_parameter);
  g_test_add_func ("/gconfig/api/domain-seclabel", test_domain_seclabel);
  g_test_add_func ("/gconfig/api/pool-source-device", test_pool_source_device);
  g_test_add_func ("/gconfig/api/vol-key-and-path", test_vol_key_and_path);

  return g_test_run ();
}
