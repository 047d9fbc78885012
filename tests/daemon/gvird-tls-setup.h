/*
 * gvird-tls-setup.h: what a test needs for gvird's TCP and TLS listeners:
 * certificates made with certtool, and free loopback ports
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* certtool's templates for a client whose DN is C=US,O=Test,CN=testclient. */
extern const char gvird_pki_client_template[];

/* A new temporary folder holding a CA (cakey.pem, cacert.pem), a server
 * certificate for localhost and 127.0.0.1 (serverkey.pem, servercert.pem)
 * signed by it, and a good client's (clientkey.pem, clientcert.pem); its
 * subfolder "client-good" is a client's pkipath (cacert.pem,
 * clientcert.pem, clientkey.pem). Free with gvird_pki_remove(). */
char *gvird_pki_new (void);
/* The pkipath folder of gvird_pki_new()'s good client (new string). */
char *gvird_pki_client_dir (const char *pki);
/* NAMEkey.pem and NAMEcert.pem in @pki from certtool's @template, signed
 * by CAkey.pem/CAcert.pem there (self-signed when @ca is NULL). */
void gvird_pki_make_cert (const char *pki, const char *name, const char *template,
                          const char *ca);
/* Runs certtool with @args (NULL-terminated) in @pki; asserts success. */
void gvird_pki_run_certtool (const char *pki, const char *const *args);
/* Removes @pki and everything in it. */
void gvird_pki_remove (const char *pki);

/* A loopback port nobody listens on right now (the daemon binds it next). */
int gvird_free_port (void);
/* A blocking TCP connection to @host:@port with the wait bound as socket
 * timeouts, or -1. */
int gvird_tcp_connect (const char *host, int port);
/* Waits (bounded) until something accepts connections on 127.0.0.1:@port. */
void gvird_wait_for_port (int port);

G_END_DECLS
