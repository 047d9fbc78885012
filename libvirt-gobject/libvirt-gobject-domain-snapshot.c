/*
 * libvirt-gobject-domain-snapshot.c: a snapshot of a domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */

/**
 * SECTION:libvirt-gobject-domain-snapshot
 * @title: GVirDomainSnapshot
 * @short_description: a snapshot of a domain
 *
 * A #GVirDomainSnapshot is one snapshot of a #GVirDomain: the domain's
 * configuration and state at the time it was taken, which
 * gvir_domain_snapshot_revert_to() brings back. A domain hands out one
 * object per snapshot (see gvir_domain_fetch_snapshots()); the object
 * refers to its snapshot by name and asks the hypervisor on every call.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirDomainSnapshot) snap = gvir_domain_create_snapshot (dom, NULL, 0, &err);
 * ...
 * gvir_domain_snapshot_revert_to (snap, 0, &err);
 * ]|
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-snapshot-private.h"

struct _GVirDomainSnapshot
{
  GObject parent_instance;

  /* Weak: the domain keeps its snapshot objects. */
  GWeakRef domain;
  char *name;
};

G_DEFINE_FINAL_TYPE (GVirDomainSnapshot, gvir_domain_snapshot, G_TYPE_OBJECT)

static void
gvir_domain_snapshot_finalize (GObject *object)
{
  GVirDomainSnapshot *self = GVIR_DOMAIN_SNAPSHOT (object);

  g_weak_ref_clear (&self->domain);
  g_free (self->name);
  G_OBJECT_CLASS (gvir_domain_snapshot_parent_class)->finalize (object);
}

static void
gvir_domain_snapshot_class_init (GVirDomainSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gvir_domain_snapshot_finalize;
}

static void
gvir_domain_snapshot_init (GVirDomainSnapshot *self)
{
  g_weak_ref_init (&self->domain, NULL);
}

static GVirDomainSnapshot *
snapshot_new (GVirDomain *domain, const char *name)
{
  GVirDomainSnapshot *self = g_object_new (GVIR_TYPE_DOMAIN_SNAPSHOT, NULL);

  g_weak_ref_set (&self->domain, domain);
  self->name = g_strdup (name);
  return self;
}

/* ---- the per-domain snapshot cache ------------------------------------------- */

/* Each domain keeps one object per snapshot it has handed out (so that a
 * snapshot is always the same object) and the list of its last fetch.
 * The cache hangs off the domain as qdata, which keeps this file apart
 * from the domain's own; one lock guards every domain's cache. */
typedef struct
{
  GHashTable *known;      /* name -> GVirDomainSnapshot (owned) */
  GPtrArray *listed;      /* GVirDomainSnapshot (owned), as last fetched */
} SnapshotCache;

static GMutex snapshot_cache_lock;

static void
snapshot_cache_free (gpointer data)
{
  SnapshotCache *cache = data;

  g_hash_table_unref (cache->known);
  g_ptr_array_unref (cache->listed);
  g_free (cache);
}

/* The domain's cache, created on first use; call with the lock held. */
static SnapshotCache *
snapshot_cache_get (GVirDomain *domain)
{
  static GQuark quark;
  SnapshotCache *cache;

  if (quark == 0)
    quark = g_quark_from_static_string ("gvir-domain-snapshot-cache");
  cache = g_object_get_qdata (G_OBJECT (domain), quark);
  if (cache == NULL)
    {
      cache = g_new0 (SnapshotCache, 1);
      cache->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      cache->listed = g_ptr_array_new_with_free_func (g_object_unref);
      g_object_set_qdata_full (G_OBJECT (domain), quark, cache, snapshot_cache_free);
    }
  return cache;
}

static GVirDomainSnapshot *
snapshot_cache_lookup (SnapshotCache *cache, GVirDomain *domain, const char *name)
{
  GVirDomainSnapshot *snap = g_hash_table_lookup (cache->known, name);

  if (snap == NULL)
    {
      snap = snapshot_new (domain, name);
      g_hash_table_insert (cache->known, g_strdup (name), snap);
    }
  return snap;
}

GVirDomainSnapshot *
_gvir_domain_dup_snapshot (GVirDomain *domain, const char *name)
{
  GVirDomainSnapshot *snap;

  g_mutex_lock (&snapshot_cache_lock);
  snap = g_object_ref (snapshot_cache_lookup (snapshot_cache_get (domain), domain, name));
  g_mutex_unlock (&snapshot_cache_lock);
  return snap;
}

void
_gvir_domain_set_listed_snapshots (GVirDomain *domain, const char * const *names)
{
  SnapshotCache *cache;
  guint i;

  g_mutex_lock (&snapshot_cache_lock);
  cache = snapshot_cache_get (domain);
  g_ptr_array_set_size (cache->listed, 0);
  for (i = 0; names[i] != NULL; i++)
    g_ptr_array_add (cache->listed,
                     g_object_ref (snapshot_cache_lookup (cache, domain, names[i])));
  g_mutex_unlock (&snapshot_cache_lock);
}

static gboolean
is_gone (gpointer key, gpointer value, gpointer existing)
{
  return !g_strv_contains (existing, key);
}

void
_gvir_domain_prune_snapshots (GVirDomain *domain, const char * const *existing)
{
  SnapshotCache *cache;
  guint i;

  g_mutex_lock (&snapshot_cache_lock);
  cache = snapshot_cache_get (domain);
  i = cache->listed->len;
  while (i-- > 0)
    {
      const char *name = gvir_domain_snapshot_get_name (cache->listed->pdata[i]);

      if (!g_strv_contains (existing, name))
        g_ptr_array_remove_index (cache->listed, i);
    }
  g_hash_table_foreach_remove (cache->known, is_gone, (gpointer) existing);
  g_mutex_unlock (&snapshot_cache_lock);
}

GList *
_gvir_domain_list_snapshots (GVirDomain *domain)
{
  SnapshotCache *cache;
  GList *list = NULL;
  guint i;

  g_mutex_lock (&snapshot_cache_lock);
  cache = snapshot_cache_get (domain);
  for (i = cache->listed->len; i > 0; i--)
    list = g_list_prepend (list, g_object_ref (cache->listed->pdata[i - 1]));
  g_mutex_unlock (&snapshot_cache_lock);
  return list;
}

/* ---- driver calls ------------------------------------------------------------ */

typedef struct _SnapshotCall SnapshotCall;

typedef gboolean (*SnapshotOp) (GVirDriverConnection *drv, SnapshotCall *call,
                                GCancellable *cancellable, GError **error);

/* One driver call for a snapshot, with what keeps its domain usable. */
struct _SnapshotCall
{
  SnapshotOp op;
  GVirDomain *domain;
  GVirConnection *conn;       /* keeps cache valid */
  GVirDomainCache *cache;
  char *name;
  guint flags;
  gpointer result;            /* op-specific (a GVirConfigDomainSnapshot, a gboolean *) */
};

static void
snapshot_call_free (gpointer data)
{
  SnapshotCall *call = data;

  g_clear_object (&call->domain);
  g_clear_object (&call->conn);
  g_free (call->name);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SnapshotCall, snapshot_call_free)

/* A call on @self's domain and the driver connection to run it on, or NULL
 * with @error when the domain or its connection is gone. */
static SnapshotCall *
snapshot_call_new (GVirDomainSnapshot *self, SnapshotOp op, guint flags,
                   GVirDriverConnection **drv, GError **error)
{
  g_autoptr(SnapshotCall) call = g_new0 (SnapshotCall, 1);

  call->op = op;
  call->name = g_strdup (self->name);
  call->flags = flags;
  call->domain = g_weak_ref_get (&self->domain);
  if (call->domain == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                   "the domain of snapshot '%s' no longer exists", self->name);
      return NULL;
    }
  *drv = domain_dup_driver (call->domain, &call->conn, &call->cache, error);
  if (*drv == NULL)
    return NULL;
  return g_steal_pointer (&call);
}

static gboolean
snapshot_call_sync (GVirDomainSnapshot *self, SnapshotOp op, guint flags, gpointer result,
                    GError **error)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(SnapshotCall) call = snapshot_call_new (self, op, flags, &drv, error);

  if (call == NULL)
    return FALSE;
  call->result = result;
  return op (drv, call, NULL, error);
}

static gboolean
snapshot_call_driver_func (GVirDriverConnection *drv, gpointer data, gpointer *result,
                           GCancellable *cancellable, GError **error)
{
  SnapshotCall *call = data;

  return call->op (drv, call, cancellable, error);
}

static void
snapshot_call_done (GObject *source, GAsyncResult *res, gpointer data)
{
  g_autoptr(GTask) task = data;
  GError *error = NULL;

  if (!gvir_driver_connection_call_finish (res, NULL, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Runs @op in the driver layer's worker (a call in flight of the driver
 * connection); the task completes in the caller's context. */
static void
snapshot_call_start (GVirDomainSnapshot *self, SnapshotOp op, guint flags,
                     gpointer source_tag, GCancellable *cancellable,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GVirDriverConnection) drv = NULL;
  SnapshotCall *call;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  if (g_task_return_error_if_cancelled (task))
    return;
  call = snapshot_call_new (self, op, flags, &drv, &error);
  if (call == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  gvir_driver_connection_call_async (drv, snapshot_call_driver_func, call, snapshot_call_free,
                                     NULL, cancellable, snapshot_call_done,
                                     g_steal_pointer (&task));
}

static gboolean
snapshot_call_finish (GVirDomainSnapshot *self, GAsyncResult *result, gpointer source_tag,
                      GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the operations ----------------------------------------------------------- */

static gboolean
op_get_config (GVirDriverConnection *drv, SnapshotCall *call, GCancellable *cancellable,
               GError **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) parse_error = NULL;
  GVirConfigDomainSnapshot *conf;

  xml = gvir_driver_connection_get_snapshot_xml (drv, domain_uuid (call->domain), call->name,
                                                 call->flags, cancellable, error);
  if (xml == NULL)
    return FALSE;
  conf = gvir_config_domain_snapshot_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "the configuration of snapshot '%s' cannot be read: %s", call->name,
                   parse_error->message);
      return FALSE;
    }
  *(GVirConfigDomainSnapshot **) call->result = conf;
  return TRUE;
}

static gboolean
op_redefine (GVirDriverConnection *drv, SnapshotCall *call, GCancellable *cancellable,
             GError **error)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (call->result));
  g_autofree char *name = NULL;

  name = gvir_driver_connection_create_snapshot (drv, domain_uuid (call->domain), xml,
                                                 GVIR_DRIVER_SNAPSHOT_CREATE_REDEFINE,
                                                 cancellable, error);
  return name != NULL;
}

static gboolean
op_is_current (GVirDriverConnection *drv, SnapshotCall *call, GCancellable *cancellable,
               GError **error)
{
  return gvir_driver_connection_snapshot_is_current (drv, domain_uuid (call->domain), call->name,
                                                     call->flags, call->result,
                                                     cancellable, error);
}

static gboolean
op_delete (GVirDriverConnection *drv, SnapshotCall *call, GCancellable *cancellable,
           GError **error)
{
  const char *uuid = domain_uuid (call->domain);
  g_auto(GStrv) remaining = NULL;

  if (!gvir_driver_connection_delete_snapshot (drv, uuid, call->name, call->flags,
                                               cancellable, error))
    return FALSE;
  /* Children may have gone too: the domain forgets every snapshot that
   * no longer exists. Should the listing fail, it learns at the next
   * fetch. */
  remaining = gvir_driver_connection_list_snapshots (drv, uuid, 0, cancellable, NULL);
  if (remaining != NULL)
    _gvir_domain_prune_snapshots (call->domain, (const char * const *) remaining);
  return TRUE;
}

static gboolean
op_revert (GVirDriverConnection *drv, SnapshotCall *call, GCancellable *cancellable,
           GError **error)
{
  const char *uuid = domain_uuid (call->domain);

  if (!gvir_driver_connection_revert_to_snapshot (drv, uuid, call->name, call->flags,
                                                  cancellable, error))
    return FALSE;
  _gvir_domain_cache_refresh (call->cache, drv, uuid);
  return TRUE;
}

/* ---- public API ----------------------------------------------------------------- */

/**
 * gvir_domain_snapshot_get_name:
 * @snapshot: a #GVirDomainSnapshot
 *
 * Gets the snapshot's name, which identifies it among its domain's
 * snapshots. It is known without asking the hypervisor.
 *
 * Returns: (transfer none): the name of the snapshot
 */
const gchar *
gvir_domain_snapshot_get_name (GVirDomainSnapshot *snapshot)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), NULL);

  return snapshot->name;
}

/**
 * gvir_domain_snapshot_get_config:
 * @snapshot: a #GVirDomainSnapshot
 * @flags: libvirt's snapshot XML flags (0 for none)
 * @err: return location for a #GError, or %NULL
 *
 * Reads the snapshot's configuration: its name, description, state,
 * parent, creation time and the domain configuration it holds.
 *
 * Returns: (transfer full): the configuration, or %NULL with @err set
 */
GVirConfigDomainSnapshot *
gvir_domain_snapshot_get_config (GVirDomainSnapshot *snapshot, guint flags, GError **err)
{
  GVirConfigDomainSnapshot *conf = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  if (!snapshot_call_sync (snapshot, op_get_config, flags, &conf, err))
    return NULL;
  return conf;
}

/**
 * gvir_domain_snapshot_set_config:
 * @snapshot: a #GVirDomainSnapshot
 * @conf: the new configuration
 * @error: return location for a #GError, or %NULL
 *
 * Defines the snapshot again from @conf (libvirt's redefinition): the
 * description changes. A @conf with another name defines a new snapshot
 * under that name; this object keeps referring to its own.
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_snapshot_set_config (GVirDomainSnapshot *snapshot, GVirConfigDomainSnapshot *conf,
                                 GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (conf), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return snapshot_call_sync (snapshot, op_redefine, 0, conf, error);
}

/**
 * gvir_domain_snapshot_get_is_current:
 * @snapshot: a #GVirDomainSnapshot
 * @flags: currently unused, pass 0
 * @is_current: (out): whether the snapshot is its domain's current snapshot
 * @error: return location for a #GError, or %NULL
 *
 * Asks whether the snapshot is the current one: the last one taken or
 * reverted to.
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_snapshot_get_is_current (GVirDomainSnapshot *snapshot, guint flags,
                                     gboolean *is_current, GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (is_current != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return snapshot_call_sync (snapshot, op_is_current, flags, is_current, error);
}

/**
 * gvir_domain_snapshot_delete:
 * @snapshot: a #GVirDomainSnapshot
 * @flags: #GVirDomainSnapshotDeleteFlags
 * @error: return location for a #GError, or %NULL
 *
 * Deletes the snapshot. Its children become children of its parent,
 * unless %GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN deletes them too;
 * %GVIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY deletes only them. The
 * domain forgets the objects of deleted snapshots.
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_snapshot_delete (GVirDomainSnapshot *snapshot, guint flags, GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return snapshot_call_sync (snapshot, op_delete, flags, NULL, error);
}

/**
 * gvir_domain_snapshot_delete_async:
 * @snapshot: a #GVirDomainSnapshot
 * @flags: #GVirDomainSnapshotDeleteFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, deletes the snapshot; see gvir_domain_snapshot_delete().
 */
void
gvir_domain_snapshot_delete_async (GVirDomainSnapshot *snapshot, guint flags,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  snapshot_call_start (snapshot, op_delete, flags, gvir_domain_snapshot_delete_async,
                       cancellable, callback, user_data);
}

/**
 * gvir_domain_snapshot_delete_finish:
 * @snapshot: a #GVirDomainSnapshot
 * @res: the #GAsyncResult passed to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_snapshot_delete_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_snapshot_delete_finish (GVirDomainSnapshot *snapshot, GAsyncResult *res,
                                    GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), FALSE);

  return snapshot_call_finish (snapshot, res, gvir_domain_snapshot_delete_async, error);
}

/**
 * gvir_domain_snapshot_revert_to:
 * @snapshot: a #GVirDomainSnapshot
 * @flags: #GVirDomainSnapshotRevertFlags
 * @error: return location for a #GError, or %NULL
 *
 * Brings the domain back to the snapshot: its configuration, and its run
 * state (shut off, running or paused) unless
 * %GVIR_DOMAIN_SNAPSHOT_REVERT_RUNNING or
 * %GVIR_DOMAIN_SNAPSHOT_REVERT_PAUSED asks for another. The snapshot
 * becomes the current one.
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_snapshot_revert_to (GVirDomainSnapshot *snapshot, guint flags, GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return snapshot_call_sync (snapshot, op_revert, flags, NULL, error);
}

/**
 * gvir_domain_snapshot_revert_to_async:
 * @snapshot: a #GVirDomainSnapshot
 * @flags: #GVirDomainSnapshotRevertFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, reverts the domain to the snapshot; see
 * gvir_domain_snapshot_revert_to().
 */
void
gvir_domain_snapshot_revert_to_async (GVirDomainSnapshot *snapshot, guint flags,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  snapshot_call_start (snapshot, op_revert, flags, gvir_domain_snapshot_revert_to_async,
                       cancellable, callback, user_data);
}

/**
 * gvir_domain_snapshot_revert_to_finish:
 * @snapshot: a #GVirDomainSnapshot
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_snapshot_revert_to_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_snapshot_revert_to_finish (GVirDomainSnapshot *snapshot, GAsyncResult *result,
                                       GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN_SNAPSHOT (snapshot), FALSE);

  return snapshot_call_finish (snapshot, result, gvir_domain_snapshot_revert_to_async, error);
}
