/*
 * libvirt-gconfig-main.h: library initialisation
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

GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_init (int *argc, char ***argv);

GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_config_init_check (int *argc, char ***argv, GError **err);

GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_init_config (int *argc, char ***argv);

GVIR_CONFIG_AVAILABLE_IN_ALL
gboolean gvir_init_config_check (int *argc, char ***argv, GError **err);

G_END_DECLS
