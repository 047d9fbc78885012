/*
 * libvirt-glib-binary.c: a program built against Debian's libvirt-glib
 * (its headers, its pkg-config, its libraries), then run on ours.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not built by meson: run-libvirt-glib-binary.sh compiles it with the
 * system's pkg-config, so every symbol it imports carries libvirt-glib's
 * version node, and runs it with our build first on LD_LIBRARY_PATH. It
 * may call only functions both libraries have. It prints the names of the
 * domains of URI (argv[1]), one a line, sorted, and exits 0; on an error it
 * prints the message to stderr and exits 1.
 */
#include <stdio.h>
#include <string.h>
#include <libvirt-gobject/libvirt-gobject.h>

static gint
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (a, b);
}

int
main (int argc, char **argv)
{
  GVirConnection *conn;
  GError *error = NULL;
  GList *domains, *names = NULL, *l;

  gvir_init_object (&argc, &argv);
  if (argc != 2)
    {
      fprintf (stderr, "usage: %s URI\n", argv[0]);
      return 1;
    }

  conn = gvir_connection_new (argv[1]);
  if (!gvir_connection_open (conn, NULL, &error) ||
      !gvir_connection_fetch_domains (conn, NULL, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[1], error->message);
      g_error_free (error);
      g_object_unref (conn);
      return 1;
    }

  domains = gvir_connection_get_domains (conn);
  for (l = domains; l != NULL; l = l->next)
    names = g_list_insert_sorted (names, (gpointer) gvir_domain_get_name (l->data),
                                  compare_names);
  for (l = names; l != NULL; l = l->next)
    printf ("%s\n", (const char *) l->data);

  g_list_free (names);
  g_list_free_full (domains, g_object_unref);
  gvir_connection_close (conn);
  g_object_unref (conn);
  return 0;
}
