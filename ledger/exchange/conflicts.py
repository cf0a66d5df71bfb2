"""Conflicts found by imports, for a person to decide: ``list_conflicts`` / ``resolve_conflict``.

``keep='local'`` leaves the record as it is here (a later change of it at the sender is a conflict
again); ``keep='incoming'`` writes the sender's version (or deletes, for a deletion conflict) —
refused if the local record changed again after the conflict was listed, so nobody overwrites an
edit they have not seen. Resolutions are ordinary audited local writes.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ledger import security
from ledger.errors import InvalidInput, Issue, NotFound, Refused
from ledger.exchange.merge import TABLE_LABELS, Merger
from ledger.exchange.wire import META, content_hash, local_state
from ledger.store import Store
from ledger.store import exchange_sql as q

KIND_LABELS = {"both_changed": "两边都有修改", "natural_key": "编号相同的不同记录", "delete": "对方删除、本地有改动",
               "missing_parent": "缺少上级记录"}
RESOLUTION_LABELS = {"local": "保留本地", "incoming": "采用来件"}


@dataclass
class Conflict:
    id: int
    table: str
    table_label: str
    uuid: str
    kind: str
    kind_label: str
    message: str
    office_code: str
    package_seq: int
    detected_at: str
    resolution: str | None
    resolved_by: str | None
    resolved_at: str | None
    local: dict[str, Any] | None
    incoming: dict[str, Any] | None
    differences: list[tuple[str, Any, Any]] = field(default_factory=list)


def _differences(local: dict | None, incoming: dict | None) -> list[tuple[str, Any, Any]]:
    if local is None or incoming is None:
        return []
    lrec, irec = local.get("record", {}), incoming.get("record", {})
    out = [(k, lrec.get(k), irec.get(k)) for k in sorted(set(lrec) | set(irec))
           if k not in META and lrec.get(k) != irec.get(k)]
    llinks, ilinks = local.get("links", {}), incoming.get("links", {})
    for link in sorted(set(llinks) | set(ilinks)):
        a = sorted(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in llinks.get(link, []))
        b = sorted(json.dumps(x, sort_keys=True, ensure_ascii=False) for x in ilinks.get(link, []))
        if a != b:
            out.append((link, llinks.get(link, []), ilinks.get(link, [])))
    return out


def _view(row: sqlite3.Row) -> Conflict:
    local = json.loads(row["local_json"]) if row["local_json"] else None
    incoming = json.loads(row["incoming_json"]) if row["incoming_json"] else None
    return Conflict(row["id"], row["table_name"], TABLE_LABELS.get(row["table_name"], row["table_name"]),
                    row["record_uuid"], row["kind"], KIND_LABELS[row["kind"]], row["message"], row["office_code"],
                    row["package_seq"], row["detected_at"], row["resolution"], row["resolved_by"],
                    row["resolved_at"], local, incoming, _differences(local, incoming))


def list_conflicts(store: Store, *, open_only: bool = True) -> list[Conflict]:
    return [_view(r) for r in q.conflicts(store.conn, open_only=open_only)]


def get_conflict(store: Store, conflict_id: int) -> Conflict:
    row = q.conflict(store.conn, conflict_id)
    if row is None:
        raise NotFound(f"没有编号为 {conflict_id} 的数据交换冲突")
    return _view(row)


def resolve_conflict(store: Store, conflict_id: int, keep: str) -> Conflict:
    security.require(store, "exchange.manage")
    if keep not in RESOLUTION_LABELS:
        raise InvalidInput([Issue("keep", "conflict.keep", "处理方式只能是 local（保留本地）或 incoming（采用来件）")])
    with store.write() as conn:
        row = q.conflict(conn, conflict_id)
        if row is None:
            raise NotFound(f"没有编号为 {conflict_id} 的数据交换冲突")
        if row["resolution"] is not None:
            raise Refused(f"冲突 #{conflict_id} 已于 {row['resolved_at'].replace('T', ' ')} 由 {row['resolved_by']} "
                          f"处理（{RESOLUTION_LABELS[row['resolution']]}）")
        if keep == "incoming":
            _take_incoming(conn, row)
        elif row["incoming_hash"]:
            q.set_sync_base(conn, row["table_name"], row["record_uuid"], row["office_id"], row["incoming_hash"],
                            row["received_id"])
        q.mark_resolved(conn, conflict_id, keep, store.actor)
    return get_conflict(store, conflict_id)


def _take_incoming(conn: sqlite3.Connection, row: sqlite3.Row) -> None:
    table, uuid = row["table_name"], row["record_uuid"]
    merger = Merger(conn, row["office_id"], row["office_code"], row["office_code"], row["package_seq"],
                    row["received_id"])
    row_id = merger.umap.id(table, uuid)
    if row["local_json"]:
        if row_id is None:
            raise Refused("本地记录已不存在，无法采用来件内容")
        local = json.loads(row["local_json"])
        current = q.row_by_uuid(conn, table, uuid)
        if local_state(conn, merger.schema, merger.umap, table, current)[2] != content_hash(
                table, local["record"], local["links"]):
            raise Refused("登记冲突后本地记录又被修改过，请重新查看差异后再处理")
    if row["kind"] == "delete":
        try:
            q.delete_row(conn, table, row_id)
        except sqlite3.IntegrityError as exc:
            raise Refused(f"本地仍有其他记录引用该{TABLE_LABELS[table]}，无法删除，请先处理这些记录") from exc
        return
    incoming = json.loads(row["incoming_json"])
    _, why = merger.write_record(table, incoming["record"], incoming["links"], row_id)
    if why:
        raise Refused(f"无法采用来件内容：{why}")
    q.set_sync_base(conn, table, uuid, row["office_id"], row["incoming_hash"], row["received_id"])
