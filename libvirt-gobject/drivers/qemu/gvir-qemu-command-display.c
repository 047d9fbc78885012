/*
 * gvir-qemu-command-display.c: input devices, VNC/SPICE, video, memory
 * balloon, pvpanic and <audio>.
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

/* ---- input, audio, graphics, video, balloon, panic ------------------------------ */

gboolean
gvir_qemu_add_input (GVirQemuDevices *d, xmlNodePtr input, GError **error)
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
    return gvir_qemu_invalid (error, "a USB input device needs a <controller type='usb'>");
  if (g_str_equal (bus, "usb") && gvir_qemu_child (input, "address") != NULL)
    return gvir_qemu_refuse (error, "<address> on a USB input device is not supported");
  json = gvir_qemu_json_begin ();
  gvir_qemu_json_string (json, "driver", g_str_equal (bus, "usb") ? kinds[kind].usb : kinds[kind].virtio);
  gvir_qemu_json_string (json, "id", id);
  if (g_str_equal (bus, "usb"))
    gvir_qemu_json_string (json, "bus", "usb.0");
  else if (!gvir_qemu_add_pci_address (d, json, input, error))
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
graphics_listen (GVirQemuDevices *d, xmlNodePtr graphics, const char *type,
                 char **socket, const char **address, GError **error)
{
  static const char *const attributes[] = { "type", "address", "socket", NULL };
  xmlNodePtr listen = gvir_qemu_child (graphics, "listen");
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
        return gvir_qemu_invalid (error, "a <graphics> UNIX socket needs a path (no domain directory given)");
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
    return gvir_qemu_invalid (error, "<graphics port> is not a port number");
  return TRUE;
}

static gboolean
add_vnc (GVirQemuDevices *d, xmlNodePtr graphics, GError **error)
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
    return gvir_qemu_invalid (error, "a VNC <graphics port> must be 5900 or more");
  else
    gvir_qemu_add_printf (d->b, "-vnc", "%s:%" G_GINT64_FORMAT ",audiodev=audio1", escaped, port - 5900);
  return TRUE;
}

static gboolean
add_spice (GVirQemuDevices *d, xmlNodePtr graphics, GError **error)
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

gboolean
gvir_qemu_add_graphics (GVirQemuDevices *d, xmlNodePtr graphics, GError **error)
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
add_video_model (JsonBuilder *json, xmlNodePtr model, const char *type, GError **error)
{
  guint64 vram, ram, vgamem, heads;

  if (!gvir_qemu_attr_uint (model, "vram", "<video><model>", 16384, &vram, error) ||
      !gvir_qemu_attr_uint (model, "ram", "<video><model>", 65536, &ram, error) ||
      !gvir_qemu_attr_uint (model, "vgamem", "<video><model>", 16384, &vgamem, error) ||
      !gvir_qemu_attr_uint (model, "heads", "<video><model>", 1, &heads, error))
    return FALSE;
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

gboolean
gvir_qemu_add_video (GVirQemuDevices *d, xmlNodePtr video, GError **error)
{
  static const char *const children[] = { "model", "address", "alias", NULL };
  static const char *const model_attributes[] = { "type", "vram", "ram", "vgamem", "heads", "primary", NULL };
  xmlNodePtr model = gvir_qemu_child (video, "model");
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
  if (!add_video_model (json, model, type, error) || !gvir_qemu_add_pci_address (d, json, video, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

/* The balloon's -device: @balloon is its element, or NULL for the one
 * libvirt adds to a domain that has no <memballoon>. */
static gboolean
add_balloon_device (GVirQemuDevices *d, xmlNodePtr balloon, GError **error)
{
  g_autoptr (JsonBuilder) json = gvir_qemu_json_begin ();

  gvir_qemu_json_string (json, "driver", "virtio-balloon-pci");
  gvir_qemu_json_string (json, "id", "balloon0");
  if (balloon != NULL && !gvir_qemu_add_pci_address (d, json, balloon, error))
    return FALSE;
  gvir_qemu_add_json (d->b, "-device", json);
  return TRUE;
}

gboolean
gvir_qemu_add_memballoon (GVirQemuDevices *d, xmlNodePtr balloon, GError **error)
{
  static const char *const attributes[] = { "model", NULL };
  static const char *const children[] = { "address", "alias", NULL };
  const char *model = gvir_qemu_attr (balloon, "model");

  if (!gvir_qemu_check_node (balloon, "<memballoon>", attributes, children, error))
    return FALSE;
  if (g_strcmp0 (model, "none") == 0)
    return TRUE;
  if (g_strcmp0 (model, "virtio") != 0)
    return gvir_qemu_refuse (error, "unsupported memballoon model '%s'", model ? model : "");
  return add_balloon_device (d, balloon, error);
}

gboolean
gvir_qemu_add_default_memballoon (GVirQemuDevices *d, GError **error)
{
  return add_balloon_device (d, NULL, error);
}

gboolean
gvir_qemu_add_panic (GVirQemuDevices *d, xmlNodePtr panic, GError **error)
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

gboolean
gvir_qemu_check_audio (xmlNodePtr audio, GError **error)
{
  static const char *const attributes[] = { "id", "type", NULL };

  if (!gvir_qemu_check_node (audio, "<audio>", attributes, NULL, error))
    return FALSE;
  if (g_strcmp0 (gvir_qemu_attr (audio, "type"), "none") != 0 ||
      g_strcmp0 (gvir_qemu_attr (audio, "id") ? gvir_qemu_attr (audio, "id") : "1", "1") != 0)
    return gvir_qemu_refuse (error, "unsupported <audio>: only <audio id='1' type='none'/>");
  return TRUE;
}
