"""Claims (理赔): case data, cost items by category, advance and final payments."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ledger.errors import Issue, Outcome
from ledger.money import format_yuan
from ledger.services.base import as_values, enforce, refuse_if_dependants, row_dict
from ledger.store import Store, lookups, records
from ledger.validation import (
    clean_text,
    validate_amount_fen,
    validate_choice,
    validate_date,
    validate_text,
)

STATES = ("报案", "受理", "调查中", "诉讼中", "结案", "拒赔", "撤案")
CLOSED_STATES = ("结案", "拒赔", "撤案")
OUTCOMES = ("胜诉", "和解", "败诉", "撤诉")
COST_CATEGORIES = ("调查费", "律师代理费", "诉讼费", "仲裁费", "鉴定费", "公证费", "证物费", "差旅费",
                   "直接经济损失", "判决金", "和解金", "无效抗辩费", "产品撤回费")
PAYMENT_KINDS = ("先行赔付", "赔付")


@dataclass(frozen=True)
class CostItem:
    category: str
    claimed_fen: int = 0
    approved_fen: int = 0
    paid_fen: int = 0
    note: str = ""


@dataclass(frozen=True)
class ClaimPayment:
    kind: str
    amount_fen: int
    paid_date: str
    reconciled: bool = False
    note: str = ""


@dataclass(frozen=True)
class ClaimInput:
    claim_no: str
    policy_id: int
    reported_date: str
    state: str = "报案"
    counterparty: str = ""
    court: str = ""
    overseas: bool = False
    jurisdiction: str = ""
    case_number: str = ""
    outcome: str | None = None
    judgement_fen: int = 0
    settlement_fen: int = 0
    description: str = ""
    closed_date: str | None = None
    cost_items: tuple[CostItem, ...] = field(default_factory=tuple)
    payments: tuple[ClaimPayment, ...] = field(default_factory=tuple)

    def normalised(self) -> ClaimInput:
        return replace(self, claim_no=clean_text(self.claim_no), outcome=self.outcome or None,
                       closed_date=self.closed_date or None)


def _check_items(inp: ClaimInput) -> list[Issue]:
    issues: list[Issue] = []
    for n, item in enumerate(inp.cost_items, start=1):
        where = f"费用明细第 {n} 行"
        issues += validate_choice(item.category, COST_CATEGORIES, "cost_items", f"{where}类别")
        for key, label in (("claimed_fen", "索赔金额"), ("approved_fen", "核定金额"), ("paid_fen", "已赔金额")):
            issues += validate_amount_fen(getattr(item, key), "cost_items", f"{where}{label}")
        if not issues and item.paid_fen > item.approved_fen:
            issues.append(Issue("cost_items", "claim.paid_above_approved",
                                f"{where}（{item.category}）已赔 {format_yuan(item.paid_fen)} 元超过核定 "
                                f"{format_yuan(item.approved_fen)} 元"))
    for n, pay in enumerate(inp.payments, start=1):
        where = f"赔款支付第 {n} 笔"
        issues += validate_choice(pay.kind, PAYMENT_KINDS, "payments", f"{where}类型")
        issues += validate_amount_fen(pay.amount_fen, "payments", f"{where}金额", minimum=1)
        issues += validate_date(pay.paid_date, "payments", f"{where}日期")
    return issues


def check_claim(store: Store, inp: ClaimInput, *, record_id: int | None = None) -> list[Issue]:
    inp = inp.normalised()
    conn = store.conn
    issues = validate_text(inp.claim_no, "claim_no", "理赔编号", max_len=64)
    issues += validate_date(inp.reported_date, "reported_date", "报案日期")
    issues += validate_choice(inp.state, STATES, "state", "理赔状态")
    if inp.outcome is not None:
        issues += validate_choice(inp.outcome, OUTCOMES, "outcome", "案件结果")
    if inp.state in CLOSED_STATES:
        issues += validate_date(inp.closed_date, "closed_date", "结案日期")
        if inp.closed_date and inp.reported_date and inp.closed_date < inp.reported_date:
            issues.append(Issue("closed_date", "period.order", "结案日期不能早于报案日期"))
    for key, label in (("counterparty", "对方当事人"), ("court", "受理法院/仲裁机构"),
                       ("jurisdiction", "管辖地"), ("case_number", "案号")):
        issues += validate_text(getattr(inp, key), key, label, required=False, max_len=200)
    issues += validate_text(inp.description, "description", "案情说明", required=False, max_len=20000)
    issues += validate_amount_fen(inp.judgement_fen, "judgement_fen", "判决金额")
    issues += validate_amount_fen(inp.settlement_fen, "settlement_fen", "和解金额")
    issues += _check_items(inp)
    sum_insured = lookups.policy_sum_insured(conn, inp.policy_id)
    if sum_insured is None:
        issues.append(Issue("policy_id", "policy.missing", "请选择出险保单"))
    elif not any(i.is_error for i in issues):
        paid = sum(i.paid_fen for i in inp.cost_items)
        other = lookups.claims_paid_on_policy(conn, inp.policy_id, record_id)
        remaining = sum_insured - other
        if paid > remaining:
            issues.append(Issue("cost_items", "claim.above_sum_insured",
                                f"本案已赔合计 {format_yuan(paid)} 元，超过保单剩余保额 {format_yuan(remaining)} 元"
                                f"（保险金额 {format_yuan(sum_insured)} 元，其他案件已赔 {format_yuan(other)} 元）"))
        cash = sum(p.amount_fen for p in inp.payments)
        if cash > remaining:
            issues.append(Issue("payments", "claim.cash_above_sum_insured",
                                f"赔款支付合计 {format_yuan(cash)} 元超过保单剩余保额 {format_yuan(remaining)} 元"))
    other = lookups.id_by(conn, "claim", "claim_no", inp.claim_no) if inp.claim_no else None
    if other is not None and other != record_id:
        issues.append(Issue("claim_no", "claim.duplicate", f"理赔编号 {inp.claim_no} 已存在"))
    return issues


def _write_children(conn, claim_id: int, inp: ClaimInput, office: str) -> None:
    lookups.delete_children(conn, "claim_cost_item", "claim_id", claim_id)
    lookups.delete_children(conn, "claim_payment", "claim_id", claim_id)
    for item in inp.cost_items:
        records.insert(conn, "claim_cost_item", as_values(item) | {"claim_id": claim_id}, office=office)
    for pay in inp.payments:
        records.insert(conn, "claim_payment", as_values(pay) | {"claim_id": claim_id}, office=office)


def create_claim(store: Store, inp: ClaimInput) -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_claim(store, inp))
    with store.write() as conn:
        new_id, uuid = records.insert(conn, "claim", as_values(inp, skip=("cost_items", "payments")),
                                      office=store.office_id)
        _write_children(conn, new_id, inp, store.office_id)
    return Outcome(new_id, uuid, warnings)


def update_claim(store: Store, record_id: int, inp: ClaimInput, *,
                 expected_revision: int | None = None) -> Outcome:
    inp = inp.normalised()
    warnings = enforce(check_claim(store, inp, record_id=record_id))
    with store.write() as conn:
        records.update(conn, "claim", record_id, as_values(inp, skip=("cost_items", "payments")),
                       expected_revision=expected_revision)
        _write_children(conn, record_id, inp, store.office_id)
        uuid = records.get(conn, "claim", record_id)["uuid"]
    return Outcome(record_id, uuid, warnings)


def delete_claim(store: Store, record_id: int) -> None:
    with store.write() as conn:
        refuse_if_dependants(conn, "claim", record_id, "理赔")
        records.delete(conn, "claim", record_id)


def get_claim(store: Store, record_id: int) -> dict[str, Any]:
    conn = store.conn
    claim = row_dict(records.get(conn, "claim", record_id))
    items, pays = lookups.claim_children(conn, record_id)
    claim["cost_items"] = [row_dict(r) for r in items]
    claim["payments"] = [row_dict(r) for r in pays]
    return claim


def input_from_row(row: dict[str, Any]) -> ClaimInput:
    plain = {k: row[k] for k in ClaimInput.__dataclass_fields__
             if k not in ("cost_items", "payments", "overseas")}
    return ClaimInput(
        **plain, overseas=bool(row["overseas"]),
        cost_items=tuple(CostItem(r["category"], r["claimed_fen"], r["approved_fen"], r["paid_fen"], r["note"])
                         for r in row["cost_items"]),
        payments=tuple(ClaimPayment(r["kind"], r["amount_fen"], r["paid_date"], bool(r["reconciled"]), r["note"])
                       for r in row["payments"]),
    )
