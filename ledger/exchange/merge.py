"""Import a verified package: merge by uuid in one transaction, conflicts kept for a person.

Per incoming record (foreign keys and link targets mapped through ``exchange_alias`` first):

* unknown uuid, no natural-key match → inserted (origin_office kept; the sender's when empty);
* unknown uuid, natural key known here under another uuid → reference data (programme, insurer,
  product) is aliased silently and the local row kept; other tables are aliased (their children
  attach to the local record) and, when the contents differ, a ``natural_key`` conflict is listed;
* known uuid, same content → nothing to do;
* known uuid, local content equal to the state after the last sync with the sender → updated;
* otherwise (changed on both sides, or never synced with the sender) → ``both_changed`` conflict.

Tombstones delete a record only when it is unchanged here since the last sync and nothing local
still references it; otherwise a ``delete`` conflict is listed. A UNIQUE or foreign-key failure
never aborts the import: the record becomes a conflict.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections import Counter, defaultdict
from typing import Any

from ledger.errors import Refused
from ledger.exchange import zipcheck
from ledger.exchange.export import DELETED_MEMBER
from ledger.exchange.wire import META, Schema, UuidMap, content_hash, dumps, fk_name, local_state
from ledger.store import exchange_sql as q

LABEL = "数据包"
TABLE_LABELS = {
    "programme": "试点项目", "insurer": "保险机构", "product": "保险产品", "enterprise": "企业",
    "ip_right": "知识产权", "policy": "保单", "subsidy_application": "补贴申请", "subsidy_event": "补贴流转记录",
    "claim": "理赔", "claim_cost_item": "理赔费用项", "claim_payment": "理赔支付", "case_study": "典型案例",
    "attachment": "附件",
}
KEY_LABELS = {"uscc": "统一社会信用代码", "policy_no": "保单号", "application_no": "申请编号", "claim_no": "理赔编号",
              "ip_type": "类型", "number": "编号", "nice_class": "尼斯分类", "year": "年度", "code": "代码",
              "name": "名称", "full_name": "全称"}


def iter_jsonl(zf: zipfile.ZipFile, name: str, expected_sha: str):  # type: ignore[no-untyped-def]
    """Parsed lines of one member; its SHA-256 is checked again at the end (file swapped → Refused)."""
    import hashlib

    digest = hashlib.sha256()
    rest = b""
    lineno = 0
    for chunk in zipcheck.iter_member(zf, name, LABEL):
        digest.update(chunk)
        lines = (rest + chunk).split(b"\n")
        rest = lines.pop()
        for line in lines:
            lineno += 1
            yield _parse(name, lineno, line)
    if rest.strip():
        yield _parse(name, lineno + 1, rest)
    if digest.hexdigest() != expected_sha:
        raise Refused(f"数据包已被篡改：{name} 校验值不符")


def _parse(name: str, lineno: int, line: bytes) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except ValueError as exc:
        raise Refused(f"数据包中 {name} 第 {lineno} 行不是有效的 JSON") from exc
    if not isinstance(obj, dict):
        raise Refused(f"数据包中 {name} 第 {lineno} 行不是一条记录")
    return obj


class Merger:
    def __init__(self, conn: sqlite3.Connection, sender_id: str, sender_code: str, sender_name: str,
                 package_seq: int, received_id: int) -> None:
        self.conn = conn
        self.sender_id, self.sender_code, self.sender_name = sender_id, sender_code, sender_name
        self.package_seq, self.received_id = package_seq, received_id
        self.schema = Schema(conn)
        self.umap = UuidMap(conn)
        self.alias = q.aliases(conn)
        self.counts: dict[str, Counter] = defaultdict(Counter)
        self.conflict_ids: list[int] = []
        self.wire_columns = {t: {fk_name(c) if c in self.schema.fks[t] else c
                                 for c in self.schema.columns[t] if c != "id"} for t in q.TABLES}

    # -- mapping into this database's uuid space ------------------------------------------------
    def local_uuid(self, table: str, uuid: str | None) -> str | None:
        return None if uuid is None else self.alias.get((table, uuid), uuid)

    def map_record(self, table: str, wire: dict[str, Any]) -> dict[str, Any]:
        unknown = set(wire) - self.wire_columns[table]
        if unknown or not isinstance(wire.get("uuid"), str):
            raise Refused(f"数据包中 data/{table}.jsonl 含本程序不认识的字段 {sorted(unknown)} 或缺少 uuid")
        out = dict(wire)
        out["uuid"] = self.local_uuid(table, wire["uuid"])
        for col, parent in self.schema.fks[table].items():
            key = fk_name(col)
            if key in out:
                out[key] = self.local_uuid(parent, out[key])
        if table == "attachment" and out.get("owner_table") in q.TABLES:
            out["owner_uuid"] = self.local_uuid(out["owner_table"], out.get("owner_uuid"))
        return out

    def map_links(self, table: str, uuid: str, links: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict]]:
        out: dict[str, list[dict[str, Any]]] = {}
        for link, parent_fk, other_fk, other_table, _extra in q.LINKS.get(table, ()):
            items = []
            for item in links.get(link, []):
                mapped = dict(item)
                mapped[fk_name(parent_fk)] = uuid
                mapped[fk_name(other_fk)] = self.local_uuid(other_table, item.get(fk_name(other_fk)))
                items.append(mapped)
            out[link] = items
        return out

    # -- writing --------------------------------------------------------------------------------
    def db_values(self, table: str, mapped: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
        """Column values with parent ids; the list names parents not found here."""
        values: dict[str, Any] = {}
        missing = []
        fk_cols = {fk_name(c): (c, p) for c, p in self.schema.fks[table].items()}
        for key, value in mapped.items():
            if key in fk_cols:
                col, parent = fk_cols[key]
                parent_id = None if value is None else self.umap.id(parent, value)
                if value is not None and parent_id is None:
                    missing.append(f"{TABLE_LABELS.get(parent, parent)} {value}")
                values[col] = parent_id
            else:
                values[key] = value
        return values, missing

    def link_values(self, table: str, links: dict[str, list[dict]]) -> tuple[dict[str, list[dict]], list[str]]:
        out: dict[str, list[dict[str, Any]]] = {}
        missing = []
        for link, parent_fk, other_fk, other_table, extra in q.LINKS.get(table, ()):
            rows = []
            for item in links.get(link, []):
                other = self.umap.id(other_table, item.get(fk_name(other_fk)))
                if other is None:
                    missing.append(f"{TABLE_LABELS.get(other_table, other_table)} {item.get(fk_name(other_fk))}")
                    continue
                rows.append({parent_fk: None, other_fk: other, **{c: item.get(c) for c in extra}})
            out[link] = rows
        return out, missing

    def write_record(self, table: str, mapped: dict[str, Any], links: dict[str, list[dict]],
                     row_id: int | None) -> tuple[int | None, str]:
        """Insert (row_id None) or update; return (id, '') or (None, why it could not be written)."""
        values, missing = self.db_values(table, mapped)
        link_rows, missing_links = self.link_values(table, links)
        if missing or missing_links:
            return None, "引用的记录在本地不存在：" + "、".join([*missing, *missing_links][:5])
        inserting = row_id is None
        q.savepoint(self.conn, "exchange_record")
        try:
            if row_id is None:
                if not values.get("origin_office"):
                    values["origin_office"] = self.sender_id
                row_id = q.insert_row(self.conn, table, values)
            else:
                q.update_row(self.conn, table, row_id,
                             {k: v for k, v in values.items() if k not in META or k == "updated_at"})
            for link, parent_fk, *_ in q.LINKS.get(table, ()):
                rows = [{**r, parent_fk: row_id} for r in link_rows[link]]
                q.replace_link_rows(self.conn, link, parent_fk, row_id, rows)
        except sqlite3.IntegrityError as exc:
            q.savepoint(self.conn, "exchange_record", "ROLLBACK TO")
            q.savepoint(self.conn, "exchange_record", "RELEASE")
            return None, f"写入时违反数据库约束：{exc}"
        q.savepoint(self.conn, "exchange_record", "RELEASE")
        if inserting:
            self.umap.add(table, row_id, mapped["uuid"])
        return row_id, ""

    def conflict(self, table: str, uuid: str, kind: str, message: str, local: dict | None,
                 incoming: dict | None, incoming_hash: str = "") -> None:
        values = {"kind": kind, "message": message,
                  "local_json": None if local is None else dumps(local),
                  "incoming_json": None if incoming is None else dumps(incoming),
                  "incoming_hash": incoming_hash, "office_id": self.sender_id, "office_code": self.sender_code,
                  "package_seq": self.package_seq, "received_id": self.received_id}
        existing = q.open_conflict(self.conn, table, uuid)
        if existing is not None:
            q.replace_conflict(self.conn, existing["id"], values)
            conflict_id = existing["id"]
        else:
            conflict_id = q.add_conflict(self.conn, {"table_name": table, "record_uuid": uuid, **values})
        self.conflict_ids.append(conflict_id)
        self.counts[table]["conflicts"] += 1

    # -- one record -----------------------------------------------------------------------------
    def apply(self, table: str, wire: dict[str, Any], links: dict[str, list[dict]]) -> None:
        mapped = self.map_record(table, wire)
        uuid = mapped["uuid"]
        mlinks = self.map_links(table, uuid, links)
        in_hash = content_hash(table, mapped, mlinks)
        incoming = {"record": mapped, "links": mlinks}
        row_id = self.umap.id(table, uuid)
        if row_id is None:
            clash = self.natural_clash(table, mapped)
            if clash is not None:
                self.on_clash(table, wire["uuid"], clash, mapped, mlinks, in_hash)
                return
            new_id, why = self.write_record(table, mapped, mlinks, None)
            if new_id is None:
                kind = "missing_parent" if why.startswith("引用") else "natural_key"
                self.conflict(table, uuid, kind, f"{TABLE_LABELS[table]}无法写入：{why}", None, incoming, in_hash)
                return
            q.set_sync_base(self.conn, table, uuid, self.sender_id, in_hash, self.received_id)
            self.counts[table]["inserted"] += 1
            return
        local_row = q.row_by_uuid(self.conn, table, uuid)
        lwire, llinks, lhash = local_state(self.conn, self.schema, self.umap, table, local_row)
        if lhash == in_hash:
            q.set_sync_base(self.conn, table, uuid, self.sender_id, in_hash, self.received_id)
            self.counts[table]["unchanged"] += 1
            return
        base = q.sync_base(self.conn, table, uuid, self.sender_id)
        if base == lhash:
            _, why = self.write_record(table, mapped, mlinks, row_id)
            if why:
                self.conflict(table, uuid, "missing_parent" if why.startswith("引用") else "natural_key",
                              f"{TABLE_LABELS[table]}无法更新：{why}", {"record": lwire, "links": llinks},
                              incoming, in_hash)
                return
            q.set_sync_base(self.conn, table, uuid, self.sender_id, in_hash, self.received_id)
            self.counts[table]["updated"] += 1
            return
        why = ("本地在上次同步后也修改了该记录" if base is not None
               else "本地已有该记录（并非来自该办公室的同步），且内容不同")
        self.conflict(table, uuid, "both_changed", f"{TABLE_LABELS[table]}两边都有修改：{why}",
                      {"record": lwire, "links": llinks}, incoming, in_hash)

    def natural_clash(self, table: str, mapped: dict[str, Any]) -> tuple[str, tuple[str, ...]] | None:
        for key in q.NATURAL_KEYS.get(table, ()):
            if not all(k in mapped for k in key):
                continue
            found = q.uuid_for_key(self.conn, table, key, [mapped[k] for k in key])
            if found is not None and found != mapped["uuid"]:
                return found, key
        return None

    def on_clash(self, table: str, remote_uuid: str, clash: tuple[str, tuple[str, ...]], mapped: dict[str, Any],
                 mlinks: dict[str, list[dict]], in_hash: str) -> None:
        local_uuid, key = clash
        reason = "、".join(f"{KEY_LABELS.get(k, k)} {mapped[k]}" for k in key)
        q.add_alias(self.conn, table, remote_uuid, local_uuid, self.sender_id, reason)
        self.alias[(table, remote_uuid)] = local_uuid
        self.counts[table]["aliased"] += 1
        if table in q.REFERENCE:
            return
        mapped = {**mapped, "uuid": local_uuid}
        mlinks = self.map_links(table, local_uuid, mlinks)
        local_row = q.row_by_uuid(self.conn, table, local_uuid)
        lwire, llinks, lhash = local_state(self.conn, self.schema, self.umap, table, local_row)
        in_hash = content_hash(table, mapped, mlinks)
        if lhash == in_hash:
            q.set_sync_base(self.conn, table, local_uuid, self.sender_id, in_hash, self.received_id)
            return
        self.conflict(table, local_uuid, "natural_key",
                      f"{TABLE_LABELS[table]}的{reason}与本地已有记录相同，但两边内容不同（来自 {self.sender_name} 的 "
                      f"uuid {remote_uuid}）。已视为同一记录，请决定保留哪一方的内容",
                      {"record": lwire, "links": llinks}, {"record": mapped, "links": mlinks}, in_hash)

    def tombstone(self, table: str, remote_uuid: str) -> None:
        uuid = self.local_uuid(table, remote_uuid)
        row_id = self.umap.id(table, uuid)
        if row_id is None:
            self.counts[table]["already_absent"] += 1
            return
        local_row = q.row_by_uuid(self.conn, table, uuid)
        lwire, llinks, lhash = local_state(self.conn, self.schema, self.umap, table, local_row)
        local = {"record": lwire, "links": llinks}
        if q.sync_base(self.conn, table, uuid, self.sender_id) != lhash:
            self.conflict(table, uuid, "delete", f"{self.sender_name} 删除了该{TABLE_LABELS[table]}，"
                          "但本地在同步后修改过它（或它不是从该办公室同步来的）", local, None)
            return
        q.savepoint(self.conn, "exchange_delete")
        try:
            q.delete_row(self.conn, table, row_id)
        except sqlite3.IntegrityError:
            q.savepoint(self.conn, "exchange_delete", "ROLLBACK TO")
            q.savepoint(self.conn, "exchange_delete", "RELEASE")
            self.conflict(table, uuid, "delete", f"{self.sender_name} 删除了该{TABLE_LABELS[table]}，"
                          "但本地仍有其他记录引用它", local, None)
            return
        q.savepoint(self.conn, "exchange_delete", "RELEASE")
        self.umap.remove(table, uuid)
        self.counts[table]["deleted"] += 1


def merge_members(merger: Merger, zf: zipfile.ZipFile, members: dict[str, Any]) -> None:
    """Apply the data members in parent-first order, then the tombstones children-first."""
    for table in q.TABLES:
        name = f"data/{table}.jsonl"
        if name not in members:
            continue
        links: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
        for link, parent_fk, *_ in q.LINKS.get(table, ()):
            link_name = f"data/{link}.jsonl"
            if link_name in members:
                for item in iter_jsonl(zf, link_name, members[link_name]["sha256"]):
                    links[str(item.get(fk_name(parent_fk)))][link].append(item)
        for wire in iter_jsonl(zf, name, members[name]["sha256"]):
            merger.apply(table, wire, links.pop(str(wire.get("uuid")), {}))
    if DELETED_MEMBER in members:
        order = {t: i for i, t in enumerate(q.TABLES)}
        tombs = [t for t in iter_jsonl(zf, DELETED_MEMBER, members[DELETED_MEMBER]["sha256"])
                 if t.get("table") in order and isinstance(t.get("uuid"), str)]
        for tomb in sorted(tombs, key=lambda t: -order[t["table"]]):
            merger.tombstone(tomb["table"], tomb["uuid"])
