"""报表 page offscreen: build in the background, preview, cancel, errors in Chinese, print, workbooks."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.app import make_application
from desktop.ops import Ops
from desktop.pages import reports_page
from desktop.pages.reports_page import ReportsPage
from ledger.services import audit_view


@pytest.fixture
def page(qtbot, filled_store, tmp_path):
    make_application()
    ops = Ops(filled_store)
    p = ReportsPage(ops, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(p)
    p.resize(1300, 850)
    p.show()
    p.ensure_loaded()
    qtbot.waitUntil(lambda: p.programme_box.count() > 1, timeout=5000)
    yield p
    ops.wait()


def _choose(page, key, year=None):
    page.kind_box.setCurrentIndex(page.kind_box.findData(key))
    if year is not None:
        page.year_box.setValue(year)


def _save_as(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_annual_report_previewed_with_progress(page, qtbot, monkeypatch, tmp_path, filled_store):
    out = tmp_path / "年度报告.pdf"
    _save_as(monkeypatch, out)
    _choose(page, "annual", 2023)
    seen = []
    page.job.progressed.connect(seen.append)
    with qtbot.waitSignal(page.reportFinished, timeout=60000):
        page.generate_button.click()
    assert out.exists() and out.stat().st_size > 10_000
    assert page.preview.page_count() > 1
    assert page.preview.document.pageCount() == page.preview.page_count()
    assert page.progress_bar.value() == 100 and seen and max(seen) == 100
    assert page.output.currentWidget() is page.preview
    assert "已生成" in page.status_label.text()
    page.preview.go_to(2)
    assert page.preview.page_box.value() == 3
    page.preview.zoom_box.setCurrentIndex(page.preview.zoom_box.findText("150%"))
    assert abs(page.preview.view.zoomFactor() - 1.5) < 1e-6
    export = audit_view.last_export(filled_store)
    assert export["kind"] == "annual_report" and export["path"] == str(out)
    # open folder goes to QDesktopServices with the folder
    opened = []
    monkeypatch.setattr(reports_page, "open_folder", lambda p: opened.append(p))
    page.folder_button.click()
    assert opened == [str(out)]


def test_cancel_after_first_progress_leaves_no_file(page, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "取消.pdf"
    _save_as(monkeypatch, out)
    _choose(page, "annual", 2023)
    page.job.progressed.connect(lambda _p: page.cancel())
    with qtbot.waitSignal(page.reportFailed, timeout=60000) as blocker:
        page.generate_button.click()
    assert blocker.args[0] == "已取消，未生成文件。"
    assert not out.exists()
    assert not [f for f in os.listdir(tmp_path) if f.endswith(".pdf") or ".tmp" in f]
    assert page.generate_button.isEnabled() and not page.cancel_button.isVisible()


def test_unwritable_path_shows_chinese_message(page, qtbot, monkeypatch, tmp_path):
    _save_as(monkeypatch, tmp_path / "不存在的文件夹" / "报告.pdf")
    _choose(page, "cases", 2022)
    with qtbot.waitSignal(page.reportFailed, timeout=30000) as blocker:
        page.generate_button.click()
    assert "无法写入报告文件" in blocker.args[0]
    assert page.status_label.text() == blocker.args[0]
    assert page.generate_button.isEnabled()


def test_print_renders_every_page(page, qtbot, monkeypatch, tmp_path):
    out = tmp_path / "案例.pdf"
    _save_as(monkeypatch, out)
    _choose(page, "cases", 2022)
    with qtbot.waitSignal(page.reportFinished, timeout=30000):
        page.generate_button.click()
    n = page.preview.page_count()
    assert n >= 1
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert page.preview.print_document(printer) == n
    assert (tmp_path / "printed.pdf").stat().st_size > 1000


def test_single_case_and_workbooks(page, qtbot, monkeypatch, tmp_path):
    from openpyxl import load_workbook

    _choose(page, "case", 2022)
    qtbot.waitUntil(lambda: page.case_box.currentData() is not None, timeout=5000)
    _save_as(monkeypatch, tmp_path / "一个案例.pdf")
    with qtbot.waitSignal(page.reportFinished, timeout=30000):
        page.generate_button.click()
    assert page.preview.page_count() >= 1
    out = tmp_path / "台账"  # suffix added by the page
    _save_as(monkeypatch, out)
    _choose(page, "registers")
    with qtbot.waitSignal(page.reportFinished, timeout=60000) as blocker:
        page.generate_button.click()
    result = blocker.args[0]
    wb = load_workbook(str(out) + ".xlsx", read_only=True)
    rows = sum(1 for _ in wb["企业台账"].iter_rows(values_only=True)) - 1
    assert result["rows"]["企业台账"] == rows == 150
    assert page.output.currentWidget() is page.summary_label
    assert "150 行" in page.summary_label.text()
    _save_as(monkeypatch, tmp_path / "拨付.xlsx")
    _choose(page, "finance", 2022)
    with qtbot.waitSignal(page.reportFinished, timeout=60000) as blocker:
        page.generate_button.click()
    assert (tmp_path / "拨付.xlsx").exists()
    assert "保费补贴资金拨付明细表" in blocker.args[0]["rows"]
