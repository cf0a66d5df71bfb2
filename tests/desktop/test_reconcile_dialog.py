"""保险机构清单对账 dialog offscreen: differences equal reconcile(), grouping with counts, the column
mapping dialog for unknown headers (remembered per insurer), export, bad files."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from desktop.app import make_application
from desktop.importing.reconcile_dialog import ReconcileDialog
from desktop.ops import Ops
from ledger.importing.reconcile import reconcile
from ledger.services.opening import open_ledger
from tests.desktop.import_helpers import insurer_list, small_ledger

WAIT = 20000


@pytest.fixture
def ledger(tmp_path):
    store = open_ledger(tmp_path / "recon.sqlite", actor="测试员")
    small_ledger(store)
    yield store
    store.close()


@pytest.fixture
def dialog(qtbot, ledger, tmp_path):
    make_application()
    ops = Ops(ledger)
    d = ReconcileDialog(ops, settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.insurer_box.count() > 0, timeout=WAIT)
    d.insurer_box.setCurrentIndex(d.insurer_box.findData("picc"))
    yield d
    ops.wait()


def shown(d) -> list[tuple]:
    m = d.model
    return [tuple(m.index(r, c).data() for c in range(m.columnCount())) for r in range(m.rowCount())]


def as_rows(diffs) -> list[tuple]:
    return [(x.policy_no, x.kind, x.item, x.ledger, x.insurer, x.where) for x in diffs]


def test_differences_match_reconcile_and_group(dialog, qtbot, ledger, tmp_path, monkeypatch):
    path = insurer_list(tmp_path / "人保清单.xlsx")
    expected = reconcile(ledger, "picc", path, remember=False)
    dialog.file_edit.setText(str(path))
    with qtbot.waitSignal(dialog.reconciled, timeout=WAIT):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.text() == expected.summary()
    assert shown(dialog) == as_rows(expected.rows)
    assert ("PICC-2023-001", "不一致", "保费", "20,000.00 元", "21,000.00 元", "工作表「清单」第 3 行") in shown(dialog)
    groups = [dialog.groups.item(i).text() for i in range(dialog.groups.count())]
    assert groups == ["全部差异　3", "不一致　1", "仅清单有　1", "仅台账有　1", "清单重复　0", "清单有误　0"]
    dialog.groups.setCurrentRow(3)  # 仅台账有
    assert shown(dialog) == [("PICC-2023-002", "仅台账有", "", "15,000.00 元", "", "")]
    out = tmp_path / "差异.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    assert dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.banner.text().startswith("已导出差异清单"), timeout=WAIT)
    ws = openpyxl.load_workbook(out)["差异"]
    assert [c.value for c in ws[4]] == list(as_rows(expected.rows)[0])


def test_unknown_headers_open_the_mapping_dialog_and_are_remembered(dialog, qtbot, ledger, tmp_path):
    path = insurer_list(tmp_path / "自定义列名.xlsx", own_headers=True)
    dialog.file_edit.setText(str(path))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(dialog, "map_dialog", None) is not None and dialog.map_dialog.isVisible(),
                    timeout=WAIT)
    m = dialog.map_dialog
    assert "找不到表头" in dialog.banner.text()
    ok = m.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "保单号" in m.problem.text()  # 保单号 and 保费 are required
    for key, theirs in (("policy_no", "单号"), ("enterprise_name", "客户"), ("enterprise_uscc", "客户证件号"),
                        ("premium_fen", "保费金额（元）"), ("sum_insured_fen", "风险保额（元）"),
                        ("start_date", "开始"), ("end_date", "结束")):
        m.boxes[key].setCurrentIndex(m.boxes[key].findData(theirs))
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.reconciled, timeout=WAIT):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    expected = reconcile(ledger, "picc", path, remember=False)  # the mapping is remembered now
    assert shown(dialog) == as_rows(expected.rows)
    assert [d.kind for d in expected.rows] == ["不一致", "仅清单有", "仅台账有"]
    # a new dialog offers the remembered names
    dialog.column_map = {}
    dialog.edit_mapping()
    qtbot.waitUntil(lambda: dialog.map_dialog is not m and dialog.map_dialog.isVisible(), timeout=WAIT)
    assert dialog.map_dialog.mapping()["单号"] == "policy_no"
    dialog.map_dialog.reject()


def test_bad_file_message(dialog, qtbot, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    dialog.file_edit.setText(str(bad))
    with qtbot.waitSignal(dialog.failed, timeout=WAIT) as sig:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert "已损坏" in sig.args[0] and dialog.banner.kind == "error"
    assert dialog.run_button.isEnabled()
