"""工作台: KPI tiles for a year, the white paper's charts, and policies about to expire.

Every figure comes from ``ledger.stats.compute`` (the single source of statistics); the expiry
lists from ``ledger.store.registers.expiring_policies``. Tiles and bars open filtered registers
through ``openRegister(register_key, filters, description)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models.formatting import amount_short
from desktop.ops import Ops
from desktop.widgets.charts import CategoryChart, YearChart
from desktop.widgets.kpi_tile import KpiTile
from ledger.money import format_ratio_bp, format_wan, format_yi, format_yuan
from ledger.store import registers

EXPIRY_WINDOWS = (30, 60, 90)
# Expiry rows filled per event-loop turn. Filling a QTableWidget costs ~50 µs per cell on the GUI
# thread (item, text, setItem): three lists of 200 rows in one go took ~130 ms — the dashboard's
# longest GUI stall. The tab shown is filled first, 40 rows a turn; the others follow.
EXPIRY_BATCH = 40

# (stats key, caption, register opened on click, that register's filter for the year)
TILES = (
    ("enterprises", QT_TRANSLATE_NOOP("pages.dashboard", "服务企业"), "enterprise", "year"),
    ("ip_rights", QT_TRANSLATE_NOOP("pages.dashboard", "承保知识产权"), "ip_right", "year"),
    ("sum_insured_fen", QT_TRANSLATE_NOOP("pages.dashboard", "风险保障金额"), "policy", "year"),
    ("premium_fen", QT_TRANSLATE_NOOP("pages.dashboard", "保费"), "policy", "year"),
    ("subsidy_approved_fen", QT_TRANSLATE_NOOP("pages.dashboard", "核定补贴"), "subsidy", "year"),
    ("subsidy_paid_fen", QT_TRANSLATE_NOOP("pages.dashboard", "已拨付补贴"), "subsidy", "year"),
    ("claims_paid_fen", QT_TRANSLATE_NOOP("pages.dashboard", "已赔付金额"), "claim", "policy_year"),
    ("loss_ratio_bp", QT_TRANSLATE_NOOP("pages.dashboard", "赔付率"), "claim", "policy_year"),
)


def _load(store: Any, year: int | None) -> dict[str, Any]:
    from ledger import stats

    return {
        "years": registers.policy_years(store),
        "stats": stats.compute_cached(store, year=year),
        "expiring": {d: registers.expiring_policies(store, d) for d in EXPIRY_WINDOWS},
    }


class DashboardPage(QWidget):
    openRegister = Signal(str, dict, str)
    yearRefresh = Signal(object)  # hook: extra panels (desktop/subsidy) refresh with the page, for the year

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_dashboard")
        self.ops = ops
        self.stats: dict[str, Any] | None = None
        self.year: int | None = None
        self._fill_gen = 0
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        body.setObjectName("dashboardBody")
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(12)

        top = QHBoxLayout()
        heading = QLabel(self.tr("工作台"), body)
        heading.setObjectName("pageHeading")
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("统计年度："), body))
        self.year_combo = QComboBox(body)
        self.year_combo.setObjectName("yearCombo")
        self.year_combo.addItem(self.tr("全部年度"), None)
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        top.addWidget(self.year_combo)
        layout.addLayout(top)

        grid = QGridLayout()
        grid.setSpacing(10)
        self.tiles: dict[str, KpiTile] = {}
        for i, (key, caption, register, year_key) in enumerate(TILES):
            caption = translate("pages.dashboard", caption)
            tile = KpiTile(caption, body)
            tile.setObjectName(f"tile_{key}")
            tile.clicked.connect(
                lambda reg=register, cap=caption, yk=year_key: self._open(reg, cap, yk))
            grid.addWidget(tile, i // 4, i % 4)
            self.tiles[key] = tile
        layout.addLayout(grid)

        charts = QGridLayout()
        charts.setSpacing(10)
        self.year_chart = YearChart(body)
        self.year_chart.barClicked.connect(
            lambda y: self.openRegister.emit("policy", {"year": str(y)}, self.tr("起保年度 {y}").format(y=y)))
        self.type_chart = CategoryChart(self.tr("各类知识产权承保数量（件）"), self.tr("知识产权（件）"), body)
        self.type_chart.barClicked.connect(self._open_ip_type)
        self.product_chart = CategoryChart(self.tr("各险种风险保障金额（万元）"), self.tr("风险保障金额（万元）"), body)
        self.product_chart.barClicked.connect(self._open_product)
        charts.addWidget(self.year_chart, 0, 0, 1, 2)
        charts.addWidget(self.type_chart, 1, 0)
        charts.addWidget(self.product_chart, 1, 1)
        for chart in (self.year_chart, self.type_chart, self.product_chart):
            chart.setMinimumHeight(280)
        layout.addLayout(charts)

        expiry_heading = QLabel(self.tr("即将到期的保单"), body)
        expiry_heading.setObjectName("sectionHeading")
        layout.addWidget(expiry_heading)
        self.expiry_tabs = QTabWidget(body)
        self.expiry_tables: dict[int, QTableWidget] = {}
        for days in EXPIRY_WINDOWS:
            table = QTableWidget(0, 5, self.expiry_tabs)
            table.setHorizontalHeaderLabels([self.tr("保单号"), self.tr("投保企业"), self.tr("险种"), self.tr("终止日期"), self.tr("保险金额（元）")])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().hide()
            table.setAlternatingRowColors(True)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            table.setColumnWidth(0, 160)
            table.setColumnWidth(2, 200)
            table.setColumnWidth(3, 100)
            table.setColumnWidth(4, 150)
            table.setMinimumHeight(220)
            table.doubleClicked.connect(lambda _i, d=days: self._open_expiring(d))
            self.expiry_tabs.addTab(table, self.tr("{days} 天内").format(days=days))
            self.expiry_tables[days] = table
        layout.addWidget(self.expiry_tabs)
        self.message = QLabel("", body)
        self.message.setObjectName("dashboardMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)

    # -- data --------------------------------------------------------------------------------
    def set_ops(self, ops: Ops) -> None:
        self.ops = ops

    def refresh(self) -> None:
        year = self.year
        self.ops.run("dashboard", lambda store: _load(store, year), self._show, self._failed)
        self.yearRefresh.emit(year)

    def _year_changed(self, _index: int) -> None:
        self.year = self.year_combo.currentData()
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(self.tr("统计数据暂不可用：{exc}").format(exc=getattr(exc, 'message', exc)))

    def _show(self, data: dict[str, Any]) -> None:
        self.message.setText("")
        self._set_years(data["years"])
        s = self.stats = data["stats"]
        t = self.tiles
        t["enterprises"].set_value(f"{s['enterprises']:,}", self.tr("家"), self.tr("保单 {policies:,} 份").format(policies=s['policies']))
        t["ip_rights"].set_value(f"{s['ip_rights']:,}", self.tr("件"))
        for key in ("sum_insured_fen", "premium_fen", "subsidy_approved_fen", "subsidy_paid_fen",
                    "claims_paid_fen"):
            value, unit = amount_short(int(s.get(key) or 0))
            t[key].set_value(value, unit, format_yuan(int(s.get(key) or 0), symbol=True))
        t["claims_paid_fen"].note.setText(self.tr("理赔 {get:,} 件").format(get=s.get('claims', 0)))
        bp = s.get("loss_ratio_bp")
        t["loss_ratio_bp"].set_value(format_ratio_bp(bp) if bp is not None else "—", "",
                                     self.tr("已赔付 ÷ 保费"))
        self.year_chart.set_data(s.get("by_year", []))
        self.type_chart.set_data(
            [(r["ip_type"], r["ip_type"], r.get("ip_rights", 0)) for r in s.get("by_ip_type", [])])
        products = sorted(s.get("by_product", []), key=lambda r: -r.get("sum_insured_fen", 0))[:8]
        big = any(r.get("sum_insured_fen", 0) >= 10_000_000_000 for r in products)
        unit, fmt = (self.tr("亿元"), format_yi) if big else (self.tr("万元"), format_wan)
        self.product_chart.chart().setTitle(self.tr("各险种风险保障金额（{unit}）").format(unit=unit))
        self.product_chart.set_data(
            [(r["product_code"], r["product_name"], float(fmt(r.get("sum_insured_fen", 0))))
             for r in products], "%.0f")
        expiring = data["expiring"]
        for days, rows in expiring.items():
            self.expiry_tables[days].setRowCount(len(rows))
            self.expiry_tabs.setTabText(EXPIRY_WINDOWS.index(days), self.tr("{days} 天内（{n}）").format(days=days, n=len(rows)))
        current = EXPIRY_WINDOWS[max(self.expiry_tabs.currentIndex(), 0)]
        order = [current] + [d for d in EXPIRY_WINDOWS if d != current]
        self._fill_gen += 1
        self._fill_expiry_batch(self._fill_gen, [(d, expiring.get(d, [])) for d in order], 0)

    def _set_years(self, years: list[int]) -> None:
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for y in years:
            self.year_combo.addItem(self.tr("{y} 年").format(y=y), y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current), 0))
        self.year_combo.blockSignals(False)

    def _fill_expiry_batch(self, gen: int, lists: list[tuple[int, list[tuple]]], start: int) -> None:
        """Fill EXPIRY_BATCH rows of the first list, then come back on the next event-loop turn."""
        if gen != self._fill_gen or not lists:
            return  # refreshed meanwhile, or done
        days, rows = lists[0]
        end = min(start + EXPIRY_BATCH, len(rows))
        self._fill_expiry(self.expiry_tables[days], rows, start, end)
        if end >= len(rows):
            lists, end = lists[1:], 0
        if lists:
            QTimer.singleShot(0, self, lambda: self._fill_expiry_batch(gen, lists, end))

    def _fill_expiry(self, table: QTableWidget, rows: list[tuple], start: int = 0, end: int | None = None) -> None:
        end = len(rows) if end is None else end
        for r in range(start, end):
            _pid, no, ent, product, day, fen = rows[r]
            cells = [no, ent, product, day, format_yuan(fen, symbol=True)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)

    # -- navigation --------------------------------------------------------------------------
    def _year_filter(self) -> tuple[dict[str, Any], str]:
        return ({"year": str(self.year)}, self.tr("{year} 年").format(year=self.year)) if self.year else ({}, "")

    def _open(self, register: str, caption: str, year_key: str = "year") -> None:
        if not self.year:
            self.openRegister.emit(register, {}, "")
            return
        value = self.year if register == "subsidy" else str(self.year)
        self.openRegister.emit(register, {year_key: value}, self.tr("{caption}：{year} 年").format(caption=caption, year=self.year))

    def _open_ip_type(self, ip_type: str) -> None:
        filters, desc = self._year_filter()
        self.openRegister.emit("ip_right", {**filters, "ip_type": ip_type}, f"{ip_type} {desc}".strip())

    def _open_product(self, code: str) -> None:
        filters, desc = self._year_filter()
        name = next((r["product_name"] for r in (self.stats or {}).get("by_product", [])
                     if r["product_code"] == code), code)
        self.openRegister.emit("policy", {**filters, "product_code": code}, self.tr("险种：{name} {desc}").format(name=name, desc=desc).strip())

    def _open_expiring(self, days: int) -> None:
        self.openRegister.emit("policy", {"expiring": registers.expiring_filter_value(days)},
                               self.tr("{days} 天内到期").format(days=days))
