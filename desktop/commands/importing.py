"""``ipdesk template`` / ``ipdesk import`` / ``ipdesk reconcile``: spreadsheets in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

KIND_CHOICES = ("enterprises", "ip_rights", "policies", "subsidies", "claims")
SHOWN_ERRORS = 20


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("template", help="生成导入模板（表头、示例行、下拉选项、填写说明）")
    p.add_argument("kind", choices=KIND_CHOICES, help="模板类型")
    p.add_argument("--out", type=Path, required=True, help="输出的 .xlsx 文件")
    p.set_defaults(run=run_template)

    p = subparsers.add_parser("import", help="从 Excel/WPS/CSV 表格导入台账（先全部检查，无误才写入）")
    p.add_argument("kind", choices=KIND_CHOICES, help="导入类型")
    p.add_argument("file", type=Path, help=".xlsx / .xls / .ods / .csv 文件")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--report", type=Path, help="把原始数据和错误说明写入该 .xlsx 文件")
    p.add_argument("--accept-valid", action="store_true", help="有错误时仍写入无误的行（有误的行跳过）")
    p.add_argument("--accept-warnings", metavar="理由", default="",
                   help="接受校验位等警告并记录该理由（如“营业执照核对无误”）")
    p.add_argument("--sheet", help="只读取该工作表")
    p.set_defaults(run=run_import)

    p = subparsers.add_parser("reconcile", help="与保险机构的保单清单对账")
    p.add_argument("insurer", metavar="INSURER_CODE", help="保险机构代码（如 picc、pingan）")
    p.add_argument("file", type=Path, help="保险机构提供的保单清单")
    p.add_argument("--map", default="", help="列对应关系：'他们的列名=policy_no,签单保费=premium_fen'（会记住）")
    p.add_argument("--sheet", help="只读取该工作表")
    p.add_argument("--out", type=Path, required=True, help="差异清单 .xlsx")
    p.set_defaults(run=run_reconcile)


def run_template(args: argparse.Namespace) -> int:
    from reports.import_workbooks import write_template

    out = write_template(args.kind, args.out)
    print(f"已生成模板：{out}")
    return 0


def _progress(label: str):  # type: ignore[no-untyped-def]
    last = [-1.0]

    def report(fraction: float) -> None:
        if fraction - last[0] >= 0.05 or fraction >= 1:
            last[0] = fraction
            sys.stderr.write(f"\r{label}… {fraction:5.0%}")
            sys.stderr.flush()
            if fraction >= 1:
                sys.stderr.write("\n")

    return report


def run_import(args: argparse.Namespace) -> int:
    from desktop.cli import EXIT_INVALID
    from desktop.commands.auth import authenticated_store
    from ledger.importing.writer import apply_import, plan_import
    from reports.import_workbooks import write_error_workbook

    # logged in once the ledger has users; subsidy applications also need subsidy.record (apply_import)
    with authenticated_store(args, "data.import") as store:
        plan = plan_import(store, args.kind, args.file, sheet=args.sheet,
                           accept_warnings_reason=args.accept_warnings,
                           progress=_progress("检查") if sys.stderr.isatty() else None)
        print(f"{args.file.name}：{plan.summary()}")
        for sp in plan.sheets:
            for problem in sp.problems:
                print(f"  工作表「{sp.sheet}」：{problem}")
            if sp.examples_skipped:
                print(f"  工作表「{sp.sheet}」：已跳过示例行 {sp.examples_skipped} 行")
        errors = plan.errors
        for e in errors[:SHOWN_ERRORS]:
            print(f"  {e}")
        if len(errors) > SHOWN_ERRORS:
            print(f"  ……另有 {len(errors) - SHOWN_ERRORS} 处错误")
        if args.report is not None:
            write_error_workbook(plan, args.report)
            print(f"已写出错误报告：{args.report}")
        if args.dry_run:
            print("仅检查（--dry-run），未写入。")
            return EXIT_INVALID if errors else 0
        if errors and not args.accept_valid:
            print(f"有 {len(plan.error_rows)} 行数据有误，未写入任何数据（可用 --accept-valid 只导入无误的行）。")
            return EXIT_INVALID
        result = apply_import(store, plan, accept_valid=args.accept_valid)
        print(result.summary())
    return 0


def parse_map(text: str) -> dict[str, str]:
    from ledger.errors import InvalidInput, Issue

    mapping: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in text.replace("，", ",").split(","))):
        theirs, sep, ours = part.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise InvalidInput([Issue("map", "recon.map", f"列对应关系“{part}”应写成 他们的列名=字段")])
        mapping[theirs.strip()] = ours.strip()
    return mapping


def run_reconcile(args: argparse.Namespace) -> int:
    from desktop.cli import db_path
    from ledger.importing.reconcile import reconcile
    from ledger.services.opening import open_ledger
    from reports.import_workbooks import write_reconciliation_workbook

    with open_ledger(db_path(args), actor=args.user, create=False) as store:
        result = reconcile(store, args.insurer, args.file, column_map=parse_map(args.map), sheet=args.sheet)
    write_reconciliation_workbook(result, args.out)
    print(result.summary())
    for d in result.rows[:SHOWN_ERRORS]:
        print(f"  {d}")
    if len(result.rows) > SHOWN_ERRORS:
        print(f"  ……另有 {len(result.rows) - SHOWN_ERRORS} 条差异")
    print(f"差异清单：{args.out}")
    return 0
