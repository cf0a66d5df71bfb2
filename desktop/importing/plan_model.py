"""Table model of an import plan's rows (行号, 处理, 关键字, 变更, 说明), with an errors-only filter.

The plan's rows are already in memory; the model keeps a list of row indexes (all rows or the
error rows) and formats cells on demand, so 50,000 rows cost nothing until they are shown.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger.importing.columns import get_kind
from ledger.money import format_yuan

ACTIONS = {"insert": QT_TRANSLATE_NOOP("importing.plan_model", "新增"), "update": QT_TRANSLATE_NOOP("importing.plan_model", "更新"), "unchanged": QT_TRANSLATE_NOOP("importing.plan_model", "未变"), "error": QT_TRANSLATE_NOOP("importing.plan_model", "错误")}
ACTION_COLOURS = {"insert": ("#e3f4e5", "#1e6b2a"), "update": ("#e4eefa", "#1d4f8a"),
                  "unchanged": ("#f1f3f6", "#5b6475"), "error": ("#fde7e7", "#a11d1d")}
COLUMNS = (
    QT_TRANSLATE_NOOP("importing.plan_model", "行号"),
    QT_TRANSLATE_NOOP("importing.plan_model", "处理"),
    QT_TRANSLATE_NOOP("importing.plan_model", "关键字"),
    QT_TRANSLATE_NOOP("importing.plan_model", "变更"),
    QT_TRANSLATE_NOOP("importing.plan_model", "说明"),
)
# record fields that are not import columns, named as the forms name them
FIELD_LABELS = {"enterprise_id": QT_TRANSLATE_NOOP("importing.plan_model", "企业"), "product_id": QT_TRANSLATE_NOOP("importing.plan_model", "险种"), "policy_id": QT_TRANSLATE_NOOP("importing.plan_model", "保单"), "insurer_id": QT_TRANSLATE_NOOP("importing.plan_model", "保险机构"),
                "uscc_override_reason": QT_TRANSLATE_NOOP("importing.plan_model", "忽略警告的理由"), "number_override_reason": QT_TRANSLATE_NOOP("importing.plan_model", "忽略警告的理由"),
                "override_reason": QT_TRANSLATE_NOOP("importing.plan_model", "忽略警告的理由"), "ip_right_ids": QT_TRANSLATE_NOOP("importing.plan_model", "承保知识产权"), "ip_rights": QT_TRANSLATE_NOOP("importing.plan_model", "承保知识产权"),
                "insurers": QT_TRANSLATE_NOOP("importing.plan_model", "保险机构"), "cost_items": QT_TRANSLATE_NOOP("importing.plan_model", "费用明细"), "payments": QT_TRANSLATE_NOOP("importing.plan_model", "赔付记录")}
Index = QModelIndex | QPersistentModelIndex


def field_label(kind: str, key: str) -> str:
    try:
        return get_kind(kind).spec(key).header
    except KeyError:
        return translate("importing.plan_model", FIELD_LABELS.get(key, key))


def show_value(key: str, value: object) -> str:
    if value is None or value == "":
        return translate("importing.plan_model", "（空）")
    if key.endswith("_fen") and isinstance(value, int):
        return translate("importing.plan_model", "{value} 元").format(value=format_yuan(value))
    if isinstance(value, bool):
        return translate("importing.plan_model", "是") if value else translate("importing.plan_model", "否")
    if isinstance(value, (list, tuple)):
        return translate("importing.plan_model", "、").join(show_value("", v) for v in value) or translate("importing.plan_model", "（空）")
    if isinstance(value, dict):
        return translate("importing.plan_model", "，").join(f"{k}={v}" for k, v in value.items())
    return str(value)


def changes_text(kind: str, changes: dict[str, tuple[object, object]]) -> str:
    return translate("importing.plan_model", "；").join(translate("importing.plan_model", "{kind}：{k} → {k2}").format(kind=field_label(kind, k), k=show_value(k, old), k2=show_value(k, new))
                    for k, (old, new) in changes.items())


def row_messages(row: Any) -> list[str]:
    """The row's errors (then accepted warnings), each as ``C 列「保费」：message``."""
    out = []
    for e in row.errors:
        out.append(translate("importing.plan_model", "{column} 列「{header}」：{message}").format(column=e.column, header=e.header, message=e.message) if e.column else e.message)
    for w in row.warnings:
        where = translate("importing.plan_model", "{column} 列「{header}」：").format(column=w.column, header=w.header) if w.column else ""
        out.append(translate("importing.plan_model", "（已忽略警告）{where}{message}").format(where=where, message=w.message))
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
            return translate("importing.plan_model", COLUMNS[section])
        return None

    def cell_text(self, row: Any, column: int) -> str:
        if column == 0:
            return self.tr("{sheet} 第 {excel_row} 行").format(sheet=row.sheet, excel_row=row.excel_row) if self.multi_sheet else self.tr("第 {excel_row} 行").format(excel_row=row.excel_row)
        if column == 1:
            return translate("importing.plan_model", ACTIONS[row.action])
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
