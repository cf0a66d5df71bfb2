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

LANGUAGES = (("中文（简体）", "zh_CN"), ("English", "en"))  # each in its own language: not translated
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
        self.tabs.addTab(self._build_general(), self.tr("常规设置"))
        self.audit = AuditPage(ops, self.settings, self)
        self.tabs.addTab(self.audit, self.tr("审计日志"))
        self.users = UsersPage(ops.store, self)
        self.tabs.addTab(self.users, self.tr("用户与权限"))
        self.tabs.currentChanged.connect(self._on_tab)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        heading = QLabel(self.tr("设置"), self)
        heading.setObjectName("pageHeading")
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)

    # -- construction ------------------------------------------------------------------------
    def _build_general(self) -> QWidget:
        body = QWidget(self)
        self.edits: dict[str, QLineEdit] = {}
        org = QGroupBox(self.tr("单位信息"), body)
        org_form = QFormLayout(org)
        for key, label, hint in (("bureau_name", self.tr("局名称"), self.tr("印在报告封面；留空则按地区自动生成")),
                                 ("office_code", self.tr("办公室代码"), self.tr("字母、数字、- 或 _，用于数据交换")),
                                 ("office_name", self.tr("办公室名称"), "")):
            edit = QLineEdit(org)
            edit.setPlaceholderText(hint)
            edit.setMinimumWidth(360)
            self.edits[key] = edit
            org_form.addRow(label, edit)
        display = QGroupBox(self.tr("默认值与显示"), body)
        display_form = QFormLayout(display)
        self.programme_box = QComboBox(display)
        self.programme_box.addItem(self.tr("（不指定）"), "")
        self.amount_box = QComboBox(display)
        for unit, text in (("元", self.tr("元")), ("万元", self.tr("万元"))):  # data: the stored unit
            self.amount_box.addItem(text, unit)
        self.date_box = QComboBox(display)
        from ledger.services.settings import DATE_FORMATS

        for fmt, example in DATE_FORMATS.items():
            self.date_box.addItem(self.tr("{example}（{fmt}）").format(example=example, fmt=fmt), fmt)
        self.language_box = QComboBox(display)
        for text, code in LANGUAGES:
            self.language_box.addItem(text, code)
        for box in (self.programme_box, self.amount_box, self.date_box):
            box.setMinimumWidth(200)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        display_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        display_form.addRow(self.tr("默认试点项目"), self.programme_box)
        display_form.addRow(self.tr("金额显示单位"), self.amount_box)
        display_form.addRow(self.tr("日期格式"), self.date_box)
        language_row = QHBoxLayout()
        language_row.addWidget(self.language_box)
        language_row.addWidget(_note(self.tr("重启后生效"), display))
        language_row.addStretch(1)
        display_form.addRow(self.tr("界面语言"), language_row)
        self.save_button = QPushButton(self.tr("保存设置"), body)
        self.revert_button = QPushButton(self.tr("还原"), body)
        self.message = QLabel("", body)
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.message, 1)
        backup = QGroupBox(self.tr("备份"), body)
        backup_form = QFormLayout(backup)
        self.backup_folder = QLabel("", backup)
        self.backup_folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_folder.setWordWrap(True)
        self.backup_retention = QLabel("", backup)
        self.backup_retention.setWordWrap(True)
        self.backup_latest = QLabel("", backup)
        self.backup_open = QPushButton(self.tr("打开备份文件夹"), backup)
        backup_form.addRow(self.tr("备份文件夹"), self.backup_folder)
        backup_form.addRow(self.tr("保留规则"), self.backup_retention)
        backup_form.addRow(self.tr("现有备份"), self.backup_latest)
        backup_form.addRow("", _left(self.backup_open))
        info = QGroupBox(self.tr("当前数据库"), body)
        info_form = QFormLayout(info)
        self.db_label = QLabel("", info)
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.db_label.setWordWrap(True)
        self.user_label = QLabel("", info)
        self.audit_button = QPushButton(self.tr("查看审计日志"), info)
        info_form.addRow(self.tr("文件"), self.db_label)
        info_form.addRow(self.tr("当前用户"), self.user_label)
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
        self.programme_box.addItem(self.tr("（不指定）"), "")
        for p in data["programmes"]:
            self.programme_box.addItem(p["name"], str(p["id"]))
        self.programme_box.setCurrentIndex(max(0, self.programme_box.findData(values["default_programme_id"])))
        self.amount_box.setCurrentIndex(max(0, self.amount_box.findData(values["amount_unit"])))
        self.date_box.setCurrentIndex(max(0, self.date_box.findData(values["date_format"])))
        self.language_box.setCurrentIndex(max(0, self.language_box.findData(self.language())))
        info = data["backup"]
        self.backup_folder.setText(info.folder)
        self.backup_retention.setText(info.retention)
        self.backup_latest.setText(self.tr("{generations} 份自动备份").format(generations=info.generations) + (self.tr("，最新：{latest}").format(latest=info.latest) if info.latest else ""))
        self.db_label.setText(data["path"] + (self.tr("（只读）") if data["readonly"] else ""))
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
            from desktop.models.formatting import set_display_preferences

            self.values.update(values)
            set_display_preferences(values)  # registers and tiles show it from their next query
            for edit in self.edits.values():
                edit.setStyleSheet("")
            parts = [self.tr("已保存 {n} 项设置").format(n=len(changed)) if changed else self.tr("设置没有变化")]
            if language_changed:
                parts.append(self.tr("界面语言将在重启后生效"))
            self._message(self.tr("；").join(parts) + self.tr("。"), ok=True)
            self.saved.emit(changed)

        def failed(exc: Exception) -> None:
            issues = getattr(exc, "issues", [])
            for issue in issues:
                if issue.field in self.edits:
                    self.edits[issue.field].setStyleSheet("border: 1px solid #b3261e;")
            message = getattr(exc, "message", None) or self.tr("保存失败：{exc}").format(exc=exc)
            self._message(message, error=True)
            self.saveFailed.emit(message)

        self._message(self.tr("正在保存…"))
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
