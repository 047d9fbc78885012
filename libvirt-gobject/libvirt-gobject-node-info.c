/*
 * libvirt-gobject-node-info.c: host hardware summary
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-node-info.h"

/**
 * SECTION:libvirt-gobject-node-info
 * @title: GVirNodeInfo
 * @short_description: Host hardware summary
 *
 * A #GVirNodeInfo describes the CPUs, NUMA cells and memory of the host
 * behind a connection.
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirNodeInfo) info = gvir_connection_get_node_info (conn, &error);
 *
 * if (info != NULL)
 *   g_print ("%s: %u CPUs in %u NUMA cells\n", info->model, info->cpus, info->nodes);
 * ]|
 */

G_DEFINE_BOXED_TYPE (GVirNodeInfo, gvir_node_info, gvir_node_info_copy, gvir_node_info_free)

/**
 * gvir_node_info_copy:
 * @info: a #GVirNodeInfo
 *
 * Makes a deep copy of @info.
 *
 * Returns: (transfer full): a copy of @info, free with gvir_node_info_free()
 */
GVirNodeInfo *
gvir_node_info_copy (const GVirNodeInfo *info)
{
  GVirNodeInfo *copy;

  g_return_val_if_fail (info != NULL, NULL);

  copy = g_new (GVirNodeInfo, 1);
  *copy = *info;
  copy->model = g_strdup (info->model);
  return copy;
}

/**
 * gvir_node_info_free:
 * @info: (nullable): a #GVirNodeInfo
 *
 * Frees @info and its model string.
 */
void
gvir_node_info_free (GVirNodeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->model);
  g_free (info);
}
