"""Manual backup and restore (the CLI's and the GUI's), audited."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from ledger.errors import DataProblem
from ledger.store import Store, audit, backup, migrations, open_store
from ledger.store.database import check_file


def backup_now(store: Store, dest: str | Path, progress=None) -> Path:
    dest = Path(dest).expanduser()
    if dest.exists() and dest.is_dir():
        dest = dest / f"{store.path.stem}-{datetime.now():%Y%m%d-%H%M%S}.bak.sqlite"
    result = backup.backup_connection(store.conn, dest, progress)
    if not store.readonly:
        with store.write() as conn:
            audit.log_event(conn, "database", store.office_id, "BACKUP", {"file": str(result)})
    return result


def verify_backup_file(source: Path) -> None:
    """Refuse a file that is missing, not SQLite, damaged, foreign or newer than this program."""
    if not source.exists():
        raise DataProblem(f"备份文件 {source} 不存在")
    check_file(source)
    problems = backup.integrity_problems(source)
    if problems:
        raise DataProblem(f"备份文件 {source} 校验失败，未恢复：{'；'.join(problems[:3])}")
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        migrations.check_compatible(conn, str(source))
        if migrations.schema_version(conn) == 0:
            raise DataProblem(f"文件 {source} 是空数据库，不是本程序的备份")
    finally:
        conn.close()


def restore_from(db_path: str | Path, source: str | Path, *, actor: str = "system") -> Path:
    """Replace the database at ``db_path`` with ``source``; return the safety copy of the old one."""
    db_path, source = Path(db_path).expanduser(), Path(source).expanduser()
    verify_backup_file(source)
    store = open_store(db_path, actor=actor, create=True)
    try:
        kept = backup.backup_connection(
            store.conn, db_path.with_name(f"{db_path.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}.bak.sqlite"))
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            src.backup(store.conn)
        finally:
            src.close()
    finally:
        store.close()
    store = open_store(db_path, actor=actor)  # migrates an older backup (with its own pre-migration copy)
    try:
        with store.write() as conn:
            audit.log_event(conn, "database", store.office_id, "RESTORE", {"from": str(source), "kept": str(kept)})
    finally:
        store.close()
    return kept
