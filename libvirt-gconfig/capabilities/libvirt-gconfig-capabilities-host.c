/*
 * libvirt-gconfig-capabilities-host.c: the host part of capabilities
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gconfig/libvirt-gconfig.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"

/**
 * SECTION:libvirt-gconfig-capabilities-host
 * @title: GVirConfigCapabilitiesHost
 * @short_description: The host part of capabilities
 *
 * The `<host>` element of capabilities: the host UUID, its CPU, its
 * security models and its NUMA cells.
 */

/**
 * GVirConfigCapabilitiesHost:
 *
 * The host part of capabilities.
 */
struct _GVirConfigCapabilitiesHost
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesHost, gvir_config_capabilities_host, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_host_class_init (GVirConfigCapabilitiesHostClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "host", NULL);
}

static void
gvir_config_capabilities_host_init (GVirConfigCapabilitiesHost *self)
{
}

/**
 * gvir_config_capabilities_host_get_uuid:
 * @host: a #GVirConfigCapabilitiesHost
 *
 * Gets the host UUID.
 *
 * Returns: (transfer none) (nullable): the UUID, or %NULL if missing
 */
const gchar *
gvir_config_capabilities_host_get_uuid (GVirConfigCapabilitiesHost *host)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_HOST (host), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (host), "uuid");
}

/**
 * gvir_config_capabilities_host_get_cpu:
 * @host: a #GVirConfigCapabilitiesHost
 *
 * Gets a view of the host CPU description.
 *
 * Returns: (transfer full) (nullable): the CPU, or %NULL if missing
 */
GVirConfigCapabilitiesCpu *
gvir_config_capabilities_host_get_cpu (GVirConfigCapabilitiesHost *host)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_HOST (host), NULL);

  return (GVirConfigCapabilitiesCpu *)
    gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (host), "cpu",
                                            GVIR_CONFIG_TYPE_CAPABILITIES_CPU);
}

/**
 * gvir_config_capabilities_host_get_secmodels:
 * @host: a #GVirConfigCapabilitiesHost
 *
 * Gets views of the host's security models.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesHostSecModel):
 *   the security models, in document order
 */
GList *
gvir_config_capabilities_host_get_secmodels (GVirConfigCapabilitiesHost *host)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_HOST (host), NULL);

  return gvir_config_object_get_children_with_type (GVIR_CONFIG_OBJECT (host), NULL, "secmodel",
                                                    GVIR_CONFIG_TYPE_CAPABILITIES_HOST_SECMODEL);
}

/**
 * gvir_config_capabilities_host_get_cells:
 * @host: a #GVirConfigCapabilitiesHost
 *
 * Gets views of the host NUMA cells listed in `<topology><cells>`.
 *
 * Returns: (transfer full) (element-type LibvirtGConfig.CapabilitiesCell):
 *   the cells, in document order; %NULL if the host has no topology
 */
GList *
gvir_config_capabilities_host_get_cells (GVirConfigCapabilitiesHost *host)
{
  g_autoptr(GVirConfigObject) topology = NULL;

  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_HOST (host), NULL);

  /* <topology> has no class of its own: an anonymous view reaches <cells>. */
  topology = gvir_config_object_get_child_with_type (GVIR_CONFIG_OBJECT (host), "topology",
                                                     GVIR_CONFIG_TYPE_CAPABILITIES_HOST);
  if (topology == NULL)
    return NULL;
  return gvir_config_object_get_children_with_type (topology, "cells", "cell",
                                                    GVIR_CONFIG_TYPE_CAPABILITIES_CELL);
}
