/*
 * gvir-remote-secret.c: the remote driver's secrets
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-remote-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-client-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

/* flags 0: every secret; a daemon without a secret driver (libvirtd with
 * only its test driver) answers VIR_ERR_NO_SUPPORT, NOT_SUPPORTED here. */
static GPtrArray *
remote_list_secrets (gpointer       handle,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GVirRpcConnectListAllSecretsArgs args = { .need_results = 1, .flags = 0 };
  g_auto(GVirRpcConnectListAllSecretsRet) ret = { 0 };
  GPtrArray *out;
  guint32 i;

  if (!gvir_rpc_call_connect_list_all_secrets (gvir_remote_handle_get_client (handle), &args,
                                               &ret, cancellable, error))
    return NULL;
  out = g_ptr_array_new_full (ret.n_secrets, (GDestroyNotify) gvir_driver_secret_free);
  for (i = 0; i < ret.n_secrets; i++)
    {
      g_autofree char *uuid = gvir_rpc_uuid_format (ret.secrets[i].uuid);
      GVirDriverSecret secret = {
        .uuid = uuid,
        .usage_type = ret.secrets[i].usage_type,
        .usage_id = ret.secrets[i].usage_id,
      };

      g_ptr_array_add (out, gvir_driver_secret_copy (&secret));
    }
  return out;
}

/* A secret's wire reference is its listed identity: no lookup first. */
static char *
remote_get_secret_xml (gpointer                 handle,
                       const GVirDriverSecret  *secret,
                       guint                    flags,
                       GCancellable            *cancellable,
                       GError                 **error)
{
  GVirRpcSecretGetXmlDescArgs args = {
    .secret = {
      .usage_type = secret->usage_type,
      .usage_id = (char *) (secret->usage_id != NULL ? secret->usage_id : ""),
    },
    .flags = flags,
  };
  g_auto(GVirRpcStringRet) ret = { 0 };

  if (!gvir_rpc_uuid_parse (secret->uuid, args.secret.uuid))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "no secret with UUID '%s'",
                   secret->uuid);
      return NULL;
    }
  if (!gvir_rpc_call_secret_get_xml_desc (gvir_remote_handle_get_client (handle), &args, &ret,
                                          cancellable, error))
    return NULL;
  return g_steal_pointer (&ret.value);
}

const GVirDriverSecretFuncs gvir_remote_secret_funcs = {
  .list_secrets = remote_list_secrets,
  .get_secret_xml = remote_get_secret_xml,
};
