"""``ipdesk backup OUT`` and ``ipdesk restore IN``."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("backup", help="用 SQLite 备份接口备份数据库到 OUT（先写临时文件并校验）")
    p.add_argument("out", type=Path, help="备份文件路径")
    p.set_defaults(run=run_backup)
    r = subparsers.add_parser("restore", help="从备份 IN 恢复数据库（先校验备份，并保留当前数据库的副本）")
    r.add_argument("source", type=Path, metavar="IN", help="备份文件路径")
    r.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from ledger.services.backups import backup_now
    from ledger.store import open_store

    store = open_store(db_path(args), actor=args.user, create=False)
    try:
        dest = backup_now(store, args.out)
    finally:
        store.close()
    print(f"已备份到 {dest}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from ledger.services.backups import restore_from

    kept = restore_from(db_path(args), args.source, actor=args.user)
    print(f"已从 {args.source} 恢复；恢复前的数据库已保存为 {kept}")
    return 0
