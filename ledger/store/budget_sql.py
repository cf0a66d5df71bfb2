"""SQL of the budget ledger beyond what ``stats_queries`` already provides."""

from __future__ import annotations

import sqlite3


def programme_head(conn: sqlite3.Connection, programme_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT id, name, year, status FROM programme WHERE id = ?", (programme_id,)).fetchone()


def programme_ids(conn: sqlite3.Connection, year: int | None) -> list[int]:
    where, params = ("WHERE year = ?", [year]) if year is not None else ("", [])
    return [int(r[0]) for r in conn.execute(f"SELECT id FROM programme {where} ORDER BY year DESC, name", params)]


def pipeline(conn: sqlite3.Connection, programme_id: int) -> sqlite3.Row:
    """Amounts in 公示 and computed amounts still in review (申报/初审/复核)."""
    return conn.execute(
        """SELECT coalesce(sum(CASE WHEN state = '公示' THEN computed_fen END), 0) AS publicised_fen,
                  coalesce(sum(CASE WHEN state IN ('申报', '初审', '复核') THEN computed_fen END), 0)
                      AS pending_fen
           FROM subsidy_application WHERE programme_id = ?""",
        (programme_id,),
    ).fetchone()
