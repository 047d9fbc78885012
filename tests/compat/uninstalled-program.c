/*
 * uninstalled-program.c: a consumer built only from what
 * `pkg-config --cflags --libs` gives for the uninstalled build tree.
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not built by meson: run-uninstalled-pc.sh compiles it with the flags of
 * the .pc files in meson-uninstalled. Without WITH_GOBJECT it uses
 * libvirt-gconfig alone (its .pc must find <libvirt-gconfig/...> by itself)
 * and prints a domain's name read back from its XML; with it, it prints the
 * names of test:///default's domains too.
 */
#include <stdio.h>
#include <string.h>
#ifdef WITH_GOBJECT
#include <libvirt-gobject/libvirt-gobject.h>
#else
#include <libvirt-gconfig/libvirt-gconfig.h>
#endif

static int
print_config_name (void)
{
  GVirConfigDomain *domain = gvir_config_domain_new ();
  GVirConfigDomain *again;
  GError *error = NULL;
  char *xml;

  gvir_config_domain_set_name (domain, "uninstalled");
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (domain));
  again = gvir_config_domain_new_from_xml (xml, &error);
  g_free (xml);
  g_object_unref (domain);
  if (again == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      g_error_free (error);
      return 1;
    }
  printf ("%s\n", gvir_config_domain_get_name (again));
  g_object_unref (again);
  return 0;
}

#ifdef WITH_GOBJECT
static int
print_domain_names (void)
{
  GVirConnection *conn = gvir_connection_new ("test:///default");
  GError *error = NULL;
  GList *domains, *l;

  if (!gvir_connection_open (conn, NULL, &error) ||
      !gvir_connection_fetch_domains (conn, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      g_error_free (error);
      g_object_unref (conn);
      return 1;
    }
  domains = gvir_connection_get_domains (conn);
  for (l = domains; l != NULL; l = l->next)
    printf ("%s\n", gvir_domain_get_name (l->data));
  g_list_free_full (domains, g_object_unref);
  gvir_connection_close (conn);
  g_object_unref (conn);
  return 0;
}
#endif

int
main (int argc, char **argv)
{
#ifdef WITH_GOBJECT
  gvir_init_object (&argc, &argv);
  return print_config_name () || print_domain_names ();
#else
  gvir_init_config (&argc, &argv);
  return print_config_name ();
#endif
}
