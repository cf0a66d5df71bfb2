"""Background queries: run ``fn(store)`` on a QThreadPool worker, deliver the result on the GUI thread.

Every call names a *key* (e.g. ``"register:policy:page"``); a newer call with the same key makes
older ones stale, and a stale result is dropped instead of delivered. Worker threads use their
own SQLite connection (``Store.conn`` is thread-local). Callbacks never run on a worker thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, int, object)
    failed = Signal(object, int, object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[Any], Any], store: Any, key: str, gen: int, relay: _Relay):
        super().__init__()
        self.fn, self.store, self.key, self.gen, self.relay = fn, store, key, gen, relay

    def run(self) -> None:
        try:
            result = self.fn(self.store)
        except Exception as exc:  # delivered to the GUI thread, shown there
            self.relay.failed.emit(self.key, self.gen, exc)
            return
        self.relay.done.emit(self.key, self.gen, result)


class Ops(QObject):
    """Runs store queries off the GUI thread; ``error`` carries failures without a handler."""

    error = Signal(str)
    busyChanged = Signal(bool)

    def __init__(self, store: Any, parent: QObject | None = None, *, threads: int = 2) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self.pool.setExpiryTimeout(-1)  # keep threads (and their SQLite connections) alive
        self._gen: dict[str, int] = {}
        self._pending: dict[tuple[str, int], tuple[Callable, Callable | None]] = {}
        self._relay = _Relay()
        self._relay.done.connect(self._on_done)
        self._relay.failed.connect(self._on_failed)

    def set_store(self, store: Any) -> None:
        """Switch databases: everything in flight becomes stale."""
        self.wait()
        for key in list(self._gen):
            self._gen[key] += 1
        self._pending.clear()
        self.store = store

    def run(
        self,
        key: str,
        fn: Callable[[Any], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        gen = self._gen.get(key, 0) + 1
        self._gen[key] = gen
        was_idle = not self._pending
        self._pending[(key, gen)] = (on_done, on_error)
        if was_idle:
            self.busyChanged.emit(True)
        self.pool.start(_Task(fn, self.store, key, gen, self._relay))
        return gen

    def is_current(self, key: str, gen: int) -> bool:
        return self._gen.get(key) == gen

    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    def _take(self, key: str, gen: int) -> tuple[Callable, Callable | None] | None:
        callbacks = self._pending.pop((key, gen), None)
        if not self._pending:
            self.busyChanged.emit(False)
        if callbacks is None or not self.is_current(key, gen):
            return None  # stale: superseded by a newer call with the same key
        return callbacks

    @Slot(object, int, object)
    def _on_done(self, key: str, gen: int, result: Any) -> None:
        callbacks = self._take(key, gen)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(object, int, object)
    def _on_failed(self, key: str, gen: int, exc: Exception) -> None:
        callbacks = self._take(key, gen)
        if callbacks is None:
            return
        if callbacks[1] is not None:
            callbacks[1](exc)
            return
        log.error("background query %s failed", key, exc_info=exc)
        self.error.emit(getattr(exc, "message", None) or self.tr("查询失败：{exc}").format(exc=exc))
