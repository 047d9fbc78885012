/*
 * gvir-remote-storage.c: storage pools and volumes over libvirt's RPC
 * protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The table addresses pools by UUID, the wire by a (name, UUID) pair and
 * volumes by (pool name, volume name, key). The server finds a volume's
 * pool by its name, so every call on a pool or a volume first looks the
 * pool up by UUID (and the volume by name) to build an exact reference.
 */
#include "config.h"

#include <string.h>

#include "gvir-remote-storage-private.h"
#include "gvir-remote-stream-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* libvirt's virConnectListAllStoragePoolsFlags used to learn the states. */
#define LIST_POOLS_ACTIVE (1u << 1)
#define LIST_POOLS_PERSISTENT (1u << 2)
#define LIST_POOLS_AUTOSTART (1u << 4)

/* ---- references ------------------------------------------------------------ */

static gboolean
parse_pool_uuid (const char  *uuid,
                 guint8       out[GVIR_RPC_UUID_LEN],
                 GError     **error)
{
  if (uuid != NULL && gvir_rpc_uuid_parse (uuid, out))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
               "invalid storage pool UUID '%s'", uuid ? uuid : "(null)");
  return FALSE;
}

/* Fills @pool (owned by the caller) with the wire reference of the pool
 * whose UUID is @uuid. */
static gboolean
pool_ref (gpointer             handle,
          const char          *uuid,
          GVirRpcStoragePool  *pool,
          GCancellable        *cancellable,
          GError             **error)
{
  GVirRpcStoragePoolLookupByUuidArgs args;
  GVirRpcStoragePoolRet ret;

  if (!parse_pool_uuid (uuid, args.uuid, error) ||
      !gvir_rpc_call_storage_pool_lookup_by_uuid (gvir_remote_handle_get_client (handle), &args,
                                                  &ret, cancellable, error))
    return FALSE;
  *pool = ret.pool;
  return TRUE;
}

/* Fills @vol (owned by the caller) with the wire reference of volume @name
 * of the pool whose UUID is @pool_uuid; the lookup also checks the name. */
static gboolean
vol_ref (gpointer            handle,
         const char         *pool_uuid,
         const char         *name,
         GVirRpcStorageVol  *vol,
         GCancellable       *cancellable,
         GError            **error)
{
  g_auto(GVirRpcStorageVolLookupByNameArgs) args = { .name = g_strdup (name) };
  GVirRpcStorageVolRet ret;

  if (!pool_ref (handle, pool_uuid, &args.pool, cancellable, error) ||
      !gvir_rpc_call_storage_vol_lookup_by_name (gvir_remote_handle_get_client (handle), &args,
                                                 &ret, cancellable, error))
    return FALSE;
  *vol = ret.vol;
  return TRUE;
}

/* ---- descriptions ------------------------------------------------------------ */

static GVirDriverStoragePool *
driver_pool_new (const GVirRpcStoragePool *pool,
                 gboolean                  active,
                 gboolean                  persistent,
                 gboolean                  autostart)
{
  GVirDriverStoragePool *out = g_new0 (GVirDriverStoragePool, 1);

  out->name = g_strdup (pool->name);
  out->uuid = gvir_rpc_uuid_format (pool->uuid);
  out->active = active;
  out->persistent = persistent;
  out->autostart = autostart;
  return out;
}

/* One pool with its state: three more calls. Its type would take its XML:
 * it stays unknown. */
static GVirDriverStoragePool *
describe_pool (gpointer                   handle,
               const GVirRpcStoragePool  *pool,
               GCancellable              *cancellable,
               GError                   **error)
{
  GVirRpcClient *client = gvir_remote_handle_get_client (handle);
  GVirRpcStoragePoolArgs args = { .pool = *pool };
  GVirRpcIntRet active, persistent, autostart;

  if (!gvir_rpc_call_storage_pool_is_active (client, &args, &active, cancellable, error) ||
      !gvir_rpc_call_storage_pool_is_persistent (client, &args, &persistent, cancellable, error) ||
      !gvir_rpc_call_storage_pool_get_autostart (client, &args, &autostart, cancellable, error))
    return NULL;
  return driver_pool_new (pool, active.value != 0, persistent.value != 0, autostart.value != 0);
}

/* For calls whose reply is one pool: clears @ret. */
static GVirDriverStoragePool *
describe_pool_ret (gpointer                handle,
                   gboolean                ok,
                   GVirRpcStoragePoolRet  *ret,
                   GCancellable           *cancellable,
                   GError                **error)
{
  GVirDriverStoragePool *out;

  if (!ok)
    return NULL;
  out = describe_pool (handle, &ret->pool, cancellable, error);
  gvir_rpc_storage_pool_ret_clear (ret);
  return out;
}

/* One volume with its path and sizes: two more calls. */
static GVirDriverStorageVol *
describe_vol (gpointer                  handle,
              const GVirRpcStorageVol  *vol,
              GCancellable             *cancellable,
              GError                  **error)
{
  GVirRpcClient *client = gvir_remote_handle_get_client (handle);
  GVirRpcStorageVolArgs args = { .vol = *vol };
  g_auto(GVirRpcStringRet) path = { 0 };
  GVirRpcStorageVolInfo info;
  GVirDriverStorageVol *out;

  if (!gvir_rpc_call_storage_vol_get_path (client, &args, &path, cancellable, error) ||
      !gvir_rpc_call_storage_vol_get_info (client, &args, &info, cancellable, error))
    return NULL;
  out = g_new0 (GVirDriverStorageVol, 1);
  out->name = g_strdup (vol->name);
  out->key = g_strdup (vol->key);
  out->path = g_steal_pointer (&path.value);
  out->type = info.type;
  out->capacity = info.capacity;
  out->allocation = info.allocation;
  return out;
}

/* ---- pools: listing and lookup ----------------------------------------------- */

/* The UUIDs (canonical strings) of the pools @flags selects. */
static GHashTable *
list_pool_uuids (GVirRpcClient  *client,
                 guint32         flags,
                 GCancellable   *cancellable,
                 GError        **error)
{
  GVirRpcConnectListAllStoragePoolsArgs args = { .need_results = 1, .flags = flags };
  g_auto(GVirRpcConnectListAllStoragePoolsRet) ret = { 0 };
  GHashTable *set;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_storage_pools (client, &args, &ret, cancellable, error))
    return NULL;
  set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; i < ret.n_pools; i++)
    g_hash_table_add (set, gvir_rpc_uuid_format (ret.pools[i].uuid));
  return set;
}

/* Four listings (all, active, persistent, autostart) rather than three
 * calls per pool;
 * a pool that changes between them is described as the later ones saw it. */
static GPtrArray *
remote_list_pools (gpointer       handle,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GVirRpcClient *client = gvir_remote_handle_get_client (handle);
  GVirRpcConnectListAllStoragePoolsArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllStoragePoolsRet) all = { 0 };
  g_autoptr(GHashTable) active = NULL;
  g_autoptr(GHashTable) persistent = NULL;
  g_autoptr(GHashTable) autostart = NULL;
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_storage_pools (client, &args, &all, cancellable, error) ||
      (active = list_pool_uuids (client, LIST_POOLS_ACTIVE, cancellable, error)) == NULL ||
      (persistent = list_pool_uuids (client, LIST_POOLS_PERSISTENT, cancellable, error)) == NULL ||
      (autostart = list_pool_uuids (client, LIST_POOLS_AUTOSTART, cancellable, error)) == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_storage_pool_free);
  for (i = 0; i < all.n_pools; i++)
    {
      g_autofree char *uuid = gvir_rpc_uuid_format (all.pools[i].uuid);

      g_ptr_array_add (out, driver_pool_new (&all.pools[i],
                                             g_hash_table_contains (active, uuid),
                                             g_hash_table_contains (persistent, uuid),
                                             g_hash_table_contains (autostart, uuid)));
    }
  return out;
}

static GVirDriverStoragePool *
remote_lookup_pool_by_uuid (gpointer       handle,
                            const char    *uuid,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_auto(GVirRpcStoragePool) pool = { 0 };

  if (!pool_ref (handle, uuid, &pool, cancellable, error))
    return NULL;
  return describe_pool (handle, &pool, cancellable, error);
}

/* ---- pools: state changes ---------------------------------------------------- */

typedef gboolean (*PoolXmlCallFunc) (GVirRpcClient *client, const GVirRpcXmlFlagsArgs *args,
                                     GVirRpcStoragePoolRet *ret, GCancellable *cancellable,
                                     GError **error);

/* A pool from a document (defined, or created and started). */
static GVirDriverStoragePool *
pool_from_xml (gpointer          handle,
               PoolXmlCallFunc   call,
               const char       *xml,
               guint             flags,
               GCancellable     *cancellable,
               GError          **error)
{
  GVirRpcXmlFlagsArgs args = { .xml = (char *) xml, .flags = flags };
  GVirRpcStoragePoolRet ret;
  gboolean ok;

  ok = call (gvir_remote_handle_get_client (handle), &args, &ret, cancellable, error);
  return describe_pool_ret (handle, ok, &ret, cancellable, error);
}

static GVirDriverStoragePool *
remote_define_pool (gpointer       handle,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return pool_from_xml (handle, gvir_rpc_call_storage_pool_define_xml, xml, flags, cancellable,
                        error);
}

static GVirDriverStoragePool *
remote_create_pool (gpointer       handle,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return pool_from_xml (handle, gvir_rpc_call_storage_pool_create_xml, xml, flags, cancellable,
                        error);
}

typedef gboolean (*PoolCallFunc) (GVirRpcClient *client, const GVirRpcStoragePoolArgs *args,
                                  GCancellable *cancellable, GError **error);
typedef gboolean (*PoolFlagsCallFunc) (GVirRpcClient *client,
                                       const GVirRpcStoragePoolFlagsArgs *args,
                                       GCancellable *cancellable, GError **error);

/* A call on one pool whose reply is empty. */
static gboolean
pool_action (gpointer        handle,
             PoolCallFunc    call,
             const char     *uuid,
             GCancellable   *cancellable,
             GError        **error)
{
  g_auto(GVirRpcStoragePoolArgs) args = { 0 };

  return pool_ref (handle, uuid, &args.pool, cancellable, error) &&
         call (gvir_remote_handle_get_client (handle), &args, cancellable, error);
}

/* The same with flags. */
static gboolean
pool_flags_action (gpointer            handle,
                   PoolFlagsCallFunc   call,
                   const char         *uuid,
                   guint               flags,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_auto(GVirRpcStoragePoolFlagsArgs) args = { .flags = flags };

  return pool_ref (handle, uuid, &args.pool, cancellable, error) &&
         call (gvir_remote_handle_get_client (handle), &args, cancellable, error);
}

static gboolean
remote_undefine_pool (gpointer       handle,
                      const char    *uuid,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return pool_action (handle, gvir_rpc_call_storage_pool_undefine, uuid, cancellable, error);
}

static gboolean
remote_build_pool (gpointer       handle,
                   const char    *uuid,
                   guint          flags,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return pool_flags_action (handle, gvir_rpc_call_storage_pool_build, uuid, flags,
                            cancellable, error);
}

static gboolean
remote_start_pool (gpointer       handle,
                   const char    *uuid,
                   guint          flags,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return pool_flags_action (handle, gvir_rpc_call_storage_pool_create, uuid, flags,
                            cancellable, error);
}

static gboolean
remote_stop_pool (gpointer       handle,
                  const char    *uuid,
                  GCancellable  *cancellable,
                  GError       **error)
{
  return pool_action (handle, gvir_rpc_call_storage_pool_destroy, uuid, cancellable, error);
}

static gboolean
remote_delete_pool (gpointer       handle,
                    const char    *uuid,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return pool_flags_action (handle, gvir_rpc_call_storage_pool_delete, uuid, flags,
                            cancellable, error);
}

static gboolean
remote_refresh_pool (gpointer       handle,
                     const char    *uuid,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return pool_flags_action (handle, gvir_rpc_call_storage_pool_refresh, uuid, flags,
                            cancellable, error);
}

static gboolean
remote_set_pool_autostart (gpointer       handle,
                           const char    *uuid,
                           gboolean       autostart,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(GVirRpcStoragePoolSetAutostartArgs) args = { .autostart = autostart ? 1 : 0 };

  return pool_ref (handle, uuid, &args.pool, cancellable, error) &&
         gvir_rpc_call_storage_pool_set_autostart (gvir_remote_handle_get_client (handle), &args,
                                                   cancellable, error);
}

/* ---- pools: queries ------------------------------------------------------------ */

static gboolean
remote_get_pool_info (gpointer                    handle,
                      const char                 *uuid,
                      GVirDriverStoragePoolInfo  *info,
                      GCancellable               *cancellable,
                      GError                    **error)
{
  g_auto(GVirRpcStoragePoolArgs) args = { 0 };
  GVirRpcStoragePoolInfo ret;

  if (!pool_ref (handle, uuid, &args.pool, cancellable, error) ||
      !gvir_rpc_call_storage_pool_get_info (gvir_remote_handle_get_client (handle), &args, &ret,
                                            cancellable, error))
    return FALSE;
  info->state = (int) ret.state;
  info->capacity = ret.capacity;
  info->allocation = ret.allocation;
  info->available = ret.available;
  return TRUE;
}

static char *
remote_get_pool_xml (gpointer       handle,
                     const char    *uuid,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_auto(GVirRpcStoragePoolFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!pool_ref (handle, uuid, &args.pool, cancellable, error) ||
      !gvir_rpc_call_storage_pool_get_xml_desc (gvir_remote_handle_get_client (handle), &args,
                                                &ret, cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

static gboolean
remote_get_pool_autostart (gpointer       handle,
                           const char    *uuid,
                           gboolean      *autostart,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(GVirRpcStoragePoolArgs) args = { 0 };
  GVirRpcIntRet ret;

  if (!pool_ref (handle, uuid, &args.pool, cancellable, error) ||
      !gvir_rpc_call_storage_pool_get_autostart (gvir_remote_handle_get_client (handle), &args,
                                                 &ret, cancellable, error))
    return FALSE;
  *autostart = ret.value != 0;
  return TRUE;
}

/* ---- volumes ------------------------------------------------------------------ */

static GPtrArray *
remote_list_volumes (gpointer       handle,
                     const char    *pool_uuid,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_auto(GVirRpcStoragePoolListAllVolumesArgs) args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcStoragePoolListAllVolumesRet) ret = { 0 };
  g_autoptr(GPtrArray) out = NULL;
  guint32 i;

  if (!pool_ref (handle, pool_uuid, &args.pool, cancellable, error) ||
      !gvir_rpc_call_storage_pool_list_all_volumes (gvir_remote_handle_get_client (handle), &args,
                                                    &ret, cancellable, error))
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_storage_vol_free);
  for (i = 0; i < ret.n_vols; i++)
    {
      GVirDriverStorageVol *vol = describe_vol (handle, &ret.vols[i], cancellable, error);

      if (vol == NULL)
        return NULL;
      g_ptr_array_add (out, vol);
    }
  return g_steal_pointer (&out);
}

static GVirDriverStorageVol *
remote_lookup_volume (gpointer       handle,
                      const char    *pool_uuid,
                      const char    *name,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(GVirRpcStorageVol) vol = { 0 };

  if (!vol_ref (handle, pool_uuid, name, &vol, cancellable, error))
    return NULL;
  return describe_vol (handle, &vol, cancellable, error);
}

static GVirDriverStorageVol *
remote_create_volume (gpointer       handle,
                      const char    *pool_uuid,
                      const char    *xml,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(GVirRpcStorageVolCreateXmlArgs) args = { .xml = g_strdup (xml), .flags = flags };
  g_auto(GVirRpcStorageVolRet) ret = { 0 };

  if (!pool_ref (handle, pool_uuid, &args.pool, cancellable, error) ||
      !gvir_rpc_call_storage_vol_create_xml (gvir_remote_handle_get_client (handle), &args, &ret,
                                             cancellable, error))
    return NULL;
  return describe_vol (handle, &ret.vol, cancellable, error);
}

static gboolean
remote_delete_volume (gpointer       handle,
                      const char    *pool_uuid,
                      const char    *name,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(GVirRpcStorageVolFlagsArgs) args = { .flags = flags };

  return vol_ref (handle, pool_uuid, name, &args.vol, cancellable, error) &&
         gvir_rpc_call_storage_vol_delete (gvir_remote_handle_get_client (handle), &args,
                                           cancellable, error);
}

static gboolean
remote_resize_volume (gpointer       handle,
                      const char    *pool_uuid,
                      const char    *name,
                      guint64        capacity,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_auto(GVirRpcStorageVolResizeArgs) args = { .capacity = capacity, .flags = flags };

  return vol_ref (handle, pool_uuid, name, &args.vol, cancellable, error) &&
         gvir_rpc_call_storage_vol_resize (gvir_remote_handle_get_client (handle), &args,
                                           cancellable, error);
}

static char *
remote_get_volume_xml (gpointer       handle,
                       const char    *pool_uuid,
                       const char    *name,
                       guint          flags,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_auto(GVirRpcStorageVolFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!vol_ref (handle, pool_uuid, name, &args.vol, cancellable, error) ||
      !gvir_rpc_call_storage_vol_get_xml_desc (gvir_remote_handle_get_client (handle), &args, &ret,
                                               cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

/* The volume's bytes travel as STREAM packets on the call's serial after
 * its REPLY: ours for an upload, the server's for a download. */
static gboolean
remote_upload_volume (gpointer           handle,
                      const char        *pool_uuid,
                      const char        *name,
                      GVirDriverStream  *stream,
                      guint64            offset,
                      guint64            length,
                      guint              flags,
                      GCancellable      *cancellable,
                      GError           **error)
{
  g_auto(GVirRpcStorageVolUploadArgs) args = { .offset = offset, .length = length,
                                               .flags = flags };
  g_autoptr(GByteArray) payload = NULL;

  if (!vol_ref (handle, pool_uuid, name, &args.vol, cancellable, error))
    return FALSE;
  payload = gvir_rpc_encode_storage_vol_upload_args (&args, error);
  return payload != NULL &&
         gvir_remote_open_stream (handle, stream, GVIR_RPC_PROC_STORAGE_VOL_UPLOAD, payload, NULL,
                                  cancellable, error);
}

static gboolean
remote_download_volume (gpointer           handle,
                        const char        *pool_uuid,
                        const char        *name,
                        GVirDriverStream  *stream,
                        guint64            offset,
                        guint64            length,
                        guint              flags,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_auto(GVirRpcStorageVolDownloadArgs) args = { .offset = offset, .length = length,
                                                 .flags = flags };
  g_autoptr(GByteArray) payload = NULL;

  if (!vol_ref (handle, pool_uuid, name, &args.vol, cancellable, error))
    return FALSE;
  payload = gvir_rpc_encode_storage_vol_download_args (&args, error);
  return payload != NULL &&
         gvir_remote_open_stream (handle, stream, GVIR_RPC_PROC_STORAGE_VOL_DOWNLOAD, payload,
                                  NULL, cancellable, error);
}

const GVirDriverStorageFuncs gvir_remote_storage_funcs = {
  .list_pools = remote_list_pools,
  .lookup_pool_by_uuid = remote_lookup_pool_by_uuid,
  .define_pool = remote_define_pool,
  .create_pool = remote_create_pool,
  .undefine_pool = remote_undefine_pool,
  .build_pool = remote_build_pool,
  .start_pool = remote_start_pool,
  .stop_pool = remote_stop_pool,
  .delete_pool = remote_delete_pool,
  .refresh_pool = remote_refresh_pool,
  .set_pool_autostart = remote_set_pool_autostart,
  .get_pool_info = remote_get_pool_info,
  .get_pool_xml = remote_get_pool_xml,
  .get_pool_autostart = remote_get_pool_autostart,
  .list_volumes = remote_list_volumes,
  .lookup_volume = remote_lookup_volume,
  .create_volume = remote_create_volume,
  .delete_volume = remote_delete_volume,
  .resize_volume = remote_resize_volume,
  .get_volume_xml = remote_get_volume_xml,
  .upload_volume = remote_upload_volume,
  .download_volume = remote_download_volume,
};
