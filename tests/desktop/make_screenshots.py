"""Grab every page of the main window at 1440×900 into docs/screenshots/ (not a test).

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_screenshots DB OUT

DB is a ledger filled with ``ledger.demo.generate(store, scale='city')``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop.app import make_application

NAMES = ("dashboard", "enterprises", "ip_rights", "policies", "subsidies", "claims", "cases",
         "reports", "settings")


def main(db: str, out: str) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings

    from desktop.main_window import MainWindow
    from ledger.services.opening import open_ledger

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    store = open_ledger(Path(db), actor="张经办", daily_backup=True)
    settings = QSettings(str(out_dir / ".screenshots.ini"), QSettings.Format.IniFormat)
    win = MainWindow(store, settings)
    win.resize(1440, 900)
    win.show()

    def settle(seconds: float = 1.5) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        win.ops.wait()
        app.processEvents()

    for i, name in enumerate(NAMES):
        win.show_page(i)
        settle()
        page = win.stack.currentWidget()
        if hasattr(page, "table"):
            page.table.selectRow(2)
            settle(0.8)
        win.grab().save(str(out_dir / f"{i + 1:02d}-{name}.png"))
    policy = win.pages["policy"]
    win.show_page(3)
    policy.filter_bar.search.setText("科技")
    policy.filter_bar.search.returnPressed.emit()
    settle()
    win.grab().save(str(out_dir / "10-policies-search.png"))
    win.pages["dashboard"].expiry_tabs.setCurrentIndex(2)
    win.show_page(0)
    settle()
    body = win.pages["dashboard"].findChild(type(win.centralWidget()), "dashboardBody")
    if body is not None:
        body.grab().save(str(out_dir / "11-dashboard-full.png"))
    (out_dir / ".screenshots.ini").unlink(missing_ok=True)
    win.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
