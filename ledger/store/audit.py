"""Audit trail: triggers on every business table append hash-chained rows to ``audit_log``.

The triggers call three SQL functions that every connection of ours registers
(:func:`register_functions`): ``app_now()``, ``app_actor()`` and ``app_hash(...)``. A tool that
does not register them (e.g. a generic SQLite browser) cannot write audited tables — a guard
rail, while the hash chain makes any later edit of the log detectable by ``ipdesk check``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from json.encoder import encode_basestring as _encode_str

# Tables with their own uuid column.
BUSINESS_TABLES: tuple[str, ...] = (
    "app_user",
    "programme",
    "enterprise",
    "ip_right",
    "insurer",
    "product",
    "policy",
    "subsidy_application",
    "subsidy_event",
    "claim",
    "claim_cost_item",
    "claim_payment",
    "case_study",
    "attachment",
)

# Link tables audited under their parent's uuid: table -> (parent table, foreign key column).
LINK_TABLES: dict[str, tuple[str, str]] = {
    "policy_insurer": ("policy", "policy_id"),
    "policy_ip_right": ("policy", "policy_id"),
    "product_insurer": ("product", "product_id"),
    "app_setting": ("", ""),
}

GENESIS = "0" * 64
_sha256 = hashlib.sha256


def now_text() -> str:
    """Local time ``YYYY-MM-DDTHH:MM:SS`` (what ``datetime.now().isoformat(timespec="seconds")``
    gives; the audit triggers call it once per row, so the cheaper ``strftime`` spelling)."""
    return time.strftime("%Y-%m-%dT%H:%M:%S")


def _canonical_payload(fields: tuple[object, ...]) -> str:
    """``json.dumps(list(fields), ensure_ascii=False)`` for the audit row's fields.

    The triggers hash every audited row, so the common case (text or NULL only) is spelled out
    with the json module's own string encoder; anything else goes through ``json.dumps``.
    """
    parts = []
    for value in fields:
        if value.__class__ is str:
            parts.append(_encode_str(value))  # type: ignore[arg-type]
        elif value is None:
            parts.append("null")
        else:
            return json.dumps(list(fields), ensure_ascii=False)
    return "[" + ", ".join(parts) + "]"


def chain_hash(
    prev: str, at: str, actor: str, table: str, uuid: str, op: str, old: str | None, new: str | None
) -> str:
    """sha256 over the previous hash and the canonical fields of one audit row
    (the UTF-8 of ``json.dumps([prev, at, actor, table, uuid, op, old, new], ensure_ascii=False)``)."""
    payload = _canonical_payload((prev, at, actor, table, uuid, op, old, new))
    return _sha256(payload.encode("utf-8")).hexdigest()


def register_functions(conn: sqlite3.Connection, actor: Callable[[], str]) -> None:
    conn.create_function("app_now", 0, now_text)
    conn.create_function("app_actor", 0, actor)
    conn.create_function("app_hash", 8, chain_hash, deterministic=True)


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    """Column names via sqlite-utils' introspection (our connection, settings untouched)."""
    import sqlite_utils

    db = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    return [column.name for column in db[table].columns]


# Secrets never enter the log; the payload says only whether they changed.
SECRET_COLUMNS = {"password_hash"}


def _json_of(prefix: str, columns: Iterable[str]) -> str:
    parts = []
    for c in columns:
        if c in SECRET_COLUMNS:
            parts.append(f"'{c}_set', {prefix}.{c} <> ''")
        else:
            parts.append(f"'{c}', {prefix}.{c}")
    return "json_object(" + ", ".join(parts) + ")"


def _trigger_sql(table: str, op: str, uuid_expr: str, old_json: str, new_json: str) -> str:
    when = {"INSERT": "AFTER INSERT", "UPDATE": "AFTER UPDATE", "DELETE": "AFTER DELETE"}[op]
    return f"""
CREATE TRIGGER audit_{table}_{op.lower()} {when} ON {table}
BEGIN
    INSERT INTO audit_log (at, actor, table_name, record_uuid, op, old_values, new_values, prev_hash, hash)
    SELECT x.at, x.actor, '{table}', x.uuid, '{op}', x.old, x.new, p.h,
           app_hash(p.h, x.at, x.actor, '{table}', x.uuid, '{op}', x.old, x.new)
    FROM (SELECT app_now() AS at, app_actor() AS actor, {uuid_expr} AS uuid,
                 {old_json} AS old, {new_json} AS new) AS x,
         (SELECT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '{GENESIS}') AS h) AS p;
END"""


def install_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the audit triggers of every audited table; run inside a migration step."""
    for table in (*BUSINESS_TABLES, *LINK_TABLES):
        cols = _columns(conn, table)
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(f"DROP TRIGGER IF EXISTS audit_{table}_{op.lower()}")
        for op in ("INSERT", "UPDATE", "DELETE"):
            row = "OLD" if op == "DELETE" else "NEW"
            if table in BUSINESS_TABLES:
                uuid_expr = f"{row}.uuid"
            elif table == "app_setting":
                uuid_expr = f"'setting:' || {row}.key"
            else:
                parent, fk = LINK_TABLES[table]
                # On a cascade delete the parent row is already gone: fall back to "policy#12".
                uuid_expr = (f"coalesce((SELECT uuid FROM {parent} WHERE id = {row}.{fk}), "
                             f"'{parent}#' || {row}.{fk})")
            old_json = _json_of("OLD", cols) if op != "INSERT" else "NULL"
            new_json = _json_of("NEW", cols) if op != "DELETE" else "NULL"
            conn.execute(_trigger_sql(table, op, uuid_expr, old_json, new_json))


@dataclass(frozen=True)
class ChainReport:
    rows: int
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_chain(rows: Iterable[tuple]) -> ChainReport:
    """Recompute the chain over rows (seq, at, actor, table, uuid, op, old, new, prev, hash)."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq: int | None = None
    count = 0
    for seq, at, actor, table, uuid, op, old, new, prev_hash, hash_ in rows:
        count += 1
        if expected_seq is not None and seq != expected_seq:
            problems.append(f"审计日志序号不连续：第 {expected_seq} 条之后直接是第 {seq} 条（记录被删除）")
        expected_seq = seq + 1
        if prev_hash != prev:
            problems.append(f"审计日志第 {seq} 条的前序哈希与上一条不符（链条断开）")
        if chain_hash(prev_hash, at, actor, table, uuid, op, old, new) != hash_:
            problems.append(f"审计日志第 {seq} 条内容与其哈希不符（记录被改动）")
        prev = hash_
        if len(problems) >= 20:
            problems.append("……问题过多，仅列出前 20 条")
            break
    return ChainReport(count, problems)


def log_event(conn: sqlite3.Connection, table: str, uuid: str, op: str, detail: dict) -> None:
    """Append a non-row event (LOGIN, EXPORT, BACKUP…) to the chain; caller holds a write txn."""
    new = json.dumps(detail, ensure_ascii=False, sort_keys=True)
    conn.execute(
        f"""INSERT INTO audit_log (at, actor, table_name, record_uuid, op, old_values, new_values, prev_hash, hash)
        SELECT x.at, x.actor, ?, ?, ?, NULL, ?, p.h, app_hash(p.h, x.at, x.actor, ?, ?, ?, NULL, ?)
        FROM (SELECT app_now() AS at, app_actor() AS actor) AS x,
             (SELECT coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '{GENESIS}') AS h) AS p""",
        (table, uuid, op, new, table, uuid, op, new),
    )
