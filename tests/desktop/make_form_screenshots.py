"""Grab each record form with validation messages visible into docs/screenshots/2x-*.png (not a test).

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_form_screenshots DB OUT
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from desktop.app import make_application


def main(db: str, out: str) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings

    from desktop.main_window import MainWindow
    from ledger.services.opening import open_ledger

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp()) / "forms.sqlite"
    shutil.copy(db, work)  # the forms must not change the demo database
    store = open_ledger(work, actor="张经办", daily_backup=True)
    settings = QSettings(str(work.with_suffix(".ini")), QSettings.Format.IniFormat)
    win = MainWindow(store, settings)
    win.resize(1440, 900)
    win.show()

    def settle(seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        win.ops.wait()
        app.processEvents()

    def grab(form, name: str) -> None:
        form.validate_now()
        settle()
        form.grab().save(str(out_dir / f"2x-{name}.png"))
        form.done(0)

    rec = win.records
    form = rec.open_form("enterprise")
    form.name.setText("无锡示例精密机械有限公司")
    form.uscc.setText("91320211MA1X2Y3P40")
    form.district.setCurrentIndex(form.district.findData("320211"))
    form.tags.set_checked({"专精特新", "高新技术企业"})
    form.contact_phone.setText("12345")
    form.blacklisted.setChecked(True)
    form.save()
    grab(form, "enterprise-form")

    eid = store.scalar("SELECT enterprise_id FROM ip_right GROUP BY enterprise_id HAVING count(*) > 2 LIMIT 1")
    form = rec.open_form("ip_right", enterprise_id=eid)
    form.ip_type.setCurrentIndex(form.ip_type.findData("商标"))
    form.number.setText("ABC")
    form.filing_date.set_iso("2021-05-01")
    form.expiry_date.set_iso("2020-01-01")
    form.save()
    grab(form, "ip-right-form")

    form = rec.open_form("policy", enterprise_id=eid)
    form.policy_no.setText("PICC2024320200001")
    form.product.setCurrentIndex(2)
    form.sum_insured.setText("500万")
    form.premium.setText("两万")
    form.start_date.set_iso("2024-01-01")
    form.end_date.set_iso("2024-12-31")
    ids = [r[0] for r in store.rows("SELECT id FROM insurer ORDER BY id LIMIT 2")]
    form.add_insurer(ids[0], 60, True, "无锡市分公司")
    form.add_insurer(ids[1], 30)
    form.ip_rights.set_checked({form.ip_rights.item(0).data(256)})
    form.save()
    grab(form, "policy-form")

    pid = store.scalar("SELECT policy_id FROM claim LIMIT 1")
    form = rec.open_form("claim", policy_id=pid)
    form.claim_no.setText("LP2024-0001")
    form.reported_date.set_iso("2024-03-02")
    form.counterparty.setText("深圳某电子厂")
    form.state.setCurrentIndex(form.state.findData("结案"))
    form.add_cost("律师代理费", "3万", "2万", "2.5万")
    form.add_cost("公证费", "abc", "", "")
    form.add_payment("先行赔付", "1万", "2024-04-01")
    form.save()
    grab(form, "claim-form")

    cid = store.scalar("SELECT id FROM case_study ORDER BY id LIMIT 1")
    form = rec.open_form("case", cid)
    form.title.setText("")
    form.save()
    grab(form, "case-form")

    win.show_page(1)
    page = win.pages["enterprise"]
    settle(1.5)
    page.table.selectRow(1)
    settle(1.0)
    win.grab().save(str(out_dir / "2x-enterprise-links.png"))
    win.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
