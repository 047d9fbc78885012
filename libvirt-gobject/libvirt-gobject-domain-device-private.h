/*
 * libvirt-gobject-domain-device-private.h: what the device classes share
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#include "libvirt-gobject/libvirt-gobject-domain-device.h"

G_BEGIN_DECLS

/* Borrowed: both are set at construction and never change. */
GVirDomain *_gvir_domain_device_peek_domain (GVirDomainDevice *device);
GVirConfigDomainDevice *_gvir_domain_device_peek_config (GVirDomainDevice *device);

G_END_DECLS
