"""保险机构清单对账: an insurer's policy list against the ledger (``ledger.importing.reconcile``).

Choose the insurer and the file; the list is compared on a worker thread. A list whose columns the
app does not recognise opens the 列对应 dialog (their headers → our fields; remembered per insurer
by the service). Differences are grouped by type with counts; 导出差异清单 writes the workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.importing.column_map_dialog import ColumnMapDialog
from desktop.importing.common import SHEET_FILTER, XLSX_FILTER, Banner, message_of
from desktop.ops import Ops
from ledger.errors import InvalidInput

GROUPS = (
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "不一致"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "仅清单有"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "仅台账有"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "清单重复"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "清单有误"),
)
GROUP_COLOURS = {"不一致": "#a15c00", "仅清单有": "#1d4f8a", "仅台账有": "#6a1b9a", "清单重复": "#5b6475",
                 "清单有误": "#a11d1d"}
COLUMNS = (
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "保单号"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "差异类型"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "项目"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "台账"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "保险机构清单"),
    QT_TRANSLATE_NOOP("importing.reconcile_dialog", "清单位置"),
)
DIR_KEY = "import/lastDir"
Index = QModelIndex | QPersistentModelIndex


class DifferencesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.all: list[Any] = []
        self.rows: list[Any] = []
        self.group = ""

    def set_rows(self, rows: list[Any], group: str = "") -> None:
        self.beginResetModel()
        self.all, self.group = list(rows), group
        self.rows = [d for d in self.all if d.kind == group] if group else self.all
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("importing.reconcile_dialog", COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = (d.policy_no, translate("importing.reconcile_dialog", d.kind), d.item, d.ledger, d.insurer,
                     d.where)[index.column()]
            return value if role == Qt.ItemDataRole.DisplayRole else (str(d) if value else None)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QBrush(QColor(GROUP_COLOURS.get(d.kind, "#1c2433")))
        return None


class ReconcileDialog(QDialog):
    reconciled = Signal(object)  # ReconResult
    failed = Signal(str)

    def __init__(self, ops: Ops, parent: QWidget | None = None, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reconcileDialog")
        self.setWindowTitle(self.tr("保险机构清单对账"))
        self.setSizeGripEnabled(True)
        self.resize(1080, 680)
        self.ops = ops
        self.settings = settings or QSettings()
        self.result: Any = None
        self.column_map: dict[str, str] = {}
        self.running = False
        self.insurer_box = QComboBox(self)
        self.insurer_box.setMinimumWidth(260)
        self.file_edit = QLineEdit(self)
        self.file_edit.setPlaceholderText(self.tr("保险机构提供的保单清单（.xlsx、.xls、.csv）"))
        self.browse_button = QPushButton(self.tr("浏览(&B)…"), self)
        self.map_button = QPushButton(self.tr("列对应(&M)…"), self)
        self.map_button.setToolTip(self.tr("指定清单中各列对应的字段；会为该机构记住"))
        self.run_button = QPushButton(self.tr("开始对账(&R)"), self)
        self.run_button.setDefault(True)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.banner = Banner(self)
        self.groups = QListWidget(self)
        self.groups.setObjectName("reconGroups")
        self.groups.setFixedWidth(170)
        self.groups.setSpacing(2)
        self.model = DifferencesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for col, width in enumerate((176, 72, 72, 190, 300)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton(self.tr("导出差异清单(&E)…"), self)
        self.export_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("关闭"), self)
        self._layout()
        self.insurer_box.currentIndexChanged.connect(lambda _i: self._reset_map())
        self.browse_button.clicked.connect(self.browse)
        self.map_button.clicked.connect(self.edit_mapping)
        self.run_button.clicked.connect(self.start)
        self.groups.currentRowChanged.connect(self._group_changed)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.ops.run("recon:insurers", _insurers, self._fill_insurers, self._failed)

    def _layout(self) -> None:
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        form = QFormLayout()
        for text, field in ((self.tr("保险机构(&I)："), self.insurer_box), (self.tr("清单文件(&F)："), file_row)):
            label = QLabel(text, self)
            if isinstance(field, QWidget):
                label.setBuddy(field)
            else:
                label.setBuddy(self.file_edit)
            form.addRow(label, field)
        actions = QHBoxLayout()
        actions.addWidget(self.map_button)
        actions.addStretch(1)
        actions.addWidget(self.run_button)
        body = QHBoxLayout()
        body.addWidget(self.groups)
        body.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        intro = QLabel(self.tr("把保险机构报送的保单清单与台账逐单核对：两边是否都有、保费、保险金额、保险期间和投保人是否一致。"
                       "共保保单按全额或本机构份额比较均可。对账不改动台账。"), self)
        intro.setWordWrap(True)
        intro.setStyleSheet("color:#5b6475;")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.busy)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

    # -- inputs ------------------------------------------------------------------------------
    def _fill_insurers(self, rows: list[dict[str, Any]]) -> None:
        self.insurer_box.clear()
        for r in rows:
            name = r.get("short_name") or r.get("full_name") or r["code"]
            self.insurer_box.addItem(f"{name}（{r['code']}）", r["code"])
            self.insurer_box.setItemData(self.insurer_box.count() - 1, r.get("full_name") or "",
                                         Qt.ItemDataRole.ToolTipRole)

    def insurer_code(self) -> str:
        return str(self.insurer_box.currentData() or "")

    def insurer_name(self) -> str:
        return self.insurer_box.currentText().split("（")[0]

    def path(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text) if text else None

    def _reset_map(self) -> None:
        self.column_map = {}

    def browse(self) -> None:
        start = str(self.settings.value(DIR_KEY, str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择保险机构的保单清单"), start, translate("importing.common", SHEET_FILTER))
        if path:
            self.file_edit.setText(path)
            self.settings.setValue(DIR_KEY, str(Path(path).parent))

    # -- running -----------------------------------------------------------------------------
    def _set_running(self, on: bool) -> None:
        self.running = on
        self.busy.setVisible(on)
        for w in (self.run_button, self.map_button, self.browse_button, self.insurer_box, self.export_button):
            w.setEnabled(not on)
        if not on:
            self.export_button.setEnabled(self.result is not None)

    def start(self) -> None:
        code, path = self.insurer_code(), self.path()
        if not code or path is None:
            self.banner.show_message(self.tr("请选择保险机构和清单文件。"), "warning")
            return
        if self.running:
            return
        self.banner.show_message(self.tr("正在与{insurer_name}的清单「{name}」对账……").format(insurer_name=self.insurer_name(), name=path.name), "info")
        self._set_running(True)
        mapping = dict(self.column_map)
        from ledger.importing.reconcile import reconcile

        self.ops.run("recon:run", lambda store: reconcile(store, code, path, column_map=mapping or None),
                     self._done, self._run_failed)

    def _done(self, result: Any) -> None:
        self.result = result
        self._set_running(False)
        self.banner.show_message(result.summary(), "ok" if not result.rows else "warning")
        self.groups.clear()
        counts = {g: 0 for g in GROUPS}
        for d in result.rows:
            counts[d.kind] = counts.get(d.kind, 0) + 1
        item = QListWidgetItem(self.tr("全部差异　{n}").format(n=len(result.rows)), self.groups)
        item.setData(Qt.ItemDataRole.UserRole, "")
        for group, n in counts.items():
            item = QListWidgetItem(self.tr("{group}　{n}").format(group=translate("importing.reconcile_dialog", group), n=n), self.groups)
            item.setData(Qt.ItemDataRole.UserRole, group)
            item.setForeground(QBrush(QColor(GROUP_COLOURS.get(group, "#1c2433") if n else "#a0a7b4")))
        self.groups.setCurrentRow(0)
        self.reconciled.emit(result)

    def _group_changed(self, row: int) -> None:
        item = self.groups.item(row)
        group = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        self.model.set_rows(self.result.rows if self.result else [], group or "")

    def _run_failed(self, exc: Exception) -> None:
        self._set_running(False)
        if isinstance(exc, InvalidInput) and any(i.code == "import.no_header" for i in exc.issues):
            self.banner.show_message(exc.message + self.tr("。请指定清单各列对应的字段。"), "warning")
            self.edit_mapping(note=self.tr("程序没有认出这份清单的表头：请指定各列对应的字段。"))
            return
        self._failed(exc)

    def _failed(self, exc: Exception) -> None:
        text = message_of(exc, self.tr("对账"))
        self.banner.show_message(text, "error")
        self.failed.emit(text)

    # -- column mapping ----------------------------------------------------------------------
    def edit_mapping(self, note: str = "") -> None:
        code, path = self.insurer_code(), self.path()
        if not code or path is None:
            self.banner.show_message(self.tr("请先选择保险机构和清单文件。"), "warning")
            return
        self._set_running(True)
        self.ops.run("recon:peek", lambda store: _peek(store, code, path),
                     lambda found: self._ask_mapping(found, note), self._peek_failed)

    def _peek_failed(self, exc: Exception) -> None:
        self._set_running(False)
        self._failed(exc)

    def _ask_mapping(self, found: tuple[Any, dict[str, str]], note: str) -> None:
        self._set_running(False)
        peek, remembered = found
        if not peek.headers:
            self.banner.show_message(self.tr("无法从该文件读出表头：请确认它是保险机构的保单清单。"), "error")
            return
        dialog = ColumnMapDialog(peek.headers, {**remembered, **self.column_map}, insurer=self.insurer_name(),
                                 note=note or self.tr("工作表「{sheet}」第 {header_row} 行的列名。").format(sheet=peek.sheet, header_row=peek.header_row), parent=self)
        self.map_dialog = dialog
        dialog.accepted.connect(lambda: self._mapped(dialog))
        dialog.open()  # window-modal, no nested event loop

    def _mapped(self, dialog: ColumnMapDialog) -> None:
        self.column_map = dialog.mapping()
        self.start()

    # -- export ------------------------------------------------------------------------------
    def export(self) -> None:
        if self.result is None:
            return
        stem = self.path().stem if self.path() else "清单"
        start = Path(str(self.settings.value(DIR_KEY, str(Path.home())))) / f"{stem}-对账差异.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出差异清单"), str(start), translate("importing.common", XLSX_FILTER))
        if not path:
            return
        out = Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")
        result = self.result
        from reports.import_workbooks import write_reconciliation_workbook

        self._set_running(True)
        self.ops.run("recon:export", lambda _store: write_reconciliation_workbook(result, out),
                     self._exported, self._peek_failed)

    def _exported(self, out: Any) -> None:
        self._set_running(False)
        self.banner.show_message(self.tr("已导出差异清单：{out}").format(out=out), "ok")


def _insurers(store: Any) -> list[dict[str, Any]]:
    from ledger.services import lookups

    return lookups.insurers(store)


def _peek(store: Any, code: str, path: Path) -> tuple[Any, dict[str, str]]:
    """Worker thread: the file's header cells and the insurer's remembered column names."""
    from desktop.importing.peek import peek_headers
    from ledger.store import import_sql

    remembered: dict[str, str] = {}
    insurer = import_sql.insurer_by_code(store.conn, code)
    if insurer is not None:
        remembered = import_sql.insurer_column_map(store.conn, insurer["id"])
    return peek_headers(path), remembered
