"""Opening the ledger database: checks, pragmas, migrations, per-thread connections, writes.

All SQLite access of the application goes through :class:`Store`. Each thread gets its own
connection (the GUI runs queries on worker threads); every connection has ``foreign_keys=ON``,
WAL with ``synchronous=FULL`` and a busy timeout, and registers the audit functions.
Writes happen only inside ``with store.write() as conn:`` (``BEGIN IMMEDIATE``).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid as uuidlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ledger.errors import DataProblem
from ledger.store import audit, backup, collation, migrations

MIN_SQLITE = (3, 37, 0)  # STRICT tables; trigram FTS needs 3.34
BUSY_TIMEOUT_MS = 5000
SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_version() -> None:
    if sqlite3.sqlite_version_info < MIN_SQLITE:
        need = ".".join(map(str, MIN_SQLITE))
        raise DataProblem(f"本机 SQLite 版本 {sqlite3.sqlite_version} 过旧，至少需要 {need}")


def check_file(path: Path) -> None:
    """Refuse early, with a message naming the file, what SQLite would fail on later."""
    if path.is_dir():
        raise DataProblem(f"{path} 是文件夹，不是数据库文件")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as fh:
                head = fh.read(16)
        except OSError as exc:
            raise DataProblem(f"无法读取数据库文件 {path}：{exc.strerror}") from exc
        if head != SQLITE_MAGIC:
            raise DataProblem(f"文件 {path} 不是 SQLite 数据库（文件头不符），请选择正确的 .sqlite 文件")


def new_uuid() -> str:
    return str(uuidlib.uuid4())


class Store:
    """One database file; a connection per thread; writes in ``BEGIN IMMEDIATE``."""

    def __init__(self, path: Path, *, actor: str = "system", readonly: bool = False) -> None:
        self.path = Path(path)
        self.actor = actor
        self.readonly = readonly
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self.office_id = ""
        self.backup_problem = ""  # set by the daily backup when it failed; shown by the GUI
        self._on_close: list[Callable[[], object]] = []

    # -- connections -------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            conn = sqlite3.connect(
                f"file:{self.path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
            )
        else:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            conn.row_factory = sqlite3.Row
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if mode.lower() != "wal":
                    raise DataProblem(f"无法将数据库 {self.path} 切换到 WAL 模式（当前 {mode}）")
            conn.execute("PRAGMA synchronous = FULL")
            audit.register_functions(conn, self.audit_actor)
            collation.register(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise DataProblem(f"无法打开数据库 {self.path}：{exc}") from exc
        with self._lock:
            self._all.append(conn)
        return conn

    def audit_actor(self) -> str:
        """Who the audit log names: ``actor``, or this thread's :meth:`acting_as` label."""
        return getattr(self._local, "actor_label", None) or self.actor

    @contextmanager
    def acting_as(self, label: str) -> Iterator[None]:
        """Name writes of this thread in the audit log as ``label`` (e.g. "张三@交换:JY#5").

        Permissions still follow ``actor``; other threads are unaffected."""
        previous = getattr(self._local, "actor_label", None)
        self._local.actor_label = label
        try:
            yield
        finally:
            self._local.actor_label = previous

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def on_close(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` when the store closes (e.g. release the single-instance lock)."""
        self._on_close.append(callback)

    def close(self) -> None:
        callbacks, self._on_close = self._on_close, []
        for callback in callbacks:
            callback()
        with self._lock:
            for conn in self._all:
                try:
                    conn.close()
                except sqlite3.Error:
                    pass
            self._all.clear()
        self._local = threading.local()

    # -- reading -----------------------------------------------------------------------------
    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # -- writing -----------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: ``BEGIN IMMEDIATE``; commit on success, roll back on any error."""
        if self.readonly:
            raise DataProblem(f"数据库 {self.path} 以只读方式打开，不能修改")
        conn = self.conn
        if conn.in_transaction:
            raise RuntimeError("nested write transaction")
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise DataProblem(f"数据库 {self.path} 正被其他程序占用，暂时无法写入：{exc}") from exc
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def setting(self, key: str, default: str = "") -> str:
        row = self.one("SELECT value FROM app_setting WHERE key = ?", (key,))
        return default if row is None else row[0]


def open_store(
    path: str | os.PathLike[str],
    *,
    actor: str = "system",
    create: bool = True,
    migrate: bool = True,
    readonly: bool = False,
) -> Store:
    """Open (and by default create and migrate) the ledger at ``path``."""
    check_sqlite_version()
    path = Path(path).expanduser()
    check_file(path)
    if not path.exists():
        if not create or readonly:
            raise DataProblem(f"数据库文件 {path} 不存在")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch(mode=0o600)
        except OSError as exc:
            raise DataProblem(f"无法创建数据库文件 {path}：{exc.strerror or exc}") from exc
    if not readonly and not os.access(path, os.W_OK):
        readonly = True
    store = Store(path, actor=actor, readonly=readonly)
    try:
        conn = store.conn
        version = migrations.check_compatible(conn, str(path))
        todo = migrations.pending(conn)
        if todo and readonly:
            raise DataProblem(f"数据库 {path} 需要升级结构，但文件是只读的")
        if todo and migrate:
            if version > 0:
                backup.backup_connection(conn, backup.pre_migration_backup_path(path, version))
            migrations.migrate(conn)
        if not readonly:
            _ensure_office(store)
        store.office_id = store.setting("office_id")
    except sqlite3.DatabaseError as exc:
        store.close()
        raise DataProblem(f"无法打开数据库 {path}：{exc}") from exc
    except BaseException:
        store.close()
        raise
    return store


def _ensure_office(store: Store) -> None:
    if store.setting("office_id"):
        return
    with store.write() as conn:
        conn.execute(
            "INSERT OR IGNORE INTO app_setting (key, value) VALUES ('office_id', ?)", (new_uuid(),)
        )
