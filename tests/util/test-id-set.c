/*
 * test-id-set.c: util's set of ids, its syntax and its operations
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */
#include "config.h"

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-id-set-private.h"

/* ---- helpers ---------------------------------------------------------------- */

static GVirIdSet *
set_of (guint max_ids, const char *text)
{
  g_autoptr(GError) error = NULL;
  GVirIdSet *set = gvir_id_set_parse (text, "nodeset", max_ids, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static void
assert_set (const GVirIdSet *set, const char *expected)
{
  g_autofree char *text = gvir_id_set_format (set);

  g_assert_cmpstr (text, ==, expected);
}

/* ---- parsing ---------------------------------------------------------------- */

typedef struct
{
  const char *input;
  const char *canonical;  /* NULL: refused with message */
  const char *message;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "0", "0", NULL },
  { "0-3,^2,5", "0-1,3,5", NULL },
  { "^2,0-3", "0-3", NULL },
  { " 1 - 3 , 5 ,", "1-3,5", NULL },
  { "5,1,3,2", "1-3,5", NULL },
  { "0,1", "0-1", NULL },
  { "0,2", "0,2", NULL },
  { "0-3,^0,^3", "1-2", NULL },
  { "16383", "16383", NULL },
  { "62-65,127-128", "62-65,127-128", NULL },
  { "", NULL, "Invalid nodeset '': it is empty" },
  { "  ", NULL, "Invalid nodeset '  ': it is empty" },
  { "3-1", NULL, "Invalid nodeset '3-1': range 3-1 ends before it starts" },
  { "1,^1", NULL, "Invalid nodeset '1,^1': it names no id" },
  { "^ 2", NULL, "Invalid nodeset '^ 2': '^' must be followed directly by a number" },
  { "^1-2", NULL, "Invalid nodeset '^1-2': '^' must be followed by a single number, not a range" },
  { "1x", NULL, "Invalid nodeset '1x': unexpected character 'x' at offset 1" },
  { "1-", NULL, "Invalid nodeset '1-': expected a number at the end" },
  { "a", NULL, "Invalid nodeset 'a': expected a number at offset 0" },
  { "1,,2", NULL, "Invalid nodeset '1,,2': expected a number at offset 2" },
  { "-1", NULL, "Invalid nodeset '-1': expected a number at offset 0" },
  { "16384", NULL, "Invalid nodeset '16384': ids must be below 16384" },
  { "99999999999999999999", NULL,
    "Invalid nodeset '99999999999999999999': ids must be below 16384" },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirIdSet) set = gvir_id_set_parse (c->input, "nodeset", GVIR_ID_SET_LIMIT, &error);

  if (c->canonical != NULL)
    {
      g_assert_no_error (error);
      assert_set (set, c->canonical);
      return;
    }
  g_assert_null (set);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, c->message);
}

/* The bound and the name in messages come from the caller. */
static void
test_parse_bound (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirIdSet) seven = set_of (8, "0-7");
  g_autoptr(GVirIdSet) eight = gvir_id_set_parse ("0-8", "cpuset", 8, &error);

  assert_set (seven, "0-7");
  g_assert_cmpuint (gvir_id_set_get_max_ids (seven), ==, 8);
  g_assert_null (eight);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (error->message, ==, "Invalid cpuset '0-8': ids must be below 8");
}

/* ---- formatting ------------------------------------------------------------- */

static void
test_format (void)
{
  g_autoptr(GVirIdSet) set = gvir_id_set_new (GVIR_ID_SET_LIMIT);
  static const guint ids[] = { 0, 1, 2, 4, 6, 7, 63, 64, 16383 };

  assert_set (set, "");
  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_true (gvir_id_set_add (set, ids[i]));
  assert_set (set, "0-2,4,6-7,63-64,16383");
  gvir_id_set_remove (set, 1);
  gvir_id_set_remove (set, 64);
  assert_set (set, "0,2,4,6-7,63,16383");
}

/* ---- membership and iteration ----------------------------------------------- */

static void
test_add_remove_bounds (void)
{
  g_autoptr(GVirIdSet) set = gvir_id_set_new (70);

  g_assert_true (gvir_id_set_add (set, 69));
  g_assert_false (gvir_id_set_add (set, 70));
  g_assert_false (gvir_id_set_add (set, G_MAXUINT));
  g_assert_true (gvir_id_set_contains (set, 69));
  g_assert_false (gvir_id_set_contains (set, 70));
  g_assert_false (gvir_id_set_contains (set, G_MAXUINT));
  g_assert_cmpuint (gvir_id_set_count (set), ==, 1);
  gvir_id_set_remove (set, 70);
  gvir_id_set_remove (set, 68);
  g_assert_cmpuint (gvir_id_set_count (set), ==, 1);
  gvir_id_set_remove (set, 69);
  g_assert_true (gvir_id_set_is_empty (set));
}

static void
collect (guint id, gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, id);
}

static void
test_iterate (void)
{
  g_autoptr(GVirIdSet) set = set_of (GVIR_ID_SET_LIMIT, "0,5,63-64,200");
  g_autoptr(GVirIdSet) empty = gvir_id_set_new (1);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) listed = gvir_id_set_to_array (set);
  static const guint expected[] = { 0, 5, 63, 64, 200 };

  g_assert_cmpuint (gvir_id_set_count (set), ==, 5);
  g_assert_false (gvir_id_set_is_empty (set));
  g_assert_cmpint (gvir_id_set_first (set), ==, 0);
  g_assert_cmpint (gvir_id_set_next (set, 0), ==, 5);
  g_assert_cmpint (gvir_id_set_next (set, 5), ==, 63);
  g_assert_cmpint (gvir_id_set_next (set, 63), ==, 64);
  g_assert_cmpint (gvir_id_set_next (set, 64), ==, 200);
  g_assert_cmpint (gvir_id_set_next (set, 6), ==, 63);
  g_assert_cmpint (gvir_id_set_next (set, 200), ==, -1);
  g_assert_cmpint (gvir_id_set_next (set, GVIR_ID_SET_LIMIT - 1), ==, -1);
  g_assert_cmpint (gvir_id_set_next (set, G_MAXUINT), ==, -1);
  g_assert_cmpint (gvir_id_set_last (set), ==, 200);

  gvir_id_set_foreach (set, collect, seen);
  g_assert_cmpmem (seen->data, seen->len * sizeof (guint), expected, sizeof expected);
  g_assert_cmpmem (listed->data, listed->len * sizeof (guint), expected, sizeof expected);

  g_assert_true (gvir_id_set_is_empty (empty));
  g_assert_cmpuint (gvir_id_set_count (empty), ==, 0);
  g_assert_cmpint (gvir_id_set_first (empty), ==, -1);
  g_assert_cmpint (gvir_id_set_last (empty), ==, -1);
  g_assert_true (gvir_id_set_add (empty, 0));
  g_assert_cmpint (gvir_id_set_first (empty), ==, 0);
  g_assert_cmpint (gvir_id_set_last (empty), ==, 0);
  g_assert_cmpint (gvir_id_set_next (empty, 0), ==, -1);
}

/* The largest id of the largest set: the last bit of the last word. */
static void
test_highest_id (void)
{
  g_autoptr(GVirIdSet) set = set_of (GVIR_ID_SET_LIMIT, "16380-16383");

  g_assert_cmpint (gvir_id_set_first (set), ==, 16380);
  g_assert_cmpint (gvir_id_set_last (set), ==, 16383);
  g_assert_cmpuint (gvir_id_set_count (set), ==, 4);
  g_assert_true (gvir_id_set_contains (set, 16383));
}

/* ---- combining -------------------------------------------------------------- */

static void
test_combine (void)
{
  g_autoptr(GVirIdSet) a = set_of (100, "1-3,70");
  g_autoptr(GVirIdSet) b = set_of (300, "3,64,250");
  g_autoptr(GVirIdSet) both = gvir_id_set_union (a, b);
  g_autoptr(GVirIdSet) shared = gvir_id_set_intersect (a, b);
  g_autoptr(GVirIdSet) a_only = gvir_id_set_subtract (a, b);
  g_autoptr(GVirIdSet) b_only = gvir_id_set_subtract (b, a);
  g_autoptr(GVirIdSet) none = gvir_id_set_intersect (a_only, b_only);

  assert_set (both, "1-3,64,70,250");
  g_assert_cmpuint (gvir_id_set_get_max_ids (both), ==, 300);
  assert_set (shared, "3");
  g_assert_cmpuint (gvir_id_set_get_max_ids (shared), ==, 100);
  assert_set (a_only, "1-2,70");
  assert_set (b_only, "64,250");
  g_assert_cmpuint (gvir_id_set_get_max_ids (b_only), ==, 300);
  assert_set (none, "");
  /* The operands are left alone. */
  assert_set (a, "1-3,70");
  assert_set (b, "3,64,250");
}

static void
test_equal_and_copy (void)
{
  g_autoptr(GVirIdSet) small = set_of (64, "1,63");
  g_autoptr(GVirIdSet) large = set_of (GVIR_ID_SET_LIMIT, "1,63");
  g_autoptr(GVirIdSet) other = set_of (GVIR_ID_SET_LIMIT, "1,62");
  g_autoptr(GVirIdSet) beyond = set_of (GVIR_ID_SET_LIMIT, "1,63,64");
  g_autoptr(GVirIdSet) copy = gvir_id_set_copy (small);

  /* Members count, not bounds. */
  g_assert_true (gvir_id_set_equal (small, large));
  g_assert_true (gvir_id_set_equal (large, small));
  g_assert_false (gvir_id_set_equal (large, other));
  g_assert_false (gvir_id_set_equal (small, beyond));
  g_assert_false (gvir_id_set_equal (beyond, small));

  g_assert_true (gvir_id_set_equal (copy, small));
  g_assert_cmpuint (gvir_id_set_get_max_ids (copy), ==, 64);
  gvir_id_set_remove (copy, 1);
  assert_set (copy, "63");
  assert_set (small, "1,63");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gvir/util/id-set/parse/%" G_GSIZE_FORMAT, i);

      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add_func ("/gvir/util/id-set/parse-bound", test_parse_bound);
  g_test_add_func ("/gvir/util/id-set/format", test_format);
  g_test_add_func ("/gvir/util/id-set/add-remove-bounds", test_add_remove_bounds);
  g_test_add_func ("/gvir/util/id-set/iterate", test_iterate);
  g_test_add_func ("/gvir/util/id-set/highest-id", test_highest_id);
  g_test_add_func ("/gvir/util/id-set/combine", test_combine);
  g_test_add_func ("/gvir/util/id-set/equal-and-copy", test_equal_and_copy);

  return g_test_run ();
}
