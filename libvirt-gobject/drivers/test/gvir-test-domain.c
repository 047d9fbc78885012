/*
 * gvir-test-domain.c: domain definitions of the test driver, kept as
 * GVirConfigDomain objects
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

#include "gvir-test-private.h"
#include "../gvir-driver-xml-private.h"
#include "libvirt-gobject/util/gvir-uuid-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/* ---- libvirt's test namespace ---------------------------------------------- */

/*
 * The <test:...> markup of <node> files is not domain XML: it is read and
 * removed here, on the libxml2 tree, before libvirt-gconfig sees the
 * <domain>.
 */

/* Trimmed text content, newly allocated. */
static char *
node_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (raw ? (const char *) raw : ""));

  xmlFree (raw);
  return text;
}

static gboolean
parse_guint64 (const char *text,
               guint64    *out)
{
  char *end = NULL;

  if (!g_ascii_isdigit (*text))
    return FALSE;
  errno = 0;
  *out = g_ascii_strtoull (text, &end, 10);
  return errno == 0 && end != NULL && *end == '\0';
}

static gboolean
is_test_ns (const xmlNs *ns)
{
  return ns != NULL && g_strcmp0 ((const char *) ns->href, GVIR_TEST_NAMESPACE) == 0;
}

/* Drops the test-namespace declarations on @node, which nothing may use
 * any more. */
static void
drop_test_ns_defs (xmlNode *node)
{
  xmlNs **link = &node->nsDef;

  while (*link != NULL)
    {
      xmlNs *ns = *link;

      if (is_test_ns (ns))
        {
          *link = ns->next;
          ns->next = NULL;
          xmlFreeNs (ns);
        }
      else
        link = &ns->next;
    }
}

/* Below the top level, libvirt's test driver gives the test namespace no
 * meaning: its elements and attributes are dropped, like any unknown
 * markup, at any depth, so that no node keeps pointing at a namespace
 * declaration that is freed. The parser's depth limit bounds the
 * recursion. */
static void
drop_test_markup (xmlNode *node)
{
  xmlAttr *attr = node->properties;
  xmlNode *child = node->children;

  while (attr != NULL)
    {
      xmlAttr *next = attr->next;

      if (is_test_ns (attr->ns))
        xmlRemoveProp (attr);
      attr = next;
    }

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ELEMENT_NODE)
        {
          if (is_test_ns (child->ns))
            {
              xmlUnlinkNode (child);
              xmlFreeNode (child);
            }
          else
            drop_test_markup (child);
        }
      child = next;
    }

  drop_test_ns_defs (node);
}

/* Removes the test-namespace children (recording them), any other
 * test-namespace markup and the namespace declarations, so the stored XML
 * is plain domain XML. */
static gboolean
strip_test_namespace (xmlNode               *root,
                      GVirTestDomainExtras  *extras,
                      GError               **error)
{
  xmlNode *child = root->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_ELEMENT_NODE && is_test_ns (child->ns))
        {
          const char *name = (const char *) child->name;
          g_autofree char *text = node_text (child);
          guint64 v;

          if (g_str_equal (name, "runstate"))
            {
              if (!parse_guint64 (text, &v) || v < GVIR_DRIVER_STATE_RUNNING ||
                  v > GVIR_DRIVER_STATE_PMSUSPENDED)
                {
                  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                               "invalid <test:runstate> '%s': expected a domain state "
                               "number from 1 (running) to 7 (pmsuspended)", text);
                  return FALSE;
                }
              extras->runstate = v;
            }
          else if (g_str_equal (name, "transient"))
            extras->transient = TRUE;
          else if (g_str_equal (name, "hasmanagedsave"))
            extras->has_managed_save = TRUE;

          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      child = next;
    }

  drop_test_markup (root);
  return TRUE;
}

/* ---- checks ------------------------------------------------------------------ */

/*
 * The checks read the definition through libvirt-gconfig. Its getters
 * turn a malformed value into a default (0, strict, ...), so each check
 * also reads the raw text, to refuse the value and quote it.
 */

static gboolean
enum_has_nick (GType       type,
               const char *nick,
               int        *value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (found != NULL && value != NULL)
    *value = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

/* Name and UUID: the name is required; a missing UUID gets a random one
 * and a given one is written back in canonical form. */
static gboolean
check_identity (GVirConfigDomain  *def,
                GError           **error)
{
  const char *name = gvir_config_domain_get_name (def);
  const char *uuid = gvir_config_domain_get_uuid (def);
  g_autofree char *text = NULL;
  char canon[GVIR_UUID_STRING_SIZE];

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "domain XML has no <name> (a name is required)");
      return FALSE;
    }
  if (strchr (name, '/') != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain name '%s' must not contain '/'", name);
      return FALSE;
    }

  if (uuid == NULL && !gvir_config_object_has_child (GVIR_CONFIG_OBJECT (def), "uuid"))
    {
      g_autofree char *random = g_uuid_string_random ();

      gvir_config_domain_set_uuid (def, random);
      return TRUE;
    }
  text = g_strstrip (g_strdup (uuid ? uuid : ""));
  if (!gvir_uuid_canonicalize (text, canon))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': invalid UUID '%s'", name, text);
      return FALSE;
    }
  gvir_config_domain_set_uuid (def, canon);
  return TRUE;
}

/* A size in libvirt's units, as libvirt-gconfig converts it to KiB. */
static gboolean
check_memory_size (GVirConfigDomain  *def,
                   const char        *element,
                   GError           **error)
{
  GVirConfigObject *obj = GVIR_CONFIG_OBJECT (def);
  const char *name = gvir_config_domain_get_name (def);
  const char *text = gvir_config_object_get_node_content (obj, element);
  const char *unit = gvir_config_object_get_attribute (obj, element, "unit");
  guint64 kib;

  if (gvir_config_parse_kib (text, unit, &kib))
    return TRUE;

  if (!gvir_config_parse_kib (text, NULL, &kib))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "domain '%s': <%s> value '%s' is not a number", name, element,
                 text ? text : "");
  else if (!gvir_config_parse_kib ("1", unit, &kib))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "domain '%s': unknown unit '%s' in <%s>", name, unit, element);
  else
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "domain '%s': <%s> value is too large", name, element);
  return FALSE;
}

static gboolean
check_memory (GVirConfigDomain  *def,
              GError           **error)
{
  GVirConfigObject *obj = GVIR_CONFIG_OBJECT (def);

  if (!gvir_config_object_has_child (obj, "memory"))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "domain '%s' has no <memory> size",
                   gvir_config_domain_get_name (def));
      return FALSE;
    }
  return check_memory_size (def, "memory", error) &&
         (!gvir_config_object_has_child (obj, "currentMemory") ||
          check_memory_size (def, "currentMemory", error));
}

/* The largest <vcpu> count a definition may give (libvirt-gconfig reads
 * any 64-bit count). */
#define VCPU_COUNT_MAX 4096

static gboolean
check_vcpus (GVirConfigDomain  *def,
             GError           **error)
{
  GVirConfigObject *obj = GVIR_CONFIG_OBJECT (def);
  const char *name = gvir_config_domain_get_name (def);
  const char *current = gvir_config_object_get_attribute (obj, "vcpu", "current");
  guint64 max, cur;

  if (!gvir_config_object_has_child (obj, "vcpu"))
    return TRUE;

  max = gvir_config_domain_get_vcpus (def);
  if (max == 0 || max > VCPU_COUNT_MAX)
    {
      const char *text = gvir_config_object_get_node_content (obj, "vcpu");

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <vcpu> value '%s' is not a count between 1 and %d",
                   name, text ? text : "", VCPU_COUNT_MAX);
      return FALSE;
    }
  if (current == NULL)
    return TRUE;
  cur = gvir_config_domain_get_current_vcpus (def);
  if (cur == 0 || cur > max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <vcpu current='%s'> must be between 1 and %u",
                   name, current, (guint) max);
      return FALSE;
    }
  return TRUE;
}

/* The coredump actions are for <on_crash> only. */
static gboolean
check_action (GVirConfigDomain  *def,
              const char        *element,
              GError           **error)
{
  const char *text = gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (def), element);
  int action;

  if (!gvir_config_object_has_child (GVIR_CONFIG_OBJECT (def), element))
    return TRUE;
  if (enum_has_nick (GVIR_CONFIG_TYPE_DOMAIN_LIFECYCLE_ACTION, text, &action) &&
      action != GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_DESTROY &&
      action != GVIR_CONFIG_DOMAIN_LIFECYCLE_COREDUMP_RESTART)
    return TRUE;

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "domain '%s': unknown <%s> action '%s'",
               gvir_config_domain_get_name (def), element, text ? text : "");
  return FALSE;
}

/* The mode of <numatune><memory> (@node_name "memory") or of a <memnode>
 * (@obj itself). */
static gboolean
check_numa_mode (GVirConfigObject  *obj,
                 const char        *node_name,
                 const char        *dom_name,
                 GError           **error)
{
  const char *mode = gvir_config_object_get_attribute (obj, node_name, "mode");

  if (mode == NULL || enum_has_nick (GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE_MEMORY_MODE, mode, NULL))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
               "domain '%s': unknown <numatune><%s> mode '%s'", dom_name,
               node_name ? node_name : "memnode", mode);
  return FALSE;
}

/* Bad nodeset syntax is an XML error that quotes the value. */
static gboolean
check_nodeset (GVirConfigObject  *obj,
               const char        *node_name,
               const char        *dom_name,
               GError           **error)
{
  const char *text = gvir_config_object_get_attribute (obj, node_name, "nodeset");
  g_autoptr(GVirIdSet) set = NULL;
  g_autoptr(GError) local = NULL;

  if (text == NULL)
    return TRUE;
  set = gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, &local);
  if (set != NULL)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
               "domain '%s': invalid nodeset='%s' in <numatune><%s>: %s", dom_name, text,
               node_name ? node_name : "memnode", local->message);
  return FALSE;
}

static gboolean
check_numatune_memory (GVirConfigObject  *tune,
                       const char        *dom_name,
                       GError           **error)
{
  const char *placement = gvir_config_object_get_attribute (tune, "memory", "placement");

  if (!check_numa_mode (tune, "memory", dom_name, error))
    return FALSE;
  if (placement != NULL && !enum_has_nick (GVIR_CONFIG_TYPE_DOMAIN_PLACEMENT, placement, NULL))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': unknown <numatune><memory> placement '%s' "
                   "(expected 'static' or 'auto')", dom_name, placement);
      return FALSE;
    }
  return check_nodeset (tune, "memory", dom_name, error);
}

/* The values of <numatune>; its structure (cells, cell ids, a nodeset
 * where one is needed) is libvirt-gconfig's NUMA check. */
static gboolean
check_numatune (GVirConfigDomain  *def,
                GError           **error)
{
  const char *name = gvir_config_domain_get_name (def);
  g_autolist(GVirConfigObject) tunes = NULL;
  g_autolist(GVirConfigObject) memnodes = NULL;
  GList *l;

  tunes = gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (def), NULL, "numatune",
                                                     GVIR_CONFIG_TYPE_DOMAIN_NUMATUNE);
  if (tunes == NULL)
    return TRUE;
  if (tunes->next != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s' has more than one <numatune>", name);
      return FALSE;
    }
  if (!check_numatune_memory (tunes->data, name, error))
    return FALSE;

  memnodes = gvir_config_domain_numatune_get_memnodes (tunes->data);
  for (l = memnodes; l != NULL; l = l->next)
    {
      if (!check_numa_mode (l->data, NULL, name, error) ||
          !check_nodeset (l->data, NULL, name, error))
        return FALSE;
    }
  return TRUE;
}

/* libvirt-gconfig's NUMA rules are libvirt's: guest cells, their CPUs
 * within <vcpu>, memnodes naming existing cells once, ... */
static gboolean
check_numa_rules (GVirConfigDomain  *def,
                  GError           **error)
{
  g_autoptr(GError) local = NULL;

  if (gvir_config_domain_validate_numa (def, &local))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "domain '%s': %s",
               gvir_config_domain_get_name (def), local->message);
  return FALSE;
}

static gboolean
check_def (GVirConfigDomain  *def,
           GError           **error)
{
  return check_identity (def, error) &&
         check_memory (def, error) &&
         check_vcpus (def, error) &&
         check_action (def, "on_poweroff", error) &&
         check_action (def, "on_reboot", error) &&
         check_numatune (def, error) &&
         check_numa_rules (def, error);
}

/* ---- calls ------------------------------------------------------------------ */

gboolean
gvir_test_check_no_flags (guint        flags,
                          const char  *operation,
                          GError     **error)
{
  if (flags == 0)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
               "cannot %s: unsupported flags 0x%x", operation, flags);
  return FALSE;
}

/* ---- reading ---------------------------------------------------------------- */

xmlParserCtxt *
gvir_test_xml_parser_new (GError **error)
{
  xmlParserCtxt *ctxt = gvir_config_xml_parser_new ();

  if (ctxt == NULL)
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INTERNAL, "out of memory");
  return ctxt;
}

/* NODICT, as libvirt-gconfig reads: its objects may move nodes between
 * documents, so names must not live in a per-document dictionary. */
static xmlDoc *
read_xml_string (const char  *xml,
                 GError     **error)
{
  xmlParserCtxt *ctxt = gvir_test_xml_parser_new (error);
  xmlDoc *doc;

  if (ctxt == NULL)
    return NULL;
  doc = xmlCtxtReadMemory (ctxt, xml, strlen (xml), "domain.xml", NULL,
                           GVIR_CONFIG_XML_PARSE_UNTRUSTED | XML_PARSE_NODICT);
  if (gvir_config_xml_parser_get_doctype (ctxt) != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "domain XML declares a DTD (<!DOCTYPE>): DTDs and entities "
                           "are not allowed");
    }
  else if (doc == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strstrip (g_strdup (err && err->message ? err->message
                                                                        : "unknown error"));

      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "malformed domain XML (line %d): %s", err ? err->line : 0, msg);
    }
  gvir_config_xml_parser_free (ctxt);
  return doc;
}

/* Takes @doc; strips the test namespace and hands the <domain> to
 * libvirt-gconfig. */
static GVirConfigDomain *
def_from_doc (xmlDoc                *doc,
              GVirTestDomainExtras  *extras,
              GError               **error)
{
  g_autoptr(GVirConfigXmlDoc) holder = gvir_config_xml_doc_new (doc);
  GVirTestDomainExtras ignored = { GVIR_DRIVER_STATE_RUNNING, FALSE, FALSE };
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GVirConfigDomain) def = NULL;

  if (root == NULL || !g_str_equal ((const char *) root->name, "domain") || is_test_ns (root->ns))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "unexpected root element <%s>, expected <domain>",
                   root ? (const char *) root->name : "");
      return NULL;
    }
  if (!strip_test_namespace (root, extras ? extras : &ignored, error))
    return NULL;

  def = GVIR_CONFIG_DOMAIN (gvir_config_object_new_from_tree (GVIR_CONFIG_TYPE_DOMAIN, holder,
                                                              NULL, root));
  /* The id is runtime state that the driver adds when formatting. */
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (def), NULL, "id", NULL);
  if (!check_def (def, error))
    return NULL;
  return g_steal_pointer (&def);
}

GVirConfigDomain *
gvir_test_def_read_string (const char  *xml,
                           GError     **error)
{
  xmlDoc *doc = read_xml_string (xml, error);

  return doc ? def_from_doc (doc, NULL, error) : NULL;
}

GVirConfigDomain *
gvir_test_def_read_node (xmlNode               *node,
                         GVirTestDomainExtras  *extras,
                         GError               **error)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");

  /* Copying into a fresh document re-declares namespaces inherited from
   * the enclosing <node>, so the definition stands on its own. */
  xmlDocSetRootElement (doc, xmlDocCopyNode (node, doc, 1));
  return def_from_doc (doc, extras, error);
}

/* ---- values of a checked definition ----------------------------------------- */

guint64
gvir_test_def_get_max_memory_kib (GVirConfigDomain *def)
{
  return gvir_config_domain_get_memory (def);
}

/* Like libvirt: the balloon cannot exceed the maximum. */
guint64
gvir_test_def_get_memory_kib (GVirConfigDomain *def)
{
  guint64 max = gvir_config_domain_get_memory (def);

  if (!gvir_config_object_has_child (GVIR_CONFIG_OBJECT (def), "currentMemory"))
    return max;
  return MIN (gvir_config_domain_get_current_memory (def), max);
}

/* libvirt's defaults: one vCPU, all of them online at boot. */
guint
gvir_test_def_get_vcpus (GVirConfigDomain *def)
{
  guint64 current = gvir_config_domain_get_current_vcpus (def);

  if (current > 0)
    return current;
  return MAX (gvir_config_domain_get_vcpus (def), 1);
}

int
gvir_test_def_get_numa_mode (GVirConfigDomain *def)
{
  g_autoptr(GVirConfigDomainNumatune) tune = gvir_config_domain_get_numatune (def);

  return tune ? gvir_config_domain_numatune_get_memory_mode (tune) : 0;
}

/* The nodeset of <numatune><memory>; NULL when the host picks the nodes
 * (libvirt then ignores any nodeset) or none is given. */
static const char *
memory_nodeset (GVirConfigDomainNumatune *tune)
{
  if (gvir_config_domain_numatune_get_memory_placement (tune) == GVIR_CONFIG_DOMAIN_PLACEMENT_AUTO)
    return NULL;
  return gvir_config_domain_numatune_get_memory_nodeset (tune);
}

/* Checked definitions hold valid nodesets only. */
static GVirIdSet *
parse_checked_nodeset (const char *text)
{
  return gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, NULL);
}

char *
gvir_test_def_dup_numa_nodeset (GVirConfigDomain *def)
{
  g_autoptr(GVirConfigDomainNumatune) tune = gvir_config_domain_get_numatune (def);
  g_autoptr(GVirIdSet) set = NULL;
  const char *text = tune ? memory_nodeset (tune) : NULL;

  if (text == NULL)
    return g_strdup ("");
  set = parse_checked_nodeset (text);
  return gvir_id_set_format (set);
}

/* Adds the nodes of @text to @placement. */
static void
placement_add (GVirIdSet  **placement,
               const char  *text)
{
  g_autoptr(GVirIdSet) set = NULL;

  if (text == NULL)
    return;
  set = parse_checked_nodeset (text);
  if (*placement == NULL)
    *placement = g_steal_pointer (&set);
  else
    {
      GVirIdSet *merged = gvir_id_set_union (*placement, set);

      gvir_id_set_free (*placement);
      *placement = merged;
    }
}

GVirIdSet *
gvir_test_def_dup_placement (GVirConfigDomain *def)
{
  g_autoptr(GVirConfigDomainNumatune) tune = gvir_config_domain_get_numatune (def);
  g_autolist(GVirConfigDomainNumatuneMemnode) memnodes = NULL;
  GVirIdSet *placement = NULL;
  GList *l;

  if (tune == NULL)
    return NULL;
  placement_add (&placement, memory_nodeset (tune));
  memnodes = gvir_config_domain_numatune_get_memnodes (tune);
  for (l = memnodes; l != NULL; l = l->next)
    placement_add (&placement, gvir_config_domain_numatune_memnode_get_nodeset (l->data));
  return placement;
}

/* ---- changes and output -------------------------------------------------------- */

/* A copy through libvirt-gconfig's own writer and reader. */
static GVirConfigDomain *
def_copy (GVirConfigDomain  *def,
          GError           **error)
{
  g_autofree char *xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (def));
  g_autoptr(GError) local = NULL;
  GVirConfigDomain *copy = gvir_config_domain_new_from_xml (xml, &local);

  if (copy == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INTERNAL,
                 "cannot copy the definition of domain '%s': %s",
                 gvir_config_domain_get_name (def), local->message);
  return copy;
}

static void
set_numatune_memory (GVirConfigDomainNumatune *tune,
                     int                       mode,
                     const char               *nodeset)
{
  /* The mode is written out even when it stays the default. */
  if (mode < 0)
    mode = gvir_config_domain_numatune_get_memory_mode (tune);
  gvir_config_domain_numatune_set_memory_mode (tune, mode);
  if (nodeset == NULL)
    return;
  /* As in libvirt, an explicit nodeset makes the placement static, which
   * libvirt writes as no placement attribute. */
  gvir_config_object_set_attribute (GVIR_CONFIG_OBJECT (tune), "memory", "placement", NULL);
  /* Canonical, and below the bound both nodeset parsers share: accepted. */
  if (!gvir_config_domain_numatune_set_memory_nodeset (tune, nodeset, NULL))
    g_return_if_reached ();
}

GVirConfigDomain *
gvir_test_def_with_numatune (GVirConfigDomain  *def,
                             int                mode,
                             const char        *nodeset,
                             GError           **error)
{
  g_autoptr(GVirConfigDomain) changed = def_copy (def, error);
  g_autoptr(GVirConfigDomainNumatune) tune = NULL;
  g_autoptr(GError) local = NULL;

  if (changed == NULL)
    return NULL;
  tune = gvir_config_domain_get_numatune (changed);
  if (tune == NULL)
    {
      tune = gvir_config_domain_numatune_new ();
      gvir_config_domain_set_numatune (changed, tune);
    }
  set_numatune_memory (tune, mode, nodeset);

  if (!gvir_config_domain_validate_numa (changed, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot set the NUMA parameters of domain '%s': %s",
                   gvir_config_domain_get_name (def), local->message);
      return NULL;
    }
  return g_steal_pointer (&changed);
}

GVirConfigDomain *
gvir_test_def_with_memory (GVirConfigDomain  *def,
                           guint64            kib,
                           gboolean           maximum,
                           GError           **error)
{
  guint64 current = gvir_test_def_get_memory_kib (def);
  GVirConfigDomain *changed = def_copy (def, error);

  if (changed == NULL)
    return NULL;
  if (maximum)
    gvir_config_domain_set_memory (changed, kib);
  /* libvirt's test driver lowers the balloon with a smaller maximum. */
  gvir_config_domain_set_current_memory (changed, maximum ? MIN (current, kib) : kib);
  return changed;
}

/* As libvirt's test driver writes a domain (and virsh dumpxml prints it):
 * libvirt's quoting, and a running domain's id after its type. */
char *
gvir_test_def_format (GVirConfigDomain *def,
                      int               id)
{
  g_autofree char *styled = gvir_driver_xml_format_object (GVIR_CONFIG_OBJECT (def));
  const char *type = g_str_has_prefix (styled, "<domain type='") ? styled + strlen ("<domain type='")
                                                                 : NULL;
  const char *type_end = type != NULL ? strchr (type, '\'') : NULL;

  if (id <= 0)
    return g_steal_pointer (&styled);
  if (type_end != NULL)
    return g_strdup_printf ("%.*s id='%d'%s", (int) (type_end + 1 - styled), styled, id,
                            type_end + 1);
  /* A definition may leave the type out (the test driver does not require
   * it): then the id goes first. */
  return g_strdup_printf ("<domain id='%d'%s", id, styled + strlen ("<domain"));
}
