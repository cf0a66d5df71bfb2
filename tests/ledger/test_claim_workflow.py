"""Claims workflow: transitions, closing data, advances and reconciliation, sum insured, loss ratio."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ledger import stats
from ledger.errors import InvalidInput, Refused
from ledger.services.claim_workflow import (
    add_advance_payment,
    add_final_payment,
    advance_claim,
    advance_status,
    reconcile_advances,
)
from ledger.services.claims import (
    ClaimInput,
    CostItem,
    create_claim,
    get_claim,
    input_from_row,
    update_claim,
)

from subsidy_setup import ent, pol


@pytest.fixture
def claim(ledger_store):
    s = ledger_store
    e = ent(s, 0)
    p = pol(s, e, "C-1", premium=2_000_000, sum_insured=10_000_000, shares=((0, 6000), (1, 4000)))
    cid = create_claim(s, ClaimInput("LP-2023-1", p, "2023-04-01", counterparty="某侵权公司", cost_items=(
        CostItem("调查费", 1_000_000, 800_000, 0), CostItem("律师代理费", 3_000_000, 2_500_000, 0)))).id
    return s, p, cid


def test_transition_table_and_closing_requirements(claim):
    s, p, cid = claim
    with pytest.raises(Refused, match="当前处于“报案”状态，不能转为“结案”；可转为：受理、拒赔、撤案"):
        advance_claim(s, cid, "结案", outcome="胜诉")
    advance_claim(s, cid, "受理", on="2023-04-02")
    advance_claim(s, cid, "调查中", on="2023-04-10")
    advance_claim(s, cid, "诉讼中", on="2023-05-01", reason="向苏州中院起诉")
    with pytest.raises(InvalidInput, match="结案须填写案件结果"):
        advance_claim(s, cid, "结案", on="2023-09-01")
    with pytest.raises(InvalidInput, match="结案日期不能早于报案日期"):
        advance_claim(s, cid, "结案", on="2023-03-01", outcome="胜诉")
    advance_claim(s, cid, "结案", on="2023-09-01", outcome="和解", settlement_fen=5_000_000, reason="双方和解")
    row = get_claim(s, cid)
    assert (row["state"], row["outcome"], row["closed_date"], row["settlement_fen"]) == (
        "结案", "和解", "2023-09-01", 5_000_000)
    assert "【2023-05-01 诉讼中】向苏州中院起诉" in row["description"]
    with pytest.raises(Refused, match="终结状态"):
        advance_claim(s, cid, "受理")
    states = [r[0] for r in s.rows("SELECT json_extract(new_values, '$.state') FROM audit_log "
                                   "WHERE table_name = 'claim' ORDER BY seq")]
    assert states == ["报案", "受理", "调查中", "诉讼中", "结案"]


def test_refusal_and_withdrawal_need_a_reason(claim):
    s, p, cid = claim
    with pytest.raises(InvalidInput, match="拒赔必须填写理由"):
        advance_claim(s, cid, "拒赔")
    advance_claim(s, cid, "撤案", on="2023-04-05", reason="企业撤回报案")
    assert get_claim(s, cid)["state"] == "撤案"


def test_advances_reconcile_only_when_they_add_up(claim):
    s, p, cid = claim
    with pytest.raises(Refused, match="不能登记先行赔付"):
        add_advance_payment(s, cid, 500_000, "2023-04-03")
    advance_claim(s, cid, "受理", on="2023-04-02")
    add_advance_payment(s, cid, 800_000, "2023-04-20", "调查费先行赔付")
    with pytest.raises(Refused, match="先行赔付无法核销"):
        reconcile_advances(s, cid)
    inp = input_from_row(get_claim(s, cid))
    items = (replace(inp.cost_items[0], paid_fen=800_000), replace(inp.cost_items[1], paid_fen=2_500_000))
    update_claim(s, cid, replace(inp, cost_items=items))
    add_final_payment(s, cid, 2_000_000, "2023-09-05")
    with pytest.raises(Refused) as caught:
        reconcile_advances(s, cid)
    assert caught.value.message.endswith(
        "先行赔付 8,000.00 元 + 最终赔付 20,000.00 元 = 28,000.00 元，费用明细已赔合计 33,000.00 元，尚差 5,000.00 元")
    add_final_payment(s, cid, 500_000, "2023-09-06")
    status = reconcile_advances(s, cid)
    assert (status.unreconciled_fen, status.difference_fen) == (0, 0)
    assert [p["reconciled"] for p in get_claim(s, cid)["payments"] if p["kind"] == "先行赔付"] == [1]
    with pytest.raises(Refused, match="没有待核对的先行赔付"):
        reconcile_advances(s, cid)
    assert advance_status(s, cid).advances_fen == 800_000


def test_payments_never_above_the_remaining_sum_insured(claim):
    s, p, cid = claim
    advance_claim(s, cid, "受理", on="2023-04-02")
    add_advance_payment(s, cid, 6_000_000, "2023-04-20")
    with pytest.raises(InvalidInput, match="超过保单剩余保额 100,000.00 元"):
        add_final_payment(s, cid, 4_000_001, "2023-09-05")
    assert len(get_claim(s, cid)["payments"]) == 1


def test_loss_ratio_per_product_insurer_and_year(claim):
    s, p, cid = claim
    inp = input_from_row(get_claim(s, cid))
    update_claim(s, cid, replace(inp, cost_items=(replace(inp.cost_items[0], paid_fen=500_000),)))
    other = pol(s, ent(s, 1), "C-2", "comprehensive", premium=3_000_000, start="2024-02-01", end="2025-02-01")
    figures = stats.compute(s)
    by_product = {r["product_code"]: r for r in figures["by_product"]}
    assert by_product["patent_enforcement"]["loss_ratio_bp"] == 2500  # 5,000 / 20,000
    assert by_product["ip_legal_expenses"]["loss_ratio_bp"] == 0
    by_year = {r["year"]: r["loss_ratio_bp"] for r in figures["by_year"]}
    assert by_year == {2023: 2500, 2024: 0}
    insurers = [r for r in figures["by_insurer"] if r["claims_paid_fen"]]
    # 60 / 40 co-insurance on C-1: premium 12,000 / 8,000 (+ C-2 on the lead), paid 3,000 / 2,000
    lead = next(r for r in insurers if r["claims_paid_fen"] == 300_000)
    second = next(r for r in insurers if r["claims_paid_fen"] == 200_000)
    assert second["premium_fen"] == 800_000 and second["loss_ratio_bp"] == 2500
    assert lead["premium_fen"] == 1_200_000 + 3_000_000 and lead["loss_ratio_bp"] == 714  # 3,000 / 42,000
    assert other
