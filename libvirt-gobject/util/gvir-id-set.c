/*
 * gvir-id-set.c: a set of small unsigned ids (NUMA nodes, CPUs)
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

#include "libvirt-gobject/libvirt-gobject-error.h"
#include "libvirt-gobject/util/gvir-id-set-private.h"

#define BITS_PER_WORD 64

struct _GVirIdSet
{
  guint max_ids;
  guint n_words;   /* enough 64-bit words for max_ids bits */
  guint64 words[]; /* bit (id % 64) of word (id / 64) is set when id is in */
};

/* ---- storage ---------------------------------------------------------------- */

static guint
words_for (guint max_ids)
{
  return (max_ids + BITS_PER_WORD - 1) / BITS_PER_WORD;
}

static guint64
word_bit (guint id)
{
  return G_GUINT64_CONSTANT (1) << (id % BITS_PER_WORD);
}

static guint64
word_at (const GVirIdSet *set, guint index)
{
  return index < set->n_words ? set->words[index] : 0;
}

static guint
word_popcount (guint64 word)
{
  guint count = 0;

  /* Clears the lowest set bit each round. */
  for (; word != 0; word &= word - 1)
    count++;
  return count;
}

static guint
word_lowest_bit (guint64 word)
{
  guint bit = 0;

  while ((word & 1) == 0)
    {
      word >>= 1;
      bit++;
    }
  return bit;
}

GVirIdSet *
gvir_id_set_new (guint max_ids)
{
  GVirIdSet *set;
  guint n_words;

  g_return_val_if_fail (max_ids > 0 && max_ids <= GVIR_ID_SET_LIMIT, NULL);

  n_words = words_for (max_ids);
  set = g_malloc0 (sizeof (GVirIdSet) + n_words * sizeof (guint64));
  set->max_ids = max_ids;
  set->n_words = n_words;
  return set;
}

GVirIdSet *
gvir_id_set_copy (const GVirIdSet *set)
{
  g_return_val_if_fail (set != NULL, NULL);

  return g_memdup2 (set, sizeof (GVirIdSet) + set->n_words * sizeof (guint64));
}

void
gvir_id_set_free (GVirIdSet *set)
{
  g_free (set);
}

guint
gvir_id_set_get_max_ids (const GVirIdSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->max_ids;
}

gboolean
gvir_id_set_add (GVirIdSet *set, guint id)
{
  g_return_val_if_fail (set != NULL, FALSE);

  if (id >= set->max_ids)
    return FALSE;
  set->words[id / BITS_PER_WORD] |= word_bit (id);
  return TRUE;
}

void
gvir_id_set_remove (GVirIdSet *set, guint id)
{
  g_return_if_fail (set != NULL);

  if (id < set->max_ids)
    set->words[id / BITS_PER_WORD] &= ~word_bit (id);
}

/* ---- queries ---------------------------------------------------------------- */

gboolean
gvir_id_set_contains (const GVirIdSet *set, guint id)
{
  g_return_val_if_fail (set != NULL, FALSE);

  return id < set->max_ids && (set->words[id / BITS_PER_WORD] & word_bit (id)) != 0;
}

guint
gvir_id_set_count (const GVirIdSet *set)
{
  guint count = 0;

  g_return_val_if_fail (set != NULL, 0);

  for (guint i = 0; i < set->n_words; i++)
    count += word_popcount (set->words[i]);
  return count;
}

gboolean
gvir_id_set_is_empty (const GVirIdSet *set)
{
  return gvir_id_set_first (set) < 0;
}

gboolean
gvir_id_set_equal (const GVirIdSet *set, const GVirIdSet *other)
{
  guint n_words;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (other != NULL, FALSE);

  n_words = MAX (set->n_words, other->n_words);
  for (guint i = 0; i < n_words; i++)
    if (word_at (set, i) != word_at (other, i))
      return FALSE;
  return TRUE;
}

/* The lowest id at or above @from, or -1. */
static gint
find_from (const GVirIdSet *set, guint from)
{
  guint index = from / BITS_PER_WORD;
  guint64 word;

  if (from >= set->max_ids)
    return -1;
  /* Drop the bits below @from in its own word, then scan whole words. */
  word = set->words[index] & ~(word_bit (from) - 1);
  while (word == 0)
    {
      if (++index >= set->n_words)
        return -1;
      word = set->words[index];
    }
  return (gint) (index * BITS_PER_WORD + word_lowest_bit (word));
}

gint
gvir_id_set_first (const GVirIdSet *set)
{
  g_return_val_if_fail (set != NULL, -1);

  return find_from (set, 0);
}

gint
gvir_id_set_next (const GVirIdSet *set, guint id)
{
  g_return_val_if_fail (set != NULL, -1);

  if (id >= set->max_ids)
    return -1;
  return find_from (set, id + 1);
}

gint
gvir_id_set_last (const GVirIdSet *set)
{
  g_return_val_if_fail (set != NULL, -1);

  for (guint index = set->n_words; index-- > 0;)
    {
      guint64 word = set->words[index];
      guint bit = BITS_PER_WORD - 1;

      if (word == 0)
        continue;
      while ((word & (G_GUINT64_CONSTANT (1) << bit)) == 0)
        bit--;
      return (gint) (index * BITS_PER_WORD + bit);
    }
  return -1;
}

void
gvir_id_set_foreach (const GVirIdSet *set, GVirIdSetFunc func, gpointer user_data)
{
  g_return_if_fail (set != NULL);
  g_return_if_fail (func != NULL);

  for (gint id = gvir_id_set_first (set); id >= 0; id = gvir_id_set_next (set, (guint) id))
    func ((guint) id, user_data);
}

static void
append_id (guint id, gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, id);
}

GArray *
gvir_id_set_to_array (const GVirIdSet *set)
{
  GArray *ids;

  g_return_val_if_fail (set != NULL, NULL);

  ids = g_array_new (FALSE, FALSE, sizeof (guint));
  gvir_id_set_foreach (set, append_id, ids);
  return ids;
}

/* ---- combining -------------------------------------------------------------- */

GVirIdSet *
gvir_id_set_union (const GVirIdSet *set, const GVirIdSet *other)
{
  GVirIdSet *result;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  result = gvir_id_set_new (MAX (set->max_ids, other->max_ids));
  for (guint i = 0; i < result->n_words; i++)
    result->words[i] = word_at (set, i) | word_at (other, i);
  return result;
}

GVirIdSet *
gvir_id_set_intersect (const GVirIdSet *set, const GVirIdSet *other)
{
  GVirIdSet *result;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  result = gvir_id_set_copy (set);
  for (guint i = 0; i < result->n_words; i++)
    result->words[i] &= word_at (other, i);
  return result;
}

GVirIdSet *
gvir_id_set_subtract (const GVirIdSet *set, const GVirIdSet *other)
{
  GVirIdSet *result;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (other != NULL, NULL);

  result = gvir_id_set_copy (set);
  for (guint i = 0; i < result->n_words; i++)
    result->words[i] &= ~word_at (other, i);
  return result;
}

/* ---- libvirt's syntax --------------------------------------------------------- */

typedef struct
{
  const char *text;   /* the whole input, for messages */
  const char *what;   /* "nodeset", "cpuset", ... */
  const char *cursor;
  GVirIdSet *set;
} IdSetParser;

static gboolean
parser_fail (IdSetParser *parser, GError **error, const char *reason)
{
  g_set_error (error, GVIR_ERROR, GVIR_ERROR_INVALID_ARGUMENT,
               "Invalid %s '%s': %s", parser->what, parser->text, reason);
  return FALSE;
}

static void
parser_skip_blanks (IdSetParser *parser)
{
  while (g_ascii_isspace (*parser->cursor))
    parser->cursor++;
}

static int
parser_offset (IdSetParser *parser)
{
  return (int) (parser->cursor - parser->text);
}

static gboolean
parser_read_id (IdSetParser *parser, guint *id, GError **error)
{
  guint value = 0;

  parser_skip_blanks (parser);
  if (*parser->cursor == '\0')
    return parser_fail (parser, error, "expected a number at the end");
  if (!g_ascii_isdigit (*parser->cursor))
    {
      g_autofree char *reason =
        g_strdup_printf ("expected a number at offset %d", parser_offset (parser));
      return parser_fail (parser, error, reason);
    }

  /* Refused as soon as it reaches the bound, so it never overflows. */
  for (; g_ascii_isdigit (*parser->cursor); parser->cursor++)
    {
      value = value * 10 + (guint) (*parser->cursor - '0');
      if (value >= parser->set->max_ids)
        {
          g_autofree char *reason =
            g_strdup_printf ("ids must be below %u", parser->set->max_ids);
          return parser_fail (parser, error, reason);
        }
    }
  parser_skip_blanks (parser);
  *id = value;
  return TRUE;
}

/* One item: "N", "N-M" or "^N". */
static gboolean
parser_read_item (IdSetParser *parser, GError **error)
{
  gboolean exclude;
  guint first, last;

  parser_skip_blanks (parser);
  exclude = *parser->cursor == '^';
  if (exclude)
    {
      parser->cursor++;
      /* As in libvirt: the number follows '^' with nothing between. */
      if (!g_ascii_isdigit (*parser->cursor))
        return parser_fail (parser, error, "'^' must be followed directly by a number");
    }
  if (!parser_read_id (parser, &first, error))
    return FALSE;
  last = first;

  if (*parser->cursor == '-')
    {
      if (exclude)
        return parser_fail (parser, error, "'^' must be followed by a single number, not a range");
      parser->cursor++;
      if (!parser_read_id (parser, &last, error))
        return FALSE;
      if (last < first)
        {
          g_autofree char *reason =
            g_strdup_printf ("range %u-%u ends before it starts", first, last);
          return parser_fail (parser, error, reason);
        }
    }

  for (guint id = first; id <= last; id++)
    {
      if (exclude)
        gvir_id_set_remove (parser->set, id);
      else
        gvir_id_set_add (parser->set, id);
    }
  return TRUE;
}

static gboolean
parser_read_items (IdSetParser *parser, GError **error)
{
  parser_skip_blanks (parser);
  if (*parser->cursor == '\0')
    return parser_fail (parser, error, "it is empty");

  while (parser_read_item (parser, error))
    {
      if (*parser->cursor == '\0')
        return TRUE;
      if (*parser->cursor != ',')
        {
          g_autofree char *reason =
            g_strdup_printf ("unexpected character '%c' at offset %d",
                             *parser->cursor, parser_offset (parser));
          return parser_fail (parser, error, reason);
        }
      parser->cursor++;
      parser_skip_blanks (parser);
      /* libvirt tolerates one trailing comma. */
      if (*parser->cursor == '\0')
        return TRUE;
    }
  return FALSE;
}

GVirIdSet *
gvir_id_set_parse (const char *text, const char *what, guint max_ids, GError **error)
{
  g_autoptr(GVirIdSet) set = NULL;
  IdSetParser parser;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (what != NULL, NULL);
  g_return_val_if_fail (max_ids > 0 && max_ids <= GVIR_ID_SET_LIMIT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  set = gvir_id_set_new (max_ids);
  parser = (IdSetParser) { .text = text, .what = what, .cursor = text, .set = set };
  if (!parser_read_items (&parser, error))
    return NULL;
  /* libvirt refuses a set that selects nothing, such as "1,^1". */
  if (gvir_id_set_is_empty (set))
    {
      parser_fail (&parser, error, "it names no id");
      return NULL;
    }
  return g_steal_pointer (&set);
}

char *
gvir_id_set_format (const GVirIdSet *set)
{
  GString *out;
  gint first;

  g_return_val_if_fail (set != NULL, NULL);

  out = g_string_new (NULL);
  for (first = gvir_id_set_first (set); first >= 0;)
    {
      gint last = first;
      gint next;

      while ((next = gvir_id_set_next (set, (guint) last)) == last + 1)
        last = next;
      if (out->len > 0)
        g_string_append_c (out, ',');
      if (last == first)
        g_string_append_printf (out, "%d", first);
      else
        g_string_append_printf (out, "%d-%d", first, last);
      first = next;
    }
  return g_string_free (out, FALSE);
}
