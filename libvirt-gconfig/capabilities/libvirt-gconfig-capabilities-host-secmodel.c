/*
 * libvirt-gconfig-capabilities-host-secmodel.c: a security model of the host
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
 * SECTION:libvirt-gconfig-capabilities-host-secmodel
 * @title: GVirConfigCapabilitiesHostSecModel
 * @short_description: A security model of the host
 *
 * A `<secmodel>` element of the host capabilities: the security driver
 * (`<model>`) and its domain of interpretation (`<doi>`).
 */

/**
 * GVirConfigCapabilitiesHostSecModel:
 *
 * A security model of the host.
 */
struct _GVirConfigCapabilitiesHostSecModel
{
  GVirConfigObject parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigCapabilitiesHostSecModel, gvir_config_capabilities_host_secmodel, GVIR_CONFIG_TYPE_OBJECT)

static void
gvir_config_capabilities_host_secmodel_class_init (GVirConfigCapabilitiesHostSecModelClass *klass)
{
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "secmodel", NULL);
}

static void
gvir_config_capabilities_host_secmodel_init (GVirConfigCapabilitiesHostSecModel *self)
{
}

/**
 * gvir_config_capabilities_host_secmodel_get_model:
 * @secmodel: a #GVirConfigCapabilitiesHostSecModel
 *
 * Gets the security model name, such as "selinux".
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if the element is missing or empty
 */
const gchar *
gvir_config_capabilities_host_secmodel_get_model (GVirConfigCapabilitiesHostSecModel *secmodel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_HOST_SECMODEL (secmodel), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (secmodel), "model");
}

/**
 * gvir_config_capabilities_host_secmodel_get_doi:
 * @secmodel: a #GVirConfigCapabilitiesHostSecModel
 *
 * Gets the domain of interpretation.
 *
 * Returns: (transfer none) (nullable): the value, or %NULL if the element is missing or empty
 */
const gchar *
gvir_config_capabilities_host_secmodel_get_doi (GVirConfigCapabilitiesHostSecModel *secmodel)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_CAPABILITIES_HOST_SECMODEL (secmodel), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (secmodel), "doi");
}
