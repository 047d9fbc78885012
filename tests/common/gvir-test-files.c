/*
 * gvir-test-files.c: temporary folders of the C tests
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "gvir-test-files.h"

gboolean
gvir_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  gboolean ok = TRUE;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        ok = gvir_test_remove_tree (child) && ok;
      else if (g_unlink (child) < 0)
        ok = FALSE;
    }
  if (g_rmdir (path) < 0 && errno != ENOENT)
    ok = FALSE;
  return ok;
}
