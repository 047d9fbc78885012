/*
 * test-nodeset.c: GVirNodeset parsing, formatting and set operations
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

#include <libvirt-gobject/libvirt-gobject.h>

typedef struct
{
  const char *input;
  const char *canonical;  /* NULL: must be rejected */
  /* For a rejected input: words the message must hold besides the input. */
  const char *reason[3];
} ParseCase;

/* The syntax table of libvirt's virBitmapParse, plus edge cases. */
static const ParseCase parse_cases[] = {
  { "0-3,^2,5", "0-1,3,5" },
  { "^2,0-3", "0-3" },
  { "0-3,^1,^2", "0,3" },
  { "0,", "0" },
  { " 1 - 3 ", "1-3" },
  { "16383", "16383" },
  { "5,3,4,0", "0,3-5" },
  { "0-1,1-2", "0-2" },
  { "7", "7" },
  { "0, 2 ,4", "0,2,4" },
  /* libvirt's virBitmapParse: '^' takes one number, right after it. */
  { "^1-2", NULL, { "'^'", "single number", "not a range" } },
  { "0-3,^1-2", NULL, { "'^'", "single number", "not a range" } },
  { "0-7,^2-3,5", NULL, { "'^'", "single number", "not a range" } },
  { "0-3,^1 - 2", NULL, { "'^'", "single number", "not a range" } },
  { "^ 1,0-2", NULL, { "'^'", "followed directly by a number" } },
  { "0-3,^", NULL, { "'^'", "followed directly by a number" } },
  { "1,^1", NULL, { "names no id" } },
  { "0-3,^0,^1,^2,^3", NULL, { "names no id" } },
  { "16384", NULL },
  { "3-1", NULL, { "3-1 ends before it starts" } },
  { "0,,1", NULL },
  { "0,,", NULL },
  { "-1", NULL },
  { "1;2", NULL },
  { "", NULL },
  { "   ", NULL },
  { ",", NULL },
  { ",1", NULL },
  { "1-", NULL },
  { "^", NULL },
  { "a", NULL },
  { "1 2", NULL },
  { "99999999999999999999999", NULL },
  { "0x1", NULL },
  { "+1", NULL },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) set = gvir_nodeset_new_from_string (c->input, &error);

  if (c->canonical == NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("'%s'", c->input);

      g_assert_null (set);
      g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
      /* The message quotes the input so the user can find it, and says why. */
      g_assert_nonnull (strstr (error->message, quoted));
      for (gsize i = 0; i < G_N_ELEMENTS (c->reason) && c->reason[i] != NULL; i++)
        {
          if (strstr (error->message, c->reason[i]) == NULL)
            g_test_message ("message for '%s' lacks \"%s\": %s", c->input, c->reason[i], error->message);
          g_assert_nonnull (strstr (error->message, c->reason[i]));
        }
    }
  else
    {
      g_autofree char *text = NULL;

      g_assert_no_error (error);
      text = gvir_nodeset_to_string (set);
      g_assert_cmpstr (text, ==, c->canonical);
      g_assert_finalize_object (g_steal_pointer (&set));
    }
}

static GVirNodeset *
parse (const char *str)
{
  GError *error = NULL;
  GVirNodeset *set = gvir_nodeset_new_from_string (str, &error);

  g_assert_no_error (error);
  return set;
}

static void
assert_nodeset (GVirNodeset *set, const char *expected)
{
  g_autofree char *text = gvir_nodeset_to_string (set);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_queries (void)
{
  g_autoptr(GVirNodeset) set = parse ("0-3,^2,5");
  g_autofree guint *nodes = NULL;
  gsize n_nodes = 0;

  g_assert_true (gvir_nodeset_contains (set, 0));
  g_assert_true (gvir_nodeset_contains (set, 3));
  g_assert_false (gvir_nodeset_contains (set, 2));
  g_assert_false (gvir_nodeset_contains (set, 4));
  g_assert_false (gvir_nodeset_contains (set, 16383));
  g_assert_cmpuint (gvir_nodeset_count (set), ==, 4);
  g_assert_false (gvir_nodeset_is_empty (set));
  g_assert_cmpint (gvir_nodeset_get_last (set), ==, 5);

  nodes = gvir_nodeset_get_nodes (set, &n_nodes);
  g_assert_cmpuint (n_nodes, ==, 4);
  g_assert_cmpuint (nodes[0], ==, 0);
  g_assert_cmpuint (nodes[1], ==, 1);
  g_assert_cmpuint (nodes[2], ==, 3);
  g_assert_cmpuint (nodes[3], ==, 5);
}

static void
test_from_nodes (void)
{
  const guint nodes[] = { 5, 1, 1, 0, 16383 };
  const guint too_big[] = { 1, 16384 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVirNodeset) set = gvir_nodeset_new_from_nodes (nodes, G_N_ELEMENTS (nodes), &error);
  g_autoptr(GVirNodeset) empty = NULL;
  g_autoptr(GVirNodeset) bad = NULL;

  g_assert_no_error (error);
  assert_nodeset (set, "0-1,5,16383");

  empty = gvir_nodeset_new_from_nodes (NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (gvir_nodeset_is_empty (empty));
  g_assert_cmpint (gvir_nodeset_get_last (empty), ==, -1);
  assert_nodeset (empty, "");

  bad = gvir_nodeset_new_from_nodes (too_big, G_N_ELEMENTS (too_big), &error);
  g_assert_null (bad);
  g_assert_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "16384"));
}

static void
test_combine (void)
{
  g_autoptr(GVirNodeset) a = parse ("0-3");
  g_autoptr(GVirNodeset) b = parse ("2-5,9");
  g_autoptr(GVirNodeset) u = gvir_nodeset_union (a, b);
  g_autoptr(GVirNodeset) i = gvir_nodeset_intersect (a, b);
  g_autoptr(GVirNodeset) d = gvir_nodeset_difference (a, b);
  g_autoptr(GVirNodeset) d2 = gvir_nodeset_difference (b, a);
  g_autoptr(GVirNodeset) none = gvir_nodeset_difference (a, a);
  g_autoptr(GVirNodeset) zero = parse ("0");
  g_autoptr(GVirNodeset) one = parse ("1");
  g_autoptr(GVirNodeset) disjoint = gvir_nodeset_intersect (zero, one);

  assert_nodeset (u, "0-5,9");
  assert_nodeset (i, "2-3");
  assert_nodeset (d, "0-1");
  assert_nodeset (d2, "4-5,9");
  g_assert_true (gvir_nodeset_is_empty (none));
  g_assert_true (gvir_nodeset_is_empty (disjoint));
  /* The operands are unchanged: nodesets are immutable. */
  assert_nodeset (a, "0-3");
  assert_nodeset (b, "2-5,9");
}

static void
test_equal (void)
{
  g_autoptr(GVirNodeset) a = parse ("0-3,^2");
  g_autoptr(GVirNodeset) b = parse ("3,1,0");
  g_autoptr(GVirNodeset) c = parse ("0-3");

  g_assert_true (gvir_nodeset_equal (a, b));
  g_assert_false (gvir_nodeset_equal (a, c));
  g_assert_true (gvir_nodeset_equal (c, c));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/gvir/nodeset/parse/%" G_GSIZE_FORMAT, i);
      g_test_add_data_func (path, &parse_cases[i], test_parse);
    }
  g_test_add_func ("/gvir/nodeset/queries", test_queries);
  g_test_add_func ("/gvir/nodeset/from-nodes", test_from_nodes);
  g_test_add_func ("/gvir/nodeset/combine", test_combine);
  g_test_add_func ("/gvir/nodeset/equal", test_equal);

  return g_test_run ();
}
