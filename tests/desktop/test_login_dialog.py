"""Login dialog (first run, wrong password, lock-out) and the users page (hidden buttons, add/reset)."""

from __future__ import annotations

import pytest

from desktop.dialogs.login import LoginDialog
from desktop.pages.users_page import UsersPage
from ledger import security
from ledger.security import passwords

PW = "Admin1234"


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    monkeypatch.setattr(passwords, "N", 1024)


@pytest.fixture
def with_users(store):
    security.setup_administrator(store, "admin", "系统管理员", PW)
    security.login(store, "admin", PW)
    security.create_user(store, "ck", "邹一鸣", "只读", "Chakan123")
    security.logout(store)
    return store


def test_first_run_creates_the_administrator(qtbot, store):
    dialog = LoginDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.first_run and dialog.ok_button.text() == "创建管理员并登录"
    dialog.password.setText("short1")
    dialog.confirm.setText("short1")
    dialog.ok_button.click()
    assert dialog.error.isVisibleTo(dialog) and "至少需要 8 个字符" in dialog.error.text()
    dialog.password.setText("Admin1234")
    dialog.confirm.setText("Admin9999")
    dialog.ok_button.click()
    assert dialog.error.text() == "两次输入的密码不一致"
    dialog.password.setText(PW)
    dialog.confirm.setText(PW)
    dialog.ok_button.click()
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    assert dialog.user.username == "admin" and dialog.user.role == "管理员"
    assert store.actor == "admin" and security.can(store, "user.manage")


def test_wrong_password_then_lock_out_shown_in_dialog(qtbot, with_users):
    dialog = LoginDialog(with_users)
    qtbot.addWidget(dialog)
    assert not dialog.first_run and not dialog.confirm.isVisibleTo(dialog)
    dialog.username.setText("nobody")
    dialog.password.setText("whatever1")
    dialog.ok_button.click()
    assert dialog.error.text() == "用户名或密码错误" and dialog.password.text() == ""
    for _ in range(5):
        dialog.username.setText("ck")
        dialog.password.setText("wrong1234")
        dialog.ok_button.click()
    assert "账户已锁定，请于" in dialog.error.text() and "后重试或联系管理员" in dialog.error.text()
    dialog.password.setText("Chakan123")
    dialog.ok_button.click()
    assert dialog.error.text().startswith("账户已锁定")
    assert dialog.result() != LoginDialog.DialogCode.Accepted and dialog.user is None


def test_successful_login(qtbot, with_users):
    dialog = LoginDialog(with_users)
    qtbot.addWidget(dialog)
    dialog.username.setText("ck")
    dialog.password.setText("Chakan123")
    dialog.ok_button.click()
    assert dialog.user is not None and dialog.user.label == "邹一鸣（只读）"
    assert with_users.actor == "ck"


def test_users_page_hides_management_from_read_only(qtbot, with_users):
    security.login(with_users, "ck", "Chakan123")
    page = UsersPage(with_users)
    qtbot.addWidget(page)
    assert page.table.rowCount() == 2
    assert not any(b.isVisibleTo(page) for b in page.manage_buttons)


def test_users_page_admin_adds_resets_and_deactivates(qtbot, with_users):
    security.login(with_users, "admin", PW)
    page = UsersPage(with_users)
    qtbot.addWidget(page)
    assert all(b.isVisibleTo(page) for b in page.manage_buttons)
    dialog = page.open_add_dialog()
    dialog.username.setText("cw1")
    dialog.display_name.setText("蒋静怡")
    dialog.role.setCurrentText("财务")
    dialog.password.setText("abc")
    dialog.confirm.setText("abc")
    dialog.ok_button.click()
    assert dialog.isVisible() and "至少需要 8 个字符" in dialog.error.text()
    dialog.password.setText("Caiwu2026")
    dialog.confirm.setText("Caiwu2026")
    dialog.ok_button.click()
    assert not dialog.isVisible()
    assert page.table.rowCount() == 3 and page.selected_user().username == "cw1"
    rows = {page.table.item(r, 0).text(): page.table.item(r, 2).text() for r in range(3)}
    assert rows["cw1"] == "财务"

    reset = page.open_reset_dialog()
    reset.password.setText("Caiwu2027")
    reset.confirm.setText("Caiwu2027")
    reset.ok_button.click()
    assert "已重置 蒋静怡 的密码" in page.message.text()

    page.deactivate_selected()
    assert page.selected_user().active is False and "已停用" in page.message.text()
    page.select_username("admin")
    page.deactivate_selected()
    assert page.message.text() == "不能停用当前登录的账户"
    page.select_username("cw1")
    page.unlock_selected()
    assert page.selected_user().active is True
    security.logout(with_users)
    assert security.login(with_users, "cw1", "Caiwu2027").role == "财务"
