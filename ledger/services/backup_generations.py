"""Automatic backup generations: one a day on first open, one before risky changes, pruned.

* :func:`ensure_daily_backup` — called when the ledger is opened (``open_ledger(...,
  daily_backup=True)``, which the GUI uses): if today's generation is missing it writes
  ``<backup dir>/<db stem>.auto-YYYY-MM-DD.bak.sqlite`` through the SQLite backup API (temporary
  name, ``integrity_check``, fsync, rename, mode 0600), audits it and prunes old generations.
  The default backup dir is ``<db folder>/ipdesk-backups/`` (ASCII name, mode 0700).
* :func:`backup_before` — a safety copy before an exchange import or another bulk change:
  ``<db stem>.before-<reason>-YYYYMMDD-HHMMSS.bak.sqlite`` in the same folder. These are not pruned
  (they are rare and each marks a change someone may need to undo).
* :func:`retention_plan` — pure: which automatic generations to keep, by the date in their names:
  the newest backup of each of the 7 most recent days that have one, of the 4 most recent ISO
  weeks and of the 12 most recent months (restic's keep-daily/weekly/monthly). Periods without
  backups do not use up a slot, so a ledger left unused for months keeps its last backups.
  Files dated after ``today`` (clock changes) are kept. :func:`prune_backups` applies the plan.

Before migrations the store writes its own copy (``backup.pre_migration_backup_path``); restore
keeps the replaced database (``services.backups.restore_from``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ledger.store import Store, audit, backup

DAILY, WEEKLY, MONTHLY = 7, 4, 12


@dataclass(frozen=True)
class RetentionPlan:
    keep: list[str]
    drop: list[str]


def retention_plan(names: Iterable[str], today: date, *, daily: int = DAILY, weekly: int = WEEKLY,
                   monthly: int = MONTHLY) -> RetentionPlan:
    """Split automatic-backup file names into those to keep and those to delete (pure)."""
    dated = sorted(((d, n) for n in names if (d := backup.generation_date(n)) is not None), reverse=True)
    keep = {n for d, n in dated if d > today}
    past = [(d, n) for d, n in dated if d <= today]
    buckets: tuple[tuple[Callable[[date], Hashable], int], ...] = (
        (lambda d: d, daily),
        (lambda d: tuple(d.isocalendar())[:2], weekly),
        (lambda d: (d.year, d.month), monthly),
    )
    for bucket_of, limit in buckets:
        seen: set[Hashable] = set()
        for d, name in past:  # newest first: the first file of a bucket is its newest
            bucket = bucket_of(d)
            if bucket in seen:
                continue
            if len(seen) >= limit:
                break
            seen.add(bucket)
            keep.add(name)
    return RetentionPlan(keep=sorted(keep), drop=sorted(n for _, n in dated if n not in keep))


def prune_backups(backup_dir: str | Path, today: date | None = None, *, db_path: str | Path | None = None,
                  daily: int = DAILY, weekly: int = WEEKLY, monthly: int = MONTHLY) -> list[Path]:
    """Delete the automatic generations the retention plan drops; return the deleted paths."""
    folder = Path(backup_dir)
    files = {p.name: p for p in backup.generation_files(folder, Path(db_path) if db_path else None)}
    plan = retention_plan(files, today or date.today(), daily=daily, weekly=weekly, monthly=monthly)
    return backup.remove_files(files[n] for n in plan.drop)


def _audit(store: Store, path: Path, kind: str, reason: str = "") -> None:
    if store.readonly:
        return
    detail = {"file": str(path), "kind": kind}
    if reason:
        detail["reason"] = reason
    with store.write() as conn:
        audit.log_event(conn, "database", store.office_id, "BACKUP", detail)


def backup_dir_of(store: Store, backup_dir: str | Path | None = None) -> Path:
    return Path(backup_dir).expanduser() if backup_dir else backup.default_backup_dir(store.path)


def ensure_daily_backup(store: Store, backup_dir: str | Path | None = None,
                        today: date | None = None) -> Path | None:
    """Write today's generation unless it exists, then prune; return its path (None if it existed)."""
    today = today or date.today()
    folder = backup_dir_of(store, backup_dir)
    target = backup.generation_path(folder, store.path, today)
    if target.exists():
        return None
    backup.make_private_dir(folder)
    backup.backup_connection(store.conn, target)
    _audit(store, target, "daily")
    prune_backups(folder, today, db_path=store.path)
    return target


def backup_before(store: Store, reason: str, backup_dir: str | Path | None = None) -> Path:
    """A verified safety copy before a bulk change (exchange import…); ``reason`` e.g. 'exchange-import'."""
    folder = backup.make_private_dir(backup_dir_of(store, backup_dir))
    base = backup.reason_backup_path(folder, store.path, reason, datetime.now())
    target, n = base, 1
    while target.exists():  # two in the same second
        target = base.with_name(base.name.replace(".bak.sqlite", f"-{n}.bak.sqlite"))
        n += 1
    backup.backup_connection(store.conn, target)
    _audit(store, target, "before", reason)
    return target
