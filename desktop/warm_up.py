"""After start-up: load pypinyin in the background, then freeze the start-up heap (``gc.freeze``).

Why freeze: a full (generation 2) collection walks every tracked object. With Qt's wrappers,
our modules and pypinyin's dictionaries loaded that walk takes ~55 ms, and whichever thread
triggers it holds the GIL meanwhile — a worker allocating a result list then stalls the GUI
thread past the 50 ms budget. Objects alive at start-up live as long as the process, so they
are moved out of the collector's sight once; later collections walk only newer objects (~17 ms).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

_frozen = False


def warm_up_then_freeze(parent: QObject, delay_ms: int = 250) -> None:
    """In ``delay_ms``: start the pinyin load; when it has finished, freeze the heap (once per process)."""

    def start() -> None:
        from ledger.store import collation

        thread = collation.warm_up()
        timer = QTimer(parent)
        timer.setInterval(100)

        def check() -> None:
            global _frozen
            if thread.is_alive():
                return
            timer.stop()
            timer.deleteLater()
            if not _frozen:
                gc.freeze()
                _frozen = True

        timer.timeout.connect(check)
        timer.start()

    QTimer.singleShot(delay_ms, parent, start)
