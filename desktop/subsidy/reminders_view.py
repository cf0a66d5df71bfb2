"""待办 list: ``ledger.services.reminders.reminders(store, as_of=today)`` as a table — kind (coloured
mark), title, detail, due date. Double-click (or Enter) emits ``openRecord(table, record_id)``."""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.subsidy.common import MUTED
from ledger.services.reminders import KIND_LABELS, Reminder, reminders

KIND_COLOURS = {
    "policy_expiring": "#2e6db4", "publicity_ending": "#7a5af8", "awaiting_approval": "#067647",
    "waiting": "#b54708", "advance_unreconciled": "#c11574", "budget_high": "#b42318",
}
# At national scale there are thousands of reminders: the first rows are filled at once, the rest
# in batches on later event-loop turns, so the GUI thread never stalls (issue 3: ≤ 50 ms).
FIRST_ROWS = 50  # rows per event-loop turn: ~50 rows of items take ~15 ms on the GUI thread
BATCH_ROWS = 50


@cache  # one icon per kind, shared by every row (QIcon is implicitly shared)
def kind_icon(kind: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(KIND_COLOURS.get(kind, "#5b6475")))
    p.drawEllipse(1, 1, 12, 12)
    p.end()
    return QIcon(pix)


class RemindersView(QWidget):
    openRecord = Signal(str, int)  # table name (policy, subsidy_application, claim, programme), id

    def __init__(self, ops: Any, parent: QWidget | None = None, *, as_of: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("remindersView")
        self.ops = ops
        self.as_of = as_of
        self.items: list[Reminder] = []
        self._shown: list[Reminder] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        self.heading = QLabel(self.tr("待办"), self)
        self.heading.setObjectName("sectionHeading")
        head.addWidget(self.heading)
        head.addStretch(1)
        head.addWidget(QLabel(self.tr("类型："), self))
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("全部"), None)
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(kind_icon(kind), label, kind)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._fill())
        head.addWidget(self.kind_box)
        layout.addLayout(head)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("remindersTable")
        self.table.setHorizontalHeaderLabels([self.tr("类型"), self.tr("事项"), self.tr("说明"), self.tr("到期日")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 330)
        self.table.setColumnWidth(3, 100)
        self.table.setMinimumHeight(240)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        layout.addWidget(self.table)
        self.note = QLabel(self.tr("双击一条待办打开对应的记录"), self)
        self.note.setStyleSheet(f"color: {MUTED}; font-size: 11px")
        layout.addWidget(self.note)

    def day(self) -> str:
        return self.as_of or date.today().isoformat()

    def refresh(self, *_args: Any) -> None:
        day = self.day()
        self.ops.run(f"reminders:{id(self)}", lambda store: reminders(store, as_of=day), self.set_items)

    def set_items(self, items: list[Reminder]) -> None:
        self.items = list(items)
        counts: dict[str, int] = {}
        for r in self.items:
            counts[r.kind] = counts.get(r.kind, 0) + 1
        for i in range(1, self.kind_box.count()):
            kind = self.kind_box.itemData(i)
            self.kind_box.setItemText(i, self.tr("{label}（{n}）").format(label=KIND_LABELS[kind], n=counts.get(kind, 0)))
        self.heading.setText(self.tr("待办（{n:,}）").format(n=len(self.items)))
        self._fill()

    def _fill(self) -> None:
        kind = self.kind_box.currentData()
        shown = [r for r in self.items if kind is None or r.kind == kind]
        self._shown = shown
        self._fill_gen = getattr(self, "_fill_gen", 0) + 1
        self.table.setRowCount(len(shown))
        self._fill_rows(self._fill_gen, 0, FIRST_ROWS)

    def _fill_rows(self, gen: int, start: int, count: int) -> None:
        if gen != self._fill_gen:
            return  # refilled meanwhile
        shown, today = self._shown, self.day()
        end = min(start + count, len(shown))
        for row in range(start, end):
            r = shown[row]
            first = QTableWidgetItem(kind_icon(r.kind), r.label)
            first.setForeground(QColor(KIND_COLOURS.get(r.kind, "#1c2433")))
            cells = [first, QTableWidgetItem(r.title), QTableWidgetItem(r.detail),
                     QTableWidgetItem(r.due_date or "—")]
            cells[2].setToolTip(r.detail)
            cells[1].setToolTip(r.title)
            if r.due_date and r.due_date < today:
                cells[3].setForeground(QColor("#b42318"))
            cells[3].setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            for c, item in enumerate(cells):
                self.table.setItem(row, c, item)
        if end < len(shown):
            # a 1 ms timer, not 0 ms: 0 ms single shots are posted events, which run back to back
            # with the paint they cause; a timer lets input and other timers take turns
            QTimer.singleShot(1, self, lambda: self._fill_rows(gen, end, BATCH_ROWS))

    def shown(self) -> list[Reminder]:
        return list(self._shown)

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self._shown):
            r = self._shown[row]
            self.openRecord.emit(r.table, r.record_id)
