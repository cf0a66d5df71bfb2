"""RegisterPage and its filter bar: the table set up for a cheap first paint, state kept."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QHeaderView

from desktop.app import make_application
from desktop.ops import Ops
from desktop.pages.register_page import RegisterPage
from desktop.widgets.filter_bar import FilterBar
from ledger.store.registers import POLICIES


def _page(qtbot, store) -> RegisterPage:
    make_application()
    page = RegisterPage(POLICIES, Ops(store))
    qtbot.addWidget(page)
    return page


def test_table_paints_cheaply_without_losing_the_application_font(qtbot, store):
    page = _page(qtbot, store)
    table = page.table
    assert table.font().styleStrategy() == QFont.StyleStrategy.PreferNoShaping
    assert table.font().family() == QApplication.font().family()
    assert table.font().pointSizeF() == QApplication.font().pointSizeF()
    assert table.verticalHeader().sectionResizeMode(0) == QHeaderView.ResizeMode.Fixed
    assert table.verticalHeader().defaultSectionSize() == 28
    assert table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    header = table.horizontalHeader()
    assert all(header.sectionResizeMode(i) == QHeaderView.ResizeMode.Interactive
               for i in range(header.count()))  # never ResizeToContents


def test_column_widths_and_sort_are_remembered(qtbot, store, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = _page(qtbot, store)
    col = [c.key for c in POLICIES.columns].index("premium")
    page.table.setColumnWidth(col, 222)
    page.table.horizontalHeader().setSortIndicator(col, Qt.SortOrder.AscendingOrder)
    page.save_state(settings)
    again = _page(qtbot, store)
    again.restore_state(settings)
    assert again.table.columnWidth(col) == 222
    assert (again.model.order_by, again.model.descending) == ("premium", False)


def test_filter_choices_are_refilled_only_when_they_change(qtbot):
    make_application()
    bar = FilterBar(POLICIES)
    qtbot.addWidget(bar)
    combo = bar.combos["district"]
    added: list[str] = []
    original = combo.addItem
    combo.addItem = lambda text, data=None: (added.append(text), original(text, data))  # type: ignore[method-assign]
    choices = {"district": [("320211", "滨湖区"), ("320214", "新吴区")], "product": [(1, "专利执行保险")]}
    bar.set_choices(choices)
    assert combo.count() == 3 and len(added) == 2
    combo.setCurrentIndex(2)
    bar.set_choices({k: list(v) for k, v in choices.items()})  # equal, as a page opened again gets them
    assert len(added) == 2 and combo.currentData() == "320214"
    bar.set_choices({**choices, "district": [("320211", "滨湖区"), ("320213", "梁溪区"), ("320214", "新吴区")]})
    assert combo.count() == 4 and combo.currentData() == "320214"
    assert bar.values()["district"] == "320214"


def test_date_columns_fit_the_offices_date_format(qtbot, store):
    from desktop.models.formatting import set_display_preferences

    set_display_preferences({"date_format": "YYYY年M月D日"})
    page = _page(qtbot, store)
    needed = page.table.fontMetrics().horizontalAdvance("2024年12月28日")
    dates = [i for i, c in enumerate(POLICIES.columns) if c.kind == "date"]
    assert dates and all(page.table.columnWidth(i) > needed for i in dates)
