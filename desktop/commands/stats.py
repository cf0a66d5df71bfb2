"""``ipdesk stats``: the statistics service's figures, as text or JSON."""

from __future__ import annotations

import argparse
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("stats", help="输出统计数据（保险金额、保费、补贴、理赔、赔付率等）")
    p.add_argument("--year", type=int, help="只统计该年度（按保险起期年份）")
    p.add_argument("--programme", type=int, help="只统计该试点项目（编号）")
    p.add_argument("--office", help="只统计来自该办公室（office_id）的记录")
    p.add_argument("--json", action="store_true", help="以 JSON 输出全部数字（金额单位：分）")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from ledger import stats
    from ledger.money import format_ratio_bp, format_yuan, prose_amount
    from ledger.services.opening import open_ledger

    with open_ledger(db_path(args), actor=args.user, create=False) as store:
        figures = stats.compute(store, year=args.year, programme_id=args.programme, office=args.office)
    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    scope = f"{args.year} 年度" if args.year else "累计"
    ratio = format_ratio_bp(figures["loss_ratio_bp"]) if figures["loss_ratio_bp"] is not None else "—"
    print(f"{scope}：服务企业 {figures['enterprises']:,} 家，承保知识产权 {figures['ip_rights']:,} 件，"
          f"保单 {figures['policies']:,} 件，提供风险保障 {prose_amount(figures['sum_insured_fen'])}。")
    print(f"保费 {format_yuan(figures['premium_fen'])} 元；核定补贴 {format_yuan(figures['subsidy_approved_fen'])} 元，"
          f"已拨付 {format_yuan(figures['subsidy_paid_fen'])} 元；理赔 {figures['claims']:,} 件，"
          f"已赔 {format_yuan(figures['claims_paid_fen'])} 元，赔付率 {ratio}。")
    return 0
