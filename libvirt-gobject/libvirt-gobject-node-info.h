/*
 * libvirt-gobject-node-info.h: host hardware summary
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

#include <glib-object.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_NODE_INFO:
 *
 * The #GType of the boxed #GVirNodeInfo.
 */
#define GVIR_TYPE_NODE_INFO (gvir_node_info_get_type ())

typedef struct _GVirNodeInfo GVirNodeInfo;

/**
 * GVirNodeInfo:
 * @model: the CPU model, for example "x86_64" or "i686"
 * @memory: the host memory in KiB
 * @cpus: the number of active CPUs
 * @mhz: the expected CPU frequency in MHz
 * @nodes: the number of NUMA cells
 * @sockets: the number of CPU sockets per NUMA cell
 * @cores: the number of cores per socket
 * @threads: the number of threads per core
 *
 * A summary of the host hardware, as returned by
 * gvir_connection_get_node_info().
 *
 * Unlike libvirt-glib, whose `model` is a `gchar[32]` (and whose GIR turns
 * it into an array of 32 integers), @model is a string here: bindings see
 * a string. The layout therefore differs from libvirt-glib's: a binary
 * built against libvirt-glib must read this record through bindings-style
 * accessors, not its fields.
 */
struct _GVirNodeInfo
{
  gchar *model;
  gulong memory;
  guint cpus;
  guint mhz;
  guint nodes;
  guint sockets;
  guint cores;
  guint threads;
};

GVIR_AVAILABLE_IN_ALL
GType gvir_node_info_get_type (void);

GVIR_AVAILABLE_IN_ALL
GVirNodeInfo *gvir_node_info_copy (const GVirNodeInfo *info);

GVIR_AVAILABLE_IN_ALL
void gvir_node_info_free (GVirNodeInfo *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GVirNodeInfo, gvir_node_info_free)

G_END_DECLS
