/*
 * gvird-dispatch-storage.c: the remote program's storage pool and volume
 * procedures on top of the driver's storage table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The wire names a pool by name and UUID (libvirtd looks it up by UUID)
 * and a volume by its pool's name and its own name; the table wants the
 * pool's UUID, so a volume call finds its pool by name first. A missing
 * pool is libvirt's VIR_ERR_NO_STORAGE_POOL, a missing volume
 * VIR_ERR_NO_STORAGE_VOL.
 */
#include "config.h"

#include <string.h>

#include "gvird-dispatch-private.h"
#include "libvirt-gobject/drivers/gvir-driver-storage-private.h"

/* libvirt's virConnectListAllStoragePoolsFlags: three groups of two, then
 * one bit per pool type (POOL_TYPE_FLAGS). */
enum
{
  LIST_POOLS_INACTIVE = 1 << 0,
  LIST_POOLS_ACTIVE = 1 << 1,
  LIST_POOLS_PERSISTENT = 1 << 2,
  LIST_POOLS_TRANSIENT = 1 << 3,
  LIST_POOLS_AUTOSTART = 1 << 4,
  LIST_POOLS_NO_AUTOSTART = 1 << 5,
};

/* The type bits and the type names of libvirt's pool XML. The bits do not
 * follow libvirt's virStoragePoolType order (iscsi-direct came last). */
static const struct
{
  guint32 flag;
  const char *type;
} POOL_TYPE_FLAGS[] = {
  { 1 << 6, "dir" },
  { 1 << 7, "fs" },
  { 1 << 8, "netfs" },
  { 1 << 9, "logical" },
  { 1 << 10, "disk" },
  { 1 << 11, "iscsi" },
  { 1 << 12, "scsi" },
  { 1 << 13, "mpath" },
  { 1 << 14, "rbd" },
  { 1 << 15, "sheepdog" },
  { 1 << 16, "gluster" },
  { 1 << 17, "zfs" },
  { 1 << 18, "vstorage" },
  { 1 << 19, "iscsi-direct" },
};
#define LIST_POOLS_TYPES (((1u << 20) - 1) & ~((1u << 6) - 1))
/* Every bit libvirt 9.0 knows; its test driver refuses the others. */
#define LIST_POOLS_ALL ((1u << 20) - 1)

static void
pool_fill (GVirRpcStoragePool          *out,
           const GVirDriverStoragePool *pool)
{
  out->name = g_strdup (pool->name);
  if (!gvir_rpc_uuid_parse (pool->uuid, out->uuid))
    memset (out->uuid, 0, sizeof out->uuid);
}

/* Fills a pool reply from a driver pool, which it frees. */
static gboolean
pool_reply (GVirDriverStoragePool *pool,
            GVirRpcStoragePool    *out)
{
  if (pool == NULL)
    return FALSE;
  pool_fill (out, pool);
  gvir_driver_storage_pool_free (pool);
  return TRUE;
}

/* The UUID string of a wire pool; from here on a missing object is a pool. */
static char *
pool_uuid (GvirdCall                *call,
           const GVirRpcStoragePool *pool)
{
  call->not_found = GVIR_RPC_ERR_NO_STORAGE_POOL;
  return gvird_uuid_string (pool->uuid);
}

static GVirDriverStoragePool *
pool_by_name (GvirdCall   *call,
              const char  *name,
              GError     **error)
{
  g_autoptr (GPtrArray) pools = NULL;
  guint i;

  call->not_found = GVIR_RPC_ERR_NO_STORAGE_POOL;
  pools = gvir_driver_connection_list_pools (call->conn, NULL, error);
  if (pools == NULL)
    return NULL;
  for (i = 0; i < pools->len; i++)
    {
      const GVirDriverStoragePool *pool = pools->pdata[i];

      if (g_str_equal (pool->name, name))
        return gvir_driver_storage_pool_copy (pool);
    }
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
               "Storage pool not found: no storage pool with matching name '%s'", name);
  return NULL;
}

/* The UUID string of a wire volume's pool (NULL with an error); from
 * here on a missing object is a volume. */
static char *
vol_pool_uuid (GvirdCall               *call,
               const GVirRpcStorageVol *vol,
               GError                 **error)
{
  g_autoptr (GVirDriverStoragePool) pool = pool_by_name (call, vol->pool, error);

  if (pool == NULL)
    return NULL;
  call->not_found = GVIR_RPC_ERR_NO_STORAGE_VOL;
  return g_strdup (pool->uuid);
}

static void
vol_fill (GVirRpcStorageVol          *out,
          const char                 *pool_name,
          const GVirDriverStorageVol *vol)
{
  out->pool = g_strdup (pool_name);
  out->name = g_strdup (vol->name);
  out->key = g_strdup (vol->key != NULL ? vol->key : "");
}

static GVirDriverStorageVol *
vol_lookup (GvirdCall               *call,
            const GVirRpcStorageVol *vol,
            GError                 **error)
{
  g_autofree char *uuid = vol_pool_uuid (call, vol, error);

  if (uuid == NULL)
    return NULL;
  return gvir_driver_connection_lookup_volume (call->conn, uuid, vol->name, NULL, error);
}

/* ---- pools: lookups and lists ------------------------------------------------ */

static gboolean
h_pool_lookup_by_name (gpointer data, const GVirRpcStoragePoolLookupByNameArgs *args,
                       GVirRpcStoragePoolRet *ret, GError **error)
{
  return pool_reply (pool_by_name (data, args->name, error), &ret->pool);
}

static gboolean
h_pool_lookup_by_uuid (gpointer data, const GVirRpcStoragePoolLookupByUuidArgs *args,
                       GVirRpcStoragePoolRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = NULL;

  call->not_found = GVIR_RPC_ERR_NO_STORAGE_POOL;
  uuid = gvird_uuid_string (args->uuid);
  return pool_reply (gvir_driver_connection_lookup_pool_by_uuid (call->conn, uuid, NULL, error),
                     &ret->pool);
}

/* The type bit of @pool; 0 when its type is unknown or has no bit. */
static guint32
pool_type_flag (const GVirDriverStoragePool *pool)
{
  guint i;

  if (pool->type == NULL)
    return 0;
  for (i = 0; i < G_N_ELEMENTS (POOL_TYPE_FLAGS); i++)
    if (g_str_equal (pool->type, POOL_TYPE_FLAGS[i].type))
      return POOL_TYPE_FLAGS[i].flag;
  return 0;
}

/* Whether @pool passes the list filter @flags: within each group of
 * flags, none set means "any", and any set bit that fits matches. */
static gboolean
pool_filter_accepts (const GVirDriverStoragePool *pool,
                     guint32                      flags)
{
  guint32 group = flags & (LIST_POOLS_ACTIVE | LIST_POOLS_INACTIVE);

  if (group != 0 && !(group & (pool->active ? LIST_POOLS_ACTIVE : LIST_POOLS_INACTIVE)))
    return FALSE;
  group = flags & (LIST_POOLS_PERSISTENT | LIST_POOLS_TRANSIENT);
  if (group != 0 && !(group & (pool->persistent ? LIST_POOLS_PERSISTENT : LIST_POOLS_TRANSIENT)))
    return FALSE;
  group = flags & (LIST_POOLS_AUTOSTART | LIST_POOLS_NO_AUTOSTART);
  if (group != 0 && !(group & (pool->autostart ? LIST_POOLS_AUTOSTART : LIST_POOLS_NO_AUTOSTART)))
    return FALSE;
  group = flags & LIST_POOLS_TYPES;
  return group == 0 || (group & pool_type_flag (pool)) != 0;
}

static gboolean
h_list_all_pools (gpointer data, const GVirRpcConnectListAllStoragePoolsArgs *args,
                  GVirRpcConnectListAllStoragePoolsRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autoptr (GPtrArray) pools = NULL;
  guint i, n = 0;

  if (args->flags & ~LIST_POOLS_ALL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "unsupported flags (0x%x)",
                   args->flags & ~LIST_POOLS_ALL);
      return FALSE;
    }
  pools = gvir_driver_connection_list_pools (call->conn, NULL, error);
  if (pools == NULL)
    return FALSE;
  ret->pools = g_new0 (GVirRpcStoragePool, MAX (pools->len, 1));
  for (i = 0; i < pools->len && n < GVIR_RPC_STORAGE_POOL_LIST_MAX; i++)
    if (pool_filter_accepts (pools->pdata[i], args->flags))
      {
        if (args->need_results)
          pool_fill (&ret->pools[ret->n_pools++], pools->pdata[i]);
        n++;
      }
  ret->ret = n;
  return TRUE;
}

/* ---- pools: queries ---------------------------------------------------------- */

static gboolean
h_pool_get_info (gpointer data, const GVirRpcStoragePoolArgs *args, GVirRpcStoragePoolInfo *ret,
                 GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = pool_uuid (call, &args->pool);
  GVirDriverStoragePoolInfo info = { 0 };

  if (!gvir_driver_connection_get_pool_info (call->conn, uuid, &info, NULL, error))
    return FALSE;
  ret->state = info.state;
  ret->capacity = info.capacity;
  ret->allocation = info.allocation;
  ret->available = info.available;
  return TRUE;
}

static gboolean
h_pool_get_xml_desc (gpointer data, const GVirRpcStoragePoolFlagsArgs *args,
                     GVirRpcStringRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = pool_uuid (call, &args->pool);

  ret->value = gvir_driver_connection_get_pool_xml (call->conn, uuid, args->flags, NULL, error);
  return ret->value != NULL;
}

static gboolean
h_pool_get_autostart (gpointer data, const GVirRpcStoragePoolArgs *args, GVirRpcIntRet *ret,
                      GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = pool_uuid (call, &args->pool);
  gboolean autostart = FALSE;

  if (!gvir_driver_connection_get_pool_autostart (call->conn, uuid, &autostart, NULL, error))
    return FALSE;
  ret->value = autostart ? 1 : 0;
  return TRUE;
}

static GVirDriverStoragePool *
pool_lookup (GvirdCall                *call,
             const GVirRpcStoragePool *pool,
             GError                  **error)
{
  g_autofree char *uuid = pool_uuid (call, pool);

  return gvir_driver_connection_lookup_pool_by_uuid (call->conn, uuid, NULL, error);
}

static gboolean
h_pool_is_active (gpointer data, const GVirRpcStoragePoolArgs *args, GVirRpcIntRet *ret,
                  GError **error)
{
  g_autoptr (GVirDriverStoragePool) pool = pool_lookup (data, &args->pool, error);

  if (pool == NULL)
    return FALSE;
  ret->value = pool->active ? 1 : 0;
  return TRUE;
}

static gboolean
h_pool_is_persistent (gpointer data, const GVirRpcStoragePoolArgs *args, GVirRpcIntRet *ret,
                      GError **error)
{
  g_autoptr (GVirDriverStoragePool) pool = pool_lookup (data, &args->pool, error);

  if (pool == NULL)
    return FALSE;
  ret->value = pool->persistent ? 1 : 0;
  return TRUE;
}

/* ---- pools: changes ------------------------------------------------------------ */

typedef GVirDriverStoragePool *(*PoolFromXmlFunc) (GVirDriverConnection *conn, const char *xml,
                                                   guint flags, GCancellable *cancellable,
                                                   GError **error);

/* A pool from a document, defined or created. libvirt's storage layer
 * parses the document and refuses a name or UUID taken
 * (VIR_ERR_OPERATION_FAILED) or a pool to create that already runs, all
 * from VIR_FROM_STORAGE. */
static gboolean
pool_from_xml (GvirdCall                 *call,
               PoolFromXmlFunc            func,
               const GVirRpcXmlFlagsArgs *args,
               GVirRpcStoragePoolRet     *ret,
               GError                   **error)
{
  call->exists = GVIR_RPC_ERR_OPERATION_FAILED;
  call->document_domain = GVIR_RPC_ERR_DOMAIN_STORAGE;
  return pool_reply (func (call->conn, args->xml, args->flags, NULL, error), &ret->pool);
}

static gboolean
h_pool_define_xml (gpointer data, const GVirRpcXmlFlagsArgs *args, GVirRpcStoragePoolRet *ret,
                   GError **error)
{
  return pool_from_xml (data, gvir_driver_connection_define_pool, args, ret, error);
}

static gboolean
h_pool_create_xml (gpointer data, const GVirRpcXmlFlagsArgs *args, GVirRpcStoragePoolRet *ret,
                   GError **error)
{
  return pool_from_xml (data, gvir_driver_connection_create_pool, args, ret, error);
}

/* A pool call of the table: (conn, uuid, [flags,] cancellable, error). */
#define POOL_CALL(func, args, ...)                                               \
  G_STMT_START                                                                   \
  {                                                                              \
    GvirdCall *call_ = data;                                                     \
    g_autofree char *uuid_ = pool_uuid (call_, &(args)->pool);                   \
    return func (call_->conn, uuid_, __VA_ARGS__);                               \
  }                                                                              \
  G_STMT_END

static gboolean
h_pool_create (gpointer data, const GVirRpcStoragePoolFlagsArgs *args, GError **error)
{
  POOL_CALL (gvir_driver_connection_start_pool, args, args->flags, NULL, error);
}

static gboolean
h_pool_build (gpointer data, const GVirRpcStoragePoolFlagsArgs *args, GError **error)
{
  POOL_CALL (gvir_driver_connection_build_pool, args, args->flags, NULL, error);
}

static gboolean
h_pool_destroy (gpointer data, const GVirRpcStoragePoolArgs *args, GError **error)
{
  POOL_CALL (gvir_driver_connection_stop_pool, args, NULL, error);
}

static gboolean
h_pool_delete (gpointer data, const GVirRpcStoragePoolFlagsArgs *args, GError **error)
{
  POOL_CALL (gvir_driver_connection_delete_pool, args, args->flags, NULL, error);
}

static gboolean
h_pool_undefine (gpointer data, const GVirRpcStoragePoolArgs *args, GError **error)
{
  POOL_CALL (gvir_driver_connection_undefine_pool, args, NULL, error);
}

static gboolean
h_pool_refresh (gpointer data, const GVirRpcStoragePoolFlagsArgs *args, GError **error)
{
  POOL_CALL (gvir_driver_connection_refresh_pool, args, args->flags, NULL, error);
}

static gboolean
h_pool_set_autostart (gpointer data, const GVirRpcStoragePoolSetAutostartArgs *args,
                      GError **error)
{
  POOL_CALL (gvir_driver_connection_set_pool_autostart, args, args->autostart != 0, NULL, error);
}

/* ---- volumes ------------------------------------------------------------------------ */

static gboolean
h_list_all_volumes (gpointer data, const GVirRpcStoragePoolListAllVolumesArgs *args,
                    GVirRpcStoragePoolListAllVolumesRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = pool_uuid (call, &args->pool);
  g_autoptr (GPtrArray) vols = gvir_driver_connection_list_volumes (call->conn, uuid, NULL, error);
  guint i;

  if (vols == NULL)
    return FALSE;
  /* libvirt defines no volume list flags yet. */
  ret->ret = MIN (vols->len, (guint) GVIR_RPC_STORAGE_VOL_LIST_MAX);
  ret->vols = g_new0 (GVirRpcStorageVol, MAX (ret->ret, 1));
  if (args->need_results)
    for (i = 0; i < ret->ret; i++)
      vol_fill (&ret->vols[ret->n_vols++], args->pool.name, vols->pdata[i]);
  return TRUE;
}

static gboolean
h_vol_lookup_by_name (gpointer data, const GVirRpcStorageVolLookupByNameArgs *args,
                      GVirRpcStorageVolRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = pool_uuid (call, &args->pool);
  g_autoptr (GVirDriverStorageVol) vol = NULL;

  call->not_found = GVIR_RPC_ERR_NO_STORAGE_VOL;
  vol = gvir_driver_connection_lookup_volume (call->conn, uuid, args->name, NULL, error);
  if (vol == NULL)
    return FALSE;
  vol_fill (&ret->vol, args->pool.name, vol);
  return TRUE;
}

static gboolean
h_vol_create_xml (gpointer data, const GVirRpcStorageVolCreateXmlArgs *args,
                  GVirRpcStorageVolRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = pool_uuid (call, &args->pool);
  g_autoptr (GVirDriverStorageVol) vol = NULL;

  vol = gvir_driver_connection_create_volume (call->conn, uuid, args->xml, args->flags, NULL,
                                              error);
  if (vol == NULL)
    return FALSE;
  vol_fill (&ret->vol, args->pool.name, vol);
  return TRUE;
}

static gboolean
h_vol_delete (gpointer data, const GVirRpcStorageVolFlagsArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = vol_pool_uuid (call, &args->vol, error);

  return uuid != NULL &&
         gvir_driver_connection_delete_volume (call->conn, uuid, args->vol.name, args->flags,
                                               NULL, error);
}

static gboolean
h_vol_resize (gpointer data, const GVirRpcStorageVolResizeArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = vol_pool_uuid (call, &args->vol, error);

  return uuid != NULL &&
         gvir_driver_connection_resize_volume (call->conn, uuid, args->vol.name, args->capacity,
                                               args->flags, NULL, error);
}

static gboolean
h_vol_get_xml_desc (gpointer data, const GVirRpcStorageVolFlagsArgs *args, GVirRpcStringRet *ret,
                    GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = vol_pool_uuid (call, &args->vol, error);

  if (uuid == NULL)
    return FALSE;
  ret->value = gvir_driver_connection_get_volume_xml (call->conn, uuid, args->vol.name,
                                                      args->flags, NULL, error);
  return ret->value != NULL;
}

static gboolean
h_vol_get_info (gpointer data, const GVirRpcStorageVolArgs *args, GVirRpcStorageVolInfo *ret,
                GError **error)
{
  g_autoptr (GVirDriverStorageVol) vol = vol_lookup (data, &args->vol, error);

  if (vol == NULL)
    return FALSE;
  ret->type = vol->type;
  ret->capacity = vol->capacity;
  ret->allocation = vol->allocation;
  return TRUE;
}

static gboolean
h_vol_get_path (gpointer data, const GVirRpcStorageVolArgs *args, GVirRpcStringRet *ret,
                GError **error)
{
  g_autoptr (GVirDriverStorageVol) vol = vol_lookup (data, &args->vol, error);

  if (vol == NULL)
    return FALSE;
  ret->value = g_strdup (vol->path != NULL ? vol->path : "");
  return TRUE;
}

void
gvird_dispatch_add_storage (GVirRpcServerHandlers *h)
{
  h->storage_pool_define_xml = h_pool_define_xml;
  h->storage_pool_create_xml = h_pool_create_xml;
  h->storage_pool_create = h_pool_create;
  h->storage_pool_build = h_pool_build;
  h->storage_pool_destroy = h_pool_destroy;
  h->storage_pool_delete = h_pool_delete;
  h->storage_pool_undefine = h_pool_undefine;
  h->storage_pool_refresh = h_pool_refresh;
  h->storage_pool_lookup_by_name = h_pool_lookup_by_name;
  h->storage_pool_lookup_by_uuid = h_pool_lookup_by_uuid;
  h->storage_pool_get_info = h_pool_get_info;
  h->storage_pool_get_xml_desc = h_pool_get_xml_desc;
  h->storage_pool_get_autostart = h_pool_get_autostart;
  h->storage_pool_set_autostart = h_pool_set_autostart;
  h->storage_vol_create_xml = h_vol_create_xml;
  h->storage_vol_delete = h_vol_delete;
  h->storage_vol_lookup_by_name = h_vol_lookup_by_name;
  h->storage_vol_get_info = h_vol_get_info;
  h->storage_vol_get_xml_desc = h_vol_get_xml_desc;
  h->storage_vol_get_path = h_vol_get_path;
  h->storage_pool_is_active = h_pool_is_active;
  h->storage_pool_is_persistent = h_pool_is_persistent;
  h->storage_vol_resize = h_vol_resize;
  h->connect_list_all_storage_pools = h_list_all_pools;
  h->storage_pool_list_all_volumes = h_list_all_volumes;
}
