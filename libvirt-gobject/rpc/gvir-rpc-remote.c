/*
 * gvir-rpc-remote.c: message shapes of the remote program
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

#include "gvir-rpc-remote-private.h"
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
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          uuid[0], uuid[1], uuid[2], uuid[3], uuid[4], uuid[5],
                          uuid[6], uuid[7], uuid[8], uuid[9], uuid[10], uuid[11],
                          uuid[12], uuid[13], uuid[14], uuid[15]);
}

/* ---- remote_nonnull_domain ---------------------------------------------- */

/* name (at least 4 bytes), uuid (16), id (4) */
#define DOMAIN_MIN_SIZE 24

void
gvir_rpc_domain_clear (GVirRpcDomain *dom)
{
  g_clear_pointer (&dom->name, g_free);
}

void
gvir_rpc_put_domain (GByteArray          *buf,
                     const GVirRpcDomain *dom)
{
  gvir_xdr_put_string (buf, dom->name);
  gvir_xdr_put_opaque_fixed (buf, dom->uuid, GVIR_RPC_UUID_LEN);
  gvir_xdr_put_i32 (buf, dom->id);
}

gboolean
gvir_rpc_get_domain (GVirXdrReader  *reader,
                     GVirRpcDomain  *dom,
                     GError        **error)
{
  memset (dom, 0, sizeof *dom);
  if (!gvir_xdr_get_string (reader, GVIR_RPC_STRING_MAX, &dom->name, error))
    return FALSE;
  if (!gvir_xdr_get_opaque_fixed (reader, dom->uuid, GVIR_RPC_UUID_LEN, error) ||
      !gvir_xdr_get_i32 (reader, &dom->id, error))
    {
      gvir_rpc_domain_clear (dom);
      return FALSE;
    }
  return TRUE;
}

/* ---- remote_error -------------------------------------------------------- */

void
gvir_rpc_error_clear (GVirRpcError *err)
{
  g_clear_pointer (&err->message, g_free);
  g_clear_pointer (&err->str1, g_free);
  g_clear_pointer (&err->str2, g_free);
  g_clear_pointer (&err->str3, g_free);
}

void
gvir_rpc_put_error (GByteArray         *buf,
                    const GVirRpcError *err)
{
  gvir_xdr_put_i32 (buf, err->code);
  gvir_xdr_put_i32 (buf, err->domain);
  gvir_xdr_put_opt_string (buf, err->message);
  gvir_xdr_put_i32 (buf, err->level);
  gvir_xdr_put_bool (buf, FALSE);   /* dom */
  gvir_xdr_put_opt_string (buf, err->str1);
  gvir_xdr_put_opt_string (buf, err->str2);
  gvir_xdr_put_opt_string (buf, err->str3);
  gvir_xdr_put_i32 (buf, err->int1);
  gvir_xdr_put_i32 (buf, err->int2);
  gvir_xdr_put_bool (buf, FALSE);   /* net */
}

/* remote_domain and remote_network: read past them, keep nothing. */
static gboolean
skip_optional_object (GVirXdrReader  *reader,
                      gboolean        with_id,
                      GError        **error)
{
  gboolean present;
  const guint8 *name;
  guint32 name_len;
  guint8 uuid[GVIR_RPC_UUID_LEN];
  gint32 id;

  if (!gvir_xdr_get_present (reader, &present, error))
    return FALSE;
  if (!present)
    return TRUE;
  if (!gvir_xdr_get_opaque (reader, GVIR_RPC_STRING_MAX, &name, &name_len, error) ||
      !gvir_xdr_get_opaque_fixed (reader, uuid, sizeof uuid, error))
    return FALSE;
  return !with_id || gvir_xdr_get_i32 (reader, &id, error);
}

gboolean
gvir_rpc_get_error (GVirXdrReader  *reader,
                    GVirRpcError   *err,
                    GError        **error)
{
  memset (err, 0, sizeof *err);
  if (gvir_xdr_get_i32 (reader, &err->code, error) &&
      gvir_xdr_get_i32 (reader, &err->domain, error) &&
      gvir_xdr_get_opt_string (reader, GVIR_RPC_STRING_MAX, &err->message, error) &&
      gvir_xdr_get_i32 (reader, &err->level, error) &&
      skip_optional_object (reader, TRUE, error) &&
      gvir_xdr_get_opt_string (reader, GVIR_RPC_STRING_MAX, &err->str1, error) &&
      gvir_xdr_get_opt_string (reader, GVIR_RPC_STRING_MAX, &err->str2, error) &&
      gvir_xdr_get_opt_string (reader, GVIR_RPC_STRING_MAX, &err->str3, error) &&
      gvir_xdr_get_i32 (reader, &err->int1, error) &&
      gvir_xdr_get_i32 (reader, &err->int2, error) &&
      skip_optional_object (reader, FALSE, error))
    return TRUE;

  gvir_rpc_error_clear (err);
  return FALSE;
}

static GVirError
map_error_code (gint32 code)
{
  switch (code)
    {
    case GVIR_RPC_ERR_NO_DOMAIN:
    case GVIR_RPC_ERR_INVALID_DOMAIN:
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
      return GVIR_ERROR_EXISTS;
    case GVIR_RPC_ERR_INVALID_ARG:
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

/* ---- remote_typed_param -------------------------------------------------- */

void
gvir_rpc_typed_param_clear (GVirRpcTypedParam *param)
{
  g_clear_pointer (&param->field, g_free);
  if (param->type == GVIR_RPC_PARAM_STRING)
    g_clear_pointer (&param->value.s, g_free);
}

static void
put_typed_param (GByteArray              *buf,
                 const GVirRpcTypedParam *param)
{
  gvir_xdr_put_string (buf, param->field);
  gvir_xdr_put_i32 (buf, param->type);
  switch (param->type)
    {
    case GVIR_RPC_PARAM_INT:
      gvir_xdr_put_i32 (buf, param->value.i);
      break;
    case GVIR_RPC_PARAM_UINT:
      gvir_xdr_put_u32 (buf, param->value.ui);
      break;
    case GVIR_RPC_PARAM_LLONG:
      gvir_xdr_put_i64 (buf, param->value.l);
      break;
    case GVIR_RPC_PARAM_ULLONG:
      gvir_xdr_put_u64 (buf, param->value.ul);
      break;
    case GVIR_RPC_PARAM_DOUBLE:
      gvir_xdr_put_double (buf, param->value.d);
      break;
    case GVIR_RPC_PARAM_BOOLEAN:
      gvir_xdr_put_i32 (buf, param->value.b);
      break;
    case GVIR_RPC_PARAM_STRING:
      gvir_xdr_put_string (buf, param->value.s != NULL ? param->value.s : "");
      break;
    default:
      g_return_if_reached ();
    }
}

void
gvir_rpc_put_typed_params (GByteArray              *buf,
                           const GVirRpcTypedParam *params,
                           guint                    n)
{
  guint i;

  gvir_xdr_put_u32 (buf, n);
  for (i = 0; i < n; i++)
    put_typed_param (buf, &params[i]);
}

static gboolean
get_typed_param_value (GVirXdrReader      *reader,
                       GVirRpcTypedParam  *param,
                       GError            **error)
{
  switch (param->type)
    {
    case GVIR_RPC_PARAM_INT:
      return gvir_xdr_get_i32 (reader, &param->value.i, error);
    case GVIR_RPC_PARAM_UINT:
      return gvir_xdr_get_u32 (reader, &param->value.ui, error);
    case GVIR_RPC_PARAM_LLONG:
      return gvir_xdr_get_i64 (reader, &param->value.l, error);
    case GVIR_RPC_PARAM_ULLONG:
      return gvir_xdr_get_u64 (reader, &param->value.ul, error);
    case GVIR_RPC_PARAM_DOUBLE:
      return gvir_xdr_get_double (reader, &param->value.d, error);
    case GVIR_RPC_PARAM_BOOLEAN:
      return gvir_xdr_get_i32 (reader, &param->value.b, error);
    case GVIR_RPC_PARAM_STRING:
      return gvir_xdr_get_string (reader, GVIR_RPC_STRING_MAX, &param->value.s, error);
    default:
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_PROTOCOL,
                   "malformed message: typed parameter '%s' has unknown type %d",
                   param->field, param->type);
      return FALSE;
    }
}

gboolean
gvir_rpc_get_typed_params (GVirXdrReader  *reader,
                           guint32         max,
                           GArray        **params,
                           GError        **error)
{
  g_autoptr(GArray) out = NULL;
  guint32 n, i;

  /* field (4) + type (4) + smallest value (4) */
  if (!gvir_xdr_get_array_count (reader, max, 12, &n, error))
    return FALSE;

  out = g_array_sized_new (FALSE, TRUE, sizeof (GVirRpcTypedParam), n);
  g_array_set_clear_func (out, (GDestroyNotify) gvir_rpc_typed_param_clear);
  for (i = 0; i < n; i++)
    {
      GVirRpcTypedParam param = { 0 };

      if (!gvir_xdr_get_string (reader, GVIR_RPC_STRING_MAX, &param.field, error))
        return FALSE;
      if (!gvir_xdr_get_i32 (reader, &param.type, error) ||
          !get_typed_param_value (reader, &param, error))
        {
          /* Only the field is owned until the value decoded. */
          g_free (param.field);
          return FALSE;
        }
      g_array_append_val (out, param);
    }
  *params = g_steal_pointer (&out);
  return TRUE;
}

/* ---- node and domain info ------------------------------------------------ */

void
gvir_rpc_put_node_info (GByteArray            *buf,
                        const GVirRpcNodeInfo *info)
{
  guint i;

  /* char model[32]: rpcgen widens each char to a 4-byte int. */
  for (i = 0; i < 32; i++)
    gvir_xdr_put_i32 (buf, (gint32) (signed char) info->model[i]);
  gvir_xdr_put_u64 (buf, info->memory_kib);
  gvir_xdr_put_i32 (buf, info->cpus);
  gvir_xdr_put_i32 (buf, info->mhz);
  gvir_xdr_put_i32 (buf, info->nodes);
  gvir_xdr_put_i32 (buf, info->sockets);
  gvir_xdr_put_i32 (buf, info->cores);
  gvir_xdr_put_i32 (buf, info->threads);
}

gboolean
gvir_rpc_get_node_info (GVirXdrReader    *reader,
                        GVirRpcNodeInfo  *info,
                        GError          **error)
{
  guint i;

  memset (info, 0, sizeof *info);
  for (i = 0; i < 32; i++)
    {
      gint32 c;

      if (!gvir_xdr_get_i32 (reader, &c, error))
        return FALSE;
      info->model[i] = (char) (c & 0xff);
    }
  info->model[32] = '\0';
  return gvir_xdr_get_u64 (reader, &info->memory_kib, error) &&
         gvir_xdr_get_i32 (reader, &info->cpus, error) &&
         gvir_xdr_get_i32 (reader, &info->mhz, error) &&
         gvir_xdr_get_i32 (reader, &info->nodes, error) &&
         gvir_xdr_get_i32 (reader, &info->sockets, error) &&
         gvir_xdr_get_i32 (reader, &info->cores, error) &&
         gvir_xdr_get_i32 (reader, &info->threads, error);
}

void
gvir_rpc_put_domain_info (GByteArray              *buf,
                          const GVirRpcDomainInfo *info)
{
  gvir_xdr_put_u32 (buf, info->state);
  gvir_xdr_put_u64 (buf, info->max_mem_kib);
  gvir_xdr_put_u64 (buf, info->memory_kib);
  gvir_xdr_put_u32 (buf, info->nr_virt_cpu);
  gvir_xdr_put_u64 (buf, info->cpu_time_ns);
}

gboolean
gvir_rpc_get_domain_info (GVirXdrReader      *reader,
                          GVirRpcDomainInfo  *info,
                          GError            **error)
{
  memset (info, 0, sizeof *info);
  return gvir_xdr_get_u32 (reader, &info->state, error) &&
         gvir_xdr_get_u64 (reader, &info->max_mem_kib, error) &&
         gvir_xdr_get_u64 (reader, &info->memory_kib, error) &&
         gvir_xdr_get_u32 (reader, &info->nr_virt_cpu, error) &&
         gvir_xdr_get_u64 (reader, &info->cpu_time_ns, error);
}

/* ---- domain lists -------------------------------------------------------- */

void
gvir_rpc_put_domain_list (GByteArray          *buf,
                          const GVirRpcDomain *doms,
                          guint                n,
                          guint32              ret)
{
  guint i;

  gvir_xdr_put_u32 (buf, n);
  for (i = 0; i < n; i++)
    gvir_rpc_put_domain (buf, &doms[i]);
  gvir_xdr_put_u32 (buf, ret);
}

gboolean
gvir_rpc_get_domain_list (GVirXdrReader  *reader,
                          GArray        **doms,
                          guint32        *ret,
                          GError        **error)
{
  g_autoptr(GArray) out = NULL;
  guint32 n, i;

  if (!gvir_xdr_get_array_count (reader, GVIR_RPC_DOMAIN_LIST_MAX, DOMAIN_MIN_SIZE, &n, error))
    return FALSE;

  out = g_array_sized_new (FALSE, TRUE, sizeof (GVirRpcDomain), n);
  g_array_set_clear_func (out, (GDestroyNotify) gvir_rpc_domain_clear);
  for (i = 0; i < n; i++)
    {
      GVirRpcDomain dom;

      if (!gvir_rpc_get_domain (reader, &dom, error))
        return FALSE;
      g_array_append_val (out, dom);
    }
  if (!gvir_xdr_get_u32 (reader, ret, error))
    return FALSE;
  *doms = g_steal_pointer (&out);
  return TRUE;
}

/* ---- events -------------------------------------------------------------- */

void
gvir_rpc_put_lifecycle_event (GByteArray                  *buf,
                              const GVirRpcLifecycleEvent *ev,
                              gboolean                     with_callback_id)
{
  if (with_callback_id)
    gvir_xdr_put_i32 (buf, ev->callback_id);
  gvir_rpc_put_domain (buf, &ev->dom);
  gvir_xdr_put_i32 (buf, ev->event);
  gvir_xdr_put_i32 (buf, ev->detail);
}

gboolean
gvir_rpc_get_lifecycle_event (GVirXdrReader          *reader,
                              GVirRpcLifecycleEvent  *ev,
                              gboolean                with_callback_id,
                              GError                **error)
{
  memset (ev, 0, sizeof *ev);
  ev->callback_id = -1;
  if (with_callback_id && !gvir_xdr_get_i32 (reader, &ev->callback_id, error))
    return FALSE;
  if (!gvir_rpc_get_domain (reader, &ev->dom, error))
    return FALSE;
  if (!gvir_xdr_get_i32 (reader, &ev->event, error) ||
      !gvir_xdr_get_i32 (reader, &ev->detail, error))
    {
      gvir_rpc_domain_clear (&ev->dom);
      return FALSE;
    }
  return TRUE;
}

gboolean
gvir_rpc_get_u64_array (GVirXdrReader  *reader,
                        guint32         max,
                        GArray        **values,
                        GError        **error)
{
  g_autoptr(GArray) out = NULL;
  guint32 n, i;

  if (!gvir_xdr_get_array_count (reader, max, 8, &n, error))
    return FALSE;
  out = g_array_sized_new (FALSE, FALSE, sizeof (guint64), n);
  for (i = 0; i < n; i++)
    {
      guint64 v;

      if (!gvir_xdr_get_u64 (reader, &v, error))
        return FALSE;
      g_array_append_val (out, v);
    }
  *values = g_steal_pointer (&out);
  return TRUE;
}
