/*
 * gvird-config-private.h: the daemon's configuration (a subset of libvirtd.conf)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The file uses libvirtd.conf's syntax: "key = value" lines, '#'
 * comments, values that are integers, "strings" or [ "lists", ... ]
 * (a list may span lines). Keys carry libvirtd's names and meanings;
 * unknown keys are ignored with a warning, a bad value is an error that
 * names the key and the line.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char *unix_sock_dir;          /* NULL: the default for our uid */
  char *unix_sock_group;        /* NULL: no chgrp */
  guint unix_sock_ro_perms;
  guint unix_sock_rw_perms;
  char *auth_unix_ro;
  char *auth_unix_rw;
  gboolean listen_tcp;
  gboolean listen_tls;
  char *listen_addr;
  char *tcp_port;
  char *tls_port;
  char *auth_tcp;
  char *auth_tls;
  char *key_file;
  char *cert_file;
  char *ca_file;
  char *crl_file;
  char **tls_allowed_dn_list;   /* NULL: not set (no DN check) */
  char **sasl_allowed_username_list;  /* globs; NULL: any SASL user */
  char *tls_priority;           /* GnuTLS priority string, checked when parsed */
  int max_clients;
  int max_workers;
  int max_client_requests;
  int keepalive_interval;
  int keepalive_count;
  /* Our own: seconds a client may take to send one frame, from its first
   * byte, before it is closed (libvirtd waits forever, holding the
   * buffer). 0: no limit. */
  int frame_timeout;
  /* Our own: bytes of output queued to one client above which its calls
   * are no longer read, and an event closes it (it stopped reading). */
  int max_client_queue;
  /* Our own: microseconds the I/O thread polls without sleeping after
   * dispatches that came close together (gvird-loop.c). 0: never. */
  int busy_poll_usec;
} GvirdConfig;

GvirdConfig *gvird_config_new_default (void);
void gvird_config_free (GvirdConfig *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GvirdConfig, gvird_config_free)

/* Applies the settings of @text (named @origin in messages) on @config. */
gboolean gvird_config_parse (GvirdConfig *config, const char *text, const char *origin,
                             GError **error);
gboolean gvird_config_load_file (GvirdConfig *config, const char *path, GError **error);

G_END_DECLS
