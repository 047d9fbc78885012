/*
 * libvirt-gconfig-domain-smartcard-host-certificates.c: a smartcard emulated from certificates
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
 * SECTION:libvirt-gconfig-domain-smartcard-host-certificates
 * @title: GVirConfigDomainSmartcardHostCertificates
 * @short_description: A smartcard emulated from certificates
 *
 * A `<smartcard mode="host-certificates">`: a smartcard emulated from three
 * certificates of an NSS database on the host.
 */

/**
 * GVirConfigDomainSmartcardHostCertificates:
 *
 * A smartcard emulated from certificates.
 */
struct _GVirConfigDomainSmartcardHostCertificates
{
  GVirConfigDomainSmartcard parent_instance;
};

G_DEFINE_FINAL_TYPE (GVirConfigDomainSmartcardHostCertificates, gvir_config_domain_smartcard_host_certificates, GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD)

/* A fresh element (made by g_object_new() too) needs its kind. */
static void
gvir_config_domain_smartcard_host_certificates_constructed (GObject *object)
{
  GVirConfigObject *self = GVIR_CONFIG_OBJECT (object);

  G_OBJECT_CLASS (gvir_config_domain_smartcard_host_certificates_parent_class)->constructed (object);

  if (gvir_config_object_get_attribute (self, NULL, "mode") == NULL)
    gvir_config_object_set_attribute (self, NULL, "mode", "host-certificates");
}

static void
gvir_config_domain_smartcard_host_certificates_class_init (GVirConfigDomainSmartcardHostCertificatesClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = gvir_config_domain_smartcard_host_certificates_constructed;
  gvir_config_object_class_set_root (GVIR_CONFIG_OBJECT_CLASS (klass), "smartcard", NULL);
}

static void
gvir_config_domain_smartcard_host_certificates_init (GVirConfigDomainSmartcardHostCertificates *self)
{
}

/**
 * gvir_config_domain_smartcard_host_certificates_new:
 *
 * Creates a #GVirConfigDomainSmartcardHostCertificates holding an empty `<smartcard>` element.
 *
 * Returns: (transfer full): the new object
 */
GVirConfigDomainSmartcardHostCertificates *
gvir_config_domain_smartcard_host_certificates_new (void)
{
  return g_object_new (GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST_CERTIFICATES, NULL);
}

/**
 * gvir_config_domain_smartcard_host_certificates_new_from_xml:
 * @xml: an XML document whose root element is `<smartcard>`
 * @error: return location for a #GError, or %NULL
 *
 * Parses @xml into a #GVirConfigDomainSmartcardHostCertificates. Malformed XML or another root element gives a
 * #GVIR_CONFIG_ERROR_XML error.
 *
 * Returns: (transfer full) (nullable): the new object, or %NULL on error
 */
GVirConfigDomainSmartcardHostCertificates *
gvir_config_domain_smartcard_host_certificates_new_from_xml (const gchar *xml, GError **error)
{
  return (GVirConfigDomainSmartcardHostCertificates *) gvir_config_object_new_from_xml (GVIR_CONFIG_TYPE_DOMAIN_SMARTCARD_HOST_CERTIFICATES, "smartcard", NULL, xml, error);
}

/**
 * gvir_config_domain_smartcard_host_certificates_get_database:
 * @smartcard: a #GVirConfigDomainSmartcardHostCertificates
 *
 * Gets the NSS database directory holding the certificates (`<database>`).
 *
 * Returns: (transfer none) (nullable): the path, or %NULL if unset
 */
const gchar *
gvir_config_domain_smartcard_host_certificates_get_database (GVirConfigDomainSmartcardHostCertificates *smartcard)
{
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD_HOST_CERTIFICATES (smartcard), NULL);

  return gvir_config_object_get_node_content (GVIR_CONFIG_OBJECT (smartcard), "database");
}

/**
 * gvir_config_domain_smartcard_host_certificates_set_database:
 * @smartcard: a #GVirConfigDomainSmartcardHostCertificates
 * @path: (nullable): the NSS database directory, or %NULL for the default
 *
 * Sets the NSS database directory holding the certificates.
 */
void
gvir_config_domain_smartcard_host_certificates_set_database (GVirConfigDomainSmartcardHostCertificates *smartcard,
                                                             const char *path)
{
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD_HOST_CERTIFICATES (smartcard));

  gvir_config_object_set_node_content (GVIR_CONFIG_OBJECT (smartcard), "database", path);
}

/**
 * gvir_config_domain_smartcard_host_certificates_get_certificates:
 * @smartcard: a #GVirConfigDomainSmartcardHostCertificates
 *
 * Gets the names of the certificates, in document order. A
 * `<certificate>` element without text reads as an empty name.
 *
 * Returns: (transfer full) (array zero-terminated=1): the certificate names,
 *   empty if there are none
 */
GStrv
gvir_config_domain_smartcard_host_certificates_get_certificates (GVirConfigDomainSmartcardHostCertificates *smartcard)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  xmlNodePtr node;

  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD_HOST_CERTIFICATES (smartcard), NULL);

  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (smartcard));
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const char *name;

      if (child->type != XML_ELEMENT_NODE || g_strcmp0 ((const char *) child->name, "certificate") != 0)
        continue;
      /* An empty <certificate/> still holds its place: a NULL here would
       * end the array early and hide (and leak) the names after it. */
      name = gvir_config_xml_node_get_text (child);
      g_strv_builder_add (builder, name != NULL ? name : "");
    }
  return g_strv_builder_end (builder);
}

/**
 * gvir_config_domain_smartcard_host_certificates_set_certificates:
 * @smartcard: a #GVirConfigDomainSmartcardHostCertificates
 * @cert1: the name of the first certificate
 * @cert2: the name of the second certificate
 * @cert3: the name of the third certificate
 *
 * Sets the three certificates the emulated card holds, replacing any
 * `<certificate>` elements.
 */
void
gvir_config_domain_smartcard_host_certificates_set_certificates (GVirConfigDomainSmartcardHostCertificates *smartcard,
                                                                 const char *cert1,
                                                                 const char *cert2,
                                                                 const char *cert3)
{
  const char *certs[] = { cert1, cert2, cert3 };
  xmlNodePtr node;

  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN_SMARTCARD_HOST_CERTIFICATES (smartcard));
  g_return_if_fail (cert1 != NULL && cert2 != NULL && cert3 != NULL);

  gvir_config_object_delete_children (GVIR_CONFIG_OBJECT (smartcard), "certificate");
  node = gvir_config_object_get_xml_node (GVIR_CONFIG_OBJECT (smartcard));
  for (guint i = 0; i < G_N_ELEMENTS (certs); i++)
    {
      xmlNodePtr cert = xmlNewChild (node, NULL, (const xmlChar *) "certificate", NULL);

      xmlNodeAddContent (cert, (const xmlChar *) certs[i]);
    }
}
