/*
 * libvirt-gconfig-xml-parser-private.c: the parser context for XML from
 * outside the process
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig-xml-parser-private.h"

/* libxml2 calls this for every <!DOCTYPE>, before it reads the internal
 * subset: stopping there means no entity is ever declared, so a small
 * document cannot grow into a huge one when its text is read. The
 * context's _private slot is ours: it holds the DOCTYPE's name. */
static void
stop_at_doctype (void          *user_data,
                 const xmlChar *name,
                 const xmlChar *external_id G_GNUC_UNUSED,
                 const xmlChar *system_id G_GNUC_UNUSED)
{
  xmlParserCtxtPtr ctxt = user_data;

  if (ctxt->_private == NULL)
    ctxt->_private = g_strdup (name ? (const char *) name : "");
  xmlStopParser (ctxt);
}

/* libxml2 reports some errors with no parser context (encoding conversion,
 * I/O), which XML_PARSE_NOERROR cannot reach: they go to the thread's
 * generic error handler, stderr by default. While a parser of ours lives,
 * this thread's handler drops them (the parser's own error still becomes
 * the GError). libxml2 keeps these handlers per thread, and so does the
 * nesting count, so other threads and the application keep theirs. */
static __thread guint quiet_depth;
static __thread xmlGenericErrorFunc saved_handler;
static __thread void *saved_handler_data;

static void
drop_generic_error (void       *data G_GNUC_UNUSED,
                    const char *msg G_GNUC_UNUSED,
                    ...)
{
}

void
gvir_config_xml_quiet_begin (void)
{
  if (quiet_depth++ > 0)
    return;
  saved_handler = xmlGenericError;
  saved_handler_data = xmlGenericErrorContext;
  xmlSetGenericErrorFunc (NULL, drop_generic_error);
}

void
gvir_config_xml_quiet_end (void)
{
  if (quiet_depth == 0 || --quiet_depth > 0)
    return;
  xmlSetGenericErrorFunc (saved_handler_data, saved_handler);
  saved_handler = NULL;
  saved_handler_data = NULL;
}

xmlParserCtxtPtr
gvir_config_xml_parser_new (void)
{
  xmlParserCtxtPtr ctxt;

  xmlInitParser ();
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    return NULL;
  ctxt->sax->internalSubset = stop_at_doctype;
  gvir_config_xml_quiet_begin ();
  return ctxt;
}

const char *
gvir_config_xml_parser_get_doctype (xmlParserCtxtPtr ctxt)
{
  g_return_val_if_fail (ctxt != NULL, NULL);

  return ctxt->_private;
}

void
gvir_config_xml_parser_free (xmlParserCtxtPtr ctxt)
{
  if (ctxt == NULL)
    return;
  g_free (ctxt->_private);
  ctxt->_private = NULL;
  xmlFreeParserCtxt (ctxt);
  gvir_config_xml_quiet_end ();
}
