/*
 * libvirt-gconfig-error.h: the libvirt-gconfig error domain
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GCONFIG_H__) && !defined(LIBVIRT_GCONFIG_BUILD)
#error "Only <libvirt-gconfig/libvirt-gconfig.h> can be included directly."
#endif

#include <glib.h>
#include <libvirt-gconfig/libvirt-gconfig-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_ERROR:
 *
 * The error domain of every #GError that libvirt-gconfig reports.
 * Codes are the values of #GVirConfigError.
 */
#define GVIR_CONFIG_ERROR (gvir_config_error_quark ())

/**
 * GVIR_CONFIG_OBJECT_ERROR:
 *
 * The libvirt-gconfig name of #GVIR_CONFIG_ERROR, kept so that code
 * written for libvirt-gconfig builds unchanged.
 */
#define GVIR_CONFIG_OBJECT_ERROR GVIR_CONFIG_ERROR

/**
 * GVirConfigError:
 * @GVIR_CONFIG_ERROR_FAILED: a failure that fits no other code
 * @GVIR_CONFIG_ERROR_XML: the XML was malformed, empty, or had the wrong root element
 * @GVIR_CONFIG_ERROR_INVALID: a value was not valid for the element or attribute
 * @GVIR_CONFIG_ERROR_NOT_FOUND: a required element or file is missing
 * @GVIR_CONFIG_ERROR_VALIDATION: the document does not match its RelaxNG schema
 *
 * Error codes of the #GVIR_CONFIG_ERROR domain.
 */
typedef enum
{
  GVIR_CONFIG_ERROR_FAILED,
  GVIR_CONFIG_ERROR_XML,
  GVIR_CONFIG_ERROR_INVALID,
  GVIR_CONFIG_ERROR_NOT_FOUND,
  GVIR_CONFIG_ERROR_VALIDATION,
} GVirConfigError;

GVIR_CONFIG_AVAILABLE_IN_ALL
GQuark gvir_config_error_quark (void);

GVIR_CONFIG_AVAILABLE_IN_ALL
GQuark gvir_config_object_error_quark (void);

G_END_DECLS
