"""Small read queries the services need: duplicates, dependants, pick lists."""

from __future__ import annotations

import sqlite3

# Which tables reference a row, and how to describe them to the user.
DEPENDANTS: dict[str, list[tuple[str, str, str]]] = {
    "enterprise": [
        ("ip_right", "enterprise_id", "知识产权"),
        ("policy", "enterprise_id", "保单"),
        ("case_study", "enterprise_id", "典型案例"),
    ],
    "ip_right": [("policy_ip_right", "ip_right_id", "保单承保标的")],
    "policy": [
        ("subsidy_application", "policy_id", "补贴申请"),
        ("claim", "policy_id", "理赔"),
        ("case_study", "policy_id", "典型案例"),
    ],
    "product": [("policy", "product_id", "保单"), ("case_study", "product_id", "典型案例")],
    "insurer": [("policy_insurer", "insurer_id", "保单共保份额")],
    "claim": [("case_study", "claim_id", "典型案例")],
    "programme": [("subsidy_application", "programme_id", "补贴申请")],
}


def dependants(conn: sqlite3.Connection, table: str, row_id: int) -> list[tuple[str, int]]:
    """[(Chinese description, count)] of rows that reference ``table`` row ``row_id``."""
    found = []
    for child, column, label in DEPENDANTS.get(table, []):
        n = conn.execute(f"SELECT count(*) FROM {child} WHERE {column} = ?", (row_id,)).fetchone()[0]
        if n:
            found.append((label, int(n)))
    return found


def id_by(conn: sqlite3.Connection, table: str, column: str, value: object) -> int | None:
    """Id of the row whose ``column`` equals ``value`` (natural-key lookups)."""
    allowed = {
        ("enterprise", "uscc"), ("policy", "policy_no"), ("claim", "claim_no"),
        ("subsidy_application", "application_no"), ("product", "code"), ("product", "name"),
        ("insurer", "code"), ("insurer", "full_name"), ("insurer", "short_name"),
        ("programme", "uuid"), ("enterprise", "uuid"), ("policy", "uuid"),
    }
    if (table, column) not in allowed:
        raise ValueError(f"lookup {table}.{column} not allowed")
    row = conn.execute(f"SELECT id FROM {table} WHERE {column} = ?", (value,)).fetchone()
    return None if row is None else int(row[0])


def ip_right_id(conn: sqlite3.Connection, ip_type: str, number: str, nice_class: int | None) -> int | None:
    row = conn.execute(
        "SELECT id FROM ip_right WHERE ip_type = ? AND number = ? AND nice_class IS ?",
        (ip_type, number, nice_class),
    ).fetchone()
    return None if row is None else int(row[0])


def ip_rights_not_owned(conn: sqlite3.Connection, enterprise_id: int, ids: list[int]) -> list[int]:
    """Of ``ids``, those that do not exist or belong to another enterprise."""
    bad = []
    for ip_id in ids:
        row = conn.execute("SELECT enterprise_id FROM ip_right WHERE id = ?", (ip_id,)).fetchone()
        if row is None or row[0] != enterprise_id:
            bad.append(ip_id)
    return bad


def exists(conn: sqlite3.Connection, table: str, row_id: int) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def products(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, code, name, liability_class, subject, function_class, target_party, "
        "insurance_type, ip_types, user_defined FROM product ORDER BY liability_class, name"
    ).fetchall()


def insurers(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT id, code, full_name, short_name FROM insurer ORDER BY id").fetchall()


def product_insurer_ids(conn: sqlite3.Connection, product_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT insurer_id FROM product_insurer WHERE product_id = ? ORDER BY insurer_id", (product_id,))]


def programmes(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, uuid, name, year, region_code, budget_fen, status FROM programme ORDER BY year DESC, name"
    ).fetchall()


def districts_in_use(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT DISTINCT district_code FROM enterprise ORDER BY 1")]


def enterprise_ip_rights(conn: sqlite3.Connection, enterprise_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT id, ip_type, number, title, expiry_date, status FROM ip_right "
        "WHERE enterprise_id = ? ORDER BY ip_type, number", (enterprise_id,)
    ).fetchall()


def policy_insurers(conn: sqlite3.Connection, policy_id: int) -> list[sqlite3.Row]:
    return conn.execute(
        "SELECT pi.insurer_id, pi.share_bp, pi.is_lead, pi.branch, i.full_name, i.short_name "
        "FROM policy_insurer pi JOIN insurer i ON i.id = pi.insurer_id WHERE pi.policy_id = ? "
        "ORDER BY pi.is_lead DESC, pi.share_bp DESC", (policy_id,)
    ).fetchall()


def policy_ip_right_ids(conn: sqlite3.Connection, policy_id: int) -> list[int]:
    return [r[0] for r in conn.execute(
        "SELECT ip_right_id FROM policy_ip_right WHERE policy_id = ? ORDER BY ip_right_id", (policy_id,))]


def replace_links(conn: sqlite3.Connection, table: str, key: str, key_id: int, rows: list[dict]) -> None:
    """Replace the link rows of one parent (policy insurers, covered IP rights)."""
    if table not in {"policy_insurer", "policy_ip_right", "product_insurer"}:
        raise ValueError(table)
    conn.execute(f"DELETE FROM {table} WHERE {key} = ?", (key_id,))
    for row in rows:
        cols = list(row)
        conn.execute(
            f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
            list(row.values()),
        )


def claim_children(conn: sqlite3.Connection, claim_id: int) -> tuple[list[sqlite3.Row], list[sqlite3.Row]]:
    items = conn.execute("SELECT * FROM claim_cost_item WHERE claim_id = ? ORDER BY id", (claim_id,)).fetchall()
    pays = conn.execute("SELECT * FROM claim_payment WHERE claim_id = ? ORDER BY paid_date, id", (claim_id,)).fetchall()
    return items, pays


def claims_paid_on_policy(conn: sqlite3.Connection, policy_id: int, exclude_claim: int | None) -> int:
    return int(conn.execute(
        "SELECT coalesce(sum(ci.paid_fen), 0) FROM claim_cost_item ci JOIN claim c ON c.id = ci.claim_id "
        "WHERE c.policy_id = ? AND c.id IS NOT ?", (policy_id, exclude_claim)
    ).fetchone()[0])


def delete_children(conn: sqlite3.Connection, table: str, fk: str, parent_id: int) -> None:
    if (table, fk) not in {("claim_cost_item", "claim_id"), ("claim_payment", "claim_id")}:
        raise ValueError(table)
    conn.execute(f"DELETE FROM {table} WHERE {fk} = ?", (parent_id,))


def case_id(conn: sqlite3.Connection, year: int, number: int) -> int | None:
    row = conn.execute("SELECT id FROM case_study WHERE year = ? AND number = ?", (year, number)).fetchone()
    return None if row is None else int(row[0])


def upsert_catalogue_row(conn: sqlite3.Connection, table: str, code: str) -> int | None:
    """Id of a catalogue row (insurer/product) by its stable code."""
    if table not in {"insurer", "product"}:
        raise ValueError(table)
    row = conn.execute(f"SELECT id FROM {table} WHERE code = ?", (code,)).fetchone()
    return None if row is None else int(row[0])


def set_setting(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def policy_sum_insured(conn: sqlite3.Connection, policy_id: int) -> int | None:
    row = conn.execute("SELECT sum_insured_fen FROM policy WHERE id = ?", (policy_id,)).fetchone()
    return None if row is None else int(row[0])
