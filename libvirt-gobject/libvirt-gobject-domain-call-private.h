/*
 * libvirt-gobject-domain-call-private.h: driver calls made for a GVirDomain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

typedef struct _DomainCall DomainCall;

/* One driver call on behalf of a domain. Runs in the caller's thread for
 * the blocking API and in a GTask worker for the async one. */
typedef gboolean (*DomainCallFunc) (GVirDomain *self, GVirDriverConnection *drv,
                                    DomainCall *call, GCancellable *cancellable,
                                    GError **error);

/* The generic part of a call: what runs, its own arguments (a struct
 * defined next to the operation, or NULL) and its result. */
struct _DomainCall
{
  DomainCallFunc func;
  gboolean changes_state;   /* re-read the domain into the cache afterwards */
  gpointer args;            /* the operation's own arguments, or NULL */
  GDestroyNotify args_free; /* frees @args, or NULL */
  gpointer result;
  GDestroyNotify result_free;
};

/* The result of get_state: both values the driver answers. */
typedef struct
{
  int state;
  int reason;
} DomainStateResult;

/* @changes_state: the domain is read again into the cache after the call.
 * The call takes @args, freed with @args_free (when not NULL). */
DomainCall *domain_call_new (DomainCallFunc func, gboolean changes_state, gpointer args,
                             GDestroyNotify args_free);
/* A call whose only argument is its flags: they travel in the args
 * pointer itself, read back with domain_call_flags(). */
DomainCall *domain_call_new_flags (DomainCallFunc func, gboolean changes_state, guint flags);
guint domain_call_flags (DomainCall *call);
void domain_call_free (DomainCall *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DomainCall, domain_call_free)

/* Runs @call (which it takes) through the driver layer's async call, so
 * that it counts as a call in flight of the driver connection (a close()
 * meanwhile lets it finish) and honours @cancellable the same way; the
 * task, with @source_tag, completes in the caller's context. Fails at once
 * when the domain's connection is not open. */
void domain_call_start (GVirDomain *self, DomainCall *call, gpointer source_tag,
                        GCancellable *cancellable, GAsyncReadyCallback callback,
                        gpointer user_data);
/* The finished call (owned by the task), or NULL with @error set. */
DomainCall *domain_call_finish (GVirDomain *self, GAsyncResult *result, gpointer source_tag,
                                GError **error);
gboolean domain_call_sync (GVirDomain *self, DomainCall *call, GError **error);

/* get_info and get_state are the calls applications poll; their async
 * forms take a callback from the driver instead of a worker thread.
 * domain_query_begin() starts the task of such a query: it returns NULL
 * when the task already completed (cancelled, or no open connection),
 * else the driver connection to ask, and the task in *@task_out, to pass
 * to one of the answered callbacks below. */
GVirDriverConnection *domain_query_begin (GVirDomain *self, DomainCallFunc func,
                                          gpointer source_tag, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data,
                                          GTask **task_out);
void domain_info_answered (const GVirDriverDomainInfo *raw, const GError *error,
                           gpointer data);
/* Stores @raw as the call's GVirDomainInfo result. */
void domain_call_set_info (DomainCall *call, const GVirDriverDomainInfo *raw);
void domain_state_answered (int state, int reason, const GError *error, gpointer data);

const char *domain_uuid (GVirDomain *self);

typedef struct _GVirDomainCache GVirDomainCache;

/* The driver connection of the domain's connection (a new reference), or
 * NULL with GVIR_ERROR_CONNECTION_CLOSED. *@conn is set to a reference
 * to the connection (or NULL), which keeps *@cache valid. */
GVirDriverConnection *domain_dup_driver (GVirDomain *self, GVirConnection **conn,
                                         GVirDomainCache **cache, GError **error);

G_END_DECLS
