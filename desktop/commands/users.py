"""``ipdesk user …``: first administrator, accounts, passwords, lock/unlock.

Passwords are never arguments (they would land in the shell history): the acting user's comes
from ``$IPDESK_PASSWORD`` or a prompt, a new password from ``$IPDESK_NEW_PASSWORD`` or two
prompts. ``user setup`` also accepts ``$IPDESK_PASSWORD`` for the administrator's password.
"""

from __future__ import annotations

import argparse

ROLES = ("经办人", "审核人", "财务", "管理员", "只读")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("user", help="用户与权限：初始化管理员、添加用户、修改密码、停用/解锁")
    sub = p.add_subparsers(dest="user_command", metavar="操作", required=True, parser_class=p.__class__)
    s = sub.add_parser("setup", help="首次使用：创建管理员账户（仅在尚无任何用户时可用）")
    s.add_argument("--username", default="admin", help="管理员用户名（默认 admin）")
    s.add_argument("--display-name", default="系统管理员", help="显示名（默认 系统管理员）")
    s.set_defaults(run=run_setup)
    a = sub.add_parser("add", help="添加用户（需管理员登录：--user 管理员用户名）")
    a.add_argument("username", help="新用户的用户名")
    a.add_argument("--role", required=True, choices=ROLES, help="角色")
    a.add_argument("--display-name", default="", help="姓名")
    a.set_defaults(run=run_add)
    ls = sub.add_parser("list", help="列出用户、角色与状态")
    ls.set_defaults(run=run_list)
    pw = sub.add_parser("passwd", help="修改自己的密码，或由管理员重置他人密码")
    pw.add_argument("username", help="要修改密码的用户")
    pw.set_defaults(run=run_passwd)
    lk = sub.add_parser("lock", help="停用用户（不能再登录）")
    lk.add_argument("username")
    lk.set_defaults(run=run_lock)
    ul = sub.add_parser("unlock", help="启用用户并解除登录失败锁定")
    ul.add_argument("username")
    ul.set_defaults(run=run_unlock)


def run_setup(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from desktop.commands.auth import NEW_PASSWORD_ENV, PASSWORD_ENV, ask_new_password
    from ledger import security
    from ledger.errors import Refused
    from ledger.services.opening import open_ledger

    with open_ledger(db_path(args), actor="system") as store:
        if not security.setup_mode(store):
            raise Refused("系统已有用户，不能再次初始化管理员；请由管理员登录后用 ipdesk user add 添加用户")
        password = ask_new_password("管理员密码", env=(NEW_PASSWORD_ENV, PASSWORD_ENV))
        user = security.setup_administrator(store, args.username, args.display_name, password)
    print(f"已创建管理员 {user.username}（{user.name}）。此后修改数据需用 --user {user.username} 登录。")
    return 0


def run_add(args: argparse.Namespace) -> int:
    from desktop.commands.auth import ask_new_password, authenticated_store
    from ledger import security

    with authenticated_store(args, "user.manage") as store:
        password = ask_new_password(f"用户 {args.username} 的密码")
        user = security.create_user(store, args.username, args.display_name, args.role, password)
    print(f"已添加用户 {user.username}：{user.label}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from desktop.commands.auth import authenticated_store
    from ledger import security

    with authenticated_store(args) as store:
        users = security.list_users(store)
    if not users:
        print("尚无用户（首次使用请运行 ipdesk user setup 创建管理员）")
        return 0
    print(f"{'用户名':<12}{'姓名':<10}{'角色':<6}{'状态':<6}锁定")
    for u in users:
        until = u.locked_at()
        state = "启用" if u.active else "停用"
        if not u.has_password:
            state += "（未设密码）"
        print(f"{u.username:<14}{u.display_name:<10}{u.role:<6}{state:<6}{f'至 {until:%H:%M}' if until else '—'}")
    return 0


def run_passwd(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from desktop.commands.auth import ask_new_password, ask_password, authenticated_store
    from ledger import security
    from ledger.services.opening import open_ledger

    if args.user == args.username:  # one's own password: the old one proves it
        with open_ledger(db_path(args), actor="system", create=False) as store:
            old = ask_password(args.username)
            security.login(store, args.username, old)
            security.change_password(store, old, ask_new_password())
    else:
        with authenticated_store(args, "user.manage") as store:
            user = security.get_user(store, args.username)
            security.reset_password(store, user.id, ask_new_password(f"用户 {args.username} 的新密码"))
    print(f"已修改用户 {args.username} 的密码")
    return 0


def run_lock(args: argparse.Namespace) -> int:
    from desktop.commands.auth import authenticated_store
    from ledger import security

    with authenticated_store(args, "user.manage") as store:
        security.deactivate_user(store, security.get_user(store, args.username).id)
    print(f"已停用用户 {args.username}")
    return 0


def run_unlock(args: argparse.Namespace) -> int:
    from desktop.commands.auth import authenticated_store
    from ledger import security

    with authenticated_store(args, "user.manage") as store:
        security.unlock_user(store, security.get_user(store, args.username).id)
    print(f"已启用并解锁用户 {args.username}")
    return 0
