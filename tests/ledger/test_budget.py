"""Budget ledger: figures equal the statistics service; 80 % flag."""

from __future__ import annotations

from ledger import stats
from ledger.services.budget import budget_ledger, budget_ledgers, over_threshold
from ledger.services.subsidy_workflow import clawback, pay

from subsidy_setup import apply, ent, pol, programme, to_approved, to_publicity


def test_budget_ledger_matches_stats_through_the_whole_cycle(ledger_store):
    s = ledger_store
    g = programme(s, "wuxi-2020", budget_fen=5_000_000)  # 50,000.00
    ids = [apply(s, g, pol(s, ent(s, k), f"W-{k}", premium=2_000_000), 2_000_000, f"2023-03-0{k + 1}")
           for k in range(4)]  # 10,000.00 each
    to_approved(s, ids[0])
    to_approved(s, ids[1])
    to_publicity(s, ids[2])
    s.actor = "钱财务"
    pay(s, ids[0], voucher_no="PZ-1", paid_at="2023-06-01")
    pay(s, ids[1], voucher_no="PZ-2", paid_at="2023-06-01", amount_fen=800_000)  # releases 2,000.00
    s.actor = "孙监督"
    clawback(s, ids[0], amount_fen=300_000, reason="保费退还")
    b = budget_ledger(s, g)
    assert (b.allocated_fen, b.committed_fen, b.paid_fen, b.recovered_fen) == (5_000_000, 0, 1_800_000, 300_000)
    assert b.remaining_fen == 5_000_000 - 1_800_000 + 300_000
    assert b.used_bp == 3000  # 15,000 / 50,000
    assert (b.publicised_fen, b.pending_fen) == (1_000_000, 1_000_000)
    figures = stats.compute(s, programme_id=g)["budget"]
    assert {k: v for k, v in b.as_dict().items() if k in figures} == figures
    assert not b.above_threshold and over_threshold(s) == []
    assert "剩余 35,000.00 元" in b.figures()


def test_above_eighty_percent_is_flagged(ledger_store):
    s = ledger_store
    g = programme(s, "wuxi-2020", budget_fen=1_200_000)  # 12,000.00
    a = apply(s, g, pol(s, ent(s, 0), "W-1", premium=2_000_000), 2_000_000)  # 10,000.00 → 83.33 %
    to_approved(s, a)
    b = budget_ledger(s, g)
    assert b.used_bp == 8333 and b.above_threshold
    assert [x.programme_id for x in over_threshold(s)] == [g]
    assert [x.programme_id for x in budget_ledgers(s, year=2020)] == [g]
    assert stats.compute(s, programme_id=g)["budget"]["used_bp"] == 8333
