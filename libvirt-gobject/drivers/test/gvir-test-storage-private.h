/*
 * gvir-test-storage-private.h: storage pools and volumes of the test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "../gvir-driver-storage-private.h"

G_BEGIN_DECLS

/* The pools of one test driver state, with their volumes (in memory: no
 * file is ever created). Has its own lock, so it is independent of the
 * domain state's. */
typedef struct _GVirTestStorage GVirTestStorage;

GVirTestStorage *gvir_test_storage_new (void);
void gvir_test_storage_free (GVirTestStorage *storage);
/* libvirt's test:///default pool 'default-pool'. */
gboolean gvir_test_storage_add_default (GVirTestStorage *storage, GError **error);
/* The <pool> elements (inline, with <volume> children, or file='...'
 * relative to the file's directory) of the <node> configuration @path. */
gboolean gvir_test_storage_load_file (GVirTestStorage *storage, const char *path, GError **error);

/* The storage of a test driver handle (defined in gvir-test-driver.c). */
GVirTestStorage *gvir_test_handle_get_storage (gpointer handle);

extern const GVirDriverStorageFuncs gvir_test_storage_funcs;

G_END_DECLS
