/*
 * gvir-test-snapshot.c: domain snapshots of the test driver
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

#include "gvir-test-snapshot-private.h"

/*
 * As in libvirt's test driver, a snapshot is metadata only: the domain's
 * definition and run state when it was taken. Reverting brings both
 * back. Snapshots form a tree (each names the one that was current when
 * it was taken as its parent); one of them may be the current snapshot.
 */

typedef struct
{
  char *name;
  char *description;      /* NULL when none */
  char *parent;           /* NULL for a root */
  GVirConfigDomain *def;  /* the domain's definition when taken */
  int state;              /* GVIR_DRIVER_STATE_*, or DISK_ONLY_STATE */
  gint64 creation_time;   /* seconds since the epoch */
} TestSnapshot;

/* libvirt's "disk-snapshot" state, of a snapshot of the disks alone. */
#define DISK_ONLY_STATE 100

struct _GVirTestSnapshots
{
  GPtrArray *list;        /* TestSnapshot, in creation order */
  char *current;          /* the current snapshot's name, or NULL */
};

static void
test_snapshot_free (gpointer data)
{
  TestSnapshot *snap = data;

  g_free (snap->name);
  g_free (snap->description);
  g_free (snap->parent);
  g_clear_object (&snap->def);
  g_free (snap);
}

void
gvir_test_snapshots_free (GVirTestSnapshots *snapshots)
{
  g_ptr_array_unref (snapshots->list);
  g_free (snapshots->current);
  g_free (snapshots);
}

guint
gvir_test_snapshots_count (const GVirTestSnapshots *snapshots)
{
  return snapshots != NULL ? snapshots->list->len : 0;
}

static GVirTestSnapshots *
snapshots_ensure (GVirTestSnapshots **snapshots)
{
  if (*snapshots == NULL)
    {
      *snapshots = g_new0 (GVirTestSnapshots, 1);
      (*snapshots)->list = g_ptr_array_new_with_free_func (test_snapshot_free);
    }
  return *snapshots;
}

static TestSnapshot *
snapshots_find (const GVirTestSnapshots *snapshots,
                const char              *name)
{
  guint i;

  for (i = 0; i < gvir_test_snapshots_count (snapshots); i++)
    {
      TestSnapshot *snap = snapshots->list->pdata[i];

      if (g_str_equal (snap->name, name))
        return snap;
    }
  return NULL;
}

static TestSnapshot *
snapshots_get (GVirTestDomainRef  *ref,
               const char         *name,
               GError            **error)
{
  TestSnapshot *snap = snapshots_find (*gvir_test_domain_ref_snapshots (ref), name);

  if (snap == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                 "domain '%s' has no snapshot named '%s'",
                 gvir_test_domain_ref_get_name (ref), name);
  return snap;
}

static gboolean
has_children (const GVirTestSnapshots *snapshots,
              const char              *name)
{
  guint i;

  for (i = 0; i < snapshots->list->len; i++)
    {
      TestSnapshot *snap = snapshots->list->pdata[i];

      if (g_strcmp0 (snap->parent, name) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether @snap descends from the snapshot named @ancestor. */
static gboolean
descends_from (const GVirTestSnapshots *snapshots,
               const TestSnapshot      *snap,
               const char              *ancestor)
{
  while (snap->parent != NULL)
    {
      if (g_str_equal (snap->parent, ancestor))
        return TRUE;
      snap = snapshots_find (snapshots, snap->parent);
      if (snap == NULL)
        return FALSE;
    }
  return FALSE;
}

/* Replaces the string *@str with a copy of @value (g_set_str() needs GLib 2.76). */
static void
set_str (char       **str,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*str);
  *str = copy;
}

/* ---- the XML ---------------------------------------------------------------- */

static const char *
state_name (int state)
{
  switch (state)
    {
    case GVIR_DRIVER_STATE_RUNNING:
      return "running";
    case GVIR_DRIVER_STATE_PAUSED:
      return "paused";
    case DISK_ONLY_STATE:
      return "disk-snapshot";
    default:
      return "shutoff";
    }
}

static char *
format_snapshot (const TestSnapshot *snap)
{
  GString *xml = g_string_new ("<domainsnapshot>\n");
  g_autofree char *name = g_markup_escape_text (snap->name, -1);
  g_autofree char *def = gvir_test_def_format (snap->def, 0);
  gboolean has_memory = snap->state == GVIR_DRIVER_STATE_RUNNING ||
                        snap->state == GVIR_DRIVER_STATE_PAUSED;

  g_string_append_printf (xml, "  <name>%s</name>\n", name);
  if (snap->description != NULL)
    {
      g_autofree char *description = g_markup_escape_text (snap->description, -1);

      g_string_append_printf (xml, "  <description>%s</description>\n", description);
    }
  g_string_append_printf (xml, "  <state>%s</state>\n", state_name (snap->state));
  if (snap->parent != NULL)
    {
      g_autofree char *parent = g_markup_escape_text (snap->parent, -1);

      g_string_append_printf (xml, "  <parent>\n    <name>%s</name>\n  </parent>\n", parent);
    }
  g_string_append_printf (xml, "  <creationTime>%" G_GINT64_FORMAT "</creationTime>\n",
                          snap->creation_time);
  g_string_append_printf (xml, "  <memory snapshot='%s'/>\n", has_memory ? "internal" : "no");
  g_string_append (xml, def);
  g_string_append (xml, "\n</domainsnapshot>\n");
  return g_string_free (xml, FALSE);
}

/* Reads the caller's <domainsnapshot>; a GVIR_ERROR_XML error otherwise. */
static GVirConfigDomainSnapshot *
parse_snapshot (const char  *xml,
                GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  GVirConfigDomainSnapshot *conf = gvir_config_domain_snapshot_new_from_xml (xml, &parse_error);

  if (conf == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                 "invalid snapshot XML: %s", parse_error->message);
  return conf;
}

/* ---- listing ------------------------------------------------------------------ */

#define LIST_KIND_FLAGS (GVIR_DRIVER_SNAPSHOT_LIST_INACTIVE | GVIR_DRIVER_SNAPSHOT_LIST_ACTIVE | \
                         GVIR_DRIVER_SNAPSHOT_LIST_DISK_ONLY)

/* libvirt's filters: each pair of opposites (leaves / no leaves, metadata
 * / no metadata, internal / external) filters only when one of the two is
 * given; the three kinds (inactive, active, disk-only) add up. */
static gboolean
snapshot_matches (const GVirTestSnapshots *snapshots,
                  const TestSnapshot      *snap,
                  guint                    flags)
{
  guint leaves = flags & (GVIR_DRIVER_SNAPSHOT_LIST_LEAVES | GVIR_DRIVER_SNAPSHOT_LIST_NO_LEAVES);
  guint kinds = flags & LIST_KIND_FLAGS;

  if ((flags & GVIR_DRIVER_SNAPSHOT_LIST_ROOTS) && snap->parent != NULL)
    return FALSE;
  if (leaves == GVIR_DRIVER_SNAPSHOT_LIST_LEAVES && has_children (snapshots, snap->name))
    return FALSE;
  if (leaves == GVIR_DRIVER_SNAPSHOT_LIST_NO_LEAVES && !has_children (snapshots, snap->name))
    return FALSE;
  /* Every snapshot here has metadata and is internal. */
  if ((flags & (GVIR_DRIVER_SNAPSHOT_LIST_METADATA | GVIR_DRIVER_SNAPSHOT_LIST_NO_METADATA)) ==
      GVIR_DRIVER_SNAPSHOT_LIST_NO_METADATA)
    return FALSE;
  if ((flags & (GVIR_DRIVER_SNAPSHOT_LIST_INTERNAL | GVIR_DRIVER_SNAPSHOT_LIST_EXTERNAL)) ==
      GVIR_DRIVER_SNAPSHOT_LIST_EXTERNAL)
    return FALSE;
  if (kinds == 0)
    return TRUE;
  if (snap->state == DISK_ONLY_STATE)
    return (kinds & GVIR_DRIVER_SNAPSHOT_LIST_DISK_ONLY) != 0;
  if (snap->state == GVIR_DRIVER_STATE_SHUTOFF)
    return (kinds & GVIR_DRIVER_SNAPSHOT_LIST_INACTIVE) != 0;
  return (kinds & GVIR_DRIVER_SNAPSHOT_LIST_ACTIVE) != 0;
}

typedef struct
{
  guint flags;
  GStrv names;
} ListCall;

static gboolean
list_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  ListCall *call = data;
  const GVirTestSnapshots *snapshots = *gvir_test_domain_ref_snapshots (ref);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  guint i;

  for (i = 0; i < gvir_test_snapshots_count (snapshots); i++)
    {
      TestSnapshot *snap = snapshots->list->pdata[i];

      if (snapshot_matches (snapshots, snap, call->flags))
        g_strv_builder_add (names, snap->name);
    }
  call->names = g_strv_builder_end (names);
  return TRUE;
}

GStrv
gvir_test_list_snapshots (gpointer       handle,
                          const char    *uuid,
                          guint          flags,
                          GCancellable  *cancellable,
                          GError       **error)
{
  ListCall call = { flags, NULL };

  if (!gvir_test_with_domain (handle, uuid, list_in_domain, &call, error))
    return NULL;
  return call.names;
}

/* ---- creating ------------------------------------------------------------------- */

typedef struct
{
  GVirConfigDomainSnapshot *conf;
  guint flags;
  char *name;             /* the result */
} CreateCall;

#define CREATE_FLAGS (GVIR_DRIVER_SNAPSHOT_CREATE_REDEFINE | GVIR_DRIVER_SNAPSHOT_CREATE_CURRENT | \
                      GVIR_DRIVER_SNAPSHOT_CREATE_NO_METADATA | GVIR_DRIVER_SNAPSHOT_CREATE_HALT | \
                      GVIR_DRIVER_SNAPSHOT_CREATE_DISK_ONLY)

static gboolean
check_create_flags (GVirTestDomainRef  *ref,
                    guint               flags,
                    GError            **error)
{
  if (flags & ~CREATE_FLAGS)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "cannot create snapshot: unsupported flags 0x%x", flags & ~CREATE_FLAGS);
      return FALSE;
    }
  if ((flags & GVIR_DRIVER_SNAPSHOT_CREATE_CURRENT) &&
      !(flags & GVIR_DRIVER_SNAPSHOT_CREATE_REDEFINE))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot create snapshot: 'current' only applies to a redefinition");
      return FALSE;
    }
  if ((flags & GVIR_DRIVER_SNAPSHOT_CREATE_HALT) &&
      gvir_test_domain_ref_get_state (ref) == GVIR_DRIVER_STATE_SHUTOFF)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot halt domain '%s' after its snapshot: it is not running",
                   gvir_test_domain_ref_get_name (ref));
      return FALSE;
    }
  return TRUE;
}

/* Redefinition: an existing snapshot gets the new description (and may
 * become current); a new name defines a new snapshot. */
static gboolean
redefine (GVirTestDomainRef *ref, CreateCall *call, GError **error)
{
  GVirTestSnapshots *snapshots = snapshots_ensure (gvir_test_domain_ref_snapshots (ref));
  const char *name = gvir_config_domain_snapshot_get_name (call->conf);
  TestSnapshot *snap;

  if (name == NULL || name[0] == '\0')
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "cannot redefine snapshot of domain '%s': the XML has no name",
                   gvir_test_domain_ref_get_name (ref));
      return FALSE;
    }
  snap = snapshots_find (snapshots, name);
  if (snap == NULL)
    {
      snap = g_new0 (TestSnapshot, 1);
      snap->name = g_strdup (name);
      snap->parent = g_strdup (gvir_config_domain_snapshot_get_parent (call->conf));
      snap->def = g_object_ref (gvir_test_domain_ref_get_def (ref));
      snap->state = gvir_test_domain_ref_get_state (ref);
      snap->creation_time = g_get_real_time () / G_USEC_PER_SEC;
      g_ptr_array_add (snapshots->list, snap);
    }
  g_free (snap->description);
  snap->description = g_strdup (gvir_config_domain_snapshot_get_description (call->conf));
  if (call->flags & GVIR_DRIVER_SNAPSHOT_CREATE_CURRENT)
    set_str (&snapshots->current, name);
  call->name = g_strdup (name);
  return TRUE;
}

static TestSnapshot *
snapshot_take (GVirTestDomainRef *ref, CreateCall *call)
{
  TestSnapshot *snap = g_new0 (TestSnapshot, 1);
  const char *name = gvir_config_domain_snapshot_get_name (call->conf);

  snap->creation_time = g_get_real_time () / G_USEC_PER_SEC;
  /* libvirt names an unnamed snapshot after its creation time. */
  snap->name = name != NULL && name[0] != '\0'
               ? g_strdup (name) : g_strdup_printf ("%" G_GINT64_FORMAT, snap->creation_time);
  snap->description = g_strdup (gvir_config_domain_snapshot_get_description (call->conf));
  snap->def = g_object_ref (gvir_test_domain_ref_get_def (ref));
  snap->state = (call->flags & GVIR_DRIVER_SNAPSHOT_CREATE_DISK_ONLY)
                ? DISK_ONLY_STATE : gvir_test_domain_ref_get_state (ref);
  return snap;
}

static gboolean
create_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  CreateCall *call = data;
  GVirTestSnapshots *snapshots;
  TestSnapshot *snap;

  if (!check_create_flags (ref, call->flags, error))
    return FALSE;
  if (call->flags & GVIR_DRIVER_SNAPSHOT_CREATE_REDEFINE)
    return redefine (ref, call, error);

  snapshots = snapshots_ensure (gvir_test_domain_ref_snapshots (ref));
  snap = snapshot_take (ref, call);
  if (snapshots_find (snapshots, snap->name) != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "domain '%s' already has a snapshot named '%s'",
                   gvir_test_domain_ref_get_name (ref), snap->name);
      test_snapshot_free (snap);
      return FALSE;
    }
  call->name = g_strdup (snap->name);
  if (call->flags & GVIR_DRIVER_SNAPSHOT_CREATE_NO_METADATA)
    test_snapshot_free (snap);
  else
    {
      snap->parent = g_strdup (snapshots->current);
      set_str (&snapshots->current, snap->name);
      g_ptr_array_add (snapshots->list, snap);
    }
  /* Last: a transient domain disappears when halted. */
  if (call->flags & GVIR_DRIVER_SNAPSHOT_CREATE_HALT)
    gvir_test_domain_ref_revert (ref, g_object_ref (gvir_test_domain_ref_get_def (ref)),
                                 GVIR_DRIVER_STATE_SHUTOFF);
  return TRUE;
}

char *
gvir_test_create_snapshot (gpointer       handle,
                           const char    *uuid,
                           const char    *xml,
                           guint          flags,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GVirConfigDomainSnapshot) conf = parse_snapshot (xml, error);
  CreateCall call = { conf, flags, NULL };

  if (conf == NULL || !gvir_test_with_domain (handle, uuid, create_in_domain, &call, error))
    return NULL;
  return call.name;
}

/* ---- one snapshot ---------------------------------------------------------------- */

typedef struct
{
  const char *name;
  guint flags;
  gpointer result;
} SnapshotCall;

static gboolean
xml_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  SnapshotCall *call = data;
  TestSnapshot *snap = snapshots_get (ref, call->name, error);

  if (snap == NULL)
    return FALSE;
  call->result = format_snapshot (snap);
  return TRUE;
}

char *
gvir_test_get_snapshot_xml (gpointer       handle,
                            const char    *uuid,
                            const char    *name,
                            guint          flags,
                            GCancellable  *cancellable,
                            GError       **error)
{
  SnapshotCall call = { name, flags, NULL };

  if (!gvir_test_with_domain (handle, uuid, xml_in_domain, &call, error))
    return NULL;
  return call.result;
}

static gboolean
is_current_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  SnapshotCall *call = data;
  GVirTestSnapshots *snapshots = *gvir_test_domain_ref_snapshots (ref);

  if (!gvir_test_check_no_flags (call->flags, "ask whether a snapshot is current", error) ||
      snapshots_get (ref, call->name, error) == NULL)
    return FALSE;
  *(gboolean *) call->result = g_strcmp0 (snapshots->current, call->name) == 0;
  return TRUE;
}

gboolean
gvir_test_snapshot_is_current (gpointer       handle,
                               const char    *uuid,
                               const char    *name,
                               guint          flags,
                               gboolean      *is_current,
                               GCancellable  *cancellable,
                               GError       **error)
{
  SnapshotCall call = { name, flags, is_current };

  return gvir_test_with_domain (handle, uuid, is_current_in_domain, &call, error);
}

static gboolean
has_current_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  SnapshotCall *call = data;
  GVirTestSnapshots *snapshots = *gvir_test_domain_ref_snapshots (ref);

  if (!gvir_test_check_no_flags (call->flags, "ask whether a domain has a current snapshot", error))
    return FALSE;
  *(gboolean *) call->result = snapshots != NULL && snapshots->current != NULL;
  return TRUE;
}

gboolean
gvir_test_has_current_snapshot (gpointer       handle,
                                const char    *uuid,
                                guint          flags,
                                gboolean      *has_current,
                                GCancellable  *cancellable,
                                GError       **error)
{
  SnapshotCall call = { NULL, flags, has_current };

  return gvir_test_with_domain (handle, uuid, has_current_in_domain, &call, error);
}

static gboolean
current_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  SnapshotCall *call = data;
  GVirTestSnapshots *snapshots = *gvir_test_domain_ref_snapshots (ref);

  if (!gvir_test_check_no_flags (call->flags, "get the current snapshot", error))
    return FALSE;
  if (snapshots == NULL || snapshots->current == NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND, "domain '%s' has no current snapshot",
                   gvir_test_domain_ref_get_name (ref));
      return FALSE;
    }
  call->result = g_strdup (snapshots->current);
  return TRUE;
}

char *
gvir_test_dup_current_snapshot (gpointer       handle,
                                const char    *uuid,
                                guint          flags,
                                GCancellable  *cancellable,
                                GError       **error)
{
  SnapshotCall call = { NULL, flags, NULL };

  if (!gvir_test_with_domain (handle, uuid, current_in_domain, &call, error))
    return NULL;
  return call.result;
}

/* ---- deleting ------------------------------------------------------------------- */

/* Removes @snap (not its children, which its parent adopts). */
static void
remove_one (GVirTestSnapshots *snapshots,
            TestSnapshot      *snap)
{
  guint i;

  for (i = 0; i < snapshots->list->len; i++)
    {
      TestSnapshot *child = snapshots->list->pdata[i];

      if (g_strcmp0 (child->parent, snap->name) == 0)
        set_str (&child->parent, snap->parent);
    }
  /* The current snapshot's place goes to its parent, as in libvirt. */
  if (g_strcmp0 (snapshots->current, snap->name) == 0)
    set_str (&snapshots->current, snap->parent);
  g_ptr_array_remove (snapshots->list, snap);
}

/* Removes every descendant of @name, leaves first. */
static void
remove_descendants (GVirTestSnapshots *snapshots,
                    const char        *name)
{
  guint i = snapshots->list->len;

  while (i-- > 0)
    {
      TestSnapshot *snap = snapshots->list->pdata[i];

      if (descends_from (snapshots, snap, name) && !has_children (snapshots, snap->name))
        {
          remove_one (snapshots, snap);
          i = snapshots->list->len;
        }
    }
}

#define DELETE_FLAGS (GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN | \
                      GVIR_DRIVER_SNAPSHOT_DELETE_METADATA_ONLY | \
                      GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN_ONLY)

static gboolean
delete_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  SnapshotCall *call = data;
  GVirTestSnapshots *snapshots = *gvir_test_domain_ref_snapshots (ref);
  TestSnapshot *snap;
  g_autofree char *name = g_strdup (call->name);

  if (call->flags & ~DELETE_FLAGS)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_SUPPORTED,
                   "cannot delete snapshot: unsupported flags 0x%x", call->flags & ~DELETE_FLAGS);
      return FALSE;
    }
  snap = snapshots_get (ref, name, error);
  if (snap == NULL)
    return FALSE;
  if (call->flags & (GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN |
                     GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN_ONLY))
    remove_descendants (snapshots, name);
  if (!(call->flags & GVIR_DRIVER_SNAPSHOT_DELETE_CHILDREN_ONLY))
    remove_one (snapshots, snap);
  return TRUE;
}

gboolean
gvir_test_delete_snapshot (gpointer       handle,
                           const char    *uuid,
                           const char    *name,
                           guint          flags,
                           GCancellable  *cancellable,
                           GError       **error)
{
  SnapshotCall call = { name, flags, NULL };

  return gvir_test_with_domain (handle, uuid, delete_in_domain, &call, error);
}

/* ---- reverting ------------------------------------------------------------------ */

/* The run state a revert leaves the domain in: the snapshot's, unless the
 * caller asks for running or paused. */
static int
revert_target (const TestSnapshot *snap,
               guint               flags)
{
  if (flags & GVIR_DRIVER_SNAPSHOT_REVERT_RUNNING)
    return GVIR_DRIVER_STATE_RUNNING;
  if (flags & GVIR_DRIVER_SNAPSHOT_REVERT_PAUSED)
    return GVIR_DRIVER_STATE_PAUSED;
  if (snap->state == GVIR_DRIVER_STATE_RUNNING || snap->state == GVIR_DRIVER_STATE_PAUSED)
    return snap->state;
  return GVIR_DRIVER_STATE_SHUTOFF;
}

static gboolean
revert_in_domain (GVirTestDomainRef *ref, gpointer data, GError **error)
{
  SnapshotCall *call = data;
  GVirTestSnapshots *snapshots = *gvir_test_domain_ref_snapshots (ref);
  TestSnapshot *snap = snapshots_get (ref, call->name, error);
  int target;

  if (snap == NULL)
    return FALSE;
  target = revert_target (snap, call->flags);
  if (target == GVIR_DRIVER_STATE_SHUTOFF && !gvir_test_domain_ref_is_persistent (ref))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                   "cannot revert transient domain '%s' to inactive snapshot '%s': "
                   "it would disappear", gvir_test_domain_ref_get_name (ref), snap->name);
      return FALSE;
    }
  set_str (&snapshots->current, snap->name);
  gvir_test_domain_ref_revert (ref, g_object_ref (snap->def), target);
  return TRUE;
}

gboolean
gvir_test_revert_to_snapshot (gpointer       handle,
                              const char    *uuid,
                              const char    *name,
                              guint          flags,
                              GCancellable  *cancellable,
                              GError       **error)
{
  SnapshotCall call = { name, flags, NULL };

  return gvir_test_with_domain (handle, uuid, revert_in_domain, &call, error);
}
