"""Screenshots of 文件 › 数据交换: the export summary, an import result and the conflict dialog.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_exchange_screenshots DB OUT

DB is a city demo ledger (``ipdesk --db DB demo --scale city``); it is copied first and becomes the
city bureau (无锡市知识产权局, logged in as admin). A district ledger (local demo, seed 7) is made
beside it as 梁溪区知识产权局; its first package is exported through the dialog in the district's
window and imported in the city's. Then the same enterprise is edited on both sides and a second
package makes a 两边都有修改 conflict, shown in 冲突处理.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from desktop.app import make_application


def _edit(store, uuid: str, **changes) -> None:
    from ledger.services.enterprises import EnterpriseInput, get_enterprise, update_enterprise

    row_id = store.scalar("SELECT id FROM enterprise WHERE uuid = ?", (uuid,))
    old = get_enterprise(store, row_id)
    keep = ("name", "uscc", "district_code", "industry", "contact_person", "contact_phone", "address", "bank_name",
            "bank_account", "notes")
    values = {k: old.get(k) or "" for k in keep} | {"tags": tuple(json.loads(old.get("tags") or "[]"))} | changes
    update_enterprise(store, row_id, EnterpriseInput(**values), override_reason="演示")


def main(db: str, out: str) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings

    from desktop.exchange.conflicts_dialog import ConflictDialog
    from desktop.main_window import MainWindow
    from ledger import exchange, security
    from ledger.demo import generate
    from ledger.services.opening import open_ledger
    from ledger.store import backup

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ipdesk-exchange-shots-"))
    copy = work / "无锡市局.sqlite"
    backup.backup_file(Path(db), copy)
    district = open_ledger(work / "梁溪区.sqlite", actor="system", daily_backup=True)
    exchange.set_office(district, "LX", "梁溪区知识产权局")
    generate(district, scale="local", seed=7)
    with district.write() as conn:  # the district's own serial numbers (both demos count from 1)
        for table, col in (("policy", "policy_no"), ("claim", "claim_no"), ("subsidy_application", "application_no")):
            conn.execute(f"UPDATE {table} SET {col} = 'LX' || {col}")
    security.login(district, "admin", security.DEMO_PASSWORD)
    exchange.export_public_key(district, work / "LX.pub.json")
    city = open_ledger(copy, actor="system", daily_backup=True)
    security.login(city, "admin", security.DEMO_PASSWORD)
    exchange.set_office(city, "WX", "无锡市知识产权局")
    exchange.trust_office(city, "LX", "梁溪区知识产权局", work / "LX.pub.json")

    def settle(win, seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        win.ops.wait()
        app.processEvents()

    def wait_job(win, dialog) -> None:
        while dialog.job.running():
            settle(win, 0.2)
        settle(win, 0.5)

    # 1. the district exports its first package
    dwin = MainWindow(district, QSettings(str(work / "district.ini"), QSettings.Format.IniFormat))
    dwin.resize(1440, 900)
    dwin.show()
    settle(dwin)
    export = dwin.exchange_ui.export()
    export.path_edit.setText(str(work / "梁溪区-第1号.ipx"))
    export.start_export()
    wait_job(dwin, export)
    print("export:", export.summary and export.summary.counts)
    export.grab().save(str(out_dir / "61-exchange-export.png"))
    export.accept()

    # 2. the city imports it
    cwin = MainWindow(city, QSettings(str(work / "city.ini"), QSettings.Format.IniFormat))
    cwin.resize(1440, 900)
    cwin.show()
    settle(cwin)
    dialog = cwin.exchange_ui.import_package(export.summary.path)
    settle(cwin, 0.5)
    dialog.grab().save(str(out_dir / "62-exchange-import-confirm.png"))
    dialog.start_import()
    wait_job(cwin, dialog)
    print("import:", dialog.summary and dialog.summary.counts, dialog.banner.text())
    dialog.grab().save(str(out_dir / "63-exchange-import-result.png"))
    dialog.accept()

    # 3. the same enterprise changed on both sides → a conflict in the second package
    uuid = district.scalar("SELECT uuid FROM enterprise ORDER BY id LIMIT 1 OFFSET 4")
    _edit(district, uuid, contact_phone="13806172245", address="无锡市梁溪区中山路 288 号 5 楼")
    _edit(city, uuid, contact_person="周立新", contact_phone="0510-82716630")
    second = exchange.export_package(district, work / "梁溪区-第2号.ipx")
    result = exchange.import_package(city, second.path)
    print("second:", result.counts, result.conflicts)
    conflicts = ConflictDialog(cwin)
    conflicts.show()
    conflicts.select(result.conflicts[0])
    settle(cwin, 0.8)
    conflicts.grab().save(str(out_dir / "64-exchange-conflicts.png"))
    conflicts.accept()
    offices = cwin.exchange_ui.offices()
    settle(cwin, 0.5)
    offices.grab().save(str(out_dir / "65-exchange-offices.png"))
    offices.accept()
    for win in (dwin, cwin):
        win.close()
        win.store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
