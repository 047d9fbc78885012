/*
 * libvirt-gobject-main.c: library initialisation
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <libvirt-gconfig/libvirt-gconfig.h>

#include "libvirt-gobject/libvirt-gobject-main.h"
#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/libvirt-gobject-domain-info.h"
#include "libvirt-gobject/libvirt-gobject-node-info.h"
#include "libvirt-gobject/libvirt-gobject-enums.h"

/**
 * SECTION:libvirt-gobject-main
 * @title: Initialisation
 * @short_description: Setting up the library
 *
 * Call gvir_init_object() or gvir_init_object_check() once before using
 * the library. They initialise libvirt-gconfig too. Driver events are
 * delivered through GLib main contexts, so no event loop needs to be
 * registered by hand.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 *
 * if (!gvir_init_object_check (&argc, &argv, &error))
 *   g_error ("cannot initialise libvirt-gobject: %s", error->message);
 * ]|
 */

/**
 * gvir_init_object_check:
 * @argc: (inout) (optional): the address of the program's argc
 * @argv: (inout) (optional) (nullable) (array length=argc): the address of the
 *   program's argv
 * @err: return location for a #GError, or %NULL
 *
 * Initialises libvirt-gobject and libvirt-gconfig. Arguments are left
 * untouched; they are accepted for compatibility with libvirt-glib.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_init_object_check (int *argc, char ***argv, GError **err)
{
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  if (!gvir_config_init_check (argc, argv, err))
    return FALSE;

  /* Register the types up front so that threads never race to do it. */
  g_type_ensure (GVIR_TYPE_CONNECTION);
  g_type_ensure (GVIR_TYPE_DOMAIN);
  g_type_ensure (GVIR_TYPE_DOMAIN_INFO);
  g_type_ensure (GVIR_TYPE_NODE_INFO);
  g_type_ensure (GVIR_TYPE_DOMAIN_STATE);
  return TRUE;
}

/**
 * gvir_init_object:
 * @argc: (inout) (optional): the address of the program's argc
 * @argv: (inout) (optional) (nullable) (array length=argc): the address of the
 *   program's argv
 *
 * Initialises libvirt-gobject and libvirt-gconfig, aborting the program
 * with a message if that fails. Use gvir_init_object_check() to handle
 * the failure instead.
 */
void
gvir_init_object (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;

  if (!gvir_init_object_check (argc, argv, &error))
    g_error ("Could not initialize libvirt-gobject: %s", error->message);
}
