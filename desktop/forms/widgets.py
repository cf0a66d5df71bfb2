"""Input widgets of the record forms: capped text, amounts, optional dates, record pickers, row tables."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import register_text, translate
from ledger.store import registers
from ledger.store.registers import RegisterSpec
from ledger.validation import parse_amount_text

LINE_MAX = 200
CODE_MAX = 64
EMPTY_DATE = QDate(1900, 1, 1)


def watch(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` whenever the widget's value changes (whatever kind of input it is)."""
    if isinstance(widget, (QLineEdit,)):
        widget.textChanged.connect(lambda _t: slot())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: slot())
        if widget.isEditable():
            widget.editTextChanged.connect(lambda _t: slot())
    elif isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        widget.valueChanged.connect(lambda _v: slot())
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(lambda _b: slot())
    elif isinstance(widget, QDateEdit):
        widget.dateChanged.connect(lambda _d: slot())
    elif isinstance(widget, (QListWidget,)):
        widget.itemChanged.connect(lambda _i: slot())
    elif hasattr(widget, "changed"):
        widget.changed.connect(slot)


class TextLine(QLineEdit):
    """A line edit with a length cap; a paste longer than the cap is refused with a message
    (``refused``) instead of being silently cut."""

    refused = Signal(str)

    def __init__(self, max_len: int = LINE_MAX, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(max_len)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            room = self.maxLength() - len(self.text()) + len(self.selectedText())
            if len(text) > room:
                self.refused.emit(self.tr("粘贴的内容过长（{n:,} 字），本栏最多 {maxLength} 字，未粘贴").format(n=len(text), maxLength=self.maxLength()))
                return
        super().keyPressEvent(event)


class AmountEdit(TextLine):
    """Amount text ('1,234.56', '12.5万', '3亿') → fen via ``parse_amount_text``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(CODE_MAX, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setPlaceholderText(self.tr("元，可写 12.5万"))

    def fen(self) -> tuple[int, str]:
        """(amount in fen, error message or ''); empty text is 0."""
        text = self.text().strip()
        if not text:
            return 0, ""
        try:
            return parse_amount_text(text), ""
        except ValueError as exc:
            return 0, str(exc)

    def set_fen(self, fen: int | None) -> None:
        self.setText("" if not fen else f"{fen / 100:,.2f}".replace(".00", ""))


class LongText(QPlainTextEdit):
    """Multi-line text with a cap: pastes beyond it are refused (``refused``), so a 10 MB paste
    never reaches the layout or the validators."""

    refused = Signal(str)

    def __init__(self, max_chars: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_chars = max_chars
        self.setTabChangesFocus(True)

    def insertFromMimeData(self, source: Any) -> None:
        text = source.text() if source is not None and source.hasText() else ""
        if len(self.toPlainText()) + len(text) > self.max_chars:
            self.refused.emit(self.tr("粘贴的内容过长（{n:,} 字），本栏最多 {max_chars:,} 字，未粘贴").format(n=len(text), max_chars=self.max_chars))
            return
        super().insertFromMimeData(source)

    def text(self) -> str:
        return self.toPlainText()

    def too_long(self) -> str:
        n = self.document().characterCount() - 1
        return self.tr("内容过长（{n:,} 字），最多 {max_chars:,} 字").format(n=n, max_chars=self.max_chars) if n > self.max_chars else ""


class OptionalDate(QDateEdit):
    """yyyy-MM-dd with a calendar popup; may be empty (shown as “未填”, Delete clears it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY_DATE)
        self.setMaximumDate(QDate(2199, 12, 31))
        self.setSpecialValueText(self.tr("未填"))
        self.setDate(EMPTY_DATE)
        self.setToolTip(self.tr("Delete 键清空日期"))
        self.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Monday)

    def iso(self) -> str | None:
        d = self.date()
        return None if d == EMPTY_DATE else d.toString("yyyy-MM-dd")

    def set_iso(self, value: str | None) -> None:
        d = QDate.fromString(value or "", "yyyy-MM-dd")
        self.setDate(d if d.isValid() else EMPTY_DATE)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.iso() is None:
            return
        if event.key() == Qt.Key.Key_Delete and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.setDate(EMPTY_DATE)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: Any) -> None:
        if self.iso() is None:  # open the calendar at today, not at 1900
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        super().mousePressEvent(event)


def district_choices(prefixes: list[str], in_use: list[str]) -> list[tuple[str, str]]:
    """(code, '320211 无锡市滨湖区') for the bureau's area first, then other codes in use."""
    from ledger.validation import districts_of, region_name

    seen: dict[str, str] = {}
    for prefix in prefixes:
        for info in districts_of(prefix):
            seen.setdefault(info.code, info.full_name)
    for code in in_use:
        if code not in seen:
            seen[code] = region_name(code) or translate("forms.widgets", "（未知代码）")
    return [(code, f"{code} {name}") for code, name in seen.items()]


class SearchCombo(QComboBox):
    """Editable combo whose completer matches anywhere in the text ('滨湖' finds 320211)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setMaxLength(CODE_MAX)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)


class RecordPicker(QWidget):
    """Choose one record of a register by typing part of its name/number: the register's search
    (SQL, FTS) runs in the background when ``ops`` is given, else directly."""

    changed = Signal()

    def __init__(self, spec: RegisterSpec, label: Callable[[tuple], str], ops: Any = None,
                 store: Any = None, parent: QWidget | None = None, *, optional: bool = False) -> None:
        super().__init__(parent)
        self.spec, self.label, self.ops, self.store = spec, label, ops, store
        self.edit = TextLine(LINE_MAX, self)
        self.edit.setPlaceholderText(self.tr("输入{hint}等查找…").format(hint=register_text(spec.search_hint).split('、')[0].split(', ')[0]))
        self.edit.setClearButtonEnabled(optional)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        self._model = QStringListModel(self)
        self._ids: list[int] = []
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.edit.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.search_now)
        self.edit.textEdited.connect(self._edited)
        self._id: int | None = None
        self._text = ""

    def record_id(self) -> int | None:
        return self._id

    def set_record(self, record_id: int | None, text: str = "") -> None:
        self._id, self._text = record_id, text
        self.edit.blockSignals(True)
        self.edit.setText(text)
        self.edit.setCursorPosition(0)
        self.edit.blockSignals(False)
        self.changed.emit()

    def _edited(self, _text: str) -> None:
        if self._id is not None:
            self._id = None
            self.changed.emit()
        self._timer.start()

    def search_now(self) -> None:
        text, spec = self.edit.text().strip(), self.spec

        def find(store: Any) -> list[tuple]:
            return registers.fetch(store, spec, {}, text or None, limit=30)

        if self.ops is not None:
            self.ops.run(f"picker:{id(self)}", find, self.show_results)
        else:
            self.show_results(find(self.store))

    def show_results(self, rows: list[tuple]) -> None:
        self._ids = [int(r[0]) for r in rows]
        self._model.setStringList([self.label(r) for r in rows])
        if rows and self.edit.hasFocus():
            self.completer.complete()

    def choose_row(self, row: int) -> None:
        index = self._model.index(row, 0)
        self._activated(index)

    def _activated(self, index: QModelIndex) -> None:
        if 0 <= index.row() < len(self._ids):
            self.set_record(self._ids[index.row()], self._model.data(index))


class CheckList(QListWidget):
    """Checkable items carrying a value (tags, covered IP rights)."""

    def set_items(self, items: list[tuple[Any, str]], checked: set[Any] | tuple = ()) -> None:
        self.blockSignals(True)
        self.clear()
        for value, text in items:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked(self) -> list[Any]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def set_checked(self, values: set[Any] | tuple) -> None:
        for i in range(self.count()):
            item = self.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in values
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)


class RowTable(QWidget):
    """A small editable table of cell widgets (co-insurers, cost items, payments) with 增加/删除."""

    changed = Signal()

    def __init__(self, columns: list[tuple[str, int, Callable[[], QWidget]]], add_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.table = QTableWidget(0, len(columns) + 1, self)
        self.table.setHorizontalHeaderLabels([c[0] for c in columns] + [""])
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for i, (_h, width, _f) in enumerate(columns):
            self.table.setColumnWidth(i, width)
        self.table.setColumnWidth(len(columns), 34)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(len(columns) - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(130)
        self.add_button = QPushButton(add_text or self.tr("增加一行"), self)
        self.add_button.clicked.connect(lambda: self.add_row())
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        self.footer = buttons
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_row(self) -> list[QWidget]:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cells = []
        for col, (_h, _w, factory) in enumerate(self.columns):
            widget = factory()
            self.table.setCellWidget(row, col, widget)
            watch(widget, self.changed.emit)
            cells.append(widget)
        remove = QToolButton(self.table)
        remove.setText("✕")
        remove.setToolTip(self.tr("删除此行"))
        remove.setAutoRaise(True)
        remove.clicked.connect(lambda _c=False, b=remove: self._remove_button(b))
        self.table.setCellWidget(row, len(self.columns), remove)
        self.changed.emit()
        return cells

    def rows(self) -> list[list[QWidget]]:
        return [[self.table.cellWidget(r, c) for c in range(len(self.columns))]
                for r in range(self.table.rowCount())]

    def remove_row(self, row: int) -> None:
        if 0 <= row < self.table.rowCount():
            self.table.removeRow(row)
            self.changed.emit()

    def _remove_button(self, button: QWidget) -> None:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, len(self.columns)) is button:
                self.remove_row(row)
                return

    def clear_rows(self) -> None:
        self.table.setRowCount(0)


def combo(items: list[tuple[Any, str]] | tuple[str, ...], parent: QWidget | None = None) -> QComboBox:
    box = QComboBox(parent)
    for item in items:
        value, text = item if isinstance(item, tuple) else (item, item)
        box.addItem(text, value)
    return box


def set_combo_value(box: QComboBox, value: Any) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))
