"""工作台: KPI tiles for a year, the white paper's charts, and policies about to expire.

Every figure comes from ``ledger.stats.compute`` (the single source of statistics); the expiry
lists from ``ledger.store.registers.expiring_policies``. Tiles and bars open filtered registers
through ``openRegister(register_key, filters, description)``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models.expiry_model import ExpiryModel
from desktop.models.formatting import amount_short
from desktop.ops import Ops
from desktop.widgets.kpi_tile import KpiTile
from ledger.money import format_ratio_bp, format_wan, format_yi, format_yuan
from ledger.store import registers

EXPIRY_WINDOWS = (30, 60, 90)
CHART_HEIGHT = 280
EXPIRY_HEIGHT = 260
# The page shows its data in steps, one per event-loop turn, so that no callback holds the GUI
# thread for long (issue 3: <= 50 ms): the KPI tiles and the year list first (the figures the
# clerk came for), then each chart, then the expiry lists. A section's widget is made in its first
# step (QtCharts is imported then, not with the page), into space the layout kept free for it, so
# showing it re-lays out and repaints only its own rectangle.
SECTIONS = ("year_chart", "type_chart", "product_chart", "expiry")
STEPS = ("charts", *SECTIONS)  # "charts": QtCharts is imported in a turn of its own
STEP_MS = 1
# Attributes made with their section: asking for one before then builds every section at once.
_SECTION_ATTRIBUTES = {"year_chart", "type_chart", "product_chart", "expiry_tabs", "expiry_views",
                       "expiry_models"}

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
        "expiring_counts": registers.expiring_counts(store, EXPIRY_WINDOWS),
    }


class DashboardPage(QWidget):
    openRegister = Signal(str, dict, str)
    yearRefresh = Signal(object)  # hook: extra panels (desktop/subsidy) refresh after the page, for the year
    filled = Signal()  # every section shows the data of the last refresh (charts, expiry lists)

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_dashboard")
        self.ops = ops
        self.stats: dict[str, Any] | None = None
        self.year: int | None = None
        self._data: dict[str, Any] | None = None
        self._fill_gen = 0
        self._pending = ["charts", *SECTIONS]  # sections whose widgets are not made yet
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = self._body = QWidget()
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

        self._charts = QGridLayout()  # the charts come in later turns, into rows kept this high
        self._charts.setSpacing(10)
        self._charts.setColumnStretch(0, 1)
        self._charts.setColumnStretch(1, 1)
        for row in (0, 1):
            self._charts.setRowMinimumHeight(row, CHART_HEIGHT)
        layout.addLayout(self._charts)

        expiry_heading = QLabel(self.tr("即将到期的保单"), body)
        expiry_heading.setObjectName("sectionHeading")
        layout.addWidget(expiry_heading)
        self._expiry_box = QVBoxLayout()
        self._expiry_slot = QWidget(body)  # keeps the lists' place until they are made
        self._expiry_slot.setMinimumHeight(EXPIRY_HEIGHT)
        self._expiry_box.addWidget(self._expiry_slot)
        layout.addLayout(self._expiry_box)
        self.message = QLabel("", body)
        self.message.setObjectName("dashboardMessage")
        layout.addWidget(self.message)
        layout.addStretch(1)

    def __getattr__(self, name: str) -> Any:
        if name in _SECTION_ATTRIBUTES and self.__dict__.get("_pending"):
            self.build_sections()
            return self.__dict__[name]
        raise AttributeError(name)

    # -- sections (built on the first data, one per turn) -----------------------------------
    def build_sections(self) -> None:
        """Make every section not made yet, now (tests and screenshots ask for the widgets)."""
        while self._pending:
            self._build(self._pending[0])

    def _build(self, section: str) -> None:
        self._pending.remove(section)
        body = self._body
        if section == "charts":
            import desktop.widgets.charts  # noqa: F401 — QtCharts, ~10 ms: its own turn
        elif section == "year_chart":
            from desktop.widgets.charts import YearChart

            self.year_chart = YearChart(body)
            self.year_chart.barClicked.connect(
                lambda y: self.openRegister.emit("policy", {"year": str(y)}, self.tr("起保年度 {y}").format(y=y)))
            self._place_chart(self.year_chart, 0, 0, 2)
        elif section == "type_chart":
            from desktop.widgets.charts import CategoryChart

            self.type_chart = CategoryChart(self.tr("各类知识产权承保数量（件）"), self.tr("知识产权（件）"), body)
            self.type_chart.barClicked.connect(self._open_ip_type)
            self._place_chart(self.type_chart, 1, 0)
        elif section == "product_chart":
            from desktop.widgets.charts import CategoryChart

            self.product_chart = CategoryChart(self.tr("各险种风险保障金额（万元）"), self.tr("风险保障金额（万元）"), body)
            self.product_chart.barClicked.connect(self._open_product)
            self._place_chart(self.product_chart, 1, 1)
        elif section == "expiry":
            self._build_expiry()

    def _place_chart(self, chart: QWidget, row: int, column: int, span: int = 1) -> None:
        chart.setMinimumHeight(CHART_HEIGHT)
        self._charts.addWidget(chart, row, column, 1, span)

    def _build_expiry(self) -> None:
        self.expiry_tabs = QTabWidget(self._body)
        self.expiry_views: dict[int, QTableView] = {}
        self.expiry_models: dict[int, ExpiryModel] = {}
        for days in EXPIRY_WINDOWS:
            model = ExpiryModel(self)
            view = QTableView(self.expiry_tabs)
            view.setModel(model)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.verticalHeader().hide()
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
            view.setAlternatingRowColors(True)
            view.setWordWrap(False)
            view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            view.setColumnWidth(0, 160)
            view.setColumnWidth(2, 200)
            view.setColumnWidth(3, 100)
            view.setColumnWidth(4, 150)
            view.setMinimumHeight(220)
            view.doubleClicked.connect(lambda _i, d=days: self._open_expiring(d))
            self.expiry_tabs.addTab(view, self.tr("{days} 天内").format(days=days))
            self.expiry_views[days] = view
            self.expiry_models[days] = model
        self.expiry_tabs.setMinimumHeight(EXPIRY_HEIGHT)
        self._expiry_box.replaceWidget(self._expiry_slot, self.expiry_tabs)
        self._expiry_slot.deleteLater()

    # -- data --------------------------------------------------------------------------------
    def set_ops(self, ops: Ops) -> None:
        self.ops = ops

    def refresh(self) -> None:
        year = self.year
        # the extra panels (yearRefresh) load once this page has shown its own data: their queries
        # and rows would otherwise compete with the tiles and charts for the worker threads and the GIL
        self.ops.run("dashboard", lambda store: _load(store, year), self._show, self._failed)

    def _year_changed(self, _index: int) -> None:
        self.year = self.year_combo.currentData()
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(self.tr("统计数据暂不可用：{exc}").format(exc=getattr(exc, 'message', exc)))
        self._start_steps(None)

    def _show(self, data: dict[str, Any]) -> None:
        """Tiles and years now; charts and expiry lists on the following turns (:meth:`_step`)."""
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
        self._start_steps(data)

    def _start_steps(self, data: dict[str, Any] | None) -> None:
        self._data = data
        self._fill_gen += 1
        self._next_step(self._fill_gen, 0)

    def _next_step(self, gen: int, index: int) -> None:
        # A real (1 ms) timer, not a 0 ms one: Qt runs 0 ms single shots as posted events, and the
        # posted events of a turn (ours, then the chart's scene and layout updates they cause)
        # run back to back; timers and input wait for the whole chain. Timers take turns.
        QTimer.singleShot(STEP_MS, self, lambda: self._step(gen, index))

    def _step(self, gen: int, index: int) -> None:
        """Step ``index`` of :data:`STEPS`: make a section's widget, or give a section the data."""
        if gen != self._fill_gen:
            return  # refreshed meanwhile: the newer data has its own steps
        section = STEPS[index]
        if section in self._pending:
            self._build(section)  # its data in the next step: making and filling are two turns
            self._next_step(gen, index)
            return
        if self._data is not None and section != "charts":
            getattr(self, f"_fill_{section}")(self._data)
        if index + 1 < len(STEPS):
            self._next_step(gen, index + 1)
        else:
            self.filled.emit()
            self.yearRefresh.emit(self.year)

    def _fill_year_chart(self, data: dict[str, Any]) -> None:
        self.year_chart.set_data(data["stats"].get("by_year", []))

    def _fill_type_chart(self, data: dict[str, Any]) -> None:
        self.type_chart.set_data(
            [(r["ip_type"], r["ip_type"], r.get("ip_rights", 0)) for r in data["stats"].get("by_ip_type", [])])

    def _fill_product_chart(self, data: dict[str, Any]) -> None:
        products = sorted(data["stats"].get("by_product", []), key=lambda r: -r.get("sum_insured_fen", 0))[:8]
        big = any(r.get("sum_insured_fen", 0) >= 10_000_000_000 for r in products)
        unit, fmt = (self.tr("亿元"), format_yi) if big else (self.tr("万元"), format_wan)
        self.product_chart.chart().setTitle(self.tr("各险种风险保障金额（{unit}）").format(unit=unit))
        self.product_chart.set_data(
            [(r["product_code"], r["product_name"], float(fmt(r.get("sum_insured_fen", 0))))
             for r in products], "%.0f")

    def _fill_expiry(self, data: dict[str, Any]) -> None:
        for days, rows in data["expiring"].items():
            self.expiry_models[days].set_rows(rows)
            total = data["expiring_counts"][days]  # the list shows the first 200 of them
            self.expiry_tabs.setTabText(EXPIRY_WINDOWS.index(days), self.tr("{days} 天内（{n}）").format(days=days, n=f"{total:,}"))

    def _set_years(self, years: list[int]) -> None:
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        while self.year_combo.count() > 1:
            self.year_combo.removeItem(1)
        for y in years:
            self.year_combo.addItem(self.tr("{y} 年").format(y=y), y)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(current), 0))
        self.year_combo.blockSignals(False)

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
