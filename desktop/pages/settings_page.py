"""设置 page: ledger settings (ledger.services.settings, audited), UI language (QSettings), backup
information, and the audit log viewer in its second tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ops import Ops
from desktop.pages.audit_page import AuditPage
from desktop.pages.users_page import UsersPage
from desktop.widgets.pdf_preview import open_folder

LANGUAGES = (("中文（简体）", "zh_CN"), ("English", "en"))
LANGUAGE_KEY = "ui/language"
FIELDS = ("bureau_name", "office_code", "office_name", "default_programme_id", "amount_unit", "date_format")


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName("hintText")
    label.setWordWrap(True)
    label.setStyleSheet("color: #6b7485;")
    return label


def _left(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row


class SettingsPage(QWidget):
    saved = Signal(list)  # changed keys
    saveFailed = Signal(str)

    def __init__(self, ops: Ops, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_settings")
        self.ops = ops
        self.settings = settings or QSettings()
        self._loaded = False
        self.values: dict[str, str] = {}
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._build_general(), "常规设置")
        self.audit = AuditPage(ops, self.settings, self)
        self.tabs.addTab(self.audit, "审计日志")
        self.users = UsersPage(ops.store, self)
        self.tabs.addTab(self.users, "用户与权限")
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        heading = QLabel("设置", self)
        heading.setObjectName("pageHeading")
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    # -- construction ------------------------------------------------------------------------
    def _build_general(self) -> QWidget:
        body = QWidget(self)
        self.edits: dict[str, QLineEdit] = {}
        org = QGroupBox("单位信息", body)
        org_form = QFormLayout(org)
        for key, label, hint in (("bureau_name", "局名称", "印在报告封面；留空则按地区自动生成"),
                                 ("office_code", "办公室代码", "字母、数字、- 或 _，用于数据交换"),
                                 ("office_name", "办公室名称", "")):
            edit = QLineEdit(org)
            edit.setPlaceholderText(hint)
            edit.setMinimumWidth(360)
            self.edits[key] = edit
            org_form.addRow(label, edit)
        display = QGroupBox("默认值与显示", body)
        display_form = QFormLayout(display)
        self.programme_box = QComboBox(display)
        self.programme_box.addItem("（不指定）", "")
        self.amount_box = QComboBox(display)
        for unit in ("元", "万元"):
            self.amount_box.addItem(unit, unit)
        self.date_box = QComboBox(display)
        from ledger.services.settings import DATE_FORMATS

        for fmt, example in DATE_FORMATS.items():
            self.date_box.addItem(f"{example}（{fmt}）", fmt)
        self.language_box = QComboBox(display)
        for text, code in LANGUAGES:
            self.language_box.addItem(text, code)
        for box in (self.programme_box, self.amount_box, self.date_box):
            box.setMinimumWidth(200)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        display_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        display_form.addRow("默认试点项目", self.programme_box)
        display_form.addRow("金额显示单位", self.amount_box)
        display_form.addRow("日期格式", self.date_box)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_box)
        language_row.addWidget(_note("重启后生效", display))
        language_row.addStretch(1)
        display_form.addRow("界面语言", language_row)
        self.save_button = QPushButton("保存设置", body)
        self.revert_button = QPushButton("还原", body)
        self.message = QLabel("", body)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)
        backup = QGroupBox("备份", body)
        backup_form = QFormLayout(backup)
        self.backup_folder = QLabel("", backup)
        self.backup_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_folder.setWordWrap(True)
        self.backup_retention = QLabel("", backup)
        self.backup_retention.setWordWrap(True)
        self.backup_latest = QLabel("", backup)
        self.backup_open = QPushButton("打开备份文件夹", backup)
        backup_form.addRow("备份文件夹", self.backup_folder)
        backup_form.addRow("保留规则", self.backup_retention)
        backup_form.addRow("现有备份", self.backup_latest)
        backup_form.addRow("", _left(self.backup_open))
        info = QGroupBox("当前数据库", body)
        info_form = QFormLayout(info)
        self.db_label = QLabel("", info)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.setWordWrap(True)
        self.user_label = QLabel("", info)
        self.audit_button = QPushButton("查看审计日志", info)
        info_form.addRow("文件", self.db_label)
        info_form.addRow("当前用户", self.user_label)
        info_form.addRow("", _left(self.audit_button))
        column = QVBoxLayout(body)
        column.setContentsMargins(12, 12, 12, 12)
        for w in (org, display):
            column.addWidget(w)
        column.addLayout(buttons)
        column.addWidget(backup)
        column.addWidget(info)
        column.addStretch(1)
        body.setMaximumWidth(820)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        self.backup_open.clicked.connect(lambda: open_folder(self.backup_folder.text()))
        self.audit_button.clicked.connect(lambda: self.show_audit())
        return scroll

    # -- loading -----------------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()
        if self.tabs.currentWidget() is self.audit:
            self.audit.ensure_loaded()

    def store_changed(self) -> None:
        self._loaded = False
        self.audit.store_changed()
        self.users.store = self.ops.store
        self.users.refresh()
        if self.isVisible():
            self.ensure_loaded()

    def refresh(self) -> None:
        self._loaded = True

        def load(store: Any) -> dict[str, Any]:
            from ledger.services import programmes, settings

            return {"values": settings.all_settings(store), "programmes": programmes.list_programmes(store),
                    "backup": settings.backup_info(store), "path": str(store.path), "actor": store.actor,
                    "readonly": store.readonly}

        self.ops.run("settings:load", load, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        values = data["values"]
        self.values = dict(values)
        for key, edit in self.edits.items():
            edit.setText(values.get(key, ""))
        self.programme_box.clear()
        self.programme_box.addItem("（不指定）", "")
        for p in data["programmes"]:
            self.programme_box.addItem(p["name"], str(p["id"]))
        self.programme_box.setCurrentIndex(max(0, self.programme_box.findData(values["default_programme_id"])))
        self.amount_box.setCurrentIndex(max(0, self.amount_box.findData(values["amount_unit"])))
        self.date_box.setCurrentIndex(max(0, self.date_box.findData(values["date_format"])))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.language())))
        info = data["backup"]
        self.backup_folder.setText(info.folder)
        self.backup_retention.setText(info.retention)
        self.backup_latest.setText(f"{info.generations} 份自动备份" + (f"，最新：{info.latest}" if info.latest else ""))
        self.db_label.setText(data["path"] + ("（只读）" if data["readonly"] else ""))
        self.user_label.setText(data["actor"])
        self.save_button.setEnabled(not data["readonly"])
        for edit in self.edits.values():
            edit.setStyleSheet("")

    def language(self) -> str:
        return str(self.settings.value(LANGUAGE_KEY, "zh_CN") or "zh_CN")

    # -- saving ------------------------------------------------------------------------------
    def form_values(self) -> dict[str, str]:
        out = {key: edit.text().strip() for key, edit in self.edits.items()}
        out["default_programme_id"] = self.programme_box.currentData() or ""
        out["amount_unit"] = self.amount_box.currentData()
        out["date_format"] = self.date_box.currentData()
        return out

    def save(self) -> None:
        values = self.form_values()
        language = self.language_box.currentData()
        language_changed = language != self.language()
        if language_changed:
            self.settings.setValue(LANGUAGE_KEY, language)
            self.settings.sync()

        def write(store: Any) -> list[str]:
            from ledger.services import settings

            return settings.set_settings(store, values)

        def done(changed: list[str]) -> None:
            self.values.update(values)
            for edit in self.edits.values():
                edit.setStyleSheet("")
            parts = [f"已保存 {len(changed)} 项设置" if changed else "设置没有变化"]
            if language_changed:
                parts.append("界面语言将在重启后生效")
            self._message("；".join(parts) + "。", ok=True)
            self.saved.emit(changed)

        def failed(exc: Exception) -> None:
            issues = getattr(exc, "issues", [])
            for issue in issues:
                if issue.field in self.edits:
                    self.edits[issue.field].setStyleSheet("border: 1px solid #b3261e;")
            message = getattr(exc, "message", None) or f"保存失败：{exc}"
            self._message(message, error=True)
            self.saveFailed.emit(message)

        self._message("正在保存…")
        self.ops.run("settings:save", write, done, failed)

    def _message(self, text: str, *, ok: bool = False, error: bool = False) -> None:
        color = "#b3261e" if error else "#1e7b34" if ok else "#4a5468"
        self.message.setStyleSheet(f"color: {color};")
        self.message.setText(text)

    # -- audit -------------------------------------------------------------------------------
    def show_audit(self, uuids: tuple[str, ...] | list[str] | None = None, description: str = "") -> None:
        self.tabs.setCurrentWidget(self.audit)
        self.audit.ensure_loaded()
        if uuids is not None:
            self.audit.show_records(tuple(uuids), description)

    def _on_tab(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.audit:
            self.audit.ensure_loaded()
