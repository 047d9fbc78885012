/*
 * libvirt-gconfig-xml-parser-private.h: the parser context for XML from
 * outside the process
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Not installed, not scanned for the GIR. Exported (in the library's
 * private version node) for the drivers, which read the <node> wrapper of
 * libvirt's test configuration files themselves and must refuse DTDs the
 * same way libvirt-gconfig does. Outside libvirt-gconfig, include
 * <libvirt-gconfig/libvirt-gconfig.h> first.
 */
#pragma once

#include <glib.h>
#include <libxml/parser.h>

#include "libvirt-gconfig/libvirt-gconfig-visibility.h"

G_BEGIN_DECLS

/* The options of every read of XML from outside: nothing is fetched from
 * the network and libxml2 prints nothing (errors come back as GErrors).
 * Without NOENT, DTDLOAD or HUGE, entities are never expanded nor DTDs
 * loaded, and libxml2 keeps its size limits. */
#define GVIR_CONFIG_XML_PARSE_UNTRUSTED (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* A parser context that stops at any <!DOCTYPE>, before its internal
 * subset, so that no entity is ever declared. NULL when out of memory.
 * Until it is freed, libxml2 prints nothing from this thread (not even
 * the errors it raises without a context, such as encoding conversion
 * errors). Free it with gvir_config_xml_parser_free(), in the same thread. */
GVIR_CONFIG_AVAILABLE_IN_ALL
xmlParserCtxtPtr gvir_config_xml_parser_new (void);

/* The name in the <!DOCTYPE> that stopped @ctxt ("" if it had none), or
 * NULL if the parser met none. Whatever a read that stopped there
 * returned must be discarded. */
GVIR_CONFIG_AVAILABLE_IN_ALL
const char *gvir_config_xml_parser_get_doctype (xmlParserCtxtPtr ctxt);

GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_xml_parser_free (xmlParserCtxtPtr ctxt);

/* Between these two, libxml2 prints nothing from this thread, for readers
 * that are not a parser context of gvir_config_xml_parser_new() (the
 * streaming xmlTextReader). They nest; call both in the same thread. */
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_xml_quiet_begin (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_xml_quiet_end (void);

G_END_DECLS
