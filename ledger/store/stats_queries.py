"""SQL behind the statistics service (ledger/stats.py): a few fact queries, read once per call.

Each query streams one row per fact (policy, co-insurance share, covered IP right, subsidy
application); ledger/stats.py folds them into every total and breakdown in a single pass, which
is an order of magnitude faster than one GROUP BY query per breakdown on a national database.

Scope: a policy belongs to year Y when its insurance period starts in Y (underwriting year);
claims count against the policy they were made on; subsidies count in their programme's year.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

FETCH = 5000


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


def _stream(conn: sqlite3.Connection, sql: str, params: list[object]) -> Iterator[tuple]:
    cur = conn.execute(sql, params)
    cur.row_factory = None  # plain tuples: the fold indexes by position
    while batch := cur.fetchmany(FETCH):
        yield from batch


def policy_facts(conn: sqlite3.Connection, scope: Scope) -> Iterator[tuple]:
    """(policy id, enterprise id, district code, product id, start year, sum insured, premium,
    claims, claims paid, origin office) per policy in scope."""
    where, params = scope.policy_where()
    return _stream(conn, f"""
        SELECT p.id, p.enterprise_id, e.district_code, p.product_id, CAST(substr(p.start_date, 1, 4) AS INTEGER),
               p.sum_insured_fen, p.premium_fen, coalesce(cp.claims, 0), coalesce(cp.paid, 0), p.origin_office
        FROM policy p JOIN enterprise e ON e.id = p.enterprise_id
        LEFT JOIN (SELECT c.policy_id, count(DISTINCT c.id) AS claims, coalesce(sum(ci.paid_fen), 0) AS paid
                   FROM claim c LEFT JOIN claim_cost_item ci ON ci.claim_id = c.id GROUP BY c.policy_id) cp
               ON cp.policy_id = p.id
        WHERE {where}""", params)


def insurer_shares(conn: sqlite3.Connection, scope: Scope) -> Iterator[tuple]:
    """(policy id, insurer id, share bp, is lead) for policies in scope."""
    where, params = scope.policy_where()
    return _stream(conn, f"""
        SELECT pi.policy_id, pi.insurer_id, pi.share_bp, pi.is_lead
        FROM policy_insurer pi JOIN policy p ON p.id = pi.policy_id WHERE {where}""", params)


def covered_rights(conn: sqlite3.Connection, scope: Scope) -> Iterator[tuple]:
    """(policy id, IP right id, IP type, owner enterprise id) for policies in scope."""
    where, params = scope.policy_where()
    return _stream(conn, f"""
        SELECT pr.policy_id, r.id, r.ip_type, r.enterprise_id
        FROM policy_ip_right pr JOIN ip_right r ON r.id = pr.ip_right_id JOIN policy p ON p.id = pr.policy_id
        WHERE {where}""", params)


def subsidy_facts(conn: sqlite3.Connection, scope: Scope) -> Iterator[tuple]:
    """(state, approved, paid, recovered, programme year, district code, origin office) per application."""
    where, params = scope.subsidy_where()
    return _stream(conn, f"""
        SELECT s.state, s.approved_fen, s.paid_fen, s.recovered_fen, g.year, e.district_code, s.origin_office
        FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
        JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
        WHERE {where}""", params)


# -- the all-years trend (by_year rows) as per-year aggregates: the annual report needs only these
# for the years before its own, not every fact of every year. Same scope as the fact queries; the
# joins those make only to fetch columns are left out (foreign keys guarantee the rows exist).
def policy_trend(conn: sqlite3.Connection, scope: Scope) -> list[tuple]:
    """(start year, policies, enterprises, sum insured, premium, claims, claims paid) per year."""
    where, params = scope.policy_where()
    return [tuple(r) for r in conn.execute(f"""
        SELECT CAST(substr(p.start_date, 1, 4) AS INTEGER) AS y, count(*), count(DISTINCT p.enterprise_id),
               sum(p.sum_insured_fen), sum(p.premium_fen), sum(coalesce(cp.claims, 0)), sum(coalesce(cp.paid, 0))
        FROM policy p
        LEFT JOIN (SELECT c.policy_id, count(DISTINCT c.id) AS claims, coalesce(sum(ci.paid_fen), 0) AS paid
                   FROM claim c LEFT JOIN claim_cost_item ci ON ci.claim_id = c.id GROUP BY c.policy_id) cp
               ON cp.policy_id = p.id
        WHERE {where} GROUP BY y ORDER BY y""", params)]


def rights_trend(conn: sqlite3.Connection, scope: Scope) -> dict[int, int]:
    """{start year: distinct IP rights covered by that year's policies}."""
    where, params = scope.policy_where()
    return {int(y): int(n) for y, n in conn.execute(f"""
        SELECT CAST(substr(p.start_date, 1, 4) AS INTEGER) AS y, count(DISTINCT pr.ip_right_id)
        FROM policy_ip_right pr JOIN policy p ON p.id = pr.policy_id
        WHERE {where} GROUP BY y""", params)}


def subsidy_trend(conn: sqlite3.Connection, scope: Scope) -> dict[int, tuple[int, int]]:
    """{programme year: (approved of applications approved at some point, paid)}."""
    where, params = scope.subsidy_where()
    states = ", ".join("?" * len(APPROVED_STATES))
    return {int(y): (int(a), int(p)) for y, a, p in conn.execute(f"""
        SELECT g.year, coalesce(sum(CASE WHEN s.state IN ({states}) THEN s.approved_fen END), 0),
               coalesce(sum(s.paid_fen), 0)
        FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
        WHERE {where} GROUP BY g.year""", [*APPROVED_STATES, *params])}


def products(conn: sqlite3.Connection) -> dict[int, sqlite3.Row]:
    return {r["id"]: r for r in conn.execute(
        "SELECT id, code, name, liability_class, subject, function_class, insurance_type FROM product")}


def insurers(conn: sqlite3.Connection) -> dict[int, sqlite3.Row]:
    return {r["id"]: r for r in conn.execute("SELECT id, code, full_name, short_name FROM insurer")}


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


def office_names(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """{office_id: (code, name)}: trusted offices (exchange registry) and this office itself."""
    names = {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT office_id, code, name FROM exchange_office WHERE office_id != ''")}
    own = dict(conn.execute(
        "SELECT key, value FROM app_setting WHERE key IN ('office_id', 'office_code', 'office_name')").fetchall())
    if own.get("office_id"):
        names[own["office_id"]] = (own.get("office_code", ""), own.get("office_name", "") or "本办公室")
    return names


def programme_year(conn: sqlite3.Connection, programme_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT id, name, year, budget_fen FROM programme WHERE id = ?", (programme_id,)).fetchone()


APPROVED_STATES = ("批准", "拨付", "追回")  # approved at some point (a clawback was approved first)


def subsidy_totals(conn: sqlite3.Connection, scope: Scope) -> sqlite3.Row:
    """Budget-ledger sums for the scope (used by the budget service; stats folds subsidy_facts)."""
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


# -- cache (schema 4) ----------------------------------------------------------------------------
def data_version(conn: sqlite3.Connection) -> int:
    """The audit-log position: every write of business data moves it."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0])


def cached_figures(conn: sqlite3.Connection, scope_key: str, version: int) -> str | None:
    row = conn.execute("SELECT figures FROM stats_cache WHERE scope = ? AND audit_seq = ?",
                       (scope_key, version)).fetchone()
    return None if row is None else row[0]


def store_figures(conn: sqlite3.Connection, scope_key: str, version: int, figures_json: str, at: str) -> None:
    conn.execute(
        "INSERT INTO stats_cache (scope, audit_seq, figures, computed_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (scope) DO UPDATE SET audit_seq = excluded.audit_seq, figures = excluded.figures, "
        "computed_at = excluded.computed_at",
        (scope_key, version, figures_json, at),
    )
