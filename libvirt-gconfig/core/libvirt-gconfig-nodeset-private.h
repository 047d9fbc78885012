/*
 * libvirt-gconfig-nodeset-private.h: libvirt's nodeset/cpuset syntax
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "libvirt-gconfig/libvirt-gconfig-object.h"

G_BEGIN_DECLS

/* Highest id + 1 that libvirt accepts in a cpuset or nodeset. */
#define GVIR_CONFIG_NODESET_LIMIT 16384

/* Parses "0-3,^2,5" (items applied left to right; whitespace and one
 * trailing comma tolerated) into the sorted ids it names (element type
 * guint). @what ("nodeset", "cpuset", ...) names the value in error
 * messages, which quote @text and say what is wrong. An empty result is an
 * error too (GVIR_CONFIG_ERROR_INVALID).
 *
 * Exported in the private version node: libvirt-gobject's GVirNodeset uses
 * this same parser and formatter. */
GVIR_CONFIG_AVAILABLE_IN_ALL
GArray *gvir_config_nodeset_parse (const char *text, const char *what, GError **error);

/* The canonical form of sorted @ids, ranges without '^': "0-1,3,5". */
GVIR_CONFIG_AVAILABLE_IN_ALL
char *gvir_config_nodeset_format (GArray *ids);

/* Parse then format: the canonical spelling of @text, or NULL on error. */
char *gvir_config_nodeset_canonicalize (const char *text, const char *what, GError **error);

/* Validates @value as a nodeset and writes its canonical form to @attr of
 * the child @node_name (NULL: own node). NULL @value removes the
 * attribute. On error nothing changes. */
gboolean gvir_config_object_set_attribute_nodeset (GVirConfigObject *self,
                                                   const char *node_name,
                                                   const char *attr,
                                                   const char *value,
                                                   const char *what,
                                                   GError **error);

G_END_DECLS
