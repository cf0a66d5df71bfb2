"""Bulk reads and small writes the spreadsheet importer and insurer reconciliation need.

The importer preloads every natural key once per import (no query per row); these
functions return plain rows for :mod:`ledger.importing.naturalkeys` to index.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ledger.store import records


def audit_head(conn: sqlite3.Connection) -> int:
    """Sequence number of the newest audit entry (0 when empty): any write moves it."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0])


SQLITE_DEFAULT_CACHE = -2000  # KiB: SQLite's default, what every Store connection runs with
BULK_CACHE = -65536  # KiB: 64 MiB for one bulk write


@contextmanager
def bulk_cache(conn: sqlite3.Connection) -> Iterator[None]:
    """A 64 MiB page cache for one bulk write, back to SQLite's default 2 MiB after.

    A 100k-row import touches the random-uuid indexes of the table and of ``audit_log`` all
    over; with the default cache those pages are spilled to the WAL and read back again and
    again.  The cache is per connection and bounded, so memory stays bounded.  A connection
    whose cache someone sized otherwise is left alone (PRAGMAs cannot take bound parameters,
    so only the two constants are ever set).
    """
    if int(conn.execute("PRAGMA cache_size").fetchone()[0]) != SQLITE_DEFAULT_CACHE:
        yield
        return
    conn.execute(f"PRAGMA cache_size = {BULK_CACHE}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {SQLITE_DEFAULT_CACHE}")


def all_rows(conn: sqlite3.Connection, table: str) -> list[sqlite3.Row]:
    """Every row of one importable table (enterprise, ip_right, policy, claim)."""
    if table not in {"enterprise", "ip_right", "policy", "claim"}:
        raise ValueError(table)
    return conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def enterprise_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, uscc, name, uscc_override_reason FROM enterprise ORDER BY id").fetchall()


def ip_right_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, enterprise_id, ip_type, number, nice_class FROM ip_right ORDER BY id").fetchall()


def insurer_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, code, full_name, short_name, aliases, column_map FROM insurer ORDER BY id").fetchall()


def product_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, code, name FROM product ORDER BY id").fetchall()


def policy_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, policy_no, sum_insured_fen FROM policy ORDER BY id").fetchall()


def policy_insurer_links(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT policy_id, insurer_id, share_bp, is_lead, branch FROM policy_insurer "
        "ORDER BY policy_id, is_lead DESC, insurer_id").fetchall()


def policy_ip_links(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT policy_id, ip_right_id FROM policy_ip_right ORDER BY policy_id, ip_right_id").fetchall()


def claim_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, claim_no FROM claim ORDER BY id").fetchall()


def claim_cost_totals(conn: sqlite3.Connection) -> dict[int, tuple[int, int, int, int]]:
    """``{claim_id: (items, claimed, approved, paid)}`` summed over cost items."""
    return {r[0]: (r[1], r[2], r[3], r[4]) for r in conn.execute(
        "SELECT claim_id, count(*), sum(claimed_fen), sum(approved_fen), sum(paid_fen) "
        "FROM claim_cost_item GROUP BY claim_id")}


def claims_paid_by_policy(conn: sqlite3.Connection) -> dict[int, dict[int, int]]:
    """``{policy_id: {claim_id: paid}}`` from cost items (remaining sum insured checks)."""
    out: dict[int, dict[int, int]] = {}
    for policy_id, claim_id, paid in conn.execute(
            "SELECT c.policy_id, c.id, coalesce(sum(ci.paid_fen), 0) FROM claim c "
            "LEFT JOIN claim_cost_item ci ON ci.claim_id = c.id GROUP BY c.id"):
        out.setdefault(policy_id, {})[claim_id] = paid
    return out


def programme_rows(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every programme with what the subsidy importer resolves and checks (the columns of
    ``programmes_sql.status_of``), newest year first."""
    return conn.execute(
        "SELECT id, name, year, status, closed_at, budget_fen, rules_toml, call_start, call_end "
        "FROM programme ORDER BY year DESC, name, id").fetchall()


def subsidy_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Every subsidy application by its natural key (programme, policy) with the imported columns."""
    return conn.execute(
        "SELECT id, application_no, programme_id, policy_id, state, premium_paid_fen, submitted_at "
        "FROM subsidy_application ORDER BY id").fetchall()


def delete_policy_links(conn: sqlite3.Connection, table: str, policy_id: int) -> None:
    if table not in {"policy_insurer", "policy_ip_right"}:
        raise ValueError(table)
    conn.execute(f"DELETE FROM {table} WHERE policy_id = ?", (policy_id,))


def only_cost_item(conn: sqlite3.Connection, claim_id: int) -> int | None:
    """Id of the claim's cost item when it has exactly one."""
    rows = conn.execute("SELECT id FROM claim_cost_item WHERE claim_id = ?", (claim_id,)).fetchall()
    return int(rows[0][0]) if len(rows) == 1 else None


# ------------------------------------------------------------------ reconciliation


def insurer_by_code(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, code, full_name, short_name, column_map FROM insurer WHERE code = ?",
        (code,)).fetchone()


def insurer_column_map(conn: sqlite3.Connection, insurer_id: int) -> dict[str, str]:
    row = conn.execute("SELECT column_map FROM insurer WHERE id = ?", (insurer_id,)).fetchone()
    return {} if row is None else dict(json.loads(row[0] or "{}"))


def save_insurer_column_map(conn: sqlite3.Connection, insurer_id: int, mapping: dict[str, str]) -> bool:
    """Remember an insurer's own column names (audited like any other change)."""
    text = json.dumps(dict(sorted(mapping.items())), ensure_ascii=False)
    return records.update(conn, "insurer", insurer_id, {"column_map": text})


def insurer_policies(conn: sqlite3.Connection, insurer_id: int) -> list[dict[str, Any]]:
    """Policies the insurer takes part in, with the insured enterprise and the insurer's share."""
    rows = conn.execute(
        "SELECT p.id, p.policy_no, p.premium_fen, p.sum_insured_fen, p.start_date, p.end_date, "
        "p.status, e.name AS enterprise_name, e.uscc AS enterprise_uscc, pi.share_bp "
        "FROM policy p JOIN policy_insurer pi ON pi.policy_id = p.id "
        "JOIN enterprise e ON e.id = p.enterprise_id WHERE pi.insurer_id = ? ORDER BY p.policy_no",
        (insurer_id,)).fetchall()
    return [{k: r[k] for k in r.keys()} for r in rows]  # noqa: SIM118
