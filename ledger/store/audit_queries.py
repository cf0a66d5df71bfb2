"""Read queries over ``audit_log`` for the audit viewer: filter, count, page, stream, choices.

Every filter value is a bound parameter; the WHERE clause is joined from the constant fragments
below, so no caller text ever becomes SQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

COLUMNS = "seq, at, actor, table_name, record_uuid, op, old_values, new_values"


@dataclass(frozen=True)
class AuditQuery:
    """Filters (empty = any). ``at_from`` inclusive, ``at_before`` exclusive (ISO timestamps)."""

    record_uuids: tuple[str, ...] = ()
    record_prefix: str = ""
    actor: str = ""
    table: str = ""
    op: str = ""
    at_from: str = ""
    at_before: str = ""


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def where(q: AuditQuery) -> tuple[str, list[object]]:
    parts: list[str] = []
    params: list[object] = []
    if q.record_uuids:
        parts.append("record_uuid IN (" + ", ".join("?" * len(q.record_uuids)) + ")")
        params += list(q.record_uuids)
    if q.record_prefix:
        parts.append("record_uuid LIKE ? ESCAPE '\\'")
        params.append(_escape_like(q.record_prefix) + "%")
    if q.actor:
        parts.append("actor = ?")
        params.append(q.actor)
    if q.table:
        parts.append("table_name = ?")
        params.append(q.table)
    if q.op:
        parts.append("op = ?")
        params.append(q.op)
    if q.at_from:
        parts.append("at >= ?")
        params.append(q.at_from)
    if q.at_before:
        parts.append("at < ?")
        params.append(q.at_before)
    return (" WHERE " + " AND ".join(parts)) if parts else "", params


def count(conn: sqlite3.Connection, q: AuditQuery) -> int:
    clause, params = where(q)
    return int(conn.execute("SELECT count(*) FROM audit_log" + clause, params).fetchone()[0])


def fetch(conn: sqlite3.Connection, q: AuditQuery, offset: int, limit: int, *,
          descending: bool = True) -> list[tuple]:
    clause, params = where(q)
    order = " ORDER BY seq DESC" if descending else " ORDER BY seq"
    sql = "SELECT " + COLUMNS + " FROM audit_log" + clause + order + " LIMIT ? OFFSET ?"
    return [tuple(r) for r in conn.execute(sql, [*params, limit, offset])]


def stream(conn: sqlite3.Connection, q: AuditQuery, *, batch: int = 2000) -> Iterator[tuple]:
    """All matching rows, newest first, fetched in batches (bounded memory)."""
    clause, params = where(q)
    cur = conn.execute("SELECT " + COLUMNS + " FROM audit_log" + clause + " ORDER BY seq DESC", params)
    while True:
        rows = cur.fetchmany(batch)
        if not rows:
            return
        yield from (tuple(r) for r in rows)


def one(conn: sqlite3.Connection, seq: int) -> tuple | None:
    row = conn.execute("SELECT " + COLUMNS + " FROM audit_log WHERE seq = ?", (seq,)).fetchone()
    return None if row is None else tuple(row)


def actors(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT actor FROM audit_log ORDER BY actor")]


def tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT table_name FROM audit_log ORDER BY table_name")]


def ops(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT op FROM audit_log ORDER BY op")]


# Tables whose rows can be picked in a register (register key → table); the table name comes
# from this fixed map, never from the caller.
_UUID_SQL = {
    table: f"SELECT uuid FROM {table} WHERE id = ?"  # noqa: S608 (table from the fixed tuple)
    for table in ("enterprise", "ip_right", "policy", "subsidy_application", "claim", "case_study",
                  "programme", "insurer", "product", "app_user")
}


def uuids_of(conn: sqlite3.Connection, table: str, ids: Sequence[int]) -> list[str]:
    sql = _UUID_SQL.get(table)
    if sql is None:
        return []
    out = []
    for row_id in ids:
        row = conn.execute(sql, (int(row_id),)).fetchone()
        if row is not None:
            out.append(row[0])
    return out
