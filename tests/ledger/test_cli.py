"""``ipdesk`` exit codes and Chinese messages for good and bad input; the database stays unchanged."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest


def ipdesk(*args, env=None):
    return subprocess.run([sys.executable, "-m", "desktop.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def test_version_and_help_are_chinese():
    assert ipdesk("--version").stdout.startswith("ipdesk ")
    out = ipdesk("--help").stdout
    assert "知识产权保险试点工作台" in out and "子命令" in out


def test_usage_error_is_exit_1():
    result = ipdesk("stats", "--year", "abc")
    assert result.returncode == 1 and "参数错误" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"", "不存在"),
    (b"this is not a database at all" * 10, "不是 SQLite 数据库"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "无法打开"),
])
def test_bad_database_files_exit_3_with_message(tmp_path, content, message):
    path = tmp_path / "bad.sqlite"
    if content:
        path.write_bytes(content)
    for command in (["stats"], ["check"], ["backup", str(tmp_path / "b.sqlite")]):
        result = ipdesk("--db", str(path), *command)
        assert result.returncode == 3, (command, result.stderr)
        assert message in result.stderr, (command, result.stderr)
    if content:
        assert path.read_bytes() == content


def test_env_var_selects_the_database(tmp_path):
    from ledger.services.opening import open_ledger

    db = tmp_path / "env.sqlite"
    open_ledger(db).close()
    result = ipdesk("check", env={"IPDESK_DB": str(db)})
    assert result.returncode == 0 and "全部检查通过" in result.stdout


def test_backup_restore_roundtrip_and_refusals(tmp_path, ledger_store, db_path):
    from factories import enterprise

    enterprise(ledger_store, 0)
    bak = tmp_path / "copy.bak.sqlite"
    assert ipdesk("--db", str(db_path), "backup", str(bak)).returncode == 0
    assert oct(bak.stat().st_mode & 0o777) == "0o600"
    enterprise(ledger_store, 1)
    ledger_store.close()
    result = ipdesk("--db", str(db_path), "restore", str(bak))
    assert result.returncode == 0, result.stderr
    check = ipdesk("--db", str(db_path), "check")
    assert check.returncode == 0, check.stdout
    from ledger.store import open_store

    store = open_store(db_path)
    assert store.scalar("SELECT count(*) FROM enterprise") == 1
    store.close()
    digest = hashlib.sha256(db_path.read_bytes()).hexdigest()
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"garbage")
    result = ipdesk("--db", str(db_path), "restore", str(junk))
    assert result.returncode == 3 and "不是 SQLite 数据库" in result.stderr
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == digest


def test_check_reports_broken_invariants_and_exits_3(ledger_store, db_path):
    from factories import enterprise, policy

    eid = enterprise(ledger_store, 0)
    policy(ledger_store, eid, "P-1")
    import sqlite3

    raw = sqlite3.connect(db_path)  # bypass the services as a broken import would
    raw.create_function("app_now", 0, lambda: "t")
    raw.create_function("app_actor", 0, lambda: "x")
    from ledger.store.audit import chain_hash

    raw.create_function("app_hash", 8, chain_hash)
    raw.execute("UPDATE policy_insurer SET share_bp = 5000")
    raw.commit()
    raw.close()
    result = ipdesk("--db", str(db_path), "check")
    assert result.returncode == 3 and "共保份额合计不等于 100%" in result.stdout
