"""用户管理: accounts with role, state and lock-out; add / edit / reset password / deactivate / unlock.

The action buttons are hidden unless the logged-in user may ``user.manage``; the services
refuse anyway. Dialogs are window-modal but not blocking (``open``), and show errors inline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import QT_TRANSLATE_NOOP, translate
from ledger import security
from ledger.errors import LedgerError
from ledger.security import ROLES, User
from ledger.store import Store

COLUMNS = (
    QT_TRANSLATE_NOOP("pages.users_page", "用户名"),
    QT_TRANSLATE_NOOP("pages.users_page", "姓名"),
    QT_TRANSLATE_NOOP("pages.users_page", "角色"),
    QT_TRANSLATE_NOOP("pages.users_page", "状态"),
    QT_TRANSLATE_NOOP("pages.users_page", "登录锁定"),
    QT_TRANSLATE_NOOP("pages.users_page", "密码"),
)


class _FormDialog(QDialog):
    """A small form whose OK runs ``on_submit``; a LedgerError keeps it open with the message."""

    def __init__(self, title: str, on_submit: Callable[[], None], parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(360)
        self._on_submit = on_submit
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = QLabel("", self)
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b42318;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.layout_.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self._submit)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def _password_pair(self) -> tuple[QLineEdit, QLineEdit]:
        first, second = QLineEdit(self), QLineEdit(self)
        for field in (first, second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(self.tr("密码"), first)
        self.form.addRow(self.tr("确认密码"), second)
        self.form.addRow("", QLabel(self.tr("至少 8 位，须同时包含字母和数字"), self))
        return first, second

    def _submit(self) -> None:
        try:
            self._on_submit()
        except LedgerError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class UsersPage(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("page_users")
        self._users: list[User] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        heading = QLabel(self.tr("用户管理"), self)
        heading.setObjectName("pageHeading")
        layout.addWidget(heading)
        bar = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增用户"), self)
        self.edit_button = QPushButton(self.tr("编辑"), self)
        self.reset_button = QPushButton(self.tr("重置密码"), self)
        self.deactivate_button = QPushButton(self.tr("停用"), self)
        self.unlock_button = QPushButton(self.tr("启用/解锁"), self)
        self.manage_buttons = (self.add_button, self.edit_button, self.reset_button, self.deactivate_button,
                               self.unlock_button)
        for button in self.manage_buttons:
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translate("pages.users_page", c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel("", self)
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.add_button.clicked.connect(self.open_add_dialog)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.reset_button.clicked.connect(self.open_reset_dialog)
        self.deactivate_button.clicked.connect(self.deactivate_selected)
        self.unlock_button.clicked.connect(self.unlock_selected)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_user()
        self._users = security.list_users(self.store)
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            until = user.locked_at()
            cells = (user.username, user.display_name, user.role, self.tr("启用") if user.active else self.tr("停用"),
                     self.tr("锁定至 {until:%H:%M}").format(until=until) if until else "—", self.tr("已设置") if user.has_password else self.tr("未设置"))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
            if selected is not None and user.id == selected.id:
                self.table.selectRow(row)
        allowed = security.can(self.store, "user.manage")
        for button in self.manage_buttons:
            button.setVisible(allowed)
        self._update_buttons()

    def selected_user(self) -> User | None:
        rows = {i.row() for i in self.table.selectedIndexes()}
        return self._users[min(rows)] if rows and min(rows) < len(self._users) else None

    def select_username(self, username: str) -> None:
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        has = self.selected_user() is not None
        for button in (self.edit_button, self.reset_button, self.deactivate_button, self.unlock_button):
            button.setEnabled(has)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    # -- actions ------------------------------------------------------------------------------
    def open_add_dialog(self) -> _FormDialog:
        dialog = _FormDialog(self.tr("新增用户"), lambda: None, self)
        username, name, role = QLineEdit(dialog), QLineEdit(dialog), QComboBox(dialog)
        role.addItems(list(ROLES))
        dialog.form.addRow(self.tr("用户名"), username)
        dialog.form.addRow(self.tr("姓名"), name)
        dialog.form.addRow(self.tr("角色"), role)
        pw, confirm = dialog._password_pair()
        dialog.username, dialog.display_name, dialog.role, dialog.password, dialog.confirm = (
            username, name, role, pw, confirm)

        def submit() -> None:
            if pw.text() != confirm.text():
                raise LedgerError(self.tr("两次输入的密码不一致"))
            user = security.create_user(self.store, username.text().strip(), name.text(), role.currentText(),
                                        pw.text())
            self.refresh()
            self.select_username(user.username)
            self._say(self.tr("已添加用户 {username}：{label}").format(username=user.username, label=user.label))

        dialog._on_submit = submit
        dialog.open()
        return dialog

    def open_edit_dialog(self) -> _FormDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = _FormDialog(self.tr("编辑用户 {username}").format(username=user.username), lambda: None, self)
        name, role = QLineEdit(user.display_name, dialog), QComboBox(dialog)
        role.addItems(list(ROLES))
        role.setCurrentText(user.role)
        dialog.form.addRow(self.tr("用户名"), QLabel(user.username, dialog))
        dialog.form.addRow(self.tr("姓名"), name)
        dialog.form.addRow(self.tr("角色"), role)
        dialog.display_name, dialog.role = name, role

        def submit() -> None:
            updated = security.update_user(self.store, user.id, display_name=name.text(), role=role.currentText())
            self.refresh()
            self._say(self.tr("已保存用户 {username}：{label}").format(username=updated.username, label=updated.label))

        dialog._on_submit = submit
        dialog.open()
        return dialog

    def open_reset_dialog(self) -> _FormDialog | None:
        user = self.selected_user()
        if user is None:
            return None
        dialog = _FormDialog(self.tr("重置 {name} 的密码").format(name=user.name), lambda: None, self)
        pw, confirm = dialog._password_pair()
        dialog.password, dialog.confirm = pw, confirm

        def submit() -> None:
            if pw.text() != confirm.text():
                raise LedgerError(self.tr("两次输入的密码不一致"))
            security.reset_password(self.store, user.id, pw.text())
            self.refresh()
            self._say(self.tr("已重置 {name} 的密码，并解除登录锁定").format(name=user.name))

        dialog._on_submit = submit
        dialog.open()
        return dialog

    def deactivate_selected(self) -> None:
        self._run(lambda u: security.deactivate_user(self.store, u.id), self.tr("已停用用户 {username}"))

    def unlock_selected(self) -> None:
        self._run(lambda u: security.unlock_user(self.store, u.id), self.tr("已启用并解锁用户 {username}"))

    def _run(self, action: Callable[[User], object], done: str) -> None:
        user = self.selected_user()
        if user is None:
            return
        try:
            action(user)
        except LedgerError as exc:
            self._say(exc.message)
            return
        self.refresh()
        self._say(done.format(username=user.username))
