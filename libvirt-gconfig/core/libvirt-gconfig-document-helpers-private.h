/*
 * libvirt-gconfig-document-helpers-private.h: helpers shared by the
 * storage, network, secret, snapshot and other document classes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

G_BEGIN_DECLS

/* Input checks used by setters; all accept only the canonical forms
 * libvirt writes back. */
gboolean gvir_config_doc_uuid_is_valid (const char *uuid);
gboolean gvir_config_doc_mac_is_valid (const char *mac);
gboolean gvir_config_doc_ip_is_valid (const char *address);
gboolean gvir_config_doc_ipv4_netmask_is_valid (const char *netmask);

/* Replaces <node_name> by a fresh element holding only @attr, as
 * libvirt-gconfig does for one-attribute elements; NULL removes it. */
void gvir_config_doc_set_single_attribute (GVirConfigObject *self,
                                           const char *node_name,
                                           const char *attr,
                                           const char *value);
/* Unsigned attribute; 0 removes the attribute, and the element
 * @node_name too when it is left without attributes. */
void gvir_config_doc_set_uint_attribute (GVirConfigObject *self,
                                         const char *node_name,
                                         const char *attr,
                                         guint value);
/* Element content as an unsigned number no larger than @max; 0 when
 * missing, malformed or too large. */
guint64 gvir_config_doc_get_content_uint (GVirConfigObject *self,
                                          const char *node_name,
                                          guint64 max);
/* libvirt's scaled integers in bytes (<capacity unit="GiB">10</capacity>). */
guint64 gvir_config_doc_get_bytes (GVirConfigObject *self, const char *node_name);
void gvir_config_doc_set_bytes (GVirConfigObject *self, const char *node_name,
                                guint64 bytes);

/* The priority attribute of network filters and rules: -1000..1000. */
gint gvir_config_doc_get_priority (GVirConfigObject *self, gint default_value);
void gvir_config_doc_set_priority (GVirConfigObject *self, gint priority);

/* Replaces the element children of <parent_name> by @children (NULL list:
 * removes <parent_name>). */
void gvir_config_doc_set_children (GVirConfigObject *self,
                                   const char *parent_name,
                                   GList *children);

G_END_DECLS
