/*
 * gvird-config.c: libvirtd.conf subset parser
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#if HAVE_GNUTLS
#include <gnutls/gnutls.h>
#endif

#include "gvird-config-private.h"

typedef enum
{
  VALUE_INT,
  VALUE_STRING,
  VALUE_LIST,
} ValueKind;

typedef struct
{
  ValueKind kind;
  gint64 i;
  char *s;
  GPtrArray *list;
} Value;

typedef enum
{
  KEY_STRING,   /* a string */
  KEY_BOOL,     /* 0 or 1 */
  KEY_COUNT,    /* an integer >= 0 */
  KEY_PERMS,    /* an octal mode in a string, e.g. "0770" */
  KEY_AUTH,     /* "none", "sasl" or "polkit" */
  KEY_LIST,     /* a list of strings */
  KEY_PRIORITY, /* a GnuTLS priority string ("NORMAL:-VERS-TLS1.0") */
} KeyType;

typedef struct
{
  const char *name;
  KeyType type;
  gsize offset;
  int max;          /* KEY_COUNT: the largest value taken */
} KeyInfo;

#define KEY(name, type) { #name, type, offsetof (GvirdConfig, name), G_MAXINT }
#define KEY_UPTO(name, max) { #name, KEY_COUNT, offsetof (GvirdConfig, name), max }

/* A longer busy poll would hold a CPU for nothing: a client that pauses
 * that long between calls gains nothing from it. */
#define BUSY_POLL_USEC_MAX 1000

static const KeyInfo keys[] = {
  KEY (unix_sock_dir, KEY_STRING),
  KEY (unix_sock_group, KEY_STRING),
  KEY (unix_sock_ro_perms, KEY_PERMS),
  KEY (unix_sock_rw_perms, KEY_PERMS),
  KEY (auth_unix_ro, KEY_AUTH),
  KEY (auth_unix_rw, KEY_AUTH),
  KEY (listen_tcp, KEY_BOOL),
  KEY (listen_tls, KEY_BOOL),
  KEY (listen_addr, KEY_STRING),
  KEY (tcp_port, KEY_STRING),
  KEY (tls_port, KEY_STRING),
  KEY (auth_tcp, KEY_AUTH),
  KEY (auth_tls, KEY_AUTH),
  KEY (key_file, KEY_STRING),
  KEY (cert_file, KEY_STRING),
  KEY (ca_file, KEY_STRING),
  KEY (crl_file, KEY_STRING),
  KEY (tls_allowed_dn_list, KEY_LIST),
  KEY (sasl_allowed_username_list, KEY_LIST),
  KEY (tls_priority, KEY_PRIORITY),
  KEY (max_clients, KEY_COUNT),
  KEY (max_workers, KEY_COUNT),
  KEY (max_client_requests, KEY_COUNT),
  KEY (keepalive_interval, KEY_COUNT),
  KEY (keepalive_count, KEY_COUNT),
  KEY (frame_timeout, KEY_COUNT),
  KEY (max_client_queue, KEY_COUNT),
  KEY_UPTO (busy_poll_usec, BUSY_POLL_USEC_MAX),
};

GvirdConfig *
gvird_config_new_default (void)
{
  GvirdConfig *config = g_new0 (GvirdConfig, 1);

  /* libvirtd's defaults (daemonConfigNew), without polkit. */
  config->unix_sock_ro_perms = 0777;
  config->unix_sock_rw_perms = 0700;
  config->auth_unix_ro = g_strdup ("none");
  config->auth_unix_rw = g_strdup ("none");
  config->listen_tls = TRUE;
  config->tcp_port = g_strdup ("16509");
  config->tls_port = g_strdup ("16514");
  config->auth_tcp = g_strdup ("none");
  config->auth_tls = g_strdup ("none");
  config->tls_priority = g_strdup ("NORMAL");
  config->max_clients = 5000;
  config->max_workers = 20;
  config->max_client_requests = 5;
  config->keepalive_interval = 5;
  config->keepalive_count = 5;
  config->frame_timeout = 30;
  config->max_client_queue = 16 * 1024 * 1024;
  config->busy_poll_usec = 100;
  return config;
}

void
gvird_config_free (GvirdConfig *config)
{
  guint i;

  if (config == NULL)
    return;
  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      gpointer field = G_STRUCT_MEMBER_P (config, keys[i].offset);

      if (keys[i].type == KEY_STRING || keys[i].type == KEY_AUTH || keys[i].type == KEY_PRIORITY)
        g_free (*(char **) field);
      else if (keys[i].type == KEY_LIST)
        g_strfreev (*(char ***) field);
    }
  g_free (config);
}

/* ---- lexer ---------------------------------------------------------------- */

typedef struct
{
  const char *p;
  const char *origin;
  guint line;
} Lexer;

static gboolean
lexer_fail (Lexer *lx, GError **error, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static gboolean
lexer_fail (Lexer       *lx,
            GError     **error,
            const char  *fmt,
            ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE, "%s:%u: %s",
               lx->origin, lx->line, msg);
  return FALSE;
}

/* Skips blanks and, when @newlines, line ends and comments too. */
static void
lexer_skip (Lexer    *lx,
            gboolean  newlines)
{
  for (;;)
    {
      if (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r')
        lx->p++;
      else if (*lx->p == '#')
        {
          if (!newlines)
            return;
          while (*lx->p != '\0' && *lx->p != '\n')
            lx->p++;
        }
      else if (*lx->p == '\n' && newlines)
        {
          lx->p++;
          lx->line++;
        }
      else
        return;
    }
}

static gboolean
lexer_string (Lexer   *lx,
              char   **out,
              GError **error)
{
  GString *s = g_string_new (NULL);

  lx->p++;  /* the opening quote */
  while (*lx->p != '"')
    {
      if (*lx->p == '\0' || *lx->p == '\n')
        {
          g_string_free (s, TRUE);
          return lexer_fail (lx, error, "unterminated string");
        }
      if (*lx->p == '\\' && (lx->p[1] == '"' || lx->p[1] == '\\'))
        lx->p++;
      g_string_append_c (s, *lx->p++);
    }
  lx->p++;
  *out = g_string_free (s, FALSE);
  return TRUE;
}

static void
value_clear (Value *v)
{
  g_clear_pointer (&v->s, g_free);
  g_clear_pointer (&v->list, g_ptr_array_unref);
}

static gboolean
lexer_list (Lexer   *lx,
            Value   *v,
            GError **error)
{
  v->kind = VALUE_LIST;
  v->list = g_ptr_array_new_with_free_func (g_free);
  lx->p++;  /* '[' */
  for (;;)
    {
      char *item = NULL;

      lexer_skip (lx, TRUE);
      if (*lx->p == ']')
        break;
      if (*lx->p != '"')
        return lexer_fail (lx, error, "a list holds only \"strings\"");
      if (!lexer_string (lx, &item, error))
        return FALSE;
      g_ptr_array_add (v->list, item);
      lexer_skip (lx, TRUE);
      if (*lx->p == ',')
        lx->p++;
      else if (*lx->p != ']')
        return lexer_fail (lx, error, "expected ',' or ']' in a list");
    }
  lx->p++;
  return TRUE;
}

static gboolean
lexer_value (Lexer   *lx,
             Value   *v,
             GError **error)
{
  if (*lx->p == '"')
    {
      v->kind = VALUE_STRING;
      return lexer_string (lx, &v->s, error);
    }
  if (*lx->p == '[')
    return lexer_list (lx, v, error);
  if (g_ascii_isdigit (*lx->p) || *lx->p == '-')
    {
      char *end = NULL;

      v->kind = VALUE_INT;
      v->i = g_ascii_strtoll (lx->p, &end, 10);
      if (end == lx->p || (!g_ascii_isspace (*end) && *end != '#' && *end != '\0'))
        return lexer_fail (lx, error, "bad number");
      lx->p = end;
      return TRUE;
    }
  return lexer_fail (lx, error, "expected a number, a \"string\" or a [ list ]");
}

/* ---- keys ----------------------------------------------------------------- */

static const KeyInfo *
key_lookup (const char *name)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_str_equal (keys[i].name, name))
      return &keys[i];
  return NULL;
}

static gboolean
parse_perms (const char *s,
             guint      *out)
{
  char *end = NULL;
  guint64 mode;

  if (s[0] == '\0' || strspn (s, "01234567") != strlen (s))
    return FALSE;
  mode = g_ascii_strtoull (s, &end, 8);
  if (mode > 07777)
    return FALSE;
  *out = (guint) mode;
  return TRUE;
}

/* Whether GnuTLS accepts @priority; *@bad_at points into it where it
 * does not. Checked when the file is read, so a typo stops the daemon at
 * start with the key and line instead of failing every TLS handshake.
 * Without GnuTLS there is no TLS listener to use it: anything goes. */
static gboolean
priority_valid (const char  *priority,
                const char **bad_at)
{
#if HAVE_GNUTLS
  gnutls_priority_t cache = NULL;

  if (gnutls_priority_init (&cache, priority, bad_at) < 0)
    {
      if (*bad_at == NULL)
        *bad_at = priority;
      return FALSE;
    }
  gnutls_priority_deinit (cache);
#endif
  return TRUE;
}

/* An auth_* value: "none", or "sasl" where gvird can run it. Polkit is
 * not supported. SASL needs a channel that is private already (a UNIX
 * socket or TLS): on plain TCP libvirt asks SASL for an encrypting layer,
 * which gvird does not provide, so auth_tcp = "sasl" is refused rather
 * than run unencrypted. */
static gboolean
auth_valid (Lexer          *lx,
            const KeyInfo  *key,
            const Value    *v,
            GError        **error)
{
  if (v->kind == VALUE_STRING && g_str_equal (v->s, "none"))
    return TRUE;
  if (v->kind != VALUE_STRING || !g_str_equal (v->s, "sasl"))
    return lexer_fail (lx, error, "%s: expected \"none\" or \"sasl\" (polkit is not supported)",
                       key->name);
  if (!HAVE_SASL)
    return lexer_fail (lx, error, "%s: gvird was built without SASL", key->name);
  if (g_str_equal (key->name, "auth_tcp"))
    return lexer_fail (lx, error, "%s: SASL on plain TCP needs an encrypting SASL layer, which "
                       "gvird does not provide: use listen_tls with auth_tls = \"sasl\"",
                       key->name);
  return TRUE;
}

static gboolean
key_apply (GvirdConfig    *config,
           const KeyInfo  *key,
           Value          *v,
           Lexer          *lx,
           GError        **error)
{
  gpointer field = G_STRUCT_MEMBER_P (config, key->offset);
  const char *bad_at = NULL;

  switch (key->type)
    {
    case KEY_BOOL:
      if (v->kind != VALUE_INT || (v->i != 0 && v->i != 1))
        return lexer_fail (lx, error, "%s: expected 0 or 1", key->name);
      *(gboolean *) field = v->i == 1;
      return TRUE;
    case KEY_COUNT:
      if (v->kind != VALUE_INT || v->i < 0 || v->i > key->max)
        return lexer_fail (lx, error, "%s: expected a number from 0 to %d", key->name, key->max);
      *(int *) field = (int) v->i;
      return TRUE;
    case KEY_PERMS:
      if (v->kind != VALUE_STRING || !parse_perms (v->s, field))
        return lexer_fail (lx, error, "%s: expected an octal mode in a string, such as \"0770\"",
                           key->name);
      return TRUE;
    case KEY_AUTH:
      if (!auth_valid (lx, key, v, error))
        return FALSE;
      break;
    case KEY_STRING:
      if (v->kind != VALUE_STRING)
        return lexer_fail (lx, error, "%s: expected a \"string\"", key->name);
      break;
    case KEY_PRIORITY:
      if (v->kind != VALUE_STRING)
        return lexer_fail (lx, error, "%s: expected a \"string\"", key->name);
      if (!priority_valid (v->s, &bad_at))
        return lexer_fail (lx, error, "%s: not a GnuTLS priority string (bad at \"%s\")",
                           key->name, bad_at);
      break;
    case KEY_LIST:
      if (v->kind != VALUE_LIST)
        return lexer_fail (lx, error, "%s: expected a [ \"list\", ... ] of strings", key->name);
      g_strfreev (*(char ***) field);
      g_ptr_array_add (v->list, NULL);
      *(char ***) field = (char **) g_ptr_array_steal (v->list, NULL);
      return TRUE;
    default:
      g_assert_not_reached ();
    }
  g_free (*(char **) field);
  *(char **) field = g_steal_pointer (&v->s);
  return TRUE;
}

static gboolean
parse_setting (GvirdConfig  *config,
               Lexer        *lx,
               GError      **error)
{
  const char *start = lx->p;
  g_autofree char *name = NULL;
  const KeyInfo *key;
  guint key_line = lx->line;
  Value v = { 0 };
  gboolean ok;

  while (g_ascii_isalnum (*lx->p) || *lx->p == '_')
    lx->p++;
  if (lx->p == start)
    return lexer_fail (lx, error, "expected a key name");
  name = g_strndup (start, lx->p - start);
  lexer_skip (lx, FALSE);
  if (*lx->p != '=')
    return lexer_fail (lx, error, "%s: expected '=' after the key", name);
  lx->p++;
  lexer_skip (lx, FALSE);
  if (!lexer_value (lx, &v, error))
    {
      value_clear (&v);
      return FALSE;
    }
  key = key_lookup (name);
  if (key == NULL)
    {
      g_warning ("%s:%u: unknown key '%s' ignored", lx->origin, key_line, name);
      ok = TRUE;
    }
  else
    {
      guint end_line = lx->line;

      lx->line = key_line;  /* errors name the key's line */
      ok = key_apply (config, key, &v, lx, error);
      lx->line = end_line;
    }
  value_clear (&v);
  if (!ok)
    return FALSE;
  lexer_skip (lx, FALSE);
  if (*lx->p == '#')
    lexer_skip (lx, TRUE);
  else if (*lx->p != '\n' && *lx->p != '\0')
    return lexer_fail (lx, error, "%s: unexpected text after the value", name);
  return TRUE;
}

gboolean
gvird_config_parse (GvirdConfig  *config,
                    const char   *text,
                    const char   *origin,
                    GError      **error)
{
  Lexer lx = { text, origin, 1 };

  for (;;)
    {
      lexer_skip (&lx, TRUE);
      if (*lx.p == '\0')
        return TRUE;
      if (!parse_setting (config, &lx, error))
        return FALSE;
    }
}

gboolean
gvird_config_load_file (GvirdConfig  *config,
                        const char   *path,
                        GError      **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &text, &len, error))
    return FALSE;
  if (strlen (text) != len)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_PARSE,
                   "%s: the file holds a NUL byte", path);
      return FALSE;
    }
  return gvird_config_parse (config, text, path, error);
}
