/*
 * remote-peer.c: the daemon a remote driver test talks to
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "remote-peer.h"

RemotePeer *
remote_peer_start (GError **error)
{
  const char *which = g_getenv ("GVIR_REMOTE_PEER");
  RemotePeer *peer = g_new0 (RemotePeer, 1);

  if (which != NULL && g_str_equal (which, "gvird"))
    {
      peer->gvird = gvird_runner_start (NULL, error);
      if (peer->gvird != NULL)
        peer->uri = gvird_runner_uri (peer->gvird, FALSE);
    }
  else if (which == NULL || which[0] == '\0' || g_str_equal (which, "libvirtd"))
    {
      peer->libvirtd = libvirtd_peer_start (PEER_TLS_NONE, error);
      if (peer->libvirtd != NULL)
        peer->uri = g_strdup_printf ("test+unix:///default?socket=%s", peer->libvirtd->socket);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 "GVIR_REMOTE_PEER='%s': expected 'libvirtd' or 'gvird'", which);
  if (peer->uri == NULL)
    {
      g_free (peer);
      return NULL;
    }
  return peer;
}

gboolean
remote_peer_is_gvird (const RemotePeer *peer)
{
  return peer->gvird != NULL;
}

const char *
remote_peer_name (const RemotePeer *peer)
{
  return peer->gvird != NULL ? "gvird" : "libvirtd";
}

void
remote_peer_stop (RemotePeer *peer)
{
  if (peer == NULL)
    return;
  if (peer->gvird != NULL)
    gvird_runner_stop (peer->gvird);
  if (peer->libvirtd != NULL)
    libvirtd_peer_stop (peer->libvirtd);
  g_free (peer->uri);
  g_free (peer);
}
