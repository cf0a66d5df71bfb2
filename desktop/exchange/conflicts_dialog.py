"""冲突处理: the conflicts found by imports, field by field, for a person to decide.

Left: open conflicts (table, record, kind, office, package, detected). Right: the message and every
differing field with the local and the incoming value; 保留本地 / 采用来件 call
:func:`ledger.exchange.resolve_conflict`, whose refusals (permission, changed again since) are shown.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.common import (
    PRIMARY_STYLE,
    Banner,
    fill_table,
    make_table,
    record_title,
    refusal,
    table_label,
    when,
)
from ledger import exchange, security
from ledger.errors import LedgerError
from ledger.services.audit_view import field_label, shown_value


def _field_name(name: str) -> str:
    if name.endswith("_uuid"):
        return field_label(name[:-5] + "_id")
    if "_" in name and table_label(name) != name:
        return table_label(name)  # a link table (共保机构, 承保知识产权 …)
    return field_label(name)


class ConflictDialog(QDialog):
    resolved = Signal(object)  # the Conflict after resolution

    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.conflicts: list[exchange.Conflict] = []
        self.setWindowTitle(self.tr("数据交换冲突处理"))
        self.setStyleSheet(PRIMARY_STYLE)
        self.resize(1280, 660)
        self.list = make_table([self.tr("表"), self.tr("记录"), self.tr("类型"), self.tr("来源"),
                                self.tr("数据包"), self.tr("发现时间"), self.tr("状态")], self, stretch=1)
        self.list.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.list.itemSelectionChanged.connect(self._show_current)
        self.show_all = QCheckBox(self.tr("显示已处理的冲突"), self)
        self.show_all.toggled.connect(lambda _on: self.reload())
        self.count_label = QLabel(self)
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_all)
        lv.addLayout(top)
        lv.addWidget(self.list, 1)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel(right)
        self.title.setObjectName("sectionHeading")
        self.title.setWordWrap(True)
        self.message = QLabel(right)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields = make_table([self.tr("字段"), self.tr("本地"), self.tr("来件")], right)
        self.fields.setWordWrap(True)
        header = self.fields.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.banner = Banner(right)
        self.keep_local = QPushButton(self.tr("保留本地"), right)
        self.keep_local.setToolTip(self.tr("本地记录保持不变；对方以后再修改该记录时会再次列为冲突"))
        self.keep_local.clicked.connect(lambda: self.resolve("local"))
        self.take_incoming = QPushButton(self.tr("采用来件"), right)
        self.take_incoming.setProperty("primary", True)
        self.take_incoming.setToolTip(self.tr("用来件的内容替换本地记录（对方删除时删除本地记录）"))
        self.take_incoming.clicked.connect(lambda: self.resolve("incoming"))
        close = QPushButton(self.tr("关闭"), right)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_local)
        buttons.addWidget(self.take_incoming)
        buttons.addStretch(1)
        buttons.addWidget(close)
        rv.addWidget(self.title)
        rv.addWidget(self.message)
        rv.addWidget(self.fields, 1)
        rv.addWidget(self.banner)
        rv.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([700, 580])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.reload()

    # -- data --------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        store = self.window.store
        self.conflicts = exchange.list_conflicts(store, open_only=not self.show_all.isChecked())
        names = {o["code"]: o["name"] for o in exchange.trusted_offices(store)}
        rows = []
        for c in self.conflicts:
            office = names.get(c.office_code)
            state = (self.tr("已处理：{0}").format(self._resolution(c.resolution)) if c.resolution
                     else self.tr("待处理"))
            rows.append([c.table_label, record_title(c.local, c.incoming, c.uuid), c.kind_label,
                         office or c.office_code, self.tr("第 {0} 号").format(c.package_seq),
                         when(c.detected_at)[:16], state])
        fill_table(self.list, rows)
        for row, c in enumerate(self.conflicts):
            self.list.item(row, 1).setToolTip(c.uuid)
            self.list.item(row, 3).setToolTip(c.office_code)
        self.list.setColumnHidden(6, not self.show_all.isChecked())
        open_count = sum(1 for c in self.conflicts if c.resolution is None)
        self.count_label.setText(self.tr("待处理冲突 {0} 条").format(open_count))
        index = next((i for i, c in enumerate(self.conflicts) if c.id == select_id), None)
        if index is None:
            index = next((i for i, c in enumerate(self.conflicts) if c.resolution is None), 0)
        if self.conflicts:
            self.list.selectRow(index)
        self._show_current()

    def _resolution(self, keep: str | None) -> str:
        return {"local": self.tr("保留本地"), "incoming": self.tr("采用来件")}.get(keep or "", keep or "")

    def current(self) -> exchange.Conflict | None:
        rows = self.list.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.conflicts):
            return None
        return self.conflicts[rows[0].row()]

    def select(self, conflict_id: int) -> bool:
        for i, c in enumerate(self.conflicts):
            if c.id == conflict_id:
                self.list.selectRow(i)
                return True
        return False

    def _show_current(self) -> None:
        c = self.current()
        self.banner.clear_message()
        if c is None:
            self.title.setText(self.tr("没有待处理的冲突") if not self.conflicts else "")
            self.message.clear()
            fill_table(self.fields, [])
            self.keep_local.setEnabled(False)
            self.take_incoming.setEnabled(False)
            return
        self.title.setText(f"{c.table_label}：{record_title(c.local, c.incoming, c.uuid)}")
        self.message.setText(c.message)
        accounts = security.can(self.window.store, "view.bank_account")
        if c.differences:
            rows = [[_field_name(name), shown_value(name, local, accounts=accounts),
                     shown_value(name, incoming, accounts=accounts)] for name, local, incoming in c.differences]
        else:
            side = c.local or c.incoming or {}
            gone = self.tr("（已删除）")
            rows = [[_field_name(name), shown_value(name, value, accounts=accounts) if c.local else gone,
                     shown_value(name, value, accounts=accounts) if c.incoming else gone]
                    for name, value in sorted((side.get("record") or {}).items())
                    if name not in ("id", "uuid", "revision", "created_at", "updated_at")]
        fill_table(self.fields, rows)
        self.fields.setColumnWidth(0, max(self.fields.columnWidth(0), 110))
        self.fields.resizeRowsToContents()
        denied = refusal(self.window.store)
        open_ = c.resolution is None
        self.keep_local.setEnabled(open_ and not denied)
        self.take_incoming.setEnabled(open_ and not denied and (c.incoming is not None or c.kind == "delete"))
        if denied and open_:
            self.banner.show_message(denied, "warning")
        elif not open_:
            self.banner.show_message(self.tr("已于 {0} 由 {1} 处理：{2}").format(
                when(c.resolved_at), c.resolved_by or "", self._resolution(c.resolution)), "info")

    # -- deciding ----------------------------------------------------------------------------
    def resolve(self, keep: str) -> exchange.Conflict | None:
        c = self.current()
        if c is None:
            return None
        try:
            done = exchange.resolve_conflict(self.window.store, c.id, keep)
        except LedgerError as exc:
            self.banner.show_message(exc.message, "error")
            return None
        self.reload()
        self.banner.show_message(self.tr("冲突已处理（{0}）：{1}").format(
            self._resolution(keep), record_title(done.local, done.incoming, done.uuid)), "ok")
        self.resolved.emit(done)
        return done
