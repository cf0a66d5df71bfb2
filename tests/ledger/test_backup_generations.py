"""Automatic backup generations, retention, safety copies, restore, backups under concurrent writes."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from ledger.services import backup_generations as gen
from ledger.services.backups import restore_from
from ledger.services.opening import open_ledger
from ledger.store import backup, open_store, records

TODAY = date(2025, 3, 12)  # a Wednesday


def _name(d: date) -> str:
    return f"台账.auto-{d:%Y-%m-%d}.bak.sqlite"


def _expected_keep(today: date, first: date) -> set[date]:
    """Independent statement of the policy for one backup every day from ``first`` to ``today``."""
    days = {today - timedelta(days=i) for i in range(7)}
    weeks = set()
    for w in range(4):  # the last day (Sunday, or today) of each of the 4 most recent ISO weeks
        d = today - timedelta(weeks=w)
        weeks.add(min(today, d + timedelta(days=6 - d.weekday())))
    months = set()
    y, m = today.year, today.month
    for _ in range(12):  # the last day (or today) of each of the 12 most recent months
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        months.add(min(today, nxt - timedelta(days=1)))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return {d for d in days | weeks | months if d >= first}


def test_retention_plan_over_400_days_keeps_7_daily_4_weekly_12_monthly():
    first = TODAY - timedelta(days=399)
    names = [_name(first + timedelta(days=i)) for i in range(400)]
    plan = gen.retention_plan([*names, "readme.txt", "台账.auto-2025-02-30.bak.sqlite"], TODAY)
    kept = {backup.generation_date(n) for n in plan.keep}
    assert kept == _expected_keep(TODAY, first)
    assert len(plan.keep) + len(plan.drop) == 400
    assert len(kept) <= 7 + 4 + 12
    assert TODAY in kept and date(2024, 4, 30) in kept and date(2024, 3, 31) not in kept
    # Mondays to Saturdays of last week are gone, its Sunday stays
    assert date(2025, 3, 9) in kept and date(2025, 3, 4) not in kept


def test_retention_plan_after_months_unused_keeps_the_last_backups():
    old = [_name(date(2024, 6, d)) for d in range(1, 11)]
    plan = gen.retention_plan(old, TODAY)
    assert [backup.generation_date(n) for n in plan.keep][-7:] == [date(2024, 6, d) for d in range(4, 11)]
    future = _name(TODAY + timedelta(days=3))
    assert future in gen.retention_plan([future, *old], TODAY).keep


def test_prune_backups_deletes_only_dropped_generations(tmp_path):
    folder = tmp_path / "b"
    folder.mkdir()
    for i in range(60):
        (folder / _name(TODAY - timedelta(days=i))).write_bytes(b"x")
    (folder / "台账.before-exchange-import-20250101-120000.bak.sqlite").write_bytes(b"x")
    (folder / "notes.txt").write_text("keep me")
    removed = gen.prune_backups(folder, TODAY)
    left = sorted(p.name for p in folder.iterdir())
    assert "notes.txt" in left and any(".before-" in n for n in left)
    kept_days = {backup.generation_date(n) for n in left} - {None}
    assert kept_days == _expected_keep(TODAY, TODAY - timedelta(days=59))
    assert len(removed) == 60 - len(kept_days)


def test_daily_backup_once_a_day_owner_only_audited_and_pruned(ledger_store, tmp_path):
    folder = tmp_path / "gens"
    paths = [gen.ensure_daily_backup(ledger_store, folder, TODAY - timedelta(days=i)) for i in range(20, -1, -1)]
    assert all(p is not None for p in paths)
    assert gen.ensure_daily_backup(ledger_store, folder, TODAY) is None  # second open the same day
    files = sorted(folder.iterdir())
    assert {backup.generation_date(p.name) for p in files} == _expected_keep(TODAY, TODAY - timedelta(days=20))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for p in files:
        assert stat.S_IMODE(p.stat().st_mode) == 0o600
        assert backup.integrity_problems(p) == []
        assert not Path(str(p) + ".tmp").exists()
    events = ledger_store.rows("SELECT new_values FROM audit_log WHERE op = 'BACKUP'")
    assert len(events) == 21 and all('"daily"' in e[0] for e in events)


def test_open_ledger_writes_the_daily_backup_in_the_default_folder(db_path):
    store = open_ledger(db_path, daily_backup=True)
    store.close()
    store = open_ledger(db_path, daily_backup=True)
    try:
        assert store.backup_problem == ""
    finally:
        store.close()
    files = list((db_path.parent / "ipdesk-backups").iterdir())
    assert [f.name for f in files] == [f"ledger.auto-{date.today():%Y-%m-%d}.bak.sqlite"]


def test_open_ledger_survives_an_unwritable_backup_folder(db_path):
    open_ledger(db_path).close()
    (db_path.parent / "ipdesk-backups").write_text("a file where the folder should be")
    store = open_ledger(db_path, daily_backup=True)
    try:
        assert "备份" in store.backup_problem
    finally:
        store.close()


def test_backup_before_exchange_import_is_a_verified_audited_copy(ledger_store, tmp_path):
    with ledger_store.write() as conn:
        records.insert(conn, "enterprise", {"name": "甲公司", "uscc": "91110000600037341L", "district_code": "320214"})
    a = gen.backup_before(ledger_store, "exchange-import", tmp_path / "b")
    b = gen.backup_before(ledger_store, "Exchange Import/../x", tmp_path / "b")
    assert a != b and a.parent == b.parent == tmp_path / "b"
    assert ".before-exchange-import-" in a.name and "/" not in b.name.replace(".before-", "")
    conn = sqlite3.connect(a)
    try:
        assert conn.execute("SELECT name FROM enterprise").fetchall() == [("甲公司",)]
    finally:
        conn.close()
    assert stat.S_IMODE(a.stat().st_mode) == 0o600
    reasons = ledger_store.rows("SELECT new_values FROM audit_log WHERE op = 'BACKUP'")
    assert any("exchange-import" in r[0] for r in reasons)


def test_restore_keeps_the_current_database_as_a_backup(db_path, tmp_path):
    store = open_ledger(db_path)
    with store.write() as conn:
        records.insert(conn, "enterprise", {"name": "旧公司", "uscc": "91110000600037341L", "district_code": "320214"})
    snapshot = gen.backup_before(store, "test", tmp_path / "b")
    with store.write() as conn:
        records.insert(conn, "enterprise", {"name": "新公司", "uscc": "91350100M000100Y43", "district_code": "320214"})
    store.close()
    kept = restore_from(db_path, snapshot)
    check = sqlite3.connect(kept)
    try:
        assert {r[0] for r in check.execute("SELECT name FROM enterprise")} == {"旧公司", "新公司"}
    finally:
        check.close()
    assert backup.integrity_problems(kept) == []
    store = open_store(db_path)
    try:
        assert [r[0] for r in store.rows("SELECT name FROM enterprise")] == ["旧公司"]
    finally:
        store.close()


@pytest.mark.parametrize("progress", [False, True])
def test_backup_while_another_connection_writes_is_a_committed_state(ledger_store, tmp_path, progress):
    with ledger_store.write() as conn:  # a few hundred pages so the copy takes several steps
        records.insert_many(conn, "enterprise", [
            {"name": f"底数企业{i}" + "甲" * 150, "uscc": f"92{i:016d}", "district_code": "320214"}
            for i in range(1500)])
    committed = [ledger_store.scalar("SELECT count(*) FROM enterprise")]
    stop = threading.Event()
    failures: list[BaseException] = []
    fractions: list[float] = []

    def write() -> None:  # another thread -> its own connection of the same Store
        k = 0
        try:
            while not stop.is_set() and k < 20_000:  # bounded, so a restarting copy still ends
                with ledger_store.write() as conn:
                    for _ in range(10):
                        k += 1
                        records.insert(conn, "enterprise", {"name": f"并发{k}", "uscc": f"93{k:016d}",
                                                            "district_code": "320214", "notes": "batch"})
                committed.append(committed[-1] + 10)
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        while len(committed) < 5 and thread.is_alive():
            time.sleep(0.001)
        dest = backup.backup_connection(ledger_store.conn, tmp_path / "live.bak.sqlite",
                                        progress=fractions.append if progress else None)
    finally:
        stop.set()
        thread.join()
    assert not failures
    assert backup.integrity_problems(dest) == []
    conn = sqlite3.connect(dest)
    try:
        n = conn.execute("SELECT count(*) FROM enterprise").fetchone()[0]
        batch = conn.execute("SELECT count(*) FROM enterprise WHERE notes = 'batch'").fetchone()[0]
        audit_rows = conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'enterprise'").fetchone()[0]
    finally:
        conn.close()
    assert n in committed and batch % 10 == 0
    assert audit_rows == n  # one INSERT audit row per enterprise: the log matches the data
    assert os.path.getsize(dest) > 0
    # A stepped copy that another connection's commits restart shows as progress going back.
    assert fractions == sorted(fractions) and (not progress or fractions[-1] == 1.0)


def test_cli_backup_auto_writes_todays_generation_once(ledger_store, db_path):
    import subprocess
    import sys

    ledger_store.close()

    def ipdesk(*args):
        return subprocess.run([sys.executable, "-m", "desktop.cli", "--db", str(db_path), *args],
                              capture_output=True, text=True)

    first, second = ipdesk("backup", "--auto"), ipdesk("backup", "--auto")
    assert first.returncode == 0 and "已写入今日自动备份" in first.stdout, first.stderr
    assert second.returncode == 0 and "已存在" in second.stdout
    assert [p.name for p in (db_path.parent / "ipdesk-backups").iterdir()] == [
        f"ledger.auto-{date.today():%Y-%m-%d}.bak.sqlite"]
    assert ipdesk("backup").returncode == 1
