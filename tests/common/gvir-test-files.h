/*
 * gvir-test-files.h: temporary folders of the C tests
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

/* Removes @path and everything below it (symbolic links are removed, never
 * followed). Returns FALSE when something could not be removed; a missing
 * @path is no error. */
gboolean gvir_test_remove_tree (const char *path);

G_END_DECLS
