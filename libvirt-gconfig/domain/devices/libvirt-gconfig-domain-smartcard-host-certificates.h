/*
 * libvirt-gconfig-domain-smartcard-host-certificates.h: a smartcard emulated from certificates
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

#include <libvirt-gconfig/libvirt-gconfig-object.h>
#include <libvirt-gconfig/libvirt-gconfig-domain-smartcard.h>

G_BEGIN_DECLS

/**
 * GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST_CERTIFICATES:
 *
 * The #GType of #GVirConfigDomainSmartcardHostCertificates.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST_CERTIFICATES (gvir_config_domain_smartcard_host_certificates_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainSmartcardHostCertificates, gvir_config_domain_smartcard_host_certificates,
                      GVIR_CONFIG, DOMAIN_SMARTCARD_HOST_CERTIFICATES, GVirConfigDomainSmartcard)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSmartcardHostCertificates *gvir_config_domain_smartcard_host_certificates_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainSmartcardHostCertificates *gvir_config_domain_smartcard_host_certificates_new_from_xml (const gchar *xml,
                                                                                                        GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
const gchar *gvir_config_domain_smartcard_host_certificates_get_database (GVirConfigDomainSmartcardHostCertificates *smartcard);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_smartcard_host_certificates_set_database (GVirConfigDomainSmartcardHostCertificates *smartcard,
                                                                  const char *path);
GVIR_CONFIG_AVAILABLE_IN_ALL
GStrv gvir_config_domain_smartcard_host_certificates_get_certificates (GVirConfigDomainSmartcardHostCertificates *smartcard);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_smartcard_host_certificates_set_certificates (GVirConfigDomainSmartcardHostCertificates *smartcard,
                                                                      const char *cert1,
                                                                      const char *cert2,
                                                                      const char *cert3);

G_END_DECLS
