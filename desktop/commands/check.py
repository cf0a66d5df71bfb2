"""``ipdesk check``: integrity, foreign keys, domain invariants and the audit chain."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("check", help="检查数据库完整性、外键、业务规则与审计日志哈希链")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli import EXIT_DATA, db_path
    from ledger import health
    from ledger.store import open_store

    with open_store(db_path(args), actor=args.user, create=False, migrate=False) as store:
        report = health.check(store)
    print("\n".join(report.lines()))
    return 0 if report.ok else EXIT_DATA
