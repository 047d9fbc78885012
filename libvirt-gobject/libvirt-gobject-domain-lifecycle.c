/*
 * libvirt-gobject-domain-lifecycle.c: GVirDomain's state changes
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-domain.h"
#include "libvirt-gobject/libvirt-gobject-domain-info.h"
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-call-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-cache-private.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

/* ---- the operations ------------------------------------------------------- */

static gboolean
op_get_id (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
           GCancellable *cancellable, GError **error)
{
  g_autoptr(GVirDriverDomain) domain = NULL;

  domain = gvir_driver_connection_lookup_domain_by_uuid (drv, domain_uuid (self),
                                                         cancellable, error);
  if (domain == NULL)
    return FALSE;
  _gvir_domain_update (self, domain);
  if (domain->id < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "domain '%s' is not running, so it has no id", domain->name);
      return FALSE;
    }
  call->result = g_memdup2 (&domain->id, sizeof domain->id);
  call->result_free = g_free;
  return TRUE;
}

static gboolean
op_start (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
          GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_start_domain (drv, domain_uuid (self), domain_call_flags (call),
                                              cancellable, error);
}

static gboolean
op_resume (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
           GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_resume_domain (drv, domain_uuid (self), cancellable, error);
}

static gboolean
op_stop (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
         GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_destroy_domain (drv, domain_uuid (self), domain_call_flags (call),
                                                cancellable, error);
}

static gboolean
op_shutdown (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
             GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_shutdown_domain (drv, domain_uuid (self), domain_call_flags (call),
                                                 cancellable, error);
}

static gboolean
op_reboot (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
           GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_reboot_domain (drv, domain_uuid (self), domain_call_flags (call),
                                               cancellable, error);
}

static gboolean
op_suspend (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
            GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_suspend_domain (drv, domain_uuid (self), cancellable, error);
}

static gboolean
op_delete (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
           GCancellable *cancellable, GError **error)
{
  /* GVirDomainDeleteFlags have libvirt's undefine values. */
  return gvir_driver_connection_undefine_domain (drv, domain_uuid (self), domain_call_flags (call),
                                                 cancellable, error);
}

static gboolean
op_save (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
         GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_managed_save_domain (drv, domain_uuid (self),
                                                     domain_call_flags (call),
                                                     cancellable, error);
}

typedef struct
{
  char *filename;
  GVirConfigDomain *custom_conf;  /* NULL: record the domain's own */
  guint flags;
} SaveToFileArgs;

static void
save_to_file_args_free (gpointer data)
{
  SaveToFileArgs *args = data;

  g_free (args->filename);
  g_clear_object (&args->custom_conf);
  g_free (args);
}

static gboolean
op_save_to_file (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                 GCancellable *cancellable, GError **error)
{
  SaveToFileArgs *args = call->args;
  g_autofree char *custom_xml = NULL;

  if (args->custom_conf != NULL)
    custom_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (args->custom_conf));
  return gvir_driver_connection_save_domain_to_file (drv, domain_uuid (self), args->filename,
                                                     custom_xml, args->flags,
                                                     cancellable, error);
}

/* ---- public API ----------------------------------------------------------- */

/**
 * gvir_domain_get_saved:
 * @dom: a #GVirDomain
 *
 * Whether the domain has a managed save image (see gvir_domain_save()),
 * from which the next gvir_domain_start() restores it. This asks the
 * hypervisor and may block; when it cannot be asked, the last known
 * answer is returned.
 *
 * Returns: %TRUE if a managed save image exists
 */
gboolean
gvir_domain_get_saved (GVirDomain *dom)
{
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GVirDriverDomain) domain = NULL;
  GVirDomainCache *cache = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  drv = domain_dup_driver (dom, &conn, &cache, NULL);
  if (drv != NULL)
    domain = gvir_driver_connection_lookup_domain_by_uuid (drv, domain_uuid (dom), NULL, NULL);
  if (domain != NULL)
    _gvir_domain_update (dom, domain);
  return _gvir_domain_get_cached_saved (dom);
}

/**
 * gvir_domain_get_id:
 * @dom: a #GVirDomain
 * @err: return location for a #GError, or %NULL
 *
 * Gets the id the hypervisor gave the running domain. A domain that is
 * not running has no id.
 *
 * Returns: the id, or -1 with @err set
 */
gint
gvir_domain_get_id (GVirDomain *dom, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_get_id, FALSE, 0);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), -1);
  g_return_val_if_fail (err == NULL || *err == NULL, -1);

  if (!domain_call_sync (dom, call, err))
    return -1;
  return *(gint *) call->result;
}

/**
 * gvir_domain_get_id_async:
 * @dom: a #GVirDomain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the id is known
 * @user_data: (closure): data for @callback
 *
 * Gets the id of the running domain without blocking; see
 * gvir_domain_get_id().
 */
void
gvir_domain_get_id_async (GVirDomain *dom, GCancellable *cancellable,
                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_get_id, FALSE, 0), gvir_domain_get_id_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_get_id_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_get_id_async().
 *
 * Returns: the id, or -1 with @err set
 */
gint
gvir_domain_get_id_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  DomainCall *call;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), -1);

  call = domain_call_finish (dom, result, gvir_domain_get_id_async, err);
  return call != NULL ? *(gint *) call->result : -1;
}
/**
 * gvir_domain_start:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainStartFlags
 * @err: return location for a #GError, or %NULL
 *
 * Starts (boots) the domain, which must be shut off. If it has a managed save image, the domain is restored from it instead, unless %GVIR_DOMAIN_START_FORCE_BOOT is given.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_start (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_start, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_start_async:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainStartFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, starts the domain; see gvir_domain_start().
 */
void
gvir_domain_start_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_start, TRUE, flags), gvir_domain_start_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_start_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_start_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_start_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_start_async, err) != NULL;
}

/**
 * gvir_domain_resume:
 * @dom: a #GVirDomain
 * @err: return location for a #GError, or %NULL
 *
 * Resumes the paused domain.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_resume (GVirDomain *dom, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_resume, TRUE, 0);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_resume_async:
 * @dom: a #GVirDomain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, resumes the domain; see gvir_domain_resume().
 */
void
gvir_domain_resume_async (GVirDomain *dom, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_resume, TRUE, 0), gvir_domain_resume_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_resume_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_resume_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_resume_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_resume_async, err) != NULL;
}

/**
 * gvir_domain_stop:
 * @dom: a #GVirDomain
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Stops the running domain immediately, like pulling its power plug. A transient domain disappears.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_stop (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_stop, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_stop_async:
 * @dom: a #GVirDomain
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, stops the domain; see gvir_domain_stop().
 */
void
gvir_domain_stop_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_stop, TRUE, flags), gvir_domain_stop_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_stop_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_stop_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_stop_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_stop_async, err) != NULL;
}

/**
 * gvir_domain_shutdown:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainShutdownFlags
 * @err: return location for a #GError, or %NULL
 *
 * Asks the guest to shut down. The domain may keep running for a while, or ignore the request.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_shutdown (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_shutdown, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_shutdown_async:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainShutdownFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, asks the guest to shut down; see gvir_domain_shutdown().
 */
void
gvir_domain_shutdown_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                                 GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_shutdown, TRUE, flags),
                     gvir_domain_shutdown_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_shutdown_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_shutdown_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_shutdown_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_shutdown_async, err) != NULL;
}

/**
 * gvir_domain_reboot:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainRebootFlags
 * @err: return location for a #GError, or %NULL
 *
 * Asks the guest to reboot.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_reboot (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_reboot, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_reboot_async:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainRebootFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, asks the guest to reboot; see gvir_domain_reboot().
 */
void
gvir_domain_reboot_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_reboot, TRUE, flags), gvir_domain_reboot_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_reboot_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_reboot_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_reboot_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_reboot_async, err) != NULL;
}

/**
 * gvir_domain_suspend:
 * @dom: a #GVirDomain
 * @err: return location for a #GError, or %NULL
 *
 * Pauses the virtual CPUs of the running domain; its memory stays allocated.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_suspend (GVirDomain *dom, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_suspend, TRUE, 0);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_suspend_async:
 * @dom: a #GVirDomain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, pauses the domain; see gvir_domain_suspend().
 */
void
gvir_domain_suspend_async (GVirDomain *dom, GCancellable *cancellable,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_suspend, TRUE, 0), gvir_domain_suspend_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_suspend_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_suspend_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_suspend_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_suspend_async, err) != NULL;
}

/**
 * gvir_domain_delete:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainDeleteFlags
 * @err: return location for a #GError, or %NULL
 *
 * Deletes the persistent definition of the domain. A running domain keeps running as a transient domain; a shut off one disappears. A domain with a managed save image is refused unless %GVIR_DOMAIN_DELETE_SAVED_STATE is given.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_delete (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_delete, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_delete_async:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainDeleteFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, deletes the domain's definition; see gvir_domain_delete().
 */
void
gvir_domain_delete_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_delete, TRUE, flags), gvir_domain_delete_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_delete_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_delete_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_delete_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_delete_async, err) != NULL;
}

/**
 * gvir_domain_save:
 * @dom: a #GVirDomain
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Saves the memory of the running domain into a managed save image and stops it. The next gvir_domain_start() restores it.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_save (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_save, TRUE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_save_async:
 * @dom: a #GVirDomain
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, saves the domain; see gvir_domain_save().
 */
void
gvir_domain_save_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_save, TRUE, flags), gvir_domain_save_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_save_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_save_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_save_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_save_async, err) != NULL;
}


static DomainCall *
save_to_file_call_new (const gchar *filename, GVirConfigDomain *custom_conf, guint flags)
{
  SaveToFileArgs *args = g_new0 (SaveToFileArgs, 1);

  args->filename = g_strdup (filename);
  if (custom_conf != NULL)
    args->custom_conf = g_object_ref (custom_conf);
  args->flags = flags;
  return domain_call_new (op_save_to_file, TRUE, args, save_to_file_args_free);
}

/**
 * gvir_domain_save_to_file:
 * @dom: a #GVirDomain
 * @filename: the file to save the domain's state to
 * @custom_conf: (nullable): a configuration to record in the file instead of
 *   the domain's own, or %NULL
 * @flags: unused, pass 0
 * @err: return location for a #GError, or %NULL
 *
 * Saves the memory of the running domain to @filename and stops it.
 * gvir_connection_restore_domain_from_file() brings it back.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_save_to_file (GVirDomain *dom, const gchar *filename,
                          GVirConfigDomain *custom_conf, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN (custom_conf), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = save_to_file_call_new (filename, custom_conf, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_save_to_file_async:
 * @dom: a #GVirDomain
 * @filename: the file to save the domain's state to
 * @custom_conf: (nullable): a configuration to record in the file instead of
 *   the domain's own, or %NULL
 * @flags: unused, pass 0
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, saves the domain to a file; see
 * gvir_domain_save_to_file().
 */
void
gvir_domain_save_to_file_async (GVirDomain *dom, const gchar *filename,
                                GVirConfigDomain *custom_conf, guint flags,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (filename != NULL);
  g_return_if_fail (custom_conf == NULL || GVIR_CONFIG_IS_DOMAIN (custom_conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, save_to_file_call_new (filename, custom_conf, flags),
                     gvir_domain_save_to_file_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_save_to_file_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_save_to_file_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_save_to_file_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_save_to_file_async, err) != NULL;
}
