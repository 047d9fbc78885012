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
#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/libvirt-gobject-domain-private.h"

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
  GMutex lock;                /* guards everything but uuid */
  GWeakRef connection;
  /* The connection's cache, which lives as long as the connection: valid
   * while a reference from connection is held. */
  GVirDomainCache *cache;
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

/* ---- internal API for the domain cache and the calls ------------------------ */

GVirDomain *
_gvir_domain_new (GVirConnection *conn, GVirDomainCache *cache, const GVirDriverDomain *domain)
{
  GVirDomain *self = g_object_new (GVIR_TYPE_DOMAIN, NULL);
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);

  priv->uuid = g_strdup (domain->uuid);
  _gvir_domain_attach (self, conn, cache);
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
_gvir_domain_attach (GVirDomain *self, GVirConnection *conn, GVirDomainCache *cache)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);

  g_mutex_lock (&priv->lock);
  g_weak_ref_set (&priv->connection, conn);
  priv->cache = cache;
  g_mutex_unlock (&priv->lock);
}

void
_gvir_domain_detach (GVirDomain *self)
{
  _gvir_domain_attach (self, NULL, NULL);
}

GVirConnection *
_gvir_domain_dup_connection (GVirDomain *self, GVirDomainCache **cache, GError **error)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  GVirConnection *conn;

  g_mutex_lock (&priv->lock);
  conn = g_weak_ref_get (&priv->connection);
  *cache = conn != NULL ? priv->cache : NULL;
  if (conn == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_CONNECTION_CLOSED,
                 "domain '%s' is not attached to an open connection", priv->name);
  g_mutex_unlock (&priv->lock);
  return conn;
}

gboolean
_gvir_domain_get_cached_saved (GVirDomain *self)
{
  GVirDomainPrivate *priv = gvir_domain_get_instance_private (self);
  gboolean saved;

  g_mutex_lock (&priv->lock);
  saved = priv->has_managed_save;
  g_mutex_unlock (&priv->lock);
  return saved;
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
  GVirDomainPrivate *priv;

  g_return_val_if_fail (GVIR_IS_DOMAIN (dom), NULL);

  priv = gvir_domain_get_instance_private (dom);
  return priv->uuid;
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
