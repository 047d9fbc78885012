/*
 * libvirt-gconfig-domain-capabilities.c: what a hypervisor offers one domain type
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
 * SECTION:libvirt-gconfig-domain-capabilities
 * @title: GVirConfigDomainCapabilities
 * @short_description: What a hypervisor offers one domain type
 *
 * libvirt's `<domainCapabilities>` document: for one emulator, machine,
 * architecture and virtualisation type, which features can be used.
 */

/**
 * GVirConfigDomainCapabilities:
 *
 * What a hypervisor offers one domain type.
 */
struct _GVirConfigDomainCapabilities
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainCapabilities, gvir_config_domain_capabilities, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_domain_capabilities_class_init (GVirConfigDomainCapabilitiesClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "domainCapabilities", GVIR_CONFIG_SCHEMA_DIR "/domaincaps.rng");
}

static void
gvir_config_domain_capabilities_init (GVirConfigDomainCapabilities *self)
{
}

/**
 * gvir_config_domain_capabilities_new:
 *
 * Creates a #GVirConfigDomainCapabilities holding an empty `<domainCapabilities>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainCapabilities *
gvir_config_domain_capabilities_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES, NULL);
}

/**
 * gvir_config_domain_capabilities_new_from_xml:
 * @xml: an XML document whose root element is `<domainCapabilities>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainCapabilities. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainCapabilities *
gvir_config_domain_capabilities_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainCapabilities *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES, "domainCapabilities", NULL, xml, error);
}

/**
 * gvir_config_domain_capabilities_get_os:
 * @domain_caps: a #GVirConfigDomainCapabilities
 *
 * Gets a view of the OS booting capabilities.
 *
 * Returns: (transfer full) (nullable): the OS capabilities, or %NULL if missing
 */
GVirConfigDomainCapabilitiesOs *
gvir_config_domain_capabilities_get_os (GVirConfigDomainCapabilities *domain_caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES (domain_caps), NULL);

  return (GVirConfigDomainCapabilitiesOs *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain_caps), "os",
                                            GVIR_CONFIG_TYPE_DOMAIN_CAPABILITIES_OS);
}

/**
 * gvir_config_domain_capabilities_get_path:
 * @domain_caps: a #GVirConfigDomainCapabilities
 *
 * Gets the emulator path.
 *
 * Returns: (transfer none) (nullable): the path, or %NULL if missing
 */
const gchar *
gvir_config_domain_capabilities_get_path (GVirConfigDomainCapabilities *domain_caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES (domain_caps), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain_caps), "path");
}

/**
 * gvir_config_domain_capabilities_get_virt_type:
 * @domain_caps: a #GVirConfigDomainCapabilities
 *
 * Gets the virtualisation type, the content of `<domain>`.
 *
 * Returns: the type; %GVIR_CONFIG_DOMAIN_VIRT_QEMU if missing or unknown
 */
GVirConfigDomainVirtType
gvir_config_domain_capabilities_get_virt_type (GVirConfigDomainCapabilities *domain_caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES (domain_caps), GVIR_CONFIG_DOMAIN_VIRT_QEMU);

  return gvir_config_object_get_node_content_genum (GVIR_CONFIG_OBJECT (domain_caps), "domain",
                                                    GVIR_CONFIG_TYPE_DOMAIN_VIRT_TYPE,
                                                    GVIR_CONFIG_DOMAIN_VIRT_QEMU);
}

/**
 * gvir_config_domain_capabilities_get_machine:
 * @domain_caps: a #GVirConfigDomainCapabilities
 *
 * Gets the machine type, such as "pc-q35-7.2".
 *
 * Returns: (transfer none) (nullable): the machine type, or %NULL if missing
 */
const gchar *
gvir_config_domain_capabilities_get_machine (GVirConfigDomainCapabilities *domain_caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES (domain_caps), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain_caps), "machine");
}

/**
 * gvir_config_domain_capabilities_get_arch:
 * @domain_caps: a #GVirConfigDomainCapabilities
 *
 * Gets the guest architecture.
 *
 * Returns: (transfer none) (nullable): the architecture, or %NULL if missing
 */
const gchar *
gvir_config_domain_capabilities_get_arch (GVirConfigDomainCapabilities *domain_caps)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES (domain_caps), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain_caps), "arch");
}

/**
 * gvir_config_domain_capabilities_get_max_vcpus:
 * @domain_caps: a #GVirConfigDomainCapabilities
 *
 * Gets the maximum number of vCPUs, `<vcpu max="...">`.
 *
 * Returns: the maximum, or 0 if missing or invalid
 */
guint
gvir_config_domain_capabilities_get_max_vcpus (GVirConfigDomainCapabilities *domain_caps)
{
  guint64 value;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_CAPABILITIES (domain_caps), 0);

  value = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (domain_caps), "vcpu", "max", 0);
  return value > G_MAXUINT ? 0 : (guint) value;
}
