/*
 * gvir-rpc-remote-private.h: message shapes of the remote program
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Internal: never installed, never in a GIR.
 *
 * Both directions of each shape are here, so that a client and a server
 * share one codec and the tests can round-trip every shape.
 */
#pragma once

#include <glib.h>

#include "gvir-rpc-protocol-private.h"
#include "gvir-rpc-xdr-private.h"

G_BEGIN_DECLS

#define GVIR_RPC_UUID_LEN 16

/* Canonical lower-case 36-character form <-> 16 raw bytes. */
gboolean gvir_rpc_uuid_parse (const char *str, guint8 uuid[GVIR_RPC_UUID_LEN]);
char *gvir_rpc_uuid_format (const guint8 uuid[GVIR_RPC_UUID_LEN]);

/* ---- remote_nonnull_domain ---------------------------------------------- */

typedef struct
{
  char *name;
  guint8 uuid[GVIR_RPC_UUID_LEN];
  gint32 id;      /* -1 when inactive */
} GVirRpcDomain;

void gvir_rpc_domain_clear (GVirRpcDomain *dom);
void gvir_rpc_put_domain (GByteArray *buf, const GVirRpcDomain *dom);
gboolean gvir_rpc_get_domain (GVirXdrReader *reader, GVirRpcDomain *dom, GError **error);

/* ---- remote_error -------------------------------------------------------- */

typedef struct
{
  gint32 code;       /* virErrorNumber */
  gint32 domain;     /* virErrorDomain */
  char *message;     /* nullable */
  gint32 level;
  char *str1, *str2, *str3;  /* nullable */
  gint32 int1, int2;
} GVirRpcError;

void gvir_rpc_error_clear (GVirRpcError *err);
/* The dom and net members are always sent absent. */
void gvir_rpc_put_error (GByteArray *buf, const GVirRpcError *err);
/* Decodes and discards the dom and net members when present. */
gboolean gvir_rpc_get_error (GVirXdrReader *reader, GVirRpcError *err, GError **error);
/* Maps the server's error to a GVIR_ERROR with its message. */
GError *gvir_rpc_error_to_gerror (const GVirRpcError *err);

/* ---- remote_typed_param -------------------------------------------------- */

typedef struct
{
  char *field;
  gint32 type;       /* GVirRpcParamType */
  union
  {
    gint32 i;
    guint32 ui;
    gint64 l;
    guint64 ul;
    double d;
    gint32 b;
    char *s;
  } value;
} GVirRpcTypedParam;

void gvir_rpc_typed_param_clear (GVirRpcTypedParam *param);
void gvir_rpc_put_typed_params (GByteArray *buf, const GVirRpcTypedParam *params, guint n);
/* Returns a GArray of GVirRpcTypedParam with a clear func set. */
gboolean gvir_rpc_get_typed_params (GVirXdrReader *reader, guint32 max, GArray **params,
                                    GError **error);

/* ---- composite replies --------------------------------------------------- */

typedef struct
{
  char model[33];    /* 32 XDR chars (4 bytes each) and a terminator */
  guint64 memory_kib;
  gint32 cpus, mhz, nodes, sockets, cores, threads;
} GVirRpcNodeInfo;

void gvir_rpc_put_node_info (GByteArray *buf, const GVirRpcNodeInfo *info);
gboolean gvir_rpc_get_node_info (GVirXdrReader *reader, GVirRpcNodeInfo *info, GError **error);

typedef struct
{
  guint32 state;     /* unsigned char on the wire: 4 bytes */
  guint64 max_mem_kib;
  guint64 memory_kib;
  guint32 nr_virt_cpu;  /* unsigned short on the wire: 4 bytes */
  guint64 cpu_time_ns;
} GVirRpcDomainInfo;

void gvir_rpc_put_domain_info (GByteArray *buf, const GVirRpcDomainInfo *info);
gboolean gvir_rpc_get_domain_info (GVirXdrReader *reader, GVirRpcDomainInfo *info, GError **error);

/* remote_connect_list_all_domains_ret: GArray of GVirRpcDomain (clear
 * func set) and the count. */
void gvir_rpc_put_domain_list (GByteArray *buf, const GVirRpcDomain *doms, guint n, guint32 ret);
gboolean gvir_rpc_get_domain_list (GVirXdrReader *reader, GArray **doms, guint32 *ret,
                                   GError **error);

/* Lifecycle events: callback style (proc 318) carries callback_id first;
 * the legacy style (proc 107) does not (pass callback_id NULL). */
typedef struct
{
  gint32 callback_id;
  GVirRpcDomain dom;
  gint32 event;
  gint32 detail;
} GVirRpcLifecycleEvent;

void gvir_rpc_put_lifecycle_event (GByteArray *buf, const GVirRpcLifecycleEvent *ev,
                                   gboolean with_callback_id);
gboolean gvir_rpc_get_lifecycle_event (GVirXdrReader *reader, GVirRpcLifecycleEvent *ev,
                                       gboolean with_callback_id, GError **error);

/* unsigned hyper cells<1024>: a GArray of guint64. */
gboolean gvir_rpc_get_u64_array (GVirXdrReader *reader, guint32 max, GArray **values,
                                 GError **error);

G_END_DECLS
