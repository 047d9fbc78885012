/*
 * libvirt-gconfig-object-private.h: XML helpers shared by the config classes
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

/* Declarations marked GVIR_CONFIG_AVAILABLE_IN_ALL are exported in the
 * library's private version node (outside the GIR and the installed
 * headers): the holder type and constructor because libvirt-gconfig's
 * library exports these two names too; the holder's unref, the tree
 * constructor, the raw content and attribute accessors and the unit parser
 * for the test driver, which keeps its domains as GVirConfigDomain objects
 * and quotes the raw text of a bad value in its errors. */

/* A refcounted holder of one xmlDoc, shared by every object that views a
 * node of that document. */
typedef struct _GVirConfigXmlDoc GVirConfigXmlDoc;

GVIR_CONFIG_AVAILABLE_IN_ALL
GType gvir_config_xml_doc_get_type (void) G_GNUC_CONST;
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigXmlDoc *gvir_config_xml_doc_new (xmlDocPtr doc);
GVirConfigXmlDoc *gvir_config_xml_doc_ref (GVirConfigXmlDoc *doc);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_xml_doc_unref (GVirConfigXmlDoc *doc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirConfigXmlDoc, gvir_config_xml_doc_unref)

/* Root element created when an object of this class is made with
 * g_object_new() alone (as bindings do). */
void gvir_config_object_class_set_root (GVirConfigObjectClass *klass,
                                        const char *root_name,
                                        const char *schema);

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigObject *gvir_config_object_new_from_tree (GType type,
                                                    GVirConfigXmlDoc *doc,
                                                    const char *schema,
                                                    xmlNodePtr node);

GVIR_CONFIG_AVAILABLE_IN_ALL
xmlNodePtr gvir_config_object_get_xml_node (GVirConfigObject *self);
GVirConfigXmlDoc *gvir_config_object_get_xml_doc (GVirConfigObject *self);

/* Lookups of element children by local name. These and
 * gvir_config_object_get_xml_node() are exported in the private version node:
 * the QEMU driver reads elements and attribute values that have no getter (or
 * whose getter maps an unknown value to a default) to refuse them by name. */
GVIR_CONFIG_AVAILABLE_IN_ALL
xmlNodePtr gvir_config_xml_get_element (xmlNodePtr parent, const char *name);
GVIR_CONFIG_AVAILABLE_IN_ALL
const char *gvir_config_xml_node_get_text (xmlNodePtr node);
GVIR_CONFIG_AVAILABLE_IN_ALL
const char *gvir_config_xml_node_get_attribute (xmlNodePtr node, const char *attr);

/* Element content of the child @node_name (NULL: the object's own node). */
GVIR_CONFIG_AVAILABLE_IN_ALL
const char *gvir_config_object_get_node_content (GVirConfigObject *self,
                                                 const char *node_name);
guint64 gvir_config_object_get_node_content_uint64 (GVirConfigObject *self,
                                                    const char *node_name,
                                                    guint64 default_value);
gint gvir_config_object_get_node_content_genum (GVirConfigObject *self,
                                                const char *node_name,
                                                GType enum_type,
                                                gint default_value);
void gvir_config_object_set_node_content (GVirConfigObject *self,
                                          const char *node_name,
                                          const char *value);
void gvir_config_object_set_node_content_uint64 (GVirConfigObject *self,
                                                 const char *node_name,
                                                 guint64 value);

/* Attributes of the child @node_name (NULL: the object's own node). */
GVIR_CONFIG_AVAILABLE_IN_ALL
const char *gvir_config_object_get_attribute (GVirConfigObject *self,
                                              const char *node_name,
                                              const char *attr);
guint64 gvir_config_object_get_attribute_uint64 (GVirConfigObject *self,
                                                 const char *node_name,
                                                 const char *attr,
                                                 guint64 default_value);
gint gvir_config_object_get_attribute_genum (GVirConfigObject *self,
                                             const char *node_name,
                                             const char *attr,
                                             GType enum_type,
                                             gint default_value);
gboolean gvir_config_object_get_attribute_boolean (GVirConfigObject *self,
                                                   const char *node_name,
                                                   const char *attr,
                                                   gboolean default_value);
/* Setters create the child @node_name when missing (NULL: own node). A NULL
 * @value removes the attribute and never creates the child: unlike
 * libvirt-gconfig 4.0, which leaves an empty element that libvirt's schema
 * may refuse (tests/gconfig/test-gconfig-null.c). */
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_object_set_attribute (GVirConfigObject *self,
                                       const char *node_name,
                                       const char *attr,
                                       const char *value);
void gvir_config_object_set_attribute_uint64 (GVirConfigObject *self,
                                              const char *node_name,
                                              const char *attr,
                                              guint64 value);
void gvir_config_object_set_attribute_genum (GVirConfigObject *self,
                                             const char *node_name,
                                             const char *attr,
                                             GType enum_type,
                                             gint value);
void gvir_config_object_set_attribute_boolean (GVirConfigObject *self,
                                               const char *node_name,
                                               const char *attr,
                                               gboolean value);
void gvir_config_xml_node_set_attribute (xmlNodePtr node,
                                         const char *attr,
                                         const char *value);

/* Tree edits. ensure_child returns the first child named @child_name,
 * appending it when missing; replace_child puts a fresh empty element in
 * place of the first one (or appends it). */
xmlNodePtr gvir_config_object_ensure_child (GVirConfigObject *self,
                                            const char *child_name);
xmlNodePtr gvir_config_object_replace_child (GVirConfigObject *self,
                                             const char *child_name);
GVirConfigObject *gvir_config_object_replace_child_with_type (GVirConfigObject *self,
                                                              const char *child_name,
                                                              GType type);
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_object_has_child (GVirConfigObject *self,
                                       const char *child_name);
void gvir_config_object_delete_children (GVirConfigObject *self,
                                         const char *child_name);
void gvir_config_object_delete_node (GVirConfigObject *self,
                                     xmlNodePtr node);
void gvir_config_object_attach_add (GVirConfigObject *parent,
                                    GVirConfigObject *child);
void gvir_config_object_attach_replace (GVirConfigObject *parent,
                                        const char *child_name,
                                        GVirConfigObject *child);
void gvir_config_object_attach_to_node (GVirConfigObject *parent,
                                        xmlNodePtr parent_node,
                                        GVirConfigObject *child);
GVirConfigObject *gvir_config_object_get_child_with_type (GVirConfigObject *self,
                                                          const char *child_name,
                                                          GType type);
GVirConfigObject *gvir_config_object_new_view (GVirConfigObject *self,
                                               GType type,
                                               xmlNodePtr node);
/* A view without its document's schema: what libvirt-gconfig gives for
 * a domain's devices and a snapshot's disks (and what they lead to). */
GVirConfigObject *gvir_config_object_new_view_without_schema (GVirConfigObject *self,
                                                              GType type,
                                                              xmlNodePtr node);
GVIR_CONFIG_AVAILABLE_IN_ALL
GList *gvir_config_object_get_children_with_type (GVirConfigObject *self,
                                                  const char *parent_name,
                                                  const char *child_name,
                                                  GType type);

/* The class viewing a child element of <devices> (by element name and type
 * or mode attribute); plain GVirConfigDomainDevice for unknown devices.
 * Defined in libvirt-gconfig-domain-device.c. */
GType gvir_config_domain_device_type_for_node (xmlNodePtr node);

/* Enum nick <-> value; the nick is the XML spelling. */
const char *gvir_config_genum_get_nick (GType enum_type, gint value);
gint gvir_config_genum_get_value (GType enum_type, const char *nick, gint default_value);

/* "1024" in @unit (libvirt's scaled-integer units) to KiB; FALSE if invalid. */
GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_parse_kib (const char *value, const char *unit, guint64 *kib);
/* The exact number of bytes of a scaled integer (no rounding: 1 kB is
 * 1000 bytes); FALSE when malformed or above G_MAXUINT64. */
gboolean gvir_config_parse_bytes (const char *value, const char *unit, guint64 *bytes);

G_END_DECLS
