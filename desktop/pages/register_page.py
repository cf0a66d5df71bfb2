"""One register page: filter bar, lazy table (SQL sort/filter/search), detail pane, count line."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import register_text
from desktop.models.formatting import display
from desktop.models.register_model import RegisterModel, ops_runner
from desktop.ops import Ops
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.linked_detail import LinkedDetailPane
from ledger.store import registers
from ledger.store.registers import RegisterSpec

CHOICES_DELAY_MS = 50  # after the first page of rows: the filter choices (see RegisterPage._rows_loaded)


class RegisterPage(QWidget):
    countChanged = Signal(str)  # "共 N 条"
    newRecordRequested = Signal(str)  # register key — the forms hook in here

    def __init__(self, spec: RegisterSpec, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.ops = ops
        self.setObjectName(f"page_{spec.key}")
        self.model = RegisterModel(spec, None, self)
        self.filter_bar = FilterBar(spec, self)
        self.table = QTableView(self)
        self.table.setObjectName(f"table_{spec.key}")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(
            self.model.sort_column(),
            Qt.SortOrder.DescendingOrder if self.model.descending else Qt.SortOrder.AscendingOrder,
        )  # before enabling sorting, which sorts by the indicator
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Painting the first screen of rows (~150 cells) within one frame of the query's answer:
        # Han, Latin and digits need no complex shaping, so the cells skip HarfBuzz (about a quarter
        # of the paint; scripts that do need shaping are still shaped). Rows are one fixed height,
        # and the vertical scroll bar stays put, so a re-query (the table empties, then fills) does
        # not re-layout the viewport and make the stretched last column jump.
        font = QFont()  # only the style strategy is set: family and size still follow the application
        font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        self.table.setFont(font)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(28)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        metrics = header.fontMetrics()
        # the widest date in the office's 日期格式 (2024年12月28日 needs more than 2024-12-28)
        date_width = self.table.fontMetrics().horizontalAdvance(display("date", "2024-12-28")) + 20
        for i, col in enumerate(spec.columns):
            width = max(col.width, metrics.horizontalAdvance(register_text(col.header)) + 34)
            self.table.setColumnWidth(i, max(width, date_width) if col.kind == "date" else width)
        self.detail = LinkedDetailPane(spec.key, self)  # links → desktop/navigation.py
        self.detail.setMinimumWidth(260)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([980, 300])
        self.splitter = splitter
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("countLabel")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.filter_bar.search, self.table)
        self.setTabOrder(self.table, self.detail)
        self.filter_bar.changed.connect(self._apply)
        self.model.totalChanged.connect(self._on_total)
        self.model.loaded.connect(self._rows_loaded)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.model.modelReset.connect(self.detail.show_empty)
        self._loaded = False
        self._choices_due = False

    # -- data --------------------------------------------------------------------------------
    def set_ops(self, ops: Ops) -> None:
        self.ops = ops
        self._loaded = False

    def ensure_loaded(self) -> None:
        """Load on first show (pages that are never opened cost nothing)."""
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self._choices_due = True  # asked for once the rows are in (see _rows_loaded)
        self.model.runner = ops_runner(self.ops)
        self.model.set_query(filters=self.filter_bar.values(), search=self.filter_bar.text())

    def _rows_loaded(self) -> None:
        """The first page is in: now the filter bar's choices. They sort names by pinyin (Python
        on the worker, and pypinyin's import the first time), which would hold the GIL against
        the first page's query and paint; a short timer lets the rows paint first."""
        if self._choices_due:
            self._choices_due = False
            QTimer.singleShot(CHOICES_DELAY_MS, self._load_choices)

    def _load_choices(self) -> None:
        spec = self.spec
        self.ops.run(f"choices:{spec.key}", lambda store: registers.filter_choices(store, spec),
                     self.filter_bar.set_choices)

    def _apply(self) -> None:
        if self.model.runner is None:
            self.model.runner = ops_runner(self.ops)
            self._loaded = True
        self.model.set_query(filters=self.filter_bar.values(), search=self.filter_bar.text())

    def open_filtered(self, filters: dict[str, Any], description: str = "") -> None:
        if not self._loaded:
            self.refresh()
        self.filter_bar.set_values(filters, description=description)

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def request_new_record(self) -> None:
        self.newRecordRequested.emit(self.spec.key)

    def count_text(self) -> str:
        return self.count_label.text()

    def _on_total(self, total: int) -> None:
        text = self.tr("正在查询…") if total < 0 else self.tr("共 {total:,} 条").format(total=total)
        if total >= 0 and (self.model.filters or self.model.search):
            text += self.tr("（已筛选）")
        self.count_label.setText(text)
        self.countChanged.emit(text)

    # -- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_id(r) for r in rows]

    def _on_selection(self, *_args) -> None:
        ids = self.selected_ids()
        if not ids:
            self.detail.show_empty()
            return
        if len(ids) > 1:
            self.detail.show_many(len(ids))
            return
        spec, row_id = self.spec, ids[0]
        self.ops.run(f"detail:{spec.key}", lambda store: registers.detail(store, spec, row_id),
                     lambda d: self.detail.show_detail(self.tr("{title}详情").format(title=register_text(spec.title)), d))

    # -- persistence -------------------------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue(f"registers/{self.spec.key}/header", self.table.horizontalHeader().saveState())
        settings.setValue(f"registers/{self.spec.key}/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        header = settings.value(f"registers/{self.spec.key}/header")
        if isinstance(header, QByteArray) and not header.isEmpty():
            self.table.horizontalHeader().restoreState(header)
            section = self.table.horizontalHeader().sortIndicatorSection()
            order = self.table.horizontalHeader().sortIndicatorOrder()
            if 0 <= section < len(self.spec.columns) and self.spec.columns[section].sortable:
                self.model.order_by = self.spec.columns[section].key
                self.model.descending = order == Qt.SortOrder.DescendingOrder
        splitter = settings.value(f"registers/{self.spec.key}/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
