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

/* Counters and one-off devices while walking <devices>. */
typedef struct
{
  GVirQemuBuild *b;
  guint next_node;              /* libvirt-N-storage/-format */
  gboolean first_disk_seen;
  gboolean first_cdrom_seen;
  guint interfaces;
  guint serials;
  guint consoles;
  guint inputs;
  gboolean has_usb;             /* a USB controller (usb.0) exists */
  gboolean has_ahci;            /* pc: the "sata0" AHCI controller was added */
  gboolean has_virtio_serial;
} Devices;

static xmlNodePtr
child (xmlNodePtr node, const char *name)
{
  return gvir_config_xml_get_element (node, name);
}

static gboolean
is_element (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static gboolean
invalid (GError **error, const char *message)
{
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, message);
  return FALSE;
}

/* ---- parts shared by every device -------------------------------------- */

/* <address type='pci' domain='0' bus='0' slot='S' function='F'> on the root
 * bus; QEMU places devices without one itself. */
static gboolean
add_pci_address (Devices *d, JsonBuilder *json, xmlNodePtr device, GError **error)
{
  static const char *const attributes[] = { "type", "domain", "bus", "slot", "function", "multifunction", NULL };
  xmlNodePtr address = child (device, "address");
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
  xmlNodePtr boot = child (device, "boot");
  guint64 order = os_index;

  if (boot != NULL &&
      (!gvir_qemu_check_node (boot, "<boot>", attributes, NULL, error) ||
       !gvir_qemu_attr_uint (boot, "order", "<boot>", 0, &order, error)))
    return FALSE;
  if (boot != NULL && order == 0)
    return invalid (error, "<boot order> must be 1 or more");
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
  xmlNodePtr driver = child (disk, "driver");
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
  xmlNodePtr source = child (disk, "source");
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
add_blockdev (Devices *d, const char *protocol, const char *path, const char *format, gboolean read_only)
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
disk_ide_device (Devices *d, JsonBuilder *json, guint index, gboolean cdrom, GError **error)
{
  g_autofree char *bus = NULL;
  g_autofree char *id = NULL;

  if (d->b->q35)
    return gvir_qemu_refuse (error, "disk bus 'ide' is not available on machine q35: use 'sata'");
  if (index > 3)
    return invalid (error, "an IDE disk needs a target dev from 'hda' to 'hdd'");
  bus = g_strdup_printf ("ide.%u", index / 2);
  id = g_strdup_printf ("ide0-%u-%u", index / 2, index % 2);
  gvir_qemu_json_string (json, "driver", cdrom ? "ide-cd" : "ide-hd");
  gvir_qemu_json_string (json, "bus", bus);
  gvir_qemu_json_int (json, "unit", index % 2);
  gvir_qemu_json_string (json, "id", id);
  return TRUE;
}

static gboolean
disk_sata_device (Devices *d, JsonBuilder *json, guint index, gboolean cdrom, GError **error)
{
  g_autofree char *bus = NULL;
  g_autofree char *id = NULL;

  if (index > 5)
    return invalid (error, "a SATA disk needs a target dev from 'sda' to 'sdf'");
  /* q35's ICH9 has its AHCI built in, with one bus per port. */
  bus = d->b->q35 ? g_strdup_printf ("ide.%u", index) : g_strdup_printf ("sata0.%u", index);
  id = g_strdup_printf ("sata0-0-%u", index);
  gvir_qemu_json_string (json, "driver", cdrom ? "ide-cd" : "ide-hd");
  gvir_qemu_json_string (json, "bus", bus);
  gvir_qemu_json_string (json, "id", id);
  return TRUE;
}

static gboolean
disk_guest_device (Devices *d, JsonBuilder *json, xmlNodePtr disk, const char *bus,
                   gboolean cdrom, GError **error)
{
  static const char *const target_attributes[] = { "dev", "bus", NULL };
  xmlNodePtr target = child (disk, "target");
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
  xmlNodePtr target = child (disk, "target");
  const char *bus = gvir_qemu_attr (target, "bus");
  const char *dev = gvir_qemu_attr (target, "dev");

  if (bus != NULL)
    return bus;
  if (g_str_has_prefix (dev ? dev : "", "vd"))
    return "virtio";
  if (g_str_has_prefix (dev ? dev : "", "sd"))
    return "sata";
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
  if (child (disk, "address") != NULL && !g_str_equal (bus, "virtio"))
    return gvir_qemu_refuse (error, "<address> on a disk on bus '%s' is not supported: "
                             "the target dev gives its place", bus);
  return TRUE;
}

static gboolean
add_disk (Devices *d, xmlNodePtr disk, GError **error)
{
  const char *type = gvir_qemu_attr (disk, "type");
  gboolean cdrom = g_strcmp0 (gvir_qemu_attr (disk, "device"), "cdrom") == 0;
  gboolean read_only = cdrom || child (disk, "readonly") != NULL;
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
      !add_pci_address (d, json, disk, error))
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
add_interface (Devices *d, xmlNodePtr iface, GError **error)
{
  static const char *const attributes[] = { "type", NULL };
  static const char *const children[] = { "mac", "model", "boot", "address", "alias", NULL };
  static const struct { const char *model; const char *driver; } models[] = {
    { "virtio", "virtio-net-pci" }, { "e1000", "e1000" }, { "rtl8139", "rtl8139" },
  };
  const char *type = gvir_qemu_attr (iface, "type");
  const char *model = gvir_qemu_attr (child (iface, "model"), "type");
  const char *mac = gvir_qemu_attr (child (iface, "mac"), "address");
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
  if (!add_pci_address (d, json, iface, error) ||
      !add_bootindex (json, iface, n == 0 ? d->b->boot_network : 0, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

/* ---- serial and console ----------------------------------------------------- */

/* The -chardev of a pty or a listening UNIX socket (a path from the XML, or
 * one in the domain's directory). */
static gboolean
add_chardev (Devices *d, xmlNodePtr dev, const char *id, GError **error)
{
  static const char *const attributes[] = { "type", NULL };
  static const char *const children[] = { "source", "target", "alias", NULL };
  static const char *const source_attributes[] = { "mode", "path", NULL };
  const char *type = gvir_qemu_attr (dev, "type");
  xmlNodePtr source = child (dev, "source");
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
    return invalid (error, "a UNIX socket chardev needs a <source path> (no domain directory given)");
  if (path == NULL)
    path = g_strdup_printf ("%s/%s.sock", d->b->ctx->domain_dir, id);
  escaped = gvir_qemu_escape_opt (path);
  gvir_qemu_add_printf (d->b, "-chardev", "socket,id=%s,path=%s,server=on,wait=off", id, escaped);
  return TRUE;
}

static gboolean
add_serial (Devices *d, xmlNodePtr serial, GError **error)
{
  static const char *const target_attributes[] = { "port", "type", NULL };
  xmlNodePtr target = child (serial, "target");
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
    return invalid (error, "an ISA serial port needs a target port from 0 to 3");
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
  const char *type = gvir_qemu_attr (child (console, "target"), "type");

  return type ? type : "serial";
}

static gboolean
add_console (Devices *d, xmlNodePtr console, gboolean has_serial, GError **error)
{
  static const char *const target_attributes[] = { "type", "port", NULL };
  const char *type = console_target_type (console);
  guint n = d->consoles++;
  g_autofree char *chardev = g_strdup_printf ("charconsole%u", n);
  g_autofree char *id = g_strdup_printf ("console%u", n);
  g_autoptr (JsonBuilder) json = NULL;

  if (child (console, "target") != NULL &&
      !gvir_qemu_check_node (child (console, "target"), "<console><target>", target_attributes, NULL, error))
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
add_usb_controller (Devices *d, xmlNodePtr controller, GError **error)
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
  if (!add_pci_address (d, json, controller, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  d->has_usb = TRUE;
  return TRUE;
}

static void
add_virtio_serial (Devices *d)
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
add_controller (Devices *d, xmlNodePtr controller, GError **error)
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
  if (child (controller, "address") != NULL)
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

/* ---- input, audio, graphics, video, balloon, panic ------------------------------ */

static gboolean
add_input (Devices *d, xmlNodePtr input, GError **error)
{
  static const char *const attributes[] = { "type", "bus", NULL };
  static const char *const children[] = { "address", "alias", NULL };
  static const struct { const char *type; const char *usb; const char *virtio; } kinds[] = {
    { "tablet", "usb-tablet", "virtio-tablet-pci" },
    { "mouse", "usb-mouse", "virtio-mouse-pci" },
    { "keyboard", "usb-kbd", "virtio-keyboard-pci" },
  };
  const char *type = gvir_qemu_attr (input, "type");
  const char *bus = gvir_qemu_attr (input, "bus");
  g_autofree char *id = g_strdup_printf ("input%u", d->inputs++);
  g_autoptr (JsonBuilder) json = NULL;
  gsize kind;

  if (!gvir_qemu_check_node (input, "<input>", attributes, children, error))
    return FALSE;
  for (kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    if (g_strcmp0 (type, kinds[kind].type) == 0)
      break;
  if (kind == G_N_ELEMENTS (kinds))
    return gvir_qemu_refuse (error, "unsupported input type '%s'", type ? type : "");
  if (bus == NULL)
    bus = g_str_equal (type, "tablet") ? "usb" : "ps2";
  /* The i8042 of the pc machines is the PS/2 mouse and keyboard. */
  if (g_str_equal (bus, "ps2") && !g_str_equal (type, "tablet"))
    return TRUE;
  if (!g_str_equal (bus, "usb") && !g_str_equal (bus, "virtio"))
    return gvir_qemu_refuse (error, "unsupported input bus '%s' for type '%s'", bus, type);
  if (g_str_equal (bus, "usb") && !d->has_usb)
    return invalid (error, "a USB input device needs a <controller type='usb'>");
  if (g_str_equal (bus, "usb") && child (input, "address") != NULL)
    return gvir_qemu_refuse (error, "<address> on a USB input device is not supported");
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", g_str_equal (bus, "usb") ? kinds[kind].usb : kinds[kind].virtio);
  gvir_qemu_json_string (json, "id", id);
  if (g_str_equal (bus, "usb"))
    gvir_qemu_json_string (json, "bus", "usb.0");
  else if (!add_pci_address (d, json, input, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

static gboolean
is_loopback (const char *address)
{
  return g_str_has_prefix (address, "127.") || g_str_equal (address, "::1") ||
         g_str_equal (address, "localhost");
}

/* Where a <graphics> listens: a UNIX socket path (*socket) or a loopback
 * address (*address). */
static gboolean
graphics_listen (Devices *d, xmlNodePtr graphics, const char *type,
                 char **socket, const char **address, GError **error)
{
  static const char *const attributes[] = { "type", "address", "socket", NULL };
  xmlNodePtr listen = child (graphics, "listen");
  const char *listen_type = gvir_qemu_attr (listen, "type");

  *socket = NULL;
  *address = gvir_qemu_attr (graphics, "listen");
  if (listen != NULL && !gvir_qemu_check_node (listen, "<graphics><listen>", attributes, NULL, error))
    return FALSE;
  if (g_strcmp0 (listen_type, "socket") == 0 || gvir_qemu_attr (graphics, "socket") != NULL)
    {
      const char *path = gvir_qemu_attr (graphics, "socket");

      if (path == NULL)
        path = gvir_qemu_attr (listen, "socket");
      if (path == NULL && d->b->ctx->domain_dir == NULL)
        return invalid (error, "a <graphics> UNIX socket needs a path (no domain directory given)");
      *socket = path ? g_strdup (path) : g_strdup_printf ("%s/%s.sock", d->b->ctx->domain_dir, type);
      return TRUE;
    }
  if (listen != NULL && g_strcmp0 (listen_type, "address") != 0)
    return gvir_qemu_refuse (error, "unsupported <graphics><listen type='%s'>", listen_type ? listen_type : "");
  if (gvir_qemu_attr (listen, "address") != NULL)
    *address = gvir_qemu_attr (listen, "address");
  if (*address == NULL)
    *address = "127.0.0.1";
  if (!is_loopback (*address))
    return gvir_qemu_refuse (error, "graphics listen address '%s' is not a loopback address: "
                             "only 127.0.0.0/8 and ::1 are supported", *address);
  return TRUE;
}

static gboolean
graphics_port (xmlNodePtr graphics, gint64 *port, GError **error)
{
  const char *text = gvir_qemu_attr (graphics, "port");

  *port = -1;
  if (g_strcmp0 (gvir_qemu_attr (graphics, "autoport"), "yes") == 0 || text == NULL)
    return TRUE;
  if (!g_ascii_string_to_signed (text, 10, -1, 65535, port, NULL))
    return invalid (error, "<graphics port> is not a port number");
  return TRUE;
}

static gboolean
add_vnc (Devices *d, xmlNodePtr graphics, GError **error)
{
  g_autofree char *socket = NULL;
  g_autofree char *escaped = NULL;
  const char *address;
  gint64 port;

  if (!graphics_listen (d, graphics, "vnc", &socket, &address, error) ||
      !graphics_port (graphics, &port, error))
    return FALSE;
  if (socket != NULL)
    {
      escaped = gvir_qemu_escape_opt (socket);
      gvir_qemu_add_printf (d->b, "-vnc", "vnc=unix:%s,audiodev=audio1", escaped);
      return TRUE;
    }
  escaped = strchr (address, ':') ? g_strdup_printf ("[%s]", address) : g_strdup (address);
  if (port == -1)
    /* QEMU takes the first free display from :0 to :99. */
    gvir_qemu_add_printf (d->b, "-vnc", "%s:0,to=99,audiodev=audio1", escaped);
  else if (port < 5900)
    return invalid (error, "a VNC <graphics port> must be 5900 or more");
  else
    gvir_qemu_add_printf (d->b, "-vnc", "%s:%" G_GINT64_FORMAT ",audiodev=audio1", escaped, port - 5900);
  return TRUE;
}

static gboolean
add_spice (Devices *d, xmlNodePtr graphics, GError **error)
{
  g_autofree char *socket = NULL;
  g_autofree char *escaped = NULL;
  const char *address;
  gint64 port;

  if (!graphics_listen (d, graphics, "spice", &socket, &address, error) ||
      !graphics_port (graphics, &port, error))
    return FALSE;
  if (socket != NULL)
    {
      escaped = gvir_qemu_escape_opt (socket);
      gvir_qemu_add_printf (d->b, "-spice", "unix=on,addr=%s,seamless-migration=on", escaped);
      return TRUE;
    }
  if (port <= 0)
    return gvir_qemu_refuse (error, "SPICE on TCP needs a fixed <graphics port>: autoport is not supported");
  gvir_qemu_add_printf (d->b, "-spice", "port=%" G_GINT64_FORMAT ",addr=%s,disable-ticketing=on,seamless-migration=on",
                        port, address);
  return TRUE;
}

static gboolean
add_graphics (Devices *d, xmlNodePtr graphics, GError **error)
{
  static const char *const attributes[] = { "type", "port", "autoport", "listen", "socket", NULL };
  static const char *const children[] = { "listen", NULL };
  const char *type = gvir_qemu_attr (graphics, "type");

  if (g_strcmp0 (type, "vnc") != 0 && g_strcmp0 (type, "spice") != 0)
    return gvir_qemu_refuse (error, "unsupported graphics type '%s'", type ? type : "");
  if (!gvir_qemu_check_node (graphics, "<graphics>", attributes, children, error))
    return FALSE;
  return g_str_equal (type, "vnc") ? add_vnc (d, graphics, error) : add_spice (d, graphics, error);
}

static gboolean
add_video_model (Devices *d, JsonBuilder *json, xmlNodePtr model, const char *type, GError **error)
{
  guint64 vram, ram, vgamem, heads;

  if (!gvir_qemu_attr_uint (model, "vram", "<video><model>", 16384, &vram, error) ||
      !gvir_qemu_attr_uint (model, "ram", "<video><model>", 65536, &ram, error) ||
      !gvir_qemu_attr_uint (model, "vgamem", "<video><model>", 16384, &vgamem, error) ||
      !gvir_qemu_attr_uint (model, "heads", "<video><model>", 1, &heads, error))
    return FALSE;
  (void) d;
  if (g_str_equal (type, "vga"))
    {
      gvir_qemu_json_string (json, "driver", "VGA");
      gvir_qemu_json_string (json, "id", "video0");
      gvir_qemu_json_int (json, "vgamem_mb", (gint64) vram / 1024);
    }
  else if (g_str_equal (type, "qxl"))
    {
      gvir_qemu_json_string (json, "driver", "qxl-vga");
      gvir_qemu_json_string (json, "id", "video0");
      gvir_qemu_json_int (json, "ram_size", (gint64) ram * 1024);
      gvir_qemu_json_int (json, "vram_size", (gint64) (gvir_qemu_attr (model, "vram") ? vram : 65536) * 1024);
      gvir_qemu_json_int (json, "vram64_size_mb", 0);
      gvir_qemu_json_int (json, "vgamem_mb", (gint64) vgamem / 1024);
      gvir_qemu_json_int (json, "max_outputs", (gint64) heads);
    }
  else
    {
      static const struct { const char *type; const char *driver; } others[] = {
        { "cirrus", "cirrus-vga" }, { "virtio", "virtio-vga" }, { "bochs", "bochs-display" },
      };
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (others) && !g_str_equal (type, others[i].type); i++)
        ;
      if (i == G_N_ELEMENTS (others))
        return gvir_qemu_refuse (error, "unsupported video model '%s'", type);
      gvir_qemu_json_string (json, "driver", others[i].driver);
      gvir_qemu_json_string (json, "id", "video0");
    }
  if (heads != 1 && !g_str_equal (type, "qxl"))
    return gvir_qemu_refuse (error, "<video><model heads='%" G_GUINT64_FORMAT "'> needs model 'qxl'", heads);
  return TRUE;
}

static gboolean
add_video (Devices *d, xmlNodePtr video, GError **error)
{
  static const char *const children[] = { "model", "address", "alias", NULL };
  static const char *const model_attributes[] = { "type", "vram", "ram", "vgamem", "heads", "primary", NULL };
  xmlNodePtr model = child (video, "model");
  const char *type = gvir_qemu_attr (model, "type");
  g_autoptr (JsonBuilder) json = NULL;

  if (!gvir_qemu_check_node (video, "<video>", NULL, children, error) ||
      (model != NULL && !gvir_qemu_check_node (model, "<video><model>", model_attributes, NULL, error)))
    return FALSE;
  if (type == NULL)
    type = "vga";
  if (g_str_equal (type, "none"))
    return TRUE;
  json = gvir_qemu_json_begin ();
  if (!add_video_model (d, json, model, type, error) || !add_pci_address (d, json, video, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

static gboolean
add_memballoon (Devices *d, xmlNodePtr balloon, GError **error)
{
  static const char *const attributes[] = { "model", NULL };
  static const char *const children[] = { "address", "alias", NULL };
  const char *model = gvir_qemu_attr (balloon, "model");
  g_autoptr (JsonBuilder) json = NULL;

  if (!gvir_qemu_check_node (balloon, "<memballoon>", attributes, children, error))
    return FALSE;
  if (g_strcmp0 (model, "none") == 0)
    return TRUE;
  if (g_strcmp0 (model, "virtio") != 0)
    return gvir_qemu_refuse (error, "unsupported memballoon model '%s'", model ? model : "");
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", "virtio-balloon-pci");
  gvir_qemu_json_string (json, "id", "balloon0");
  if (!add_pci_address (d, json, balloon, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

static gboolean
add_panic (Devices *d, xmlNodePtr panic, GError **error)
{
  static const char *const attributes[] = { "model", NULL };
  const char *model = gvir_qemu_attr (panic, "model");
  JsonBuilder *json;

  if (!gvir_qemu_check_node (panic, "<panic>", attributes, NULL, error))
    return FALSE;
  if (model != NULL && !g_str_equal (model, "isa"))
    return gvir_qemu_refuse (error, "unsupported panic model '%s'", model);
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", "pvpanic");
  gvir_qemu_add_json (d->b, "-device", json);
  g_object_unref (json);
  return TRUE;
}

static gboolean
check_audio (xmlNodePtr audio, GError **error)
{
  static const char *const attributes[] = { "id", "type", NULL };

  if (!gvir_qemu_check_node (audio, "<audio>", attributes, NULL, error))
    return FALSE;
  if (g_strcmp0 (gvir_qemu_attr (audio, "type"), "none") != 0 ||
      g_strcmp0 (gvir_qemu_attr (audio, "id") ? gvir_qemu_attr (audio, "id") : "1", "1") != 0)
    return gvir_qemu_refuse (error, "unsupported <audio>: only <audio id='1' type='none'/>");
  return TRUE;
}

/* ---- the walk ------------------------------------------------------------------- */

typedef gboolean (*DeviceFunc) (Devices *d, xmlNodePtr device, GError **error);

/* Calls @func on every <devices> child named @name, in document order. */
static gboolean
each (Devices *d, const char *name, DeviceFunc func, GError **error)
{
  xmlNodePtr devices = child (d->b->domain, "devices");

  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    if (is_element (n, name) && !func (d, n, error))
      return FALSE;
  return TRUE;
}

static guint
count (Devices *d, const char *name)
{
  xmlNodePtr devices = child (d->b->domain, "devices");
  guint total = 0;

  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    total += is_element (n, name);
  return total;
}

static gboolean
add_consoles (Devices *d, GError **error)
{
  xmlNodePtr devices = child (d->b->domain, "devices");
  gboolean has_serial = count (d, "serial") > 0;

  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    if (is_element (n, "console") && !add_console (d, n, has_serial, error))
      return FALSE;
  return TRUE;
}

static gboolean
add_controllers (Devices *d, GError **error)
{
  xmlNodePtr devices = child (d->b->domain, "devices");

  if (!each (d, "controller", add_controller, error))
    return FALSE;
  for (xmlNodePtr n = devices ? devices->children : NULL; n != NULL; n = n->next)
    if (is_element (n, "console") && g_str_equal (console_target_type (n), "virtio"))
      add_virtio_serial (d);
  return TRUE;
}

static gboolean
check_single (Devices *d, GError **error)
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
add_audio (Devices *d, xmlNodePtr audio, GError **error)
{
  (void) d;
  return check_audio (audio, error);
}

gboolean
gvir_qemu_check_devices (GVirQemuBuild *b, GError **error)
{
  static const char *const children[] = {
    "emulator", "disk", "controller", "interface", "serial", "console", "input",
    "graphics", "video", "memballoon", "panic", "audio", NULL
  };
  xmlNodePtr devices = child (b->domain, "devices");
  Devices d = { .b = b };

  if (devices == NULL)
    return TRUE;
  if (!gvir_qemu_check_node (devices, "", NULL, children, error) || !check_single (&d, error))
    return FALSE;
  for (xmlNodePtr n = devices->children; n != NULL; n = n->next)
    if (n->type == XML_ELEMENT_NODE && child (n, "boot") != NULL)
      b->per_device_boot = TRUE;
  return TRUE;
}

gboolean
gvir_qemu_build_devices (GVirQemuBuild *b, GError **error)
{
  Devices d = { .b = b };
  JsonBuilder *audio;

  if (!add_controllers (&d, error) ||
      !each (&d, "disk", add_disk, error) ||
      !each (&d, "interface", add_interface, error) ||
      !each (&d, "serial", add_serial, error) ||
      !add_consoles (&d, error) ||
      !each (&d, "input", add_input, error) ||
      !each (&d, "audio", add_audio, error))
    return FALSE;
  audio = gvir_qemu_json_begin ();
  gvir_qemu_json_string (audio, "id", "audio1");
  gvir_qemu_json_string (audio, "driver", "none");
  gvir_qemu_add_json (b, "-audiodev", audio);
  g_object_unref (audio);
  return each (&d, "graphics", add_graphics, error) &&
         each (&d, "video", add_video, error) &&
         each (&d, "memballoon", add_memballoon, error) &&
         each (&d, "panic", add_panic, error);
}
