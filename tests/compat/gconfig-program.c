/*
 * gconfig-program.c: a program written in libvirt-gconfig's idiom that
 * builds a domain from scratch, prints its XML, and parses a capabilities
 * document. It uses only functions libvirt-gconfig 4.0 has, so it builds
 * unchanged against libvirt-gconfig and against this project; the compat
 * test compares the two outputs byte for byte.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include <stdio.h>
#include <stdlib.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

static const char capabilities_xml[] =
  "<capabilities>\n"
  "  <host>\n"
  "    <uuid>6a3f2c4e-8d1b-4e5f-9a7c-0b1d2e3f4a5b</uuid>\n"
  "    <cpu>\n"
  "      <arch>x86_64</arch>\n"
  "      <model>Skylake-Client-IBRS</model>\n"
  "      <vendor>Intel</vendor>\n"
  "      <topology sockets='1' dies='1' cores='4' threads='2'/>\n"
  "      <feature name='ds'/>\n"
  "      <feature name='acpi'/>\n"
  "      <feature name='ss'/>\n"
  "    </cpu>\n"
  "    <secmodel>\n"
  "      <model>apparmor</model>\n"
  "      <doi>0</doi>\n"
  "    </secmodel>\n"
  "    <secmodel>\n"
  "      <model>dac</model>\n"
  "      <doi>0</doi>\n"
  "    </secmodel>\n"
  "  </host>\n"
  "  <guest>\n"
  "    <os_type>hvm</os_type>\n"
  "    <arch name='x86_64'>\n"
  "      <wordsize>64</wordsize>\n"
  "      <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
  "      <machine maxCpus='255'>pc-i440fx-7.2</machine>\n"
  "      <domain type='qemu'/>\n"
  "      <domain type='kvm'>\n"
  "        <emulator>/usr/bin/kvm</emulator>\n"
  "      </domain>\n"
  "    </arch>\n"
  "    <features>\n"
  "      <acpi default='on' toggle='yes'/>\n"
  "      <apic default='on' toggle='no'/>\n"
  "      <pae/>\n"
  "    </features>\n"
  "  </guest>\n"
  "</capabilities>\n";

/* printf()'s "%s" must not see NULL. */
static const char *
str (const char *value)
{
  return value != NULL ? value : "(none)";
}

static void
add_device (GList **devices, gpointer device)
{
  *devices = g_list_append (*devices, GVIR_CONFIG_DOMAIN_DEVICE (device));
}

static void
set_os (GVirConfigDomain *domain)
{
  GVirConfigDomainOs *os = gvir_config_domain_os_new ();
  GList *boot = NULL;

  gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  gvir_config_domain_os_set_arch (os, "x86_64");
  gvir_config_domain_os_set_machine (os, "pc-q35-7.2");
  boot = g_list_append (boot, GINT_TO_POINTER (GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_CDROM));
  boot = g_list_append (boot, GINT_TO_POINTER (GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_HD));
  boot = g_list_append (boot, GINT_TO_POINTER (GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_NETWORK));
  gvir_config_domain_os_set_boot_devices (os, boot);
  g_list_free (boot);
  gvir_config_domain_os_enable_boot_menu (os, TRUE);
  gvir_config_domain_os_bios_enable_serial (os, TRUE);
  gvir_config_domain_os_set_smbios_mode (os, GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_SYSINFO);
  gvir_config_domain_set_os (domain, os);
  g_object_unref (os);
}

static void
set_clock (GVirConfigDomain *domain)
{
  GVirConfigDomainClock *klock = gvir_config_domain_clock_new ();
  GVirConfigDomainTimerRtc *rtc = gvir_config_domain_timer_rtc_new ();
  GVirConfigDomainTimerPit *pit = gvir_config_domain_timer_pit_new ();
  GVirConfigDomainTimerHpet *hpet = gvir_config_domain_timer_hpet_new ();

  gvir_config_domain_clock_set_offset (klock, GVIR_CONFIG_DOMAIN_CLOCK_UTC);
  gvir_config_domain_timer_set_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (rtc),
                                            GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_CATCHUP);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (rtc));
  gvir_config_domain_timer_set_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (pit),
                                            GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (pit));
  gvir_config_domain_timer_set_present (GVIR_CONFIG_DOMAIN_TIMER (hpet), FALSE);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (hpet));
  gvir_config_domain_set_clock (domain, klock);
  g_object_unref (rtc);
  g_object_unref (pit);
  g_object_unref (hpet);
  g_object_unref (klock);
}

static void
add_cpu_feature (GVirConfigDomainCpu *cpu, const char *name, GVirConfigDomainCpuFeaturePolicy policy)
{
  GVirConfigDomainCpuFeature *feature = gvir_config_domain_cpu_feature_new ();

  gvir_config_capabilities_cpu_feature_set_name (GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature), name);
  gvir_config_domain_cpu_feature_set_policy (feature, policy);
  gvir_config_capabilities_cpu_add_feature (GVIR_CONFIG_CAPABILITIES_CPU (cpu),
                                            GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature));
  g_object_unref (feature);
}

static void
set_cpu (GVirConfigDomain *domain)
{
  GVirConfigDomainCpu *cpu = gvir_config_domain_cpu_new ();
  GVirConfigDomainCpuModel *model = gvir_config_domain_cpu_model_new ();
  GVirConfigCapabilitiesCpuTopology *topology = gvir_config_capabilities_cpu_topology_new ();

  gvir_config_domain_cpu_set_mode (cpu, GVIR_CONFIG_DOMAIN_CPU_MODE_CUSTOM);
  gvir_config_domain_cpu_set_match_policy (cpu, GVIR_CONFIG_DOMAIN_CPU_MATCH_POLICY_EXACT);
  gvir_config_capabilities_cpu_model_set_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (model), "Skylake-Client");
  gvir_config_domain_cpu_set_model (cpu, model);
  gvir_config_capabilities_cpu_topology_set_sockets (topology, 1);
  gvir_config_capabilities_cpu_topology_set_cores (topology, 2);
  gvir_config_capabilities_cpu_topology_set_threads (topology, 2);
  gvir_config_capabilities_cpu_set_topology (GVIR_CONFIG_CAPABILITIES_CPU (cpu), topology);
  add_cpu_feature (cpu, "vmx", GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE);
  add_cpu_feature (cpu, "hle", GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_DISABLE);
  gvir_config_domain_set_cpu (domain, cpu);
  g_object_unref (topology);
  g_object_unref (model);
  g_object_unref (cpu);
}

static void
add_disks (GList **devices)
{
  GVirConfigDomainDisk *disk = gvir_config_domain_disk_new ();
  GVirConfigDomainDiskDriver *driver = gvir_config_domain_disk_driver_new ();
  GVirConfigDomainDisk *cdrom = gvir_config_domain_disk_new ();

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_guest_device_type (disk, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);
  gvir_config_domain_disk_driver_set_name (driver, "qemu");
  gvir_config_domain_disk_driver_set_format (driver, GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  gvir_config_domain_disk_driver_set_cache (driver, GVIR_CONFIG_DOMAIN_DISK_CACHE_NONE);
  gvir_config_domain_disk_driver_set_io_policy (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_IO_POLICY_NATIVE);
  gvir_config_domain_disk_driver_set_discard (driver, GVIR_CONFIG_DOMAIN_DISK_DRIVER_DISCARD_UNMAP);
  gvir_config_domain_disk_driver_set_copy_on_read (driver, TRUE);
  gvir_config_domain_disk_set_driver (disk, driver);
  gvir_config_domain_disk_set_source (disk, "/var/lib/libvirt/images/demo.qcow2");
  gvir_config_domain_disk_set_target_bus (disk, GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO);
  gvir_config_domain_disk_set_target_dev (disk, "vda");
  add_device (devices, disk);
  g_object_unref (driver);

  gvir_config_domain_disk_set_type (cdrom, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_guest_device_type (cdrom, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_CDROM);
  gvir_config_domain_disk_set_driver_name (cdrom, "qemu");
  gvir_config_domain_disk_set_driver_format (cdrom, GVIR_CONFIG_DOMAIN_DISK_FORMAT_RAW);
  gvir_config_domain_disk_set_source (cdrom, "/srv/iso/debian-12.iso");
  gvir_config_domain_disk_set_target_bus (cdrom, GVIR_CONFIG_DOMAIN_DISK_BUS_SATA);
  gvir_config_domain_disk_set_target_dev (cdrom, "sda");
  gvir_config_domain_disk_set_readonly (cdrom, TRUE);
  gvir_config_domain_disk_set_startup_policy (cdrom, GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_OPTIONAL);
  add_device (devices, cdrom);
}

static void
add_interfaces (GList **devices)
{
  GVirConfigDomainInterfaceNetwork *net = gvir_config_domain_interface_network_new ();
  GVirConfigDomainInterfaceBridge *bridge = gvir_config_domain_interface_bridge_new ();
  GVirConfigDomainInterfaceUser *user = gvir_config_domain_interface_user_new ();
  GVirConfigDomainInterfaceFilterref *filter = gvir_config_domain_interface_filterref_new ();
  GVirConfigDomainInterfaceFilterrefParameter *param = gvir_config_domain_interface_filterref_parameter_new ();

  gvir_config_domain_interface_network_set_source (net, "default");
  gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (net), "52:54:00:12:34:56");
  gvir_config_domain_interface_set_model (GVIR_CONFIG_DOMAIN_INTERFACE (net), "virtio");
  gvir_config_domain_interface_set_link_state (GVIR_CONFIG_DOMAIN_INTERFACE (net),
                                               GVIR_CONFIG_DOMAIN_INTERFACE_LINK_STATE_UP);
  gvir_config_domain_interface_filterref_set_name (filter, "clean-traffic");
  gvir_config_domain_interface_filterref_parameter_set_name (param, "IP");
  gvir_config_domain_interface_filterref_parameter_set_value (param, "192.168.122.10");
  gvir_config_domain_interface_filterref_add_parameter (filter, param);
  gvir_config_domain_interface_set_filterref (GVIR_CONFIG_DOMAIN_INTERFACE (net), filter);
  add_device (devices, net);
  g_object_unref (param);
  g_object_unref (filter);

  gvir_config_domain_interface_bridge_set_source (bridge, "br0");
  gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (bridge), "52:54:00:ab:cd:ef");
  gvir_config_domain_interface_set_model (GVIR_CONFIG_DOMAIN_INTERFACE (bridge), "e1000");
  gvir_config_domain_interface_set_ifname (GVIR_CONFIG_DOMAIN_INTERFACE (bridge), "vnet7");
  add_device (devices, bridge);

  gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (user), "52:54:00:00:00:01");
  gvir_config_domain_interface_set_model (GVIR_CONFIG_DOMAIN_INTERFACE (user), "rtl8139");
  add_device (devices, user);
}

static void
add_graphics (GList **devices)
{
  GVirConfigDomainGraphicsSpice *spice = gvir_config_domain_graphics_spice_new ();
  GVirConfigDomainGraphicsVnc *vnc = gvir_config_domain_graphics_vnc_new ();
  GVirConfigDomainVideo *video = gvir_config_domain_video_new ();

  gvir_config_domain_graphics_spice_set_autoport (spice, FALSE);
  gvir_config_domain_graphics_spice_set_port (spice, 5900);
  gvir_config_domain_graphics_spice_set_tls_port (spice, 5901);
  gvir_config_domain_graphics_spice_set_password (spice, "s3cret");
  gvir_config_domain_graphics_spice_set_image_compression (spice,
                                                           GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_GLZ);
  gvir_config_domain_graphics_spice_set_gl (spice, TRUE);
  add_device (devices, spice);

  gvir_config_domain_graphics_vnc_set_autoport (vnc, TRUE);
  gvir_config_domain_graphics_vnc_set_password (vnc, "vncpass");
  add_device (devices, vnc);

  gvir_config_domain_video_set_model (video, GVIR_CONFIG_DOMAIN_VIDEO_MODEL_QXL);
  gvir_config_domain_video_set_vram (video, 65536);
  gvir_config_domain_video_set_ram (video, 65536);
  gvir_config_domain_video_set_vgamem (video, 16384);
  gvir_config_domain_video_set_heads (video, 1);
  gvir_config_domain_video_set_accel3d (video, FALSE);
  add_device (devices, video);
}

static void
add_chardevs (GList **devices)
{
  GVirConfigDomainConsole *console = gvir_config_domain_console_new ();
  GVirConfigDomainSerial *serial = gvir_config_domain_serial_new ();
  GVirConfigDomainChannel *channel = gvir_config_domain_channel_new ();
  GVirConfigDomainChannel *agent = gvir_config_domain_channel_new ();
  GVirConfigDomainChardevSourcePty *pty = gvir_config_domain_chardev_source_pty_new ();
  GVirConfigDomainChardevSourcePty *serial_pty = gvir_config_domain_chardev_source_pty_new ();
  GVirConfigDomainChardevSourceSpiceVmc *vmc = gvir_config_domain_chardev_source_spicevmc_new ();
  GVirConfigDomainChardevSourceUnix *unix_source = gvir_config_domain_chardev_source_unix_new ();

  gvir_config_domain_chardev_source_pty_set_path (pty, "/dev/pts/4");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (console),
                                         GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  gvir_config_domain_console_set_target_type (console, GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_VIRTIO);
  add_device (devices, console);

  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial),
                                         GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (serial_pty));
  add_device (devices, serial);

  gvir_config_domain_channel_set_target_type (channel, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_name (channel, "com.redhat.spice.0");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (channel),
                                         GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (vmc));
  add_device (devices, channel);

  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (agent),
                                         GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (unix_source));
  gvir_config_domain_channel_set_target_type (agent, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_name (agent, "org.qemu.guest_agent.0");
  add_device (devices, agent);

  g_object_unref (pty);
  g_object_unref (serial_pty);
  g_object_unref (vmc);
  g_object_unref (unix_source);
}

static void
add_misc_devices (GList **devices)
{
  GVirConfigDomainSound *sound = gvir_config_domain_sound_new ();
  GVirConfigDomainInput *tablet = gvir_config_domain_input_new ();
  GVirConfigDomainMemballoon *balloon = gvir_config_domain_memballoon_new ();
  GVirConfigDomainControllerUsb *usb = gvir_config_domain_controller_usb_new ();
  GVirConfigDomainAddressPci *address = gvir_config_domain_address_pci_new ();

  gvir_config_domain_sound_set_model (sound, GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6);
  add_device (devices, sound);

  gvir_config_domain_input_set_device_type (tablet, GVIR_CONFIG_DOMAIN_INPUT_DEVICE_TABLET);
  gvir_config_domain_input_set_bus (tablet, GVIR_CONFIG_DOMAIN_INPUT_BUS_USB);
  add_device (devices, tablet);

  gvir_config_domain_memballoon_set_model (balloon, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO);
  add_device (devices, balloon);

  gvir_config_domain_controller_usb_set_model (usb, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_EHCI1);
  gvir_config_domain_controller_set_index (GVIR_CONFIG_DOMAIN_CONTROLLER (usb), 0);
  gvir_config_domain_controller_set_ports (GVIR_CONFIG_DOMAIN_CONTROLLER (usb), 6);
  gvir_config_domain_address_pci_set_domain (address, 0);
  gvir_config_domain_address_pci_set_bus (address, 0);
  gvir_config_domain_address_pci_set_slot (address, 29);
  gvir_config_domain_address_pci_set_function (address, 7);
  gvir_config_domain_address_pci_set_multifunction (address, TRUE);
  gvir_config_domain_controller_set_address (GVIR_CONFIG_DOMAIN_CONTROLLER (usb),
                                             GVIR_CONFIG_DOMAIN_ADDRESS (address));
  add_device (devices, usb);
  g_object_unref (address);
}

static GVirConfigDomain *
build_domain (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  const char *features[] = { "acpi", "apic", "pae", NULL };
  GVirConfigDomainPowerManagement *pm = gvir_config_domain_power_management_new ();
  GVirConfigDomainSeclabel *seclabel = gvir_config_domain_seclabel_new ();
  GList *devices = NULL;
  GError *error = NULL;

  gvir_config_domain_set_virt_type (domain, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  gvir_config_domain_set_name (domain, "demo");
  gvir_config_domain_set_uuid (domain, "c7a5fdbd-edaf-9455-926a-d65c16db1809");
  gvir_config_domain_set_title (domain, "Demo machine");
  gvir_config_domain_set_description (domain, "Built through the API & printed as XML");
  gvir_config_domain_set_memory (domain, 2097152);
  gvir_config_domain_set_current_memory (domain, 1048576);
  gvir_config_domain_set_vcpus (domain, 4);
  gvir_config_domain_set_features (domain, (GStrv) features);
  set_os (domain);
  set_clock (domain);
  set_cpu (domain);

  gvir_config_domain_set_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_POWEROFF,
                                    GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY);
  gvir_config_domain_set_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT,
                                    GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART);
  gvir_config_domain_set_lifecycle (domain, GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH,
                                    GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART);

  gvir_config_domain_power_management_set_mem_suspend_enabled (pm, TRUE);
  gvir_config_domain_power_management_set_disk_suspend_enabled (pm, FALSE);
  gvir_config_domain_set_power_management (domain, pm);
  g_object_unref (pm);

  gvir_config_domain_seclabel_set_type (seclabel, GVIR_CONFIG_DOMAIN_SECLABEL_DYNAMIC);
  gvir_config_domain_seclabel_set_model (seclabel, "selinux");
  gvir_config_domain_set_seclabel (domain, seclabel);
  g_object_unref (seclabel);

  add_disks (&devices);
  add_interfaces (&devices);
  add_graphics (&devices);
  add_chardevs (&devices);
  add_misc_devices (&devices);
  gvir_config_domain_set_devices (domain, devices);
  g_list_free_full (devices, g_object_unref);

  if (!gvir_config_domain_set_custom_xml (domain,
                                          "<app><setting name=\"kiosk\">yes</setting></app>",
                                          "demo", "http://example.org/demo/1.0", &error))
    {
      fprintf (stderr, "set_custom_xml: %s\n", error->message);
      g_error_free (error);
      exit (1);
    }

  return domain;
}

static void
print_domain_getters (GVirConfigDomain *domain)
{
  GVirConfigDomain *copy;
  GList *devices, *it;
  GError *error = NULL;
  gchar *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  gchar *custom;

  copy = gvir_config_domain_new_from_xml (xml, &error);
  g_free (xml);
  if (copy == NULL)
    {
      fprintf (stderr, "reparse: %s\n", error->message);
      g_error_free (error);
      exit (1);
    }

  printf ("name: %s\n", gvir_config_domain_get_name (copy));
  printf ("uuid: %s\n", gvir_config_domain_get_uuid (copy));
  printf ("title: %s\n", gvir_config_domain_get_title (copy));
  printf ("memory: %" G_GUINT64_FORMAT "\n", gvir_config_domain_get_memory (copy));
  printf ("current memory: %" G_GUINT64_FORMAT "\n", gvir_config_domain_get_current_memory (copy));
  printf ("vcpus: %" G_GUINT64_FORMAT "\n", gvir_config_domain_get_vcpus (copy));
  printf ("virt type: %d\n", gvir_config_domain_get_virt_type (copy));
  custom = gvir_config_domain_get_custom_xml (copy, "http://example.org/demo/1.0");
  printf ("custom: %s\n", custom);
  g_free (custom);

  devices = gvir_config_domain_get_devices (copy);
  for (it = devices; it != NULL; it = it->next)
    printf ("device: %s\n", G_OBJECT_TYPE_NAME (it->data));
  g_list_free_full (devices, g_object_unref);
  g_object_unref (copy);
}

static void
print_capabilities (void)
{
  GError *error = NULL;
  GVirConfigCapabilities *caps = gvir_config_capabilities_new_from_xml (capabilities_xml, &error);
  GVirConfigCapabilitiesHost *host;
  GVirConfigCapabilitiesCpu *cpu;
  GVirConfigCapabilitiesCpuModel *model;
  GVirConfigCapabilitiesCpuTopology *topology;
  GList *list, *it;

  if (caps == NULL)
    {
      fprintf (stderr, "capabilities: %s\n", error->message);
      g_error_free (error);
      exit (1);
    }

  host = gvir_config_capabilities_get_host (caps);
  printf ("host uuid: %s\n", gvir_config_capabilities_host_get_uuid (host));
  cpu = gvir_config_capabilities_host_get_cpu (host);
  printf ("host arch: %s\n", gvir_config_capabilities_cpu_get_arch (cpu));
  model = gvir_config_capabilities_cpu_get_model (cpu);
  printf ("host model: %s\n", gvir_config_capabilities_cpu_model_get_name (model));
  topology = gvir_config_capabilities_cpu_get_topology (cpu);
  printf ("topology: %" G_GUINT64_FORMAT " sockets, %" G_GUINT64_FORMAT " cores, %" G_GUINT64_FORMAT " threads\n",
          gvir_config_capabilities_cpu_topology_get_sockets (topology),
          gvir_config_capabilities_cpu_topology_get_cores (topology),
          gvir_config_capabilities_cpu_topology_get_threads (topology));
  list = gvir_config_capabilities_cpu_get_features (cpu);
  for (it = list; it != NULL; it = it->next)
    printf ("host feature: %s\n", gvir_config_capabilities_cpu_feature_get_name (it->data));
  g_list_free_full (list, g_object_unref);
  list = gvir_config_capabilities_host_get_secmodels (host);
  for (it = list; it != NULL; it = it->next)
    printf ("secmodel: %s doi %s\n",
            gvir_config_capabilities_host_secmodel_get_model (it->data),
            gvir_config_capabilities_host_secmodel_get_doi (it->data));
  g_list_free_full (list, g_object_unref);
  g_object_unref (topology);
  g_object_unref (model);
  g_object_unref (cpu);
  g_object_unref (host);

  list = gvir_config_capabilities_get_guests (caps);
  for (it = list; it != NULL; it = it->next)
    {
      GVirConfigCapabilitiesGuest *guest = it->data;
      GVirConfigCapabilitiesGuestArch *arch = gvir_config_capabilities_guest_get_arch (guest);
      GList *domains, *d, *features, *f;

      printf ("guest os type: %d\n", gvir_config_capabilities_guest_get_os_type (guest));
      printf ("guest arch: %s emulator %s\n",
              gvir_config_capabilities_guest_arch_get_name (arch),
              gvir_config_capabilities_guest_arch_get_emulator (arch));
      domains = gvir_config_capabilities_guest_arch_get_domains (arch);
      for (d = domains; d != NULL; d = d->next)
        printf ("guest domain: virt type %d emulator %s\n",
                gvir_config_capabilities_guest_domain_get_virt_type (d->data),
                str (gvir_config_capabilities_guest_domain_get_emulator (d->data)));
      g_list_free_full (domains, g_object_unref);
      features = gvir_config_capabilities_guest_get_features (guest);
      for (f = features; f != NULL; f = f->next)
        printf ("guest feature: %s\n", gvir_config_capabilities_guest_feature_get_name (f->data));
      g_list_free_full (features, g_object_unref);
      g_object_unref (arch);
    }
  g_list_free_full (list, g_object_unref);
  g_object_unref (caps);
}

static void
print_xml (const char *label, gpointer object)
{
  gchar *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (object));

  printf ("%s: %s\n", label, xml);
  g_free (xml);
  g_object_unref (object);
}

/* Setters given NULL, where this project and libvirt-gconfig 4.0 agree: an
 * own attribute is removed, a text element is removed, and an attribute of
 * a child element with other content is removed while the element stays.
 * (They differ on purpose when the child element does not exist yet:
 * libvirt-gconfig creates it empty, this project leaves the document
 * alone; tests/gconfig/test-gconfig-null.c pins that.) */
static void
print_null_cases (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  GVirConfigDomainOs *os = gvir_config_domain_os_new ();
  GVirConfigDomainChannel *channel = gvir_config_domain_channel_new ();
  GVirConfigDomainDisk *disk = gvir_config_domain_disk_new ();
  GVirConfigDomainDiskDriver *driver = gvir_config_domain_disk_driver_new ();
  GVirConfigDomainHostdevPci *hostdev = gvir_config_domain_hostdev_pci_new ();
  GVirConfigDomainGraphicsVnc *vnc = gvir_config_domain_graphics_vnc_new ();
  GVirConfigDomainGraphicsSpice *spice = gvir_config_domain_graphics_spice_new ();
  GVirConfigDomainSeclabel *seclabel = gvir_config_domain_seclabel_new ();
  GVirConfigDomainSnapshot *snapshot = gvir_config_domain_snapshot_new ();
  GVirConfigCapabilitiesCpuModel *model = gvir_config_capabilities_cpu_model_new ();
  GVirConfigStoragePoolTarget *pool_target = gvir_config_storage_pool_target_new ();
  GVirConfigStorageVol *vol = gvir_config_storage_vol_new ();

  gvir_config_domain_set_name (domain, "null-cases");
  gvir_config_domain_set_title (domain, "Title");
  gvir_config_domain_set_description (domain, "Description");
  gvir_config_domain_set_title (domain, NULL);
  gvir_config_domain_set_description (domain, NULL);
  print_xml ("null title and description", domain);

  gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  gvir_config_domain_os_set_arch (os, "x86_64");
  gvir_config_domain_os_set_machine (os, "pc");
  gvir_config_domain_os_set_kernel (os, "/boot/vmlinuz");
  gvir_config_domain_os_set_cmdline (os, "console=ttyS0");
  /* Not os_set_machine (os, NULL): libvirt-gconfig 4.0 then writes a
   * second, empty machine attribute (machine="pc" machine=""). */
  gvir_config_domain_os_set_kernel (os, NULL);
  gvir_config_domain_os_set_cmdline (os, NULL);
  print_xml ("null os kernel and cmdline", os);

  gvir_config_domain_channel_set_target_type (channel, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_name (channel, "org.qemu.guest_agent.0");
  gvir_config_domain_channel_set_target_name (channel, NULL);
  print_xml ("null channel target name", channel);

  gvir_config_domain_disk_set_driver_name (disk, "qemu");
  gvir_config_domain_disk_set_driver_type (disk, "qcow2");
  gvir_config_domain_disk_set_driver_type (disk, NULL);
  print_xml ("null disk driver type", disk);

  gvir_config_domain_disk_driver_set_name (driver, "qemu");
  gvir_config_domain_disk_driver_set_name (driver, NULL);
  print_xml ("null disk driver name", driver);

  gvir_config_domain_hostdev_pci_set_rom_bar (hostdev, TRUE);
  gvir_config_domain_hostdev_pci_set_rom_file (hostdev, "/srv/rom.bin");
  gvir_config_domain_hostdev_pci_set_rom_file (hostdev, NULL);
  print_xml ("null hostdev rom file", hostdev);

  gvir_config_domain_graphics_vnc_set_autoport (vnc, TRUE);
  gvir_config_domain_graphics_vnc_set_password (vnc, "vncpass");
  gvir_config_domain_graphics_vnc_set_password (vnc, NULL);
  print_xml ("null vnc password", vnc);

  gvir_config_domain_graphics_spice_set_port (spice, 5900);
  gvir_config_domain_graphics_spice_set_password (spice, "s3cret");
  gvir_config_domain_graphics_spice_set_password (spice, NULL);
  /* Not NULL, but the same comparison: a re-set attribute moves to the end. */
  gvir_config_domain_graphics_spice_set_tls_port (spice, 5901);
  gvir_config_domain_graphics_spice_set_port (spice, 5902);
  print_xml ("null spice password, port set again", spice);

  gvir_config_domain_seclabel_set_type (seclabel, GVIR_CONFIG_DOMAIN_SECLABEL_STATIC);
  gvir_config_domain_seclabel_set_model (seclabel, "selinux");
  gvir_config_domain_seclabel_set_label (seclabel, "system_u:system_r:svirt_t:s0:c1,c2");
  gvir_config_domain_seclabel_set_baselabel (seclabel, "system_u:system_r:svirt_t:s0");
  gvir_config_domain_seclabel_set_label (seclabel, NULL);
  gvir_config_domain_seclabel_set_baselabel (seclabel, NULL);
  print_xml ("null seclabel label and baselabel", seclabel);

  gvir_config_domain_snapshot_set_name (snapshot, "snap1");
  gvir_config_domain_snapshot_set_description (snapshot, "before upgrade");
  gvir_config_domain_snapshot_set_description (snapshot, NULL);
  print_xml ("null snapshot description", snapshot);

  gvir_config_capabilities_cpu_model_set_name (model, "Skylake");
  gvir_config_capabilities_cpu_model_set_name (model, NULL);
  print_xml ("null cpu model name", model);

  gvir_config_storage_pool_target_set_path (pool_target, "/srv/pool");
  gvir_config_storage_pool_target_set_path (pool_target, NULL);
  print_xml ("null pool target path", pool_target);

  gvir_config_storage_vol_set_name (vol, "a.qcow2");
  gvir_config_storage_vol_set_capacity (vol, 1048576);
  gvir_config_storage_vol_set_name (vol, NULL);
  print_xml ("null volume name", vol);
}

int
main (int argc, char **argv)
{
  GVirConfigDomain *domain;
  gchar *xml;

  gvir_config_init (&argc, &argv);

  domain = build_domain ();
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  printf ("%s\n", xml);
  g_free (xml);
  print_domain_getters (domain);
  g_object_unref (domain);

  print_capabilities ();
  print_null_cases ();
  return 0;
}
