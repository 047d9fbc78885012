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
 * may call only functions both libraries have. It checks libvirt-glib's
 * eleven handle types (boxed, with libvirt-glib's type names), prints the
 * names of the domains of URI (argv[1]), one a line, sorted, and exits 0;
 * on an error it prints the message to stderr and exits 1.
 */
#include <stdio.h>
#include <string.h>
#include <libvirt-gobject/libvirt-gobject.h>

/* Each handle type's get_type function, called through the header's macro
 * as a program built against libvirt-glib calls it, and the name
 * libvirt-glib registers for it. */
static const struct
{
  GType (*get_type) (void);
  const char *name;
} handle_types[] = {
  { gvir_connection_handle_get_type, "GVirConnectionHandle" },
  { gvir_domain_handle_get_type, "GVirDomainHandle" },
  { gvir_domain_snapshot_handle_get_type, "GVirDomainSnapshotHandle" },
  { gvir_interface_handle_get_type, "GVirInterfaceHandle" },
  { gvir_network_handle_get_type, "GVirNetworkHandle" },
  { gvir_network_filter_handle_get_type, "GVirNetworkFilterHandle" },
  { gvir_node_device_handle_get_type, "GVirNodeDeviceHandle" },
  { gvir_secret_handle_get_type, "GVirSecretHandle" },
  { gvir_storage_pool_handle_get_type, "GVirStoragePoolHandle" },
  { gvir_storage_vol_handle_get_type, "GVirStorageVolHandle" },
  { gvir_stream_handle_get_type, "GVirStreamHandle" },
};

static gboolean
check_handle_types (void)
{
  gboolean ok = TRUE;
  gsize i;

  /* The header's macros must name the functions of the table above. */
  g_assert (GVIR_TYPE_CONNECTION_HANDLE == handle_types[0].get_type ());
  g_assert (GVIR_TYPE_STREAM_HANDLE == handle_types[10].get_type ());
  for (i = 0; i < G_N_ELEMENTS (handle_types); i++)
    {
      GType type = handle_types[i].get_type ();

      if (!G_TYPE_IS_BOXED (type) || g_strcmp0 (g_type_name (type), handle_types[i].name) != 0)
        {
          fprintf (stderr, "handle type %s: got %s (%s)\n", handle_types[i].name,
                   g_type_name (type), G_TYPE_IS_BOXED (type) ? "boxed" : "not boxed");
          ok = FALSE;
        }
    }
  return ok;
}

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

  if (!check_handle_types ())
    return 1;

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
