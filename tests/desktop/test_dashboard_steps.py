"""The dashboard shows its data in turns: tiles first, then each chart and the expiry lists."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.app import make_application
from desktop.main_window import MainWindow
from ledger.store import registers


def test_sections_fill_after_the_tiles_and_panels_follow(qtbot, filled_store, tmp_path):
    make_application()
    win = MainWindow(filled_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    dash = win.pages["dashboard"]
    refreshed = []
    dash.yearRefresh.connect(refreshed.append)
    with qtbot.waitSignal(dash.filled, timeout=10000):
        win.show()
        win.show_page(0)
    assert dash.stats is not None and refreshed == [None]  # the extra panels load after the page
    expected = registers.expiring_policies(filled_store, 90)
    assert dash.expiry_models[90].rows() == expected
    assert dash.expiry_tabs.tabText(2).endswith(f"（{len(expected)}）")
    assert dash.year_chart.chart().series() and dash.product_chart.chart().series()
    win.ops.wait()


def test_section_widgets_are_made_when_asked_for(qtbot, filled_store, tmp_path):
    make_application()
    win = MainWindow(filled_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    dash = win.pages["dashboard"]
    assert "expiry_tabs" not in dash.__dict__
    dash.expiry_tabs.setCurrentIndex(2)  # screenshots do this before the data: every section is made
    assert dash.year_chart is not None and dash.expiry_tabs.currentIndex() == 2
    win.ops.wait()


def test_expiry_tab_counts_every_policy_although_the_list_shows_the_first_ones(qtbot, filled_store, tmp_path,
                                                                                monkeypatch):
    make_application()
    everything = {d: len(registers.expiring_policies(filled_store, d, limit=10**9)) for d in (30, 60, 90)}
    assert everything[90] > 3
    first = registers.expiring_policies
    monkeypatch.setattr(registers, "expiring_policies", lambda store, days, **kw: first(store, days, limit=3))
    win = MainWindow(filled_store, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    dash = win.pages["dashboard"]
    with qtbot.waitSignal(dash.filled, timeout=10000):
        win.show()
        win.show_page(0)
    assert len(dash.expiry_models[90].rows()) == 3
    assert [dash.expiry_tabs.tabText(i) for i in range(3)] == [f"{d} 天内（{everything[d]:,}）" for d in (30, 60, 90)]
    win.ops.wait()


def test_years_and_expiry_counts_equal_the_plain_queries(filled_store):
    """The dashboard's cheap queries (index skip scan, one counting pass) against the obvious SQL."""
    from datetime import date, timedelta

    plain_years = [int(r[0]) for r in filled_store.rows(
        "SELECT DISTINCT CAST(substr(start_date, 1, 4) AS INTEGER) y FROM policy ORDER BY y DESC")]
    assert len(plain_years) > 1 and registers.policy_years(filled_store) == plain_years
    today = date.today()
    for days, n in registers.expiring_counts(filled_store, (30, 60, 90)).items():
        end = (today + timedelta(days=days)).isoformat()
        assert n == filled_store.scalar(
            "SELECT count(*) FROM policy WHERE status = '生效' AND end_date BETWEEN ? AND ?",
            (today.isoformat(), end))
        assert n == len(registers.expiring_policies(filled_store, days, limit=10**9))


def test_expiry_cells_follow_the_offices_date_format_and_show_yuan():
    from desktop.models.expiry_model import ExpiryModel
    from desktop.models.formatting import set_display_preferences

    model = ExpiryModel()
    model.set_rows([(7, "PZIP2025-1", "无锡某科技有限公司", "专利执行保险", "2026-01-05", 300_000_000)])
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells == ["PZIP2025-1", "无锡某科技有限公司", "专利执行保险", "2026-01-05", "¥3,000,000.00"]
    set_display_preferences({"date_format": "YYYY年M月D日"})
    assert model.data(model.index(0, 3)) == "2026年1月5日"
    assert model.policy_id(0) == 7
