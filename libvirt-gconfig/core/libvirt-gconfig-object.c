/*
 * libvirt-gconfig-object.c: base class of every configuration object
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "libvirt-gconfig/libvirt-gconfig-error.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "libvirt-gconfig/libvirt-gconfig-xml-parser-private.h"

/**
 * SECTION:libvirt-gconfig-object
 * @title: GVirConfigObject
 * @short_description: Base class of the configuration objects
 *
 * A #GVirConfigObject is a view on one element of an XML document. Objects
 * returned by getters such as gvir_config_domain_get_os() view nodes of
 * the same document as their parent, so changing them changes the parent.
 * Unknown elements and attributes are kept as they are.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GError) error = NULL;
 * g_autoptr(GVirConfigObject) obj =
 *   gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN, "domain", NULL,
 *                                    "<domain><name>demo</name></domain>",
 *                                    &error);
 * g_autofree char *xml = gvir_config_object_to_xml (obj);
 * ]|
 */

/**
 * GVirConfigObject:
 *
 * The abstract base of every configuration object.
 */

struct _GVirConfigXmlDoc
{
  gatomicrefcount ref;
  xmlDocPtr doc;
  /* Unlinked subtrees that objects still view; freed with the document. */
  GPtrArray *orphans;
  /* Documents that received nodes from this one: objects holding this
   * document may view nodes that now live in them. */
  GPtrArray *keep;
};

GVirConfigXmlDoc *
gvir_config_xml_doc_new (xmlDocPtr doc)
{
  GVirConfigXmlDoc *self = g_new0 (GVirConfigXmlDoc, 1);

  g_atomic_ref_count_init (&self->ref);
  self->doc = doc;
  self->orphans = g_ptr_array_new ();
  self->keep = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_config_xml_doc_unref);
  return self;
}

GVirConfigXmlDoc *
gvir_config_xml_doc_ref (GVirConfigXmlDoc *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
gvir_config_xml_doc_unref (GVirConfigXmlDoc *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;

  for (guint i = 0; i < self->orphans->len; i++)
    {
      xmlNodePtr node = g_ptr_array_index (self->orphans, i);

      if (node->parent == NULL)
        xmlFreeNode (node);
    }
  g_ptr_array_unref (self->orphans);
  xmlFreeDoc (self->doc);
  g_ptr_array_unref (self->keep);
  g_free (self);
}

/* A boxed type so that the holder can travel in a GValue; the document
 * goes with the last reference. */
G_DEFINE_BOXED_TYPE (GVirConfigXmlDoc, gvir_config_xml_doc,
                     gvir_config_xml_doc_ref, gvir_config_xml_doc_unref)

static gboolean
xml_doc_reaches (GVirConfigXmlDoc *from, GVirConfigXmlDoc *to)
{
  if (from == to)
    return TRUE;
  for (guint i = 0; i < from->keep->len; i++)
    if (xml_doc_reaches (g_ptr_array_index (from->keep, i), to))
      return TRUE;
  return FALSE;
}

typedef struct
{
  GVirConfigXmlDoc *doc;
  xmlNodePtr node;
  char *schema;
} GVirConfigObjectPrivate;

/* Tree handed from gvir_config_object_new_from_tree() to constructed(). */
typedef struct
{
  GVirConfigXmlDoc *doc;
  xmlNodePtr node;
} PendingTree;

static GPrivate pending_tree;

enum { PROP_0, PROP_SCHEMA, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (GVirConfigObject, gvir_config_object, G_TYPE_OBJECT)

static GQuark
root_name_quark (void)
{
  return g_quark_from_static_string ("gvir-config-root-name");
}

static GQuark
root_schema_quark (void)
{
  return g_quark_from_static_string ("gvir-config-root-schema");
}

void
gvir_config_object_class_set_root (GVirConfigObjectClass *klass,
                                   const char *root_name,
                                   const char *schema)
{
  GType type = G_TYPE_FROM_CLASS (klass);

  g_type_set_qdata (type, root_name_quark (), (gpointer) root_name);
  g_type_set_qdata (type, root_schema_quark (), (gpointer) schema);
}

static void
node_add_view (xmlNodePtr node)
{
  node->_private = GUINT_TO_POINTER (GPOINTER_TO_UINT (node->_private) + 1);
}

static void
node_remove_view (xmlNodePtr node)
{
  node->_private = GUINT_TO_POINTER (GPOINTER_TO_UINT (node->_private) - 1);
}

static gboolean
subtree_has_views (xmlNodePtr node)
{
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (node->_private != NULL)
    return TRUE;
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (subtree_has_views (child))
      return TRUE;
  return FALSE;
}

static void
object_set_tree (GVirConfigObject *self, GVirConfigXmlDoc *doc, xmlNodePtr node)
{
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);

  priv->doc = gvir_config_xml_doc_ref (doc);
  priv->node = node;
  node_add_view (node);
}

static void
object_create_root (GVirConfigObject *self, const char *root_name)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewDocNode (doc, NULL, (const xmlChar *) root_name, NULL);
  g_autoptr(GVirConfigXmlDoc) holder = NULL;

  xmlDocSetRootElement (doc, root);
  holder = gvir_config_xml_doc_new (doc);
  object_set_tree (self, holder, root);
}

static void
gvir_config_object_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);
  PendingTree *pending = g_private_get (&pending_tree);
  GType type = G_OBJECT_TYPE (object);

  G_OBJECT_CLASS (gvir_config_object_parent_class)->constructed (object);

  if (priv->schema == NULL)
    priv->schema = g_strdup (g_type_get_qdata (type, root_schema_quark ()));

  if (pending != NULL)
    {
      g_private_set (&pending_tree, NULL);
      object_set_tree (self, pending->doc, pending->node);
      return;
    }

  object_create_root (self, g_type_get_qdata (type, root_name_quark ()) ?: "config");
}

static void
gvir_config_object_finalize (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);

  if (priv->node != NULL)
    node_remove_view (priv->node);
  g_clear_pointer (&priv->doc, gvir_config_xml_doc_unref);
  g_free (priv->schema);

  G_OBJECT_CLASS (gvir_config_object_parent_class)->finalize (object);
}

static void
gvir_config_object_get_property (GObject *object, guint prop_id,
                                 GValue *value, GParamSpec *pspec)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SCHEMA:
      g_value_set_string (value, priv->schema);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_config_object_set_property (GObject *object, guint prop_id,
                                 const GValue *value, GParamSpec *pspec)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SCHEMA:
      g_free (priv->schema);
      priv->schema = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_config_object_class_init (GVirConfigObjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  xmlInitParser ();

  object_class->constructed = gvir_config_object_constructed;
  object_class->finalize = gvir_config_object_finalize;
  object_class->get_property = gvir_config_object_get_property;
  object_class->set_property = gvir_config_object_set_property;

  /**
   * GVirConfigObject:schema:
   *
   * Path of the RelaxNG schema used by gvir_config_object_validate().
   */
  properties[PROP_SCHEMA] =
    g_param_spec_string ("schema", "Schema", "Path of the RelaxNG schema file",
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gvir_config_object_init (GVirConfigObject *self)
{
}

GVirConfigObject *
gvir_config_object_new_from_tree (GType type,
                                  GVirConfigXmlDoc *doc,
                                  const char *schema,
                                  xmlNodePtr node)
{
  PendingTree pending = { doc, node };

  g_return_val_if_fail (g_type_is_a (type, GVIR_CONFIG_TYPE_OBJECT), NULL);
  g_return_val_if_fail (doc != NULL && node != NULL, NULL);

  g_private_set (&pending_tree, &pending);
  return g_object_new (type, "schema", schema, NULL);
}

/**
 * gvir_config_object_new:
 * @type: a #GType derived from #GVirConfigObject
 * @root_name: name of the root element
 * @schema: (nullable): path of the RelaxNG schema, or %NULL
 *
 * Creates an object of @type for a new document holding only an empty
 * @root_name element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigObject *
gvir_config_object_new (GType type, const char *root_name, const char *schema)
{
  xmlDocPtr doc;
  xmlNodePtr root;
  g_autoptr(GVirConfigXmlDoc) holder = NULL;

  g_return_val_if_fail (g_type_is_a (type, GVIR_CONFIG_TYPE_OBJECT), NULL);
  g_return_val_if_fail (root_name != NULL && *root_name != '\0', NULL);

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewDocNode (doc, NULL, (const xmlChar *) root_name, NULL);
  xmlDocSetRootElement (doc, root);
  holder = gvir_config_xml_doc_new (doc);
  return gvir_config_object_new_from_tree (type, holder, schema, root);
}

#if LIBXML_VERSION >= 21200
typedef const xmlError *GVirXmlErrorPtr;
#else
typedef xmlErrorPtr GVirXmlErrorPtr;
#endif

static void
collect_first_error (void *user_data, GVirXmlErrorPtr error)
{
  char **first = user_data;

  if (*first == NULL && error != NULL && error->message != NULL)
    *first = g_strchomp (g_strdup (error->message));
}

static xmlDocPtr
parse_document (const char *xml, const char *root_name, GError **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;
  xmlNodePtr root;
  size_t len = strlen (xml);

  if (len == 0 || len > G_MAXINT)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML,
                   len == 0 ? "The XML document is empty"
                            : "The XML document is too large");
      return NULL;
    }

  ctxt = gvir_config_xml_parser_new ();
  if (ctxt == NULL)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_FAILED,
                   "Could not create an XML parser");
      return NULL;
    }

  /* NODICT: nodes move between documents, so names must not live in a
   * per-document dictionary. */
  doc = xmlCtxtReadMemory (ctxt, xml, (int) len, NULL, NULL,
                           GVIR_CONFIG_XML_PARSE_UNTRUSTED | XML_PARSE_NODICT);
  if (gvir_config_xml_parser_get_doctype (ctxt) != NULL)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML,
                   "The XML document declares a DTD (<!DOCTYPE %s>), which is not allowed",
                   gvir_config_xml_parser_get_doctype (ctxt));
      xmlFreeDoc (doc);
      gvir_config_xml_parser_free (ctxt);
      return NULL;
    }
  if (doc == NULL)
    {
      GVirXmlErrorPtr xerr = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strchomp (g_strdup (xerr && xerr->message ?
                                                   xerr->message : "unknown error"));

      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML,
                   "Malformed XML at line %d: %s", xerr ? xerr->line : 0, msg);
      gvir_config_xml_parser_free (ctxt);
      return NULL;
    }
  gvir_config_xml_parser_free (ctxt);

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML,
                   "The XML document has no root element");
      xmlFreeDoc (doc);
      return NULL;
    }
  if (root_name != NULL && g_strcmp0 ((const char *) root->name, root_name) != 0)
    {
      g_set_error (error, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_XML,
                   "Expected the root element <%s>, found <%s>",
                   root_name, (const char *) root->name);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/**
 * gvir_config_object_new_from_xml:
 * @type: a #GType derived from #GVirConfigObject
 * @root_name: (nullable): the expected root element name, or %NULL for any
 * @schema: (nullable): path of the RelaxNG schema, or %NULL
 * @xml: the XML document
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into an object of @type. Malformed XML, an empty document, a
 * document with a DTD (`<!DOCTYPE>`, so no entity declarations) or a root
 * element other than @root_name give a #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigObject *
gvir_config_object_new_from_xml (GType type,
                                 const char *root_name,
                                 const char *schema,
                                 const char *xml,
                                 GError **error)
{
  xmlDocPtr doc;
  g_autoptr(GVirConfigXmlDoc) holder = NULL;

  g_return_val_if_fail (g_type_is_a (type, GVIR_CONFIG_TYPE_OBJECT), NULL);
  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  xmlInitParser ();
  doc = parse_document (xml, root_name, error);
  if (doc == NULL)
    return NULL;

  holder = gvir_config_xml_doc_new (doc);
  return gvir_config_object_new_from_tree (type, holder, schema,
                                           xmlDocGetRootElement (doc));
}

/**
 * gvir_config_object_to_xml:
 * @config: a #GVirConfigObject
 *
 * Serialises the object's element, with two-space indentation where the
 * document has no whitespace of its own and without an XML declaration.
 *
 * Returns: (transfer full): the XML text
 */
gchar *
gvir_config_object_to_xml (GVirConfigObject *config)
{
  xmlNodePtr node;
  xmlBufferPtr buf;
  char *result;

  g_return_val_if_fail (GVIR_CONFIG_IS_OBJECT (config), NULL);

  node = gvir_config_object_get_xml_node (config);
  buf = xmlBufferCreate ();
  xmlNodeDump (buf, node->doc, node, 0, 1);
  result = g_strndup ((const char *) xmlBufferContent (buf), xmlBufferLength (buf));
  xmlBufferFree (buf);
  return result;
}

/**
 * gvir_config_object_get_schema:
 * @config: a #GVirConfigObject
 *
 * Gets the path of the RelaxNG schema the object validates against.
 *
 * Returns: (transfer none) (nullable): the schema path, or %NULL
 */
const gchar *
gvir_config_object_get_schema (GVirConfigObject *config)
{
  GVirConfigObjectPrivate *priv;

  g_return_val_if_fail (GVIR_CONFIG_IS_OBJECT (config), NULL);

  priv = gvir_config_object_get_instance_private (config);
  return priv->schema;
}

static gboolean
validate_doc (xmlDocPtr doc, const char *schema, GError **err)
{
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr rng;
  xmlRelaxNGValidCtxtPtr vctxt;
  g_autofree char *first = NULL;
  int rc;

  pctxt = xmlRelaxNGNewParserCtxt (schema);
  xmlRelaxNGSetParserStructuredErrors (pctxt, collect_first_error, &first);
  rng = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (rng == NULL)
    {
      g_set_error (err, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_FAILED,
                   "Could not load the schema %s: %s", schema,
                   first ? first : "unknown error");
      return FALSE;
    }

  vctxt = xmlRelaxNGNewValidCtxt (rng);
  xmlRelaxNGSetValidStructuredErrors (vctxt, collect_first_error, &first);
  rc = xmlRelaxNGValidateDoc (vctxt, doc);
  xmlRelaxNGFreeValidCtxt (vctxt);
  xmlRelaxNGFree (rng);
  if (rc != 0)
    {
      g_set_error (err, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_VALIDATION,
                   "The document does not match the schema %s: %s", schema,
                   first ? first : "unknown error");
      return FALSE;
    }
  return TRUE;
}

/**
 * gvir_config_object_validate:
 * @config: a #GVirConfigObject
 * @err: return location for a #GError, or %NULL
 *
 * Validates the object's element against its RelaxNG schema. A missing
 * schema file gives #GVIR_CONFIG_ERROR_NOT_FOUND; a document that does not
 * match gives #GVIR_CONFIG_ERROR_VALIDATION.
 */
void
gvir_config_object_validate (GVirConfigObject *config, GError **err)
{
  GVirConfigObjectPrivate *priv;
  xmlDocPtr copy;

  g_return_if_fail (GVIR_CONFIG_IS_OBJECT (config));
  g_return_if_fail (err == NULL || *err == NULL);

  priv = gvir_config_object_get_instance_private (config);
  if (priv->schema == NULL)
    {
      g_set_error (err, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_NOT_FOUND,
                   "No schema is known for <%s>", (const char *) priv->node->name);
      return;
    }
  if (!g_file_test (priv->schema, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (err, GVIR_CONFIG_ERROR, GVIR_CONFIG_ERROR_NOT_FOUND,
                   "The schema file %s does not exist", priv->schema);
      return;
    }

  /* Validate a standalone copy: the object may view an inner element. */
  copy = xmlNewDoc ((const xmlChar *) "1.0");
  xmlDocSetRootElement (copy, xmlDocCopyNode (priv->node, copy, 1));
  validate_doc (copy, priv->schema, err);
  xmlFreeDoc (copy);
}

xmlNodePtr
gvir_config_object_get_xml_node (GVirConfigObject *self)
{
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);

  return priv->node;
}

GVirConfigXmlDoc *
gvir_config_object_get_xml_doc (GVirConfigObject *self)
{
  GVirConfigObjectPrivate *priv = gvir_config_object_get_instance_private (self);

  return priv->doc;
}

/* ---- node lookups ---- */

xmlNodePtr
gvir_config_xml_get_element (xmlNodePtr parent, const char *name)
{
  if (parent == NULL)
    return NULL;
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE &&
        g_strcmp0 ((const char *) child->name, name) == 0)
      return child;
  return NULL;
}

const char *
gvir_config_xml_node_get_text (xmlNodePtr node)
{
  xmlChar *merged;

  if (node == NULL || node->children == NULL)
    return NULL;

  if (node->children->next == NULL &&
      (node->children->type == XML_TEXT_NODE ||
       node->children->type == XML_CDATA_SECTION_NODE))
    return (const char *) node->children->content;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE)
      return NULL;

  /* Text split by comments or entity references: fold it into a single
   * text node so that the returned string can be owned by the document. */
  merged = xmlNodeGetContent (node);
  xmlNodeSetContent (node, NULL);
  xmlNodeAddContent (node, merged);
  xmlFree (merged);
  return node->children ? (const char *) node->children->content : NULL;
}

const char *
gvir_config_xml_node_get_attribute (xmlNodePtr node, const char *attr)
{
  xmlAttrPtr prop;

  if (node == NULL)
    return NULL;
  prop = xmlHasProp (node, (const xmlChar *) attr);
  if (prop == NULL)
    return NULL;
  if (prop->children == NULL)
    return "";
  return (const char *) prop->children->content;
}

static xmlNodePtr
object_get_node (GVirConfigObject *self, const char *node_name)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (self);

  return node_name ? gvir_config_xml_get_element (node, node_name) : node;
}

const char *
gvir_config_object_get_node_content (GVirConfigObject *self, const char *node_name)
{
  return gvir_config_xml_node_get_text (object_get_node (self, node_name));
}

static gboolean
parse_uint64 (const char *text, guint64 *value)
{
  g_autofree char *copy = NULL;

  if (text == NULL)
    return FALSE;
  copy = g_strstrip (g_strdup (text));
  return g_ascii_string_to_unsigned (copy, 10, 0, G_MAXUINT64, value, NULL);
}

guint64
gvir_config_object_get_node_content_uint64 (GVirConfigObject *self,
                                            const char *node_name,
                                            guint64 default_value)
{
  guint64 value;

  if (!parse_uint64 (gvir_config_object_get_node_content (self, node_name), &value))
    return default_value;
  return value;
}

gint
gvir_config_object_get_node_content_genum (GVirConfigObject *self,
                                           const char *node_name,
                                           GType enum_type,
                                           gint default_value)
{
  return gvir_config_genum_get_value (enum_type,
                                      gvir_config_object_get_node_content (self, node_name),
                                      default_value);
}

static void
xml_node_set_text (xmlNodePtr node, const char *value)
{
  xmlNodeSetContent (node, NULL);
  xmlNodeAddContent (node, (const xmlChar *) value);
}

void
gvir_config_object_set_node_content (GVirConfigObject *self,
                                     const char *node_name,
                                     const char *value)
{
  if (value == NULL)
    {
      if (node_name != NULL)
        gvir_config_object_delete_children (self, node_name);
      else
        xmlNodeSetContent (gvir_config_object_get_xml_node (self), NULL);
      return;
    }
  xml_node_set_text (node_name ? gvir_config_object_ensure_child (self, node_name)
                               : gvir_config_object_get_xml_node (self),
                     value);
}

void
gvir_config_object_set_node_content_uint64 (GVirConfigObject *self,
                                            const char *node_name,
                                            guint64 value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  gvir_config_object_set_node_content (self, node_name, buf);
}

/* ---- attributes ---- */

const char *
gvir_config_object_get_attribute (GVirConfigObject *self,
                                  const char *node_name,
                                  const char *attr)
{
  return gvir_config_xml_node_get_attribute (object_get_node (self, node_name), attr);
}

guint64
gvir_config_object_get_attribute_uint64 (GVirConfigObject *self,
                                         const char *node_name,
                                         const char *attr,
                                         guint64 default_value)
{
  guint64 value;

  if (!parse_uint64 (gvir_config_object_get_attribute (self, node_name, attr), &value))
    return default_value;
  return value;
}

gint
gvir_config_object_get_attribute_genum (GVirConfigObject *self,
                                        const char *node_name,
                                        const char *attr,
                                        GType enum_type,
                                        gint default_value)
{
  return gvir_config_genum_get_value (enum_type,
                                      gvir_config_object_get_attribute (self, node_name, attr),
                                      default_value);
}

gboolean
gvir_config_object_get_attribute_boolean (GVirConfigObject *self,
                                          const char *node_name,
                                          const char *attr,
                                          gboolean default_value)
{
  const char *value = gvir_config_object_get_attribute (self, node_name, attr);

  if (g_strcmp0 (value, "yes") == 0 || g_strcmp0 (value, "on") == 0)
    return TRUE;
  if (g_strcmp0 (value, "no") == 0 || g_strcmp0 (value, "off") == 0)
    return FALSE;
  return default_value;
}

void
gvir_config_xml_node_set_attribute (xmlNodePtr node, const char *attr, const char *value)
{
  /* Remove and re-append, as libvirt-gconfig does: a re-set attribute
   * moves to the end. */
  xmlUnsetProp (node, (const xmlChar *) attr);
  if (value != NULL)
    xmlNewProp (node, (const xmlChar *) attr, (const xmlChar *) value);
}

static xmlNodePtr
object_ensure_node (GVirConfigObject *self, const char *node_name)
{
  return node_name ? gvir_config_object_ensure_child (self, node_name)
                   : gvir_config_object_get_xml_node (self);
}

void
gvir_config_object_set_attribute (GVirConfigObject *self,
                                  const char *node_name,
                                  const char *attr,
                                  const char *value)
{
  if (value == NULL && node_name != NULL && !gvir_config_object_has_child (self, node_name))
    return;
  gvir_config_xml_node_set_attribute (object_ensure_node (self, node_name), attr, value);
}

void
gvir_config_object_set_attribute_uint64 (GVirConfigObject *self,
                                         const char *node_name,
                                         const char *attr,
                                         guint64 value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GUINT64_FORMAT, value);
  gvir_config_object_set_attribute (self, node_name, attr, buf);
}

void
gvir_config_object_set_attribute_genum (GVirConfigObject *self,
                                        const char *node_name,
                                        const char *attr,
                                        GType enum_type,
                                        gint value)
{
  const char *nick = gvir_config_genum_get_nick (enum_type, value);

  g_return_if_fail (nick != NULL);
  gvir_config_object_set_attribute (self, node_name, attr, nick);
}

void
gvir_config_object_set_attribute_boolean (GVirConfigObject *self,
                                          const char *node_name,
                                          const char *attr,
                                          gboolean value)
{
  gvir_config_object_set_attribute (self, node_name, attr, value ? "yes" : "no");
}

/* ---- tree edits ---- */

xmlNodePtr
gvir_config_object_ensure_child (GVirConfigObject *self, const char *child_name)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (self);
  xmlNodePtr child = gvir_config_xml_get_element (node, child_name);

  if (child != NULL)
    return child;
  return xmlNewChild (node, NULL, (const xmlChar *) child_name, NULL);
}

xmlNodePtr
gvir_config_object_replace_child (GVirConfigObject *self, const char *child_name)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (self);
  xmlNodePtr old = gvir_config_xml_get_element (node, child_name);
  xmlNodePtr fresh;

  if (old == NULL)
    return xmlNewChild (node, NULL, (const xmlChar *) child_name, NULL);

  fresh = xmlNewDocNode (node->doc, NULL, (const xmlChar *) child_name, NULL);
  xmlReplaceNode (old, fresh);
  gvir_config_object_delete_node (self, old);
  return fresh;
}

GVirConfigObject *
gvir_config_object_replace_child_with_type (GVirConfigObject *self,
                                            const char *child_name,
                                            GType type)
{
  xmlNodePtr child = gvir_config_object_replace_child (self, child_name);

  return gvir_config_object_new_view (self, type, child);
}

gboolean
gvir_config_object_has_child (GVirConfigObject *self, const char *child_name)
{
  return gvir_config_xml_get_element (gvir_config_object_get_xml_node (self),
                                      child_name) != NULL;
}

void
gvir_config_object_delete_node (GVirConfigObject *self, xmlNodePtr node)
{
  xmlUnlinkNode (node);
  if (subtree_has_views (node))
    g_ptr_array_add (gvir_config_object_get_xml_doc (self)->orphans, node);
  else
    xmlFreeNode (node);
}

void
gvir_config_object_delete_children (GVirConfigObject *self, const char *child_name)
{
  xmlNodePtr node = gvir_config_object_get_xml_node (self);
  xmlNodePtr child = node->children;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (child->type == XML_ELEMENT_NODE &&
          (child_name == NULL || g_strcmp0 ((const char *) child->name, child_name) == 0))
        gvir_config_object_delete_node (self, child);
      child = next;
    }
}

static gboolean
node_is_ancestor_or_self (xmlNodePtr maybe_ancestor, xmlNodePtr node)
{
  for (; node != NULL; node = node->parent)
    if (node == maybe_ancestor)
      return TRUE;
  return FALSE;
}

void
gvir_config_object_attach_to_node (GVirConfigObject *parent,
                                   xmlNodePtr parent_node,
                                   GVirConfigObject *child)
{
  GVirConfigObjectPrivate *cpriv = gvir_config_object_get_instance_private (child);
  GVirConfigXmlDoc *pdoc = gvir_config_object_get_xml_doc (parent);
  xmlNodePtr node = cpriv->node;

  g_return_if_fail (!node_is_ancestor_or_self (node, parent_node));

  g_ptr_array_remove (cpriv->doc->orphans, node);
  g_ptr_array_remove (pdoc->orphans, node);
  xmlUnlinkNode (node);
  xmlAddChild (parent_node, node);
  if (node->doc != parent_node->doc)
    xmlSetTreeDoc (node, parent_node->doc);
  /* Namespace declarations may have stayed behind on old ancestors. */
  xmlReconciliateNs (parent_node->doc, node);

  if (cpriv->doc != pdoc)
    {
      if (!xml_doc_reaches (pdoc, cpriv->doc))
        g_ptr_array_add (cpriv->doc->keep, gvir_config_xml_doc_ref (pdoc));
      gvir_config_xml_doc_unref (cpriv->doc);
      cpriv->doc = gvir_config_xml_doc_ref (pdoc);
    }
}

void
gvir_config_object_attach_add (GVirConfigObject *parent, GVirConfigObject *child)
{
  gvir_config_object_attach_to_node (parent, gvir_config_object_get_xml_node (parent), child);
}

void
gvir_config_object_attach_replace (GVirConfigObject *parent,
                                   const char *child_name,
                                   GVirConfigObject *child)
{
  xmlNodePtr child_node = child ? gvir_config_object_get_xml_node (child) : NULL;
  xmlNodePtr node = gvir_config_object_get_xml_node (parent);
  xmlNodePtr iter = node->children;

  /* Delete the old elements, but not the one being attached. */
  while (iter != NULL)
    {
      xmlNodePtr next = iter->next;

      if (iter != child_node && iter->type == XML_ELEMENT_NODE &&
          g_strcmp0 ((const char *) iter->name, child_name) == 0)
        gvir_config_object_delete_node (parent, iter);
      iter = next;
    }
  if (child != NULL)
    gvir_config_object_attach_add (parent, child);
}

/* A view validates against its document's schema, as in libvirt-gconfig:
 * gvir_config_object_get_schema() on a domain's disk gives domain.rng. */
GVirConfigObject *
gvir_config_object_new_view (GVirConfigObject *self, GType type, xmlNodePtr node)
{
  return gvir_config_object_new_from_tree (type, gvir_config_object_get_xml_doc (self),
                                           gvir_config_object_get_schema (self), node);
}

GVirConfigObject *
gvir_config_object_new_view_without_schema (GVirConfigObject *self, GType type, xmlNodePtr node)
{
  return gvir_config_object_new_from_tree (type, gvir_config_object_get_xml_doc (self),
                                           NULL, node);
}

GVirConfigObject *
gvir_config_object_get_child_with_type (GVirConfigObject *self,
                                        const char *child_name,
                                        GType type)
{
  xmlNodePtr child = gvir_config_xml_get_element (gvir_config_object_get_xml_node (self),
                                                  child_name);

  return child ? gvir_config_object_new_view (self, type, child) : NULL;
}

GList *
gvir_config_object_get_children_with_type (GVirConfigObject *self,
                                           const char *parent_name,
                                           const char *child_name,
                                           GType type)
{
  xmlNodePtr parent = object_get_node (self, parent_name);
  GList *list = NULL;

  if (parent == NULL)
    return NULL;
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (child_name != NULL && g_strcmp0 ((const char *) child->name, child_name) != 0)
        continue;
      list = g_list_prepend (list, gvir_config_object_new_view (self, type, child));
    }
  return g_list_reverse (list);
}

/* ---- enums and units ---- */

const char *
gvir_config_genum_get_nick (GType enum_type, gint value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  /* Enum classes of static types are never freed, so the nick stays valid. */
  g_type_class_unref (klass);
  return ev ? ev->value_nick : NULL;
}

gint
gvir_config_genum_get_value (GType enum_type, const char *nick, gint default_value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (nick == NULL)
    return default_value;
  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);
  return ev ? ev->value : default_value;
}

/* libvirt's scaled integers: "b"/"bytes", or k/M/G/T/P/E (any case)
 * followed by nothing or "iB" (powers of 1024) or "B" (powers of 1000). */
static guint64
unit_factor (const char *unit)
{
  static const char prefixes[] = "kmgtpe";
  const char *prefix;
  guint64 base, factor = 1;

  if (g_ascii_strcasecmp (unit, "b") == 0 || g_ascii_strcasecmp (unit, "bytes") == 0)
    return 1;
  prefix = strchr (prefixes, g_ascii_tolower (unit[0]));
  if (prefix == NULL || unit[0] == '\0')
    return 0;
  if (unit[1] == '\0' || strcmp (unit + 1, "iB") == 0)
    base = 1024;
  else if (strcmp (unit + 1, "B") == 0)
    base = 1000;
  else
    return 0;
  for (long i = 0; i <= prefix - prefixes; i++)
    factor *= base;
  return factor;
}

gboolean
gvir_config_parse_bytes (const char *value, const char *unit, guint64 *bytes)
{
  guint64 number;
  guint64 factor;

  if (!parse_uint64 (value, &number))
    return FALSE;
  factor = unit == NULL || *unit == '\0' ? 1 : unit_factor (unit);
  if (factor == 0 || number > G_MAXUINT64 / factor)
    return FALSE;
  *bytes = number * factor;
  return TRUE;
}

gboolean
gvir_config_parse_kib (const char *value, const char *unit, guint64 *kib)
{
  guint64 number;
  guint64 factor;

  if (!parse_uint64 (value, &number))
    return FALSE;
  if (unit == NULL || *unit == '\0')
    {
      *kib = number;
      return TRUE;
    }
  factor = unit_factor (unit);
  if (factor == 0)
    return FALSE;
  if (factor % 1024 == 0)
    {
      guint64 per_kib = factor / 1024;

      if (per_kib != 0 && number > G_MAXUINT64 / per_kib)
        return FALSE;
      *kib = number * per_kib;
      return TRUE;
    }
  if (number > G_MAXUINT64 / factor)
    return FALSE;
  /* Round partial KiB up, as libvirt does. */
  *kib = (number * factor + 1023) / 1024;
  return TRUE;
}
