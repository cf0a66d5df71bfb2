"""``ipdesk user …`` and the CLI login helper (passwords from the environment, never arguments)."""

from __future__ import annotations

import argparse

import pytest

from desktop import cli
from desktop.commands.auth import authenticated_store
from ledger import security
from ledger.errors import PermissionDenied
from ledger.security import passwords


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    monkeypatch.setattr(passwords, "N", 1024)


def run(monkeypatch, capsys, *argv, password=None, new=None):
    for name, value in (("IPDESK_PASSWORD", password), ("IPDESK_NEW_PASSWORD", new)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail(f"unexpected prompt {prompt}"))
    rc = cli.main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_user_commands_end_to_end(db_path, monkeypatch, capsys):
    db = str(db_path)
    rc, out, _ = run(monkeypatch, capsys, "--db", db, "user", "setup", "--username", "admin", password="Admin1234")
    assert rc == 0 and "已创建管理员 admin" in out
    rc, _, err = run(monkeypatch, capsys, "--db", db, "user", "setup", password="Admin1234")
    assert rc == 3 and "不能再次初始化" in err
    rc, _, err = run(monkeypatch, capsys, "--db", db, "user", "add", "jb", "--role", "经办人", new="Jb123456")
    assert rc == 3 and "需要登录" in err
    rc, _, err = run(monkeypatch, capsys, "--db", db, "--user", "admin", "user", "add", "jb", "--role", "经办人",
                     password="wrong1234", new="Jb123456")
    assert rc == 3 and "用户名或密码错误" in err
    rc, out, _ = run(monkeypatch, capsys, "--db", db, "--user", "admin", "user", "add", "jb", "--role", "经办人",
                     "--display-name", "钱晓东", password="Admin1234", new="Jb123456")
    assert rc == 0 and "钱晓东（经办人）" in out
    rc, _, err = run(monkeypatch, capsys, "--db", db, "--user", "jb", "user", "lock", "admin", password="Jb123456")
    assert rc == 3 and "用户 钱晓东（经办人）无权执行：管理用户" in err
    rc, _, _ = run(monkeypatch, capsys, "--db", db, "--user", "admin", "user", "lock", "jb", password="Admin1234")
    assert rc == 0
    rc, out, _ = run(monkeypatch, capsys, "--db", db, "user", "list")
    assert rc == 0 and "停用" in out
    rc, _, _ = run(monkeypatch, capsys, "--db", db, "--user", "admin", "user", "unlock", "jb", password="Admin1234")
    assert rc == 0
    rc, _, _ = run(monkeypatch, capsys, "--db", db, "--user", "jb", "user", "passwd", "jb", password="Jb123456",
                   new="Jb999999")
    assert rc == 0
    monkeypatch.setenv("IPDESK_PASSWORD", "Jb999999")
    store = authenticated_store(argparse.Namespace(db=db_path, user="jb"), "record.edit")
    try:
        assert store.actor == "jb" and security.can(store, "record.edit")
    finally:
        store.close()


def test_authenticated_store_in_setup_mode_and_as_system(db_path, monkeypatch):
    store = authenticated_store(argparse.Namespace(db=db_path, user="脚本"), "user.manage", create=True)
    assert store.actor == "脚本"  # no users yet: everything allowed, actor only names the audit entries
    security.setup_administrator(store, "admin", "管理员", "Admin1234")
    store.close()
    store = authenticated_store(argparse.Namespace(db=db_path, user="system"), "data.export")
    store.close()
    with pytest.raises(PermissionDenied, match="需要登录"):
        authenticated_store(argparse.Namespace(db=db_path, user="system"), "record.edit")


def test_no_terminal_and_no_password_variable_is_a_clear_refusal(db_path, monkeypatch, capsys):
    """Stdin closed (a script, a scheduled task): getpass hits EOF — exit 2 with a message, no traceback."""
    import subprocess
    import sys

    db = str(db_path)
    assert run(monkeypatch, capsys, "--db", db, "user", "setup", "--username", "admin", password="Admin1234")[0] == 0
    env = {k: v for k, v in __import__("os").environ.items() if k != "IPDESK_PASSWORD"}
    proc = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", db, "--user", "admin", "user", "add", "jb", "--role", "经办人"],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert "未输入密码" in proc.stderr and "IPDESK_PASSWORD" in proc.stderr and "Traceback" not in proc.stderr
