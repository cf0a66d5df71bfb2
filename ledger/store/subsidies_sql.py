"""SQL of the subsidy services (ledger/services/subsidies.py, subsidy_workflow.py).

Grant amounts by state (what an application counts against caps, budget and uniqueness):
公示 → computed_fen; 批准 → approved_fen; 拨付 → paid_fen; 追回 → paid_fen − recovered_fen.
"""

from __future__ import annotations

import sqlite3

GRANT_AMOUNT = """CASE s.state WHEN '公示' THEN s.computed_fen WHEN '批准' THEN s.approved_fen
    WHEN '拨付' THEN s.paid_fen WHEN '追回' THEN s.paid_fen - s.recovered_fen ELSE s.computed_fen END"""

_FACTS = """SELECT s.id, s.application_no, s.programme_id, s.policy_id, s.premium_paid_fen, s.state,
       s.submitted_at, s.declared_no_double_funding, s.computed_fen, s.explanation,
       s.recorded_by, s.first_reviewed_by,
       p.policy_no, p.enterprise_id, p.premium_fen, p.sum_insured_fen, p.status AS policy_status,
       p.overseas, p.signed_date, p.start_date, p.end_date,
       e.name AS enterprise_name, e.tags, e.blacklisted, e.blacklist_reason,
       pr.insurance_type, pr.name AS product_name, g.year AS programme_year
FROM subsidy_application s JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
JOIN product pr ON pr.id = p.product_id JOIN programme g ON g.id = s.programme_id"""


def facts_row(conn: sqlite3.Connection, application_id: int) -> sqlite3.Row | None:
    return conn.execute(_FACTS + " WHERE s.id = ?", (application_id,)).fetchone()


def facts_rows(conn: sqlite3.Connection, programme_id: int, states: tuple[str, ...]) -> list[sqlite3.Row]:
    """Applications of a programme in ``states``, in queue order (submitted_at, id)."""
    marks = ", ".join("?" * len(states))
    return conn.execute(_FACTS + f" WHERE s.programme_id = ? AND s.state IN ({marks})"
                        " ORDER BY s.submitted_at, s.id", (programme_id, *states)).fetchall()


def policy_facts(conn: sqlite3.Connection, policy_id: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT p.id, p.policy_no, p.enterprise_id, p.premium_fen, p.premium_paid_fen, pr.insurance_type "
        "FROM policy p JOIN product pr ON pr.id = p.product_id WHERE p.id = ?", (policy_id,)).fetchone()


def covered_rights(conn: sqlite3.Connection, policy_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT r.id, r.number, r.expiry_date, r.high_value FROM policy_ip_right l "
        "JOIN ip_right r ON r.id = l.ip_right_id WHERE l.policy_id = ? ORDER BY r.id", (policy_id,)).fetchall()


def times_funded_before(conn: sqlite3.Connection, enterprise_id: int, year: int) -> int:
    """Distinct earlier programme years with a granted (approved/paid, not wholly recovered) application."""
    return int(conn.execute(
        """SELECT count(DISTINCT g.year) FROM subsidy_application s
           JOIN programme g ON g.id = s.programme_id JOIN policy p ON p.id = s.policy_id
           WHERE p.enterprise_id = ? AND g.year < ?
             AND (s.state IN ('批准', '拨付') OR (s.state = '追回' AND s.paid_fen > s.recovered_fen))""",
        (enterprise_id, year)).fetchone()[0])


ACTIVE = "s.state NOT IN ('不予支持') AND NOT (s.state = '追回' AND s.paid_fen = s.recovered_fen)"


def application_order(conn: sqlite3.Connection, programme_id: int, enterprise_id: int,
                      submitted_at: str, application_id: int) -> int:
    """1 + the enterprise's active applications in this programme queued before this one."""
    return 1 + int(conn.execute(
        f"""SELECT count(*) FROM subsidy_application s JOIN policy p ON p.id = s.policy_id
            WHERE s.programme_id = ? AND p.enterprise_id = ? AND {ACTIVE}
              AND (s.submitted_at < ? OR (s.submitted_at = ? AND s.id < ?))""",
        (programme_id, enterprise_id, submitted_at, submitted_at, application_id)).fetchone()[0])


def enterprise_programme_premium(conn: sqlite3.Connection, programme_id: int, enterprise_id: int) -> int:
    """Premium of the enterprise's policies with an active application in this programme."""
    return int(conn.execute(
        f"""SELECT coalesce(sum(p.premium_fen), 0) FROM policy p WHERE p.enterprise_id = ? AND p.id IN (
              SELECT s.policy_id FROM subsidy_application s WHERE s.programme_id = ? AND {ACTIVE})""",
        (enterprise_id, programme_id)).fetchone()[0])


def grant_rows(conn: sqlite3.Connection, programme_id: int, year: int, exclude_id: int | None) -> list[sqlite3.Row]:
    """Committed applications (公示/批准/拨付/追回, amount > 0) of this programme and of earlier
    years' programmes (for the 'ever' and once-per-policy uniqueness rules)."""
    return conn.execute(
        f"""SELECT s.id, p.enterprise_id, p.policy_no, pr.insurance_type, p.overseas, g.year,
                   {GRANT_AMOUNT} AS amount_fen,
                   (SELECT group_concat(l.ip_right_id) FROM policy_ip_right l WHERE l.policy_id = p.id) AS ip_ids
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            JOIN policy p ON p.id = s.policy_id JOIN product pr ON pr.id = p.product_id
            WHERE s.state IN ('公示', '批准', '拨付', '追回') AND s.id IS NOT ?
              AND (s.programme_id = ? OR g.year < ?) AND {GRANT_AMOUNT} > 0
            ORDER BY s.id""",
        (exclude_id, programme_id, year)).fetchall()


def pending_before(conn: sqlite3.Connection, programme_id: int, submitted_at: str,
                   application_id: int) -> list[sqlite3.Row]:
    """Applications in review (申报/初审/复核) queued before this one, with a computed amount."""
    return conn.execute(
        """SELECT s.id, p.enterprise_id, p.policy_no, pr.insurance_type, p.overseas, g.year,
                  s.computed_fen AS amount_fen,
                  (SELECT group_concat(l.ip_right_id) FROM policy_ip_right l WHERE l.policy_id = p.id) AS ip_ids
           FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
           JOIN policy p ON p.id = s.policy_id JOIN product pr ON pr.id = p.product_id
           WHERE s.programme_id = ? AND s.state IN ('申报', '初审', '复核') AND s.computed_fen > 0
             AND (s.submitted_at < ? OR (s.submitted_at = ? AND s.id < ?))""",
        (programme_id, submitted_at, submitted_at, application_id)).fetchall()


def next_application_no(conn: sqlite3.Connection, year: int) -> str:
    prefix = f"SB-{year}-"
    row = conn.execute("SELECT max(CAST(substr(application_no, ?) AS INTEGER)) FROM subsidy_application "
                       "WHERE application_no LIKE ? || '%'", (len(prefix) + 1, prefix)).fetchone()
    return f"{prefix}{(row[0] or 0) + 1:06d}"


def active_on_policy(conn: sqlite3.Connection, policy_id: int, programme_id: int, year: int,
                     earlier_granted: bool) -> list[sqlite3.Row]:
    """Active applications for the policy in this programme; with ``earlier_granted`` also granted
    ones of earlier programme years."""
    return conn.execute(
        f"""SELECT s.application_no, s.state, g.name, g.year FROM subsidy_application s
            JOIN programme g ON g.id = s.programme_id
            WHERE s.policy_id = ? AND {ACTIVE}
              AND (s.programme_id = ? OR (? AND g.year < ? AND s.state IN ('批准', '拨付', '追回')))
            ORDER BY g.year, s.id""",
        (policy_id, programme_id, int(earlier_granted), year)).fetchall()


def ip_type_conflicts(conn: sqlite3.Connection, policy_id: int, insurance_type: str, programme_id: int,
                      year: int, ever: bool) -> list[sqlite3.Row]:
    """Other active applications covering one of this policy's IP rights with the same insurance
    type: in programmes of the same year, or (``ever``) granted in any earlier year."""
    return conn.execute(
        f"""SELECT DISTINCT r.number, s.application_no, s.state, q.policy_no, g.year
            FROM policy_ip_right mine JOIN policy_ip_right other ON other.ip_right_id = mine.ip_right_id
            JOIN ip_right r ON r.id = mine.ip_right_id
            JOIN subsidy_application s ON s.policy_id = other.policy_id
            JOIN policy q ON q.id = s.policy_id JOIN product pr ON pr.id = q.product_id
            JOIN programme g ON g.id = s.programme_id
            WHERE mine.policy_id = ? AND pr.insurance_type = ? AND {ACTIVE}
              AND (g.year = ? OR (? AND g.year < ? AND s.state IN ('批准', '拨付', '追回')))
            ORDER BY g.year, s.id""",
        (policy_id, insurance_type, year, int(ever), year)).fetchall()


def listing(conn: sqlite3.Connection, programme_id: int | None, state: str | None) -> list[sqlite3.Row]:
    clauses, params = ["1 = 1"], []
    if programme_id is not None:
        clauses.append("s.programme_id = ?")
        params.append(programme_id)
    if state is not None:
        clauses.append("s.state = ?")
        params.append(state)
    return conn.execute(
        f"""SELECT s.id, s.application_no, s.programme_id, s.state, s.submitted_at, s.premium_paid_fen,
                   s.computed_fen, s.approved_fen, s.paid_fen, s.recovered_fen, s.publicity_start,
                   s.publicity_end, s.voucher_no, s.payment_batch, p.policy_no, e.name AS enterprise_name,
                   e.uscc
            FROM subsidy_application s JOIN policy p ON p.id = s.policy_id
            JOIN enterprise e ON e.id = p.enterprise_id
            WHERE {' AND '.join(clauses)} ORDER BY s.submitted_at, s.id""",
        params).fetchall()


def events(conn: sqlite3.Connection, application_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT from_state, to_state, actor, at, reason, amount_fen FROM subsidy_event "
        "WHERE application_id = ? ORDER BY at, id", (application_id,)).fetchall()


def last_actor(conn: sqlite3.Connection, application_id: int, to_state: str) -> str:
    row = conn.execute("SELECT actor FROM subsidy_event WHERE application_id = ? AND to_state = ? "
                       "ORDER BY id DESC LIMIT 1", (application_id, to_state)).fetchone()
    return "" if row is None else str(row[0])
