"""Users, roles and permissions of the ledger (headless; the GUI and CLI call these).

Enforcement model (details in :mod:`ledger.security.access`):

* **Setup mode** — while ``app_user`` is empty every action is allowed (actor ``system``:
  CLI scripts, tests, a brand-new database). The first-run dialog or ``ipdesk user setup``
  calls :func:`setup_administrator`.
* **Afterwards** an action needs a user who logged in on this store with :func:`login`, is
  active and not locked out, and whose role has the permission (:mod:`ledger.security.roles`).
  ``system`` (not logged in) keeps only the read-only actions (export, audit view, backup).

``require(store, action)`` raises :class:`ledger.errors.PermissionDenied` with a Chinese message
such as ``用户 张三（只读）无权执行：批准补贴``; ``can`` is the boolean the GUI uses to hide
buttons. Passwords: scrypt, :mod:`ledger.security.passwords`.
"""

from ledger.security.access import (
    SYSTEM,
    User,
    can,
    current_user,
    mask_account,
    require,
    require_any,
    setup_mode,
    shown_account,
)
from ledger.security.accounts import (
    DEMO_PASSWORD,
    LOCK_MINUTES,
    MAX_FAILURES,
    change_password,
    create_user,
    deactivate_user,
    get_user,
    list_users,
    login,
    logout,
    reset_password,
    set_demo_passwords,
    setup_administrator,
    unlock_user,
    update_user,
)
from ledger.security.passwords import check_password, hash_password, verify_password
from ledger.security.roles import ACTIONS, ROLES, action_label

__all__ = [
    "ACTIONS", "DEMO_PASSWORD", "LOCK_MINUTES", "MAX_FAILURES", "ROLES", "SYSTEM", "User", "action_label",
    "can", "change_password", "check_password", "create_user", "current_user", "deactivate_user",
    "get_user", "hash_password", "list_users", "login", "logout", "mask_account", "require",
    "require_any", "reset_password", "set_demo_passwords", "setup_administrator", "setup_mode",
    "shown_account", "unlock_user", "update_user", "verify_password",
]
