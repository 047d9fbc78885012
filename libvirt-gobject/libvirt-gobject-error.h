/*
 * libvirt-gobject-error.h: the libvirt-gobject error domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <glib.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_ERROR:
 *
 * The error domain of every #GError that libvirt-gobject reports at run time.
 * Codes are the values of #GVirError.
 */
#define GVIR_ERROR (gvir_error_quark ())

/**
 * GVirError:
 * @GVIR_ERROR_FAILED: a failure that fits no other code
 * @GVIR_ERROR_INVALID_ARGUMENT: an argument was malformed or out of range
 * @GVIR_ERROR_INVALID_URI: the connection URI could not be parsed
 * @GVIR_ERROR_NO_DRIVER: no driver handles the URI's scheme
 * @GVIR_ERROR_CONNECTION_FAILED: the connection could not be established
 * @GVIR_ERROR_CONNECTION_CLOSED: the connection is not open, or was closed
 * @GVIR_ERROR_AUTH_FAILED: authentication was refused
 * @GVIR_ERROR_READ_ONLY: the operation changes state but the connection is read-only
 * @GVIR_ERROR_NOT_FOUND: no object (domain, cell, file) matches the request
 * @GVIR_ERROR_EXISTS: an object with the same name or UUID already exists
 * @GVIR_ERROR_OPERATION_INVALID: the operation is not valid in the object's current state
 * @GVIR_ERROR_NOT_SUPPORTED: the driver does not implement the operation
 * @GVIR_ERROR_XML: an XML document was malformed or did not describe a valid object
 * @GVIR_ERROR_NUMA_UNAVAILABLE: a NUMA node named in a placement does not exist on the host
 * @GVIR_ERROR_PROTOCOL: the peer sent a malformed or unexpected message
 * @GVIR_ERROR_INTERNAL: an internal inconsistency (a bug)
 *
 * Error codes of the #GVIR_ERROR domain.
 */
typedef enum
{
  GVIR_ERROR_FAILED,
  GVIR_ERROR_INVALID_ARGUMENT,
  GVIR_ERROR_INVALID_URI,
  GVIR_ERROR_NO_DRIVER,
  GVIR_ERROR_CONNECTION_FAILED,
  GVIR_ERROR_CONNECTION_CLOSED,
  GVIR_ERROR_AUTH_FAILED,
  GVIR_ERROR_READ_ONLY,
  GVIR_ERROR_NOT_FOUND,
  GVIR_ERROR_EXISTS,
  GVIR_ERROR_OPERATION_INVALID,
  GVIR_ERROR_NOT_SUPPORTED,
  GVIR_ERROR_XML,
  GVIR_ERROR_NUMA_UNAVAILABLE,
  GVIR_ERROR_PROTOCOL,
  GVIR_ERROR_INTERNAL,
} GVirError;

GVIR_AVAILABLE_IN_ALL
GQuark gvir_error_quark (void);

G_END_DECLS
