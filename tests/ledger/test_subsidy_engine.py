"""Calculation engine: one or more hand-computed scenarios per real programme.

Amounts in comments are in yuan; the code compares fen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from ledger.subsidy import (
    ApplicationFacts,
    CoveredRight,
    Grant,
    LedgerContext,
    RuleSet,
    TypeCap,
    calculate,
    calculate_batch,
    load_programme,
)

EMPTY = LedgerContext()
PATENT = CoveredRight("ip1", "ZL201710601862.3", "2037-07-20")


def yuan(v: float | int) -> int:
    return round(v * 100)


def app(n: int | str = 1, *, premium: int, paid: int | None = None, **kw) -> ApplicationFacts:
    """An application with premium given in fen."""
    base = dict(application_id=f"A{n}", policy_no=f"P{n}", enterprise_id="E1",
                enterprise_name="某科技有限公司", insurance_type="enforcement",
                premium_fen=premium, premium_paid_fen=premium if paid is None else paid,
                ip_rights=(PATENT,))
    base.update(kw)
    return ApplicationFacts(**base)


def run(rules, *apps, ctx=EMPTY, as_of=date(2024, 6, 1)):
    return calculate_batch(rules, list(apps), ctx, as_of).calculations


# ---------------------------------------------------------------- Wuxi 2020

def test_wuxi_half_and_per_item_cap():
    rs = load_programme("wuxi-2020")
    # 700,000 × 50% = 350,000 → 每项最高 300,000
    c = calculate(rs, app(premium=yuan(700_000)), EMPTY, date(2020, 7, 1))
    assert c.amount_fen == yuan(300_000) and c.outcome == "reduced"
    assert c.explanation == ("实缴保费 700,000.00 × 补贴比例 50% = 350,000.00；"
                             "单保单上限 300,000.00；核定 300,000.00")
    # 阳山水蜜桃: premium 12,000 × 50% = 6,000, under the cap
    c = calculate(rs, app(premium=yuan(12_000)), EMPTY, date(2020, 7, 1))
    assert (c.amount_fen, c.outcome) == (yuan(6_000), "granted")
    assert c.explanation == "实缴保费 12,000.00 × 补贴比例 50% = 6,000.00；核定 6,000.00"


# ---------------------------------------------------------------- Changzhou Wujin

def test_changzhou_wujin_half_up_to_the_fen():
    rs = load_programme("changzhou-wujin")
    # 12,345.67 × 50% = 6,172.835 → 6,172.84 (half-up)
    c = calculate(rs, app(premium=1_234_567), EMPTY, date(2022, 1, 1))
    assert c.amount_fen == 617_284
    assert "（6,172.835 四舍五入到分）" in c.explanation


# ---------------------------------------------------------------- Guangzhou dev zone

def test_guangzhou_devzone_sixty_percent():
    rs = load_programme("guangzhou-devzone-2020")
    # 85,000 × 60% = 51,000
    c = calculate(rs, app(premium=yuan(85_000), insurance_type="overseas",
                          overseas=True), EMPTY, date(2020, 5, 20))
    assert c.amount_fen == yuan(51_000)


# ---------------------------------------------------------------- Beijing overseas 2022

def test_beijing_overseas_cap_across_two_policies():
    rs = load_programme("beijing-overseas-2022")
    kw = dict(insurance_type="overseas", overseas=True, enterprise_tags=("出口型",))
    first, second = run(rs, app(1, premium=yuan(1_200_000), **kw), app(2, premium=yuan(100_000), **kw))
    # 1,200,000 × 80% = 960,000 → 单户年度上限 800,000
    assert first.amount_fen == yuan(800_000)
    # 100,000 × 80% = 80,000; already 800,000 of 800,000 → 0
    assert (second.amount_fen, second.outcome) == (0, "zero")
    assert second.reasons == ["单户年度上限 800,000.00，已获 800,000.00，剩余 0.00"]


def test_beijing_overseas_only_export_enterprises_and_overseas_legal_costs():
    rs = load_programme("beijing-overseas-2022")
    c = calculate(rs, app(premium=yuan(10_000)), EMPTY, date(2022, 6, 1))
    assert not c.eligible
    assert any("出口型" in r for r in c.reasons)
    assert any("不在本项目补贴范围" in r for r in c.reasons)


# ---------------------------------------------------------------- Dongguan

def test_dongguan_ninety_percent():
    rs = load_programme("dongguan-2020")
    # 600,000 × 90% = 540,000
    c = calculate(rs, app(premium=yuan(600_000)), EMPTY, date(2020, 12, 1))
    assert c.amount_fen == yuan(540_000)


# ---------------------------------------------------------------- Beijing patent 2021

BJ_AS_OF = date(2021, 6, 1)


def test_beijing_first_time_full_premium_capped_by_tier():
    rs = load_programme("beijing-patent-2021")
    # 单项冠军, first time: 400,000 × 100% = 400,000 → 冠军 cap 300,000
    c = calculate(rs, app(premium=yuan(400_000), enterprise_tags=("单项冠军",)), EMPTY, BJ_AS_OF)
    assert c.amount_fen == yuan(300_000)
    assert "单户年度上限（单项冠军） 300,000.00" in c.explanation


def test_beijing_later_years_by_tier():
    rs = load_programme("beijing-patent-2021")
    # 中小微, second year: 100,000 × 90% = 90,000
    c = calculate(rs, app(premium=yuan(100_000), enterprise_tags=("中小微",), times_funded_before=1),
                  EMPTY, BJ_AS_OF)
    assert c.amount_fen == yuan(90_000)
    assert c.explanation.startswith("企业类型“中小微”，此前已获补贴 1 个年度，适用比例 90%")
    # 单项冠军, third year: 100,000 × 80% = 80,000
    c = calculate(rs, app(premium=yuan(100_000), enterprise_tags=("单项冠军",), times_funded_before=2),
                  EMPTY, BJ_AS_OF)
    assert c.amount_fen == yuan(80_000)
    # both tags: highest ratio (90%) and highest cap (300,000): 500,000 × 90% = 450,000 → 300,000
    c = calculate(rs, app(premium=yuan(500_000), enterprise_tags=("单项冠军", "中小微"),
                          times_funded_before=1), EMPTY, BJ_AS_OF)
    assert (c.ratio_bp, c.amount_fen) == (9000, yuan(300_000))
    # 示范企业 later year: generic ladder 80%: 700,000 × 80% = 560,000 → 示范 cap 500,000
    c = calculate(rs, app(premium=yuan(700_000), enterprise_tags=("知识产权示范企业",),
                          times_funded_before=1), EMPTY, BJ_AS_OF)
    assert (c.ratio_bp, c.amount_fen) == (8000, yuan(500_000))


def test_beijing_patent_needs_three_years_left():
    rs = load_programme("beijing-patent-2021")
    kw = dict(premium=yuan(10_000), enterprise_tags=("中小微",))
    short = CoveredRight("ip2", "ZL201310699744.2", "2024-05-31")
    c = calculate(rs, app(ip_rights=(short,), **kw), EMPTY, BJ_AS_OF)
    assert not c.eligible
    assert c.reasons == ["知识产权 ZL201310699744.2 于 2024-05-31 到期，剩余有效期不足 3 年"
                         "（须至 2024-06-01 仍有效）"]
    edge = CoveredRight("ip2", "ZL201310699744.2", "2024-06-01")
    assert calculate(rs, app(ip_rights=(edge,), **kw), EMPTY, BJ_AS_OF).amount_fen == yuan(10_000)
    unknown = CoveredRight("ip3", "ZL201080063196.9", None)
    assert "未提供到期日" in calculate(rs, app(ip_rights=(unknown,), **kw), EMPTY, BJ_AS_OF).reasons[0]


# ---------------------------------------------------------------- Shenzhen 2025

SZ = dict(contract_date="2024-03-01", declared_no_double_funding=True)


def test_shenzhen_several_policies_hit_applicant_cap():
    rs = load_programme("shenzhen-2025")
    a = app(1, premium=yuan(300_000), **SZ)
    b = app(2, premium=yuan(200_000), insurance_type="infringement_loss", **SZ)
    first, second = run(rs, a, b, as_of=date(2025, 3, 1))
    # 300,000 × 50% = 150,000 ; 200,000 × 50% = 100,000 → 200,000 − 150,000 = 50,000 left
    assert first.amount_fen == yuan(150_000)
    assert second.amount_fen == yuan(50_000)
    assert second.explanation == ("实缴保费 200,000.00 × 补贴比例 50% = 100,000.00；"
                                  "单户年度上限 200,000.00，已获 150,000.00，剩余 50,000.00；核定 50,000.00")


def _shenzhen_batch():
    apps = []
    for i in range(24):  # 24 applicants × (400,000 × 50% = 200,000) = 4,800,000
        apps.append(app(i, premium=yuan(400_000), enterprise_id=f"E{i}",
                        ip_rights=(CoveredRight(f"ip{i}", f"N{i}", "2040-01-01"),), **SZ))
    # 300,000 × 50% = 150,000 → total 4,950,000, 50,000 left
    apps.append(app(24, premium=yuan(300_000), enterprise_id="E24", ip_rights=(), **SZ))
    # 200,000 × 50% = 100,000 > 50,000 left
    apps.append(app(25, premium=yuan(200_000), enterprise_id="E25", ip_rights=(), **SZ))
    # 80,000 × 50% = 40,000 ≤ 50,000 left
    apps.append(app(26, premium=yuan(80_000), enterprise_id="E26", ip_rights=(), **SZ))
    return apps


def test_shenzhen_programme_total_exhausted_mid_batch_refuse():
    rs = load_programme("shenzhen-2025")
    res = calculate_batch(rs, _shenzhen_batch(), EMPTY, date(2025, 3, 1))
    amounts = [c.amount_fen for c in res.calculations]
    assert amounts[:24] == [yuan(200_000)] * 24
    assert amounts[24:] == [yuan(150_000), 0, yuan(40_000)]
    refused = res.calculations[25]
    assert refused.outcome == "budget_refused"
    assert refused.reasons == ["项目年度总额上限不足：项目年度总额上限 5,000,000.00，已核定 4,950,000.00，"
                               "剩余 50,000.00，本申请应补 100,000.00，按规则不作部分补贴"]
    assert res.total_fen == yuan(4_990_000)
    assert sum(g.amount_fen for g in res.context.grants) == yuan(4_990_000)


def test_shenzhen_programme_total_partial_option():
    rs = replace(load_programme("shenzhen-2025"), budget_exhaustion="partial")
    res = calculate_batch(rs, _shenzhen_batch(), EMPTY, date(2025, 3, 1))
    # the 26th gets the 50,000 left; the 27th finds nothing left
    assert [c.amount_fen for c in res.calculations[24:]] == [yuan(150_000), yuan(50_000), 0]
    assert "项目年度总额上限 5,000,000.00，已核定 4,950,000.00，剩余 50,000.00" in \
        res.calculations[25].explanation
    assert res.total_fen == yuan(5_000_000)


def test_shenzhen_same_ip_same_type_funded_once():
    rs = load_programme("shenzhen-2025")
    earlier = Grant("E9", "P-OLD", "enforcement", yuan(30_000), 2025, ip_right_ids=("ip1",))
    ctx = LedgerContext((earlier,))
    c = calculate(rs, app(premium=yuan(100_000), **SZ), ctx, date(2025, 3, 1))
    assert not c.eligible
    assert c.reasons == ["知识产权 ZL201710601862.3 已于 2025 年度以“执行/维权费用”类险种获补贴"
                         "（保单 P-OLD），同一知识产权同一险种只补贴一次"]
    # same IP right, another insurance type: allowed; 100,000 × 50% = 50,000
    c = calculate(rs, app(premium=yuan(100_000), insurance_type="infringement_loss", **SZ), ctx,
                  date(2025, 3, 1))
    assert c.amount_fen == yuan(50_000)


def test_shenzhen_contract_window_and_double_funding():
    rs = load_programme("shenzhen-2025")
    c = calculate(rs, app(premium=yuan(100_000), contract_date="2025-01-05",
                          other_department_funding=True), EMPTY, date(2025, 3, 1))
    assert c.reasons == ["合同日期 2025-01-05 不在 2024-01-01 至 2024-12-31 之内",
                         "该保单已获其他部门保费资助，不得重复补贴", "未提交不重复申报承诺"]
    assert c.explanation.endswith("核定 0.00") and c.amount_fen == 0


# ---------------------------------------------------------------- Shandong 2021 / 2024

def test_shandong_uplift_raises_ratio_and_cap():
    rs = load_programme("shandong-2021")
    hv = CoveredRight("ip1", "ZL201710601862.3", "2037-07-20", high_value=True)
    # 500,000 × (60% + 10%) = 350,000 → raised enforcement cap 300,000
    c = calculate(rs, app(premium=yuan(500_000), ip_rights=(hv,)), EMPTY, date(2021, 9, 1))
    assert c.amount_fen == yuan(300_000)
    assert c.explanation == ("高价值专利上浮 10%，比例 70%；实缴保费 500,000.00 × 补贴比例 70% = "
                             "350,000.00；“境内维权类（执行险、被侵权损失险）”单户年度上限 300,000.00；"
                             "核定 300,000.00")
    # no uplift: 500,000 × 60% = 300,000 → cap 200,000
    c = calculate(rs, app(premium=yuan(500_000)), EMPTY, date(2021, 9, 1))
    assert c.amount_fen == yuan(200_000)


def test_shandong_overseas_and_other_domestic_caps():
    rs = load_programme("shandong-2024")
    ov = dict(insurance_type="overseas")  # the type alone makes it overseas
    # Belt-and-Road: 1,000,000 × 70% = 700,000 → 500,000
    c = calculate(rs, app(premium=yuan(1_000_000), belt_and_road=True, **ov), EMPTY, date(2024, 9, 1))
    assert c.amount_fen == yuan(500_000)
    # plain overseas: 1,000,000 × 60% = 600,000 → 400,000
    c = calculate(rs, app(premium=yuan(1_000_000), **ov), EMPTY, date(2024, 9, 1))
    assert c.amount_fen == yuan(400_000)
    # other domestic type, even uplifted: 150,000 × 70% = 105,000 → 60,000 (not raised)
    hv = CoveredRight("ip1", "ZL201710601862.3", "2037-07-20", high_value=True)
    c = calculate(rs, app(premium=yuan(150_000), insurance_type="infringement_liability",
                          ip_rights=(hv,)), EMPTY, date(2024, 9, 1))
    assert c.amount_fen == yuan(60_000)


def test_shandong_type_groups_shared_across_policies():
    rs = load_programme("shandong-2021")
    a = app(1, premium=yuan(200_000))  # 200,000 × 60% = 120,000
    b = app(2, premium=yuan(200_000), insurance_type="infringement_loss")  # 120,000 → 80,000 left
    c = app(3, premium=yuan(50_000), insurance_type="infringement_liability")  # 30,000, own group
    res = calculate_batch(rs, [a, b, c], EMPTY, date(2021, 9, 1))
    assert [x.amount_fen for x in res.calculations] == [yuan(120_000), yuan(80_000), yuan(30_000)]
    assert "已获 120,000.00，剩余 80,000.00" in res.calculations[1].explanation


# ---------------------------------------------------------------- Qingdao 2021

def test_qingdao_issue_example_text():
    rs = load_programme("qingdao-2021")
    ctx = LedgerContext((Grant("E1", "P-OLD", "infringement_loss", yuan(195_000), 2021),))
    c = calculate(rs, app(premium=yuan(12_000)), ctx, date(2021, 8, 1))
    assert c.explanation == ("实缴保费 12,000.00 × 补贴比例 50% = 6,000.00；单户年度上限 200,000.00，"
                             "已获 195,000.00，剩余 5,000.00；核定 5,000.00")


def test_qingdao_minimum_premium_per_enterprise_year():
    rs = load_programme("qingdao-2021")
    c = calculate(rs, app(premium=yuan(8_000)), EMPTY, date(2021, 8, 1))
    assert c.reasons == ["企业年度保费合计 8,000.00 低于最低保费 10,000.00"]
    # two policies of 6,000 (12,000 together): each 6,000 × 50% = 3,000
    ip2 = CoveredRight("ip2", "ZL201310699744.2", "2033-12-18")
    res = run(rs, app(1, premium=yuan(6_000), enterprise_year_premium_fen=yuan(12_000)),
              app(2, premium=yuan(6_000), enterprise_year_premium_fen=yuan(12_000), ip_rights=(ip2,)))
    assert [c.amount_fen for c in res] == [yuan(3_000), yuan(3_000)]


def test_qingdao_policy_funded_once_and_ip_type_once_a_year():
    rs = load_programme("qingdao-2021")
    first, again = run(rs, app(1, premium=yuan(20_000)), app(1, premium=yuan(20_000)))
    assert first.amount_fen == yuan(10_000)
    assert again.reasons[0] == "保单 P1 已于 2021 年度获补贴 10,000.00，每张保单只补贴一次"
    # another policy on the same patent and type in the same year: refused
    _, other = run(rs, app(1, premium=yuan(20_000)), app(2, premium=yuan(20_000)))
    assert other.reasons == ["知识产权 ZL201710601862.3 已于 2021 年度以“执行/维权费用”类险种获补贴"
                             "（保单 P1），同一年度同一知识产权同一险种只补贴一次"]
    # a grant in an earlier year does not block (scope: year)
    ctx = LedgerContext((Grant("E1", "P-2020", "enforcement", yuan(5_000), 2020, ip_right_ids=("ip1",)),))
    assert calculate(rs, app(2, premium=yuan(20_000)), ctx, date(2021, 8, 1)).amount_fen == yuan(10_000)


def test_qingdao_paid_in_full_not_cancelled_cap():
    rs = load_programme("qingdao-2021")
    c = calculate(rs, app(premium=yuan(20_000), paid=yuan(15_000)), EMPTY, date(2021, 8, 1))
    assert c.reasons == ["保费未缴清：应缴 20,000.00，实缴 15,000.00"]
    c = calculate(rs, app(premium=yuan(20_000), policy_status="退保"), EMPTY, date(2021, 8, 1))
    assert c.reasons == ["保单 P1 状态为“退保”，已退保或终止"]
    # 500,000 × 50% = 250,000 → 200,000
    assert calculate(rs, app(premium=yuan(500_000)), EMPTY, date(2021, 8, 1)).amount_fen == yuan(200_000)


# ---------------------------------------------------------------- Qingdao Sino-German park 2016

def test_sino_german_year_ladder_and_policy_cap():
    rs = load_programme("qingdao-sino-german-2016")
    d = date(2016, 10, 1)
    # years 1 and 2: 800,000 × 75% = 600,000 → 500,000 per policy
    for before in (0, 1):
        c = calculate(rs, app(premium=yuan(800_000), times_funded_before=before), EMPTY, d)
        assert (c.ratio_bp, c.amount_fen) == (7500, yuan(500_000))
    # year 3 and later: 800,000 × 50% = 400,000 → 350,000
    for before in (2, 9):
        c = calculate(rs, app(premium=yuan(800_000), times_funded_before=before), EMPTY, d)
        assert (c.ratio_bp, c.amount_fen) == (5000, yuan(350_000))
    # small premium year 1: 100,000 × 75% = 75,000
    assert calculate(rs, app(premium=yuan(100_000)), EMPTY, d).amount_fen == yuan(75_000)


def test_sino_german_blacklisted_after_fraud():
    rs = load_programme("qingdao-sino-german-2016")
    c = calculate(rs, app(premium=yuan(100_000), blacklisted=True, blacklist_reason="虚报保费，已追回补贴"),
                  EMPTY, date(2016, 10, 1))
    assert c.reasons == ["企业已列入黑名单（虚报保费，已追回补贴）"]
    assert c.explanation == "不符合条件：企业已列入黑名单（虚报保费，已追回补贴）；核定 0.00"


# ---------------------------------------------------------------- Shaanxi 2023

def test_shaanxi_order_ladder():
    rs = load_programme("shaanxi-2023")
    d = date(2023, 9, 1)
    kw = dict(premium=yuan(50_000), sum_insured_fen=yuan(1_000_000))  # rate exactly 5 %: allowed
    # 50,000 × 75% / 50% / 30% / 30%
    got = [calculate(rs, app(application_order=k, **kw), EMPTY, d).amount_fen for k in (1, 2, 3, 5)]
    assert got == [yuan(37_500), yuan(25_000), yuan(15_000), yuan(15_000)]
    c = calculate(rs, app(application_order=2, **kw), EMPTY, d)
    assert c.explanation.startswith("第 2 次申报，适用比例 50%；")


def test_shaanxi_max_premium_rate():
    rs = load_programme("shaanxi-2023")
    d = date(2023, 9, 1)
    c = calculate(rs, app(premium=yuan(60_000), sum_insured_fen=yuan(1_000_000)), EMPTY, d)
    assert c.reasons == ["保费费率 = 保费 60,000.00 ÷ 保险金额 1,000,000.00 = 6%，超过境内上限 5%"]
    ov = dict(insurance_type="overseas", overseas=True)
    # overseas 6 % is fine: 60,000 × 75% = 45,000
    c = calculate(rs, app(premium=yuan(60_000), sum_insured_fen=yuan(1_000_000), **ov), EMPTY, d)
    assert c.amount_fen == yuan(45_000)
    c = calculate(rs, app(premium=yuan(125_000), sum_insured_fen=yuan(1_000_000), **ov), EMPTY, d)
    assert c.reasons == ["保费费率 = 保费 125,000.00 ÷ 保险金额 1,000,000.00 = 12.5%，超过境外上限 10%"]
    c = calculate(rs, app(premium=yuan(60_000)), EMPTY, d)
    assert "未提供保险金额" in c.reasons[0]


# ---------------------------------------------------------------- rounding

ROUND = RuleSet(name="舍入", year=2024, ratio_bp=5000)


def test_rounding_at_half_fen():
    # 1,001 fen × 50% = 500.5 fen ; 1,003 fen × 50% = 501.5 fen
    for mode, expect in (("half_up", (501, 502)), ("half_even", (500, 502)), ("down", (500, 501))):
        rs = replace(ROUND, rounding=mode)
        got = tuple(calculate(rs, app(premium=p), EMPTY, date(2024, 1, 1)).amount_fen
                    for p in (1001, 1003))
        assert got == expect, mode
    c = calculate(ROUND, app(premium=1001), EMPTY, date(2024, 1, 1))
    assert c.explanation == "实缴保费 10.01 × 补贴比例 50% = 5.01（5.005 四舍五入到分）；核定 5.01"


def test_rounding_to_the_yuan():
    rs = replace(ROUND, rounding_unit="yuan")
    # 123.45 × 50% = 61.725 → 62 (half-up to the yuan)
    assert calculate(rs, app(premium=12345), EMPTY, date(2024, 1, 1)).amount_fen == 6200
    # a cap remainder with odd fen is cut to whole yuan: cap 100.50, 300 × 50% = 150 → 100.50 → 100
    rs = replace(rs, cap_per_policy_fen=10050)
    c = calculate(rs, app(premium=30000), EMPTY, date(2024, 1, 1))
    assert c.amount_fen == 10000 and "按元取整" in c.explanation


def test_paid_above_policy_premium_uses_policy_premium():
    c = calculate(ROUND, app(premium=10000, paid=12000), EMPTY, date(2024, 1, 1))
    assert c.amount_fen == 5000


def test_per_ip_right_cap_split_evenly():
    rs = replace(ROUND, cap_per_ip_right_fen=yuan(10_000))
    rights = (PATENT, CoveredRight("ip2", "ZL201310699744.2", "2035-01-01"))
    ctx = LedgerContext((Grant("E1", "P0", "enforcement", yuan(8_000), 2024, ip_right_ids=("ip1",)),))
    # 60,000 × 50% = 30,000; ip1 has 2,000 left → 2 rights × 2,000 = 4,000
    c = calculate(rs, app(premium=yuan(60_000), ip_rights=rights), ctx, date(2024, 1, 1))
    assert c.amount_fen == yuan(4_000)


def test_several_reasons_reported_together():
    rs = replace(ROUND, require_premium_fully_paid=True, min_ip_remaining_years=2)
    old = CoveredRight("ip9", "95115608.X", "2015-03-01")
    c = calculate(rs, app(premium=100, paid=50, blacklisted=True, ip_rights=(old,)), EMPTY,
                  date(2024, 1, 1))
    assert len(c.reasons) == 3 and c.outcome == "ineligible"


# ---------------------------------------------------------------- properties

caps = st.one_of(st.none(), st.integers(1, 5_000_000))


@st.composite
def scenario(draw):
    rs = RuleSet(
        name="随机", year=2024, ratio_bp=draw(st.integers(0, 10000)),
        cap_per_policy_fen=draw(caps), cap_per_enterprise_year_fen=draw(caps),
        cap_per_ip_right_fen=draw(caps), cap_programme_total_fen=draw(caps), budget_fen=draw(caps),
        insurance_type_caps=(TypeCap("维权", ("enforcement",), draw(st.integers(1, 5_000_000))),),
        rounding=draw(st.sampled_from(["half_up", "half_even", "down"])),
        rounding_unit=draw(st.sampled_from(["fen", "yuan"])),
        budget_exhaustion=draw(st.sampled_from(["refuse", "partial"])),
    )
    apps = []
    for i in range(draw(st.integers(1, 12))):
        premium = draw(st.integers(0, 10_000_000))
        ips = tuple(CoveredRight(f"ip{k}", f"N{k}", "2040-01-01")
                    for k in draw(st.sets(st.integers(0, 3), max_size=3)))
        apps.append(app(i, premium=premium, paid=draw(st.integers(0, premium + 10)),
                        enterprise_id=f"E{draw(st.integers(0, 2))}", ip_rights=ips,
                        policy_no=f"P{draw(st.integers(0, 5))}",
                        insurance_type=draw(st.sampled_from(["enforcement", "infringement_loss"]))))
    return rs, apps


@settings(max_examples=300, deadline=None)
@given(scenario())
def test_amounts_respect_ratio_and_every_cap(data):
    rs, apps = data
    res = calculate_batch(rs, apps, EMPTY, date(2024, 1, 1))
    unit = 100 if rs.rounding_unit == "yuan" else 1
    for f, c in zip(apps, res.calculations, strict=True):
        assert c.amount_fen >= 0
        base = min(f.premium_paid_fen, f.premium_fen) if f.premium_fen else f.premium_paid_fen
        # never more than base × ratio plus half a rounding unit
        assert c.amount_fen * 10000 * 2 <= base * rs.max_ratio_bp * 2 + unit * 10000
    grants = res.context.grants

    def total(pred):
        return sum(g.amount_fen for g in grants if pred(g))

    if rs.budget_fen is not None:
        assert total(lambda g: True) <= rs.budget_fen
    if rs.cap_programme_total_fen is not None:
        assert total(lambda g: True) <= rs.cap_programme_total_fen
    for e in {g.enterprise_id for g in grants}:
        if rs.cap_per_enterprise_year_fen is not None:
            assert total(lambda g, e=e: g.enterprise_id == e) <= rs.cap_per_enterprise_year_fen
        assert total(lambda g, e=e: g.enterprise_id == e and g.insurance_type == "enforcement") \
            <= rs.insurance_type_caps[0].cap_fen
    for p in {g.policy_no for g in grants}:
        if rs.cap_per_policy_fen is not None:
            assert total(lambda g, p=p: g.policy_no == p) <= rs.cap_per_policy_fen
    if rs.cap_per_ip_right_fen is not None:
        share: dict[str, int] = {}
        for g in grants:
            k = len(g.ip_right_ids)
            for i, ip in enumerate(g.ip_right_ids):
                share[ip] = share.get(ip, 0) + g.amount_fen // k + (1 if i < g.amount_fen % k else 0)
        assert all(v <= rs.cap_per_ip_right_fen for v in share.values())


def test_tag_uplift_raises_enterprise_cap_and_ceiling_applies():
    from ledger.subsidy import Uplift

    rs = replace(ROUND, ratio_bp=9500, cap_per_enterprise_year_fen=yuan(100_000),
                 uplifts=(Uplift("专精特新加码", ("tag:专精特新",), 1000, {}, yuan(150_000)),))
    # 95% + 10% = 105% → ceiling 100%: 200,000 × 100% = 200,000 → raised cap 150,000
    c = calculate(rs, app(premium=yuan(200_000), enterprise_tags=("专精特新",)), EMPTY, date(2024, 1, 1))
    assert (c.ratio_bp, c.amount_fen) == (10000, yuan(150_000))
    assert "比例 105% 超过上限 100%，按 100%" in c.explanation
    assert "单户年度上限（专精特新加码） 150,000.00" in c.explanation
    # without the tag: 200,000 × 95% = 190,000 → 100,000
    assert calculate(rs, app(premium=yuan(200_000)), EMPTY, date(2024, 1, 1)).amount_fen == yuan(100_000)


def test_contradictory_rules_refused_by_the_engine():
    import pytest

    from ledger.errors import InvalidInput

    bad = replace(ROUND, ratio_bp=12000, budget_fen=-1_00)
    with pytest.raises(InvalidInput) as exc:
        calculate(bad, app(premium=100), EMPTY, date(2024, 1, 1))
    assert "120%" in exc.value.message and "-1.00" in exc.value.message
    with pytest.raises(InvalidInput):
        calculate_batch(bad, [app(premium=100)], EMPTY, date(2024, 1, 1))


def test_zero_ratio_gives_zero_outcome_with_reason():
    c = calculate(replace(ROUND, ratio_bp=0), app(premium=10000), EMPTY, date(2024, 1, 1))
    assert (c.amount_fen, c.outcome, c.reasons) == (0, "zero", ["按比例计算为 0.00"])
