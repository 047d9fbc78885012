/*
 * bench-gconfig.c: parse and write a realistic domain XML, and build one
 * from scratch through the API, many times; prints µs per operation and
 * the peak RSS. Uses only functions libvirt-gconfig 4.0 has, so that
 * bench-gconfig.sh can build the same source against the system's
 * libvirt-gconfig for reference figures.
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
#include <string.h>
#include <sys/resource.h>

#include <libvirt-gconfig/libvirt-gconfig.h>

#define DEFAULT_ITERATIONS 10000

/* A 60-line domain as virsh dumpxml prints one. */
static const char domain_xml[] =
  "<domain type=\"kvm\">\n"
  "  <name>bench</name>\n"
  "  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>\n"
  "  <memory unit=\"KiB\">4194304</memory>\n"
  "  <currentMemory unit=\"KiB\">4194304</currentMemory>\n"
  "  <vcpu placement=\"static\">4</vcpu>\n"
  "  <os>\n"
  "    <type arch=\"x86_64\" machine=\"pc-q35-7.2\">hvm</type>\n"
  "    <boot dev=\"hd\"/>\n"
  "  </os>\n"
  "  <features>\n"
  "    <acpi/>\n"
  "    <apic/>\n"
  "  </features>\n"
  "  <cpu mode=\"host-passthrough\" check=\"none\" migratable=\"on\"/>\n"
  "  <clock offset=\"utc\">\n"
  "    <timer name=\"rtc\" tickpolicy=\"catchup\"/>\n"
  "    <timer name=\"pit\" tickpolicy=\"delay\"/>\n"
  "    <timer name=\"hpet\" present=\"no\"/>\n"
  "  </clock>\n"
  "  <on_poweroff>destroy</on_poweroff>\n"
  "  <on_reboot>restart</on_reboot>\n"
  "  <on_crash>destroy</on_crash>\n"
  "  <devices>\n"
  "    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
  "    <disk type=\"file\" device=\"disk\">\n"
  "      <driver name=\"qemu\" type=\"qcow2\" cache=\"none\"/>\n"
  "      <source file=\"/var/lib/libvirt/images/bench.qcow2\"/>\n"
  "      <target dev=\"vda\" bus=\"virtio\"/>\n"
  "      <address type=\"pci\" domain=\"0x0000\" bus=\"0x04\" slot=\"0x00\" function=\"0x0\"/>\n"
  "    </disk>\n"
  "    <disk type=\"file\" device=\"cdrom\">\n"
  "      <driver name=\"qemu\" type=\"raw\"/>\n"
  "      <target dev=\"sda\" bus=\"sata\"/>\n"
  "      <readonly/>\n"
  "    </disk>\n"
  "    <controller type=\"usb\" index=\"0\" model=\"qemu-xhci\" ports=\"15\"/>\n"
  "    <interface type=\"network\">\n"
  "      <mac address=\"52:54:00:12:34:56\"/>\n"
  "      <source network=\"default\"/>\n"
  "      <model type=\"virtio\"/>\n"
  "    </interface>\n"
  "    <serial type=\"pty\">\n"
  "      <target type=\"isa-serial\" port=\"0\"/>\n"
  "    </serial>\n"
  "    <console type=\"pty\">\n"
  "      <target type=\"serial\" port=\"0\"/>\n"
  "    </console>\n"
  "    <channel type=\"spicevmc\">\n"
  "      <target type=\"virtio\" name=\"com.redhat.spice.0\"/>\n"
  "    </channel>\n"
  "    <input type=\"tablet\" bus=\"usb\"/>\n"
  "    <graphics type=\"spice\" autoport=\"yes\">\n"
  "      <image compression=\"off\"/>\n"
  "    </graphics>\n"
  "    <sound model=\"ich9\"/>\n"
  "    <video>\n"
  "      <model type=\"qxl\" ram=\"65536\" vram=\"65536\" vgamem=\"16384\" heads=\"1\" primary=\"yes\"/>\n"
  "    </video>\n"
  "    <memballoon model=\"virtio\"/>\n"
  "  </devices>\n"
  "</domain>\n";

static void
append (GList **devices, gpointer device)
{
  *devices = g_list_append (*devices, device);
}

static GVirConfigDomain *
build_domain (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  GVirConfigDomainOs *os = gvir_config_domain_os_new ();
  GVirConfigDomainClock *klock = gvir_config_domain_clock_new ();
  GVirConfigDomainTimerRtc *rtc = gvir_config_domain_timer_rtc_new ();
  GVirConfigDomainDisk *disk = gvir_config_domain_disk_new ();
  GVirConfigDomainInterfaceNetwork *net = gvir_config_domain_interface_network_new ();
  GVirConfigDomainGraphicsSpice *spice = gvir_config_domain_graphics_spice_new ();
  GVirConfigDomainConsole *console = gvir_config_domain_console_new ();
  GVirConfigDomainChardevSourcePty *pty = gvir_config_domain_chardev_source_pty_new ();
  GVirConfigDomainVideo *video = gvir_config_domain_video_new ();
  GVirConfigDomainMemballoon *balloon = gvir_config_domain_memballoon_new ();
  const char *features[] = { "acpi", "apic", NULL };
  GList *boot = g_list_append (NULL, GINT_TO_POINTER (GVIR_CONFIG_DOMAIN_OS_BOOT_DEVICE_HD));
  GList *devices = NULL;

  gvir_config_domain_set_virt_type (domain, GVIR_CONFIG_DOMAIN_VIRT_KVM);
  gvir_config_domain_set_name (domain, "bench");
  gvir_config_domain_set_uuid (domain, "c7a5fdbd-edaf-9455-926a-d65c16db1809");
  gvir_config_domain_set_memory (domain, 4194304);
  gvir_config_domain_set_vcpus (domain, 4);
  gvir_config_domain_set_features (domain, (GStrv) features);

  gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
  gvir_config_domain_os_set_arch (os, "x86_64");
  gvir_config_domain_os_set_boot_devices (os, boot);
  gvir_config_domain_set_os (domain, os);

  gvir_config_domain_clock_set_offset (klock, GVIR_CONFIG_DOMAIN_CLOCK_UTC);
  gvir_config_domain_timer_set_tick_policy (GVIR_CONFIG_DOMAIN_TIMER (rtc),
                                            GVIR_CONFIG_DOMAIN_TIMER_TICK_POLICY_CATCHUP);
  gvir_config_domain_clock_add_timer (klock, GVIR_CONFIG_DOMAIN_TIMER (rtc));
  gvir_config_domain_set_clock (domain, klock);

  gvir_config_domain_disk_set_type (disk, GVIR_CONFIG_DOMAIN_DISK_FILE);
  gvir_config_domain_disk_set_guest_device_type (disk, GVIR_CONFIG_DOMAIN_DISK_GUEST_DEVICE_DISK);
  gvir_config_domain_disk_set_source (disk, "/var/lib/libvirt/images/bench.qcow2");
  gvir_config_domain_disk_set_target_bus (disk, GVIR_CONFIG_DOMAIN_DISK_BUS_VIRTIO);
  gvir_config_domain_disk_set_target_dev (disk, "vda");
  append (&devices, disk);

  gvir_config_domain_interface_network_set_source (net, "default");
  gvir_config_domain_interface_set_mac (GVIR_CONFIG_DOMAIN_INTERFACE (net), "52:54:00:12:34:56");
  gvir_config_domain_interface_set_model (GVIR_CONFIG_DOMAIN_INTERFACE (net), "virtio");
  append (&devices, net);

  gvir_config_domain_graphics_spice_set_autoport (spice, TRUE);
  append (&devices, spice);

  gvir_config_domain_chardev_set_source (GVIR_CONFIG_DOMAIN_CHARDEV (console),
                                         GVIR_CONFIG_DOMAIN_CHARDEV_SOURCE (pty));
  append (&devices, console);

  gvir_config_domain_video_set_model (video, GVIR_CONFIG_DOMAIN_VIDEO_MODEL_QXL);
  append (&devices, video);
  gvir_config_domain_memballoon_set_model (balloon, GVIR_CONFIG_DOMAIN_MEMBALLOON_MODEL_VIRTIO);
  append (&devices, balloon);

  gvir_config_domain_set_devices (domain, devices);

  g_list_free_full (devices, g_object_unref);
  g_list_free (boot);
  g_object_unref (pty);
  g_object_unref (rtc);
  g_object_unref (klock);
  g_object_unref (os);
  return domain;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return usage.ru_maxrss;
}

static void
report (const char *what, gint64 elapsed_us, guint iterations)
{
  printf ("%-34s %8u ops  %9.2f us/op  peak RSS %ld KiB\n",
          what, iterations, (double) elapsed_us / iterations, peak_rss_kib ());
}

int
main (int argc, char **argv)
{
  guint iterations = DEFAULT_ITERATIONS;
  gsize total = 0;
  gint64 start;
  guint i;

  if (argc > 1)
    iterations = (guint) strtoul (argv[1], NULL, 10);
  if (iterations == 0)
    iterations = DEFAULT_ITERATIONS;

  start = g_get_monotonic_time ();
  for (i = 0; i < iterations; i++)
    {
      GError *error = NULL;
      GVirConfigDomain *domain = gvir_config_domain_new_from_xml (domain_xml, &error);
      gchar *xml;

      if (domain == NULL)
        {
          fprintf (stderr, "parse failed: %s\n", error->message);
          g_error_free (error);
          return 1;
        }
      xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
      total += strlen (xml);
      g_free (xml);
      g_object_unref (domain);
    }
  report ("parse + write 60-line domain", g_get_monotonic_time () - start, iterations);

  start = g_get_monotonic_time ();
  for (i = 0; i < iterations; i++)
    {
      GVirConfigDomain *domain = build_domain ();
      gchar *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));

      total += strlen (xml);
      g_free (xml);
      g_object_unref (domain);
    }
  report ("build from scratch + write", g_get_monotonic_time () - start, iterations);

  /* Keeps the work observable so that nothing is optimised away. */
  printf ("# %" G_GSIZE_FORMAT " bytes of XML written\n", total);
  return 0;
}
