/*
 * gvir-driver-secret.c: dispatch of the secret table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "gvir-driver-dispatch-private.h"

/* The secret table of @conn's driver, NULL when it has none (libvirt's
 * test driver has none either: every call is then NOT_SUPPORTED). */
#define SECRET_TABLE (gvir_driver_connection_get_driver (conn)->secret)

/* Admits, runs and ends a call to the secret slot @slot; none mutates. */
#define SECRET_DISPATCH(failed, slot, operation, ...) \
  GVIR_DRIVER_DISPATCH (failed, SECRET_TABLE, slot, operation, FALSE, __VA_ARGS__)

GVirDriverSecret *
gvir_driver_secret_copy (const GVirDriverSecret *secret)
{
  GVirDriverSecret *copy;

  g_return_val_if_fail (secret != NULL, NULL);

  copy = g_new (GVirDriverSecret, 1);
  copy->uuid = g_strdup (secret->uuid);
  copy->usage_type = secret->usage_type;
  copy->usage_id = g_strdup (secret->usage_id);
  return copy;
}

void
gvir_driver_secret_free (GVirDriverSecret *secret)
{
  if (secret == NULL)
    return;

  g_free (secret->uuid);
  g_free (secret->usage_id);
  g_free (secret);
}

GPtrArray *
gvir_driver_connection_list_secrets (GVirDriverConnection  *conn,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  SECRET_DISPATCH (NULL, list_secrets, "list secrets", cancellable, error);
}

char *
gvir_driver_connection_get_secret_xml (GVirDriverConnection    *conn,
                                       const GVirDriverSecret  *secret,
                                       guint                    flags,
                                       GCancellable            *cancellable,
                                       GError                 **error)
{
  const char *op = "get secret XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (secret != NULL && secret->uuid != NULL, op, "no secret given",
                              error))
    return NULL;
  SECRET_DISPATCH (NULL, get_secret_xml, op, secret, flags, cancellable, error);
}
