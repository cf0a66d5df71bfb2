"""``ipdesk gui``: start the desktop application (the only command that loads Qt)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("gui", help="启动图形界面（默认）")
    p.add_argument("--demo-if-empty", action="store_true", help="数据库为空时自动生成演示数据（不询问）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.app import run_gui  # Qt is imported only here
    from desktop.cli import db_path

    return run_gui(db_path(args), demo_if_empty=args.demo_if_empty)
