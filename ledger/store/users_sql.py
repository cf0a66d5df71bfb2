"""SQL of local user accounts (``app_user``), used by ``ledger.security``.

Only queries live here; the rules (password policy, permissions, lock-out) are in
``ledger.security``. Writes go through
``records.insert``/``records.update`` so revision, timestamps and the audit triggers apply.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ledger.store import records


def count_users(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM app_user").fetchone()[0])


def by_username(conn: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM app_user WHERE username = ?", (username,)).fetchone()


def by_id(conn: sqlite3.Connection, user_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM app_user WHERE id = ?", (user_id,)).fetchone()


def all_users(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM app_user ORDER BY active DESC, role, username").fetchall()


def count_active_admins(conn: sqlite3.Connection, *, excluding_id: int | None = None) -> int:
    row = conn.execute(
        "SELECT count(*) FROM app_user WHERE role = '管理员' AND active = 1 AND id IS NOT ?",
        (excluding_id,),
    ).fetchone()
    return int(row[0])


def ids_without_password(conn: sqlite3.Connection) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT id FROM app_user WHERE password_hash = '' ORDER BY id")]


def insert_user(conn: sqlite3.Connection, values: Mapping[str, Any], *, office: str = "") -> tuple[int, str]:
    return records.insert(conn, "app_user", values, office=office)


def update_user(conn: sqlite3.Connection, user_id: int, values: Mapping[str, Any]) -> bool:
    return records.update(conn, "app_user", user_id, values)
