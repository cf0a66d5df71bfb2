"""``ipdesk template`` / ``import`` / ``reconcile`` end to end (headless)."""

from __future__ import annotations

import openpyxl

from desktop.cli import main
from ledger.services.opening import open_ledger

from factories import VALID_USCC


def _counts(db):
    store = open_ledger(db)
    try:
        return store.scalar("SELECT count(*) FROM enterprise"), store.scalar("SELECT count(*) FROM audit_log")
    finally:
        store.close()


def test_template_import_dry_run_and_errors(tmp_path, capsys):
    db = tmp_path / "l.sqlite"
    open_ledger(db).close()
    tpl = tmp_path / "企业.xlsx"
    assert main(["template", "enterprises", "--out", str(tpl)]) == 0
    wb = openpyxl.load_workbook(tpl)
    ws = wb["企业"]
    ws.append([1, "甲科技有限公司", VALID_USCC[0], "320214"])
    ws.append([2, "乙科技有限公司", "91110000600037341M", "320214"])
    wb.save(tpl)
    before = _counts(db)
    report = tmp_path / "err.xlsx"
    rc = main(["--db", str(db), "import", "enterprises", str(tpl), "--report", str(report)])
    out = capsys.readouterr().out
    assert rc == 2
    assert "新增 1、更新 0、未变 0、错误 1" in out
    assert "工作表「企业」第 4 行 C 列「*统一社会信用代码」：统一社会信用代码校验位错误：应为 L，实为 M" in out
    assert "未写入任何数据" in out and report.exists()
    assert _counts(db) == before
    assert main(["--db", str(db), "import", "enterprises", str(tpl), "--dry-run", "--accept-valid"]) == 2
    assert _counts(db) == before
    assert main(["--db", str(db), "import", "enterprises", str(tpl), "--accept-valid"]) == 0
    assert "已新增 1" in capsys.readouterr().out
    assert _counts(db)[0] == before[0] + 1
    assert main(["--db", str(db), "import", "enterprises", str(tpl),
                 "--accept-warnings", "营业执照核对无误"]) == 0
    assert "新增 1、更新 0、未变 1、错误 0" in capsys.readouterr().out


def test_reconcile_command(tmp_path, capsys):
    db = tmp_path / "l.sqlite"
    open_ledger(db).close()
    src = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["保险单号码", "签单保费"])
    wb.active.append(["X-1", 100])
    wb.save(src)
    out = tmp_path / "diff.xlsx"
    assert main(["--db", str(db), "reconcile", "picc", str(src), "--map", "保险单号码=policy_no,签单保费=premium_fen",
                 "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "仅清单有 1" in text and "X-1 仅清单有" in text and out.exists()
    assert main(["--db", str(db), "reconcile", "nobody", str(src), "--out", str(out)]) == 3
