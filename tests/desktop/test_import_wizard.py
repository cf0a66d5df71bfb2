"""数据导入向导 offscreen: messy workbooks, exact messages, accept-valid, warnings with a reason,
cancel (nothing written), templates, bad files, the main window's menu and refresh."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog

from desktop.app import make_application
from desktop.importing.wizard import ImportWizard
from desktop.ops import Ops
from ledger.services.opening import open_ledger
from ledger.stats import compute
from tests.desktop.import_helpers import (
    BAD_PATENT,
    BAD_USCC,
    SUBSIDY_PROGRAMME,
    USCC,
    many_enterprises,
    messy_enterprises,
    messy_policies,
    messy_subsidies,
    small_ledger,
    subsidy_programme,
)

WAIT = 20000


@pytest.fixture
def ledger(tmp_path):
    store = open_ledger(tmp_path / "import.sqlite", actor="测试员")
    small_ledger(store)
    yield store
    store.close()


@pytest.fixture
def wizard(qtbot, ledger, tmp_path):
    make_application()
    ops = Ops(ledger)
    w = ImportWizard(ops, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(w)
    w.show()
    yield w
    ops.wait()


def counts(store) -> dict[str, int]:
    return {t: store.scalar(f"SELECT count(*) FROM {t}") for t in ("enterprise", "ip_right", "policy", "audit_log")}


def choose(w, kind: str, path) -> None:
    w.choose.kind_box.setCurrentIndex(w.choose.kind_box.findData(kind))
    w.set_file(path)


def check(qtbot, w) -> None:
    with qtbot.waitSignal(w.planned, timeout=WAIT):
        qtbot.mouseClick(w.choose.check_button, Qt.MouseButton.LeftButton)


def table_rows(w) -> list[list[str]]:
    m = w.preview.model
    return [[m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_messy_policies_preview_exact_errors_then_only_valid_rows(wizard, qtbot, ledger, tmp_path):
    path = messy_policies(tmp_path / "承保清单.xlsx")
    before = counts(ledger)
    choose(wizard, "policies", path)
    check(qtbot, wizard)
    p = wizard.preview
    assert wizard.stack.currentWidget() is p
    assert {a: t.figure() for a, t in p.tiles.items()} == {"insert": "2", "update": "0", "unchanged": "0",
                                                           "error": "2"}
    assert "表头在第 3 行，数据 4 行，已跳过示例行 1 行" in p.notes.text()
    # errors only (on by default when there are errors), exact Chinese messages
    assert p.errors_only.isChecked()
    assert table_rows(wizard) == [
        ["第 6 行", "错误", "PICC-2023-102", "",
         f"D 列「统一社会信用代码」：统一社会信用代码 {BAD_USCC} 的企业尚未登记：请先导入或登记该企业"],
        ["第 7 行", "错误", "PICC-2023-103", "",
         f"K 列「承保专利」：承保知识产权 {BAD_PATENT} 未登记在该企业名下：请先导入知识产权"],
    ]
    tip = p.model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert "的企业尚未登记" in tip and p.table.wordWrap()
    assert "的企业尚未登记" in p.detail.toPlainText()  # the selected row's full text
    assert not p.all_button.isEnabled() and "有 2 行数据有误" in p.all_button.toolTip()
    assert p.valid_button.isEnabled() and not p.warn_button.isEnabled()
    p.errors_only.setChecked(False)
    rows = table_rows(wizard)
    assert [r[:3] for r in rows] == [["第 5 行", "新增", "PICC-2023-101"], ["第 6 行", "错误", "PICC-2023-102"],
                                     ["第 7 行", "错误", "PICC-2023-103"], ["第 8 行", "新增", "PICC-2023-104"]]
    assert p.count_label.text() == "显示 4 / 4 行"
    assert counts(ledger) == before  # checking wrote nothing
    # 只导入无误的行
    with qtbot.waitSignal(wizard.imported, timeout=WAIT) as sig:
        qtbot.mouseClick(p.valid_button, Qt.MouseButton.LeftButton)
    result = sig.args[1]
    assert (result.inserted, result.skipped_invalid) == (2, 2)
    assert wizard.writing.banner.text() == "已新增 2、更新 0、未变 0，跳过有误的 2 行。"
    assert counts(ledger)["policy"] == before["policy"] + 2
    nos = {r[0] for r in ledger.conn.execute("SELECT policy_no FROM policy")}
    assert {"PICC-2023-101", "PICC-2023-104"} <= nos and not {"PICC-2023-102", "PICC-2023-103"} & nos
    stats = compute(ledger)
    # 万元 and full-width digits: 100 万 + 30 万 sum insured; 2 万 + 0.9 万 premium, on top of 2 × (100 万, 3.5 万)
    assert stats["policies"] == 4
    assert stats["sum_insured_fen"] == 2 * 100_000_000 + 100_000_000 + 30_000_000
    assert stats["premium_fen"] == 3_500_000 + 2_000_000 + 900_000


def test_full_import_button_enabled_when_all_valid(wizard, qtbot, ledger, tmp_path):
    path = messy_policies(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active.delete_rows(6, 2)  # drop the two bad rows
    wb.save(path)
    choose(wizard, "policies", path)
    check(qtbot, wizard)
    p = wizard.preview
    assert p.all_button.isEnabled() and not p.valid_button.isEnabled() and not p.errors_only.isChecked()
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        qtbot.mouseClick(p.all_button, Qt.MouseButton.LeftButton)
    assert compute(ledger)["policies"] == 4
    # the same file again: nothing to write, 全部导入 disabled with the reason
    wizard.restart()
    choose(wizard, "policies", path)
    check(qtbot, wizard)
    assert p.tiles["unchanged"].figure() == "2" and not p.all_button.isEnabled()
    assert "没有需要新增或更新的行" in p.all_button.toolTip()


def test_warning_accepted_with_reason(wizard, qtbot, ledger, tmp_path, monkeypatch):
    path = messy_enterprises(tmp_path / "企业.xlsx")
    choose(wizard, "enterprises", path)
    check(qtbot, wizard)
    p = wizard.preview
    assert [r[4] for r in table_rows(wizard)] == [
        "B 列「统一社会信用代码」：统一社会信用代码校验位错误：应为 L，实为 M（早期试点地区的部分真实代码不符合国标，"
        "请核对营业执照）（如确认无误，导入时须填写忽略警告的理由）",
        "C 列「所属区县代码」：行政区划代码 999999 不在 GB/T 2260 代码表中",
    ]
    assert p.warn_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("营业执照核对无误", True)))
    with qtbot.waitSignal(wizard.planned, timeout=WAIT):
        qtbot.mouseClick(p.warn_button, Qt.MouseButton.LeftButton)
    assert wizard.plan.accept_warnings_reason == "营业执照核对无误"
    assert {a: t.figure() for a, t in p.tiles.items()}["insert"] == "2"
    assert "已填写忽略警告的理由：营业执照核对无误" in p.notes.text()
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        qtbot.mouseClick(p.valid_button, Qt.MouseButton.LeftButton)
    row = ledger.one("SELECT uscc_override_reason FROM enterprise WHERE uscc = ?", (BAD_USCC,))
    assert row[0] == "营业执照核对无误"
    assert ledger.scalar("SELECT count(*) FROM enterprise WHERE uscc = ?", (USCC[3],)) == 0


def test_patent_check_digit_message(wizard, qtbot, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "专利"
    ws.append(["权利人统一社会信用代码", "知识产权类型", "专利号", "专利名称"])
    ws.append([USCC[0], "发明专利", BAD_PATENT, "错位"])
    wb.save(tmp_path / "ip.xlsx")
    choose(wizard, "ip_rights", tmp_path / "ip.xlsx")
    check(qtbot, wizard)
    assert table_rows(wizard)[0][4] == "C 列「专利号」：专利号校验位错误：应为 3，实为 4"


def test_cancel_while_checking_writes_nothing(wizard, qtbot, ledger, tmp_path):
    path = many_enterprises(tmp_path / "多.xlsx", 3000)
    before = counts(ledger)
    choose(wizard, "enterprises", path)
    with qtbot.waitSignal(wizard.failed, timeout=WAIT) as sig:
        qtbot.mouseClick(wizard.choose.check_button, Qt.MouseButton.LeftButton)
        assert wizard.stack.currentWidget() is wizard.checking
        qtbot.mouseClick(wizard.checking.cancel_button, Qt.MouseButton.LeftButton)
    assert sig.args[0] == "已取消检查，未写入任何数据。"
    assert wizard.stack.currentWidget() is wizard.choose and wizard.plan is None
    assert counts(ledger) == before


def test_cancel_while_writing_rolls_back(wizard, qtbot, ledger, tmp_path):
    path = many_enterprises(tmp_path / "多.xlsx", 3000)
    before = counts(ledger)
    choose(wizard, "enterprises", path)
    check(qtbot, wizard)
    assert wizard.preview.tiles["insert"].figure() == "3,000"
    qtbot.mouseClick(wizard.preview.all_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.writing.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy(), timeout=WAIT)
    assert wizard.stack.currentWidget() is wizard.preview
    assert wizard.preview.banner.text() == "已取消导入，未写入任何数据。"
    assert counts(ledger) == before


def test_template_button_writes_workbook(wizard, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "保单模板.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    wizard.choose.kind_box.setCurrentIndex(wizard.choose.kind_box.findData("policies"))
    with qtbot.waitSignal(wizard.file_job.finished, timeout=WAIT):
        qtbot.mouseClick(wizard.choose.template_button, Qt.MouseButton.LeftButton)
    assert wizard.choose.banner.text() == f"已生成保单导入模板：{out}"
    wb = openpyxl.load_workbook(out)
    ws = wb["保单"]
    assert [c.value for c in ws[1]][:3] == ["序号", "*保单号", "统一社会信用代码"]
    assert ws["A2"].value == "示例" and "填写说明" in wb.sheetnames


def test_error_report_saved(wizard, qtbot, tmp_path, monkeypatch):
    choose(wizard, "policies", messy_policies(tmp_path / "p.xlsx"))
    check(qtbot, wizard)
    out = tmp_path / "错误报告.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    with qtbot.waitSignal(wizard.file_job.finished, timeout=WAIT):
        qtbot.mouseClick(wizard.preview.report_button, Qt.MouseButton.LeftButton)
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[1]]
    notes = [r[header.index("错误说明")] for r in ws.iter_rows(min_row=2, values_only=True)]
    assert any(n and "的企业尚未登记" in n for n in notes) and any(n and "未登记在该企业名下" in n for n in notes)


@pytest.mark.parametrize("name, content, expected", [
    ("坏.xlsx", b"PK\x03\x04garbage-not-a-zip", "已损坏"),
    ("加密.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600,
     "已加密或受密码保护"),
    ("空.xlsx", b"", "是空文件"),
])
def test_bad_files_show_a_message(wizard, qtbot, tmp_path, name, content, expected):
    (tmp_path / name).write_bytes(content)
    choose(wizard, "enterprises", tmp_path / name)
    with qtbot.waitSignal(wizard.failed, timeout=WAIT) as sig:
        qtbot.mouseClick(wizard.choose.check_button, Qt.MouseButton.LeftButton)
    assert expected in sig.args[0] and expected in wizard.choose.banner.text()
    assert wizard.choose.banner.kind == "error" and wizard.stack.currentWidget() is wizard.choose


def test_gbk_csv_and_no_header(wizard, qtbot, tmp_path):
    csv = tmp_path / "企业.csv"
    csv.write_bytes(f"企业名称,统一社会信用代码,所属区县代码\n甲科技有限公司,{USCC[2]},320214\n".encode("gbk"))
    choose(wizard, "enterprises", csv)
    check(qtbot, wizard)
    assert wizard.preview.tiles["insert"].figure() == "1"
    wizard.restart()
    bare = tmp_path / "无表头.csv"
    bare.write_text("甲,乙,丙\n1,2,3\n", encoding="utf-8")
    choose(wizard, "enterprises", bare)
    with qtbot.waitSignal(wizard.failed, timeout=WAIT) as sig:
        qtbot.mouseClick(wizard.choose.check_button, Qt.MouseButton.LeftButton)
    assert "找不到表头" in sig.args[0]


def test_subsidies_preview_errors_then_valid_rows(wizard, qtbot, ledger, tmp_path):
    """补贴申报 through the wizard: exact errors, only the valid row written as 申报 with its
    computed amount, the same file again unchanged."""
    subsidy_programme(ledger)
    path = messy_subsidies(tmp_path / "补贴申报.xlsx")
    choose(wizard, "subsidies", path)
    check(qtbot, wizard)
    p = wizard.preview
    assert {a: t.figure() for a, t in p.tiles.items()} == {"insert": "1", "update": "0", "unchanged": "0",
                                                           "error": "2"}
    assert p.heading.text() == "第三步：检查结果 — 补贴申报.xlsx（补贴申报）"
    assert table_rows(wizard) == [
        ["第 6 行", "错误", f"PICC-2023-009（{SUBSIDY_PROGRAMME}）", "",
         "C 列「保单号」：保单号 PICC-2023-009 尚未登记：请先导入保单"],
        ["第 7 行", "错误", f"PICC-2023-002（{SUBSIDY_PROGRAMME}）", "",
         "D 列「实缴保费（万元）」：申报实缴保费 16,000.00 元超过保单 PICC-2023-002 的保费 15,000.00 元"],
    ]
    before = ledger.scalar("SELECT count(*) FROM subsidy_application")
    with qtbot.waitSignal(wizard.imported, timeout=WAIT) as sig:
        qtbot.mouseClick(p.valid_button, Qt.MouseButton.LeftButton)
    assert sig.args[0] == "subsidies" and (sig.args[1].inserted, sig.args[1].skipped_invalid) == (1, 2)
    assert wizard.writing.banner.text() == "已新增 1、更新 0、未变 0，跳过有误的 2 行。"
    row = ledger.one("SELECT s.state, s.premium_paid_fen, s.computed_fen, s.submitted_at, p.policy_no "
                     "FROM subsidy_application s JOIN policy p ON p.id = s.policy_id")
    assert before == 0 and tuple(row) == ("申报", 2_000_000, 1_000_000, "2023-03-01", "PICC-2023-001")
    wizard.restart()
    choose(wizard, "subsidies", path)
    check(qtbot, wizard)
    assert p.tiles["unchanged"].figure() == "1" and p.tiles["insert"].figure() == "0"


def test_sheet_chooser_when_several_sheets(wizard, qtbot, tmp_path):
    path = messy_enterprises(tmp_path / "两表.xlsx")
    wb = openpyxl.load_workbook(path)
    other = wb.create_sheet("第二批")
    other.append(["企业名称", "统一社会信用代码", "所属区县代码"])
    other.append(["丁科技有限公司", USCC[2], "320214"])
    wb.save(path)
    choose(wizard, "enterprises", path)
    qtbot.waitUntil(lambda: wizard.choose.sheet_box.count() == 3, timeout=WAIT)
    assert not wizard.choose.sheet_box.isHidden()
    wizard.choose.sheet_box.setCurrentIndex(wizard.choose.sheet_box.findData("第二批"))
    check(qtbot, wizard)
    assert [s.sheet for s in wizard.plan.sheets] == ["第二批"] and wizard.preview.tiles["insert"].figure() == "1"


def test_main_window_menu_opens_wizard_and_refreshes(qtbot, ledger, tmp_path):
    from tests.desktop.form_helpers import make_window

    win = make_window(qtbot, ledger, tmp_path)
    texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
    assert {"导入数据(&I)…", "下载导入模板…", "保险机构清单对账…"} <= set(texts)
    win.show_page(3)  # 保单
    wizard = win.importing.open_wizard()
    assert wizard.kind() == "policies"
    choose(wizard, "policies", messy_policies(tmp_path / "p.xlsx"))
    check(qtbot, wizard)
    page = win.pages["policy"]
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=WAIT)
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        qtbot.mouseClick(wizard.preview.valid_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.total == 4, timeout=WAIT)
    wizard.reject()
    win.close()
