/*
 * test-gconfig.c: tests of libvirt-gconfig
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
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* Files end with a newline that to_xml() does not produce. */
  return g_strchomp (contents);
}

static GType
fixture_type (const char *name)
{
  if (g_str_has_prefix (name, "capabilities"))
    return GVIR_CONFIG_TYPE_CAPABILITIES;
  if (g_str_has_prefix (name, "domaincaps"))
    return GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES;
  return GVIR_CONFIG_TYPE_DOMAIN;
}

static void
test_roundtrip (gconstpointer data)
{
  const char *name = data;
  g_autofree char *xml = load_fixture (name);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GVirConfigObject *obj;

  obj = gvir_config_object_new_from_xml (fixture_type (name), NULL, NULL, xml, &error);
  g_assert_no_error (error);
  g_assert_nonnull (obj);
  out = gvir_config_object_to_xml (obj);
  g_assert_cmpstr (out, ==, xml);
  g_assert_finalize_object (obj);
}

/* ---- building a domain from scratch ---- */

static GVirConfigDomain *
build_domain (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainOs) os = gvir_config_domain_os_new ();
  g_autoptr(GVirConfigDomainClock) klock = gvir_config_domain_clock_new ();
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_cpu_new ();
  g_autoptr(GVirConfigCapabilitiesCpuModel) model = gvir_config_capabilities_cpu_model_new ();
  g_autoptr(GVirConfigCapabilitiesCpuTopology) topo = gvir_config_capabilities_cpu_topology_new ();
  g_autoptr(GVirConfigDomainCpuFeature) feature = gvir_config_domain_cpu_feature_new ();
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();
  g_autoptr(GVirConfigDomainDiskDriver) driver = gvir_config_domain_disk_driver_new ();
  g_autoptr(GVirConfigDomainInterfaceNetwork) net = gvir_config_domain_interface_network_new ();
  g_autoptr(GVirConfigDomainInterfaceBridge) bridge = gvir_config_domain_interface_bridge_new ();
  g_autoptr(GVirConfigDomainInterfaceUser) user = gvir_config_domain_interface_user_new ();
  g_autoptr(GList) boot = NULL;
  const char *features[] = { "acpi", "apic", "pae", NULL };

  gvir_config_domain_set_virt_type (domain, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  gvir_config_domain_set_name (domain, "built");
  gvir_config_domain_set_uuid (domain, "c7a5fdbd-cdaf-9455-926a-d65c16db1809");
  gvir_config_domain_set_title (domain, "Built <by> the API");
  gvir_config_domain_set_description (domain, "A domain made from scratch");
  gvir_config_domain_set_memory (domain, 1048576);
  gvir_config_domain_set_current_memory (domain, 524288);
  gvir_config_domain_set_vcpus (domain, 2);
  gvir_config_domain_set_features (domain, (GStrv) features);

  gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  gvir_config_domain_os_set_arch (os, "x86_64");
  gvir_config_domain_os_set_machine (os, "q35");
  boot = g_list_append (boot, GINT_TO_POINTER (GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_CDROM));
  boot = g_list_append (boot, GINT_TO_POINTER (GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_HD));
  gvir_config_domain_os_set_boot_devices (os, boot);
  gvir_config_domain_os_enable_boot_menu (os, TRUE);
  gvir_config_domain_set_os (domain, os);

  gvir_config_domain_clock_set_offset (klock, GVIR_CONFIG_DOMAIN_CLOCK_UTC);
  gvir_config_domain_set_clock (domain, klock);

  gvir_config_domain_cpu_set_mode (cpu, GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM);
  gvir_config_domain_cpu_set_match_policy (cpu, GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT);
  gvir_config_capabilities_cpu_model_set_name (model, "Skylake-Client");
  gvir_config_capabilities_cpu_set_model (GVIR_CONFIG_CAPABILITIES_CPU (cpu), model);
  gvir_config_capabilities_cpu_topology_set_sockets (topo, 1);
  gvir_config_capabilities_cpu_topology_set_cores (topo, 2);
  gvir_config_capabilities_cpu_topology_set_threads (topo, 1);
  gvir_config_capabilities_cpu_set_topology (GVIR_CONFIG_CAPABILITIES_CPU (cpu), topo);
  /* libvirt's schema wants a policy on a domain CPU's features. */
  gvir_config_capabilities_cpu_feature_set_name (GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature), "vmx");
  gvir_config_domain_cpu_feature_set_policy (feature, GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE);
  gvir_config_capabilities_cpu_add_feature (GVIR_CONFIG_CAPABILITIES_CPU (cpu),
                                            GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature));
  gvir_config_domain_set_cpu (domain, cpu);

  gvir_config_domain_set_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_POWEROFF,
                                    GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY);
  gvir_config_domain_set_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT,
                                    GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART);
  gvir_config_domain_set_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH,
                                    GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY);

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_guest_device_type (disk, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);
  gvir_config_domain_disk_driver_set_name (driver, "qemu");
  gvir_config_domain_disk_driver_set_format (driver, GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  gvir_config_domain_disk_driver_set_cache (driver, GVIR_CONFIG_DOMAIN_DISK_CACHE_NONE);
  gvir_config_domain_disk_set_driver (disk, driver);
  gvir_config_domain_disk_set_source (disk, "/var/lib/images/built.qcow2");
  gvir_config_domain_disk_set_target_dev (disk, "vda");
  gvir_config_domain_disk_set_target_bus (disk, GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO);
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (disk));

  gvir_config_domain_interface_network_set_source (net, "default");
  gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (net), "52:54:00:aa:bb:cc");
  gvir_config_domain_interface_set_model (GVIR_CONFIG_DOMAIN_INTERFACE (net), "virtio");
  gvir_config_domain_interface_set_link_state (GVIR_CONFIG_DOMAIN_INTERFACE (net),
                                               GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_UP);
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (net));

  gvir_config_domain_interface_bridge_set_source (bridge, "br0");
  gvir_config_domain_interface_set_ifname (GVIR_CONFIG_DOMAIN_INTERFACE (bridge), "vnet7");
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (bridge));

  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (user));
  return domain;
}

static void
test_domain_build (void)
{
  GVirConfigDomain *domain = build_domain ();
  g_autofree char *expected = load_fixture ("domain-built.xml");
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));

  if (g_getenv ("GVIR_TEST_PRINT") != NULL)
    g_printerr ("%s\n", xml);
  g_assert_cmpstr (xml, ==, expected);
  g_assert_finalize_object (domain);
}

/* The document built through the API reads back through the getters. */
static void
test_domain_build_getters (void)
{
  GVirConfigDomain *domain = build_domain ();
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *parsed = gvir_config_domain_new_from_xml (xml, &error);
  g_autoptr(GVirConfigDomainOs) os = NULL;
  g_autoptr(GVirConfigDomainCpu) cpu = NULL;
  g_autoptr(GVirConfigCapabilitiesCpuModel) model = NULL;
  g_autoptr(GVirConfigCapabilitiesCpuTopology) topo = NULL;
  g_autoptr(GVirConfigDomainClock) klock = NULL;
  g_autolist(GVirConfigCapabilitiesCpuFeature) features = NULL;
  g_autolist(GVirConfigDomainDevice) devices = NULL;
  g_autoptr(GList) boot = NULL;
  g_auto(GStrv) feats = NULL;
  GVirConfigDomainDisk *disk;
  GVirConfigDomainInterface *iface;
  g_autoptr(GVirConfigDomainDiskDriver) driver = NULL;

  g_assert_no_error (error);
  for (int i = 0; i < 2; i++)
    {
      GVirConfigDomain *d = i == 0 ? domain : parsed;

      g_assert_cmpint (gvir_config_domain_get_virt_type (d), ==, GVIR_CONFIG_DOMAIN_VIRT_KVM);
      g_assert_cmpstr (gvir_config_domain_get_name (d), ==, "built");
      g_assert_cmpstr (gvir_config_domain_get_uuid (d), ==, "c7a5fdbd-cdaf-9455-926a-d65c16db1809");
      g_assert_cmpstr (gvir_config_domain_get_title (d), ==, "Built <by> the API");
      g_assert_cmpstr (gvir_config_domain_get_description (d), ==, "A domain made from scratch");
      g_assert_cmpuint (gvir_config_domain_get_memory (d), ==, 1048576);
      g_assert_cmpuint (gvir_config_domain_get_current_memory (d), ==, 524288);
      g_assert_cmpuint (gvir_config_domain_get_vcpus (d), ==, 2);
      g_assert_cmpint (gvir_config_domain_get_lifecycle (d, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH), ==,
                       GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY);
      g_assert_cmpint (gvir_config_domain_get_lifecycle (d, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT), ==,
                       GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART);
    }
  g_assert_finalize_object (parsed);

  feats = gvir_config_domain_get_features (domain);
  g_assert_cmpstrv (feats, ((const char *[]) { "acpi", "apic", "pae", NULL }));

  os = gvir_config_domain_get_os (domain);
  g_assert_cmpint (gvir_config_domain_os_get_os_type (os), ==, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  g_assert_cmpstr (gvir_config_domain_os_get_arch (os), ==, "x86_64");
  g_assert_cmpstr (gvir_config_domain_os_get_machine (os), ==, "q35");
  g_assert_true (gvir_config_domain_os_get_boot_menu_enabled (os));
  boot = gvir_config_domain_os_get_boot_devices (os);
  g_assert_cmpuint (g_list_length (boot), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (boot->data), ==, GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_CDROM);
  g_assert_cmpint (GPOINTER_TO_INT (boot->next->data), ==, GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_HD);

  klock = gvir_config_domain_get_clock (domain);
  g_assert_cmpint (gvir_config_domain_clock_get_offset (klock), ==, GVIR_CONFIG_DOMAIN_CLOCK_UTC);

  cpu = gvir_config_domain_get_cpu (domain);
  g_assert_cmpint (gvir_config_domain_cpu_get_mode (cpu), ==, GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM);
  g_assert_cmpint (gvir_config_domain_cpu_get_match_policy (cpu), ==, GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT);
  model = gvir_config_capabilities_cpu_get_model (GVIR_CONFIG_CAPABILITIES_CPU (cpu));
  g_assert_cmpstr (gvir_config_capabilities_cpu_model_get_name (model), ==, "Skylake-Client");
  topo = gvir_config_capabilities_cpu_get_topology (GVIR_CONFIG_CAPABILITIES_CPU (cpu));
  g_assert_cmpuint (gvir_config_capabilities_cpu_topology_get_sockets (topo), ==, 1);
  g_assert_cmpuint (gvir_config_capabilities_cpu_topology_get_cores (topo), ==, 2);
  g_assert_cmpuint (gvir_config_capabilities_cpu_topology_get_threads (topo), ==, 1);
  features = gvir_config_capabilities_cpu_get_features (GVIR_CONFIG_CAPABILITIES_CPU (cpu));
  g_assert_cmpuint (g_list_length (features), ==, 1);
  g_assert_cmpstr (gvir_config_capabilities_cpu_feature_get_name (features->data), ==, "vmx");

  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (devices), ==, 4);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_DISK (devices->data));
  disk = devices->data;
  g_assert_cmpint (gvir_config_domain_disk_get_disk_type (disk), ==, GVIR_CONFIG_DOMAIN_DISK_FILE);
  g_assert_cmpint (gvir_config_domain_disk_get_guest_device_type (disk), ==, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);
  g_assert_cmpstr (gvir_config_domain_disk_get_source (disk), ==, "/var/lib/images/built.qcow2");
  g_assert_cmpstr (gvir_config_domain_disk_get_target_dev (disk), ==, "vda");
  g_assert_cmpint (gvir_config_domain_disk_get_target_bus (disk), ==, GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO);
  g_assert_cmpstr (gvir_config_domain_disk_get_driver_name (disk), ==, "qemu");
  g_assert_cmpint (gvir_config_domain_disk_get_driver_format (disk), ==, GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  driver = gvir_config_domain_disk_get_driver (disk);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_cache (driver), ==, GVIR_CONFIG_DOMAIN_DISK_CACHE_NONE);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_INTERFACE_NETWORK (devices->next->data));
  iface = devices->next->data;
  g_assert_cmpstr (gvir_config_domain_interface_network_get_source (devices->next->data), ==, "default");
  g_assert_cmpstr (gvir_config_domain_interface_get_mac (iface), ==, "52:54:00:aa:bb:cc");
  g_assert_cmpstr (gvir_config_domain_interface_get_model (iface), ==, "virtio");
  g_assert_cmpint (gvir_config_domain_interface_get_link_state (iface), ==, GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_UP);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_INTERFACE_BRIDGE (devices->next->next->data));
  g_assert_cmpstr (gvir_config_domain_interface_bridge_get_source (devices->next->next->data), ==, "br0");
  g_assert_cmpstr (gvir_config_domain_interface_get_ifname (devices->next->next->data), ==, "vnet7");
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_INTERFACE_USER (devices->next->next->next->data));

  g_clear_object (&os);
  g_clear_object (&klock);
  g_clear_object (&cpu);
  g_clear_object (&model);
  g_clear_object (&topo);
  g_clear_object (&driver);
  g_clear_list (&features, g_object_unref);
  g_clear_list (&devices, g_object_unref);
  g_assert_finalize_object (domain);
}

/* ---- accessors on a parsed document ---- */

static void
test_domain_parsed_getters (void)
{
  g_autofree char *xml = load_fixture ("domain-unknown.xml");
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *domain = gvir_config_domain_new_from_xml (xml, &error);
  g_autoptr(GVirConfigDomainOs) os = NULL;
  g_autoptr(GVirConfigDomainClock) klock = NULL;
  g_autoptr(GList) boot = NULL;
  g_auto(GStrv) feats = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_get_virt_type (domain), ==, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  g_assert_cmpstr (gvir_config_domain_get_title (domain), ==, "A & B");
  /* 512 MiB, converted to KiB. */
  g_assert_cmpuint (gvir_config_domain_get_memory (domain), ==, 524288);
  g_assert_cmpuint (gvir_config_domain_get_current_memory (domain), ==, 262144);
  g_assert_cmpuint (gvir_config_domain_get_vcpus (domain), ==, 2);
  g_assert_cmpint (gvir_config_domain_get_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH), ==,
                   GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART);
  /* Unset: libvirt's default. */
  g_assert_cmpint (gvir_config_domain_get_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT), ==,
                   GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART);
  feats = gvir_config_domain_get_features (domain);
  g_assert_cmpstrv (feats, ((const char *[]) { "acpi", "apic", "vendor_feature", NULL }));

  os = gvir_config_domain_get_os (domain);
  g_assert_cmpstr (gvir_config_domain_os_get_arch (os), ==, "x86_64");
  g_assert_cmpstr (gvir_config_domain_os_get_machine (os), ==, "pc");
  g_assert_true (gvir_config_domain_os_get_boot_menu_enabled (os));
  g_assert_false (gvir_config_domain_os_get_bios_serial_enabled (os));
  boot = gvir_config_domain_os_get_boot_devices (os);
  g_assert_cmpuint (g_list_length (boot), ==, 2);

  klock = gvir_config_domain_get_clock (domain);
  g_assert_cmpint (gvir_config_domain_clock_get_offset (klock), ==, GVIR_CONFIG_DOMAIN_CLOCK_VARIABLE);
  g_assert_cmpint (gvir_config_domain_clock_get_variable_offset (klock), ==, -3600);

  /* Setting memory rewrites the element in KiB, in place. */
  gvir_config_domain_set_memory (domain, 1048576);
  g_assert_cmpuint (gvir_config_domain_get_memory (domain), ==, 1048576);
  {
    g_autofree char *out = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
    g_assert_nonnull (strstr (out, "<title>A &amp; B</title>\n  <memory unit=\"KiB\">1048576</memory>\n"));
  }

  /* Changing the OS view changes the domain. */
  gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_XEN);
  g_clear_object (&os);
  os = gvir_config_domain_get_os (domain);
  g_assert_cmpint (gvir_config_domain_os_get_os_type (os), ==, GVIR_CONFIG_DOMAIN_OS_TYPE_XEN);
  /* The attributes of <type> are kept. */
  g_assert_cmpstr (gvir_config_domain_os_get_arch (os), ==, "x86_64");

  g_clear_object (&os);
  g_clear_object (&klock);
  g_assert_finalize_object (domain);
}

static void
test_os_accessors (void)
{
  GVirConfigDomainOs *os = gvir_config_domain_os_new ();

  gvir_config_domain_os_set_kernel (os, "/boot/vmlinuz");
  gvir_config_domain_os_set_ramdisk (os, "/boot/initrd");
  gvir_config_domain_os_set_cmdline (os, "console=ttyS0");
  gvir_config_domain_os_set_init (os, "/sbin/init");
  gvir_config_domain_os_set_loader (os, "/usr/share/OVMF/OVMF_CODE.fd");
  gvir_config_domain_os_set_smbios_mode (os, GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_HOST);
  gvir_config_domain_os_bios_enable_serial (os, TRUE);
  gvir_config_domain_os_set_firmware (os, GVIR_CONFIG_DOMAIN_OS_FIRMWARE_EFI);
  g_assert_cmpstr (gvir_config_domain_os_get_kernel (os), ==, "/boot/vmlinuz");
  g_assert_cmpstr (gvir_config_domain_os_get_ramdisk (os), ==, "/boot/initrd");
  g_assert_cmpstr (gvir_config_domain_os_get_cmdline (os), ==, "console=ttyS0");
  g_assert_cmpstr (gvir_config_domain_os_get_init (os), ==, "/sbin/init");
  g_assert_cmpstr (gvir_config_domain_os_get_loader (os), ==, "/usr/share/OVMF/OVMF_CODE.fd");
  g_assert_cmpint (gvir_config_domain_os_get_smbios_mode (os), ==, GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_HOST);
  g_assert_true (gvir_config_domain_os_get_bios_serial_enabled (os));
  g_assert_cmpint (gvir_config_domain_os_get_firmware (os), ==, GVIR_CONFIG_DOMAIN_OS_FIRMWARE_EFI);
  gvir_config_domain_os_set_kernel (os, NULL);
  g_assert_null (gvir_config_domain_os_get_kernel (os));
  g_assert_finalize_object (os);
}

static void
test_misc_accessors (void)
{
  GVirConfigDomainClock *klock = gvir_config_domain_clock_new ();
  GVirConfigDomainSeclabel *label = gvir_config_domain_seclabel_new ();
  GVirConfigDomainDisk *disk = gvir_config_domain_disk_new ();
  GVirConfigDomainDiskDriver *driver = gvir_config_domain_disk_driver_new ();
  GVirConfigCapabilitiesCpu *cpu = gvir_config_capabilities_cpu_new ();
  g_autofree char *xml = NULL;

  gvir_config_domain_clock_set_timezone (klock, "Europe/Paris");
  g_assert_cmpint (gvir_config_domain_clock_get_offset (klock), ==, GVIR_CONFIG_DOMAIN_CLOCK_TIMEZONE);
  g_assert_cmpstr (gvir_config_domain_clock_get_timezone (klock), ==, "Europe/Paris");
  gvir_config_domain_clock_set_variable_offset (klock, 42);
  g_assert_cmpint (gvir_config_domain_clock_get_variable_offset (klock), ==, 42);

  gvir_config_domain_seclabel_set_type (label, GVIR_CONFIG_DOMAIN_SECLABEL_STATIC);
  gvir_config_domain_seclabel_set_model (label, "selinux");
  gvir_config_domain_seclabel_set_label (label, "system_u:system_r:svirt_t:s0:c1,c2");
  gvir_config_domain_seclabel_set_baselabel (label, "system_u:system_r:svirt_t:s0");
  g_assert_cmpint (gvir_config_domain_seclabel_get_label_type (label), ==, GVIR_CONFIG_DOMAIN_SECLABEL_STATIC);
  g_assert_cmpstr (gvir_config_domain_seclabel_get_model (label), ==, "selinux");
  g_assert_cmpstr (gvir_config_domain_seclabel_get_label (label), ==, "system_u:system_r:svirt_t:s0:c1,c2");
  g_assert_cmpstr (gvir_config_domain_seclabel_get_baselabel (label), ==, "system_u:system_r:svirt_t:s0");

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_BLOCK);
  gvir_config_domain_disk_set_guest_device_type (disk, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_CDROM);
  gvir_config_domain_disk_set_source (disk, "/dev/sr0");
  gvir_config_domain_disk_set_readonly (disk, TRUE);
  gvir_config_domain_disk_set_driver_name (disk, "qemu");
  gvir_config_domain_disk_set_driver_format (disk, GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
  g_assert_cmpstr (gvir_config_domain_disk_get_source (disk), ==, "/dev/sr0");
  g_assert_true (gvir_config_domain_disk_get_readonly (disk));
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (disk));
  g_assert_cmpstr (xml, ==,
                   "<disk type=\"block\" device=\"cdrom\">\n"
                   "  <source dev=\"/dev/sr0\"/>\n"
                   "  <readonly/>\n"
                   "  <driver name=\"qemu\" type=\"raw\"/>\n"
                   "</disk>");
  gvir_config_domain_disk_set_readonly (disk, FALSE);
  g_assert_false (gvir_config_domain_disk_get_readonly (disk));
  gvir_config_domain_disk_set_source (disk, NULL);
  g_assert_null (gvir_config_domain_disk_get_source (disk));

  gvir_config_domain_disk_driver_set_copy_on_read (driver, TRUE);
  g_assert_true (gvir_config_domain_disk_driver_get_copy_on_read (driver));
  gvir_config_domain_disk_driver_set_name (driver, "qemu");
  g_assert_cmpstr (gvir_config_domain_disk_driver_get_name (driver), ==, "qemu");
  gvir_config_domain_disk_driver_set_format (driver, GVIR_CONFIG_DOMAIN_DISK_FORMAT_VMDK);
  g_assert_cmpint (gvir_config_domain_disk_driver_get_format (driver), ==, GVIR_CONFIG_DOMAIN_DISK_FORMAT_VMDK);

  gvir_config_capabilities_cpu_set_arch (cpu, "x86_64");
  g_assert_cmpstr (gvir_config_capabilities_cpu_get_arch (cpu), ==, "x86_64");
  g_assert_null (gvir_config_capabilities_cpu_get_model (cpu));
  g_assert_null (gvir_config_capabilities_cpu_get_topology (cpu));

  g_assert_finalize_object (klock);
  g_assert_finalize_object (label);
  g_assert_finalize_object (disk);
  g_assert_finalize_object (driver);
  g_assert_finalize_object (cpu);
}

/* Attribute setters move the attribute to the end, like libvirt-gconfig. */
static void
test_attribute_order (void)
{
  g_autoptr(GError) error = NULL;
  GVirConfigDomainDiskDriver *driver =
    gvir_config_domain_disk_driver_new_from_xml ("<driver name=\"qemu\" type=\"raw\" x=\"1\"/>", &error);
  g_autofree char *xml = NULL;

  g_assert_no_error (error);
  gvir_config_domain_disk_driver_set_name (driver, "tap");
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (driver));
  g_assert_cmpstr (xml, ==, "<driver type=\"raw\" x=\"1\" name=\"tap\"/>");
  g_assert_finalize_object (driver);
}

typedef struct
{
  guint count;
  GParamSpec *last;
} NotifyCount;

static void
on_notify (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  NotifyCount *nc = user_data;

  nc->count++;
  nc->last = pspec;
}

static void
test_domain_properties (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  NotifyCount nc = { 0, NULL };
  g_autofree char *name = NULL;
  guint64 memory = 0;
  g_auto(GStrv) features = NULL;
  const char *feats[] = { "acpi", NULL };

  g_signal_connect (domain, "notify", G_CALLBACK (on_notify), &nc);
  g_object_set (domain, "name", "prop", "memory", (guint64) 2048, "vcpu", (guint64) 4,
                "features", feats, NULL);
  g_assert_cmpuint (nc.count, ==, 4);
  g_object_get (domain, "name", &name, "memory", &memory, "features", &features, NULL);
  g_assert_cmpstr (name, ==, "prop");
  g_assert_cmpuint (memory, ==, 2048);
  g_assert_cmpstrv (features, feats);
  g_assert_cmpuint (gvir_config_domain_get_vcpus (domain), ==, 4);

  /* No notification when nothing changes. */
  gvir_config_domain_set_name (domain, "prop");
  gvir_config_domain_set_memory (domain, 2048);
  g_assert_cmpuint (nc.count, ==, 4);
  gvir_config_domain_set_title (domain, "t");
  g_assert_cmpuint (nc.count, ==, 5);
  g_assert_cmpstr (nc.last->name, ==, "title");
  gvir_config_domain_set_title (domain, NULL);
  g_assert_cmpuint (nc.count, ==, 6);
  g_assert_null (gvir_config_domain_get_title (domain));
  gvir_config_domain_set_current_memory (domain, 1024);
  gvir_config_domain_set_uuid (domain, "c7a5fdbd-cdaf-9455-926a-d65c16db1809");
  gvir_config_domain_set_description (domain, "d");
  g_assert_cmpuint (nc.count, ==, 9);

  g_assert_finalize_object (domain);
}

/* ---- malformed input ---- */

static void
test_errors (void)
{
  static const char *bad[] = {
    "",
    "<domain",
    "<domain><name>x</domain>",
    "not xml at all",
    "<network><name>x</name></network>",
    "<?xml version=\"1.0\"?>",
    "<domain></domain><domain/>",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GVirConfigDomain *domain = gvir_config_domain_new_from_xml (bad[i], &error);

      g_assert_null (domain);
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
      g_assert_nonnull (error->message);
      g_assert_true (g_error_matches (error, GVIR_CONFIG_OBJECT_ERROR, GVIR_CONFIG_ERROR_XML));
    }
  g_assert_cmpuint (gvir_config_object_error_quark (), ==, gvir_config_error_quark ());

  {
    g_autoptr(GError) error = NULL;
    GVirConfigCapabilities *caps = gvir_config_capabilities_new_from_xml ("<domain/>", &error);

    g_assert_null (caps);
    g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
    g_assert_nonnull (strstr (error->message, "capabilities"));
  }
}

static void
test_garbage_values (void)
{
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *domain = gvir_config_domain_new_from_xml (
    "<domain type=\"martian\">"
    "<memory unit=\"parsecs\">12</memory>"
    "<currentMemory>-5</currentMemory>"
    "<vcpu>two</vcpu>"
    "<on_reboot>explode</on_reboot>"
    "<os><type>beos</type><boot dev=\"tape\"/><boot dev=\"hd\"/></os>"
    "<clock offset=\"variable\" adjustment=\"99999999999999\"/>"
    "<devices><disk type=\"quantum\"><target bus=\"warp\"/></disk></devices>"
    "</domain>", &error);
  g_autoptr(GVirConfigDomainOs) os = NULL;
  g_autoptr(GVirConfigDomainClock) klock = NULL;
  g_autolist(GVirConfigDomainDevice) devices = NULL;
  g_autoptr(GList) boot = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (gvir_config_domain_get_virt_type (domain), ==, GVIR_CONFIG_DOMAIN_VIRT_QEMU);
  g_assert_cmpuint (gvir_config_domain_get_memory (domain), ==, 0);
  g_assert_cmpuint (gvir_config_domain_get_current_memory (domain), ==, 0);
  g_assert_cmpuint (gvir_config_domain_get_vcpus (domain), ==, 0);
  g_assert_cmpint (gvir_config_domain_get_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT), ==,
                   GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART);
  g_assert_null (gvir_config_domain_get_name (domain));
  g_assert_null (gvir_config_domain_get_features (domain));
  g_assert_null (gvir_config_domain_get_cpu (domain));
  os = gvir_config_domain_get_os (domain);
  g_assert_cmpint (gvir_config_domain_os_get_os_type (os), ==, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  boot = gvir_config_domain_os_get_boot_devices (os);
  g_assert_cmpuint (g_list_length (boot), ==, 1);
  klock = gvir_config_domain_get_clock (domain);
  g_assert_cmpint (gvir_config_domain_clock_get_variable_offset (klock), ==, 0);
  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (devices), ==, 1);
  g_assert_cmpint (gvir_config_domain_disk_get_disk_type (devices->data), ==, GVIR_CONFIG_DOMAIN_DISK_FILE);
  g_assert_cmpint (gvir_config_domain_disk_get_target_bus (devices->data), ==, GVIR_CONFIG_DOMAIN_DISK_BUS_IDE);
  g_assert_null (gvir_config_domain_disk_get_source (devices->data));

  g_clear_object (&os);
  g_clear_object (&klock);
  g_clear_list (&devices, g_object_unref);
  g_assert_finalize_object (domain);
}

/* ---- capabilities ---- */

static void
test_capabilities (void)
{
  g_autofree char *xml = load_fixture ("capabilities-test.xml");
  g_autoptr(GError) error = NULL;
  GVirConfigCapabilities *caps = gvir_config_capabilities_new_from_xml (xml, &error);
  g_autoptr(GVirConfigCapabilitiesHost) host = NULL;
  g_autoptr(GVirConfigCapabilitiesCpu) cpu = NULL;
  g_autolist(GVirConfigCapabilitiesCpuFeature) features = NULL;
  g_autolist(GVirConfigCapabilitiesCell) cells = NULL;
  g_autolist(GVirConfigCapabilitiesHostSecModel) secmodels = NULL;
  g_autolist(GVirConfigCapabilitiesGuest) guests = NULL;
  g_autolist(GVirConfigCapabilitiesCellCpu) cell_cpus = NULL;
  g_autoptr(GVirConfigCapabilitiesGuestArch) arch = NULL;
  g_autolist(GVirConfigCapabilitiesGuestDomain) domains = NULL;
  g_autolist(GVirConfigCapabilitiesGuestFeature) guest_features = NULL;
  g_autofree guint *cpu_ids = NULL;
  g_autofree guint *sibling_ids = NULL;
  g_autofree guint64 *page_sizes = NULL;
  gsize n;
  GVirConfigCapabilitiesCell *cell0, *cell1;

  g_assert_no_error (error);
  host = gvir_config_capabilities_get_host (caps);
  g_assert_cmpstr (gvir_config_capabilities_host_get_uuid (host), ==, "6695eb01-f6a4-8304-79aa-97f2502e193f");

  cpu = gvir_config_capabilities_host_get_cpu (host);
  g_assert_cmpstr (gvir_config_capabilities_cpu_get_arch (cpu), ==, "i686");
  features = gvir_config_capabilities_cpu_get_features (cpu);
  g_assert_cmpuint (g_list_length (features), ==, 2);
  g_assert_cmpstr (gvir_config_capabilities_cpu_feature_get_name (features->data), ==, "pae");
  g_assert_cmpstr (gvir_config_capabilities_cpu_feature_get_name (features->next->data), ==, "nonpae");

  cells = gvir_config_capabilities_host_get_cells (host);
  g_assert_cmpuint (g_list_length (cells), ==, 2);
  cell0 = cells->data;
  cell1 = cells->next->data;
  g_assert_cmpuint (gvir_config_capabilities_cell_get_id (cell0), ==, 0);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_id (cell1), ==, 1);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_memory (cell0), ==, 2097152);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_memory (cell1), ==, 4194304);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_distance (cell0, 0), ==, 10);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_distance (cell0, 1), ==, 20);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_distance (cell1, 0), ==, 20);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_distance (cell1, 7), ==, 0);
  sibling_ids = gvir_config_capabilities_cell_get_sibling_ids (cell1, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (sibling_ids[0], ==, 0);
  g_assert_cmpuint (sibling_ids[1], ==, 1);
  page_sizes = gvir_config_capabilities_cell_get_page_sizes (cell0, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (page_sizes[0], ==, 4);
  g_assert_cmpuint (page_sizes[3], ==, 1048576);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_page_count (cell0, 4), ==, 524288);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_page_count (cell1, 8), ==, 524288);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_page_count (cell1, 4), ==, 0);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_page_count (cell1, 16), ==, 0);
  cpu_ids = gvir_config_capabilities_cell_get_cpu_ids (cell1, &n);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpuint (cpu_ids[0], ==, 8);
  g_assert_cmpuint (cpu_ids[7], ==, 15);
  cell_cpus = gvir_config_capabilities_cell_get_cpus (cell1);
  g_assert_cmpuint (g_list_length (cell_cpus), ==, 8);
  g_assert_cmpuint (gvir_config_capabilities_cell_cpu_get_id (cell_cpus->next->data), ==, 9);
  g_assert_cmpint (gvir_config_capabilities_cell_cpu_get_socket_id (cell_cpus->next->data), ==, 1);
  g_assert_cmpint (gvir_config_capabilities_cell_cpu_get_core_id (cell_cpus->next->data), ==, 1);
  g_assert_cmpstr (gvir_config_capabilities_cell_cpu_get_siblings (cell_cpus->next->data), ==, "9");

  secmodels = gvir_config_capabilities_host_get_secmodels (host);
  g_assert_cmpuint (g_list_length (secmodels), ==, 1);
  g_assert_cmpstr (gvir_config_capabilities_host_secmodel_get_model (secmodels->data), ==, "testSecurity");
  g_assert_null (gvir_config_capabilities_host_secmodel_get_doi (secmodels->data));

  guests = gvir_config_capabilities_get_guests (caps);
  g_assert_cmpuint (g_list_length (guests), ==, 2);
  g_assert_cmpint (gvir_config_capabilities_guest_get_os_type (guests->data), ==, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  g_assert_cmpint (gvir_config_capabilities_guest_get_os_type (guests->next->data), ==, GVIR_CONFIG_DOMAIN_OS_TYPE_XEN);
  arch = gvir_config_capabilities_guest_get_arch (guests->data);
  g_assert_cmpstr (gvir_config_capabilities_guest_arch_get_name (arch), ==, "i686");
  g_assert_cmpstr (gvir_config_capabilities_guest_arch_get_emulator (arch), ==, "/usr/bin/test-hv");
  g_assert_cmpuint (gvir_config_capabilities_guest_arch_get_wordsize (arch), ==, 32);
  domains = gvir_config_capabilities_guest_arch_get_domains (arch);
  g_assert_cmpuint (g_list_length (domains), ==, 1);
  g_assert_cmpint (gvir_config_capabilities_guest_domain_get_virt_type (domains->data), ==, GVIR_CONFIG_DOMAIN_VIRT_TEST);
  g_assert_null (gvir_config_capabilities_guest_domain_get_emulator (domains->data));
  guest_features = gvir_config_capabilities_guest_get_features (guests->data);
  g_assert_cmpuint (g_list_length (guest_features), ==, 2);
  g_assert_cmpstr (gvir_config_capabilities_guest_feature_get_name (guest_features->data), ==, "pae");

  /* Views keep the document alive after the capabilities object goes. */
  g_assert_finalize_object (caps);
  g_assert_cmpuint (gvir_config_capabilities_cell_get_memory (cell1), ==, 4194304);
}

static void
test_capabilities_no_topology (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigCapabilities) caps =
    gvir_config_capabilities_new_from_xml ("<capabilities><host><uuid>x</uuid></host></capabilities>", &error);
  g_autoptr(GVirConfigCapabilitiesHost) host = NULL;

  g_assert_no_error (error);
  host = gvir_config_capabilities_get_host (caps);
  g_assert_null (gvir_config_capabilities_host_get_cells (host));
  g_assert_null (gvir_config_capabilities_host_get_cpu (host));
  g_assert_null (gvir_config_capabilities_get_guests (caps));
}

static void
test_domain_capabilities (void)
{
  g_autofree char *xml = load_fixture ("domaincaps.xml");
  g_autoptr(GError) error = NULL;
  GVirConfigDomainCapabilities *caps = gvir_config_domain_capabilities_new_from_xml (xml, &error);
  g_autoptr(GVirConfigDomainCapabilitiesOs) os = NULL;
  g_autoptr(GList) firmwares = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_path (caps), ==, "/usr/bin/qemu-system-x86_64");
  g_assert_cmpint (gvir_config_domain_capabilities_get_virt_type (caps), ==, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  g_assert_cmpstr (gvir_config_domain_capabilities_get_machine (caps), ==, "pc-q35-7.2");
  g_assert_cmpstr (gvir_config_domain_capabilities_get_arch (caps), ==, "x86_64");
  g_assert_cmpuint (gvir_config_domain_capabilities_get_max_vcpus (caps), ==, 255);
  os = gvir_config_domain_capabilities_get_os (caps);
  g_assert_true (gvir_config_domain_capabilities_os_get_supported (os));
  firmwares = gvir_config_domain_capabilities_os_get_firmwares (os);
  g_assert_cmpuint (g_list_length (firmwares), ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (firmwares->data), ==, GVIR_CONFIG_DOMAIN_OS_FIRMWARE_BIOS);
  g_assert_cmpint (GPOINTER_TO_INT (firmwares->next->data), ==, GVIR_CONFIG_DOMAIN_OS_FIRMWARE_EFI);
  g_clear_object (&os);
  g_assert_finalize_object (caps);
}

/* ---- devices ---- */

static void
test_devices_roundtrip (void)
{
  g_autofree char *xml = load_fixture ("domain-unknown.xml");
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *domain = gvir_config_domain_new_from_xml (xml, &error);
  g_autolist(GVirConfigDomainDevice) devices = NULL;
  g_autolist(GVirConfigDomainDevice) again = NULL;
  g_autofree char *out = NULL;
  GList *l;

  g_assert_no_error (error);
  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (devices), ==, 6);
  l = devices;
  g_assert_true (G_OBJECT_TYPE (l->data) == GVIR_CONFIG_TYPE_DOMAIN_DEVICE);      /* emulator */
  l = l->next;
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_DISK (l->data));
  l = l->next;
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_INTERFACE_NETWORK (l->data));
  l = l->next;
  g_assert_true (G_OBJECT_TYPE (l->data) == GVIR_CONFIG_TYPE_DOMAIN_DEVICE);      /* ethernet */
  l = l->next;
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_GRAPHICS_SPICE (l->data));
  l = l->next;
  g_assert_true (G_OBJECT_TYPE (l->data) == GVIR_CONFIG_TYPE_DOMAIN_DEVICE);      /* unknown */

  /* Drop the disk, keep the rest (including the unknown devices). */
  {
    GList *disk_link = devices->next;

    devices = g_list_remove_link (devices, disk_link);
    g_list_free_full (disk_link, g_object_unref);
  }
  gvir_config_domain_set_devices (domain, devices);
  again = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (again), ==, 5);
  out = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  g_assert_null (strstr (out, "<disk"));
  g_assert_nonnull (strstr (out, "<brand-new-device model=\"x\">\n      <setting value=\"1\"/>\n    </brand-new-device>"));
  g_assert_nonnull (strstr (out, "<graphics type=\"spice\" autoport=\"yes\"/>"));
  g_assert_nonnull (strstr (out, "<interface type=\"ethernet\">"));
  g_assert_nonnull (strstr (out, "<qemu:commandline>"));

  g_clear_list (&devices, g_object_unref);
  g_clear_list (&again, g_object_unref);
  g_assert_finalize_object (domain);
}

/* A device removed from the document stays usable as long as it is held. */
static void
test_views_survive_removal (void)
{
  g_autofree char *xml = load_fixture ("domain-unknown.xml");
  g_autoptr(GError) error = NULL;
  GVirConfigDomain *domain = gvir_config_domain_new_from_xml (xml, &error);
  GVirConfigDomainOs *old_os;
  g_autoptr(GVirConfigDomainOs) new_os = gvir_config_domain_os_new ();
  g_autolist(GVirConfigDomainDevice) devices = NULL;

  g_assert_no_error (error);
  old_os = gvir_config_domain_get_os (domain);
  devices = gvir_config_domain_get_devices (domain);
  gvir_config_domain_os_set_arch (new_os, "aarch64");
  gvir_config_domain_set_os (domain, new_os);
  gvir_config_domain_set_devices (domain, NULL);

  g_assert_cmpstr (gvir_config_domain_os_get_arch (old_os), ==, "x86_64");
  g_assert_cmpstr (gvir_config_domain_disk_get_target_dev (devices->next->data), ==, "vda");
  {
    g_autoptr(GVirConfigDomainOs) os = gvir_config_domain_get_os (domain);
    g_assert_cmpstr (gvir_config_domain_os_get_arch (os), ==, "aarch64");
  }
  g_assert_null (gvir_config_domain_get_devices (domain));

  /* Re-adding a removed device works too. */
  gvir_config_domain_add_device (domain, devices->next->data);
  g_clear_list (&devices, g_object_unref);
  devices = gvir_config_domain_get_devices (domain);
  g_assert_cmpuint (g_list_length (devices), ==, 1);
  g_clear_list (&devices, g_object_unref);

  g_assert_finalize_object (domain);
  g_assert_finalize_object (old_os);
  /* new_os now views a node of the finalised domain's document. */
  g_assert_cmpstr (gvir_config_domain_os_get_arch (new_os), ==, "aarch64");
}

/* ---- custom metadata ---- */

static void
test_custom_xml (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *custom = NULL;
  g_autofree char *custom2 = NULL;
  g_autofree char *other = NULL;

  g_assert_true (gvir_config_domain_set_custom_xml (domain, "<app><k>v</k></app>", "ns1",
                                                    "http://example.org/ns1", &error));
  g_assert_no_error (error);
  g_assert_true (gvir_config_domain_set_custom_xml_ns_children (domain, "<other><k>v</k></other>",
                                                                "ns2", "http://example.org/ns2", &error));
  g_assert_no_error (error);
  custom = gvir_config_domain_get_custom_xml (domain, "http://example.org/ns1");
  g_assert_cmpstr (custom, ==, "<ns1:app xmlns:ns1=\"http://example.org/ns1\">\n  <k>v</k>\n</ns1:app>");
  other = gvir_config_domain_get_custom_xml (domain, "http://example.org/ns2");
  g_assert_cmpstr (other, ==, "<ns2:other xmlns:ns2=\"http://example.org/ns2\">\n  <ns2:k>v</ns2:k>\n</ns2:other>");

  /* Same namespace: replaced, not added. */
  g_assert_true (gvir_config_domain_set_custom_xml (domain, "<app2/>", "ns1", "http://example.org/ns1", &error));
  custom2 = gvir_config_domain_get_custom_xml (domain, "http://example.org/ns1");
  g_assert_cmpstr (custom2, ==, "<ns1:app2 xmlns:ns1=\"http://example.org/ns1\"/>");
  g_assert_null (gvir_config_domain_get_custom_xml (domain, "http://example.org/none"));

  /* Malformed: an error and no change. */
  g_assert_false (gvir_config_domain_set_custom_xml (domain, "<broken", "ns1", "http://example.org/ns1", &error));
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
  g_clear_pointer (&custom2, g_free);
  custom2 = gvir_config_domain_get_custom_xml (domain, "http://example.org/ns1");
  g_assert_cmpstr (custom2, ==, "<ns1:app2 xmlns:ns1=\"http://example.org/ns1\"/>");

  g_assert_finalize_object (domain);
}

static void
test_validate (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  GVirConfigDomainOs *os = gvir_config_domain_os_new ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (gvir_config_object_get_schema (GVIR_CONFIG_OBJECT (domain)));
  g_assert_true (g_str_has_suffix (gvir_config_object_get_schema (GVIR_CONFIG_OBJECT (domain)), "domain.rng"));
  g_assert_null (gvir_config_object_get_schema (GVIR_CONFIG_OBJECT (os)));
  gvir_config_object_validate (GVIR_CONFIG_OBJECT (os), &error);
  g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autoptr(GVirConfigObject) obj =
      gvir_config_object_new (GVIR_CONFIG_TYPE_DOMAIN, "domain", "/nonexistent/domain.rng");
    gvir_config_object_validate (obj, &error);
    g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "/nonexistent/domain.rng"));
    g_clear_error (&error);
  }
  {
    g_autofree char *rng = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", "tiny.rng", NULL);
    g_autoptr(GVirConfigObject) good =
      gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN, "domain", rng,
                                       "<domain><name>x</name></domain>", &error);
    g_autoptr(GVirConfigObject) bad =
      gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN, "domain", rng,
                                       "<domain><nom>x</nom></domain>", &error);

    g_assert_no_error (error);
    gvir_config_object_validate (good, &error);
    g_assert_no_error (error);
    gvir_config_object_validate (bad, &error);
    g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_VALIDATION);
  }

  g_assert_finalize_object (domain);
  g_assert_finalize_object (os);
}

/* Objects made with g_object_new() alone, as bindings do, are usable. */
static void
test_g_object_new (void)
{
  GVirConfigDomainInterfaceNetwork *net = g_object_new (GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_NETWORK, NULL);
  GVirConfigDomain *domain = g_object_new (GVIR_CONFIG_TYPE_DOMAIN, "name", "gobj", NULL);
  g_autofree char *net_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (net));
  g_autofree char *dom_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));

  g_assert_cmpstr (net_xml, ==, "<interface type=\"network\"/>");
  g_assert_cmpstr (dom_xml, ==, "<domain>\n  <name>gobj</name>\n</domain>");
  g_assert_finalize_object (net);
  g_assert_finalize_object (domain);
}

int
main (int argc, char **argv)
{
  static const char *fixtures[] = {
    "capabilities-test.xml",
    "domain-unknown.xml",
    "domaincaps.xml",
    "domain-built.xml",
  };

  g_test_init (&argc, &argv, NULL);
  gvir_init_config (&argc, &argv);

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gconfig/roundtrip/%s", fixtures[i]);

      g_test_add_data_func (path, fixtures[i], test_roundtrip);
    }
  g_test_add_func ("/gconfig/domain/build", test_domain_build);
  g_test_add_func ("/gconfig/domain/build-getters", test_domain_build_getters);
  g_test_add_func ("/gconfig/domain/parsed-getters", test_domain_parsed_getters);
  g_test_add_func ("/gconfig/domain/properties", test_domain_properties);
  g_test_add_func ("/gconfig/domain/devices-roundtrip", test_devices_roundtrip);
  g_test_add_func ("/gconfig/domain/views-survive-removal", test_views_survive_removal);
  g_test_add_func ("/gconfig/domain/custom-xml", test_custom_xml);
  g_test_add_func ("/gconfig/os/accessors", test_os_accessors);
  g_test_add_func ("/gconfig/misc/accessors", test_misc_accessors);
  g_test_add_func ("/gconfig/object/attribute-order", test_attribute_order);
  g_test_add_func ("/gconfig/object/g-object-new", test_g_object_new);
  g_test_add_func ("/gconfig/object/validate", test_validate);
  g_test_add_func ("/gconfig/errors/malformed", test_errors);
  g_test_add_func ("/gconfig/errors/garbage-values", test_garbage_values);
  g_test_add_func ("/gconfig/capabilities/parse", test_capabilities);
  g_test_add_func ("/gconfig/capabilities/no-topology", test_capabilities_no_topology);
  g_test_add_func ("/gconfig/domain-capabilities/parse", test_domain_capabilities);

  return g_test_run ();
}
