"""Who is acting, and may they? ``require``/``can`` over ``store.actor`` and the login session.

Enforcement model
-----------------
* ``store.actor`` is the user name written to the audit log.
* **Setup mode** — the ``app_user`` table is empty (a new database, CLI scripts, tests): every
  action is allowed for any actor (normally ``system``). The first-run dialog / ``ipdesk user
  setup`` then creates the administrator (:func:`ledger.security.setup_administrator`).
* **Once any user exists**, an action needs all of:
  a user named ``store.actor`` who **logged in on this store** (:func:`ledger.security.login`,
  so ``--user 张三`` without a password gets nothing), is active, is not locked out, and whose
  role has the permission (:mod:`ledger.security.roles`).
  The un-logged-in actor ``system`` keeps only the read-only actions
  (:data:`~ledger.security.roles.READ_ONLY_ACTIONS`).

Services call :func:`require` before writing; the GUI calls :func:`can` to hide what a role
cannot do (the service still refuses). This is an in-process guard: anyone who can open the
file with another SQLite tool bypasses it, which the audit triggers and hash chain make visible.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ledger.errors import PermissionDenied
from ledger.security import roles
from ledger.store import Store, users_sql

SYSTEM = "system"

# store -> user name that logged in on it (weak: a closed, dropped store forgets its session).
_sessions: weakref.WeakKeyDictionary[Store, str] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class User:
    id: int
    uuid: str
    username: str
    display_name: str
    role: str
    active: bool
    failed_attempts: int
    locked_until: str | None
    has_password: bool
    revision: int

    @property
    def name(self) -> str:
        return self.display_name or self.username

    @property
    def label(self) -> str:
        """``张三（只读）`` — how messages name a user."""
        return f"{self.name}（{self.role}）"

    def locked_at(self, now: datetime | None = None) -> datetime | None:
        """The end of an active lock-out, or None."""
        if not self.locked_until:
            return None
        until = datetime.fromisoformat(self.locked_until)
        return until if until > (now or datetime.now()) else None


def user_from_row(row) -> User:  # type: ignore[no-untyped-def]
    return User(int(row["id"]), row["uuid"], row["username"], row["display_name"], row["role"],
                bool(row["active"]), int(row["failed_attempts"]), row["locked_until"],
                bool(row["password_hash"]), int(row["revision"]))


def setup_mode(store: Store) -> bool:
    """True while no user exists: everything is allowed (first run, scripts, tests)."""
    return users_sql.count_users(store.conn) == 0


def logged_in(store: Store) -> str | None:
    return _sessions.get(store)


def start_session(store: Store, username: str) -> None:
    _sessions[store] = username
    store.actor = username


def end_session(store: Store) -> None:
    _sessions.pop(store, None)
    store.actor = SYSTEM


def current_user(store: Store) -> User | None:
    """The user record of ``store.actor`` (None for ``system`` or an unknown name)."""
    if store.actor == SYSTEM:
        return None
    row = users_sql.by_username(store.conn, store.actor)
    return None if row is None else user_from_row(row)


def _refusal(store: Store, action: str, now: datetime | None) -> str | None:
    label = roles.action_label(action)
    if setup_mode(store):
        return None
    actor = store.actor
    if actor == SYSTEM:
        if action in roles.READ_ONLY_ACTIONS:
            return None
        return f"未登录（系统身份）无权执行：{label}。请先以有权限的用户登录"
    row = users_sql.by_username(store.conn, actor)
    if row is None:
        return f"用户 {actor} 不存在，无权执行：{label}"
    user = user_from_row(row)
    if _sessions.get(store) != actor:
        return f"用户 {user.label} 尚未登录，无权执行：{label}。请先输入密码登录"
    if not user.active:
        return f"用户 {user.label} 已停用，无权执行：{label}"
    until = user.locked_at(now)
    if until is not None:
        return f"用户 {user.label} 已被锁定（至 {until:%H:%M}），无权执行：{label}"
    if not roles.role_allows(user.role, action):
        return f"用户 {user.label}无权执行：{label}"
    return None


def require(store: Store, action: str, *, now: datetime | None = None) -> None:
    """Raise :class:`PermissionDenied` (Chinese, naming user, role and action) unless allowed."""
    problem = _refusal(store, action, now)
    if problem is not None:
        raise PermissionDenied(problem)


def require_any(store: Store, actions: Iterable[str], *, now: datetime | None = None) -> None:
    """Allowed when any one of ``actions`` is; the refusal names the first."""
    actions = list(actions)
    problems = [_refusal(store, a, now) for a in actions]
    if all(p is not None for p in problems):
        raise PermissionDenied(str(problems[0]))


def can(store: Store, action: str, *, now: datetime | None = None) -> bool:
    return _refusal(store, action, now) is None


def mask_account(text: str | None) -> str:
    """``6222021234567891234`` → ``6222 **** **** 1234`` (length hidden); short numbers keep 4."""
    digits = "".join(ch for ch in (text or "") if not ch.isspace() and ch != "-")
    if not digits:
        return ""
    if len(digits) <= 4:
        return "****"
    if len(digits) <= 8:
        return "**** " + digits[-4:]
    return f"{digits[:4]} **** **** {digits[-4:]}"


def shown_account(store: Store, text: str | None) -> str:
    """The bank account as this actor may see it: full with ``view.bank_account``, else masked."""
    return (text or "") if can(store, "view.bank_account") else mask_account(text)
