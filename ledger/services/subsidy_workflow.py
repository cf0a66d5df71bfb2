"""Subsidy workflow services: every transition of ``ledger.subsidy.workflow`` with its checks.

Each transition writes the application and a ``subsidy_event`` (actor, at, reason, amount) in
one transaction; the audit triggers log both. Checks, all raising before anything is written:
role (``ledger.security``), programme not closed (已结转; a clawback is the one exception: an
audit years later still recovers the money into that year's budget), allowed transition, reason where
required, four-eyes (the recorder and the 初审 person may not do 复核 or 批准), 公示 dates,
approval only after the 公示 period ended, approval within the budget (with the figures),
payment not above the approved amount, clawback not above what was paid and not yet recovered.

Batches (``advance_many`` and the ``*_many`` helpers) run item by item inside ONE transaction,
each item seeing the effect of the ones before it (budget); on the first refusal everything is
rolled back and ``BatchRefused`` names the item (position, application number) and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from ledger.errors import InvalidInput, Issue, NotFound, Refused
from ledger.money import format_yuan
from ledger.services.access import _require
from ledger.services.budget import budget_ledger
from ledger.services.programmes import refuse_if_closed
from ledger.services.subsidies import compute_in_tx
from ledger.store import Store, records
from ledger.store import programmes_sql as psql
from ledger.store import subsidies_sql as sql
from ledger.store.audit import now_text
from ledger.subsidy.workflow import BY_ACTION, Transition, find, four_eyes_conflict, refusal
from ledger.validation import clean_text, validate_date


class BatchRefused(Refused):
    """A batch was refused at one item; nothing of the batch was written."""

    def __init__(self, message: str, position: int, application_id: int, cause: Exception) -> None:
        super().__init__(message)
        self.position = position
        self.application_id = application_id
        self.cause = cause


def _at(at: str | None) -> str:
    if not at:
        return now_text()
    if validate_date(at[:10], "at", "办理日期"):
        raise InvalidInput([Issue("at", "date.format", f"办理日期“{at}”不是 YYYY-MM-DD 日期")])
    return at if len(at) > 10 else f"{at}T00:00:00"


def _check_date(value: str | None, fieldname: str, label: str) -> str:
    problems = validate_date(value, fieldname, label)
    if problems:
        raise InvalidInput(problems)
    assert value is not None
    return value


def _do(store: Store, application_id: int, t: Transition, opts: dict[str, Any]) -> dict[str, Any]:
    """One transition inside the caller's transaction; returns the new row."""
    conn = store.conn
    app = sql.facts_row(conn, application_id)
    if app is None:
        raise NotFound(f"补贴申请 #{application_id} 不存在")
    if t.action != "clawback":  # money found wrongly paid is recovered even after the year is closed
        refuse_if_closed(psql.status_of(conn, app["programme_id"]))
    no, state = app["application_no"], app["state"]
    if state not in t.sources:
        raise Refused(f"申请 {no}：{refusal(state, t.target)}")
    reason = clean_text(opts.get("reason") or "")
    if t.needs_reason and not reason:
        raise InvalidInput([Issue("reason", "reason.required", f"申请 {no}：{t.label}必须填写理由")])
    conflict = four_eyes_conflict(t, store.actor, app["recorded_by"], app["first_reviewed_by"])
    if conflict:
        raise Refused(f"申请 {no}：{conflict}")
    at = _at(opts.get("at"))
    full = records.get(conn, "subsidy_application", application_id)
    values: dict[str, Any] = {"state": t.target}
    amount: int | None = None
    if t.action == "first_review":
        values["first_reviewed_by"] = store.actor
    elif t.action == "publish":
        start = _check_date(opts.get("publicity_start"), "publicity_start", "公示开始日期")
        end = _check_date(opts.get("publicity_end"), "publicity_end", "公示结束日期")
        if end < start:
            raise InvalidInput([Issue("publicity_end", "period.order",
                                      f"公示结束日期（{end}）早于开始日期（{start}）")])
        calc = compute_in_tx(store, application_id)
        if calc.amount_fen <= 0:
            why = "；".join(calc.reasons) or "核定金额为 0"
            raise Refused(f"申请 {no} 核定补贴为 0.00 元（{why}），不能公示；请作“不予支持”处理")
        values |= {"publicity_start": start, "publicity_end": end}
        amount = calc.amount_fen
    elif t.action == "approve":
        amount = _approve_checks(store, full, at[:10])
        values |= {"approved_fen": amount, "approved_at": at, "approved_by": store.actor}
    elif t.action == "pay":
        amount = _pay_checks(full, opts)
        values |= {"paid_fen": amount, "paid_at": _check_date(opts.get("paid_at") or at[:10], "paid_at", "拨付日期"),
                   "voucher_no": clean_text(opts.get("voucher_no") or ""),
                   "payment_batch": clean_text(opts.get("payment_batch") or "")}
    elif t.action == "return":
        values |= {"publicity_start": None, "publicity_end": None}
    elif t.action == "resubmit":
        values |= _resubmit_values(conn, full, app, opts)
    elif t.action == "clawback":
        amount = _clawback_checks(full, opts)
        values["recovered_fen"] = full["recovered_fen"] + amount
        if opts.get("blacklist"):
            why = clean_text(opts.get("blacklist_reason") or "") or reason
            records.update(conn, "enterprise", app["enterprise_id"],
                           {"blacklisted": 1, "blacklist_reason": why})
    records.update(conn, "subsidy_application", application_id, values)
    if t.action == "resubmit":
        amount = compute_in_tx(store, application_id).amount_fen
    records.insert(conn, "subsidy_event", {
        "application_id": application_id, "from_state": state, "to_state": t.target, "actor": store.actor,
        "at": at, "reason": reason or t.label, "amount_fen": amount}, office=store.office_id)
    return dict(records.get(conn, "subsidy_application", application_id))


def _approve_checks(store: Store, app: Any, on: str) -> int:
    no, end = app["application_no"], app["publicity_end"]
    if not end or on <= end:
        first = (date.fromisoformat(end) + timedelta(days=1)).isoformat() if end else "—"
        raise Refused(f"申请 {no} 的公示期至 {end or '（未设定）'} 结束，{on} 不能批准；最早可于 {first} 批准")
    amount = app["computed_fen"]
    ledger = budget_ledger(store, app["programme_id"])
    if ledger.allocated_fen <= 0:
        raise Refused(f"试点项目“{ledger.name}”尚未设置预算，不能批准申请 {no}")
    if amount > ledger.remaining_fen:
        raise Refused(f"批准申请 {no} 需 {format_yuan(amount)} 元，超出项目剩余预算：{ledger.figures()}；"
                      f"还差 {format_yuan(amount - ledger.remaining_fen)} 元")
    return amount


def _pay_checks(app: Any, opts: dict[str, Any]) -> int:
    no = app["application_no"]
    amount = opts.get("amount_fen")
    amount = app["approved_fen"] if amount is None else amount
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InvalidInput([Issue("amount_fen", "amount.invalid", f"申请 {no}：拨付金额必须是大于 0 的整数分")])
    if amount > app["approved_fen"]:
        raise Refused(f"申请 {no} 拨付 {format_yuan(amount)} 元超过批准金额 {format_yuan(app['approved_fen'])} 元")
    if not clean_text(opts.get("voucher_no") or ""):
        raise InvalidInput([Issue("voucher_no", "voucher.required", f"申请 {no}：拨付必须填写凭证号")])
    return amount


def _clawback_checks(app: Any, opts: dict[str, Any]) -> int:
    no = app["application_no"]
    amount = opts.get("amount_fen")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise InvalidInput([Issue("amount_fen", "amount.invalid", f"申请 {no}：追回金额必须是大于 0 的整数分")])
    left = app["paid_fen"] - app["recovered_fen"]
    if amount > left:
        raise Refused(f"申请 {no} 追回 {format_yuan(amount)} 元超过可追回金额 {format_yuan(left)} 元"
                      f"（已拨付 {format_yuan(app['paid_fen'])} 元，已追回 {format_yuan(app['recovered_fen'])} 元）")
    return amount


def _resubmit_values(conn: Any, app: Any, facts: Any, opts: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    paid = opts.get("premium_paid_fen")
    if paid is not None:
        if isinstance(paid, bool) or not isinstance(paid, int) or paid <= 0:
            raise InvalidInput([Issue("premium_paid_fen", "amount.invalid", "实缴保费必须是大于 0 的整数分")])
        if paid > facts["premium_fen"]:
            raise InvalidInput([Issue("premium_paid_fen", "premium.above_policy",
                                      f"申报实缴保费 {format_yuan(paid)} 元超过保单 {facts['policy_no']} 的保费 "
                                      f"{format_yuan(facts['premium_fen'])} 元")])
        values["premium_paid_fen"] = paid
    if opts.get("notes") is not None:
        values["notes"] = clean_text(opts["notes"])
    return values


# -- public API ---------------------------------------------------------------------------------

def transition(store: Store, application_id: int, action: str, **opts: Any) -> dict[str, Any]:
    """Run one transition by action name (see ``ledger.subsidy.workflow.TRANSITIONS``)."""
    t = BY_ACTION[action]
    _require(store, t.permission)
    with store.write():
        return _do(store, application_id, t, opts)


def advance(store: Store, application_id: int, to_state: str, **opts: Any) -> dict[str, Any]:
    """Move an application to ``to_state`` (the CLI's ``subsidy advance --to``)."""
    app = sql.facts_row(store.conn, application_id)
    if app is None:
        raise NotFound(f"补贴申请 #{application_id} 不存在")
    if to_state != "追回":
        refuse_if_closed(psql.status_of(store.conn, app["programme_id"]))
    t = find(app["state"], to_state)
    if t is None:
        raise Refused(f"申请 {app['application_no']}：{refusal(app['state'], to_state)}")
    return transition(store, application_id, t.action, **opts)


def first_review(store: Store, application_id: int, *, reason: str = "", at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "first_review", reason=reason, at=at)


def second_review(store: Store, application_id: int, *, reason: str = "", at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "second_review", reason=reason, at=at)


def publish(store: Store, application_id: int, *, start: str, end: str, reason: str = "",
            at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "publish", publicity_start=start, publicity_end=end,
                      reason=reason, at=at)


def approve(store: Store, application_id: int, *, reason: str = "", at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "approve", reason=reason, at=at)


def pay(store: Store, application_id: int, *, voucher_no: str, paid_at: str, amount_fen: int | None = None,
        payment_batch: str = "", reason: str = "", at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "pay", voucher_no=voucher_no, paid_at=paid_at,
                      amount_fen=amount_fen, payment_batch=payment_batch, reason=reason, at=at or paid_at)


def return_for_correction(store: Store, application_id: int, *, reason: str, at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "return", reason=reason, at=at)


def resubmit(store: Store, application_id: int, *, premium_paid_fen: int | None = None, notes: str | None = None,
             reason: str = "", at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "resubmit", premium_paid_fen=premium_paid_fen, notes=notes,
                      reason=reason, at=at)


def reject(store: Store, application_id: int, *, reason: str, at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "reject", reason=reason, at=at)


def clawback(store: Store, application_id: int, *, amount_fen: int, reason: str, blacklist: bool = False,
             blacklist_reason: str = "", at: str | None = None) -> dict[str, Any]:
    return transition(store, application_id, "clawback", amount_fen=amount_fen, reason=reason,
                      blacklist=blacklist, blacklist_reason=blacklist_reason, at=at)


def run_batch(store: Store, application_ids: Sequence[int], action: str,
              per_item: dict[int, dict[str, Any]] | None = None, **opts: Any) -> list[dict[str, Any]]:
    """All-or-nothing batch: one transaction; the first refusal rolls everything back and raises
    ``BatchRefused`` naming the item. ``per_item`` overrides options per application id."""
    t = BY_ACTION[action]
    _require(store, t.permission)
    out = []
    with store.write():
        for n, app_id in enumerate(application_ids, start=1):
            try:
                out.append(_do(store, app_id, t, opts | (per_item or {}).get(app_id, {})))
            except (Refused, InvalidInput, NotFound) as exc:
                raise BatchRefused(f"批量{t.label}未执行，已全部撤销：第 {n} 项（共 {len(application_ids)} 项）"
                                   f"被拒绝：{exc.message}", n, app_id, exc) from exc
    return out


def approve_many(store: Store, application_ids: Sequence[int], *, reason: str = "",
                 at: str | None = None) -> list[dict[str, Any]]:
    return run_batch(store, application_ids, "approve", reason=reason, at=at)


def publish_many(store: Store, application_ids: Sequence[int], *, start: str, end: str,
                 reason: str = "", at: str | None = None) -> list[dict[str, Any]]:
    return run_batch(store, application_ids, "publish", publicity_start=start, publicity_end=end,
                     reason=reason, at=at)


def pay_many(store: Store, vouchers: dict[int, str], *, paid_at: str, payment_batch: str = "",
             reason: str = "") -> list[dict[str, Any]]:
    """Pay the approved amount of each application; ``vouchers`` maps application id → voucher no."""
    return run_batch(store, list(vouchers), "pay", {k: {"voucher_no": v} for k, v in vouchers.items()},
                     paid_at=paid_at, payment_batch=payment_batch, reason=reason, at=paid_at)


def review_many(store: Store, application_ids: Sequence[int], action: str = "first_review", *,
                reason: str = "", at: str | None = None) -> list[dict[str, Any]]:
    """Bulk 初审 (``first_review``) or 复核 (``second_review``)."""
    if action not in ("first_review", "second_review"):
        raise ValueError(action)
    return run_batch(store, application_ids, action, reason=reason, at=at)
