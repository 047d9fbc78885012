/*
 * libvirt-error-numbers.h: libvirt's error numbers and what each maps to
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * virErrorNumber values written as numbers (virterror.h), not through our
 * protocol header's constants, so that a wrong constant there cannot pass
 * unnoticed: every number the mapping knows, then numbers it does not.
 * Shared by the unit test of the mapping and the end-to-end test through
 * the fake server. Include after libvirt-gobject-error.h.
 */
#pragma once

typedef struct
{
  gint32 code;
  GVirError expected;
} LibvirtErrorCase;

static const LibvirtErrorCase libvirt_error_cases[] = {
  { 1, GVIR_ERROR_FAILED },                /* VIR_ERR_INTERNAL_ERROR */
  { 3, GVIR_ERROR_NOT_SUPPORTED },         /* VIR_ERR_NO_SUPPORT */
  { 7, GVIR_ERROR_NOT_FOUND },             /* VIR_ERR_INVALID_DOMAIN */
  { 8, GVIR_ERROR_INVALID_ARGUMENT },      /* VIR_ERR_INVALID_ARG */
  { 9, GVIR_ERROR_FAILED },                /* VIR_ERR_OPERATION_FAILED */
  { 27, GVIR_ERROR_XML },                  /* VIR_ERR_XML_ERROR */
  { 28, GVIR_ERROR_EXISTS },               /* VIR_ERR_DOM_EXIST */
  { 29, GVIR_ERROR_READ_ONLY },            /* VIR_ERR_OPERATION_DENIED */
  { 35, GVIR_ERROR_XML },                  /* VIR_ERR_XML_DETAIL */
  { 39, GVIR_ERROR_PROTOCOL },             /* VIR_ERR_RPC */
  { 42, GVIR_ERROR_NOT_FOUND },            /* VIR_ERR_NO_DOMAIN */
  { 43, GVIR_ERROR_NOT_FOUND },            /* VIR_ERR_NO_NETWORK */
  { 45, GVIR_ERROR_AUTH_FAILED },          /* VIR_ERR_AUTH_FAILED */
  { 55, GVIR_ERROR_OPERATION_INVALID },    /* VIR_ERR_OPERATION_INVALID */
  { 67, GVIR_ERROR_NOT_SUPPORTED },        /* VIR_ERR_CONFIG_UNSUPPORTED */
  { 72, GVIR_ERROR_NOT_FOUND },            /* VIR_ERR_NO_DOMAIN_SNAPSHOT */
  { 84, GVIR_ERROR_NOT_SUPPORTED },        /* VIR_ERR_OPERATION_UNSUPPORTED */
  /* Unknown to the mapping: a failure, whatever the number. */
  { 0, GVIR_ERROR_FAILED },                /* VIR_ERR_OK: never sent, still an error */
  { 2, GVIR_ERROR_FAILED },                /* VIR_ERR_NO_MEMORY */
  { 38, GVIR_ERROR_FAILED },               /* VIR_ERR_NO_CONNECT */
  { 68, GVIR_ERROR_FAILED },               /* VIR_ERR_OPERATION_ABORTED */
  { 85, GVIR_ERROR_FAILED },               /* VIR_ERR_MIGRATE_UNSAFE */
  { 86, GVIR_ERROR_FAILED },               /* VIR_ERR_AGENT_UNRESPONSIVE */
  { 4096, GVIR_ERROR_FAILED },             /* newer than us */
  { G_MAXINT32, GVIR_ERROR_FAILED },
  { -1, GVIR_ERROR_FAILED },
};
