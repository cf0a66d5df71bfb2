"""Workflow transitions at the ledger level: every refusal, four-eyes, audit, batches."""

from __future__ import annotations

import pytest

from ledger.errors import InvalidInput, Refused
from ledger.services.budget import budget_ledger
from ledger.services.programmes import ProgrammeInput, close_programme, update_programme
from ledger.services.subsidies import explain, recompute
from ledger.services.subsidy_workflow import (
    BatchRefused,
    advance,
    approve,
    approve_many,
    clawback,
    first_review,
    pay,
    pay_many,
    publish,
    reject,
    resubmit,
    return_for_correction,
    second_review,
)
from ledger.subsidy import load_programme

from subsidy_setup import (
    APPROVER,
    FIRST,
    RECORDER,
    SECOND,
    apply,
    computed,
    ent,
    pol,
    programme,
    state,
    to_approved,
    to_publicity,
)


@pytest.fixture
def one(ledger_store):
    """Wuxi rules, one enterprise, one application of 10,000.00 (premium 20,000.00 paid)."""
    s = ledger_store
    g = programme(s, "wuxi-2020", budget_fen=10_000_000)
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "W-1", premium=2_000_000), 2_000_000)
    return s, g, e, a


def _events(s, a):
    return [tuple(r) for r in s.rows("SELECT from_state, to_state, actor, reason, amount_fen FROM subsidy_event "
                                     "WHERE application_id = ? ORDER BY id", (a,))]


def test_full_path_writes_an_event_and_audit_rows_for_every_transition(one):
    s, g, e, a = one
    assert s.scalar("SELECT application_no FROM subsidy_application WHERE id = ?", (a,)) == "SB-2020-000001"
    to_approved(s, a)
    s.actor = "钱财务"
    pay(s, a, voucher_no="PZ-2023-001", paid_at="2023-05-20", payment_batch="2023-第1批")
    s.actor = "孙监督"
    clawback(s, a, amount_fen=400_000, reason="发票金额不实", blacklist=True, blacklist_reason="虚报保费")
    assert _events(s, a) == [
        ("", "申报", RECORDER, "录入申请", 1_000_000),
        ("申报", "初审", FIRST, "初审通过", None),
        ("初审", "复核", SECOND, "复核通过", None),
        ("复核", "公示", SECOND, "公示", 1_000_000),
        ("公示", "批准", APPROVER, "批准", 1_000_000),
        ("批准", "拨付", "钱财务", "拨付", 1_000_000),
        ("拨付", "追回", "孙监督", "发票金额不实", 400_000),
    ]
    row = s.one("SELECT * FROM subsidy_application WHERE id = ?", (a,))
    assert (row["recorded_by"], row["first_reviewed_by"], row["approved_by"]) == (RECORDER, FIRST, APPROVER)
    assert (row["approved_fen"], row["paid_fen"], row["recovered_fen"], row["voucher_no"]) == (
        1_000_000, 1_000_000, 400_000, "PZ-2023-001")
    assert s.one("SELECT blacklisted, blacklist_reason FROM enterprise WHERE id = ?", (e,))[:] == (1, "虚报保费")
    audit = s.rows("SELECT actor, op FROM audit_log WHERE table_name = 'subsidy_event'")
    assert len(audit) == 7 and {r["actor"] for r in audit} >= {RECORDER, FIRST, SECOND, APPROVER}
    updates = s.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'subsidy_application' AND op != 'INSERT'")
    assert updates >= 6
    ledger = budget_ledger(s, g)
    assert (ledger.paid_fen, ledger.recovered_fen, ledger.remaining_fen) == (1_000_000, 400_000, 9_400_000)
    assert [st for st in explain(s, a).steps] == ["实缴保费 20,000.00 × 补贴比例 50% = 10,000.00", "核定 10,000.00"]


def test_wrong_state_transitions_are_refused_and_change_nothing(one):
    s, g, e, a = one
    s.actor = APPROVER
    with pytest.raises(Refused, match="当前处于“申报”状态，不能转为“批准”；当前可转为：初审、退回补正、不予支持"):
        advance(s, a, "批准")
    with pytest.raises(Refused, match="不能转为“批准”"):
        approve(s, a)
    with pytest.raises(Refused, match="不能转为“拨付”"):
        pay(s, a, voucher_no="X", paid_at="2023-05-01")
    with pytest.raises(Refused, match="不能转为“追回”"):
        clawback(s, a, amount_fen=1, reason="x")
    assert state(s, a) == "申报" and len(_events(s, a)) == 1


@pytest.mark.parametrize("who", [RECORDER, FIRST])
def test_four_eyes_second_review(one, who):
    s, g, e, a = one
    s.actor = FIRST
    first_review(s, a)
    s.actor = who
    with pytest.raises(Refused, match=f"双人复核：{who} 是该申请的.*人.*录入人 {RECORDER}，初审人 {FIRST}"):
        second_review(s, a)
    assert state(s, a) == "初审"


@pytest.mark.parametrize("who", [RECORDER, FIRST])
def test_four_eyes_approval(one, who):
    s, g, e, a = one
    to_publicity(s, a)
    s.actor = who
    with pytest.raises(Refused, match="双人复核") as caught:
        approve(s, a, at="2023-05-10")
    assert RECORDER in caught.value.message and FIRST in caught.value.message
    assert state(s, a) == "公示"


def test_recorder_who_also_did_first_review_is_named_for_both(one):
    s, g, e, a = one
    s.actor = RECORDER
    first_review(s, a)
    with pytest.raises(Refused, match="录入和初审人"):
        second_review(s, a)


def test_approval_only_after_publicity_ends(one):
    s, g, e, a = one
    to_publicity(s, a, "2023-05-01", "2023-05-07")
    s.actor = APPROVER
    with pytest.raises(Refused, match="公示期至 2023-05-07 结束，2023-05-07 不能批准；最早可于 2023-05-08 批准"):
        approve(s, a, at="2023-05-07")
    approve(s, a, at="2023-05-08")
    assert state(s, a) == "批准"


def test_publicity_needs_valid_dates_and_a_positive_amount(ledger_store):
    s = ledger_store
    g = programme(s, "beijing-overseas-2022")
    a = apply(s, g, pol(s, ent(s, 0, tags=("中小微",)), "B-1", "overseas", premium=100_000), 100_000)
    s.actor = FIRST
    first_review(s, a)
    s.actor = SECOND
    second_review(s, a)
    with pytest.raises(InvalidInput, match="公示结束日期（2023-04-01）早于开始日期"):
        publish(s, a, start="2023-05-01", end="2023-04-01")
    with pytest.raises(Refused, match="核定补贴为 0.00 元（企业不属于本项目支持的类型.*不予支持"):
        publish(s, a, start="2023-05-01", end="2023-05-07")
    reject(s, a, reason="非出口型企业")
    assert state(s, a) == "不予支持"
    with pytest.raises(Refused, match="终结状态"):
        advance(s, a, "申报")


def test_approval_over_budget_is_refused_with_figures(ledger_store):
    s = ledger_store
    g = programme(s, "wuxi-2020", budget_fen=2_000_000)
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "W-1", premium=2_000_000), 2_000_000)  # 10,000
    b = apply(s, g, pol(s, e, "W-2", premium=2_000_000), 2_000_000, "2023-03-02")  # 10,000
    to_approved(s, a)
    to_publicity(s, b)
    s.actor = "管理员"  # the budget is cut to 15,000.00 after 公示
    with pytest.raises(Refused, match="不能调低到 9,000.00 元：已批准和已拨付（扣除追回）合计 10,000.00 元"):
        update_programme(s, g, ProgrammeInput(load_programme("wuxi-2020").name, 2020, budget_fen=900_000))
    update_programme(s, g, ProgrammeInput(load_programme("wuxi-2020").name, 2020, budget_fen=1_500_000))
    s.actor = APPROVER
    with pytest.raises(Refused) as caught:
        approve(s, b, at="2023-05-10")
    msg = caught.value.message
    for part in ("需 10,000.00 元", "预算 15,000.00 元", "已批准未拨付 10,000.00 元", "已拨付 0.00 元",
                 "已追回 0.00 元", "剩余 5,000.00 元", "还差 5,000.00 元"):
        assert part in msg, (part, msg)
    assert state(s, b) == "公示"


def test_budget_exhaustion_mid_batch_rolls_back_the_whole_batch(ledger_store):
    s = ledger_store
    g = programme(s, "wuxi-2020", budget_fen=20_000_000)
    ids = []
    for k in range(3):
        e = ent(s, k)
        ids.append(apply(s, g, pol(s, e, f"W-{k}", premium=8_000_000), 8_000_000, f"2023-03-0{k + 1}"))
    for a in ids:
        to_publicity(s, a)
    assert [computed(s, a) for a in ids] == [4_000_000] * 3
    update_programme(s, g, ProgrammeInput(load_programme("wuxi-2020").name, 2020, budget_fen=9_000_000))  # cut
    s.actor = APPROVER
    with pytest.raises(BatchRefused) as caught:
        approve_many(s, ids, at="2023-05-10")
    exc = caught.value
    assert exc.position == 3 and exc.application_id == ids[2]
    assert "批量批准未执行，已全部撤销：第 3 项（共 3 项）" in exc.message
    assert "SB-2020-000003" in exc.message and "剩余 10,000.00 元" in exc.message and "已批准未拨付 80,000.00 元" in exc.message
    assert [state(s, a) for a in ids] == ["公示"] * 3
    assert s.scalar("SELECT count(*) FROM subsidy_event WHERE to_state = '批准'") == 0
    approve_many(s, ids[:2], at="2023-05-10")
    assert [state(s, a) for a in ids] == ["批准", "批准", "公示"]


def test_pay_more_than_approved_and_clawback_more_than_paid_are_refused(one):
    s, g, e, a = one
    to_approved(s, a)
    s.actor = "钱财务"
    with pytest.raises(Refused, match="拨付 10,000.01 元超过批准金额 10,000.00 元"):
        pay(s, a, voucher_no="PZ-1", paid_at="2023-05-20", amount_fen=1_000_001)
    with pytest.raises(InvalidInput, match="凭证号"):
        pay(s, a, voucher_no="", paid_at="2023-05-20")
    pay(s, a, voucher_no="PZ-1", paid_at="2023-05-20", amount_fen=900_000)
    with pytest.raises(Refused, match=r"追回 9,000.01 元超过可追回金额 9,000.00 元（已拨付 9,000.00 元，已追回 0.00 元）"):
        clawback(s, a, amount_fen=900_001, reason="重复申报")
    with pytest.raises(InvalidInput, match="追回必须填写理由"):
        clawback(s, a, amount_fen=1, reason=" ")
    clawback(s, a, amount_fen=500_000, reason="重复申报")
    with pytest.raises(Refused, match="可追回金额 4,000.00 元"):
        clawback(s, a, amount_fen=400_001, reason="再次追回")
    clawback(s, a, amount_fen=400_000, reason="再次追回")
    assert budget_ledger(s, g).remaining_fen == 10_000_000


def test_return_for_correction_and_resubmit_recomputes(one):
    s, g, e, a = one
    s.actor = FIRST
    with pytest.raises(InvalidInput, match="退回补正必须填写理由"):
        return_for_correction(s, a, reason="")
    return_for_correction(s, a, reason="缺付款凭证")
    s.actor = RECORDER
    with pytest.raises(InvalidInput, match="超过保单 W-1 的保费"):
        resubmit(s, a, premium_paid_fen=2_000_001)
    resubmit(s, a, premium_paid_fen=1_000_000, reason="已补交付款凭证")
    assert state(s, a) == "申报" and computed(s, a) == 500_000
    assert _events(s, a)[-1] == ("退回补正", "申报", RECORDER, "已补交付款凭证", 500_000)


def test_closed_year_refuses_every_write(one):
    s, g, e, a = one
    with pytest.raises(Refused, match="仍有未办结的补贴申请（申报 1 件）"):
        close_programme(s, g, "年度结转")
    s.actor = FIRST
    reject(s, a, reason="材料不全")
    b_policy = pol(s, e, "W-2", premium=1_000_000)
    s.actor = "管理员"
    close_programme(s, g, "2020 年度结转")
    row = s.one("SELECT status, closed_at FROM programme WHERE id = ?", (g,))
    assert row["status"] == "已结转" and row["closed_at"]
    with pytest.raises(Refused, match="已结转"):
        apply(s, g, b_policy, 1_000_000)
    with pytest.raises(Refused, match="已结转"):
        advance(s, a, "申报")
    with pytest.raises(Refused, match="已结转"):
        recompute(s, a)
    with pytest.raises(Refused, match="已结转"):
        update_programme(s, g, ProgrammeInput("x", 2020))
    with pytest.raises(Refused, match="已结转"):
        close_programme(s, g, "again")
    assert s.scalar("SELECT count(*) FROM subsidy_application") == 1


def test_a_closed_year_still_takes_a_clawback_into_its_budget(one):
    s, g, e, a = one
    to_approved(s, a)
    s.actor = "钱财务"
    pay(s, a, voucher_no="PZ-2023-001", paid_at="2023-05-20")
    s.actor = "管理员"
    close_programme(s, g, "2020 年度结转")
    before = budget_ledger(s, g)
    s.actor = "孙监督"  # an audit after the close finds the premium invoice false
    clawback(s, a, amount_fen=300_000, reason="审计发现发票不实")
    after = budget_ledger(s, g)
    assert (after.recovered_fen - before.recovered_fen, after.remaining_fen - before.remaining_fen) == (300_000, 300_000)
    assert state(s, a) == "追回" and _events(s, a)[-1] == ("拨付", "追回", "孙监督", "审计发现发票不实", 300_000)
    advance(s, a, "追回", amount_fen=100_000, reason="再追回")  # the CLI route too
    assert budget_ledger(s, g).recovered_fen - before.recovered_fen == 400_000
    with pytest.raises(Refused, match="已结转"):
        recompute(s, a)


def test_pay_many_records_vouchers_in_one_batch(ledger_store):
    s = ledger_store
    g = programme(s, "wuxi-2020")
    ids = [apply(s, g, pol(s, ent(s, k), f"W-{k}", premium=1_000_000), 1_000_000) for k in range(2)]
    for a in ids:
        to_approved(s, a)
    s.actor = "钱财务"
    with pytest.raises(BatchRefused, match="第 2 项.*凭证号"):
        pay_many(s, {ids[0]: "PZ-1", ids[1]: ""}, paid_at="2023-06-01", payment_batch="B1")
    assert [state(s, a) for a in ids] == ["批准", "批准"]
    pay_many(s, {ids[0]: "PZ-1", ids[1]: "PZ-2"}, paid_at="2023-06-01", payment_batch="B1")
    assert [tuple(r) for r in s.rows("SELECT voucher_no, payment_batch, paid_at FROM subsidy_application")] == [
        ("PZ-1", "B1", "2023-06-01"), ("PZ-2", "B1", "2023-06-01")]


def test_application_premium_above_policy_is_refused(one):
    s, g, e, a = one
    with pytest.raises(InvalidInput, match="申报实缴保费 20,000.01 元超过保单 W-2 的保费 20,000.00 元"):
        apply(s, g, pol(s, e, "W-2", premium=2_000_000), 2_000_001)


def test_roles_are_checked_once_users_exist(one):
    from ledger.errors import PermissionDenied
    from ledger.security import create_user, login, setup_administrator

    s, g, e, a = one
    s.actor = "system"
    setup_administrator(s, "admin", "管理员", "Admin-2023-pass!")
    login(s, "admin", "Admin-2023-pass!")
    for name, role in (("viewer", "只读"), ("clerk", "经办人"), ("rev1", "审核人"), ("rev2", "审核人")):
        create_user(s, name, name, role, f"{name.title()}-2023-pass!")
    login(s, "viewer", "Viewer-2023-pass!")
    with pytest.raises(PermissionDenied, match="审核补贴"):
        first_review(s, a)
    login(s, "clerk", "Clerk-2023-pass!")
    with pytest.raises(PermissionDenied, match="审核补贴"):
        first_review(s, a)
    login(s, "rev1", "Rev1-2023-pass!")
    first_review(s, a)
    with pytest.raises(Refused, match="双人复核：rev1 是该申请的初审人"):
        second_review(s, a)
    login(s, "rev2", "Rev2-2023-pass!")
    second_review(s, a)
    assert state(s, a) == "复核"
