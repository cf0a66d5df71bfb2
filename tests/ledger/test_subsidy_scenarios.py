"""One store-level scenario per shipped programme TOML, amounts computed by hand.

Applications go through the services on a fresh database: facts and ledger context come
from SQL (tags, insurance type, covered rights, earlier grants, queue order)."""

from __future__ import annotations

import pytest

from ledger.errors import InvalidInput
from ledger.services.subsidies import recompute_programme
from ledger.services.subsidy_workflow import pay

from subsidy_setup import apply, computed, ent, explanation, pat, pol, programme, to_approved


def test_wuxi_half_with_300k_cap_per_policy_and_half_up_at_half_fen(ledger_store):
    s = ledger_store
    g = programme(s, "wuxi-2020")
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "WX-1", premium=80_000_000), 80_000_000)  # 800,000.00 × 50% = 400,000 → 300,000
    b = apply(s, g, pol(s, e, "WX-2", premium=10_000_001), 10_000_001)  # 100,000.01 × 50% = 50,000.005 → .01
    c = apply(s, g, pol(s, e, "WX-3", premium=10_000_003), 10_000_003)  # 100,000.03 × 50% = 50,000.015 → .02
    assert computed(s, a) == 30_000_000
    assert "单保单上限 300,000.00" in explanation(s, a) and explanation(s, a).endswith("核定 300,000.00")
    assert computed(s, b) == 5_000_001 and "四舍五入到分" in explanation(s, b)
    assert computed(s, c) == 5_000_002


def test_changzhou_wujin_half_up_boundary(ledger_store):
    s = ledger_store
    g = programme(s, "changzhou-wujin")
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "CZ-1", premium=1_234_567), 1_234_567)  # 12,345.67 × 50% = 6,172.835
    assert computed(s, a) == 617_284


def test_dongguan_ninety_percent(ledger_store):
    s = ledger_store
    g = programme(s, "dongguan-2020")
    a = apply(s, g, pol(s, ent(s, 0), "DG-1", premium=1_000_005), 1_000_005)  # 10,000.05 × 90% = 9,000.045
    assert computed(s, a) == 900_005


def test_guangzhou_sixty_percent(ledger_store):
    s = ledger_store
    g = programme(s, "guangzhou-devzone-2020")
    a = apply(s, g, pol(s, ent(s, 0), "GZ-1", premium=3_333_333), 3_333_333)  # 33,333.33 × 60% = 19,999.998
    assert computed(s, a) == 2_000_000


def test_beijing_overseas_enterprise_cap_across_policies_and_tag_eligibility(ledger_store):
    s = ledger_store
    g = programme(s, "beijing-overseas-2022")
    e = ent(s, 0, tags=("出口型",))
    a = apply(s, g, pol(s, e, "BJO-1", "overseas", premium=60_000_000, overseas=True), 60_000_000)
    b = apply(s, g, pol(s, e, "BJO-2", "overseas", premium=50_000_000, overseas=True), 50_000_000, "2023-03-02")
    assert computed(s, a) == 48_000_000  # 600,000 × 80%
    assert computed(s, b) == 32_000_000  # 400,000 → 800,000 − 480,000 left
    assert "单户年度上限 800,000.00，已获 480,000.00，剩余 320,000.00" in explanation(s, b)
    other = ent(s, 1, tags=("中小微",))
    c = apply(s, g, pol(s, other, "BJO-3", "overseas", premium=1_000_000, overseas=True), 1_000_000)
    assert computed(s, c) == 0 and "须为 出口型" in explanation(s, c)


def test_beijing_patent_tier_caps_and_second_year_ratio(ledger_store):
    s = ledger_store
    g21 = programme(s, "beijing-patent-2021")
    e = ent(s, 0, tags=("专精特新",))
    ip = pat(s, e, 1)
    a = apply(s, g21, pol(s, e, "BJP-1", premium=15_000_000, ip_ids=(ip,)), 15_000_000)
    b = apply(s, g21, pol(s, e, "BJP-2", premium=10_000_000, ip_ids=(pat(s, e, 5),)), 10_000_000, "2023-03-02")
    assert computed(s, a) == 15_000_000  # first time 100 %
    assert computed(s, b) == 5_000_000  # 专精特新 cap 200,000 − 150,000
    to_approved(s, a)
    g22 = programme(s, "beijing-patent-2021", year=2022, name="北京市专利保险试点（2022 年度）")
    c = apply(s, g22, pol(s, e, "BJP-3", premium=10_000_000, ip_ids=(pat(s, e, 6),)), 10_000_000)
    assert computed(s, c) == 8_000_000  # funded in 2021 → 80 %
    assert "此前已获补贴 1 个年度" in explanation(s, c)


def test_qingdao_minimum_premium_counts_the_enterprise_year_and_uniqueness(ledger_store):
    s = ledger_store
    g = programme(s, "qingdao-2021")
    e = ent(s, 0)
    ip = pat(s, e, 2)
    a = apply(s, g, pol(s, e, "QD-1", premium=800_000, ip_ids=(ip,)), 800_000)
    assert computed(s, a) == 0 and "低于最低保费 10,000.00" in explanation(s, a)
    b = apply(s, g, pol(s, e, "QD-2", "comprehensive", premium=400_000), 400_000, "2023-03-02")
    recompute_programme(s, g)  # enterprise year premium now 12,000.00
    assert (computed(s, a), computed(s, b)) == (400_000, 200_000)
    part = apply(s, g, pol(s, e, "QD-3", "comprehensive", premium=2_000_000, paid=1_000_000), 1_000_000)
    assert computed(s, part) == 0 and "保费未缴清" in explanation(s, part)
    with pytest.raises(InvalidInput, match="每张保单只能补贴一次"):
        apply(s, g, s.scalar("SELECT policy_id FROM subsidy_application WHERE id = ?", (a,)), 800_000)
    with pytest.raises(InvalidInput, match=r"同一年度同一知识产权同一险种只补贴一次"):
        apply(s, g, pol(s, e, "QD-4", premium=900_000, ip_ids=(ip,)), 900_000)


def test_qingdao_sino_german_first_years_cap(ledger_store):
    s = ledger_store
    g = programme(s, "qingdao-sino-german-2016")
    a = apply(s, g, pol(s, ent(s, 0), "ZD-1", premium=80_000_000), 80_000_000)  # 600,000 → cap 500,000
    assert computed(s, a) == 50_000_000


def test_shaanxi_ratio_by_application_order_and_premium_rate(ledger_store):
    s = ledger_store
    g = programme(s, "shaanxi-2023")
    e = ent(s, 0)
    ids = [apply(s, g, pol(s, e, f"SX-{k}", premium=2_000_000, sum_insured=100_000_000), 2_000_000,
                 f"2023-03-0{k}") for k in (1, 2, 3)]
    assert [computed(s, i) for i in ids] == [1_500_000, 1_000_000, 600_000]  # 75 / 50 / 30 %
    steep = apply(s, g, pol(s, ent(s, 1), "SX-9", premium=6_000_000, sum_insured=100_000_000), 6_000_000)
    assert computed(s, steep) == 0 and "超过境内上限 5%" in explanation(s, steep)


@pytest.mark.parametrize("slug", ["shandong-2021", "shandong-2024"])
def test_shandong_type_caps_uplift_and_several_policies(ledger_store, slug):
    s = ledger_store
    g = programme(s, slug)
    hv = ent(s, 0)
    a = apply(s, g, pol(s, hv, "SD-1", premium=50_000_000, ip_ids=(pat(s, hv, 3, high_value=True),)), 50_000_000)
    assert computed(s, a) == 30_000_000  # 70 % = 350,000 → uplifted group cap 300,000
    plain = ent(s, 1)
    b = apply(s, g, pol(s, plain, "SD-2", premium=20_000_000), 20_000_000)  # 120,000
    c = apply(s, g, pol(s, plain, "SD-3", "infringement_loss", premium=20_000_000), 20_000_000, "2023-03-02")
    d = apply(s, g, pol(s, plain, "SD-4", "comprehensive", premium=15_000_000), 15_000_000, "2023-03-03")
    o = apply(s, g, pol(s, plain, "SD-5", "overseas", premium=80_000_000, overseas=True), 80_000_000, "2023-03-04")
    assert computed(s, b) == 12_000_000
    assert computed(s, c) == 8_000_000  # group cap 200,000 − 120,000
    assert computed(s, d) == 6_000_000  # 90,000 → 境内其他险种 60,000
    assert computed(s, o) == 40_000_000  # 480,000 → 海外险种 400,000


def test_shenzhen_contract_window_enterprise_cap_and_declaration(ledger_store):
    s = ledger_store
    g = programme(s, "shenzhen-2025")
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "SZ-1", premium=30_000_000, signed="2024-06-01", start="2024-07-01",
                        end="2025-07-01"), 30_000_000, "2025-03-01")
    b = apply(s, g, pol(s, e, "SZ-2", premium=20_000_000, signed="2024-08-01", start="2024-09-01",
                        end="2025-09-01"), 20_000_000, "2025-03-02")
    assert (computed(s, a), computed(s, b)) == (15_000_000, 5_000_000)
    late = apply(s, g, pol(s, ent(s, 1), "SZ-3", premium=1_000_000, signed="2025-01-10", start="2025-01-10",
                           end="2026-01-10"), 1_000_000, "2025-03-03")
    assert computed(s, late) == 0 and "不在 2024-01-01 至 2024-12-31 之内" in explanation(s, late)
    nodecl = apply(s, g, pol(s, ent(s, 2), "SZ-4", premium=1_000_000, signed="2024-05-01", start="2024-05-01",
                             end="2025-05-01"), 1_000_000, "2025-03-04", declared_no_double_funding=False)
    assert computed(s, nodecl) == 0 and "未提交不重复申报承诺" in explanation(s, nodecl)


def test_paid_application_counts_against_the_next_one(ledger_store):
    s = ledger_store
    g = programme(s, "qingdao-2021")
    e = ent(s, 0)
    a = apply(s, g, pol(s, e, "QP-1", premium=30_000_000), 30_000_000)  # 150,000
    to_approved(s, a)
    pay(s, a, voucher_no="PZ-1", paid_at="2023-05-20", amount_fen=14_000_000)
    b = apply(s, g, pol(s, e, "QP-2", "comprehensive", premium=30_000_000), 30_000_000, "2023-06-01")
    assert computed(s, b) == 6_000_000  # cap 200,000 − 140,000 paid (the unpaid 10,000 was released)
