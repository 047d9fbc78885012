/*
 * libvirt-gobject-domain-snapshots.c: GVirDomain's snapshots
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
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-snapshot-private.h"

/* ---- the operations ------------------------------------------------------------ */

typedef struct
{
  GVirConfigDomainSnapshot *conf;   /* NULL: a snapshot with default settings */
  guint flags;
} CreateArgs;

static void
create_args_free (gpointer data)
{
  CreateArgs *args = data;

  g_clear_object (&args->conf);
  g_free (args);
}

static gboolean
op_create_snapshot (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                    GCancellable *cancellable, GError **error)
{
  CreateArgs *args = call->args;
  g_autofree char *xml = NULL;
  g_autofree char *name = NULL;

  xml = args->conf != NULL ? gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (args->conf))
                           : g_strdup ("<domainsnapshot/>");
  name = gvir_driver_connection_create_snapshot (drv, domain_uuid (self), xml, args->flags,
                                                 cancellable, error);
  if (name == NULL)
    return FALSE;
  call->result = _gvir_domain_dup_snapshot (self, name);
  call->result_free = g_object_unref;
  return TRUE;
}

static DomainCall *
create_call_new (GVirConfigDomainSnapshot *conf, guint flags)
{
  CreateArgs *args = g_new0 (CreateArgs, 1);

  args->conf = conf != NULL ? g_object_ref (conf) : NULL;
  args->flags = flags;
  /* A halting snapshot stops the domain. */
  return domain_call_new (op_create_snapshot, TRUE, args, create_args_free);
}

static gboolean
op_fetch_snapshots (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                    GCancellable *cancellable, GError **error)
{
  g_auto(GStrv) names = NULL;

  names = gvir_driver_connection_list_snapshots (drv, domain_uuid (self), domain_call_flags (call),
                                                 cancellable, error);
  if (names == NULL)
    return FALSE;
  _gvir_domain_set_listed_snapshots (self, (const char * const *) names);
  return TRUE;
}

static gboolean
op_has_current_snapshot (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                         GCancellable *cancellable, GError **error)
{
  gboolean has = FALSE;

  if (!gvir_driver_connection_has_current_snapshot (drv, domain_uuid (self),
                                                    domain_call_flags (call), &has,
                                                    cancellable, error))
    return FALSE;
  call->result = g_memdup2 (&has, sizeof has);
  call->result_free = g_free;
  return TRUE;
}

/* ---- public API ------------------------------------------------------------------ */

/**
 * gvir_domain_create_snapshot:
 * @dom: a #GVirDomain
 * @custom_conf: (nullable): the snapshot's configuration (name,
 *   description, ...), or %NULL for libvirt's defaults (a name from the
 *   creation time)
 * @flags: #GVirDomainSnapshotCreateFlags
 * @err: return location for a #GError, or %NULL
 *
 * Takes a snapshot of the domain. The domain gives one object per
 * snapshot: the one returned here is the one gvir_domain_get_snapshots()
 * lists after a fetch.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @err set
 */
GVirDomainSnapshot *
gvir_domain_create_snapshot (GVirDomain *dom, GVirConfigDomainSnapshot *custom_conf, guint flags,
                             GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);
  g_return_val_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (custom_conf), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = create_call_new (custom_conf, flags);
  if (!domain_call_sync (dom, call, err))
    return NULL;
  return g_steal_pointer (&call->result);
}

/**
 * gvir_domain_create_snapshot_async:
 * @dom: a #GVirDomain
 * @custom_conf: (nullable): the snapshot's configuration, or %NULL
 * @flags: #GVirDomainSnapshotCreateFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the snapshot is taken
 * @user_data: (closure): data for @callback
 *
 * Without blocking, takes a snapshot; see gvir_domain_create_snapshot().
 */
void
gvir_domain_create_snapshot_async (GVirDomain *dom, GVirConfigDomainSnapshot *custom_conf,
                                   guint flags, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN_SNAPSHOT (custom_conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, create_call_new (custom_conf, flags), gvir_domain_create_snapshot_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_create_snapshot_finish:
 * @domain: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_create_snapshot_async().
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 */
GVirDomainSnapshot *
gvir_domain_create_snapshot_finish (GVirDomain *domain, GAsyncResult *result, GError **error)
{
  DomainCall *call;

  g_return_val_if_fail (GVIR_IS_DOMAIN (domain), NULL);

  call = domain_call_finish (domain, result, gvir_domain_create_snapshot_async, error);
  return call != NULL ? g_object_ref (call->result) : NULL;
}

/**
 * gvir_domain_fetch_snapshots:
 * @dom: a #GVirDomain
 * @list_flags: #GVirDomainSnapshotListFlags: which snapshots to list
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @error: return location for a #GError, or %NULL
 *
 * Lists the domain's snapshots that match @list_flags into the domain's
 * cache, read with gvir_domain_get_snapshots(). A snapshot keeps its
 * object from one fetch to the next.
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_fetch_snapshots (GVirDomain *dom, guint list_flags, GCancellable *cancellable,
                             GError **error)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_fetch_snapshots, FALSE, list_flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return domain_call_sync (dom, call, error);
}

/**
 * gvir_domain_fetch_snapshots_async:
 * @dom: a #GVirDomain
 * @list_flags: #GVirDomainSnapshotListFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the snapshots are listed
 * @user_data: (closure): data for @callback
 *
 * Without blocking, lists the domain's snapshots; see
 * gvir_domain_fetch_snapshots().
 */
void
gvir_domain_fetch_snapshots_async (GVirDomain *dom, guint list_flags, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_fetch_snapshots, FALSE, list_flags),
                     gvir_domain_fetch_snapshots_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_fetch_snapshots_finish:
 * @dom: a #GVirDomain
 * @res: the #GAsyncResult passed to the callback
 * @error: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_fetch_snapshots_async().
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_fetch_snapshots_finish (GVirDomain *dom, GAsyncResult *res, GError **error)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, res, gvir_domain_fetch_snapshots_async, error) != NULL;
}

/**
 * gvir_domain_get_snapshots:
 * @dom: a #GVirDomain
 *
 * The snapshots of the last gvir_domain_fetch_snapshots(), less those
 * deleted since.
 *
 * Returns: (element-type LibvirtGObject.DomainSnapshot) (transfer full): the snapshots
 */
GList *
gvir_domain_get_snapshots (GVirDomain *dom)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);

  return _gvir_domain_list_snapshots (dom);
}

/**
 * gvir_domain_get_has_current_snapshot:
 * @dom: a #GVirDomain
 * @flags: currently unused, pass 0
 * @has_current_snapshot: (out): whether the domain has a current snapshot
 * @error: return location for a #GError, or %NULL
 *
 * Asks whether the domain has a current snapshot (the last one taken or
 * reverted to, unless it was deleted since).
 *
 * Returns: %TRUE on success, %FALSE with @error set on failure
 */
gboolean
gvir_domain_get_has_current_snapshot (GVirDomain *dom, guint flags,
                                      gboolean *has_current_snapshot, GError **error)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_has_current_snapshot, FALSE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (has_current_snapshot != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!domain_call_sync (dom, call, error))
    return FALSE;
  *has_current_snapshot = *(gboolean *) call->result;
  return TRUE;
}
