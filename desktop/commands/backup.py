"""``ipdesk backup OUT`` and ``ipdesk restore IN``."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("backup", help="用 SQLite 备份接口备份数据库到 OUT（先写临时文件并校验）")
    p.add_argument("out", type=Path, nargs="?", help="备份文件路径（--auto 时为备份文件夹，可省略）")
    p.add_argument("--auto", action="store_true",
                   help="写入当天的自动备份（已有则跳过），并按保留策略（7 日、4 周、12 月）清理旧的自动备份；"
                        "默认文件夹为数据库旁的 ipdesk-backups")
    p.set_defaults(run=run_backup)
    r = subparsers.add_parser("restore", help="从备份 IN 恢复数据库（先校验备份，并保留当前数据库的副本）")
    r.add_argument("source", type=Path, metavar="IN", help="备份文件路径")
    r.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    import sys

    from desktop.cli import db_path
    from ledger.services.backup_generations import backup_dir_of, ensure_daily_backup, prune_backups
    from ledger.services.backups import backup_now
    from ledger.store import open_store

    if args.out is None and not args.auto:
        print("请指定备份文件路径 OUT，或使用 --auto 写入自动备份", file=sys.stderr)
        return 1
    with open_store(db_path(args), actor=args.user, create=False) as store:
        if args.auto:
            folder = backup_dir_of(store, args.out)
            dest = ensure_daily_backup(store, folder)
            removed = prune_backups(folder, db_path=store.path)
            print(f"已写入今日自动备份 {dest}" if dest else f"今日自动备份已存在（{folder}）")
            if removed:
                print(f"按保留策略删除了 {len(removed)} 份旧的自动备份")
            return 0
        dest = backup_now(store, args.out)
    print(f"已备份到 {dest}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from ledger.services.backups import restore_from

    kept = restore_from(db_path(args), args.source, actor=args.user)
    print(f"已从 {args.source} 恢复；恢复前的数据库已保存为 {kept}")
    return 0
