/*
 * gvir-qemu-command-devices.c: the <devices> of a domain as QEMU 7.2
 * arguments (JSON -device, -blockdev, -netdev; -chardev, -vnc, -spice).
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

#include "gvir-qemu-command-build-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"


/* ---- parts shared by every device -------------------------------------- */

/* <address type='pci' domain='0' bus='0' slot='S' function='F'> on the root
 * bus; QEMU places devices without one itself. */
gboolean
gvir_qemu_add_pci_address (GVirQemuDevices *d, JsonBuilder *json, xmlNodePtr device, GError **error)
{
  static const char *const attributes[] = { "type", "domain", "bus", "slot", "function", "multifunction", NULL };
  xmlNodePtr address = gvir_qemu_child (device, "address");
  guint64 domain, bus, slot, function;
  g_autofree char *addr = NULL;

  if (address == NULL)
    return TRUE;
  if (g_strcmp0 (gvir_qemu_attr (address, "type"), "pci") != 0)
    return gvir_qemu_refuse (error, "unsupported <address type='%s'> on <%s>",
                             gvir_qemu_attr (address, "type") ? gvir_qemu_attr (address, "type") : "",
                             (const char *) device->name);
  if (!gvir_qemu_check_node (address, "<address>", attributes, NULL, error) ||
      !gvir_qemu_attr_uint (address, "domain", "<address>", 0, &domain, error) ||
      !gvir_qemu_attr_uint (address, "bus", "<address>", 0, &bus, error) ||
      !gvir_qemu_attr_uint (address, "slot", "<address>", 0, &slot, error) ||
      !gvir_qemu_attr_uint (address, "function", "<address>", 0, &function, error))
    return FALSE;
  if (domain != 0 || bus != 0 || slot > 31 || function > 7)
    return gvir_qemu_refuse (error, "PCI address %s:%s:%s.%s of <%s>: only slots 0-31 of bus 0 are supported",
                             gvir_qemu_attr (address, "domain"), gvir_qemu_attr (address, "bus"),
                             gvir_qemu_attr (address, "slot"), gvir_qemu_attr (address, "function"),
                             (const char *) device->name);
  gvir_qemu_json_string (json, "bus", d->b->q35 ? "pcie.0" : "pci.0");
  addr = function == 0 ? g_strdup_printf ("0x%" G_GINT64_MODIFIER "x", slot)
                       : g_strdup_printf ("0x%" G_GINT64_MODIFIER "x.0x%" G_GINT64_MODIFIER "x", slot, function);
  gvir_qemu_json_string (json, "addr", addr);
  return TRUE;
}

/* <boot order='N'>, or the index <os><boot dev> gave this kind (0: none). */
static gboolean
add_bootindex (JsonBuilder *json, xmlNodePtr device, guint os_index, GError **error)
{
  static const char *const attributes[] = { "order", NULL };
  xmlNodePtr boot = gvir_qemu_child (device, "boot");
  guint64 order = os_index;

  if (boot != NULL &&
      (!gvir_qemu_check_node (boot, "<boot>", attributes, NULL, error) ||
       !gvir_qemu_attr_uint (boot, "order", "<boot>", 0, &order, error)))
    return FALSE;
  if (boot != NULL && order == 0)
    return gvir_qemu_invalid (error, "<boot order> must be 1 or more");
  if (order > 0)
    gvir_qemu_json_int (json, "bootindex", (gint64) order);
  return TRUE;
}

/* ---- disks ---------------------------------------------------------------- */

/* "hda" -> 0, "vdb" -> 1, "sdaa" -> 26: the index libvirt derives. */
static gboolean
disk_index (const char *dev, guint *index, GError **error)
{
  guint value = 0;

  if (dev == NULL || strlen (dev) < 3 || strlen (dev) > 5)
    goto bad;
  for (const char *p = dev + 2; *p != '\0'; p++)
    {
      if (*p < 'a' || *p > 'z')
        goto bad;
      value = value * 26 + (guint) (*p - 'a') + 1;
    }
  *index = value - 1;
  return TRUE;

bad:
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
               "disk target dev '%s' is not a name like 'hda', 'sdb' or 'vdc'", dev ? dev : "");
  return FALSE;
}

static gboolean
disk_format (xmlNodePtr disk, const char **format, GError **error)
{
  static const char *const attributes[] = { "name", "type", NULL };
  xmlNodePtr driver = gvir_qemu_child (disk, "driver");
  const char *name = gvir_qemu_attr (driver, "name");

  *format = gvir_qemu_attr (driver, "type");
  if (driver != NULL && !gvir_qemu_check_node (driver, "<disk><driver>", attributes, NULL, error))
    return FALSE;
  if (name != NULL && !g_str_equal (name, "qemu"))
    return gvir_qemu_refuse (error, "unsupported disk driver '%s'", name);
  if (*format == NULL)
    *format = "raw";
  if (!g_str_equal (*format, "raw") && !g_str_equal (*format, "qcow2"))
    return gvir_qemu_refuse (error, "unsupported disk format '%s'", *format);
  return TRUE;
}

static gboolean
disk_source (xmlNodePtr disk, const char *type, const char **path, GError **error)
{
  static const char *const file_attributes[] = { "file", NULL };
  static const char *const dev_attributes[] = { "dev", NULL };
  xmlNodePtr source = gvir_qemu_child (disk, "source");
  gboolean block = g_str_equal (type, "block");

  *path = NULL;
  if (source == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (source, "<disk><source>", block ? dev_attributes : file_attributes,
                             NULL, error))
    return FALSE;
  *path = gvir_qemu_attr (source, block ? "dev" : "file");
  return TRUE;
}

/* The file and format nodes; returns the format node's name. */
static char *
add_blockdev (GVirQemuDevices *d, const char *protocol, const char *path, const char *format, gboolean read_only)
{
  guint n = ++d->next_node;
  g_autofree char *storage = g_strdup_printf ("libvirt-%u-storage", n);
  char *node = g_strdup_printf ("libvirt-%u-format", n);
  JsonBuilder *json;

  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", protocol);
  gvir_qemu_json_string (json, "filename", path);
  gvir_qemu_json_string (json, "node-name", storage);
  gvir_qemu_json_bool (json, "auto-read-only", TRUE);
  gvir_qemu_json_string (json, "discard", "unmap");
  gvir_qemu_add_json (d->b, "-blockdev", json);
  g_object_unref (json);

  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "node-name", node);
  gvir_qemu_json_bool (json, "read-only", read_only);
  gvir_qemu_json_string (json, "driver", format);
  gvir_qemu_json_string (json, "file", storage);
  gvir_qemu_add_json (d->b, "-blockdev", json);
  g_object_unref (json);
  return node;
}

static gboolean
disk_ide_device (GVirQemuDevices *d, JsonBuilder *json, guint index, gboolean cdrom, GError **error)
{
  g_autofree char *bus = NULL;
  g_autofree char *id = NULL;

  if (d->b->q35)
    return gvir_qemu_refuse (error, "disk bus 'ide' is not available on machine q35: use 'sata'");
  if (index > 3)
    return gvir_qemu_invalid (error, "an IDE disk needs a target dev from 'hda' to 'hdd'");
  bus = g_strdup_printf ("ide.%u", index / 2);
  id = g_strdup_printf ("ide0-%u-%u", index / 2, index % 2);
  gvir_qemu_json_string (json, "driver", cdrom ? "ide-cd" : "ide-hd");
  gvir_qemu_json_string (json, "bus", bus);
  gvir_qemu_json_int (json, "unit", index % 2);
  gvir_qemu_json_string (json, "id", id);
  return TRUE;
}

static gboolean
disk_sata_device (GVirQemuDevices *d, JsonBuilder *json, guint index, gboolean cdrom, GError **error)
{
  g_autofree char *bus = NULL;
  g_autofree char *id = NULL;

  if (index > 5)
    return gvir_qemu_invalid (error, "a SATA disk needs a target dev from 'sda' to 'sdf'");
  /* q35's ICH9 has its AHCI built in, with one bus per port. */
  bus = d->b->q35 ? g_strdup_printf ("ide.%u", index) : g_strdup_printf ("sata0.%u", index);
  id = g_strdup_printf ("sata0-0-%u", index);
  gvir_qemu_json_string (json, "driver", cdrom ? "ide-cd" : "ide-hd");
  gvir_qemu_json_string (json, "bus", bus);
  gvir_qemu_json_string (json, "id", id);
  return TRUE;
}

static gboolean
disk_guest_device (GVirQemuDevices *d, JsonBuilder *json, xmlNodePtr disk, const char *bus,
                   gboolean cdrom, GError **error)
{
  static const char *const target_attributes[] = { "dev", "bus", NULL };
  xmlNodePtr target = gvir_qemu_child (disk, "target");
  guint index;

  if (target == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "<disk> has no <target>");
      return FALSE;
    }
  if (!gvir_qemu_check_node (target, "<disk><target>", target_attributes, NULL, error) ||
      !disk_index (gvir_qemu_attr (target, "dev"), &index, error))
    return FALSE;
  if (g_str_equal (bus, "ide"))
    return disk_ide_device (d, json, index, cdrom, error);
  if (g_str_equal (bus, "sata"))
    return disk_sata_device (d, json, index, cdrom, error);
  if (cdrom)
    return gvir_qemu_refuse (error, "a CD-ROM needs disk bus 'ide' or 'sata', not '%s'", bus);
  {
    g_autofree char *id = g_strdup_printf ("virtio-disk%u", index);

    gvir_qemu_json_string (json, "driver", "virtio-blk-pci");
    gvir_qemu_json_string (json, "id", id);
  }
  return TRUE;
}

static const char *
disk_bus (xmlNodePtr disk)
{
  xmlNodePtr target = gvir_qemu_child (disk, "target");
  const char *bus = gvir_qemu_attr (target, "bus");
  const char *dev = gvir_qemu_attr (target, "dev");

  if (bus != NULL)
    return bus;
  /* libvirt's defaults by name: "sd" means SCSI, which is refused. */
  if (g_str_has_prefix (dev ? dev : "", "vd"))
    return "virtio";
  if (g_str_has_prefix (dev ? dev : "", "sd"))
    return "scsi";
  return "ide";
}

static gboolean
check_disk (xmlNodePtr disk, GError **error)
{
  static const char *const attributes[] = { "type", "device", NULL };
  static const char *const children[] = { "driver", "source", "target", "readonly", "boot", "address", "alias", NULL };
  const char *type = gvir_qemu_attr (disk, "type");
  const char *device = gvir_qemu_attr (disk, "device");
  const char *bus = disk_bus (disk);

  if (!gvir_qemu_check_node (disk, "<disk>", attributes, children, error))
    return FALSE;
  if (type == NULL || (!g_str_equal (type, "file") && !g_str_equal (type, "block")))
    return gvir_qemu_refuse (error, "unsupported disk type '%s'", type ? type : "");
  if (device != NULL && !g_str_equal (device, "disk") && !g_str_equal (device, "cdrom"))
    return gvir_qemu_refuse (error, "unsupported disk device '%s'", device);
  if (!g_str_equal (bus, "ide") && !g_str_equal (bus, "sata") && !g_str_equal (bus, "virtio"))
    return gvir_qemu_refuse (error, "unsupported disk bus '%s'", bus);
  if (gvir_qemu_child (disk, "address") != NULL && !g_str_equal (bus, "virtio"))
    return gvir_qemu_refuse (error, "<address> on a disk on bus '%s' is not supported: "
                             "the target dev gives its place", bus);
  return TRUE;
}

static gboolean
add_disk (GVirQemuDevices *d, xmlNodePtr disk, GError **error)
{
  const char *type = gvir_qemu_attr (disk, "type");
  gboolean cdrom = g_strcmp0 (gvir_qemu_attr (disk, "device"), "cdrom") == 0;
  gboolean read_only = cdrom || gvir_qemu_child (disk, "readonly") != NULL;
  const char *bus = disk_bus (disk);
  const char *format, *path;
  g_autofree char *node = NULL;
  g_autoptr (JsonBuilder) json = NULL;
  guint os_boot = 0;

  if (!check_disk (disk, error) || !disk_format (disk, &format, error) ||
      !disk_source (disk, type, &path, error))
    return FALSE;
  if (path == NULL && !cdrom)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "a <disk device='disk'> needs a <source>");
      return FALSE;
    }
  if (read_only && !cdrom && !g_str_equal (bus, "virtio"))
    return gvir_qemu_refuse (error, "a read-only disk on bus '%s' is not supported "
                             "(QEMU's IDE/SATA hard disks cannot be read-only)", bus);
  if (g_str_equal (bus, "sata") && !d->b->q35 && !d->has_ahci)
    {
      JsonBuilder *ahci = gvir_qemu_json_begin ();

      gvir_qemu_json_string (ahci, "driver", "ahci");
      gvir_qemu_json_string (ahci, "id", "sata0");
      gvir_qemu_add_json (d->b, "-device", ahci);
      g_object_unref (ahci);
      d->has_ahci = TRUE;
    }
  if (path != NULL)
    {
      const char *protocol = g_str_equal (type, "file") ? "file" : cdrom ? "host_cdrom" : "host_device";

      node = add_blockdev (d, protocol, path, format, read_only);
    }

  json = gvir_qemu_json_begin ();
  if (!disk_guest_device (d, json, disk, bus, cdrom, error) ||
      !gvir_qemu_add_pci_address (d, json, disk, error))
    return FALSE;
  if (node != NULL)
    gvir_qemu_json_string (json, "drive", node);
  if (cdrom && !d->first_cdrom_seen)
    os_boot = d->b->boot_cdrom;
  else if (!cdrom && !d->first_disk_seen)
    os_boot = d->b->boot_disk;
  (cdrom ? (d->first_cdrom_seen = TRUE) : (d->first_disk_seen = TRUE));
  if (!add_bootindex (json, disk, os_boot, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

/* ---- network ----------------------------------------------------------------- */

static gboolean
add_interface (GVirQemuDevices *d, xmlNodePtr iface, GError **error)
{
  static const char *const attributes[] = { "type", NULL };
  static const char *const children[] = { "mac", "model", "boot", "address", "alias", NULL };
  static const struct { const char *model; const char *driver; } models[] = {
    { "virtio", "virtio-net-pci" }, { "e1000", "e1000" }, { "rtl8139", "rtl8139" },
  };
  const char *type = gvir_qemu_attr (iface, "type");
  const char *model = gvir_qemu_attr (gvir_qemu_child (iface, "model"), "type");
  const char *mac = gvir_qemu_attr (gvir_qemu_child (iface, "mac"), "address");
  const char *driver = NULL;
  g_autofree char *netdev = NULL;
  g_autofree char *id = NULL;
  g_autoptr (JsonBuilder) json = NULL;
  guint n = d->interfaces++;

  if (g_strcmp0 (type, "user") != 0)
    return gvir_qemu_refuse (error, "unsupported interface type '%s': only 'user'", type ? type : "");
  if (!gvir_qemu_check_node (iface, "<interface>", attributes, children, error))
    return FALSE;
  if (model == NULL)
    model = "rtl8139";
  for (gsize i = 0; i < G_N_ELEMENTS (models); i++)
    if (g_str_equal (model, models[i].model))
      driver = models[i].driver;
  if (driver == NULL)
    return gvir_qemu_refuse (error, "unsupported interface model '%s'", model);

  netdev = g_strdup_printf ("hostnet%u", n);
  id = g_strdup_printf ("net%u", n);
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "type", "user");
  gvir_qemu_json_string (json, "id", netdev);
  gvir_qemu_add_json (d->b, "-netdev", json);
  g_clear_object (&json);

  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", driver);
  gvir_qemu_json_string (json, "netdev", netdev);
  gvir_qemu_json_string (json, "id", id);
  /* Without <mac> QEMU picks 52:54:00:12:34:56 upwards. */
  if (mac != NULL)
    gvir_qemu_json_string (json, "mac", mac);
  if (!gvir_qemu_add_pci_address (d, json, iface, error) ||
      !add_bootindex (json, iface, n == 0 ? d->b->boot_network : 0, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

/* ---- serial and console ----------------------------------------------------- */

/* The -chardev of a pty or a listening UNIX socket (a path from the XML, or
 * one in the domain's directory). */
static gboolean
add_chardev (GVirQemuDevices *d, xmlNodePtr dev, const char *id, GError **error)
{
  static const char *const attributes[] = { "type", NULL };
  static const char *const children[] = { "source", "target", "alias", NULL };
  static const char *const source_attributes[] = { "mode", "path", NULL };
  const char *type = gvir_qemu_attr (dev, "type");
  xmlNodePtr source = gvir_qemu_child (dev, "source");
  const char *mode = gvir_qemu_attr (source, "mode");
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *where = g_strdup_printf ("<%s>", (const char *) dev->name);

  if (!gvir_qemu_check_node (dev, where, attributes, children, error))
    return FALSE;
  if (g_strcmp0 (type, "pty") == 0)
    {
      gvir_qemu_add_printf (d->b, "-chardev", "pty,id=%s", id);
      return TRUE;
    }
  if (g_strcmp0 (type, "unix") != 0)
    return gvir_qemu_refuse (error, "unsupported <%s type='%s'>: only 'pty' and 'unix'",
                             (const char *) dev->name, type ? type : "");
  if (source != NULL &&
      !gvir_qemu_check_node (source, "<source>", source_attributes, NULL, error))
    return FALSE;
  if (mode != NULL && !g_str_equal (mode, "bind"))
    return gvir_qemu_refuse (error, "unsupported <%s><source mode='%s'>: only 'bind'",
                             (const char *) dev->name, mode);
  path = g_strdup (gvir_qemu_attr (source, "path"));
  if (path == NULL && d->b->ctx->domain_dir == NULL)
    return gvir_qemu_invalid (error, "a UNIX socket chardev needs a <source path> (no domain directory given)");
  if (path == NULL)
    path = g_strdup_printf ("%s/%s.sock", d->b->ctx->domain_dir, id);
  escaped = gvir_qemu_escape_opt (path);
  gvir_qemu_add_printf (d->b, "-chardev", "socket,id=%s,path=%s,server=on,wait=off", id, escaped);
  return TRUE;
}

static gboolean
add_serial (GVirQemuDevices *d, xmlNodePtr serial, GError **error)
{
  static const char *const target_attributes[] = { "port", "type", NULL };
  xmlNodePtr target = gvir_qemu_child (serial, "target");
  guint n = d->serials++;
  g_autofree char *chardev = g_strdup_printf ("charserial%u", n);
  g_autofree char *id = g_strdup_printf ("serial%u", n);
  g_autoptr (JsonBuilder) json = NULL;
  guint64 port;

  if (target != NULL &&
      !gvir_qemu_check_node (target, "<serial><target>", target_attributes, NULL, error))
    return FALSE;
  /* 'serial' is the target type of a <console> standing for serial0. */
  if (gvir_qemu_attr (target, "type") != NULL && !g_str_equal (gvir_qemu_attr (target, "type"), "isa-serial") &&
      !g_str_equal (gvir_qemu_attr (target, "type"), "serial"))
    return gvir_qemu_refuse (error, "unsupported serial target type '%s'", gvir_qemu_attr (target, "type"));
  if (!gvir_qemu_attr_uint (target, "port", "<serial><target>", n, &port, error) ||
      !add_chardev (d, serial, chardev, error))
    return FALSE;
  if (port > 3)
    return gvir_qemu_invalid (error, "an ISA serial port needs a target port from 0 to 3");
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", "isa-serial");
  gvir_qemu_json_string (json, "chardev", chardev);
  gvir_qemu_json_string (json, "id", id);
  gvir_qemu_json_int (json, "index", (gint64) port);
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

static const char *
console_target_type (xmlNodePtr console)
{
  const char *type = gvir_qemu_attr (gvir_qemu_child (console, "target"), "type");

  return type ? type : "serial";
}

static gboolean
add_console (GVirQemuDevices *d, xmlNodePtr console, gboolean has_serial, GError **error)
{
  static const char *const target_attributes[] = { "type", "port", NULL };
  const char *type = console_target_type (console);
  guint n = d->consoles++;
  g_autofree char *chardev = g_strdup_printf ("charconsole%u", n);
  g_autofree char *id = g_strdup_printf ("console%u", n);
  g_autoptr (JsonBuilder) json = NULL;

  if (gvir_qemu_child (console, "target") != NULL &&
      !gvir_qemu_check_node (gvir_qemu_child (console, "target"), "<console><target>", target_attributes, NULL, error))
    return FALSE;
  if (g_str_equal (type, "serial"))
    /* The serial port itself; a console alone stands for serial0. */
    return has_serial ? TRUE : add_serial (d, console, error);
  if (!g_str_equal (type, "virtio"))
    return gvir_qemu_refuse (error, "unsupported console target type '%s'", type);
  if (!add_chardev (d, console, chardev, error))
    return FALSE;
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", "virtconsole");
  gvir_qemu_json_string (json, "chardev", chardev);
  gvir_qemu_json_string (json, "id", id);
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

/* ---- controllers -------------------------------------------------------------- */

static gboolean
add_usb_controller (GVirQemuDevices *d, xmlNodePtr controller, GError **error)
{
  static const struct { const char *model; const char *driver; } models[] = {
    { "piix3-uhci", "piix3-usb-uhci" }, { "qemu-xhci", "qemu-xhci" },
    { "nec-xhci", "nec-usb-xhci" }, { "ehci", "usb-ehci" },
  };
  const char *model = gvir_qemu_attr (controller, "model");
  const char *driver = NULL;
  g_autoptr (JsonBuilder) json = NULL;

  if (g_strcmp0 (model, "none") == 0)
    return TRUE;
  if (model == NULL)
    model = d->b->q35 ? "qemu-xhci" : "piix3-uhci";
  for (gsize i = 0; i < G_N_ELEMENTS (models); i++)
    if (g_str_equal (model, models[i].model))
      driver = models[i].driver;
  if (driver == NULL)
    return gvir_qemu_refuse (error, "unsupported USB controller model '%s'", model);
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", driver);
  gvir_qemu_json_string (json, "id", "usb");
  if (!gvir_qemu_add_pci_address (d, json, controller, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  d->has_usb = TRUE;
  return TRUE;
}

static void
add_virtio_serial (GVirQemuDevices *d)
{
  JsonBuilder *json;

  if (d->has_virtio_serial)
    return;
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", "virtio-serial-pci");
  gvir_qemu_json_string (json, "id", "virtio-serial0");
  gvir_qemu_add_json (d->b, "-device", json);
  g_object_unref (json);
  d->has_virtio_serial = TRUE;
}

static gboolean
add_controller (GVirQemuDevices *d, xmlNodePtr controller, GError **error)
{
  static const char *const attributes[] = { "type", "index", "model", NULL };
  static const char *const children[] = { "address", "alias", NULL };
  const char *type = gvir_qemu_attr (controller, "type");
  const char *model = gvir_qemu_attr (controller, "model");
  const char *root = d->b->q35 ? "pcie-root" : "pci-root";
  guint64 index;

  if (!gvir_qemu_check_node (controller, "<controller>", attributes, children, error) ||
      !gvir_qemu_attr_uint (controller, "index", "<controller>", 0, &index, error))
    return FALSE;
  if (index != 0)
    return gvir_qemu_refuse (error, "<controller type='%s' index='%" G_GUINT64_FORMAT "'>: only index 0 is supported",
                             type ? type : "", index);
  if (g_strcmp0 (type, "usb") == 0)
    return add_usb_controller (d, controller, error);
  if (gvir_qemu_child (controller, "address") != NULL)
    return gvir_qemu_refuse (error, "<address> on <controller type='%s'> is not supported", type);
  if (g_strcmp0 (type, "pci") == 0 && g_strcmp0 (model, root) == 0)
    return TRUE;
  if (g_strcmp0 (type, "pci") == 0)
    return gvir_qemu_refuse (error, "unsupported PCI controller model '%s' (the machine has '%s')",
                             model ? model : "", root);
  if (model != NULL)
    return gvir_qemu_refuse (error, "unsupported <controller type='%s' model='%s'>", type, model);
  /* The chipset's own IDE (i440FX) or AHCI (ICH9) controller. */
  if ((g_strcmp0 (type, "ide") == 0 && !d->b->q35) || (g_strcmp0 (type, "sata") == 0 && d->b->q35))
    return TRUE;
  if (g_strcmp0 (type, "virtio-serial") == 0)
    {
      add_virtio_serial (d);
      return TRUE;
    }
  return gvir_qemu_refuse (error, "unsupported controller type '%s'", type ? type : "");
}

/* ---- the walk ------------------------------------------------------------------- */

typedef gboolean (*DeviceFunc) (GVirQemuDevices *d, xmlNodePtr device, GError **error);

/* Calls @func on every <devices> child named @name, in document order. */
static gboolean
each (GVirQemuDevices *d, const char *name, DeviceFunc func, GError **error)
{
  xmlNodePtr devices = gvir_qemu_child (d->b->domain, "devices");

  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    if (gvir_qemu_is_element (n, name) && !func (d, n, error))
      return FALSE;
  return TRUE;
}

static guint
count (GVirQemuDevices *d, const char *name)
{
  xmlNodePtr devices = gvir_qemu_child (d->b->domain, "devices");
  guint total = 0;

  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    total += gvir_qemu_is_element (n, name);
  return total;
}

static gboolean
add_consoles (GVirQemuDevices *d, GError **error)
{
  xmlNodePtr devices = gvir_qemu_child (d->b->domain, "devices");
  gboolean has_serial = count (d, "serial") > 0;

  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    if (gvir_qemu_is_element (n, "console") && !add_console (d, n, has_serial, error))
      return FALSE;
  return TRUE;
}

static gboolean
add_controllers (GVirQemuDevices *d, GError **error)
{
  xmlNodePtr devices = gvir_qemu_child (d->b->domain, "devices");

  if (!each (d, "controller", add_controller, error))
    return FALSE;
  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    if (gvir_qemu_is_element (n, "console") && g_str_equal (console_target_type (n), "virtio"))
      add_virtio_serial (d);
  return TRUE;
}

static gboolean
check_single (GVirQemuDevices *d, GError **error)
{
  static const char *const singles[] = { "video", "memballoon", "panic", "audio" };

  for (gsize i = 0; i < G_N_ELEMENTS (singles); i++)
    if (count (d, singles[i]) > 1)
      return gvir_qemu_refuse (error, "more than one <%s> is not supported", singles[i]);
  if (count (d, "graphics") > 1)
    return gvir_qemu_refuse (error, "more than one <graphics> is not supported");
  return TRUE;
}

static gboolean
add_audio (GVirQemuDevices *d, xmlNodePtr audio, GError **error)
{
  return gvir_qemu_check_audio (audio, error);
}

gboolean
gvir_qemu_check_devices (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = {
    "emulator", "disk", "controller", "interface", "serial", "console", "input",
    "graphics", "video", "memballoon", "panic", "audio", NULL
  };
  xmlNodePtr devices = gvir_qemu_child (b->domain, "devices");
  GVirQemuDevices d = { .b = b };

  if (devices == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (devices, "<devices>", NULL, children, error) || !check_single (&d, error))
    return FALSE;
  for (xmlNodePtr n = devices->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && gvir_qemu_child (n, "boot") != NULL)
      b->per_device_boot = TRUE;
  return TRUE;
}

gboolean
gvir_qemu_build_devices (GVirQemuBuild *b, GError **error)
{
  GVirQemuDevices d = { .b = b };
  JsonBuilder *audio;

  if (!add_controllers (&d, error) ||
      !each (&d, "disk", add_disk, error) ||
      !each (&d, "interface", add_interface, error) ||
      !each (&d, "serial", add_serial, error) ||
      !add_consoles (&d, error) ||
      !each (&d, "input", gvir_qemu_add_input, error) ||
      !each (&d, "audio", add_audio, error))
    return FALSE;
  audio = gvir_qemu_json_begin ();
  gvir_qemu_json_string (audio, "id", "audio1");
  gvir_qemu_json_string (audio, "driver", "none");
  gvir_qemu_add_json (b, "-audiodev", audio);
  g_object_unref (audio);
  return each (&d, "graphics", gvir_qemu_add_graphics, error) &&
         each (&d, "video", gvir_qemu_add_video, error) &&
         (count (&d, "memballoon") == 0 ? gvir_qemu_add_default_memballoon (&d, error)
                                        : each (&d, "memballoon", gvir_qemu_add_memballoon, error)) &&
         each (&d, "panic", gvir_qemu_add_panic, error);
}
