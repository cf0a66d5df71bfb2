"""The store: pragmas on every connection, STRICT tables, transactions, migrations, refusals."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from ledger.errors import DataProblem
from ledger.store import audit, migrations, open_store, records

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _pragmas(conn):
    return (conn.execute("PRAGMA foreign_keys").fetchone()[0],
            conn.execute("PRAGMA journal_mode").fetchone()[0],
            conn.execute("PRAGMA synchronous").fetchone()[0])


def test_every_connection_has_the_pragmas(ledger_store):
    assert _pragmas(ledger_store.conn) == (1, "wal", 2)
    seen = []
    thread = threading.Thread(target=lambda: seen.append(_pragmas(ledger_store.conn)))
    thread.start()
    thread.join()
    assert seen == [(1, "wal", 2)]


def test_all_tables_are_strict_and_business_rows_carry_stable_ids(ledger_store):
    tables = ledger_store.rows("PRAGMA table_list")
    ours = [t for t in tables if t["schema"] == "main" and t["type"] == "table"
            and not t["name"].startswith(("sqlite_", "enterprise_fts", "ip_right_fts"))]
    assert ours and all(t["strict"] == 1 for t in ours), [t["name"] for t in ours if not t["strict"]]
    for table in audit.BUSINESS_TABLES:
        cols = {r["name"] for r in ledger_store.rows(f"PRAGMA table_info({table})")}
        assert {"id", "uuid", "created_at", "updated_at", "revision", "origin_office"} <= cols, table


def test_foreign_keys_are_enforced(ledger_store):
    with pytest.raises(sqlite3.IntegrityError), ledger_store.write() as conn:
        records.insert(conn, "ip_right", {"enterprise_id": 999, "ip_type": "商标", "number": "12345678"})
    assert ledger_store.scalar("SELECT count(*) FROM ip_right") == 0


def test_failed_write_rolls_back_everything(ledger_store):
    with pytest.raises(sqlite3.IntegrityError), ledger_store.write() as conn:
        records.insert(conn, "enterprise", {"name": "甲", "uscc": "91110000600037341L", "district_code": "320214"})
        records.insert(conn, "enterprise", {"name": "乙", "uscc": "91110000600037341L", "district_code": "320214"})
    assert ledger_store.scalar("SELECT count(*) FROM enterprise") == 0
    assert ledger_store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'enterprise'") == 0


def test_update_bumps_revision_and_refuses_stale_edits(ledger_store):
    from ledger.errors import Refused

    with ledger_store.write() as conn:
        eid, _ = records.insert(conn, "enterprise", {"name": "甲", "uscc": "91110000600037341L",
                                                    "district_code": "320214"})
    with ledger_store.write() as conn:
        assert records.update(conn, "enterprise", eid, {"name": "甲公司"}, expected_revision=1)
        assert not records.update(conn, "enterprise", eid, {"name": "甲公司"})
    assert ledger_store.scalar("SELECT revision FROM enterprise WHERE id = ?", (eid,)) == 2
    with pytest.raises(Refused), ledger_store.write() as conn:
        records.update(conn, "enterprise", eid, {"name": "乙"}, expected_revision=1)


def test_refuses_newer_foreign_and_non_sqlite_files(tmp_path):
    newer = tmp_path / "newer.sqlite"
    open_store(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(DataProblem, match="比本程序支持的版本"):
        open_store(newer)

    foreign = tmp_path / "other.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (x)")
    conn.close()
    with pytest.raises(DataProblem, match="其他程序"):
        open_store(foreign)

    text = tmp_path / "readme.sqlite"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(DataProblem, match="不是 SQLite 数据库"):
        open_store(text)
    with pytest.raises(DataProblem, match="文件夹"):
        open_store(tmp_path)
    with pytest.raises(DataProblem, match="不存在"):
        open_store(tmp_path / "missing.sqlite", create=False)


def test_first_schema_fixture_migrates_with_a_backup(tmp_path):
    db = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_v1.sqlite", db)
    store = open_store(db, actor="升级")
    try:
        assert store.scalar("PRAGMA user_version") == migrations.LATEST_VERSION
        assert store.scalar("SELECT name FROM enterprise") == "江阴鑫淼新材料有限公司"
        # schema 2 built the trigram index over existing rows
        assert store.scalar("SELECT count(*) FROM enterprise_fts WHERE enterprise_fts MATCH '鑫淼新材料'") == 1
    finally:
        store.close()
    backups = list(tmp_path.glob("old.v1-*.bak.sqlite"))
    assert len(backups) == 1
    check = sqlite3.connect(backups[0])
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    assert check.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 1
    check.close()


def test_migration_step_is_all_or_nothing(tmp_path, monkeypatch):
    db = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema_v1.sqlite", db)
    broken = migrations.Migration(2, "0002_search.sql", after=lambda conn: 1 / 0)
    monkeypatch.setattr(migrations, "MIGRATIONS", (migrations.MIGRATIONS[0], broken))
    with pytest.raises(ZeroDivisionError):
        open_store(db)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'enterprise_fts'").fetchone()[0] == 0
    conn.close()


def test_split_statements_keeps_trigger_bodies_whole():
    script = "CREATE TABLE a (x);\n-- c\nCREATE TRIGGER t AFTER INSERT ON a BEGIN\n SELECT 1;\n SELECT 2;\nEND;\n"
    parts = migrations.split_statements(script)
    assert len(parts) == 2 and parts[1].count("SELECT") == 2


@pytest.mark.parametrize("register", ["policy", "subsidy", "claim", "ip_right"])
def test_default_register_order_reads_an_index_not_a_sort(ledger_store, register):
    """The first page of these registers (ORDER BY default LIMIT 200) walks an index (schema 5)."""
    from ledger.store import registers

    spec = registers.REGISTERS[register]
    where, params = registers._where(spec, {}, None)
    select = ", ".join([spec.id_expr] + [c.expr for c in spec.columns])
    sql = (f"SELECT {select} FROM {spec.from_sql}{where}"
           f"{registers.order_clause(spec, None, spec.default_descending)} LIMIT 200")
    rows = ledger_store.rows("EXPLAIN QUERY PLAN " + sql, params)
    outer = [r[3] for r in rows if r[1] == 0]  # the main query's steps, not its subqueries'
    assert outer[0].startswith("SCAN") and "USING INDEX" in outer[0], outer
    assert not any("TEMP B-TREE FOR ORDER BY" in step for step in outer), outer
