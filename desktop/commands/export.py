"""``ipdesk export finance|registers``: finance-ready and register workbooks fed from the ledger."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="导出 Excel 工作簿（补贴拨付明细表、台账）")
    sub = p.add_subparsers(dest="export_kind", metavar="导出类型", required=True)
    f = sub.add_parser("finance", help="保费补贴资金拨付明细表：ipdesk export finance --year Y [--batch B] --out F.xlsx")
    f.add_argument("--year", type=int, required=True, help="试点项目年度")
    f.add_argument("--programme", type=int, help="只导出该试点项目（编号）")
    f.add_argument("--batch", help="只导出该拨付批次（如 2024-03）")
    f.add_argument("--out", type=Path, required=True, help="输出 .xlsx 文件路径")
    f.set_defaults(run=run_finance)
    r = sub.add_parser("registers", help="企业、知识产权、保单、补贴、理赔台账（每类一个工作表）")
    r.add_argument("--out", type=Path, required=True, help="输出 .xlsx 文件路径")
    r.set_defaults(run=run_registers)


def run_finance(args: argparse.Namespace) -> int:
    from desktop.commands.report import _open
    from reports.ledger_reports import finance_workbook

    with _open(args) as store:
        sys.stderr.write(f"汇总 {args.year} 年度补贴拨付数据…\n")
        path = finance_workbook(store, args.year, args.out, programme_id=args.programme, batch=args.batch)
    print(f"已导出保费补贴资金拨付明细表：{path}")
    return 0


def run_registers(args: argparse.Namespace) -> int:
    from desktop.commands.report import _open, progress_printer
    from reports.ledger_reports import register_workbook

    with _open(args) as store:
        path = register_workbook(store, args.out, progress=progress_printer("导出台账"))
    print(f"已导出台账：{path}")
    return 0
