"""Writing planned import rows inside the caller's transaction, in batches.

Inserts go through :func:`ledger.store.records.insert_many` (executemany; the audit triggers
still fire per row), updates through :func:`ledger.store.records.update` (only the changed
columns, bumping ``revision``); link and child rows are rewritten only when they changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from ledger.importing.kinds import IMPORTED_COST_CATEGORY
from ledger.store import import_sql, records
from ledger.store.database import new_uuid

if TYPE_CHECKING:
    from ledger.importing.writer import RowPlan

BATCH = 2000
TABLES = {"enterprises": "enterprise", "ip_rights": "ip_right", "policies": "policy", "claims": "claim"}


def _policy_links(conn: sqlite3.Connection, policy_id: int, links: dict[str, Any], office: str) -> None:
    if "insurers" in links:
        rows = [{"policy_id": policy_id, "insurer_id": i, "share_bp": bp,
                 "is_lead": int(lead or len(links["insurers"]) == 1), "branch": branch}
                for i, bp, lead, branch in links["insurers"]]
        records.insert_many(conn, "policy_insurer", rows, link=True)
    if "ip_right_ids" in links:
        records.insert_many(conn, "policy_ip_right",
                            [{"policy_id": policy_id, "ip_right_id": i} for i in links["ip_right_ids"]],
                            link=True)


def _cost_row(claim_id: int, cost: dict[str, int]) -> dict[str, Any]:
    return {"claim_id": claim_id, "category": IMPORTED_COST_CATEGORY, "claimed_fen": cost["claimed_fen"],
            "approved_fen": cost["approved_fen"], "paid_fen": cost["paid_fen"], "note": "表格导入"}


def _insert_batch(conn: sqlite3.Connection, kind: str, batch: Sequence[RowPlan], office: str) -> None:
    table = TABLES[kind]
    if kind not in ("policies", "claims"):
        records.insert_many(conn, table, [r.write for r in batch], office=office)  # type: ignore[misc]
        return
    first = records.next_id(conn, table)
    rows = [{"id": first + n, "uuid": new_uuid()} | r.write for n, r in enumerate(batch)]  # type: ignore[operator]
    records.insert_many(conn, table, rows, office=office)
    if kind == "policies":
        ins, ips = [], []
        for n, r in enumerate(batch):
            links = r.links or {}
            single = len(links.get("insurers", ())) == 1
            ins += [{"policy_id": first + n, "insurer_id": i, "share_bp": bp, "is_lead": int(lead or single),
                     "branch": branch} for i, bp, lead, branch in links.get("insurers", ())]
            ips += [{"policy_id": first + n, "ip_right_id": i} for i in links.get("ip_right_ids", ())]
        records.insert_many(conn, "policy_insurer", ins, link=True)
        records.insert_many(conn, "policy_ip_right", ips, link=True)
    else:
        costs = [_cost_row(first + n, r.links["cost"]) for n, r in enumerate(batch)
                 if r.links and r.links.get("cost")]
        records.insert_many(conn, "claim_cost_item", costs, office=office)


def _update(conn: sqlite3.Connection, kind: str, row: RowPlan, office: str) -> None:
    assert row.record_id is not None
    if row.write:
        records.update(conn, TABLES[kind], row.record_id, row.write)
    links = row.links or {}
    if kind == "policies":
        for key, table in (("insurers", "policy_insurer"), ("ip_right_ids", "policy_ip_right")):
            if key in links:
                import_sql.delete_policy_links(conn, table, row.record_id)
        _policy_links(conn, row.record_id, links, office)
    elif kind == "claims" and links.get("cost") is not None:
        item = import_sql.only_cost_item(conn, row.record_id)
        cost = _cost_row(row.record_id, links["cost"])
        if item is None:
            records.insert(conn, "claim_cost_item", cost, office=office)
        else:
            records.update(conn, "claim_cost_item", item,
                           {k: cost[k] for k in ("claimed_fen", "approved_fen", "paid_fen")})


def write_rows(conn: sqlite3.Connection, kind: str, rows: Sequence[RowPlan], office: str,
               tick: Callable[[int], None]) -> None:
    """Insert then update ``rows``; ``tick(done)`` between batches may raise to cancel."""
    inserts = [r for r in rows if r.action == "insert"]
    updates = [r for r in rows if r.action == "update"]
    done = 0
    for start in range(0, len(inserts), BATCH):
        batch = inserts[start:start + BATCH]
        _insert_batch(conn, kind, batch, office)
        done += len(batch)
        tick(done)
    for n, row in enumerate(updates, 1):
        _update(conn, kind, row, office)
        if n % BATCH == 0:
            tick(done + n)
    tick(len(rows))
