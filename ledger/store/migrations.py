"""Schema migrations: a ``PRAGMA user_version`` ladder, one ``BEGIN IMMEDIATE`` transaction per step.

Each step runs its SQL file statement by statement (never ``executescript``, which would commit
behind our back), re-creates the audit triggers (so new columns are audited), and sets
``user_version`` — all in the same
transaction, so a crash leaves the database at the previous version. Before any pending step
runs on an existing database a backup copy is written (``backup.backup_file``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ledger.errors import DataProblem
from ledger.store import audit

SQL_DIR = Path(__file__).resolve().parent / "sql"
APPLICATION_ID = 0x49504453  # "IPDS": marks the file as ours


@dataclass(frozen=True)
class Migration:
    version: int
    sql_file: str
    after: Callable[[sqlite3.Connection], None] | None = None


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "0001_initial.sql"),
    Migration(2, "0002_search.sql"),
    Migration(3, "0003_exchange.sql"),
    Migration(4, "0004_stats_cache.sql"),
    Migration(5, "0005_register_order_indexes.sql"),
)
LATEST_VERSION = MIGRATIONS[-1].version


def split_statements(script: str) -> list[str]:
    """Split a SQL script into complete statements (trigger bodies stay whole)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        if not buffer and (not line.strip() or line.strip().startswith("--")):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        raise DataProblem(f"迁移脚本末尾有不完整的 SQL 语句：{buffer[:80]}")
    return statements


def schema_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_compatible(conn: sqlite3.Connection, path: str) -> int:
    """Return the file's schema version, refusing foreign or newer databases."""
    version = schema_version(conn)
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id not in (0, APPLICATION_ID):
        raise DataProblem(f"文件 {path} 不是本程序的数据库（application_id={app_id:#x}）")
    if version > LATEST_VERSION:
        raise DataProblem(
            f"数据库 {path} 的结构版本为 {version}，比本程序支持的版本 {LATEST_VERSION} 新。"
            "请升级程序后再打开，以免损坏数据。"
        )
    if version == 0:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
        if tables:
            raise DataProblem(f"文件 {path} 是其他程序的 SQLite 数据库（含 {tables} 张未知表），拒绝打开")
    return version


def pending(conn: sqlite3.Connection) -> list[Migration]:
    current = schema_version(conn)
    return [m for m in MIGRATIONS if m.version > current]


def apply_step(conn: sqlite3.Connection, step: Migration) -> None:
    script = (SQL_DIR / step.sql_file).read_text(encoding="utf-8")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if schema_version(conn) >= step.version:  # another process got there first
            conn.execute("ROLLBACK")
            return
        for statement in split_statements(script):
            conn.execute(statement)
        if step.after is not None:
            step.after(conn)
        audit.install_triggers(conn)  # every step: new columns enter the audit payload
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {step.version}")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise DataProblem(f"迁移到版本 {step.version} 后外键检查失败：{problems[:5]}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def migrate(conn: sqlite3.Connection, stop_before: int | None = None) -> list[int]:
    """Apply pending steps (up to but excluding ``stop_before``); return the versions applied."""
    applied = []
    for step in pending(conn):
        if stop_before is not None and step.version >= stop_before:
            break
        apply_step(conn, step)
        applied.append(step.version)
    return applied
