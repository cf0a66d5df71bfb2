"""``ipdesk programme``: list, export/import the rules TOML, year-end close."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("programme", help="试点项目：列表、规则导出/导入（TOML）、年度结转")
    sub = p.add_subparsers(dest="programme_command", metavar="操作", required=True)
    ls = sub.add_parser("list", help="列出试点项目及预算使用情况")
    ls.add_argument("--year", type=int, help="只列该年度")
    ls.set_defaults(run=run_list)
    ex = sub.add_parser("export", help="把项目规则导出为 TOML 文件")
    ex.add_argument("id", type=int, help="项目编号")
    ex.add_argument("--out", type=Path, required=True, help="输出文件（.toml）")
    ex.set_defaults(run=run_export)
    im = sub.add_parser("import", help="导入 TOML 规则文件（按名称和年度新建或更新项目）")
    im.add_argument("file", type=Path, help="规则文件（.toml）")
    im.set_defaults(run=run_import)
    cl = sub.add_parser("close", help="年度结转：冻结该项目，之后不能再修改其补贴申请")
    cl.add_argument("id", type=int, help="项目编号")
    cl.add_argument("--reason", required=True, help="结转说明")
    cl.set_defaults(run=run_close)


def _open(args: argparse.Namespace, action: str | None = None):  # type: ignore[no-untyped-def]
    """The ledger, with ``--user`` logged in when the database has users (desktop.commands.auth)."""
    from desktop.commands.auth import authenticated_store

    return authenticated_store(args, action)


def run_list(args: argparse.Namespace) -> int:
    from ledger.money import format_ratio_bp, format_yuan
    from ledger.services.budget import budget_ledger
    from ledger.services.programmes import list_programmes

    with _open(args) as store:
        rows = list_programmes(store, year=args.year)
        if not rows:
            print("没有试点项目")
        for r in rows:
            b = budget_ledger(store, r["id"])
            used = format_ratio_bp(b.used_bp) if b.used_bp is not None else "—"
            rules = "" if r["has_rules"] else "（未设置规则）"
            print(f"{r['id']}\t{r['year']}\t{r['name']}{rules}\t{r['status']}\t申请 {r['applications']} 件\t"
                  f"预算 {format_yuan(b.allocated_fen)} 元\t剩余 {format_yuan(b.remaining_fen)} 元\t已用 {used}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from ledger.errors import DataProblem
    from ledger.services.programmes import export_programme_toml

    with _open(args) as store:
        text = export_programme_toml(store, args.id)
    try:
        args.out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DataProblem(f"无法写入 {args.out}：{exc.strerror or exc}") from exc
    print(f"已导出项目 #{args.id} 的规则到 {args.out}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ledger.errors import DataProblem
    from ledger.services.programmes import find_programme, import_programme_toml
    from ledger.subsidy import rules_from_toml

    try:
        text = args.file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataProblem(f"无法读取规则文件 {args.file}：{exc}") from exc
    with _open(args, "programme.manage") as store:
        rules = rules_from_toml(text, args.file.name)
        existed = find_programme(store, rules.name, rules.year) is not None
        out = import_programme_toml(store, text, args.file.name)
    print(f"已{'更新' if existed else '新建'}试点项目 #{out.id}：{rules.name}（{rules.year} 年度）")
    return 0


def run_close(args: argparse.Namespace) -> int:
    from ledger.services.programmes import close_programme

    with _open(args, "programme.manage") as store:
        close_programme(store, args.id, args.reason)
    print(f"试点项目 #{args.id} 已年度结转")
    return 0
