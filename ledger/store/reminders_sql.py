"""SQL of the reminders (待办) service (ledger/services/reminders.py). Dates are ISO text."""

from __future__ import annotations

import sqlite3


def policies_expiring(conn: sqlite3.Connection, start: str, end: str) -> list[sqlite3.Row]:
    """Policies in force whose period ends within [start, end]."""
    return conn.execute(
        """SELECT p.id, p.policy_no, p.end_date, e.name AS enterprise_name, pr.name AS product_name
           FROM policy p JOIN enterprise e ON e.id = p.enterprise_id JOIN product pr ON pr.id = p.product_id
           WHERE p.status = '生效' AND p.end_date >= ? AND p.end_date <= ?
           ORDER BY p.end_date, p.id""",
        (start, end)).fetchall()


def in_publicity(conn: sqlite3.Connection, until: str) -> list[sqlite3.Row]:
    """Applications in 公示 (open programmes) whose period ends on or before ``until``."""
    return conn.execute(
        """SELECT s.id, s.application_no, s.publicity_start, s.publicity_end, s.computed_fen,
                  e.name AS enterprise_name, g.name AS programme_name
           FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
           JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
           WHERE s.state = '公示' AND g.status != '已结转' AND s.publicity_end <= ?
           ORDER BY s.publicity_end, s.id""",
        (until,)).fetchall()


def waiting(conn: sqlite3.Connection, before: str) -> list[sqlite3.Row]:
    """Applications (open programmes, not 公示 or finished) whose last step was before ``before``."""
    return conn.execute(
        """SELECT * FROM (
             SELECT s.id, s.application_no, s.state, e.name AS enterprise_name,
                    coalesce((SELECT v.at FROM subsidy_event v WHERE v.application_id = s.id
                              ORDER BY v.id DESC LIMIT 1), s.submitted_at) AS since
             FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
             JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
             WHERE s.state IN ('申报', '初审', '复核', '批准', '退回补正') AND g.status != '已结转')
           WHERE since < ? ORDER BY since, id""",
        (before,)).fetchall()


def advances_unreconciled(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        """SELECT c.id, c.claim_no, c.state, cp.amount_fen, cp.paid_date, e.name AS enterprise_name
           FROM claim_payment cp JOIN claim c ON c.id = cp.claim_id JOIN policy p ON p.id = c.policy_id
           JOIN enterprise e ON e.id = p.enterprise_id
           WHERE cp.kind = '先行赔付' AND cp.reconciled = 0 ORDER BY cp.paid_date, cp.id""").fetchall()
