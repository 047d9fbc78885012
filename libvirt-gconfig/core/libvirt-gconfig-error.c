/*
 * libvirt-gconfig-error.c: the libvirt-gconfig error domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig-error.h"

/**
 * SECTION:libvirt-gconfig-error
 * @section_id: libvirt-gconfig-error
 * @title: Errors
 * @short_description: The libvirt-gconfig error domain
 *
 * Every failure in libvirt-gconfig is a #GError in the #GVIR_CONFIG_ERROR
 * domain with a #GVirConfigError code:
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirConfigDomain) dom = gvir_config_domain_new_from_xml ("<oops", &error);
 * if (g_error_matches (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML))
 *   g_printerr ("%s\n", error->message);
 * ]|
 */

/**
 * gvir_config_error_quark:
 *
 * The quark of the #GVIR_CONFIG_ERROR domain.
 *
 * Returns: the error domain quark
 */
G_DEFINE_QUARK (gvir-config-error-quark, gvir_config_error)

/**
 * gvir_config_object_error_quark:
 *
 * The libvirt-gconfig name of gvir_config_error_quark(); it returns the
 * same quark.
 *
 * Returns: the error domain quark
 */
GQuark
gvir_config_object_error_quark (void)
{
  return gvir_config_error_quark ();
}
