/*
 * test-vala.vala: the libvirt-gobject lifecycle, compiled against the .vapi
 *
 * Copyright (C) 2026 The libvirt-glib-ng authors
 *
 * This library is free software; you can redistribute it and/or
 * modify it under the terms of the GNU Lesser General Public
 * License as published by the Free Software Foundation; either
 * version 2.1 of the License, or (at your option) any later version.
 */

const string URI = "test:///default";
/* A missing signal or a lost async reply must fail, not hang: the bound of
 * tests/common/gvir-test-wait.h, stretched the same way. */
const uint TIMEOUT_SECONDS = 20;

uint timeout_seconds ()
{
  var multiplier = Environment.get_variable ("GVIR_TEST_WAIT_MULTIPLIER");
  return TIMEOUT_SECONDS * (multiplier != null ? (uint) uint64.parse (multiplier) : 1);
}

/* Runs @loop until @done; after the bound, fails naming @what. */
void run_until (MainLoop loop, ref bool done, string what)
{
  var timed_out = false;
  var seconds = timeout_seconds ();
  var id = Timeout.add_seconds (seconds, () => {
    timed_out = true;
    loop.quit ();
    return Source.REMOVE;
  });
  while (!done && !timed_out)
    loop.run ();
  if (timed_out)
    error ("timed out after %u s waiting for %s", seconds, what);
  Source.remove (id);
}

async void lifecycle (GVir.Domain dom) throws Error
{
  yield dom.suspend_async (null);
  yield dom.resume_async (null);
  yield dom.stop_async (0, null);
  yield dom.start_async (0, null);
}

GVir.Connection open_connection (bool read_only = false) throws Error
{
  var conn = new GVir.Connection (URI);
  if (read_only)
    conn.open_read_only (null);
  else
    conn.open (null);
  conn.fetch_domains (null);
  return conn;
}

void test_query ()
{
  try
    {
      var conn = open_connection ();
      var domains = conn.get_domains ();
      assert_cmpuint (domains.length (), CompareOperator.EQ, 1);
      assert_cmpstr (domains.data.get_name (), CompareOperator.EQ, "test");

      var info = conn.get_node_info ();
      assert_cmpuint (info.cpus, CompareOperator.EQ, 16);
      assert_cmpuint (info.mhz, CompareOperator.EQ, 1400);
      assert_cmpuint (info.nodes, CompareOperator.EQ, 2);
      assert_cmpuint ((uint) info.memory, CompareOperator.EQ, 3145728);
      assert_cmpstr (info.model, CompareOperator.EQ, "i686");
      conn.close ();
    }
  catch (Error e)
    {
      error ("%s", e.message);
    }
}

void test_async_lifecycle ()
{
  try
    {
      var loop = new MainLoop ();
      var conn = open_connection ();
      var dom = conn.find_domain_by_name ("test");
      assert_nonnull (dom);

      string[] events = {};
      dom.suspended["paused"].connect (() => { events += "suspended::paused"; });
      dom.resumed["unpaused"].connect (() => { events += "resumed::unpaused"; });
      dom.stopped["destroyed"].connect (() => { events += "stopped::destroyed"; });
      dom.started["booted"].connect (() => { events += "started::booted"; });

      var done = false;
      Error? failure = null;
      lifecycle.begin (dom, (obj, res) => {
        try
          {
            lifecycle.end (res);
          }
        catch (Error e)
          {
            failure = e;
          }
        done = true;
        loop.quit ();
      });
      run_until (loop, ref done, "suspend, resume, stop and start to complete");
      if (failure != null)
        error ("lifecycle failed: %s", failure.message);

      /* Signals are emitted in the main context; the last one may still be
       * queued behind the completion. */
      var all_seen = false;
      Idle.add (() => {
        all_seen = events.length == 4;
        if (all_seen)
          loop.quit ();
        return !all_seen;
      });
      run_until (loop, ref all_seen, "the four lifecycle signals");
      assert_cmpstr (string.joinv (",", events), CompareOperator.EQ,
                     "suspended::paused,resumed::unpaused,stopped::destroyed,started::booted");

      var state = dom.get_info ().state;
      assert_true (state == GVir.DomainState.RUNNING);
      conn.close ();
    }
  catch (Error e)
    {
      error ("%s", e.message);
    }
}

void test_errors ()
{
  GVir.Connection? conn = null;
  GVir.Connection? ro = null;
  GVir.Domain? dom = null;
  try
    {
      conn = open_connection ();
      dom = conn.find_domain_by_name ("test");
      dom.stop (0);
    }
  catch (Error e)
    {
      error ("%s", e.message);
    }

  try
    {
      dom.suspend ();
      error ("suspend of a stopped domain succeeded");
    }
  catch (GVir.Error.OPERATION_INVALID e)
    {
      assert_cmpstr (e.message, CompareOperator.EQ, "domain 'test' is not running");
    }
  catch (Error e)
    {
      error ("unexpected error: %s", e.message);
    }

  try
    {
      dom.start (0);
      conn.close ();
      ro = open_connection (true);
      ro.find_domain_by_name ("test").suspend ();
      error ("suspend on a read-only connection succeeded");
    }
  catch (GVir.Error.READ_ONLY e)
    {
      assert_cmpstr (e.message, CompareOperator.EQ,
                     "operation 'suspend domain' forbidden: the connection is read-only");
      ro.close ();
    }
  catch (Error e)
    {
      error ("unexpected error: %s", e.message);
    }
}

void test_gconfig ()
{
  try
    {
      var dom = new GVirConfig.Domain ();
      dom.set_name ("scratch");
      dom.set_memory (262144);
      dom.set_vcpus (2);
      var back = new GVirConfig.Domain.from_xml (dom.to_xml ());
      assert_cmpstr (back.get_name (), CompareOperator.EQ, "scratch");
      assert_cmpuint ((uint) back.get_memory (), CompareOperator.EQ, 262144);
      assert_cmpuint ((uint) back.get_vcpus (), CompareOperator.EQ, 2);
    }
  catch (Error e)
    {
      error ("%s", e.message);
    }
}

int main (string[] args)
{
  Test.init (ref args);
  Test.add_func ("/vala/query", test_query);
  Test.add_func ("/vala/async-lifecycle", test_async_lifecycle);
  Test.add_func ("/vala/errors", test_errors);
  Test.add_func ("/vala/gconfig", test_gconfig);
  return Test.run ();
}
