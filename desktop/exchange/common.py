"""Small pieces shared by the exchange dialogs: labels, counts tables, the busy page."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.importing.common import Banner, message_of
from desktop.jobs import Job
from ledger import security
from ledger.errors import LedgerError
from ledger.exchange.merge import TABLE_LABELS as RECORD_TABLE_LABELS
from ledger.services.audit_view import NAME_FIELDS
from ledger.services.audit_view import TABLE_LABELS as ALL_TABLE_LABELS

__all__ = ["Banner", "message_of"]
PERMISSION = "exchange.manage"
PRIMARY_STYLE = ('QPushButton[primary="true"]:enabled { background: #2f6fb3; color: #ffffff; '
                 'border-color: #2a5f98; }\nQPushButton[primary="true"]:enabled:hover { background: #3b7cc2; }')


def ipx_filter() -> str:
    return QCoreApplication.translate("ExchangeDialog", "数据交换包 (*.ipx);;所有文件 (*)")


def key_filter() -> str:
    return QCoreApplication.translate("ExchangeDialog", "办公室公钥文件 (*.json *.pub);;所有文件 (*)")


def table_label(name: str) -> str:
    """Chinese name of an exchanged table or link table (data labels from the ledger)."""
    return RECORD_TABLE_LABELS.get(name) or ALL_TABLE_LABELS.get(name, name)


def count_kinds() -> list[tuple[str, str]]:
    """The per-table outcome columns of an import, in display order."""
    # spelled out: pyside6-lupdate extracts only literal QCoreApplication.translate(...) calls
    return [("inserted", QCoreApplication.translate("ExchangeDialog", "新增")), ("updated", QCoreApplication.translate("ExchangeDialog", "更新")),
            ("unchanged", QCoreApplication.translate("ExchangeDialog", "未变")), ("deleted", QCoreApplication.translate("ExchangeDialog", "删除")),
            ("already_absent", QCoreApplication.translate("ExchangeDialog", "已不存在")), ("aliased", QCoreApplication.translate("ExchangeDialog", "按编号合并")),
            ("conflicts", QCoreApplication.translate("ExchangeDialog", "冲突"))]


def human_size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1 << 20:
        return f"{n / 1024:,.1f} KB"
    return f"{n / (1 << 20):,.1f} MB"


def when(text: str | None) -> str:
    return (text or "").replace("T", " ")


def refusal(store: Any, action: str = PERMISSION) -> str:
    """The service's own refusal message for ``action`` (empty when allowed)."""
    try:
        security.require(store, action)
    except LedgerError as exc:
        return exc.message
    return ""


def record_title(local: dict | None, incoming: dict | None, uuid: str) -> str:
    """A record's name for people (name / number fields of either side), with a short uuid."""
    for side in (local, incoming):
        rec = (side or {}).get("record") or {}
        for key in NAME_FIELDS:
            if rec.get(key):
                return f"{rec[key]}（{uuid[:8]}）"
    return uuid


def open_folder(path: str | Path) -> bool:
    target = Path(path)
    folder = target if target.is_dir() else target.parent
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def make_table(headers: list[str], parent: QWidget | None = None, *, stretch: int = -1) -> QTableWidget:
    """A read-only table; column ``stretch`` takes the spare width (-1: the last one)."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch < 0 or stretch == len(headers) - 1:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: list[list[Any]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else (f"{value:,}" if isinstance(value, int) else str(value)))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


class BusyPage(QWidget):
    """“正在…” with an indeterminate bar and the elapsed seconds (the ledger reports no fraction)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.elapsed = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.elapsed)
        layout.addStretch(2)
        self._started = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._tick)

    def start(self, text: str) -> None:
        self.label.setText(text)
        self._started = time.monotonic()
        self._tick()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.elapsed.setText(self.tr("已用时 {0} 秒").format(int(time.monotonic() - self._started)))


class JobDialog(QDialog):
    """A dialog of three steps in a stack — a first page, a busy page while the background job
    runs, a result page — shared by the export and import dialogs."""

    def _build_steps(self, window: Any, title: str, size: tuple[int, int], job_key: str,
                     first: QWidget, result: QWidget) -> None:
        self.window = window
        self.setWindowTitle(title)
        self.setStyleSheet(PRIMARY_STYLE)
        self.resize(*size)
        self.job = Job(window.ops, job_key, self)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(first)
        self.busy = BusyPage(self)
        self.pages.addWidget(self.busy)
        self.pages.addWidget(result)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
