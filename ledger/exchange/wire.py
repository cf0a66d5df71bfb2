"""Records on the wire: rows keyed by uuid, foreign keys as parent uuids, links with their parent.

A record's *content hash* covers every column except the local bookkeeping (id, revision,
timestamps, origin office) plus its link rows, so two offices holding the same facts get the same
hash whatever their integer ids. Merging compares these hashes, never revisions.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

from ledger.store import exchange_sql as q

META = frozenset({"id", "uuid", "revision", "created_at", "updated_at", "origin_office"})


def fk_name(column: str) -> str:
    """enterprise_id → enterprise_uuid (the wire name of a foreign key)."""
    return column[:-3] + "_uuid"


class Schema:
    """Columns and foreign keys of the exchanged tables of one database."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.columns = {t: q.columns(conn, t) for t in (*q.TABLES, *q.LINK_PARENT)}
        self.fks = {t: q.foreign_keys(conn, t) for t in q.TABLES}


class UuidMap:
    """Lazy id ↔ uuid maps per table, kept current by the merge as it inserts and deletes."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._uuid: dict[str, dict[int, str]] = {}
        self._id: dict[str, dict[str, int]] = {}

    def _load(self, table: str) -> None:
        if table not in self._uuid:
            pairs = q.id_uuid_pairs(self.conn, table)
            self._uuid[table] = dict(pairs)
            self._id[table] = {u: i for i, u in pairs}

    def uuid(self, table: str, row_id: int) -> str | None:
        self._load(table)
        return self._uuid[table].get(row_id)

    def id(self, table: str, uuid: str) -> int | None:
        self._load(table)
        return self._id[table].get(uuid)

    def uuids(self, table: str) -> set[str]:
        self._load(table)
        return set(self._id[table])

    def add(self, table: str, row_id: int, uuid: str) -> None:
        self._load(table)
        self._uuid[table][row_id] = uuid
        self._id[table][uuid] = row_id

    def remove(self, table: str, uuid: str) -> None:
        self._load(table)
        row_id = self._id[table].pop(uuid, None)
        if row_id is not None:
            self._uuid[table].pop(row_id, None)


def row_to_wire(schema: Schema, umap: UuidMap, table: str, row: sqlite3.Row) -> dict[str, Any]:
    out: dict[str, Any] = {}
    fks = schema.fks[table]
    for col in schema.columns[table]:
        if col == "id":
            continue
        value = row[col]
        if col in fks:
            out[fk_name(col)] = None if value is None else umap.uuid(fks[col], value)
        else:
            out[col] = value
    return out


def links_to_wire(conn: sqlite3.Connection, schema: Schema, umap: UuidMap, table: str, row_id: int,
                  parent_uuid: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for link, parent_fk, other_fk, other_table, extra in q.LINKS.get(table, ()):
        rows = []
        for r in q.link_rows(conn, link, parent_fk, row_id):
            item = {fk_name(parent_fk): parent_uuid, fk_name(other_fk): umap.uuid(other_table, r[other_fk])}
            item.update({c: r[c] for c in extra})
            rows.append(item)
        out[link] = sorted(rows, key=_sort_key)
    return out


def _sort_key(item: dict[str, Any]) -> str:
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def content_hash(table: str, wire: dict[str, Any], links: dict[str, list[dict[str, Any]]] | None) -> str:
    content: dict[str, Any] = {k: v for k, v in wire.items() if k not in META}
    if table in q.LINKS:
        parent_keys = {fk_name(fk) for _, fk, *_ in q.LINKS[table]}
        content["_links"] = {
            link: sorted(({k: v for k, v in r.items() if k not in parent_keys} for r in (links or {}).get(link, [])),
                         key=_sort_key)
            for link, *_ in q.LINKS[table]
        }
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def local_state(conn: sqlite3.Connection, schema: Schema, umap: UuidMap, table: str,
                row: sqlite3.Row) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], str]:
    wire = row_to_wire(schema, umap, table, row)
    links = links_to_wire(conn, schema, umap, table, row["id"], row["uuid"]) if table in q.LINKS else {}
    return wire, links, content_hash(table, wire, links)


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
