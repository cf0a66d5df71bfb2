"""Generic row writes that fill the columns every business table shares.

``insert`` adds uuid, timestamps and origin office; ``update`` bumps ``revision`` and
``updated_at`` and can refuse a stale edit (optimistic concurrency for the GUI and exchange).
Table and column names come from code, never from users; values are always bound parameters.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from operator import itemgetter
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


def insert_link(conn: sqlite3.Connection, table: str, values: Mapping[str, Any]) -> None:
    """Insert one row of a link table (no uuid, timestamps or office: e.g. ``policy_insurer``)."""
    cols = [_ident(c) for c in values]
    sql = f"INSERT INTO {_ident(table)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.execute(sql, list(values.values()))


def insert_many(
    conn: sqlite3.Connection,
    table: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    office: str = "",
    link: bool = False,
) -> int:
    """Insert many rows with the same keys (``executemany``); return how many were written.

    Business rows get uuid, timestamps and origin office like :func:`insert` (pass ``id`` and
    ``uuid`` in the rows to fix them); ``link=True`` writes the rows as given.
    """
    if not rows:
        return 0
    now = now_text()
    extra: dict[str, Any] = {} if link else {"created_at": now, "updated_at": now, "origin_office": office}
    keys = list(rows[0])
    fresh_uuid = not link and "uuid" not in keys
    add = [k for k in extra if k not in keys]
    cols = [_ident(c) for c in [*keys, *(["uuid"] if fresh_uuid else []), *add]]
    sql = f"INSERT INTO {_ident(table)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    key_set = rows[0].keys()
    pick = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    tail = tuple(extra[k] for k in add)

    def params(row: Mapping[str, Any]) -> tuple[Any, ...]:
        if row.keys() != key_set:
            raise ValueError(f"insert_many: rows of {table} have different keys")
        return (*pick(row), new_uuid(), *tail) if fresh_uuid else (*pick(row), *tail)

    conn.executemany(sql, map(params, rows))
    return len(rows)


def count(conn: sqlite3.Connection, table: str) -> int:
    """Number of rows of ``table``."""
    return int(conn.execute(f"SELECT count(*) FROM {_ident(table)}").fetchone()[0])


def next_id(conn: sqlite3.Connection, table: str) -> int:
    """The id the next row of ``table`` would get (max(id) + 1), for writers that fix ids."""
    return int(conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {_ident(table)}").fetchone()[0])


def id_map(conn: sqlite3.Connection, table: str, key: str) -> dict[Any, int]:
    """``{key value: id}`` of every row of ``table`` (e.g. insurer code → id)."""
    return {r[0]: int(r[1]) for r in conn.execute(f"SELECT {_ident(key)}, id FROM {_ident(table)}")}
