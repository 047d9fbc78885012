/*
 * gvird-dispatch-private.h: what the procedure handlers of each area
 * (gvird-dispatch-{storage,network,snapshot,devices,host}.c) share with
 * gvird-dispatch.c
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "gvird-server-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include "libvirt-gobject/rpc/gvir-rpc-remote-private.h"

G_BEGIN_DECLS

/* What a handler sees of its call. */
typedef struct
{
  GvirdSession *session;
  GVirDriverConnection *conn;   /* a reference, NULL before open */
  /* The libvirt error number a GVIR_ERROR_NOT_FOUND of the driver becomes
   * (0: VIR_ERR_NO_DOMAIN). A handler sets it once it has found the
   * domain, if any, and before it asks for the object of its own area, so
   * that a missing pool, volume, network or snapshot gets libvirt's own
   * number, as libvirt's clients test it. */
  gint32 not_found;
  /* The same for a GVIR_ERROR_EXISTS (0: VIR_ERR_DOM_EXIST). */
  gint32 exists;
  /* The error domain of a bad document, a name or UUID taken or an
   * object already running, where libvirt reports them from the layer
   * that parses and lists its objects (0: the driver's). */
  gint32 document_domain;
  /* A call that opens a data stream leaves it here (a reference): its
   * packets follow the reply (gvird-stream.c). */
  GVirDriverStream *stream;
} GvirdCall;

/* The canonical string form of an RPC UUID. */
char *gvird_uuid_string (const guint8 *uuid);

/* A domain's current record (looked up by UUID, as libvirtd does). */
GVirDriverDomain *gvird_call_lookup_domain (GvirdCall            *call,
                                            const GVirRpcDomain  *dom,
                                            GError              **error);
void gvird_rpc_domain_fill (GVirRpcDomain          *out,
                            const GVirDriverDomain *dom);

/* Each area adds its handlers to the daemon's table. */
void gvird_dispatch_add_storage (GVirRpcServerHandlers *handlers);
void gvird_dispatch_add_network (GVirRpcServerHandlers *handlers);
void gvird_dispatch_add_snapshot (GVirRpcServerHandlers *handlers);
void gvird_dispatch_add_devices (GVirRpcServerHandlers *handlers);
void gvird_dispatch_add_host (GVirRpcServerHandlers *handlers);
void gvird_dispatch_add_streams (GVirRpcServerHandlers *handlers);
void gvird_dispatch_add_sasl (GVirRpcServerHandlers *handlers);

/* The session's SASL state; NULL when its socket does not use SASL. */
GvirdSasl *gvird_session_get_sasl (GvirdSession *session);

G_END_DECLS
