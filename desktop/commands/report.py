"""``ipdesk report annual|case|cases``: white-paper-style PDFs fed from the ledger."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("report", help="生成 PDF 报告（年度报告、典型案例）")
    sub = p.add_subparsers(dest="report_kind", metavar="报告类型", required=True)
    a = sub.add_parser("annual", help="年度报告：ipdesk report annual --year Y [--programme ID] --out F.pdf")
    a.add_argument("--year", type=int, required=True, help="报告年度（按保险起期年份统计）")
    a.add_argument("--programme", type=int, help="只统计该试点项目（编号）")
    a.add_argument("--out", type=Path, required=True, help="输出 PDF 文件路径")
    a.set_defaults(run=run_annual)
    c = sub.add_parser("case", help="单个典型案例：ipdesk report case --id N --out F.pdf")
    c.add_argument("--id", type=int, required=True, help="典型案例记录编号")
    c.add_argument("--out", type=Path, required=True, help="输出 PDF 文件路径")
    c.set_defaults(run=run_case)
    cs = sub.add_parser("cases", help="某年度全部典型案例：ipdesk report cases --year Y --out F.pdf")
    cs.add_argument("--year", type=int, required=True, help="案例年度")
    cs.add_argument("--out", type=Path, required=True, help="输出 PDF 文件路径")
    cs.set_defaults(run=run_cases)


def progress_printer(label: str):  # type: ignore[no-untyped-def]
    """A progress callback writing '\\r{label}… 42%' to stderr every 5 % (newline at 100 %)."""
    last = [-1.0]

    def progress(fraction: float) -> None:
        if fraction - last[0] >= 0.05 or (fraction >= 1 and last[0] < 1):
            last[0] = fraction
            sys.stderr.write(f"\r{label}… {fraction:4.0%}")
            if fraction >= 1:
                sys.stderr.write("\n")
            sys.stderr.flush()

    return progress


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop.cli import db_path
    from ledger.services.opening import open_ledger

    return open_ledger(db_path(args), actor=args.user, create=False)


def run_annual(args: argparse.Namespace) -> int:
    from reports.ledger_reports import annual_report

    with _open(args) as store:
        sys.stderr.write(f"汇总 {args.year} 年度数据…\n")
        path = annual_report(store, args.year, args.out, programme_id=args.programme,
                             progress=progress_printer("生成年度报告"))
    print(f"已生成年度报告：{path}")
    return 0


def run_case(args: argparse.Namespace) -> int:
    from reports.ledger_reports import case_report

    with _open(args) as store:
        path = case_report(store, args.id, args.out)
    print(f"已生成典型案例报告：{path}")
    return 0


def run_cases(args: argparse.Namespace) -> int:
    from reports.ledger_reports import cases_report

    with _open(args) as store:
        path = cases_report(store, args.year, args.out)
    print(f"已生成 {args.year} 年度典型案例汇编：{path}")
    return 0
