"""Login dialog; on a database without users it is the first-run "创建管理员" form.

Usage (desktop/app.py, after ``open_for_app``)::

    user = ask_login(store, parent=None)
    if user is None:          # cancelled
        return 0
    lock.set_user(user.label) # a second instance names the person

Errors (wrong password, lock-out, password policy) are shown inside the dialog; the message for
an unknown user and for a wrong password is the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ledger import demo, security
from ledger.errors import LedgerError
from ledger.security import User
from ledger.store import Store


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.user: User | None = None
        self.first_run = security.setup_mode(store)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("首次使用：创建管理员") if self.first_run else self.tr("登录 — 知识产权保险试点工作台"))
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("这是第一次使用本数据库。请创建管理员账户：管理员负责添加经办人、审核人、财务等用户。")
            if self.first_run else self.tr("数据库：{name}").format(name=store.path.name), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.username.setMaxLength(64)
        form.addRow(self.tr("用户名"), self.username)
        self.display_name = QLineEdit(self)
        self.display_name.setObjectName("displayName")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        if self.first_run:
            self.username.setText("admin")
            self.display_name.setText(self.tr("系统管理员"))
            form.addRow(self.tr("姓名"), self.display_name)
            form.addRow(self.tr("密码"), self.password)
            form.addRow(self.tr("确认密码"), self.confirm)
            hint = QLabel(self.tr("密码至少 8 位，须同时包含字母和数字。"), self)
            hint.setObjectName("hint")
            form.addRow("", hint)
        else:
            form.addRow(self.tr("密码"), self.password)
            self.display_name.hide()
            self.confirm.hide()
        layout.addLayout(form)
        demo_hint = "" if self.first_run else demo.login_hint(store)
        if demo_hint:  # a demo database names its demo accounts; real ones never do
            self.demo_hint = QLabel(demo_hint, self)
            self.demo_hint.setObjectName("demoHint")
            self.demo_hint.setWordWrap(True)
            self.demo_hint.setStyleSheet("color: #475467;")
            layout.addWidget(self.demo_hint)
            self.username.setText("admin")
        self.error = QLabel("", self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b42318;")
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("创建管理员并登录") if self.first_run else self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.password if not self.first_run else self.username).setFocus()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def submit(self) -> None:
        username = self.username.text().strip()
        password = self.password.text()
        if not username:
            self.show_error(self.tr("请输入用户名"))
            return
        try:
            if self.first_run:
                if password != self.confirm.text():
                    self.show_error(self.tr("两次输入的密码不一致"))
                    return
                security.setup_administrator(self.store, username, self.display_name.text(), password)
            self.user = security.login(self.store, username, password)
        except LedgerError as exc:
            self.show_error(exc.message)
            self.password.clear()
            self.confirm.clear()
            self.password.setFocus()
            return
        self.accept()


def ask_login(store: Store, parent: QWidget | None = None) -> User | None:
    """Show the dialog modally; the logged-in user, or None when cancelled."""
    dialog = LoginDialog(store, parent)
    return dialog.user if dialog.exec() == QDialog.DialogCode.Accepted else None
