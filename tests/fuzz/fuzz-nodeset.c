/*
 * fuzz-nodeset.c: libFuzzer target for GVirNodeset parsing and set
 * operations
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * The input holds two nodeset strings, separated by the first newline;
 * the whole input, read as 16-bit ids, is also a list for
 * gvir_nodeset_new_from_nodes(). Every result is checked against a plain
 * bitmap of the same ids, and these abort:
 *   - a refusal without a GVIR_ERROR_INVALID_ARGUMENT error;
 *   - queries that disagree (count, is_empty, get_last, contains, get_nodes
 *     sorted and free of duplicates);
 *   - to_string() output that does not parse back to an equal set, or
 *     whose own to_string() differs (the canonical form is a fixed point);
 *   - union, intersection or difference that differ from the bitmaps',
 *     equal() that disagrees with them, union or intersection that are not
 *     commutative.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt-gobject/libvirt-gobject.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define BITMAP_BYTES (GVIR_NODESET_MAX_NODES / 8)

typedef struct
{
  guint8 bits[BITMAP_BYTES];
} Bitmap;

G_GNUC_NORETURN static void
fail (const char *what, GVirNodeset *set)
{
  g_autofree char *str = set ? gvir_nodeset_to_string (set) : NULL;

  fprintf (stderr, "fuzz-nodeset: %s%s%s\n", what, str ? ": " : "", str ? str : "");
  abort ();
}

static gboolean
bitmap_get (const Bitmap *map, guint id)
{
  return (map->bits[id / 8] >> (id % 8)) & 1;
}

static void
bitmap_set (Bitmap *map, guint id)
{
  map->bits[id / 8] |= 1 << (id % 8);
}

/* Checks the queries of @set against each other and returns its bitmap. */
static void
check_queries (GVirNodeset *set, Bitmap *map)
{
  gsize n = 0;
  g_autofree guint *nodes = gvir_nodeset_get_nodes (set, &n);

  memset (map, 0, sizeof *map);
  if (n != gvir_nodeset_count (set))
    fail ("get_nodes and count disagree", set);
  if ((n == 0) != gvir_nodeset_is_empty (set))
    fail ("is_empty and count disagree", set);
  if (gvir_nodeset_get_last (set) != (n ? (gint) nodes[n - 1] : -1))
    fail ("get_last is not the last node", set);

  for (gsize i = 0; i < n; i++)
    {
      if (nodes[i] >= GVIR_NODESET_MAX_NODES)
        fail ("a node id out of range", set);
      if (i > 0 && nodes[i] <= nodes[i - 1])
        fail ("get_nodes is not sorted or has duplicates", set);
      if (!gvir_nodeset_contains (set, nodes[i]))
        fail ("contains misses a node of get_nodes", set);
      /* The id after a node is either the next node or not in the set. */
      if (nodes[i] + 1 < GVIR_NODESET_MAX_NODES &&
          gvir_nodeset_contains (set, nodes[i] + 1) != (i + 1 < n && nodes[i + 1] == nodes[i] + 1))
        fail ("contains finds a node that get_nodes lacks", set);
      bitmap_set (map, nodes[i]);
    }
  if (gvir_nodeset_contains (set, GVIR_NODESET_MAX_NODES) || gvir_nodeset_contains (set, G_MAXUINT))
    fail ("contains finds an id out of range", set);
}

static void
check_to_string (GVirNodeset *set)
{
  g_autofree char *str = gvir_nodeset_to_string (set);
  g_autofree char *again_str = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) again = NULL;

  if (str == NULL)
    fail ("to_string returned NULL", NULL);
  if (gvir_nodeset_is_empty (set))
    return;   /* "" names no node, and the parser refuses an empty set */

  again = gvir_nodeset_new_from_string (str, &error);
  if (again == NULL)
    {
      fprintf (stderr, "error: %s\n", error->message);
      fail ("to_string output does not parse", set);
    }
  if (!gvir_nodeset_equal (set, again))
    fail ("to_string output parses to another set", set);
  again_str = gvir_nodeset_to_string (again);
  if (strcmp (str, again_str) != 0)
    fail ("to_string is not a fixed point", set);
}

/* Parses @str; NULL when refused (with the right error). */
static GVirNodeset *
parse (const char *str, Bitmap *map)
{
  g_autoptr(GError) error = NULL;
  GVirNodeset *set = gvir_nodeset_new_from_string (str, &error);

  if (set == NULL)
    {
      if (!g_error_matches (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT) ||
          error->message[0] == '\0')
        fail ("a refusal without a GVIR_ERROR_INVALID_ARGUMENT message", NULL);
      return NULL;
    }
  if (error != NULL)
    fail ("a parsed nodeset with an error", set);
  check_queries (set, map);
  check_to_string (set);
  return set;
}

static GVirNodeset *
empty_set (Bitmap *map)
{
  GVirNodeset *set = gvir_nodeset_new_from_nodes (NULL, 0, NULL);

  if (set == NULL)
    fail ("an empty list of ids is refused", NULL);
  check_queries (set, map);
  return set;
}

static void
check_result (GVirNodeset *result, const Bitmap *expected, const char *what)
{
  Bitmap got;

  check_queries (result, &got);
  check_to_string (result);
  if (memcmp (&got, expected, sizeof got) != 0)
    fail (what, result);
}

static void
check_operations (GVirNodeset *a, const Bitmap *ma, GVirNodeset *b, const Bitmap *mb)
{
  g_autoptr(GVirNodeset) uni = gvir_nodeset_union (a, b);
  g_autoptr(GVirNodeset) uni_ba = gvir_nodeset_union (b, a);
  g_autoptr(GVirNodeset) inter = gvir_nodeset_intersect (a, b);
  g_autoptr(GVirNodeset) inter_ba = gvir_nodeset_intersect (b, a);
  g_autoptr(GVirNodeset) diff = gvir_nodeset_difference (a, b);
  Bitmap want_uni, want_inter, want_diff;

  for (gsize i = 0; i < BITMAP_BYTES; i++)
    {
      want_uni.bits[i] = ma->bits[i] | mb->bits[i];
      want_inter.bits[i] = ma->bits[i] & mb->bits[i];
      want_diff.bits[i] = ma->bits[i] & ~mb->bits[i];
    }
  check_result (uni, &want_uni, "union differs from the bitmaps'");
  check_result (inter, &want_inter, "intersection differs from the bitmaps'");
  check_result (diff, &want_diff, "difference differs from the bitmaps'");
  if (!gvir_nodeset_equal (uni, uni_ba) || !gvir_nodeset_equal (inter, inter_ba))
    fail ("union or intersection is not commutative", a);
  if (gvir_nodeset_equal (a, b) != (memcmp (ma, mb, sizeof *ma) == 0))
    fail ("equal disagrees with the bitmaps", a);
}

/* The input as 16-bit ids, some beyond the limit on purpose. */
static void
check_from_nodes (const guint8 *data, size_t size)
{
  gsize n = size / 2;
  g_autofree guint *ids = g_new (guint, n + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) set = NULL;
  gboolean in_range = TRUE;
  Bitmap want, got;

  memset (&want, 0, sizeof want);
  for (gsize i = 0; i < n; i++)
    {
      ids[i] = (guint) data[2 * i] | ((guint) data[2 * i + 1] << 8);
      if (ids[i] >= GVIR_NODESET_MAX_NODES)
        in_range = FALSE;
      else
        bitmap_set (&want, ids[i]);
    }

  set = gvir_nodeset_new_from_nodes (ids, n, &error);
  if (!in_range)
    {
      if (set != NULL || !g_error_matches (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT))
        fail ("an id out of range is not refused with GVIR_ERROR_INVALID_ARGUMENT", set);
      return;
    }
  if (set == NULL)
    fail ("ids in range are refused", NULL);
  check_queries (set, &got);
  check_to_string (set);
  if (memcmp (&got, &want, sizeof got) != 0)
    fail ("new_from_nodes holds other ids than it was given", set);
  for (guint id = 0; id < 64; id++)
    if (gvir_nodeset_contains (set, id) != bitmap_get (&want, id))
      fail ("contains disagrees with the ids given", set);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  char *newline = strchr (text, '\n');
  const char *second = "";
  g_autoptr(GVirNodeset) a = NULL;
  g_autoptr(GVirNodeset) b = NULL;
  Bitmap ma, mb;

  if (newline != NULL)
    {
      *newline = '\0';
      second = newline + 1;
      if ((newline = strchr (second, '\n')) != NULL)
        *newline = '\0';
    }

  a = parse (text, &ma);
  b = parse (second, &mb);
  /* A refused string stands for the empty set in the operations. */
  if (a == NULL)
    a = empty_set (&ma);
  if (b == NULL)
    b = empty_set (&mb);
  check_operations (a, &ma, b, &mb);
  check_from_nodes (data, size);
  return 0;
}
