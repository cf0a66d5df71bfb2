"""Reminders (待办): what needs doing, dated, each pointing at its record.

Kinds: ``policy_expiring`` (renewal within 30/60/90 days), ``publicity_ending`` (公示 ends within
N days), ``awaiting_approval`` (公示 ended, not yet approved), ``waiting`` (an application stuck
longer than N days at one step, from its last ``subsidy_event``), ``advance_unreconciled``
(先行赔付 not yet reconciled), ``budget_high`` (a programme's budget more than 80 % used).
``as_of`` fixes "today" (tests, reports printed for a given date).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ledger.money import format_ratio_bp, format_yuan
from ledger.services.budget import over_threshold
from ledger.store import Store
from ledger.store import reminders_sql as sql

KIND_LABELS = {
    "policy_expiring": "保单续保", "publicity_ending": "公示即将结束", "awaiting_approval": "待批准",
    "waiting": "办理超时", "advance_unreconciled": "先行赔付待核对", "budget_high": "预算使用超过 80%",
}


@dataclass(frozen=True)
class Reminder:
    kind: str
    title: str
    detail: str
    due_date: str | None
    table: str
    record_id: int

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]


def _day(as_of: date | str | None) -> date:
    if as_of is None:
        return date.today()
    return as_of if isinstance(as_of, date) else date.fromisoformat(as_of)


def reminders(store: Store, *, as_of: date | str | None = None, expiry_windows: tuple[int, ...] = (30, 60, 90),
              publicity_days: int = 3, waiting_days: int = 30) -> list[Reminder]:
    """Every reminder as of ``as_of`` (default today), most urgent (earliest due) first."""
    today = _day(as_of)
    iso = today.isoformat()
    conn = store.conn
    out: list[Reminder] = []
    windows = sorted(expiry_windows)
    for r in sql.policies_expiring(conn, iso, (today + timedelta(days=windows[-1])).isoformat()):
        left = (date.fromisoformat(r["end_date"]) - today).days
        window = next(w for w in windows if left <= w)
        out.append(Reminder("policy_expiring", f"保单 {r['policy_no']} 将于 {window} 天内到期",
                            f"{r['enterprise_name']}，{r['product_name']}，{r['end_date']} 到期（还有 {left} 天），请联系续保",
                            r["end_date"], "policy", r["id"]))
    for r in sql.in_publicity(conn, (today + timedelta(days=publicity_days)).isoformat()):
        amount = format_yuan(r["computed_fen"])
        if r["publicity_end"] < iso:
            out.append(Reminder("awaiting_approval", f"申请 {r['application_no']} 公示期已结束，待批准",
                                f"{r['enterprise_name']}，{r['programme_name']}，公示 {r['publicity_start']} 至 "
                                f"{r['publicity_end']}，拟补贴 {amount} 元", r["publicity_end"],
                                "subsidy_application", r["id"]))
        else:
            out.append(Reminder("publicity_ending", f"申请 {r['application_no']} 公示将于 {r['publicity_end']} 结束",
                                f"{r['enterprise_name']}，{r['programme_name']}，拟补贴 {amount} 元",
                                r["publicity_end"], "subsidy_application", r["id"]))
    limit = today - timedelta(days=waiting_days)
    for r in sql.waiting(conn, limit.isoformat()):
        since = date.fromisoformat(r["since"][:10])
        days = (today - since).days
        out.append(Reminder("waiting", f"申请 {r['application_no']} 在“{r['state']}”已停留 {days} 天",
                            f"{r['enterprise_name']}，自 {since.isoformat()} 起未办理（超过 {waiting_days} 天）",
                            (since + timedelta(days=waiting_days)).isoformat(), "subsidy_application", r["id"]))
    for r in sql.advances_unreconciled(conn):
        out.append(Reminder("advance_unreconciled", f"理赔 {r['claim_no']} 的先行赔付待核对",
                            f"{r['enterprise_name']}，{r['paid_date']} 先行赔付 {format_yuan(r['amount_fen'])} 元，"
                            f"案件状态“{r['state']}”，结案后请与最终赔付核对", r["paid_date"], "claim", r["id"]))
    for b in over_threshold(store):
        used = format_ratio_bp(b.used_bp) if b.used_bp is not None else "—"
        out.append(Reminder("budget_high", f"“{b.name}”预算已使用 {used}",
                            b.figures(), None, "programme", b.programme_id))
    return sorted(out, key=lambda r: (r.due_date or "0000", r.kind, r.record_id))
