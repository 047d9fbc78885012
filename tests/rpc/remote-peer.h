/*
 * remote-peer.h: the daemon a remote driver test talks to, libvirtd or
 * gvird, chosen by the environment
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * GVIR_REMOTE_PEER=gvird runs the same client cases against our daemon
 * (GVIRD names its binary, as for tests/daemon); unset or "libvirtd",
 * against a real libvirtd. Either way the test's own process starts the
 * daemon and stops it by its pid.
 */
#pragma once

#include "libvirtd-peer.h"
#include "../daemon/gvird-runner.h"

G_BEGIN_DECLS

typedef struct
{
  LibvirtdPeer *libvirtd;  /* one of the two is set */
  GvirdRunner *gvird;
  char *uri;               /* test:///default through the daemon's UNIX socket */
} RemotePeer;

RemotePeer *remote_peer_start (GError **error);
gboolean remote_peer_is_gvird (const RemotePeer *peer);
const char *remote_peer_name (const RemotePeer *peer);
void remote_peer_stop (RemotePeer *peer);

G_END_DECLS
