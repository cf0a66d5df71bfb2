"""Crash safety (fast variant): SIGKILL writers at random moments, then check the database.

The full run (200 kills) is ``benchmarks/crash_kill.py``.
"""

from __future__ import annotations

import os
import sys

import pytest

from ledger.store import open_store, records
from tests.crash import harness

pytestmark = pytest.mark.skipif(sys.platform == "win32" or not hasattr(os, "fork"),
                                reason="SIGKILL/fork harness needs a POSIX system")


def test_twelve_random_kills_lose_nothing_and_leave_no_partial_transaction(tmp_path):
    figures = harness.run(tmp_path, 12, seed=20240601, max_delay=0.35)
    assert figures.ok, figures.summary() + "\n" + "\n".join(figures.problems[:10])
    assert figures.kills == 12
    assert figures.committed > 0, "the writers never committed: the kills all came too early"
    assert figures.migrations_checked >= 1
    assert figures.seconds < 30


def test_spawned_writer_process_is_killed_and_checked(tmp_path):
    figures = harness.run(tmp_path, 1, modes=("bulk",), spawn=True, max_delay=0.1)
    assert figures.ok, figures.problems
    assert figures.committed >= 1


def test_the_checker_sees_a_partial_batch_and_a_lost_commit(tmp_path):
    """The harness must be able to fail: break a batch and journal a commit that never happened."""
    db = harness.prepare(tmp_path, "bulk")
    journal = tmp_path / "bulk" / "journal.txt"
    harness.kill_once("bulk", db, journal, 0.3)
    store = open_store(db)
    try:
        victim = store.scalar("SELECT id FROM ip_right WHERE number LIKE 'CRASH1-%' LIMIT 1")
        assert victim is not None, "writer committed no batch in 0.3 s"
        with store.write() as conn:
            conn.execute("DELETE FROM policy_ip_right WHERE ip_right_id = ?", (victim,))
            records.delete(conn, "ip_right", victim)
    finally:
        store.close()
    with journal.open("a") as fh:
        fh.write("bulk 999999\n")
    figures = harness.Figures()
    harness.verify("bulk", db, journal, figures, set())
    assert figures.partial_transactions >= 1
    assert figures.lost_commits == 1
    assert any("999999" in p for p in figures.problems)
