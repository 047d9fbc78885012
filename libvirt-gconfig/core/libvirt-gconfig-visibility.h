/*
 * libvirt-gconfig-visibility.h: symbol export macros
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

/* The library is built with hidden visibility: only declarations marked
 * with GVIR_CONFIG_AVAILABLE_IN_ALL are exported. */
#if defined(__GNUC__)
#define _GVIR_CONFIG_EXTERN __attribute__((visibility ("default"))) extern
#else
#define _GVIR_CONFIG_EXTERN extern
#endif

#define GVIR_CONFIG_AVAILABLE_IN_ALL _GVIR_CONFIG_EXTERN
