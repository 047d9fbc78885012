/*
 * gvird-sasl.c: SASL authentication of a client (auth_* = "sasl")
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * As libvirtd: a client on a socket whose auth_* is "sasl" may only call
 * the procedures flagged preauth (AUTH_LIST, AUTH_SASL_*, ...) until it
 * has gone through AUTH_SASL_INIT (the mechanisms we offer), then
 * AUTH_SASL_START and as many AUTH_SASL_STEP as the mechanism needs. The
 * SASL service name is "libvirt", so Cyrus SASL reads libvirt.conf from
 * its configuration path (mech_list, sasldb_path, ...) and the users and
 * passwords an administrator made with `saslpasswd2 -a libvirt` serve
 * both daemons. A user name must also match sasl_allowed_username_list
 * (globs) when the list is set.
 *
 * SASL only runs where the channel is already private: UNIX sockets and
 * TLS. It negotiates no security layer of its own (the config parser
 * refuses auth_tcp = "sasl", where libvirt needs one), so the mechanisms
 * are those that authenticate only (SCRAM, DIGEST-MD5 without a layer,
 * GSSAPI, ...). Anonymous and plain-text mechanisms are not offered.
 *
 * Every failure answers libvirt's VIR_ERR_AUTH_FAILED and drops the
 * exchange, so the client may start again with AUTH_SASL_INIT; the
 * reason goes to the log only, as libvirtd does, so that a client learns
 * nothing about which user names exist.
 */
#include "config.h"

#include "gvird-dispatch-private.h"

#if HAVE_SASL
#include <sasl/sasl.h>
#endif

struct _GvirdSasl
{
  /* The library's calls are serialized: Cyrus SASL needs mutex callbacks
   * for threads, and a client sends one token at a time anyway. */
  GMutex lock;
  const GvirdConfig *config;
  gint done;                /* authenticated (atomic: read on every call) */
#if HAVE_SASL
  sasl_conn_t *conn;        /* the exchange in progress, or NULL */
#endif
};

#if HAVE_SASL
static GMutex library_lock;
static gboolean library_ready;   /* sasl_server_init() succeeded */
#endif

GvirdSasl *
gvird_sasl_new (const GvirdConfig *config)
{
  GvirdSasl *sasl = g_new0 (GvirdSasl, 1);

  g_mutex_init (&sasl->lock);
  sasl->config = config;
  return sasl;
}

static void
sasl_drop_exchange (GvirdSasl *sasl)
{
#if HAVE_SASL
  if (sasl->conn != NULL)
    {
      g_mutex_lock (&library_lock);
      sasl_dispose (&sasl->conn);
      g_mutex_unlock (&library_lock);
    }
#endif
}

void
gvird_sasl_free (GvirdSasl *sasl)
{
  if (sasl == NULL)
    return;
  sasl_drop_exchange (sasl);
  g_mutex_clear (&sasl->lock);
  g_free (sasl);
}

gboolean
gvird_sasl_is_done (GvirdSasl *sasl)
{
  return g_atomic_int_get (&sasl->done);
}

gboolean
gvird_sasl_global_init (GError **error)
{
#if HAVE_SASL
  int rc;

  g_mutex_lock (&library_lock);
  rc = sasl_server_init (NULL, "libvirt");
  library_ready = rc == SASL_OK;
  g_mutex_unlock (&library_lock);
  if (rc != SASL_OK)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED, "cannot initialise SASL: %s",
                   sasl_errstring (rc, NULL, NULL));
      return FALSE;
    }
  return TRUE;
#else
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                       "gvird was built without SASL");
  return FALSE;
#endif
}

void
gvird_sasl_global_done (void)
{
#if HAVE_SASL
  g_mutex_lock (&library_lock);
  if (library_ready)
    sasl_done ();
  library_ready = FALSE;
  g_mutex_unlock (&library_lock);
#endif
}

#if HAVE_SASL

/* The one error a client gets, whatever went wrong; @why is logged. */
static gboolean
auth_failed (GvirdSasl   *sasl,
             const char  *why,
             GError     **error)
{
  g_message ("SASL authentication failed: %s", why);
  sasl_drop_exchange (sasl);
  g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED, "authentication failed");
  return FALSE;
}

/* The SASL state of the call's client, or an error when its socket does
 * not use SASL (libvirtd refuses such a request the same way). */
static GvirdSasl *
call_sasl (gpointer   data,
           GError   **error)
{
  GvirdSasl *sasl = gvird_session_get_sasl (((GvirdCall *) data)->session);

  if (sasl == NULL)
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_AUTH_FAILED, "authentication failed");
  return sasl;
}

/* A token as the wire carries it (one int per byte) and back. */
static char *
token_bytes (const gint32 *data,
             guint32       n)
{
  char *bytes = g_malloc (MAX (n, 1));
  guint32 i;

  for (i = 0; i < n; i++)
    bytes[i] = (char) data[i];
  return bytes;
}

static gint32 *
token_ints (const char *bytes,
            unsigned    n)
{
  gint32 *data = g_new (gint32, MAX (n, 1));
  unsigned i;

  for (i = 0; i < n; i++)
    data[i] = (guint8) bytes[i];
  return data;
}

static gboolean
user_allowed (const GvirdConfig *config,
              const char        *user)
{
  guint i;

  if (config->sasl_allowed_username_list == NULL)
    return TRUE;
  for (i = 0; config->sasl_allowed_username_list[i] != NULL; i++)
    if (g_pattern_match_simple (config->sasl_allowed_username_list[i], user))
      return TRUE;
  return FALSE;
}

/* Fills @ret from one step's result; the exchange ends on success (the
 * user name checked) or on an error. Under sasl->lock. */
static gboolean
sasl_answer (GvirdSasl          *sasl,
             int                 rc,
             const char         *out,
             unsigned            out_len,
             GVirRpcAuthSaslRet *ret,
             GError            **error)
{
  const void *user = NULL;
  g_autofree char *why = NULL;

  if (rc != SASL_OK && rc != SASL_CONTINUE)
    {
      why = g_strdup (sasl_errdetail (sasl->conn));
      return auth_failed (sasl, why, error);
    }
  if (out_len > GVIR_RPC_AUTH_SASL_DATA_MAX)
    return auth_failed (sasl, "the mechanism's answer is too long", error);
  ret->nil = out == NULL;
  ret->n_data = out_len;
  ret->data = out_len > 0 ? token_ints (out, out_len) : NULL;
  ret->complete = rc == SASL_OK;
  if (rc == SASL_CONTINUE)
    return TRUE;
  if (sasl_getprop (sasl->conn, SASL_USERNAME, &user) != SASL_OK || user == NULL)
    return auth_failed (sasl, "the mechanism gave no user name", error);
  if (!user_allowed (sasl->config, user))
    {
      why = g_strdup_printf ("user '%s' is not on sasl_allowed_username_list",
                             (const char *) user);
      return auth_failed (sasl, why, error);
    }
  g_message ("client authenticated as '%s' (SASL)", (const char *) user);
  g_atomic_int_set (&sasl->done, TRUE);
  sasl_drop_exchange (sasl);
  return TRUE;
}

static gboolean
sasl_open_exchange (GvirdSasl *sasl,
                    GError   **error)
{
  sasl_security_properties_t props = { 0 };
  int rc;

  sasl_drop_exchange (sasl);
  g_mutex_lock (&library_lock);
  rc = sasl_server_new ("libvirt", NULL, NULL, NULL, NULL, NULL, SASL_SUCCESS_DATA, &sasl->conn);
  g_mutex_unlock (&library_lock);
  if (rc != SASL_OK)
    {
      sasl->conn = NULL;
      return auth_failed (sasl, sasl_errstring (rc, NULL, NULL), error);
    }
  /* The channel is private already (UNIX socket or TLS): no layer. */
  props.min_ssf = 0;
  props.max_ssf = 0;
  props.maxbufsize = 8192;
  props.security_flags = SASL_SEC_NOANONYMOUS | SASL_SEC_NOPLAINTEXT;
  if (sasl_setprop (sasl->conn, SASL_SEC_PROPS, &props) != SASL_OK)
    return auth_failed (sasl, sasl_errdetail (sasl->conn), error);
  return TRUE;
}

static gboolean
h_auth_sasl_init (gpointer                 data,
                  GVirRpcAuthSaslInitRet  *ret,
                  GError                 **error)
{
  GvirdSasl *sasl = call_sasl (data, error);
  const char *mechlist = NULL;
  gboolean ok = FALSE;

  if (sasl == NULL)
    return FALSE;
  g_mutex_lock (&sasl->lock);
  if (g_atomic_int_get (&sasl->done))
    ok = auth_failed (sasl, "the client is authenticated already", error);
  else if (sasl_open_exchange (sasl, error))
    {
      g_mutex_lock (&library_lock);
      if (sasl_listmech (sasl->conn, NULL, "", ",", "", &mechlist, NULL, NULL) != SASL_OK)
        mechlist = NULL;
      g_mutex_unlock (&library_lock);
      if (mechlist == NULL || *mechlist == '\0')
        ok = auth_failed (sasl, "no SASL mechanism is available", error);
      else
        {
          ret->mechlist = g_strdup (mechlist);
          ok = TRUE;
        }
    }
  g_mutex_unlock (&sasl->lock);
  return ok;
}

/* One token of the client's, through sasl_server_start() when @mech is
 * set (AUTH_SASL_START), else sasl_server_step() (AUTH_SASL_STEP). */
static gboolean
sasl_exchange (gpointer             data,
               const char          *mech,
               gboolean             nil,
               const gint32        *token,
               guint32              n_token,
               GVirRpcAuthSaslRet  *ret,
               GError             **error)
{
  GvirdSasl *sasl = call_sasl (data, error);
  g_autofree char *in = NULL;
  const char *out = NULL;
  unsigned out_len = 0;
  gboolean ok;
  int rc;

  if (sasl == NULL)
    return FALSE;
  in = token_bytes (token, n_token);
  g_mutex_lock (&sasl->lock);
  if (sasl->conn == NULL)
    ok = auth_failed (sasl, "a SASL token came before AUTH_SASL_INIT", error);
  else
    {
      g_mutex_lock (&library_lock);
      if (mech != NULL)
        rc = sasl_server_start (sasl->conn, mech, nil ? NULL : in, nil ? 0 : n_token, &out,
                                &out_len);
      else
        rc = sasl_server_step (sasl->conn, nil ? NULL : in, nil ? 0 : n_token, &out, &out_len);
      g_mutex_unlock (&library_lock);
      ok = sasl_answer (sasl, rc, out, out_len, ret, error);
    }
  g_mutex_unlock (&sasl->lock);
  return ok;
}

static gboolean
h_auth_sasl_start (gpointer                         data,
                   const GVirRpcAuthSaslStartArgs  *args,
                   GVirRpcAuthSaslRet              *ret,
                   GError                         **error)
{
  return sasl_exchange (data, args->mech, args->nil, args->data, args->n_data, ret, error);
}

static gboolean
h_auth_sasl_step (gpointer                        data,
                  const GVirRpcAuthSaslStepArgs  *args,
                  GVirRpcAuthSaslRet             *ret,
                  GError                        **error)
{
  return sasl_exchange (data, NULL, args->nil, args->data, args->n_data, ret, error);
}

void
gvird_dispatch_add_sasl (GVirRpcServerHandlers *h)
{
  h->auth_sasl_init = h_auth_sasl_init;
  h->auth_sasl_start = h_auth_sasl_start;
  h->auth_sasl_step = h_auth_sasl_step;
}

#else /* !HAVE_SASL */

/* Without SASL no socket uses it (the config parser refuses "sasl"):
 * the procedures stay unsupported, as on a libvirtd built without it. */
void
gvird_dispatch_add_sasl (GVirRpcServerHandlers *h)
{
}

#endif
