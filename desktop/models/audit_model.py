"""A lazy table model over the filtered audit log (``ledger.services.audit_view``), newest first.

Pages of :data:`PAGE_SIZE` rows arrive through ``canFetchMore``/``fetchMore`` via a runner
(:func:`desktop.models.register_model.ops_runner` or ``sync_runner``); summaries are computed on
the worker. A reload bumps a generation so late pages of an older filter are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from desktop.models.register_model import Runner
from ledger.services import audit_view
from ledger.services.audit_view import AuditEntry, AuditFilter

PAGE_SIZE = 200
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    (QT_TRANSLATE_NOOP("models.audit_model", "序号"), 64),
    (QT_TRANSLATE_NOOP("models.audit_model", "时间"), 148),
    (QT_TRANSLATE_NOOP("models.audit_model", "用户"), 80),
    (QT_TRANSLATE_NOOP("models.audit_model", "数据表"), 96),
    (QT_TRANSLATE_NOOP("models.audit_model", "记录 UUID"), 96),
    (QT_TRANSLATE_NOOP("models.audit_model", "操作"), 84),
    (QT_TRANSLATE_NOOP("models.audit_model", "变更摘要"), 420),
)


def _rows(entries: list[AuditEntry]) -> list[tuple[AuditEntry, str]]:
    return [(e, e.summary()) for e in entries]


class AuditModel(QAbstractTableModel):
    totalChanged = Signal(int)  # -1 while counting
    failed = Signal(str)  # a Chinese message (bad filter, no permission)

    def __init__(self, runner: Runner | None = None, parent=None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.filter = AuditFilter()
        self._rows: list[tuple[AuditEntry, str]] = []
        self._total: int | None = None
        self._gen = 0
        self._fetching = False

    @property
    def total(self) -> int | None:
        return self._total

    def set_filter(self, flt: AuditFilter) -> None:
        self.filter = flt
        self.reload()

    def reload(self) -> None:
        self._gen += 1
        gen, flt = self._gen, self.filter
        self.beginResetModel()
        self._rows, self._total = [], None
        self._fetching = self.runner is not None
        self.endResetModel()
        self.totalChanged.emit(-1)
        if self.runner is None:
            return

        def first(store: Any) -> tuple[int, list] | str:
            try:
                return audit_view.count(store, flt), _rows(audit_view.page(store, flt, 0, PAGE_SIZE))
            except Exception as exc:  # shown in the page, not raised on the worker
                return getattr(exc, "message", None) or self.tr("查询失败：{exc}").format(exc=exc)

        self.runner("audit:rows", first, lambda res: self._on_first(gen, res))

    def _on_first(self, gen: int, result: tuple[int, list] | str) -> None:
        if gen != self._gen:
            return
        self._fetching = False
        if isinstance(result, str):
            self._total = 0
            self.totalChanged.emit(0)
            self.failed.emit(result)
            return
        total, rows = result
        self._total = total
        if rows:
            self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
            self._rows = list(rows)
            self.endInsertRows()
        self.totalChanged.emit(total)

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: B008, N802
        if parent.isValid() or self._fetching or self._total is None:
            return False
        return len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: B008, N802
        if not self.canFetchMore(parent) or self.runner is None:
            return
        self._fetching = True
        gen, offset, flt = self._gen, len(self._rows), self.filter
        self.runner("audit:rows", lambda store: _rows(audit_view.page(store, flt, offset, PAGE_SIZE)),
                    lambda rows: self._on_page(gen, offset, rows))

    def _on_page(self, gen: int, offset: int, rows: list) -> None:
        if gen != self._gen or offset != len(self._rows):
            return
        self._fetching = False
        if not rows:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def entry(self, row: int) -> AuditEntry:
        return self._rows[row][0]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        e, summary = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 4 and role == Qt.ItemDataRole.DisplayRole and len(e.record_uuid) == 36:
                return e.record_uuid[:8] + "…"  # a uuid; setting:key and others in full
            return (str(e.seq), e.time_text, e.actor, e.table_label, e.record_uuid, e.op_label, summary)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ENTRY_ROLE:
            return e
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("models.audit_model", COLUMNS[section][0])
        return None
