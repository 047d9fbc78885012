/*
 * gvird-dispatch-snapshot.c: the remote program's domain snapshot
 * procedures on top of the driver's snapshot table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * A snapshot travels with its domain; the domain is looked up first (a
 * missing one is VIR_ERR_NO_DOMAIN), then a missing snapshot is
 * VIR_ERR_NO_DOMAIN_SNAPSHOT.
 */
#include "config.h"

#include <string.h>

#include "gvird-dispatch-private.h"

/* The UUID of the wire domain, checked to exist (NULL with an error);
 * from here on a missing object is a snapshot. */
static char *
domain_uuid (GvirdCall            *call,
             const GVirRpcDomain  *dom,
             GError              **error)
{
  g_autoptr (GVirDriverDomain) found = gvird_call_lookup_domain (call, dom, error);

  if (found == NULL)
    return NULL;
  call->not_found = GVIR_RPC_ERR_NO_DOMAIN_SNAPSHOT;
  return g_strdup (found->uuid);
}

static void
snapshot_fill (GVirRpcDomainSnapshot *out,
               const GVirRpcDomain   *dom,
               const char            *name)
{
  out->name = g_strdup (name);
  out->dom.name = g_strdup (dom->name);
  memcpy (out->dom.uuid, dom->uuid, sizeof out->dom.uuid);
  out->dom.id = dom->id;
}

static gboolean
h_create_xml (gpointer data, const GVirRpcDomainSnapshotCreateXmlArgs *args,
              GVirRpcDomainSnapshotRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->dom, error);
  g_autofree char *name = NULL;

  if (uuid == NULL)
    return FALSE;
  name = gvir_driver_connection_create_snapshot (call->conn, uuid, args->xml_desc, args->flags,
                                                 NULL, error);
  if (name == NULL)
    return FALSE;
  snapshot_fill (&ret->snap, &args->dom, name);
  return TRUE;
}

static gboolean
h_list_all (gpointer data, const GVirRpcDomainListAllSnapshotsArgs *args,
            GVirRpcDomainListAllSnapshotsRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->dom, error);
  g_auto (GStrv) names = NULL;
  guint i, n;

  if (uuid == NULL)
    return FALSE;
  names = gvir_driver_connection_list_snapshots (call->conn, uuid, args->flags, NULL, error);
  if (names == NULL)
    return FALSE;
  n = MIN (g_strv_length (names), (guint) GVIR_RPC_DOMAIN_SNAPSHOT_LIST_MAX);
  ret->ret = n;
  ret->snapshots = g_new0 (GVirRpcDomainSnapshot, MAX (n, 1));
  if (args->need_results)
    for (i = 0; i < n; i++)
      snapshot_fill (&ret->snapshots[ret->n_snapshots++], &args->dom, names[i]);
  return TRUE;
}

static gboolean
h_lookup_by_name (gpointer data, const GVirRpcDomainSnapshotLookupByNameArgs *args,
                  GVirRpcDomainSnapshotRet *ret, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->dom, error);
  g_auto (GStrv) names = NULL;

  if (uuid == NULL)
    return FALSE;
  names = gvir_driver_connection_list_snapshots (call->conn, uuid, 0, NULL, error);
  if (names == NULL)
    return FALSE;
  if (!g_strv_contains ((const char *const *) names, args->name))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                   "Domain snapshot not found: no domain snapshot with matching name '%s'",
                   args->name);
      return FALSE;
    }
  snapshot_fill (&ret->snap, &args->dom, args->name);
  return TRUE;
}

static gboolean
h_get_xml_desc (gpointer data, const GVirRpcDomainSnapshotFlagsArgs *args, GVirRpcStringRet *ret,
                GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->snap.dom, error);

  if (uuid == NULL)
    return FALSE;
  /* As libvirt: a read-only client never sees secure parts. */
  if (gvir_driver_connection_is_read_only (call->conn) && (args->flags & GVIR_DRIVER_XML_SECURE))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY,
                   "operation forbidden: virDomainSnapshotGetXMLDesc with secure flag");
      return FALSE;
    }
  ret->value = gvir_driver_connection_get_snapshot_xml (call->conn, uuid, args->snap.name,
                                                        args->flags, NULL, error);
  return ret->value != NULL;
}

static gboolean
h_delete (gpointer data, const GVirRpcDomainSnapshotFlagsArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->snap.dom, error);

  return uuid != NULL &&
         gvir_driver_connection_delete_snapshot (call->conn, uuid, args->snap.name, args->flags,
                                                 NULL, error);
}

static gboolean
h_revert (gpointer data, const GVirRpcDomainSnapshotFlagsArgs *args, GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->snap.dom, error);

  return uuid != NULL &&
         gvir_driver_connection_revert_to_snapshot (call->conn, uuid, args->snap.name,
                                                    args->flags, NULL, error);
}

static gboolean
h_is_current (gpointer data, const GVirRpcDomainSnapshotFlagsArgs *args, GVirRpcIntRet *ret,
              GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->snap.dom, error);
  gboolean current = FALSE;

  if (uuid == NULL ||
      !gvir_driver_connection_snapshot_is_current (call->conn, uuid, args->snap.name, args->flags,
                                                   &current, NULL, error))
    return FALSE;
  ret->value = current ? 1 : 0;
  return TRUE;
}

static gboolean
h_has_current (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcIntRet *ret,
               GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->dom, error);
  gboolean has = FALSE;

  if (uuid == NULL ||
      !gvir_driver_connection_has_current_snapshot (call->conn, uuid, args->flags, &has, NULL,
                                                    error))
    return FALSE;
  ret->value = has ? 1 : 0;
  return TRUE;
}

static gboolean
h_current (gpointer data, const GVirRpcDomainFlagsArgs *args, GVirRpcDomainSnapshotRet *ret,
           GError **error)
{
  GvirdCall *call = data;
  g_autofree char *uuid = domain_uuid (call, &args->dom, error);
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;

  if (uuid == NULL)
    return FALSE;
  name = gvir_driver_connection_dup_current_snapshot (call->conn, uuid, args->flags, NULL, &local);
  if (name != NULL)
    {
      snapshot_fill (&ret->snap, &args->dom, name);
      return TRUE;
    }
  /* The domain exists: not found means no current snapshot, in libvirt's words. */
  if (g_error_matches (local, GVIR_ERROR, GVIR_ERROR_NOT_FOUND))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                           "Domain snapshot not found: the domain does not have a current "
                           "snapshot");
      return FALSE;
    }
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

void
gvird_dispatch_add_snapshot (GVirRpcServerHandlers *h)
{
  h->domain_snapshot_create_xml = h_create_xml;
  h->domain_snapshot_get_xml_desc = h_get_xml_desc;
  h->domain_snapshot_lookup_by_name = h_lookup_by_name;
  h->domain_has_current_snapshot = h_has_current;
  h->domain_snapshot_current = h_current;
  h->domain_revert_to_snapshot = h_revert;
  h->domain_snapshot_delete = h_delete;
  h->domain_snapshot_is_current = h_is_current;
  h->domain_list_all_snapshots = h_list_all;
}
