/*
 * libvirt-gconfig-main.c: library initialisation
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <libxml/parser.h>

#include "libvirt-gconfig/libvirt-gconfig-main.h"

/**
 * SECTION:libvirt-gconfig-main
 * @section_id: libvirt-gconfig-main
 * @title: Initialisation
 * @short_description: Setting up libvirt-gconfig
 *
 * Call gvir_config_init() or gvir_config_init_check() once before using
 * the library from several threads. The objects initialise libxml2 on
 * first use too, so single-threaded programs may skip it.
 *
 * |[<!-- language="C" -->
 * int
 * main (int argc, char **argv)
 * {
 *   gvir_config_init (&argc, &argv);
 *   ...
 * }
 * ]|
 *
 * gvir_init_config() and gvir_init_config_check() are other names for the
 * same two functions.
 */

/**
 * gvir_config_init_check:
 * @argc: (inout) (optional): address of the program's argc
 * @argv: (inout) (array length=argc) (optional) (nullable): address of the program's argv
 * @err: return location for a #GError, or %NULL
 *
 * Initialises the library (libxml2's parser state). No command-line
 * arguments are consumed.
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_config_init_check (int *argc, char ***argv, GError **err)
{
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  xmlInitParser ();
  return TRUE;
}

/**
 * gvir_config_init:
 * @argc: (inout) (optional): address of the program's argc
 * @argv: (inout) (array length=argc) (optional) (nullable): address of the program's argv
 *
 * Initialises the library like gvir_config_init_check(), and aborts the
 * program if that fails.
 */
void
gvir_config_init (int *argc, char ***argv)
{
  g_autoptr(GError) err = NULL;

  if (!gvir_config_init_check (argc, argv, &err))
    g_error ("Could not initialise libvirt-gconfig: %s", err->message);
}

/**
 * gvir_init_config_check:
 * @argc: (inout) (optional): address of the program's argc
 * @argv: (inout) (array length=argc) (optional) (nullable): address of the program's argv
 * @err: return location for a #GError, or %NULL
 *
 * The same as gvir_config_init_check().
 *
 * Returns: %TRUE on success
 */
gboolean
gvir_init_config_check (int *argc, char ***argv, GError **err)
{
  return gvir_config_init_check (argc, argv, err);
}

/**
 * gvir_init_config:
 * @argc: (inout) (optional): address of the program's argc
 * @argv: (inout) (array length=argc) (optional) (nullable): address of the program's argv
 *
 * The same as gvir_config_init().
 */
void
gvir_init_config (int *argc, char ***argv)
{
  gvir_config_init (argc, argv);
}
