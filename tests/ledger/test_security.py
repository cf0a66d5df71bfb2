"""Users and roles: setup mode, permission refusals per role, lock-out, password storage."""

from __future__ import annotations

import hmac
from datetime import datetime, timedelta

import pytest

from ledger import security
from ledger.errors import InvalidInput, PermissionDenied, Refused
from ledger.security import passwords, roles

PW = "Passw0rd1"
ROLE_USERS = {"经办人": "jb", "审核人": "sh", "财务": "cw", "管理员": "admin", "只读": "ck"}
NAMES = {"经办人": "钱晓东", "审核人": "华建国", "财务": "蒋静怡", "管理员": "系统管理员", "只读": "张三"}


@pytest.fixture(autouse=True)
def cheap_scrypt(monkeypatch):
    """Tests hash many passwords: a smaller scrypt cost (the real one is checked separately)."""
    monkeypatch.setattr(passwords, "N", 1024)


@pytest.fixture
def store(ledger_store):
    security.setup_administrator(ledger_store, "admin", "系统管理员", PW)
    security.login(ledger_store, "admin", PW)
    for role, username in ROLE_USERS.items():
        if role != "管理员":
            security.create_user(ledger_store, username, NAMES[role], role, PW)
    security.logout(ledger_store)
    return ledger_store


def as_role(store, role):
    security.logout(store)
    return security.login(store, ROLE_USERS[role], PW)


def test_setup_mode_allows_everything_and_setup_only_once(ledger_store):
    assert security.setup_mode(ledger_store)
    assert all(security.can(ledger_store, a) for a in roles.ACTIONS)
    security.require(ledger_store, "user.manage")  # no exception
    with pytest.raises(PermissionDenied, match="请先创建管理员"):
        security.login(ledger_store, "admin", PW)
    with pytest.raises(InvalidInput, match="至少需要 8 个字符"):
        security.setup_administrator(ledger_store, "admin", "管", "abc1")
    user = security.setup_administrator(ledger_store, "admin", "系统管理员", PW)
    assert user.role == "管理员" and user.active
    with pytest.raises(Refused, match="已有用户"):
        security.setup_administrator(ledger_store, "admin2", "又一个", PW)


def test_system_actor_keeps_only_read_only_actions(store):
    assert store.actor == "system"
    for action in roles.ACTIONS:
        assert security.can(store, action) == (action in roles.READ_ONLY_ACTIONS), action
    with pytest.raises(PermissionDenied, match="未登录（系统身份）无权执行：管理补贴项目"):
        security.require(store, "programme.manage")


def test_claimed_name_without_login_is_refused(store):
    store.actor = "admin"  # what `ipdesk --user admin` without a password would do
    with pytest.raises(PermissionDenied, match="尚未登录"):
        security.require(store, "user.manage")
    store.actor = "nobody"
    with pytest.raises(PermissionDenied, match="用户 nobody 不存在"):
        security.require(store, "data.export")


@pytest.mark.parametrize("role", roles.ROLES)
def test_every_role_gets_exactly_its_permissions(store, role):
    as_role(store, role)
    for action, (label, allowed) in roles.ACTIONS.items():
        if role in allowed:
            security.require(store, action)
        else:
            with pytest.raises(PermissionDenied) as info:
                security.require(store, action)
            assert info.value.message == f"用户 {NAMES[role]}（{role}）无权执行：{label}"


def test_matrix_spot_checks():
    assert roles.role_allows("只读", "data.export")
    assert not roles.role_allows("只读", "record.edit")
    assert not roles.role_allows("管理员", "subsidy.approve")
    assert not roles.role_allows("经办人", "view.bank_account")
    assert roles.actions_of("财务") == ["subsidy.pay", "data.export", "view.bank_account"]
    with pytest.raises(ValueError):
        roles.role_allows("管理员", "no.such.action")


def test_read_only_user_refused_by_a_real_service(store):
    from ledger.services.programmes import ProgrammeInput, create_programme

    as_role(store, "只读")
    before = store.scalar("SELECT count(*) FROM programme")
    with pytest.raises(PermissionDenied, match=r"用户 张三（只读）无权执行：管理补贴项目"):
        create_programme(store, ProgrammeInput(name="试点项目", year=2026))
    assert store.scalar("SELECT count(*) FROM programme") == before
    as_role(store, "管理员")
    create_programme(store, ProgrammeInput(name="试点项目", year=2026))
    assert store.scalar("SELECT count(*) FROM programme") == before + 1


def test_user_management_needs_user_manage(store):
    as_role(store, "经办人")
    with pytest.raises(PermissionDenied, match="无权执行：管理用户"):
        security.create_user(store, "x1", "某人", "只读", PW)
    admin = as_role(store, "管理员")
    u = security.create_user(store, "x1", "某人", "只读", PW)
    assert security.update_user(store, u.id, role="财务").role == "财务"
    assert not security.deactivate_user(store, u.id).active
    with pytest.raises(Refused, match="不能停用当前登录的账户"):
        security.deactivate_user(store, admin.id)
    with pytest.raises(Refused, match="唯一启用的管理员"):
        security.update_user(store, admin.id, role="经办人")
    with pytest.raises(InvalidInput, match="已存在"):
        security.create_user(store, "x1", "重名", "只读", PW)
    with pytest.raises(InvalidInput, match="字母和数字"):
        security.create_user(store, "x2", "某人", "只读", "abcdefghij")


def test_deactivated_user_cannot_log_in_nor_act(store):
    as_role(store, "管理员")
    jb = security.get_user(store, "jb")
    security.deactivate_user(store, jb.id)
    security.logout(store)
    with pytest.raises(PermissionDenied) as info:
        security.login(store, "jb", PW)
    assert info.value.message == "用户名或密码错误"
    as_role(store, "管理员")
    security.unlock_user(store, jb.id)
    as_role(store, "经办人")


def test_lock_out_after_five_failures_and_unlock_after_fifteen_minutes(store):
    t0 = datetime(2026, 11, 25, 9, 30, 0)
    for i in range(4):
        with pytest.raises(PermissionDenied) as info:
            security.login(store, "jb", "wrong-pass1", now=t0 + timedelta(seconds=i))
        assert info.value.message == "用户名或密码错误"
    assert security.get_user(store, "jb").failed_attempts == 4
    with pytest.raises(PermissionDenied, match="账户已锁定，请于 09:45 后重试或联系管理员"):
        security.login(store, "jb", "wrong-pass1", now=t0 + timedelta(seconds=4))
    # locked: even the right password is refused, with the lock message
    with pytest.raises(PermissionDenied) as info:
        security.login(store, "jb", PW, now=t0 + timedelta(minutes=14))
    assert info.value.message == "账户已锁定，请于 09:45 后重试或联系管理员"
    user = security.login(store, "jb", PW, now=t0 + timedelta(minutes=15, seconds=5))
    assert user.failed_attempts == 0 and user.locked_until is None
    ops = [r[0] for r in store.rows("SELECT op FROM audit_log WHERE table_name = 'app_user' AND op LIKE 'LOGIN%'")]
    assert ops.count("LOGIN_FAILED") == 5 and "LOGIN_LOCKED" in ops and ops[-1] == "LOGIN"


def test_expired_lock_gives_a_fresh_count(store):
    t0 = datetime(2026, 1, 5, 8, 0)
    for i in range(5):
        with pytest.raises(PermissionDenied):
            security.login(store, "jb", "wrong-pass1", now=t0 + timedelta(seconds=i))
    later = t0 + timedelta(minutes=20)
    with pytest.raises(PermissionDenied) as info:
        security.login(store, "jb", "wrong-pass1", now=later)
    assert info.value.message == "用户名或密码错误"
    assert security.get_user(store, "jb").failed_attempts == 1


def test_admin_reset_clears_lock(store):
    t0 = datetime.now()
    for _ in range(5):
        with pytest.raises(PermissionDenied):
            security.login(store, "cw", "wrong-pass1", now=t0)
    as_role(store, "管理员")
    security.reset_password(store, security.get_user(store, "cw").id, "NewPass99")
    security.logout(store)
    assert security.login(store, "cw", "NewPass99").role == "财务"


def test_unknown_user_message_is_the_same_and_audited(store):
    with pytest.raises(PermissionDenied) as info:
        security.login(store, "ghost", "whatever1")
    assert info.value.message == "用户名或密码错误"
    row = store.one("SELECT op, new_values FROM audit_log ORDER BY seq DESC LIMIT 1")
    assert row["op"] == "LOGIN_FAILED" and "ghost" in row["new_values"]


def test_passwords_are_salted_scrypt_never_plain(store):
    rows = store.rows("SELECT username, password_hash FROM app_user")
    hashes = [r["password_hash"] for r in rows]
    assert len(set(hashes)) == len(hashes)  # same password, different salts
    for h in hashes:
        assert h.startswith("scrypt$n=") and PW not in h
        assert passwords.verify_password(PW, h) and not passwords.verify_password(PW + "x", h)
    dump = "\n".join(store.conn.iterdump())
    assert PW not in dump


def test_real_parameters_are_in_the_hash_string(monkeypatch):
    monkeypatch.setattr(passwords, "N", 16384)
    stored = passwords.hash_password(PW)
    algo, params, salt, key = stored.split("$")
    assert (algo, params) == ("scrypt", "n=16384,r=8,p=1") and len(salt) >= 22 and len(key) >= 43
    assert passwords.verify_password(PW, stored) and not passwords.needs_rehash(stored)
    monkeypatch.setattr(passwords, "N", 1024)
    assert passwords.verify_password(PW, stored)  # old parameters keep working
    assert passwords.needs_rehash(stored)


def test_verify_is_constant_time_and_survives_garbage(monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(passwords.hmac, "compare_digest", spy)
    stored = passwords.hash_password("abc12345")
    assert passwords.verify_password("abc12345", stored) and calls
    for bad in ("", "plain", "scrypt$n=3,r=8,p=1$AAAA$AAAA", "scrypt$n=1073741824,r=8,p=1$AAAA$AAAAAAAAAAAA",
                "scrypt$n=16384,r=8,p=1$!!$??", stored.replace("scrypt", "bcrypt")):
        assert passwords.verify_password("abc12345", bad) is False


def test_password_policy_messages():
    codes = {i.code for i in passwords.check_password("short1")}
    assert codes == {"password.too_short"}
    assert {i.code for i in passwords.check_password("onlyletters")} == {"password.letters_digits"}
    assert {i.code for i in passwords.check_password("12345678")} == {"password.letters_digits"}
    assert [i.code for i in passwords.check_password("zhang123", username="zhang123")] == ["password.is_username"]
    assert passwords.check_password("Zhang2026") == []


def test_change_own_password(store):
    as_role(store, "只读")
    with pytest.raises(PermissionDenied, match="原密码错误"):
        security.change_password(store, "nope12345", "Better2026")
    security.change_password(store, PW, "Better2026")
    security.logout(store)
    security.login(store, "ck", "Better2026")


def test_demo_passwords(ledger_store):
    from ledger.demo import generate

    generate(ledger_store, scale="local", seed=7)  # gives its users the demo password itself
    users = security.list_users(ledger_store)
    assert users and all(u.has_password for u in users)
    assert security.login(ledger_store, "admin", security.DEMO_PASSWORD).role == "管理员"
    assert security.set_demo_passwords(ledger_store) == 0  # idempotent


def test_mask_account_and_shown_account(store):
    assert security.mask_account("6222 0212 3456 7891 234") == "6222 **** **** 1234"
    assert security.mask_account("6222-0212-3456-78") == "6222 **** **** 5678"
    assert security.mask_account("12345678") == "**** 5678"
    assert security.mask_account("123") == "****"
    assert security.mask_account("") == "" and security.mask_account(None) == ""
    as_role(store, "经办人")
    assert security.shown_account(store, "6222021234567891234") == "6222 **** **** 1234"
    as_role(store, "财务")
    assert security.shown_account(store, "6222021234567891234") == "6222021234567891234"


def test_current_user_and_logout(store):
    assert security.current_user(store) is None
    as_role(store, "审核人")
    assert security.current_user(store).label == "华建国（审核人）"
    security.logout(store)
    assert store.actor == "system" and security.current_user(store) is None
