/*
 * gvir-remote-snapshot.c: domain snapshots over libvirt's protocol
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-remote-snapshot-private.h"

/* Fills the wire reference of snapshot @name of domain @uuid. */
static gboolean
snapshot_ref (gpointer                handle,
              const char             *uuid,
              const char             *name,
              GVirRpcDomainSnapshot  *snap,
              GCancellable           *cancellable,
              GError                **error)
{
  if (!gvir_remote_domain_ref (handle, uuid, &snap->dom, cancellable, error))
    return FALSE;
  snap->name = g_strdup (name);
  return TRUE;
}

static GStrv
remote_list_snapshots (gpointer       handle,
                       const char    *uuid,
                       guint          flags,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_auto(GVirRpcDomainListAllSnapshotsArgs) args = { .need_results = 1, .flags = flags };
  g_auto(GVirRpcDomainListAllSnapshotsRet) ret = { 0 };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint32 i;

  if (!gvir_remote_domain_ref (handle, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_list_all_snapshots (gvir_remote_handle_get_client (handle), &args,
                                                &ret, cancellable, error))
    return NULL;
  for (i = 0; i < ret.n_snapshots; i++)
    g_strv_builder_add (names, ret.snapshots[i].name);
  return g_strv_builder_end (names);
}

static char *
remote_create_snapshot (gpointer       handle,
                        const char    *uuid,
                        const char    *xml,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_auto(GVirRpcDomainSnapshotCreateXmlArgs) args = { .flags = flags };
  g_auto(GVirRpcDomainSnapshotRet) ret = { 0 };

  if (!gvir_remote_domain_ref (handle, uuid, &args.dom, cancellable, error))
    return NULL;
  args.xml_desc = g_strdup (xml);
  if (!gvir_rpc_call_domain_snapshot_create_xml (gvir_remote_handle_get_client (handle), &args,
                                                 &ret, cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.snap.name);
}

static char *
remote_get_snapshot_xml (gpointer       handle,
                         const char    *uuid,
                         const char    *name,
                         guint          flags,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_auto(GVirRpcDomainSnapshotFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!snapshot_ref (handle, uuid, name, &args.snap, cancellable, error) ||
      !gvir_rpc_call_domain_snapshot_get_xml_desc (gvir_remote_handle_get_client (handle), &args,
                                                   &ret, cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

static gboolean
remote_delete_snapshot (gpointer       handle,
                        const char    *uuid,
                        const char    *name,
                        guint          flags,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_auto(GVirRpcDomainSnapshotFlagsArgs) args = { .flags = flags };

  return snapshot_ref (handle, uuid, name, &args.snap, cancellable, error) &&
         gvir_rpc_call_domain_snapshot_delete (gvir_remote_handle_get_client (handle), &args,
                                               cancellable, error);
}

static gboolean
remote_revert_to_snapshot (gpointer       handle,
                           const char    *uuid,
                           const char    *name,
                           guint          flags,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(GVirRpcDomainSnapshotFlagsArgs) args = { .flags = flags };

  return snapshot_ref (handle, uuid, name, &args.snap, cancellable, error) &&
         gvir_rpc_call_domain_revert_to_snapshot (gvir_remote_handle_get_client (handle), &args,
                                                  cancellable, error);
}

static gboolean
remote_snapshot_is_current (gpointer       handle,
                            const char    *uuid,
                            const char    *name,
                            guint          flags,
                            gboolean      *is_current,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_auto(GVirRpcDomainSnapshotFlagsArgs) args = { .flags = flags };
  GVirRpcIntRet ret = { 0 };

  if (!snapshot_ref (handle, uuid, name, &args.snap, cancellable, error) ||
      !gvir_rpc_call_domain_snapshot_is_current (gvir_remote_handle_get_client (handle), &args,
                                                 &ret, cancellable, error))
    return FALSE;
  *is_current = ret.value != 0;
  return TRUE;
}

static gboolean
remote_has_current_snapshot (gpointer       handle,
                             const char    *uuid,
                             guint          flags,
                             gboolean      *has_current,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_auto(GVirRpcDomainFlagsArgs) args = { .flags = flags };
  GVirRpcIntRet ret = { 0 };

  if (!gvir_remote_domain_ref (handle, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_has_current_snapshot (gvir_remote_handle_get_client (handle), &args,
                                                  &ret, cancellable, error))
    return FALSE;
  *has_current = ret.value != 0;
  return TRUE;
}

static char *
remote_dup_current_snapshot (gpointer       handle,
                             const char    *uuid,
                             guint          flags,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_auto(GVirRpcDomainFlagsArgs) args = { .flags = flags };
  g_auto(GVirRpcDomainSnapshotRet) ret = { 0 };

  if (!gvir_remote_domain_ref (handle, uuid, &args.dom, cancellable, error) ||
      !gvir_rpc_call_domain_snapshot_current (gvir_remote_handle_get_client (handle), &args, &ret,
                                              cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.snap.name);
}

const GVirDriverSnapshotFuncs gvir_remote_snapshot_funcs = {
  .list_snapshots = remote_list_snapshots,
  .create_snapshot = remote_create_snapshot,
  .get_snapshot_xml = remote_get_snapshot_xml,
  .delete_snapshot = remote_delete_snapshot,
  .revert_to_snapshot = remote_revert_to_snapshot,
  .snapshot_is_current = remote_snapshot_is_current,
  .has_current_snapshot = remote_has_current_snapshot,
  .dup_current_snapshot = remote_dup_current_snapshot,
};
