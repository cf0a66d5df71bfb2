"""Table model of an import plan's rows (行号, 处理, 关键字, 变更, 说明), with an errors-only filter.

The plan's rows are already in memory; the model keeps a list of row indexes (all rows or the
error rows) and formats cells on demand, so 50,000 rows cost nothing until they are shown.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ledger.importing.columns import get_kind
from ledger.money import format_yuan

ACTIONS = {"insert": "新增", "update": "更新", "unchanged": "未变", "error": "错误"}
ACTION_COLOURS = {"insert": ("#e3f4e5", "#1e6b2a"), "update": ("#e4eefa", "#1d4f8a"),
                  "unchanged": ("#f1f3f6", "#5b6475"), "error": ("#fde7e7", "#a11d1d")}
COLUMNS = ("行号", "处理", "关键字", "变更", "说明")
# record fields that are not import columns, named as the forms name them
FIELD_LABELS = {"enterprise_id": "企业", "product_id": "险种", "policy_id": "保单", "insurer_id": "保险机构",
                "uscc_override_reason": "忽略警告的理由", "number_override_reason": "忽略警告的理由",
                "override_reason": "忽略警告的理由", "ip_right_ids": "承保知识产权", "ip_rights": "承保知识产权",
                "insurers": "保险机构", "cost_items": "费用明细", "payments": "赔付记录"}
Index = QModelIndex | QPersistentModelIndex


def field_label(kind: str, key: str) -> str:
    try:
        return get_kind(kind).spec(key).header
    except KeyError:
        return FIELD_LABELS.get(key, key)


def show_value(key: str, value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if key.endswith("_fen") and isinstance(value, int):
        return f"{format_yuan(value)} 元"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(show_value("", v) for v in value) or "（空）"
    if isinstance(value, dict):
        return "，".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def changes_text(kind: str, changes: dict[str, tuple[object, object]]) -> str:
    return "；".join(f"{field_label(kind, k)}：{show_value(k, old)} → {show_value(k, new)}"
                    for k, (old, new) in changes.items())


def row_messages(row: Any) -> list[str]:
    """The row's errors (then accepted warnings), each as ``C 列「保费」：message``."""
    out = []
    for e in row.errors:
        out.append(f"{e.column} 列「{e.header}」：{e.message}" if e.column else e.message)
    for w in row.warnings:
        where = f"{w.column} 列「{w.header}」：" if w.column else ""
        out.append(f"（已忽略警告）{where}{w.message}")
    return out


class PlanRowsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan: Any = None
        self.rows: list[Any] = []
        self.visible: list[int] = []
        self.errors_only = False
        self.multi_sheet = False

    def set_plan(self, plan: Any, *, errors_only: bool = False) -> None:
        self.beginResetModel()
        self.plan, self.errors_only = plan, errors_only
        self.rows = list(plan.rows) if plan is not None else []
        self.multi_sheet = plan is not None and len(plan.sheets) > 1
        self._filter()
        self.endResetModel()

    def set_errors_only(self, on: bool) -> None:
        if on == self.errors_only:
            return
        self.beginResetModel()
        self.errors_only = on
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        if self.errors_only:
            self.visible = [i for i, r in enumerate(self.rows) if r.action == "error" or r.warnings]
        else:
            self.visible = list(range(len(self.rows)))

    def row_at(self, view_row: int) -> Any:
        return self.rows[self.visible[view_row]]

    # -- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def cell_text(self, row: Any, column: int) -> str:
        if column == 0:
            return f"{row.sheet} 第 {row.excel_row} 行" if self.multi_sheet else f"第 {row.excel_row} 行"
        if column == 1:
            return ACTIONS[row.action]
        if column == 2:
            return row.key
        if column == 3:
            return changes_text(self.plan.kind, row.changes) if row.changes else ""
        return "\n".join(row_messages(row))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self.cell_text(row, col)
            if role == Qt.ItemDataRole.ToolTipRole:
                return ("<p>" + "<br>".join(escape(t) for t in text.split("\n")) + "</p>") if text else None
            return text
        if role == Qt.ItemDataRole.BackgroundRole and col == 1:
            return QBrush(QColor(ACTION_COLOURS[row.action][0]))
        if role == Qt.ItemDataRole.ForegroundRole and (col == 1 or (col == 4 and row.action == "error")):
            return QBrush(QColor(ACTION_COLOURS[row.action][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
