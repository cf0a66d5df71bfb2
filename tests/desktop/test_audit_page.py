"""审计日志 viewer offscreen: filters equal a Python filter over every row, lazy paging, detail,
record selection, xlsx export read back, hash-chain check."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from desktop.app import make_application
from desktop.ops import Ops
from desktop.pages.audit_page import AuditPage
from ledger.services import audit_view, settings
from ledger.services.enterprises import EnterpriseInput, get_enterprise, update_enterprise


@pytest.fixture
def busy_store(filled_store):
    store = filled_store
    store.actor = "李审核"
    for row_id in (1, 2, 3):
        old = get_enterprise(store, row_id)
        update_enterprise(store, row_id, EnterpriseInput(
            name=old["name"] + "（更名）", uscc=old["uscc"], district_code=old["district_code"],
            industry=old["industry"]), override_reason="测试")
    settings.set_setting(store, "bureau_name", "无锡市知识产权局")
    store.actor = "测试员"
    return store


@pytest.fixture
def page(qtbot, busy_store, tmp_path):
    make_application()
    ops = Ops(busy_store)
    p = AuditPage(ops, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(p)
    p.resize(1300, 800)
    p.show()
    p.ensure_loaded()
    qtbot.waitUntil(lambda: p.model.total is not None and p.actor_box.count() > 2, timeout=5000)
    yield p
    ops.wait()


def _all_rows(path):
    """Every audit row, read independently with sqlite3 (newest first)."""
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT seq, at, actor, table_name, op FROM audit_log ORDER BY seq DESC").fetchall()
    conn.close()
    return rows


def _load_everything(page, qtbot):
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=5000)
    while page.model.canFetchMore():
        page.model.fetchMore()
        qtbot.waitUntil(lambda: not page.model._fetching, timeout=5000)
    return [page.model.entry(r).seq for r in range(page.model.rowCount())]


def _pick(box, value):
    box.setCurrentIndex(box.findData(value))


def test_filters_equal_python_filter(page, qtbot, busy_store):
    everything = _all_rows(busy_store.path)
    assert len(everything) > 200  # more than one page: lazy fetching is exercised
    assert _load_everything(page, qtbot) == [r[0] for r in everything]
    assert page.count_label.text() == f"共 {len(everything):,} 条"
    _pick(page.actor_box, "李审核")
    assert _load_everything(page, qtbot) == [r[0] for r in everything if r[2] == "李审核"]
    _pick(page.table_box, "enterprise")
    expected = [r[0] for r in everything if r[2] == "李审核" and r[3] == "enterprise"]
    assert _load_everything(page, qtbot) == expected and len(expected) == 3
    _pick(page.actor_box, "")
    today = date.today()
    page.set_dates(today, today)
    assert _load_everything(page, qtbot) == [r[0] for r in everything
                                             if r[3] == "enterprise" and r[1][:10] == today.isoformat()]
    page.set_dates(date(2001, 1, 1), date(2001, 12, 31))
    assert _load_everything(page, qtbot) == []
    page.reset_filters()
    _pick(page.op_box, "UPDATE")
    assert _load_everything(page, qtbot) == [r[0] for r in everything if r[4] == "UPDATE"]
    assert page.table_box.itemText(page.table_box.findData("enterprise")) == "企业"


def test_detail_and_record_selection(page, qtbot, busy_store):
    table, uuids = audit_view.record_uuids(busy_store, "enterprise", [2])
    page.show_records(uuids, "企业 1 条")
    assert page.selection_label.isVisible() and "企业 1 条" in page.selection_label.text()
    seqs = _load_everything(page, qtbot)
    assert len(seqs) == 2
    page.table.selectRow(0)
    entry = page.model.entry(0)
    assert entry.op == "UPDATE" and page.model.data(page.model.index(0, 5)) == "修改"
    assert "名称" in page.model.data(page.model.index(0, 6)) and "（更名）" in page.model.data(page.model.index(0, 6))
    cells = {page.detail_table.item(r, 0).text(): (page.detail_table.item(r, 1).text(),
                                                    page.detail_table.item(r, 2).text())
             for r in range(page.detail_table.rowCount())}
    old, new = cells["名称"]
    assert new == old + "（更名）"
    page.clear_selection_button.click()
    assert not page.record_uuids and len(_load_everything(page, qtbot)) > 2


def test_export_filtered_list_and_check_chain(page, qtbot, busy_store, tmp_path):
    from openpyxl import load_workbook

    _pick(page.actor_box, "李审核")
    expected = _load_everything(page, qtbot)
    out = tmp_path / "审计日志.xlsx"
    with qtbot.waitSignal(page.exported, timeout=30000) as blocker:
        page.export_to(str(out))
    assert blocker.args == [str(out), len(expected)]
    rows = list(load_workbook(out, read_only=True)["审计日志"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == expected
    assert {r[2] for r in rows[1:]} == {"李审核"}
    settings_row = next(r for r in rows[1:] if r[3] == "系统设置")
    assert json.loads(settings_row[8])["value"] == "无锡市知识产权局"
    last = audit_view.last_export(busy_store)
    assert last["kind"] == "audit_log" and last["rows"] == len(expected)
    with qtbot.waitSignal(page.checked, timeout=30000):
        page.check_button.click()
    text = page.check_output.toPlainText()
    assert "✔ 审计日志哈希链" in text and "：完整" in text  # (the sample data breaks one business rule)
    assert page.side_tabs.currentIndex() == 1 and page.check_button.isEnabled()


def test_bad_export_path_message(page, qtbot, tmp_path):
    with qtbot.waitSignal(page.exportFailed, timeout=30000) as blocker:
        page.export_to(str(tmp_path / "没有这个文件夹" / "a.xlsx"))
    assert "无法写入" in blocker.args[0]
    assert page.export_button.isEnabled()
