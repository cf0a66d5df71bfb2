"""导入数据包: show what the package says (its manifest), then verify + import in the background and
show the :class:`ledger.exchange.ImportSummary` — or the service's Chinese refusal (tampered,
duplicate, out of order, unknown office), in which case nothing was written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.common import (
    RECORD_TABLE_LABELS,
    Banner,
    JobDialog,
    count_kinds,
    fill_table,
    human_size,
    ipx_filter,
    make_table,
    message_of,
    refusal,
    table_label,
    when,
)
from ledger import exchange
from ledger.errors import LedgerError


class ImportDialog(JobDialog):
    imported = Signal(object)  # ImportSummary
    conflictsRequested = Signal()

    def __init__(self, window: Any, path: str | Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.path: Path | None = None
        self.manifest: dict[str, Any] | None = None
        self.summary: exchange.ImportSummary | None = None
        self._build_steps(window, self.tr("导入数据包"), (760, 560), "exchange:import",
                          self._confirm_page(), self._result_page())
        if path is not None:
            self.set_path(Path(path))

    # -- pages -------------------------------------------------------------------------------
    def _label(self, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _confirm_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(self.tr("导入前先校验数据包：发送办公室已登记、签名有效、编号连续、内容未被改动。"
                               "导入前自动备份数据库；同一记录两边都改过时列为冲突，由您决定保留哪一边。"), page)
        intro.setWordWrap(True)
        self.file_label = self._label(page)
        choose = QPushButton(self.tr("选择文件…"), page)
        choose.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.file_label, 1)
        row.addWidget(choose)
        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        form.addRow(self.tr("文件："), row)
        for key, text in (("office", self.tr("发送办公室：")), ("seq", self.tr("数据包编号：")),
                          ("created", self.tr("制作时间：")), ("records", self.tr("记录：")),
                          ("size", self.tr("大小："))):
            self.fields[key] = self._label(page)
            form.addRow(text, self.fields[key])
        self.manifest_table = make_table([self.tr("表"), self.tr("记录数")], page, stretch=0)
        self.banner = Banner(page)
        self.trust_button = QPushButton(self.tr("登记可信办公室…"), page)
        self.trust_button.hide()
        self.trust_button.clicked.connect(self._trust_sender)
        self.import_button = QPushButton(self.tr("导入"), page)
        self.import_button.setProperty("primary", True)
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        cancel = QPushButton(self.tr("取消"), page)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.trust_button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.manifest_table, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        return page

    def _result_page(self) -> QWidget:
        page = QWidget(self)
        self.result_banner = Banner(page)
        kinds = count_kinds()
        self.kind_keys = [k for k, _ in kinds]
        self.result_table = make_table([self.tr("表"), *[label for _, label in kinds]], page, stretch=0)
        self.backup_label = self._label(page)
        self.conflicts_button = QPushButton(self.tr("处理冲突…"), page)
        self.conflicts_button.setProperty("primary", True)
        self.conflicts_button.clicked.connect(self._open_conflicts)
        close = QPushButton(self.tr("关闭"), page)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.conflicts_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.addWidget(self.result_banner)
        layout.addWidget(self.result_table, 1)
        layout.addWidget(self.backup_label)
        layout.addLayout(buttons)
        return page

    # -- the package -------------------------------------------------------------------------
    def choose_file(self) -> str:
        start = str(self.path.parent) if self.path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("导入数据包"), start, ipx_filter())
        if path:
            self.set_path(Path(path))
        return path

    def set_path(self, path: Path) -> bool:
        """Show the manifest of ``path``; False (with the reason shown) when it can't be read."""
        self.path, self.manifest = path, None
        self.file_label.setText(str(path))
        for label in self.fields.values():
            label.clear()
        fill_table(self.manifest_table, [])
        self.trust_button.hide()
        try:
            info = exchange.peek_package(path)
        except LedgerError as exc:
            self.banner.show_message(exc.message, "error")
            self.import_button.setEnabled(False)
            return False
        self.manifest = info
        self.fields["office"].setText(f"{info['office_name']}（{info['office_code']}）")
        self.fields["seq"].setText(self.tr("第 {0} 号").format(info["package_seq"]))
        self.fields["created"].setText(when(info["created_at"]) + (f"（{info['created_by']}）" if info["created_by"]
                                                                   else ""))
        records = sum(n for t, n in info["counts"].items() if t in RECORD_TABLE_LABELS)
        self.fields["records"].setText(self.tr("{0} 条，删除 {1} 条").format(f"{records:,}", f"{info['deleted']:,}"))
        self.fields["size"].setText(human_size(info["size_bytes"]))
        fill_table(self.manifest_table, [[table_label(t), n] for t, n in info["counts"].items()])
        self._check_ready()
        return True

    def _check_ready(self) -> None:
        info = self.manifest
        if info is None:
            return
        denied = refusal(self.window.store)
        trusted = {o["code"]: o for o in exchange.trusted_offices(self.window.store)}
        known = trusted.get(info["office_code"])
        if denied:
            self.banner.show_message(denied, "error")
        elif known is None:
            self.banner.show_message(self.tr("数据包来自未登记的办公室 {0}（代码 {1}）：请先登记该办公室的公钥，"
                                             "再导入。").format(info["office_name"], info["office_code"]), "warning")
            self.trust_button.show()
        else:
            self.banner.show_message(self.tr("发送办公室已登记为“{0}”，导入时校验签名和每个文件的校验值。").format(
                known["name"]), "info")
        self.import_button.setEnabled(not denied and known is not None)

    def _trust_sender(self) -> None:
        from desktop.exchange.offices_dialog import TrustDialog

        info = self.manifest or {}
        dialog = TrustDialog(self.window, self, code=info.get("office_code", ""), name=info.get("office_name", ""))
        if dialog.exec():
            self.trust_button.hide()
            self._check_ready()

    # -- running -----------------------------------------------------------------------------
    def start_import(self) -> bool:
        if self.job.running() or self.path is None:
            return False
        path = self.path
        self.banner.clear_message()
        self.pages.setCurrentIndex(1)
        self.busy.start(self.tr("正在校验并导入 {0}…（先备份数据库，再合并）").format(path.name))
        self.job.start(lambda store, _progress, _cancel: exchange.import_package(store, path))
        return True

    def _done(self, summary: exchange.ImportSummary) -> None:
        self.busy.stop()
        self.summary = summary
        n = len(summary.conflicts)
        text = self.tr("已导入 {0}（{1}）第 {2} 号数据包：新增 {3} 条，更新 {4} 条，删除 {5} 条，冲突 {6} 条。").format(
            summary.office_name, summary.office_code, summary.package_seq, f"{summary.total('inserted'):,}",
            f"{summary.total('updated'):,}", f"{summary.total('deleted'):,}", n)
        if n:
            text += self.tr("冲突的记录保持本地内容不变，请逐条处理。")
        self.result_banner.show_message(text, "warning" if n else "ok")
        rows = [[table_label(t), *[c.get(k, 0) or None for k in self.kind_keys]] for t, c in summary.counts.items()]
        fill_table(self.result_table, rows)
        used = [i + 1 for i, k in enumerate(self.kind_keys) if any(c.get(k) for c in summary.counts.values())]
        for col in range(1, self.result_table.columnCount()):
            self.result_table.setColumnHidden(col, col not in used)
        self.backup_label.setText(self.tr("导入前的数据库已备份为：{0}").format(summary.backup_path)
                                  if summary.backup_path else "")
        self.conflicts_button.setVisible(bool(n))
        self.pages.setCurrentIndex(2)
        self.imported.emit(summary)

    def _failed(self, exc: Exception) -> None:
        self.busy.stop()
        self.pages.setCurrentIndex(0)
        self.banner.show_message(self.tr("拒绝导入，数据库未作任何改动：") + message_of(exc, "导入数据包"), "error")

    def _open_conflicts(self) -> None:
        self.conflictsRequested.emit()
        self.accept()

    def reject(self) -> None:
        if self.job.running():
            return  # verification + merge run in one transaction; it finishes (or rolls back) on its own
        super().reject()
