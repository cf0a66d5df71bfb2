"""SQL behind the statistics service (ledger/stats.py). Integer sums only; no rounding here.

Scope: a policy belongs to year Y when its insurance period starts in Y (underwriting year);
claims count against the policy they were made on; subsidies count in their programme's year.
Co-insurance: per-insurer figures are weighted by ``share_bp`` and returned as fen × 10000 so the
caller divides once, exactly.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class Scope:
    year: int | None = None
    programme_id: int | None = None
    office: str | None = None

    def policy_where(self, alias: str = "p") -> tuple[str, list[object]]:
        clauses, params = ["1 = 1"], []
        if self.year is not None:
            clauses.append(f"{alias}.start_date >= ? AND {alias}.start_date < ?")
            params += [f"{self.year:04d}-01-01", f"{self.year + 1:04d}-01-01"]
        if self.programme_id is not None:
            clauses.append(f"{alias}.id IN (SELECT policy_id FROM subsidy_application WHERE programme_id = ?)")
            params.append(self.programme_id)
        if self.office is not None:
            clauses.append(f"{alias}.origin_office = ?")
            params.append(self.office)
        return " AND ".join(clauses), params

    def subsidy_where(self) -> tuple[str, list[object]]:
        clauses, params = ["1 = 1"], []
        if self.year is not None:
            clauses.append("g.year = ?")
            params.append(self.year)
        if self.programme_id is not None:
            clauses.append("s.programme_id = ?")
            params.append(self.programme_id)
        if self.office is not None:
            clauses.append("s.origin_office = ?")
            params.append(self.office)
        return " AND ".join(clauses), params


CLAIMS_PAID_BY_POLICY = (
    "SELECT c.policy_id, count(DISTINCT c.id) AS claims, coalesce(sum(ci.paid_fen), 0) AS paid "
    "FROM claim c LEFT JOIN claim_cost_item ci ON ci.claim_id = c.id GROUP BY c.policy_id"
)


def totals(conn: sqlite3.Connection, scope: Scope) -> sqlite3.Row:
    where, params = scope.policy_where()
    return conn.execute(
        f"""SELECT count(*) AS policies,
                   count(DISTINCT p.enterprise_id) AS enterprises,
                   coalesce(sum(p.sum_insured_fen), 0) AS sum_insured_fen,
                   coalesce(sum(p.premium_fen), 0) AS premium_fen,
                   coalesce(sum(cp.claims), 0) AS claims,
                   coalesce(sum(cp.paid), 0) AS claims_paid_fen
            FROM policy p LEFT JOIN ({CLAIMS_PAID_BY_POLICY}) cp ON cp.policy_id = p.id
            WHERE {where}""",
        params,
    ).fetchone()


def ip_rights_by_type(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    where, params = scope.policy_where()
    return conn.execute(
        f"""SELECT r.ip_type, count(DISTINCT r.id) AS ip_rights,
                   count(DISTINCT r.enterprise_id) AS enterprises
            FROM ip_right r
            WHERE r.id IN (SELECT pr.ip_right_id FROM policy_ip_right pr JOIN policy p ON p.id = pr.policy_id
                           WHERE {where})
            GROUP BY r.ip_type""",
        params,
    ).fetchall()


def sum_insured_by_ip_type(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    """Sum insured of policies covering at least one right of each type (not additive across types)."""
    where, params = scope.policy_where()
    return conn.execute(
        f"""SELECT t.ip_type, coalesce(sum(p.sum_insured_fen), 0) AS sum_insured_fen
            FROM (SELECT DISTINCT pr.policy_id, r.ip_type FROM policy_ip_right pr
                  JOIN ip_right r ON r.id = pr.ip_right_id) t
            JOIN policy p ON p.id = t.policy_id
            WHERE {where} GROUP BY t.ip_type""",
        params,
    ).fetchall()


def subsidy_totals(conn: sqlite3.Connection, scope: Scope) -> sqlite3.Row:
    where, params = scope.subsidy_where()
    return conn.execute(
        f"""SELECT count(*) AS applications,
                   coalesce(sum(CASE WHEN s.state IN ('批准', '拨付', '追回') THEN s.approved_fen END), 0)
                       AS approved_fen,
                   coalesce(sum(CASE WHEN s.state = '批准' THEN s.approved_fen - s.paid_fen END), 0)
                       AS committed_fen,
                   coalesce(sum(s.paid_fen), 0) AS paid_fen,
                   coalesce(sum(s.recovered_fen), 0) AS recovered_fen
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            WHERE {where}""",
        params,
    ).fetchone()


def subsidy_by_state(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    where, params = scope.subsidy_where()
    return conn.execute(
        f"""SELECT s.state, count(*) AS applications, coalesce(sum(s.approved_fen), 0) AS approved_fen
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            WHERE {where} GROUP BY s.state""",
        params,
    ).fetchall()


def budget_allocated(conn: sqlite3.Connection, scope: Scope) -> int | None:
    clauses, params = ["1 = 1"], []
    if scope.year is not None:
        clauses.append("year = ?")
        params.append(scope.year)
    if scope.programme_id is not None:
        clauses.append("id = ?")
        params.append(scope.programme_id)
    row = conn.execute(
        f"SELECT count(*), coalesce(sum(budget_fen), 0) FROM programme WHERE {' AND '.join(clauses)}", params
    ).fetchone()
    return None if row[0] == 0 else int(row[1])


def _grouped(conn: sqlite3.Connection, scope: Scope, key_sql: str, joins: str, extra: str = "") -> list[sqlite3.Row]:
    where, params = scope.policy_where()
    return conn.execute(
        f"""SELECT {key_sql}, count(*) AS policies, count(DISTINCT p.enterprise_id) AS enterprises,
                   coalesce(sum(p.sum_insured_fen), 0) AS sum_insured_fen,
                   coalesce(sum(p.premium_fen), 0) AS premium_fen,
                   coalesce(sum(cp.claims), 0) AS claims,
                   coalesce(sum(cp.paid), 0) AS claims_paid_fen {extra}
            FROM policy p {joins}
            LEFT JOIN ({CLAIMS_PAID_BY_POLICY}) cp ON cp.policy_id = p.id
            WHERE {where} GROUP BY 1 ORDER BY 1""",
        params,
    ).fetchall()


def by_year(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    rows = _grouped(conn, scope, "CAST(substr(p.start_date, 1, 4) AS INTEGER) AS year", "")
    return rows


def ip_rights_by_year(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    where, params = scope.policy_where()
    return conn.execute(
        f"""SELECT CAST(substr(p.start_date, 1, 4) AS INTEGER) AS year, count(DISTINCT pr.ip_right_id) AS ip_rights
            FROM policy p JOIN policy_ip_right pr ON pr.policy_id = p.id WHERE {where} GROUP BY 1""",
        params,
    ).fetchall()


def subsidy_by_year(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    where, params = scope.subsidy_where()
    return conn.execute(
        f"""SELECT g.year,
                   coalesce(sum(CASE WHEN s.state IN ('批准', '拨付', '追回') THEN s.approved_fen END), 0)
                       AS approved_fen,
                   coalesce(sum(s.paid_fen), 0) AS paid_fen
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            WHERE {where} GROUP BY g.year""",
        params,
    ).fetchall()


def by_district(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    return _grouped(conn, scope, "e.district_code AS district_code", "JOIN enterprise e ON e.id = p.enterprise_id")


def subsidy_by_district(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    where, params = scope.subsidy_where()
    return conn.execute(
        f"""SELECT e.district_code,
                   coalesce(sum(CASE WHEN s.state IN ('批准', '拨付', '追回') THEN s.approved_fen END), 0)
                       AS approved_fen
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
            WHERE {where} GROUP BY e.district_code""",
        params,
    ).fetchall()


def by_office(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    """Policy figures per origin office (the office that recorded the policy; exchange keeps it)."""
    return _grouped(conn, scope, "p.origin_office AS office_id", "")


def subsidy_by_office(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    where, params = scope.subsidy_where()
    return conn.execute(
        f"""SELECT s.origin_office AS office_id,
                   coalesce(sum(CASE WHEN s.state IN ('批准', '拨付', '追回') THEN s.approved_fen END), 0)
                       AS approved_fen
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            WHERE {where} GROUP BY s.origin_office""",
        params,
    ).fetchall()


def office_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """{office_id: (code, name)}: trusted offices (exchange registry) and this office itself."""
    names = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT office_id, code, name FROM exchange_office WHERE office_id != ''")}
    own = dict(conn.execute(
        "SELECT key, value FROM app_setting WHERE key IN ('office_id', 'office_code', 'office_name')").fetchall())
    if own.get("office_id"):
        names[own["office_id"]] = (own.get("office_code", ""), own.get("office_name", "") or "本办公室")
    return names


def by_product(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    return _grouped(
        conn, scope, "pr.code AS product_code", "JOIN product pr ON pr.id = p.product_id",
        ", pr.name AS product_name, pr.liability_class, pr.subject, pr.function_class, pr.insurance_type",
    )


def by_insurer(conn: sqlite3.Connection, scope: Scope) -> list[sqlite3.Row]:
    """Share-weighted sums, in fen × 10000 (divide by 10000 once, in Decimal)."""
    where, params = scope.policy_where()
    return conn.execute(
        f"""SELECT i.code AS insurer_code, i.full_name AS insurer_name, i.short_name,
                   count(*) AS policies,
                   sum(pi.is_lead) AS lead_policies,
                   coalesce(sum(p.sum_insured_fen * pi.share_bp), 0) AS sum_insured_x,
                   coalesce(sum(p.premium_fen * pi.share_bp), 0) AS premium_x,
                   coalesce(sum(coalesce(cp.paid, 0) * pi.share_bp), 0) AS claims_paid_x
            FROM policy p JOIN policy_insurer pi ON pi.policy_id = p.id JOIN insurer i ON i.id = pi.insurer_id
            LEFT JOIN ({CLAIMS_PAID_BY_POLICY}) cp ON cp.policy_id = p.id
            WHERE {where} GROUP BY i.id ORDER BY premium_x DESC""",
        params,
    ).fetchall()


def ip_rights_total(conn: sqlite3.Connection, scope: Scope) -> int:
    where, params = scope.policy_where()
    return int(conn.execute(
        f"SELECT count(DISTINCT pr.ip_right_id) FROM policy_ip_right pr JOIN policy p ON p.id = pr.policy_id "
        f"WHERE {where}", params).fetchone()[0])


def programme_year(conn: sqlite3.Connection, programme_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT id, name, year, budget_fen FROM programme WHERE id = ?", (programme_id,)).fetchone()
