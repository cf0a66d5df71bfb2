"""Attachments (申报书、保单、付款凭证…) stored by content hash and verified on every read.

Files live next to the database in ``<db dir>/<db stem>.files/ab/cdef….bin`` (the sha256 of
the content: first two hex digits as folder, the other 62 as name), folders 0o700 and files
0o600. The ``attachment`` row (audited) keeps the original file name, kind, size and sha256.
Identical content is stored once. The file is copied (temp name, fsync, rename) before the row
is written; if the row then fails, an unreferenced file remains, which is harmless.
:func:`open_attachment` re-hashes the bytes and refuses a changed or missing file.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

from ledger.errors import DataProblem, InvalidInput, Issue, NotFound, Outcome
from ledger.security import require_any
from ledger.store import Store, attachments_sql

MAX_BYTES = 50 * 1024 * 1024
KINDS = ("申报书", "营业执照", "保单", "发票", "付款凭证", "权利证书", "有效性证明", "许可合同", "承诺书",
         "判决书", "和解协议", "其他")
_CHUNK = 1024 * 1024


def files_dir(store: Store) -> Path:
    return store.path.with_name(f"{store.path.stem}.files")


def blob_path(store: Store, sha256: str) -> Path:
    return files_dir(store) / sha256[:2] / f"{sha256[2:]}.bin"


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"


def _too_big(name: str, size: int) -> InvalidInput:
    return InvalidInput([Issue("source_path", "attachment.too_large",
                               f"附件 {name} 大小为 {_mb(size)}，超过 {MAX_BYTES // 1024 // 1024} MB 的上限，"
                               "请压缩或拆分后再添加")])


def _mkdir_private(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        os.chmod(path, 0o700)


def _store_blob(store: Store, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the hash store (streaming, size-limited); return (sha256, size)."""
    root = files_dir(store)
    _mkdir_private(root)
    tmp = root / f".incoming-{os.getpid()}-{id(source)}.tmp"
    digest = hashlib.sha256()
    size = 0
    try:
        with source.open("rb") as src:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
            with os.fdopen(fd, "wb") as out:
                while chunk := src.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_BYTES:
                        raise _too_big(source.name, size)
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        sha = digest.hexdigest()
        dest = blob_path(store, sha)
        _mkdir_private(dest.parent)
        if dest.exists() and _hash_file(dest) == sha:
            tmp.unlink()
        else:
            os.replace(tmp, dest)
        if os.name == "posix":
            os.chmod(dest, stat.S_IRUSR | stat.S_IWUSR)
        return sha, size
    except OSError as exc:
        raise DataProblem(f"无法保存附件 {source.name}：{exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def add_attachment(store: Store, owner_table: str, owner_uuid: str, kind: str,
                   source_path: str | os.PathLike[str]) -> Outcome:
    """Copy a file into the attachment store and record it against a business record."""
    require_any(store, ("record.edit", "subsidy.record", "subsidy.pay"))
    if store.readonly:
        raise DataProblem(f"数据库 {store.path} 以只读方式打开，不能添加附件")
    source = Path(source_path).expanduser()
    issues = []
    if kind not in KINDS:
        issues.append(Issue("kind", "attachment.kind", f"附件类型必须是{'、'.join(KINDS)}之一"))
    if owner_table not in attachments_sql.ATTACHMENT_OWNERS:
        issues.append(Issue("owner_table", "attachment.owner", f"不能给 {owner_table} 添加附件"))
    elif not attachments_sql.owner_exists(store.conn, owner_table, owner_uuid):
        issues.append(Issue("owner_uuid", "attachment.owner_missing", "附件所属的记录不存在"))
    if not source.is_file():
        issues.append(Issue("source_path", "attachment.missing", f"找不到文件 {source}"))
    elif source.stat().st_size > MAX_BYTES:
        raise _too_big(source.name, source.stat().st_size)
    if issues:
        raise InvalidInput(issues)
    sha, size = _store_blob(store, source)
    with store.write() as conn:
        att_id, uuid = attachments_sql.insert_attachment(conn, {
            "owner_table": owner_table, "owner_uuid": owner_uuid, "kind": kind,
            "filename": source.name[:255], "sha256": sha, "size_bytes": size}, office=store.office_id)
    return Outcome(att_id, uuid)


def get_attachment(store: Store, attachment_id: int) -> sqlite3.Row:
    row = attachments_sql.attachment(store.conn, attachment_id)
    if row is None:
        raise NotFound(f"附件不存在（#{attachment_id}）")
    return row


def list_attachments(store: Store, owner_table: str, owner_uuid: str) -> list[sqlite3.Row]:
    return attachments_sql.attachments_of(store.conn, owner_table, owner_uuid)


def open_attachment(store: Store, attachment_id: int) -> bytes:
    """The attachment's bytes, after checking them against the recorded sha256."""
    row = get_attachment(store, attachment_id)
    path = blob_path(store, row["sha256"])
    name = row["filename"]
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DataProblem(f"附件 {name} 的文件丢失（{path}），请从备份恢复") from exc
    except OSError as exc:
        raise DataProblem(f"无法读取附件 {name}：{exc.strerror or exc}") from exc
    if len(data) != row["size_bytes"] or hashlib.sha256(data).hexdigest() != row["sha256"]:
        raise DataProblem(f"附件 {name} 已损坏（校验值不符），请从备份恢复")
    return data


def verify_attachments(store: Store) -> list[str]:
    """Chinese problems for every missing or changed attachment file ([] when all are intact)."""
    problems = []
    for row in attachments_sql.all_attachments(store.conn):
        path = blob_path(store, row["sha256"])
        if not path.exists():
            problems.append(f"附件 {row['filename']}（#{row['id']}）的文件丢失")
        elif _hash_file(path) != row["sha256"]:
            problems.append(f"附件 {row['filename']}（#{row['id']}）已损坏（校验值不符）")
    return problems
