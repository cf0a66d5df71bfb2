"""Generic row writes that fill the columns every business table shares.

``insert`` adds uuid, timestamps and origin office; ``update`` bumps ``revision`` and
``updated_at`` and can refuse a stale edit (optimistic concurrency for the GUI and exchange).
Table and column names come from code, never from users; values are always bound parameters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ledger.errors import NotFound, Refused
from ledger.store.audit import now_text
from ledger.store.database import new_uuid

_IDENT_OK = set("abcdefghijklmnopqrstuvwxyz_0123456789")


def _ident(name: str) -> str:
    if not name or set(name) - _IDENT_OK:
        raise ValueError(f"bad identifier {name!r}")
    return name


def insert(
    conn: sqlite3.Connection, table: str, values: Mapping[str, Any], *, office: str = ""
) -> tuple[int, str]:
    """Insert a business row; return (id, uuid)."""
    now = now_text()
    row = dict(values)
    row.setdefault("uuid", new_uuid())
    row.setdefault("created_at", now)
    row.setdefault("updated_at", now)
    row.setdefault("origin_office", office)
    cols = [_ident(c) for c in row]
    sql = f"INSERT INTO {_ident(table)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    cur = conn.execute(sql, list(row.values()))
    return int(cur.lastrowid), str(row["uuid"])


def update(
    conn: sqlite3.Connection,
    table: str,
    row_id: int,
    values: Mapping[str, Any],
    *,
    expected_revision: int | None = None,
) -> bool:
    """Update the changed columns of one row; return whether anything changed."""
    current = conn.execute(f"SELECT * FROM {_ident(table)} WHERE id = ?", (row_id,)).fetchone()
    if current is None:
        raise NotFound(f"记录不存在（{table} #{row_id}）")
    if expected_revision is not None and current["revision"] != expected_revision:
        raise Refused("该记录已被他人修改（版本已变化），请重新打开后再编辑")
    changed = {k: v for k, v in values.items() if current[k] != v}
    if not changed:
        return False
    sets = ", ".join(f"{_ident(c)} = ?" for c in changed)
    conn.execute(
        f"UPDATE {_ident(table)} SET {sets}, revision = revision + 1, updated_at = ? WHERE id = ?",
        [*changed.values(), now_text(), row_id],
    )
    return True


def delete(conn: sqlite3.Connection, table: str, row_id: int) -> None:
    cur = conn.execute(f"DELETE FROM {_ident(table)} WHERE id = ?", (row_id,))
    if cur.rowcount == 0:
        raise NotFound(f"记录不存在（{table} #{row_id}）")


def get(conn: sqlite3.Connection, table: str, row_id: int) -> sqlite3.Row:
    row = conn.execute(f"SELECT * FROM {_ident(table)} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        raise NotFound(f"记录不存在（{table} #{row_id}）")
    return row
