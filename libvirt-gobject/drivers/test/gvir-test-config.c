/*
 * gvir-test-config.c: reading libvirt's <node> test configuration files
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "gvir-test-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

static void
config_domain_free (gpointer data)
{
  GVirTestConfigDomain *cd = data;

  g_clear_object (&cd->def);
  g_free (cd);
}

/* Reads a whole file with libxml2 and reports failures as GErrors; the
 * parser context keeps the error thread-local. */
static xmlDoc *
read_xml_file (const char  *path,
               GError     **error)
{
  xmlParserCtxt *ctxt;
  xmlDoc *doc;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot read test configuration '%s': %s", path,
                   g_file_test (path, G_FILE_TEST_EXISTS) ? "not a regular file"
                                                          : g_strerror (ENOENT));
      return NULL;
    }

  ctxt = gvir_test_xml_parser_new (error);
  if (ctxt == NULL)
    return NULL;
  doc = xmlCtxtReadFile (ctxt, path, NULL, GVIR_CONFIG_XML_PARSE_UNTRUSTED);
  if (gvir_config_xml_parser_get_doctype (ctxt) != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "'%s' declares a DTD (<!DOCTYPE>): DTDs and entities are not allowed",
                   path);
    }
  else if (doc == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strstrip (g_strdup (err && err->message ? err->message
                                                                        : "unknown error"));

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "malformed XML in '%s' (line %d): %s", path, err ? err->line : 0, msg);
    }
  gvir_config_xml_parser_free (ctxt);
  return doc;
}

static gboolean
element_is (const xmlNode *node,
            const char    *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns == NULL &&
         g_str_equal ((const char *) node->name, name);
}

static xmlNode *
find_child (xmlNode    *parent,
            const char *name)
{
  xmlNode *child;

  for (child = parent->children; child != NULL; child = child->next)
    if (element_is (child, name))
      return child;
  return NULL;
}

/* Reads the positive number in <@name> under @parent into @out, leaving
 * @out alone when the element is absent. */
static gboolean
read_number (xmlNode     *parent,
             const char  *name,
             const char  *path,
             guint64      max,
             guint64     *out,
             GError     **error)
{
  xmlNode *node = find_child (parent, name);
  xmlChar *raw;
  g_autofree char *text = NULL;
  char *end = NULL;
  guint64 v;

  if (node == NULL)
    return TRUE;

  raw = xmlNodeGetContent (node);
  text = g_strstrip (g_strdup (raw ? (const char *) raw : ""));
  xmlFree (raw);

  errno = 0;
  v = g_ascii_strtoull (text, &end, 10);
  if (!g_ascii_isdigit (*text) || errno != 0 || *end != '\0' || v == 0 || v > max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "invalid <%s> value '%s' in test configuration '%s'", name, text, path);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static gboolean
load_cpu (xmlNode       *cpu,
          GVirTestHost  *host,
          const char    *path,
          GError       **error)
{
  guint64 nodes = host->node.nodes, sockets = host->node.sockets;
  guint64 cores = host->node.cores, threads = host->node.threads;
  guint64 mhz = host->node.mhz, active = G_MAXUINT;
  xmlNode *model = find_child (cpu, "model");

  if (!read_number (cpu, "nodes", path, 1024, &nodes, error) ||
      !read_number (cpu, "sockets", path, 1024, &sockets, error) ||
      !read_number (cpu, "cores", path, 1024, &cores, error) ||
      !read_number (cpu, "threads", path, 1024, &threads, error) ||
      !read_number (cpu, "active", path, G_MAXUINT, &active, error) ||
      !read_number (cpu, "mhz", path, G_MAXUINT, &mhz, error))
    return FALSE;

  host->node.nodes = nodes;
  host->node.sockets = sockets;
  host->node.cores = cores;
  host->node.threads = threads;
  host->node.mhz = mhz;
  host->node.cpus = MIN (MIN (nodes * sockets * cores * threads, active), G_MAXUINT);

  if (model != NULL)
    {
      xmlChar *raw = xmlNodeGetContent (model);

      g_free (host->node.model);
      host->node.model = g_strstrip (g_strdup (raw ? (const char *) raw : ""));
      xmlFree (raw);
    }
  return TRUE;
}

/* A <domain> is inline or file='...' relative to the configuration's
 * directory. */
static GVirTestConfigDomain *
load_domain (xmlNode     *node,
             const char  *dir,
             const char  *path,
             GError     **error)
{
  g_autofree char *file = (char *) xmlGetNoNsProp (node, (const xmlChar *) "file");
  GVirTestConfigDomain *cd = g_new0 (GVirTestConfigDomain, 1);
  g_autoptr(GError) local = NULL;
  xmlDoc *doc = NULL;

  cd->extras.runstate = GVIR_DRIVER_STATE_RUNNING;

  if (file != NULL)
    {
      g_autofree char *full = g_path_is_absolute (file) ? g_strdup (file)
                                                        : g_build_filename (dir, file, NULL);

      doc = read_xml_file (full, &local);
      if (doc == NULL)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                       "bad domain file '%s' in test configuration '%s': %s",
                       file, path, local->message);
          g_free (cd);
          return NULL;
        }
      node = xmlDocGetRootElement (doc);
    }

  cd->def = node ? gvir_test_def_read_node (node, &cd->extras, &local) : NULL;
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (cd->def == NULL)
    {
      const char *why = local ? local->message : "empty document";

      if (file != NULL)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                     "bad domain file '%s' in test configuration '%s': %s", file, path, why);
      else
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                     "bad domain in test configuration '%s': %s", path, why);
      g_free (cd);
      return NULL;
    }

  if (cd->extras.transient && cd->extras.runstate == GVIR_DRIVER_STATE_SHUTOFF)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s' in '%s': a transient domain cannot be shut off",
                   gvir_config_domain_get_name (cd->def), path);
      config_domain_free (cd);
      return NULL;
    }
  if (cd->extras.has_managed_save && cd->extras.runstate != GVIR_DRIVER_STATE_SHUTOFF)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s' in '%s': <test:hasmanagedsave/> needs <test:runstate>5</test:runstate> (shut off)",
                   gvir_config_domain_get_name (cd->def), path);
      config_domain_free (cd);
      return NULL;
    }
  return cd;
}

GVirConfigObject *
gvir_test_config_read_node (xmlNode     *node,
                            const char  *element,
                            GType        type,
                            GError     **error)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  g_autoptr(GVirConfigXmlDoc) holder = gvir_config_xml_doc_new (doc);
  xmlNode *root;

  xmlDocSetRootElement (doc, xmlDocCopyNode (node, doc, 1));
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !g_str_equal ((const char *) root->name, element))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "unexpected root element <%s>, expected <%s>",
                   root ? (const char *) root->name : "", element);
      return NULL;
    }
  return gvir_config_object_new_from_tree (type, holder, NULL, root);
}

/* A kind of host object of a configuration file (<network>, <interface>):
 * how one is read from its element and added to the host. */
typedef struct
{
  const char *element;
  GVirConfigObject *(*read) (xmlNode *node, GError **error);
  gboolean (*add) (GVirTestHost *host, GVirConfigObject *def, GError **error);
} HostObjectKind;

static GVirConfigObject *
read_network (xmlNode  *node,
              GError  **error)
{
  return GVIR_CONFIG_OBJECT (gvir_test_network_read_node (node, error));
}

static gboolean
add_network (GVirTestHost      *host,
             GVirConfigObject  *def,
             GError           **error)
{
  return gvir_test_host_add_network (host, GVIR_CONFIG_NETWORK (def), error);
}

static GVirConfigObject *
read_interface (xmlNode  *node,
                GError  **error)
{
  return GVIR_CONFIG_OBJECT (gvir_test_interface_read_node (node, error));
}

static gboolean
add_interface (GVirTestHost      *host,
               GVirConfigObject  *def,
               GError           **error)
{
  return gvir_test_host_add_interface (host, GVIR_CONFIG_INTERFACE (def), error);
}

static GVirConfigObject *
read_node_device (xmlNode  *node,
                  GError  **error)
{
  return GVIR_CONFIG_OBJECT (gvir_test_node_device_read_node (node, error));
}

static gboolean
add_node_device (GVirTestHost      *host,
                 GVirConfigObject  *def,
                 GError           **error)
{
  return gvir_test_host_add_node_device (host, GVIR_CONFIG_NODE_DEVICE (def), error);
}

static const HostObjectKind network_kind = { "network", read_network, add_network };
static const HostObjectKind interface_kind = { "interface", read_interface, add_interface };
static const HostObjectKind node_device_kind = { "device", read_node_device, add_node_device };

/* A host object is inline or file='...' relative to the configuration's
 * directory; like libvirt, every one is active. */
static gboolean
load_host_object (xmlNode               *node,
                  const HostObjectKind  *kind,
                  GVirTestHost          *host,
                  const char            *dir,
                  const char            *path,
                  GError               **error)
{
  g_autofree char *file = (char *) xmlGetNoNsProp (node, (const xmlChar *) "file");
  g_autoptr(GVirConfigObject) def = NULL;
  g_autoptr(GError) local = NULL;
  xmlDoc *doc = NULL;

  if (file != NULL)
    {
      g_autofree char *full = g_path_is_absolute (file) ? g_strdup (file)
                                                        : g_build_filename (dir, file, NULL);

      doc = read_xml_file (full, &local);
      node = doc ? xmlDocGetRootElement (doc) : NULL;
    }
  if (node != NULL)
    def = kind->read (node, &local);
  if (doc != NULL)
    xmlFreeDoc (doc);
  if (def != NULL && kind->add (host, def, &local))
    return TRUE;

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "bad %s%s%s%s in test configuration '%s': %s",
               kind->element, file ? " file '" : "", file ? file : "", file ? "'" : "", path,
               local ? local->message : "empty document");
  return FALSE;
}

/* Parse errors of the streaming reader, kept for the GError. */
typedef struct
{
  char *message;
  int line;
} ReaderError;

static void
reader_error_func (void                    *data,
                   const char              *msg,
                   xmlParserSeverities      severity,
                   xmlTextReaderLocatorPtr  locator)
{
  ReaderError *err = data;

  if (err->message != NULL ||
      (severity != XML_PARSER_SEVERITY_ERROR && severity != XML_PARSER_SEVERITY_VALIDITY_ERROR))
    return;
  err->message = g_strstrip (g_strdup (msg));
  err->line = xmlTextReaderLocatorLineNumber (locator);
}

/* Handles one child element of <node>, expanded by the reader. */
static gboolean
load_element (xmlNode       *node,
              GVirTestHost  *host,
              GPtrArray     *list,
              const char    *dir,
              const char    *path,
              GError       **error)
{
  GVirTestConfigDomain *cd;

  if (element_is (node, "cpu"))
    return load_cpu (node, host, path, error);
  if (element_is (node, "memory"))
    return read_number (node->parent, "memory", path, G_MAXUINT64 / 1024,
                        &host->node.memory_kib, error);
  if (element_is (node, "network"))
    return load_host_object (node, &network_kind, host, dir, path, error);
  if (element_is (node, "interface"))
    return load_host_object (node, &interface_kind, host, dir, path, error);
  if (element_is (node, "device"))
    return load_host_object (node, &node_device_kind, host, dir, path, error);
  if (!element_is (node, "domain"))
    return TRUE;   /* pools are read apart (gvir-test-storage.c) */

  cd = load_domain (node, dir, path, error);
  if (cd == NULL)
    return FALSE;
  g_ptr_array_add (list, cd);
  return TRUE;
}

static void
stop_at_root (void           *user_data,
              const xmlChar  *localname G_GNUC_UNUSED,
              const xmlChar  *prefix G_GNUC_UNUSED,
              const xmlChar  *uri G_GNUC_UNUSED,
              int             nb_namespaces G_GNUC_UNUSED,
              const xmlChar **namespaces G_GNUC_UNUSED,
              int             nb_attributes G_GNUC_UNUSED,
              int             nb_defaulted G_GNUC_UNUSED,
              const xmlChar **attributes G_GNUC_UNUSED)
{
  xmlStopParser (user_data);
}

/* The streaming reader has no hook at the <!DOCTYPE>, so the prolog is
 * read on its own first, up to the root element's start tag. Errors in it
 * are left for the reader to report. */
static gboolean
check_prolog (const char  *path,
              GError     **error)
{
  xmlParserCtxt *ctxt = gvir_test_xml_parser_new (error);
  xmlDoc *doc;
  gboolean ok;

  if (ctxt == NULL)
    return FALSE;
  ctxt->sax->startElementNs = stop_at_root;
  doc = xmlCtxtReadFile (ctxt, path, NULL, GVIR_CONFIG_XML_PARSE_UNTRUSTED);
  ok = gvir_config_xml_parser_get_doctype (ctxt) == NULL;
  if (!ok)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "test configuration '%s' declares a DTD (<!DOCTYPE>): DTDs and "
                 "entities are not allowed", path);
  if (doc != NULL)
    xmlFreeDoc (doc);
  gvir_config_xml_parser_free (ctxt);
  return ok;
}

/*
 * The file is read with libxml2's streaming reader, one top-level element
 * at a time, so that a configuration with thousands of domains never
 * exists as one big tree in memory.
 */
gboolean
gvir_test_config_load (const char    *path,
                       GVirTestHost  *host,
                       GPtrArray    **domains,
                       GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (config_domain_free);
  g_autofree char *dir = g_path_get_dirname (path);
  ReaderError reader_error = { NULL, 0 };
  xmlTextReader *reader;
  gboolean ok = TRUE, seen_root = FALSE;
  int ret;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return read_xml_file (path, error) != NULL;   /* sets the right error */
  if (!check_prolog (path, error))
    return FALSE;

  gvir_config_xml_quiet_begin ();
  reader = xmlReaderForFile (path, NULL, GVIR_CONFIG_XML_PARSE_UNTRUSTED);
  if (reader == NULL)
    {
      gvir_config_xml_quiet_end ();
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot read test configuration '%s'", path);
      return FALSE;
    }
  xmlTextReaderSetErrorHandler (reader, reader_error_func, &reader_error);

  ret = xmlTextReaderRead (reader);
  while (ok && ret == 1)
    {
      int depth = xmlTextReaderDepth (reader);
      xmlNode *node;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT || depth > 1)
        {
          ret = xmlTextReaderRead (reader);
          continue;
        }

      node = xmlTextReaderCurrentNode (reader);
      if (depth == 0)
        {
          seen_root = TRUE;
          if (!element_is (node, "node"))
            {
              g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "test configuration '%s' has root element <%s>, expected <node>",
                           path, (const char *) node->name);
              ok = FALSE;
            }
          ret = xmlTextReaderRead (reader);
          continue;
        }

      node = xmlTextReaderExpand (reader);
      if (node == NULL)
        break;   /* a parse error: reported below */
      ok = load_element (node, host, list, dir, path, error);
      /* Skipping the subtree lets the reader free it. */
      ret = xmlTextReaderNext (reader);
    }

  if (ok && (ret < 0 || reader_error.message != NULL || !seen_root))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "malformed XML in '%s' (line %d): %s",
                   path, reader_error.line,
                   reader_error.message ? reader_error.message : "the document is empty");
      ok = FALSE;
    }

  g_free (reader_error.message);
  xmlFreeTextReader (reader);
  gvir_config_xml_quiet_end ();
  if (ok)
    *domains = g_steal_pointer (&list);
  return ok;
}
