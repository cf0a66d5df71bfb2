"""Screenshots of the 数据导入向导 (preview with errors) and the 保险机构清单对账 result.

    xvfb-run -s "-screen 0 1440x900x24" .venv/bin/python -m tests.desktop.make_import_screenshots DB OUT

DB is a city demo ledger (``ipdesk --db DB demo --scale city``); it is copied first. A messy
承保清单 (title rows, 万元, full-width digits, mixed dates, bad identifiers) is generated from its
enterprises and policies, and an insurer list with its own column names from 人保财险's policies.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from desktop.app import make_application

HEADER = ["序号", "保单号", "投保人", "统一社会信用代码", "险种", "承保公司", "保险金额（万元）", "保费（万元）",
          "起保日期", "保险止期", "承保专利"]


def _wan(fen: int) -> float:
    return round(fen / 1_000_000, 4)


def messy_workbook(store, path: Path) -> Path:
    from ledger.services.lookups import enterprise_ip_rights, products
    from ledger.store import import_sql

    pol = import_sql.insurer_policies(store.conn, 1)
    product = next(p["name"] for p in products(store) if p["name"] == "专利执行保险")
    rows: list[list[object]] = []

    def new(n: int, p: dict, **kw: object) -> list[object]:
        row = [n, f"PICC2024320200{n:06d}", p["enterprise_name"], p["enterprise_uscc"], product, "人保财险",
               100, 2.4, "2024.3.1", "2025年2月28日", ""]
        for k, v in kw.items():
            row[HEADER.index(k)] = v
        return row

    ents = pol[10:30]
    patent = ""
    for p in ents:
        ips = [r for r in enterprise_ip_rights(store, _enterprise_id(store, p)) if r["ip_type"] == "发明专利"]
        if ips:
            patent, holder = ips[0]["number"], p
            break
    bad_patent = patent[:-1] + ("0" if patent[-1] != "0" else "1")
    rows += [new(1, ents[0], **{"保险金额（万元）": "１５０", "保费（万元）": "3.6"}),
             new(2, ents[1], 起保日期="2024/4/1", 保险止期="2025/3/31")]
    for k, p in enumerate(pol[200:204], start=3):  # existing policies: updated or unchanged
        premium = p["premium_fen"] + (500_000 if k % 2 else 0)
        rows.append([k, p["policy_no"], p["enterprise_name"], p["enterprise_uscc"], "", "",
                     _wan(p["sum_insured_fen"]), _wan(premium), p["start_date"], p["end_date"], ""])
    rows += [new(7, ents[2], 统一社会信用代码=ents[2]["enterprise_uscc"][:-1] + "0"),
             new(8, holder, 承保专利=f"{patent}、{bad_patent}"),
             new(9, ents[4], **{"保费（万元）": "约2万"}),
             new(10, ents[5], 起保日期="2024-02-30"),
             new(11, ents[6], 起保日期="2024-06-01", 保险止期="2024-05-31"),
             new(12, ents[7], 投保人="", 统一社会信用代码=""),
             new(13, ents[8]), new(14, ents[9], 保单号="PICC2024320200000013"),
             new(15, ents[10], 承保公司="人保财险60%、平安产险30%"),
             new(16, ents[11], 险种="专利保险")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2024年承保清单"
    ws.append(["2024年度知识产权保险承保清单（人保财险无锡分公司）"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append(["填报单位：无锡市知识产权保护中心", None, None, None, None, None, "金额单位：万元"])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _enterprise_id(store, policy: dict) -> int:
    from ledger.importing.naturalkeys import NaturalKeys

    return NaturalKeys(store).enterprise_by_uscc(policy["enterprise_uscc"]) or 0


def insurer_workbook(store, path: Path) -> Path:
    """人保财险's own list: their column names, a few premium/period/insured differences."""
    from ledger.store import import_sql

    pol = import_sql.insurer_policies(store.conn, 1)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "承保明细"
    ws.append(["中国人民财产保险股份有限公司无锡市分公司 知识产权保险承保明细"])
    ws.append(["保险单号码", "被保险人名称", "证件号码", "签单保费(元)", "保额(元)", "起保日", "终保日"])
    for i, p in enumerate(pol):
        if i in (5, 17):
            continue  # missing from their list
        premium = p["premium_fen"] * p["share_bp"] // 10000 if i % 3 else p["premium_fen"]  # share or whole
        start, end, name = p["start_date"], p["end_date"], p["enterprise_name"]
        if i in (2, 11, 23):
            premium = p["premium_fen"] + 120_000
        if i == 8:
            end = f"{int(end[:4]) + 1}{end[4:]}"
        if i == 14:
            name = name.replace("有限公司", "股份有限公司")
        ws.append([p["policy_no"], name, p["enterprise_uscc"] if i != 14 else "", premium / 100,
                   p["sum_insured_fen"] / 100, start, end])
    ws.append(["PICC2024320299000001", "无锡某新客户科技有限公司", "", 18000, 600000, "2024-07-01", "2025-06-30"])
    ws.append([pol[3]["policy_no"], pol[3]["enterprise_name"], pol[3]["enterprise_uscc"], 1, 1,
               pol[3]["start_date"], pol[3]["end_date"]])
    ws.append(["PICC2024320299000002", "无锡某某电子有限公司", "", "待定", 600000, "2024-07-01", "2025-06-30"])
    wb.save(path)
    return path


def main(db: str, out: str) -> int:
    app = make_application()
    from PySide6.QtCore import QSettings

    from desktop.main_window import MainWindow
    from ledger import security
    from ledger.services.opening import open_ledger
    from ledger.store import backup

    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ipdesk-import-shots-"))
    copy = work / "city.sqlite"
    backup.backup_file(Path(db), copy)
    store = open_ledger(copy, actor="system", daily_backup=True)
    security.set_demo_passwords(store)
    security.login(store, "admin", security.DEMO_PASSWORD)
    win = MainWindow(store, QSettings(str(work / "shots.ini"), QSettings.Format.IniFormat))
    win.resize(1440, 900)
    win.show()

    def settle(seconds: float = 0.8) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        win.ops.wait()
        app.processEvents()

    def until(cond, timeout: float = 60) -> None:
        end = time.time() + timeout
        while not cond() and time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        settle(0.5)

    win.show_page(3)
    settle()
    wizard = win.importing.open_wizard()
    wizard.resize(1240, 780)
    wizard.set_file(messy_workbook(store, work / "2024年承保清单（人保）.xlsx"))
    settle()
    wizard.grab().save(str(out_dir / "4x-import-choose.png"))
    wizard.start_check()
    until(lambda: wizard.plan is not None)
    wizard.grab().save(str(out_dir / "4x-import-preview-errors.png"))
    wizard.preview.errors_only.setChecked(False)
    wizard.preview.table.selectRow(2)
    settle()
    wizard.grab().save(str(out_dir / "4x-import-preview-all.png"))
    for action in wizard.plan.rows:
        print(action.excel_row, action.action, action.key, action.messages, action.changes)
    wizard.reject()

    recon = win.importing.open_reconcile()
    until(lambda: recon.insurer_box.count() > 0)
    recon.insurer_box.setCurrentIndex(recon.insurer_box.findData("picc"))
    recon.file_edit.setText(str(insurer_workbook(store, work / "人保财险承保明细.xlsx")))
    recon.start()
    until(lambda: getattr(recon, "map_dialog", None) is not None and recon.map_dialog.isVisible())
    m = recon.map_dialog
    for key, theirs in (("policy_no", "保险单号码"), ("enterprise_name", "被保险人名称"), ("enterprise_uscc", "证件号码"), ("premium_fen", "签单保费(元)"),
                        ("sum_insured_fen", "保额(元)"), ("start_date", "起保日"), ("end_date", "终保日")):
        m.boxes[key].setCurrentIndex(m.boxes[key].findData(theirs))
    settle()
    m.grab().save(str(out_dir / "4x-reconcile-mapping.png"))
    m.accept()
    until(lambda: recon.result is not None)
    recon.resize(1240, 720)
    settle()
    recon.grab().save(str(out_dir / "4x-reconcile-result.png"))
    print(recon.result.summary())
    recon.reject()
    win.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
