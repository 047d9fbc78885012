/*
 * gvir-test-driver.c: the in-memory test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "gvir-test-driver-private.h"
#include "libvirt-gobject/drivers/gvir-domain-list-private.h"
#include "libvirt-gobject/drivers/gvir-driver-events-private.h"
#include "gvir-test-private.h"
#include "gvir-test-storage-private.h"
#include "gvir-test-snapshot-private.h"

/*
 * One GVirTestState is one fake host with its domains. test:///default
 * connections of a process share a single state (as libvirt's do), each
 * file URI gets its own. Every callback takes the state's mutex; events are
 * collected while it is held and delivered after it is released.
 */

typedef struct
{
  /* Identity (name, canonical UUID, id: -1 when inactive) and order in
   * the state's domain list; no definition that replaces another may
   * change the identity. */
  GVirDomainListEntry *entry;
  GVirConfigDomain *def;        /* live definition; the only one when inactive */
  GVirConfigDomain *new_def;    /* pending persistent config of an active domain */
  gboolean persistent;
  gboolean autostart;
  int state;
  int reason;
  gboolean has_managed_save;
  gint64 running_since_us;      /* test clock at the last start or resume */
  guint64 cpu_time_ns;          /* accumulated before running_since_us */
  GVirTestSnapshots *snapshots; /* NULL until the first snapshot */
} GVirTestDomain;

typedef struct
{
  GMutex lock;
  GVirTestHost host;
  GVirDomainList *domains;      /* data: GVirTestDomain (owned) */
  GPtrArray *handles;           /* GVirTestHandle *, unowned */
  GVirTestStorage *storage;     /* pools and volumes, with their own lock */
} GVirTestState;

typedef struct
{
  GVirTestState *state;
  gboolean owns_state;          /* a file's state, not the shared default one */
  GVirDriverConnection *conn;   /* unowned: the connection owns us */
} GVirTestHandle;

/* Set and cleared by the state hooks, which the registry never runs while
 * a connection to the driver is open; only read in between. */
static GVirTestState *default_state;

/* ---- the clock ------------------------------------------------------------ */

/* A running domain's CPU time comes from a clock, as in libvirt's test
 * driver; unlike libvirt's (which reports the wall clock itself), ours is
 * the time the domain has spent running. The clock is the monotonic clock
 * unless a test has set its own with gvir_test_driver_set_clock(). */
static GMutex clock_lock;
static gboolean clock_is_set;
static gint64 clock_now_us;

void
gvir_test_driver_set_clock (gint64 now_us)
{
  g_mutex_lock (&clock_lock);
  clock_is_set = now_us >= 0;
  clock_now_us = now_us;
  g_mutex_unlock (&clock_lock);
}

static gint64
clock_get_us (void)
{
  gint64 now;

  g_mutex_lock (&clock_lock);
  now = clock_is_set ? clock_now_us : g_get_monotonic_time ();
  g_mutex_unlock (&clock_lock);
  return now;
}

/* ---- domains ------------------------------------------------------------ */

static void
test_domain_free (gpointer data)
{
  GVirTestDomain *dom = data;

  g_clear_object (&dom->def);
  g_clear_object (&dom->new_def);
  g_clear_pointer (&dom->snapshots, gvir_test_snapshots_free);
  g_free (dom);
}

static gboolean
dom_is_active (const GVirTestDomain *dom)
{
  return dom->entry->id > 0;
}

static GVirDriverDomain *
dom_describe (const GVirTestDomain *dom)
{
  GVirDriverDomain *d = g_new0 (GVirDriverDomain, 1);

  d->name = g_strdup (dom->entry->name);
  d->uuid = g_strdup (dom->entry->uuid);
  d->id = dom->entry->id;
  d->persistent = dom->persistent;
  d->state = dom->state;
  d->reason = dom->reason;
  d->has_managed_save = dom->has_managed_save;
  return d;
}

static guint64
dom_cpu_time (const GVirTestDomain *dom)
{
  gint64 now;

  if (dom->state != GVIR_DRIVER_STATE_RUNNING)
    return dom->cpu_time_ns;
  /* A clock set back by a test must not make the time negative. */
  now = MAX (clock_get_us (), dom->running_since_us);
  return dom->cpu_time_ns + (guint64) (now - dom->running_since_us) * 1000;
}

static void
dom_set_paused (GVirTestDomain *dom,
                gboolean        paused,
                int             reason)
{
  if (paused)
    {
      dom->cpu_time_ns = dom_cpu_time (dom);
      dom->running_since_us = 0;
      dom->state = GVIR_DRIVER_STATE_PAUSED;
    }
  else
    {
      dom->running_since_us = clock_get_us ();
      dom->state = GVIR_DRIVER_STATE_RUNNING;
    }
  dom->reason = reason;
}

/* ---- state -------------------------------------------------------------- */

static GVirTestState *
state_new (void)
{
  GVirTestState *state = g_new0 (GVirTestState, 1);

  g_mutex_init (&state->lock);
  state->domains = gvir_domain_list_new (test_domain_free);
  state->handles = g_ptr_array_new ();
  state->storage = gvir_test_storage_new ();
  return state;
}

static void
state_free (GVirTestState *state)
{
  gvir_domain_list_free (state->domains);
  g_ptr_array_unref (state->handles);
  gvir_test_storage_free (state->storage);
  gvir_test_host_clear (&state->host);
  g_mutex_clear (&state->lock);
  g_free (state);
}

/* Takes @def, which describes the same domain (name and UUID). */
static void
dom_replace_def (GVirTestDomain   *dom,
                 GVirConfigDomain *def)
{
  g_clear_object (&dom->def);
  dom->def = def;
}

/* Takes @def. */
static GVirTestDomain *
state_add (GVirTestState    *state,
           GVirConfigDomain *def,
           gboolean          persistent)
{
  GVirTestDomain *dom = g_new0 (GVirTestDomain, 1);

  dom->entry = gvir_domain_list_add (state->domains, gvir_config_domain_get_name (def),
                                     gvir_config_domain_get_uuid (def), dom);
  dom->def = def;
  dom->persistent = persistent;
  dom->state = GVIR_DRIVER_STATE_SHUTOFF;
  dom->reason = GVIR_DRIVER_SHUTOFF_UNKNOWN;
  return dom;
}

static void
state_remove (GVirTestState  *state,
              GVirTestDomain *dom)
{
  gvir_domain_list_remove (state->domains, dom->entry);   /* frees @dom */
}

static void
state_start (GVirTestState  *state,
             GVirTestDomain *dom,
             int             reason)
{
  gvir_domain_list_activate (state->domains, dom->entry);
  dom->cpu_time_ns = 0;
  dom_set_paused (dom, FALSE, reason);
}

/* Stops @dom; a transient domain disappears, so this returns the
 * description taken after the change for the event. */
static GVirDriverDomain *
state_stop (GVirTestState  *state,
            GVirTestDomain *dom,
            int             reason)
{
  GVirDriverDomain *described;

  gvir_domain_list_deactivate (state->domains, dom->entry);
  dom->state = GVIR_DRIVER_STATE_SHUTOFF;
  dom->reason = reason;
  dom->running_since_us = 0;
  dom->cpu_time_ns = 0;
  if (dom->new_def != NULL)
    dom_replace_def (dom, g_steal_pointer (&dom->new_def));

  described = dom_describe (dom);
  if (!dom->persistent)
    state_remove (state, dom);
  return described;
}

static GVirTestDomain *
state_find (GVirTestState  *state,
            const char     *uuid,
            GError        **error)
{
  GVirDomainListEntry *entry = gvir_domain_list_get_uuid (state->domains, uuid, error);

  return entry != NULL ? entry->data : NULL;
}

/* A new definition may update the domain with its UUID, but may not take
 * another domain's name nor rename one. */
static gboolean
state_check_identity (GVirTestState     *state,
                      GVirConfigDomain  *def,
                      GVirTestDomain   **existing,
                      GError           **error)
{
  GVirDomainListEntry *entry = NULL;

  if (!gvir_domain_list_check_identity (state->domains, gvir_config_domain_get_name (def),
                                        gvir_config_domain_get_uuid (def), &entry, error))
    return FALSE;
  *existing = entry != NULL ? entry->data : NULL;
  return TRUE;
}

static void
events_add (GVirDriverEvents     *events,
            const GVirTestDomain *dom,
            int                   event,
            int                   detail)
{
  gvir_driver_events_add (events, dom_describe (dom), event, detail);
}

static GVirDriverConnection *
handle_connection (gpointer handle)
{
  return ((GVirTestHandle *) handle)->conn;
}

/* Delivers @events to every connection sharing @state. Called without the
 * state lock; the connections are pinned under it first. */
static void
state_emit (GVirTestState    *state,
            GVirDriverEvents *events)
{
  gvir_driver_events_emit (events, &state->lock, state->handles, handle_connection);
}

/* ---- loading ------------------------------------------------------------- */

static gboolean
state_load_domain (GVirTestState         *state,
                   GVirTestConfigDomain  *cd,
                   const char            *source,
                   GError               **error)
{
  const char *name = gvir_config_domain_get_name (cd->def);
  const char *uuid = gvir_config_domain_get_uuid (cd->def);
  GVirTestDomain *dom;

  if (gvir_domain_list_find_uuid (state->domains, uuid) != NULL ||
      gvir_domain_list_find_name (state->domains, name) != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "duplicate domain '%s' (UUID '%s') in %s", name, uuid, source);
      return FALSE;
    }

  dom = state_add (state, g_steal_pointer (&cd->def), !cd->extras.transient);
  dom->has_managed_save = cd->extras.has_managed_save;
  if (cd->extras.runstate != GVIR_DRIVER_STATE_SHUTOFF)
    {
      /* Like libvirt: the domain is started, then put in the requested
       * state with reason "unknown". */
      state_start (state, dom, 0);
      if (cd->extras.runstate != GVIR_DRIVER_STATE_RUNNING)
        dom_set_paused (dom, TRUE, 0);
      dom->state = cd->extras.runstate;
    }
  return TRUE;
}

static GVirTestState *
state_new_default (GError **error)
{
  GVirTestState *state = state_new ();
  GVirTestConfigDomain cd = { NULL, { GVIR_DRIVER_STATE_RUNNING, FALSE, FALSE } };

  gvir_test_host_init_default (&state->host);
  gvir_test_host_add_default_network (&state->host);
  gvir_test_host_add_default_interface (&state->host);
  gvir_test_host_add_default_node_devices (&state->host);
  cd.def = gvir_test_def_read_string (gvir_test_default_domain_xml (), error);
  if (cd.def == NULL || !state_load_domain (state, &cd, "the default configuration", error))
    {
      g_clear_object (&cd.def);
      state_free (state);
      return NULL;
    }
  if (!gvir_test_storage_add_default (state->storage, error))
    {
      state_free (state);
      return NULL;
    }
  return state;
}

static GVirTestState *
state_new_from_file (const char  *path,
                     GError     **error)
{
  GVirTestState *state = state_new ();
  g_autoptr(GPtrArray) domains = NULL;
  g_autofree char *source = g_strdup_printf ("test configuration '%s'", path);
  guint i;

  gvir_test_host_init_default (&state->host);
  /* libvirt creates no NUMA cells for configuration files. */
  state->host.ncells = 0;

  if (!gvir_test_config_load (path, &state->host, &domains, error))
    {
      state_free (state);
      return NULL;
    }
  for (i = 0; i < domains->len; i++)
    {
      if (!state_load_domain (state, domains->pdata[i], source, error))
        {
          state_free (state);
          return NULL;
        }
    }
  if (!gvir_test_storage_load_file (state->storage, path, error))
    {
      state_free (state);
      return NULL;
    }
  return state;
}

/* The driver-wide state: the shared test:///default host, from the first
 * connection to the test driver in the process to the last. */
static gboolean
test_state_start (GCancellable  *cancellable,
                  GError       **error)
{
  static gsize xml_ready;

  /* libxml2 must be initialised once before threads use it. */
  if (g_once_init_enter (&xml_ready))
    {
      xmlInitParser ();
      g_once_init_leave (&xml_ready, 1);
    }

  default_state = state_new_default (error);
  return default_state != NULL;
}

static void
test_state_stop (void)
{
  g_clear_pointer (&default_state, state_free);
}

/* ---- open / close --------------------------------------------------------- */

static gboolean
test_accepts (const GVirDriverUri *uri)
{
  return g_str_equal (uri->driver, "test") && uri->transport == NULL && uri->host == NULL;
}

static gpointer
test_open (GVirDriverConnection  *conn,
           GCancellable          *cancellable,
           GError               **error)
{
  const GVirDriverUri *uri = gvir_driver_connection_get_uri (conn);
  gboolean is_default = g_str_equal (uri->path, "/default");
  GVirTestState *state;
  GVirTestHandle *handle;

  if (uri->path[0] == '\0' || g_str_equal (uri->path, "/"))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "test driver URI '%s' has no path: supply a path or use test:///default",
                   uri->original);
      return NULL;
    }

  state = is_default ? default_state : state_new_from_file (uri->path, error);
  if (state == NULL)
    return NULL;

  handle = g_new0 (GVirTestHandle, 1);
  handle->state = state;
  handle->owns_state = !is_default;
  handle->conn = conn;

  g_mutex_lock (&state->lock);
  g_ptr_array_add (state->handles, handle);
  g_mutex_unlock (&state->lock);
  return handle;
}

GVirTestStorage *
gvir_test_handle_get_storage (gpointer data)
{
  GVirTestHandle *handle = data;

  return handle->state->storage;
}

static void
test_close (gpointer data)
{
  GVirTestHandle *handle = data;
  GVirTestState *state = handle->state;

  g_mutex_lock (&state->lock);
  g_ptr_array_remove_fast (state->handles, handle);
  g_mutex_unlock (&state->lock);

  if (handle->owns_state)
    state_free (state);
  g_free (handle);
}

/* ---- host queries ----------------------------------------------------------- */

static char *
test_get_type (gpointer handle, GCancellable *cancellable, GError **error)
{
  return g_strdup ("TEST");
}

static gboolean
test_get_version (gpointer handle, gulong *version, GCancellable *cancellable, GError **error)
{
  *version = 2;
  return TRUE;
}

static char *
test_get_hostname (gpointer handle, GCancellable *cancellable, GError **error)
{
  return g_strdup (g_get_host_name ());
}

static gboolean
test_get_node_info (gpointer             data,
                    GVirDriverNodeInfo  *info,
                    GCancellable        *cancellable,
                    GError             **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;

  g_mutex_lock (&state->lock);
  *info = state->host.node;
  info->model = g_strdup (state->host.node.model);
  g_mutex_unlock (&state->lock);
  return TRUE;
}

static char *
test_get_capabilities (gpointer data, GCancellable *cancellable, GError **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  char *xml;

  g_mutex_lock (&state->lock);
  xml = gvir_test_host_format_capabilities (&state->host);
  g_mutex_unlock (&state->lock);
  return xml;
}

static char *
test_get_domain_capabilities (gpointer      data,
                              const char   *emulatorbin,
                              const char   *arch,
                              const char   *machine,
                              const char   *virttype,
                              guint         flags,
                              GCancellable *cancellable,
                              GError      **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  char *xml;

  g_mutex_lock (&state->lock);
  xml = gvir_test_host_format_domain_capabilities (&state->host, emulatorbin, arch,
                                                   machine, virttype, error);
  g_mutex_unlock (&state->lock);
  return xml;
}

/* Cell i has (i+1) GiB free. Like libvirt, a range that starts inside the
 * host is cut at the last cell; one that starts beyond it is an error. */
static GArray *
test_get_cells_free_memory (gpointer       data,
                            int            start_cell,
                            int            max_cells,
                            GCancellable  *cancellable,
                            GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GArray *cells;
  guint ncells;
  guint i, last;

  g_mutex_lock (&state->lock);
  ncells = state->host.ncells;
  g_mutex_unlock (&state->lock);

  if (start_cell < 0 || (guint) start_cell >= ncells)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                   "range exceeds available cells: cell %d requested, the host has %u",
                   start_cell, ncells);
      return NULL;
    }

  last = MIN ((guint64) start_cell + max_cells, ncells);
  cells = g_array_sized_new (FALSE, FALSE, sizeof (guint64), last - start_cell);
  for (i = start_cell; i < last; i++)
    {
      guint64 bytes = (guint64) (i + 1) << 30;

      g_array_append_val (cells, bytes);
    }
  return cells;
}

static GVirIdSet *
test_get_host_nodes (gpointer       data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirIdSet *nodes;

  g_mutex_lock (&state->lock);
  nodes = gvir_test_host_get_nodes (&state->host);
  g_mutex_unlock (&state->lock);
  return nodes;
}

/* ---- for the area files (gvir-test-private.h) -------------------------------- */

GVirTestHost *
gvir_test_handle_lock (gpointer handle)
{
  GVirTestState *state = ((GVirTestHandle *) handle)->state;

  g_mutex_lock (&state->lock);
  return &state->host;
}

void
gvir_test_handle_unlock (gpointer handle)
{
  g_mutex_unlock (&((GVirTestHandle *) handle)->state->lock);
}

/* ---- domain lookups ----------------------------------------------------------- */

static GPtrArray *
test_list_domains (gpointer data, GCancellable *cancellable, GError **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *list;
  guint i;

  g_mutex_lock (&state->lock);
  entries = gvir_domain_list_entries (state->domains);
  list = g_ptr_array_new_full (entries->len, (GDestroyNotify) gvir_driver_domain_free);
  for (i = 0; i < entries->len; i++)
    g_ptr_array_add (list, dom_describe (((GVirDomainListEntry *) entries->pdata[i])->data));
  g_mutex_unlock (&state->lock);
  return list;
}

static GVirDriverDomain *
test_lookup_domain_by_uuid (gpointer       data,
                            const char    *uuid,
                            GCancellable  *cancellable,
                            GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirDriverDomain *ret = NULL;
  GVirTestDomain *dom;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL)
    ret = dom_describe (dom);
  g_mutex_unlock (&state->lock);
  return ret;
}

static GVirDriverDomain *
test_lookup_domain_by_name (gpointer       data,
                            const char    *name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirDriverDomain *ret = NULL;
  GVirDomainListEntry *entry;

  g_mutex_lock (&state->lock);
  entry = gvir_domain_list_get_name (state->domains, name, error);
  if (entry != NULL)
    ret = dom_describe (entry->data);
  g_mutex_unlock (&state->lock);
  return ret;
}

static GVirDriverDomain *
test_lookup_domain_by_id (gpointer       data,
                          int            id,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirDriverDomain *ret = NULL;
  GVirDomainListEntry *entry;

  g_mutex_lock (&state->lock);
  entry = gvir_domain_list_get_id (state->domains, id, error);
  if (entry != NULL)
    ret = dom_describe (entry->data);
  g_mutex_unlock (&state->lock);
  return ret;
}

/* ---- state checks shared by the lifecycle calls ----------------------------------- */

static gboolean
check_active (const GVirTestDomain  *dom,
              GError               **error)
{
  if (dom_is_active (dom))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
               "domain '%s' is not running", dom->entry->name);
  return FALSE;
}

static gboolean
check_inactive (const GVirTestDomain  *dom,
                GError               **error)
{
  if (!dom_is_active (dom))
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
               "domain '%s' is already running", dom->entry->name);
  return FALSE;
}

/* A definition may only name NUMA nodes this host has; checked before a
 * domain is defined, created, started or restored, so a refused placement
 * changes nothing. */
static gboolean
check_placement (const GVirTestState  *state,
                 GVirConfigDomain     *def,
                 GError              **error)
{
  g_autoptr(GVirIdSet) placement = gvir_test_def_dup_placement (def);

  return gvir_test_host_check_nodeset (&state->host, placement, error);
}

/* Runs a new domain, optionally paused, and queues the events. */
static void
start_with_events (GVirTestState    *state,
                   GVirTestDomain   *dom,
                   gboolean          restored,
                   guint             flags,
                   GVirDriverEvents *events)
{
  state_start (state, dom, restored ? GVIR_DRIVER_RUNNING_RESTORED : GVIR_DRIVER_RUNNING_BOOTED);
  events_add (events, dom, GVIR_DRIVER_EVENT_STARTED,
              restored ? GVIR_DRIVER_STARTED_RESTORED : GVIR_DRIVER_STARTED_BOOTED);
  if (flags & GVIR_DRIVER_START_PAUSED)
    {
      dom_set_paused (dom, TRUE, GVIR_DRIVER_PAUSED_USER);
      events_add (events, dom, GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);
    }
}

/* Applies an on_poweroff / on_reboot action to an active domain. */
static void
apply_action (GVirTestState                   *state,
              GVirTestDomain                  *dom,
              GVirConfigDomainLifecycleEvent   event,
              GVirDriverEvents                *events)
{
  GVirConfigDomainLifecycleAction action = gvir_config_domain_get_lifecycle (dom->def, event);

  if (action == GVIR_CONFIG_DOMAIN_LIFECYCLE_RESTART ||
      action == GVIR_CONFIG_DOMAIN_LIFECYCLE_RENAME_RESTART)
    {
      /* The guest comes straight back: libvirt emits nothing. */
      dom_set_paused (dom, FALSE, GVIR_DRIVER_RUNNING_BOOTED);
      return;
    }
  gvir_driver_events_add (events, state_stop (state, dom, GVIR_DRIVER_SHUTOFF_SHUTDOWN),
                        GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SHUTDOWN);
}

/* ---- define / create / undefine --------------------------------------------------- */

static GVirDriverDomain *
test_define_domain (gpointer       data,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  g_autoptr(GVirConfigDomain) def = gvir_test_def_read_string (xml, error);
  GVirTestDomain *dom = NULL;
  GVirDriverDomain *ret = NULL;

  if (def == NULL)
    return NULL;

  g_mutex_lock (&state->lock);
  if (check_placement (state, def, error) &&
      state_check_identity (state, def, &dom, error))
    {
      int detail = dom ? GVIR_DRIVER_DEFINED_UPDATED : GVIR_DRIVER_DEFINED_ADDED;

      if (dom == NULL)
        dom = state_add (state, g_steal_pointer (&def), TRUE);
      else if (dom_is_active (dom))
        {
          g_clear_object (&dom->new_def);
          dom->new_def = g_steal_pointer (&def);
        }
      else
        dom_replace_def (dom, g_steal_pointer (&def));
      dom->persistent = TRUE;
      events_add (events, dom, GVIR_DRIVER_EVENT_DEFINED, detail);
      ret = dom_describe (dom);
    }
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ret;
}

static GVirDriverDomain *
test_create_domain (gpointer       data,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  g_autoptr(GVirConfigDomain) def = gvir_test_def_read_string (xml, error);
  GVirTestDomain *dom = NULL;
  GVirDriverDomain *ret = NULL;

  if (def == NULL)
    return NULL;

  g_mutex_lock (&state->lock);
  if (check_placement (state, def, error) &&
      state_check_identity (state, def, &dom, error) &&
      (dom == NULL || check_inactive (dom, error)))
    {
      if (dom == NULL)
        dom = state_add (state, g_steal_pointer (&def), FALSE);
      else
        {
          /* The persistent definition waits for the domain to stop. */
          dom->new_def = g_steal_pointer (&dom->def);
          dom->def = g_steal_pointer (&def);
        }
      start_with_events (state, dom, FALSE, flags, events);
      ret = dom_describe (dom);
    }
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ret;
}

static gboolean
test_undefine_domain (gpointer       data,
                      const char    *uuid,
                      guint          flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirTestDomain *dom;
  gboolean ok = FALSE;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom == NULL)
    ;
  else if (!dom->persistent)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot undefine transient domain '%s'", dom->entry->name);
  else if (dom->has_managed_save && !(flags & GVIR_DRIVER_UNDEFINE_MANAGED_SAVE))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "refusing to undefine domain '%s': it has a managed save image "
                 "(ask to remove the managed save as well)", dom->entry->name);
  else if (gvir_test_snapshots_count (dom->snapshots) > 0 &&
           !(flags & GVIR_DRIVER_UNDEFINE_SNAPSHOTS_METADATA))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "refusing to undefine domain '%s': it has %u snapshots "
                 "(ask to remove the snapshot metadata as well)", dom->entry->name,
                 gvir_test_snapshots_count (dom->snapshots));
  else
    {
      g_clear_pointer (&dom->snapshots, gvir_test_snapshots_free);
      dom->persistent = FALSE;
      dom->has_managed_save = FALSE;
      g_clear_object (&dom->new_def);
      events_add (events, dom, GVIR_DRIVER_EVENT_UNDEFINED, GVIR_DRIVER_UNDEFINED_REMOVED);
      if (!dom_is_active (dom))
        state_remove (state, dom);
      ok = TRUE;
    }
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ok;
}

/* ---- lifecycle ------------------------------------------------------------------- */

typedef enum
{
  OP_START,
  OP_DESTROY,
  OP_SHUTDOWN,
  OP_REBOOT,
  OP_SUSPEND,
  OP_RESUME,
  OP_MANAGED_SAVE,
} LifecycleOp;

/* Checks and applies one state change; called with the lock held. */
static gboolean
apply_lifecycle (GVirTestState     *state,
                 GVirTestDomain    *dom,
                 LifecycleOp        op,
                 guint              flags,
                 GVirDriverEvents  *events,
                 GError           **error)
{
  switch (op)
    {
    case OP_START:
      /* A definition loaded from a <node> file was never checked. */
      if (!check_inactive (dom, error) || !check_placement (state, dom->def, error))
        return FALSE;
      start_with_events (state, dom, dom->has_managed_save, flags, events);
      dom->has_managed_save = FALSE;
      return TRUE;

    case OP_DESTROY:
      if (!check_active (dom, error))
        return FALSE;
      gvir_driver_events_add (events, state_stop (state, dom, GVIR_DRIVER_SHUTOFF_DESTROYED),
                            GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_DESTROYED);
      return TRUE;

    case OP_SHUTDOWN:
    case OP_REBOOT:
      if (!check_active (dom, error))
        return FALSE;
      apply_action (state, dom,
                    op == OP_SHUTDOWN ? GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_POWEROFF
                                      : GVIR_CONFIG_DOMAIN_LIFECYCLE_ON_REBOOT,
                    events);
      return TRUE;

    case OP_SUSPEND:
      if (!check_active (dom, error))
        return FALSE;
      if (dom->state == GVIR_DRIVER_STATE_PAUSED)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                       "domain '%s' is already paused", dom->entry->name);
          return FALSE;
        }
      dom_set_paused (dom, TRUE, GVIR_DRIVER_PAUSED_USER);
      events_add (events, dom, GVIR_DRIVER_EVENT_SUSPENDED, GVIR_DRIVER_SUSPENDED_PAUSED);
      return TRUE;

    case OP_RESUME:
      if (dom->state != GVIR_DRIVER_STATE_PAUSED)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                       "domain '%s' is not paused", dom->entry->name);
          return FALSE;
        }
      dom_set_paused (dom, FALSE, GVIR_DRIVER_RUNNING_UNPAUSED);
      events_add (events, dom, GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_UNPAUSED);
      return TRUE;

    case OP_MANAGED_SAVE:
      if (!check_active (dom, error))
        return FALSE;
      if (!dom->persistent)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                       "cannot do a managed save of transient domain '%s'", dom->entry->name);
          return FALSE;
        }
      dom->has_managed_save = TRUE;
      gvir_driver_events_add (events, state_stop (state, dom, GVIR_DRIVER_SHUTOFF_SAVED),
                            GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
run_lifecycle (gpointer      data,
               const char   *uuid,
               LifecycleOp   op,
               guint         flags,
               GError      **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirTestDomain *dom;
  gboolean ok;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  ok = dom != NULL && apply_lifecycle (state, dom, op, flags, events, error);
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ok;
}

static gboolean
test_start_domain (gpointer data, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_START, flags, error);
}

static gboolean
test_destroy_domain (gpointer data, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_DESTROY, flags, error);
}

static gboolean
test_shutdown_domain (gpointer data, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_SHUTDOWN, flags, error);
}

static gboolean
test_reboot_domain (gpointer data, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_REBOOT, flags, error);
}

static gboolean
test_suspend_domain (gpointer data, const char *uuid, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_SUSPEND, 0, error);
}

static gboolean
test_resume_domain (gpointer data, const char *uuid, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_RESUME, 0, error);
}

static gboolean
test_managed_save_domain (gpointer data, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return run_lifecycle (data, uuid, OP_MANAGED_SAVE, flags, error);
}

/* ---- save images -------------------------------------------------------------- */

/* Our own format: one magic line, then the domain XML. */
#define SAVE_MAGIC "libvirt-glib-ng test driver save image 1\n"

/* libvirt's VIR_DOMAIN_SAVE_PAUSED: restore into the paused state. */
#define SAVE_RESTORE_PAUSED (1 << 2)

/* A custom XML replacing a saved definition must describe the same domain. */
static GVirConfigDomain *
parse_custom_xml (const char        *custom_xml,
                  GVirConfigDomain  *saved,
                  GError           **error)
{
  g_autoptr(GVirConfigDomain) def = gvir_test_def_read_string (custom_xml, error);
  const char *name, *uuid;

  if (def == NULL)
    return NULL;
  name = gvir_config_domain_get_name (def);
  uuid = gvir_config_domain_get_uuid (def);
  if (!g_str_equal (uuid, gvir_config_domain_get_uuid (saved)) ||
      !g_str_equal (name, gvir_config_domain_get_name (saved)))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "the replacement XML describes domain '%s' (%s), not '%s' (%s)",
                   name, uuid, gvir_config_domain_get_name (saved),
                   gvir_config_domain_get_uuid (saved));
      return NULL;
    }
  return g_steal_pointer (&def);
}

static gboolean
write_save_image (GVirConfigDomain  *def,
                  const char        *path,
                  const char        *custom_xml,
                  GError           **error)
{
  g_autoptr(GVirConfigDomain) custom = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;

  if (custom_xml != NULL)
    {
      custom = parse_custom_xml (custom_xml, def, error);
      if (custom == NULL)
        return FALSE;
      def = custom;
    }

  xml = gvir_test_def_format (def, -1);
  contents = g_strconcat (SAVE_MAGIC, xml, NULL);
  if (!g_file_set_contents (path, contents, -1, &local))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_FAILED,
                   "cannot write save image '%s': %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
test_save_domain_to_file (gpointer       data,
                          const char    *uuid,
                          const char    *path,
                          const char    *custom_xml,
                          guint          flags,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirTestDomain *dom;
  gboolean ok = FALSE;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL && check_active (dom, error) &&
      write_save_image (dom->def, path, custom_xml, error))
    {
      gvir_driver_events_add (events, state_stop (state, dom, GVIR_DRIVER_SHUTOFF_SAVED),
                            GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_SAVED);
      ok = TRUE;
    }
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ok;
}

/* A save image holds one domain's XML: anything larger is not one. */
#define SAVE_IMAGE_MAX (64 * 1024 * 1024)

/* Reads the save image at @path, which must be a regular file of at most
 * SAVE_IMAGE_MAX bytes. Opened with O_NONBLOCK, so that a FIFO (refused
 * after fstat() like every other non-regular file) never blocks the open;
 * fstat() on the open descriptor leaves no window for the path to change
 * between the check and the read. The read honours @cancellable. */
static char *
read_save_image_contents (const char    *path,
                          gsize         *len,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autofree char *contents = NULL;
  struct stat st;
  gsize size;
  gsize done = 0;
  int fd;
  int saved_errno;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, GVIR_ERROR,
                   saved_errno == ENOENT ? GVIR_ERROR_NOT_FOUND : GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot read save image '%s': %s", path, g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) < 0)
    {
      saved_errno = errno;
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot read save image '%s': %s", path, g_strerror (saved_errno));
      goto fail;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "save image '%s' is not a regular file", path);
      goto fail;
    }
  if (st.st_size > SAVE_IMAGE_MAX)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "save image '%s' is too large: %" G_GINT64_FORMAT " bytes, at most %d",
                   path, (gint64) st.st_size, SAVE_IMAGE_MAX);
      goto fail;
    }

  /* The size may change while we read: read one byte past it to see. */
  size = (gsize) st.st_size;
  contents = g_malloc (size + 2);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      n = read (fd, contents + done, size + 1 - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                       "cannot read save image '%s': %s", path, g_strerror (saved_errno));
          goto fail;
        }
      if (n == 0)
        break;
      done += (gsize) n;
      if (done > size)
        {
          g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                       "save image '%s' grew while it was read", path);
          goto fail;
        }
    }
  close (fd);
  contents[done] = '\0';
  *len = done;
  return g_steal_pointer (&contents);

fail:
  close (fd);
  return NULL;
}

static GVirConfigDomain *
read_save_image (const char    *path,
                 const char    *custom_xml,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GVirConfigDomain) def = NULL;
  gsize len;

  contents = read_save_image_contents (path, &len, cancellable, error);
  if (contents == NULL)
    return NULL;
  if (!g_str_has_prefix (contents, SAVE_MAGIC) || strlen (contents) != len)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "'%s' is not a save image of the test driver", path);
      return NULL;
    }

  def = gvir_test_def_read_string (contents + strlen (SAVE_MAGIC), &local);
  if (def == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "save image '%s' is corrupt: %s", path, local->message);
      return NULL;
    }
  if (custom_xml != NULL)
    return parse_custom_xml (custom_xml, def, error);
  return g_steal_pointer (&def);
}

static GVirDriverDomain *
test_restore_domain_from_file (gpointer       data,
                               const char    *path,
                               const char    *custom_xml,
                               guint          flags,
                               GCancellable  *cancellable,
                               GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  g_autoptr(GVirConfigDomain) def = read_save_image (path, custom_xml, cancellable, error);
  GVirTestDomain *dom = NULL;
  GVirDriverDomain *ret = NULL;

  if (def == NULL)
    return NULL;

  g_mutex_lock (&state->lock);
  if (state_check_identity (state, def, &dom, error) &&
      (dom == NULL || check_inactive (dom, error)) &&
      check_placement (state, def, error))
    {
      if (dom == NULL)
        dom = state_add (state, g_steal_pointer (&def), FALSE);
      else
        {
          dom->new_def = g_steal_pointer (&dom->def);
          dom->def = g_steal_pointer (&def);
        }
      start_with_events (state, dom, TRUE,
                         (flags & SAVE_RESTORE_PAUSED) ? GVIR_DRIVER_START_PAUSED : 0, events);
      ret = dom_describe (dom);
    }
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ret;
}

/* libvirt's test driver formats a saved definition in full whatever the
 * flags (it keeps no secrets apart); so does this one. */
static char *
test_get_save_image_xml (gpointer       data,
                         const char    *path,
                         guint          flags,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GVirConfigDomain) def = read_save_image (path, NULL, cancellable, error);

  return def != NULL ? gvir_test_def_format (def, -1) : NULL;
}

/* Our images record no running state: a restore's own flags decide it,
 * so the RUNNING and PAUSED flags change nothing here. */
static gboolean
test_define_save_image_xml (gpointer       data,
                            const char    *path,
                            const char    *xml,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GVirConfigDomain) def = read_save_image (path, xml, cancellable, error);

  return def != NULL && write_save_image (def, path, NULL, error);
}

/* ---- per-domain queries ---------------------------------------------------------- */

static gboolean
test_get_domain_info (gpointer               data,
                      const char            *uuid,
                      GVirDriverDomainInfo  *info,
                      GCancellable          *cancellable,
                      GError               **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL)
    {
      info->state = dom->state;
      info->max_mem_kib = gvir_test_def_get_max_memory_kib (dom->def);
      info->memory_kib = gvir_test_def_get_memory_kib (dom->def);
      info->nr_virt_cpu = gvir_test_def_get_vcpus (dom->def);
      info->cpu_time_ns = dom_cpu_time (dom);
    }
  g_mutex_unlock (&state->lock);
  return dom != NULL;
}

static gboolean
test_get_domain_state (gpointer       data,
                       const char    *uuid,
                       int           *dom_state,
                       int           *reason,
                       GCancellable  *cancellable,
                       GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL)
    {
      *dom_state = dom->state;
      *reason = dom->reason;
    }
  g_mutex_unlock (&state->lock);
  return dom != NULL;
}

/* The state lives in memory behind a short lock: answering inline, in the
 * caller's thread, costs less than any thread hop. */
static void
test_get_domain_info_async (gpointer                  data,
                            const char               *uuid,
                            GCancellable             *cancellable,
                            GVirDriverDomainInfoFunc  done,
                            gpointer                  user_data)
{
  GVirDriverDomainInfo info = { 0 };
  g_autoptr(GError) error = NULL;

  if (test_get_domain_info (data, uuid, &info, cancellable, &error))
    done (&info, NULL, user_data);
  else
    done (NULL, error, user_data);
}

static void
test_get_domain_state_async (gpointer                   data,
                             const char                *uuid,
                             GCancellable              *cancellable,
                             GVirDriverDomainStateFunc  done,
                             gpointer                   user_data)
{
  g_autoptr(GError) error = NULL;
  int dom_state = 0, reason = 0;

  if (test_get_domain_state (data, uuid, &dom_state, &reason, cancellable, &error))
    done (dom_state, reason, NULL, user_data);
  else
    done (0, 0, error, user_data);
}

static char *
test_get_domain_xml (gpointer       data,
                     const char    *uuid,
                     guint          flags,
                     GCancellable  *cancellable,
                     GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  char *xml = NULL;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL && (flags & GVIR_DRIVER_XML_INACTIVE))
    xml = gvir_test_def_format (dom->new_def ? dom->new_def : dom->def, -1);
  else if (dom != NULL)
    xml = gvir_test_def_format (dom->def, dom->entry->id);
  g_mutex_unlock (&state->lock);
  return xml;
}

/* ---- autostart -------------------------------------------------------------------- */

/* Only remembered: nothing starts the test driver's domains but its clients.
 * As libvirt's test driver (unlike its QEMU driver), a transient domain
 * takes the mark too, and undefine keeps it. */
static gboolean
test_get_domain_autostart (gpointer       data,
                           const char    *uuid,
                           gboolean      *autostart,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL)
    *autostart = dom->autostart;
  g_mutex_unlock (&state->lock);
  return dom != NULL;
}

static gboolean
test_set_domain_autostart (gpointer       data,
                           const char    *uuid,
                           gboolean       autostart,
                           GCancellable  *cancellable,
                           GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL)
    dom->autostart = autostart;
  g_mutex_unlock (&state->lock);
  return dom != NULL;
}

/* ---- NUMA parameters -------------------------------------------------------------- */

/* Resolves AFFECT_LIVE / AFFECT_CONFIG (0 = whichever is current) against
 * the domain's state, as libvirt does. */
static gboolean
resolve_affect (const GVirTestDomain  *dom,
                guint                  flags,
                gboolean              *live,
                gboolean              *config,
                GError               **error)
{
  *live = (flags & GVIR_DRIVER_AFFECT_LIVE) != 0;
  *config = (flags & GVIR_DRIVER_AFFECT_CONFIG) != 0;
  if (!*live && !*config)
    {
      *live = dom_is_active (dom);
      *config = !*live;
    }

  if (*live && !dom_is_active (dom))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "domain '%s' is not running: its live NUMA parameters do not exist",
                   dom->entry->name);
      return FALSE;
    }
  if (*config && !dom->persistent)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "transient domain '%s' has no persistent configuration", dom->entry->name);
      return FALSE;
    }
  return TRUE;
}

static GVirConfigDomain *
dom_config_def (const GVirTestDomain *dom)
{
  return dom->new_def ? dom->new_def : dom->def;
}

static gboolean
test_get_numa_parameters (gpointer       data,
                          const char    *uuid,
                          guint          flags,
                          int           *mode,
                          char         **nodeset,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  gboolean live = FALSE, config = FALSE, ok = FALSE;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom != NULL && resolve_affect (dom, flags, &live, &config, error))
    {
      if (live && config)
        g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                             "cannot get live and config NUMA parameters at once");
      else
        {
          GVirConfigDomain *def = live ? dom->def : dom_config_def (dom);

          *mode = gvir_test_def_get_numa_mode (def);
          *nodeset = gvir_test_def_dup_numa_nodeset (def);
          ok = TRUE;
        }
    }
  g_mutex_unlock (&state->lock);
  return ok;
}

/* The changed definitions replace the domain's only once both exist, so
 * a refused change leaves both as they were. */
static gboolean
set_numa (GVirTestDomain  *dom,
          gboolean         live,
          gboolean         config,
          int              mode,
          const char      *nodeset,
          GError         **error)
{
  g_autoptr(GVirConfigDomain) live_def = NULL;
  g_autoptr(GVirConfigDomain) config_def = NULL;

  if (live && (live_def = gvir_test_def_with_numatune (dom->def, mode, nodeset, error)) == NULL)
    return FALSE;
  if (config && (config_def = gvir_test_def_with_numatune (dom_config_def (dom), mode, nodeset,
                                                           error)) == NULL)
    return FALSE;

  /* A live change leaves the persistent configuration as it was: the
   * current definition becomes the pending one before they diverge. */
  if (live && dom->persistent && dom->new_def == NULL)
    dom->new_def = g_steal_pointer (&dom->def);
  if (live)
    dom_replace_def (dom, g_steal_pointer (&live_def));
  if (config && dom_is_active (dom))
    {
      g_clear_object (&dom->new_def);
      dom->new_def = g_steal_pointer (&config_def);
    }
  else if (config)
    dom_replace_def (dom, g_steal_pointer (&config_def));
  return TRUE;
}

static gboolean
test_set_numa_parameters (gpointer       data,
                          const char    *uuid,
                          int            mode,
                          const char    *nodeset,
                          guint          flags,
                          GCancellable  *cancellable,
                          GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirIdSet) parsed = NULL;
  g_autofree char *canonical = NULL;
  GVirTestDomain *dom;
  gboolean live = FALSE, config = FALSE, ok = FALSE;

  if (nodeset != NULL)
    {
      parsed = gvir_id_set_parse (nodeset, "nodeset", GVIR_ID_SET_LIMIT, error);
      if (parsed == NULL)
        return FALSE;
      canonical = gvir_id_set_format (parsed);
    }

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  if (dom == NULL || !resolve_affect (dom, flags, &live, &config, error))
    ;
  else if (mode < 0 && canonical == NULL)
    ok = TRUE;
  /* Everything is refused before anything changes, so no half-applied
   * update (live done, config refused) can happen. */
  else if (live && mode >= 0 && mode != gvir_test_def_get_numa_mode (dom->def))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "cannot change the NUMA mode of running domain '%s'", dom->entry->name);
  else if (!gvir_test_host_check_nodeset (&state->host, parsed, error))
    ;
  else
    ok = set_numa (dom, live, config, mode, canonical, error);
  g_mutex_unlock (&state->lock);
  return ok;
}

/* ---- devices and the guest ------------------------------------------------------ */

/* Finds the running domain @uuid; called with the lock held. */
static GVirTestDomain *
state_find_active (GVirTestState  *state,
                   const char     *uuid,
                   GError        **error)
{
  GVirTestDomain *dom = state_find (state, uuid, error);

  return dom != NULL && check_active (dom, error) ? dom : NULL;
}

static gboolean
test_get_block_stats (gpointer               data,
                      const char            *uuid,
                      const char            *disk,
                      GVirDriverBlockStats  *stats,
                      GCancellable          *cancellable,
                      GError               **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  gboolean ok;

  g_mutex_lock (&state->lock);
  dom = state_find_active (state, uuid, error);
  ok = dom != NULL && gvir_test_def_check_disk (dom->def, disk, error);
  g_mutex_unlock (&state->lock);
  if (ok)
    gvir_test_block_stats_fill (stats);
  return ok;
}

static gboolean
test_get_interface_stats (gpointer                   data,
                          const char                *uuid,
                          const char                *device,
                          GVirDriverInterfaceStats  *stats,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  gboolean ok;

  g_mutex_lock (&state->lock);
  dom = state_find_active (state, uuid, error);
  ok = dom != NULL && gvir_test_def_check_interface (dom->def, device, error);
  g_mutex_unlock (&state->lock);
  if (ok)
    gvir_test_interface_stats_fill (stats);
  return ok;
}

/* The test driver has no disk images: a resize is checked, not stored. */
static gboolean
test_resize_block (gpointer       data,
                   const char    *uuid,
                   const char    *disk,
                   guint64        size,
                   guint          flags,
                   GCancellable  *cancellable,
                   GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  gboolean ok = FALSE;

  if (flags & ~GVIR_DRIVER_BLOCK_RESIZE_BYTES)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unsupported disk resize flags 0x%x", flags & ~GVIR_DRIVER_BLOCK_RESIZE_BYTES);
      return FALSE;
    }
  if (size == 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot resize disk '%s' to zero", disk);
      return FALSE;
    }

  g_mutex_lock (&state->lock);
  dom = state_find_active (state, uuid, error);
  ok = dom != NULL && gvir_test_def_check_disk (dom->def, disk, error);
  g_mutex_unlock (&state->lock);
  return ok;
}

/* Stores the definitions an update made (either may be NULL), taking
 * them. A live change of a running persistent domain keeps its current
 * configuration as the pending one, for its next boot. */
static void
dom_store_updated (GVirTestDomain   *dom,
                   GVirConfigDomain *live_def,
                   GVirConfigDomain *config_def)
{
  if (live_def != NULL)
    {
      if (dom->persistent && dom->new_def == NULL)
        dom->new_def = g_steal_pointer (&dom->def);
      dom_replace_def (dom, live_def);
    }
  if (config_def == NULL)
    return;
  if (dom_is_active (dom))
    {
      g_clear_object (&dom->new_def);
      dom->new_def = config_def;
    }
  else
    dom_replace_def (dom, config_def);
}

/* Both new definitions are made before either is stored, so a refused
 * update changes nothing. */
static gboolean
update_device (GVirTestDomain  *dom,
               const char      *xml,
               guint            flags,
               GError         **error)
{
  g_autoptr(GVirConfigDomain) live_def = NULL;
  g_autoptr(GVirConfigDomain) config_def = NULL;
  gboolean live, config;

  if ((flags & GVIR_DRIVER_AFFECT_LIVE) && !dom_is_active (dom))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "domain '%s' is not running: it has no live devices to update",
                   dom->entry->name);
      return FALSE;
    }
  if (!resolve_affect (dom, flags, &live, &config, error))
    return FALSE;
  if (live && (live_def = gvir_test_def_with_device (dom->def, xml, error)) == NULL)
    return FALSE;
  if (config && (config_def = gvir_test_def_with_device (dom_config_def (dom), xml, error)) == NULL)
    return FALSE;

  dom_store_updated (dom, g_steal_pointer (&live_def), g_steal_pointer (&config_def));
  return TRUE;
}

static gboolean
test_update_device (gpointer       data,
                    const char    *uuid,
                    const char    *xml,
                    guint          flags,
                    GCancellable  *cancellable,
                    GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  gboolean ok;

  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  ok = dom != NULL && update_device (dom, xml, flags, error);
  g_mutex_unlock (&state->lock);
  return ok;
}

/* As in libvirt's test driver, which needs no guest agent: a running
 * domain takes any time; nothing reads it back. */
static gboolean
test_set_time (gpointer       data,
               const char    *uuid,
               gint64         seconds,
               guint          nseconds,
               guint          flags,
               GCancellable  *cancellable,
               GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  gboolean ok;

  if (flags & ~GVIR_DRIVER_TIME_SYNC)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unsupported set-time flags 0x%x", flags & ~GVIR_DRIVER_TIME_SYNC);
      return FALSE;
    }
  g_mutex_lock (&state->lock);
  ok = state_find_active (state, uuid, error) != NULL;
  g_mutex_unlock (&state->lock);
  return ok;
}

static gboolean
wake_up (GVirTestDomain    *dom,
         GVirDriverEvents  *events,
         GError           **error)
{
  if (dom->state != GVIR_DRIVER_STATE_PMSUSPENDED)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "domain '%s' is not suspended by its guest", dom->entry->name);
      return FALSE;
    }
  dom_set_paused (dom, FALSE, GVIR_DRIVER_RUNNING_WAKEUP);
  events_add (events, dom, GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_WAKEUP);
  return TRUE;
}

static gboolean
test_pm_wakeup (gpointer       data,
                const char    *uuid,
                guint          flags,
                GCancellable  *cancellable,
                GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirTestDomain *dom;
  gboolean ok;

  if (flags != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unsupported wakeup flags 0x%x", flags);
      return FALSE;
    }
  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  ok = dom != NULL && wake_up (dom, events, error);
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ok;
}

/* ---- the memory balloon ---------------------------------------------------------- */

/* libvirt's virDomainObjGetOneDef: exactly one of the live and the
 * persistent definition, never both. */
static gboolean
resolve_one_affect (const GVirTestDomain  *dom,
                    guint                  flags,
                    gboolean              *live,
                    GError               **error)
{
  gboolean config;

  if ((flags & GVIR_DRIVER_AFFECT_LIVE) && (flags & GVIR_DRIVER_AFFECT_CONFIG))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "Flags 'VIR_DOMAIN_AFFECT_LIVE' and 'VIR_DOMAIN_AFFECT_CONFIG' are "
                           "mutually exclusive");
      return FALSE;
    }
  if ((flags & GVIR_DRIVER_AFFECT_LIVE) && !dom_is_active (dom))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                           "domain is not running");
      return FALSE;
    }
  return resolve_affect (dom, flags, live, &config, error);
}

/* The number of guest NUMA cells of @def (<cpu><numa><cell/>...). */
static guint
def_numa_cell_count (GVirConfigDomain *def)
{
  g_autoptr (GVirConfigDomainCpu) cpu = gvir_config_domain_get_cpu (def);
  GList *cells;
  guint count;

  if (cpu == NULL)
    return 0;
  cells = gvir_config_domain_cpu_get_numa_cells (cpu);
  count = g_list_length (cells);
  g_list_free_full (cells, g_object_unref);
  return count;
}

/* libvirt's rules for a new maximum (initial) memory: never of the live
 * definition; not where guest NUMA cells each give their own size (the
 * API has no way to change them); not past the hotplug ceiling
 * <maxMemory>. Both drivers of libvirt say OPERATION_INVALID. */
static gboolean
check_max_memory_change (GVirConfigDomain  *def,
                         gboolean           live,
                         guint64            kib,
                         GError           **error)
{
  guint64 ceiling = gvir_config_domain_get_max_memory (def);

  if (live)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                           "cannot resize the maximum memory on an active domain");
      return FALSE;
    }
  if (def_numa_cell_count (def) > 0)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                           "initial memory size of a domain with NUMA nodes cannot be "
                           "modified with this API");
      return FALSE;
    }
  if (ceiling != 0 && ceiling < kib)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                           "cannot set initial memory size greater than the maximum memory size");
      return FALSE;
    }
  return TRUE;
}

/* As libvirt's test driver: the maximum of a persistent definition only
 * (it may grow), the balloon of either up to its maximum. */
static gboolean
set_memory (GVirTestDomain  *dom,
            guint64          kib,
            guint            flags,
            GError         **error)
{
  gboolean maximum = (flags & GVIR_DRIVER_MEM_MAXIMUM) != 0;
  GVirConfigDomain *def;
  GVirConfigDomain *changed;
  gboolean live;

  if (!resolve_one_affect (dom, flags, &live, error))
    return FALSE;
  def = live ? dom->def : dom_config_def (dom);
  if (maximum && !check_max_memory_change (def, live, kib, error))
    return FALSE;
  if (!maximum && kib > gvir_test_def_get_max_memory_kib (def))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "cannot set memory higher than max memory");
      return FALSE;
    }
  changed = gvir_test_def_with_memory (def, kib, maximum, error);
  if (changed == NULL)
    return FALSE;
  dom_store_updated (dom, live ? changed : NULL, live ? NULL : changed);
  return TRUE;
}

static gboolean
test_set_memory (gpointer       data,
                 const char    *uuid,
                 guint64        kib,
                 guint          flags,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  gboolean ok;

  /* libvirt's API refuses zero before any driver sees it. */
  if (kib == 0)
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "memory in virDomainSetMemoryFlags must not be zero");
      return FALSE;
    }
  g_mutex_lock (&state->lock);
  dom = state_find (state, uuid, error);
  ok = dom != NULL && set_memory (dom, kib, flags, error);
  g_mutex_unlock (&state->lock);
  return ok;
}

/* libvirt's test driver's fixed statistics, in its order: each a fraction
 * (1/divisor) of the balloon, or with divisor 0 the constant. */
static const struct
{
  int tag;
  guint64 divisor;
  guint64 constant;
} test_memory_stats[] = {
  { GVIR_DRIVER_MEMORY_STAT_ACTUAL_BALLOON, 1, 0 },
  { GVIR_DRIVER_MEMORY_STAT_SWAP_IN, 0, 0 },
  { GVIR_DRIVER_MEMORY_STAT_SWAP_OUT, 0, 0 },
  { GVIR_DRIVER_MEMORY_STAT_MAJOR_FAULT, 0, 0 },
  { GVIR_DRIVER_MEMORY_STAT_MINOR_FAULT, 0, 0 },
  { GVIR_DRIVER_MEMORY_STAT_UNUSED, 2, 0 },
  { GVIR_DRIVER_MEMORY_STAT_AVAILABLE, 1, 0 },
  { GVIR_DRIVER_MEMORY_STAT_USABLE, 2, 0 },
  { GVIR_DRIVER_MEMORY_STAT_LAST_UPDATE, 0, 627319920 },
  { GVIR_DRIVER_MEMORY_STAT_DISK_CACHES, 8, 0 },
  { GVIR_DRIVER_MEMORY_STAT_HUGETLB_PGALLOC, 0, 0 },
  { GVIR_DRIVER_MEMORY_STAT_HUGETLB_PGFAIL, 0, 0 },
  { GVIR_DRIVER_MEMORY_STAT_RSS, 2, 0 },
};

static int
test_get_memory_stats (gpointer               data,
                       const char            *uuid,
                       GVirDriverMemoryStat  *stats,
                       guint                  max_stats,
                       guint                  flags,
                       GCancellable          *cancellable,
                       GError               **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  GVirTestDomain *dom;
  guint64 balloon = 0;
  guint n;

  g_mutex_lock (&state->lock);
  dom = state_find_active (state, uuid, error);
  if (dom != NULL)
    balloon = gvir_test_def_get_memory_kib (dom->def);
  g_mutex_unlock (&state->lock);
  if (dom == NULL)
    return -1;
  for (n = 0; n < max_stats && n < G_N_ELEMENTS (test_memory_stats); n++)
    {
      stats[n].tag = test_memory_stats[n].tag;
      stats[n].val = test_memory_stats[n].divisor != 0 ? balloon / test_memory_stats[n].divisor
                                                       : test_memory_stats[n].constant;
    }
  return (int) n;
}

/* ---- the tables ------------------------------------------------------------------ */

static const GVirDriverDomainFuncs test_domain_funcs = {
  .list_domains = test_list_domains,
  .lookup_domain_by_uuid = test_lookup_domain_by_uuid,
  .lookup_domain_by_name = test_lookup_domain_by_name,
  .lookup_domain_by_id = test_lookup_domain_by_id,
  .define_domain = test_define_domain,
  .undefine_domain = test_undefine_domain,
  .create_domain = test_create_domain,
  .start_domain = test_start_domain,
  .destroy_domain = test_destroy_domain,
  .shutdown_domain = test_shutdown_domain,
  .reboot_domain = test_reboot_domain,
  .suspend_domain = test_suspend_domain,
  .resume_domain = test_resume_domain,
  .managed_save_domain = test_managed_save_domain,
  .save_domain_to_file = test_save_domain_to_file,
  .restore_domain_from_file = test_restore_domain_from_file,
  .get_save_image_xml = test_get_save_image_xml,
  .define_save_image_xml = test_define_save_image_xml,
  .get_domain_info = test_get_domain_info,
  .get_domain_state = test_get_domain_state,
  .get_domain_info_async = test_get_domain_info_async,
  .get_domain_state_async = test_get_domain_state_async,
  .get_domain_xml = test_get_domain_xml,
  .get_domain_autostart = test_get_domain_autostart,
  .set_domain_autostart = test_set_domain_autostart,
  .get_numa_parameters = test_get_numa_parameters,
  .set_numa_parameters = test_set_numa_parameters,
  /* Display: libvirt's test driver has the screenshot only. */
  .screenshot_domain = gvir_test_screenshot_domain,
  /* Devices and the guest. */
  .get_block_stats = test_get_block_stats,
  .get_interface_stats = test_get_interface_stats,
  .resize_block = test_resize_block,
  .update_device = test_update_device,
  .set_time = test_set_time,
  .pm_wakeup = test_pm_wakeup,
  .set_memory = test_set_memory,
  .get_memory_stats = test_get_memory_stats,
};

/* ---- what the snapshot file needs of a domain ---------------------------------- */

struct _GVirTestDomainRef
{
  GVirTestState *state;
  GVirTestDomain *dom;
  GVirDriverEvents *events;
};

gboolean
gvir_test_with_domain (gpointer             data,
                       const char          *uuid,
                       GVirTestDomainFunc   func,
                       gpointer             func_data,
                       GError             **error)
{
  GVirTestState *state = ((GVirTestHandle *) data)->state;
  g_autoptr(GVirDriverEvents) events = gvir_driver_events_new ();
  GVirTestDomainRef ref = { state, NULL, events };
  gboolean ok;

  g_mutex_lock (&state->lock);
  ref.dom = state_find (state, uuid, error);
  ok = ref.dom != NULL && func (&ref, func_data, error);
  g_mutex_unlock (&state->lock);

  state_emit (state, events);
  return ok;
}

const char *
gvir_test_domain_ref_get_name (GVirTestDomainRef *ref)
{
  return ref->dom->entry->name;
}

gboolean
gvir_test_domain_ref_is_persistent (GVirTestDomainRef *ref)
{
  return ref->dom->persistent;
}

int
gvir_test_domain_ref_get_state (GVirTestDomainRef *ref)
{
  return ref->dom->state;
}

GVirConfigDomain *
gvir_test_domain_ref_get_def (GVirTestDomainRef *ref)
{
  return ref->dom->def;
}

GVirTestSnapshots **
gvir_test_domain_ref_snapshots (GVirTestDomainRef *ref)
{
  return &ref->dom->snapshots;
}

void
gvir_test_domain_ref_revert (GVirTestDomainRef *ref,
                             GVirConfigDomain  *def,
                             int                target)
{
  GVirTestDomain *dom = ref->dom;

  /* The snapshot's definition replaces both the live and the pending one. */
  g_clear_object (&dom->new_def);
  if (target == GVIR_DRIVER_STATE_SHUTOFF)
    {
      if (dom_is_active (dom))
        {
          dom->new_def = def;
          gvir_driver_events_add (ref->events,
                                  state_stop (ref->state, dom, GVIR_DRIVER_SHUTOFF_FROM_SNAPSHOT),
                                  GVIR_DRIVER_EVENT_STOPPED, GVIR_DRIVER_STOPPED_FROM_SNAPSHOT);
        }
      else
        {
          dom_replace_def (dom, def);
          dom->reason = GVIR_DRIVER_SHUTOFF_FROM_SNAPSHOT;
        }
      ref->dom = NULL;
      return;
    }

  dom_replace_def (dom, def);
  if (!dom_is_active (dom))
    {
      state_start (ref->state, dom, GVIR_DRIVER_RUNNING_FROM_SNAPSHOT);
      events_add (ref->events, dom, GVIR_DRIVER_EVENT_STARTED, GVIR_DRIVER_STARTED_FROM_SNAPSHOT);
    }
  if (target == GVIR_DRIVER_STATE_PAUSED && dom->state != GVIR_DRIVER_STATE_PAUSED)
    {
      dom_set_paused (dom, TRUE, GVIR_DRIVER_PAUSED_FROM_SNAPSHOT);
      events_add (ref->events, dom, GVIR_DRIVER_EVENT_SUSPENDED,
                  GVIR_DRIVER_SUSPENDED_FROM_SNAPSHOT);
    }
  else if (target == GVIR_DRIVER_STATE_RUNNING && dom->state == GVIR_DRIVER_STATE_PAUSED)
    {
      dom_set_paused (dom, FALSE, GVIR_DRIVER_RUNNING_FROM_SNAPSHOT);
      events_add (ref->events, dom, GVIR_DRIVER_EVENT_RESUMED, GVIR_DRIVER_RESUMED_FROM_SNAPSHOT);
    }
}

static const GVirDriverSnapshotFuncs test_snapshot_funcs = {
  .list_snapshots = gvir_test_list_snapshots,
  .create_snapshot = gvir_test_create_snapshot,
  .get_snapshot_xml = gvir_test_get_snapshot_xml,
  .delete_snapshot = gvir_test_delete_snapshot,
  .revert_to_snapshot = gvir_test_revert_to_snapshot,
  .snapshot_is_current = gvir_test_snapshot_is_current,
  .has_current_snapshot = gvir_test_has_current_snapshot,
  .dup_current_snapshot = gvir_test_dup_current_snapshot,
};

const GVirDriver gvir_test_driver = {
  .name = "test",
  .accepts = test_accepts,
  /* Its state is in memory; only save, restore, managed save and reading
   * a save image's XML touch files. The first three change state, so a
   * daemon never runs them inline; the last is read-only, and gvird
   * excludes it by name (call_runs_inline in gvird-dispatch.c). */
  .calls_never_block = TRUE,
  .state_start = test_state_start,
  .state_stop = test_state_stop,
  .open = test_open,
  .close = test_close,
  .get_type = test_get_type,
  .get_version = test_get_version,
  .get_hostname = test_get_hostname,
  .get_node_info = test_get_node_info,
  .get_capabilities = test_get_capabilities,
  .get_domain_capabilities = test_get_domain_capabilities,
  .get_cells_free_memory = test_get_cells_free_memory,
  .get_host_nodes = test_get_host_nodes,
  .domain = &test_domain_funcs,
  .storage = &gvir_test_storage_funcs,
  .snapshot = &test_snapshot_funcs,
  .stream = &gvir_test_stream_funcs,
  .network = &gvir_test_network_funcs,
  .interface = &gvir_test_interface_funcs,
  .node_device = &gvir_test_node_device_funcs,
  /* No network filter table: libvirt's test driver has no nwfilter driver
   * either, so that every filter call is NOT_SUPPORTED on both. */
};
