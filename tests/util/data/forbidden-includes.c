/* Read by tests/util: check-layer-includes.py must refuse each include
 * below when this file is checked as part of the util layer. */
#include "config.h"

#include <glib.h>

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-nodeset.h"
#include "libvirt-gobject/rpc/gvir-rpc-xdr-private.h"
#include "libvirt-gobject/drivers/gvir-driver-private.h"
#include <libvirt-gconfig/libvirt-gconfig.h>
#include "libvirt-gobject/libvirt-gobject-enums.h"
