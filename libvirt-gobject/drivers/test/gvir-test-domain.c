/*
 * gvir-test-domain.c: domain XML definitions for the test driver
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

/* ---- UUIDs --------------------------------------------------------------- */

gboolean
gvir_test_uuid_canonicalize (const char *str,
                             char        out[37])
{
  static const int dash_after[] = { 8, 12, 16, 20 };
  guint8 nibbles[32];
  int n = 0, i, o = 0, d = 0;

  if (str == NULL)
    return FALSE;

  for (; *str; str++)
    {
      int v;

      if (*str == '-')
        continue;
      v = g_ascii_xdigit_value (*str);
      if (v < 0 || n == 32)
        return FALSE;
      nibbles[n++] = v;
    }
  if (n != 32)
    return FALSE;

  for (i = 0; i < 32; i++)
    {
      if (d < 4 && i == dash_after[d])
        {
          out[o++] = '-';
          d++;
        }
      out[o++] = "0123456789abcdef"[nibbles[i]];
    }
  out[o] = '\0';
  return TRUE;
}

/* ---- small libxml2 helpers ----------------------------------------------- */

static gboolean
node_is (const xmlNode *node,
         const char    *name)
{
  return node->type == XML_ELEMENT_NODE &&
         (node->ns == NULL || g_strcmp0 ((const char *) node->ns->href, GVIR_TEST_NAMESPACE) != 0) &&
         g_str_equal ((const char *) node->name, name);
}

static xmlNode *
child_element (xmlNode    *parent,
               const char *name)
{
  xmlNode *child;

  for (child = parent->children; child != NULL; child = child->next)
    if (node_is (child, name))
      return child;
  return NULL;
}

/* Trimmed text content, newly allocated. */
static char *
node_text (xmlNode *node)
{
  xmlChar *raw = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (raw ? (const char *) raw : ""));

  xmlFree (raw);
  return text;
}

static char *
node_prop (xmlNode    *node,
           const char *name)
{
  xmlChar *raw = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *value = raw ? g_strdup ((const char *) raw) : NULL;

  xmlFree (raw);
  return value;
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

/* ---- parsing a <domain> --------------------------------------------------- */

/* libvirt's units for memory sizes; plain and "k" forms are KiB. */
static gboolean
unit_scale (const char *unit,
            guint64    *scale)
{
  static const struct { const char *name; guint64 scale; } units[] = {
    { "b", 1 }, { "bytes", 1 },
    { "k", 1ULL << 10 }, { "kib", 1ULL << 10 }, { "kb", 1000ULL },
    { "m", 1ULL << 20 }, { "mib", 1ULL << 20 }, { "mb", 1000000ULL },
    { "g", 1ULL << 30 }, { "gib", 1ULL << 30 }, { "gb", 1000000000ULL },
    { "t", 1ULL << 40 }, { "tib", 1ULL << 40 }, { "tb", 1000000000000ULL },
  };
  g_autofree char *lower = NULL;
  gsize i;

  if (unit == NULL)
    {
      *scale = 1024;
      return TRUE;
    }
  lower = g_ascii_strdown (unit, -1);
  for (i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (lower, units[i].name))
        {
          *scale = units[i].scale;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_memory (xmlNode     *node,
              const char  *dom_name,
              guint64     *kib,
              GError     **error)
{
  g_autofree char *text = node_text (node);
  g_autofree char *unit = node_prop (node, "unit");
  guint64 value, scale;

  if (!parse_guint64 (text, &value))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <%s> value '%s' is not a number",
                   dom_name, (const char *) node->name, text);
      return FALSE;
    }
  if (!unit_scale (unit, &scale))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': unknown unit '%s' in <%s>", dom_name, unit,
                   (const char *) node->name);
      return FALSE;
    }
  if (value > G_MAXUINT64 / scale)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <%s> value is too large", dom_name,
                   (const char *) node->name);
      return FALSE;
    }

  *kib = (value * scale + 1023) / 1024;
  return TRUE;
}

static gboolean
parse_action (xmlNode         *root,
              const char      *element,
              GVirTestAction   fallback,
              const char      *dom_name,
              GVirTestAction  *out,
              GError         **error)
{
  static const char *const names[] = { "destroy", "restart", "preserve", "rename-restart" };
  xmlNode *node = child_element (root, element);
  g_autofree char *text = NULL;
  gsize i;

  *out = fallback;
  if (node == NULL)
    return TRUE;

  text = node_text (node);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_str_equal (text, names[i]))
        {
          *out = (GVirTestAction) i;
          return TRUE;
        }
    }

  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
               "domain '%s': unknown <%s> action '%s'", dom_name, element, text);
  return FALSE;
}

static gboolean
parse_vcpus (xmlNode     *root,
             const char  *dom_name,
             guint       *vcpus,
             GError     **error)
{
  xmlNode *node = child_element (root, "vcpu");
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  guint64 max = 1, cur;

  *vcpus = 1;
  if (node == NULL)
    return TRUE;

  text = node_text (node);
  current = node_prop (node, "current");
  if (!parse_guint64 (text, &max) || max == 0 || max > 4096)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <vcpu> value '%s' is not a count between 1 and 4096",
                   dom_name, text);
      return FALSE;
    }
  *vcpus = max;
  if (current == NULL)
    return TRUE;
  if (!parse_guint64 (current, &cur) || cur == 0 || cur > max)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <vcpu current='%s'> must be between 1 and %u",
                   dom_name, current, (guint) max);
      return FALSE;
    }
  *vcpus = cur;
  return TRUE;
}

static const char *const numa_modes[] = { "strict", "preferred", "interleave", "restrictive" };

static gboolean
parse_numa_mode (xmlNode     *node,
                 const char  *dom_name,
                 int         *out,
                 GError     **error)
{
  g_autofree char *mode = node_prop (node, "mode");
  gsize i;

  *out = 0;
  if (mode == NULL)
    return TRUE;
  for (i = 0; i < G_N_ELEMENTS (numa_modes); i++)
    {
      if (g_str_equal (mode, numa_modes[i]))
        {
          *out = i;
          return TRUE;
        }
    }
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
               "domain '%s': unknown <numatune><%s> mode '%s'", dom_name,
               (const char *) node->name, mode);
  return FALSE;
}

/* The nodeset attribute of <memory> or <memnode>; NULL with @error unset
 * when it is absent. Bad syntax is an XML error that quotes the value. */
static GVirIdSet *
parse_nodeset_prop (xmlNode     *node,
                    const char  *dom_name,
                    GError     **error)
{
  g_autofree char *text = node_prop (node, "nodeset");
  g_autoptr(GError) local = NULL;
  GVirIdSet *set;

  if (text == NULL)
    return NULL;
  set = gvir_id_set_parse (text, "nodeset", GVIR_ID_SET_LIMIT, &local);
  if (set == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "domain '%s': invalid nodeset='%s' in <numatune><%s>: %s", dom_name, text,
                 (const char *) node->name, local->message);
  return set;
}

/* Adds @set (consumed) to the nodes the placement names. */
static void
placement_add (GVirTestDomainDef *def,
               GVirIdSet         *set)
{
  g_autoptr(GVirIdSet) owned = set;

  if (def->placement == NULL)
    def->placement = g_steal_pointer (&owned);
  else
    {
      GVirIdSet *merged = gvir_id_set_union (def->placement, owned);

      gvir_id_set_free (def->placement);
      def->placement = merged;
    }
}

/* <numatune><memory mode placement nodeset/>: libvirt ignores the nodeset
 * when placement is "auto" (numad picks the nodes then). */
static gboolean
parse_numatune_memory (xmlNode            *mem,
                       GVirTestDomainDef  *def,
                       gboolean           *automatic,
                       GError            **error)
{
  g_autofree char *placement = node_prop (mem, "placement");
  g_autoptr(GError) local = NULL;
  GVirIdSet *set;

  if (!parse_numa_mode (mem, def->name, &def->numa_mode, error))
    return FALSE;

  *automatic = g_strcmp0 (placement, "auto") == 0;
  if (placement != NULL && !*automatic && !g_str_equal (placement, "static"))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': unknown <numatune><memory> placement '%s' "
                   "(expected 'static' or 'auto')", def->name, placement);
      return FALSE;
    }

  set = parse_nodeset_prop (mem, def->name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (set == NULL)
    return TRUE;
  if (*automatic)
    {
      gvir_id_set_free (set);
      return TRUE;
    }

  g_free (def->numa_nodeset);
  def->numa_nodeset = gvir_id_set_format (set);
  placement_add (def, set);
  return TRUE;
}

/* The number of guest NUMA cells (<cpu><numa><cell>). */
static guint
count_guest_cells (xmlNode *root)
{
  xmlNode *cpu = child_element (root, "cpu");
  xmlNode *numa = cpu ? child_element (cpu, "numa") : NULL;
  xmlNode *child;
  guint n = 0;

  if (numa == NULL)
    return 0;
  for (child = numa->children; child != NULL; child = child->next)
    if (node_is (child, "cell"))
      n++;
  return n;
}

/* One <memnode cellid mode nodeset/>: the cell must exist in the guest and
 * be tuned once; the nodeset is required (libvirt's rules). */
static gboolean
parse_memnode (xmlNode            *node,
               GVirTestDomainDef  *def,
               guint               ncells,
               GHashTable         *seen,
               GError            **error)
{
  g_autofree char *cellid = node_prop (node, "cellid");
  g_autoptr(GError) local = NULL;
  GVirIdSet *set;
  guint64 cell;
  int mode;

  if (cellid == NULL || !parse_guint64 (cellid, &cell))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <numatune><memnode> needs a numeric cellid, not '%s'",
                   def->name, cellid ? cellid : "");
      return FALSE;
    }
  if (cell >= ncells)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <numatune><memnode cellid='%s'> names no guest NUMA cell "
                   "(the domain has %u in <cpu><numa>)", def->name, cellid, ncells);
      return FALSE;
    }
  if (!g_hash_table_add (seen, GUINT_TO_POINTER ((guint) cell)))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': more than one <numatune><memnode> for cellid='%s'",
                   def->name, cellid);
      return FALSE;
    }
  if (!parse_numa_mode (node, def->name, &mode, error))
    return FALSE;

  set = parse_nodeset_prop (node, def->name, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (set == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s': <numatune><memnode cellid='%s'> has no nodeset",
                   def->name, cellid);
      return FALSE;
    }
  placement_add (def, set);
  return TRUE;
}

static gboolean
parse_numatune (xmlNode            *root,
                GVirTestDomainDef  *def,
                GError            **error)
{
  xmlNode *tune = child_element (root, "numatune");
  xmlNode *mem = tune ? child_element (tune, "memory") : NULL;
  g_autoptr(GHashTable) seen = NULL;
  gboolean automatic = FALSE;
  guint ncells;
  xmlNode *child;

  def->numa_mode = 0;
  def->numa_nodeset = g_strdup ("");
  if (tune == NULL)
    return TRUE;
  for (child = tune->next; child != NULL; child = child->next)
    {
      if (node_is (child, "numatune"))
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                       "domain '%s' has more than one <numatune>", def->name);
          return FALSE;
        }
    }
  if (mem != NULL && !parse_numatune_memory (mem, def, &automatic, error))
    return FALSE;

  ncells = count_guest_cells (root);
  seen = g_hash_table_new (NULL, NULL);
  for (child = tune->children; child != NULL; child = child->next)
    {
      if (!node_is (child, "memnode"))
        continue;
      if (automatic)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                       "domain '%s': <numatune><memnode> cannot be combined with "
                       "<memory placement='auto'>", def->name);
          return FALSE;
        }
      if (!parse_memnode (child, def, ncells, seen, error))
        return FALSE;
    }
  return TRUE;
}

/* Name and UUID: the name is required; a missing UUID gets a random one
 * and the stored XML is rewritten with the canonical form. */
static gboolean
parse_identity (xmlNode            *root,
                GVirTestDomainDef  *def,
                GError            **error)
{
  xmlNode *name = child_element (root, "name");
  xmlNode *uuid = child_element (root, "uuid");
  char canon[37];

  def->name = name ? node_text (name) : NULL;
  if (def->name == NULL || *def->name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML,
                           "domain XML has no <name> (a name is required)");
      return FALSE;
    }
  if (strchr (def->name, '/') != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain name '%s' must not contain '/'", def->name);
      return FALSE;
    }

  if (uuid == NULL)
    {
      g_autofree char *random = g_uuid_string_random ();
      xmlNode *fresh = xmlNewDocNode (root->doc, NULL, (const xmlChar *) "uuid",
                                      (const xmlChar *) random);

      xmlAddNextSibling (name, fresh);
      def->uuid = g_steal_pointer (&random);
      return TRUE;
    }

  {
    g_autofree char *text = node_text (uuid);

    if (!gvir_test_uuid_canonicalize (text, canon))
      {
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                     "domain '%s': invalid UUID '%s'", def->name, text);
        return FALSE;
      }
  }
  xmlNodeSetContent (uuid, (const xmlChar *) canon);
  def->uuid = g_strdup (canon);
  return TRUE;
}

static gboolean
parse_memory_sizes (xmlNode            *root,
                    GVirTestDomainDef  *def,
                    GError            **error)
{
  xmlNode *memory = child_element (root, "memory");
  xmlNode *current = child_element (root, "currentMemory");

  if (memory == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "domain '%s' has no <memory> size", def->name);
      return FALSE;
    }
  if (!parse_memory (memory, def->name, &def->max_mem_kib, error))
    return FALSE;

  def->memory_kib = def->max_mem_kib;
  if (current != NULL && !parse_memory (current, def->name, &def->memory_kib, error))
    return FALSE;
  /* Like libvirt: the balloon cannot exceed the maximum. */
  def->memory_kib = MIN (def->memory_kib, def->max_mem_kib);
  return TRUE;
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

static char *
serialise (xmlDoc  *doc,
           xmlNode *root)
{
  xmlBuffer *buf = xmlBufferCreate ();
  char *ret;

  xmlNodeDump (buf, doc, root, 0, 0);
  ret = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return ret;
}

/* The common path: @doc is owned by the caller and may be modified. */
static GVirTestDomainDef *
def_from_doc (xmlDoc                *doc,
              GVirTestDomainExtras  *extras,
              GError               **error)
{
  g_autoptr(GVirTestDomainDef) def = g_new0 (GVirTestDomainDef, 1);
  GVirTestDomainExtras ignored = { GVIR_DRIVER_STATE_RUNNING, FALSE, FALSE };
  xmlNode *root = xmlDocGetRootElement (doc);

  if (root == NULL || !node_is (root, "domain"))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "unexpected root element <%s>, expected <domain>",
                   root ? (const char *) root->name : "");
      return NULL;
    }

  if (!strip_test_namespace (root, extras ? extras : &ignored, error))
    return NULL;
  /* The id is runtime state that the driver adds when formatting. */
  xmlUnsetProp (root, (const xmlChar *) "id");

  if (!parse_identity (root, def, error) ||
      !parse_memory_sizes (root, def, error) ||
      !parse_vcpus (root, def->name, &def->vcpus, error) ||
      !parse_action (root, "on_poweroff", GVIR_TEST_ACTION_DESTROY, def->name,
                     &def->on_poweroff, error) ||
      !parse_action (root, "on_reboot", GVIR_TEST_ACTION_RESTART, def->name,
                     &def->on_reboot, error) ||
      !parse_numatune (root, def, error))
    return NULL;

  def->xml = serialise (doc, root);
  return g_steal_pointer (&def);
}

xmlParserCtxt *
gvir_test_xml_parser_new (GError **error)
{
  xmlParserCtxt *ctxt = gvir_config_xml_parser_new ();

  if (ctxt == NULL)
    g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INTERNAL, "out of memory");
  return ctxt;
}

static xmlDoc *
read_xml_string (const char  *xml,
                 GError     **error)
{
  xmlParserCtxt *ctxt = gvir_test_xml_parser_new (error);
  xmlDoc *doc;

  if (ctxt == NULL)
    return NULL;
  doc = xmlCtxtReadMemory (ctxt, xml, strlen (xml), "domain.xml", NULL,
                           GVIR_CONFIG_XML_PARSE_UNTRUSTED);
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

GVirTestDomainDef *
gvir_test_domain_def_parse_string (const char  *xml,
                                   GError     **error)
{
  xmlDoc *doc = read_xml_string (xml, error);
  GVirTestDomainDef *def;

  if (doc == NULL)
    return NULL;
  def = def_from_doc (doc, NULL, error);
  xmlFreeDoc (doc);
  return def;
}

GVirTestDomainDef *
gvir_test_domain_def_parse_node (xmlNode               *node,
                                 GVirTestDomainExtras  *extras,
                                 GError               **error)
{
  xmlDoc *doc = xmlNewDoc ((const xmlChar *) "1.0");
  GVirTestDomainDef *def;

  /* Copying into a fresh document re-declares namespaces inherited from
   * the enclosing <node>, so the stored XML stands on its own. */
  xmlDocSetRootElement (doc, xmlDocCopyNode (node, doc, 1));
  def = def_from_doc (doc, extras, error);
  xmlFreeDoc (doc);
  return def;
}

GVirTestDomainDef *
gvir_test_domain_def_copy (const GVirTestDomainDef *def)
{
  GVirTestDomainDef *copy = g_new (GVirTestDomainDef, 1);

  *copy = *def;
  copy->xml = g_strdup (def->xml);
  copy->name = g_strdup (def->name);
  copy->uuid = g_strdup (def->uuid);
  copy->numa_nodeset = g_strdup (def->numa_nodeset);
  copy->placement = def->placement ? gvir_id_set_copy (def->placement) : NULL;
  return copy;
}

void
gvir_test_domain_def_free (GVirTestDomainDef *def)
{
  if (def == NULL)
    return;

  g_free (def->xml);
  g_free (def->name);
  g_free (def->uuid);
  g_free (def->numa_nodeset);
  g_clear_pointer (&def->placement, gvir_id_set_free);
  g_free (def);
}

GVirTestDomainDef *
gvir_test_domain_def_set_numatune (const GVirTestDomainDef  *def,
                                   int                       mode,
                                   const char               *nodeset,
                                   GError                  **error)
{
  xmlDoc *doc = read_xml_string (def->xml, error);
  xmlNode *root, *tune, *mem;
  GVirTestDomainDef *ret;

  if (doc == NULL)
    return NULL;

  root = xmlDocGetRootElement (doc);
  tune = child_element (root, "numatune");
  if (tune == NULL)
    tune = xmlNewChild (root, NULL, (const xmlChar *) "numatune", NULL);
  mem = child_element (tune, "memory");
  if (mem == NULL)
    mem = xmlNewChild (tune, NULL, (const xmlChar *) "memory", NULL);

  if (mode < 0)
    mode = def->numa_mode;
  xmlSetProp (mem, (const xmlChar *) "mode", (const xmlChar *) numa_modes[mode]);
  if (nodeset != NULL)
    {
      /* As in libvirt, an explicit nodeset makes the placement static. */
      xmlUnsetProp (mem, (const xmlChar *) "placement");
      xmlSetProp (mem, (const xmlChar *) "nodeset", (const xmlChar *) nodeset);
    }

  ret = def_from_doc (doc, NULL, error);
  xmlFreeDoc (doc);
  return ret;
}

char *
gvir_test_domain_def_format (const GVirTestDomainDef *def,
                             int                      id)
{
  /* The stored XML always starts with "<domain" (it was written from the
   * root element), so the id goes right after it. */
  if (id <= 0 || !g_str_has_prefix (def->xml, "<domain"))
    return g_strdup (def->xml);
  return g_strdup_printf ("<domain id='%d'%s", id, def->xml + strlen ("<domain"));
}
