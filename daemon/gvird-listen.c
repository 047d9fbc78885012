/*
 * gvird-listen.c: the read-write and read-only UNIX sockets
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * As libvirtd: "libvirt-sock" (read-write, unix_sock_rw_perms) and
 * "libvirt-sock-ro" (read-only, unix_sock_ro_perms) under unix_sock_dir,
 * both given to unix_sock_group when it is set. The file modes are the
 * main access control; on top of them the peer credentials (SO_PEERCRED)
 * of a read-write client must be root, our own uid or in the socket
 * group, so a mode set too wide by mistake does not give everyone write
 * access.
 *
 * With --listen, as libvirtd: TCP (listen_tcp, tcp_port) and TLS
 * (listen_tls, tls_port) on listen_addr (all addresses when unset). We
 * offer SASL only where the channel is private already (gvird-sasl.c), so
 * auth_tcp can only be "none" (the config parser refuses the others): a
 * TCP client is then unauthenticated and unencrypted, which libvirtd
 * also allows; we warn when that listener is not on a loopback address.
 * A TLS client is authenticated by its certificate (gvird-tls.c), and by
 * SASL too when auth_tls = "sasl".
 */
/* struct ucred (SO_PEERCRED) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <grp.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "gvird-server-private.h"
#include "gvird-tls-private.h"

typedef enum
{
  LISTENER_UNIX,
  LISTENER_TCP,
  LISTENER_TLS,
} GvirdListenerKind;

typedef struct
{
  GvirdServer *server;
  GvirdListenerKind kind;
  GSocket *socket;
  GSource *source;
  char *path;                   /* UNIX: the socket file */
  char *name;                   /* for messages: the path or address:port */
  GvirdTls *tls;                /* TLS only */
  gboolean read_only;
  gboolean adopted;           /* passed by systemd: the socket file is not ours */
  gboolean have_group;
  gid_t group;
} GvirdListener;

static void
listener_free (gpointer data)
{
  GvirdListener *l = data;

  if (l->source != NULL)
    {
      g_source_destroy (l->source);
      g_source_unref (l->source);
    }
  if (l->socket != NULL)
    g_socket_close (l->socket, NULL);
  g_clear_object (&l->socket);
  if (l->path != NULL && !l->adopted)
    g_unlink (l->path);
  g_free (l->path);
  g_free (l->name);
#if HAVE_GNUTLS
  g_clear_pointer (&l->tls, gvird_tls_unref);
#endif
  g_free (l);
}

static void
read_peer (GSocket   *socket,
           GvirdPeer *peer)
{
  struct ucred cred;
  socklen_t len = sizeof cred;

  if (getsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_PEERCRED, &cred, &len) == 0 &&
      len == sizeof cred)
    {
      peer->have_cred = TRUE;
      peer->pid = cred.pid;
      peer->uid = cred.uid;
      peer->gid = cred.gid;
    }
}

static gboolean
peer_may_write (const GvirdListener *l,
                const GvirdPeer     *peer)
{
  if (!peer->have_cred)
    return FALSE;
  if (peer->uid == 0 || peer->uid == getuid ())
    return TRUE;
  return l->have_group && peer->gid == l->group;
}

static gboolean
server_is_full (const GvirdServer *server)
{
  return server->n_clients >= (guint) server->config->max_clients;
}

void
gvird_listen_take_client (GvirdServer     *server,
                          GSocket         *socket,
                          const GvirdPeer *peer)
{
  if (server_is_full (server))
    {
      g_message ("refusing a client: max_clients (%d) reached", server->config->max_clients);
      g_socket_close (socket, NULL);
      return;
    }
  server->clients = g_list_prepend (server->clients, gvird_client_new (server, socket, peer));
  server->n_clients++;
  if (server->idle_source != NULL)
    {
      g_source_destroy (server->idle_source);
      g_clear_pointer (&server->idle_source, g_source_unref);
    }
}

/* The auth_* setting of @l's socket. */
static const char *
listener_auth (const GvirdListener *l)
{
  const GvirdConfig *config = l->server->config;

  if (l->kind == LISTENER_TCP)
    return config->auth_tcp;
  return l->read_only ? config->auth_unix_ro : config->auth_unix_rw;
}

static gboolean
listener_accept (GSocket      *socket,
                 GIOCondition  condition,
                 gpointer      data)
{
  GvirdListener *l = data;
  GvirdServer *server = l->server;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) conn = g_socket_accept (socket, NULL, &error);
  GvirdPeer peer = { 0 };

  if (conn == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        g_warning ("accept on %s: %s", l->name, error->message);
      return G_SOURCE_CONTINUE;
    }
  if (server_is_full (server))
    {
      g_message ("refusing a client on %s: max_clients (%d) reached", l->name,
                 server->config->max_clients);
      return G_SOURCE_CONTINUE;
    }
#if HAVE_GNUTLS
  if (l->kind == LISTENER_TLS)
    {
      gvird_tls_serve (l->tls, server, conn);
      return G_SOURCE_CONTINUE;
    }
#endif
  peer.read_only = l->read_only;
  peer.sasl = g_str_equal (listener_auth (l), "sasl");
  if (l->kind == LISTENER_UNIX)
    {
      read_peer (conn, &peer);
      if (!l->read_only && !peer_may_write (l, &peer))
        {
          g_message ("refusing pid %d uid %u on %s: not root, not uid %u, not in the socket "
                     "group", peer.pid, peer.uid, l->name, (guint) getuid ());
          return G_SOURCE_CONTINUE;
        }
    }
  gvird_listen_take_client (server, conn, &peer);
  return G_SOURCE_CONTINUE;
}

static void
listener_watch (GvirdListener *l)
{
  g_socket_set_blocking (l->socket, FALSE);
  l->source = g_socket_create_source (l->socket, G_IO_IN, NULL);
  g_source_set_callback (l->source, (GSourceFunc) (GCallback) listener_accept, l, NULL);
  g_source_attach (l->source, l->server->context);
}

/* Listens on @l's bound socket and serves it. */
static gboolean
listener_start (GvirdListener  *l,
                GError        **error)
{
  g_socket_set_listen_backlog (l->socket, 1000);
  if (!g_socket_listen (l->socket, error))
    return FALSE;
  listener_watch (l);
  return TRUE;
}

/* Whether a daemon still answers on @path (then it is not ours to take). */
static gboolean
socket_in_use (const char *path)
{
  g_autoptr (GSocketAddress) addr = g_unix_socket_address_new (path);
  g_autoptr (GSocket) probe = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_DEFAULT, NULL);

  return probe != NULL && g_socket_connect (probe, addr, NULL, NULL);
}

static gboolean
listener_open (GvirdServer  *server,
               const char   *dir,
               const char   *name,
               guint         perms,
               gboolean      read_only,
               GError      **error)
{
  const GvirdConfig *config = server->config;
  GvirdListener *l = g_new0 (GvirdListener, 1);
  g_autoptr (GSocketAddress) addr = NULL;

  l->server = server;
  l->read_only = read_only;
  l->kind = LISTENER_UNIX;
  l->path = g_build_filename (dir, name, NULL);
  l->name = g_strdup (l->path);
  g_ptr_array_add (server->listeners, l);
  if (socket_in_use (l->path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE,
                   "%s: another daemon is listening there", l->path);
      g_clear_pointer (&l->path, g_free);  /* not ours to remove */
      return FALSE;
    }
  g_unlink (l->path);
  if (config->unix_sock_group != NULL)
    {
      struct group *gr = getgrnam (config->unix_sock_group);

      if (gr == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       "unix_sock_group: no group named '%s'", config->unix_sock_group);
          return FALSE;
        }
      l->have_group = TRUE;
      l->group = gr->gr_gid;
    }
  l->socket = g_socket_new (G_SOCKET_FAMILY_UNIX, G_SOCKET_TYPE_STREAM,
                            G_SOCKET_PROTOCOL_DEFAULT, error);
  if (l->socket == NULL)
    return FALSE;
  addr = g_unix_socket_address_new (l->path);
  if (!g_socket_bind (l->socket, addr, FALSE, error))
    return FALSE;
  if (g_chmod (l->path, perms) != 0 ||
      (l->have_group && chown (l->path, (uid_t) -1, l->group) != 0))
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot set mode %04o or group: %s", l->path, perms, g_strerror (saved));
      return FALSE;
    }
  if (!listener_start (l, error))
    return FALSE;
  g_debug ("listening on %s (%s, mode %04o)", l->path, read_only ? "read-only" : "read-write",
           perms);
  return TRUE;
}

gboolean
gvird_listen_adopt (GvirdServer  *server,
                    int           fd,
                    const char   *name,
                    gboolean      read_only,
                    GError      **error)
{
  GvirdListener *l = g_new0 (GvirdListener, 1);

  if (server->listeners == NULL)
    server->listeners = g_ptr_array_new_with_free_func (listener_free);
  l->server = server;
  l->read_only = read_only;
  l->adopted = TRUE;
  l->kind = LISTENER_UNIX;
  l->path = g_strdup_printf ("fd %d (%s)", fd, name);
  l->name = g_strdup (l->path);
  g_ptr_array_add (server->listeners, l);
  l->socket = g_socket_new_from_fd (fd, error);
  if (l->socket == NULL)
    {
      g_prefix_error (error, "socket %s from systemd: ", l->path);
      return FALSE;
    }
  listener_watch (l);
  g_debug ("listening on %s (%s, from systemd)", l->path, read_only ? "read-only" : "read-write");
  return TRUE;
}

gboolean
gvird_listen_unix (GvirdServer  *server,
                   const char   *dir,
                   GError      **error)
{
  const GvirdConfig *config = server->config;

  if (server->listeners == NULL)
    server->listeners = g_ptr_array_new_with_free_func (listener_free);
  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "cannot create the socket folder %s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return listener_open (server, dir, "libvirt-sock", config->unix_sock_rw_perms, FALSE, error) &&
         listener_open (server, dir, "libvirt-sock-ro", config->unix_sock_ro_perms, TRUE, error);
}

void
gvird_listen_close_all (GvirdServer *server)
{
  g_clear_pointer (&server->listeners, g_ptr_array_unref);
}

/* ---- TCP and TLS (--listen) ---------------------------------------------- */

/* tcp_port and tls_port are strings: a number or a service name. */
static gboolean
parse_port (const char  *key,
            const char  *value,
            guint16     *port,
            GError     **error)
{
  guint64 n;
  struct servent *service;

  if (g_ascii_string_to_unsigned (value, 10, 1, 65535, &n, NULL))
    {
      *port = (guint16) n;
      return TRUE;
    }
  service = getservbyname (value, "tcp");
  if (service == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "%s: '%s' is neither a port number nor a TCP service", key, value);
      return FALSE;
    }
  *port = ntohs ((guint16) service->s_port);
  return TRUE;
}

/* listen_addr's addresses: every address of the name, or all of the
 * host's (IPv6 "::", which takes IPv4 too, else "0.0.0.0") when unset. */
static GList *
listen_addresses (const char  *listen_addr,
                  GError     **error)
{
  g_autoptr (GResolver) resolver = NULL;
  GInetAddress *literal;

  if (listen_addr == NULL)
    {
      g_autoptr (GSocket) probe = g_socket_new (G_SOCKET_FAMILY_IPV6, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL);

      return g_list_prepend (NULL, g_inet_address_new_any (probe != NULL ? G_SOCKET_FAMILY_IPV6
                                                                          : G_SOCKET_FAMILY_IPV4));
    }
  literal = g_inet_address_new_from_string (listen_addr);
  if (literal != NULL)
    return g_list_prepend (NULL, literal);
  resolver = g_resolver_get_default ();
  return g_resolver_lookup_by_name (resolver, listen_addr, NULL, error);
}

static gboolean
listener_open_inet (GvirdServer       *server,
                    GvirdListenerKind  kind,
                    GInetAddress      *address,
                    guint16            port,
                    GvirdTls          *tls,
                    GError           **error)
{
  GvirdListener *l = g_new0 (GvirdListener, 1);
  g_autoptr (GSocketAddress) addr = g_inet_socket_address_new (address, port);
  g_autofree char *host = g_inet_address_to_string (address);

  l->server = server;
  l->kind = kind;
  l->name = g_strdup_printf ("%s %s port %u", kind == LISTENER_TLS ? "TLS" : "TCP", host, port);
#if HAVE_GNUTLS
  l->tls = tls != NULL ? gvird_tls_ref (tls) : NULL;
#endif
  g_ptr_array_add (server->listeners, l);
  l->socket = g_socket_new (g_inet_address_get_family (address), G_SOCKET_TYPE_STREAM,
                            G_SOCKET_PROTOCOL_TCP, error);
  if (l->socket == NULL || !g_socket_bind (l->socket, addr, TRUE, error) ||
      !listener_start (l, error))
    {
      g_prefix_error (error, "%s: ", l->name);
      return FALSE;
    }
  if (kind == LISTENER_TCP && !g_inet_address_get_is_loopback (address))
    g_warning ("listening on %s without authentication or encryption (auth_tcp = \"none\"): "
               "anyone who reaches it controls the daemon", l->name);
  g_message ("listening on %s", l->name);
  return TRUE;
}

static gboolean
listen_inet (GvirdServer        *server,
             GvirdListenerKind   kind,
             const char         *port_key,
             const char         *port_value,
             GvirdTls           *tls,
             GError            **error)
{
  GList *addresses, *a;
  gboolean ok = TRUE;
  guint16 port;

  if (!parse_port (port_key, port_value, &port, error))
    return FALSE;
  addresses = listen_addresses (server->config->listen_addr, error);
  if (addresses == NULL)
    {
      g_prefix_error (error, "listen_addr: ");
      return FALSE;
    }
  for (a = addresses; a != NULL && ok; a = a->next)
    ok = listener_open_inet (server, kind, a->data, port, tls, error);
  g_resolver_free_addresses (addresses);
  return ok;
}

gboolean
gvird_listen_network (GvirdServer  *server,
                      GError      **error)
{
  const GvirdConfig *config = server->config;
  g_autoptr (GvirdTls) tls = NULL;

  if (server->listeners == NULL)
    server->listeners = g_ptr_array_new_with_free_func (listener_free);
  if (config->listen_tcp &&
      !listen_inet (server, LISTENER_TCP, "tcp_port", config->tcp_port, NULL, error))
    return FALSE;
  if (!config->listen_tls)
    return TRUE;
#if !HAVE_GNUTLS
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "listen_tls: built without GnuTLS (set listen_tls = 0)");
  return FALSE;
#else
  tls = gvird_tls_new (config, error);
  return tls != NULL &&
         listen_inet (server, LISTENER_TLS, "tls_port", config->tls_port, tls, error);
#endif
}
