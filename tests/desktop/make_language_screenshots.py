"""The window in English and in Chinese → docs/screenshots/{en,zh}-*.png (not a test).

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_language_screenshots DB OUT en
    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_language_screenshots DB OUT zh_CN

DB is a city demo ledger (``ipdesk --db DB demo --scale city``); it is copied first. The language
is applied the way ``ui/language`` is at start-up (desktop.app.apply_language).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from desktop.app import apply_language, make_application


def main(db: str, out: str, language: str) -> int:
    app = make_application()
    if not apply_language(app, language):
        print(f"no catalogue for {language}", file=sys.stderr)
        return 1
    from PySide6.QtCore import QSettings

    from desktop.main_window import PAGES, MainWindow
    from ledger import security
    from ledger.services.opening import open_ledger

    prefix = "en" if language == "en" else "zh"
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ipdesk-lang-")) / "city.sqlite"
    shutil.copy(db, work)
    store = open_ledger(work, actor="system", daily_backup=True)
    security.login(store, "admin", security.DEMO_PASSWORD)  # the demo's accounts: admin / demo1234
    settings = QSettings(str(work.with_suffix(".ini")), QSettings.Format.IniFormat)
    settings.setValue("ui/language", language)  # what 设置 shows as chosen
    win = MainWindow(store, settings)
    win.resize(1440, 900)
    win.show()
    keys = [p[0] for p in PAGES]

    def settle(seconds: float = 1.0) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        win.ops.wait()
        app.processEvents()

    def shot(widget, name: str) -> None:
        settle()
        widget.grab().save(str(out_dir / f"{prefix}-{name}.png"))

    win.show_page(keys.index("dashboard"))
    shot(win, "dashboard")
    win.show_page(keys.index("policy"))
    settle()
    page = win.pages["policy"]
    page.table.selectRow(0)
    shot(win, "policies")
    win.show_page(keys.index("subsidy"))
    settle()
    win.pages["subsidy"].table.selectRow(0)
    shot(win, "subsidies")
    win.show_page(keys.index("policy"))
    settle()
    policy_id = store.scalar("SELECT id FROM policy ORDER BY id LIMIT 1")
    form = win.records.open_form("policy", policy_id)
    form.resize(1000, 820)
    form.show()
    shot(form, "policy-form")
    form.done(0)
    win.show_page(keys.index("settings"))
    shot(win, "settings")
    win.ops.wait(5000)
    store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:4]))
