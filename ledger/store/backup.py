"""Backups through the SQLite backup API (never a plain file copy), verified before they count.

A backup is written to a temporary name in the target folder, checked with
``PRAGMA integrity_check``, flushed to disk and then renamed into place, with owner-only
permissions. The backup API gives a consistent snapshot even while another connection writes.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from ledger.errors import DataProblem


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_problems(path: Path) -> list[str]:
    """Return integrity_check / foreign_key_check problems of a database file ([] when clean)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        problems = [] if rows == ["ok"] else rows
        fks = conn.execute("PRAGMA foreign_key_check").fetchall()
        problems += [f"外键问题：表 {t} 第 {rowid} 行引用 {parent} 不存在" for t, rowid, parent, _ in fks[:20]]
        return problems
    except sqlite3.DatabaseError as exc:
        return [f"不是有效的 SQLite 数据库：{exc}"]
    finally:
        conn.close()


def backup_connection(conn: sqlite3.Connection, dest: Path, progress=None) -> Path:
    """Copy the database behind ``conn`` into ``dest`` atomically; return ``dest``."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    try:
        target = sqlite3.connect(tmp)
        try:
            def _progress(status, remaining, total):
                if progress is not None and total:
                    progress((total - remaining) / total)

            conn.backup(target, pages=256, progress=_progress)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
        os.chmod(tmp, 0o600)
        problems = integrity_problems(tmp)
        if problems:
            raise DataProblem(f"备份文件校验失败，未保存：{'；'.join(problems[:3])}")
        _fsync(tmp)
        os.replace(tmp, dest)
    except OSError as exc:
        raise DataProblem(f"无法写入备份文件 {dest}：{exc.strerror or exc}") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
    return dest


def backup_file(db_path: Path, dest: Path, progress=None) -> Path:
    """Back up a database file by path (opens its own read connection)."""
    conn = sqlite3.connect(db_path)
    try:
        return backup_connection(conn, dest, progress)
    finally:
        conn.close()


def pre_migration_backup_path(db_path: Path, version: int) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return db_path.with_name(f"{db_path.stem}.v{version}-{stamp}.bak.sqlite")
