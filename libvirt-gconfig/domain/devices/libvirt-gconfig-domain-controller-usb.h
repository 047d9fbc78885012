/*
 * libvirt-gconfig-domain-controller-usb.h: a USB controller
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
#include <libvirt-gconfig/libvirt-gconfig-domain-controller.h>

G_BEGIN_DECLS

/**
 * GVirConfigDomainControllerUsbModel:
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX3_UHCI: PIIX3 UHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX4_UHCI: PIIX4 UHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_EHCI: generic EHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_EHCI1: ICH9 EHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI1: ICH9 UHCI, first companion
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI2: ICH9 UHCI, second companion
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI3: ICH9 UHCI, third companion
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_VT82C686B_UHCI: VIA VT82C686B UHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PCI_OHCI: PCI OHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_QEMU_XHCI: QEMU XHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_NEC_XHCI: NEC XHCI
 * @GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_NONE: no USB controller
 *
 * USB controller models, the model attribute.
 */
typedef enum
{
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX3_UHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PIIX4_UHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_EHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_EHCI1,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI1,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI2,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_ICH9_UHCI3,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_VT82C686B_UHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_PCI_OHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_QEMU_XHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_NEC_XHCI,
  GVIR_CONFIG_DOMAIN_CONTROLLER_USB_MODEL_NONE,
} GVirConfigDomainControllerUsbModel;

/**
 * GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB:
 *
 * The #GType of #GVirConfigDomainControllerUsb.
 */
#define GVIR_CONFIG_TYPE_DOMAIN_CONTROLLER_USB (gvir_config_domain_controller_usb_get_type ())

GVIR_CONFIG_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (GVirConfigDomainControllerUsb, gvir_config_domain_controller_usb,
                      GVIR_CONFIG, DOMAIN_CONTROLLER_USB, GVirConfigDomainController)

GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainControllerUsb *gvir_config_domain_controller_usb_new (void);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainControllerUsb *gvir_config_domain_controller_usb_new_from_xml (const gchar *xml,
                                                                               GError **error);
GVIR_CONFIG_AVAILABLE_IN_ALL
GVirConfigDomainControllerUsbModel gvir_config_domain_controller_usb_get_model (GVirConfigDomainControllerUsb *controller);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_controller_usb_set_model (GVirConfigDomainControllerUsb *controller,
                                                  GVirConfigDomainControllerUsbModel model);
GVIR_CONFIG_AVAILABLE_IN_ALL
void gvir_config_domain_controller_usb_set_master (GVirConfigDomainControllerUsb *controller,
                                                   GVirConfigDomainControllerUsb *master,
                                                   guint startport);
GVIR_CONFIG_AVAILABLE_IN_ALL
gint gvir_config_domain_controller_usb_get_master_startport (GVirConfigDomainControllerUsb *controller);

G_END_DECLS
