"""Screenshots of the subsidy and claims screens (docs/screenshots/5x-*.png).

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_subsidy_screenshots DB OUT

DB is a city demo ledger (``ipdesk --db DB demo --scale city``; users admin, jingban1, shenhe1, caiwu1
with the demo password); it is copied first and the copy is used.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from desktop.app import make_application


def main(db: str, out: str) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QScrollArea

    from desktop.main_window import PAGES, MainWindow
    from ledger import security
    from ledger.services import subsidies
    from ledger.services.opening import open_ledger
    from ledger.services.reminders import reminders
    from ledger.store import backup

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ipdesk-shots5-"))
    copy = work / "city.sqlite"
    backup.backup_file(Path(db), copy)
    store = open_ledger(copy, actor="system", daily_backup=True)
    security.login(store, "admin", security.DEMO_PASSWORD)
    win = MainWindow(store, QSettings(str(work / "shots.ini"), QSettings.Format.IniFormat))
    win.resize(1440, 900)
    win.show()
    keys = [p[0] for p in PAGES]
    ui = win.subsidy_ui

    def settle(seconds: float = 1.0) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        win.ops.wait()
        app.processEvents()

    settle(1.5)
    # 51/52 programme editor (admin)
    editor = ui.open_programmes()
    editor.resize(1400, 880)
    settle(1.5)
    editor.grab().save(str(out_dir / "51-programme-editor.png"))
    scroll = editor.findChild(QScrollArea)
    box = editor.rules.groups["上限"]
    scroll.verticalScrollBar().setValue(box.mapTo(scroll.widget(), box.rect().topLeft()).y() - 8)
    editor.rules.widgets["max_ratio_bp"].setText("40%")
    editor.rules.widgets["min_premium_fen"].setText("10000")
    editor.rules.widgets["cap_per_policy_fen"].setText("1000")
    editor.rules.widgets["min_premium_basis"].setCurrentIndex(1)
    editor.save()
    settle(1.0)
    editor.grab().save(str(out_dir / "52-programme-editor-validation.png"))
    editor.reject()
    settle(0.5)

    # 53 an application with its explanation, history and a four-eyes refusal
    (app_row,) = [a for a in subsidies.list_applications(store, state="公示")][:1]
    first = subsidies.get_application(store, app_row["id"])["first_reviewed_by"]
    reviewer = first if first in ("shenhe1", "shenhe2") else "shenhe1"
    security.login(store, reviewer, security.DEMO_PASSWORD)
    ui.sync_roles()
    win._show_store_info()
    ui.open_record("subsidy_application", app_row["id"])
    settle(2.0)
    ui.panel.run("approve")
    settle(1.0)
    win.grab().save(str(out_dir / "53-subsidy-application.png"))

    # 54 dashboard: budget ledger + 待办
    security.login(store, "shenhe1", security.DEMO_PASSWORD)
    win._show_store_info()
    win.show_page(keys.index("dashboard"))
    win.pages["dashboard"].refresh()
    settle(3.0)
    dash_scroll = win.pages["dashboard"].findChild(QScrollArea)
    dash_scroll.verticalScrollBar().setValue(ui.budget.y() - 60)
    settle(0.8)
    win.grab().save(str(out_dir / "54-dashboard-budget-todo.png"))

    # 55 claims workflow panel (经办人), reconciliation refused with the figures
    security.login(store, "jingban1", security.DEMO_PASSWORD)
    from ledger.services.claim_workflow import advance_status

    todo = [r.record_id for r in reminders(store) if r.kind == "advance_unreconciled"]
    off = [c for c in todo if advance_status(store, c).difference_fen != 0]
    win._show_store_info()
    ui.open_record("claim", (off or todo)[0])
    settle(2.0)
    if not off:  # every demo advance matches: a further advance makes the reconciliation refuse
        from datetime import date

        ui.claim_panel.add_payment("先行赔付", 2_000_000, date.today().isoformat(), "补充鉴定费先行赔付")
        settle(0.5)
    ui.claim_panel.reconcile()
    settle(0.8)
    win.grab().save(str(out_dir / "55-claim-workflow.png"))

    # 56 设置 › 试点项目
    security.login(store, "admin", security.DEMO_PASSWORD)
    win._show_store_info()
    win.show_page(keys.index("settings"))
    settings = win.pages["settings"]
    settings.tabs.setCurrentIndex(settings.tabs.count() - 1)
    settle(2.0)
    win.grab().save(str(out_dir / "56-settings-programmes.png"))
    win.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
