"""After the start page's data: pinyin loads in the background, then the start-up heap is frozen."""

from __future__ import annotations

import gc

from PySide6.QtCore import QSettings

from desktop import warm_up
from desktop.app import make_application
from desktop.main_window import MainWindow
from ledger.store import collation


def test_first_idle_loads_pinyin_then_freezes_the_heap(qtbot, filled_store, tmp_path, monkeypatch):
    make_application()
    gc.unfreeze()
    monkeypatch.setattr(warm_up, "_frozen", False)
    started = []
    real = collation.warm_up
    monkeypatch.setattr(collation, "warm_up", lambda: started.append(1) or real())
    win = MainWindow(filled_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=10000)
    assert started == [1] and warm_up._frozen
    assert collation.sort_key("张三") < collation.sort_key("赵六")  # pypinyin is there
    win.ops.wait()
    gc.unfreeze()  # the rest of the suite collects as usual
