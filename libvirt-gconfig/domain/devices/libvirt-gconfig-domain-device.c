/*
 * libvirt-gconfig-domain-device.c: base class of domain devices
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-domain-device-private.h"

/**
 * SECTION:libvirt-gconfig-domain-device
 * @title: GVirConfigDomainDevice
 * @short_description: Base class of domain devices
 *
 * Every child of a domain's `<devices>` element. Devices without a class of
 * their own (such as `<tpm>` or `<watchdog>`, or a `<graphics>` of an
 * unknown type) are plain #GVirConfigDomainDevice objects, so
 * gvir_config_domain_get_devices() followed by
 * gvir_config_domain_set_devices() keeps them intact.
 */

/**
 * GVirConfigDomainDevice:
 *
 * Base class of domain devices.
 */
G_DEFINE_TYPE (GVirConfigDomainDevice, gvir_config_domain_device, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_device_class_init (GVirConfigDomainDeviceClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "device", NULL);
}

static void
gvir_config_domain_device_init (GVirConfigDomainDevice *self)
{
}

/**
 * gvir_config_domain_device_get_alias:
 * @dev: a #GVirConfigDomainDevice
 *
 * Gets the device alias, the name attribute of `<alias>` that the
 * hypervisor assigns to running devices.
 *
 * Returns: (transfer none) (nullable): the alias, or %NULL if unset
 */
const gchar *
gvir_config_domain_device_get_alias (GVirConfigDomainDevice *dev)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_DEVICE (dev), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (dev), "alias", "name");
}

/* Device classes chosen by an attribute of the element (type or mode). */
typedef struct
{
  const char *element;
  const char *attr;
  const char *value;
  GType (*get_type) (void);
} DeviceKind;

static GType
device_type_by_attribute (xmlNodePtr node)
{
  static const DeviceKind kinds[] = {
    { "interface", "type", "network", gvir_config_domain_interface_network_get_type },
    { "interface", "type", "bridge", gvir_config_domain_interface_bridge_get_type },
    { "interface", "type", "user", gvir_config_domain_interface_user_get_type },
    { "graphics", "type", "vnc", gvir_config_domain_graphics_vnc_get_type },
    { "graphics", "type", "spice", gvir_config_domain_graphics_spice_get_type },
    { "graphics", "type", "sdl", gvir_config_domain_graphics_sdl_get_type },
    { "graphics", "type", "rdp", gvir_config_domain_graphics_rdp_get_type },
    { "graphics", "type", "desktop", gvir_config_domain_graphics_desktop_get_type },
    { "graphics", "type", "dbus", gvir_config_domain_graphics_dbus_get_type },
    { "controller", "type", "usb", gvir_config_domain_controller_usb_get_type },
    { "hostdev", "type", "pci", gvir_config_domain_hostdev_pci_get_type },
    { "smartcard", "mode", "host", gvir_config_domain_smartcard_host_get_type },
    { "smartcard", "mode", "host-certificates", gvir_config_domain_smartcard_host_certificates_get_type },
    { "smartcard", "mode", "passthrough", gvir_config_domain_smartcard_passthrough_get_type },
  };
  const char *name = (const char *) node->name;

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (name, kinds[i].element) == 0 &&
        g_strcmp0 (gvir_config_xml_node_get_attribute (node, kinds[i].attr), kinds[i].value) == 0)
      return kinds[i].get_type ();
  return G_TYPE_INVALID;
}

GType
gvir_config_domain_device_type_for_node (xmlNodePtr node)
{
  static const struct
  {
    const char *element;
    GType (*get_type) (void);
  } plain[] = {
    { "disk", gvir_config_domain_disk_get_type },
    { "memory", gvir_config_domain_memory_device_get_type },
    { "filesystem", gvir_config_domain_filesys_get_type },
    { "input", gvir_config_domain_input_get_type },
    { "memballoon", gvir_config_domain_memballoon_get_type },
    { "sound", gvir_config_domain_sound_get_type },
    { "audio", gvir_config_domain_audio_get_type },
    { "video", gvir_config_domain_video_get_type },
    { "vsock", gvir_config_domain_vsock_get_type },
    { "channel", gvir_config_domain_channel_get_type },
    { "console", gvir_config_domain_console_get_type },
    { "parallel", gvir_config_domain_parallel_get_type },
    { "serial", gvir_config_domain_serial_get_type },
    { "redirdev", gvir_config_domain_redirdev_get_type },
  };
  const char *name = (const char *) node->name;
  GType type;

  for (gsize i = 0; i < G_N_ELEMENTS (plain); i++)
    if (g_strcmp0 (name, plain[i].element) == 0)
      return plain[i].get_type ();
  type = device_type_by_attribute (node);
  /* Anything else stays a plain device so that it survives a
   * get_devices()/set_devices() round trip untouched. */
  return type != G_TYPE_INVALID ? type : GVIR_CONFIG_TYPE_DOMAIN_DEVICE;
}
