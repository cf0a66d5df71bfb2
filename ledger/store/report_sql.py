"""SQL behind the report feeds (ledger/services/report_data.py): case links, appendix lists,
finance payment rows and the streamed register sheets.

Scopes reuse ``stats_queries.Scope`` so the appendix lists count exactly what the statistics
service counts. Register sheets stream through ``fetchmany`` on a tuple cursor (bounded memory).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

from ledger.store.stats_queries import Scope

APPROVED_STATES = ("批准", "拨付", "追回")  # same set as stats_queries.subsidy_totals' approved_fen
_APPROVED_SQL = "('批准', '拨付', '追回')"
FETCH = 2000

# "short^full^share_bp" per insurer of a policy, lead first then by share (parsed by the service).
_INSURERS_OF = (
    "(SELECT group_concat(x, '|') FROM (SELECT i.short_name || '^' || i.full_name || '^' || pi.share_bp AS x "
    "FROM policy_insurer pi JOIN insurer i ON i.id = pi.insurer_id WHERE pi.policy_id = {p}.id "
    "ORDER BY pi.is_lead DESC, pi.share_bp DESC, i.id))"
)
# "人保财险 60%、平安产险 40%" (single insurer: just its short name), integers only.
_INSURER_TEXT_OF = (
    "(SELECT group_concat(x, '、') FROM (SELECT CASE WHEN pi.share_bp = 10000 THEN coalesce(nullif(i.short_name, ''), i.full_name) "
    "ELSE coalesce(nullif(i.short_name, ''), i.full_name) || ' ' || (pi.share_bp / 100) || "
    "CASE WHEN pi.share_bp % 100 = 0 THEN '' ELSE '.' || substr('0' || (pi.share_bp % 100), -2) END || '%' END AS x "
    "FROM policy_insurer pi JOIN insurer i ON i.id = pi.insurer_id WHERE pi.policy_id = {p}.id "
    "ORDER BY pi.is_lead DESC, pi.share_bp DESC, i.id))"
)


# -- programmes and settings --------------------------------------------------------------------
def programme(conn: sqlite3.Connection, programme_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT id, name, year, region_code, budget_fen FROM programme WHERE id = ?",
                        (programme_id,)).fetchone()


def programmes_of_year(conn: sqlite3.Connection, year: int) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, name, year, region_code, budget_fen FROM programme WHERE year = ? "
                        "ORDER BY id", (year,)).fetchall()


def region_codes_in_use(conn: sqlite3.Connection) -> list[str]:
    """Distinct non-empty programme region codes, most used first."""
    return [r[0] for r in conn.execute(
        "SELECT region_code FROM programme WHERE region_code != '' GROUP BY region_code "
        "ORDER BY count(*) DESC, region_code")]


def setting(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM app_setting WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


# -- typical cases -------------------------------------------------------------------------------
_CASE_SELECT = """
SELECT c.id, c.number, c.year, c.title, c.region, c.parties, c.product_text, c.clause_type,
       c.ip_types_text, c.insurers_text, c.background, c.innovation, c.effect,
       c.enterprise_id, p.id AS linked_policy_id, e.id AS linked_enterprise_id,
       e.name AS enterprise_name, e.district_code AS enterprise_district,
       coalesce(pd.name, pp.name) AS linked_product_name
FROM case_study c
LEFT JOIN claim cl ON cl.id = c.claim_id
LEFT JOIN policy p ON p.id = coalesce(c.policy_id, cl.policy_id)
LEFT JOIN enterprise e ON e.id = coalesce(c.enterprise_id, p.enterprise_id)
LEFT JOIN product pd ON pd.id = c.product_id
LEFT JOIN product pp ON pp.id = p.product_id
"""


def case_row(conn: sqlite3.Connection, case_id: int) -> sqlite3.Row | None:
    return conn.execute(_CASE_SELECT + " WHERE c.id = ?", (case_id,)).fetchone()


def case_rows_of_year(conn: sqlite3.Connection, year: int) -> list[sqlite3.Row]:
    return conn.execute(_CASE_SELECT + " WHERE c.year = ? ORDER BY c.number", (year,)).fetchall()


def policy_insurer_names(conn: sqlite3.Connection, policy_id: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT i.full_name FROM policy_insurer pi JOIN insurer i ON i.id = pi.insurer_id "
        "WHERE pi.policy_id = ? ORDER BY pi.is_lead DESC, pi.share_bp DESC, i.id", (policy_id,))]


def policy_ip_types(conn: sqlite3.Connection, policy_id: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT r.ip_type FROM policy_ip_right pr JOIN ip_right r ON r.id = pr.ip_right_id "
        "WHERE pr.policy_id = ?", (policy_id,))]


def enterprise_ip_types(conn: sqlite3.Connection, enterprise_id: int) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT ip_type FROM ip_right WHERE enterprise_id = ?", (enterprise_id,))]


# -- appendix lists (same scope as the statistics service) ----------------------------------------
def enterprise_list(conn: sqlite3.Connection, scope: Scope, *, ordered: bool = True) -> list[sqlite3.Row]:
    """Enterprises with policies in scope; ``ordered=False`` leaves out the (pinyin) ORDER BY for a
    caller that orders only the rows it prints."""
    where, params = scope.policy_where()
    order = " ORDER BY e.district_code, e.name COLLATE PINYIN" if ordered else ""
    return conn.execute(
        f"""SELECT e.name, e.uscc, e.district_code, count(DISTINCT p.id) AS policies,
                   count(DISTINCT pr.ip_right_id) AS ip_rights
            FROM policy p JOIN enterprise e ON e.id = p.enterprise_id
            LEFT JOIN policy_ip_right pr ON pr.policy_id = p.id
            WHERE {where} GROUP BY e.id{order}""",
        params,
    ).fetchall()


def policy_list(conn: sqlite3.Connection, scope: Scope, *, insurers: bool = True) -> list[sqlite3.Row]:
    """Policies in scope; ``insurers=False`` leaves out the packed insurers (fetch them for the rows
    printed with :func:`policy_insurers`)."""
    where, params = scope.policy_where()
    packed = f", {_INSURERS_OF.format(p='p')} AS insurers" if insurers else ""
    return conn.execute(
        f"""SELECT p.id AS policy_id, p.policy_no, e.name AS enterprise_name, pd.name AS product_name,
                   p.start_date, p.end_date, p.sum_insured_fen, p.premium_fen,
                   (SELECT coalesce(sum(s.approved_fen), 0) FROM subsidy_application s
                    WHERE s.policy_id = p.id AND s.state IN {_APPROVED_SQL}) AS subsidy_approved_fen{packed}
            FROM policy p JOIN enterprise e ON e.id = p.enterprise_id JOIN product pd ON pd.id = p.product_id
            WHERE {where} ORDER BY p.start_date, p.policy_no""",
        params,
    ).fetchall()


def policy_insurers(conn: sqlite3.Connection, policy_ids: Iterable[int]) -> dict[int, str | None]:
    """{policy id: packed insurers 'short^full^share_bp|…'} (as ``policy_list``'s ``insurers``)."""
    ids = list(policy_ids)
    out: dict[int, str | None] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update((r[0], r[1]) for r in conn.execute(
            f"SELECT p.id, {_INSURERS_OF.format(p='p')} FROM policy p "
            f"WHERE p.id IN ({', '.join('?' * len(chunk))})", chunk))
    return out


# -- finance payment rows (until ledger.services.payments provides them) --------------------------
def payment_rows(conn: sqlite3.Connection, *, year: int | None, programme_id: int | None,
                 batch: str | None) -> list[sqlite3.Row]:
    """Applications to pay or paid (批准, 拨付), as ``ledger.services.payments.payment_rows``."""
    clauses, params = ["s.state IN ('批准', '拨付')"], []
    if year is not None:
        clauses.append("g.year = ?")
        params.append(year)
    if programme_id is not None:
        clauses.append("s.programme_id = ?")
        params.append(programme_id)
    if batch:
        clauses.append("s.payment_batch = ?")
        params.append(batch)
    return conn.execute(
        f"""SELECT s.id AS application_id, s.application_no, s.state, s.payment_batch AS batch,
                   e.name AS enterprise_name, e.uscc, e.bank_name, e.bank_account, e.district_code,
                   p.policy_no, pd.name AS product_name, {_INSURER_TEXT_OF.format(p='p')} AS insurers,
                   s.premium_paid_fen, s.computed_fen, s.approved_fen, s.paid_fen, s.recovered_fen,
                   s.explanation, s.notes
            FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
            JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id
            JOIN product pd ON pd.id = p.product_id
            WHERE {' AND '.join(clauses)}
            ORDER BY e.district_code, s.application_no""",
        params,
    ).fetchall()


# -- register sheets (streamed) -------------------------------------------------------------------
REGISTER_SQL: dict[str, str] = {
    "enterprise": """SELECT e.name, e.uscc, e.district_code, e.industry, e.tags, e.contact_person,
        e.contact_phone, e.address, {bank} CASE e.blacklisted WHEN 1 THEN '是' ELSE '否' END, e.blacklist_reason, e.notes,
        (SELECT count(*) FROM ip_right r WHERE r.enterprise_id = e.id),
        (SELECT count(*) FROM policy p WHERE p.enterprise_id = e.id)
        FROM enterprise e ORDER BY e.id""",
    "ip_right": """SELECT r.ip_type, r.number, r.nice_class, r.title, e.name, e.uscc, r.filing_date,
        r.grant_date, r.expiry_date, r.status, CASE r.high_value WHEN 1 THEN '是' ELSE '否' END, r.notes
        FROM ip_right r JOIN enterprise e ON e.id = r.enterprise_id ORDER BY r.id""",
    "policy": f"""SELECT p.policy_no, e.name, e.uscc, pd.name, {_INSURER_TEXT_OF.format(p='p')},
        p.sum_insured_fen, p.premium_fen, p.premium_paid_fen, p.signed_date, p.start_date, p.end_date,
        p.status, CASE p.overseas WHEN 1 THEN '是' ELSE '否' END, (SELECT count(*) FROM policy_ip_right pr WHERE pr.policy_id = p.id), p.notes
        FROM policy p JOIN enterprise e ON e.id = p.enterprise_id JOIN product pd ON pd.id = p.product_id
        ORDER BY p.id""",
    "subsidy_application": """SELECT s.application_no, g.name, e.name, e.uscc, p.policy_no, s.premium_paid_fen,
        s.computed_fen, s.approved_fen, s.paid_fen, s.recovered_fen, s.state, s.submitted_at,
        s.approved_at, s.paid_at, s.payment_batch, s.voucher_no, s.explanation, s.notes
        FROM subsidy_application s JOIN programme g ON g.id = s.programme_id
        JOIN policy p ON p.id = s.policy_id JOIN enterprise e ON e.id = p.enterprise_id ORDER BY s.id""",
    "claim": """SELECT c.claim_no, p.policy_no, e.name, c.state, c.reported_date, c.closed_date,
        c.counterparty, c.court, CASE c.overseas WHEN 1 THEN '是' ELSE '否' END, c.jurisdiction, c.case_number, c.outcome, c.judgement_fen,
        c.settlement_fen, (SELECT coalesce(sum(ci.paid_fen), 0) FROM claim_cost_item ci WHERE ci.claim_id = c.id),
        c.description
        FROM claim c JOIN policy p ON p.id = c.policy_id JOIN enterprise e ON e.id = p.enterprise_id
        ORDER BY c.id""",
}


def register_count(conn: sqlite3.Connection, table: str) -> int:
    if table not in REGISTER_SQL:
        raise ValueError(f"no register for {table!r}")
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def stream_register(conn: sqlite3.Connection, table: str, *, with_bank: bool = True,
                    size: int = FETCH) -> Iterator[tuple]:
    """Rows of one register sheet as plain tuples, ``size`` at a time (bounded memory)."""
    sql = REGISTER_SQL[table]
    if table == "enterprise":
        sql = sql.format(bank="e.bank_name, e.bank_account," if with_bank else "")
    cur = conn.cursor()
    cur.row_factory = None
    try:
        cur.execute(sql)
        while True:
            chunk = cur.fetchmany(size)
            if not chunk:
                return
            yield from chunk
    finally:
        cur.close()
