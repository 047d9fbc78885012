/*
 * libvirt-gobject-domain.c: a virtual machine known to a connection
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
#include "libvirt-gobject/libvirt-gobject-domain-private.h"
#include "libvirt-gobject/libvirt-gobject-connection-private.h"

/**
 * SECTION:libvirt-gobject-domain
 * @title: GVirDomain
 * @short_description: A virtual machine
 *
 * A #GVirDomain stands for one domain (virtual machine) of a
 * #GVirConnection. The connection keeps exactly one #GVirDomain per
 * domain UUID, so a signal handler connected once keeps receiving the
 * lifecycle signals (#GVirDomain::started, #GVirDomain::stopped, ...),
 * which are emitted in the main context the connection was opened in.
 *
 * Every call that reaches the hypervisor exists in a blocking form and
 * as an `_async`/`_finish` pair. Most pairs run the call in a worker
 * thread; gvir_domain_get_info_async() and gvir_domain_get_state_async(),
 * which applications poll, need none where the driver can answer without
 * blocking (the remote driver waits for the reply in its reader). Either
 * way the callback runs in the thread-default main context of the caller.
 *
 * The NUMA memory placement of a domain (its `<numatune>`) is read with
 * gvir_domain_get_numa_parameters() and changed with
 * gvir_domain_set_numa_parameters(), gvir_domain_set_numa_nodeset() or
 * gvir_domain_set_numa_mode(), live or in the persistent configuration
 * (#GVirDomainModificationImpact). As in libvirt, the mode of a running
 * domain cannot change live, and a nodeset naming a node the host lacks
 * fails with %GVIR_ERROR_NUMA_UNAVAILABLE and changes nothing:
 *
 * |[<!-- language="C" -->
 * g_autoptr(GVirNodeset) nodes = gvir_nodeset_new_from_string ("1", &error);
 * GVirDomainNumatuneMode mode;
 * g_autoptr(GVirNodeset) now = NULL;
 *
 * if (nodes == NULL ||
 *     !gvir_domain_set_numa_nodeset (dom, nodes, GVIR_DOMAIN_AFFECT_LIVE, &error) ||
 *     !gvir_domain_get_numa_parameters (dom, GVIR_DOMAIN_AFFECT_LIVE, &mode, &now, &error))
 *   g_printerr ("%s\n", error->message);
 * ]|
 *
 * |[<!-- language="C" -->
 * static void
 * on_stopped (GVirDomain *dom, gpointer user_data)
 * {
 *   g_print ("%s stopped\n", gvir_domain_get_name (dom));
 * }
 *
 * g_signal_connect (dom, "stopped::destroyed", G_CALLBACK (on_stopped), NULL);
 * if (!gvir_domain_stop (dom, 0, &error))
 *   g_printerr ("%s\n", error->message);
 * ]|
 */

typedef struct
{
  GMutex lock;
  GWeakRef connection;
  char *uuid;               /* immutable after construction */
  /* Owned, never interned: names come from the peer, and interned strings
   * live until the process exits. gvir_domain_get_name() hands the pointer
   * out (transfer none), so a rename does not free the old name but moves
   * it to old_names, which lives as long as the domain: a returned name
   * stays valid until the domain is finalised. Only a real rename adds to
   * it; an update with the same name keeps the current string. */
  char *name;
  GPtrArray *old_names;     /* (element-type utf8) (nullable) */
  int id;
  gboolean persistent;
  /* No state or reason: gvir_domain_get_state() asks the driver, which
   * answers for the moment of the call, while a copy taken from events
   * could only be stale. */
  gboolean has_managed_save;
} GVirDomainPrivate;

G_DEFINE_FINAL_TYPE_WITH_PRIVATE (GVirDomain, gvir_domain, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_PERSISTENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_STARTED,
  SIGNAL_STOPPED,
  SIGNAL_RESUMED,
  SIGNAL_UPDATED,
  SIGNAL_SUSPENDED,
  SIGNAL_PMSUSPENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
gvir_domain_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  GVirDomain *self = GVIR_DOMAIN (object);

  switch (prop_id)
    {
    case PROP_PERSISTENT:
      g_value_set_boolean (value, gvir_domain_get_persistent (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gvir_domain_dispose (GObject *object)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (GVIR_DOMAIN (object));

  g_weak_ref_set (&priv->connection, NULL);
  G_OBJECT_CLASS (gvir_domain_parent_class)->dispose (object);
}

static void
gvir_domain_finalize (GObject *object)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (GVIR_DOMAIN (object));

  g_weak_ref_clear (&priv->connection);
  g_mutex_clear (&priv->lock);
  g_free (priv->uuid);
  g_free (priv->name);
  g_clear_pointer (&priv->old_names, g_ptr_array_unref);
  G_OBJECT_CLASS (gvir_domain_parent_class)->finalize (object);
}

static guint
new_lifecycle_signal (GVirDomainClass *klass, const char *name, glong class_offset)
{
  return g_signal_new (name, G_TYPE_FROM_CLASS (klass),
                       G_SIGNAL_RUN_FIRST | G_SIGNAL_NO_RECURSE | G_SIGNAL_NO_HOOKS
                       | G_SIGNAL_DETAILED,
                       class_offset, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
gvir_domain_class_init (GVirDomainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = gvir_domain_get_property;
  object_class->dispose = gvir_domain_dispose;
  object_class->finalize = gvir_domain_finalize;

  /**
   * GVirDomain:persistent:
   *
   * Whether the domain has a persistent definition (as opposed to a
   * transient domain that disappears when it stops).
   */
  properties[PROP_PERSISTENT] =
    g_param_spec_boolean ("persistent", "Persistent", "Whether the domain is persistent",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * GVirDomain::started:
   * @dom: the domain
   *
   * Emitted when the domain starts. The detail says how: `booted`,
   * `migrated`, `restored`, `from-snapshot` or `wakeup`.
   */
  signals[SIGNAL_STARTED] =
    new_lifecycle_signal (klass, "started", G_STRUCT_OFFSET (GVirDomainClass, started));

  /**
   * GVirDomain::stopped:
   * @dom: the domain
   *
   * Emitted when the domain stops. The detail says how: `shutdown`,
   * `destroyed`, `crashed`, `migrated`, `saved`, `failed` or
   * `from-snapshot`.
   */
  signals[SIGNAL_STOPPED] =
    new_lifecycle_signal (klass, "stopped", G_STRUCT_OFFSET (GVirDomainClass, stopped));

  /**
   * GVirDomain::resumed:
   * @dom: the domain
   *
   * Emitted when a paused domain runs again. The detail says how:
   * `unpaused`, `migrated` or `from-snapshot`.
   */
  signals[SIGNAL_RESUMED] =
    new_lifecycle_signal (klass, "resumed", G_STRUCT_OFFSET (GVirDomainClass, resumed));

  /**
   * GVirDomain::updated:
   * @dom: the domain
   *
   * Emitted when the persistent definition of the domain is replaced.
   */
  signals[SIGNAL_UPDATED] =
    new_lifecycle_signal (klass, "updated", G_STRUCT_OFFSET (GVirDomainClass, updated));

  /**
   * GVirDomain::suspended:
   * @dom: the domain
   *
   * Emitted when the domain is paused. The detail says why: `paused`,
   * `migrated`, `ioerror`, `watchdog`, `restored` or `from-snapshot`.
   */
  signals[SIGNAL_SUSPENDED] =
    new_lifecycle_signal (klass, "suspended", G_STRUCT_OFFSET (GVirDomainClass, suspended));

  /**
   * GVirDomain::pmsuspended:
   * @dom: the domain
   *
   * Emitted when the guest suspends itself through power management.
   * The detail is `memory` (suspend to RAM) or `disk` (suspend to disk).
   */
  signals[SIGNAL_PMSUSPENDED] =
    new_lifecycle_signal (klass, "pmsuspended",
                          G_STRUCT_OFFSET (GVirDomainClass, pmsuspended));
}

static void
gvir_domain_init (GVirDomain *self)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);

  g_mutex_init (&priv->lock);
  g_weak_ref_init (&priv->connection, NULL);
  priv->id = -1;
}

/* ---- internal API for the connection ------------------------------------- */

GVirDomain *
_gvir_domain_new (GVirConnection *conn, const GVirDriverDomain *domain)
{
  GVirDomain *self = g_object_new (GVIR_TYPE_DOMAIN, NULL);
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);

  priv->uuid = g_strdup (domain->uuid);
  g_weak_ref_set (&priv->connection, conn);
  _gvir_domain_update (self, domain);
  return self;
}

/* Stores @name (from the peer) as the current name, made valid UTF-8 so
 * that bindings never see invalid strings. */
static void
set_name_locked (GVirDomainPrivate *priv, const char *name)
{
  g_autofree char *valid = NULL;

  if (name == NULL)
    name = "";
  if (!g_utf8_validate (name, -1, NULL))
    name = valid = g_utf8_make_valid (name, -1);
  if (priv->name != NULL && g_str_equal (priv->name, name))
    return;
  if (priv->name != NULL)
    {
      if (priv->old_names == NULL)
        priv->old_names = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (priv->old_names, g_steal_pointer (&priv->name));
    }
  priv->name = valid != NULL ? g_steal_pointer (&valid) : g_strdup (name);
}

guint
_gvir_domain_get_n_names (GVirDomain *self)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  guint n;

  g_mutex_lock (&priv->lock);
  n = (priv->name != NULL ? 1 : 0) + (priv->old_names != NULL ? priv->old_names->len : 0);
  g_mutex_unlock (&priv->lock);
  return n;
}

gboolean
_gvir_domain_update (GVirDomain *self, const GVirDriverDomain *domain)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  gboolean persistent_changed;

  g_mutex_lock (&priv->lock);
  set_name_locked (priv, domain->name);
  priv->id = domain->id;
  persistent_changed = priv->persistent != !!domain->persistent;
  priv->persistent = !!domain->persistent;
  priv->has_managed_save = domain->has_managed_save;
  g_mutex_unlock (&priv->lock);
  return persistent_changed;
}

void
_gvir_domain_attach (GVirDomain *self, GVirConnection *conn)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);

  g_weak_ref_set (&priv->connection, conn);
}

void
_gvir_domain_detach (GVirDomain *self)
{
  _gvir_domain_attach (self, NULL);
}

gint
_gvir_domain_get_cached_id (GVirDomain *self)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  gint id;

  g_mutex_lock (&priv->lock);
  id = priv->id;
  g_mutex_unlock (&priv->lock);
  return id;
}

static const char * const started_details[] = {
  "booted", "migrated", "restored", "from-snapshot", "wakeup",
};
static const char * const suspended_details[] = {
  "paused", "migrated", "ioerror", "watchdog", "restored", "from-snapshot",
};
static const char * const resumed_details[] = {
  "unpaused", "migrated", "from-snapshot",
};
static const char * const stopped_details[] = {
  "shutdown", "destroyed", "crashed", "migrated", "saved", "failed", "from-snapshot",
};
static const char * const pmsuspended_details[] = {
  "memory", "disk",
};

static GQuark
detail_quark (const char * const *names, gsize n_names, int detail)
{
  /* An unknown detail (a newer driver) still emits, without a detail. */
  if (detail < 0 || (gsize) detail >= n_names)
    return 0;
  return g_quark_from_static_string (names[detail]);
}

gboolean
_gvir_domain_lifecycle_signal (int event, int detail, guint *signal_id, GQuark *quark)
{
  g_type_ensure (GVIR_TYPE_DOMAIN);

  switch (event)
    {
    case GVIR_DRIVER_EVENT_DEFINED:
      if (detail != GVIR_DRIVER_DEFINED_UPDATED)
        return FALSE;
      *signal_id = signals[SIGNAL_UPDATED];
      *quark = 0;
      return TRUE;
    case GVIR_DRIVER_EVENT_STARTED:
      *signal_id = signals[SIGNAL_STARTED];
      *quark = detail_quark (started_details, G_N_ELEMENTS (started_details), detail);
      return TRUE;
    case GVIR_DRIVER_EVENT_SUSPENDED:
      *signal_id = signals[SIGNAL_SUSPENDED];
      *quark = detail_quark (suspended_details, G_N_ELEMENTS (suspended_details), detail);
      return TRUE;
    case GVIR_DRIVER_EVENT_RESUMED:
      *signal_id = signals[SIGNAL_RESUMED];
      *quark = detail_quark (resumed_details, G_N_ELEMENTS (resumed_details), detail);
      return TRUE;
    case GVIR_DRIVER_EVENT_STOPPED:
      *signal_id = signals[SIGNAL_STOPPED];
      *quark = detail_quark (stopped_details, G_N_ELEMENTS (stopped_details), detail);
      return TRUE;
    case GVIR_DRIVER_EVENT_PMSUSPENDED:
      *signal_id = signals[SIGNAL_PMSUSPENDED];
      *quark = detail_quark (pmsuspended_details, G_N_ELEMENTS (pmsuspended_details), detail);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- calls into the driver ------------------------------------------------ */

typedef struct _DomainCall DomainCall;

/* One driver call on behalf of a domain. Runs in the caller's thread for
 * the blocking API and in a GTask worker for the async one. */
typedef gboolean (*DomainCallFunc) (GVirDomain *self, GVirDriverConnection *drv,
                                    DomainCall *call, GCancellable *cancellable,
                                    GError **error);

struct _DomainCall
{
  DomainCallFunc func;
  gboolean changes_state;   /* re-read the domain into the cache afterwards */
  guint flags;
  char *filename;
  GVirConfigDomain *conf;
  GVirNodeset *nodeset;     /* NUMA: the nodes to set, NULL to keep them */
  int numa_mode;            /* NUMA: the mode read or to set, -1 to keep it */
  gpointer result;
  GDestroyNotify result_free;
  gint id;
  int state;
  int reason;
};

static DomainCall *
domain_call_new (DomainCallFunc func, gboolean changes_state, guint flags)
{
  DomainCall *call = g_new0 (DomainCall, 1);

  call->func = func;
  call->changes_state = changes_state;
  call->flags = flags;
  return call;
}

static void
domain_call_free (DomainCall *call)
{
  g_free (call->filename);
  g_clear_object (&call->conf);
  g_clear_object (&call->nodeset);
  if (call->result != NULL && call->result_free != NULL)
    call->result_free (call->result);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DomainCall, domain_call_free)

static GVirConnection *
domain_dup_connection (GVirDomain *self, GError **error)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  GVirConnection *conn = g_weak_ref_get (&priv->connection);

  if (conn == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                 "domain '%s' is not attached to an open connection", priv->name);
  return conn;
}

static gboolean
domain_call_run (GVirDomain *self, DomainCall *call, GCancellable *cancellable, GError **error)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  g_autoptr(GVirConnection) conn = domain_dup_connection (self, error);
  g_autoptr(GVirDriverConnection) drv = NULL;

  if (conn == NULL)
    return FALSE;
  drv = _gvir_connection_dup_driver (conn, error);
  if (drv == NULL)
    return FALSE;
  if (!call->func (self, drv, call, cancellable, error))
    return FALSE;
  if (call->changes_state)
    _gvir_connection_refresh_domain (conn, drv, priv->uuid);
  return TRUE;
}

static void
domain_call_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!domain_call_run (GVIR_DOMAIN (source), task_data, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
domain_call_start (GVirDomain *self, DomainCall *call, gpointer source_tag,
                   GCancellable *cancellable, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, (GDestroyNotify) domain_call_free);
  g_task_run_in_thread (task, domain_call_thread);
}

/* The finished call (owned by the task), or NULL with @error set. */
static DomainCall *
domain_call_finish (GVirDomain *self, GAsyncResult *result, gpointer source_tag, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return g_task_get_task_data (G_TASK (result));
}

static gboolean
domain_call_sync (GVirDomain *self, DomainCall *call, GError **error)
{
  return domain_call_run (self, call, NULL, error);
}

/* ---- queries without a worker thread ------------------------------------ */

/* get_info and get_state are the calls applications poll. Their async
 * forms ask the driver layer for a callback instead of blocking a worker
 * thread: the callback may run in any thread, and the GTask delivers the
 * result in the caller's main context all the same. */

/* Starts the task of a query; NULL when it already completed (cancelled,
 * or no open connection), else the driver connection to ask. */
static GVirDriverConnection *
domain_query_begin (GVirDomain *self, DomainCallFunc func, gpointer source_tag,
                    GCancellable *cancellable, GAsyncReadyCallback callback,
                    gpointer user_data, GTask **task_out)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GVirConnection) conn = NULL;
  GVirDriverConnection *drv = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, domain_call_new (func, FALSE, 0), (GDestroyNotify) domain_call_free);
  if (g_task_return_error_if_cancelled (task))
    return NULL;
  conn = domain_dup_connection (self, &error);
  if (conn != NULL)
    drv = _gvir_connection_dup_driver (conn, &error);
  if (drv == NULL)
    {
      g_task_return_error (task, error);
      return NULL;
    }
  *task_out = g_steal_pointer (&task);
  return drv;
}

/* Completes the task with the driver's answer; FALSE when that was an
 * error or the caller cancelled meanwhile. */
static gboolean
domain_query_check (GTask *task, const GError *error)
{
  if (g_task_return_error_if_cancelled (task))
    return FALSE;
  if (error != NULL)
    {
      g_task_return_error (task, g_error_copy (error));
      return FALSE;
    }
  return TRUE;
}

static void
domain_call_set_info (DomainCall *call, const GVirDriverDomainInfo *raw)
{
  GVirDomainInfo *info = g_new0 (GVirDomainInfo, 1);

  info->state = raw->state;
  info->max_mem = raw->max_mem_kib;
  info->memory = raw->memory_kib;
  info->nr_virt_cpu = MIN (raw->nr_virt_cpu, G_MAXUINT16);
  info->cpu_time = raw->cpu_time_ns;
  call->result = info;
  call->result_free = (GDestroyNotify) gvir_domain_info_free;
}

static void
domain_info_answered (const GVirDriverDomainInfo *raw, const GError *error, gpointer data)
{
  g_autoptr(GTask) task = data;

  if (!domain_query_check (task, error))
    return;
  /* Written before g_task_return_boolean(), which publishes it to the
   * caller's thread. */
  domain_call_set_info (g_task_get_task_data (task), raw);
  g_task_return_boolean (task, TRUE);
}

static void
domain_state_answered (int state, int reason, const GError *error, gpointer data)
{
  g_autoptr(GTask) task = data;
  DomainCall *call = g_task_get_task_data (task);

  if (!domain_query_check (task, error))
    return;
  call->state = state;
  call->reason = reason;
  g_task_return_boolean (task, TRUE);
}

/* ---- the operations ------------------------------------------------------- */

static const char *
domain_uuid (GVirDomain *self)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);

  return priv->uuid;
}

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
  call->id = domain->id;
  return TRUE;
}

static gboolean
op_start (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
          GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_start_domain (drv, domain_uuid (self), call->flags,
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
  return gvir_driver_connection_destroy_domain (drv, domain_uuid (self), call->flags,
                                                cancellable, error);
}

static gboolean
op_shutdown (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
             GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_shutdown_domain (drv, domain_uuid (self), call->flags,
                                                 cancellable, error);
}

static gboolean
op_reboot (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
           GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_reboot_domain (drv, domain_uuid (self), call->flags,
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
  return gvir_driver_connection_undefine_domain (drv, domain_uuid (self), call->flags,
                                                 cancellable, error);
}

static gboolean
op_save (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
         GCancellable *cancellable, GError **error)
{
  return gvir_driver_connection_managed_save_domain (drv, domain_uuid (self), call->flags,
                                                     cancellable, error);
}

static gboolean
op_save_to_file (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
                 GCancellable *cancellable, GError **error)
{
  g_autofree char *custom_xml = NULL;

  if (call->conf != NULL)
    custom_xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (call->conf));
  return gvir_driver_connection_save_domain_to_file (drv, domain_uuid (self), call->filename,
                                                     custom_xml, call->flags,
                                                     cancellable, error);
}

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
  return gvir_driver_connection_get_domain_state (drv, domain_uuid (self), &call->state,
                                                  &call->reason, cancellable, error);
}

static gboolean
op_get_config (GVirDomain *self, GVirDriverConnection *drv, DomainCall *call,
               GCancellable *cancellable, GError **error)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) parse_error = NULL;
  GVirConfigDomain *conf;

  xml = gvir_driver_connection_get_domain_xml (drv, domain_uuid (self), call->flags,
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
  const char *conf_uuid = gvir_config_domain_get_uuid (call->conf);
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
  xml = gvir_config_object_to_xml (GVIR_CONFIG_OBJECT (call->conf));
  defined = gvir_driver_connection_define_domain (drv, xml, 0, cancellable, error);
  return defined != NULL;
}

/* ---- public API ----------------------------------------------------------- */

/**
 * gvir_domain_get_name:
 * @dom: a #GVirDomain
 *
 * Gets the name of the domain, as last reported by the hypervisor. A name
 * that is not valid UTF-8 is returned with its invalid sequences replaced
 * by U+FFFD. The string stays valid as long as @dom lives, even if the
 * domain is renamed meanwhile.
 *
 * Returns: (transfer none): the name
 */
const gchar *
gvir_domain_get_name (GVirDomain *dom)
{
  GVirDomainPrivate *priv;
  const char *name;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);

  priv = gvir_domain_get_instance_private (dom);
  g_mutex_lock (&priv->lock);
  name = priv->name;
  g_mutex_unlock (&priv->lock);
  return name;
}

/**
 * gvir_domain_get_uuid:
 * @dom: a #GVirDomain
 *
 * Gets the UUID of the domain, in its canonical lower-case form.
 *
 * Returns: (transfer none): the UUID
 */
const gchar *
gvir_domain_get_uuid (GVirDomain *dom)
{
  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);

  return domain_uuid (dom);
}

/**
 * gvir_domain_get_persistent:
 * @dom: a #GVirDomain
 *
 * Whether the domain has a persistent definition. This is the cached
 * value of #GVirDomain:persistent; it does not block.
 *
 * Returns: %TRUE if the domain is persistent, %FALSE if it is transient
 */
gboolean
gvir_domain_get_persistent (GVirDomain *dom)
{
  GVirDomainPrivate *priv;
  gboolean persistent;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  priv = gvir_domain_get_instance_private (dom);
  g_mutex_lock (&priv->lock);
  persistent = priv->persistent;
  g_mutex_unlock (&priv->lock);
  return persistent;
}

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
  GVirDomainPrivate *priv;
  g_autoptr(GVirConnection) conn = NULL;
  g_autoptr(GVirDriverConnection) drv = NULL;
  g_autoptr(GVirDriverDomain) domain = NULL;
  gboolean saved;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), FALSE);

  priv = gvir_domain_get_instance_private (dom);
  conn = domain_dup_connection (dom, NULL);
  if (conn != NULL)
    drv = _gvir_connection_dup_driver (conn, NULL);
  if (drv != NULL)
    domain = gvir_driver_connection_lookup_domain_by_uuid (drv, priv->uuid, NULL, NULL);
  if (domain != NULL)
    _gvir_domain_update (dom, domain);

  g_mutex_lock (&priv->lock);
  saved = priv->has_managed_save;
  g_mutex_unlock (&priv->lock);
  return saved;
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
  g_autoptr(DomainCall) call = domain_call_new (op_get_id, FALSE, 0);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), -1);
  g_return_val_if_fail (err == NULL || *err == NULL, -1);

  if (!domain_call_sync (dom, call, err))
    return -1;
  return call->id;
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

  domain_call_start (dom, domain_call_new (op_get_id, FALSE, 0), gvir_domain_get_id_async,
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
  return call != NULL ? call->id : -1;
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
  g_autoptr(DomainCall) call = domain_call_new (op_start, TRUE, flags);

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

  domain_call_start (dom, domain_call_new (op_start, TRUE, flags), gvir_domain_start_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_resume, TRUE, 0);

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

  domain_call_start (dom, domain_call_new (op_resume, TRUE, 0), gvir_domain_resume_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_stop, TRUE, flags);

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

  domain_call_start (dom, domain_call_new (op_stop, TRUE, flags), gvir_domain_stop_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_shutdown, TRUE, flags);

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

  domain_call_start (dom, domain_call_new (op_shutdown, TRUE, flags), gvir_domain_shutdown_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_reboot, TRUE, flags);

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

  domain_call_start (dom, domain_call_new (op_reboot, TRUE, flags), gvir_domain_reboot_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_suspend, TRUE, 0);

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

  domain_call_start (dom, domain_call_new (op_suspend, TRUE, 0), gvir_domain_suspend_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_delete, TRUE, flags);

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

  domain_call_start (dom, domain_call_new (op_delete, TRUE, flags), gvir_domain_delete_async,
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
  g_autoptr(DomainCall) call = domain_call_new (op_save, TRUE, flags);

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

  domain_call_start (dom, domain_call_new (op_save, TRUE, flags), gvir_domain_save_async,
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
  DomainCall *call = domain_call_new (op_save_to_file, TRUE, flags);

  call->filename = g_strdup (filename);
  if (custom_conf != NULL)
    call->conf = g_object_ref (custom_conf);
  return call;
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
  g_autoptr(DomainCall) call = domain_call_new (op_get_info, FALSE, 0);

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
  g_autoptr(DomainCall) call = domain_call_new (op_get_state, FALSE, 0);

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), GVIR_DOMAIN_STATE_NONE);
  g_return_val_if_fail (err == NULL || *err == NULL, GVIR_DOMAIN_STATE_NONE);

  if (reason != NULL)
    *reason = 0;
  if (!domain_call_sync (dom, call, err))
    return GVIR_DOMAIN_STATE_NONE;
  if (reason != NULL)
    *reason = call->reason;
  return call->state;
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
    *reason = call->reason;
  return call->state;
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
  g_autoptr(DomainCall) call = domain_call_new (op_get_config, FALSE, flags);

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

  domain_call_start (dom, domain_call_new (op_get_config, FALSE, flags),
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
  DomainCall *call = domain_call_new (op_set_config, TRUE, 0);

  call->conf = g_object_ref (conf);
  return call;
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

/* Bindings pass any integer for enums and flags: refuse what libvirt
 * would not accept before anything reaches the driver. */
static gboolean
check_numa_args (GVirDomain *self, DomainCall *call, GError **error)
{
  if ((call->flags & ~AFFECT_ALL) != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unknown NUMA parameter flags 0x%x for domain '%s'",
                   call->flags & ~AFFECT_ALL, gvir_domain_get_name (self));
      return FALSE;
    }
  if (call->numa_mode < NUMA_KEEP_MODE || call->numa_mode > GVIR_DOMAIN_NUMATUNE_MODE_RESTRICTIVE)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unknown NUMA mode %d for domain '%s'", call->numa_mode,
                   gvir_domain_get_name (self));
      return FALSE;
    }
  if (call->nodeset != NULL && gvir_nodeset_is_empty (call->nodeset))
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
  g_autofree char *nodeset = NULL;

  if (!check_numa_args (self, call, error) ||
      !gvir_driver_connection_get_numa_parameters (drv, domain_uuid (self), call->flags,
                                                   &call->numa_mode, &nodeset,
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
  g_autofree char *nodeset = NULL;

  if (!check_numa_args (self, call, error))
    return FALSE;
  if (call->nodeset != NULL)
    nodeset = gvir_nodeset_to_string (call->nodeset);
  return gvir_driver_connection_set_numa_parameters (drv, domain_uuid (self), call->numa_mode,
                                                     nodeset, call->flags,
                                                     cancellable, error);
}

static DomainCall *
numa_call_new (DomainCallFunc func, int mode, GVirNodeset *nodeset, guint flags)
{
  DomainCall *call = domain_call_new (func, FALSE, flags);

  call->numa_mode = mode;
  if (nodeset != NULL)
    call->nodeset = g_object_ref (nodeset);
  return call;
}

/* Copies what a finished get call read into the caller's locations. */
static void
numa_call_output (DomainCall *call, GVirDomainNumatuneMode *mode, GVirNodeset **nodeset)
{
  if (mode != NULL)
    *mode = call->numa_mode;
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
