"""One program instance per database: ``<db>.lock`` held with an OS-level lock.

The lock file (owner-only) holds JSON ``{pid, user, host, since, db}`` naming the holder, and is
locked with ``fcntl.flock`` (POSIX) or ``msvcrt.locking`` on one byte far past the JSON
(Windows, so others can still read who holds it). The OS drops the lock when the process dies,
so a lock file left by a crash is **stale**: its OS lock is free and the next instance takes it
over (``InstanceLock.previous`` keeps what it said). A second live instance gets a
:class:`DataProblem` naming the holder. The lock is held for the life of the app.

Network file systems may not propagate these locks: the location check warns about them.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from ledger.errors import DataProblem

_WIN_LOCK_OFFSET = 1 << 30  # lock a byte past any JSON we write (Windows byte-range lock)


def lock_path(db_path: str | os.PathLike[str]) -> Path:
    db = Path(db_path)
    return db.with_name(db.name + ".lock")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some service contexts
        return "未知用户"


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_info(fd: int) -> dict[str, Any]:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 64 * 1024)
        info = json.loads(data.decode("utf-8")) if data.strip() else {}
        return info if isinstance(info, dict) else {}
    except (OSError, ValueError):
        return {}


def holder_message(db_path: Path, info: dict[str, Any]) -> str:
    user, host, since = info.get("user"), info.get("host"), info.get("since")
    if not user and not host:
        return f"数据库 {db_path} 正被另一个程序使用，请先关闭对方程序"
    when = ""
    if since:
        try:
            when = f"（自 {datetime.fromisoformat(str(since)):%Y-%m-%d %H:%M} 起）"
        except ValueError:
            when = ""
    return f"数据库 {db_path} 正由 {user or '未知用户'} 在 主机 {host or '未知'} 上使用{when}，请先关闭对方程序"


class InstanceLock:
    """The held lock of one database; :meth:`release` (or ``with``) gives it up."""

    def __init__(self, db_path: Path, fd: int, info: dict[str, Any], previous: dict[str, Any]) -> None:
        self.db_path = db_path
        self.path = lock_path(db_path)
        self._fd: int | None = fd
        self.info = info
        self.previous = previous  # what a stale lock file said ({} when there was none)

    @property
    def held(self) -> bool:
        return self._fd is not None

    @property
    def took_over_stale(self) -> bool:
        return bool(self.previous)

    def set_user(self, user: str) -> None:
        """Name the logged-in user in the lock file (called after login)."""
        self.info = {**self.info, "user": user}
        self._write()

    def _write(self) -> None:
        if self._fd is None:
            return
        data = json.dumps(self.info, ensure_ascii=False).encode("utf-8")
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)
        os.fsync(self._fd)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
            if sys.platform != "win32":  # unlink while still locked; acquire checks the inode
                try:
                    self.path.unlink()
                except OSError:
                    pass
            _unlock(fd)
        except OSError:
            pass
        finally:
            os.close(fd)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:  # a forgotten lock must not outlive its object
        if getattr(self, "_fd", None) is not None:
            self.release()


def acquire(db_path: str | os.PathLike[str], *, user: str | None = None) -> InstanceLock:
    """Take the lock of ``db_path`` or raise :class:`DataProblem` naming who holds it."""
    db = Path(db_path).expanduser().absolute()
    path = lock_path(db)
    for _ in range(5):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        except OSError as exc:
            raise DataProblem(f"无法创建锁文件 {path}：{exc.strerror or exc}") from exc
        if not _try_lock(fd):
            info = _read_info(fd)
            os.close(fd)
            raise DataProblem(holder_message(db, info))
        if sys.platform != "win32" and not _same_file(fd, path):
            _unlock(fd)  # the previous holder unlinked it while we waited: start over
            os.close(fd)
            continue
        previous = _read_info(fd)
        info = {"pid": os.getpid(), "user": user or os_user(), "host": socket.gethostname(),
                "since": datetime.now().isoformat(timespec="seconds"), "db": str(db)}
        lock = InstanceLock(db, fd, info, previous)
        try:
            if sys.platform != "win32":
                os.fchmod(fd, 0o600)
            lock._write()
        except OSError as exc:
            lock.release()
            raise DataProblem(f"无法写入锁文件 {path}：{exc.strerror or exc}") from exc
        return lock
    raise DataProblem(f"无法取得数据库 {db} 的锁，请稍后重试")


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
