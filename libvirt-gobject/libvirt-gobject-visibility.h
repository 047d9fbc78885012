/*
 * libvirt-gobject-visibility.h: symbol export macros
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

/* The library is built with hidden visibility: only declarations marked
 * with GVIR_AVAILABLE_IN_ALL are exported. */
#if defined(__GNUC__)
#define _GVIR_EXTERN __attribute__((visibility ("default"))) extern
#else
#define _GVIR_EXTERN extern
#endif

#define GVIR_AVAILABLE_IN_ALL _GVIR_EXTERN
