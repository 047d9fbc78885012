/*
 * libvirt-gconfig-domain-device-private.h: helpers shared by the device classes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include <libxml/tree.h>

#include "libvirt-gconfig/libvirt-gconfig.h"

G_BEGIN_DECLS

/* A view of an <address> element as the class of its type attribute, or
 * NULL when @node is NULL or its type has no class. */
GVirConfigDomainAddress *gvir_config_domain_address_new_view (GVirConfigObject *parent,
                                                              xmlNodePtr node);

/* The chardev source class for the type attribute of @node, or
 * G_TYPE_INVALID. */
GType gvir_config_domain_chardev_source_type_for_node (xmlNodePtr node);

/* Copies the type attribute and <source> of @source into @device. */
void gvir_config_domain_chardev_source_copy_into (GVirConfigDomainChardevSource *source,
                                                  GVirConfigObject *device);

/* A view of @device as the chardev source of its type attribute, or NULL. */
GVirConfigDomainChardevSource *gvir_config_domain_chardev_source_new_view (GVirConfigObject *device);

G_END_DECLS
