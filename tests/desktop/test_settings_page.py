"""设置 page offscreen: values saved through ledger.services.settings, audited, errors in Chinese."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.app import make_application
from desktop.ops import Ops
from desktop.pages.settings_page import LANGUAGE_KEY, SettingsPage
from ledger.services import audit_view, settings
from tests.desktop.test_main_window import type_text


@pytest.fixture
def page(qtbot, filled_store, tmp_path):
    make_application()
    ops = Ops(filled_store)
    qs = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    p = SettingsPage(ops, qs)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    p.ensure_loaded()
    qtbot.waitUntil(lambda: p.programme_box.count() > 1, timeout=5000)
    yield p
    ops.wait()


def test_settings_saved_read_back_and_audited(page, qtbot, filled_store):
    edit = page.edits["bureau_name"]
    edit.clear()
    edit.setFocus()
    type_text(edit, "无锡市知识产权局")
    assert edit.text() == "无锡市知识产权局"
    page.edits["office_code"].setText("WX-01")
    page.edits["office_name"].setText("无锡市知识产权保护中心")
    page.programme_box.setCurrentIndex(2)
    programme_id = page.programme_box.currentData()
    page.amount_box.setCurrentIndex(page.amount_box.findData("元"))
    page.date_box.setCurrentIndex(page.date_box.findData("YYYY年M月D日"))
    page.language_box.setCurrentIndex(page.language_box.findData("en"))
    with qtbot.waitSignal(page.saved, timeout=5000) as blocker:
        page.save_button.click()
    assert set(blocker.args[0]) == {"bureau_name", "office_code", "office_name", "default_programme_id",
                                    "amount_unit", "date_format"}
    assert settings.all_settings(filled_store) == {
        "bureau_name": "无锡市知识产权局", "office_code": "WX-01", "office_name": "无锡市知识产权保护中心",
        "default_programme_id": programme_id, "amount_unit": "元", "date_format": "YYYY年M月D日"}
    assert page.settings.value(LANGUAGE_KEY) == "en"
    assert "重启后生效" in page.message.text()
    rows = audit_view.page(filled_store, audit_view.AuditFilter(table="app_setting"), 0, 50)
    keys = {(e.new or {}).get("key") for e in rows}
    assert {"bureau_name", "office_code", "amount_unit"} <= keys
    assert all(e.actor == "测试员" for e in rows[:6])
    # the report cover uses the bureau name
    from ledger.services import report_data

    assert report_data.bureau_name(filled_store) == "无锡市知识产权局"
    # reloading shows the stored values
    page.edits["bureau_name"].setText("别的名字")
    page.revert_button.click()
    qtbot.waitUntil(lambda: page.edits["bureau_name"].text() == "无锡市知识产权局", timeout=5000)


def test_invalid_setting_shows_chinese_message_and_writes_nothing(page, qtbot, filled_store):
    page.edits["office_code"].setText("无锡 01")
    with qtbot.waitSignal(page.saveFailed, timeout=5000) as blocker:
        page.save_button.click()
    assert "办公室代码只能由" in blocker.args[0]
    assert page.message.text() == blocker.args[0]
    assert "#b3261e" in page.edits["office_code"].styleSheet()
    assert settings.get_setting(filled_store, "office_code") == ""


def test_backup_info_and_audit_tab(page, qtbot, filled_store):
    assert page.backup_folder.text().endswith("ipdesk-backups")
    assert "7 天" in page.backup_retention.text()
    page.audit_button.click()
    assert page.tabs.currentWidget() is page.audit
    qtbot.waitUntil(lambda: (page.audit.model.total or 0) > 0, timeout=5000)


def test_main_window_audit_action_uses_register_selection(qtbot, filled_store, tmp_path):
    from desktop.main_window import PAGES, MainWindow
    from desktop.pages.reports_page import ReportsPage

    make_application()
    win = MainWindow(filled_store, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    keys = [p[0] for p in PAGES]
    win.show_page(keys.index("reports"))
    assert isinstance(win.stack.currentWidget(), ReportsPage)
    qtbot.waitUntil(lambda: win.pages["reports"].programme_box.count() > 1, timeout=5000)
    win.show_page(keys.index("enterprise"))
    register = win.pages["enterprise"]
    qtbot.waitUntil(lambda: register.model.rowCount() > 3, timeout=5000)
    register.table.selectRow(1)
    row_id = register.selected_ids()[0]
    action = next(a for a in win.menuBar().actions()[2].menu().actions() if a.text() == "审计日志")
    action.trigger()
    settings_page = win.pages["settings"]
    assert win.stack.currentWidget() is settings_page and settings_page.tabs.currentWidget() is settings_page.audit
    _table, uuids = audit_view.record_uuids(filled_store, "enterprise", [row_id])
    assert settings_page.audit.record_uuids == tuple(uuids)
    assert "企业 1 条" in settings_page.audit.selection_label.text()
    qtbot.waitUntil(lambda: settings_page.audit.model.total == 1, timeout=5000)
    assert settings_page.audit.model.entry(0).op == "INSERT"
    win.ops.wait()


def test_date_format_and_amount_unit_reach_registers_and_tiles(page, qtbot, filled_store):
    from desktop.models.formatting import amount_short, apply_store_preferences, display
    from desktop.models.register_model import RegisterModel, sync_runner
    from ledger.store.registers import REGISTERS

    assert display("date", "2024-03-05") == "2024-03-05" and amount_short(123_456_789)[1] == "万元"
    page.amount_box.setCurrentIndex(page.amount_box.findData("元"))
    page.date_box.setCurrentIndex(page.date_box.findData("YYYY年M月D日"))
    with qtbot.waitSignal(page.saved, timeout=5000):
        page.save_button.click()
    assert display("date", "2024-03-05") == "2024年3月5日" and display("date", "2024-11-25T08:00:00") == "2024年11月25日"
    assert amount_short(123_456_789) == ("1,234,567.89", "元")
    assert display("date", "待定") == "待定"  # not an ISO date: shown as stored
    # a register queried now shows its date columns the chosen way, computed independently here
    model = RegisterModel(REGISTERS["policy"], sync_runner(filled_store))
    model.reload()
    kinds = [c.kind for c in REGISTERS["policy"].columns]
    col = kinds.index("date")
    iso = str(model.raw_row(0)[col + 1])[:10]
    y, m, d = iso.split("-")
    assert model.data(model.index(0, col)) == f"{y}年{int(m)}月{int(d)}日"
    # a fresh session reads the stored choice; the slash form too
    settings.set_settings(filled_store, {"date_format": "YYYY/MM/DD"})
    apply_store_preferences(filled_store)
    assert display("date", "2024-03-05") == "2024/03/05"


def test_main_window_opens_with_the_stored_date_format(qtbot, filled_store, tmp_path):
    from desktop.main_window import MainWindow
    from desktop.models.formatting import display

    settings.set_settings(filled_store, {"date_format": "YYYY年M月D日", "amount_unit": "元"})
    win = MainWindow(filled_store, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert display("date", "2022-09-02") == "2022年9月2日"
    win.ops.wait()
