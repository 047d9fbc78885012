/*
 * libvirt-gconfig-domain.c: a domain (virtual machine) description
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
#include "libvirt-gconfig/libvirt-gconfig-nodeset-private.h"
#include "libvirt-gconfig/libvirt-gconfig-tuning-private.h"

/**
 * SECTION:libvirt-gconfig-domain
 * @title: GVirConfigDomain
 * @short_description: A domain (virtual machine) description
 *
 * libvirt's `<domain>` document. Scalar settings have getters, setters and
 * GObject properties (with notification); parts such as the OS, clock, CPU
 * and devices are live #GVirConfigObject views.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigDomain) domain = gvir_config_domain_new ();
 * gvir_config_domain_set_virt_type (domain, GVIR_CONFIG_DOMAIN_VIRT_KVM);
 * gvir_config_domain_set_name (domain, "demo");
 * gvir_config_domain_set_memory (domain, 1024 * 1024);
 * gvir_config_domain_set_vcpus (domain, 2);
 * g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
 * ]|
 */

/**
 * GVirConfigDomain:
 *
 * A domain (virtual machine) description.
 */
struct _GVirConfigDomain
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomain, gvir_config_domain, GVIR_CONFIG_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_UUID,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_MEMORY,
  PROP_CURRENT_MEMORY,
  PROP_VCPU,
  PROP_FEATURES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
gvir_config_domain_get_property (GObject *object, guint prop_id,
                                 GValue *value, GParamSpec *pspec)
{
  GVirConfigDomain *self = GVIR_CONFIG_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, gvir_config_domain_get_name (self));
      break;
    case PROP_UUID:
      g_value_set_string (value, gvir_config_domain_get_uuid (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, gvir_config_domain_get_title (self));
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, gvir_config_domain_get_description (self));
      break;
    case PROP_MEMORY:
      g_value_set_uint64 (value, gvir_config_domain_get_memory (self));
      break;
    case PROP_CURRENT_MEMORY:
      g_value_set_uint64 (value, gvir_config_domain_get_current_memory (self));
      break;
    case PROP_VCPU:
      g_value_set_uint64 (value, gvir_config_domain_get_vcpus (self));
      break;
    case PROP_FEATURES:
      g_value_take_boxed (value, gvir_config_domain_get_features (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_config_domain_set_property (GObject *object, guint prop_id,
                                 const GValue *value, GParamSpec *pspec)
{
  GVirConfigDomain *self = GVIR_CONFIG_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_NAME:
      gvir_config_domain_set_name (self, g_value_get_string (value));
      break;
    case PROP_UUID:
      gvir_config_domain_set_uuid (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      gvir_config_domain_set_title (self, g_value_get_string (value));
      break;
    case PROP_DESCRIPTION:
      gvir_config_domain_set_description (self, g_value_get_string (value));
      break;
    case PROP_MEMORY:
      gvir_config_domain_set_memory (self, g_value_get_uint64 (value));
      break;
    case PROP_CURRENT_MEMORY:
      gvir_config_domain_set_current_memory (self, g_value_get_uint64 (value));
      break;
    case PROP_VCPU:
      gvir_config_domain_set_vcpus (self, g_value_get_uint64 (value));
      break;
    case PROP_FEATURES:
      gvir_config_domain_set_features (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_config_domain_class_init (GVirConfigDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "domain",
                                     GVIR_CONFIG_SCHEMA_DIR "/domain.rng");

  object_class->get_property = gvir_config_domain_get_property;
  object_class->set_property = gvir_config_domain_set_property;

  /**
   * GVirConfigDomain:name:
   *
   * The domain name, `<name>`.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", "Name", "Domain name", NULL, rw);

  /**
   * GVirConfigDomain:uuid:
   *
   * The domain UUID, `<uuid>`.
   */
  properties[PROP_UUID] =
    g_param_spec_string ("uuid", "UUID", "Domain UUID", NULL, rw);

  /**
   * GVirConfigDomain:title:
   *
   * A short description of the domain, `<title>`.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", "Title", "A short description of the domain", NULL, rw);

  /**
   * GVirConfigDomain:description:
   *
   * A human-readable description of the domain, `<description>`.
   */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", "Description", "Domain description", NULL, rw);

  /**
   * GVirConfigDomain:memory:
   *
   * The maximum memory at boot in KiB, `<memory>`.
   */
  properties[PROP_MEMORY] =
    g_param_spec_uint64 ("memory", "Memory", "Maximum memory in KiB",
                         0, G_MAXUINT64, 0, rw);

  /**
   * GVirConfigDomain:current-memory:
   *
   * The memory actually given to the guest in KiB, `<currentMemory>`.
   */
  properties[PROP_CURRENT_MEMORY] =
    g_param_spec_uint64 ("current-memory", "Current memory", "Current memory in KiB",
                         0, G_MAXUINT64, 0, rw);

  /**
   * GVirConfigDomain:vcpu:
   *
   * The number of virtual CPUs, `<vcpu>`.
   */
  properties[PROP_VCPU] =
    g_param_spec_uint64 ("vcpu", "vCPUs", "Number of virtual CPUs",
                         0, G_MAXUINT64, 1, rw);

  /**
   * GVirConfigDomain:features:
   *
   * The names of the elements in `<features>`, such as "acpi".
   */
  properties[PROP_FEATURES] =
    g_param_spec_boxed ("features", "Features", "Hypervisor features",
                        G_TYPE_STRV, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gvir_config_domain_init (GVirConfigDomain *self)
{
}

/**
 * gvir_config_domain_new:
 *
 * Creates a #GVirConfigDomain holding an empty `<domain>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomain *
gvir_config_domain_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN, NULL);
}

/**
 * gvir_config_domain_new_from_xml:
 * @xml: an XML document whose root element is `<domain>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomain. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomain *
gvir_config_domain_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomain *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN, "domain", NULL, xml, error);
}

/**
 * gvir_config_domain_get_virt_type:
 * @domain: a #GVirConfigDomain
 *
 * Gets the hypervisor type, `<domain type=...>`.
 *
 * Returns: the type; %GVIR_CONFIG_DOMAIN_VIRT_QEMU if unset or unknown
 */
GVirConfigDomainVirtType
gvir_config_domain_get_virt_type (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), GVIR_CONFIG_DOMAIN_VIRT_QEMU);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (domain), NULL, "type",
                                                 GVIR_CONFIG_TYPE_DOMAIN_VIRT_TYPE,
                                                 GVIR_CONFIG_DOMAIN_VIRT_QEMU);
}

/**
 * gvir_config_domain_set_virt_type:
 * @domain: a #GVirConfigDomain
 * @type: the hypervisor type
 *
 * Sets the hypervisor type.
 */
void
gvir_config_domain_set_virt_type (GVirConfigDomain *domain, GVirConfigDomainVirtType type)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (domain), NULL, "type",
                                          GVIR_CONFIG_TYPE_DOMAIN_VIRT_TYPE, type);
}

/* Sets the text of a scalar element and notifies only on change. */
static void
domain_set_text (GVirConfigDomain *domain, const char *node_name,
                 const char *value, guint prop_id)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (domain);

  if (g_strcmp0 (gvir_config_object_get_node_content (self, node_name), value) == 0 &&
      (value != NULL) == gvir_config_object_has_child (self, node_name))
    return;
  gvir_config_object_set_node_content (self, node_name, value);
  g_object_notify_by_pspec (G_OBJECT (domain), properties[prop_id]);
}

/**
 * gvir_config_domain_get_name:
 * @domain: a #GVirConfigDomain
 *
 * Gets the domain name.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if unset
 */
const gchar *
gvir_config_domain_get_name (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain), "name");
}

/**
 * gvir_config_domain_set_name:
 * @domain: a #GVirConfigDomain
 * @name: (nullable): the name, or %NULL to remove it
 *
 * Sets the domain name.
 */
void
gvir_config_domain_set_name (GVirConfigDomain *domain, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  domain_set_text (domain, "name", name, PROP_NAME);
}

/**
 * gvir_config_domain_get_uuid:
 * @domain: a #GVirConfigDomain
 *
 * Gets the domain UUID.
 *
 * Returns: (transfer none) (nullable): the UUID, or %NULL if unset
 */
const gchar *
gvir_config_domain_get_uuid (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain), "uuid");
}

/**
 * gvir_config_domain_set_uuid:
 * @domain: a #GVirConfigDomain
 * @uuid: (nullable): the UUID, or %NULL to remove it
 *
 * Sets the domain UUID.
 */
void
gvir_config_domain_set_uuid (GVirConfigDomain *domain, const gchar *uuid)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  domain_set_text (domain, "uuid", uuid, PROP_UUID);
}

/**
 * gvir_config_domain_get_title:
 * @domain: a #GVirConfigDomain
 *
 * Gets the short description of the domain.
 *
 * Returns: (transfer none) (nullable): the title, or %NULL if unset
 */
const gchar *
gvir_config_domain_get_title (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain), "title");
}

/**
 * gvir_config_domain_set_title:
 * @domain: a #GVirConfigDomain
 * @title: (nullable): the title (a single line), or %NULL to remove it
 *
 * Sets the short description of the domain.
 */
void
gvir_config_domain_set_title (GVirConfigDomain *domain, const gchar *title)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  domain_set_text (domain, "title", title, PROP_TITLE);
}

/**
 * gvir_config_domain_get_description:
 * @domain: a #GVirConfigDomain
 *
 * Gets the human-readable description of the domain.
 *
 * Returns: (transfer none) (nullable): the description, or %NULL if unset
 */
const gchar *
gvir_config_domain_get_description (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (domain), "description");
}

/**
 * gvir_config_domain_set_description:
 * @domain: a #GVirConfigDomain
 * @description: (nullable): the description, or %NULL to remove it
 *
 * Sets the human-readable description of the domain.
 */
void
gvir_config_domain_set_description (GVirConfigDomain *domain, const gchar *description)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  domain_set_text (domain, "description", description, PROP_DESCRIPTION);
}

static guint64
domain_get_kib (GVirConfigDomain *domain, const char *node_name)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (domain);
  guint64 kib;

  if (!gvir_config_parse_kib (gvir_config_object_get_node_content (self, node_name),
                              gvir_config_object_get_attribute (self, node_name, "unit"),
                              &kib))
    return 0;
  return kib;
}

/* Writes <node_name unit="KiB">kib</node_name> in place of the old element. */
static void
domain_set_kib (GVirConfigDomain *domain, const char *node_name, guint64 kib, guint prop_id)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (domain);
  xmlNodePtr node;
  char buf[32];
  gboolean changed = !gvir_config_object_has_child (self, node_name) ||
                     domain_get_kib (domain, node_name) != kib;

  node = gvir_config_object_replace_child (self, node_name);
  gvir_config_xml_node_set_attribute (node, "unit", "KiB");
  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, kib);
  xmlNodeAddContent (node, (const xmlChar *) buf);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (domain), properties[prop_id]);
}

/**
 * gvir_config_domain_get_memory:
 * @domain: a #GVirConfigDomain
 *
 * Gets the maximum memory at boot, converted to KiB from the element's unit.
 *
 * Returns: the memory in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_get_memory (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  return domain_get_kib (domain, "memory");
}

/**
 * gvir_config_domain_set_memory:
 * @domain: a #GVirConfigDomain
 * @memory: the memory in KiB
 *
 * Sets the maximum memory at boot, written as `<memory unit="KiB">`.
 */
void
gvir_config_domain_set_memory (GVirConfigDomain *domain, guint64 memory)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  domain_set_kib (domain, "memory", memory, PROP_MEMORY);
}

/**
 * gvir_config_domain_get_current_memory:
 * @domain: a #GVirConfigDomain
 *
 * Gets the memory given to the guest, converted to KiB.
 *
 * Returns: the memory in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_get_current_memory (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  return domain_get_kib (domain, "currentMemory");
}

/**
 * gvir_config_domain_set_current_memory:
 * @domain: a #GVirConfigDomain
 * @memory: the memory in KiB
 *
 * Sets the memory given to the guest, written as `<currentMemory unit="KiB">`.
 */
void
gvir_config_domain_set_current_memory (GVirConfigDomain *domain, guint64 memory)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  domain_set_kib (domain, "currentMemory", memory, PROP_CURRENT_MEMORY);
}

/**
 * gvir_config_domain_get_vcpus:
 * @domain: a #GVirConfigDomain
 *
 * Gets the number of virtual CPUs.
 *
 * Returns: the vCPU count, or 0 if unset or invalid
 */
guint64
gvir_config_domain_get_vcpus (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  return gvir_config_object_get_node_content_uint64 (GVIR_CONFIG_OBJECT (domain), "vcpu", 0);
}

/**
 * gvir_config_domain_set_vcpus:
 * @domain: a #GVirConfigDomain
 * @vcpu_count: the vCPU count
 *
 * Sets the number of virtual CPUs, keeping the attributes of `<vcpu>`.
 */
void
gvir_config_domain_set_vcpus (GVirConfigDomain *domain, guint64 vcpu_count)
{
  GVirConfigObject *self;
  gboolean changed;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  self = GVIR_CONFIG_OBJECT (domain);
  changed = !gvir_config_object_has_child (self, "vcpu") ||
            gvir_config_domain_get_vcpus (domain) != vcpu_count;
  gvir_config_object_set_node_content_uint64 (self, "vcpu", vcpu_count);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (domain), properties[PROP_VCPU]);
}

/**
 * gvir_config_domain_get_features:
 * @domain: a #GVirConfigDomain
 *
 * Gets the names of the hypervisor features enabled in `<features>`.
 *
 * Returns: (transfer full) (nullable): the feature names, or %NULL if
 *   there is no `<features>` element
 */
GStrv
gvir_config_domain_get_features (GVirConfigDomain *domain)
{
  xmlNodePtr features;
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  features = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (domain)),
                                          "features");
  if (features == NULL)
    return NULL;
  builder = g_strv_builder_new ();
  for (xmlNodePtr child = features->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      g_strv_builder_add (builder, (const char *) child->name);
  return g_strv_builder_end (builder);
}

/**
 * gvir_config_domain_set_features:
 * @domain: a #GVirConfigDomain
 * @features: (nullable) (array zero-terminated=1): the feature names, or
 *   %NULL to remove `<features>`
 *
 * Replaces the hypervisor features with empty elements named after
 * @features.
 */
void
gvir_config_domain_set_features (GVirConfigDomain *domain, const GStrv features)
{
  GVirConfigObject *self;
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  self = GVIR_CONFIG_OBJECT (domain);
  for (gsize i = 0; features != NULL && features[i] != NULL; i++)
    g_return_if_fail (xmlValidateNCName ((const xmlChar *) features[i], 0) == 0);

  if (features == NULL)
    gvir_config_object_delete_children (self, "features");
  else
    {
      node = gvir_config_object_replace_child (self, "features");
      for (gsize i = 0; features[i] != NULL; i++)
        xmlNewChild (node, NULL, (const xmlChar *) features[i], NULL);
    }
  g_object_notify_by_pspec (G_OBJECT (domain), properties[PROP_FEATURES]);
}

/**
 * gvir_config_domain_get_os:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the boot settings.
 *
 * Returns: (transfer full) (nullable): the OS settings, or %NULL if missing
 */
GVirConfigDomainOs *
gvir_config_domain_get_os (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainOs *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "os",
                                            GVIR_CONFIG_TYPE_DOMAIN_OS);
}

/**
 * gvir_config_domain_set_os:
 * @domain: a #GVirConfigDomain
 * @os: (nullable): the OS settings, or %NULL to remove them
 *
 * Replaces the boot settings. @os becomes part of @domain's document.
 */
void
gvir_config_domain_set_os (GVirConfigDomain *domain, GVirConfigDomainOs *os)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (os == NULL || GVIR_CONFIG_IS_DOMAIN_OS (os));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "os", (GVirConfigObject *) os);
}

/**
 * gvir_config_domain_get_clock:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the clock settings.
 *
 * Returns: (transfer full) (nullable): the clock, or %NULL if missing
 */
GVirConfigDomainClock *
gvir_config_domain_get_clock (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainClock *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "clock",
                                            GVIR_CONFIG_TYPE_DOMAIN_CLOCK);
}

/**
 * gvir_config_domain_set_clock:
 * @domain: a #GVirConfigDomain
 * @klock: (nullable): the clock, or %NULL to remove it
 *
 * Replaces the clock settings. @klock becomes part of @domain's document.
 */
void
gvir_config_domain_set_clock (GVirConfigDomain *domain, GVirConfigDomainClock *klock)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (klock == NULL || GVIR_CONFIG_IS_DOMAIN_CLOCK (klock));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "clock", (GVirConfigObject *) klock);
}

/**
 * gvir_config_domain_get_power_management:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the guest power management settings (`<pm>`).
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL if missing
 */
GVirConfigDomainPowerManagement *
gvir_config_domain_get_power_management (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainPowerManagement *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "pm",
                                            GVIR_CONFIG_TYPE_DOMAIN_POWER_MANAGEMENT);
}

/**
 * gvir_config_domain_set_power_management:
 * @domain: a #GVirConfigDomain
 * @pm: (nullable): the settings, or %NULL to remove them
 *
 * Replaces the guest power management settings. @pm becomes part of
 * @domain's document.
 */
void
gvir_config_domain_set_power_management (GVirConfigDomain *domain,
                                         GVirConfigDomainPowerManagement *pm)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (pm == NULL || GVIR_CONFIG_IS_DOMAIN_POWER_MANAGEMENT (pm));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "pm", (GVirConfigObject *) pm);
}

/**
 * gvir_config_domain_get_cpu:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the guest CPU description.
 *
 * Returns: (transfer full) (nullable): the CPU, or %NULL if missing
 */
GVirConfigDomainCpu *
gvir_config_domain_get_cpu (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainCpu *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "cpu",
                                            GVIR_CONFIG_TYPE_DOMAIN_CPU);
}

/**
 * gvir_config_domain_set_cpu:
 * @domain: a #GVirConfigDomain
 * @cpu: (nullable): the CPU, or %NULL to remove it
 *
 * Replaces the guest CPU description. @cpu becomes part of @domain's document.
 */
void
gvir_config_domain_set_cpu (GVirConfigDomain *domain, GVirConfigDomainCpu *cpu)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (cpu == NULL || GVIR_CONFIG_IS_DOMAIN_CPU (cpu));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "cpu", (GVirConfigObject *) cpu);
}

/**
 * gvir_config_domain_get_seclabel:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the first security label.
 *
 * Returns: (transfer full) (nullable): the label, or %NULL if missing
 */
GVirConfigDomainSeclabel *
gvir_config_domain_get_seclabel (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainSeclabel *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "seclabel",
                                            GVIR_CONFIG_TYPE_DOMAIN_SECLABEL);
}

/**
 * gvir_config_domain_set_seclabel:
 * @domain: a #GVirConfigDomain
 * @seclabel: (nullable): the label, or %NULL to remove all labels
 *
 * Replaces the security labels. @seclabel becomes part of @domain's document.
 */
void
gvir_config_domain_set_seclabel (GVirConfigDomain *domain, GVirConfigDomainSeclabel *seclabel)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (seclabel == NULL || GVIR_CONFIG_IS_DOMAIN_SECLABEL (seclabel));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "seclabel",
                                     (GVirConfigObject *) seclabel);
}

static GVirConfigDomainLifecycleAction
lifecycle_default (GVirConfigDomainLifecycleEvent event)
{
  return event == GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT ? GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART
                                                         : GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY;
}

/**
 * gvir_config_domain_get_lifecycle:
 * @domain: a #GVirConfigDomain
 * @event: the guest event
 *
 * Gets what happens on @event.
 *
 * Returns: the action; libvirt's default (restart on reboot, destroy
 *   otherwise) if unset or unknown
 */
GVirConfigDomainLifecycleAction
gvir_config_domain_get_lifecycle (GVirConfigDomain *domain, GVirConfigDomainLifecycleEvent event)
{
  const char *node_name;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY);
  node_name = gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_LIFECYCLE_EVENT, event);
  g_return_val_if_fail (node_name != NULL, GVIR_CONFIG_DOMAIN_LIFECYCLE_DESTROY);

  return gvir_config_object_get_node_content_genum (GVIR_CONFIG_OBJECT (domain), node_name,
                                                    GVIR_CONFIG_TYPE_DOMAIN_LIFECYCLE_ACTION,
                                                    lifecycle_default (event));
}

/**
 * gvir_config_domain_set_lifecycle:
 * @domain: a #GVirConfigDomain
 * @event: the guest event
 * @action: what to do; the coredump actions are valid for
 *   %GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH only
 *
 * Sets what happens on @event.
 */
void
gvir_config_domain_set_lifecycle (GVirConfigDomain *domain,
                                  GVirConfigDomainLifecycleEvent event,
                                  GVirConfigDomainLifecycleAction action)
{
  const char *node_name;
  const char *value;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (event == GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_CRASH ||
                    (action != GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY &&
                     action != GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART));
  node_name = gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_LIFECYCLE_EVENT, event);
  value = gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_LIFECYCLE_ACTION, action);
  g_return_if_fail (node_name != NULL && value != NULL);

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (domain), node_name, value);
}

/* The element-name -> class mapping lives with the device classes. */
static GType
device_type_for_node (xmlNodePtr node)
{
  return gvir_config_domain_device_type_for_node (node);
}

/**
 * gvir_config_domain_get_devices:
 * @domain: a #GVirConfigDomain
 *
 * Gets live views of the devices. Each known device element comes back as
 * its own class (a disk as #GVirConfigDomainDisk, `<graphics type="vnc">`
 * as #GVirConfigDomainGraphicsVnc, ...); anything else, including device
 * kinds this library does not model, as a plain #GVirConfigDomainDevice,
 * so that gvir_config_domain_set_devices() keeps it.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.DomainDevice):
 *   the devices, in document order
 */
GList *
gvir_config_domain_get_devices (GVirConfigDomain *domain)
{
  GVirConfigObject *self;
  xmlNodePtr devices;
  GList *list = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  self = GVIR_CONFIG_OBJECT (domain);
  devices = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "devices");
  for (xmlNodePtr child = devices ? devices->children : NULL; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      list = g_list_prepend (list, gvir_config_object_new_view_without_schema (self, device_type_for_node (child),
                                                                               child));
  return g_list_reverse (list);
}

/**
 * gvir_config_domain_set_devices:
 * @domain: a #GVirConfigDomain
 * @devices: (nullable) (element-type LibvirtGConfig.DomainDevice): the new
 *   devices, or %NULL to remove `<devices>`
 *
 * Replaces all devices. The devices become part of @domain's document;
 * they may be the ones gvir_config_domain_get_devices() returned.
 */
void
gvir_config_domain_set_devices (GVirConfigDomain *domain, GList *devices)
{
  GVirConfigObject *self;
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  for (GList *l = devices; l != NULL; l = l->next)
    g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DEVICE (l->data));

  self = GVIR_CONFIG_OBJECT (domain);
  if (devices == NULL)
    {
      gvir_config_object_delete_children (self, "devices");
      return;
    }
  node = gvir_config_object_replace_child (self, "devices");
  for (GList *l = devices; l != NULL; l = l->next)
    gvir_config_object_attach_to_node (self, node, l->data);
}

/**
 * gvir_config_domain_add_device:
 * @domain: a #GVirConfigDomain
 * @device: the device to add
 *
 * Appends @device under `<devices>`, creating it if needed. @device
 * becomes part of @domain's document.
 */
void
gvir_config_domain_add_device (GVirConfigDomain *domain, GVirConfigDomainDevice *device)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_DEVICE (device));

  self = GVIR_CONFIG_OBJECT (domain);
  gvir_config_object_attach_to_node (self, gvir_config_object_ensure_child (self, "devices"),
                                     GVIR_CONFIG_OBJECT (device));
}

static void
set_namespace_recursive (xmlNodePtr node, xmlNsPtr ns, gboolean children)
{
  xmlSetNs (node, ns);
  if (!children)
    return;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && child->ns == NULL)
      set_namespace_recursive (child, ns, TRUE);
}

static gboolean
domain_set_custom_xml (GVirConfigDomain *domain, const gchar *xml,
                       const gchar *ns, const gchar *ns_uri,
                       gboolean ns_children, GError **error)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (domain);
  g_autoptr(GVirConfigObject) custom = NULL;
  xmlNodePtr metadata, node, iter;
  xmlNsPtr xml_ns;

  /* Parse in a document of its own: malformed XML leaves @domain untouched. */
  custom = gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_DEVICE, NULL, NULL, xml, error);
  if (custom == NULL)
    return FALSE;

  node = gvir_config_object_get_xml_node (custom);
  xml_ns = xmlNewNs (node, (const xmlChar *) ns_uri, (const xmlChar *) ns);
  if (xml_ns == NULL)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID,
                   "Could not declare the namespace prefix '%s' for %s", ns, ns_uri);
      return FALSE;
    }
  set_namespace_recursive (node, xml_ns, ns_children);

  /* A later call for the same namespace replaces the earlier entry. */
  metadata = gvir_config_object_ensure_child (self, "metadata");
  iter = metadata->children;
  while (iter != NULL)
    {
      xmlNodePtr next = iter->next;

      if (iter->type == XML_ELEMENT_NODE && iter->ns != NULL &&
          g_strcmp0 ((const char *) iter->ns->href, ns_uri) == 0)
        gvir_config_object_delete_node (self, iter);
      iter = next;
    }
  gvir_config_object_attach_to_node (self, metadata, custom);
  return TRUE;
}

/**
 * gvir_config_domain_set_custom_xml:
 * @domain: a #GVirConfigDomain
 * @xml: an XML element holding application data
 * @ns: the namespace prefix to use, such as "boxes"
 * @ns_uri: the namespace URI that identifies the application
 * @error: return location for a #GError, or %NULL
 *
 * Stores @xml under `<metadata>`, in namespace @ns_uri (applied to its root
 * element only). An earlier entry with the same @ns_uri is replaced.
 * Malformed @xml gives a #GVIR_CONFIG_ERROR_XML error and changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_set_custom_xml (GVirConfigDomain *domain, const gchar *xml,
                                   const gchar *ns, const gchar *ns_uri, GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), FALSE);
  g_return_val_if_fail (xml != NULL && ns != NULL && ns_uri != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return domain_set_custom_xml (domain, xml, ns, ns_uri, FALSE, error);
}

/**
 * gvir_config_domain_set_custom_xml_ns_children:
 * @domain: a #GVirConfigDomain
 * @xml: an XML element holding application data
 * @ns: the namespace prefix to use
 * @ns_uri: the namespace URI that identifies the application
 * @error: return location for a #GError, or %NULL
 *
 * Like gvir_config_domain_set_custom_xml(), but puts every element of @xml
 * that has no namespace of its own in @ns_uri.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_set_custom_xml_ns_children (GVirConfigDomain *domain, const gchar *xml,
                                               const gchar *ns, const gchar *ns_uri,
                                               GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), FALSE);
  g_return_val_if_fail (xml != NULL && ns != NULL && ns_uri != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return domain_set_custom_xml (domain, xml, ns, ns_uri, TRUE, error);
}

/**
 * gvir_config_domain_get_custom_xml:
 * @domain: a #GVirConfigDomain
 * @ns_uri: the namespace URI that identifies the application
 *
 * Gets the application data stored under `<metadata>` in @ns_uri.
 *
 * Returns: (transfer full) (nullable): the element serialised, or %NULL if
 *   there is none
 */
gchar *
gvir_config_domain_get_custom_xml (GVirConfigDomain *domain, const gchar *ns_uri)
{
  xmlNodePtr metadata;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);
  g_return_val_if_fail (ns_uri != NULL, NULL);

  metadata = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (domain)),
                                          "metadata");
  for (xmlNodePtr child = metadata ? metadata->children : NULL; child != NULL; child = child->next)
    {
      if (child->type == XML_ELEMENT_NODE && child->ns != NULL &&
          g_strcmp0 ((const char *) child->ns->href, ns_uri) == 0)
        {
          g_autoptr(GVirConfigObject) view =
            gvir_config_object_new_view (GVIR_CONFIG_OBJECT (domain), GVIR_CONFIG_TYPE_DOMAIN_DEVICE, child);

          return gvir_config_object_to_xml (view);
        }
    }
  return NULL;
}

/**
 * gvir_config_domain_get_numatune:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the NUMA memory placement, `<numatune>`.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL if missing
 */
GVirConfigDomainNumatune *
gvir_config_domain_get_numatune (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainNumatune *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "numatune", GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE);
}

/**
 * gvir_config_domain_set_numatune:
 * @domain: a #GVirConfigDomain
 * @numatune: (nullable): the settings, or %NULL to remove them
 *
 * Replaces the NUMA memory placement. @numatune becomes part of @domain's document.
 */
void
gvir_config_domain_set_numatune (GVirConfigDomain *domain, GVirConfigDomainNumatune *numatune)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (numatune == NULL || G_TYPE_CHECK_INSTANCE_TYPE (numatune, GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "numatune", (GVirConfigObject *) numatune);
}

/**
 * gvir_config_domain_get_cputune:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the CPU tuning, `<cputune>`.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL if missing
 */
GVirConfigDomainCputune *
gvir_config_domain_get_cputune (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainCputune *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "cputune", GVIR_CONFIG_TYPE_DOMAIN_CPUTUNE);
}

/**
 * gvir_config_domain_set_cputune:
 * @domain: a #GVirConfigDomain
 * @cputune: (nullable): the settings, or %NULL to remove them
 *
 * Replaces the CPU tuning. @cputune becomes part of @domain's document.
 */
void
gvir_config_domain_set_cputune (GVirConfigDomain *domain, GVirConfigDomainCputune *cputune)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (cputune == NULL || G_TYPE_CHECK_INSTANCE_TYPE (cputune, GVIR_CONFIG_TYPE_DOMAIN_CPUTUNE));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "cputune", (GVirConfigObject *) cputune);
}

/**
 * gvir_config_domain_get_memory_backing:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of how guest memory is backed, `<memoryBacking>`.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL if missing
 */
GVirConfigDomainMemoryBacking *
gvir_config_domain_get_memory_backing (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainMemoryBacking *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "memoryBacking", GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING);
}

/**
 * gvir_config_domain_set_memory_backing:
 * @domain: a #GVirConfigDomain
 * @backing: (nullable): the settings, or %NULL to remove them
 *
 * Replaces how guest memory is backed. @backing becomes part of @domain's document.
 */
void
gvir_config_domain_set_memory_backing (GVirConfigDomain *domain, GVirConfigDomainMemoryBacking *backing)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (backing == NULL || G_TYPE_CHECK_INSTANCE_TYPE (backing, GVIR_CONFIG_TYPE_DOMAIN_MEMORY_BACKING));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "memoryBacking", (GVirConfigObject *) backing);
}

/**
 * gvir_config_domain_get_memtune:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the memory tuning, `<memtune>`.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL if missing
 */
GVirConfigDomainMemtune *
gvir_config_domain_get_memtune (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainMemtune *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "memtune", GVIR_CONFIG_TYPE_DOMAIN_MEMTUNE);
}

/**
 * gvir_config_domain_set_memtune:
 * @domain: a #GVirConfigDomain
 * @memtune: (nullable): the settings, or %NULL to remove them
 *
 * Replaces the memory tuning. @memtune becomes part of @domain's document.
 */
void
gvir_config_domain_set_memtune (GVirConfigDomain *domain, GVirConfigDomainMemtune *memtune)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (memtune == NULL || G_TYPE_CHECK_INSTANCE_TYPE (memtune, GVIR_CONFIG_TYPE_DOMAIN_MEMTUNE));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "memtune", (GVirConfigObject *) memtune);
}

/**
 * gvir_config_domain_get_blkiotune:
 * @domain: a #GVirConfigDomain
 *
 * Gets a live view of the block I/O tuning, `<blkiotune>`.
 *
 * Returns: (transfer full) (nullable): the settings, or %NULL if missing
 */
GVirConfigDomainBlkiotune *
gvir_config_domain_get_blkiotune (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return (GVirConfigDomainBlkiotune *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (domain), "blkiotune", GVIR_CONFIG_TYPE_DOMAIN_BLKIOTUNE);
}

/**
 * gvir_config_domain_set_blkiotune:
 * @domain: a #GVirConfigDomain
 * @blkiotune: (nullable): the settings, or %NULL to remove them
 *
 * Replaces the block I/O tuning. @blkiotune becomes part of @domain's document.
 */
void
gvir_config_domain_set_blkiotune (GVirConfigDomain *domain, GVirConfigDomainBlkiotune *blkiotune)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (blkiotune == NULL || G_TYPE_CHECK_INSTANCE_TYPE (blkiotune, GVIR_CONFIG_TYPE_DOMAIN_BLKIOTUNE));

  gvir_config_object_attach_replace (GVIR_CONFIG_OBJECT (domain), "blkiotune", (GVirConfigObject *) blkiotune);
}

/**
 * gvir_config_domain_get_vcpu_placement:
 * @domain: a #GVirConfigDomain
 *
 * Gets how the vCPUs are placed on host CPUs, `<vcpu placement>`.
 *
 * Returns: the placement; %GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC (libvirt's
 *   default) if unset or unknown
 */
GVirConfigDomainPlacement
gvir_config_domain_get_vcpu_placement (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (domain), "vcpu", "placement",
                                                 GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT,
                                                 GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC);
}

/**
 * gvir_config_domain_set_vcpu_placement:
 * @domain: a #GVirConfigDomain
 * @placement: the placement
 *
 * Sets how the vCPUs are placed on host CPUs. With
 * %GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO libvirt ignores the cpuset.
 */
void
gvir_config_domain_set_vcpu_placement (GVirConfigDomain *domain, GVirConfigDomainPlacement placement)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT, placement) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (domain), "vcpu", "placement",
                                          GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT, placement);
}

/**
 * gvir_config_domain_get_vcpu_cpuset:
 * @domain: a #GVirConfigDomain
 *
 * Gets the host CPUs the vCPUs may run on by default, `<vcpu cpuset>`.
 *
 * Returns: (transfer none) (nullable): the cpuset, or %NULL if unset
 */
const gchar *
gvir_config_domain_get_vcpu_cpuset (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  return gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (domain), "vcpu", "cpuset");
}

/**
 * gvir_config_domain_set_vcpu_cpuset:
 * @domain: a #GVirConfigDomain
 * @cpuset: (nullable): host CPUs such as "0-3,^2", or %NULL to remove it
 * @error: return location for a #GError, or %NULL
 *
 * Sets the host CPUs the vCPUs may run on by default, written in
 * canonical form ("0-3,^2" becomes "0-1,3"). A malformed or empty cpuset
 * gives a #GVIR_CONFIG_ERROR_INVALID error and changes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_domain_set_vcpu_cpuset (GVirConfigDomain *domain, const gchar *cpuset, GError **error)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return gvir_config_object_set_attribute_nodeset (GVIR_CONFIG_OBJECT (domain), "vcpu", "cpuset",
                                                   cpuset, "cpuset", error);
}

/**
 * gvir_config_domain_get_current_vcpus:
 * @domain: a #GVirConfigDomain
 *
 * Gets the number of vCPUs online at boot, `<vcpu current>`.
 *
 * Returns: the count, or 0 if unset or invalid (all vCPUs are then online)
 */
guint64
gvir_config_domain_get_current_vcpus (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  return gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (domain), "vcpu", "current", 0);
}

/**
 * gvir_config_domain_set_current_vcpus:
 * @domain: a #GVirConfigDomain
 * @vcpu_count: the count, at most gvir_config_domain_get_vcpus(), or 0 to
 *   remove it
 *
 * Sets the number of vCPUs online at boot.
 */
void
gvir_config_domain_set_current_vcpus (GVirConfigDomain *domain, guint64 vcpu_count)
{
  GVirConfigObject *self;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  self = GVIR_CONFIG_OBJECT (domain);
  if (vcpu_count == 0)
    gvir_config_object_set_attribute (self, "vcpu", "current", NULL);
  else
    gvir_config_object_set_attribute_uint64 (self, "vcpu", "current", vcpu_count);
}

/**
 * gvir_config_domain_get_max_memory:
 * @domain: a #GVirConfigDomain
 *
 * Gets the memory the guest may grow to with memory hotplug,
 * `<maxMemory>`, converted to KiB.
 *
 * Returns: the memory in KiB, or 0 if unset or invalid
 */
guint64
gvir_config_domain_get_max_memory (GVirConfigDomain *domain)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  return gvir_config_object_get_child_kib (GVIR_CONFIG_OBJECT (domain), "maxMemory");
}

/**
 * gvir_config_domain_set_max_memory:
 * @domain: a #GVirConfigDomain
 * @memory: the memory in KiB, or 0 to remove `<maxMemory>`
 *
 * Sets the memory the guest may grow to with memory hotplug, written as
 * `<maxMemory unit="KiB">`; the slot count is kept.
 */
void
gvir_config_domain_set_max_memory (GVirConfigDomain *domain, guint64 memory)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  gvir_config_object_set_child_kib (GVIR_CONFIG_OBJECT (domain), "maxMemory", memory);
}

/**
 * gvir_config_domain_get_max_memory_slots:
 * @domain: a #GVirConfigDomain
 *
 * Gets the number of memory slots for hotplugged memory devices,
 * `<maxMemory slots>`.
 *
 * Returns: the slot count, or 0 if unset or invalid
 */
guint
gvir_config_domain_get_max_memory_slots (GVirConfigDomain *domain)
{
  guint64 slots;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  slots = gvir_config_object_get_attribute_uint64 (GVIR_CONFIG_OBJECT (domain), "maxMemory", "slots", 0);
  return slots > G_MAXUINT ? 0 : (guint) slots;
}

/**
 * gvir_config_domain_set_max_memory_slots:
 * @domain: a #GVirConfigDomain
 * @slots: the slot count
 *
 * Sets the number of memory slots for hotplugged memory devices. Set the
 * maximum memory too, with gvir_config_domain_set_max_memory().
 */
void
gvir_config_domain_set_max_memory_slots (GVirConfigDomain *domain, guint slots)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  gvir_config_object_set_attribute_uint64 (GVIR_CONFIG_OBJECT (domain), "maxMemory", "slots", slots);
}

/**
 * gvir_config_domain_get_iothreads:
 * @domain: a #GVirConfigDomain
 *
 * Gets the number of I/O threads, `<iothreads>`.
 *
 * Returns: the count, or 0 if unset or invalid
 */
guint
gvir_config_domain_get_iothreads (GVirConfigDomain *domain)
{
  guint64 count;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), 0);

  count = gvir_config_object_get_node_content_uint64 (GVIR_CONFIG_OBJECT (domain), "iothreads", 0);
  return count > G_MAXUINT ? 0 : (guint) count;
}

/**
 * gvir_config_domain_set_iothreads:
 * @domain: a #GVirConfigDomain
 * @iothreads: the count, or 0 to remove `<iothreads>`
 *
 * Sets the number of I/O threads that disks can be assigned to.
 */
void
gvir_config_domain_set_iothreads (GVirConfigDomain *domain, guint iothreads)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));

  if (iothreads == 0)
    gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (domain), "iothreads");
  else
    gvir_config_object_set_node_content_uint64 (GVIR_CONFIG_OBJECT (domain), "iothreads", iothreads);
}

/**
 * gvir_config_domain_get_resource_partition:
 * @domain: a #GVirConfigDomain
 *
 * Gets the resource partition (cgroup path) of the domain,
 * `<resource><partition>`.
 *
 * Returns: (transfer none) (nullable): the partition, or %NULL if unset
 */
const gchar *
gvir_config_domain_get_resource_partition (GVirConfigDomain *domain)
{
  xmlNodePtr resource;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), NULL);

  resource = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (domain)),
                                          "resource");
  return resource ? gvir_config_xml_node_get_text (gvir_config_xml_get_element (resource, "partition"))
                  : NULL;
}

/**
 * gvir_config_domain_set_resource_partition:
 * @domain: a #GVirConfigDomain
 * @partition: (nullable): an absolute partition path such as "/machine",
 *   or %NULL to remove it
 *
 * Sets the resource partition (cgroup path) of the domain. Removing the
 * partition removes `<resource>` too when nothing else is left in it.
 */
void
gvir_config_domain_set_resource_partition (GVirConfigDomain *domain, const gchar *partition)
{
  GVirConfigObject *self;
  xmlNodePtr resource, node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (domain));
  g_return_if_fail (partition == NULL || partition[0] == '/');

  self = GVIR_CONFIG_OBJECT (domain);
  resource = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "resource");
  if (partition == NULL)
    {
      if (resource == NULL)
        return;
      node = gvir_config_xml_get_element (resource, "partition");
      if (node != NULL)
        gvir_config_object_delete_node (self, node);
      if (xmlFirstElementChild (resource) == NULL)
        gvir_config_object_delete_node (self, resource);
      return;
    }
  if (resource == NULL)
    resource = gvir_config_object_ensure_child (self, "resource");
  node = gvir_config_xml_get_element (resource, "partition");
  if (node == NULL)
    node = xmlNewChild (resource, NULL, (const xmlChar *) "partition", NULL);
  xmlNodeSetContent (node, NULL);
  xmlNodeAddContent (node, (const xmlChar *) partition);
}

/* ---- NUMA validation ---- */

static gboolean
numa_error (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

static gboolean
numa_error (GError **error, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_INVALID, message);
  return FALSE;
}

/* Checks one cell's CPUs: within the vCPU count, in no other cell.
 * @owner maps a CPU to 1 + the id of the cell that has it. */
static gboolean
validate_cell_cpus (GVirConfigDomainNumaCell *cell, gint id, guint64 vcpus,
                    guint *owner, GError **error)
{
  const char *cpus = gvir_config_domain_numa_cell_get_cpus (cell);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local = NULL;

  if (cpus == NULL)
    return TRUE;
  ids = gvir_config_nodeset_parse (cpus, "cpus", &local);
  if (ids == NULL)
    return numa_error (error, "NUMA cell %d: %s", id, local->message);
  for (guint i = 0; i < ids->len; i++)
    {
      guint cpu = g_array_index (ids, guint, i);

      if (cpu >= vcpus)
        return numa_error (error, "NUMA cell %d has CPU %u, but the domain has only %" G_GUINT64_FORMAT
                           " vCPUs (<vcpu>)", id, cpu, vcpus);
      if (owner[cpu] != 0)
        return numa_error (error, "CPU %u is in NUMA cells %u and %d: cells must not overlap",
                           cpu, owner[cpu] - 1, id);
      owner[cpu] = (guint) id + 1;
    }
  return TRUE;
}

static gboolean
validate_cells (GList *cells, guint64 vcpus, GError **error)
{
  guint n = g_list_length (cells);
  g_autofree gboolean *seen = g_new0 (gboolean, n + 1);
  g_autofree guint *owner = g_new0 (guint, GVIR_CONFIG_NODESET_LIMIT);
  guint position = 0;

  for (GList *l = cells; l != NULL; l = l->next, position++)
    {
      GVirConfigDomainNumaCell *cell = l->data;
      gint id = gvir_config_domain_numa_cell_get_id (cell);

      if (id < 0 && gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (cell), NULL, "id") != NULL)
        return numa_error (error, "NUMA cell %u has an invalid id '%s'", position,
                           gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (cell), NULL, "id"));
      if (id < 0)
        id = (gint) position;
      if ((guint) id >= n)
        return numa_error (error, "NUMA cell id %d is out of range: with %u cells the ids must be 0 to %u",
                           id, n, n - 1);
      if (seen[id])
        return numa_error (error, "NUMA cell id %d is used twice", id);
      seen[id] = TRUE;
      if (gvir_config_domain_numa_cell_get_memory (cell) == 0)
        return numa_error (error, "NUMA cell %d has no valid memory size", id);
      if (!validate_cell_cpus (cell, id, vcpus, owner, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_nodeset_attr (GVirConfigObject *obj, const char *node_name, const char *attr,
                       const char *where, GError **error)
{
  const char *value = gvir_config_object_get_attribute (obj, node_name, attr);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) local = NULL;

  if (value == NULL)
    return TRUE;
  ids = gvir_config_nodeset_parse (value, attr, &local);
  if (ids == NULL)
    return numa_error (error, "%s: %s", where, local->message);
  return TRUE;
}

static gboolean
validate_memnodes (GVirConfigDomainNumatune *numatune, guint ncells,
                   GVirConfigDomainPlacement placement, GError **error)
{
  g_autolist(GVirConfigDomainNumatuneMemnode) memnodes = gvir_config_domain_numatune_get_memnodes (numatune);
  g_autofree gboolean *seen = g_new0 (gboolean, ncells + 1);

  if (memnodes != NULL && ncells == 0)
    return numa_error (error, "<numatune><memnode> needs guest NUMA cells in <cpu><numa>");
  if (memnodes != NULL && placement == GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO)
    return numa_error (error, "<numatune><memnode> is not allowed with automatic memory placement");
  for (GList *l = memnodes; l != NULL; l = l->next)
    {
      gint cellid = gvir_config_domain_numatune_memnode_get_cellid (l->data);

      if (cellid < 0)
        return numa_error (error, "<numatune><memnode> has no valid cellid");
      if ((guint) cellid >= ncells)
        return numa_error (error, "<numatune><memnode> cellid %d is out of range: the guest has %u NUMA cells",
                           cellid, ncells);
      if (seen[cellid])
        return numa_error (error, "<numatune><memnode> for cell %d appears twice", cellid);
      seen[cellid] = TRUE;
      if (gvir_config_domain_numatune_memnode_get_nodeset (l->data) == NULL)
        return numa_error (error, "<numatune><memnode> for cell %d has no nodeset", cellid);
      if (!validate_nodeset_attr (l->data, NULL, "nodeset", "<numatune><memnode>", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_numatune (GVirConfigDomain *domain, guint ncells, GError **error)
{
  g_autoptr(GVirConfigDomainNumatune) numatune = gvir_config_domain_get_numatune (domain);
  GVirConfigObject *obj;
  GVirConfigDomainPlacement placement;

  if (numatune == NULL)
    return TRUE;
  obj = GVIR_CONFIG_OBJECT (numatune);
  if (!validate_nodeset_attr (obj, "memory", "nodeset", "<numatune><memory>", error))
    return FALSE;
  /* libvirt: an explicit placement wins, a nodeset implies static, else
   * the memory follows <vcpu placement>. */
  if (gvir_config_object_get_attribute (obj, "memory", "placement") != NULL)
    placement = gvir_config_domain_numatune_get_memory_placement (numatune);
  else if (gvir_config_domain_numatune_get_memory_nodeset (numatune) != NULL)
    placement = GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC;
  else
    placement = gvir_config_domain_get_vcpu_placement (domain);
  if (gvir_config_object_has_child (obj, "memory") &&
      placement == GVIR_CONFIG_DOMAIN_PLACEMENT_STATIC &&
      gvir_config_domain_numatune_get_memory_nodeset (numatune) == NULL)
    return numa_error (error, "<numatune><memory> needs a nodeset when its placement is static");
  return validate_memnodes (numatune, ncells, placement, error);
}

/**
 * gvir_config_domain_validate_numa:
 * @domain: a #GVirConfigDomain
 * @error: return location for a #GError, or %NULL
 *
 * Checks the NUMA placement of the domain with libvirt's rules: guest
 * NUMA cell ids are 0 to n-1 without duplicates, every cell has a memory
 * size, no CPU is in two cells, cell CPUs are below the `<vcpu>` count,
 * cpusets and nodesets are well formed, a static `<numatune><memory>`
 * has a nodeset, and each `<memnode>` names an existing cell once, has a
 * nodeset and is not combined with automatic placement. The first
 * violation gives a #GVIR_CONFIG_ERROR_INVALID error.
 *
 * Returns: %TRUE if the placement is valid
 */
gboolean
gvir_config_domain_validate_numa (GVirConfigDomain *domain, GError **error)
{
  g_autoptr(GVirConfigDomainCpu) cpu = NULL;
  g_autolist(GVirConfigDomainNumaCell) cells = NULL;
  guint64 vcpus;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (domain), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* libvirt's default when <vcpu> is missing. */
  vcpus = gvir_config_object_has_child (GVIR_CONFIG_OBJECT (domain), "vcpu")
          ? gvir_config_domain_get_vcpus (domain) : 1;
  if (!validate_nodeset_attr (GVIR_CONFIG_OBJECT (domain), "vcpu", "cpuset", "<vcpu>", error))
    return FALSE;
  cpu = gvir_config_domain_get_cpu (domain);
  if (cpu != NULL)
    cells = gvir_config_domain_cpu_get_numa_cells (cpu);
  if (!validate_cells (cells, vcpus, error))
    return FALSE;
  return validate_numatune (domain, g_list_length (cells), error);
}
