/*
 * libvirt-gconfig-object.h: base class of every configuration object
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

#include <glib-object.h>
#include <libvirt-gconfig/libvirt-gconfig-visibility.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_OBJECT:
 *
 * The #GType of #GVirConfigObject.
 */
#define GVIR_CONFIG_TYPE_OBJECT (gvir_config_object_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConfigObject, gvir_config_object, GVIR_CONFIG, OBJECT, GObject)

/**
 * GVirConfigObjectClass:
 * @parent_class: the parent class
 *
 * The class of #GVirConfigObject.
 */
struct _GVirConfigObjectClass
{
  GObjectClass parent_class;

  /*< private >*/
  gpointer padding[20];
};

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigObject *gvir_config_object_new (GType type,
                                          const char *root_name,
                                          const char *schema);

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigObject *gvir_config_object_new_from_xml (GType type,
                                                   const char *root_name,
                                                   const char *schema,
                                                   const char *xml,
                                                   GError **error);

GVIR_CONFIG_AVAILABLE_IN_ALL
gchar *gvir_config_object_to_xml (GVirConfigObject *config);

GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_object_get_schema (GVirConfigObject *config);

GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_object_validate (GVirConfigObject *config,
                                  GError **err);

G_END_DECLS
