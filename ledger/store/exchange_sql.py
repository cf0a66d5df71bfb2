"""SQL behind office-to-office exchange packages (ledger/exchange). Schema: sql/0003_exchange.sql.

Table and column names come from the constants below or from ``PRAGMA table_info`` — never from a
package — and every value is a bound parameter.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

from ledger.store.audit import now_text

# Exchanged business tables, parents before children. app_user is local (accounts, password hashes).
TABLES: tuple[str, ...] = (
    "programme", "insurer", "product", "enterprise", "ip_right", "policy", "subsidy_application",
    "subsidy_event", "claim", "claim_cost_item", "claim_payment", "case_study", "attachment",
)
# Link tables travel with their parent: parent -> [(link table, parent fk, other fk, other table, extra cols)].
LINKS: dict[str, tuple[tuple[str, str, str, str, tuple[str, ...]], ...]] = {
    "product": (("product_insurer", "product_id", "insurer_id", "insurer", ()),),
    "policy": (("policy_insurer", "policy_id", "insurer_id", "insurer", ("share_bp", "is_lead", "branch")),
               ("policy_ip_right", "policy_id", "ip_right_id", "ip_right", ())),
}
LINK_PARENT = {link: parent for parent, links in LINKS.items() for link, *_ in links}
# Natural keys (each a UNIQUE constraint). REFERENCE tables are shared definitions: a match is the
# same thing under another uuid (aliased silently, the local row kept).
NATURAL_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "programme": (("name", "year"),),
    "insurer": (("code",), ("full_name",)),
    "product": (("code",), ("name",)),
    "enterprise": (("uscc",),),
    "ip_right": (("ip_type", "number", "nice_class"),),
    "policy": (("policy_no",),),
    "subsidy_application": (("application_no",),),
    "claim": (("claim_no",),),
    "case_study": (("year", "number"),),
}
REFERENCE = frozenset({"programme", "insurer", "product"})


def _t(table: str) -> str:
    if table not in TABLES and table not in LINK_PARENT:
        raise ValueError(f"not an exchanged table: {table!r}")
    return table


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({_t(table)})")]


def foreign_keys(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """{fk column: parent table} of a business table."""
    return {r[3]: r[2] for r in conn.execute(f"PRAGMA foreign_key_list({_t(table)})")}


# -- identity, key, trusted offices -------------------------------------------------------------
def signing_key(conn: sqlite3.Connection) -> sqlite3.Row | None:
    return conn.execute("SELECT algorithm, private_key, public_key, created_at FROM exchange_key WHERE id = 1").fetchone()


def save_signing_key(conn: sqlite3.Connection, algorithm: str, private_key: str, public_key: str) -> None:
    conn.execute(
        "INSERT INTO exchange_key (id, algorithm, private_key, public_key, created_at) VALUES (1, ?, ?, ?, ?)",
        (algorithm, private_key, public_key, now_text()),
    )


def trust_office(conn: sqlite3.Connection, office_id: str, code: str, name: str, algorithm: str,
                 public_key: str, actor: str) -> None:
    conn.execute(
        """INSERT INTO exchange_office (office_id, code, name, algorithm, public_key, trusted_at, trusted_by)
           VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (code) DO UPDATE SET office_id = excluded.office_id, name = excluded.name,
               algorithm = excluded.algorithm, public_key = excluded.public_key,
               trusted_at = excluded.trusted_at, trusted_by = excluded.trusted_by""",
        (office_id, code, name, algorithm, public_key, now_text(), actor),
    )


def office_by_code(conn: sqlite3.Connection, code: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM exchange_office WHERE code = ?", (code,)).fetchone()


def trusted_offices(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM exchange_office ORDER BY code").fetchall()


# -- packages sent / received -------------------------------------------------------------------
def last_sent(conn: sqlite3.Connection) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM exchange_sent ORDER BY package_seq DESC LIMIT 1").fetchone()


def record_sent(conn: sqlite3.Connection, package_seq: int, from_seq: int, to_seq: int, file_name: str,
                file_sha256: str, counts: str, actor: str) -> None:
    conn.execute(
        """INSERT INTO exchange_sent (package_seq, from_seq, to_seq, file_name, file_sha256, counts,
                                      created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (package_seq, from_seq, to_seq, file_name, file_sha256, counts, now_text(), actor),
    )


def max_audit_seq(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0])


def received(conn: sqlite3.Connection, office_id: str, package_seq: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM exchange_received WHERE office_id = ? AND package_seq = ?",
                        (office_id, package_seq)).fetchone()


def received_by_hash(conn: sqlite3.Connection, file_sha256: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM exchange_received WHERE file_sha256 = ?", (file_sha256,)).fetchone()


def last_received_seq(conn: sqlite3.Connection, office_id: str) -> int:
    return int(conn.execute("SELECT coalesce(max(package_seq), 0) FROM exchange_received WHERE office_id = ?",
                            (office_id,)).fetchone()[0])


def add_received(conn: sqlite3.Connection, office_id: str, code: str, name: str, package_seq: int,
                 file_sha256: str, actor: str) -> int:
    cur = conn.execute(
        """INSERT INTO exchange_received (office_id, office_code, office_name, package_seq, file_sha256,
                                          imported_at, imported_by) VALUES (?, ?, ?, ?, ?, ?, ?)""",
        (office_id, code, name, package_seq, file_sha256, now_text(), actor),
    )
    return int(cur.lastrowid)


def finish_received(conn: sqlite3.Connection, received_id: int, counts: str, first_seq: int | None,
                    last_seq: int | None) -> None:
    conn.execute("UPDATE exchange_received SET counts = ?, audit_first_seq = ?, audit_last_seq = ? WHERE id = ?",
                 (counts, first_seq, last_seq, received_id))


def received_log(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM exchange_received ORDER BY id").fetchall()


def changed_records(conn: sqlite3.Connection, from_seq: int, to_seq: int) -> list[tuple[str, str]]:
    """Distinct (table, record uuid) audited in (from_seq, to_seq], skipping what imports wrote."""
    tables = (*TABLES, *LINK_PARENT)
    marks = ", ".join("?" * len(tables))
    return [(r[0], r[1]) for r in conn.execute(
        f"""SELECT table_name, record_uuid FROM audit_log a
            WHERE seq > ? AND seq <= ? AND table_name IN ({marks})
              AND NOT EXISTS (SELECT 1 FROM exchange_received r
                              WHERE a.seq BETWEEN r.audit_first_seq AND r.audit_last_seq)
            GROUP BY table_name, record_uuid""",
        (from_seq, to_seq, *tables))]


# -- rows -------------------------------------------------------------------------------------------
def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def rows_by_uuid(conn: sqlite3.Connection, table: str, uuids: Iterable[str]) -> Iterator[sqlite3.Row]:
    """Current rows of ``table`` with these uuids, in id order within each chunk."""
    for chunk in _chunks(sorted(uuids)):
        yield from conn.execute(
            f"SELECT * FROM {_t(table)} WHERE uuid IN ({', '.join('?' * len(chunk))}) ORDER BY id", chunk)


def row_by_uuid(conn: sqlite3.Connection, table: str, uuid: str) -> sqlite3.Row | None:
    return conn.execute(f"SELECT * FROM {_t(table)} WHERE uuid = ?", (uuid,)).fetchone()


def id_uuid_pairs(conn: sqlite3.Connection, table: str) -> list[tuple[int, str]]:
    return [(int(r[0]), r[1]) for r in conn.execute(f"SELECT id, uuid FROM {_t(table)}")]


def link_rows(conn: sqlite3.Connection, link: str, parent_fk: str, parent_id: int) -> list[sqlite3.Row]:
    return conn.execute(f"SELECT * FROM {_t(link)} WHERE {parent_fk} = ?", (parent_id,)).fetchall()


def natural_key_rows(conn: sqlite3.Connection, table: str, key: tuple[str, ...]) -> list[sqlite3.Row]:
    cols = ", ".join(key)
    return conn.execute(f"SELECT uuid, {cols} FROM {_t(table)}").fetchall()


def uuid_for_key(conn: sqlite3.Connection, table: str, key: tuple[str, ...], values: list[Any]) -> str | None:
    where = " AND ".join(f"{c} IS ?" for c in key)
    row = conn.execute(f"SELECT uuid FROM {_t(table)} WHERE {where}", values).fetchone()
    return None if row is None else row[0]


def insert_row(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
    cols = list(values)
    cur = conn.execute(
        f"INSERT INTO {_t(table)} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", list(values.values()))
    return int(cur.lastrowid)


def update_row(conn: sqlite3.Connection, table: str, row_id: int, values: dict[str, Any]) -> None:
    """Write incoming values; revision goes up (local bookkeeping), updated_at is the sender's."""
    sets = ", ".join(f"{c} = ?" for c in values)
    conn.execute(f"UPDATE {_t(table)} SET {sets}, revision = revision + 1 WHERE id = ?",
                 [*values.values(), row_id])


def delete_row(conn: sqlite3.Connection, table: str, row_id: int) -> None:
    conn.execute(f"DELETE FROM {_t(table)} WHERE id = ?", (row_id,))


def replace_link_rows(conn: sqlite3.Connection, link: str, parent_fk: str, parent_id: int,
                      rows: list[dict[str, Any]]) -> None:
    conn.execute(f"DELETE FROM {_t(link)} WHERE {parent_fk} = ?", (parent_id,))
    for row in rows:
        cols = list(row)
        conn.execute(f"INSERT INTO {link} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     list(row.values()))


def savepoint(conn: sqlite3.Connection, name: str, action: str = "SAVEPOINT") -> None:
    if action not in ("SAVEPOINT", "RELEASE", "ROLLBACK TO") or not name.isidentifier():
        raise ValueError(action)
    conn.execute(f"{action} {name}")


# -- sync bases, aliases ------------------------------------------------------------------------
def sync_base(conn: sqlite3.Connection, table: str, uuid: str, office_id: str) -> str | None:
    row = conn.execute("SELECT base_hash FROM exchange_sync WHERE table_name = ? AND uuid = ? AND office_id = ?",
                       (table, uuid, office_id)).fetchone()
    return None if row is None else row[0]


def set_sync_base(conn: sqlite3.Connection, table: str, uuid: str, office_id: str, base_hash: str,
                  received_id: int) -> None:
    conn.execute(
        """INSERT INTO exchange_sync (table_name, uuid, office_id, base_hash, received_id) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (table_name, uuid, office_id) DO UPDATE SET base_hash = excluded.base_hash,
               received_id = excluded.received_id""",
        (table, uuid, office_id, base_hash, received_id),
    )


def aliases(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    return {(r[0], r[1]): r[2] for r in conn.execute("SELECT table_name, remote_uuid, local_uuid FROM exchange_alias")}


def add_alias(conn: sqlite3.Connection, table: str, remote: str, local: str, office_id: str, reason: str) -> None:
    conn.execute(
        """INSERT OR REPLACE INTO exchange_alias (table_name, remote_uuid, local_uuid, office_id, reason, created_at)
           VALUES (?, ?, ?, ?, ?, ?)""", (table, remote, local, office_id, reason, now_text()))


# -- conflicts ----------------------------------------------------------------------------------
def open_conflict(conn: sqlite3.Connection, table: str, uuid: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM exchange_conflict WHERE table_name = ? AND record_uuid = ? AND resolution IS NULL",
        (table, uuid)).fetchone()


def add_conflict(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    values = {**values, "detected_at": now_text()}
    cols = list(values)
    cur = conn.execute(f"INSERT INTO exchange_conflict ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       list(values.values()))
    return int(cur.lastrowid)


def replace_conflict(conn: sqlite3.Connection, conflict_id: int, values: dict[str, Any]) -> None:
    allowed = {"kind", "message", "local_json", "incoming_json", "incoming_hash", "office_id", "office_code",
               "package_seq", "received_id"}
    if set(values) - allowed:
        raise ValueError(values)
    sets = ", ".join(f"{c} = ?" for c in values)
    conn.execute(f"UPDATE exchange_conflict SET {sets}, detected_at = ? WHERE id = ?",
                 [*values.values(), now_text(), conflict_id])


def conflicts(conn: sqlite3.Connection, *, open_only: bool = True) -> list[sqlite3.Row]:
    where = "WHERE resolution IS NULL" if open_only else ""
    return conn.execute(f"SELECT * FROM exchange_conflict {where} ORDER BY id").fetchall()


def conflict(conn: sqlite3.Connection, conflict_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM exchange_conflict WHERE id = ?", (conflict_id,)).fetchone()


def mark_resolved(conn: sqlite3.Connection, conflict_id: int, resolution: str, actor: str) -> None:
    conn.execute("UPDATE exchange_conflict SET resolution = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
                 (resolution, actor, now_text(), conflict_id))


def table_uuids(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[0] for r in conn.execute(f"SELECT uuid FROM {_t(table)}")}
