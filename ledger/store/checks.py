"""Queries behind ``ipdesk check``: SQLite's own checks plus the ledger's domain invariants.

Each invariant query returns the offending rows (at most ``LIMIT``); empty means it holds.
"""

from __future__ import annotations

import sqlite3

LIMIT = 20

INVARIANTS: tuple[tuple[str, str], ...] = (
    ("共保份额合计不等于 100% 的保单",
     "SELECT p.policy_no, coalesce(sum(pi.share_bp), 0) FROM policy p "
     "LEFT JOIN policy_insurer pi ON pi.policy_id = p.id GROUP BY p.id "
     "HAVING coalesce(sum(pi.share_bp), 0) <> 10000"),
    ("共保体主承保机构不是恰好一家的保单",
     "SELECT p.policy_no, sum(pi.is_lead) FROM policy p JOIN policy_insurer pi ON pi.policy_id = p.id "
     "GROUP BY p.id HAVING count(*) > 1 AND sum(pi.is_lead) <> 1"),
    ("实缴保费高于应缴保费的保单",
     "SELECT policy_no, premium_paid_fen, premium_fen FROM policy WHERE premium_paid_fen > premium_fen"),
    ("核定补贴高于实缴保费的申请",
     "SELECT application_no, approved_fen, premium_paid_fen FROM subsidy_application "
     "WHERE approved_fen > premium_paid_fen"),
    ("申报实缴保费高于保单实缴保费的申请",
     "SELECT s.application_no, s.premium_paid_fen, p.premium_paid_fen FROM subsidy_application s "
     "JOIN policy p ON p.id = s.policy_id WHERE s.premium_paid_fen > p.premium_paid_fen"),
    ("已拨付金额高于核定金额的申请",
     "SELECT application_no, paid_fen, approved_fen FROM subsidy_application WHERE paid_fen > approved_fen"),
    ("理赔已赔合计超过保险金额的保单",
     "SELECT p.policy_no, sum(ci.paid_fen), p.sum_insured_fen FROM policy p JOIN claim c ON c.policy_id = p.id "
     "JOIN claim_cost_item ci ON ci.claim_id = c.id GROUP BY p.id HAVING sum(ci.paid_fen) > p.sum_insured_fen"),
    ("承保了其他企业知识产权的保单",
     "SELECT p.policy_no, r.number FROM policy p JOIN policy_ip_right pr ON pr.policy_id = p.id "
     "JOIN ip_right r ON r.id = pr.ip_right_id WHERE r.enterprise_id <> p.enterprise_id"),
    ("保险止期不晚于起期的保单",
     "SELECT policy_no, start_date, end_date FROM policy WHERE end_date <= start_date"),
)


def integrity(conn: sqlite3.Connection) -> list[str]:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else rows


def foreign_keys(conn: sqlite3.Connection) -> list[tuple]:
    return [tuple(r) for r in conn.execute("PRAGMA foreign_key_check")]


def invariant_violations(conn: sqlite3.Connection) -> list[tuple[str, list[tuple]]]:
    found = []
    for label, sql in INVARIANTS:
        rows = [tuple(r) for r in conn.execute(f"{sql} LIMIT {LIMIT}")]
        if rows:
            found.append((label, rows))
    return found


def audit_rows(conn: sqlite3.Connection):
    return conn.execute(
        "SELECT seq, at, actor, table_name, record_uuid, op, old_values, new_values, prev_hash, hash "
        "FROM audit_log ORDER BY seq"
    )


def table_counts(conn: sqlite3.Connection, tables: tuple[str, ...]) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
