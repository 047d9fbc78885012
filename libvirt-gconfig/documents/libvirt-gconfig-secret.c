/*
 * libvirt-gconfig-secret.c: a secret
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
#include "libvirt-gconfig/libvirt-gconfig-document-helpers-private.h"

/**
 * SECTION:libvirt-gconfig-secret
 * @title: GVirConfigSecret
 * @short_description: A secret
 *
 * A `<secret>` document: UUID, description, whether the secret is kept
 * in memory only (ephemeral) and hidden from clients (private), and what
 * uses it (`<usage>`). The secret value itself is never part of the XML.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirConfigSecret) secret = gvir_config_secret_new ();
 * gvir_config_secret_set_ephemeral (secret, FALSE);
 * gvir_config_secret_set_private (secret, TRUE);
 * gvir_config_secret_set_usage_type (secret, GVIR_CONFIG_SECRET_USAGE_TYPE_VOLUME);
 * gvir_config_secret_set_usage_volume (secret, "/var/lib/libvirt/images/luks.img");
 * ]|
 */

/**
 * GVirConfigSecret:
 *
 * A secret description.
 */
struct _GVirConfigSecret
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigSecret, gvir_config_secret, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_secret_class_init (GVirConfigSecretClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "secret",
                                     GVIR_CONFIG_SCHEMA_DIR "/secret.rng");
}

static void
gvir_config_secret_init (GVirConfigSecret *self)
{
}

/**
 * gvir_config_secret_new:
 *
 * Creates a #GVirConfigSecret holding an empty `<secret>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigSecret *
gvir_config_secret_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_SECRET, NULL);
}

/**
 * gvir_config_secret_new_from_xml:
 * @xml: an XML document whose root element is `<secret>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigSecret. Malformed XML or another root element
 * gives a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigSecret *
gvir_config_secret_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigSecret *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_SECRET, "secret", NULL,
                                                               xml, error);
}

/**
 * gvir_config_secret_get_ephemeral:
 * @secret: a #GVirConfigSecret
 *
 * Gets whether the secret is kept in memory only.
 *
 * Returns: %TRUE if the secret is kept in memory only; %FALSE if not or unset
 */
gboolean
gvir_config_secret_get_ephemeral (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (secret), NULL, "ephemeral", FALSE);
}

/**
 * gvir_config_secret_set_ephemeral:
 * @secret: a #GVirConfigSecret
 * @ephemeral: whether the secret is kept in memory only
 *
 * Sets whether the secret is kept in memory only, written as "yes" or "no".
 */
void
gvir_config_secret_set_ephemeral (GVirConfigSecret *secret, gboolean ephemeral)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (secret), NULL, "ephemeral", ephemeral);
}

/**
 * gvir_config_secret_get_private:
 * @secret: a #GVirConfigSecret
 *
 * Gets whether the secret value is hidden from clients.
 *
 * Returns: %TRUE if the secret value is hidden from clients; %FALSE if not or unset
 */
gboolean
gvir_config_secret_get_private (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), FALSE);

  return gvir_config_object_get_attribute_boolean (GVIR_CONFIG_OBJECT (secret), NULL, "private", FALSE);
}

/**
 * gvir_config_secret_set_private:
 * @secret: a #GVirConfigSecret
 * @private: whether the secret value is hidden from clients
 *
 * Sets whether the secret value is hidden from clients, written as "yes" or "no".
 */
void
gvir_config_secret_set_private (GVirConfigSecret *secret, gboolean private)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));

  gvir_config_object_set_attribute_boolean (GVIR_CONFIG_OBJECT (secret), NULL, "private", private);
}

/**
 * gvir_config_secret_get_description:
 * @secret: a #GVirConfigSecret
 *
 * Gets the description.
 *
 * Returns: (transfer none) (nullable): the description, or %NULL if unset
 */
const gchar *
gvir_config_secret_get_description (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (secret), "description");
}

/**
 * gvir_config_secret_set_description:
 * @secret: a #GVirConfigSecret
 * @description: (nullable): the description, or %NULL to remove it
 *
 * Sets the description.
 */
void
gvir_config_secret_set_description (GVirConfigSecret *secret, const gchar *description)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (secret), "description", description);
}

/**
 * gvir_config_secret_get_uuid:
 * @secret: a #GVirConfigSecret
 *
 * Gets the secret UUID.
 *
 * Returns: (transfer none) (nullable): the secret UUID, or %NULL if unset
 */
const gchar *
gvir_config_secret_get_uuid (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (secret), "uuid");
}

/**
 * gvir_config_secret_set_uuid:
 * @secret: a #GVirConfigSecret
 * @uuid: (nullable): the secret UUID, or %NULL to remove it
 *
 * Sets the secret UUID. @uuid must be a UUID such as
 * "c7a5fdbd-cdaf-9455-926a-d65c16db1809".
 */
void
gvir_config_secret_set_uuid (GVirConfigSecret *secret, const gchar *uuid)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));
  g_return_if_fail (uuid == NULL || gvir_config_doc_uuid_is_valid (uuid));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (secret), "uuid", uuid);
}

/**
 * gvir_config_secret_get_usage_type:
 * @secret: a #GVirConfigSecret
 *
 * Gets what kind of object uses the secret.
 *
 * Returns: what kind of object uses the secret; %GVIR_CONFIG_SECRET_USAGE_TYPE_NONE if unset or unknown
 */
GVirConfigSecretUsageType
gvir_config_secret_get_usage_type (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), GVIR_CONFIG_SECRET_USAGE_TYPE_NONE);

  return gvir_config_object_get_attribute_genum (GVIR_CONFIG_OBJECT (secret), "usage", "type",
                                                 GVIR_CONFIG_TYPE_SECRET_USAGE_TYPE, GVIR_CONFIG_SECRET_USAGE_TYPE_NONE);
}

/**
 * gvir_config_secret_set_usage_type:
 * @secret: a #GVirConfigSecret
 * @usage_type: what kind of object uses the secret
 *
 * Sets what kind of object uses the secret.
 */
void
gvir_config_secret_set_usage_type (GVirConfigSecret *secret, GVirConfigSecretUsageType usage_type)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));
  g_return_if_fail (gvir_config_genum_get_nick (GVIR_CONFIG_TYPE_SECRET_USAGE_TYPE, usage_type) != NULL);

  gvir_config_object_set_attribute_genum (GVIR_CONFIG_OBJECT (secret), "usage", "type", GVIR_CONFIG_TYPE_SECRET_USAGE_TYPE, usage_type);
}

static const char *
secret_get_usage_text (GVirConfigSecret *secret, const char *name)
{
  xmlNodePtr usage = gvir_config_xml_get_element (gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (secret)),
                                                  "usage");

  return gvir_config_xml_node_get_text (gvir_config_xml_get_element (usage, name));
}

/* Sets <usage><name>value</name></usage>, creating <usage> when needed;
 * NULL removes the child only. */
static void
secret_set_usage_text (GVirConfigSecret *secret, const char *name, const char *value)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (secret);
  xmlNodePtr usage = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self), "usage");
  xmlNodePtr child;

  if (usage == NULL && value == NULL)
    return;
  if (usage == NULL)
    usage = gvir_config_object_ensure_child (self, "usage");
  child = gvir_config_xml_get_element (usage, name);
  if (value == NULL)
    {
      if (child != NULL)
        gvir_config_object_delete_node (self, child);
      return;
    }
  if (child == NULL)
    child = xmlNewChild (usage, NULL, (const xmlChar *) name, NULL);
  xmlNodeSetContent (child, NULL);
  xmlNodeAddContent (child, (const xmlChar *) value);
}

/**
 * gvir_config_secret_get_usage_volume:
 * @secret: a #GVirConfigSecret
 *
 * Gets the path of the encrypted volume that uses the secret.
 *
 * Returns: (transfer none) (nullable): the volume path, or %NULL if unset
 */
const gchar *
gvir_config_secret_get_usage_volume (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), NULL);

  return secret_get_usage_text (secret, "volume");
}

/**
 * gvir_config_secret_set_usage_volume:
 * @secret: a #GVirConfigSecret
 * @volume: (nullable): the volume path, or %NULL to remove it
 *
 * Sets the path of the encrypted volume that uses the secret, for the
 * %GVIR_CONFIG_SECRET_USAGE_TYPE_VOLUME usage type.
 */
void
gvir_config_secret_set_usage_volume (GVirConfigSecret *secret, const gchar *volume)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));

  secret_set_usage_text (secret, "volume", volume);
}

/**
 * gvir_config_secret_get_usage_name:
 * @secret: a #GVirConfigSecret
 *
 * Gets the usage name, which identifies Ceph, TLS and vTPM secrets.
 *
 * Returns: (transfer none) (nullable): the usage name, or %NULL if unset
 */
const gchar *
gvir_config_secret_get_usage_name (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), NULL);

  return secret_get_usage_text (secret, "name");
}

/**
 * gvir_config_secret_set_usage_name:
 * @secret: a #GVirConfigSecret
 * @name: (nullable): the usage name, or %NULL to remove it
 *
 * Sets the usage name, which identifies Ceph, TLS and vTPM secrets.
 */
void
gvir_config_secret_set_usage_name (GVirConfigSecret *secret, const gchar *name)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));

  secret_set_usage_text (secret, "name", name);
}

/**
 * gvir_config_secret_get_usage_target:
 * @secret: a #GVirConfigSecret
 *
 * Gets the iSCSI target that uses the secret.
 *
 * Returns: (transfer none) (nullable): the target, or %NULL if unset
 */
const gchar *
gvir_config_secret_get_usage_target (GVirConfigSecret *secret)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_SECRET (secret), NULL);

  return secret_get_usage_text (secret, "target");
}

/**
 * gvir_config_secret_set_usage_target:
 * @secret: a #GVirConfigSecret
 * @target: (nullable): the iSCSI target, or %NULL to remove it
 *
 * Sets the iSCSI target that uses the secret, for the
 * %GVIR_CONFIG_SECRET_USAGE_TYPE_ISCSI usage type.
 */
void
gvir_config_secret_set_usage_target (GVirConfigSecret *secret, const gchar *target)
{
  g_return_if_fail (GVIR_CONFIG_IS_SECRET (secret));

  secret_set_usage_text (secret, "target", target);
}
