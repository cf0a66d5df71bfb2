"""办公室与密钥: this office's code and name, its public key file, the trusted offices and the
packages received; :class:`TrustDialog` registers another office's public key."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.common import (
    PRIMARY_STYLE,
    Banner,
    fill_table,
    key_filter,
    make_table,
    refusal,
    when,
)
from ledger import exchange
from ledger.errors import LedgerError
from ledger.exchange.keys import fingerprint, read_public_key_file


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class OfficesDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.setWindowTitle(self.tr("办公室与密钥"))
        self.setStyleSheet(PRIMARY_STYLE)
        self.resize(900, 640)
        mine = QGroupBox(self.tr("本办公室"), self)
        self.code_edit = QLineEdit(mine)
        self.code_edit.setPlaceholderText(self.tr("如 LX（字母、数字、- 或 _）"))
        self.name_edit = QLineEdit(mine)
        self.name_edit.setPlaceholderText(self.tr("如 梁溪区知识产权局"))
        self.save_button = QPushButton(self.tr("保存"), mine)
        self.save_button.clicked.connect(self.save_office)
        self.id_label = _selectable(QLabel(mine))
        self.fingerprint_label = _selectable(QLabel(mine))
        self.key_button = QPushButton(self.tr("导出公钥文件…"), mine)
        self.key_button.setToolTip(self.tr("把本办公室的公钥交上级机关登记；公钥可以公开，私钥从不离开本数据库"))
        self.key_button.clicked.connect(self.export_key)
        form = QFormLayout(mine)
        row = QHBoxLayout()
        row.addWidget(self.code_edit)
        row.addWidget(self.name_edit, 2)
        row.addWidget(self.save_button)
        form.addRow(self.tr("代码 / 名称："), row)
        form.addRow(self.tr("办公室标识："), self.id_label)
        key_row = QHBoxLayout()
        key_row.addWidget(self.fingerprint_label, 1)
        key_row.addWidget(self.key_button)
        form.addRow(self.tr("公钥指纹："), key_row)
        trusted = QGroupBox(self.tr("可信办公室（接受其数据包）"), self)
        self.trusted_table = make_table([self.tr("代码"), self.tr("名称"), self.tr("公钥指纹"), self.tr("登记时间"),
                                         self.tr("登记人")], trusted)
        self.trust_button = QPushButton(self.tr("登记可信办公室…"), trusted)
        self.trust_button.clicked.connect(self.open_trust)
        tv = QVBoxLayout(trusted)
        tv.addWidget(self.trusted_table, 1)
        trow = QHBoxLayout()
        trow.addStretch(1)
        trow.addWidget(self.trust_button)
        tv.addLayout(trow)
        received = QGroupBox(self.tr("已导入的数据包"), self)
        self.received_table = make_table([self.tr("导入时间"), self.tr("办公室"), self.tr("编号"), self.tr("导入人"),
                                          self.tr("记录")], received)
        QVBoxLayout(received).addWidget(self.received_table)
        self.banner = Banner(self)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(mine)
        layout.addWidget(trusted, 2)
        layout.addWidget(received, 1)
        layout.addWidget(self.banner)
        layout.addLayout(bottom)
        self.reload()

    def reload(self) -> None:
        store = self.window.store
        me = exchange.office(store)
        self.code_edit.setText(me.code or "")
        self.name_edit.setText(me.name or "")
        self.id_label.setText(me.id or "")
        try:
            self.fingerprint_label.setText(fingerprint(exchange.ensure_key(store)))
        except Exception as exc:  # a read-only database without a key yet
            self.fingerprint_label.setText(getattr(exc, "message", None) or self.tr("（尚未生成密钥）"))
        fill_table(self.trusted_table, [[o["code"], o["name"], o["fingerprint"], when(o["trusted_at"]),
                                         o["trusted_by"]] for o in exchange.trusted_offices(store)])
        rows = []
        for r in exchange.received_packages(store):
            counts = json.loads(r["counts"] or "{}")
            inserted = sum(c.get("inserted", 0) for c in counts.values())
            updated = sum(c.get("updated", 0) for c in counts.values())
            conflicts = sum(c.get("conflicts", 0) for c in counts.values())
            rows.append([when(r["imported_at"]), f"{r['office_name']}（{r['office_code']}）",
                         self.tr("第 {0} 号").format(r["package_seq"]), r["imported_by"],
                         self.tr("新增 {0}，更新 {1}，冲突 {2}").format(f"{inserted:,}", f"{updated:,}",
                                                                      f"{conflicts:,}")])
        fill_table(self.received_table, rows)
        denied = refusal(store)
        for widget in (self.code_edit, self.name_edit, self.save_button, self.trust_button):
            widget.setEnabled(not denied and not store.readonly)
        if denied:
            self.banner.show_message(denied, "warning")
        self.key_button.setEnabled(bool(me.code and me.name))

    def save_office(self) -> bool:
        denied = refusal(self.window.store)
        if denied:  # setting the office is an administrator's decision, like trusting one
            self.banner.show_message(denied, "error")
            return False
        try:
            me = exchange.set_office(self.window.store, self.code_edit.text(), self.name_edit.text())
        except LedgerError as exc:
            self.banner.show_message(exc.message, "error")
            return False
        self.reload()
        self.banner.show_message(self.tr("已保存本办公室：{0}（{1}）").format(me.name, me.code), "ok")
        return True

    def export_key(self) -> str:
        me = exchange.office(self.window.store)
        start = str(Path.home() / f"{me.code}.pub.json")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出公钥文件"), start, key_filter())
        if not path:
            return ""
        try:
            exchange.export_public_key(self.window.store, Path(path))
        except (LedgerError, OSError) as exc:
            self.banner.show_message(getattr(exc, "message", None) or str(exc), "error")
            return ""
        self.banner.show_message(self.tr("公钥已写入 {0}。请交上级机关登记，并当面或电话核对指纹。").format(path), "ok")
        return path

    def open_trust(self) -> None:
        if TrustDialog(self.window, self).exec():
            self.reload()


class TrustDialog(QDialog):
    """登记可信办公室: code, name and the public key file it sent; shows the key's fingerprint."""

    def __init__(self, window: Any, parent: QWidget | None = None, *, code: str = "", name: str = "") -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self.office: exchange.Office | None = None
        self.setWindowTitle(self.tr("登记可信办公室"))
        self.setStyleSheet(PRIMARY_STYLE)
        self.resize(620, 300)
        intro = QLabel(self.tr("登记后接受该办公室签名的数据包。请与对方核对公钥指纹，确认公钥文件确实来自对方。"), self)
        intro.setWordWrap(True)
        self.code_edit = QLineEdit(code, self)
        self.name_edit = QLineEdit(name, self)
        self.key_edit = QLineEdit(self)
        browse = QPushButton(self.tr("浏览…"), self)
        browse.clicked.connect(self.choose_key)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(browse)
        self.fingerprint_label = _selectable(QLabel(self))
        form = QFormLayout()
        form.addRow(self.tr("办公室代码："), self.code_edit)
        form.addRow(self.tr("办公室名称："), self.name_edit)
        form.addRow(self.tr("公钥文件："), row)
        form.addRow(self.tr("公钥指纹："), self.fingerprint_label)
        self.banner = Banner(self)
        self.ok_button = QPushButton(self.tr("登记"), self)
        self.ok_button.setProperty("primary", True)
        self.ok_button.clicked.connect(self.register)
        cancel = QPushButton(self.tr("取消"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ok_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        layout.addLayout(buttons)
        denied = refusal(window.store)
        if denied:
            self.banner.show_message(denied, "warning")
            self.ok_button.setEnabled(False)

    def choose_key(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择对方的公钥文件"), str(Path.home()), key_filter())
        if path:
            self.set_key_file(Path(path))
        return path

    def set_key_file(self, path: Path) -> bool:
        self.key_edit.setText(str(path))
        try:
            doc = read_public_key_file(path)
        except LedgerError as exc:
            self.fingerprint_label.clear()
            self.banner.show_message(exc.message, "error")
            return False
        self.banner.clear_message()
        self.fingerprint_label.setText(fingerprint(doc["public_key"]))
        if not self.code_edit.text().strip():
            self.code_edit.setText(str(doc.get("office_code", "")))
        if not self.name_edit.text().strip():
            self.name_edit.setText(str(doc.get("office_name", "")))
        return True

    def register(self) -> bool:
        try:
            self.office = exchange.trust_office(self.window.store, self.code_edit.text(), self.name_edit.text(),
                                                Path(self.key_edit.text().strip()))
        except LedgerError as exc:
            self.banner.show_message(exc.message, "error")
            return False
        self.accept()
        return True

