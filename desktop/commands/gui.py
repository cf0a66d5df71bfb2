"""``ipdesk gui``: start the desktop application (the only command that loads Qt)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("gui", help="启动图形界面（默认）")
    p.add_argument("--demo-if-empty", action="store_true",
                   help="数据库为空时先写入城市规模的演示数据（不询问），再启动界面")
    p.add_argument("file", type=Path, nargs="?", metavar="文件",
                   help="启动后打开的文件：.ipx 数据交换包（确认后导入）；.sqlite/.db 数据库（代替默认数据库打开）")
    p.set_defaults(run=run)


def _seed_city_demo(path) -> None:
    from ledger import demo
    from ledger.services.opening import open_ledger

    with open_ledger(path) as store:
        if demo.is_empty(store):
            sys.stderr.write(f"首次运行：正在向 {path} 写入演示数据（城市规模，约 3,000 家企业）…\n")
            demo.generate(store, scale="city",
                          progress=lambda f: sys.stderr.write(f"\r  {f:5.0%}") and sys.stderr.flush())
            sys.stderr.write("\n")


def run(args: argparse.Namespace) -> int:
    from desktop.app import DATABASE_SUFFIXES, run_gui  # Qt is imported only inside run_gui
    from desktop.cli import db_path

    path, open_file = db_path(args), getattr(args, "file", None)
    if open_file is not None and open_file.suffix.lower() in DATABASE_SUFFIXES:
        path, open_file = open_file, None  # ipdesk gui other.sqlite: that database instead of the default
    if args.demo_if_empty:
        _seed_city_demo(path)
    return run_gui(path, open_file=open_file)
