/*
 * libvirt-gobject-connection.h: a connection to a hypervisor
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#pragma once

#if !defined(__LIBVIRT_GOBJECT_H__) && !defined(LIBVIRT_GOBJECT_BUILD)
#error "Only <libvirt-gobject/libvirt-gobject.h> can be included directly."
#endif

#include <gio/gio.h>
#include <libvirt-gconfig/libvirt-gconfig.h>
#include <libvirt-gobject/libvirt-gobject-visibility.h>
#include <libvirt-gobject/libvirt-gobject-domain.h>
#include <libvirt-gobject/libvirt-gobject-node-info.h>
#include <libvirt-gobject/libvirt-gobject-node-cell.h>
#include <libvirt-gobject/libvirt-gobject-nodeset.h>
#include <libvirt-gobject/libvirt-gobject-network.h>
#include <libvirt-gobject/libvirt-gobject-interface.h>
#include <libvirt-gobject/libvirt-gobject-node-device.h>
#include <libvirt-gobject/libvirt-gobject-secret.h>
#include <libvirt-gobject/libvirt-gobject-network-filter.h>

G_BEGIN_DECLS

/**
 * GVIR_TYPE_CONNECTION:
 *
 * The #GType of #GVirConnection.
 */
#define GVIR_TYPE_CONNECTION (gvir_connection_get_type ())

/**
 * GVirConnection:
 *
 * A connection to a hypervisor. All its fields are private.
 */
GVIR_AVAILABLE_IN_ALL
G_DECLARE_DERIVABLE_TYPE (GVirConnection, gvir_connection, GVIR, CONNECTION, GObject)

/**
 * GVirConnectionClass::stream_new:
 * @conn: the connection
 * @handle: (nullable): the internal stream, for the #GVirStream:handle property
 *
 * Makes the #GVirStream that gvir_connection_get_stream() returns.
 *
 * Returns: (transfer full): a new #GVirStream
 */

/**
 * GVirConnectionClass:
 * @parent_class: the parent class
 * @connection_opened: default handler of #GVirConnection::connection-opened
 * @connection_closed: default handler of #GVirConnection::connection-closed
 * @domain_added: default handler of #GVirConnection::domain-added
 * @domain_removed: default handler of #GVirConnection::domain-removed
 * @stream_new: makes the #GVirStream that gvir_connection_get_stream()
 *   returns; @handle is the internal stream, to pass on as the stream's
 *   #GVirStream:handle property
 *
 * The class of #GVirConnection.
 */
struct _GVirConnectionClass
{
  GObjectClass parent_class;

  void (*connection_opened) (GVirConnection *conn);
  void (*connection_closed) (GVirConnection *conn);
  void (*domain_added) (GVirConnection *conn, GVirDomain *dom);
  void (*domain_removed) (GVirConnection *conn, GVirDomain *dom);
  GVirStream *(*stream_new) (GVirConnection *conn, gpointer handle);

  /*< private >*/
  gpointer padding[20];
};

GVIR_AVAILABLE_IN_ALL
GVirConnection *gvir_connection_new (const gchar *uri);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_open (GVirConnection *conn, GCancellable *cancellable, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_open_async (GVirConnection *conn, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_open_finish (GVirConnection *conn, GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_open_read_only (GVirConnection *conn, GCancellable *cancellable,
                                         GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_open_read_only_async (GVirConnection *conn, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_open_read_only_finish (GVirConnection *conn, GAsyncResult *result,
                                                GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_is_open (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_is_read_only (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_close (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
const gchar *gvir_connection_get_uri (GVirConnection *conn);

GVIR_AVAILABLE_IN_ALL
gchar *gvir_connection_get_hypervisor_name (GVirConnection *conn, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_hypervisor_name_async (GVirConnection *conn, GCancellable *cancellable,
                                                GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gchar *gvir_connection_get_hypervisor_name_finish (GVirConnection *conn, GAsyncResult *result,
                                                  GError **err);

GVIR_AVAILABLE_IN_ALL
gulong gvir_connection_get_version (GVirConnection *conn, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_version_async (GVirConnection *conn, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gulong gvir_connection_get_version_finish (GVirConnection *conn, GAsyncResult *result,
                                          GError **err);

GVIR_AVAILABLE_IN_ALL
gchar *gvir_connection_get_hostname (GVirConnection *conn, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_hostname_async (GVirConnection *conn, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gchar *gvir_connection_get_hostname_finish (GVirConnection *conn, GAsyncResult *result,
                                           GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_domains (GVirConnection *conn, GCancellable *cancellable,
                                        GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_domains_async (GVirConnection *conn, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_domains_finish (GVirConnection *conn, GAsyncResult *result,
                                               GError **err);

GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_domains (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_get_domain (GVirConnection *conn, const gchar *uuid);
GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_find_domain_by_id (GVirConnection *conn, gint id);
GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_find_domain_by_name (GVirConnection *conn, const gchar *name);

GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_create_domain (GVirConnection *conn, GVirConfigDomain *conf,
                                           GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_create_domain_async (GVirConnection *conn, GVirConfigDomain *conf,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_create_domain_finish (GVirConnection *conn, GAsyncResult *result,
                                                  GError **err);

GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_start_domain (GVirConnection *conn, GVirConfigDomain *conf,
                                          guint flags, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_start_domain_async (GVirConnection *conn, GVirConfigDomain *conf,
                                         guint flags, GCancellable *cancellable,
                                         GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirDomain *gvir_connection_start_domain_finish (GVirConnection *conn, GAsyncResult *result,
                                                 GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_restore_domain_from_file (GVirConnection *conn, const gchar *filename,
                                                   GVirConfigDomain *custom_conf, guint flags,
                                                   GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_restore_domain_from_file_async (GVirConnection *conn, const gchar *filename,
                                                     GVirConfigDomain *custom_conf, guint flags,
                                                     GCancellable *cancellable,
                                                     GAsyncReadyCallback callback,
                                                     gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_restore_domain_from_file_finish (GVirConnection *conn,
                                                          GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
GVirNodeInfo *gvir_connection_get_node_info (GVirConnection *conn, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_node_info_async (GVirConnection *conn, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirNodeInfo *gvir_connection_get_node_info_finish (GVirConnection *conn, GAsyncResult *result,
                                                    GError **err);

GVIR_AVAILABLE_IN_ALL
GVirConfigCapabilities *gvir_connection_get_capabilities (GVirConnection *conn, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_capabilities_async (GVirConnection *conn, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirConfigCapabilities *gvir_connection_get_capabilities_finish (GVirConnection *conn,
                                                                 GAsyncResult *result,
                                                                 GError **err);

GVIR_AVAILABLE_IN_ALL
GVirConfigDomainCapabilities *gvir_connection_get_domain_capabilities (GVirConnection *conn,
                                                                       const gchar *emulatorbin,
                                                                       const gchar *arch,
                                                                       const gchar *machine,
                                                                       const gchar *virttype,
                                                                       guint flags,
                                                                       GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_domain_capabilities_async (GVirConnection *conn,
                                                    const gchar *emulatorbin,
                                                    const gchar *arch,
                                                    const gchar *machine,
                                                    const gchar *virttype,
                                                    guint flags,
                                                    GCancellable *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirConfigDomainCapabilities *gvir_connection_get_domain_capabilities_finish (GVirConnection *conn,
                                                                              GAsyncResult *result,
                                                                              GError **err);

GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_node_cells (GVirConnection *conn, GCancellable *cancellable,
                                       GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_node_cells_async (GVirConnection *conn, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_node_cells_finish (GVirConnection *conn, GAsyncResult *result,
                                              GError **err);

GVIR_AVAILABLE_IN_ALL
guint64 *gvir_connection_get_cells_free_memory (GVirConnection *conn, gint start_cell,
                                                gint max_cells, guint *n_cells, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_cells_free_memory_async (GVirConnection *conn, gint start_cell,
                                                  gint max_cells, GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
GVIR_AVAILABLE_IN_ALL
guint64 *gvir_connection_get_cells_free_memory_finish (GVirConnection *conn,
                                                       GAsyncResult *result,
                                                       guint *n_cells, GError **err);

GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_connection_get_host_nodeset (GVirConnection *conn, GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_get_host_nodeset_async (GVirConnection *conn, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
GVirNodeset *gvir_connection_get_host_nodeset_finish (GVirConnection *conn,
                                                      GAsyncResult *result, GError **err);

GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_nodeset_is_available (GVirConnection *conn, GVirNodeset *nodeset,
                                               GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_nodeset_is_available_async (GVirConnection *conn, GVirNodeset *nodeset,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_nodeset_is_available_finish (GVirConnection *conn,
                                                      GAsyncResult *result, GError **err);

/* Streams (libvirt-gobject-stream.c). */
GVIR_AVAILABLE_IN_ALL
GVirStream *gvir_connection_get_stream (GVirConnection *conn, guint flags);
/* Virtual networks (libvirt-gobject-connection-networks.c). */
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_networks (GVirConnection *conn, GCancellable *cancellable,
                                         GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_networks_async (GVirConnection *conn, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_networks_finish (GVirConnection *conn, GAsyncResult *result,
                                                GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_networks (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirNetwork *gvir_connection_get_network (GVirConnection *conn, const gchar *uuid);
GVIR_AVAILABLE_IN_ALL
GVirNetwork *gvir_connection_find_network_by_name (GVirConnection *conn, const gchar *name);
/* Host network interfaces (libvirt-gobject-connection-interfaces.c). */
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_interfaces (GVirConnection *conn, GCancellable *cancellable,
                                           GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_interfaces_async (GVirConnection *conn, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_interfaces_finish (GVirConnection *conn, GAsyncResult *result,
                                                  GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_interfaces (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirInterface *gvir_connection_get_interface (GVirConnection *conn, const gchar *name);
GVIR_AVAILABLE_IN_ALL
GVirInterface *gvir_connection_find_interface_by_mac (GVirConnection *conn,
                                                      const gchar *macaddr);
/* Host devices (libvirt-gobject-connection-node-devices.c); not in
 * libvirt-glib. */
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_node_devices (GVirConnection *conn, GCancellable *cancellable,
                                             GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_node_devices_async (GVirConnection *conn, GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_node_devices_finish (GVirConnection *conn, GAsyncResult *result,
                                                    GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_node_devices (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirNodeDevice *gvir_connection_get_node_device (GVirConnection *conn, const gchar *name);
/* Secrets (libvirt-gobject-connection-secrets.c); not in libvirt-glib. */
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_secrets (GVirConnection *conn, GCancellable *cancellable,
                                        GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_secrets_async (GVirConnection *conn, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_secrets_finish (GVirConnection *conn, GAsyncResult *result,
                                               GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_secrets (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirSecret *gvir_connection_get_secret (GVirConnection *conn, const gchar *uuid);

/* Network filters (libvirt-gobject-connection-network-filters.c); not in
 * libvirt-glib. */
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_network_filters (GVirConnection *conn, GCancellable *cancellable,
                                                GError **err);
GVIR_AVAILABLE_IN_ALL
void gvir_connection_fetch_network_filters_async (GVirConnection *conn,
                                                  GCancellable *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer user_data);
GVIR_AVAILABLE_IN_ALL
gboolean gvir_connection_fetch_network_filters_finish (GVirConnection *conn,
                                                       GAsyncResult *result, GError **err);
GVIR_AVAILABLE_IN_ALL
GList *gvir_connection_get_network_filters (GVirConnection *conn);
GVIR_AVAILABLE_IN_ALL
GVirNetworkFilter *gvir_connection_get_network_filter (GVirConnection *conn, const gchar *name);

G_END_DECLS
