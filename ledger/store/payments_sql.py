"""SQL behind the finance payment list and the 公示 list (ledger/services/payments.py)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence


def application_rows(conn: sqlite3.Connection, *, states: Sequence[str], programme_id: int | None = None,
                     year: int | None = None, batch: str | None = None) -> list[sqlite3.Row]:
    clauses = [f"s.state IN ({', '.join('?' * len(states))})"]
    params: list[object] = list(states)
    if programme_id is not None:
        clauses.append("s.programme_id = ?")
        params.append(programme_id)
    if year is not None:
        clauses.append("g.year = ?")
        params.append(year)
    if batch is not None:
        clauses.append("s.payment_batch = ?")
        params.append(batch)
    return conn.execute(
        f"""SELECT s.id, s.application_no, s.state, s.programme_id, g.name AS programme_name, g.year,
                   e.name AS enterprise_name, e.uscc, e.bank_name, e.bank_account, e.district_code,
                   p.id AS policy_id, p.policy_no, pr.name AS product_name, s.premium_paid_fen,
                   s.computed_fen, s.approved_fen, s.paid_fen, s.recovered_fen, s.explanation, s.notes,
                   s.publicity_start, s.publicity_end, s.approved_at, s.paid_at, s.voucher_no, s.payment_batch
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
            JOIN product pr ON pr.id = p.product_id
            WHERE {' AND '.join(clauses)}
            ORDER BY g.year, g.name, e.district_code, s.submitted_at, s.id""",
        params).fetchall()


def insurer_shares(conn: sqlite3.Connection, policy_ids: Sequence[int]) -> dict[int, list[sqlite3.Row]]:
    """{policy id: [(short or full name, share_bp, is_lead)]} for the given policies."""
    out: dict[int, list[sqlite3.Row]] = {}
    for start in range(0, len(policy_ids), 500):
        chunk = list(policy_ids[start:start + 500])
        rows = conn.execute(
            f"""SELECT pi.policy_id, coalesce(nullif(i.short_name, ''), i.full_name) AS name, i.full_name,
                       pi.share_bp, pi.is_lead
                FROM policy_insurer pi JOIN insurer i ON i.id = pi.insurer_id
                WHERE pi.policy_id IN ({', '.join('?' * len(chunk))})
                ORDER BY pi.policy_id, pi.is_lead DESC, pi.share_bp DESC, i.id""", chunk)
        for r in rows:
            out.setdefault(int(r["policy_id"]), []).append(r)
    return out
