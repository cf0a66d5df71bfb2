"""SQL of the programme service (ledger/services/programmes.py)."""

from __future__ import annotations

import sqlite3


def by_name_year(conn: sqlite3.Connection, name: str, year: int) -> int | None:
    row = conn.execute("SELECT id FROM programme WHERE name = ? AND year = ?", (name, year)).fetchone()
    return None if row is None else int(row[0])


def application_counts(conn: sqlite3.Connection, programme_id: int) -> dict[str, int]:
    """{state: number of applications} of one programme."""
    return {r[0]: int(r[1]) for r in conn.execute(
        "SELECT state, count(*) FROM subsidy_application WHERE programme_id = ? GROUP BY state",
        (programme_id,))}


def listing(conn: sqlite3.Connection, year: int | None = None) -> list[sqlite3.Row]:
    """Programmes with their application counts (newest year first)."""
    where, params = ("WHERE g.year = ?", [year]) if year is not None else ("", [])
    return conn.execute(
        f"""SELECT g.id, g.uuid, g.name, g.year, g.region_code, g.budget_fen, g.status, g.closed_at,
                   g.call_start, g.call_end, length(g.rules_toml) > 0 AS has_rules,
                   (SELECT count(*) FROM subsidy_application s WHERE s.programme_id = g.id) AS applications
            FROM programme g {where} ORDER BY g.year DESC, g.name""",
        params,
    ).fetchall()


def status_of(conn: sqlite3.Connection, programme_id: int) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT id, name, year, status, closed_at, budget_fen, rules_toml, call_start, call_end "
        "FROM programme WHERE id = ?", (programme_id,)).fetchone()
