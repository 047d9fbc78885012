/*
 * libvirt-gobject-domain-config.c: GVirDomain's information, configuration
 * and NUMA parameters
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
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

/* ---- the operations ------------------------------------------------------- */

static gboolean
op_get_info (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
             GCancellable *cancellable, GError **error)
{
  GVirDriverDomainInfo raw = { 0 };

  if (!gvir_driver_connection_get_domain_info (drv, domain_uuid (self), &raw,
                                               cancellable, error))
    return FALSE;
  domain_call_set_info (call, &raw);
  return TRUE;
}

static gboolean
op_get_state (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
              GCancellable *cancellable, GError **error)
{
  DomainStateResult answer = { 0 };

  if (!gvir_driver_connection_get_domain_state (drv, domain_uuid (self), &answer.state,
                                                &answer.reason, cancellable, error))
    return FALSE;
  call->result = g_memdup2 (&answer, sizeof answer);
  call->result_free = g_free;
  return TRUE;
}

static gboolean
op_get_config (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
               GCancellable *cancellable, GError **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) parse_error = NULL;
  GVirConfigDomain *conf;

  xml = gvir_driver_connection_get_domain_xml (drv, domain_uuid (self), domain_call_flags (call),
                                               cancellable, error);
  if (xml == NULL)
    return FALSE;
  conf = gvir_config_domain_new_from_xml (xml, &parse_error);
  if (conf == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "cannot parse the configuration of domain '%s': %s",
                   gvir_domain_get_name (self), parse_error->message);
      return FALSE;
    }
  call->result = conf;
  call->result_free = g_object_unref;
  return TRUE;
}

static gboolean
op_set_config (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
               GCancellable *cancellable, GError **error)
{
  GVirConfigDomain *conf = call->args;
  const char *conf_uuid = gvir_config_domain_get_uuid (conf);
  g_autofree char *xml = NULL;
  g_autoptr(GVirDriverDomain) existing = NULL;
  g_autoptr(GVirDriverDomain) defined = NULL;

  /* A different UUID would define a second domain instead of updating
   * this one; refuse before anything changes. */
  if (conf_uuid == NULL || g_ascii_strcasecmp (conf_uuid, domain_uuid (self)) != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "configuration has UUID '%s' but domain '%s' has UUID '%s'",
                   conf_uuid != NULL ? conf_uuid : "(none)",
                   gvir_domain_get_name (self), domain_uuid (self));
      return FALSE;
    }
  /* Defining the XML of a domain that no longer exists would bring it
   * back as a new one: there is no definition left to replace. */
  existing = gvir_driver_connection_lookup_domain_by_uuid (drv, domain_uuid (self),
                                                           cancellable, error);
  if (existing == NULL)
    return FALSE;
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (conf));
  defined = gvir_driver_connection_define_domain (drv, xml, 0, cancellable, error);
  return defined != NULL;
}

/* ---- public API ----------------------------------------------------------- */

/**
 * gvir_domain_get_info:
 * @dom: a #GVirDomain
 * @err: return location for a #GError, or %NULL
 *
 * Asks the hypervisor for the state and resource use of the domain.
 *
 * Returns: (transfer full) (nullable): the information, free with
 *   gvir_domain_info_free(), or %NULL with @err set
 */
GVirDomainInfo *
gvir_domain_get_info (GVirDomain *dom, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new (op_get_info, FALSE, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  if (!domain_call_sync (dom, call, err))
    return NULL;
  return g_steal_pointer (&call->result);
}

/**
 * gvir_domain_get_info_async:
 * @dom: a #GVirDomain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the information is available
 * @user_data: (closure): data for @callback
 *
 * Without blocking, asks for the state and resource use of the domain;
 * see gvir_domain_get_info().
 */
void
gvir_domain_get_info_async (GVirDomain *dom, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  GTask *task = NULL;

  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  drv = domain_query_begin (dom, op_get_info, gvir_domain_get_info_async, cancellable,
                            callback, user_data, &task);
  if (drv != NULL)
    gvir_driver_connection_get_domain_info_async (drv, domain_uuid (dom), cancellable,
                                                  domain_info_answered, task);
}

/**
 * gvir_domain_get_info_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_get_info_async().
 *
 * Returns: (transfer full) (nullable): the information, free with
 *   gvir_domain_info_free(), or %NULL with @err set
 */
GVirDomainInfo *
gvir_domain_get_info_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  DomainCall *call;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);

  call = domain_call_finish (dom, result, gvir_domain_get_info_async, err);
  return call != NULL ? g_steal_pointer (&call->result) : NULL;
}

/**
 * gvir_domain_get_state:
 * @dom: a #GVirDomain
 * @reason: (out) (optional): return location for the reason of the state
 * @err: return location for a #GError, or %NULL
 *
 * Asks the hypervisor for the run state of the domain and why it is in
 * that state. @reason takes libvirt's per-state reason numbers: for
 * %GVIR_DOMAIN_STATE_RUNNING 1 booted, 2 migrated, 3 restored,
 * 4 from snapshot, 5 unpaused; for %GVIR_DOMAIN_STATE_PAUSED 1 paused by
 * the user; for %GVIR_DOMAIN_STATE_SHUTOFF 1 shut down, 2 destroyed,
 * 3 crashed, 4 migrated, 5 saved, 6 failed, 7 from snapshot; 0 always
 * means unknown.
 *
 * Returns: the state, or %GVIR_DOMAIN_STATE_NONE with @err set
 */
GVirDomainState
gvir_domain_get_state (GVirDomain *dom, guint *reason, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new (op_get_state, FALSE, NULL, NULL);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), GVIR_DOMAIN_STATE_NONE);
  g_return_val_if_fail (err == NULL || *err == NULL, GVIR_DOMAIN_STATE_NONE);

  if (reason != NULL)
    *reason = 0;
  if (!domain_call_sync (dom, call, err))
    return GVIR_DOMAIN_STATE_NONE;
  if (reason != NULL)
    *reason = ((DomainStateResult *) call->result)->reason;
  return ((DomainStateResult *) call->result)->state;
}

/**
 * gvir_domain_get_state_async:
 * @dom: a #GVirDomain
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the state is known
 * @user_data: (closure): data for @callback
 *
 * Without blocking, asks for the run state of the domain; see
 * gvir_domain_get_state().
 */
void
gvir_domain_get_state_async (GVirDomain *dom, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GVirDriverConnection) drv = NULL;
  GTask *task = NULL;

  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  drv = domain_query_begin (dom, op_get_state, gvir_domain_get_state_async, cancellable,
                            callback, user_data, &task);
  if (drv != NULL)
    gvir_driver_connection_get_domain_state_async (drv, domain_uuid (dom), cancellable,
                                                   domain_state_answered, task);
}

/**
 * gvir_domain_get_state_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @reason: (out) (optional): return location for the reason of the state
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_get_state_async(). See gvir_domain_get_state()
 * for the meaning of @reason.
 *
 * Returns: the state, or %GVIR_DOMAIN_STATE_NONE with @err set
 */
GVirDomainState
gvir_domain_get_state_finish (GVirDomain *dom, GAsyncResult *result, guint *reason,
                              GError **err)
{
  DomainCall *call;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), GVIR_DOMAIN_STATE_NONE);

  if (reason != NULL)
    *reason = 0;
  call = domain_call_finish (dom, result, gvir_domain_get_state_async, err);
  if (call == NULL)
    return GVIR_DOMAIN_STATE_NONE;
  if (reason != NULL)
    *reason = ((DomainStateResult *) call->result)->reason;
  return ((DomainStateResult *) call->result)->state;
}

/**
 * gvir_domain_get_config:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainXMLFlags
 * @err: return location for a #GError, or %NULL
 *
 * Gets the configuration of the domain: the live one, or with
 * %GVIR_DOMAIN_XML_INACTIVE the one used at the next boot.
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL with
 *   @err set
 */
GVirConfigDomain *
gvir_domain_get_config (GVirDomain *dom, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = domain_call_new_flags (op_get_config, FALSE, flags);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);
  g_return_val_if_fail (err == NULL || *err == NULL, NULL);

  if (!domain_call_sync (dom, call, err))
    return NULL;
  return g_steal_pointer (&call->result);
}

/**
 * gvir_domain_get_config_async:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainXMLFlags
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the configuration is available
 * @user_data: (closure): data for @callback
 *
 * Without blocking, gets the configuration of the domain; see
 * gvir_domain_get_config().
 */
void
gvir_domain_get_config_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, domain_call_new_flags (op_get_config, FALSE, flags),
                     gvir_domain_get_config_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_get_config_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_get_config_async().
 *
 * Returns: (transfer full) (nullable): the configuration, or %NULL with
 *   @err set
 */
GVirConfigDomain *
gvir_domain_get_config_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  DomainCall *call;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);

  call = domain_call_finish (dom, result, gvir_domain_get_config_async, err);
  return call != NULL ? g_steal_pointer (&call->result) : NULL;
}

static DomainCall *
set_config_call_new (GVirConfigDomain *conf)
{
  /* The only argument is the new configuration. */
  return domain_call_new (op_set_config, TRUE, g_object_ref (conf), g_object_unref);
}

/**
 * gvir_domain_set_config:
 * @domain: a #GVirDomain
 * @conf: the new configuration
 * @err: return location for a #GError, or %NULL
 *
 * Replaces the persistent definition of the domain with @conf and emits
 * #GVirDomain::updated. A shut-off domain uses it at once; a running
 * domain keeps its live definition (gvir_domain_get_config() without
 * %GVIR_DOMAIN_XML_INACTIVE) until it stops, as in libvirt.
 *
 * The call is refused, and nothing changes, when @conf has no UUID or
 * another domain's (%GVIR_ERROR_INVALID_ARGUMENT), renames the domain
 * (%GVIR_ERROR_EXISTS), is not a valid definition (%GVIR_ERROR_XML), the
 * domain no longer exists (%GVIR_ERROR_NOT_FOUND) or the connection is
 * read-only (%GVIR_ERROR_READ_ONLY).
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_config (GVirDomain *domain, GVirConfigDomain *conf, GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (domain), FALSE);
  g_return_val_if_fail (GVIR_CONFIG_IS_DOMAIN (conf), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = set_config_call_new (conf);
  return domain_call_sync (domain, call, err);
}

/**
 * gvir_domain_set_config_async:
 * @domain: a #GVirDomain
 * @conf: the new configuration
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, replaces the persistent definition of the domain; see
 * gvir_domain_set_config().
 */
void
gvir_domain_set_config_async (GVirDomain *domain, GVirConfigDomain *conf,
                              GCancellable *cancellable, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (domain));
  g_return_if_fail (GVIR_CONFIG_IS_DOMAIN (conf));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (domain, set_config_call_new (conf), gvir_domain_set_config_async,
                     cancellable, callback, user_data);
}

/**
 * gvir_domain_set_config_finish:
 * @domain: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_set_config_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_config_finish (GVirDomain *domain, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (domain), FALSE);

  return domain_call_finish (domain, result, gvir_domain_set_config_async, err) != NULL;
}

/* ---- NUMA parameters ------------------------------------------------------ */

#define NUMA_KEEP_MODE (-1)
#define AFFECT_ALL (GVIR_DOMAIN_AFFECT_LIVE | GVIR_DOMAIN_AFFECT_CONFIG)

/* The arguments of get_numa_parameters (which reads @mode back into it)
 * and of set_numa_parameters. */
typedef struct
{
  int mode;                 /* the mode read or to set, NUMA_KEEP_MODE to keep it */
  GVirNodeset *nodeset;     /* the nodes to set, NULL to keep them */
  guint flags;
} NumaArgs;

static void
numa_args_free (gpointer data)
{
  NumaArgs *args = data;

  g_clear_object (&args->nodeset);
  g_free (args);
}

/* Bindings pass any integer for enums and flags: refuse what libvirt
 * would not accept before anything reaches the driver. */
static gboolean
check_numa_args (GVirDomain *self, NumaArgs *args, GError **error)
{
  if ((args->flags & ~AFFECT_ALL) != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unknown NUMA parameter flags 0x%x for domain '%s'",
                   args->flags & ~AFFECT_ALL, gvir_domain_get_name (self));
      return FALSE;
    }
  if (args->mode < NUMA_KEEP_MODE || args->mode > GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unknown NUMA mode %d for domain '%s'", args->mode,
                   gvir_domain_get_name (self));
      return FALSE;
    }
  if (args->nodeset != NULL && gvir_nodeset_is_empty (args->nodeset))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "an empty nodeset names no NUMA node for domain '%s'",
                   gvir_domain_get_name (self));
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_get_numa_parameters (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                        GCancellable *cancellable, GError **error)
{
  NumaArgs *args = call->args;
  g_autofree char *nodeset = NULL;

  if (!check_numa_args (self, args, error) ||
      !gvir_driver_connection_get_numa_parameters (drv, domain_uuid (self), args->flags,
                                                   &args->mode, &nodeset,
                                                   cancellable, error))
    return FALSE;
  /* The driver says "" when the domain has no nodeset. */
  if (nodeset == NULL || *nodeset == '\0')
    return TRUE;
  call->result = gvir_nodeset_new_from_string (nodeset, error);
  call->result_free = g_object_unref;
  return call->result != NULL;
}

static gboolean
op_set_numa_parameters (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                        GCancellable *cancellable, GError **error)
{
  NumaArgs *args = call->args;
  g_autofree char *nodeset = NULL;

  if (!check_numa_args (self, args, error))
    return FALSE;
  if (args->nodeset != NULL)
    nodeset = gvir_nodeset_to_string (args->nodeset);
  return gvir_driver_connection_set_numa_parameters (drv, domain_uuid (self), args->mode,
                                                     nodeset, args->flags,
                                                     cancellable, error);
}

static DomainCall *
numa_call_new (DomainCallFunc func, int mode, GVirNodeset *nodeset, guint flags)
{
  NumaArgs *args = g_new0 (NumaArgs, 1);

  args->mode = mode;
  if (nodeset != NULL)
    args->nodeset = g_object_ref (nodeset);
  args->flags = flags;
  return domain_call_new (func, FALSE, args, numa_args_free);
}

/* Copies what a finished get call read into the caller's locations. */
static void
numa_call_output (DomainCall *call, GVirDomainNumatuneMode *mode, GVirNodeset **nodeset)
{
  if (mode != NULL)
    *mode = ((NumaArgs *) call->args)->mode;
  if (nodeset != NULL)
    *nodeset = g_steal_pointer (&call->result);
}

static void
numa_output_clear (GVirDomainNumatuneMode *mode, GVirNodeset **nodeset)
{
  if (mode != NULL)
    *mode = GVIR_DOMAIN_NUMATUNE_MODE_STRICT;
  if (nodeset != NULL)
    *nodeset = NULL;
}

/**
 * gvir_domain_get_numa_parameters:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainModificationImpact: %GVIR_DOMAIN_AFFECT_LIVE,
 *   %GVIR_DOMAIN_AFFECT_CONFIG, or %GVIR_DOMAIN_AFFECT_CURRENT (0), but not
 *   both LIVE and CONFIG
 * @mode: (out) (optional): return location for the memory mode
 * @nodeset: (out) (optional) (nullable) (transfer full): return location
 *   for the nodes memory is placed on, set to %NULL when the domain names
 *   none
 * @err: return location for a #GError, or %NULL
 *
 * Reads the NUMA memory placement of the domain (its
 * `<numatune><memory>`): of the running domain with
 * %GVIR_DOMAIN_AFFECT_LIVE, of its persistent configuration with
 * %GVIR_DOMAIN_AFFECT_CONFIG, and with %GVIR_DOMAIN_AFFECT_CURRENT of
 * whichever applies now. A domain without `<numatune>` reports
 * %GVIR_DOMAIN_NUMATUNE_MODE_STRICT (libvirt's default) and no nodeset.
 *
 * Asking for the live parameters of a domain that is not running fails
 * with %GVIR_ERROR_OPERATION_INVALID.
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_get_numa_parameters (GVirDomain *dom, guint flags, GVirDomainNumatuneMode *mode,
                                 GVirNodeset **nodeset, GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  numa_output_clear (mode, nodeset);
  call = numa_call_new (op_get_numa_parameters, 0, NULL, flags);
  if (!domain_call_sync (dom, call, err))
    return FALSE;
  numa_call_output (call, mode, nodeset);
  return TRUE;
}

/**
 * gvir_domain_get_numa_parameters_async:
 * @dom: a #GVirDomain
 * @flags: #GVirDomainModificationImpact, see gvir_domain_get_numa_parameters()
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the parameters are known
 * @user_data: (closure): data for @callback
 *
 * Without blocking, reads the NUMA memory placement of the domain; see
 * gvir_domain_get_numa_parameters().
 */
void
gvir_domain_get_numa_parameters_async (GVirDomain *dom, guint flags, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, numa_call_new (op_get_numa_parameters, 0, NULL, flags),
                     gvir_domain_get_numa_parameters_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_get_numa_parameters_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @mode: (out) (optional): return location for the memory mode
 * @nodeset: (out) (optional) (nullable) (transfer full): return location
 *   for the nodes memory is placed on, set to %NULL when the domain names
 *   none
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_get_numa_parameters_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_get_numa_parameters_finish (GVirDomain *dom, GAsyncResult *result,
                                        GVirDomainNumatuneMode *mode, GVirNodeset **nodeset,
                                        GError **err)
{
  DomainCall *call;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  numa_output_clear (mode, nodeset);
  call = domain_call_finish (dom, result, gvir_domain_get_numa_parameters_async, err);
  if (call == NULL)
    return FALSE;
  numa_call_output (call, mode, nodeset);
  return TRUE;
}

/**
 * gvir_domain_set_numa_parameters:
 * @dom: a #GVirDomain
 * @mode: the memory mode
 * @nodeset: (nullable): the nodes to place memory on, or %NULL to keep
 *   the current nodes
 * @flags: #GVirDomainModificationImpact: %GVIR_DOMAIN_AFFECT_LIVE,
 *   %GVIR_DOMAIN_AFFECT_CONFIG, both, or %GVIR_DOMAIN_AFFECT_CURRENT (0)
 * @err: return location for a #GError, or %NULL
 *
 * Changes the NUMA memory placement of the domain (its
 * `<numatune><memory>`), with libvirt's rules:
 *
 * - the mode of a running domain cannot change live: a @mode other than
 *   the current one with %GVIR_DOMAIN_AFFECT_LIVE (or CURRENT on a running
 *   domain) fails with %GVIR_ERROR_OPERATION_INVALID; change it with
 *   %GVIR_DOMAIN_AFFECT_CONFIG for the next boot;
 * - a @nodeset naming a node the host lacks fails with
 *   %GVIR_ERROR_NUMA_UNAVAILABLE (see gvir_connection_nodeset_is_available());
 * - an empty @nodeset, an unknown @mode or unknown @flags fail with
 *   %GVIR_ERROR_INVALID_ARGUMENT;
 * - on a read-only connection the call fails with %GVIR_ERROR_READ_ONLY.
 *
 * On failure nothing has changed, in either definition.
 *
 * To change only the nodes whatever the mode is, use
 * gvir_domain_set_numa_nodeset(); to change only the mode,
 * gvir_domain_set_numa_mode().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_numa_parameters (GVirDomain *dom, GVirDomainNumatuneMode mode,
                                 GVirNodeset *nodeset, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (nodeset == NULL || GVIR_IS_NODESET (nodeset), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = numa_call_new (op_set_numa_parameters, (int) mode, nodeset, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_set_numa_parameters_async:
 * @dom: a #GVirDomain
 * @mode: the memory mode
 * @nodeset: (nullable): the nodes to place memory on, or %NULL to keep
 *   the current nodes
 * @flags: #GVirDomainModificationImpact
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, changes the NUMA memory placement of the domain; see
 * gvir_domain_set_numa_parameters().
 */
void
gvir_domain_set_numa_parameters_async (GVirDomain *dom, GVirDomainNumatuneMode mode,
                                       GVirNodeset *nodeset, guint flags,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (nodeset == NULL || GVIR_IS_NODESET (nodeset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, numa_call_new (op_set_numa_parameters, (int) mode, nodeset, flags),
                     gvir_domain_set_numa_parameters_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_set_numa_parameters_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_set_numa_parameters_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_numa_parameters_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_set_numa_parameters_async, err) != NULL;
}

/**
 * gvir_domain_set_numa_nodeset:
 * @dom: a #GVirDomain
 * @nodeset: the nodes to place memory on
 * @flags: #GVirDomainModificationImpact
 * @err: return location for a #GError, or %NULL
 *
 * Changes the nodes the domain's memory is placed on and keeps its mode,
 * so it works live on a running domain whatever its mode is. Otherwise
 * like gvir_domain_set_numa_parameters().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_numa_nodeset (GVirDomain *dom, GVirNodeset *nodeset, guint flags, GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (GVIR_IS_NODESET (nodeset), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = numa_call_new (op_set_numa_parameters, NUMA_KEEP_MODE, nodeset, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_set_numa_nodeset_async:
 * @dom: a #GVirDomain
 * @nodeset: the nodes to place memory on
 * @flags: #GVirDomainModificationImpact
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, changes the nodes of the domain's memory placement;
 * see gvir_domain_set_numa_nodeset().
 */
void
gvir_domain_set_numa_nodeset_async (GVirDomain *dom, GVirNodeset *nodeset, guint flags,
                                    GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (GVIR_IS_NODESET (nodeset));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, numa_call_new (op_set_numa_parameters, NUMA_KEEP_MODE, nodeset, flags),
                     gvir_domain_set_numa_nodeset_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_set_numa_nodeset_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_set_numa_nodeset_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_numa_nodeset_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_set_numa_nodeset_async, err) != NULL;
}

/**
 * gvir_domain_set_numa_mode:
 * @dom: a #GVirDomain
 * @mode: the memory mode
 * @flags: #GVirDomainModificationImpact
 * @err: return location for a #GError, or %NULL
 *
 * Changes the memory mode of the domain's NUMA placement and keeps its
 * nodes. A running domain's mode only changes with
 * %GVIR_DOMAIN_AFFECT_CONFIG (from the next boot). Otherwise like
 * gvir_domain_set_numa_parameters().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_numa_mode (GVirDomain *dom, GVirDomainNumatuneMode mode, guint flags,
                           GError **err)
{
  g_autoptr(DomainCall) call = NULL;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);
  g_return_val_if_fail (err == NULL || *err == NULL, FALSE);

  call = numa_call_new (op_set_numa_parameters, (int) mode, NULL, flags);
  return domain_call_sync (dom, call, err);
}

/**
 * gvir_domain_set_numa_mode_async:
 * @dom: a #GVirDomain
 * @mode: the memory mode
 * @flags: #GVirDomainModificationImpact
 * @cancellable: (nullable): a #GCancellable, or %NULL
 * @callback: (scope async): called when the call has finished
 * @user_data: (closure): data for @callback
 *
 * Without blocking, changes the memory mode of the domain's NUMA
 * placement; see gvir_domain_set_numa_mode().
 */
void
gvir_domain_set_numa_mode_async (GVirDomain *dom, GVirDomainNumatuneMode mode, guint flags,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_return_if_fail (GVIR_IS_DOMAIN (dom));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  domain_call_start (dom, numa_call_new (op_set_numa_parameters, (int) mode, NULL, flags),
                     gvir_domain_set_numa_mode_async, cancellable, callback, user_data);
}

/**
 * gvir_domain_set_numa_mode_finish:
 * @dom: a #GVirDomain
 * @result: the #GAsyncResult passed to the callback
 * @err: return location for a #GError, or %NULL
 *
 * Finishes gvir_domain_set_numa_mode_async().
 *
 * Returns: %TRUE on success, %FALSE with @err set on failure
 */
gboolean
gvir_domain_set_numa_mode_finish (GVirDomain *dom, GAsyncResult *result, GError **err)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  return domain_call_finish (dom, result, gvir_domain_set_numa_mode_async, err) != NULL;
}
