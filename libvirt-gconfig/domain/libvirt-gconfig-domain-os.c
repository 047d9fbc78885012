/*
 * libvirt-gconfig-domain-os.c: how a domain boots
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

/**
 * SECTION:libvirt-gconfig-domain-os
 * @title: GVirConfigDomainOs
 * @short_description: How a domain boots
 *
 * The `<os>` element of a domain: OS type, architecture and machine,
 * direct kernel boot, firmware, boot order and boot menu.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomainOs) os = gvir_config_domain_os_new ();
 * gvir_config_domain_os_set_os_type (os, GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
 * gvir_config_domain_os_set_arch (os, "x86_64");
 * gvir_config_domain_set_os (domain, os);
 * ]|
 */

/**
 * GVirConfigDomainOs:
 *
 * How a domain boots.
 */
struct _GVirConfigDomainOs
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainOs, gvir_config_domain_os, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_os_class_init (GVirConfigDomainOsClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "os", NULL);
}

static void
gvir_config_domain_os_init (GVirConfigDomainOs *self)
{
}

/**
 * gvir_config_domain_os_new:
 *
 * Creates a #GVirConfigDomainOs holding an empty `<os>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainOs *
gvir_config_domain_os_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_OS, NULL);
}

/**
 * gvir_config_domain_os_new_from_xml:
 * @xml: an XML document whose root element is `<os>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainOs. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainOs *
gvir_config_domain_os_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainOs *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_OS, "os", NULL, xml, error);
}

/**
 * gvir_config_domain_os_get_os_type:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the OS type, the content of `<type>`.
 *
 * Returns: the OS type; %GVIR_CONFIG_DOMAIN_OS_TYPE_HVM if unset or unknown
 */
GVirConfigDomainOsType
gvir_config_domain_os_get_os_type (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);

  return gvir_config_object_get_node_content_genum (GVIR_CONFIG_OBJECT (os), "type",
                                                    GVIR_CONFIG_TYPE_DOMAIN_OS_TYPE,
                                                    GVIR_CONFIG_DOMAIN_OS_TYPE_HVM);
}

/**
 * gvir_config_domain_os_set_os_type:
 * @os: a #GVirConfigDomainOs
 * @type: the OS type
 *
 * Sets the OS type, keeping the arch and machine attributes of `<type>`.
 */
void
gvir_config_domain_os_set_os_type (GVirConfigDomainOs *os, GVirConfigDomainOsType type)
{
  const char *nick;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));
  nick = gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_OS_TYPE, type);
  g_return_if_fail (nick != NULL);

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (os), "type", nick);
}

/**
 * gvir_config_domain_os_get_arch:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the guest architecture, such as "x86_64".
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_arch (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (os), "type", "arch");
}

/**
 * gvir_config_domain_os_set_arch:
 * @os: a #GVirConfigDomainOs
 * @arch: (nullable): the new value, or %NULL to remove it
 *
 * Sets the guest architecture, such as "x86_64".
 */
void
gvir_config_domain_os_set_arch (GVirConfigDomainOs *os, const gchar *arch)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (os), "type", "arch", arch);
}

/**
 * gvir_config_domain_os_get_machine:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the machine type, such as "pc" or "q35".
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_machine (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (os), "type", "machine");
}

/**
 * gvir_config_domain_os_set_machine:
 * @os: a #GVirConfigDomainOs
 * @machine: (nullable): the new value, or %NULL to remove it
 *
 * Sets the machine type, such as "pc" or "q35".
 */
void
gvir_config_domain_os_set_machine (GVirConfigDomainOs *os, const gchar *machine)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (os), "type", "machine", machine);
}

/**
 * gvir_config_domain_os_get_kernel:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the kernel image used for direct kernel boot.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_kernel (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (os), "kernel");
}

/**
 * gvir_config_domain_os_set_kernel:
 * @os: a #GVirConfigDomainOs
 * @kernel: (nullable): the new value, or %NULL to remove it
 *
 * Sets the kernel image used for direct kernel boot.
 */
void
gvir_config_domain_os_set_kernel (GVirConfigDomainOs *os, const gchar *kernel)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (os), "kernel", kernel);
}

/**
 * gvir_config_domain_os_get_ramdisk:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the initial ramdisk used for direct kernel boot.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_ramdisk (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (os), "initrd");
}

/**
 * gvir_config_domain_os_set_ramdisk:
 * @os: a #GVirConfigDomainOs
 * @ramdisk: (nullable): the new value, or %NULL to remove it
 *
 * Sets the initial ramdisk used for direct kernel boot.
 */
void
gvir_config_domain_os_set_ramdisk (GVirConfigDomainOs *os, const gchar *ramdisk)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (os), "initrd", ramdisk);
}

/**
 * gvir_config_domain_os_get_cmdline:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the kernel command line used for direct kernel boot.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_cmdline (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (os), "cmdline");
}

/**
 * gvir_config_domain_os_set_cmdline:
 * @os: a #GVirConfigDomainOs
 * @cmdline: (nullable): the new value, or %NULL to remove it
 *
 * Sets the kernel command line used for direct kernel boot.
 */
void
gvir_config_domain_os_set_cmdline (GVirConfigDomainOs *os, const gchar *cmdline)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (os), "cmdline", cmdline);
}

/**
 * gvir_config_domain_os_get_init:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the init program of a container.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_init (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (os), "init");
}

/**
 * gvir_config_domain_os_set_init:
 * @os: a #GVirConfigDomainOs
 * @init: (nullable): the new value, or %NULL to remove it
 *
 * Sets the init program of a container.
 */
void
gvir_config_domain_os_set_init (GVirConfigDomainOs *os, const gchar *init)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (os), "init", init);
}

/**
 * gvir_config_domain_os_get_loader:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the firmware loader path.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if unset
 */
const gchar *
gvir_config_domain_os_get_loader (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (os), "loader");
}

/**
 * gvir_config_domain_os_set_loader:
 * @os: a #GVirConfigDomainOs
 * @loader: (nullable): the new value, or %NULL to remove it
 *
 * Sets the firmware loader path.
 */
void
gvir_config_domain_os_set_loader (GVirConfigDomainOs *os, const gchar *loader)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (os), "loader", loader);
}

/**
 * gvir_config_domain_os_get_boot_devices:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the boot order from the `<boot dev=...>` elements. Unknown devices
 * are skipped.
 *
 * Returns: (transfer container) (element-type LibvirtGConfig.DomainOsBootDevice):
 *   the boot devices in order, as GINT_TO_POINTER() values
 */
GList *
gvir_config_domain_os_get_boot_devices (GVirConfigDomainOs *os)
{
  xmlNodePtr node;
  GList *devices = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), NULL);

  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (os));
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      gint dev;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "boot") != 0)
        continue;
      dev = gvir_config_genum_get_value (GVIR_CONFIG_TYPE_DOMAIN_OS_BOOT_DEVICE,
                                         gvir_config_xml_node_get_attribute (child, "dev"), -1);
      if (dev >= 0)
        devices = g_list_prepend (devices, GINT_TO_POINTER (dev));
    }
  return g_list_reverse (devices);
}

/**
 * gvir_config_domain_os_set_boot_devices:
 * @os: a #GVirConfigDomainOs
 * @boot_devices: (element-type LibvirtGConfig.DomainOsBootDevice): the boot
 *   devices in order, as GINT_TO_POINTER() values
 *
 * Replaces the boot order.
 */
void
gvir_config_domain_os_set_boot_devices (GVirConfigDomainOs *os, GList *boot_devices)
{
  GVirConfigObject *self;
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  self = GVIR_CONFIG_OBJECT (os);
  gvir_config_object_delete_children (self, "boot");
  node = gvir_config_object_get_xml_node (self);
  for (GList *l = boot_devices; l != NULL; l = l->next)
    {
      const char *nick = gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_OS_BOOT_DEVICE,
                                                     GPOINTER_TO_INT (l->data));
      xmlNodePtr boot;

      g_return_if_fail (nick != NULL);
      boot = xmlNewChild (node, NULL, (const xmlChar *) "boot", NULL);
      gvir_config_xml_node_set_attribute (boot, "dev", nick);
    }
}

/**
 * gvir_config_domain_os_get_smbios_mode:
 * @os: a #GVirConfigDomainOs
 *
 * Gets where the guest's SMBIOS tables come from.
 *
 * Returns: the mode; %GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_EMULATE if unset
 */
GVirConfigDomainOsSmBiosMode
gvir_config_domain_os_get_smbios_mode (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_EMULATE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (os), "smbios", "mode",
                                                 GVIR_CONFIG_TYPE_DOMAIN_OS_SM_BIOS_MODE,
                                                 GVIR_CONFIG_DOMAIN_OS_SMBIOS_MODE_EMULATE);
}

/**
 * gvir_config_domain_os_set_smbios_mode:
 * @os: a #GVirConfigDomainOs
 * @mode: the SMBIOS mode
 *
 * Sets where the guest's SMBIOS tables come from.
 */
void
gvir_config_domain_os_set_smbios_mode (GVirConfigDomainOs *os, GVirConfigDomainOsSmBiosMode mode)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (os), "smbios", "mode",
                                          GVIR_CONFIG_TYPE_DOMAIN_OS_SM_BIOS_MODE, mode);
}

/**
 * gvir_config_domain_os_get_boot_menu_enabled:
 * @os: a #GVirConfigDomainOs
 *
 * Gets whether the firmware shows a boot menu.
 *
 * Returns: %TRUE if `<bootmenu enable="yes"/>` is set
 */
gboolean
gvir_config_domain_os_get_boot_menu_enabled (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (os), "bootmenu", "enable", FALSE);
}

/**
 * gvir_config_domain_os_enable_boot_menu:
 * @os: a #GVirConfigDomainOs
 * @enable: whether to show a boot menu
 *
 * Sets whether the firmware shows a boot menu.
 */
void
gvir_config_domain_os_enable_boot_menu (GVirConfigDomainOs *os, gboolean enable)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (os), "bootmenu", "enable", enable);
}

/**
 * gvir_config_domain_os_get_bios_serial_enabled:
 * @os: a #GVirConfigDomainOs
 *
 * Gets whether BIOS output goes to the serial port.
 *
 * Returns: %TRUE if `<bios useserial="yes"/>` is set
 */
gboolean
gvir_config_domain_os_get_bios_serial_enabled (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (os), "bios", "useserial", FALSE);
}

/**
 * gvir_config_domain_os_bios_enable_serial:
 * @os: a #GVirConfigDomainOs
 * @enable: whether BIOS output goes to the serial port
 *
 * Sets whether BIOS output goes to the serial port.
 */
void
gvir_config_domain_os_bios_enable_serial (GVirConfigDomainOs *os, gboolean enable)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (os), "bios", "useserial", enable);
}

/**
 * gvir_config_domain_os_get_firmware:
 * @os: a #GVirConfigDomainOs
 *
 * Gets the automatically selected firmware kind.
 *
 * Returns: the firmware; %GVIR_CONFIG_DOMAIN_OS_FIRMWARE_BIOS if unset
 */
GVirConfigDomainOsFirmware
gvir_config_domain_os_get_firmware (GVirConfigDomainOs *os)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os), GVIR_CONFIG_DOMAIN_OS_FIRMWARE_BIOS);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (os), NULL, "firmware",
                                                 GVIR_CONFIG_TYPE_DOMAIN_OS_FIRMWARE,
                                                 GVIR_CONFIG_DOMAIN_OS_FIRMWARE_BIOS);
}

/**
 * gvir_config_domain_os_set_firmware:
 * @os: a #GVirConfigDomainOs
 * @firmware: the firmware kind
 *
 * Asks the hypervisor to select firmware of this kind.
 */
void
gvir_config_domain_os_set_firmware (GVirConfigDomainOs *os, GVirConfigDomainOsFirmware firmware)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (os), NULL, "firmware",
                                          GVIR_CONFIG_TYPE_DOMAIN_OS_FIRMWARE, firmware);
}
