"""Password handling for CLI commands: ``authenticated_store(args, action)``.

* No users yet (setup mode): the store is returned as is; ``--user`` only names the actor in
  the audit log.
* Users exist: ``--user NAME`` must log in. The password comes from ``$IPDESK_PASSWORD``
  (scripts, tests) or is asked with ``getpass``. Without ``--user`` the command runs as
  ``system``, which may only do read-only actions (export, audit view, backup).
* ``action`` (e.g. ``"user.manage"``) is then checked with ``ledger.security.require``.

Commands adopt it with::

    store = authenticated_store(args, "data.import")
    try: ...
    finally: store.close()
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
import warnings
from collections.abc import Callable

from ledger.errors import InvalidInput, Issue, PermissionDenied
from ledger.store import Store

PASSWORD_ENV = "IPDESK_PASSWORD"
NEW_PASSWORD_ENV = "IPDESK_NEW_PASSWORD"


def _prompt(text: str) -> str:
    """``getpass`` that turns a closed or non-interactive input into a clear refusal."""
    try:
        with warnings.catch_warnings():  # no terminal: the refusal below says what to do
            warnings.simplefilter("ignore", getpass.GetPassWarning)
            return getpass.getpass(text)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise InvalidInput([Issue("password", "password.missing",
                                  f"未输入密码：请在终端中输入，或设置环境变量 {PASSWORD_ENV}")]) from None


def ask_password(username: str) -> str:
    return os.environ.get(PASSWORD_ENV) or _prompt(f"用户 {username} 的密码：")


def ask_new_password(what: str = "新密码", *, env: tuple[str, ...] = (NEW_PASSWORD_ENV,)) -> str:
    """A new password from the environment, or typed twice."""
    for name in env:
        if os.environ.get(name):
            return os.environ[name]
    first = _prompt(f"{what}：")
    second = _prompt(f"再次输入{what}：")
    if first != second:
        raise InvalidInput([Issue("password", "password.mismatch", "两次输入的密码不一致")])
    return first


def authenticated_store(args: argparse.Namespace, action: str | None = None, *,
                        opener: Callable[..., Store] | None = None, create: bool = False) -> Store:
    """Open the ledger of ``args`` and log ``args.user`` in when the database has users."""
    from desktop.cli import db_path
    from ledger import security
    from ledger.security import roles

    if opener is None:
        from ledger.services.opening import open_ledger as opener
    store = opener(db_path(args), actor="system", create=create)
    try:
        username = getattr(args, "user", "system") or "system"
        if security.setup_mode(store):
            store.actor = username
        elif username == security.SYSTEM:
            if action is not None and action not in roles.READ_ONLY_ACTIONS:
                raise PermissionDenied(
                    f"数据库已设置用户，执行“{roles.action_label(action)}”需要登录：请用 --user 用户名 指定操作人，"
                    f"并输入密码（或设置环境变量 {PASSWORD_ENV}）")
        else:
            security.login(store, username, ask_password(username))
        if action is not None:
            security.require(store, action)
    except BaseException:
        store.close()
        raise
    return store
