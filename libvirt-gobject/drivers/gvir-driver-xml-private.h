/*
 * gvir-driver-xml-private.h: XML text as libvirt writes it
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Nothing in this header is installed or scanned for the GIR.
 */
#pragma once

#include <glib.h>

#include "libvirt-gconfig/libvirt-gconfig.h"

G_BEGIN_DECLS

/* @xml (a document as libxml2 writes it: attribute values in double
 * quotes) rewritten as libvirt's formatters write theirs, so that a
 * client comparing our documents with libvirtd's sees the same text:
 * attribute values in single quotes, ' and " escaped as &apos; and
 * &quot; in values and text, and a final newline. Comments, CDATA and
 * processing instructions are copied as they are. */
char *gvir_driver_xml_libvirt_style (const char *xml);
/* @object's document, in libvirt's style (above). */
char *gvir_driver_xml_format_object (GVirConfigObject *object);
/* @object's document as libvirt's formatter for it writes it, in
 * libvirt's style: the root's children that @order names (a NULL-ended
 * list of element names) come first, in that order, and the others
 * after them as they were (an entry "CHILD/NAME" orders the children of
 * CHILD the same way); the size elements that @byte_sizes names get
 * unit='bytes' (their content is bytes whatever the unit they were
 * defined with); an empty element that @open_empty names is written
 * open and closed on two lines, as libvirt writes an empty <source>.
 * Whitespace between elements is written anew, so elements added to a
 * document parsed with its own indentation are indented too. @object
 * is not changed. */
char *gvir_driver_xml_format_ordered (GVirConfigObject  *object,
                                      const char *const *order,
                                      const char *const *byte_sizes,
                                      const char *const *open_empty);

G_END_DECLS
