"""Long background jobs (reports, exports) with progress and Cancel, on :class:`desktop.ops.Ops`.

``fn(store, progress, cancel)`` runs on a worker thread. ``progress(fraction)`` may be called from
that thread: it is relayed to :attr:`Job.progressed` (0–100) on the GUI thread. ``cancel()`` returns
True once :meth:`Job.cancel` was called; builders then raise ``reports.Cancelled`` and remove
their partial file. ``finished``/``failed`` are delivered on the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.ops import Ops


class Job(QObject):
    progressed = Signal(int)  # percent, on the GUI thread
    finished = Signal(object)  # the result of fn
    failed = Signal(object)  # the exception (reports.Cancelled when cancelled)
    runningChanged = Signal(bool)

    def __init__(self, ops: Ops, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ops, self.key = ops, key
        self._cancel = threading.Event()
        self._running = False
        self.last_percent = 0
        self.progressed.connect(self._remember)

    def running(self) -> bool:
        return self._running

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self, fn: Callable[[Any, Callable[[float], None], Callable[[], bool]], Any]) -> None:
        if self._running:
            raise RuntimeError("job already running")
        self._cancel = threading.Event()
        event = self._cancel
        self._running = True
        self.last_percent = 0
        self.runningChanged.emit(True)
        last = [-1]

        def progress(fraction: float) -> None:
            percent = max(0, min(100, int(fraction * 100)))
            if percent != last[0]:
                last[0] = percent
                self.progressed.emit(percent)

        self.ops.run(self.key, lambda store: fn(store, progress, event.is_set), self._done, self._failed)

    def _remember(self, percent: int) -> None:
        self.last_percent = percent

    def _end(self) -> None:
        self._running = False
        self.runningChanged.emit(False)

    def abandon(self) -> None:
        """The database was switched (Ops made the job stale): cancel it and forget it."""
        if self._running:
            self._cancel.set()
            self._end()

    def _done(self, result: Any) -> None:
        self._end()
        self.finished.emit(result)

    def _failed(self, exc: Exception) -> None:
        self._end()
        self.failed.emit(exc)
