/*
 * libvirt-gconfig-tuning-private.h: helpers shared by the tuning classes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <libxml/tree.h>

#include "libvirt-gconfig/libvirt-gconfig-object.h"

G_BEGIN_DECLS

/* A size element such as <hard_limit unit="MiB">4</hard_limit>, in KiB;
 * 0 when @node is NULL or the size is invalid. */
guint64 gvir_config_xml_node_get_kib (xmlNodePtr node);

/* Writes @kib as the content of @node with unit="KiB". */
void gvir_config_xml_node_set_kib (xmlNodePtr node, guint64 kib);

/* The same for the child @node_name of @self; setting 0 removes it. */
guint64 gvir_config_object_get_child_kib (GVirConfigObject *self, const char *node_name);
void gvir_config_object_set_child_kib (GVirConfigObject *self, const char *node_name, guint64 kib);

/* A size held in attribute @attr with its unit in @unit_attr (libvirt's
 * <cell memory="..." unit="...">, <page size="..." unit="...">). */
guint64 gvir_config_object_get_attribute_kib (GVirConfigObject *self,
                                              const char *attr,
                                              const char *unit_attr);
void gvir_config_object_set_attribute_kib (GVirConfigObject *self,
                                           const char *attr,
                                           const char *unit_attr,
                                           guint64 kib);

/* An optional non-negative integer attribute: -1 when missing or invalid. */
gint gvir_config_object_get_attribute_id (GVirConfigObject *self,
                                          const char *node_name,
                                          const char *attr);

/* Makes @children (objects of any document, possibly views of existing
 * elements) the only @child_name elements of @parent, in list order. */
void gvir_config_object_replace_children_list (GVirConfigObject *self,
                                               xmlNodePtr parent,
                                               const char *child_name,
                                               GList *children);

/* A decimal number up to @max, surrounding spaces allowed; FALSE for
 * NULL or anything else. */
gboolean gvir_config_parse_uint (const char *text, guint64 max, guint64 *value);

G_END_DECLS
