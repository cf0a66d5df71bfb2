"""``ipdesk subsidy``: explain, recompute, advance and list subsidy applications."""

from __future__ import annotations

import argparse

STATES = ("申报", "初审", "复核", "公示", "批准", "拨付", "退回补正", "不予支持", "追回")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("subsidy", help="补贴申请：计算说明、重新计算、流转、列表")
    sub = p.add_subparsers(dest="subsidy_command", metavar="操作", required=True)
    ex = sub.add_parser("explain", help="逐步显示补贴计算过程和办理记录")
    ex.add_argument("--id", type=int, required=True, help="申请编号（内部 id）")
    ex.set_defaults(run=run_explain)
    rc = sub.add_parser("recompute", help="按项目规则重新计算审核中的申请（按申报先后）")
    rc.add_argument("--programme", type=int, required=True, help="项目编号")
    rc.set_defaults(run=run_recompute)
    ad = sub.add_parser("advance", help="流转申请（初审、复核、公示、批准、拨付、退回补正、不予支持、追回）")
    ad.add_argument("--id", type=int, required=True, help="申请编号（内部 id）")
    ad.add_argument("--to", required=True, choices=STATES, metavar="状态", help="目标状态：" + "|".join(STATES))
    ad.add_argument("--reason", default="", help="理由（退回补正、不予支持、追回必填）")
    ad.add_argument("--at", help="办理日期 YYYY-MM-DD（默认今天）")
    ad.add_argument("--start", help="公示开始日期")
    ad.add_argument("--end", help="公示结束日期")
    ad.add_argument("--voucher", default="", help="拨付凭证号")
    ad.add_argument("--paid-at", help="拨付日期")
    ad.add_argument("--batch", default="", help="拨付批次")
    ad.add_argument("--amount", help="金额（元）：拨付金额（默认批准金额）或追回金额")
    ad.add_argument("--blacklist", action="store_true", help="追回时把企业列入黑名单")
    ad.set_defaults(run=run_advance)
    ls = sub.add_parser("list", help="列出补贴申请")
    ls.add_argument("--programme", type=int, help="项目编号")
    ls.add_argument("--state", choices=STATES, metavar="状态", help="只列该状态：" + "|".join(STATES))
    ls.set_defaults(run=run_list)


def _open(args: argparse.Namespace, action: str | None = None):  # type: ignore[no-untyped-def]
    """The ledger, with ``--user`` logged in when the database has users (desktop.commands.auth)."""
    from desktop.commands.auth import authenticated_store

    return authenticated_store(args, action)


def run_explain(args: argparse.Namespace) -> int:
    from ledger.money import format_yuan
    from ledger.services.subsidies import explain

    with _open(args) as store:
        ex = explain(store, args.id)
    print(f"申请 {ex.application_no}（{ex.state}）：{ex.enterprise_name}，保单 {ex.policy_no}，"
          f"实缴保费 {format_yuan(ex.premium_paid_fen)} 元")
    print("计算过程：")
    for n, step in enumerate(ex.steps, start=1):
        print(f"  {n}. {step}")
    print(f"核定 {format_yuan(ex.computed_fen)} 元；批准 {format_yuan(ex.approved_fen)} 元；"
          f"已拨付 {format_yuan(ex.paid_fen)} 元；已追回 {format_yuan(ex.recovered_fen)} 元")
    if ex.stale and ex.current is not None:
        print(f"注意：按当前台账重新计算为 {format_yuan(ex.current.amount_fen)} 元，"
              f"与存储金额不同，可执行 ipdesk subsidy recompute 更新")
    if ex.events:
        print("办理记录：")
        for e in ex.events:
            amount = f"，金额 {format_yuan(e['amount_fen'])} 元" if e["amount_fen"] is not None else ""
            print(f"  {e['at']}  {e['from_state'] or '—'} → {e['to_state']}  {e['actor']}：{e['reason']}{amount}")
    return 0


def run_recompute(args: argparse.Namespace) -> int:
    from ledger.money import format_yuan
    from ledger.services.subsidies import recompute_programme

    with _open(args, "subsidy.record") as store:
        calcs = recompute_programme(store, args.programme)
    total = sum(c.amount_fen for c in calcs)
    print(f"已重新计算 {len(calcs)} 件审核中的申请，核定合计 {format_yuan(total)} 元")
    return 0


def _amount(text: str | None) -> int | None:
    from ledger.errors import InvalidInput, Issue
    from ledger.validation import parse_amount_text

    if text is None:
        return None
    try:
        return parse_amount_text(text)
    except ValueError as exc:
        raise InvalidInput([Issue("amount_fen", "amount.format", str(exc))]) from exc


def run_advance(args: argparse.Namespace) -> int:
    from ledger.money import format_yuan
    from ledger.services.subsidy_workflow import advance

    opts = {"reason": args.reason, "at": args.at, "publicity_start": args.start, "publicity_end": args.end,
            "voucher_no": args.voucher, "paid_at": args.paid_at or args.at, "payment_batch": args.batch,
            "amount_fen": _amount(args.amount), "blacklist": args.blacklist}
    with _open(args) as store:
        row = advance(store, args.id, args.to, **opts)
    print(f"申请 {row['application_no']} 已转为“{row['state']}”（核定 {format_yuan(row['computed_fen'])} 元）")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ledger.money import format_yuan
    from ledger.services.subsidies import list_applications

    with _open(args) as store:
        rows = list_applications(store, programme_id=args.programme, state=args.state)
    if not rows:
        print("没有符合条件的申请")
    for r in rows:
        print(f"{r['id']}\t{r['application_no']}\t{r['state']}\t{r['enterprise_name']}\t{r['policy_no']}\t"
              f"核定 {format_yuan(r['computed_fen'])} 元\t批准 {format_yuan(r['approved_fen'])} 元\t"
              f"拨付 {format_yuan(r['paid_fen'])} 元")
    return 0
