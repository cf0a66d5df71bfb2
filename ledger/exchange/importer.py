"""``import_package``: verify, back up, then merge in one transaction (see merge.py)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ledger import security
from ledger.errors import Refused
from ledger.exchange import package, zipcheck
from ledger.exchange.export import blob_path
from ledger.exchange.merge import Merger, merge_members
from ledger.exchange.wire import dumps
from ledger.store import Store
from ledger.store import exchange_sql as q
from ledger.store.audit import log_event
from ledger.store.backup import backup_connection


@dataclass
class ImportSummary:
    office_code: str
    office_name: str
    package_seq: int
    file_sha256: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    conflicts: list[int] = field(default_factory=list)
    attachments_stored: int = 0
    backup_path: Path | None = None
    elapsed_seconds: float = 0.0

    def total(self, what: str) -> int:
        return sum(c.get(what, 0) for c in self.counts.values())


def backup_path_for(store: Store, office_code: str, package_seq: int) -> Path:
    return store.path.with_name(f"{store.path.stem}.before-exchange-{office_code}-{package_seq}.bak.sqlite")


def _store_attachments(store: Store, v: package.Verified) -> int:
    stored = 0
    for name in sorted(v.manifest["members"]):
        if not name.startswith("attachments/"):
            continue
        sha = name.split("/", 1)[1]
        dest = blob_path(store, sha)
        if dest.is_file():
            continue
        dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = dest.with_name(f".exchange-{os.getpid()}-{sha[:8]}.tmp")
        digest = hashlib.sha256()
        try:
            with tmp.open("wb") as fh:
                for chunk in zipcheck.iter_member(v.zf, name, package.LABEL):
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            if digest.hexdigest() != sha:
                raise Refused(f"数据包已被篡改：{name} 校验值不符")
            os.chmod(tmp, 0o600)
            os.replace(tmp, dest)
        finally:
            with contextlib.suppress(OSError):
                tmp.unlink()
        stored += 1
    return stored


def import_package(store: Store, path: str | os.PathLike[str]) -> ImportSummary:
    """Import one package of a trusted office; refuse (nothing written) when anything is wrong."""
    security.require(store, "exchange.manage")
    started = time.perf_counter()
    conn = store.conn
    v = package.verify(conn, Path(path))
    try:
        summary = ImportSummary(v.sender.code, v.sender.name, v.package_seq, v.file_sha256)
        summary.backup_path = backup_connection(conn, backup_path_for(store, v.sender.code, v.package_seq))
        actor = store.actor
        label = f"{actor}@交换:{v.sender.code}#{v.package_seq}"
        with store.acting_as(label), store.write() as wconn:
            package._check_sequence(wconn, v)  # again, under the write lock
            received_id = q.add_received(wconn, v.sender.id, v.sender.code, v.sender.name, v.package_seq,
                                         v.file_sha256, actor)
            first = q.max_audit_seq(wconn) + 1
            merger = Merger(wconn, v.sender.id, v.sender.code, v.sender.name, v.package_seq, received_id)
            merge_members(merger, v.zf, v.manifest["members"])
            summary.attachments_stored = _store_attachments(store, v)
            last = q.max_audit_seq(wconn)
            summary.counts = {t: dict(c) for t, c in merger.counts.items()}
            summary.conflicts = sorted(set(merger.conflict_ids))
            q.finish_received(wconn, received_id, dumps(summary.counts), first, last)
            detail: dict[str, Any] = {"office": v.sender.code, "package_seq": v.package_seq,
                                      "sha256": v.file_sha256, "counts": summary.counts,
                                      "conflicts": len(summary.conflicts)}
            log_event(wconn, "exchange", f"package:{v.sender.code}:{v.package_seq}", "IMPORT", detail)
    finally:
        v.zf.close()
    summary.elapsed_seconds = round(time.perf_counter() - started, 3)
    return summary


def received_packages(store: Store) -> list[dict[str, Any]]:
    return [dict(r) for r in q.received_log(store.conn)]
