/*
 * gvir-driver-domain.c: dispatch of the domain table
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include <string.h>

#include "gvir-driver-dispatch-private.h"
#include "libvirt-gconfig/libvirt-gconfig.h"

/* The domain table of @conn's driver, NULL when it has none. */
#define DOMAIN_TABLE (gvir_driver_connection_get_driver (conn)->domain)

/* Admits, runs and ends a call to the domain slot @slot. */
#define DOMAIN_DISPATCH(failed, slot, operation, mutates, ...) \
  GVIR_DRIVER_DISPATCH (failed, DOMAIN_TABLE, slot, operation, mutates, __VA_ARGS__)

static gboolean
check_uuid (const char  *uuid,
            const char  *operation,
            GError     **error)
{
  return gvir_driver_check_arg (uuid != NULL, operation, "no domain UUID given", error);
}

/* ---- listing and lookups ------------------------------------------------------ */

GPtrArray *
gvir_driver_connection_list_domains (GVirDriverConnection  *conn,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  g_return_val_if_fail (conn != NULL, NULL);

  DOMAIN_DISPATCH (NULL, list_domains, "list domains", FALSE, cancellable, error);
}

GVirDriverDomain *
gvir_driver_connection_lookup_domain_by_uuid (GVirDriverConnection  *conn,
                                              const char            *uuid,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "look up domain by UUID";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (uuid != NULL, op, "no UUID given", error))
    return NULL;
  DOMAIN_DISPATCH (NULL, lookup_domain_by_uuid, op, FALSE, uuid, cancellable, error);
}

GVirDriverDomain *
gvir_driver_connection_lookup_domain_by_name (GVirDriverConnection  *conn,
                                              const char            *name,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "look up domain by name";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (name != NULL, op, "no name given", error))
    return NULL;
  DOMAIN_DISPATCH (NULL, lookup_domain_by_name, op, FALSE, name, cancellable, error);
}

GVirDriverDomain *
gvir_driver_connection_lookup_domain_by_id (GVirDriverConnection  *conn,
                                            int                    id,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "look up domain by id";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (id >= 0, op, "domain ids are not negative", error))
    return NULL;
  DOMAIN_DISPATCH (NULL, lookup_domain_by_id, op, FALSE, id, cancellable, error);
}

/* ---- state changes -------------------------------------------------------------- */

GVirDriverDomain *
gvir_driver_connection_define_domain (GVirDriverConnection  *conn,
                                      const char            *xml,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "define domain";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (xml != NULL, op, "no XML given", error))
    return NULL;
  DOMAIN_DISPATCH (NULL, define_domain, op, TRUE, xml, flags, cancellable, error);
}

GVirDriverDomain *
gvir_driver_connection_create_domain (GVirDriverConnection  *conn,
                                      const char            *xml,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "create domain";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (xml != NULL, op, "no XML given", error))
    return NULL;
  DOMAIN_DISPATCH (NULL, create_domain, op, TRUE, xml, flags, cancellable, error);
}

/* The many "one domain, some flags" state changes share one body. */
#define UUID_FLAGS_DISPATCH(slot, operation)                               \
  G_STMT_START                                                             \
  {                                                                        \
    g_return_val_if_fail (conn != NULL, FALSE);                            \
                                                                           \
    if (!check_uuid (uuid, operation, error))                              \
      return FALSE;                                                        \
    DOMAIN_DISPATCH (FALSE, slot, operation, TRUE, uuid, flags, cancellable, error); \
  }                                                                        \
  G_STMT_END

gboolean
gvir_driver_connection_undefine_domain (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  UUID_FLAGS_DISPATCH (undefine_domain, "undefine domain");
}

gboolean
gvir_driver_connection_start_domain (GVirDriverConnection  *conn,
                                     const char            *uuid,
                                     guint                  flags,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  UUID_FLAGS_DISPATCH (start_domain, "start domain");
}

gboolean
gvir_driver_connection_destroy_domain (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       guint                  flags,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  UUID_FLAGS_DISPATCH (destroy_domain, "destroy domain");
}

gboolean
gvir_driver_connection_shutdown_domain (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        guint                  flags,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  UUID_FLAGS_DISPATCH (shutdown_domain, "shutdown domain");
}

gboolean
gvir_driver_connection_reboot_domain (GVirDriverConnection  *conn,
                                      const char            *uuid,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  UUID_FLAGS_DISPATCH (reboot_domain, "reboot domain");
}

gboolean
gvir_driver_connection_managed_save_domain (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  UUID_FLAGS_DISPATCH (managed_save_domain, "managed save domain");
}

gboolean
gvir_driver_connection_suspend_domain (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  const char *op = "suspend domain";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, suspend_domain, op, TRUE, uuid, cancellable, error);
}

gboolean
gvir_driver_connection_resume_domain (GVirDriverConnection  *conn,
                                      const char            *uuid,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "resume domain";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, resume_domain, op, TRUE, uuid, cancellable, error);
}

gboolean
gvir_driver_connection_save_domain_to_file (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            const char            *path,
                                            const char            *custom_xml,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "save domain to file";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg (path != NULL && *path != '\0', op, "no file name given", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, save_domain_to_file, op, TRUE, uuid, path, custom_xml, flags,
                   cancellable, error);
}

GVirDriverDomain *
gvir_driver_connection_restore_domain_from_file (GVirDriverConnection  *conn,
                                                 const char            *path,
                                                 const char            *custom_xml,
                                                 guint                  flags,
                                                 GCancellable          *cancellable,
                                                 GError               **error)
{
  const char *op = "restore domain from file";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (path != NULL && *path != '\0', op, "no file name given", error))
    return NULL;
  DOMAIN_DISPATCH (NULL, restore_domain_from_file, op, TRUE, path, custom_xml, flags,
                   cancellable, error);
}

char *
gvir_driver_connection_get_save_image_xml (GVirDriverConnection  *conn,
                                           const char            *path,
                                           guint                  flags,
                                           GCancellable          *cancellable,
                                           GError               **error)
{
  const char *op = "read the XML of a save image";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!gvir_driver_check_arg (path != NULL && *path != '\0', op, "no file name given", error) ||
      !gvir_driver_check_arg ((flags & ~GVIR_DRIVER_SAVE_IMAGE_XML_SECURE) == 0, op,
                              "unsupported flags", error))
    return NULL;
  /* As libvirt: secure parts (passwords) are for read-write clients only. */
  if ((flags & GVIR_DRIVER_SAVE_IMAGE_XML_SECURE) && gvir_driver_connection_is_read_only (conn))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_READ_ONLY,
                   "operation forbidden: virDomainSaveImageGetXMLDesc with secure flag");
      return NULL;
    }
  DOMAIN_DISPATCH (NULL, get_save_image_xml, op, FALSE, path, flags, cancellable, error);
}

gboolean
gvir_driver_connection_define_save_image_xml (GVirDriverConnection  *conn,
                                              const char            *path,
                                              const char            *xml,
                                              guint                  flags,
                                              GCancellable          *cancellable,
                                              GError               **error)
{
  const char *op = "replace the XML of a save image";
  const guint states = GVIR_DRIVER_SAVE_IMAGE_RUNNING | GVIR_DRIVER_SAVE_IMAGE_PAUSED;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!gvir_driver_check_arg (path != NULL && *path != '\0', op, "no file name given", error) ||
      !gvir_driver_check_arg (xml != NULL, op, "no XML given", error) ||
      !gvir_driver_check_arg ((flags & ~states) == 0, op, "unsupported flags", error) ||
      !gvir_driver_check_arg ((flags & states) != states, op,
                              "running and paused are mutually exclusive", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, define_save_image_xml, op, TRUE, path, xml, flags, cancellable, error);
}

/* ---- queries -------------------------------------------------------------------- */

gboolean
gvir_driver_connection_get_domain_info (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        GVirDriverDomainInfo  *info,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "get domain info";

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (info != NULL, FALSE);

  memset (info, 0, sizeof *info);
  if (!check_uuid (uuid, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, get_domain_info, op, FALSE, uuid, info, cancellable, error);
}

gboolean
gvir_driver_connection_get_domain_state (GVirDriverConnection  *conn,
                                         const char            *uuid,
                                         int                   *state,
                                         int                   *reason,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  const char *op = "get domain state";
  int dummy_state, dummy_reason;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, get_domain_state, op, FALSE, uuid,
                   state ? state : &dummy_state, reason ? reason : &dummy_reason,
                   cancellable, error);
}

char *
gvir_driver_connection_get_domain_xml (GVirDriverConnection  *conn,
                                       const char            *uuid,
                                       guint                  flags,
                                       GCancellable          *cancellable,
                                       GError               **error)
{
  const char *op = "get domain XML";

  g_return_val_if_fail (conn != NULL, NULL);

  if (!check_uuid (uuid, op, error))
    return NULL;
  DOMAIN_DISPATCH (NULL, get_domain_xml, op, FALSE, uuid, flags, cancellable, error);
}

/* libvirt's rules for virDomainGetVcpusFlags' flags, whatever the driver. */
static gboolean
check_vcpus_flags (guint    flags,
                   GError **error)
{
  const guint known = GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG |
                      GVIR_DRIVER_VCPUS_MAXIMUM | GVIR_DRIVER_VCPUS_GUEST;

  if (flags & ~known)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT, "unsupported flags (0x%x)",
                   flags & ~known);
      return FALSE;
    }
  if ((flags & GVIR_DRIVER_AFFECT_LIVE) && (flags & GVIR_DRIVER_AFFECT_CONFIG))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "invalid argument: flags 'affect live' and 'affect config' are mutually "
                   "exclusive");
      return FALSE;
    }
  return TRUE;
}

/* The counts of a driver that hot-plugs no vCPU: from the live XML for
 * LIVE (or neither flag on a running domain), else the persistent one;
 * <vcpu> is the maximum, its 'current' attribute the current count. */
static gint
vcpus_from_definition (GVirDriverConnection  *conn,
                       const char            *uuid,
                       guint                  flags,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr (GVirDriverDomain) dom = NULL;
  g_autoptr (GVirConfigDomain) config = NULL;
  g_autofree char *xml = NULL;
  guint64 maximum, current;
  gboolean live;

  if (flags & GVIR_DRIVER_VCPUS_GUEST)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "this function is not supported by the connection driver: "
                   "virDomainGetVcpusFlags with the guest flag (no guest agent)");
      return -1;
    }
  dom = gvir_driver_connection_lookup_domain_by_uuid (conn, uuid, cancellable, error);
  if (dom == NULL)
    return -1;
  live = (flags & GVIR_DRIVER_AFFECT_LIVE) ||
         (!(flags & GVIR_DRIVER_AFFECT_CONFIG) && dom->id >= 0);
  if (live && dom->id < 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID, "domain '%s' is not running",
                   dom->name);
      return -1;
    }
  xml = gvir_driver_connection_get_domain_xml (conn, uuid, live ? 0 : GVIR_DRIVER_XML_INACTIVE,
                                               cancellable, error);
  if (xml == NULL)
    return -1;
  config = gvir_config_domain_new_from_xml (xml, error);
  if (config == NULL)
    return -1;
  maximum = gvir_config_domain_get_vcpus (config);
  current = gvir_config_domain_get_current_vcpus (config);
  /* Without a 'current' attribute (0 here) every vCPU is online. */
  return (gint) ((flags & GVIR_DRIVER_VCPUS_MAXIMUM) || current == 0 ? maximum : current);
}

gint
gvir_driver_connection_get_domain_vcpus (GVirDriverConnection  *conn,
                                         const char            *uuid,
                                         guint                  flags,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  const char *op = "get domain vCPU count";

  g_return_val_if_fail (conn != NULL, -1);

  if (!check_uuid (uuid, op, error) || !check_vcpus_flags (flags, error))
    return -1;
  if (DOMAIN_TABLE != NULL && DOMAIN_TABLE->get_domain_vcpus != NULL)
    DOMAIN_DISPATCH (-1, get_domain_vcpus, op, FALSE, uuid, flags, cancellable, error);
  return vcpus_from_definition (conn, uuid, flags, cancellable, error);
}

gboolean
gvir_driver_connection_get_domain_autostart (GVirDriverConnection  *conn,
                                             const char            *uuid,
                                             gboolean              *autostart,
                                             GCancellable          *cancellable,
                                             GError               **error)
{
  const char *op = "get domain autostart";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg (autostart != NULL, op, "no autostart given", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, get_domain_autostart, op, FALSE, uuid, autostart, cancellable, error);
}

gboolean
gvir_driver_connection_set_domain_autostart (GVirDriverConnection  *conn,
                                             const char            *uuid,
                                             gboolean               autostart,
                                             GCancellable          *cancellable,
                                             GError               **error)
{
  const char *op = "set domain autostart";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error))
    return FALSE;
  /* Drivers compare it as a boolean; a stray non-zero value means "on". */
  DOMAIN_DISPATCH (FALSE, set_domain_autostart, op, TRUE, uuid, autostart != FALSE,
                   cancellable, error);
}

/* The caller may leave out either result; the driver always gets both. */
static gboolean
get_numa_parameters (GVirDriverConnection  *conn,
                     const char            *uuid,
                     guint                  flags,
                     int                   *mode,
                     char                 **nodeset,
                     GCancellable          *cancellable,
                     GError               **error)
{
  DOMAIN_DISPATCH (FALSE, get_numa_parameters, "get NUMA parameters", FALSE, uuid, flags,
                   mode, nodeset, cancellable, error);
}

gboolean
gvir_driver_connection_get_numa_parameters (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            guint                  flags,
                                            int                   *mode,
                                            char                 **nodeset,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  int dummy_mode;
  g_autofree char *set = NULL;

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, "get NUMA parameters", error) ||
      !get_numa_parameters (conn, uuid, flags, mode ? mode : &dummy_mode, &set,
                            cancellable, error))
    return FALSE;
  if (nodeset != NULL)
    *nodeset = g_steal_pointer (&set);
  return TRUE;
}

gboolean
gvir_driver_connection_set_numa_parameters (GVirDriverConnection  *conn,
                                            const char            *uuid,
                                            int                    mode,
                                            const char            *nodeset,
                                            guint                  flags,
                                            GCancellable          *cancellable,
                                            GError               **error)
{
  const char *op = "set NUMA parameters";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg (mode >= -1 && mode <= 3, op,
                              "the NUMA mode must be 0 (strict), 1 (preferred), 2 (interleave), "
                              "3 (restrictive) or -1 (unchanged)", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, set_numa_parameters, op, TRUE, uuid, mode, nodeset, flags,
                   cancellable, error);
}

/* ---- non-blocking queries --------------------------------------------------------- */

/* Which way a non-blocking query goes for @conn's driver. */
static GVirDriverPendingRoute
pending_route (gboolean has_non_blocking,
               gboolean has_blocking)
{
  if (has_non_blocking)
    return GVIR_DRIVER_PENDING_NON_BLOCKING;
  return has_blocking ? GVIR_DRIVER_PENDING_WORKER : GVIR_DRIVER_PENDING_NOT_SUPPORTED;
}

/* Starts @kind for the domain @uuid; a missing UUID fails at once. */
static void
start_domain_query (GVirDriverConnection         *conn,
                    const GVirDriverPendingKind  *kind,
                    GVirDriverPendingRoute        route,
                    const char                   *uuid,
                    GCancellable                 *cancellable,
                    GCallback                     done,
                    gpointer                      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!check_uuid (uuid, kind->operation, &error))
    kind->deliver (done, NULL, error, user_data);
  else
    gvir_driver_pending_start (conn, kind, route, g_strdup (uuid), g_free, cancellable,
                               done, user_data);
}

static void
info_answered (const GVirDriverDomainInfo *info,
               const GError               *error,
               gpointer                    pending)
{
  gvir_driver_pending_return (pending, info, error);
}

static void
info_start (const GVirDriver  *driver,
            gpointer           handle,
            gconstpointer      uuid,
            GCancellable      *cancellable,
            GVirDriverPending *pending)
{
  driver->domain->get_domain_info_async (handle, uuid, cancellable, info_answered, pending);
}

static gboolean
info_run_blocking (const GVirDriver  *driver,
                   gpointer           handle,
                   gconstpointer      uuid,
                   gpointer           answer,
                   GCancellable      *cancellable,
                   GError           **error)
{
  return driver->domain->get_domain_info (handle, uuid, answer, cancellable, error);
}

static void
info_deliver (GCallback      done,
              gconstpointer  answer,
              const GError  *error,
              gpointer       user_data)
{
  ((GVirDriverDomainInfoFunc) done) (answer, error, user_data);
}

static const GVirDriverPendingKind info_query = {
  .operation = "get domain info",
  .answer_size = sizeof (GVirDriverDomainInfo),
  .start = info_start,
  .run_blocking = info_run_blocking,
  .deliver = info_deliver,
};

void
gvir_driver_connection_get_domain_info_async (GVirDriverConnection     *conn,
                                              const char               *uuid,
                                              GCancellable             *cancellable,
                                              GVirDriverDomainInfoFunc  done,
                                              gpointer                  user_data)
{
  const GVirDriverDomainFuncs *table;

  g_return_if_fail (conn != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (done != NULL);

  table = DOMAIN_TABLE;
  start_domain_query (conn, &info_query,
                      pending_route (table != NULL && table->get_domain_info_async != NULL,
                                     table != NULL && table->get_domain_info != NULL),
                      uuid, cancellable, (GCallback) done, user_data);
}

typedef struct
{
  int state;
  int reason;
} StateAnswer;

static void
state_answered (int           state,
                int           reason,
                const GError *error,
                gpointer      pending)
{
  StateAnswer answer = { state, reason };

  gvir_driver_pending_return (pending, &answer, error);
}

static void
state_start (const GVirDriver  *driver,
             gpointer           handle,
             gconstpointer      uuid,
             GCancellable      *cancellable,
             GVirDriverPending *pending)
{
  driver->domain->get_domain_state_async (handle, uuid, cancellable, state_answered, pending);
}

static gboolean
state_run_blocking (const GVirDriver  *driver,
                    gpointer           handle,
                    gconstpointer      uuid,
                    gpointer           answer,
                    GCancellable      *cancellable,
                    GError           **error)
{
  StateAnswer *a = answer;

  return driver->domain->get_domain_state (handle, uuid, &a->state, &a->reason,
                                           cancellable, error);
}

static void
state_deliver (GCallback      done,
               gconstpointer  answer,
               const GError  *error,
               gpointer       user_data)
{
  const StateAnswer *a = answer;

  ((GVirDriverDomainStateFunc) done) (a != NULL ? a->state : GVIR_DRIVER_STATE_NOSTATE,
                                      a != NULL ? a->reason : 0, error, user_data);
}

static const GVirDriverPendingKind state_query = {
  .operation = "get domain state",
  .answer_size = sizeof (StateAnswer),
  .start = state_start,
  .run_blocking = state_run_blocking,
  .deliver = state_deliver,
};

void
gvir_driver_connection_get_domain_state_async (GVirDriverConnection      *conn,
                                               const char                *uuid,
                                               GCancellable              *cancellable,
                                               GVirDriverDomainStateFunc  done,
                                               gpointer                   user_data)
{
  const GVirDriverDomainFuncs *table;

  g_return_if_fail (conn != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));
  g_return_if_fail (done != NULL);

  table = DOMAIN_TABLE;
  start_domain_query (conn, &state_query,
                      pending_route (table != NULL && table->get_domain_state_async != NULL,
                                     table != NULL && table->get_domain_state != NULL),
                      uuid, cancellable, (GCallback) done, user_data);
}

/* ---- devices and the guest ---------------------------------------------------- */

static gboolean
check_device_name (const char  *name,
                   const char  *operation,
                   GError     **error)
{
  return gvir_driver_check_arg (name != NULL && *name != '\0', operation,
                                "no device name given", error);
}

gboolean
gvir_driver_connection_get_block_stats (GVirDriverConnection  *conn,
                                        const char            *uuid,
                                        const char            *disk,
                                        GVirDriverBlockStats  *stats,
                                        GCancellable          *cancellable,
                                        GError               **error)
{
  const char *op = "get disk statistics";

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  if (!check_uuid (uuid, op, error) || !check_device_name (disk, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, get_block_stats, op, FALSE, uuid, disk, stats, cancellable, error);
}

gboolean
gvir_driver_connection_get_interface_stats (GVirDriverConnection      *conn,
                                            const char                *uuid,
                                            const char                *device,
                                            GVirDriverInterfaceStats  *stats,
                                            GCancellable              *cancellable,
                                            GError                   **error)
{
  const char *op = "get interface statistics";

  g_return_val_if_fail (conn != NULL, FALSE);
  g_return_val_if_fail (stats != NULL, FALSE);

  if (!check_uuid (uuid, op, error) || !check_device_name (device, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, get_interface_stats, op, FALSE, uuid, device, stats, cancellable,
                   error);
}

gboolean
gvir_driver_connection_resize_block (GVirDriverConnection  *conn,
                                     const char            *uuid,
                                     const char            *disk,
                                     guint64                size,
                                     guint                  flags,
                                     GCancellable          *cancellable,
                                     GError               **error)
{
  const char *op = "resize disk";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) || !check_device_name (disk, op, error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, resize_block, op, TRUE, uuid, disk, size, flags, cancellable, error);
}

gboolean
gvir_driver_connection_update_device (GVirDriverConnection  *conn,
                                      const char            *uuid,
                                      const char            *xml,
                                      guint                  flags,
                                      GCancellable          *cancellable,
                                      GError               **error)
{
  const char *op = "update device";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg (xml != NULL, op, "no device XML given", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, update_device, op, TRUE, uuid, xml, flags, cancellable, error);
}

gboolean
gvir_driver_connection_set_time (GVirDriverConnection  *conn,
                                 const char            *uuid,
                                 gint64                 seconds,
                                 guint                  nseconds,
                                 guint                  flags,
                                 GCancellable          *cancellable,
                                 GError               **error)
{
  const char *op = "set guest time";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg (nseconds < 1000000000u, op,
                              "nanoseconds must be below one second", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, set_time, op, TRUE, uuid, seconds, nseconds, flags, cancellable,
                   error);
}

gboolean
gvir_driver_connection_pm_wakeup (GVirDriverConnection  *conn,
                                  const char            *uuid,
                                  guint                  flags,
                                  GCancellable          *cancellable,
                                  GError               **error)
{
  UUID_FLAGS_DISPATCH (pm_wakeup, "wake up domain");
}

/* ---- the memory balloon ------------------------------------------------------- */

gboolean
gvir_driver_connection_set_memory (GVirDriverConnection  *conn,
                                   const char            *uuid,
                                   guint64                kib,
                                   guint                  flags,
                                   GCancellable          *cancellable,
                                   GError               **error)
{
  const char *op = "set domain memory";

  g_return_val_if_fail (conn != NULL, FALSE);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg ((flags & ~(GVIR_DRIVER_AFFECT_LIVE | GVIR_DRIVER_AFFECT_CONFIG |
                                         GVIR_DRIVER_MEM_MAXIMUM)) == 0,
                              op, "unsupported flags", error))
    return FALSE;
  DOMAIN_DISPATCH (FALSE, set_memory, op, TRUE, uuid, kib, flags, cancellable, error);
}

int
gvir_driver_connection_get_memory_stats (GVirDriverConnection  *conn,
                                         const char            *uuid,
                                         GVirDriverMemoryStat  *stats,
                                         guint                  max_stats,
                                         guint                  flags,
                                         GCancellable          *cancellable,
                                         GError               **error)
{
  const char *op = "get memory statistics";

  g_return_val_if_fail (conn != NULL, -1);
  g_return_val_if_fail (stats != NULL || max_stats == 0, -1);

  if (!check_uuid (uuid, op, error) ||
      !gvir_driver_check_arg (max_stats <= GVIR_DRIVER_MEMORY_STATS_MAX, op,
                              "too many statistics asked for", error) ||
      !gvir_driver_check_arg (flags == 0, op, "unsupported flags", error))
    return -1;
  DOMAIN_DISPATCH (-1, get_memory_stats, op, FALSE, uuid, stats, max_stats, flags, cancellable,
                   error);
}
