/*
 * libvirt-gobject-connection-host.c: GVirConnection's questions about the host
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-connection.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"
#include "libvirt-gobject/libvirt-gobject-connection-call-private.h"
#include "libvirt-gobject/libvirt-gobject-node-cell-private.h"
#include "libvirt-gobject/libvirt-gobject-nodeset-private.h"
#include "libvirt-gobject/util/gvir-numa-private.h"

/* Strings from the peer reach bindings, which need UTF-8: invalid
 * sequences are replaced by U+FFFD rather than failing the call, so that
 * a host with a mis-encoded name stays usable. Takes @str. */
static char *
make_valid_utf8 (char *str)
{
  char *valid;

  if (str == NULL || g_utf8_validate (str, -1, NULL))
    return str;
  valid = g_utf8_make_valid (str, -1);
  g_free (str);
  return valid;
}

static gboolean
op_get_hypervisor_name (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                        GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = make_valid_utf8 (gvir_driver_connection_get_type (drv, cancellable, error));
  call->result_free = g_free;
  return call->result != NULL;
}

static gboolean
op_get_hostname (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                 GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = make_valid_utf8 (gvir_driver_connection_get_hostname (drv, cancellable, error));
  call->result_free = g_free;
  return call->result != NULL;
}

static gboolean
op_get_version (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  gulong version = 0;

  if (drv == NULL ||
      !gvir_driver_connection_get_version (drv, &version, cancellable, error))
    return FALSE;
  call->result = g_memdup2 (&version, sizeof version);
  call->result_free = g_free;
  return TRUE;
}

static gboolean
op_get_node_info (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                  GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  GVirDriverNodeInfo raw = { 0 };
  GVirNodeInfo *info;

  if (drv == NULL || !gvir_driver_connection_get_node_info (drv, &raw, cancellable, error))
    return FALSE;
  info = g_new0 (GVirNodeInfo, 1);
  info->model = g_steal_pointer (&raw.model);
  info->memory = raw.memory_kib;
  info->cpus = raw.cpus;
  info->mhz = raw.mhz;
  info->nodes = raw.nodes;
  info->sockets = raw.sockets;
  info->cores = raw.cores;
  info->threads = raw.threads;
  gvir_driver_node_info_clear (&raw);
  call->result = info;
  call->result_free = (GDestroyNotify) gvir_node_info_free;
  return TRUE;
}

/* The capabilities of @drv, parsed; shared by the capabilities and the
 * NUMA queries. */
static GVirConfigCapabilities *
load_capabilities (GVirConnection *self, GVirDriverConnection *drv,
                   GCancellable *cancellable, GError **error)
{
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;
  GVirConfigCapabilities *caps;

  xml = gvir_driver_connection_get_capabilities (drv, cancellable, error);
  if (xml == NULL)
    return NULL;
  caps = gvir_config_capabilities_new_from_xml (xml, &parse_error);
  if (caps == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "cannot parse the capabilities of '%s': %s",
                 gvir_connection_get_uri (self), parse_error->message);
  return caps;
}

static gboolean
op_get_capabilities (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = load_capabilities (self, drv, cancellable, error);
  call->result_free = g_object_unref;
  return call->result != NULL;
}

typedef struct
{
  char *emulatorbin, *arch, *machine, *virttype;   /* NULL: the defaults */
  guint flags;
} DomainCapabilitiesArgs;

static void
domain_capabilities_args_free (gpointer data)
{
  DomainCapabilitiesArgs *args = data;

  g_free (args->emulatorbin);
  g_free (args->arch);
  g_free (args->machine);
  g_free (args->virttype);
  g_free (args);
}

static gboolean
op_get_domain_capabilities (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                            GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  DomainCapabilitiesArgs *args = call->args;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *xml = NULL;

  if (drv == NULL)
    return FALSE;
  xml = gvir_driver_connection_get_domain_capabilities (drv, args->emulatorbin, args->arch,
                                                        args->machine, args->virttype,
                                                        args->flags, cancellable, error);
  if (xml == NULL)
    return FALSE;
  call->result = gvir_config_domain_capabilities_new_from_xml (xml, &parse_error);
  call->result_free = g_object_unref;
  if (call->result == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "cannot parse the domain capabilities of '%s': %s",
                   gvir_connection_get_uri (self), parse_error->message);
      return FALSE;
    }
  return TRUE;
}
/**
 * gvir_connection_get_hypervisor_name:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the name of the hypervisor driver, for example "TEST" or "QEMU".
 *
 * Returns: (transfer full) (nullable): the name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hypervisor_name (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_hypervisor_name, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_hypervisor_name_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the name is known
 * @user_data: (closure): data for @callback
 *
 * Gets the name of the hypervisor driver without blocking; see
 * gvir_connection_get_hypervisor_name().
 */
void
gvir_connection_get_hypervisor_name_async (GVirConnection *conn, GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_hypervisor_name, NULL, NULL),
                   gvir_connection_get_hypervisor_name_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_hypervisor_name_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_hypervisor_name_async().
 *
 * Returns: (transfer full) (nullable): the name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hypervisor_name_finish (GVirConnection *conn, GAsyncResult *result,
                                            GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_hypervisor_name_async,
                                   err);
}

/**
 * gvir_connection_get_version:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the version of the hypervisor, packed as
 * major * 1000000 + minor * 1000 + micro.
 *
 * Returns: the version, or 0 with @err set
 */
gulong
gvir_connection_get_version (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_version, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), 0);
  g_return_val_if_fail (err == NULL || *err == NULL, 0);

  if (!conn_call_sync (conn, call, err))
    return 0;
  return *(gulong *) call->result;
}

/**
 * gvir_connection_get_version_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the version is known
 * @user_data: (closure): data for @callback
 *
 * Gets the version of the hypervisor without blocking; see
 * gvir_connection_get_version().
 */
void
gvir_connection_get_version_async (GVirConnection *conn, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_version, NULL, NULL),
                   gvir_connection_get_version_async,
                   cancellable, callback, user_data);
}

/**
 * gvir_connection_get_version_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_version_async().
 *
 * Returns: the version, or 0 with @err set
 */
gulong
gvir_connection_get_version_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  ConnCall *call;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), 0);

  call = conn_call_finish (conn, result, gvir_connection_get_version_async, err);
  return call != NULL ? *(gulong *) call->result : 0;
}

/**
 * gvir_connection_get_hostname:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the host name of the machine the hypervisor runs on.
 *
 * Returns: (transfer full) (nullable): the host name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hostname (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_hostname, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_hostname_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the host name is known
 * @user_data: (closure): data for @callback
 *
 * Gets the host name without blocking; see gvir_connection_get_hostname().
 */
void
gvir_connection_get_hostname_async (GVirConnection *conn, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_hostname, NULL, NULL),
                   gvir_connection_get_hostname_async,
                   cancellable, callback, user_data);
}

/**
 * gvir_connection_get_hostname_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_hostname_async().
 *
 * Returns: (transfer full) (nullable): the host name, or %NULL with @err set
 */
gchar *
gvir_connection_get_hostname_finish (GVirConnection *conn, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_hostname_async, err);
}

/**
 * gvir_connection_get_node_info:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Describes the host hardware: CPU model, memory, CPU and NUMA topology.
 *
 * Returns: (transfer full) (nullable): the host description, free with
 *   gvir_node_info_free(), or %NULL with @err set
 */
GVirNodeInfo *
gvir_connection_get_node_info (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_node_info, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_node_info_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the description is available
 * @user_data: (closure): data for @callback
 *
 * Describes the host hardware without blocking; see
 * gvir_connection_get_node_info().
 */
void
gvir_connection_get_node_info_async (GVirConnection *conn, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_node_info, NULL, NULL),
                   gvir_connection_get_node_info_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_node_info_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_node_info_async().
 *
 * Returns: (transfer full) (nullable): the host description, or %NULL with
 *   @err set
 */
GVirNodeInfo *
gvir_connection_get_node_info_finish (GVirConnection *conn, GAsyncResult *result,
                                      GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_node_info_async, err);
}

/**
 * gvir_connection_get_capabilities:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the capabilities of the host and hypervisor: host CPU and NUMA
 * topology, and the guest types that can be run.
 *
 * Returns: (transfer full) (nullable): the capabilities, or %NULL with
 *   @err set
 */
GVirConfigCapabilities *
gvir_connection_get_capabilities (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_capabilities, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_capabilities_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the capabilities are available
 * @user_data: (closure): data for @callback
 *
 * Gets the capabilities without blocking; see
 * gvir_connection_get_capabilities().
 */
void
gvir_connection_get_capabilities_async (GVirConnection *conn, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_capabilities, NULL, NULL),
                   gvir_connection_get_capabilities_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_capabilities_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_capabilities_async().
 *
 * Returns: (transfer full) (nullable): the capabilities, or %NULL with
 *   @err set
 */
GVirConfigCapabilities *
gvir_connection_get_capabilities_finish (GVirConnection *conn, GAsyncResult *result,
                                         GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_capabilities_async, err);
}

static ConnCall *
domain_capabilities_call_new (const gchar *emulatorbin, const gchar *arch,
                              const gchar *machine, const gchar *virttype, guint flags)
{
  DomainCapabilitiesArgs *args = g_new0 (DomainCapabilitiesArgs, 1);

  args->emulatorbin = g_strdup (emulatorbin);
  args->arch = g_strdup (arch);
  args->machine = g_strdup (machine);
  args->virttype = g_strdup (virttype);
  args->flags = flags;
  return conn_call_new (op_get_domain_capabilities, args, domain_capabilities_args_free);
}

/**
 * gvir_connection_get_domain_capabilities:
 * @conn: a #GVirConnection
 * @emulatorbin: (nullable): the emulator binary, or %NULL for the default
 * @arch: (nullable): the guest architecture, or %NULL for the default
 * @machine: (nullable): the machine type, or %NULL for the default
 * @virttype: (nullable): the virtualisation type (such as "kvm"), or %NULL
 *   for the default
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Gets what a domain of the given kind can be configured with on this
 * host.
 *
 * Returns: (transfer full) (nullable): the domain capabilities, or %NULL
 *   with @err set
 */
GVirConfigDomainCapabilities *
gvir_connection_get_domain_capabilities (GVirConnection *conn, const gchar *emulatorbin,
                                         const gchar *arch, const gchar *machine,
                                         const gchar *virttype, guint flags, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  call = domain_capabilities_call_new (emulatorbin, arch, machine, virttype, flags);
  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_domain_capabilities_async:
 * @conn: a #GVirConnection
 * @emulatorbin: (nullable): the emulator binary, or %NULL for the default
 * @arch: (nullable): the guest architecture, or %NULL for the default
 * @machine: (nullable): the machine type, or %NULL for the default
 * @virttype: (nullable): the virtualisation type, or %NULL for the default
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the capabilities are available
 * @user_data: (closure): data for @callback
 *
 * Gets domain capabilities without blocking; see
 * gvir_connection_get_domain_capabilities().
 */
void
gvir_connection_get_domain_capabilities_async (GVirConnection *conn, const gchar *emulatorbin,
                                               const gchar *arch, const gchar *machine,
                                               const gchar *virttype, guint flags,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, domain_capabilities_call_new (emulatorbin, arch, machine, virttype, flags),
                   gvir_connection_get_domain_capabilities_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_get_domain_capabilities_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_domain_capabilities_async().
 *
 * Returns: (transfer full) (nullable): the domain capabilities, or %NULL
 *   with @err set
 */
GVirConfigDomainCapabilities *
gvir_connection_get_domain_capabilities_finish (GVirConnection *conn, GAsyncResult *result,
                                                GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result,
                                   gvir_connection_get_domain_capabilities_async, err);
}

/* The host's capabilities cells (transfer full), possibly NULL when the
 * host lists none. */
static GList *
load_cells (GVirConnection *self, GVirDriverConnection *drv, GCancellable *cancellable,
            GError **error, gboolean *ok)
{
  g_autoptr(GVirConfigCapabilities) caps = load_capabilities (self, drv, cancellable, error);
  g_autoptr(GVirConfigCapabilitiesHost) host = NULL;

  *ok = caps != NULL;
  if (caps == NULL)
    return NULL;
  host = gvir_config_capabilities_get_host (caps);
  return host != NULL ? gvir_config_capabilities_host_get_cells (host) : NULL;
}

static void
cells_free (gpointer cells)
{
  g_list_free_full (cells, g_object_unref);
}

static guint
cells_max_id (GList *cells)
{
  guint max_id = 0;

  for (GList *l = cells; l != NULL; l = l->next)
    max_id = MAX (max_id, gvir_config_capabilities_cell_get_id (l->data));
  return max_id;
}

static gboolean
op_get_node_cells (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                   GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  g_autoptr(GArray) free_mem = NULL;
  GList *cells;
  GList *result = NULL;
  gboolean ok = FALSE;

  if (drv == NULL)
    return FALSE;
  cells = load_cells (self, drv, cancellable, error, &ok);
  if (cells == NULL)
    return ok;

  /* Free memory is indexed by node number, as in libvirt, so sparse ids
   * (0, 2) read slots 0 and 2 of one range. */
  free_mem = gvir_driver_connection_get_cells_free_memory (drv, 0, (int) cells_max_id (cells) + 1,
                                                           cancellable, error);
  if (free_mem == NULL)
    {
      cells_free (cells);
      return FALSE;
    }
  for (GList *l = cells; l != NULL; l = l->next)
    {
      guint id = gvir_config_capabilities_cell_get_id (l->data);
      guint64 free_bytes = id < free_mem->len ? g_array_index (free_mem, guint64, id) : 0;

      result = g_list_prepend (result, _gvir_node_cell_new_from_config (l->data, free_bytes));
    }
  cells_free (cells);
  call->result = g_list_reverse (result);
  call->result_free = cells_free;
  return TRUE;
}

/**
 * gvir_connection_get_node_cells:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @err: return location for a #GError, or %NULL
 *
 * Gets the NUMA cells of the host: their CPUs, memory, free memory,
 * memory pages and distances, from the host's capabilities and its
 * current free memory per cell.
 *
 * A host whose capabilities list no cells (for example a `test:///` URI
 * naming a configuration file, like libvirt's file-based test driver)
 * gives an empty list and no error; the nodes field of #GVirNodeInfo
 * still gives the number of nodes and gvir_connection_get_host_nodeset()
 * their ids.
 *
 * Returns: (transfer full) (element-type GVirNodeCell): the cells, by
 *   increasing id as the host lists them; %NULL when there are none or on
 *   error (then @err is set)
 */
GList *
gvir_connection_get_node_cells (GVirConnection *conn, GCancellable *cancellable, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_node_cells, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, err) ||
      !op_get_node_cells (conn, call, cancellable, err))
    return NULL;
  return g_steal_pointer (&call->result);
}

/**
 * gvir_connection_get_node_cells_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the cells are known
 * @user_data: (closure): data for @callback
 *
 * Gets the NUMA cells of the host without blocking; see
 * gvir_connection_get_node_cells().
 */
void
gvir_connection_get_node_cells_async (GVirConnection *conn, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_node_cells, NULL, NULL),
                   gvir_connection_get_node_cells_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_node_cells_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_node_cells_async().
 *
 * Returns: (transfer full) (element-type GVirNodeCell): the cells; %NULL
 *   when there are none or on error (then @err is set)
 */
GList *
gvir_connection_get_node_cells_finish (GVirConnection *conn, GAsyncResult *result,
                                       GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_node_cells_async, err);
}

typedef struct
{
  gint start_cell;
  gint max_cells;
} CellsFreeMemoryArgs;

static gboolean
op_get_cells_free_memory (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                          GError **error)
{
  CellsFreeMemoryArgs *args = call->args;
  g_autoptr(GVirDriverConnection) drv = NULL;

  /* Bindings pass any integer: refuse nonsense before the driver sees it. */
  if (args->start_cell < 0 || args->max_cells < 1)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "invalid NUMA cell range: start %d, count %d (need start >= 0, count >= 1)",
                   args->start_cell, args->max_cells);
      return FALSE;
    }
  drv = _gvir_connection_dup_driver (self, error);
  if (drv == NULL)
    return FALSE;
  call->result = gvir_driver_connection_get_cells_free_memory (drv, args->start_cell,
                                                               args->max_cells,
                                                               cancellable, error);
  call->result_free = (GDestroyNotify) g_array_unref;
  return call->result != NULL;
}

static ConnCall *
cells_free_memory_call_new (gint start_cell, gint max_cells)
{
  CellsFreeMemoryArgs *args = g_new (CellsFreeMemoryArgs, 1);

  args->start_cell = start_cell;
  args->max_cells = max_cells;
  return conn_call_new (op_get_cells_free_memory, args, g_free);
}

/* Hands out the array of a finished call as a plain C array. */
static guint64 *
steal_free_memory (ConnCall *call, guint *n_cells)
{
  GArray *array = g_steal_pointer (&call->result);

  if (array == NULL)
    return NULL;
  *n_cells = array->len;
  return (guint64 *) g_array_free (array, FALSE);
}

/**
 * gvir_connection_get_cells_free_memory:
 * @conn: a #GVirConnection
 * @start_cell: the first NUMA cell (node number) to report
 * @max_cells: how many cells to report, at least 1
 * @n_cells: (out): return location for the number of values
 * @err: return location for a #GError, or %NULL
 *
 * Gets the current free memory of the host's NUMA cells @start_cell to
 * @start_cell + @max_cells - 1, **in bytes**. Unlike libvirt's
 * virNodeGetCellsFreeMemory(), no value is in KiB, whatever the driver.
 *
 * As in libvirt, a range reaching past the host's last cell is cut
 * short (@n_cells tells how many values there are), a @start_cell past
 * the last cell fails with %GVIR_ERROR_NOT_FOUND, and a negative start or
 * a count below 1 fails with %GVIR_ERROR_INVALID_ARGUMENT.
 *
 * Returns: (array length=n_cells) (transfer full) (nullable): the free
 *   memory of each cell in bytes, or %NULL with @err set
 */
guint64 *
gvir_connection_get_cells_free_memory (GVirConnection *conn, gint start_cell, gint max_cells,
                                       guint *n_cells, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  *n_cells = 0;
  call = cells_free_memory_call_new (start_cell, max_cells);
  if (!conn_call_sync (conn, call, err))
    return NULL;
  return steal_free_memory (call, n_cells);
}

/**
 * gvir_connection_get_cells_free_memory_async:
 * @conn: a #GVirConnection
 * @start_cell: the first NUMA cell (node number) to report
 * @max_cells: how many cells to report, at least 1
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the values are known
 * @user_data: (closure): data for @callback
 *
 * Gets the free memory of NUMA cells without blocking; see
 * gvir_connection_get_cells_free_memory().
 */
void
gvir_connection_get_cells_free_memory_async (GVirConnection *conn, gint start_cell,
                                             gint max_cells, GCancellable *cancellable,
                                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, cells_free_memory_call_new (start_cell, max_cells),
                   gvir_connection_get_cells_free_memory_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_get_cells_free_memory_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @n_cells: (out): return location for the number of values
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_cells_free_memory_async().
 *
 * Returns: (array length=n_cells) (transfer full) (nullable): the free
 *   memory of each cell in bytes, or %NULL with @err set
 */
guint64 *
gvir_connection_get_cells_free_memory_finish (GVirConnection *conn, GAsyncResult *result,
                                              guint *n_cells, GError **err)
{
  ConnCall *call;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (n_cells != NULL, NULL);

  *n_cells = 0;
  call = conn_call_finish (conn, result, gvir_connection_get_cells_free_memory_async, err);
  return call != NULL ? steal_free_memory (call, n_cells) : NULL;
}

/* The host's node ids as the driver knows them: the capabilities cells,
 * or nodes 0 .. node_info.nodes - 1 (at least node 0) for a host that
 * lists none, the same set the drivers check a placement against. */
static GVirNodeset *
load_host_nodeset (GVirDriverConnection *drv, GCancellable *cancellable, GError **error)
{
  GVirIdSet *ids = gvir_driver_connection_get_host_nodes (drv, cancellable, error);

  return ids != NULL ? gvir_nodeset_new_take_ids (ids) : NULL;
}

static gboolean
op_get_host_nodeset (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                     GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);

  if (drv == NULL)
    return FALSE;
  call->result = load_host_nodeset (drv, cancellable, error);
  call->result_free = g_object_unref;
  return call->result != NULL;
}

/**
 * gvir_connection_get_host_nodeset:
 * @conn: a #GVirConnection
 * @err: return location for a #GError, or %NULL
 *
 * Gets the NUMA nodes of the host as a #GVirNodeset: the ids of the cells
 * in the host's capabilities, or, for a host that lists no cells, nodes 0
 * to the nodes field of #GVirNodeInfo minus 1. Never empty: a host
 * without NUMA information is node 0.
 *
 * Returns: (transfer full) (nullable): the host's nodes, or %NULL with
 *   @err set
 */
GVirNodeset *
gvir_connection_get_host_nodeset (GVirConnection *conn, GError **err)
{
  g_autoptr(ConnCall) call = conn_call_new (op_get_host_nodeset, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  return conn_call_sync_pointer (conn, call, err);
}

/**
 * gvir_connection_get_host_nodeset_async:
 * @conn: a #GVirConnection
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the nodes are known
 * @user_data: (closure): data for @callback
 *
 * Gets the NUMA nodes of the host without blocking; see
 * gvir_connection_get_host_nodeset().
 */
void
gvir_connection_get_host_nodeset_async (GVirConnection *conn, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, conn_call_new (op_get_host_nodeset, NULL, NULL),
                   gvir_connection_get_host_nodeset_async, cancellable, callback, user_data);
}

/**
 * gvir_connection_get_host_nodeset_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_get_host_nodeset_async().
 *
 * Returns: (transfer full) (nullable): the host's nodes, or %NULL with
 *   @err set
 */
GVirNodeset *
gvir_connection_get_host_nodeset_finish (GVirConnection *conn, GAsyncResult *result,
                                         GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), NULL);

  return conn_call_finish_pointer (conn, result, gvir_connection_get_host_nodeset_async, err);
}

static gboolean
op_nodeset_is_available (GVirConnection *self, ConnCall *call, GCancellable *cancellable,
                         GError **error)
{
  g_autoptr(GVirDriverConnection) drv = _gvir_connection_dup_driver (self, error);
  GVirNodeset *nodeset = call->args;
  g_autoptr(GVirIdSet) host = NULL;

  if (drv == NULL)
    return FALSE;
  host = gvir_driver_connection_get_host_nodes (drv, cancellable, error);
  if (host == NULL)
    return FALSE;
  /* The drivers' wording, so that a caller sees one message whether it
   * asked first or the driver refused the placement. */
  return gvir_numa_check_nodes_on_host (gvir_nodeset_peek_ids (nodeset), host, error);
}

static ConnCall *
nodeset_call_new (GVirNodeset *nodeset)
{
  /* The only argument is the nodeset to check. */
  return conn_call_new (op_nodeset_is_available, g_object_ref (nodeset), g_object_unref);
}

/**
 * gvir_connection_nodeset_is_available:
 * @conn: a #GVirConnection
 * @nodeset: the nodes a placement names
 * @err: return location for a #GError, or %NULL
 *
 * Checks that every node of @nodeset exists on the host (see
 * gvir_connection_get_host_nodeset()). Otherwise fails with
 * %GVIR_ERROR_NUMA_UNAVAILABLE and a message naming the lowest missing
 * node, such as "NUMA node 4 is unavailable: host has nodes 0-1" (the
 * message the drivers give when they refuse such a placement). An empty
 * nodeset is available.
 *
 * Returns: %TRUE if the host has every node of @nodeset, %FALSE with @err
 *   set otherwise
 */
gboolean
gvir_connection_nodeset_is_available (GVirConnection *conn, GVirNodeset *nodeset, GError **err)
{
  g_autoptr(ConnCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = nodeset_call_new (nodeset);
  return conn_call_sync (conn, call, err);
}

/**
 * gvir_connection_nodeset_is_available_async:
 * @conn: a #GVirConnection
 * @nodeset: the nodes a placement names
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the check is done
 * @user_data: (closure): data for @callback
 *
 * Checks a nodeset against the host without blocking; see
 * gvir_connection_nodeset_is_available().
 */
void
gvir_connection_nodeset_is_available_async (GVirConnection *conn, GVirNodeset *nodeset,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_CONNECTION (conn));
  g_return_if_fail (GVIR_IS_NODESET (nodeset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  conn_call_start (conn, nodeset_call_new (nodeset),
                   gvir_connection_nodeset_is_available_async, cancellable,
                   callback, user_data);
}

/**
 * gvir_connection_nodeset_is_available_finish:
 * @conn: a #GVirConnection
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_connection_nodeset_is_available_async().
 *
 * Returns: %TRUE if the host has every node, %FALSE with @err set otherwise
 */
gboolean
gvir_connection_nodeset_is_available_finish (GVirConnection *conn, GAsyncResult *result,
                                             GError **err)
{
  g_return_val_if_fail (GVIR_IS_CONNECTION (conn), FALSE);

  return conn_call_finish (conn, result, gvir_connection_nodeset_is_available_async,
                           err) != NULL;
}
