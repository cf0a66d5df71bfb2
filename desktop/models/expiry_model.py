"""The dashboard's 即将到期的保单 lists: a small read-only table model.

Rows are the tuples of ``ledger.store.registers.expiring_policies`` (id, policy number, enterprise,
product, end date, sum insured in fen). Setting them is one model reset; a cell's text is made
only when the view asks for it (painted), so filling a list costs nothing on the GUI thread —
unlike a QTableWidget, which needs an item per cell up front (~50 µs each).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.i18n import QT_TRANSLATE_NOOP
from desktop.models.formatting import display

HEADERS = (QT_TRANSLATE_NOOP("DashboardPage", "保单号"), QT_TRANSLATE_NOOP("DashboardPage", "投保企业"),
           QT_TRANSLATE_NOOP("DashboardPage", "险种"), QT_TRANSLATE_NOOP("DashboardPage", "终止日期"),
           QT_TRANSLATE_NOOP("DashboardPage", "保险金额（元）"))
KINDS = ("text", "text", "text", "date", "money")  # display kinds, as the registers format them
AMOUNT_COLUMN = 4
_DISPLAY = Qt.ItemDataRole.DisplayRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ExpiryModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple] = []
        self._headers = [QCoreApplication.translate("DashboardPage", h) for h in HEADERS]

    def set_rows(self, rows: list[tuple]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[tuple]:
        return list(self._rows)

    def policy_id(self, row: int) -> int:
        return self._rows[row][0]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == _DISPLAY:
            return display(KINDS[column], self._rows[index.row()][column + 1])
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT_COLUMN:
            return _RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None
