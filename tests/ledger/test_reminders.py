"""Reminders (待办) with a fixed as_of date."""

from __future__ import annotations

from ledger.services.claim_workflow import add_advance_payment, advance_claim
from ledger.services.claims import ClaimInput, CostItem, create_claim
from ledger.services.programmes import ProgrammeInput, update_programme
from ledger.services.reminders import reminders
from ledger.services.subsidy_workflow import first_review
from ledger.subsidy import load_programme

from subsidy_setup import FIRST, apply, ent, pol, programme, to_approved, to_publicity


def _by_kind(items):
    out: dict[str, list] = {}
    for r in items:
        out.setdefault(r.kind, []).append(r)
    return out


def test_reminders_as_of_a_fixed_date(ledger_store):
    s = ledger_store
    e = ent(s, 0)
    p20 = pol(s, e, "R-20", premium=1_000_000, start="2023-01-01", end="2023-06-20")
    pol(s, e, "R-50", premium=1_000_000, start="2023-01-01", end="2023-07-20")
    pol(s, e, "R-80", premium=1_000_000, start="2023-01-01", end="2023-08-20")
    pol(s, e, "R-200", premium=1_000_000, start="2023-01-01", end="2023-12-20")
    pol(s, e, "R-OLD", premium=1_000_000, start="2022-01-01", end="2023-05-01")
    g = programme(s, "wuxi-2020", budget_fen=10_000_000)
    ended = apply(s, g, p20, 1_000_000, "2023-03-01")
    to_publicity(s, ended, "2023-05-20", "2023-05-27")  # ended before as_of
    ending = apply(s, g, pol(s, e, "R-P2", premium=1_000_000), 1_000_000, "2023-03-02")
    to_publicity(s, ending, "2023-05-30", "2023-06-02")  # ends within 3 days
    stuck = apply(s, g, pol(s, e, "R-S", premium=1_000_000), 1_000_000, "2023-04-01")
    s.actor = FIRST
    first_review(s, stuck, at="2023-04-10")
    fresh = apply(s, g, pol(s, e, "R-F", premium=1_000_000), 1_000_000, "2023-05-25")
    approved = apply(s, g, pol(s, e, "R-A", premium=4_000_000), 4_000_000, "2023-03-03")
    to_approved(s, approved)
    rules = load_programme("wuxi-2020")
    s.actor = "管理员"
    update_programme(s, g, ProgrammeInput(rules.name, rules.year, budget_fen=2_200_000))  # 20,000 of 22,000
    c = create_claim(s, ClaimInput("LP-R1", p20, "2023-04-01", cost_items=(CostItem("调查费", 300_000, 300_000),))).id
    advance_claim(s, c, "受理", on="2023-04-02")
    add_advance_payment(s, c, 200_000, "2023-04-15")

    items = reminders(s, as_of="2023-05-31")
    kinds = _by_kind(items)
    expiring = {r.title for r in kinds["policy_expiring"]}
    assert expiring == {"保单 R-20 将于 30 天内到期", "保单 R-50 将于 60 天内到期", "保单 R-80 将于 90 天内到期"}
    assert "还有 20 天" in next(r.detail for r in kinds["policy_expiring"] if "R-20" in r.title)
    assert [(r.record_id, r.due_date) for r in kinds["awaiting_approval"]] == [(ended, "2023-05-27")]
    assert [(r.record_id, r.due_date) for r in kinds["publicity_ending"]] == [(ending, "2023-06-02")]
    assert [r.record_id for r in kinds["waiting"]] == [stuck]
    assert kinds["waiting"][0].title == "申请 SB-2020-000003 在“初审”已停留 51 天"
    assert fresh not in [r.record_id for r in kinds.get("waiting", [])]
    assert [(r.table, r.record_id) for r in kinds["advance_unreconciled"]] == [("claim", c)]
    assert "2,000.00 元" in kinds["advance_unreconciled"][0].detail
    assert [r.record_id for r in kinds["budget_high"]] == [g]
    assert "90.91%" in kinds["budget_high"][0].title
    dated = [r.due_date for r in items if r.due_date]
    assert dated == sorted(dated)

    later = _by_kind(reminders(s, as_of="2023-07-01", waiting_days=90))
    assert {r.title for r in later["policy_expiring"]} == {"保单 R-50 将于 30 天内到期", "保单 R-80 将于 60 天内到期"}
    assert "waiting" not in later
