/*
 * libvirt-gobject-storage-vol.c: a volume of a storage pool
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-storage-vol-private.h"
#include "libvirt-gobject/libvirt-gobject-stream-private.h"

/**
 * SECTION:libvirt-gobject-storage-vol
 * @title: GVirStorageVol
 * @short_description: a volume of a storage pool
 *
 * A #GVirStorageVol is a volume of a #GVirStoragePool, listed by
 * gvir_storage_pool_refresh() or made by gvir_storage_pool_create_volume().
 * It keeps neither its pool nor its connection alive.
 *
 * gvir_storage_vol_upload() and gvir_storage_vol_download() move the
 * volume's bytes through a #GVirStream:
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirStream) stream = gvir_connection_get_stream (conn, 0);
 * gchar buf[4096];
 * gssize n;
 *
 * if (!gvir_storage_vol_download (vol, stream, 0, 0, 0, &error))
 *   return FALSE;
 * while ((n = gvir_stream_receive (stream, buf, sizeof buf, NULL, &error)) > 0)
 *   fwrite (buf, 1, n, out);
 * ]|
 */

typedef struct
{
  GWeakRef conn;
  GWeakRef pool;
  char *pool_uuid;            /* immutable, like the rest */
  char *name;
  char *path;
  gint deleted;               /* atomic: set once by gvir_storage_vol_delete() */
} GVirStorageVolPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (GVirStorageVol, gvir_storage_vol, G_TYPE_OBJECT)

G_DEFINE_BOXED_TYPE (GVirStorageVolInfo, gvir_storage_vol_info,
                     gvir_storage_vol_info_copy, gvir_storage_vol_info_free)

/**
 * gvir_storage_vol_info_copy:
 * @info: a #GVirStorageVolInfo
 *
 * Makes a copy of @info.
 *
 * Returns: (transfer full): a copy of @info, free with gvir_storage_vol_info_free()
 */
GVirStorageVolInfo *
gvir_storage_vol_info_copy (const GVirStorageVolInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);

  return g_memdup2 (info, sizeof (GVirStorageVolInfo));
}

/**
 * gvir_storage_vol_info_free:
 * @info: (nullable): a #GVirStorageVolInfo
 *
 * Frees @info.
 */
void
gvir_storage_vol_info_free (GVirStorageVolInfo *info)
{
  g_free (info);
}

static GVirStorageVolPrivate *
vol_priv (GVirStorageVol *vol)
{
  return gvir_storage_vol_get_instance_private (vol);
}

static void
gvir_storage_vol_finalize (GObject *object)
{
  GVirStorageVolPrivate *priv = vol_priv (GVIR_STORAGE_VOL (object));

  g_weak_ref_clear (&priv->conn);
  g_weak_ref_clear (&priv->pool);
  g_free (priv->pool_uuid);
  g_free (priv->name);
  g_free (priv->path);
  G_OBJECT_CLASS (gvir_storage_vol_parent_class)->finalize (object);
}

enum
{
  PROP_0,
  PROP_POOL,
};

static void
gvir_storage_vol_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GVirStorageVolPrivate *priv = vol_priv (GVIR_STORAGE_VOL (object));

  switch (prop_id)
    {
    case PROP_POOL:
      g_value_take_object (value, g_weak_ref_get (&priv->pool));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_storage_vol_class_init (GVirStorageVolClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = gvir_storage_vol_finalize;
  object_class->get_property = gvir_storage_vol_get_property;

  /**
   * GVirStorageVol:pool:
   *
   * The pool of the volume, %NULL once nothing else keeps the pool alive
   * (the volume does not).
   */
  g_object_class_install_property (object_class, PROP_POOL,
    g_param_spec_object ("pool", "Pool", "The pool of the volume", GVIR_TYPE_STORAGE_POOL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
gvir_storage_vol_init (GVirStorageVol *vol)
{
  g_weak_ref_init (&vol_priv (vol)->conn, NULL);
  g_weak_ref_init (&vol_priv (vol)->pool, NULL);
}

GVirStorageVol *
_gvir_storage_vol_new (GVirConnection *conn, GVirStoragePool *pool,
                       const GVirDriverStorageVol *desc)
{
  GVirStorageVol *vol = g_object_new (GVIR_TYPE_STORAGE_VOL, NULL);
  GVirStorageVolPrivate *priv = vol_priv (vol);

  g_weak_ref_set (&priv->conn, conn);
  g_weak_ref_set (&priv->pool, pool);
  priv->pool_uuid = g_strdup (gvir_storage_pool_get_uuid (pool));
  priv->name = g_strdup (desc->name);
  priv->path = g_strdup (desc->path);
  return vol;
}

gboolean
_gvir_storage_vol_is_deleted (GVirStorageVol *vol)
{
  return g_atomic_int_get (&vol_priv (vol)->deleted) != 0;
}

GVirDriverConnection *
_gvir_storage_dup_driver (GWeakRef *weak_conn, GVirConnection **conn, GError **error)
{
  *conn = g_weak_ref_get (weak_conn);
  if (*conn == NULL)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                           "the storage object's connection is gone");
      return NULL;
    }
  return _gvir_connection_dup_driver (*conn, error);
}

static GVirDriverConnection *
vol_dup_driver (GVirStorageVol *vol, GVirConnection **conn, GError **error)
{
  return _gvir_storage_dup_driver (&vol_priv (vol)->conn, conn, error);
}

/**
 * gvir_storage_vol_get_name:
 * @vol: a #GVirStorageVol
 *
 * Gets the name of the volume, unique in its pool.
 *
 * Returns: (transfer none): the name
 */
const gchar *
gvir_storage_vol_get_name (GVirStorageVol *vol)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), NULL);

  return vol_priv (vol)->name;
}

/**
 * gvir_storage_vol_get_path:
 * @vol: a #GVirStorageVol
 * @error: return location for a #GError, or %NULL
 *
 * Gets the path of the volume on the host, as the driver described it
 * when the volume was listed or created.
 *
 * Returns: (transfer none) (nullable): the path, or %NULL with @error set
 *   when the driver gave none
 */
const gchar *
gvir_storage_vol_get_path (GVirStorageVol *vol, GError **error)
{
  GVirStorageVolPrivate *priv;

  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  priv = vol_priv (vol);
  if (priv->path == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                 "storage volume '%s' has no path", priv->name);
  return priv->path;
}

/**
 * gvir_storage_vol_get_config:
 * @vol: a #GVirStorageVol
 * @flags: libvirt's virStorageXMLFlags (0)
 * @err: return location for a #GError, or %NULL
 *
 * Gets the volume's definition, with its current sizes.
 *
 * Returns: (transfer full): the definition, or %NULL with @err set
 */
GVirConfigStorageVol *
gvir_storage_vol_get_config (GVirStorageVol *vol, guint flags, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autofree char *xml = NULL;

  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = vol_dup_driver (vol, &conn, err);
  if (drv != NULL)
    xml = gvir_driver_connection_get_volume_xml (drv, vol_priv (vol)->pool_uuid,
                                                 vol_priv (vol)->name, flags, NULL, err);
  return xml ? gvir_config_storage_vol_new_from_xml (xml, err) : NULL;
}

/**
 * gvir_storage_vol_get_info:
 * @vol: a #GVirStorageVol
 * @err: return location for a #GError, or %NULL
 *
 * Gets the volume's kind and sizes.
 *
 * Returns: (transfer full): the information, free with
 *   gvir_storage_vol_info_free(), or %NULL with @err set
 */
GVirStorageVolInfo *
gvir_storage_vol_get_info (GVirStorageVol *vol, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GVirDriverStorageVol) desc = NULL;
  GVirStorageVolInfo *info;

  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  drv = vol_dup_driver (vol, &conn, err);
  if (drv != NULL)
    desc = gvir_driver_connection_lookup_volume (drv, vol_priv (vol)->pool_uuid,
                                                 vol_priv (vol)->name, NULL, err);
  if (desc == NULL)
    return NULL;
  info = g_new0 (GVirStorageVolInfo, 1);
  info->type = (GVirStorageVolType) desc->type;
  info->capacity = desc->capacity;
  info->allocation = desc->allocation;
  return info;
}

/**
 * gvir_storage_vol_delete:
 * @vol: a #GVirStorageVol
 * @flags: libvirt's virStorageVolDeleteFlags (0 for a plain delete)
 * @err: return location for a #GError, or %NULL
 *
 * Deletes the volume; it leaves its pool's volume list.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_vol_delete (GVirStorageVol *vol, guint flags, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  GVirStorageVolPrivate *priv;

  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  priv = vol_priv (vol);
  drv = vol_dup_driver (vol, &conn, err);
  if (drv == NULL ||
      !gvir_driver_connection_delete_volume (drv, priv->pool_uuid, priv->name, flags, NULL, err))
    return FALSE;
  g_atomic_int_set (&priv->deleted, 1);
  return TRUE;
}

/**
 * gvir_storage_vol_resize:
 * @vol: a #GVirStorageVol
 * @capacity: the new capacity in bytes (or the change, with
 *   %GVIR_STORAGE_VOL_RESIZE_DELTA)
 * @flags: #GVirStorageVolResizeFlags
 * @err: return location for a #GError, or %NULL
 *
 * Changes the volume's capacity. Making it smaller needs
 * %GVIR_STORAGE_VOL_RESIZE_SHRINK; without it, the call fails with
 * %GVIR_ERROR_INVALID_ARGUMENT and the volume is unchanged.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_vol_resize (GVirStorageVol *vol, guint64 capacity, guint flags, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;

  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  drv = vol_dup_driver (vol, &conn, err);
  return drv != NULL &&
         gvir_driver_connection_resize_volume (drv, vol_priv (vol)->pool_uuid,
                                               vol_priv (vol)->name, capacity, flags, NULL, err);
}

/* The driver call that opens a transfer of the volume's bytes on a stream. */
typedef gboolean (*VolTransferFunc) (GVirDriverConnection *conn, const char *pool_uuid,
                                     const char *name, GVirDriverStream *stream, guint64 offset,
                                     guint64 length, guint flags, GCancellable *cancellable,
                                     GError **error);

/* What upload and download share: a stream that may still be used, the
 * volume's connection, then the driver's transfer call. */
static gboolean
vol_transfer (GVirStorageVol *vol, GVirStream *stream, VolTransferFunc transfer,
              guint64 offset, guint64 length, guint flags, GError **err)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  GVirDriverStream *handle = _gvir_stream_get_usable_driver_stream (stream, err);

  if (handle != NULL)
    drv = vol_dup_driver (vol, &conn, err);
  return drv != NULL &&
         transfer (drv, vol_priv (vol)->pool_uuid, vol_priv (vol)->name, handle, offset, length,
                   flags, NULL, err);
}

/**
 * gvir_storage_vol_download:
 * @vol: a #GVirStorageVol
 * @stream: a new stream from gvir_connection_get_stream() on the volume's
 *   connection, which receives the bytes
 * @offset: where in the volume to start, in bytes
 * @length: how many bytes to send, 0 for all up to the end of the volume
 * @flags: libvirt's virStorageVolDownloadFlags (0: sparse streams are not
 *   supported)
 * @err: return location for a #GError, or %NULL
 *
 * Starts sending @length bytes of the volume from @offset into @stream.
 * Read them with gvir_stream_receive(), gvir_stream_receive_all() or the
 * stream's #GInputStream until the end of the data, then close the stream.
 * On the test driver, a range that leaves the volume fails with
 * %GVIR_ERROR_INVALID_ARGUMENT; through the remote driver the daemon
 * decides (libvirtd's dir pools send no bytes past the end). As with
 * libvirt, a read-only connection may not download (%GVIR_ERROR_READ_ONLY).
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_vol_download (GVirStorageVol *vol, GVirStream *stream, guint64 offset,
                           guint64 length, guint flags, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), FALSE);
  g_return_val_if_fail (GVIR_IS_STREAM (stream), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return vol_transfer (vol, stream, gvir_driver_connection_download_volume, offset, length,
                       flags, err);
}

/**
 * gvir_storage_vol_upload:
 * @vol: a #GVirStorageVol
 * @stream: a new stream from gvir_connection_get_stream() on the volume's
 *   connection, which carries the bytes
 * @offset: where in the volume to start writing, in bytes
 * @length: how many bytes at most, 0 for up to the end of the volume
 * @flags: libvirt's virStorageVolUploadFlags (0: sparse streams are not
 *   supported)
 * @err: return location for a #GError, or %NULL
 *
 * Starts writing what is sent on @stream into the volume from @offset.
 * Send the bytes with gvir_stream_send(), gvir_stream_send_all() or the
 * stream's #GOutputStream, then close the stream (g_io_stream_close()) to
 * complete the upload. On the test driver, a range that leaves the volume
 * fails with %GVIR_ERROR_INVALID_ARGUMENT, and so does sending more than it
 * holds; through the remote driver the daemon decides (libvirtd's dir pools
 * grow the volume's file). A read-only connection fails with
 * %GVIR_ERROR_READ_ONLY.
 *
 * Returns: %TRUE on success, %FALSE with @err set
 */
gboolean
gvir_storage_vol_upload (GVirStorageVol *vol, GVirStream *stream, guint64 offset,
                         guint64 length, guint flags, GError **err)
{
  g_return_val_if_fail (GVIR_IS_STORAGE_VOL (vol), FALSE);
  g_return_val_if_fail (GVIR_IS_STREAM (stream), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return vol_transfer (vol, stream, gvir_driver_connection_upload_volume, offset, length,
                       flags, err);
}
