/*
 * test-gconfig-devices.c: tests of the libvirt-gconfig device classes
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

#define LOG_DOMAIN "Libvirt.GConfig"

static char *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "gconfig", "xml", "devices", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  /* Files end with a newline that to_xml() does not produce. */
  return g_strchomp (contents);
}

static void
assert_xml (gpointer object, const char *expected)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (object));

  g_assert_cmpstr (xml, ==, expected);
}

/* Programmer errors are criticals; the test environment makes them fatal
 * unless expected. */
static void
expect_critical (void)
{
  g_test_expect_message (LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
}

/* ---- round trip ---- */

static void
test_roundtrip (void)
{
  g_autofree char *xml = load_fixture ("domain-devices.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new_from_xml (xml, &error);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  out = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  g_assert_cmpstr (out, ==, xml);
}

static const GType *
expected_device_types (guint *n)
{
  static GType types[26];

  types[0] = GVIR_CONFIG_TYPE_DOMAIN_DISK;
  types[1] = GVIR_CONFIG_TYPE_DOMAIN_FILESYS;
  types[2] = GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB;
  types[3] = GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB;
  types[4] = GVIR_CONFIG_TYPE_DOMAIN_DEVICE;
  types[5] = GVIR_CONFIG_TYPE_DOMAIN_INTERFACE_NETWORK;
  types[6] = GVIR_CONFIG_TYPE_DOMAIN_HOSTDEV_PCI;
  types[7] = GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST_CERTIFICATES;
  types[8] = GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_PASSTHROUGH;
  types[9] = GVIR_CONFIG_TYPE_DOMAIN_SERIAL;
  types[10] = GVIR_CONFIG_TYPE_DOMAIN_CONSOLE;
  types[11] = GVIR_CONFIG_TYPE_DOMAIN_PARALLEL;
  types[12] = GVIR_CONFIG_TYPE_DOMAIN_CHANNEL;
  types[13] = GVIR_CONFIG_TYPE_DOMAIN_CHANNEL;
  types[14] = GVIR_CONFIG_TYPE_DOMAIN_INPUT;
  types[15] = GVIR_CONFIG_TYPE_DOMAIN_INPUT;
  types[16] = GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_SPICE;
  types[17] = GVIR_CONFIG_TYPE_DOMAIN_GRAPHICS_VNC;
  types[18] = GVIR_CONFIG_TYPE_DOMAIN_DEVICE;
  types[19] = GVIR_CONFIG_TYPE_DOMAIN_SOUND;
  types[20] = GVIR_CONFIG_TYPE_DOMAIN_AUDIO;
  types[21] = GVIR_CONFIG_TYPE_DOMAIN_VIDEO;
  types[22] = GVIR_CONFIG_TYPE_DOMAIN_REDIRDEV;
  types[23] = GVIR_CONFIG_TYPE_DOMAIN_MEMBALLOON;
  types[24] = GVIR_CONFIG_TYPE_DOMAIN_VSOCK;
  types[25] = GVIR_CONFIG_TYPE_DOMAIN_DEVICE;
  *n = G_N_ELEMENTS (types);
  return types;
}

static void
test_get_devices (void)
{
  g_autofree char *xml = load_fixture ("domain-devices.xml");
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new_from_xml (xml, NULL);
  GList *devices = gvir_config_domain_get_devices (domain);
  const GType *types;
  guint n, i = 0;

  types = expected_device_types (&n);
  g_assert_cmpuint (g_list_length (devices), ==, n);
  for (GList *l = devices; l != NULL; l = l->next, i++)
    g_assert_cmpstr (G_OBJECT_TYPE_NAME (l->data), ==, g_type_name (types[i]));

  /* Putting the same views back keeps everything, unknown devices included. */
  gvir_config_domain_set_devices (domain, devices);
  g_list_free_full (devices, g_object_unref);
  {
    g_autofree char *out = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));

    g_assert_nonnull (strstr (out, "<watchdog model=\"i6300esb\" action=\"reset\"/>"));
    g_assert_nonnull (strstr (out, "<graphics type=\"egl-headless\"/>"));
    g_assert_nonnull (strstr (out, "<unknown-graphics-child/>"));
    g_assert_nonnull (strstr (out, "<controller type=\"scsi\" index=\"0\" model=\"virtio-scsi\"/>"));
  }
}

/* The parsed fixture, read through the getters. */
static void
test_parsed_getters (void)
{
  g_autofree char *xml = load_fixture ("domain-devices.xml");
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new_from_xml (xml, NULL);
  g_autoptr(GVirConfigDomainClock) klock = gvir_config_domain_get_clock (domain);
  GList *devices = gvir_config_domain_get_devices (domain);
  GList *timers = gvir_config_domain_clock_get_timers (klock);
  GVirConfigDomainDisk *disk = g_list_nth_data (devices, 0);
  GVirConfigDomainFilesys *fs = g_list_nth_data (devices, 1);
  GVirConfigDomainControllerUsb *ehci = g_list_nth_data (devices, 2);
  GVirConfigDomainControllerUsb *uhci = g_list_nth_data (devices, 3);
  GVirConfigDomainInterface *iface = g_list_nth_data (devices, 5);
  GVirConfigDomainHostdevPci *hostdev = g_list_nth_data (devices, 6);
  GVirConfigDomainSmartcardHostCertificates *certs = g_list_nth_data (devices, 7);
  GVirConfigDomainSmartcardPassthrough *pass = g_list_nth_data (devices, 8);
  GVirConfigDomainSerial *serial = g_list_nth_data (devices, 9);
  GVirConfigDomainParallel *parallel = g_list_nth_data (devices, 11);
  GVirConfigDomainChannel *port_channel = g_list_nth_data (devices, 13);
  GVirConfigDomainGraphicsSpice *spice = g_list_nth_data (devices, 16);
  GVirConfigDomainVideo *video = g_list_nth_data (devices, 21);
  GVirConfigDomainRedirdev *redirdev = g_list_nth_data (devices, 22);
  g_autoptr(GVirConfigDomainAddress) address = NULL;
  g_autoptr(GVirConfigDomainAddressPci) host_address = NULL;
  g_autoptr(GVirConfigDomainInterfaceFilterref) filterref = NULL;
  g_autoptr(GVirConfigDomainChardevSource) source = NULL;
  g_auto(GStrv) cert_names = NULL;
  GList *params;

  g_assert_cmpuint (g_list_length (timers), ==, 3);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_TIMER_RTC (timers->data));
  g_assert_cmpint (gvir_config_domain_timer_get_tick_policy (timers->data), ==, GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_CATCHUP);
  g_assert_true (gvir_config_domain_timer_get_present (timers->data));
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_TIMER_HPET (timers->next->next->data));
  g_assert_false (gvir_config_domain_timer_get_present (timers->next->next->data));
  g_list_free_full (timers, g_object_unref);

  g_assert_cmpint (gvir_config_domain_disk_get_snapshot_type (disk), ==, GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_EXTERNAL);
  g_assert_cmpint (gvir_config_domain_disk_get_startup_policy (disk), ==, GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_OPTIONAL);
  g_assert_cmpint (gvir_config_domain_disk_get_driver_cache (disk), ==, GVIR_CONFIG_DOMAIN_DISK_CACHE_NONE);
  g_assert_cmpstr (gvir_config_domain_disk_get_driver_type (disk), ==, "qcow2");

  g_assert_cmpint (gvir_config_domain_filesys_get_filesys_type (fs), ==, GVIR_CONFIG_DOMAIN_FILESYS_MOUNT);
  g_assert_cmpint (gvir_config_domain_filesys_get_access_type (fs), ==, GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_MAPPED);
  g_assert_cmpint (gvir_config_domain_filesys_get_driver_type (fs), ==, GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_PATH);
  g_assert_cmpstr (gvir_config_domain_filesys_get_source (fs), ==, "/srv/share");
  g_assert_cmpstr (gvir_config_domain_filesys_get_target (fs), ==, "share");
  g_assert_true (gvir_config_domain_filesys_get_readonly (fs));

  g_assert_cmpint (gvir_config_domain_controller_usb_get_model (ehci), ==, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_EHCI1);
  g_assert_cmpint (gvir_config_domain_controller_usb_get_master_startport (ehci), ==, -1);
  g_assert_cmpint (gvir_config_domain_controller_usb_get_master_startport (uhci), ==, 0);
  address = gvir_config_domain_controller_get_address (GVIR_CONFIG_DOMAIN_CONTROLLER (uhci));
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_ADDRESS_PCI (address));
  g_assert_cmpint (gvir_config_domain_address_pci_get_slot (GVIR_CONFIG_DOMAIN_ADDRESS_PCI (address)), ==, 0x1d);
  g_assert_true (gvir_config_domain_address_pci_get_multifunction (GVIR_CONFIG_DOMAIN_ADDRESS_PCI (address)));

  filterref = gvir_config_domain_interface_get_filterref (iface);
  g_assert_cmpstr (gvir_config_domain_interface_filterref_get_name (filterref), ==, "clean-traffic");
  params = gvir_config_domain_interface_filterref_get_parameters (filterref);
  g_assert_cmpuint (g_list_length (params), ==, 2);
  g_assert_cmpstr (gvir_config_domain_interface_filterref_parameter_get_value (params->next->data), ==, "52:54:00:aa:bb:cc");
  g_list_free_full (params, g_object_unref);

  host_address = gvir_config_domain_hostdev_pci_get_address (hostdev);
  g_assert_cmpint (gvir_config_domain_address_pci_get_bus (host_address), ==, 3);
  g_assert_cmpint (gvir_config_domain_address_pci_get_function (host_address), ==, 1);
  g_assert_true (gvir_config_domain_hostdev_pci_get_managed (hostdev));
  g_assert_false (gvir_config_domain_hostdev_pci_get_rom_bar (hostdev));
  g_assert_cmpstr (gvir_config_domain_hostdev_pci_get_rom_file (hostdev), ==, "/usr/share/rom.bin");
  g_assert_cmpint (gvir_config_domain_hostdev_get_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev)), ==, 2);

  cert_names = gvir_config_domain_smartcard_host_certificates_get_certificates (certs);
  g_assert_cmpuint (g_strv_length (cert_names), ==, 3);
  g_assert_cmpstr (cert_names[2], ==, "cert3");
  g_assert_cmpstr (gvir_config_domain_smartcard_host_certificates_get_database (certs), ==, "/etc/pki/nssdb");
  source = gvir_config_domain_smartcard_passthrough_get_source (pass);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_CHARDEV_SOURCE_SPICE_VMC (source));
  g_clear_object (&source);

  source = gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial));
  g_assert_cmpstr (gvir_config_domain_chardev_source_pty_get_path (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_PTY (source)), ==, "/dev/pts/3");
  g_clear_object (&source);
  source = gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (parallel));
  g_assert_cmpint (gvir_config_domain_chardev_source_unix_get_mode (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX (source)), ==,
                   GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_CONNECT);
  g_clear_object (&source);
  source = gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (port_channel));
  g_assert_cmpstr (gvir_config_domain_chardev_source_spiceport_get_channel (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_SPICE_PORT (source)), ==,
                   "org.qemu.console.serial.0");
  g_clear_object (&source);

  g_assert_true (gvir_config_domain_graphics_spice_get_autoport (spice));
  g_assert_cmpint (gvir_config_domain_graphics_spice_get_tls_port (spice), ==, 5901);
  g_assert_cmpint (gvir_config_domain_graphics_spice_get_port (spice), ==, -1);
  g_assert_cmpint (gvir_config_domain_graphics_spice_get_image_compression (spice), ==,
                   GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_GLZ);
  g_assert_false (gvir_config_domain_graphics_spice_get_gl (spice));

  g_assert_cmpint (gvir_config_domain_video_get_model (video), ==, GVIR_CONFIG_DOMAIN_VIDEO_MODEL_QXL);
  g_assert_cmpuint (gvir_config_domain_video_get_vgamem (video), ==, 16384);
  g_assert_true (gvir_config_domain_video_get_accel3d (video));

  g_clear_object (&address);
  address = gvir_config_domain_redirdev_get_address (redirdev);
  g_assert_true (GVIR_CONFIG_IS_DOMAIN_ADDRESS_USB (address));
  g_assert_cmpint (gvir_config_domain_address_usb_get_bus (GVIR_CONFIG_DOMAIN_ADDRESS_USB (address)), ==, 0);
  g_assert_cmpstr (gvir_config_domain_address_usb_get_port (GVIR_CONFIG_DOMAIN_ADDRESS_USB (address)), ==, "3");

  g_list_free_full (devices, g_object_unref);
}

/* ---- building from scratch ---- */

static void
add_device (GVirConfigDomain *domain, gpointer device)
{
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (device));
  g_object_unref (device);
}

static void
build_chardevs (GVirConfigDomain *domain)
{
  GVirConfigDomainSerial *serial = gvir_config_domain_serial_new ();
  GVirConfigDomainConsole *console = gvir_config_domain_console_new ();
  GVirConfigDomainParallel *parallel = gvir_config_domain_parallel_new ();
  GVirConfigDomainChannel *agent = gvir_config_domain_channel_new ();
  GVirConfigDomainChannel *port = gvir_config_domain_channel_new ();
  GVirConfigDomainRedirdev *redirdev = gvir_config_domain_redirdev_new ();
  g_autoptr(GVirConfigDomainChardevSourcePty) pty = gvir_config_domain_chardev_source_pty_new ();
  g_autoptr(GVirConfigDomainChardevSourceUnix) sock = gvir_config_domain_chardev_source_unix_new ();
  g_autoptr(GVirConfigDomainChardevSourceSpiceVmc) vmc = gvir_config_domain_chardev_source_spicevmc_new ();
  g_autoptr(GVirConfigDomainChardevSourceSpicePort) spiceport = gvir_config_domain_chardev_source_spiceport_new ();
  g_autoptr(GVirConfigDomainAddressUsb) usb = gvir_config_domain_address_usb_new ();

  gvir_config_domain_chardev_source_pty_set_path (pty, "/dev/pts/4");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  add_device (domain, serial);

  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (console), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  gvir_config_domain_console_set_target_type (console, GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_VIRTIO);
  add_device (domain, console);

  gvir_config_domain_chardev_source_unix_set_mode (sock, GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_UNIX_MODE_BIND);
  gvir_config_domain_chardev_source_unix_set_path (sock, "/run/parallel.sock");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (parallel), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (sock));
  add_device (domain, parallel);

  gvir_config_domain_channel_set_target_type (agent, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_name (agent, "com.redhat.spice.0");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (agent), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (vmc));
  add_device (domain, agent);

  gvir_config_domain_chardev_source_spiceport_set_channel (spiceport, "org.spice-space.webdav.0");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (port), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (spiceport));
  gvir_config_domain_channel_set_target_type (port, GVIR_CONFIG_DOMAIN_CHANNEL_TARGET_VIRTIO);
  gvir_config_domain_channel_set_target_name (port, "org.spice-space.webdav.0");
  add_device (domain, port);

  gvir_config_domain_redirdev_set_bus (redirdev, GVIR_CONFIG_DOMAIN_REDIRDEV_BUS_USB);
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (redirdev), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (vmc));
  gvir_config_domain_address_usb_set_bus (usb, 0);
  gvir_config_domain_address_usb_set_port (usb, "1.2");
  gvir_config_domain_redirdev_set_address (redirdev, GVIR_CONFIG_DOMAIN_ADDRESS (usb));
  add_device (domain, redirdev);
}

static void
build_graphics (GVirConfigDomain *domain)
{
  GVirConfigDomainGraphicsVnc *vnc = gvir_config_domain_graphics_vnc_new ();
  GVirConfigDomainGraphicsSpice *spice = gvir_config_domain_graphics_spice_new ();
  GVirConfigDomainGraphicsSdl *sdl = gvir_config_domain_graphics_sdl_new ();
  GVirConfigDomainGraphicsRdp *rdp = gvir_config_domain_graphics_rdp_new ();
  GVirConfigDomainGraphicsDesktop *desktop = gvir_config_domain_graphics_desktop_new ();
  GVirConfigDomainGraphicsDBus *dbus = gvir_config_domain_graphics_dbus_new ();

  gvir_config_domain_graphics_vnc_set_autoport (vnc, FALSE);
  gvir_config_domain_graphics_vnc_set_port (vnc, 5900);
  gvir_config_domain_graphics_vnc_set_password (vnc, "secret");
  add_device (domain, vnc);

  gvir_config_domain_graphics_spice_set_autoport (spice, TRUE);
  gvir_config_domain_graphics_spice_set_tls_port (spice, 5901);
  gvir_config_domain_graphics_spice_set_image_compression (spice, GVIR_CONFIG_DOMAIN_GRAPHICS_SPICE_IMAGE_COMPRESSION_AUTO_LZ);
  gvir_config_domain_graphics_spice_set_gl (spice, TRUE);
  add_device (domain, spice);

  gvir_config_domain_graphics_sdl_set_display (sdl, ":0");
  gvir_config_domain_graphics_sdl_set_xauthority (sdl, "/home/user/.Xauthority");
  gvir_config_domain_graphics_sdl_set_fullscreen (sdl, TRUE);
  add_device (domain, sdl);

  gvir_config_domain_graphics_rdp_set_port (rdp, 3389);
  gvir_config_domain_graphics_rdp_set_multi_user (rdp, TRUE);
  gvir_config_domain_graphics_rdp_set_replace_user (rdp, FALSE);
  add_device (domain, rdp);

  gvir_config_domain_graphics_desktop_set_display (desktop, ":1");
  gvir_config_domain_graphics_desktop_set_fullscreen (desktop, FALSE);
  add_device (domain, desktop);

  gvir_config_domain_graphics_dbus_set_address (dbus, "unix:path=/run/dbus.sock");
  gvir_config_domain_graphics_dbus_set_gl (dbus, FALSE);
  add_device (domain, dbus);
}

static void
build_host_devices (GVirConfigDomain *domain)
{
  GVirConfigDomainHostdevPci *hostdev = gvir_config_domain_hostdev_pci_new ();
  GVirConfigDomainControllerUsb *ehci = gvir_config_domain_controller_usb_new ();
  GVirConfigDomainControllerUsb *uhci = gvir_config_domain_controller_usb_new ();
  GVirConfigDomainSmartcardHost *host = gvir_config_domain_smartcard_host_new ();
  GVirConfigDomainSmartcardHostCertificates *certs = gvir_config_domain_smartcard_host_certificates_new ();
  GVirConfigDomainSmartcardPassthrough *pass = gvir_config_domain_smartcard_passthrough_new ();
  g_autoptr(GVirConfigDomainAddressPci) host_address = gvir_config_domain_address_pci_new ();
  g_autoptr(GVirConfigDomainAddressPci) address = gvir_config_domain_address_pci_new ();
  g_autoptr(GVirConfigDomainChardevSourceSpiceVmc) vmc = gvir_config_domain_chardev_source_spicevmc_new ();

  gvir_config_domain_address_pci_set_domain (host_address, 0);
  gvir_config_domain_address_pci_set_bus (host_address, 1);
  gvir_config_domain_address_pci_set_slot (host_address, 0x1f);
  gvir_config_domain_address_pci_set_function (host_address, 7);
  gvir_config_domain_hostdev_pci_set_address (hostdev, host_address);
  gvir_config_domain_hostdev_pci_set_managed (hostdev, TRUE);
  gvir_config_domain_hostdev_pci_set_rom_bar (hostdev, TRUE);
  gvir_config_domain_hostdev_pci_set_rom_file (hostdev, "/test/rom.bin");
  gvir_config_domain_hostdev_set_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), 1);
  gvir_config_domain_hostdev_set_readonly (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), TRUE);
  gvir_config_domain_hostdev_set_shareable (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), TRUE);
  add_device (domain, hostdev);

  gvir_config_domain_controller_usb_set_model (ehci, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_EHCI1);
  gvir_config_domain_controller_set_index (GVIR_CONFIG_DOMAIN_CONTROLLER (ehci), 1);
  gvir_config_domain_address_pci_set_domain (address, 0);
  gvir_config_domain_address_pci_set_bus (address, 0);
  gvir_config_domain_address_pci_set_slot (address, 8);
  gvir_config_domain_address_pci_set_function (address, 0);
  gvir_config_domain_address_pci_set_multifunction (address, TRUE);
  gvir_config_domain_controller_set_address (GVIR_CONFIG_DOMAIN_CONTROLLER (ehci), GVIR_CONFIG_DOMAIN_ADDRESS (address));
  gvir_config_domain_controller_usb_set_model (uhci, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI1);
  gvir_config_domain_controller_usb_set_master (uhci, ehci, 0);
  gvir_config_domain_controller_set_ports (GVIR_CONFIG_DOMAIN_CONTROLLER (uhci), 2);
  add_device (domain, ehci);
  add_device (domain, uhci);

  add_device (domain, host);
  gvir_config_domain_smartcard_host_certificates_set_certificates (certs, "cert1", "cert2", "cert3");
  gvir_config_domain_smartcard_host_certificates_set_database (certs, "/etc/pki/nssdb");
  add_device (domain, certs);
  gvir_config_domain_smartcard_passthrough_set_source (pass, GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (vmc));
  add_device (domain, pass);
}

static void
build_simple_devices (GVirConfigDomain *domain)
{
  GVirConfigDomainFilesys *fs = gvir_config_domain_filesys_new ();
  GVirConfigDomainFilesys *ramfs = gvir_config_domain_filesys_new ();
  GVirConfigDomainInput *input = gvir_config_domain_input_new ();
  GVirConfigDomainSound *sound = gvir_config_domain_sound_new ();
  GVirConfigDomainAudio *audio = gvir_config_domain_audio_new ();
  GVirConfigDomainVideo *video = gvir_config_domain_video_new ();
  GVirConfigDomainMemballoon *balloon = gvir_config_domain_memballoon_new ();
  GVirConfigDomainVsock *vsock = gvir_config_domain_vsock_new ();
  GVirConfigDomainInterfaceNetwork *net = gvir_config_domain_interface_network_new ();
  g_autoptr(GVirConfigDomainInterfaceFilterref) filterref = gvir_config_domain_interface_filterref_new ();
  g_autoptr(GVirConfigDomainInterfaceFilterrefParameter) ip = gvir_config_domain_interface_filterref_parameter_new ();

  gvir_config_domain_filesys_set_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_MOUNT);
  gvir_config_domain_filesys_set_access_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_ACCESS_SQUASHED);
  gvir_config_domain_filesys_set_driver_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_PATH);
  gvir_config_domain_filesys_set_source (fs, "/srv/share");
  gvir_config_domain_filesys_set_target (fs, "share");
  gvir_config_domain_filesys_set_readonly (fs, TRUE);
  add_device (domain, fs);

  gvir_config_domain_filesys_set_type (ramfs, GVIR_CONFIG_DOMAIN_FILESYS_RAM);
  gvir_config_domain_filesys_set_ram_usage (ramfs, 1024 * 1024);
  gvir_config_domain_filesys_set_target (ramfs, "/mnt");
  add_device (domain, ramfs);

  gvir_config_domain_input_set_device_type (input, GVIR_CONFIG_DOMAIN_INPUT_DEVICE_TABLET);
  gvir_config_domain_input_set_bus (input, GVIR_CONFIG_DOMAIN_INPUT_BUS_USB);
  add_device (domain, input);

  gvir_config_domain_sound_set_model (sound, GVIR_CONFIG_DOMAIN_SOUND_MODEL_ICH6);
  add_device (domain, sound);

  gvir_config_domain_audio_set_id (audio, 1);
  gvir_config_domain_audio_set_backend (audio, GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_PULSEAUDIO);
  gvir_config_domain_audio_set_server_name (audio, "localhost");
  add_device (domain, audio);

  gvir_config_domain_video_set_model (video, GVIR_CONFIG_DOMAIN_VIDEO_MODEL_QXL);
  gvir_config_domain_video_set_vram (video, 65536);
  gvir_config_domain_video_set_ram (video, 65536);
  gvir_config_domain_video_set_vgamem (video, 16384);
  gvir_config_domain_video_set_heads (video, 1);
  gvir_config_domain_video_set_accel3d (video, TRUE);
  add_device (domain, video);

  gvir_config_domain_memballoon_set_model (balloon, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO);
  gvir_config_domain_memballoon_set_period (balloon, 10);
  add_device (domain, balloon);

  gvir_config_domain_vsock_set_cid_auto (vsock, FALSE);
  gvir_config_domain_vsock_set_cid_address (vsock, 3);
  add_device (domain, vsock);

  gvir_config_domain_interface_network_set_source (net, "default");
  gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (net), "52:54:00:12:34:56");
  gvir_config_domain_interface_filterref_set_name (filterref, "clean-traffic");
  gvir_config_domain_interface_filterref_parameter_set_name (ip, "IP");
  gvir_config_domain_interface_filterref_parameter_set_value (ip, "10.0.0.2");
  gvir_config_domain_interface_filterref_add_parameter (filterref, ip);
  gvir_config_domain_interface_set_filterref (GVIR_CONFIG_DOMAIN_INTERFACE (net), filterref);
  add_device (domain, net);
}

static void
test_build (void)
{
  g_autofree char *expected = load_fixture ("devices-built.xml");
  g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
  g_autoptr(GVirConfigDomainClock) klock = gvir_config_domain_clock_new ();
  g_autoptr(GVirConfigDomainTimerRtc) rtc = gvir_config_domain_timer_rtc_new ();
  g_autoptr(GVirConfigDomainTimerPit) pit = gvir_config_domain_timer_pit_new ();
  g_autoptr(GVirConfigDomainTimerHpet) hpet = gvir_config_domain_timer_hpet_new ();
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_cpu_new ();
  g_autoptr(GVirConfigDomainCpuModel) model = gvir_config_domain_cpu_model_new ();
  g_autoptr(GVirConfigDomainCpuFeature) feature = gvir_config_domain_cpu_feature_new ();
  g_autoptr(GVirConfigDomainDisk) disk = gvir_config_domain_disk_new ();

  gvir_config_domain_set_virt_type (domain, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  gvir_config_domain_set_name (domain, "devices");

  gvir_config_capabilities_cpu_model_set_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (model), "Skylake-Client");
  gvir_config_domain_cpu_set_model (cpu, model);
  gvir_config_capabilities_cpu_feature_set_name (GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature), "vmx");
  gvir_config_domain_cpu_feature_set_policy (feature, GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_DISABLE);
  gvir_config_capabilities_cpu_add_feature (GVIR_CONFIG_CAPABILITIES_CPU (cpu), GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature));
  gvir_config_domain_set_cpu (domain, cpu);

  gvir_config_domain_clock_set_offset (klock, GVIR_CONFIG_DOMAIN_CLOCK_UTC);
  gvir_config_domain_timer_set_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (rtc), GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_CATCHUP);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (rtc));
  gvir_config_domain_timer_set_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (pit), GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_DELAY);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (pit));
  gvir_config_domain_timer_set_present (GVIR_CONFIG_DOMAIN_TIMER (hpet), FALSE);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (hpet));
  gvir_config_domain_set_clock (domain, klock);

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_snapshot_type (disk, GVIR_CONFIG_DOMAIN_DISK_SNAPSHOT_INTERNAL);
  gvir_config_domain_disk_set_driver_name (disk, "qemu");
  gvir_config_domain_disk_set_driver_type (disk, "qcow2");
  gvir_config_domain_disk_set_driver_cache (disk, GVIR_CONFIG_DOMAIN_DISK_CACHE_WRITEBACK);
  gvir_config_domain_disk_set_source (disk, "/var/lib/images/a.iso");
  gvir_config_domain_disk_set_startup_policy (disk, GVIR_CONFIG_DOMAIN_DISK_STARTUP_POLICY_OPTIONAL);
  /* libvirt's schema wants a target; a startup policy suits a CD-ROM. */
  gvir_config_domain_disk_set_guest_device_type (disk, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_CDROM);
  gvir_config_domain_disk_set_target_dev (disk, "sda");
  gvir_config_domain_disk_set_target_bus (disk, GVIR_CONFIG_DOMAIN_DISK_BUS_SATA);
  gvir_config_domain_add_device (domain, GVIR_CONFIG_DOMAIN_DEVICE (disk));

  build_simple_devices (domain);
  build_host_devices (domain);
  build_chardevs (domain);
  build_graphics (domain);

  assert_xml (domain, expected);
}

/* A standalone chardev source keeps its own state after being copied. */
static void
test_chardev_source_copy (void)
{
  g_autoptr(GVirConfigDomainSerial) serial = gvir_config_domain_serial_new ();
  g_autoptr(GVirConfigDomainChardevSourcePty) pty = gvir_config_domain_chardev_source_pty_new ();
  g_autoptr(GVirConfigDomainChardevSource) view = NULL;

  g_assert_null (gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial)));
  gvir_config_domain_chardev_source_pty_set_path (pty, "/dev/pts/1");
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  gvir_config_domain_chardev_source_pty_set_path (pty, "/dev/pts/2");
  assert_xml (serial, "<serial type=\"pty\">\n  <source path=\"/dev/pts/1\"/>\n</serial>");
  assert_xml (pty, "<source type=\"pty\">\n  <source path=\"/dev/pts/2\"/>\n</source>");

  /* Setting it again replaces <source> instead of adding one. */
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial), GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  assert_xml (serial, "<serial type=\"pty\">\n  <source path=\"/dev/pts/2\"/>\n</serial>");

  /* A view edits the device in place. */
  view = gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial));
  gvir_config_domain_chardev_source_pty_set_path (GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE_PTY (view), NULL);
  assert_xml (serial, "<serial type=\"pty\">\n  <source/>\n</serial>");
}

/* ---- getter/setter pairs ---- */

static void
test_accessors_graphics (void)
{
  g_autoptr(GVirConfigDomainGraphicsVnc) vnc = gvir_config_domain_graphics_vnc_new ();
  g_autoptr(GVirConfigDomainGraphicsSdl) sdl = gvir_config_domain_graphics_sdl_new ();
  g_autoptr(GVirConfigDomainGraphicsRdp) rdp = gvir_config_domain_graphics_rdp_new ();
  g_autoptr(GVirConfigDomainGraphicsDesktop) desktop = gvir_config_domain_graphics_desktop_new ();
  g_autoptr(GVirConfigDomainGraphicsDBus) dbus = gvir_config_domain_graphics_dbus_new ();
  g_autoptr(GVirConfigDomainGraphicsSpice) spice = gvir_config_domain_graphics_spice_new ();

  g_assert_cmpint (gvir_config_domain_graphics_vnc_get_port (vnc), ==, -1);
  gvir_config_domain_graphics_vnc_set_port (vnc, -1);
  g_assert_cmpint (gvir_config_domain_graphics_vnc_get_port (vnc), ==, -1);
  gvir_config_domain_graphics_vnc_set_port (vnc, 5905);
  g_assert_cmpint (gvir_config_domain_graphics_vnc_get_port (vnc), ==, 5905);
  gvir_config_domain_graphics_vnc_set_socket (vnc, "/run/vnc");
  g_assert_cmpstr (gvir_config_domain_graphics_vnc_get_socket (vnc), ==, "/run/vnc");
  gvir_config_domain_graphics_vnc_set_password (vnc, "pw");
  g_assert_cmpstr (gvir_config_domain_graphics_vnc_get_password (vnc), ==, "pw");
  gvir_config_domain_graphics_vnc_set_password (vnc, NULL);
  g_assert_null (gvir_config_domain_graphics_vnc_get_password (vnc));
  gvir_config_domain_graphics_vnc_set_autoport (vnc, TRUE);
  g_assert_true (gvir_config_domain_graphics_vnc_get_autoport (vnc));
  assert_xml (vnc, "<graphics type=\"vnc\" port=\"5905\" socket=\"/run/vnc\" autoport=\"yes\"/>");

  gvir_config_domain_graphics_spice_set_port (spice, 5930);
  g_assert_cmpint (gvir_config_domain_graphics_spice_get_port (spice), ==, 5930);
  g_assert_cmpint (gvir_config_domain_graphics_spice_get_image_compression (spice), ==, -1);
  gvir_config_domain_graphics_spice_set_password (spice, "x");
  g_assert_cmpstr (gvir_config_domain_graphics_spice_get_password (spice), ==, "x");
  gvir_config_domain_graphics_spice_set_gl (spice, TRUE);
  g_assert_true (gvir_config_domain_graphics_spice_get_gl (spice));

  gvir_config_domain_graphics_sdl_set_xauthority (sdl, "/x");
  g_assert_cmpstr (gvir_config_domain_graphics_sdl_get_xauthority (sdl), ==, "/x");
  g_assert_null (gvir_config_domain_graphics_sdl_get_display (sdl));
  g_assert_false (gvir_config_domain_graphics_sdl_get_fullscreen (sdl));

  gvir_config_domain_graphics_rdp_set_autoport (rdp, TRUE);
  g_assert_true (gvir_config_domain_graphics_rdp_get_autoport (rdp));
  gvir_config_domain_graphics_rdp_set_port (rdp, 3390);
  g_assert_cmpint (gvir_config_domain_graphics_rdp_get_port (rdp), ==, 3390);
  gvir_config_domain_graphics_rdp_set_multi_user (rdp, TRUE);
  g_assert_true (gvir_config_domain_graphics_rdp_get_multi_user (rdp));
  gvir_config_domain_graphics_rdp_set_replace_user (rdp, TRUE);
  g_assert_true (gvir_config_domain_graphics_rdp_get_replace_user (rdp));

  gvir_config_domain_graphics_desktop_set_display (desktop, ":2");
  g_assert_cmpstr (gvir_config_domain_graphics_desktop_get_display (desktop), ==, ":2");
  gvir_config_domain_graphics_desktop_set_fullscreen (desktop, TRUE);
  g_assert_true (gvir_config_domain_graphics_desktop_get_fullscreen (desktop));

  gvir_config_domain_graphics_dbus_set_address (dbus, "unix:abstract=x");
  g_assert_cmpstr (gvir_config_domain_graphics_dbus_get_address (dbus), ==, "unix:abstract=x");
  gvir_config_domain_graphics_dbus_set_gl (dbus, TRUE);
  g_assert_true (gvir_config_domain_graphics_dbus_get_gl (dbus));
}

static void
test_accessors_devices (void)
{
  g_autoptr(GVirConfigDomainInput) input = gvir_config_domain_input_new ();
  g_autoptr(GVirConfigDomainSound) sound = gvir_config_domain_sound_new ();
  g_autoptr(GVirConfigDomainAudio) audio = gvir_config_domain_audio_new ();
  g_autoptr(GVirConfigDomainMemballoon) balloon = gvir_config_domain_memballoon_new ();
  g_autoptr(GVirConfigDomainVsock) vsock = gvir_config_domain_vsock_new ();
  g_autoptr(GVirConfigDomainVideo) video = gvir_config_domain_video_new ();
  g_autoptr(GVirConfigDomainFilesys) fs = gvir_config_domain_filesys_new ();
  g_autoptr(GVirConfigDomainHostdevPci) hostdev = gvir_config_domain_hostdev_pci_new ();
  g_autoptr(GVirConfigDomainControllerUsb) usb = gvir_config_domain_controller_usb_new ();
  g_autoptr(GVirConfigDomainPowerManagement) pm = gvir_config_domain_power_management_new ();
  g_autoptr(GVirConfigDomainConsole) console = gvir_config_domain_console_new ();

  gvir_config_domain_input_set_device_type (input, GVIR_CONFIG_DOMAIN_INPUT_DEVICE_KEYBOARD);
  g_assert_cmpint (gvir_config_domain_input_get_device_type (input), ==, GVIR_CONFIG_DOMAIN_INPUT_DEVICE_KEYBOARD);
  gvir_config_domain_input_set_bus (input, GVIR_CONFIG_DOMAIN_INPUT_BUS_VIRTIO);
  g_assert_cmpint (gvir_config_domain_input_get_bus (input), ==, GVIR_CONFIG_DOMAIN_INPUT_BUS_VIRTIO);

  gvir_config_domain_sound_set_model (sound, GVIR_CONFIG_DOMAIN_SOUND_MODEL_AC97);
  g_assert_cmpint (gvir_config_domain_sound_get_model (sound), ==, GVIR_CONFIG_DOMAIN_SOUND_MODEL_AC97);

  gvir_config_domain_audio_set_backend (audio, GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_COREAUDIO);
  g_assert_cmpint (gvir_config_domain_audio_get_backend (audio), ==, GVIR_CONFIG_DOMAIN_AUDIO_BACKEND_COREAUDIO);
  gvir_config_domain_audio_set_server_name (audio, "srv");
  g_assert_cmpstr (gvir_config_domain_audio_get_server_name (audio), ==, "srv");
  gvir_config_domain_audio_set_id (audio, 7);
  g_assert_cmpuint (gvir_config_domain_audio_get_id (audio), ==, 7);

  g_assert_cmpint (gvir_config_domain_memballoon_get_model (balloon), ==, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_NONE);
  gvir_config_domain_memballoon_set_model (balloon, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO);
  g_assert_cmpint (gvir_config_domain_memballoon_get_model (balloon), ==, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO);
  gvir_config_domain_memballoon_set_period (balloon, 5);
  g_assert_cmpuint (gvir_config_domain_memballoon_get_period (balloon), ==, 5);

  gvir_config_domain_vsock_set_cid_address (vsock, 42);
  g_assert_cmpuint (gvir_config_domain_vsock_get_cid_address (vsock), ==, 42);
  gvir_config_domain_vsock_set_cid_auto (vsock, TRUE);
  g_assert_true (gvir_config_domain_vsock_get_cid_auto (vsock));

  gvir_config_domain_video_set_heads (video, 2);
  g_assert_cmpuint (gvir_config_domain_video_get_heads (video), ==, 2);
  gvir_config_domain_video_set_vram (video, 9216);
  g_assert_cmpuint (gvir_config_domain_video_get_vram (video), ==, 9216);
  gvir_config_domain_video_set_ram (video, 1024);
  g_assert_cmpuint (gvir_config_domain_video_get_ram (video), ==, 1024);
  g_assert_false (gvir_config_domain_video_get_accel3d (video));
  gvir_config_domain_video_set_accel3d (video, TRUE);
  gvir_config_domain_video_set_accel3d (video, FALSE);
  g_assert_false (gvir_config_domain_video_get_accel3d (video));
  assert_xml (video, "<video>\n  <model heads=\"2\" vram=\"9216\" ram=\"1024\">\n    <acceleration accel3d=\"no\"/>\n  </model>\n</video>");

  gvir_config_domain_filesys_set_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_FILE);
  g_assert_cmpint (gvir_config_domain_filesys_get_filesys_type (fs), ==, GVIR_CONFIG_DOMAIN_FILESYS_FILE);
  gvir_config_domain_filesys_set_source (fs, "/img.raw");
  g_assert_cmpstr (gvir_config_domain_filesys_get_source (fs), ==, "/img.raw");
  gvir_config_domain_filesys_set_driver_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_LOOP);
  gvir_config_domain_filesys_set_driver_format (fs, GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  g_assert_cmpint (gvir_config_domain_filesys_get_driver_format (fs), ==, GVIR_CONFIG_DOMAIN_DISK_FORMAT_QCOW2);
  gvir_config_domain_filesys_set_driver_type (fs, GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT);
  g_assert_cmpint (gvir_config_domain_filesys_get_driver_type (fs), ==, GVIR_CONFIG_DOMAIN_FILESYS_DRIVER_DEFAULT);
  gvir_config_domain_filesys_set_readonly (fs, FALSE);
  g_assert_false (gvir_config_domain_filesys_get_readonly (fs));
  assert_xml (fs, "<filesystem type=\"file\">\n  <source file=\"/img.raw\"/>\n  <driver format=\"qcow2\"/>\n</filesystem>");
  gvir_config_domain_filesys_set_ram_usage (fs, 2048);
  g_assert_cmpuint (gvir_config_domain_filesys_get_ram_usage (fs), ==, 2048);
  gvir_config_domain_filesys_set_source (fs, NULL);
  g_assert_null (gvir_config_domain_filesys_get_source (fs));
  g_assert_cmpuint (gvir_config_domain_filesys_get_ram_usage (fs), ==, 0);

  g_assert_cmpint (gvir_config_domain_hostdev_get_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev)), ==, -1);
  gvir_config_domain_hostdev_set_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), 3);
  g_assert_cmpint (gvir_config_domain_hostdev_get_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev)), ==, 3);
  gvir_config_domain_hostdev_set_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), -1);
  g_assert_cmpint (gvir_config_domain_hostdev_get_boot_order (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev)), ==, -1);
  gvir_config_domain_hostdev_set_readonly (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), TRUE);
  g_assert_true (gvir_config_domain_hostdev_get_readonly (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev)));
  gvir_config_domain_hostdev_set_shareable (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), TRUE);
  gvir_config_domain_hostdev_set_shareable (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev), FALSE);
  g_assert_false (gvir_config_domain_hostdev_get_shareable (GVIR_CONFIG_DOMAIN_HOSTDEV (hostdev)));
  g_assert_null (gvir_config_domain_hostdev_pci_get_address (hostdev));
  gvir_config_domain_hostdev_pci_set_managed (hostdev, FALSE);
  g_assert_false (gvir_config_domain_hostdev_pci_get_managed (hostdev));
  gvir_config_domain_hostdev_pci_set_rom_bar (hostdev, TRUE);
  g_assert_true (gvir_config_domain_hostdev_pci_get_rom_bar (hostdev));

  g_assert_cmpuint (gvir_config_domain_controller_get_index (GVIR_CONFIG_DOMAIN_CONTROLLER (usb)), ==, 0);
  gvir_config_domain_controller_set_index (GVIR_CONFIG_DOMAIN_CONTROLLER (usb), 4);
  g_assert_cmpuint (gvir_config_domain_controller_get_index (GVIR_CONFIG_DOMAIN_CONTROLLER (usb)), ==, 4);
  gvir_config_domain_controller_set_ports (GVIR_CONFIG_DOMAIN_CONTROLLER (usb), 15);
  g_assert_cmpuint (gvir_config_domain_controller_get_ports (GVIR_CONFIG_DOMAIN_CONTROLLER (usb)), ==, 15);
  g_assert_null (gvir_config_domain_controller_get_address (GVIR_CONFIG_DOMAIN_CONTROLLER (usb)));
  gvir_config_domain_controller_usb_set_model (usb, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_QEMU_XHCI);
  g_assert_cmpint (gvir_config_domain_controller_usb_get_model (usb), ==, GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_QEMU_XHCI);
  assert_xml (usb, "<controller type=\"usb\" index=\"4\" ports=\"15\" model=\"qemu-xhci\"/>");

  gvir_config_domain_power_management_set_mem_suspend_enabled (pm, TRUE);
  gvir_config_domain_power_management_set_disk_suspend_enabled (pm, FALSE);
  g_assert_true (gvir_config_domain_power_management_get_mem_suspend_enabled (pm));
  g_assert_false (gvir_config_domain_power_management_get_disk_suspend_enabled (pm));
  assert_xml (pm, "<pm>\n  <suspend-to-mem enabled=\"yes\"/>\n  <suspend-to-disk enabled=\"no\"/>\n</pm>");
  {
    g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
    g_autoptr(GVirConfigDomainPowerManagement) pm_view = NULL;

    g_assert_null (gvir_config_domain_get_power_management (domain));
    gvir_config_domain_set_power_management (domain, pm);
    pm_view = gvir_config_domain_get_power_management (domain);
    g_assert_nonnull (pm_view);
    g_assert_true (gvir_config_domain_power_management_get_mem_suspend_enabled (pm_view));
    g_assert_false (gvir_config_domain_power_management_get_disk_suspend_enabled (pm_view));
    gvir_config_domain_set_power_management (domain, NULL);
    g_clear_object (&pm_view);
    g_assert_null (gvir_config_domain_get_power_management (domain));
  }

  g_assert_cmpint (gvir_config_domain_console_get_target_type (console), ==, GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_SERIAL);
  gvir_config_domain_console_set_target_type (console, GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_LXC);
  g_assert_cmpint (gvir_config_domain_console_get_target_type (console), ==, GVIR_CONFIG_DOMAIN_CONSOLE_TARGET_LXC);
}

static void
test_accessors_addresses (void)
{
  g_autoptr(GVirConfigDomainAddressPci) pci = gvir_config_domain_address_pci_new ();
  g_autoptr(GVirConfigDomainAddressUsb) usb = gvir_config_domain_address_usb_new ();
  g_autoptr(GVirConfigDomainCpu) cpu = gvir_config_domain_cpu_new ();
  g_autoptr(GVirConfigDomainCpuModel) model = gvir_config_domain_cpu_model_new ();
  g_autoptr(GVirConfigDomainCpuFeature) feature = gvir_config_domain_cpu_feature_new ();
  g_autoptr(GVirConfigDomainCpuModel) model_view = NULL;
  g_autoptr(GVirConfigDomainTimerRtc) rtc = gvir_config_domain_timer_rtc_new ();
  GList *features;

  g_assert_cmpint (gvir_config_domain_address_pci_get_domain (pci), ==, -1);
  gvir_config_domain_address_pci_set_domain (pci, 0xabcd);
  g_assert_cmpint (gvir_config_domain_address_pci_get_domain (pci), ==, 0xabcd);
  gvir_config_domain_address_pci_set_bus (pci, 0xff);
  g_assert_cmpint (gvir_config_domain_address_pci_get_bus (pci), ==, 0xff);
  gvir_config_domain_address_pci_set_slot (pci, 2);
  g_assert_cmpint (gvir_config_domain_address_pci_get_slot (pci), ==, 2);
  gvir_config_domain_address_pci_set_function (pci, 3);
  g_assert_cmpint (gvir_config_domain_address_pci_get_function (pci), ==, 3);
  gvir_config_domain_address_pci_set_multifunction (pci, FALSE);
  g_assert_false (gvir_config_domain_address_pci_get_multifunction (pci));
  assert_xml (pci, "<address type=\"pci\" domain=\"0xabcd\" bus=\"0xff\" slot=\"0x02\" function=\"0x3\" multifunction=\"off\"/>");

  gvir_config_domain_address_usb_set_bus (usb, 2);
  g_assert_cmpint (gvir_config_domain_address_usb_get_bus (usb), ==, 2);
  gvir_config_domain_address_usb_set_port (usb, "1.2.3");
  g_assert_cmpstr (gvir_config_domain_address_usb_get_port (usb), ==, "1.2.3");
  assert_xml (usb, "<address type=\"usb\" bus=\"0x002\" port=\"1.2.3\"/>");

  gvir_config_capabilities_cpu_model_set_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (model), "EPYC");
  gvir_config_domain_cpu_set_model (cpu, model);
  model_view = gvir_config_domain_cpu_get_domain_model (cpu);
  g_assert_cmpstr (gvir_config_capabilities_cpu_model_get_name (GVIR_CONFIG_CAPABILITIES_CPU_MODEL (model_view)), ==, "EPYC");
  gvir_config_capabilities_cpu_feature_set_name (GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature), "svm");
  g_assert_cmpint (gvir_config_domain_cpu_feature_get_policy (feature), ==, GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_REQUIRE);
  gvir_config_domain_cpu_feature_set_policy (feature, GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_FORBID);
  gvir_config_capabilities_cpu_add_feature (GVIR_CONFIG_CAPABILITIES_CPU (cpu), GVIR_CONFIG_CAPABILITIES_CPU_FEATURE (feature));
  features = gvir_config_domain_cpu_get_domain_features (cpu);
  g_assert_cmpuint (g_list_length (features), ==, 1);
  g_assert_cmpint (gvir_config_domain_cpu_feature_get_policy (features->data), ==, GVIR_CONFIG_DOMAIN_CPU_FEATURE_POLICY_FORBID);
  g_list_free_full (features, g_object_unref);
  gvir_config_domain_cpu_set_model (cpu, NULL);
  g_assert_null (gvir_config_domain_cpu_get_domain_model (cpu));

  gvir_config_domain_timer_set_present (GVIR_CONFIG_DOMAIN_TIMER (rtc), TRUE);
  g_assert_true (gvir_config_domain_timer_get_present (GVIR_CONFIG_DOMAIN_TIMER (rtc)));
  gvir_config_domain_timer_set_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (rtc), GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_MERGE);
  g_assert_cmpint (gvir_config_domain_timer_get_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (rtc)), ==, GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_MERGE);
  assert_xml (rtc, "<timer name=\"rtc\" present=\"yes\" tickpolicy=\"merge\"/>");
}

/* ---- malformed input ---- */

static void
test_malformed_xml (void)
{
  const char *bad[] = { "", "<address", "<disk/>", "<address type=\"pci\"><x></address>", "not xml" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GVirConfigDomainAddressPci *address = gvir_config_domain_address_pci_new_from_xml (bad[i], &error);

      g_assert_null (address);
      g_assert_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML);
    }
}

static void
test_malformed_values (void)
{
  const char *xml = "<address type=\"pci\" domain=\"-1\" bus=\"0x100\" slot=\"zz\" function=\"0x\" multifunction=\"maybe\"/>";
  g_autoptr(GVirConfigDomainAddressPci) pci = gvir_config_domain_address_pci_new_from_xml (xml, NULL);
  g_autoptr(GVirConfigDomainGraphicsVnc) vnc =
    gvir_config_domain_graphics_vnc_new_from_xml ("<graphics type=\"vnc\" port=\"99999\"/>", NULL);
  g_autoptr(GVirConfigDomainInput) input =
    gvir_config_domain_input_new_from_xml ("<input type=\"joystick\" bus=\"\"/>", NULL);
  g_autoptr(GVirConfigDomainSerial) serial =
    gvir_config_domain_serial_new_from_xml ("<serial type=\"tcp\"><source mode=\"bind\"/></serial>", NULL);

  g_assert_cmpint (gvir_config_domain_address_pci_get_domain (pci), ==, -1);
  g_assert_cmpint (gvir_config_domain_address_pci_get_bus (pci), ==, -1);
  g_assert_cmpint (gvir_config_domain_address_pci_get_slot (pci), ==, -1);
  g_assert_cmpint (gvir_config_domain_address_pci_get_function (pci), ==, -1);
  g_assert_false (gvir_config_domain_address_pci_get_multifunction (pci));
  g_assert_cmpint (gvir_config_domain_graphics_vnc_get_port (vnc), ==, -1);
  g_assert_cmpint (gvir_config_domain_input_get_device_type (input), ==, GVIR_CONFIG_DOMAIN_INPUT_DEVICE_MOUSE);
  g_assert_cmpint (gvir_config_domain_input_get_bus (input), ==, GVIR_CONFIG_DOMAIN_INPUT_BUS_PS2);
  /* A source type without a class gives no source object. */
  g_assert_null (gvir_config_domain_chardev_get_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial)));
}

static void
test_invalid_setters (void)
{
  g_autoptr(GVirConfigDomainAddressPci) pci = gvir_config_domain_address_pci_new ();
  g_autoptr(GVirConfigDomainAddressUsb) usb = gvir_config_domain_address_usb_new ();
  g_autoptr(GVirConfigDomainInterfaceNetwork) net = gvir_config_domain_interface_network_new ();
  g_autoptr(GVirConfigDomainInput) input = gvir_config_domain_input_new ();
  g_autoptr(GVirConfigDomainGraphicsVnc) vnc = gvir_config_domain_graphics_vnc_new ();
  g_autoptr(GVirConfigDomainSerial) serial = gvir_config_domain_serial_new ();
  g_autoptr(GVirConfigDomainVsock) vsock = gvir_config_domain_vsock_new ();
  g_autoptr(GVirConfigDomainInterfaceFilterref) filterref = gvir_config_domain_interface_filterref_new ();
  const char *bad_macs[] = { "52:54:00:12:34", "52:54:00:12:34:5g", "52-54-00-12-34-56", "52:54:00:12:34:567", "" };
  const char *bad_ports[] = { "", "1..2", "a", "1.", "256" };

  expect_critical ();
  gvir_config_domain_address_pci_set_slot (pci, 0x20);
  g_test_assert_expected_messages ();
  expect_critical ();
  gvir_config_domain_address_pci_set_function (pci, 8);
  g_test_assert_expected_messages ();

  for (guint i = 0; i < G_N_ELEMENTS (bad_ports); i++)
    {
      expect_critical ();
      gvir_config_domain_address_usb_set_port (usb, bad_ports[i]);
      g_test_assert_expected_messages ();
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_macs); i++)
    {
      expect_critical ();
      gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (net), bad_macs[i]);
      g_test_assert_expected_messages ();
    }

  expect_critical ();
  gvir_config_domain_input_set_bus (input, (GVirConfigDomainInputBus) 42);
  g_test_assert_expected_messages ();
  expect_critical ();
  gvir_config_domain_graphics_vnc_set_port (vnc, 70000);
  g_test_assert_expected_messages ();
  expect_critical ();
  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (serial), NULL);
  g_test_assert_expected_messages ();
  expect_critical ();
  gvir_config_domain_vsock_set_cid_address (vsock, 2);
  g_test_assert_expected_messages ();
  expect_critical ();
  gvir_config_domain_interface_filterref_set_name (filterref, NULL);
  g_test_assert_expected_messages ();

  /* Nothing was half-applied. */
  assert_xml (pci, "<address type=\"pci\"/>");
  assert_xml (usb, "<address type=\"usb\"/>");
  assert_xml (net, "<interface type=\"network\"/>");
  assert_xml (input, "<input/>");
  assert_xml (vnc, "<graphics type=\"vnc\"/>");
  assert_xml (serial, "<serial/>");
  assert_xml (vsock, "<vsock/>");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gconfig/devices/roundtrip", test_roundtrip);
  g_test_add_func ("/gconfig/devices/get-devices", test_get_devices);
  g_test_add_func ("/gconfig/devices/parsed-getters", test_parsed_getters);
  g_test_add_func ("/gconfig/devices/build", test_build);
  g_test_add_func ("/gconfig/devices/chardev-source-copy", test_chardev_source_copy);
  g_test_add_func ("/gconfig/devices/accessors/graphics", test_accessors_graphics);
  g_test_add_func ("/gconfig/devices/accessors/devices", test_accessors_devices);
  g_test_add_func ("/gconfig/devices/accessors/addresses-cpu-timers", test_accessors_addresses);
  g_test_add_func ("/gconfig/devices/malformed/xml", test_malformed_xml);
  g_test_add_func ("/gconfig/devices/malformed/values", test_malformed_values);
  g_test_add_func ("/gconfig/devices/malformed/setters", test_invalid_setters);

  return g_test_run ();
}
