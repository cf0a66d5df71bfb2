"""审计日志 viewer: filters (record, user, table, operation, dates), lazy table, old/new detail,
xlsx export in the background, hash-chain check. Queries: ledger.services.audit_view."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import translate
from desktop.jobs import Job
from desktop.models.audit_model import COLUMNS, AuditModel
from desktop.models.register_model import ops_runner
from desktop.ops import Ops
from desktop.pages.reports_page import error_text
from ledger.services.audit_view import AuditEntry, AuditFilter

NO_DATE = QDate(2000, 1, 1)
CHANGED = QBrush(QColor("#fff4d6"))


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(translate("pages.audit_page", "不限"))
    edit.setDate(NO_DATE)
    edit.setFixedWidth(130)
    return edit


def _combo(parent: QWidget, everything: str) -> QComboBox:
    box = QComboBox(parent)
    box.addItem(everything, "")
    box.setMinimumWidth(130)
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return box


def export_audit(store: Any, flt: AuditFilter, path: str, progress, cancel) -> tuple[str, int]:
    """Worker body: the filtered log → xlsx (audited as an EXPORT)."""
    from ledger.services import audit_view
    from reports.audit_workbook import build_audit_workbook

    total = audit_view.count(store, flt)
    out, rows = build_audit_workbook(audit_view.export_sheet(store, flt), path, total_rows=total,
                                     progress=progress, cancel=cancel)
    audit_view.record_export(store, str(out), flt, rows)
    return str(out), rows


class AuditPage(QWidget):
    exported = Signal(str, int)
    exportFailed = Signal(str)
    checked = Signal(bool)

    def __init__(self, ops: Ops, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_audit")
        self.ops = ops
        self.settings = settings or QSettings()
        self.record_uuids: tuple[str, ...] = ()
        self.model = AuditModel(None, self)
        self.job = Job(ops, "audit:export", self)
        self._loaded = False
        self._build_filters()
        self._build_body()
        self.model.totalChanged.connect(self._on_total)
        self.model.failed.connect(lambda msg: self._status(msg, error=True))
        self.model.modelReset.connect(self._clear_detail)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_entry(cur.row()))
        self.job.progressed.connect(self.progress.setValue)
        self.job.finished.connect(self._on_exported)
        self.job.failed.connect(self._on_export_failed)

    # -- construction ------------------------------------------------------------------------
    def _build_filters(self) -> None:
        self.record_edit = QLineEdit(self)
        self.record_edit.setPlaceholderText(self.tr("记录 UUID 或其开头"))
        self.record_edit.setClearButtonEnabled(True)
        self.selection_label = QLabel("", self)
        self.selection_label.setObjectName("selectionChip")
        self.clear_selection_button = QToolButton(self)
        self.clear_selection_button.setText("✕")
        self.clear_selection_button.setToolTip(self.tr("不再只看所选记录"))
        self.actor_box = _combo(self, self.tr("全部用户"))
        self.table_box = _combo(self, self.tr("全部数据表"))
        self.op_box = _combo(self, self.tr("全部操作"))
        self.date_from = _date_edit(self)
        self.date_to = _date_edit(self)
        self.search_button = QPushButton(self.tr("查询"), self)
        self.reset_button = QPushButton(self.tr("重置"), self)
        self.export_button = QPushButton(self.tr("导出 Excel…"), self)
        self.check_button = QPushButton(self.tr("校验哈希链"), self)
        row1 = QHBoxLayout()
        row1.setSpacing(8)
        row1.addWidget(QLabel(self.tr("记录"), self))
        row1.addWidget(self.record_edit, 1)
        row1.addWidget(self.selection_label)
        row1.addWidget(self.clear_selection_button)
        row1.addSpacing(12)
        row1.addWidget(QLabel(self.tr("用户"), self))
        row1.addWidget(self.actor_box)
        row1.addWidget(QLabel(self.tr("数据表"), self))
        row1.addWidget(self.table_box)
        row2 = QHBoxLayout()
        row2.setSpacing(8)
        row2.addWidget(QLabel(self.tr("日期"), self))
        row2.addWidget(self.date_from)
        row2.addWidget(QLabel(self.tr("至"), self))
        row2.addWidget(self.date_to)
        row2.addSpacing(12)
        row2.addWidget(QLabel(self.tr("操作"), self))
        row2.addWidget(self.op_box)
        row2.addWidget(self.search_button)
        row2.addWidget(self.reset_button)
        row2.addStretch(1)
        row2.addWidget(self.export_button)
        row2.addWidget(self.check_button)
        grid = QVBoxLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(row1)
        grid.addLayout(row2)
        self.filter_grid = grid
        self._show_selection()
        self.record_edit.returnPressed.connect(self.apply_filters)
        self.search_button.clicked.connect(self.apply_filters)
        self.reset_button.clicked.connect(self.reset_filters)
        self.clear_selection_button.clicked.connect(lambda: self.show_records((), ""))
        for box in (self.actor_box, self.table_box, self.op_box):
            box.currentIndexChanged.connect(self.apply_filters)
        for edit in (self.date_from, self.date_to):
            edit.editingFinished.connect(self.apply_filters)
        self.export_button.clicked.connect(self.export)
        self.check_button.clicked.connect(self.check_chain)

    def _build_body(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        for i, (_title, width) in enumerate(COLUMNS):
            self.table.setColumnWidth(i, width)
        self.detail_heading = QLabel("", self)
        self.detail_heading.setWordWrap(True)
        self.detail_heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_table = QTableWidget(0, 3, self)
        self.detail_table.setHorizontalHeaderLabels([self.tr("字段"), self.tr("原值"), self.tr("新值")])
        self.detail_table.verticalHeader().hide()
        self.detail_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.detail_table.setWordWrap(True)
        dh = self.detail_table.horizontalHeader()
        dh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        dh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        detail = QWidget(self)
        dv = QVBoxLayout(detail)
        dv.setContentsMargins(6, 6, 6, 6)
        dv.addWidget(self.detail_heading)
        dv.addWidget(self.detail_table, 1)
        self.check_output = QPlainTextEdit(self)
        self.check_output.setReadOnly(True)
        self.check_output.setPlaceholderText(self.tr("点击“校验哈希链”检查数据库完整性、外键、业务规则与审计日志哈希链。"))
        self.side_tabs = QTabWidget(self)
        self.side_tabs.addTab(detail, self.tr("记录详情"))
        self.side_tabs.addTab(self.check_output, self.tr("完整性校验"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.table)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 520])
        self.side_tabs.setMinimumWidth(340)
        self.splitter = splitter
        self.count_label = QLabel("", self)
        self.count_label.setObjectName("countLabel")
        self.status_label = QLabel("", self)
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(220)
        self.cancel_button = QPushButton(self.tr("取消"), self)
        self.cancel_button.clicked.connect(self.job.cancel)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addSpacing(16)
        bottom.addWidget(self.status_label, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        self._exporting(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addLayout(self.filter_grid)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    # -- data --------------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def store_changed(self) -> None:
        self.job.abandon()
        self._exporting(False)
        self._loaded = False
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        from ledger.services import audit_view

        self.ops.run("audit:choices", audit_view.choices, self._set_choices)
        self.model.runner = ops_runner(self.ops)
        self.apply_filters()

    def _set_choices(self, choices: dict[str, list[tuple[str, str]]]) -> None:
        for box, key in ((self.actor_box, "actors"), (self.table_box, "tables"), (self.op_box, "ops")):
            current = box.currentData()
            box.blockSignals(True)
            del_items = box.count() - 1
            for _ in range(del_items):
                box.removeItem(1)
            for value, label in choices[key]:
                box.addItem(label, value)
            box.setCurrentIndex(max(0, box.findData(current)))
            box.blockSignals(False)

    def current_filter(self) -> AuditFilter:
        def day(edit: QDateEdit) -> str | None:
            d = edit.date()
            return None if d == NO_DATE else d.toString("yyyy-MM-dd")

        return AuditFilter(record=self.record_edit.text().strip(), record_uuids=self.record_uuids,
                           actor=self.actor_box.currentData() or "", table=self.table_box.currentData() or "",
                           op=self.op_box.currentData() or "", date_from=day(self.date_from),
                           date_to=day(self.date_to))

    def apply_filters(self) -> None:
        if self.model.runner is None:
            return
        self._status("")
        self.model.set_filter(self.current_filter())

    def reset_filters(self) -> None:
        for w in (self.actor_box, self.table_box, self.op_box, self.record_edit, self.date_from, self.date_to):
            w.blockSignals(True)
        self.actor_box.setCurrentIndex(0)
        self.table_box.setCurrentIndex(0)
        self.op_box.setCurrentIndex(0)
        self.record_edit.clear()
        self.date_from.setDate(NO_DATE)
        self.date_to.setDate(NO_DATE)
        for w in (self.actor_box, self.table_box, self.op_box, self.record_edit, self.date_from, self.date_to):
            w.blockSignals(False)
        self.show_records((), "")

    def set_dates(self, start: date | None, end: date | None) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day) if start else NO_DATE)
        self.date_to.setDate(QDate(end.year, end.month, end.day) if end else NO_DATE)
        self.apply_filters()

    def show_records(self, uuids: tuple[str, ...] | list[str], description: str) -> None:
        """Only the rows of these records (picked in a register); () shows all again."""
        self.record_uuids = tuple(uuids)
        self._selection_text = description
        self._show_selection()
        self.apply_filters()

    def _show_selection(self) -> None:
        active = bool(self.record_uuids)
        self.selection_label.setText(self.tr("所选记录：{selection}").format(selection=getattr(self, '_selection_text', '')) if active else "")
        self.selection_label.setVisible(active)
        self.clear_selection_button.setVisible(active)

    def _on_total(self, total: int) -> None:
        self.count_label.setText(self.tr("正在查询…") if total < 0 else self.tr("共 {total:,} 条").format(total=total))

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b3261e;" if error else "color: #4a5468;")
        self.status_label.setText(text)

    # -- detail ------------------------------------------------------------------------------
    def _clear_detail(self) -> None:
        self.detail_heading.setText(self.tr("选择一条审计记录查看原值与新值。"))
        self.detail_table.setRowCount(0)

    def _show_entry(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self._clear_detail()
            return
        self.show_entry(self.model.entry(row))

    def show_entry(self, e: AuditEntry) -> None:
        self.detail_heading.setText(
            self.tr("<b>第 {seq} 条 · {op_label} · {table_label}</b><br>{time_text}　用户：{actor}<br><span style='color:#5b6475'>记录 UUID：{record_uuid}</span>").format(seq=e.seq, op_label=e.op_label, table_label=e.table_label, time_text=e.time_text, actor=e.actor, record_uuid=e.record_uuid or '—'))
        changes = e.changes()
        self.detail_table.setRowCount(len(changes))
        bold = QFont(self.detail_table.font())
        bold.setBold(True)
        for r, (label, old, new, changed) in enumerate(changes):
            for c, text in enumerate((label, old, new)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if changed and e.op == "UPDATE":
                    item.setBackground(CHANGED)
                    if c == 0:
                        item.setFont(bold)
                self.detail_table.setItem(r, c, item)
        self.detail_table.resizeRowsToContents()
        self.side_tabs.setCurrentIndex(0)

    # -- export / check ----------------------------------------------------------------------
    def export(self) -> None:
        if self.job.running():
            return
        saved = self.settings.value("reports/lastDir")
        folder = str(saved) if saved and Path(str(saved)).is_dir() else (
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home()))
        start = str(Path(folder) / f"审计日志-{date.today():%Y%m%d}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出审计日志"), start, self.tr("Excel 工作簿 (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self.settings.setValue("reports/lastDir", str(Path(path).parent))
        self.export_to(path)

    def export_to(self, path: str) -> None:
        flt = self.current_filter()
        self._exporting(True)
        self._status(self.tr("正在导出审计日志…"))
        self.job.start(lambda store, progress, cancel: export_audit(store, flt, path, progress, cancel))

    def _exporting(self, running: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.export_button.setEnabled(not running)

    def _on_exported(self, result: tuple[str, int]) -> None:
        self._exporting(False)
        path, rows = result
        self._status(self.tr("已导出 {rows:,} 条审计记录：{path}").format(rows=rows, path=path))
        self.exported.emit(path, rows)

    def _on_export_failed(self, exc: Exception) -> None:
        self._exporting(False)
        message = error_text(exc)
        self._status(message, error=True)
        self.exportFailed.emit(message)

    def check_chain(self) -> None:
        from ledger.services import audit_view

        self.check_button.setEnabled(False)
        self.side_tabs.setCurrentIndex(1)
        self.check_output.setPlainText(self.tr("正在校验，请稍候…"))

        def done(result: tuple[bool, list[str]]) -> None:
            ok, lines = result
            self.check_button.setEnabled(True)
            self.check_output.setPlainText("\n".join(lines))
            self.checked.emit(ok)

        def failed(exc: Exception) -> None:
            self.check_button.setEnabled(True)
            self.check_output.setPlainText(error_text(exc))

        self.ops.run("audit:check", audit_view.check_chain, done, failed)
