"""SQL of attachment rows (the files themselves live in ``<db stem>.files/``, see
``ledger.services.attachments``). Inserts go through ``records.insert`` (audited).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from ledger.store import records

ATTACHMENT_OWNERS = frozenset({
    "programme", "enterprise", "ip_right", "insurer", "product", "policy", "subsidy_application",
    "subsidy_event", "claim", "claim_cost_item", "claim_payment", "case_study",
})


def owner_exists(conn: sqlite3.Connection, owner_table: str, owner_uuid: str) -> bool:
    if owner_table not in ATTACHMENT_OWNERS:
        raise ValueError(f"attachments cannot belong to {owner_table!r}")
    sql = f"SELECT 1 FROM {owner_table} WHERE uuid = ?"  # noqa: S608 - table from the fixed set above
    return conn.execute(sql, (owner_uuid,)).fetchone() is not None


def insert_attachment(conn: sqlite3.Connection, values: Mapping[str, Any], *, office: str = "") -> tuple[int, str]:
    return records.insert(conn, "attachment", values, office=office)


def attachment(conn: sqlite3.Connection, attachment_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM attachment WHERE id = ?", (attachment_id,)).fetchone()


def attachments_of(conn: sqlite3.Connection, owner_table: str, owner_uuid: str) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT * FROM attachment WHERE owner_table = ? AND owner_uuid = ? ORDER BY id",
        (owner_table, owner_uuid),
    ).fetchall()


def all_attachments(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, filename, sha256, size_bytes FROM attachment ORDER BY id").fetchall()
