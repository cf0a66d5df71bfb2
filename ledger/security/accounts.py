"""Local accounts: first-run administrator, login with lock-out, user management.

* :func:`setup_administrator` works only while no user exists (first run).
* :func:`login` checks the password (scrypt, constant-time), counts failures and locks the
  account for :data:`LOCK_MINUTES` after :data:`MAX_FAILURES` consecutive failures. Its
  messages never reveal whether a user name exists (``用户名或密码错误``); unknown names cost the
  same scrypt time. Logins, failures, lock-outs and logouts are appended to the audit chain.
* Managing users needs ``user.manage`` (管理员); the last active administrator cannot be
  demoted or deactivated.
* Demo databases: the demo generator inserts users with an empty ``password_hash`` (nobody can
  log in with an empty hash) and then calls :func:`set_demo_passwords`, which gives each of them
  the password ``demo1234``. A demo database must never hold real data.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from ledger.errors import InvalidInput, Issue, NotFound, PermissionDenied, Refused
from ledger.security import roles
from ledger.security.access import (
    SYSTEM,
    User,
    current_user,
    end_session,
    logged_in,
    require,
    setup_mode,
    start_session,
    user_from_row,
)
from ledger.security.passwords import (
    burn_time,
    check_password,
    hash_password,
    needs_rehash,
    verify_password,
)
from ledger.store import Store, audit, users_sql

MAX_FAILURES = 5
LOCK_MINUTES = 15
WRONG = "用户名或密码错误"
DEMO_PASSWORD = "demo1234"


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0).isoformat(timespec="seconds")


def _locked_message(until: datetime) -> str:
    return f"账户已锁定，请于 {until:%H:%M} 后重试或联系管理员"


def _check_username(store: Store, username: str) -> list[Issue]:
    issues = []
    if not username or len(username) > 64 or any(ch.isspace() for ch in username):
        issues.append(Issue("username", "username.format", "用户名须为 1–64 个字符，且不能包含空格"))
    elif username.lower() == SYSTEM:
        issues.append(Issue("username", "username.reserved", "用户名 system 为系统保留，请换一个"))
    elif users_sql.by_username(store.conn, username) is not None:
        issues.append(Issue("username", "username.duplicate", f"用户名 {username} 已存在"))
    return issues


def _check_role(role: str) -> list[Issue]:
    if role in roles.ROLES:
        return []
    return [Issue("role", "role.unknown", f"角色必须是{'、'.join(roles.ROLES)}之一")]


def _get(store: Store, user_id: int) -> User:
    row = users_sql.by_id(store.conn, user_id)
    if row is None:
        raise NotFound(f"用户不存在（#{user_id}）")
    return user_from_row(row)


def get_user(store: Store, username: str) -> User:
    row = users_sql.by_username(store.conn, username)
    if row is None:
        raise NotFound(f"用户 {username} 不存在")
    return user_from_row(row)


def list_users(store: Store) -> list[User]:
    return [user_from_row(r) for r in users_sql.all_users(store.conn)]


# -- first run ------------------------------------------------------------------------------
def setup_administrator(store: Store, username: str, display_name: str, password: str) -> User:
    """Create the first administrator; refused once any user exists."""
    if not setup_mode(store):
        raise Refused("系统已有用户，不能再次初始化管理员；请由管理员登录后添加用户")
    issues = _check_username(store, username) + check_password(password, username=username)
    if issues:
        raise InvalidInput(issues)
    with store.write() as conn:
        if users_sql.count_users(conn):
            raise Refused("系统已有用户，不能再次初始化管理员")
        user_id, uuid = users_sql.insert_user(conn, {
            "username": username, "display_name": display_name.strip(), "role": roles.ADMIN,
            "password_hash": hash_password(password)}, office=store.office_id)
        audit.log_event(conn, "app_user", uuid, "SETUP_ADMIN", {"username": username})
    return _get(store, user_id)


def set_demo_passwords(store: Store, password: str = DEMO_PASSWORD) -> int:
    """Give every user with an empty password hash ``password``; return how many.

    For the demo generator, right after it inserted its users. Allowed while no user has a
    password yet (a fresh demo database) or for a logged-in administrator.
    """
    rows = users_sql.all_users(store.conn)
    if any(r["password_hash"] for r in rows):
        require(store, "user.manage")
    with store.write() as conn:
        ids = users_sql.ids_without_password(conn)
        for user_id in ids:
            users_sql.update_user(conn, user_id, {"password_hash": hash_password(password)})
        if ids:
            audit.log_event(conn, "app_user", "", "DEMO_PASSWORDS", {"users": len(ids)})
    return len(ids)


# -- login ----------------------------------------------------------------------------------
def login(store: Store, username: str, password: str, now: datetime | None = None) -> User:
    """Check the password; on success ``store.actor`` becomes ``username`` (a session)."""
    now = now or datetime.now()
    if setup_mode(store):
        raise PermissionDenied("尚未创建任何用户，请先创建管理员账户")
    row = users_sql.by_username(store.conn, username)
    user = None if row is None else user_from_row(row)
    if user is None or not user.active or not user.has_password:
        burn_time(password)
        _log(store, "" if user is None else user.uuid, "LOGIN_FAILED",
             {"username": username, "reason": "unknown" if user is None else
              ("inactive" if not user.active else "no_password")})
        raise PermissionDenied(WRONG)
    until = user.locked_at(now)
    if until is not None:
        burn_time(password)
        _log(store, user.uuid, "LOGIN_LOCKED", {"username": username, "until": user.locked_until})
        raise PermissionDenied(_locked_message(until))
    if not verify_password(password, row["password_hash"]):
        # An expired lock starts a fresh count.
        attempts = (0 if user.locked_until else user.failed_attempts) + 1
        lock = now + timedelta(minutes=LOCK_MINUTES) if attempts >= MAX_FAILURES else None
        values = {"failed_attempts": 0 if lock else attempts,
                  "locked_until": _stamp(lock) if lock else None}
        _record(store, user, values, "LOGIN_FAILED", {"username": username, "attempts": attempts,
                                                       "locked_until": values["locked_until"]})
        if lock is not None:
            raise PermissionDenied(f"{WRONG}。连续失败 {MAX_FAILURES} 次，{_locked_message(lock)}")
        raise PermissionDenied(WRONG)
    values = {"failed_attempts": 0, "locked_until": None}
    if needs_rehash(row["password_hash"]):
        values["password_hash"] = hash_password(password)
    start_session(store, username)  # before the write, so the LOGIN entry names the user
    try:
        _record(store, user, values, "LOGIN", {"username": username})
    except BaseException:
        end_session(store)
        raise
    return _get(store, user.id)


def logout(store: Store) -> None:
    name = logged_in(store)
    if name is not None and name == store.actor:
        row = users_sql.by_username(store.conn, name)
        _log(store, "" if row is None else row["uuid"], "LOGOUT", {"username": name})
    end_session(store)


def _log(store: Store, uuid: str, op: str, detail: dict) -> None:
    if store.readonly:
        return
    with store.write() as conn:
        audit.log_event(conn, "app_user", uuid, op, detail)


def _record(store: Store, user: User, values: dict, op: str, detail: dict) -> None:
    """Update the lock-out columns (if changed) and log the event, in one transaction."""
    if store.readonly:
        return
    with store.write() as conn:
        users_sql.update_user(conn, user.id, values)
        audit.log_event(conn, "app_user", user.uuid, op, detail)


# -- user management ------------------------------------------------------------------------
def create_user(store: Store, username: str, display_name: str, role: str, password: str) -> User:
    require(store, "user.manage")
    issues = _check_username(store, username) + _check_role(role) + check_password(password, username=username)
    if issues:
        raise InvalidInput(issues)
    with store.write() as conn:
        user_id, _ = users_sql.insert_user(conn, {
            "username": username, "display_name": display_name.strip(), "role": role,
            "password_hash": hash_password(password)}, office=store.office_id)
    return _get(store, user_id)


def update_user(store: Store, user_id: int, *, display_name: str | None = None, role: str | None = None,
                active: bool | None = None) -> User:
    require(store, "user.manage")
    user = _get(store, user_id)
    values: dict[str, object] = {}
    if display_name is not None:
        values["display_name"] = display_name.strip()
    if role is not None:
        if _check_role(role):
            raise InvalidInput(_check_role(role))
        values["role"] = role
    if active is not None:
        values["active"] = int(active)
    stays_admin = values.get("role", user.role) == roles.ADMIN and values.get("active", int(user.active)) == 1
    me = current_user(store)
    if active is False and me is not None and me.id == user.id:
        raise Refused("不能停用当前登录的账户")
    with store.write() as conn:
        if user.role == roles.ADMIN and user.active and not stays_admin \
                and users_sql.count_active_admins(conn, excluding_id=user.id) == 0:
            raise Refused(f"{user.name} 是唯一启用的管理员，不能停用或改为其他角色；请先指定另一名管理员")
        users_sql.update_user(conn, user.id, values)
    return _get(store, user_id)


def deactivate_user(store: Store, user_id: int) -> User:
    return update_user(store, user_id, active=False)


def unlock_user(store: Store, user_id: int) -> User:
    """Re-enable an account: active again, lock-out and failure count cleared."""
    require(store, "user.manage")
    user = _get(store, user_id)
    with store.write() as conn:
        users_sql.update_user(conn, user.id, {"active": 1, "failed_attempts": 0, "locked_until": None})
        audit.log_event(conn, "app_user", user.uuid, "UNLOCK", {"username": user.username})
    return _get(store, user_id)


def reset_password(store: Store, user_id: int, new_password: str) -> User:
    """An administrator sets a new password (also clears a lock-out)."""
    require(store, "user.manage")
    user = _get(store, user_id)
    issues = check_password(new_password, username=user.username)
    if issues:
        raise InvalidInput(issues)
    _set_password(store, user, new_password, "PASSWORD_RESET")
    return _get(store, user_id)


def change_password(store: Store, old_password: str, new_password: str) -> User:
    """The logged-in user changes their own password."""
    user = current_user(store)
    if user is None or logged_in(store) != user.username:
        raise PermissionDenied("请先登录后再修改密码")
    row = users_sql.by_id(store.conn, user.id)
    if not verify_password(old_password, row["password_hash"]):
        raise PermissionDenied("原密码错误")
    issues = check_password(new_password, username=user.username)
    if new_password == old_password:
        issues.append(Issue("password", "password.unchanged", "新密码不能与原密码相同"))
    if issues:
        raise InvalidInput(issues)
    _set_password(store, user, new_password, "PASSWORD_CHANGE")
    return _get(store, user.id)


def _set_password(store: Store, user: User, password: str, op: str) -> None:
    with store.write() as conn:
        users_sql.update_user(conn, user.id, {"password_hash": hash_password(password),
                                              "failed_attempts": 0, "locked_until": None})
        audit.log_event(conn, "app_user", user.uuid, op, {"username": user.username})


__all__ = [
    "DEMO_PASSWORD", "LOCK_MINUTES", "MAX_FAILURES", "User", "change_password", "create_user",
    "deactivate_user", "get_user", "list_users", "login", "logout", "reset_password", "set_demo_passwords",
    "setup_administrator", "unlock_user", "update_user",
]
