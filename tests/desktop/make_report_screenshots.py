"""Screenshots of the 报表 page (previewed annual report), the 设置 page and the audit viewer.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_report_screenshots DB OUT

DB is a city demo ledger; it is copied first (backup API) and a few edits are made on the copy
under other user names so the audit viewer has something besides the demo's inserts.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from desktop.app import make_application


def _edits(path: Path) -> None:
    from ledger import security
    from ledger.services import settings
    from ledger.services.enterprises import EnterpriseInput, get_enterprise, update_enterprise
    from ledger.store import open_store

    store = open_store(path, actor="system")
    security.set_demo_passwords(store)  # the demo leaves passwords empty
    security.login(store, "shenhe1", security.DEMO_PASSWORD)
    for row_id in (3, 5, 8):
        old = get_enterprise(store, row_id)
        update_enterprise(store, row_id, EnterpriseInput(
            name=old["name"], uscc=old["uscc"], district_code=old["district_code"], industry=old["industry"],
            tags=tuple(json.loads(old.get("tags") or "[]")), contact_person="周立新", contact_phone="0510-82716630", address=old.get("address") or "",
            bank_name=old.get("bank_name") or "", bank_account=old.get("bank_account") or ""),
            override_reason="演示")
    security.login(store, "admin", security.DEMO_PASSWORD)
    settings.set_settings(store, {"bureau_name": "无锡市知识产权局", "office_code": "WX-IPO",
                                  "office_name": "无锡市知识产权保护中心", "default_programme_id": "5"})
    store.close()


def main(db: str, out: str) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings

    from desktop.main_window import PAGES, MainWindow
    from ledger.services.opening import open_ledger
    from ledger.store import backup

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ipdesk-shots-"))
    copy = work / "city.sqlite"
    backup.backup_file(Path(db), copy)
    _edits(copy)
    store = open_ledger(copy, actor="system", daily_backup=True)
    from ledger import security

    security.login(store, "admin", security.DEMO_PASSWORD)  # audit.view: 管理员/审核人
    settings = QSettings(str(work / "shots.ini"), QSettings.Format.IniFormat)
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

    reports = win.pages["reports"]
    win.show_page(keys.index("reports"))
    settle()
    reports.kind_box.setCurrentIndex(0)
    reports.year_box.setValue(2024)
    done: list = []
    reports.reportFinished.connect(done.append)
    reports.reportFailed.connect(done.append)
    reports.run_report("annual", {**reports.params(), "path": str(work / "2024年度报告.pdf")})
    while not done:
        settle(0.2)
    print("report:", done[0])
    reports.preview.zoom_box.setCurrentIndex(reports.preview.zoom_box.findText("适合宽度"))
    reports.preview.go_to(3)
    settle(1.5)
    win.grab().save(str(out_dir / "31-reports-annual-preview.png"))

    win.show_page(keys.index("settings"))
    settle(1.5)
    win.grab().save(str(out_dir / "32-settings.png"))

    page = win.pages["settings"]
    page.show_audit()
    audit = page.audit
    settle(1.5)
    audit.op_box.setCurrentIndex(audit.op_box.findData("UPDATE"))
    settle(1.0)
    audit.table.selectRow(1)
    settle(0.8)
    win.grab().save(str(out_dir / "33-audit-log.png"))
    audit.reset_filters()
    settle(1.0)
    audit.check_chain()
    settle(3.0)
    win.grab().save(str(out_dir / "34-audit-check.png"))
    win.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
