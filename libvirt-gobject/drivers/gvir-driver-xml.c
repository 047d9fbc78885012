/*
 * gvir-driver-xml.c: XML text as libvirt writes it
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

#include <libxml/tree.h>

#include "gvir-driver-xml-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/* Appends @c of a value or text, escaped as libvirt escapes quotes. */
static void
append_quote_escaped (GString *out,
                      char     c)
{
  if (c == '\'')
    g_string_append (out, "&apos;");
  else if (c == '"')
    g_string_append (out, "&quot;");
  else
    g_string_append_c (out, c);
}

/* Copies the markup at @p that ends with @end (a comment, CDATA or a
 * processing instruction) unchanged; returns what follows it. */
static const char *
copy_until (GString    *out,
            const char *p,
            const char *end)
{
  const char *stop = strstr (p, end);
  gsize len = stop != NULL ? (gsize) (stop - p) + strlen (end) : strlen (p);

  g_string_append_len (out, p, len);
  return p + len;
}

/* Copies the tag at @p ("<name attr="v" ...>" or a closing tag) with its
 * values in single quotes; returns what follows it. */
static const char *
copy_tag (GString    *out,
          const char *p)
{
  char quote = 0;

  for (; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            {
              g_string_append_c (out, '\'');
              quote = 0;
            }
          else
            append_quote_escaped (out, *p);
          continue;
        }
      if (*p == '"' || *p == '\'')
        {
          quote = *p;
          g_string_append_c (out, '\'');
          continue;
        }
      g_string_append_c (out, *p);
      if (*p == '>')
        return p + 1;
    }
  return p;
}

char *
gvir_driver_xml_libvirt_style (const char *xml)
{
  GString *out = g_string_sized_new (strlen (xml) + 64);
  const char *p = xml;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<!--"))
        p = copy_until (out, p, "-->");
      else if (g_str_has_prefix (p, "<![CDATA["))
        p = copy_until (out, p, "]]>");
      else if (g_str_has_prefix (p, "<?"))
        p = copy_until (out, p, "?>");
      else if (*p == '<')
        p = copy_tag (out, p);
      else
        append_quote_escaped (out, *p++);
    }
  if (out->len == 0 || out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

char *
gvir_driver_xml_format_object (GVirConfigObject *object)
{
  g_autofree char *xml = gvir_config_object_to_xml (object);

  return gvir_driver_xml_libvirt_style (xml);
}

/* Drops the whitespace-only text between the elements under @node, so
 * that libxml2 indents the copy itself: it leaves an element that has
 * text children as it found it. Text in elements without element
 * children is content, and stays. */
static void
drop_blank_text (xmlNode *node)
{
  xmlNode *child = node->children;

  if (xmlFirstElementChild (node) == NULL)
    return;
  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (child->type == XML_TEXT_NODE && xmlIsBlankNode (child))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else if (child->type == XML_ELEMENT_NODE)
        drop_blank_text (child);
      child = next;
    }
}

static void sort_children (xmlNode *node, const char *const *order);

/* Orders @child's children by the entries "CHILD/NAME" of @order. */
static void
sort_grandchildren (xmlNode           *child,
                    const char *const *order)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gsize len = strlen ((const char *) child->name);

  for (; *order != NULL; order++)
    if (strncmp (*order, (const char *) child->name, len) == 0 && (*order)[len] == '/')
      g_ptr_array_add (names, (gpointer) (*order + len + 1));
  if (names->len == 0)
    return;
  g_ptr_array_add (names, NULL);
  sort_children (child, (const char *const *) names->pdata);
}

static gboolean
name_in (const xmlNode     *node,
         const char *const *names)
{
  for (; names != NULL && *names != NULL; names++)
    if (xmlStrEqual (node->name, (const xmlChar *) *names))
      return TRUE;
  return FALSE;
}

/* Moves @node's element children named in @order to the front, in
 * that order (several of one name keep theirs). Entries "CHILD/NAME"
 * order the children of each CHILD the same way. */
static void
sort_children (xmlNode           *node,
               const char *const *order)
{
  xmlNode *anchor = NULL;   /* the last child placed so far */

  for (const char *const *name = order; *name != NULL; name++)
    {
      xmlNode *child = node->children;

      if (strchr (*name, '/') != NULL)
        continue;
      while (child != NULL)
        {
          xmlNode *next = child->next;

          if (child->type == XML_ELEMENT_NODE &&
              xmlStrEqual (child->name, (const xmlChar *) *name))
            {
              if (child != (anchor != NULL ? anchor->next : node->children))
                {
                  xmlUnlinkNode (child);
                  if (anchor != NULL)
                    xmlAddNextSibling (anchor, child);
                  else
                    xmlAddPrevSibling (node->children, child);
                }
              anchor = child;
              sort_grandchildren (child, order);
            }
          child = next;
        }
    }
}

/* Sets unit='bytes' on the children of @root that @byte_sizes names,
 * and gives the empty ones that @open_empty names a newline and their
 * own indentation as text, which libxml2 writes as it is. */
static void
mark_children (xmlNode           *root,
               const char *const *byte_sizes,
               const char *const *open_empty)
{
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE)
        continue;
      if (name_in (child, byte_sizes))
        xmlSetProp (child, (const xmlChar *) "unit", (const xmlChar *) "bytes");
      if (name_in (child, open_empty) && child->children == NULL)
        xmlNodeAddContent (child, (const xmlChar *) "\n  ");
    }
}

char *
gvir_driver_xml_format_ordered (GVirConfigObject  *object,
                                const char *const *order,
                                const char *const *byte_sizes,
                                const char *const *open_empty)
{
  xmlNode *root = gvir_config_object_get_xml_node (object);
  xmlDoc *doc;
  xmlNode *copy;
  xmlBuffer *buf;
  char *xml;

  g_return_val_if_fail (root != NULL, NULL);

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  copy = xmlDocCopyNode (root, doc, 1);
  xmlDocSetRootElement (doc, copy);
  drop_blank_text (copy);
  sort_children (copy, order);
  mark_children (copy, byte_sizes, open_empty);
  buf = xmlBufferCreate ();
  xmlNodeDump (buf, doc, copy, 0, 1);
  xml = gvir_driver_xml_libvirt_style ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  xmlFreeDoc (doc);
  return xml;
}
