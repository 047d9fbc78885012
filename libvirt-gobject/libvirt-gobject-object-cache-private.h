/*
 * libvirt-gobject-object-cache-private.h: a connection's cache of the
 * objects of one kind (networks, host interfaces, ...)
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
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"

G_BEGIN_DECLS

/* What the cache needs to know of one kind of object. The driver lists
 * descriptions (GVirDriverNetwork, GVirDriverInterface, ...); the cache
 * keeps one public object per key for the life of the connection, updated
 * in place by each fetch. */
typedef struct
{
  const char *data_key;     /* the connection's object data holding the cache */
  /* The driver's list of descriptions, a GPtrArray that frees them. */
  GPtrArray *(*list) (GVirDriverConnection *drv, GCancellable *cancellable, GError **error);
  const char *(*key) (gconstpointer desc);
  /* A new object for @desc (a new reference), attached to @conn weakly. */
  gpointer (*create) (GVirConnection *conn, gconstpointer desc);
  /* Refreshes @object from @desc. */
  void (*update) (gpointer object, gconstpointer desc);
} GVirObjectCacheKind;

typedef gboolean (*GVirObjectCacheMatchFunc) (gpointer object, gconstpointer data);

/* A ConnCallFunc: lists the objects of the kind in call->args (a const
 * GVirObjectCacheKind, not freed) and makes the cache hold exactly them;
 * the cache is left alone when the call was cancelled. */
gboolean _gvir_object_cache_fetch (GVirConnection *conn, ConnCall *call,
                                   GCancellable *cancellable, GError **error);
/* The first cached object that @match accepts (a new reference), or NULL;
 * nothing while the connection is closed. */
gpointer _gvir_object_cache_find (GVirConnection *conn, const GVirObjectCacheKind *kind,
                                  GVirObjectCacheMatchFunc match, gconstpointer data);
/* The cached objects (new references) sorted by @compare; empty while the
 * connection is closed. */
GList *_gvir_object_cache_list (GVirConnection *conn, const GVirObjectCacheKind *kind,
                                GCompareFunc compare);

G_END_DECLS
