/*
 * driver-async-answers.h: collects the answers of asynchronous driver queries
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 *
 * Include after gvir-driver-private.h, and link gvir_test_common_dep.
 * Answers may come from any thread; each slot counts how often it was
 * answered, so that tests can check the "exactly once" promise.
 */
#pragma once

#include <string.h>

#include "../common/gvir-test-wait.h"

typedef struct _Answers Answers;

typedef struct
{
  Answers *answers;
  guint times;                /* how often this slot was answered */
  GThread *thread;            /* the thread of the (last) answer */
  gboolean has_info;
  GVirDriverDomainInfo info;
  int state;
  int reason;
  GError *error;
} AnswerSlot;

struct _Answers
{
  GMutex lock;
  GCond cond;
  guint answered;
  guint n_slots;
  AnswerSlot *slots;
};

static inline Answers *
answers_new (guint n_slots)
{
  Answers *a = g_new0 (Answers, 1);
  guint i;

  g_mutex_init (&a->lock);
  g_cond_init (&a->cond);
  a->n_slots = n_slots;
  a->slots = g_new0 (AnswerSlot, n_slots);
  for (i = 0; i < n_slots; i++)
    a->slots[i].answers = a;
  return a;
}

static inline void
answers_free (Answers *a)
{
  guint i;

  for (i = 0; i < a->n_slots; i++)
    g_clear_error (&a->slots[i].error);
  g_free (a->slots);
  g_mutex_clear (&a->lock);
  g_cond_clear (&a->cond);
  g_free (a);
}

static inline guint
answers_count (Answers *a)
{
  guint n;

  g_mutex_lock (&a->lock);
  n = a->answered;
  g_mutex_unlock (&a->lock);
  return n;
}

typedef struct
{
  Answers *answers;
  guint n;
} AnswersTarget;

static inline gboolean
answers_reached (gpointer data)
{
  AnswersTarget *t = data;

  return t->answers->answered >= t->n;
}

/* Waits until @n answers arrived; after the bound of gvir-test-wait.h,
 * fails naming @what. */
static inline void
answers_wait_for (Answers    *a,
                  guint       n,
                  const char *what)
{
  AnswersTarget t = { a, n };

  g_mutex_lock (&a->lock);
  gvir_test_cond_wait_until (&a->cond, &a->lock, answers_reached, &t, what);
  g_mutex_unlock (&a->lock);
}

/* Waits until @n answers arrived, failing after the bound with a message
 * that names them. */
static inline void
answers_wait (Answers *a,
              guint    n)
{
  answers_wait_for (a, n, "answers to asynchronous domain queries");
}

static inline void
answer_record (AnswerSlot   *slot,
               const GError *error)
{
  slot->times++;
  slot->thread = g_thread_self ();
  g_clear_error (&slot->error);
  if (error != NULL)
    slot->error = g_error_copy (error);
  slot->answers->answered++;
  g_cond_broadcast (&slot->answers->cond);
}

/* A GVirDriverDomainInfoFunc; @data is an AnswerSlot. */
static inline void
answer_info (const GVirDriverDomainInfo *info,
             const GError               *error,
             gpointer                    data)
{
  AnswerSlot *slot = data;

  g_assert_true ((info == NULL) != (error == NULL));
  g_mutex_lock (&slot->answers->lock);
  slot->has_info = info != NULL;
  if (info != NULL)
    slot->info = *info;
  answer_record (slot, error);
  g_mutex_unlock (&slot->answers->lock);
}

/* A GVirDriverDomainStateFunc; @data is an AnswerSlot. */
static inline void
answer_state (int           state,
              int           reason,
              const GError *error,
              gpointer      data)
{
  AnswerSlot *slot = data;

  g_mutex_lock (&slot->answers->lock);
  slot->state = state;
  slot->reason = reason;
  answer_record (slot, error);
  g_mutex_unlock (&slot->answers->lock);
}
