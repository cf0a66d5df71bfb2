"""Opening the ledger for the desktop app: one writer, safe location, read-only banner.

``open_for_app(path, actor)`` combines, in order:

1. where the file is: a network share or removable drive gives a warning (not a refusal);
2. whether it can be written: a read-only file or folder opens the ledger read-only, with a
   banner (:func:`readonly_banner`); the store then refuses every write with a Chinese message;
3. the instance lock ``<db>.lock`` (writable databases only): a second instance is refused
   with :class:`DataProblem` naming who holds it; a stale lock left by a crash is taken over;
4. :func:`ledger.services.opening.open_ledger` (create, migrate, catalogue, and with
   ``daily_backup`` the day's automatic backup; a failed backup becomes a warning);
5. owner-only permissions (0o600) on the database, ``-wal``, ``-shm`` and the lock file.

The caller keeps the returned lock for the life of the app and releases it after closing the
store (``lock.release()``; ``lock`` is None for a read-only opening). After login, call
``lock.set_user(user.label)`` so a second instance names the person.
"""

from __future__ import annotations

import os
from pathlib import Path

from ledger.services.opening import open_ledger
from ledger.store import Store, instance_lock, location
from ledger.store.instance_lock import InstanceLock


def readonly_banner(store: Store) -> str | None:
    if not store.readonly:
        return None
    reason = location.readonly_reason(store.path) or f"数据库 {store.path} 以只读方式打开"
    return f"只读模式：{reason}。可以查看、统计和导出，不能修改。"


def open_for_app(path: str | os.PathLike[str], actor: str = "system", *, create: bool = True,
                 daily_backup: bool = True) -> tuple[Store, InstanceLock | None, list[str]]:
    """Open the ledger for the GUI; return (store, instance lock or None, warnings in Chinese)."""
    db = Path(path).expanduser().absolute()
    warnings: list[str] = []
    where = location.location_warning(db)
    if where:
        warnings.append(where)
    readonly = location.readonly_reason(db) is not None and (db.exists() or not create)
    lock = None if readonly else instance_lock.acquire(db, user=None if actor == "system" else actor)
    try:
        store = open_ledger(db, actor=actor, create=create, readonly=readonly, daily_backup=daily_backup)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if not store.readonly:
        location.owner_only(location.companions(db))
    banner = readonly_banner(store)
    if banner:
        warnings.insert(0, banner)
    if getattr(store, "backup_problem", ""):
        warnings.append(f"今日自动备份未完成：{store.backup_problem}")
    if lock is not None and lock.took_over_stale:
        prev = lock.previous
        warnings.append(f"上次由 {prev.get('user', '未知用户')} 在 {prev.get('host', '未知主机')} 上打开的程序"
                        "未正常退出，已接管数据库锁；如有疑问请运行“检查数据库”。")
    return store, lock, warnings
