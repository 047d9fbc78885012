/*
 * gvir-rpc-remote.c: UUID text and error numbers of the remote program
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"
#include "libvirt-gobject/libvirt-gobject-error.h"

/* ---- UUIDs -------------------------------------------------------------- */

gboolean
gvir_rpc_uuid_parse (const char *str,
                     guint8      uuid[GVIR_RPC_UUID_LEN])
{
  guint n = 0;

  g_return_val_if_fail (str != NULL, FALSE);

  /* Accepts the dashed form and the bare 32 hex digits, as libvirt does. */
  while (*str != '\0' && n < GVIR_RPC_UUID_LEN)
    {
      int hi, lo;

      if (*str == '-')
        {
          str++;
          continue;
        }
      hi = g_ascii_xdigit_value (str[0]);
      lo = hi < 0 ? -1 : g_ascii_xdigit_value (str[1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      uuid[n++] = (guint8) ((hi << 4) | lo);
      str += 2;
    }
  return n == GVIR_RPC_UUID_LEN && *str == '\0';
}

char *
gvir_rpc_uuid_format (const guint8 uuid[GVIR_RPC_UUID_LEN])
{
  static const char hex[] = "0123456789abcdef";
  /* Fetching thousands of domains formats thousands of UUIDs: by hand,
   * not through printf. */
  char *out = g_malloc (2 * GVIR_RPC_UUID_LEN + 4 + 1);   /* hex digits, dashes, NUL */
  char *p = out;
  guint i;

  for (i = 0; i < GVIR_RPC_UUID_LEN; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[uuid[i] >> 4];
      *p++ = hex[uuid[i] & 0xf];
    }
  *p = '\0';
  return out;
}

/* ---- errors -------------------------------------------------------------- */

static GVirError
map_error_code (gint32 code)
{
  switch (code)
    {
    case GVIR_RPC_ERR_NO_DOMAIN:
    case GVIR_RPC_ERR_INVALID_DOMAIN:
    case GVIR_RPC_ERR_NO_DOMAIN_SNAPSHOT:
    case GVIR_RPC_ERR_NO_NETWORK:
    case GVIR_RPC_ERR_NO_STORAGE_POOL:
    case GVIR_RPC_ERR_INVALID_STORAGE_POOL:
    case GVIR_RPC_ERR_NO_STORAGE_VOL:
    case GVIR_RPC_ERR_INVALID_STORAGE_VOL:
    case GVIR_RPC_ERR_NO_NWFILTER:
    case GVIR_RPC_ERR_INVALID_NWFILTER:
    case GVIR_RPC_ERR_NO_NODE_DEVICE:
    case GVIR_RPC_ERR_INVALID_NODE_DEVICE:
    case GVIR_RPC_ERR_NO_INTERFACE:
    case GVIR_RPC_ERR_INVALID_INTERFACE:
      return GVIR_ERROR_NOT_FOUND;
    case GVIR_RPC_ERR_NO_SECRET:
    case GVIR_RPC_ERR_INVALID_SECRET:
      return GVIR_ERROR_NOT_FOUND;
    case GVIR_RPC_ERR_OPERATION_INVALID:
      return GVIR_ERROR_OPERATION_INVALID;
    case GVIR_RPC_ERR_NO_SUPPORT:
    case GVIR_RPC_ERR_CONFIG_UNSUPPORTED:
    case GVIR_RPC_ERR_OPERATION_UNSUPPORTED:
      return GVIR_ERROR_NOT_SUPPORTED;
    case GVIR_RPC_ERR_AUTH_FAILED:
      return GVIR_ERROR_AUTH_FAILED;
    case GVIR_RPC_ERR_XML_ERROR:
    case GVIR_RPC_ERR_XML_DETAIL:
      return GVIR_ERROR_XML;
    case GVIR_RPC_ERR_DOM_EXIST:
    case GVIR_RPC_ERR_STORAGE_VOL_EXIST:
      return GVIR_ERROR_EXISTS;
    case GVIR_RPC_ERR_INVALID_ARG:
    case GVIR_RPC_ERR_MULTIPLE_INTERFACES:
      return GVIR_ERROR_INVALID_ARGUMENT;
    case GVIR_RPC_ERR_OPERATION_DENIED:
      return GVIR_ERROR_READ_ONLY;
    case GVIR_RPC_ERR_RPC:
      return GVIR_ERROR_PROTOCOL;
    default:
      return GVIR_ERROR_FAILED;
    }
}

GError *
gvir_rpc_error_to_gerror (const GVirRpcError *err)
{
  GVirError code = map_error_code (err->code);

  if (err->message != NULL && err->message[0] != '\0')
    return g_error_new (GVIR_ERROR, code, "%s", err->message);
  return g_error_new (GVIR_ERROR, code, "the server reported error %d (domain %d) without a message",
                      err->code, err->domain);
}

/* The GVIR_ERROR code a server reports as each libvirt error number: the
 * inverse of map_error_code() for the numbers a client maps back. */
static gint32
error_number_of (const GError *error)
{
  if (error->domain != GVIR_ERROR)
    return GVIR_RPC_ERR_INTERNAL_ERROR;
  switch ((GVirError) error->code)
    {
    case GVIR_ERROR_NOT_FOUND:
      return GVIR_RPC_ERR_NO_DOMAIN;
    case GVIR_ERROR_OPERATION_INVALID:
      return GVIR_RPC_ERR_OPERATION_INVALID;
    case GVIR_ERROR_NOT_SUPPORTED:
      return GVIR_RPC_ERR_NO_SUPPORT;
    case GVIR_ERROR_AUTH_FAILED:
      return GVIR_RPC_ERR_AUTH_FAILED;
    case GVIR_ERROR_XML:
      return GVIR_RPC_ERR_XML_ERROR;
    case GVIR_ERROR_EXISTS:
      return GVIR_RPC_ERR_DOM_EXIST;
    case GVIR_ERROR_INVALID_ARGUMENT:
      return GVIR_RPC_ERR_INVALID_ARG;
    case GVIR_ERROR_READ_ONLY:
      return GVIR_RPC_ERR_OPERATION_DENIED;
    case GVIR_ERROR_PROTOCOL:
      return GVIR_RPC_ERR_RPC;
    default:
      return GVIR_RPC_ERR_INTERNAL_ERROR;
    }
}

void
gvir_rpc_error_from_gerror (const GError *error,
                            GVirRpcError *err)
{
  g_return_if_fail (error != NULL);
  g_return_if_fail (err != NULL);

  memset (err, 0, sizeof *err);
  err->code = error_number_of (error);
  err->domain = err->code == GVIR_RPC_ERR_RPC ? GVIR_RPC_ERR_DOMAIN_RPC
                                               : GVIR_RPC_ERR_DOMAIN_REMOTE;
  err->message = g_strdup (error->message);
  err->level = GVIR_RPC_ERR_LEVEL_ERROR;
}
