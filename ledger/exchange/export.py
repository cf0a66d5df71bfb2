"""Write an exchange package (``.ipx``): what changed here since the last package, signed.

Layout of the zip::

    manifest.json            format, office, package number, audit seq range, counts, SHA-256 of members
    manifest.sig             base64 Ed25519 signature over the exact bytes of manifest.json
    data/<table>.jsonl       full current rows (uuid keys, foreign keys as parent uuids)
    data/<link>.jsonl        link rows of every exported parent (its complete link set)
    data/_deleted.jsonl      tombstones {"table", "uuid"} from audited deletions
    attachments/<sha256>     attachment files found in ``<db stem>.files/``

"Changed" = audited in ``audit_log`` after the last package's ``to_seq``, skipping the seq ranges
written by imports of other offices' packages: records that came from elsewhere travel on only
when changed here (and keep their ``origin_office``).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import time
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger import __version__, security
from ledger.errors import DataProblem, Refused
from ledger.exchange import keys
from ledger.exchange.wire import Schema, UuidMap, dumps, links_to_wire, row_to_wire
from ledger.store import Store, migrations
from ledger.store import exchange_sql as q
from ledger.store.audit import log_event, now_text

FORMAT = "ipdesk-exchange"
FORMAT_VERSION = 1
DELETED_MEMBER = "data/_deleted.jsonl"
FLUSH_BYTES = 1 << 20


@dataclass
class PackageSummary:
    path: Path
    package_seq: int
    office: keys.Office
    from_seq: int
    to_seq: int
    counts: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    attachments: int = 0
    attachments_missing: int = 0
    size_bytes: int = 0
    sha256: str = ""
    elapsed_seconds: float = 0.0


class _Member:
    """One zip member written in 1 MiB pieces while its SHA-256 is computed."""

    def __init__(self, zf: zipfile.ZipFile, name: str) -> None:
        self.name = name
        self._fh = zf.open(name, "w", force_zip64=True)
        self._hash = hashlib.sha256()
        self._buf: list[bytes] = []
        self._pending = 0
        self.size = 0

    def write(self, data: bytes) -> None:
        self._buf.append(data)
        self._pending += len(data)
        if self._pending >= FLUSH_BYTES:
            self._flush()

    def line(self, obj: Any) -> None:
        self.write(dumps(obj).encode("utf-8") + b"\n")

    def _flush(self) -> None:
        chunk = b"".join(self._buf)
        self._fh.write(chunk)
        self._hash.update(chunk)
        self.size += len(chunk)
        self._buf, self._pending = [], 0

    def close(self) -> dict[str, Any]:
        self._flush()
        self._fh.close()
        return {"sha256": self._hash.hexdigest(), "size": self.size}


def blob_path(store: Store, sha256: str) -> Path:
    """Where an attachment's bytes live: ``<db stem>.files/ab/cdef….bin`` (ledger.services.attachments)."""
    try:
        from ledger.services.attachments import blob_path as service_blob_path
    except ImportError:  # attachments storage not installed: same layout
        return store.path.with_name(f"{store.path.stem}.files") / sha256[:2] / f"{sha256[2:]}.bin"
    return service_blob_path(store, sha256)


def attachment_file(store: Store, sha256: str) -> Path | None:
    path = blob_path(store, sha256)
    return path if path.is_file() else None


def _copy_attachment(zf: zipfile.ZipFile, src: Path, sha256: str) -> dict[str, Any] | None:
    member = _Member(zf, f"attachments/{sha256}")
    with src.open("rb") as fh:
        for chunk in iter(lambda: fh.read(FLUSH_BYTES), b""):
            member.write(chunk)
    info = member.close()
    return info if info["sha256"] == sha256 else None


def export_package(store: Store, out_path: str | os.PathLike[str], *, since_seq: int | None = None) -> PackageSummary:
    """Write the next package of this office to ``out_path`` (temp file, then rename)."""
    started = time.perf_counter()
    security.require(store, "exchange.export")
    me = keys.require_office(store)
    keys.ensure_key(store)
    if since_seq is not None and since_seq < 0:
        raise Refused("--since 必须是不小于 0 的审计序号")
    out = Path(out_path)
    if out.suffix.lower() != ".ipx":
        raise Refused(f"数据包文件名应以 .ipx 结尾：{out.name}")
    tmp = out.with_name(out.name + ".part")
    conn = store.conn
    conn.execute("BEGIN")  # one read snapshot for the whole package
    try:
        last = q.last_sent(conn)
        package_seq = 1 + (last["package_seq"] if last else 0)
        from_seq = since_seq if since_seq is not None else (last["to_seq"] if last else 0)
        to_seq = q.max_audit_seq(conn)
        summary = PackageSummary(out, package_seq, me, from_seq, to_seq)
        try:
            manifest = _write_zip(store, conn, tmp, summary)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise DataProblem(f"无法写入数据包 {out}：{exc.strerror or exc}") from exc
        schema_version = migrations.schema_version(conn)
    finally:
        conn.execute("COMMIT")
    try:
        _sign_and_publish(store, tmp, out, manifest, schema_version, summary, last)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    summary.elapsed_seconds = round(time.perf_counter() - started, 3)
    return summary


def _write_zip(store: Store, conn: Any, tmp: Path, summary: PackageSummary) -> dict[str, Any]:
    schema = Schema(conn)
    umap = UuidMap(conn)
    changed: dict[str, set[str]] = defaultdict(set)
    for table, uuid in q.changed_records(conn, summary.from_seq, summary.to_seq):
        changed[q.LINK_PARENT.get(table, table)].add(uuid)
    members: dict[str, Any] = {}
    tombstones: list[dict[str, str]] = []
    shas: set[str] = set()
    tmp.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for table in q.TABLES:
            uuids = changed.get(table)
            if not uuids:
                continue
            present: set[str] = set()
            link_lines: dict[str, list[bytes]] = {link: [] for link, *_ in q.LINKS.get(table, ())}
            member = _Member(zf, f"data/{table}.jsonl")
            for row in q.rows_by_uuid(conn, table, uuids):
                present.add(row["uuid"])
                member.line(row_to_wire(schema, umap, table, row))
                if table == "attachment":
                    shas.add(row["sha256"])
                if link_lines:
                    for link, items in links_to_wire(conn, schema, umap, table, row["id"], row["uuid"]).items():
                        link_lines[link] += [dumps(i).encode("utf-8") + b"\n" for i in items]
            members[member.name] = member.close()
            summary.counts[table] = len(present)
            for link, lines in link_lines.items():
                lm = _Member(zf, f"data/{link}.jsonl")
                for line in lines:
                    lm.write(line)
                members[lm.name] = lm.close()
                summary.counts[link] = len(lines)
            tombstones += [{"table": table, "uuid": u} for u in sorted(uuids - present)]
        dm = _Member(zf, DELETED_MEMBER)
        for tomb in tombstones:
            dm.line(tomb)
        members[dm.name] = dm.close()
        summary.deleted = len(tombstones)
        missing = []
        for sha in sorted(shas):
            src = attachment_file(store, sha)
            info = _copy_attachment(zf, src, sha) if src is not None else None
            if info is None:
                missing.append(sha)
            else:
                members[f"attachments/{sha}"] = info
        summary.attachments, summary.attachments_missing = len(shas) - len(missing), len(missing)
    return {"members": members, "attachments_missing": missing}


def _sign_and_publish(store: Store, tmp: Path, out: Path, partial: dict[str, Any], schema_version: int,
                      summary: PackageSummary, last: Any) -> None:
    me = summary.office
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION, "schema_version": schema_version,
        "app_version": __version__,
        "office": {"id": me.id, "code": me.code, "name": me.name},
        "package_seq": summary.package_seq, "audit_from_seq": summary.from_seq, "audit_to_seq": summary.to_seq,
        "created_at": now_text(), "created_by": store.actor,
        "counts": summary.counts, "deleted": summary.deleted,
        "attachments_missing": partial["attachments_missing"], "members": partial["members"],
    }
    body = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    signature = base64.b64encode(keys.sign(store, body)) + b"\n"
    with zipfile.ZipFile(tmp, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", body)
        zf.writestr("manifest.sig", signature)
    os.chmod(tmp, 0o600)  # personal data (contacts, bank accounts): owner-only, like the database
    with tmp.open("rb") as fh:
        digest = hashlib.file_digest(fh, "sha256").hexdigest()
        os.fsync(fh.fileno())
    summary.sha256 = digest
    summary.size_bytes = tmp.stat().st_size
    with store.write() as conn:
        now_last = q.last_sent(conn)
        if (now_last["package_seq"] if now_last else 0) != (last["package_seq"] if last else 0):
            raise Refused("导出期间另一个导出已完成，请重新导出")
        q.record_sent(conn, summary.package_seq, summary.from_seq, summary.to_seq, out.name, digest,
                      json.dumps(summary.counts, ensure_ascii=False, sort_keys=True), store.actor)
        log_event(conn, "exchange", f"package:{me.code}:{summary.package_seq}", "EXPORT",
                  {"package_seq": summary.package_seq, "file": out.name, "sha256": digest,
                   "from_seq": summary.from_seq, "to_seq": summary.to_seq, "counts": summary.counts,
                   "deleted": summary.deleted})
        try:
            os.replace(tmp, out)
        except OSError as exc:
            raise DataProblem(f"无法写入数据包 {out}：{exc.strerror or exc}") from exc
