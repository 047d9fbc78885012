/*
 * gvir-test-storage.c: storage pools and volumes of the test driver
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * As libvirt's test driver: a pool started (or loaded) has 100 GiB of
 * capacity; a volume's allocation is taken from its pool's available
 * space; a volume's path is the pool's target path and its name, and its
 * key is that path. Pools and volumes are kept as libvirt-gconfig
 * objects, touched only under the storage lock.
 *
 * Unlike libvirt's test driver, which refuses virStorageVolUpload and
 * virStorageVolDownload (not supported), ours keeps each volume's bytes in
 * memory (sparse: bytes never written read as zero), so that what is
 * uploaded can be downloaded again.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "gvir-test-private.h"
#include "gvir-test-storage-private.h"
#include "libvirt-gobject/util/gvir-uuid-private.h"
#include "libvirt-gconfig/libvirt-gconfig-object-private.h"
#include "../gvir-driver-xml-private.h"

#define TEST_POOL_CAPACITY (G_GUINT64_CONSTANT (100) * 1024 * 1024 * 1024)

/* Where a volume's GVirConfigStorageVol keeps its bytes (a GVirTestVolData),
 * made on the first transfer. */
#define VOL_DATA_KEY "gvir-test-vol-data"

typedef struct
{
  GVirConfigStoragePool *def;
  char *uuid;                   /* canonical, as in @def */
  gboolean active;
  gboolean persistent;
  gboolean autostart;
  GPtrArray *volumes;           /* GVirConfigStorageVol *, in creation order */
} TestPool;

struct _GVirTestStorage
{
  GMutex lock;
  GPtrArray *pools;             /* TestPool *, in definition order */
};

/* ---- pools -------------------------------------------------------------- */

static void
test_pool_free (gpointer data)
{
  TestPool *pool = data;

  g_clear_object (&pool->def);
  g_free (pool->uuid);
  g_ptr_array_unref (pool->volumes);
  g_free (pool);
}

GVirTestStorage *
gvir_test_storage_new (void)
{
  GVirTestStorage *storage = g_new0 (GVirTestStorage, 1);

  g_mutex_init (&storage->lock);
  storage->pools = g_ptr_array_new_with_free_func (test_pool_free);
  return storage;
}

void
gvir_test_storage_free (GVirTestStorage *storage)
{
  if (storage == NULL)
    return;
  g_ptr_array_unref (storage->pools);
  g_mutex_clear (&storage->lock);
  g_free (storage);
}

static const char *
pool_name (const TestPool *pool)
{
  return gvir_config_storage_pool_get_name (pool->def);
}

/* The target directory volumes live in ("" when the pool names none). */
static char *
pool_dup_target_path (const TestPool *pool)
{
  g_autoptr(GVirConfigStoragePoolTarget) target = gvir_config_storage_pool_get_target (pool->def);
  const char *path = target ? gvir_config_storage_pool_target_get_path (target) : NULL;

  return g_strdup (path ? path : "");
}

/* libvirt's test driver gives every pool it starts its fixed size, less
 * what the volumes take. */
static void
pool_set_sizes (TestPool *pool, guint64 allocation)
{
  gvir_config_storage_pool_set_capacity (pool->def, TEST_POOL_CAPACITY);
  gvir_config_storage_pool_set_allocation (pool->def, allocation);
  gvir_config_storage_pool_set_available (pool->def, TEST_POOL_CAPACITY - allocation);
}

/* The pool's document as libvirt's formatter writes it. */
static char *
pool_format_xml (const TestPool *pool)
{
  static const char *const order[] = {
    "name", "uuid", "capacity", "allocation", "available", "source", "target",
    "target/path", "target/permissions", NULL
  };
  static const char *const sizes[] = { "capacity", "allocation", "available", NULL };
  static const char *const open_empty[] = { "source", NULL };

  return gvir_driver_xml_format_ordered (GVIR_CONFIG_OBJECT (pool->def), order, sizes, open_empty);
}

/* The volume's document as libvirt's formatter writes it. */
static char *
vol_format_xml (GVirConfigStorageVol *vol)
{
  static const char *const order[] = {
    "name", "key", "source", "capacity", "allocation", "physical", "target", "backingStore",
    "target/path", "target/format", "target/permissions", NULL
  };
  static const char *const sizes[] = { "capacity", "allocation", "physical", NULL };

  return gvir_driver_xml_format_ordered (GVIR_CONFIG_OBJECT (vol), order, sizes, NULL);
}

static GVirDriverStoragePool *
pool_describe (const TestPool *pool)
{
  GVirDriverStoragePool *d = g_new0 (GVirDriverStoragePool, 1);

  d->name = g_strdup (pool_name (pool));
  d->uuid = g_strdup (pool->uuid);
  d->active = pool->active;
  d->persistent = pool->persistent;
  d->autostart = pool->autostart;
  d->type = g_strdup (gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (pool->def), NULL,
                                                        "type"));
  return d;
}

static TestPool *
storage_find_uuid (GVirTestStorage *storage, const char *uuid)
{
  char canonical[GVIR_UUID_STRING_SIZE];
  guint i;

  if (!gvir_uuid_canonicalize (uuid, canonical))
    return NULL;
  for (i = 0; i < storage->pools->len; i++)
    {
      TestPool *pool = storage->pools->pdata[i];

      if (g_str_equal (pool->uuid, canonical))
        return pool;
    }
  return NULL;
}

static TestPool *
storage_find_name (GVirTestStorage *storage, const char *name)
{
  guint i;

  for (i = 0; i < storage->pools->len; i++)
    {
      TestPool *pool = storage->pools->pdata[i];

      if (g_strcmp0 (pool_name (pool), name) == 0)
        return pool;
    }
  return NULL;
}

/* The pool @uuid, or NULL with NOT_FOUND. */
static TestPool *
storage_get (GVirTestStorage *storage, const char *uuid, GError **error)
{
  TestPool *pool = storage_find_uuid (storage, uuid);

  if (pool == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                 "no storage pool with matching uuid '%s'", uuid);
  return pool;
}

static gboolean
pool_check_active (const TestPool *pool, gboolean want_active, GError **error)
{
  if (pool->active == want_active)
    return TRUE;
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
               want_active ? "storage pool '%s' is not active"
                           : "storage pool '%s' is still active",
               pool_name (pool));
  return FALSE;
}

/* The pool @uuid when it is (or is not) active, else NULL with the error. */
static TestPool *
storage_get_in_state (GVirTestStorage *storage, const char *uuid, gboolean active,
                      GError **error)
{
  TestPool *pool = storage_get (storage, uuid, error);

  if (pool == NULL || !pool_check_active (pool, active, error))
    return NULL;
  return pool;
}

/* ---- volumes ------------------------------------------------------------ */

static guint64
pool_volumes_allocation (const TestPool *pool)
{
  guint64 total = 0;
  guint i;

  for (i = 0; i < pool->volumes->len; i++)
    total += gvir_config_storage_vol_get_allocation (pool->volumes->pdata[i]);
  return total;
}

static void
pool_update_sizes (TestPool *pool)
{
  pool_set_sizes (pool, pool_volumes_allocation (pool));
}

static GVirConfigStorageVol *
pool_find_volume (const TestPool *pool, const char *name, guint *index)
{
  guint i;

  for (i = 0; i < pool->volumes->len; i++)
    {
      if (g_strcmp0 (gvir_config_storage_vol_get_name (pool->volumes->pdata[i]), name) == 0)
        {
          if (index != NULL)
            *index = i;
          return pool->volumes->pdata[i];
        }
    }
  return NULL;
}

static GVirConfigStorageVol *
pool_get_volume (const TestPool *pool, const char *name, guint *index, GError **error)
{
  GVirConfigStorageVol *vol = pool_find_volume (pool, name, index);

  if (vol == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_NOT_FOUND,
                 "no storage vol with matching name '%s'", name);
  return vol;
}

static char *
vol_dup_path (GVirConfigStorageVol *vol)
{
  g_autoptr(GVirConfigStorageVolTarget) target = gvir_config_storage_vol_get_target (vol);

  return g_strdup (target ? gvir_config_storage_vol_target_get_path (target) : NULL);
}

static GVirDriverStorageVol *
vol_describe (GVirConfigStorageVol *vol)
{
  GVirDriverStorageVol *d = g_new0 (GVirDriverStorageVol, 1);

  d->name = g_strdup (gvir_config_storage_vol_get_name (vol));
  d->path = vol_dup_path (vol);
  d->key = g_strdup (gvir_config_storage_vol_get_key (vol));
  d->type = GVIR_DRIVER_VOL_FILE;
  d->capacity = gvir_config_storage_vol_get_capacity (vol);
  d->allocation = gvir_config_storage_vol_get_allocation (vol);
  return d;
}

/* The bytes of @vol (borrowed), made empty on first use. */
static GVirTestVolData *
vol_get_data (GVirConfigStorageVol *vol)
{
  GVirTestVolData *data = g_object_get_data (G_OBJECT (vol), VOL_DATA_KEY);

  if (data == NULL)
    {
      data = gvir_test_vol_data_new ();
      g_object_set_data_full (G_OBJECT (vol), VOL_DATA_KEY, data,
                              (GDestroyNotify) gvir_test_vol_data_unref);
    }
  return data;
}

/* What libvirt's volume parser fills in when the document leaves it
 * out: the type 'file', an allocation equal to the capacity, and in a
 * directory pool the format 'raw'. */
static void
vol_set_defaults (const TestPool             *pool,
                  GVirConfigStorageVol       *vol,
                  GVirConfigStorageVolTarget *target)
{
  GVirConfigObject *object = GVIR_CONFIG_OBJECT (vol);
  const char *pool_type = gvir_config_object_get_attribute (GVIR_CONFIG_OBJECT (pool->def), NULL,
                                                            "type");

  if (gvir_config_object_get_attribute (object, NULL, "type") == NULL)
    gvir_config_object_set_attribute (object, NULL, "type", "file");
  if (gvir_config_object_get_node_content (object, "allocation") == NULL)
    gvir_config_storage_vol_set_allocation (vol, gvir_config_storage_vol_get_capacity (vol));
  if (g_strcmp0 (pool_type, "dir") == 0 && gvir_config_storage_vol_target_get_format (target) == NULL)
    gvir_config_storage_vol_target_set_format (target, "raw");
}

/* Adds @vol (taken) to @pool as libvirt's test driver does: path
 * TARGET/NAME, key the path, allocation taken from the free space. */
static gboolean
pool_add_volume (TestPool *pool, GVirConfigStorageVol *vol, GError **error)
{
  g_autoptr(GVirConfigStorageVol) owned = vol;
  g_autoptr(GVirConfigStorageVolTarget) target = NULL;
  g_autofree char *dir = pool_dup_target_path (pool);
  g_autofree char *path = NULL;
  const char *name = gvir_config_storage_vol_get_name (vol);
  guint64 used = pool_volumes_allocation (pool);

  if (name == NULL || *name == '\0' || strchr (name, '/') != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML,
                   "storage volume XML needs a <name> without '/'");
      return FALSE;
    }
  if (pool_find_volume (pool, name, NULL) != NULL)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                   "storage vol '%s' already exists", name);
      return FALSE;
    }
  target = gvir_config_storage_vol_get_target (vol);
  if (target == NULL)
    target = gvir_config_storage_vol_target_new ();
  vol_set_defaults (pool, vol, target);
  if (gvir_config_storage_vol_get_allocation (vol) > TEST_POOL_CAPACITY - used)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "Not enough free space in pool for volume '%s'", name);
      return FALSE;
    }

  path = g_strdup_printf ("%s/%s", dir, name);
  gvir_config_storage_vol_target_set_path (target, path);
  gvir_config_storage_vol_set_target (vol, target);
  gvir_config_storage_vol_set_key (vol, path);
  g_ptr_array_add (pool->volumes, g_steal_pointer (&owned));
  pool_update_sizes (pool);
  return TRUE;
}

/* ---- defining pools ------------------------------------------------------- */

/* libvirt's pool documents always have a <source>, empty if need be. */
static void
pool_add_empty_source (GVirConfigStoragePool *def)
{
  g_autoptr(GVirConfigStoragePoolSource) source = gvir_config_storage_pool_get_source (def);

  if (source == NULL)
    {
      source = gvir_config_storage_pool_source_new ();
      gvir_config_storage_pool_set_source (def, source);
    }
}

/* libvirt's duplicate check, UUID first: a UUID taken under another name,
 * a pool to start that already runs (@persistent FALSE: a transient pool
 * is started at once), then a name taken under another UUID. */
static gboolean
pool_check_duplicate (GVirTestStorage *storage, const char *name, const char *uuid,
                      gboolean persistent, GError **error)
{
  TestPool *same_uuid = storage_find_uuid (storage, uuid);
  TestPool *same_name = storage_find_name (storage, name);

  if (same_uuid != NULL && !g_str_equal (pool_name (same_uuid), name))
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                 "pool '%s' is already defined with uuid %s", pool_name (same_uuid), uuid);
  else if (same_uuid != NULL && !persistent && same_uuid->active)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_OPERATION_INVALID,
                 "pool is already active as '%s'", name);
  else if (same_uuid != NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                 "storage pool '%s' already exists with uuid %s", name, uuid);
  else if (same_name != NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_EXISTS,
                 "pool '%s' already exists with uuid %s", name, same_name->uuid);
  else
    return TRUE;
  return FALSE;
}

/* Checks @def (taken) and adds it as a new pool, or NULL with the error. */
static TestPool *
storage_add (GVirTestStorage *storage, GVirConfigStoragePool *def, gboolean persistent,
             GError **error)
{
  g_autoptr(GVirConfigStoragePool) owned = def;
  const char *name = gvir_config_storage_pool_get_name (def);
  const char *uuid = gvir_config_storage_pool_get_uuid (def);
  char canonical[GVIR_UUID_STRING_SIZE];
  TestPool *pool;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_XML, "storage pool XML has no <name>");
      return NULL;
    }
  if (uuid == NULL)
    gvir_uuid_generate (canonical);
  else if (!gvir_uuid_canonicalize (uuid, canonical))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "malformed storage pool UUID '%s'", uuid);
      return NULL;
    }
  if (!pool_check_duplicate (storage, name, canonical, persistent, error))
    return NULL;
  gvir_config_storage_pool_set_uuid (def, canonical);
  pool_add_empty_source (def);

  pool = g_new0 (TestPool, 1);
  pool->def = g_steal_pointer (&owned);
  pool->uuid = g_strdup (canonical);
  pool->persistent = persistent;
  pool->volumes = g_ptr_array_new_with_free_func (g_object_unref);
  pool_set_sizes (pool, 0);
  g_ptr_array_add (storage->pools, pool);
  return pool;
}

static GVirConfigStoragePool *
read_pool_xml (const char *xml, GError **error)
{
  g_autoptr(GError) local = NULL;
  GVirConfigStoragePool *def = gvir_config_storage_pool_new_from_xml (xml, &local);

  if (def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "bad storage pool XML: %s",
                 local ? local->message : "unknown error");
  return def;
}

static GVirConfigStorageVol *
read_vol_xml (const char *xml, GError **error)
{
  g_autoptr(GError) local = NULL;
  GVirConfigStorageVol *def = gvir_config_storage_vol_new_from_xml (xml, &local);

  if (def == NULL)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "bad storage volume XML: %s",
                 local ? local->message : "unknown error");
  return def;
}

gboolean
gvir_test_storage_add_default (GVirTestStorage *storage, GError **error)
{
  static const char default_pool_xml[] =
    "<pool type='dir'>"
    "<name>default-pool</name>"
    "<uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>"
    "<target><path>/default-pool</path></target>"
    "</pool>";
  GVirConfigStoragePool *def = read_pool_xml (default_pool_xml, error);
  TestPool *pool;

  if (def == NULL)
    return FALSE;
  g_mutex_lock (&storage->lock);
  pool = storage_add (storage, def, TRUE, error);
  if (pool != NULL)
    pool->active = TRUE;
  g_mutex_unlock (&storage->lock);
  return pool != NULL;
}

/* ---- <node> files ----------------------------------------------------------- */

static xmlDoc *
read_doc (const char *path, GError **error)
{
  xmlParserCtxt *ctxt = gvir_test_xml_parser_new (error);
  xmlDoc *doc;

  if (ctxt == NULL)
    return NULL;
  doc = xmlCtxtReadFile (ctxt, path, NULL, GVIR_CONFIG_XML_PARSE_UNTRUSTED | XML_PARSE_NODICT);
  if (doc == NULL || gvir_config_xml_parser_get_doctype (ctxt) != NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_XML, "cannot read '%s' as XML", path);
    }
  gvir_config_xml_parser_free (ctxt);
  return doc;
}

static gboolean
node_is (const xmlNode *node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

static char *
node_to_string (xmlNode *node)
{
  xmlBuffer *buf = xmlBufferCreate ();
  char *xml;

  xmlNodeDump (buf, node->doc, node, 0, 0);
  xml = g_strdup ((const char *) xmlBufferContent (buf));
  xmlBufferFree (buf);
  return xml;
}

/* A <pool> or <volume> element, or the root of the file it names. The
 * document read for a file is returned in *@doc, to be freed. */
static xmlNode *
resolve_node (xmlNode *node, const char *dir, xmlDoc **doc, GError **error)
{
  g_autofree char *file = (char *) xmlGetNoNsProp (node, (const xmlChar *) "file");
  g_autofree char *full = NULL;

  *doc = NULL;
  if (file == NULL)
    return node;
  full = g_path_is_absolute (file) ? g_strdup (file) : g_build_filename (dir, file, NULL);
  *doc = read_doc (full, error);
  return *doc ? xmlDocGetRootElement (*doc) : NULL;
}

static gboolean
load_volume (TestPool *pool, xmlNode *node, const char *dir, GError **error)
{
  xmlDoc *doc = NULL;
  xmlNode *root = resolve_node (node, dir, &doc, error);
  g_autofree char *xml = root ? node_to_string (root) : NULL;
  GVirConfigStorageVol *vol = xml ? read_vol_xml (xml, error) : NULL;

  if (doc != NULL)
    xmlFreeDoc (doc);
  return vol != NULL && pool_add_volume (pool, vol, error);
}

/* A configured pool is active, and its <volume> children are its volumes. */
static gboolean
load_pool (GVirTestStorage *storage, xmlNode *node, const char *dir, GError **error)
{
  xmlDoc *doc = NULL;
  xmlNode *root = resolve_node (node, dir, &doc, error);
  g_autofree char *xml = root ? node_to_string (root) : NULL;
  GVirConfigStoragePool *def = xml ? read_pool_xml (xml, error) : NULL;
  TestPool *pool = def ? storage_add (storage, def, TRUE, error) : NULL;
  gboolean ok = pool != NULL;
  xmlNode *child;

  if (pool != NULL)
    pool->active = TRUE;
  for (child = root ? root->children : NULL; ok && child != NULL; child = child->next)
    if (node_is (child, "volume"))
      ok = load_volume (pool, child, dir, error);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return ok;
}

gboolean
gvir_test_storage_load_file (GVirTestStorage *storage, const char *path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  xmlDoc *doc = read_doc (path, error);
  xmlNode *child;
  gboolean ok = doc != NULL;

  g_mutex_lock (&storage->lock);
  for (child = doc ? xmlDocGetRootElement (doc)->children : NULL; ok && child != NULL;
       child = child->next)
    if (node_is (child, "pool"))
      ok = load_pool (storage, child, dir, error);
  g_mutex_unlock (&storage->lock);
  if (doc != NULL)
    xmlFreeDoc (doc);
  return ok;
}

/* ---- the table ------------------------------------------------------------ */

#define STORAGE_OF(handle) (gvir_test_handle_get_storage (handle))

static GPtrArray *
test_list_pools (gpointer handle, GCancellable *cancellable, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_storage_pool_free);
  guint i;

  g_mutex_lock (&storage->lock);
  for (i = 0; i < storage->pools->len; i++)
    g_ptr_array_add (list, pool_describe (storage->pools->pdata[i]));
  g_mutex_unlock (&storage->lock);
  return list;
}

static GVirDriverStoragePool *
test_lookup_pool_by_uuid (gpointer handle, const char *uuid, GCancellable *cancellable,
                          GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirDriverStoragePool *d = NULL;
  TestPool *pool;

  g_mutex_lock (&storage->lock);
  pool = storage_get (storage, uuid, error);
  if (pool != NULL)
    d = pool_describe (pool);
  g_mutex_unlock (&storage->lock);
  return d;
}

/* Adds the pool of @xml: a persistent one (define) stays stopped, a
 * transient one (create) runs at once and ends when it stops. */
static GVirDriverStoragePool *
add_pool_from_xml (gpointer     handle,
                   const char  *xml,
                   gboolean     transient,
                   GError     **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirConfigStoragePool *def = read_pool_xml (xml, error);
  GVirDriverStoragePool *d = NULL;
  TestPool *pool;

  if (def == NULL)
    return NULL;
  g_mutex_lock (&storage->lock);
  pool = storage_add (storage, def, !transient, error);
  if (pool != NULL)
    {
      pool->active = transient;
      d = pool_describe (pool);
    }
  g_mutex_unlock (&storage->lock);
  return d;
}

static GVirDriverStoragePool *
test_define_pool (gpointer handle, const char *xml, guint flags, GCancellable *cancellable,
                  GError **error)
{
  return add_pool_from_xml (handle, xml, FALSE, error);
}

static GVirDriverStoragePool *
test_create_pool (gpointer handle, const char *xml, guint flags, GCancellable *cancellable,
                  GError **error)
{
  /* libvirt's test driver builds nothing first (the BUILD flags). */
  if (!gvir_test_check_no_flags (flags, "create storage pool", error))
    return NULL;
  return add_pool_from_xml (handle, xml, TRUE, error);
}

/* The pool state changes share one shape: find the pool in the state the
 * change needs, then change it. */
typedef enum
{
  POOL_UNDEFINE,
  POOL_BUILD,
  POOL_START,
  POOL_STOP,
  POOL_DELETE,
  POOL_REFRESH,
} PoolChange;

static gboolean
pool_change (gpointer handle, const char *uuid, PoolChange change, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  gboolean needs_active = change == POOL_STOP || change == POOL_REFRESH;
  TestPool *pool;

  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, uuid, needs_active, error);
  if (pool != NULL)
    {
      switch (change)
        {
        case POOL_UNDEFINE:
          g_ptr_array_remove (storage->pools, pool);
          break;
        case POOL_START:
          pool->active = TRUE;
          pool_update_sizes (pool);
          break;
        case POOL_STOP:
          pool->active = FALSE;
          /* A transient pool ends when it stops. */
          if (!pool->persistent)
            g_ptr_array_remove (storage->pools, pool);
          break;
        case POOL_BUILD:
        case POOL_DELETE:
        case POOL_REFRESH:
          /* Nothing on disk to build, remove or scan. */
          break;
        }
    }
  g_mutex_unlock (&storage->lock);
  return pool != NULL;
}

static gboolean
test_undefine_pool (gpointer handle, const char *uuid, GCancellable *c, GError **error)
{
  return pool_change (handle, uuid, POOL_UNDEFINE, error);
}

static gboolean
test_build_pool (gpointer handle, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return pool_change (handle, uuid, POOL_BUILD, error);
}

static gboolean
test_start_pool (gpointer handle, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return pool_change (handle, uuid, POOL_START, error);
}

static gboolean
test_stop_pool (gpointer handle, const char *uuid, GCancellable *c, GError **error)
{
  return pool_change (handle, uuid, POOL_STOP, error);
}

static gboolean
test_delete_pool (gpointer handle, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return pool_change (handle, uuid, POOL_DELETE, error);
}

static gboolean
test_refresh_pool (gpointer handle, const char *uuid, guint flags, GCancellable *c, GError **error)
{
  return pool_change (handle, uuid, POOL_REFRESH, error);
}

static gboolean
test_set_pool_autostart (gpointer handle, const char *uuid, gboolean autostart,
                         GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  TestPool *pool;
  gboolean ok = FALSE;

  g_mutex_lock (&storage->lock);
  pool = storage_get (storage, uuid, error);
  /* libvirt's code for it: an invalid argument (no config file). */
  if (pool != NULL && !pool->persistent)
    g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                 "cannot set autostart for transient storage pool '%s': it has no config file",
                 pool_name (pool));
  else if (pool != NULL)
    {
      pool->autostart = autostart != FALSE;
      ok = TRUE;
    }
  g_mutex_unlock (&storage->lock);
  return ok;
}

static gboolean
test_get_pool_autostart (gpointer handle, const char *uuid, gboolean *autostart,
                         GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  TestPool *pool;

  g_mutex_lock (&storage->lock);
  pool = storage_get (storage, uuid, error);
  if (pool != NULL)
    *autostart = pool->autostart;
  g_mutex_unlock (&storage->lock);
  return pool != NULL;
}

static gboolean
test_get_pool_info (gpointer handle, const char *uuid, GVirDriverStoragePoolInfo *info,
                    GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  TestPool *pool;

  g_mutex_lock (&storage->lock);
  pool = storage_get (storage, uuid, error);
  if (pool != NULL)
    {
      info->state = pool->active ? GVIR_DRIVER_POOL_RUNNING : GVIR_DRIVER_POOL_INACTIVE;
      info->capacity = gvir_config_storage_pool_get_capacity (pool->def);
      info->allocation = gvir_config_storage_pool_get_allocation (pool->def);
      info->available = gvir_config_storage_pool_get_available (pool->def);
    }
  g_mutex_unlock (&storage->lock);
  return pool != NULL;
}

static char *
test_get_pool_xml (gpointer handle, const char *uuid, guint flags, GCancellable *c,
                   GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  TestPool *pool;
  char *xml = NULL;

  /* As libvirt's test driver: a test pool has no separate inactive
   * configuration, and INACTIVE is refused rather than answered alike. */
  if (!gvir_test_check_no_flags (flags, "get the XML of a storage pool", error))
    return NULL;
  g_mutex_lock (&storage->lock);
  pool = storage_get (storage, uuid, error);
  if (pool != NULL)
    xml = pool_format_xml (pool);
  g_mutex_unlock (&storage->lock);
  return xml;
}

static GPtrArray *
test_list_volumes (gpointer handle, const char *pool_uuid, GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GPtrArray *list = NULL;
  TestPool *pool;
  guint i;

  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  if (pool != NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) gvir_driver_storage_vol_free);
      for (i = 0; i < pool->volumes->len; i++)
        g_ptr_array_add (list, vol_describe (pool->volumes->pdata[i]));
    }
  g_mutex_unlock (&storage->lock);
  return list;
}

static GVirDriverStorageVol *
test_lookup_volume (gpointer handle, const char *pool_uuid, const char *name,
                    GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirDriverStorageVol *d = NULL;
  GVirConfigStorageVol *vol;
  TestPool *pool;

  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  vol = pool ? pool_get_volume (pool, name, NULL, error) : NULL;
  if (vol != NULL)
    d = vol_describe (vol);
  g_mutex_unlock (&storage->lock);
  return d;
}

static GVirDriverStorageVol *
test_create_volume (gpointer handle, const char *pool_uuid, const char *xml, guint flags,
                    GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirConfigStorageVol *vol = read_vol_xml (xml, error);
  GVirDriverStorageVol *d = NULL;
  TestPool *pool;

  if (vol == NULL)
    return NULL;
  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  if (pool == NULL)
    g_object_unref (vol);
  else if (pool_add_volume (pool, g_object_ref (vol), error))
    {
      d = vol_describe (vol);
      g_object_unref (vol);
    }
  else
    g_object_unref (vol);
  g_mutex_unlock (&storage->lock);
  return d;
}

static gboolean
test_delete_volume (gpointer handle, const char *pool_uuid, const char *name, guint flags,
                    GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  TestPool *pool;
  guint index = 0;
  gboolean ok = FALSE;

  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  if (pool != NULL && pool_get_volume (pool, name, &index, error) != NULL)
    {
      g_ptr_array_remove_index (pool->volumes, index);
      pool_update_sizes (pool);
      ok = TRUE;
    }
  g_mutex_unlock (&storage->lock);
  return ok;
}

/* The capacity @vol would have after a resize, or FALSE with the error
 * (as libvirt: a shrink needs the flag, a delta is added, never below 0). */
static gboolean
resize_target (GVirConfigStorageVol *vol, guint64 capacity, guint flags, guint64 *out,
               GError **error)
{
  guint64 current = gvir_config_storage_vol_get_capacity (vol);

  if (flags & ~(guint) (GVIR_DRIVER_VOL_RESIZE_ALLOCATE | GVIR_DRIVER_VOL_RESIZE_DELTA |
                        GVIR_DRIVER_VOL_RESIZE_SHRINK))
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "unsupported volume resize flags 0x%x", flags);
      return FALSE;
    }
  if (flags & GVIR_DRIVER_VOL_RESIZE_DELTA)
    {
      if (flags & GVIR_DRIVER_VOL_RESIZE_SHRINK)
        capacity = capacity > current ? 0 : current - capacity;
      else
        capacity = capacity > G_MAXUINT64 - current ? G_MAXUINT64 : current + capacity;
    }
  if (capacity < current && !(flags & GVIR_DRIVER_VOL_RESIZE_SHRINK))
    {
      g_set_error_literal (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                           "cannot shrink a volume's capacity unless the shrink flag is given");
      return FALSE;
    }
  *out = capacity;
  return TRUE;
}

static gboolean
test_resize_volume (gpointer handle, const char *pool_uuid, const char *name, guint64 capacity,
                    guint flags, GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirConfigStorageVol *vol = NULL;
  TestPool *pool;
  guint64 target = 0;
  gboolean ok = FALSE;

  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  if (pool != NULL)
    vol = pool_get_volume (pool, name, NULL, error);
  if (vol != NULL && resize_target (vol, capacity, flags, &target, error))
    {
      guint64 old_alloc = gvir_config_storage_vol_get_allocation (vol);
      guint64 free_space = TEST_POOL_CAPACITY - pool_volumes_allocation (pool) + old_alloc;
      guint64 new_alloc = (flags & GVIR_DRIVER_VOL_RESIZE_ALLOCATE) ? target
                                                                    : MIN (old_alloc, target);

      if (new_alloc > free_space)
        g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                     "Not enough space left in storage pool for volume '%s'", name);
      else
        {
          if (target < gvir_config_storage_vol_get_capacity (vol))
            gvir_test_vol_data_truncate (vol_get_data (vol), target);
          gvir_config_storage_vol_set_capacity (vol, target);
          gvir_config_storage_vol_set_allocation (vol, new_alloc);
          pool_update_sizes (pool);
          ok = TRUE;
        }
    }
  g_mutex_unlock (&storage->lock);
  return ok;
}

static char *
test_get_volume_xml (gpointer handle, const char *pool_uuid, const char *name, guint flags,
                     GCancellable *c, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirConfigStorageVol *vol = NULL;
  TestPool *pool;
  char *xml = NULL;

  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  if (pool != NULL)
    vol = pool_get_volume (pool, name, NULL, error);
  if (vol != NULL)
    xml = vol_format_xml (vol);
  g_mutex_unlock (&storage->lock);
  return xml;
}

/* The end of a transfer of @length bytes (0: up to the capacity) from
 * @offset of @vol, or FALSE with the error when it would leave the volume. */
static gboolean
transfer_end (GVirConfigStorageVol *vol, guint64 offset, guint64 length, guint64 *end,
              GError **error)
{
  guint64 capacity = gvir_config_storage_vol_get_capacity (vol);
  const char *name = gvir_config_storage_vol_get_name (vol);

  if (offset > capacity)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "offset %" G_GUINT64_FORMAT " is beyond the end of storage volume '%s' "
                   "(capacity %" G_GUINT64_FORMAT " bytes)", offset, name, capacity);
      return FALSE;
    }
  if (length > capacity - offset)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "%" G_GUINT64_FORMAT " bytes from offset %" G_GUINT64_FORMAT " go beyond "
                   "the end of storage volume '%s' (capacity %" G_GUINT64_FORMAT " bytes)",
                   length, offset, name, capacity);
      return FALSE;
    }
  *end = length == 0 ? capacity : offset + length;
  return TRUE;
}

static gboolean
transfer_volume (gpointer handle, const char *pool_uuid, const char *name,
                 GVirDriverStream *stream, guint64 offset, guint64 length, guint flags,
                 gboolean upload, GError **error)
{
  GVirTestStorage *storage = STORAGE_OF (handle);
  GVirConfigStorageVol *vol = NULL;
  TestPool *pool;
  guint64 end = 0;
  gboolean ok = FALSE;

  /* libvirt's only flag asks for a sparse stream (holes sent as such),
   * which our streams do not carry. */
  if (flags != 0)
    {
      g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
                   "cannot %s storage volume '%s': unsupported flags 0x%x (sparse streams "
                   "are not supported)", upload ? "upload to" : "download from", name, flags);
      return FALSE;
    }
  g_mutex_lock (&storage->lock);
  pool = storage_get_in_state (storage, pool_uuid, TRUE, error);
  if (pool != NULL)
    vol = pool_get_volume (pool, name, NULL, error);
  if (vol != NULL && transfer_end (vol, offset, length, &end, error))
    {
      gvir_test_stream_attach_volume (stream, vol_get_data (vol), offset, end, upload);
      ok = TRUE;
    }
  g_mutex_unlock (&storage->lock);
  return ok;
}

static gboolean
test_upload_volume (gpointer handle, const char *pool_uuid, const char *name,
                    GVirDriverStream *stream, guint64 offset, guint64 length, guint flags,
                    GCancellable *c, GError **error)
{
  return transfer_volume (handle, pool_uuid, name, stream, offset, length, flags, TRUE, error);
}

static gboolean
test_download_volume (gpointer handle, const char *pool_uuid, const char *name,
                      GVirDriverStream *stream, guint64 offset, guint64 length, guint flags,
                      GCancellable *c, GError **error)
{
  return transfer_volume (handle, pool_uuid, name, stream, offset, length, flags, FALSE, error);
}

const GVirDriverStorageFuncs gvir_test_storage_funcs = {
  .list_pools = test_list_pools,
  .lookup_pool_by_uuid = test_lookup_pool_by_uuid,
  .define_pool = test_define_pool,
  .create_pool = test_create_pool,
  .undefine_pool = test_undefine_pool,
  .build_pool = test_build_pool,
  .start_pool = test_start_pool,
  .stop_pool = test_stop_pool,
  .delete_pool = test_delete_pool,
  .refresh_pool = test_refresh_pool,
  .set_pool_autostart = test_set_pool_autostart,
  .get_pool_info = test_get_pool_info,
  .get_pool_xml = test_get_pool_xml,
  .get_pool_autostart = test_get_pool_autostart,
  .list_volumes = test_list_volumes,
  .lookup_volume = test_lookup_volume,
  .create_volume = test_create_volume,
  .delete_volume = test_delete_volume,
  .resize_volume = test_resize_volume,
  .get_volume_xml = test_get_volume_xml,
  .upload_volume = test_upload_volume,
  .download_volume = test_download_volume,
};
