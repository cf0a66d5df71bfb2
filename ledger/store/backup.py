"""Backups through the SQLite backup API (never a plain file copy), verified before they count.

A backup is written to a temporary name in the target folder, checked with
``PRAGMA integrity_check``, flushed to disk and then renamed into place, with owner-only
permissions. The backup API gives a consistent snapshot even while another connection writes.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
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

            # A stepped copy restarts whenever another connection commits in between, so under a
            # steady writer it would never finish. Holding one read transaction on the source for
            # the whole copy pins a single WAL snapshot: no restarts, and writers are not blocked.
            snapshot = progress is not None and not conn.in_transaction
            if snapshot:
                conn.execute("BEGIN")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            try:
                conn.backup(target, pages=-1 if progress is None else 256, progress=_progress)
            finally:
                if snapshot:
                    conn.execute("COMMIT")
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


# -- backup generations (files in the backup folder) --------------------------------------------
BACKUP_DIR_NAME = "ipdesk-backups"  # ASCII on purpose: safe on any code page and removable drive
_GENERATION = re.compile(r"\.auto-(\d{4})-(\d{2})-(\d{2})\.bak\.sqlite$")


def default_backup_dir(db_path: Path) -> Path:
    """``<folder of the database>/ipdesk-backups/``."""
    return Path(db_path).parent / BACKUP_DIR_NAME


def make_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by the owner only; return it."""
    folder = Path(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise DataProblem(f"无法创建备份文件夹 {folder}：{exc.strerror or exc}") from exc
    return folder


def generation_path(folder: Path, db_path: Path, day: date) -> Path:
    """Name of the automatic backup of ``db_path`` for ``day``: ``<stem>.auto-YYYY-MM-DD.bak.sqlite``."""
    return Path(folder) / f"{Path(db_path).stem}.auto-{day:%Y-%m-%d}.bak.sqlite"


def generation_date(name: str) -> date | None:
    """The day in an automatic backup's file name, or None for any other file."""
    m = _GENERATION.search(name)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def reason_backup_path(folder: Path, db_path: Path, reason: str, when: datetime) -> Path:
    """``<stem>.before-<reason>-YYYYMMDD-HHMMSS.bak.sqlite`` (reason reduced to [a-z0-9-])."""
    slug = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-")[:40] or "change"
    return Path(folder) / f"{Path(db_path).stem}.before-{slug}-{when:%Y%m%d-%H%M%S}.bak.sqlite"


def generation_files(folder: Path, db_path: Path | None = None) -> list[Path]:
    """Automatic backups in ``folder`` (of ``db_path`` only, when given), unsorted."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    prefix = f"{Path(db_path).stem}.auto-" if db_path is not None else ""
    return [p for p in folder.iterdir()
            if p.name.startswith(prefix) and p.is_file() and generation_date(p.name) is not None]


def remove_files(paths: Iterable[Path]) -> list[Path]:
    """Delete ``paths``; return those actually removed (a missing file is not an error)."""
    removed = []
    for path in paths:
        try:
            Path(path).unlink()
            removed.append(Path(path))
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DataProblem(f"无法删除旧备份 {path}：{exc.strerror or exc}") from exc
    return removed
