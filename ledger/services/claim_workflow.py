"""Claims workflow (理赔流程): 报案 → 受理 → 调查中 / 诉讼中 → 结案, or 拒赔 / 撤案; advance
payments (先行赔付) and their reconciliation against the final settlement.

Every change goes through ``ledger.services.claims.update_claim``, so its checks apply (cost
items paid ≤ approved, paid and cash never above the policy's remaining sum insured) and the
audit triggers record who changed what. The claim table has no event table: the reason of a
transition is appended to the claim's description as ``【日期 状态】理由``.

Reconciliation: when the final payments (赔付) plus the advances (先行赔付) equal the paid
cost items, the advances are marked reconciled; otherwise it is refused with the figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ledger.errors import InvalidInput, Issue, Outcome, Refused
from ledger.money import format_yuan
from ledger.services.access import _require
from ledger.services.claims import OUTCOMES, ClaimPayment, get_claim, input_from_row, update_claim
from ledger.store import Store
from ledger.validation import clean_text, validate_date

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "报案": ("受理", "拒赔", "撤案"),
    "受理": ("调查中", "诉讼中", "结案", "拒赔", "撤案"),
    "调查中": ("诉讼中", "结案", "拒赔", "撤案"),
    "诉讼中": ("调查中", "结案", "撤案"),
    "结案": (),
    "拒赔": (),
    "撤案": (),
}
ADVANCE_STATES = ("受理", "调查中", "诉讼中")
FINAL_PAYMENT_STATES = ("受理", "调查中", "诉讼中", "结案")


@dataclass(frozen=True)
class AdvanceStatus:
    claim_id: int
    claim_no: str
    advances_fen: int
    unreconciled_fen: int
    final_fen: int
    cost_paid_fen: int

    @property
    def difference_fen(self) -> int:
        return self.cost_paid_fen - self.advances_fen - self.final_fen

    def figures(self) -> str:
        return (f"先行赔付 {format_yuan(self.advances_fen)} 元 + 最终赔付 {format_yuan(self.final_fen)} 元 = "
                f"{format_yuan(self.advances_fen + self.final_fen)} 元，费用明细已赔合计 "
                f"{format_yuan(self.cost_paid_fen)} 元")


def allowed(state: str) -> tuple[str, ...]:
    return TRANSITIONS.get(state, ())


def _today(on: str | None) -> str:
    return on or date.today().isoformat()


def advance_claim(store: Store, claim_id: int, to_state: str, *, on: str | None = None,
                  outcome: str | None = None, reason: str = "", judgement_fen: int | None = None,
                  settlement_fen: int | None = None, expected_revision: int | None = None) -> Outcome:
    """Move a claim to ``to_state``. 结案 needs an outcome (胜诉/和解/败诉/撤诉) and a closing date
    (``on``, default today); 拒赔 and 撤案 need a reason."""
    _require(store, "claim.manage")
    row = get_claim(store, claim_id)
    state = row["state"]
    if to_state not in allowed(state):
        nexts = allowed(state)
        can = f"可转为：{'、'.join(nexts)}" if nexts else "该状态为终结状态，不能再变更"
        raise Refused(f"理赔 {row['claim_no']} 当前处于“{state}”状态，不能转为“{to_state}”；{can}")
    reason = clean_text(reason or "")
    day = _today(on)
    issues = validate_date(day, "closed_date", "办理日期")
    if to_state == "结案" and outcome not in OUTCOMES:
        issues.append(Issue("outcome", "claim.outcome_required",
                            f"结案须填写案件结果（{'、'.join(OUTCOMES)}）"))
    if to_state in ("拒赔", "撤案") and not reason:
        issues.append(Issue("reason", "reason.required", f"{to_state}必须填写理由"))
    if issues:
        raise InvalidInput(issues)
    inp = input_from_row(row)
    changes: dict[str, object] = {"state": to_state}
    if to_state in ("结案", "拒赔", "撤案"):
        changes["closed_date"] = day
    if to_state == "结案":
        changes["outcome"] = outcome
    if judgement_fen is not None:
        changes["judgement_fen"] = judgement_fen
    if settlement_fen is not None:
        changes["settlement_fen"] = settlement_fen
    if reason:
        changes["description"] = (inp.description + "\n" if inp.description else "") + f"【{day} {to_state}】{reason}"
    return update_claim(store, claim_id, replace(inp, **changes), expected_revision=expected_revision)  # type: ignore[arg-type]


def _add_payment(store: Store, claim_id: int, kind: str, amount_fen: int, paid_date: str, note: str,
                 states: tuple[str, ...]) -> Outcome:
    _require(store, "claim.manage")
    row = get_claim(store, claim_id)
    if row["state"] not in states:
        raise Refused(f"理赔 {row['claim_no']} 处于“{row['state']}”状态，不能登记{kind}"
                      f"（限 {'、'.join(states)}）")
    inp = input_from_row(row)
    pay = ClaimPayment(kind, amount_fen, paid_date, False, clean_text(note))
    return update_claim(store, claim_id, replace(inp, payments=(*inp.payments, pay)))


def add_advance_payment(store: Store, claim_id: int, amount_fen: int, paid_date: str, note: str = "") -> Outcome:
    """先行赔付 (insurer pays investigation/legal costs before the case ends)."""
    return _add_payment(store, claim_id, "先行赔付", amount_fen, paid_date, note, ADVANCE_STATES)


def add_final_payment(store: Store, claim_id: int, amount_fen: int, paid_date: str, note: str = "") -> Outcome:
    """赔付 (the settlement, net of advances)."""
    return _add_payment(store, claim_id, "赔付", amount_fen, paid_date, note, FINAL_PAYMENT_STATES)


def advance_status(store: Store, claim_id: int) -> AdvanceStatus:
    row = get_claim(store, claim_id)
    pays = row["payments"]
    advances = [p for p in pays if p["kind"] == "先行赔付"]
    return AdvanceStatus(
        claim_id, row["claim_no"], sum(p["amount_fen"] for p in advances),
        sum(p["amount_fen"] for p in advances if not p["reconciled"]),
        sum(p["amount_fen"] for p in pays if p["kind"] == "赔付"),
        sum(i["paid_fen"] for i in row["cost_items"]),
    )


def reconcile_advances(store: Store, claim_id: int) -> AdvanceStatus:
    """Mark the advances reconciled when final payments + advances = paid cost items."""
    _require(store, "claim.manage")
    status = advance_status(store, claim_id)
    if status.unreconciled_fen == 0:
        raise Refused(f"理赔 {status.claim_no} 没有待核对的先行赔付")
    if status.difference_fen != 0:
        diff = status.difference_fen
        what = f"尚差 {format_yuan(diff)} 元" if diff > 0 else f"多付 {format_yuan(-diff)} 元"
        raise Refused(f"理赔 {status.claim_no} 先行赔付无法核销：{status.figures()}，{what}")
    row = get_claim(store, claim_id)
    inp = input_from_row(row)
    pays = tuple(replace(p, reconciled=True) if p.kind == "先行赔付" else p for p in inp.payments)
    update_claim(store, claim_id, replace(inp, payments=pays))
    return advance_status(store, claim_id)
