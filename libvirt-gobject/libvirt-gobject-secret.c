/*
 * libvirt-gobject-secret.c: a secret known to a connection
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-secret.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-secret-private.h"

/**
 * SECTION:libvirt-gobject-secret
 * @title: GVirSecret
 * @short_description: A secret kept by the host
 *
 * A #GVirSecret stands for one secret of the host of a #GVirConnection
 * (the passphrase of an encrypted volume, a Ceph or iSCSI key...), as
 * libvirt's secret API sees it. libvirt-glib declares the class but gives
 * no way to obtain one; ours come from gvir_connection_fetch_secrets()
 * (our own addition), which keeps exactly one #GVirSecret per UUID. Its
 * definition, never its value, is read with gvir_secret_get_config().
 *
 * libvirt's test driver keeps no secrets: on test:/// connections, and on
 * remote ones whose daemon has no secret driver, fetching them fails with
 * %GVIR_ERROR_NOT_SUPPORTED.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirSecret) secret = gvir_connection_get_secret (conn, uuid);
 *
 * if (secret != NULL)
 *   g_print ("%s\n", gvir_secret_get_usage_id (secret));
 * ]|
 */

typedef struct
{
  GWeakRef connection;
  GVirDriverSecret *identity;   /* immutable after construction: libvirt
                                 * refuses to change a secret's usage */
} GVirSecretPrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirSecret, gvir_secret, G_TYPE_OBJECT)

static void
gvir_secret_dispose (GObject *object)
{
  GVirSecretPrivate *priv = gvir_secret_get_instance_private (GVIR_SECRET (object));

  g_weak_ref_set (&priv->connection, NULL);
  G_OBJECT_CLASS (gvir_secret_parent_class)->dispose (object);
}

static void
gvir_secret_finalize (GObject *object)
{
  GVirSecretPrivate *priv = gvir_secret_get_instance_private (GVIR_SECRET (object));

  g_weak_ref_clear (&priv->connection);
  g_clear_pointer (&priv->identity, gvir_driver_secret_free);
  G_OBJECT_CLASS (gvir_secret_parent_class)->finalize (object);
}

static void
gvir_secret_class_init (GVirSecretClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = gvir_secret_dispose;
  object_class->finalize = gvir_secret_finalize;
}

static void
gvir_secret_init (GVirSecret *self)
{
  GVirSecretPrivate *priv = gvir_secret_get_instance_private (self);

  g_weak_ref_init (&priv->connection, NULL);
}

GVirSecret *
_gvir_secret_new (GVirConnection *conn, const GVirDriverSecret *secret)
{
  GVirSecret *self = g_object_new (GVIR_TYPE_SECRET, NULL);
  GVirSecretPrivate *priv = gvir_secret_get_instance_private (self);

  g_weak_ref_set (&priv->connection, conn);
  priv->identity = gvir_driver_secret_copy (secret);
  return self;
}

static const GVirDriverSecret *
identity_of (GVirSecret *secret)
{
  return ((GVirSecretPrivate *) gvir_secret_get_instance_private (secret))->identity;
}

/**
 * gvir_secret_get_uuid:
 * @secret: a #GVirSecret
 *
 * Gets the UUID of the secret, in its canonical lower-case form. Does not
 * block.
 *
 * Returns: (transfer none): the UUID, valid as long as @secret
 */
const gchar *
gvir_secret_get_uuid (GVirSecret *secret)
{
  g_return_val_if_fail (GVIR_IS_SECRET (secret), NULL);

  return identity_of (secret)->uuid;
}

/**
 * gvir_secret_get_usage_type:
 * @secret: a #GVirSecret
 *
 * Gets what the secret is for, as the host listed it. Does not block. Not
 * in libvirt-glib.
 *
 * Returns: the usage type (%GVIR_CONFIG_SECRET_USAGE_TYPE_NONE for a
 *   secret tied to nothing)
 */
GVirConfigSecretUsageType
gvir_secret_get_usage_type (GVirSecret *secret)
{
  g_return_val_if_fail (GVIR_IS_SECRET (secret), GVIR_CONFIG_SECRET_USAGE_TYPE_NONE);

  return (GVirConfigSecretUsageType) identity_of (secret)->usage_type;
}

/**
 * gvir_secret_get_usage_id:
 * @secret: a #GVirSecret
 *
 * Gets the object the secret is for: the path of a volume, or the name of
 * a Ceph, iSCSI, TLS or vTPM usage. Does not block. Not in libvirt-glib.
 *
 * Returns: (transfer none) (nullable): the usage id, valid as long as
 *   @secret; %NULL for a secret tied to nothing
 */
const gchar *
gvir_secret_get_usage_id (GVirSecret *secret)
{
  const GVirDriverSecret *id;

  g_return_val_if_fail (GVIR_IS_SECRET (secret), NULL);

  id = identity_of (secret);
  /* libvirt lists an unused secret with an empty usage id */
  return (id->usage_id == NULL || id->usage_id[0] == '\0') ? NULL : id->usage_id;
}

/**
 * gvir_secret_get_config:
 * @secret: a #GVirSecret
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Reads the secret's definition from the host (its value is never part
 * of it).
 *
 * Returns: (transfer full): the definition, or %NULL with @err set
 *   (%GVIR_ERROR_NOT_FOUND when the secret no longer exists,
 *   %GVIR_ERROR_CONNECTION_CLOSED when the connection is closed)
 */
GVirConfigSecret *
gvir_secret_get_config (GVirSecret *secret, guint flags, GError **err)
{
  GVirSecretPrivate *priv;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigSecret *conf;

  g_return_val_if_fail (GVIR_IS_SECRET (secret), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  priv = gvir_secret_get_instance_private (secret);
  conn = g_weak_ref_get (&priv->connection);
  if (conn == NULL)
    {
      g_set_error (err, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                   "secret %s: its connection no longer exists", priv->identity->uuid);
      return NULL;
    }
  drv = _gvir_connection_dup_driver (conn, err);
  if (drv == NULL)
    return NULL;
  xml = gvir_driver_connection_get_secret_xml (drv, priv->identity, flags, NULL, err);
  if (xml == NULL)
    return NULL;
  conf = gvir_config_secret_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    g_set_error (err, GVIR_ERROR, GVIR_ERROR_XML,
                 "the description of secret '%s' is not valid XML: %s", priv->identity->uuid,
                 parse_error->message);
  return conf;
}
