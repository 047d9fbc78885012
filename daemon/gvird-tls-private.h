/*
 * gvird-tls-private.h: the TLS listener's sessions (GnuTLS)
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <gio/gio.h>

#include "gvird-server-private.h"

G_BEGIN_DECLS

typedef struct _GvirdTls GvirdTls;

/* Loads the server certificate and key, the CA and the CRL named by the
 * configuration (libvirtd's default paths for those not set); an error
 * names the key whose file is missing or bad. */
GvirdTls *gvird_tls_new (const GvirdConfig *config, GError **error);
GvirdTls *gvird_tls_ref (GvirdTls *tls);
void gvird_tls_unref (GvirdTls *tls);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GvirdTls, gvird_tls_unref)

/* Takes the accepted TCP connection @conn: the handshake and the checks
 * of the client certificate run on a thread of their own, so a slow or
 * hostile client never holds the I/O thread. A client that passes becomes
 * a daemon client (through gvird_listen_take_client() on the I/O thread); a
 * refused one is closed with a log line saying why. */
void gvird_tls_serve (GvirdTls *tls, GvirdServer *server, GSocket *conn);

/* Whether @dn matches one of the globs of tls_allowed_dn_list (NULL: no
 * list, everyone is allowed; an empty list allows no one). */
gboolean gvird_tls_dn_allowed (char *const *allowed, const char *dn);

G_END_DECLS
