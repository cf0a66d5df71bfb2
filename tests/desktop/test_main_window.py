"""The main window offscreen: navigation, search through the worker, dashboard = ledger.stats."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.app import make_application
from desktop.main_window import PAGES, MainWindow
from desktop.models.formatting import amount_short
from desktop.pages.dashboard import DashboardPage
from desktop.pages.register_page import RegisterPage


@pytest.fixture
def window(qtbot, filled_store, tmp_path):
    make_application()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(filled_store, settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.ops.wait()


def type_text(widget, text: str) -> None:
    """Type non-ASCII text as key events carrying the characters (what an IME commit does;
    QTest.keyClicks asserts on non-Latin-1 characters in Qt 6.12)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


def _page(win, key) -> RegisterPage:
    return win.pages[key]


def test_navigation_and_shortcuts_switch_pages(window, qtbot):
    for i, (key, _title, _icon) in enumerate(PAGES):
        window.page_actions[i].trigger()
        assert window.stack.currentWidget() is window.pages[key]
        assert window.nav.currentRow() == i
    window.show_page(3)
    assert window.current_key() == "policy"
    page = _page(window, "policy")
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=5000)
    assert page.count_text() == f"共 {page.model.total:,} 条"
    assert window.count_status.text() == page.count_text()
    assert "数据库：" in window.db_status.text()
    qtbot.waitUntil(lambda: "测试员" in window.user_status.text(), timeout=5000)  # after the first query


def test_search_box_filters_register_after_worker(window, qtbot, filled_store):
    window.show_page(1)
    page = _page(window, "enterprise")
    qtbot.waitUntil(lambda: page.model.total == 150, timeout=5000)
    window.act_find.trigger()
    assert page.filter_bar.search.hasFocus() or QApplication.focusWidget() is page.filter_bar.search
    qtbot.keyClicks(page.filter_bar.search, "ABC_1")
    qtbot.waitUntil(lambda: page.model.search == "ABC_1", timeout=5000)
    qtbot.waitUntil(lambda: page.model.total == filled_store.scalar(
        "SELECT count(*) FROM enterprise WHERE instr(name, 'ABC_1') > 0"), timeout=5000)
    page.filter_bar.search.clear()
    type_text(page.filter_bar.search, "科技")
    expected = filled_store.scalar("SELECT count(*) FROM enterprise WHERE name LIKE '%科技%'"
                                   " OR industry LIKE '%科技%' OR contact_person LIKE '%科技%'")
    qtbot.waitUntil(lambda: page.model.total == expected and page.model.search == "科技", timeout=5000)
    assert page.count_text().startswith(f"共 {expected} 条")
    names = [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]
    assert names and all("科技" in n for n in names)


def test_selection_shows_detail_and_multi_select(window, qtbot):
    window.show_page(3)
    page = _page(window, "policy")
    qtbot.waitUntil(lambda: page.model.rowCount() > 3, timeout=5000)
    page.table.selectRow(0)
    policy_no = page.model.data(page.model.index(0, 0))
    qtbot.waitUntil(lambda: policy_no in page.detail.toPlainText(), timeout=5000)
    assert "关联记录" in page.detail.toPlainText()
    page.table.selectAll()
    assert len(page.selected_ids()) == page.model.rowCount()
    assert "已选择" in page.detail.toPlainText()


def test_header_click_sorts_in_sql(window, qtbot):
    window.show_page(3)
    page = _page(window, "policy")
    qtbot.waitUntil(lambda: page.model.total is not None, timeout=5000)
    col = [c.key for c in page.spec.columns].index("premium")
    page.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: page.model.order_by == "premium" and page.model.rowCount() > 0, timeout=5000)
    values = [page.model.raw_row(r)[col + 1] for r in range(page.model.rowCount())]
    assert values == sorted(values, reverse=True)


def test_dashboard_tiles_equal_ledger_stats(window, qtbot, filled_store):
    from ledger import stats

    window.show_page(0)
    dash: DashboardPage = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dash.stats is not None, timeout=10000)
    expected = stats.compute(filled_store)
    assert dash.tiles["enterprises"].figure() == f"{expected['enterprises']:,}"
    assert dash.tiles["ip_rights"].figure() == f"{expected['ip_rights']:,}"
    for key in ("sum_insured_fen", "premium_fen", "subsidy_approved_fen", "subsidy_paid_fen"):
        assert dash.tiles[key].figure() == amount_short(expected[key])[0], key
    year = expected["by_year"][0]["year"]
    dash.year_combo.setCurrentIndex(dash.year_combo.findData(year))
    qtbot.waitUntil(lambda: dash.stats and dash.stats["scope"]["year"] == year, timeout=10000)
    assert dash.tiles["enterprises"].figure() == f"{stats.compute(filled_store, year=year)['enterprises']:,}"


def test_tile_click_opens_filtered_register(window, qtbot, filled_store):
    from ledger import stats

    dash: DashboardPage = window.pages["dashboard"]
    window.show_page(0)
    qtbot.waitUntil(lambda: dash.stats is not None, timeout=10000)
    year = stats.compute(filled_store)["by_year"][0]["year"]
    dash.year_combo.setCurrentIndex(dash.year_combo.findData(year))
    qtbot.waitUntil(lambda: dash.stats["scope"]["year"] == year, timeout=10000)
    qtbot.mouseClick(dash.tiles["sum_insured_fen"], Qt.MouseButton.LeftButton)
    page = _page(window, "policy")
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.filters.get("year") == str(year) and page.model.total is not None,
                    timeout=5000)
    assert page.model.total == stats.compute(filled_store, year=year)["policies"]


def test_open_bad_database_shows_chinese_message(window, tmp_path, monkeypatch):
    bad = tmp_path / "坏文件.sqlite"
    bad.write_bytes(b"not a database at all, just text" * 10)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    assert window.switch_database(bad) is False
    assert shown and "不是 SQLite 数据库" in shown[0]


def test_state_is_remembered(window, qtbot, tmp_path, filled_store):
    window.show_page(4)
    window.save_state()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    again = MainWindow(filled_store, settings)
    qtbot.addWidget(again)
    assert again.nav.currentRow() == 4
    again.ops.wait()
